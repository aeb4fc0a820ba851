/*
 * miniapp.c - the app of the mini sample: asks the mini driver to add its
 * delta to 2 and checks the answer. Exits 0 when it is 42.
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include <tchar.h>

#include "mini_ioctl.h"

#ifdef UNICODE
#error "no CharacterSet in the project: TCHAR is char"
#endif

int _tmain(int argc, TCHAR *argv[])
{
    HANDLE device;
    ULONG value = 2;
    DWORD returned = 0;
    UNREFERENCED_PARAMETER(argc);
    UNREFERENCED_PARAMETER(argv);

    device = CreateFileA(MINI_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, NULL);
    if (device == INVALID_HANDLE_VALUE) {
        printf("mini: CreateFile failed: %lu\n", GetLastError());
        return 1;
    }
    if (!DeviceIoControl(device, IOCTL_MINI_ADD, &value, sizeof(value), &value, sizeof(value), &returned, NULL)) {
        printf("mini: DeviceIoControl failed: %lu\n", GetLastError());
        CloseHandle(device);
        return 1;
    }
    CloseHandle(device);
    printf("mini: %lu (%lu bytes)\n", value, returned);
    return value == 42 && returned == sizeof(value) ? 0 : 1;
}
