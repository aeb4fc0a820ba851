/*
 * test_waits_concurrent.c - dispatcher objects under contention from system
 * threads: no lost wake-ups on a semaphore with several producers and
 * consumers, mutual exclusion by a recursive KMUTEX, WaitAll handshakes,
 * and time-outs racing signals. Run under ThreadSanitizer by `make test`
 * (label "concurrency").
 */
#include "ntk_test.h"
#include <internal/ob.h>
#include <ntk/ntk.h>

#define ITERATIONS 3000

static HANDLE Start(PKSTART_ROUTINE fn, PVOID ctx)
{
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, NULL, OBJ_KERNEL_HANDLE, NULL, NULL);
    HANDLE h = NULL;
    assert_int_equal(PsCreateSystemThread(&h, THREAD_ALL_ACCESS, &oa, NULL, NULL, fn, ctx), STATUS_SUCCESS);
    return h;
}

static void Join(HANDLE *h, int n)
{
    for (int i = 0; i < n; i++) {
        PVOID t;
        assert_int_equal(ObReferenceObjectByHandle(h[i], SYNCHRONIZE, *PsThreadType, KernelMode, &t, NULL),
                         STATUS_SUCCESS);
        assert_int_equal(KeWaitForSingleObject(t, Executive, KernelMode, FALSE, NULL), STATUS_WAIT_0);
        ObfDereferenceObject(t);
        assert_int_equal(ZwClose(h[i]), STATUS_SUCCESS);
    }
}

/* ------------------------------------------------ Semaphore, N x M threads */

#define PRODUCERS 2
#define CONSUMERS 4
static KSEMAPHORE Items;
static volatile LONG Consumed;

static VOID NTAPI Producer(PVOID ctx)
{
    for (int i = 0; i < ITERATIONS; i++)
        KeReleaseSemaphore(&Items, SEMAPHORE_INCREMENT, 1, FALSE);
}

static VOID NTAPI Consumer(PVOID ctx)
{
    for (int i = 0; i < ITERATIONS * PRODUCERS / CONSUMERS; i++)
        if (KeWaitForSingleObject(&Items, Executive, KernelMode, FALSE, NULL) == STATUS_WAIT_0)
            __atomic_add_fetch(&Consumed, 1, __ATOMIC_RELAXED);
}

static void test_semaphore_no_lost_wakeups(void **state)
{
    HANDLE h[PRODUCERS + CONSUMERS];
    KeInitializeSemaphore(&Items, 0, MAXLONG);
    Consumed = 0;
    for (int i = 0; i < CONSUMERS; i++)
        h[i] = Start(Consumer, NULL);
    for (int i = 0; i < PRODUCERS; i++)
        h[CONSUMERS + i] = Start(Producer, NULL);
    Join(h, PRODUCERS + CONSUMERS);
    assert_int_equal(Consumed, ITERATIONS * PRODUCERS);
    assert_int_equal(KeReadStateSemaphore(&Items), 0);
}

/* ------------------------------------------------------ Recursive KMUTEX */

#define LOCKERS 4
static KMUTEX Lock;
static LONG Counter; /* guarded by Lock */

static VOID NTAPI Locker(PVOID ctx)
{
    for (int i = 0; i < ITERATIONS / 2; i++) {
        KeWaitForSingleObject(&Lock, Executive, KernelMode, FALSE, NULL);
        KeWaitForSingleObject(&Lock, Executive, KernelMode, FALSE, NULL);
        Counter++;
        KeReleaseMutex(&Lock, FALSE);
        KeReleaseMutex(&Lock, FALSE);
    }
}

static void test_mutex_excludes(void **state)
{
    HANDLE h[LOCKERS];
    KeInitializeMutex(&Lock, 0);
    Counter = 0;
    for (int i = 0; i < LOCKERS; i++)
        h[i] = Start(Locker, NULL);
    Join(h, LOCKERS);
    assert_int_equal(KeWaitForSingleObject(&Lock, Executive, KernelMode, FALSE, NULL), STATUS_WAIT_0);
    assert_int_equal(Counter, LOCKERS * (ITERATIONS / 2));
    assert_int_equal(KeReleaseMutex(&Lock, FALSE), 0);
}

/* -------------------------------------------------------- WaitAll rounds */

static KEVENT A, B, AckA, AckB;
static volatile LONG Rounds;

static VOID NTAPI SetA(PVOID ctx)
{
    for (int i = 0; i < ITERATIONS; i++) {
        KeWaitForSingleObject(&AckA, Executive, KernelMode, FALSE, NULL);
        KeSetEvent(&A, 0, FALSE);
    }
}

static VOID NTAPI SetB(PVOID ctx)
{
    for (int i = 0; i < ITERATIONS; i++) {
        KeWaitForSingleObject(&AckB, Executive, KernelMode, FALSE, NULL);
        KeSetEvent(&B, 0, FALSE);
    }
}

static VOID NTAPI WaitBoth(PVOID ctx)
{
    PVOID objects[2] = {&A, &B};
    for (int i = 0; i < ITERATIONS; i++) {
        if (KeWaitForMultipleObjects(2, objects, WaitAll, Executive, KernelMode, FALSE, NULL, NULL) ==
            STATUS_WAIT_0)
            __atomic_add_fetch(&Rounds, 1, __ATOMIC_RELAXED);
        KeSetEvent(&AckA, 0, FALSE);
        KeSetEvent(&AckB, 0, FALSE);
    }
}

static void test_wait_all_rounds(void **state)
{
    KeInitializeEvent(&A, SynchronizationEvent, FALSE);
    KeInitializeEvent(&B, SynchronizationEvent, FALSE);
    KeInitializeEvent(&AckA, SynchronizationEvent, TRUE);
    KeInitializeEvent(&AckB, SynchronizationEvent, TRUE);
    Rounds = 0;
    HANDLE h[3] = {Start(WaitBoth, NULL), Start(SetA, NULL), Start(SetB, NULL)};
    Join(h, 3);
    assert_int_equal(Rounds, ITERATIONS);
    assert_int_equal(KeReadStateEvent(&A), 0);
    assert_int_equal(KeReadStateEvent(&B), 0);
}

/* ---------------------------------------- WaitAny time-outs racing signals */

static KSEMAPHORE Ticks;
static KEVENT Never;
static volatile LONG Taken, TimedOut;

static VOID NTAPI PollingConsumer(PVOID ctx)
{
    PVOID objects[2] = {&Never, &Ticks};
    LARGE_INTEGER shortWait;
    shortWait.QuadPart = -1000; /* 100 us */
    while (__atomic_load_n(&Taken, __ATOMIC_RELAXED) < ITERATIONS) {
        NTSTATUS s = KeWaitForMultipleObjects(2, objects, WaitAny, Executive, KernelMode, FALSE, &shortWait, NULL);
        if (s == STATUS_WAIT_1)
            __atomic_add_fetch(&Taken, 1, __ATOMIC_RELAXED);
        else if (s == STATUS_TIMEOUT)
            __atomic_add_fetch(&TimedOut, 1, __ATOMIC_RELAXED);
        else
            break;
    }
}

static VOID NTAPI Ticker(PVOID ctx)
{
    for (int i = 0; i < ITERATIONS; i++) {
        KeReleaseSemaphore(&Ticks, SEMAPHORE_INCREMENT, 1, FALSE);
        if (i % 64 == 0)
            ntkhost->sleep_ns(50000);
    }
}

static void test_timeouts_race_signals(void **state)
{
    KeInitializeSemaphore(&Ticks, 0, MAXLONG);
    KeInitializeEvent(&Never, NotificationEvent, FALSE);
    Taken = TimedOut = 0;
    HANDLE h[3] = {Start(PollingConsumer, NULL), Start(PollingConsumer, NULL), Start(Ticker, NULL)};
    Join(h, 3);
    /* Every tick taken exactly once: a wait that timed out took nothing. */
    assert_int_equal(Taken, ITERATIONS);
    assert_int_equal(KeReadStateSemaphore(&Ticks), 0);
    assert_true(IsListEmpty(&Ticks.Header.WaitListHead));
    assert_true(IsListEmpty(&Never.Header.WaitListHead));
}

int main(void)
{
    ntk_boot();
    KiEnterService(KiThread(), KernelMode);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_semaphore_no_lost_wakeups),
        cmocka_unit_test(test_mutex_excludes),
        cmocka_unit_test(test_wait_all_rounds),
        cmocka_unit_test(test_timeouts_race_signals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
