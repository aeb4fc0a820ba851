/*
 * app.c - exercises the event-notification sample driver:
 *
 *  1. IRP-based on a synchronous handle: DeviceIoControl blocks until the
 *     driver's timer DPC completes the request;
 *  2. IRP-based on an overlapped handle: DeviceIoControl returns
 *     ERROR_IO_PENDING, the requests complete later, each after its delay;
 *  3. event-based: DeviceIoControl completes at once, the event is set
 *     after the delay; handles the driver must refuse;
 *  4. cancelling a pending request (CancelIoEx, CancelSynchronousIo);
 *  5. closing a handle with notifications pending (IRP_MJ_CLEANUP).
 *
 * Delays are measured and printed; only generous bounds are checked (a
 * notification never comes much before its delay, nor seconds after it).
 * Exits with 0 only if every check passed.
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include "event_notify_public.h"

#define EARLY_MS 20     /* how much earlier than asked a notification may be seen (timer granularity) */
#define LATE_MS 5000    /* how much later it may come on a loaded machine */
#define LONG_DELAY 30000 /* a notification that is cancelled long before it is due */
#define WAIT_MS 10000

/* The IRQL a DPC runs at (wdm.h's DISPATCH_LEVEL). */
#define DPC_IRQL 2

static LONG checks, failures;
static LARGE_INTEGER frequency;
static HANDLE control; /* a synchronous handle for IOCTL_NOTIFY_GET_STATS only */

static void Check(BOOL ok, const char *what)
{
    checks++;
    if (!ok) {
        failures++;
        printf("  FAILED: %s (last error %lu)\n", what, GetLastError());
    }
}

static LONGLONG NowMs(void)
{
    LARGE_INTEGER now;
    QueryPerformanceCounter(&now);
    return now.QuadPart * 1000 / frequency.QuadPart;
}

static BOOL OnTime(LONGLONG elapsedMs, ULONG delayMs)
{
    return elapsedMs + EARLY_MS >= (LONGLONG)delayMs && elapsedMs <= (LONGLONG)delayMs + LATE_MS;
}

static HANDLE OpenDevice(BOOL overlapped)
{
    return CreateFileA(NOTIFY_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                       overlapped ? FILE_FLAG_OVERLAPPED : 0, NULL);
}

static NOTIFY_STATS GetStats(void)
{
    NOTIFY_STATS stats = {0};
    DWORD bytes = 0;
    if (!DeviceIoControl(control, IOCTL_NOTIFY_GET_STATS, NULL, 0, &stats, sizeof stats, &bytes, NULL) ||
        bytes != sizeof stats)
        Check(FALSE, "IOCTL_NOTIFY_GET_STATS");
    return stats;
}

static BOOL WaitForOutstanding(LONG outstanding)
{
    for (int ms = 0; ms < WAIT_MS; ms++) {
        if (GetStats().Outstanding == outstanding)
            return TRUE;
        Sleep(1);
    }
    return FALSE;
}

static BOOL RegisterIrp(HANDLE h, ULONG delayMs, NOTIFY_REPLY *reply, DWORD *bytes, OVERLAPPED *ov)
{
    NOTIFY_REGISTRATION r = {NOTIFY_IRP_BASED, delayMs, NULL};
    return DeviceIoControl(h, IOCTL_NOTIFY_REGISTER, &r, sizeof r, reply, sizeof *reply, bytes, ov);
}

static BOOL RegisterEvent(HANDLE h, ULONG delayMs, HANDLE event, OVERLAPPED *ov)
{
    NOTIFY_REGISTRATION r = {NOTIFY_EVENT_BASED, delayMs, event};
    DWORD bytes = 0;
    return DeviceIoControl(h, IOCTL_NOTIFY_REGISTER, &r, sizeof r, NULL, 0, &bytes, ov);
}

/* --------------------------------------- 1. IRP-based, synchronous handle */

static void IrpBasedSynchronous(HANDLE sync)
{
    NOTIFY_REPLY reply = {0};
    DWORD bytes = 0;
    ULONG delay = 200;
    LONGLONG start = NowMs();
    BOOL ok = RegisterIrp(sync, delay, &reply, &bytes, NULL);
    LONGLONG elapsed = NowMs() - start;
    Check(ok && bytes == sizeof reply, "IRP-based request succeeds with a reply");
    Check(OnTime(elapsed, delay), "the calling thread was blocked until the notification");
    Check(reply.CompletionIrql == DPC_IRQL, "completed by the timer's DPC, at DISPATCH_LEVEL");
    Check(OnTime((LONGLONG)(reply.ElapsedTime / 10000), delay), "the driver's own measure of the delay");
    printf("1. IRP-based, synchronous handle, %lu ms: DeviceIoControl returned after %lld ms; "
           "completed at IRQL %lu\n",
           delay, elapsed, reply.CompletionIrql);
}

/* ---------------------------------------- 2. IRP-based, overlapped handle */

#define PENDED 3

static void IrpBasedOverlapped(HANDLE ovl)
{
    static const ULONG delays[PENDED] = {300, 100, 200};
    OVERLAPPED ov[PENDED] = {{0}};
    NOTIFY_REPLY reply[PENDED] = {{0}};
    HANDLE events[PENDED];
    LONGLONG start = NowMs(), elapsed[PENDED];
    for (int k = 0; k < PENDED; k++) {
        events[k] = ov[k].hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
        BOOL ok = RegisterIrp(ovl, delays[k], &reply[k], NULL, &ov[k]);
        Check(!ok && GetLastError() == ERROR_IO_PENDING, "IRP-based request on an overlapped handle: ERROR_IO_PENDING");
        DWORD bytes;
        Check(!GetOverlappedResult(ovl, &ov[k], &bytes, FALSE) && GetLastError() == ERROR_IO_INCOMPLETE,
              "not complete yet: ERROR_IO_INCOMPLETE");
    }
    printf("2. IRP-based, overlapped handle, %lu, %lu and %lu ms: DeviceIoControl -> ERROR_IO_PENDING each\n",
           delays[0], delays[1], delays[2]);
    int done = 0, order[PENDED];
    BOOL finished[PENDED] = {FALSE};
    while (done < PENDED) {
        HANDLE waiting[PENDED];
        int index[PENDED], n = 0;
        for (int k = 0; k < PENDED; k++)
            if (!finished[k]) {
                index[n] = k;
                waiting[n++] = events[k];
            }
        DWORD r = WaitForMultipleObjects(n, waiting, FALSE, WAIT_MS);
        if (r >= WAIT_OBJECT_0 + (DWORD)n) {
            Check(FALSE, "every pending request completes");
            break;
        }
        int k = index[r - WAIT_OBJECT_0];
        elapsed[k] = NowMs() - start;
        finished[k] = TRUE;
        order[done++] = k;
        DWORD bytes = 0;
        Check(GetOverlappedResult(ovl, &ov[k], &bytes, FALSE) && bytes == sizeof reply[k],
              "the pending request succeeds with a reply");
        Check(OnTime(elapsed[k], delays[k]), "completed after its delay");
        Check(reply[k].CompletionIrql == DPC_IRQL, "completed by the timer's DPC");
    }
    for (int i = 0; i < done; i++)
        printf("   completed: the %lu ms request after %lld ms (notification #%lu)\n", delays[order[i]],
               elapsed[order[i]], reply[order[i]].Sequence);
    for (int k = 0; k < PENDED; k++)
        CloseHandle(events[k]);
}

/* ------------------------------------------------------ 3. event-based */

static void EventBased(HANDLE sync, HANDLE ovl)
{
    ULONG delay = 300;
    HANDLE event = CreateEventA(NULL, FALSE, FALSE, NULL);
    LONGLONG start = NowMs();
    BOOL ok = RegisterEvent(sync, delay, event, NULL);
    LONGLONG returned = NowMs() - start;
    Check(ok, "event-based request succeeds");
    Check(WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "the request completed before the event was set");
    Check(WaitForSingleObject(event, WAIT_MS) == WAIT_OBJECT_0, "the event is set");
    LONGLONG elapsed = NowMs() - start;
    Check(OnTime(elapsed, delay), "set after the delay");
    printf("3. event-based, synchronous handle, %lu ms: DeviceIoControl returned after %lld ms; "
           "event set after %lld ms\n",
           delay, returned, elapsed);

    /* On an overlapped handle the request completes at once too: TRUE, not ERROR_IO_PENDING. */
    OVERLAPPED ov = {0};
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    start = NowMs();
    ok = RegisterEvent(ovl, delay, event, &ov);
    Check(ok, "event-based request on an overlapped handle completes at once (TRUE)");
    Check(WaitForSingleObject(event, WAIT_MS) == WAIT_OBJECT_0, "the event is set");
    elapsed = NowMs() - start;
    Check(OnTime(elapsed, delay), "set after the delay");
    printf("   event-based, overlapped handle, %lu ms: DeviceIoControl returned %s; event set after %lld ms\n",
           delay, ok ? "TRUE" : "FALSE", elapsed);
    CloseHandle(ov.hEvent);

    /* Handles the driver must refuse. */
    ok = RegisterEvent(sync, delay, NULL, NULL);
    DWORD error = ok ? 0 : GetLastError();
    Check(!ok && error == ERROR_INVALID_PARAMETER, "no handle: ERROR_INVALID_PARAMETER");
    printf("   no event handle                             -> error %lu\n", error);
    ok = RegisterEvent(sync, delay, sync, NULL);
    error = ok ? 0 : GetLastError();
    Check(!ok && error == ERROR_INVALID_HANDLE, "not an event (STATUS_OBJECT_TYPE_MISMATCH): ERROR_INVALID_HANDLE");
    printf("   a handle to a file, not an event            -> error %lu\n", error);
    HANDLE waitOnly = NULL;
    Check(DuplicateHandle(GetCurrentProcess(), event, GetCurrentProcess(), &waitOnly, SYNCHRONIZE, FALSE, 0),
          "DuplicateHandle(SYNCHRONIZE)");
    ok = RegisterEvent(sync, delay, waitOnly, NULL);
    error = ok ? 0 : GetLastError();
    Check(!ok && error == ERROR_ACCESS_DENIED, "no EVENT_MODIFY_STATE access: ERROR_ACCESS_DENIED");
    printf("   an event handle without EVENT_MODIFY_STATE  -> error %lu\n", error);
    CloseHandle(waitOnly);
    CloseHandle(event);
}

/* ------------------------------------------------------ 4. cancellation */

typedef struct _BLOCKED_REQUEST {
    HANDLE Handle;
    BOOL Ok;
    DWORD Error;
} BLOCKED_REQUEST;

static DWORD WINAPI BlockedRequest(LPVOID param)
{
    BLOCKED_REQUEST *b = param;
    NOTIFY_REPLY reply;
    DWORD bytes = 0;
    b->Ok = RegisterIrp(b->Handle, LONG_DELAY, &reply, &bytes, NULL);
    b->Error = b->Ok ? 0 : GetLastError();
    return 0;
}

static void Cancellation(HANDLE sync, HANDLE ovl)
{
    /* An overlapped request, cancelled with CancelIoEx. */
    OVERLAPPED ov = {0};
    NOTIFY_REPLY reply;
    DWORD bytes = 12345;
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    LONGLONG start = NowMs();
    BOOL ok = RegisterIrp(ovl, LONG_DELAY, &reply, NULL, &ov);
    Check(!ok && GetLastError() == ERROR_IO_PENDING, "a long request pends");
    Check(CancelIoEx(ovl, &ov), "CancelIoEx");
    Check(WaitForSingleObject(ov.hEvent, WAIT_MS) == WAIT_OBJECT_0, "the cancelled request completes");
    ok = GetOverlappedResult(ovl, &ov, &bytes, FALSE);
    DWORD error = ok ? 0 : GetLastError();
    LONGLONG elapsed = NowMs() - start;
    Check(!ok && error == ERROR_OPERATION_ABORTED && bytes == 0, "ERROR_OPERATION_ABORTED, 0 bytes");
    Check(elapsed < LONG_DELAY / 2, "long before the notification was due");
    printf("4. IRP-based, %d ms, overlapped handle, CancelIoEx:           error %lu after %lld ms\n", LONG_DELAY,
           error, elapsed);
    CloseHandle(ov.hEvent);

    /* A synchronous request blocked in another thread, cancelled with CancelSynchronousIo. */
    BLOCKED_REQUEST b = {.Handle = sync};
    start = NowMs();
    HANDLE thread = CreateThread(NULL, 0, BlockedRequest, &b, 0, NULL);
    Check(WaitForOutstanding(1), "the request is pending in the driver");
    Check(WaitForSingleObject(thread, 0) == WAIT_TIMEOUT, "the thread is blocked in DeviceIoControl");
    Check(CancelSynchronousIo(thread), "CancelSynchronousIo");
    Check(WaitForSingleObject(thread, WAIT_MS) == WAIT_OBJECT_0, "the thread returns");
    elapsed = NowMs() - start;
    Check(!b.Ok && b.Error == ERROR_OPERATION_ABORTED, "its DeviceIoControl fails: ERROR_OPERATION_ABORTED");
    printf("   IRP-based, %d ms, synchronous handle, CancelSynchronousIo: error %lu after %lld ms\n", LONG_DELAY,
           b.Error, elapsed);
    CloseHandle(thread);
    NOTIFY_STATS stats = GetStats();
    Check(stats.CancelledByIo == 2 && stats.Outstanding == 0, "the cancel routine ran twice");
}

/* ------------------------------------------------ 5. closing the handle */

static void CloseWithNotificationsPending(void)
{
    HANDLE h = OpenDevice(TRUE);
    Check(h != INVALID_HANDLE_VALUE, "open an overlapped handle");
    OVERLAPPED ov[2] = {{0}};
    NOTIFY_REPLY reply[2];
    for (int k = 0; k < 2; k++) {
        ov[k].hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
        BOOL ok = RegisterIrp(h, LONG_DELAY, &reply[k], NULL, &ov[k]);
        Check(!ok && GetLastError() == ERROR_IO_PENDING, "a long request pends");
    }
    HANDLE event = CreateEventA(NULL, TRUE, FALSE, NULL);
    OVERLAPPED eov = {0};
    eov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    Check(RegisterEvent(h, LONG_DELAY, event, &eov), "a long event-based registration");
    NOTIFY_STATS before = GetStats();
    Check(before.Outstanding == 3, "three notifications outstanding");

    LONGLONG start = NowMs();
    CloseHandle(h);
    int aborted = 0;
    for (int k = 0; k < 2; k++) {
        DWORD bytes = 12345;
        Check(WaitForSingleObject(ov[k].hEvent, WAIT_MS) == WAIT_OBJECT_0, "the pending request completes");
        BOOL ok = GetOverlappedResult(h, &ov[k], &bytes, FALSE);
        BOOL wasAborted = !ok && GetLastError() == ERROR_OPERATION_ABORTED && bytes == 0;
        Check(wasAborted, "ERROR_OPERATION_ABORTED, 0 bytes");
        aborted += wasAborted;
        CloseHandle(ov[k].hEvent);
    }
    LONGLONG elapsed = NowMs() - start;
    Check(elapsed < LONG_DELAY / 2, "long before the notifications were due");
    NOTIFY_STATS stats = GetStats();
    Check(stats.CancelledByCleanup == before.CancelledByCleanup + 3 && stats.Outstanding == 0,
          "cleanup dropped the three notifications");
    Check(WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "the dropped event was never set");
    printf("5. closed a handle with 2 requests and 1 event pending -> %d requests ERROR_OPERATION_ABORTED "
           "after %lld ms; event %s\n",
           aborted, elapsed, WaitForSingleObject(event, 0) == WAIT_TIMEOUT ? "not set" : "SET");
    CloseHandle(eov.hEvent);
    CloseHandle(event);
}

int main(void)
{
    QueryPerformanceFrequency(&frequency);
    printf("Opening %s\n", NOTIFY_WIN32_PATH);
    HANDLE sync = OpenDevice(FALSE), ovl = OpenDevice(TRUE);
    control = OpenDevice(FALSE);
    if (sync == INVALID_HANDLE_VALUE || ovl == INVALID_HANDLE_VALUE || control == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: %lu\n", GetLastError());
        return 1;
    }
    IrpBasedSynchronous(sync);
    IrpBasedOverlapped(ovl);
    EventBased(sync, ovl);
    Cancellation(sync, ovl);
    CloseWithNotificationsPending();

    NOTIFY_STATS stats = GetStats();
    Check(stats.Delivered == 1 + PENDED + 2 && stats.CancelledByIo == 2 && stats.CancelledByCleanup == 3 &&
              stats.Outstanding == 0,
          "the driver's counters at the end");
    printf("Driver counters: %ld delivered, %ld cancelled by CancelIo*, %ld dropped by cleanup, %ld outstanding\n",
           stats.Delivered, stats.CancelledByIo, stats.CancelledByCleanup, stats.Outstanding);
    CloseHandle(ovl);
    CloseHandle(sync);
    CloseHandle(control);
    printf("%ld checks passed, %ld failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}
