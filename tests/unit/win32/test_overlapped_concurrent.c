/*
 * test_overlapped_concurrent.c - user APCs and I/O completion ports raced
 * from many threads: every APC queued to a thread in alertable waits runs
 * exactly once, in that thread; APCs never end a non-alertable wait; every
 * packet posted to a port is removed exactly once by one of many removers.
 * Run under ThreadSanitizer by `make test` (the name holds "concurrent").
 */
#include "ntk_test.h"
#include <windows.h>
#include <ntk/ntk.h>

#define QUEUERS 6
#define APCS_PER_QUEUER 400
#define PRODUCERS 4
#define CONSUMERS 4
#define PACKETS_PER_PRODUCER 2000

static volatile LONG ApcRuns;
static volatile LONG ApcWrongThread;
static DWORD TargetId;
static HANDLE Target;

static VOID NTAPI CountApc(ULONG_PTR data)
{
    (void)data;
    if (GetCurrentThreadId() != TargetId)
        InterlockedIncrement(&ApcWrongThread);
    InterlockedIncrement(&ApcRuns);
}

static DWORD WINAPI AlertableLoop(LPVOID arg)
{
    HANDLE never = arg;
    DWORD completions = 0;
    ULONG round = 0;
    while (InterlockedCompareExchange(&ApcRuns, 0, 0) < QUEUERS * APCS_PER_QUEUER) {
        DWORD r;
        /* Every kind of alertable wait, in turn. */
        switch (round++ % 3) {
        case 0: r = SleepEx(1000, TRUE); break;
        case 1: r = WaitForSingleObjectEx(never, 1000, TRUE); break;
        default: {
            HANDLE two[2] = {never, never};
            r = WaitForMultipleObjectsEx(1, two, FALSE, 1000, TRUE);
            break;
        }
        }
        if (r == WAIT_IO_COMPLETION)
            completions++;
    }
    return completions;
}

static DWORD WINAPI Queuer(LPVOID arg)
{
    (void)arg;
    for (int i = 0; i < APCS_PER_QUEUER; i++)
        if (!QueueUserAPC(CountApc, Target, (ULONG_PTR)i))
            return 1;
    return 0;
}

static void test_apcs_from_many_threads(void **state)
{
    (void)state;
    HANDLE never = CreateEventA(NULL, TRUE, FALSE, NULL);
    Target = CreateThread(NULL, 0, AlertableLoop, never, 0, &TargetId);
    assert_non_null(Target);
    HANDLE queuers[QUEUERS];
    for (int i = 0; i < QUEUERS; i++)
        queuers[i] = CreateThread(NULL, 0, Queuer, NULL, 0, NULL);
    assert_int_equal(WaitForMultipleObjects(QUEUERS, queuers, TRUE, 30000), WAIT_OBJECT_0);
    for (int i = 0; i < QUEUERS; i++) {
        DWORD code = 1;
        GetExitCodeThread(queuers[i], &code);
        assert_int_equal(code, 0);
        CloseHandle(queuers[i]);
    }
    assert_int_equal(WaitForSingleObject(Target, 30000), WAIT_OBJECT_0);
    DWORD completions = 0;
    GetExitCodeThread(Target, &completions);
    assert_true(completions > 0);
    assert_int_equal(ApcRuns, QUEUERS * APCS_PER_QUEUER);
    assert_int_equal(ApcWrongThread, 0);
    CloseHandle(Target);
    CloseHandle(never);
}

static volatile LONG NonAlertableWrong;

static DWORD WINAPI NonAlertableWaiter(LPVOID arg)
{
    HANDLE never = arg;
    for (int i = 0; i < 50; i++)
        if (WaitForSingleObjectEx(never, 2, FALSE) != WAIT_TIMEOUT)
            InterlockedIncrement(&NonAlertableWrong);
    /* The APCs queued meanwhile all run at the first alertable wait. */
    return SleepEx(0, TRUE);
}

static void test_apcs_do_not_end_non_alertable_waits(void **state)
{
    (void)state;
    HANDLE never = CreateEventA(NULL, TRUE, FALSE, NULL);
    ApcRuns = 0;
    HANDLE t = CreateThread(NULL, 0, NonAlertableWaiter, never, 0, &TargetId);
    for (int i = 0; i < 20; i++) {
        assert_true(QueueUserAPC(CountApc, t, 0));
        Sleep(1);
    }
    assert_int_equal(WaitForSingleObject(t, 30000), WAIT_OBJECT_0);
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    assert_int_equal(code, WAIT_IO_COMPLETION);
    assert_int_equal(NonAlertableWrong, 0);
    assert_int_equal(ApcRuns, 20);
    /* An ended thread takes no more APCs. */
    assert_false(QueueUserAPC(CountApc, t, 0));
    CloseHandle(t);
    CloseHandle(never);
}

static HANDLE Port;
static volatile LONG Seen[PRODUCERS][PACKETS_PER_PRODUCER];
static volatile LONG Removed;

static DWORD WINAPI Producer(LPVOID arg)
{
    ULONG_PTR me = (ULONG_PTR)arg;
    for (DWORD i = 0; i < PACKETS_PER_PRODUCER; i++)
        if (!PostQueuedCompletionStatus(Port, i, me, (LPOVERLAPPED)(ULONG_PTR)(i + 1)))
            return 1;
    return 0;
}

static DWORD WINAPI Consumer(LPVOID arg)
{
    (void)arg;
    for (;;) {
        DWORD n;
        ULONG_PTR key;
        LPOVERLAPPED ov;
        if (!GetQueuedCompletionStatus(Port, &n, &key, &ov, 2000))
            return GetLastError() == WAIT_TIMEOUT ? 0 : 2;
        if (key == (ULONG_PTR)-1)
            return 0;
        if (key >= PRODUCERS || n >= PACKETS_PER_PRODUCER || ov != (LPOVERLAPPED)(ULONG_PTR)(n + 1))
            return 3;
        InterlockedIncrement(&Seen[key][n]);
        InterlockedIncrement(&Removed);
    }
}

static void test_port_from_many_threads(void **state)
{
    (void)state;
    Port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    assert_non_null(Port);
    HANDLE threads[PRODUCERS + CONSUMERS];
    for (ULONG_PTR i = 0; i < CONSUMERS; i++)
        threads[i] = CreateThread(NULL, 0, Consumer, NULL, 0, NULL);
    for (ULONG_PTR i = 0; i < PRODUCERS; i++)
        threads[CONSUMERS + i] = CreateThread(NULL, 0, Producer, (LPVOID)i, 0, NULL);
    assert_int_equal(WaitForMultipleObjects(PRODUCERS, threads + CONSUMERS, TRUE, 30000), WAIT_OBJECT_0);
    for (int i = 0; i < CONSUMERS; i++)
        assert_true(PostQueuedCompletionStatus(Port, 0, (ULONG_PTR)-1, NULL));
    assert_int_equal(WaitForMultipleObjects(CONSUMERS, threads, TRUE, 30000), WAIT_OBJECT_0);
    for (int i = 0; i < PRODUCERS + CONSUMERS; i++) {
        DWORD code = 9;
        GetExitCodeThread(threads[i], &code);
        assert_int_equal(code, 0);
        CloseHandle(threads[i]);
    }
    assert_int_equal(Removed, PRODUCERS * PACKETS_PER_PRODUCER);
    for (int p = 0; p < PRODUCERS; p++)
        for (int i = 0; i < PACKETS_PER_PRODUCER; i++)
            assert_int_equal(Seen[p][i], 1);
    /* Empty now: a zero wait times out with a NULL OVERLAPPED. */
    DWORD n;
    ULONG_PTR key;
    LPOVERLAPPED ov = (LPOVERLAPPED)1;
    assert_false(GetQueuedCompletionStatus(Port, &n, &key, &ov, 0));
    assert_int_equal(GetLastError(), WAIT_TIMEOUT);
    assert_null(ov);
    /* A port given as the existing one for no file is refused. */
    assert_null(CreateIoCompletionPort(INVALID_HANDLE_VALUE, Port, 0, 0));
    assert_int_equal(GetLastError(), ERROR_INVALID_PARAMETER);
    assert_true(CloseHandle(Port));
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_apcs_from_many_threads),
        cmocka_unit_test(test_apcs_do_not_end_non_alertable_waits),
        cmocka_unit_test(test_port_from_many_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
