/*
 * app.c - exercises the cancel-safe-queue sample driver:
 *
 *  1. many reads at once, from threads with synchronous handles and from
 *     threads keeping several overlapped reads in flight: each must come
 *     back with the header and pattern the driver writes, each with its
 *     own serial number;
 *  2. with the device paused, a read pending on a synchronous handle in one
 *     thread is cancelled from another thread, with CancelIoEx and with
 *     CancelSynchronousIo: ReadFile fails with ERROR_OPERATION_ABORTED;
 *  3. with the device paused, a handle whose overlapped reads are pending
 *     is closed: IRP_MJ_CLEANUP cancels exactly those reads, and the reads
 *     pending on another handle are served once the device resumes.
 *
 * Exits with 0 only if every check passed.
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include "cancel_csq_public.h"

#define SYNC_THREADS 4
#define SYNC_READS 25
#define OVERLAPPED_THREADS 2
#define OVERLAPPED_ROUNDS 10
#define IN_FLIGHT 4
#define PHASE1_READS (SYNC_THREADS * SYNC_READS + OVERLAPPED_THREADS * OVERLAPPED_ROUNDS * IN_FLIGHT)
#define MAX_READ 256
#define WAIT_MS 10000 /* far longer than anything here should take */

static LONG checks, failures;
static LONG seen[PHASE1_READS + 1];

static void Check(BOOL ok, const char *what)
{
    InterlockedIncrement(&checks);
    if (!ok) {
        InterlockedIncrement(&failures);
        printf("  FAILED: %s (last error %lu)\n", what, GetLastError());
    }
}

static HANDLE OpenDevice(BOOL overlapped)
{
    return CreateFileA(CSQ_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                       overlapped ? FILE_FLAG_OVERLAPPED : 0, NULL);
}

static CSQ_STATS GetStats(HANDLE control)
{
    CSQ_STATS stats = {0};
    DWORD bytes = 0;
    if (!DeviceIoControl(control, IOCTL_CSQ_GET_STATS, NULL, 0, &stats, sizeof stats, &bytes, NULL) ||
        bytes != sizeof stats)
        Check(FALSE, "IOCTL_CSQ_GET_STATS");
    return stats;
}

/* Polls the driver until Queued reads are in its queue. */
static BOOL WaitForQueued(HANDLE control, LONG queued)
{
    for (int ms = 0; ms < WAIT_MS; ms++) {
        if (GetStats(control).Queued == queued)
            return TRUE;
        Sleep(1);
    }
    return FALSE;
}

static BOOL Control(HANDLE control, DWORD code)
{
    DWORD bytes = 0;
    return DeviceIoControl(control, code, NULL, 0, NULL, 0, &bytes, NULL);
}

/* What a served read must hold: its own length, a serial number no larger
 * than MaxSerial (seen once only, when Seen is given), the pattern. */
static BOOL ReadIsValid(const UCHAR *buffer, DWORD bytes, DWORD length, ULONG maxSerial, LONG *Seen)
{
    const CSQ_READ_HEADER *header = (const CSQ_READ_HEADER *)buffer;
    if (bytes != length || header->Length != length || header->Serial < 1 || header->Serial > maxSerial)
        return FALSE;
    for (DWORD i = sizeof *header; i < length; i++)
        if (buffer[i] != CSQ_PATTERN(header->Serial, i))
            return FALSE;
    return !Seen || InterlockedIncrement(&Seen[header->Serial]) == 1;
}

static DWORD ReadLength(int who, int n)
{
    return sizeof(CSQ_READ_HEADER) + (DWORD)((who * 37 + n * 13) % (MAX_READ - sizeof(CSQ_READ_HEADER)));
}

/* ------------------------------------------------ 1. many reads at once */

static DWORD WINAPI SyncReader(LPVOID param)
{
    int who = (int)(ULONG_PTR)param;
    HANDLE h = OpenDevice(FALSE);
    Check(h != INVALID_HANDLE_VALUE, "open a synchronous handle");
    for (int n = 0; n < SYNC_READS; n++) {
        UCHAR buffer[MAX_READ];
        DWORD length = ReadLength(who, n), bytes = 0;
        BOOL ok = ReadFile(h, buffer, length, &bytes, NULL);
        Check(ok && ReadIsValid(buffer, bytes, length, PHASE1_READS, seen), "synchronous read served with data");
    }
    CloseHandle(h);
    return 0;
}

static DWORD WINAPI OverlappedReader(LPVOID param)
{
    int who = (int)(ULONG_PTR)param;
    HANDLE h = OpenDevice(TRUE);
    Check(h != INVALID_HANDLE_VALUE, "open an overlapped handle");
    OVERLAPPED ov[IN_FLIGHT];
    UCHAR buffer[IN_FLIGHT][MAX_READ];
    for (int k = 0; k < IN_FLIGHT; k++)
        ov[k].hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    for (int round = 0; round < OVERLAPPED_ROUNDS; round++) {
        DWORD length[IN_FLIGHT];
        for (int k = 0; k < IN_FLIGHT; k++) {
            ResetEvent(ov[k].hEvent);
            ov[k].Offset = ov[k].OffsetHigh = 0;
            length[k] = ReadLength(who, round * IN_FLIGHT + k);
            BOOL ok = ReadFile(h, buffer[k], length[k], NULL, &ov[k]);
            /* The driver queues every read: it always pends. */
            Check(!ok && GetLastError() == ERROR_IO_PENDING, "overlapped read: ERROR_IO_PENDING");
        }
        for (int k = 0; k < IN_FLIGHT; k++) {
            DWORD bytes = 0;
            Check(WaitForSingleObject(ov[k].hEvent, WAIT_MS) == WAIT_OBJECT_0, "overlapped read completes");
            BOOL ok = GetOverlappedResult(h, &ov[k], &bytes, FALSE);
            Check(ok && ReadIsValid(buffer[k], bytes, length[k], PHASE1_READS, seen),
                  "overlapped read served with data");
        }
    }
    for (int k = 0; k < IN_FLIGHT; k++)
        CloseHandle(ov[k].hEvent);
    CloseHandle(h);
    return 0;
}

static void ManyReads(HANDLE control)
{
    HANDLE threads[SYNC_THREADS + OVERLAPPED_THREADS];
    int n = 0;
    for (int i = 0; i < SYNC_THREADS; i++, n++)
        threads[n] = CreateThread(NULL, 0, SyncReader, (LPVOID)(ULONG_PTR)n, 0, NULL);
    for (int i = 0; i < OVERLAPPED_THREADS; i++, n++)
        threads[n] = CreateThread(NULL, 0, OverlappedReader, (LPVOID)(ULONG_PTR)n, 0, NULL);
    Check(WaitForMultipleObjects(n, threads, TRUE, 60000) == WAIT_OBJECT_0, "every reader thread ends");
    for (int i = 0; i < n; i++)
        CloseHandle(threads[i]);
    LONG missing = 0;
    for (int s = 1; s <= PHASE1_READS; s++)
        missing += seen[s] != 1;
    CSQ_STATS stats = GetStats(control);
    Check(missing == 0 && stats.Served == PHASE1_READS && stats.Queued == 0,
          "every serial number seen once, all served, queue empty");
    printf("1. %d threads, %d reads (%d synchronous, %d overlapped, %d in flight per handle): "
           "%ld served, %ld serial numbers missing\n",
           n, PHASE1_READS, SYNC_THREADS * SYNC_READS, OVERLAPPED_THREADS * OVERLAPPED_ROUNDS * IN_FLIGHT,
           IN_FLIGHT, stats.Served, missing);
}

/* ------------------------------------ 2. cancelling a synchronous read */

typedef struct _BLOCKED_READ {
    HANDLE Handle;
    BOOL Ok;
    DWORD Error, Bytes;
} BLOCKED_READ;

static DWORD WINAPI BlockedReader(LPVOID param)
{
    BLOCKED_READ *r = param;
    UCHAR buffer[64];
    r->Bytes = 12345;
    r->Ok = ReadFile(r->Handle, buffer, sizeof buffer, &r->Bytes, NULL);
    r->Error = r->Ok ? 0 : GetLastError();
    return 0;
}

static void CancelBlockedRead(HANDLE control, HANDLE h, BOOL synchronousIo, LONG cancelledBefore)
{
    const char *how = synchronousIo ? "CancelSynchronousIo(thread)" : "CancelIoEx(handle, NULL)";
    BLOCKED_READ r = {.Handle = h};
    HANDLE thread = CreateThread(NULL, 0, BlockedReader, &r, 0, NULL);
    Check(WaitForQueued(control, 1), "the read is queued in the driver");
    Check(WaitForSingleObject(thread, 0) == WAIT_TIMEOUT, "the reading thread is blocked in ReadFile");
    BOOL cancelled = synchronousIo ? CancelSynchronousIo(thread) : CancelIoEx(h, NULL);
    Check(cancelled, how);
    Check(WaitForSingleObject(thread, WAIT_MS) == WAIT_OBJECT_0, "the reading thread returns");
    Check(!r.Ok && r.Error == ERROR_OPERATION_ABORTED && r.Bytes == 0,
          "the read fails with ERROR_OPERATION_ABORTED, 0 bytes");
    CSQ_STATS stats = GetStats(control);
    Check(stats.Queued == 0 && stats.CancelledByIo == cancelledBefore + 1,
          "the queue's CompleteCanceledIrp callback completed it");
    printf("2. read pending in another thread, %-28s -> ReadFile FALSE, error %lu, %lu bytes\n", how, r.Error,
           r.Bytes);
    CloseHandle(thread);
}

/* ------------------------------------------ 3. closing with reads pending */

#define CLOSED_READS 3
#define KEPT_READS 2

static void CloseWithReadsPending(HANDLE control)
{
    HANDLE closed = OpenDevice(TRUE), kept = OpenDevice(TRUE);
    Check(closed != INVALID_HANDLE_VALUE && kept != INVALID_HANDLE_VALUE, "open two overlapped handles");
    OVERLAPPED ov[CLOSED_READS + KEPT_READS] = {{0}};
    UCHAR buffer[CLOSED_READS + KEPT_READS][64];
    for (int k = 0; k < CLOSED_READS + KEPT_READS; k++) {
        ov[k].hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
        BOOL ok = ReadFile(k < CLOSED_READS ? closed : kept, buffer[k], sizeof buffer[k], NULL, &ov[k]);
        Check(!ok && GetLastError() == ERROR_IO_PENDING, "overlapped read: ERROR_IO_PENDING");
    }
    Check(WaitForQueued(control, CLOSED_READS + KEPT_READS), "all five reads queued");
    LONG servedBefore = GetStats(control).Served;

    /* The last handle of the file object closes: IRP_MJ_CLEANUP. */
    CloseHandle(closed);
    int aborted = 0;
    for (int k = 0; k < CLOSED_READS; k++) {
        DWORD bytes = 12345;
        Check(WaitForSingleObject(ov[k].hEvent, WAIT_MS) == WAIT_OBJECT_0, "the closed handle's read completes");
        BOOL ok = GetOverlappedResult(closed, &ov[k], &bytes, FALSE);
        BOOL wasAborted = !ok && GetLastError() == ERROR_OPERATION_ABORTED && bytes == 0;
        Check(wasAborted, "the closed handle's read: ERROR_OPERATION_ABORTED, 0 bytes");
        aborted += wasAborted;
    }
    CSQ_STATS stats = GetStats(control);
    Check(stats.CancelledByCleanup == CLOSED_READS && stats.Queued == KEPT_READS,
          "cleanup cancelled only that file object's reads");
    int stillPending = 0;
    for (int k = CLOSED_READS; k < CLOSED_READS + KEPT_READS; k++) {
        DWORD bytes;
        BOOL pending = !GetOverlappedResult(kept, &ov[k], &bytes, FALSE) && GetLastError() == ERROR_IO_INCOMPLETE;
        Check(pending, "the other handle's read is still pending (ERROR_IO_INCOMPLETE)");
        stillPending += pending;
    }
    printf("3. closed a handle with %d reads pending -> %d ended with ERROR_OPERATION_ABORTED; "
           "%d reads of another handle still pending\n",
           CLOSED_READS, aborted, stillPending);

    Check(Control(control, IOCTL_CSQ_RESUME), "IOCTL_CSQ_RESUME");
    int served = 0;
    for (int k = CLOSED_READS; k < CLOSED_READS + KEPT_READS; k++) {
        DWORD bytes = 0;
        Check(WaitForSingleObject(ov[k].hEvent, WAIT_MS) == WAIT_OBJECT_0, "the kept read completes");
        BOOL ok = GetOverlappedResult(kept, &ov[k], &bytes, FALSE) &&
                  ReadIsValid(buffer[k], bytes, sizeof buffer[k], PHASE1_READS + KEPT_READS, NULL);
        Check(ok, "the kept read is served with data after the device resumes");
        served += ok;
    }
    stats = GetStats(control);
    Check(stats.Served == servedBefore + KEPT_READS && stats.Queued == 0, "served: the two kept reads");
    printf("   device resumed -> %d reads of the other handle served with data\n", served);
    for (int k = 0; k < CLOSED_READS + KEPT_READS; k++)
        CloseHandle(ov[k].hEvent);
    CloseHandle(kept);
}

int main(void)
{
    printf("Opening %s\n", CSQ_WIN32_PATH);
    HANDLE control = OpenDevice(FALSE);
    if (control == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: %lu\n", GetLastError());
        return 1;
    }

    UCHAR small[4];
    DWORD bytes = 12345;
    BOOL ok = ReadFile(control, small, sizeof small, &bytes, NULL);
    DWORD error = ok ? 0 : GetLastError();
    Check(!ok && error == ERROR_INSUFFICIENT_BUFFER && bytes == 0,
          "a read shorter than the header: ERROR_INSUFFICIENT_BUFFER, not queued");
    printf("0. read of %u bytes -> ReadFile %s, error %lu, %lu bytes\n", (unsigned)sizeof small,
           ok ? "TRUE" : "FALSE", error, bytes);

    ManyReads(control);

    Check(Control(control, IOCTL_CSQ_PAUSE), "IOCTL_CSQ_PAUSE");
    HANDLE h = OpenDevice(FALSE);
    Check(h != INVALID_HANDLE_VALUE, "open a synchronous handle");
    CancelBlockedRead(control, h, FALSE, 0);
    CancelBlockedRead(control, h, TRUE, 1);
    CloseHandle(h);

    CloseWithReadsPending(control);

    CSQ_STATS stats = GetStats(control);
    Check(stats.Served == PHASE1_READS + KEPT_READS && stats.CancelledByIo == 2 &&
              stats.CancelledByCleanup == CLOSED_READS && stats.Queued == 0,
          "the driver's counters at the end");
    printf("Driver counters: %ld served, %ld cancelled by CancelIo*, %ld cancelled by cleanup, %ld queued\n",
           stats.Served, stats.CancelledByIo, stats.CancelledByCleanup, stats.Queued);
    CloseHandle(control);
    printf("%ld checks passed, %ld failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}
