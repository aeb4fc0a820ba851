/*
 * scm_stop_race_app.c - stopping a driver while threads keep opening,
 * using and closing its device. The stop either unloads the driver at once
 * or leaves it STOP_PENDING until the last file closes; meanwhile every
 * open either succeeds (and its handle keeps working until closed) or fails
 * with ERROR_NO_SUCH_DEVICE (unload pending) or ERROR_FILE_NOT_FOUND (the
 * driver is gone). In the end the service is STOPPED and DriverUnload ran
 * exactly once (a second run would delete the device twice: a bug check).
 * The driver is e2e_scm_driver, loaded with --driver under E2eScmRace.
 *
 * With the argument "filter", e2e_scm_filter is loaded above it too (as
 * E2eScmFilter): stopping the driver below stays pending while the filter is
 * attached, and stopping the filter (which detaches in DriverUnload) lets
 * the driver below unload.
 */
#include <windows.h>
#include <winsvc.h>
#include <string.h>

#include "e2e.h"
#include "../drivers/scm_driver.h"

#define THREADS 4
#define WARMUP_OPENS 200 /* successful opens before the stop */

static volatile LONG opened, ioctlFailed, unexpectedOpenError, endedPending, endedGone;

static DWORD WINAPI Worker(LPVOID arg)
{
    (void)arg;
    for (;;) {
        HANDLE h = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
        if (h == INVALID_HANDLE_VALUE) {
            DWORD error = GetLastError();
            if (error == ERROR_NO_SUCH_DEVICE)
                InterlockedIncrement(&endedPending);
            else if (error == ERROR_FILE_NOT_FOUND)
                InterlockedIncrement(&endedGone);
            else
                InterlockedIncrement(&unexpectedOpenError);
            return 0;
        }
        InterlockedIncrement(&opened);
        unsigned char io[64] = {5};
        DWORD returned = 0;
        if (!DeviceIoControl(h, IOCTL_SCM_DRIVER_ADD_ONE, io, sizeof io, io, sizeof io, &returned, NULL) ||
            io[0] != 6)
            InterlockedIncrement(&ioctlFailed);
        CloseHandle(h);
    }
}

static int StopBelowAFilter(SC_HANDLE scm)
{
    e2e_section("services: stopping a driver another driver's device is attached to");
    SC_HANDLE below = OpenServiceA(scm, "E2eScmRace", SERVICE_ALL_ACCESS);
    SC_HANDLE filter = OpenServiceA(scm, "E2eScmFilter", SERVICE_ALL_ACCESS);
    CHECK(below && filter, "OpenService of both drivers ntk run loaded");
    if (!below || !filter)
        return e2e_finish();
    SERVICE_STATUS st;
    CHECK(ControlService(below, SERVICE_CONTROL_STOP, &st) && st.dwCurrentState == SERVICE_STOP_PENDING,
          "stopping the driver below the filter: STOP_PENDING (no file is open, but a device is attached)");
    HANDLE h = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_NO_SUCH_DEVICE, "its device refuses opens");
    CHECK(ControlService(filter, SERVICE_CONTROL_STOP, &st) && st.dwCurrentState == SERVICE_STOPPED,
          "stopping the filter unloads it (it detaches in DriverUnload)");
    CHECK(QueryServiceStatus(below, &st) && st.dwCurrentState == SERVICE_STOPPED,
          "... and its detach let the driver below unload");
    h = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "... whose device is gone");
    CloseServiceHandle(filter);
    CloseServiceHandle(below);
    CloseServiceHandle(scm);
    return e2e_finish();
}

int main(int argc, char **argv)
{
    SC_HANDLE scm = OpenSCManagerA(NULL, NULL, SC_MANAGER_ALL_ACCESS);
    if (argc > 1 && !strcmp(argv[1], "filter"))
        return StopBelowAFilter(scm);
    e2e_section("services: stopping a driver while threads open, use and close its device");
    CHECK(scm != NULL, "OpenSCManager");
    SC_HANDLE s = OpenServiceA(scm, "E2eScmRace", SERVICE_ALL_ACCESS);
    CHECK(s != NULL, "OpenService of the driver ntk run loaded");
    if (!s)
        return e2e_finish();

    HANDLE threads[THREADS];
    for (int i = 0; i < THREADS; i++)
        threads[i] = CreateThread(NULL, 0, Worker, NULL, 0, NULL);
    while (InterlockedCompareExchange(&opened, 0, 0) < WARMUP_OPENS && !endedPending && !endedGone &&
           !unexpectedOpenError)
        Sleep(1);

    SERVICE_STATUS st;
    CHECK(ControlService(s, SERVICE_CONTROL_STOP, &st), "ControlService(STOP) with the device in use");
    CHECK(st.dwCurrentState == SERVICE_STOP_PENDING || st.dwCurrentState == SERVICE_STOPPED,
          "... is STOP_PENDING or STOPPED (state %lu)", (unsigned long)st.dwCurrentState);
    WaitForMultipleObjects(THREADS, threads, TRUE, INFINITE);
    for (int i = 0; i < THREADS; i++)
        CloseHandle(threads[i]);

    CHECK(opened >= WARMUP_OPENS, "the threads opened the device (%ld times)", (long)opened);
    CHECK_EQ(ioctlFailed, 0, "every open handle reached the driver until closed");
    CHECK_EQ(unexpectedOpenError, 0, "opens failed only with ERROR_NO_SUCH_DEVICE or ERROR_FILE_NOT_FOUND");
    CHECK_EQ(endedPending + endedGone, THREADS, "every thread stopped on a refused open");
    CHECK(QueryServiceStatus(s, &st) && st.dwCurrentState == SERVICE_STOPPED,
          "after the last close the service is STOPPED");
    HANDLE h = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "... and the device is gone");
    CloseServiceHandle(s);
    CloseServiceHandle(scm);
    return e2e_finish();
}
