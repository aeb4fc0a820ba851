/*
 * handles_app.c - an event handle from CreateEvent is an object handle the
 * driver can reference: the driver's KeSetEvent wakes WaitForSingleObject.
 * A file handle passed instead is refused as the wrong type, a made-up
 * handle as invalid.
 */
#include <windows.h>
#include <winioctl.h>
#include <ntstatus.h>
#include "e2e.h"
#include "handles.h"

static ULONG SignalThroughDriver(HANDLE device, HANDLE handle)
{
    ULONG result = 0xFFFFFFFF;
    DWORD returned = 0;
    BOOL ok = DeviceIoControl(device, IOCTL_HANDLES_SIGNAL_EVENT, &handle, sizeof handle, &result, sizeof result,
                              &returned, NULL);
    CHECK(ok && returned == sizeof result, "the IOCTL carrying a handle succeeds");
    return result;
}

int main(void)
{
    HANDLE device = CreateFileA(HANDLES_WIN32_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                                FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(device != INVALID_HANDLE_VALUE, "open %s (error %lu)", HANDLES_WIN32_NAME, GetLastError());
    if (device == INVALID_HANDLE_VALUE)
        return e2e_finish();

    HANDLE event = CreateEventA(NULL, TRUE, FALSE, NULL);
    CHECK(event != NULL, "CreateEvent");
    CHECK_EQ(WaitForSingleObject(event, 0), WAIT_TIMEOUT, "the new event is not signalled");
    CHECK_EQ_HEX(SignalThroughDriver(device, event), (ULONG)STATUS_SUCCESS,
                 "the driver references the application's event handle as an event");
    CHECK_EQ(WaitForSingleObject(event, 0), WAIT_OBJECT_0, "the driver's KeSetEvent signalled it");
    CHECK(ResetEvent(event), "ResetEvent");
    CHECK_EQ(WaitForSingleObject(event, 10), WAIT_TIMEOUT, "reset again, a wait times out");
    CHECK(SetEvent(event), "SetEvent");
    CHECK_EQ(WaitForSingleObject(event, INFINITE), WAIT_OBJECT_0, "SetEvent signals it");

    CHECK_EQ_HEX(SignalThroughDriver(device, device), (ULONG)STATUS_OBJECT_TYPE_MISMATCH,
                 "a file handle is not an event");
    CHECK_EQ_HEX(SignalThroughDriver(device, (HANDLE)(ULONG_PTR)0x7FFC), (ULONG)STATUS_INVALID_HANDLE,
                 "a made-up handle is invalid");

    CHECK(CloseHandle(event), "close the event");
    CHECK(!CloseHandle(event) && GetLastError() == ERROR_INVALID_HANDLE,
          "closing it again fails with ERROR_INVALID_HANDLE");
    CHECK(CloseHandle(device), "close the device");
    return e2e_finish();
}
