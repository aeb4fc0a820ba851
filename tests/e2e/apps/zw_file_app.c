/*
 * zw_file_app.c - asks the zw_file driver to write, read back and query a
 * file of its own through the Zw services, then reads the file through
 * Win32 to see that the driver's bytes are on disk.
 */
#include <windows.h>
#include <winioctl.h>
#include <string.h>
#include "e2e.h"
#include "zw_file.h"

int main(void)
{
    HANDLE device = CreateFileA(ZW_FILE_WIN32_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                                FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(device != INVALID_HANDLE_VALUE, "open %s (error %lu)", ZW_FILE_WIN32_NAME, GetLastError());
    if (device == INVALID_HANDLE_VALUE)
        return e2e_finish();

    WCHAR path[MAX_PATH];
    DWORD length = GetFullPathNameW(L"zw_file_app.tmp", MAX_PATH, path, NULL);
    CHECK(length > 0 && length < MAX_PATH, "a full path for the driver's file");

    ZW_FILE_RESULT r;
    DWORD returned = 0;
    memset(&r, 0xCC, sizeof r);
    BOOL ok = DeviceIoControl(device, IOCTL_ZW_FILE_ROUND_TRIP, path, (length + 1) * sizeof(WCHAR), &r, sizeof r,
                              &returned, NULL);
    CHECK(ok && returned == sizeof r, "the round-trip IOCTL succeeds (error %lu)", GetLastError());
    CHECK_EQ(r.Step, ZwStepDone, "every Zw step succeeded (failed at step %lu with status 0x%08lX)",
             (unsigned long)r.Step, (unsigned long)r.Status);
    const char content[] = ZW_FILE_CONTENT;
    CHECK_EQ(r.EndOfFile, (LONGLONG)(sizeof content - 1), "FileStandardInformation: EndOfFile after the write");
    CHECK_EQ(r.BytesRead, sizeof content - 1, "ZwReadFile from position 0 reads what was written");
    CHECK(memcmp(r.Data, content, sizeof content - 1) == 0, "and the same bytes");
    CHECK_EQ(r.PositionAfterRead, (LONGLONG)(sizeof content - 1),
             "FilePositionInformation: the read moved the position");
    CHECK_EQ(r.BytesReadAt, 2, "ZwReadFile with a ByteOffset reads there");
    CHECK(memcmp(r.DataAt, content + 8, 2) == 0, "the bytes at offset 8");
    CHECK_EQ_HEX(r.Echo, 0x5A5A1234, "ZwDeviceIoControlFile on a device returns its output");

    HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(file != INVALID_HANDLE_VALUE, "the driver's file exists for Win32 (error %lu)", GetLastError());
    if (file != INVALID_HANDLE_VALUE) {
        char data[64] = {0};
        DWORD read = 0;
        CHECK(ReadFile(file, data, sizeof data, &read, NULL), "ReadFile");
        CHECK(read == sizeof content - 1 && memcmp(data, content, read) == 0, "it holds what the driver wrote");
        CloseHandle(file);
    }
    CHECK(DeleteFileW(path), "DeleteFile (error %lu)", GetLastError());
    CloseHandle(device);
    return e2e_finish();
}
