/*
 * file.c - CreateFile, ReadFile, WriteFile, DeviceIoControl, FlushFileBuffers
 * over the native services, with kernel32's status handling: the BOOL is
 * NT_SUCCESS(status), the last error is set only on failure, and byte
 * counts are reported for every non-error status (warnings included).
 * Calls with an OVERLAPPED go through overlapped.c.
 */
#include "win32.h"
#include "win32_path.h"
#include <stdlib.h>
#include <string.h>

WCHAR *Win32Utf8ToWide(const char *s)
{
    ANSI_STRING ansi;
    UNICODE_STRING wide;
    size_t n = strlen(s);
    if (n > 0xFFFE)
        return NULL;
    ansi.Buffer = (PCHAR)s;
    ansi.Length = (USHORT)n;
    ansi.MaximumLength = (USHORT)(n + 1);
    wide.MaximumLength = (USHORT)((n + 1) * sizeof(WCHAR));
    wide.Buffer = malloc(wide.MaximumLength);
    if (!wide.Buffer)
        return NULL;
    /* UTF-8 never needs more UTF-16 units than it has bytes. */
    RtlAnsiStringToUnicodeString(&wide, &ansi, FALSE);
    return wide.Buffer;
}

static size_t Win32WideLength(LPCWSTR s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

/* @implemented: device names (\\.\Name, \\?\...) here; ordinary files
 * in fileio.c (docs/PATHS.md). */
DECLSPEC_EXPORT HANDLE WINAPI CreateFileW(LPCWSTR lpFileName, DWORD dwDesiredAccess, DWORD dwShareMode,
                                         LPSECURITY_ATTRIBUTES lpSecurityAttributes, DWORD dwCreationDisposition,
                                         DWORD dwFlagsAndAttributes, HANDLE hTemplateFile)
{
    static const WCHAR dosDevices[] = L"\\??\\";
    if (!lpFileName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    size_t len = Win32WideLength(lpFileName);
    BOOL device = len > 4 && lpFileName[0] == L'\\' && lpFileName[1] == L'\\' &&
                  (lpFileName[2] == L'.' || lpFileName[2] == L'?') && lpFileName[3] == L'\\';
    if (!device) /* an ordinary file (fileio.c) */
        return Win32CreateOrdinaryFile(lpFileName, dwDesiredAccess, dwShareMode, dwCreationDisposition,
                                       dwFlagsAndAttributes);
    ULONG disposition = Win32NtDisposition(dwCreationDisposition);
    if (!disposition) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    size_t total = 4 + (len - 4);
    if (total * sizeof(WCHAR) > UNICODE_STRING_MAX_BYTES) {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return INVALID_HANDLE_VALUE;
    }
    WCHAR *path = malloc((total + 1) * sizeof(WCHAR));
    if (!path) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    memcpy(path, dosDevices, 4 * sizeof(WCHAR));
    memcpy(path + 4, lpFileName + 4, (len - 4) * sizeof(WCHAR));
    path[total] = 0;
    UNICODE_STRING name = {(USHORT)(total * sizeof(WCHAR)), (USHORT)((total + 1) * sizeof(WCHAR)), path};
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    HANDLE handle;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtCreateFile(&handle, dwDesiredAccess | SYNCHRONIZE | FILE_READ_ATTRIBUTES, &oa, &iosb, NULL,
                                   dwFlagsAndAttributes & 0xFFFF, dwShareMode, disposition,
                                   FILE_NON_DIRECTORY_FILE |
                                       ((dwFlagsAndAttributes & FILE_FLAG_OVERLAPPED) ? 0
                                                                                      : FILE_SYNCHRONOUS_IO_NONALERT),
                                   NULL, 0);
    free(path);
    if (!NT_SUCCESS(status)) {
        Win32FailWithStatus(status);
        return INVALID_HANDLE_VALUE;
    }
    /* kernel32 tells OPEN_ALWAYS / CREATE_ALWAYS callers whether the file
     * was already there, and clears the last error otherwise. */
    BOOL existed = (dwCreationDisposition == OPEN_ALWAYS || dwCreationDisposition == CREATE_ALWAYS) &&
                   (iosb.Information == FILE_OPENED || iosb.Information == FILE_OVERWRITTEN);
    SetLastError(existed ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
    return handle;
}

/* @implemented */
DECLSPEC_EXPORT HANDLE WINAPI CreateFileA(LPCSTR lpFileName, DWORD dwDesiredAccess, DWORD dwShareMode,
                                         LPSECURITY_ATTRIBUTES lpSecurityAttributes, DWORD dwCreationDisposition,
                                         DWORD dwFlagsAndAttributes, HANDLE hTemplateFile)
{
    if (!lpFileName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    WCHAR *wide = Win32Utf8ToWide(lpFileName);
    if (!wide) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    HANDLE h = CreateFileW(wide, dwDesiredAccess, dwShareMode, lpSecurityAttributes, dwCreationDisposition,
                           dwFlagsAndAttributes, hTemplateFile);
    free(wide);
    return h;
}

static BOOL Win32ReadWrite(BOOL write, HANDLE hFile, LPVOID buffer, DWORD length, LPDWORD transferred,
                           LPOVERLAPPED overlapped)
{
    if (transferred)
        *transferred = 0;
    if (overlapped)
        return Win32OverlappedReadWrite(write, hFile, buffer, length, transferred, overlapped);
    IO_STATUS_BLOCK iosb = {.Status = 0, .Information = 0};
    NTSTATUS status = write ? NtWriteFile(hFile, NULL, NULL, NULL, &iosb, buffer, length, NULL, NULL)
                            : NtReadFile(hFile, NULL, NULL, NULL, &iosb, buffer, length, NULL, NULL);
    if (!NT_SUCCESS(status)) {
        if (status == STATUS_END_OF_FILE && !write)
            return TRUE;
        if (NT_WARNING(status) && transferred)
            *transferred = (DWORD)iosb.Information;
        return Win32FailWithStatus(status);
    }
    if (transferred)
        *transferred = (DWORD)iosb.Information;
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI ReadFile(HANDLE hFile, LPVOID lpBuffer, DWORD nNumberOfBytesToRead,
                                    LPDWORD lpNumberOfBytesRead, LPOVERLAPPED lpOverlapped)
{
    return Win32ReadWrite(FALSE, hFile, lpBuffer, nNumberOfBytesToRead, lpNumberOfBytesRead, lpOverlapped);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI WriteFile(HANDLE hFile, LPCVOID lpBuffer, DWORD nNumberOfBytesToWrite,
                                     LPDWORD lpNumberOfBytesWritten, LPOVERLAPPED lpOverlapped)
{
    return Win32ReadWrite(TRUE, hFile, (LPVOID)lpBuffer, nNumberOfBytesToWrite, lpNumberOfBytesWritten,
                          lpOverlapped);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI DeviceIoControl(HANDLE hDevice, DWORD dwIoControlCode, LPVOID lpInBuffer,
                                           DWORD nInBufferSize, LPVOID lpOutBuffer, DWORD nOutBufferSize,
                                           LPDWORD lpBytesReturned, LPOVERLAPPED lpOverlapped)
{
    if (lpOverlapped)
        return Win32OverlappedDeviceIoControl(hDevice, dwIoControlCode, lpInBuffer, nInBufferSize, lpOutBuffer,
                                              nOutBufferSize, lpBytesReturned, lpOverlapped);
    IO_STATUS_BLOCK iosb = {.Status = 0, .Information = 0};
    NTSTATUS status = NtDeviceIoControlFile(hDevice, NULL, NULL, NULL, &iosb, dwIoControlCode, lpInBuffer,
                                            nInBufferSize, lpOutBuffer, nOutBufferSize);
    if (!NT_ERROR(status) && lpBytesReturned)
        *lpBytesReturned = (DWORD)iosb.Information;
    if (!NT_SUCCESS(status))
        return Win32FailWithStatus(status);
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI FlushFileBuffers(HANDLE hFile)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtFlushBuffersFile(hFile, &iosb);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI CloseHandle(HANDLE hObject)
{
    if (hObject == GetCurrentProcess() || hObject == GetCurrentThread())
        return TRUE;
    NTSTATUS status = NtClose(hObject);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI DuplicateHandle(HANDLE hSourceProcessHandle, HANDLE hSourceHandle,
                                           HANDLE hTargetProcessHandle, LPHANDLE lpTargetHandle,
                                           DWORD dwDesiredAccess, BOOL bInheritHandle, DWORD dwOptions)
{
    if (hSourceProcessHandle != GetCurrentProcess() || hTargetProcessHandle != GetCurrentProcess()) {
        Win32Unsupported("DuplicateHandle across processes");
        return FALSE;
    }
    NTSTATUS status = NtDuplicateObject(hSourceProcessHandle, hSourceHandle, hTargetProcessHandle, lpTargetHandle,
                                        dwDesiredAccess, 0, dwOptions);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}
