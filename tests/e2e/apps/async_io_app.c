/*
 * async_io_app.c - overlapped handles, events, APCs, completion ports and
 * cancellation against the async_io driver (io-semantics 1.E.36-41,
 * 1.H.51, 1.I.57-60, 2.1 rules 3-4).
 *
 *   async_io_app                      the checks
 *   async_io_app exit-in-flight       ExitProcess with requests pending
 *   async_io_app thread-exit-timeout  a thread ends with a request whose
 *                                     driver ignores cancellation
 */
#include <windows.h>
#include <winternl.h>
#include <ntstatus.h>

#include "e2e.h"
#include "../drivers/async_io.h"

NTSYSAPI ULONG NTAPI RtlNtStatusToDosError(NTSTATUS Status);

static HANDLE OpenDevice(BOOL overlapped)
{
    return CreateFileA(ASYNC_IO_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                       overlapped ? FILE_FLAG_OVERLAPPED : 0, NULL);
}

static ASYNC_IO_STATS Stats(HANDLE h)
{
    ASYNC_IO_STATS s = {0};
    DWORD n;
    OVERLAPPED ov = {0};
    HANDLE e = CreateEventA(NULL, TRUE, FALSE, NULL);
    ov.hEvent = e;
    if (!DeviceIoControl(h, IOCTL_ASYNC_IO_STATS, NULL, 0, &s, sizeof s, &n, &ov) &&
        GetLastError() == ERROR_IO_PENDING)
        GetOverlappedResult(h, &ov, &n, TRUE);
    CloseHandle(e);
    return s;
}

static ASYNC_IO_REQUEST Req(NTSTATUS ioStatus, NTSTATUS returnStatus, ULONG info, ULONG pend, ULONG delay)
{
    ASYNC_IO_REQUEST r = {ioStatus, returnStatus, info, pend, delay, 0};
    return r;
}

/* APC bookkeeping for NtDeviceIoControlFile's ApcRoutine. */
static int apcCount;
static PVOID apcContext;
static PIO_STATUS_BLOCK apcIosb;
static ULONG apcReserved;
static VOID NTAPI IoApc(PVOID Context, PIO_STATUS_BLOCK Iosb, ULONG Reserved)
{
    apcCount++;
    apcContext = Context;
    apcIosb = Iosb;
    apcReserved = Reserved;
}

/* 1.E.36-37 on an overlapped handle, for one status class, pended or not:
 * return value, IOSB, event, APC, file object. */
static void StatusClass(HANDLE h, NTSTATUS status, BOOL pend)
{
    HANDLE event = CreateEventA(NULL, TRUE, TRUE, NULL); /* signalled: the call must reset it */
    IO_STATUS_BLOCK iosb = {.Status = 0x1234, .Information = 0x5678};
    ASYNC_IO_REQUEST r = Req(status, status, 3, pend, 20);
    char out[8] = "abcdef";
    apcCount = 0;
    NTSTATUS ret = NtDeviceIoControlFile(h, event, IoApc, (PVOID)0x55, &iosb, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r,
                                         out, 6);
    BOOL expectReport = pend || !NT_ERROR(status);
    CHECK_EQ_HEX(ret, pend ? STATUS_PENDING : status, "1.E.36: return value (status 0x%08lx, pend %d)",
                 (unsigned long)status, pend);
    if (!expectReport) {
        CHECK_EQ_HEX(WaitForSingleObject(event, 50), WAIT_TIMEOUT,
                     "1.E.36: event reset at the start and not signalled (0x%08lx)", (unsigned long)status);
        CHECK_EQ_HEX(iosb.Status, 0x1234, "1.E.36: IOSB untouched for a non-pended error (0x%08lx)",
                     (unsigned long)status);
        CHECK_EQ(SleepEx(0, TRUE), 0, "1.E.36: no APC for a non-pended error (0x%08lx)", (unsigned long)status);
        CHECK_EQ(apcCount, 0, "1.E.36: APC count 0 (0x%08lx)", (unsigned long)status);
    } else {
        CHECK_EQ_HEX(WaitForSingleObject(event, 5000), WAIT_OBJECT_0, "1.E.36/37: event signalled (0x%08lx, pend %d)",
                     (unsigned long)status, pend);
        CHECK_EQ_HEX(iosb.Status, status, "1.E.36/37: IOSB status written (0x%08lx, pend %d)", (unsigned long)status,
                     pend);
        CHECK_EQ(iosb.Information, 3, "1.E.36: IOSB information (0x%08lx, pend %d)", (unsigned long)status, pend);
        CHECK_EQ(apcCount, 0, "1.E.36: the APC waits for an alertable wait (0x%08lx)", (unsigned long)status);
        CHECK_EQ_HEX(SleepEx(0, TRUE), WAIT_IO_COMPLETION, "1.E.36: SleepEx(0, TRUE) runs the APC (0x%08lx, pend %d)",
                     (unsigned long)status, pend);
        CHECK(apcCount == 1 && apcContext == (PVOID)0x55 && apcIosb == &iosb && apcReserved == 0,
              "1.E.36: APC (ctx, &io, 0) ran once (0x%08lx, pend %d)", (unsigned long)status, pend);
        CHECK_EQ(SleepEx(0, TRUE), 0, "1.E.36: only one APC (0x%08lx)", (unsigned long)status);
    }
    CloseHandle(event);
}

/* File object state when no event is passed (1.E.36). */
static void FileObjectSignalling(HANDLE h)
{
    CHECK_EQ_HEX(WaitForSingleObject(h, 0), WAIT_OBJECT_0, "1.E.36: the file object is signalled after open");
    IO_STATUS_BLOCK iosb;
    ASYNC_IO_REQUEST r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 0, 1, 100);
    NTSTATUS ret = NtDeviceIoControlFile(h, NULL, NULL, NULL, &iosb, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0);
    CHECK_EQ_HEX(ret, STATUS_PENDING, "pended request without event");
    CHECK_EQ_HEX(WaitForSingleObject(h, 0), WAIT_TIMEOUT, "1.E.36: the file object is reset by each request");
    CHECK_EQ_HEX(WaitForSingleObject(h, 5000), WAIT_OBJECT_0, "1.E.36: the file object is signalled at completion");
    CHECK_EQ_HEX(iosb.Status, STATUS_SUCCESS, "1.E.36: IOSB of the event-less request");
    r = Req(STATUS_NOT_IMPLEMENTED, STATUS_NOT_IMPLEMENTED, 0, 0, 0);
    ret = NtDeviceIoControlFile(h, NULL, NULL, NULL, &iosb, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0);
    CHECK_EQ_HEX(WaitForSingleObject(h, 0), WAIT_TIMEOUT,
                 "1.E.36: a non-pended error does not signal the file object");
}

static void Win32Overlapped(HANDLE h)
{
    HANDLE event = CreateEventA(NULL, TRUE, TRUE, NULL);
    OVERLAPPED ov = {0};
    DWORD n = 0xdead;
    char out[8] = "abcdef";
    ov.hEvent = event;

    /* Inline success: TRUE, bytes, OVERLAPPED filled (1.E.38). */
    ASYNC_IO_REQUEST r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 6, 0, 0);
    SetLastError(0xdeadf00d);
    BOOL ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, out, 6, &n, &ov);
    CHECK(ok, "1.E.38: inline completion gives TRUE");
    CHECK_EQ(n, 6, "1.E.38: bytes returned on inline completion");
    CHECK_EQ_HEX(GetLastError(), 0xdeadf00d, "2.1: last error untouched on TRUE");
    CHECK_MEM(out, ASYNC_IO_INLINE_OUTPUT, 6, "1.D.29: buffered output copied back");
    CHECK(ov.Internal == STATUS_SUCCESS && ov.InternalHigh == 6, "Internal/InternalHigh = status/information");
    CHECK(HasOverlappedIoCompleted(&ov), "HasOverlappedIoCompleted after inline completion");

    /* Pending: FALSE + ERROR_IO_PENDING; not-yet-done; then the result (2.1 rule 4). */
    r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 6, 1, 150);
    memcpy(out, "abcdef", 6);
    ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, out, 6, &n, &ov);
    CHECK(!ok && GetLastError() == ERROR_IO_PENDING, "2.1.4: pending gives FALSE with ERROR_IO_PENDING (%lu)",
          (unsigned long)GetLastError());
    CHECK_EQ_HEX((DWORD)ov.Internal, (DWORD)STATUS_PENDING, "Internal is STATUS_PENDING while pending");
    CHECK(!HasOverlappedIoCompleted(&ov), "HasOverlappedIoCompleted FALSE while pending");
    CHECK_EQ_HEX(WaitForSingleObject(event, 0), WAIT_TIMEOUT, "hEvent reset at the start of the call");
    ok = GetOverlappedResult(h, &ov, &n, FALSE);
    CHECK(!ok && GetLastError() == ERROR_IO_INCOMPLETE, "GetOverlappedResult(no wait): ERROR_IO_INCOMPLETE");
    ok = GetOverlappedResultEx(h, &ov, &n, 10, FALSE);
    CHECK(!ok && GetLastError() == WAIT_TIMEOUT, "GetOverlappedResultEx(10 ms): WAIT_TIMEOUT (%lu)",
          (unsigned long)GetLastError());
    ok = GetOverlappedResult(h, &ov, &n, TRUE);
    CHECK(ok && n == 6, "GetOverlappedResult(wait): TRUE, 6 bytes");
    CHECK_MEM(out, ASYNC_IO_LATE_OUTPUT, 6, "late output copied back at completion");
    CHECK_EQ_HEX(WaitForSingleObject(event, 0), WAIT_OBJECT_0, "hEvent signalled at completion");

    /* Pended, then failed: the OVERLAPPED gets the error (1.E.37, 2.1 rule 3). */
    r = Req(STATUS_DELETE_PENDING, STATUS_DELETE_PENDING, 0, 1, 10);
    ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, out, 6, &n, &ov);
    CHECK(!ok && GetLastError() == ERROR_IO_PENDING, "pended failure: ERROR_IO_PENDING first");
    ok = GetOverlappedResult(h, &ov, &n, TRUE);
    CHECK(!ok && GetLastError() == ERROR_ACCESS_DENIED && n == 0,
          "2.1.3: pended STATUS_DELETE_PENDING gives FALSE, ERROR_ACCESS_DENIED, size 0 (%lu, %lu)",
          (unsigned long)GetLastError(), (unsigned long)n);
    CHECK_EQ_HEX((DWORD)ov.Internal, (DWORD)STATUS_DELETE_PENDING, "1.E.37: the IOSB holds the error");

    /* Inline warning: FALSE with ERROR_MORE_DATA and the byte count. */
    r = Req(STATUS_BUFFER_OVERFLOW, STATUS_BUFFER_OVERFLOW, 3, 0, 0);
    n = 0;
    ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, out, 6, &n, &ov);
    CHECK(!ok && GetLastError() == ERROR_MORE_DATA && n == 3, "inline warning: FALSE, ERROR_MORE_DATA, 3 bytes");

    /* Inline error: FALSE with the error, event untouched. */
    ResetEvent(event);
    r = Req(STATUS_INVALID_DEVICE_STATE, STATUS_INVALID_DEVICE_STATE, 3, 0, 0);
    ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, out, 6, &n, &ov);
    CHECK(!ok && GetLastError() == ERROR_BAD_COMMAND, "inline error: FALSE, ERROR_BAD_COMMAND");
    CHECK_EQ_HEX(WaitForSingleObject(event, 0), WAIT_TIMEOUT, "1.E.36: inline error leaves the event alone");

    /* ReadFile/WriteFile with an OVERLAPPED (1.E.41). */
    char buf[16];
    memset(buf, 0, sizeof buf);
    memset(&ov, 0, sizeof ov);
    ov.hEvent = event;
    ov.Offset = 30; /* the driver's delay in ms */
    ok = ReadFile(h, buf, 16, &n, &ov);
    CHECK(!ok && GetLastError() == ERROR_IO_PENDING, "overlapped ReadFile pends");
    ok = GetOverlappedResult(h, &ov, &n, TRUE);
    CHECK(ok && n == 16 && buf[0] == 'r' && buf[15] == 'r', "overlapped ReadFile result");
    ov.Offset = 0;
    ok = ReadFile(h, buf, 8, &n, &ov);
    CHECK(ok && n == 8, "overlapped ReadFile completed inline: TRUE, 8 bytes");
    ok = WriteFile(h, "abcd", 4, &n, &ov);
    CHECK(ok && n == 4, "overlapped WriteFile completed inline: TRUE, 4 bytes");
    /* No hEvent: GetOverlappedResult waits on the file object. */
    ov.hEvent = NULL;
    ov.Offset = 30;
    ok = ReadFile(h, buf, 5, &n, &ov);
    CHECK(!ok && GetLastError() == ERROR_IO_PENDING, "overlapped ReadFile without an event pends");
    ok = GetOverlappedResult(h, &ov, &n, TRUE);
    CHECK(ok && n == 5, "GetOverlappedResult waits on the file object: TRUE, 5 bytes");
    CloseHandle(event);
}

/* ReadFileEx/WriteFileEx and alertable waits. */
static int routineCalls;
static DWORD routineError, routineBytes;
static LPOVERLAPPED routineOv;
static VOID WINAPI Routine(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    routineCalls++;
    routineError = error;
    routineBytes = bytes;
    routineOv = ov;
}

static void CompletionRoutines(HANDLE h)
{
    char buf[8];
    OVERLAPPED ov = {0};
    ov.Offset = 20;
    routineCalls = 0;
    BOOL ok = ReadFileEx(h, buf, 8, &ov, Routine);
    CHECK(ok, "ReadFileEx queued");
    Sleep(100);
    CHECK_EQ(routineCalls, 0, "the routine does not run outside an alertable wait");
    CHECK_EQ_HEX(SleepEx(5000, TRUE), WAIT_IO_COMPLETION, "SleepEx(alertable) returns WAIT_IO_COMPLETION");
    CHECK(routineCalls == 1 && routineError == 0 && routineBytes == 8 && routineOv == &ov,
          "completion routine (0, 8, &ov)");

    /* Alertable WaitForSingleObjectEx and WaitForMultipleObjectsEx. */
    HANDLE never = CreateEventA(NULL, TRUE, FALSE, NULL);
    ov.Offset = 10;
    ok = ReadFileEx(h, buf, 4, &ov, Routine);
    CHECK_EQ_HEX(WaitForSingleObjectEx(never, 5000, TRUE), WAIT_IO_COMPLETION,
                 "WaitForSingleObjectEx(alertable) returns WAIT_IO_COMPLETION");
    CHECK(routineCalls == 2 && routineBytes == 4, "second routine ran");
    ov.Offset = 10;
    ok = ReadFileEx(h, buf, 2, &ov, Routine);
    HANDLE two[2] = {never, never};
    CHECK_EQ_HEX(WaitForMultipleObjectsEx(1, two, FALSE, 5000, TRUE), WAIT_IO_COMPLETION,
                 "WaitForMultipleObjectsEx(any, alertable) returns WAIT_IO_COMPLETION");
    ov.Offset = 10;
    ok = ReadFileEx(h, buf, 2, &ov, Routine);
    HANDLE both[2] = {never, CreateEventA(NULL, TRUE, FALSE, NULL)};
    CHECK_EQ_HEX(WaitForMultipleObjectsEx(2, both, TRUE, 5000, TRUE), WAIT_IO_COMPLETION,
                 "WaitForMultipleObjectsEx(all, alertable) returns WAIT_IO_COMPLETION");
    CHECK_EQ(routineCalls, 4, "four routines ran");
    /* A non-alertable wait does not run them. */
    ov.Offset = 5;
    ok = ReadFileEx(h, buf, 2, &ov, Routine);
    CHECK_EQ_HEX(WaitForSingleObjectEx(never, 100, FALSE), WAIT_TIMEOUT, "a non-alertable wait times out");
    CHECK_EQ(routineCalls, 4, "and ran no routine");
    CHECK_EQ_HEX(SleepEx(0, TRUE), WAIT_IO_COMPLETION, "SleepEx(0, TRUE) then runs it");
    CHECK_EQ(routineCalls, 5, "five routines ran");
    /* A cancelled request's routine gets ERROR_OPERATION_ABORTED (1.I.60). */
    ov.Offset = ASYNC_IO_FOREVER;
    ok = ReadFileEx(h, buf, 2, &ov, Routine);
    CHECK(CancelIo(h), "CancelIo");
    CHECK_EQ_HEX(SleepEx(1000, TRUE), WAIT_IO_COMPLETION, "the cancelled request's routine runs");
    CHECK(routineCalls == 6 && routineError == ERROR_OPERATION_ABORTED && routineBytes == 0,
          "1.I.60: cancelled: ERROR_OPERATION_ABORTED, 0 bytes (%lu)", (unsigned long)routineError);
    /* An APC routine on a handle bound to a port is refused (1.E.40) - see Ports. */
    CloseHandle(never);
    CloseHandle(both[1]);
}

static int userApcCalls;
static ULONG_PTR userApcData;
static VOID NTAPI UserApc(ULONG_PTR data)
{
    userApcCalls++;
    userApcData = data;
}

static DWORD WINAPI AlertableSleeper(LPVOID arg)
{
    (void)arg;
    return SleepEx(INFINITE, TRUE);
}

static void QueueApc(void)
{
    userApcCalls = 0;
    CHECK(QueueUserAPC(UserApc, GetCurrentThread(), 42), "QueueUserAPC to self");
    CHECK_EQ(userApcCalls, 0, "not run before an alertable wait");
    CHECK_EQ_HEX(SleepEx(0, TRUE), WAIT_IO_COMPLETION, "SleepEx(0, TRUE) runs it");
    CHECK(userApcCalls == 1 && userApcData == 42, "the APC ran with its data");
    HANDLE t = CreateThread(NULL, 0, AlertableSleeper, NULL, 0, NULL);
    Sleep(50);
    CHECK(QueueUserAPC(UserApc, t, 7), "QueueUserAPC to a sleeping thread");
    CHECK_EQ_HEX(WaitForSingleObject(t, 5000), WAIT_OBJECT_0, "the sleeping thread woke up");
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    CHECK_EQ_HEX(code, WAIT_IO_COMPLETION, "its SleepEx(INFINITE, TRUE) returned WAIT_IO_COMPLETION");
    CHECK(userApcCalls == 2 && userApcData == 7, "the APC ran in that thread");
    CloseHandle(t);
}

static void Ports(void)
{
    HANDLE h = OpenDevice(TRUE);
    HANDLE port = CreateIoCompletionPort(h, NULL, 0x77, 0);
    CHECK(port != NULL, "CreateIoCompletionPort");
    DWORD n;
    ULONG_PTR key;
    LPOVERLAPPED got;
    OVERLAPPED ov = {0};
    ASYNC_IO_REQUEST r;

    /* Posted packets. */
    CHECK(PostQueuedCompletionStatus(port, 9, 0x11, (LPOVERLAPPED)0x22), "PostQueuedCompletionStatus");
    BOOL ok = GetQueuedCompletionStatus(port, &n, &key, &got, 0);
    CHECK(ok && n == 9 && key == 0x11 && got == (LPOVERLAPPED)0x22, "the posted packet comes back");
    ok = GetQueuedCompletionStatus(port, &n, &key, &got, 20);
    CHECK(!ok && GetLastError() == WAIT_TIMEOUT && got == NULL, "empty port: FALSE, WAIT_TIMEOUT, NULL");

    /* Inline success queues a packet (1.E.38). */
    r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 5, 0, 0);
    ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov);
    CHECK(ok, "inline success on a port handle");
    ok = GetQueuedCompletionStatus(port, &n, &key, &got, 1000);
    CHECK(ok && n == 5 && key == 0x77 && got == &ov, "1.E.36/38: packet {key, &ov, 5} for inline success");
    /* Non-pended error: no packet. */
    r = Req(STATUS_NOT_IMPLEMENTED, STATUS_NOT_IMPLEMENTED, 0, 0, 0);
    ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov);
    CHECK(!ok, "inline error on a port handle");
    ok = GetQueuedCompletionStatus(port, &n, &key, &got, 50);
    CHECK(!ok && GetLastError() == WAIT_TIMEOUT, "1.E.36: no packet for a non-pended error");
    /* Pended failure: a packet, GQCS FALSE with the OVERLAPPED and the error. */
    r = Req(STATUS_DEVICE_NOT_READY, STATUS_DEVICE_NOT_READY, 0, 1, 10);
    ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov);
    CHECK(!ok && GetLastError() == ERROR_IO_PENDING, "pended on a port handle");
    ok = GetQueuedCompletionStatus(port, &n, &key, &got, 5000);
    CHECK(!ok && got == &ov && GetLastError() == ERROR_NOT_READY, "pended failure packet: FALSE, &ov, ERROR_NOT_READY");
    /* hEvent with its low bit set: no packet. */
    HANDLE event = CreateEventA(NULL, TRUE, FALSE, NULL);
    ov.hEvent = (HANDLE)((ULONG_PTR)event | 1);
    r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 1, 1, 10);
    ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov);
    CHECK_EQ_HEX(WaitForSingleObject(event, 5000), WAIT_OBJECT_0, "low-bit hEvent still signalled");
    ok = GetQueuedCompletionStatus(port, &n, &key, &got, 50);
    CHECK(!ok && GetLastError() == WAIT_TIMEOUT, "hEvent with the low bit set: no packet");
    ov.hEvent = NULL;
    /* An APC with a port is refused (1.E.40). */
    IO_STATUS_BLOCK iosb;
    NTSTATUS st = NtDeviceIoControlFile(h, NULL, IoApc, NULL, &iosb, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0);
    CHECK_EQ_HEX(st, STATUS_INVALID_PARAMETER, "1.E.40: an APC routine on a port handle is refused");
    /* A cancelled pending request still queues its packet (1.I.58). */
    r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 0, 1, ASYNC_IO_FOREVER);
    ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov);
    CHECK(CancelIoEx(h, &ov), "CancelIoEx of the port request");
    ok = GetQueuedCompletionStatus(port, &n, &key, &got, 5000);
    CHECK(!ok && got == &ov && GetLastError() == ERROR_OPERATION_ABORTED,
          "1.I.58: the cancelled request's packet: ERROR_OPERATION_ABORTED");

    /* GetQueuedCompletionStatusEx: several at once. */
    for (int i = 0; i < 3; i++)
        PostQueuedCompletionStatus(port, i, 100 + i, NULL);
    OVERLAPPED_ENTRY entries[8];
    ULONG removed = 0;
    ok = GetQueuedCompletionStatusEx(port, entries, 8, &removed, 1000, FALSE);
    CHECK(ok && removed == 3 && entries[0].lpCompletionKey == 100 && entries[2].dwNumberOfBytesTransferred == 2,
          "GetQueuedCompletionStatusEx removes the 3 packets in order");
    ok = GetQueuedCompletionStatusEx(port, entries, 8, &removed, 10, FALSE);
    CHECK(!ok && GetLastError() == WAIT_TIMEOUT, "GetQueuedCompletionStatusEx on an empty port: WAIT_TIMEOUT");
    QueueUserAPC(UserApc, GetCurrentThread(), 3);
    ok = GetQueuedCompletionStatusEx(port, entries, 8, &removed, 1000, TRUE);
    CHECK(!ok && GetLastError() == WAIT_IO_COMPLETION, "alertable GetQueuedCompletionStatusEx: WAIT_IO_COMPLETION");

    /* FILE_SKIP_COMPLETION_PORT_ON_SUCCESS (1.E.39). */
    CHECK(SetFileCompletionNotificationModes(h, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE),
          "SetFileCompletionNotificationModes");
    r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 1, 0, 0);
    ok = DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov);
    ok = GetQueuedCompletionStatus(port, &n, &key, &got, 50);
    CHECK(!ok && GetLastError() == WAIT_TIMEOUT, "1.E.39: non-pended success skips the port");
    r = Req(STATUS_BUFFER_OVERFLOW, STATUS_BUFFER_OVERFLOW, 1, 0, 0);
    DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov);
    ok = GetQueuedCompletionStatus(port, &n, &key, &got, 1000);
    CHECK(!ok && got == &ov && GetLastError() == ERROR_MORE_DATA, "1.E.39: a non-pended warning is still queued");
    r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 1, 1, 5);
    DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov);
    ok = GetQueuedCompletionStatus(port, &n, &key, &got, 5000);
    CHECK(ok && got == &ov, "1.E.39: a pended success is always queued");
    CHECK_EQ_HEX(WaitForSingleObject(h, 0), WAIT_TIMEOUT, "FILE_SKIP_SET_EVENT_ON_HANDLE: file object not signalled");
    /* A file object has one port. */
    HANDLE port2 = CreateIoCompletionPort(h, NULL, 1, 0);
    CHECK(port2 == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "a second port is refused");
    CloseHandle(event);
    CloseHandle(h);
    CloseHandle(port);
}

static void Cancellation(void)
{
    HANDLE h = OpenDevice(TRUE);
    OVERLAPPED ov1 = {0}, ov2 = {0};
    DWORD n;
    ov1.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ov2.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ASYNC_IO_REQUEST r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 0, 1, ASYNC_IO_FOREVER);

    /* CancelIo: the thread's two requests, cancel routines run before the next request (1.I.57). */
    ASYNC_IO_STATS before = Stats(h);
    DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov1);
    DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov2);
    CHECK(CancelIo(h), "CancelIo");
    ASYNC_IO_STATS after = Stats(h);
    CHECK_EQ(after.CancelRoutineCalls - before.CancelRoutineCalls, 2, "1.I.57: both cancel routines ran");
    BOOL ok = GetOverlappedResult(h, &ov1, &n, TRUE);
    CHECK(!ok && GetLastError() == ERROR_OPERATION_ABORTED, "1.I.60: ERROR_OPERATION_ABORTED");
    CHECK_EQ_HEX((DWORD)ov1.Internal, (DWORD)STATUS_CANCELLED, "1.I.60: STATUS_CANCELLED, information 0");
    ok = GetOverlappedResult(h, &ov2, &n, TRUE);
    CHECK(!ok && GetLastError() == ERROR_OPERATION_ABORTED, "second request aborted too");

    /* CancelIoEx(h, ov) cancels only that one (1.I.58). */
    DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov1);
    DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov2);
    CHECK(CancelIoEx(h, &ov1), "CancelIoEx(h, &ov1)");
    ok = GetOverlappedResult(h, &ov1, &n, TRUE);
    CHECK(!ok && GetLastError() == ERROR_OPERATION_ABORTED, "1.I.58: ov1 aborted");
    CHECK(!HasOverlappedIoCompleted(&ov2), "1.I.58: ov2 still pending");
    CHECK(!CancelIoEx(h, &ov1) && GetLastError() == ERROR_NOT_FOUND, "1.I.58: nothing left for ov1: ERROR_NOT_FOUND");
    CHECK(CancelIoEx(h, NULL), "CancelIoEx(h, NULL)");
    ok = GetOverlappedResult(h, &ov2, &n, TRUE);
    CHECK(!ok && GetLastError() == ERROR_OPERATION_ABORTED, "1.I.58: ov2 aborted by CancelIoEx(NULL)");
    CHECK(!CancelIoEx(h, NULL) && GetLastError() == ERROR_NOT_FOUND, "1.I.58: nothing pending: ERROR_NOT_FOUND");
    CloseHandle(ov1.hEvent);
    CloseHandle(ov2.hEvent);
    CloseHandle(h);
}

/* CancelIoEx(h, NULL) reaches another thread's request. */
typedef struct {
    HANDLE h;
    OVERLAPPED ov;
    HANDLE issued;
    BOOL exitNow;
} ISSUER;

static DWORD WINAPI Issuer(LPVOID arg)
{
    ISSUER *p = arg;
    DWORD n;
    ASYNC_IO_REQUEST r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 0, 1, ASYNC_IO_FOREVER);
    DeviceIoControl(p->h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &p->ov);
    SetEvent(p->issued);
    if (p->exitNow)
        return 0; /* ends with its request in flight */
    SleepEx(INFINITE, TRUE);
    return 0;
}

static void OtherThreads(void)
{
    ISSUER p = {0};
    DWORD n;
    p.h = OpenDevice(TRUE);
    p.ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    p.issued = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, Issuer, &p, 0, NULL);
    WaitForSingleObject(p.issued, 5000);
    CHECK(!CancelIo(p.h) || HasOverlappedIoCompleted(&p.ov) == FALSE, "CancelIo leaves another thread's request");
    CHECK(!HasOverlappedIoCompleted(&p.ov), "1.I.57: CancelIo cancels only the calling thread's requests");
    CHECK(CancelIoEx(p.h, NULL), "1.I.58: CancelIoEx(h, NULL) from another thread");
    BOOL ok = GetOverlappedResult(p.h, &p.ov, &n, TRUE);
    CHECK(!ok && GetLastError() == ERROR_OPERATION_ABORTED, "the other thread's request was aborted");
    QueueUserAPC(UserApc, t, 0);
    WaitForSingleObject(t, 5000);
    CloseHandle(t);

    /* Thread exit cancels its requests (1.I.59): cancel routine called, completed once. */
    ASYNC_IO_STATS before = Stats(p.h);
    ResetEvent(p.issued);
    ResetEvent(p.ov.hEvent);
    p.exitNow = TRUE;
    t = CreateThread(NULL, 0, Issuer, &p, 0, NULL);
    CHECK_EQ_HEX(WaitForSingleObject(t, 10000), WAIT_OBJECT_0, "the thread ended with a request in flight");
    CHECK_EQ_HEX(WaitForSingleObject(p.ov.hEvent, 0), WAIT_OBJECT_0, "1.I.59: its request was completed by then");
    CHECK_EQ_HEX((DWORD)p.ov.Internal, (DWORD)STATUS_CANCELLED, "1.I.59: with STATUS_CANCELLED");
    ASYNC_IO_STATS after = Stats(p.h);
    CHECK_EQ(after.CancelRoutineCalls - before.CancelRoutineCalls, 1, "1.I.59: the cancel routine ran once");
    CHECK_EQ(after.Completed - before.Completed, 2, "1.I.59: completed once (plus the stats request)");
    CHECK_EQ(after.Pending, 0, "nothing left pending");
    CloseHandle(t);

    /* Closing the handle with requests in flight: the driver ends them at cleanup. */
    ResetEvent(p.ov.hEvent);
    ASYNC_IO_REQUEST r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 0, 1, ASYNC_IO_FOREVER);
    DeviceIoControl(p.h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &p.ov);
    CloseHandle(p.h);
    CHECK_EQ_HEX(WaitForSingleObject(p.ov.hEvent, 5000), WAIT_OBJECT_0, "close: the request ended");
    CHECK_EQ_HEX((DWORD)p.ov.Internal, (DWORD)STATUS_CANCELLED, "close: with STATUS_CANCELLED");
    CloseHandle(p.ov.hEvent);
    CloseHandle(p.issued);
}

/* CancelSynchronousIo: a thread blocked in a synchronous request. */
typedef struct {
    HANDLE h;
    BOOL ok;
    DWORD error;
} SYNC_CALLER;

static DWORD WINAPI SyncCaller(LPVOID arg)
{
    SYNC_CALLER *c = arg;
    DWORD n;
    ASYNC_IO_REQUEST r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 0, 1, ASYNC_IO_FOREVER);
    c->ok = DeviceIoControl(c->h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, NULL);
    c->error = GetLastError();
    return 0;
}

static void SynchronousCancel(void)
{
    SYNC_CALLER c = {OpenDevice(FALSE), TRUE, 0};
    HANDLE t = CreateThread(NULL, 0, SyncCaller, &c, 0, NULL);
    BOOL cancelled = FALSE;
    for (int i = 0; i < 500 && !cancelled; i++) {
        Sleep(10);
        cancelled = CancelSynchronousIo(t);
    }
    CHECK(cancelled, "CancelSynchronousIo found the blocked request");
    CHECK_EQ_HEX(WaitForSingleObject(t, 5000), WAIT_OBJECT_0, "the blocked thread returned");
    CHECK(!c.ok && c.error == ERROR_OPERATION_ABORTED, "its DeviceIoControl failed with ERROR_OPERATION_ABORTED (%lu)",
          (unsigned long)c.error);
    CHECK(!CancelSynchronousIo(t) && GetLastError() == ERROR_NOT_FOUND, "nothing to cancel: ERROR_NOT_FOUND");
    CloseHandle(t);
    /* The synchronous handle itself is unchanged: a pended request waits. */
    DWORD n;
    ASYNC_IO_REQUEST r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 4, 1, 20);
    char out[8];
    BOOL ok = DeviceIoControl(c.h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, out, 6, &n, NULL);
    CHECK(ok && n == 4, "1.H.51: a synchronous handle waits for a pended request");
    /* 1.E.41: an event on a synchronous handle: IOSB and event for a
     * non-error status, neither for a non-pended error. */
    HANDLE event = CreateEventA(NULL, TRUE, TRUE, NULL);
    IO_STATUS_BLOCK iosb = {.Status = 0x1234, .Information = 0};
    char buf[8];
    LARGE_INTEGER offset = {.QuadPart = 0};
    NTSTATUS st = NtReadFile(c.h, event, NULL, NULL, &iosb, buf, 8, &offset, NULL);
    CHECK(st == STATUS_SUCCESS && iosb.Status == STATUS_SUCCESS && iosb.Information == 8,
          "1.E.41: synchronous read with an event: IOSB written");
    CHECK_EQ_HEX(WaitForSingleObject(event, 0), WAIT_OBJECT_0, "1.E.41: and the event signalled");
    ResetEvent(event);
    r = Req(STATUS_INVALID_DEVICE_STATE, STATUS_INVALID_DEVICE_STATE, 0, 0, 0);
    iosb.Status = 0x1234;
    st = NtDeviceIoControlFile(c.h, event, NULL, NULL, &iosb, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0);
    CHECK(st == STATUS_INVALID_DEVICE_STATE && iosb.Status == 0x1234, "1.E.41: a non-pended error: IOSB untouched");
    CHECK_EQ_HEX(WaitForSingleObject(event, 0), WAIT_TIMEOUT, "1.E.41: and the event not signalled");
    CloseHandle(event);
    CloseHandle(c.h);
}

static DWORD WINAPI BlockedSyncCaller(LPVOID arg)
{
    SYNC_CALLER *c = arg;
    SyncCaller(c);
    return 0;
}

/* ExitProcess with four overlapped requests and one synchronous one (on
 * another thread) in flight: all are cancelled before the handles are
 * closed and the driver unloaded (the test reads the driver's unload line). */
static int ExitInFlight(void)
{
    static SYNC_CALLER c;
    c.h = OpenDevice(FALSE);
    CreateThread(NULL, 0, BlockedSyncCaller, &c, 0, NULL);
    Sleep(50);
    HANDLE h = OpenDevice(TRUE);
    static OVERLAPPED ov[4];
    DWORD n;
    ASYNC_IO_REQUEST r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 0, 1, ASYNC_IO_FOREVER);
    for (int i = 0; i < 4; i++)
        DeviceIoControl(h, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov[i]);
    CHECK(!HasOverlappedIoCompleted(&ov[3]), "requests in flight at ExitProcess");
    e2e_finish();
    fflush(stdout);
    ExitProcess(0);
}

static DWORD WINAPI IgnoringCancel(LPVOID arg)
{
    static OVERLAPPED ov;
    DWORD n;
    ASYNC_IO_REQUEST r = Req(STATUS_SUCCESS, STATUS_SUCCESS, 0, 1, 1500);
    r.NoCancel = 1;
    DeviceIoControl((HANDLE)arg, IOCTL_ASYNC_IO_REQUEST, &r, sizeof r, NULL, 0, &n, &ov);
    return 0;
}

static int ThreadExitTimeout(void)
{
    HANDLE h = OpenDevice(TRUE);
    HANDLE t = CreateThread(NULL, 0, IgnoringCancel, h, 0, NULL);
    CHECK_EQ_HEX(WaitForSingleObject(t, 10000), WAIT_OBJECT_0, "the thread ended despite its stuck request");
    CHECK_EQ(Stats(h).Pending, 1, "after the cancel timeout, while the driver still held the request");
    Sleep(1700); /* the late completion of the disassociated IRP is harmless */
    CHECK_EQ(Stats(h).Pending, 0, "the driver completed it later");
    CloseHandle(t);
    CloseHandle(h);
    return e2e_finish();
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "exit-in-flight"))
        return ExitInFlight();
    if (argc > 1 && !strcmp(argv[1], "thread-exit-timeout"))
        return ThreadExitTimeout();

    HANDLE h = OpenDevice(TRUE);
    CHECK(h != INVALID_HANDLE_VALUE, "CreateFile with FILE_FLAG_OVERLAPPED");
    FileObjectSignalling(h);
    static const NTSTATUS statuses[] = {STATUS_SUCCESS, 0x0eadbeef, 0x4eadbeef, STATUS_BUFFER_OVERFLOW,
                                        0x8eadbeef, STATUS_NOT_IMPLEMENTED, 0xceadbeef};
    for (unsigned i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        for (int pend = 0; pend < 2; pend++)
            StatusClass(h, statuses[i], pend);
    Win32Overlapped(h);
    CompletionRoutines(h);
    CloseHandle(h);
    QueueApc();
    Ports();
    Cancellation();
    OtherThreads();
    SynchronousCancel();
    return e2e_finish();
}
