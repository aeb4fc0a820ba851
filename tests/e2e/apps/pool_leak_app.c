/*
 * pool_leak_app.c - makes the pool leak test driver leak two 'kaeL'
 * blocks; the report itself comes when the driver unloads after main
 * returns (checked on standard error by the test).
 */
#include <windows.h>
#include <winioctl.h>
#include "e2e.h"
#include "pool_leak.h"

int main(void)
{
    HANDLE device = CreateFileA(POOL_LEAK_WIN32_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                                FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(device != INVALID_HANDLE_VALUE, "open %s (error %lu)", POOL_LEAK_WIN32_NAME, GetLastError());
    if (device == INVALID_HANDLE_VALUE)
        return e2e_finish();
    for (ULONG i = 1; i <= 2; i++) {
        ULONG leaked = 0;
        DWORD returned = 0;
        BOOL ok = DeviceIoControl(device, IOCTL_POOL_LEAK_ALLOCATE, NULL, 0, &leaked, sizeof leaked, &returned, NULL);
        CHECK(ok && returned == sizeof leaked, "IOCTL_POOL_LEAK_ALLOCATE %lu succeeds", i);
        CHECK_EQ(leaked, i, "the driver has leaked %lu block(s)", i);
    }
    CHECK(CloseHandle(device), "CloseHandle");
    return e2e_finish();
}
