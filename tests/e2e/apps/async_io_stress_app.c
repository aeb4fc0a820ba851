/*
 * async_io_stress_app.c - many threads doing overlapped reads against the
 * async_io driver, cancelling at random moments (CancelIo, CancelIoEx of one
 * request or of all), closing handles with reads in flight, and ending with
 * reads in flight, for a bounded time. Every read must end exactly once,
 * with its data or with ERROR_OPERATION_ABORTED, and the driver must be left
 * with nothing pending.
 */
#include <windows.h>
#include <winternl.h>
#include <ntstatus.h>

#include "e2e.h"
#include "../drivers/async_io.h"

#define THREADS 8
#define SLOTS 4
#define RUN_MS 2500

static volatile LONG stop;
static volatile LONG completedOk, aborted, unexpected, issued;

static ULONG Random(ULONG *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

static HANDLE Open(void)
{
    return CreateFileA(ASYNC_IO_WIN32_PATH, GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
}

static DWORD WINAPI Worker(LPVOID arg)
{
    ULONG seed = (ULONG)(ULONG_PTR)arg * 7919u + 1;
    OVERLAPPED ov[SLOTS];
    char buf[SLOTS][32];
    BOOL busy[SLOTS] = {0};
    HANDLE h = Open();
    for (int i = 0; i < SLOTS; i++) {
        memset(&ov[i], 0, sizeof ov[i]);
        ov[i].hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    }
    HANDLE events[SLOTS];
    for (int i = 0; i < SLOTS; i++)
        events[i] = ov[i].hEvent;
    while (!InterlockedCompareExchange(&stop, 0, 0)) {
        BOOL allBusy = TRUE;
        for (int k = 0; k < SLOTS; k++)
            allBusy &= busy[k];
        if (allBusy)
            WaitForMultipleObjects(SLOTS, events, FALSE, 2);
        int i = (int)(Random(&seed) % SLOTS);
        if (!busy[i]) {
            ov[i].Offset = 1 + Random(&seed) % 20; /* ms before the driver completes it */
            ov[i].OffsetHigh = 0;
            DWORD n;
            BOOL ok = ReadFile(h, buf[i], 1 + Random(&seed) % 32, &n, &ov[i]);
            if (ok || GetLastError() == ERROR_IO_PENDING) {
                busy[i] = TRUE;
                InterlockedIncrement(&issued);
            } else {
                InterlockedIncrement(&unexpected);
            }
        }
        switch (Random(&seed) % 64) {
        case 0:
            CancelIo(h);
            break;
        case 1:
            CancelIoEx(h, &ov[Random(&seed) % SLOTS]);
            break;
        case 2:
            CancelIoEx(h, NULL);
            break;
        case 3: {
            /* Close with reads in flight; they end through cleanup. */
            CloseHandle(h);
            h = Open();
            break;
        }
        default:
            break;
        }
        for (int k = 0; k < SLOTS; k++) {
            if (!busy[k] || WaitForSingleObject(ov[k].hEvent, 0) != WAIT_OBJECT_0)
                continue;
            DWORD n;
            /* The event is set: the result is final (no wait on the handle,
             * which may be a newer one by now). */
            if (GetOverlappedResult(h, &ov[k], &n, FALSE))
                InterlockedIncrement(&completedOk);
            else if (GetLastError() == ERROR_OPERATION_ABORTED)
                InterlockedIncrement(&aborted);
            else
                InterlockedIncrement(&unexpected);
            busy[k] = FALSE;
        }
    }
    /* Every read in flight ends (cancelled or done). */
    CancelIoEx(h, NULL);
    for (int k = 0; k < SLOTS; k++) {
        if (busy[k]) {
            if (WaitForSingleObject(ov[k].hEvent, 5000) != WAIT_OBJECT_0)
                InterlockedIncrement(&unexpected);
            else if ((NTSTATUS)ov[k].Internal == STATUS_SUCCESS)
                InterlockedIncrement(&completedOk);
            else if ((NTSTATUS)ov[k].Internal == STATUS_CANCELLED)
                InterlockedIncrement(&aborted);
            else
                InterlockedIncrement(&unexpected);
        }
        CloseHandle(ov[k].hEvent);
    }
    /* Half the threads end with a fresh read in flight (1.I.59). */
    if ((ULONG_PTR)arg % 2) {
        static OVERLAPPED tail[THREADS];
        static char tailBuf[THREADS][8];
        tail[(ULONG_PTR)arg].Offset = ASYNC_IO_FOREVER;
        DWORD n;
        ReadFile(h, tailBuf[(ULONG_PTR)arg], 8, &n, &tail[(ULONG_PTR)arg]);
    }
    CloseHandle(h);
    return 0;
}

int main(void)
{
    HANDLE threads[THREADS];
    for (ULONG_PTR i = 0; i < THREADS; i++)
        threads[i] = CreateThread(NULL, 0, Worker, (LPVOID)i, 0, NULL);
    Sleep(RUN_MS);
    InterlockedExchange(&stop, 1);
    CHECK_EQ_HEX(WaitForMultipleObjects(THREADS, threads, TRUE, 20000), WAIT_OBJECT_0, "all workers ended");
    for (int i = 0; i < THREADS; i++)
        CloseHandle(threads[i]);
    printf("issued %ld, completed %ld, aborted %ld\n", issued, completedOk, aborted);
    CHECK(issued > 100, "a real load (%ld reads)", issued);
    CHECK_EQ(unexpected, 0, "every read ended with its data or ERROR_OPERATION_ABORTED");
    CHECK_EQ(completedOk + aborted, issued, "every read ended exactly once");
    CHECK(aborted > 0 && completedOk > 0, "both outcomes happened");
    HANDLE h = Open();
    ASYNC_IO_STATS s = {0};
    OVERLAPPED ov = {0};
    DWORD n;
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    if (!DeviceIoControl(h, IOCTL_ASYNC_IO_STATS, NULL, 0, &s, sizeof s, &n, &ov))
        GetOverlappedResult(h, &ov, &n, TRUE);
    CHECK_EQ(s.Pending, 0, "the driver has nothing pending");
    CloseHandle(ov.hEvent);
    CloseHandle(h);
    return e2e_finish();
}
