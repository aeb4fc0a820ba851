/*
 * test_timer.c - kernel timers and clocks: timer objects' fields, relative
 * and absolute expiry, the order several timers expire in, periodic timers
 * without accumulated drift, cancelling (no signal, no DPC), KeSetTimer's
 * result, waiting on notification and synchronization timers, and the
 * time routines.
 *
 * Timing assertions have wide margins (sanitizers and loaded machines):
 * they check order and bounds, never exact times.
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>

#define MS (-10000LL) /* one millisecond, relative */

static LARGE_INTEGER Relative(LONGLONG ms)
{
    LARGE_INTEGER t;
    t.QuadPart = ms * MS;
    return t;
}

static ULONGLONG NowMs(void)
{
    return KeQueryInterruptTime() / 10000;
}

static void SleepMs(LONGLONG ms)
{
    LARGE_INTEGER t = Relative(ms);
    KeDelayExecutionThread(KernelMode, FALSE, &t);
}

static void test_timer_object(void **state)
{
    (void)state;
    static KTIMER timer;
    memset(&timer, 0xCD, sizeof timer);
    assert_int_equal(sizeof(KTIMER), 0x40);
    KeInitializeTimer(&timer);
    assert_int_equal(timer.Header.Type, TimerNotificationObject);
    assert_int_equal(timer.Header.Type, 8);
    assert_int_equal(timer.Header.Size, sizeof(KTIMER) / sizeof(LONG));
    assert_int_equal(timer.Header.SignalState, 0);
    assert_null(timer.Dpc);
    assert_int_equal(timer.Period, 0);
    assert_false(KeReadStateTimer(&timer));
    assert_false(KeCancelTimer(&timer));

    KeInitializeTimerEx(&timer, SynchronizationTimer);
    assert_int_equal(timer.Header.Type, TimerSynchronizationObject);
    assert_int_equal(timer.Header.Type, 9);
    KeInitializeTimerEx(&timer, NotificationTimer);
    assert_int_equal(timer.Header.Type, 8);
}

static void test_relative_expiry(void **state)
{
    (void)state;
    static KTIMER timer;
    KeInitializeTimer(&timer);
    ULONGLONG start = NowMs();
    assert_false(KeSetTimer(&timer, Relative(30), NULL));
    /* Not signalled before it is due (if this thread got here in time). */
    BOOLEAN early = KeReadStateTimer(&timer);
    if (NowMs() - start < 29)
        assert_false(early);
    LARGE_INTEGER limit = Relative(2000);
    assert_int_equal(KeWaitForSingleObject(&timer, Executive, KernelMode, FALSE, &limit), STATUS_SUCCESS);
    ULONGLONG elapsed = NowMs() - start;
    assert_true(elapsed >= 29);
    assert_true(elapsed < 1500);
    assert_true(KeReadStateTimer(&timer));
    assert_false(KeCancelTimer(&timer)); /* expired: no longer set */
}

static void test_absolute_expiry(void **state)
{
    (void)state;
    static KTIMER timer;
    KeInitializeTimer(&timer);
    LARGE_INTEGER due;
    KeQuerySystemTime(&due);
    due.QuadPart += 30 * 10000;
    ULONGLONG start = NowMs();
    assert_false(KeSetTimer(&timer, due, NULL));
    LARGE_INTEGER limit = Relative(2000);
    assert_int_equal(KeWaitForSingleObject(&timer, Executive, KernelMode, FALSE, &limit), STATUS_SUCCESS);
    assert_true(NowMs() - start >= 25);
    LARGE_INTEGER now;
    KeQuerySystemTime(&now);
    assert_true(now.QuadPart >= due.QuadPart - 10000);

    /* A time already past expires at once. */
    KeQuerySystemTime(&due);
    due.QuadPart -= 10000000;
    KeSetTimer(&timer, due, NULL);
    assert_int_equal(KeWaitForSingleObject(&timer, Executive, KernelMode, FALSE, &limit), STATUS_SUCCESS);
}

static int Order[8];
static volatile LONG OrderCount;

static VOID OrderDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    (void)Dpc, (void)Arg1, (void)Arg2;
    LONG i = __atomic_fetch_add(&OrderCount, 1, __ATOMIC_RELAXED);
    if (i < 8)
        Order[i] = (int)(ULONG_PTR)Context;
}

static void test_expiry_order(void **state)
{
    (void)state;
    OrderCount = 0;
    static KTIMER timers[3];
    static KDPC dpcs[3];
    LONGLONG delays[3] = {90, 30, 60};
    for (int i = 0; i < 3; i++) {
        KeInitializeTimer(&timers[i]);
        KeInitializeDpc(&dpcs[i], OrderDpc, (PVOID)(ULONG_PTR)delays[i]);
        KeSetTimer(&timers[i], Relative(delays[i]), &dpcs[i]);
    }
    LARGE_INTEGER limit = Relative(3000);
    assert_int_equal(KeWaitForSingleObject(&timers[0], Executive, KernelMode, FALSE, &limit), STATUS_SUCCESS);
    KeFlushQueuedDpcs();
    assert_int_equal(OrderCount, 3);
    assert_int_equal(Order[0], 30);
    assert_int_equal(Order[1], 60);
    assert_int_equal(Order[2], 90);
    for (int i = 0; i < 3; i++)
        assert_true(KeReadStateTimer(&timers[i]));
}

#define MAX_TICKS 64
static ULONGLONG Ticks[MAX_TICKS];
static volatile LONG TickCount;
static volatile LONG TickWrongIrql;

static VOID TickDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    (void)Dpc, (void)Context, (void)Arg1, (void)Arg2;
    LONG i = __atomic_fetch_add(&TickCount, 1, __ATOMIC_RELAXED);
    if (i < MAX_TICKS)
        Ticks[i] = KeQueryInterruptTime();
    if (KeGetCurrentIrql() != DISPATCH_LEVEL)
        __atomic_store_n(&TickWrongIrql, 1, __ATOMIC_RELAXED);
}

static void test_periodic_without_drift(void **state)
{
    (void)state;
    TickCount = 0;
    static KTIMER timer;
    static KDPC dpc;
    KeInitializeTimerEx(&timer, SynchronizationTimer);
    KeInitializeDpc(&dpc, TickDpc, NULL);
    ULONGLONG set = KeQueryInterruptTime();
    assert_false(KeSetTimerEx(&timer, Relative(10), 10, &dpc));
    SleepMs(200);
    assert_true(KeCancelTimer(&timer));
    ULONGLONG elapsedMs = (KeQueryInterruptTime() - set) / 10000;
    KeFlushQueuedDpcs();
    LONG n = __atomic_load_n(&TickCount, __ATOMIC_ACQUIRE);
    assert_int_equal(TickWrongIrql, 0);
    /* About 20 ticks; periods the host was too busy for are skipped, and
     * there are never more ticks than periods. */
    assert_true(n >= 5);
    assert_true((ULONGLONG)n <= elapsedMs / 10 + 1);
    /* Due times are the first plus whole periods: tick i never comes before
     * (i + 1) periods after the timer was set, however late others were. */
    for (LONG i = 0; i < n && i < MAX_TICKS; i++)
        assert_true(Ticks[i] + 10000 >= set + (ULONGLONG)(i + 1) * 100000);
    /* Cancelled: no more ticks. */
    SleepMs(30);
    KeFlushQueuedDpcs();
    assert_int_equal(__atomic_load_n(&TickCount, __ATOMIC_ACQUIRE), n);
}

static volatile LONG CancelDpcRuns;

static VOID CancelDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    (void)Dpc, (void)Context, (void)Arg1, (void)Arg2;
    __atomic_add_fetch(&CancelDpcRuns, 1, __ATOMIC_RELAXED);
}

static void test_cancel_stops_signal_and_dpc(void **state)
{
    (void)state;
    CancelDpcRuns = 0;
    static KTIMER timer;
    static KDPC dpc;
    KeInitializeTimer(&timer);
    KeInitializeDpc(&dpc, CancelDpc, NULL);
    assert_false(KeSetTimer(&timer, Relative(30), &dpc));
    assert_true(KeCancelTimer(&timer));
    assert_false(KeCancelTimer(&timer));
    SleepMs(80);
    KeFlushQueuedDpcs();
    assert_false(KeReadStateTimer(&timer));
    assert_int_equal(CancelDpcRuns, 0);
    LARGE_INTEGER zero = {.QuadPart = 0};
    assert_int_equal(KeWaitForSingleObject(&timer, Executive, KernelMode, FALSE, &zero), STATUS_TIMEOUT);
}

static void test_set_timer_result(void **state)
{
    (void)state;
    CancelDpcRuns = 0;
    static KTIMER timer;
    static KDPC dpc;
    KeInitializeTimer(&timer);
    KeInitializeDpc(&dpc, CancelDpc, NULL);
    assert_false(KeSetTimer(&timer, Relative(1000), NULL));
    /* Set again while set: TRUE, and the new due time and DPC replace the old. */
    assert_true(KeSetTimer(&timer, Relative(20), &dpc));
    LARGE_INTEGER limit = Relative(2000);
    assert_int_equal(KeWaitForSingleObject(&timer, Executive, KernelMode, FALSE, &limit), STATUS_SUCCESS);
    KeFlushQueuedDpcs();
    assert_int_equal(CancelDpcRuns, 1);
    /* Expired: FALSE again, and setting it makes it not signalled. */
    assert_true(KeReadStateTimer(&timer));
    assert_false(KeSetTimer(&timer, Relative(1000), NULL));
    assert_false(KeReadStateTimer(&timer));
    assert_true(KeCancelTimer(&timer));
}

static void test_notification_and_synchronization_waits(void **state)
{
    (void)state;
    LARGE_INTEGER zero = {.QuadPart = 0};
    LARGE_INTEGER limit = Relative(2000);

    static KTIMER notification;
    KeInitializeTimerEx(&notification, NotificationTimer);
    KeSetTimer(&notification, Relative(10), NULL);
    assert_int_equal(KeWaitForSingleObject(&notification, Executive, KernelMode, FALSE, &limit), STATUS_SUCCESS);
    /* Stays signalled for every later wait. */
    assert_int_equal(KeWaitForSingleObject(&notification, Executive, KernelMode, FALSE, &zero), STATUS_SUCCESS);
    assert_int_equal(KeWaitForSingleObject(&notification, Executive, KernelMode, FALSE, &zero), STATUS_SUCCESS);
    assert_true(KeReadStateTimer(&notification));

    static KTIMER sync;
    KeInitializeTimerEx(&sync, SynchronizationTimer);
    KeSetTimer(&sync, Relative(10), NULL);
    assert_int_equal(KeWaitForSingleObject(&sync, Executive, KernelMode, FALSE, &limit), STATUS_SUCCESS);
    /* One satisfied wait resets it. */
    assert_false(KeReadStateTimer(&sync));
    assert_int_equal(KeWaitForSingleObject(&sync, Executive, KernelMode, FALSE, &zero), STATUS_TIMEOUT);

    /* Expiring with no waiter leaves a synchronization timer signalled
     * until one wait takes it. */
    KeSetTimer(&sync, Relative(5), NULL);
    for (int i = 0; i < 200 && !KeReadStateTimer(&sync); i++)
        SleepMs(10);
    assert_true(KeReadStateTimer(&sync));
    assert_int_equal(KeWaitForSingleObject(&sync, Executive, KernelMode, FALSE, &zero), STATUS_SUCCESS);
    assert_int_equal(KeWaitForSingleObject(&sync, Executive, KernelMode, FALSE, &zero), STATUS_TIMEOUT);
}

static void test_set_at_dispatch_from_dpc_context(void **state)
{
    (void)state;
    /* Drivers set and cancel timers with a spin lock held. */
    static KTIMER timer;
    KeInitializeTimer(&timer);
    KSPIN_LOCK lock;
    KIRQL old;
    KeInitializeSpinLock(&lock);
    KeAcquireSpinLock(&lock, &old);
    assert_false(KeSetTimer(&timer, Relative(10), NULL));
    assert_false(KeReadStateTimer(&timer));
    KeReleaseSpinLock(&lock, old);
    LARGE_INTEGER limit = Relative(2000);
    assert_int_equal(KeWaitForSingleObject(&timer, Executive, KernelMode, FALSE, &limit), STATUS_SUCCESS);

    /* A coalescable timer is a timer with a hint. */
    assert_false(KeSetCoalescableTimer(&timer, Relative(10), 0, 50, NULL));
    assert_int_equal(KeWaitForSingleObject(&timer, Executive, KernelMode, FALSE, &limit), STATUS_SUCCESS);
}

static void test_clocks(void **state)
{
    (void)state;
    assert_int_equal(KeQueryTimeIncrement(), 156250);

    LARGE_INTEGER system, precise;
    KeQuerySystemTime(&system);
    KeQuerySystemTimePrecise(&precise);
    LONGLONG host = ntkhost->realtime_ns() / 100 + 116444736000000000LL;
    assert_true(llabs(system.QuadPart - host) < 30000000LL);
    assert_true(precise.QuadPart >= system.QuadPart);

    ULONGLONG i1 = KeQueryInterruptTime();
    SleepMs(20);
    ULONGLONG i2 = KeQueryInterruptTime();
    assert_true(i2 - i1 >= 19 * 10000);
    ULONG64 qpc = 0;
    ULONGLONG i3 = KeQueryInterruptTimePrecise(&qpc);
    assert_true(i3 >= i2);
    assert_true(qpc != 0);
    assert_true(KeQueryUnbiasedInterruptTime() >= i3);

    LARGE_INTEGER ticks;
    KeQueryTickCount(&ticks);
    ULONGLONG i4 = KeQueryInterruptTime();
    assert_true((ULONGLONG)ticks.QuadPart <= i4 / 156250);
    assert_true((ULONGLONG)ticks.QuadPart + 2 >= i4 / 156250);

    LARGE_INTEGER freq, c1, c2;
    c1 = KeQueryPerformanceCounter(&freq);
    assert_int_equal(freq.QuadPart, 10000000);
    c2 = KeQueryPerformanceCounter(NULL);
    assert_true(c2.QuadPart >= c1.QuadPart);

    LARGE_INTEGER local, back;
    ExSystemTimeToLocalTime(&system, &local);
    ExLocalTimeToSystemTime(&local, &back);
    assert_int_equal(local.QuadPart, system.QuadPart); /* the kernel's zone is UTC */
    assert_int_equal(back.QuadPart, system.QuadPart);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timer_object),
        cmocka_unit_test(test_relative_expiry),
        cmocka_unit_test(test_absolute_expiry),
        cmocka_unit_test(test_expiry_order),
        cmocka_unit_test(test_periodic_without_drift),
        cmocka_unit_test(test_cancel_stops_signal_and_dpc),
        cmocka_unit_test(test_set_timer_result),
        cmocka_unit_test(test_notification_and_synchronization_waits),
        cmocka_unit_test(test_set_at_dispatch_from_dpc_context),
        cmocka_unit_test(test_clocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
