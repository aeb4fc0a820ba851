/*
 * sync_objects_app.c - a semaphore and a thread the application made are
 * kernel objects the driver uses: the driver's KeReleaseSemaphore wakes
 * WaitForSingleObject and reports the previous count; the driver's wait on
 * the thread handle returns when the thread ends. A system thread the
 * driver starts runs in the System process and is waited for through its
 * handle.
 */
#include <windows.h>
#include <winioctl.h>
#include <ntstatus.h>
#include "e2e.h"
#include "sync_objects.h"

static SYNC_RESULT Call(HANDLE device, DWORD code, HANDLE handle)
{
    SYNC_RESULT result = {-1, -1};
    DWORD returned = 0;
    BOOL ok = DeviceIoControl(device, code, &handle, sizeof handle, &result, sizeof result, &returned, NULL);
    CHECK(ok && returned == sizeof result, "the IOCTL 0x%lx succeeds", (unsigned long)code);
    return result;
}

static DWORD WINAPI ShortLived(LPVOID parameter)
{
    Sleep(20);
    return 5;
}

int main(void)
{
    HANDLE device = CreateFileA(SYNC_WIN32_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                                FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(device != INVALID_HANDLE_VALUE, "open %s (error %lu)", SYNC_WIN32_NAME, GetLastError());
    if (device == INVALID_HANDLE_VALUE)
        return e2e_finish();

    HANDLE semaphore = CreateSemaphoreA(NULL, 0, 1, NULL);
    CHECK(semaphore != NULL, "CreateSemaphore");
    SYNC_RESULT r = Call(device, IOCTL_SYNC_RELEASE_SEMAPHORE, semaphore);
    CHECK_EQ_HEX((ULONG)r.First, (ULONG)STATUS_SUCCESS, "the driver references the semaphore handle");
    CHECK_EQ(r.Second, 0, "KeReleaseSemaphore returns the previous count");
    CHECK_EQ(WaitForSingleObject(semaphore, 0), WAIT_OBJECT_0, "the driver's release signalled it");
    CHECK_EQ(WaitForSingleObject(semaphore, 0), WAIT_TIMEOUT, "one release, one wait");
    LONG previous = -1;
    CHECK(ReleaseSemaphore(semaphore, 1, &previous) && previous == 0, "ReleaseSemaphore up to the limit");
    CHECK(!ReleaseSemaphore(semaphore, 1, NULL) && GetLastError() == ERROR_TOO_MANY_POSTS,
          "past the limit: ERROR_TOO_MANY_POSTS");
    CHECK_EQ_HEX((ULONG)Call(device, IOCTL_SYNC_WAIT_THREAD, semaphore).First,
                 (ULONG)STATUS_OBJECT_TYPE_MISMATCH, "a semaphore is not a thread");

    DWORD id = 0, code = 0;
    HANDLE thread = CreateThread(NULL, 0, ShortLived, NULL, 0, &id);
    CHECK(thread != NULL && id != 0, "CreateThread");
    r = Call(device, IOCTL_SYNC_WAIT_THREAD, thread);
    CHECK_EQ_HEX((ULONG)r.First, (ULONG)STATUS_SUCCESS, "the driver references the thread handle");
    CHECK_EQ_HEX((ULONG)r.Second, (ULONG)STATUS_WAIT_0, "the driver's wait returns when the thread ends");
    CHECK(GetExitCodeThread(thread, &code) && code == 5, "GetExitCodeThread gives what the thread returned");
    CHECK_EQ(WaitForSingleObject(thread, 0), WAIT_OBJECT_0, "an ended thread stays signalled");

    r = Call(device, IOCTL_SYNC_SYSTEM_THREAD, NULL);
    CHECK_EQ_HEX((ULONG)r.First, (ULONG)STATUS_WAIT_0, "the driver waits for its system thread");
    CHECK_EQ(r.Second, 1, "the system thread runs at PASSIVE_LEVEL, KernelMode, in the System process");

    CHECK(CloseHandle(thread), "close the thread");
    CHECK(CloseHandle(semaphore), "close the semaphore");
    CHECK(CloseHandle(device), "close the device");
    return e2e_finish();
}
