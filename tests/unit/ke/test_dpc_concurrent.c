/*
 * test_dpc_concurrent.c - DPCs queued from many threads at once, for every
 * processor, at PASSIVE_LEVEL and at DISPATCH_LEVEL: every DPC that was
 * queued runs exactly once, and a DPC several threads race to queue is
 * queued (and run) once per TRUE its inserters got. Also timers set and
 * cancelled from several threads. Run under ThreadSanitizer by `make test`
 * (label "concurrency").
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>
#include <pthread.h>

#define THREADS 6
#define PER_THREAD 600

static KDPC Dpcs[THREADS][PER_THREAD];
static volatile LONG Runs[THREADS][PER_THREAD];
static volatile LONG WrongIrql;

static VOID CountDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    (void)Dpc, (void)Arg2;
    volatile LONG *counter = Context;
    if (KeGetCurrentIrql() != DISPATCH_LEVEL || Arg1 != (PVOID)counter)
        __atomic_store_n(&WrongIrql, 1, __ATOMIC_RELAXED);
    __atomic_add_fetch(counter, 1, __ATOMIC_RELAXED);
}

static void *Inserter(void *arg)
{
    int me = (int)(intptr_t)arg;
    ULONG processors = KeQueryActiveProcessorCount(NULL);
    for (int i = 0; i < PER_THREAD; i++) {
        PKDPC dpc = &Dpcs[me][i];
        KeInitializeDpc(dpc, CountDpc, (PVOID)&Runs[me][i]);
        /* A third for no particular processor (this thread's), the rest
         * spread over all of them; some high importance. */
        if (i % 3)
            KeSetTargetProcessorDpc(dpc, (CCHAR)((i + me) % processors));
        if (i % 7 == 0)
            KeSetImportanceDpc(dpc, HighImportance);
        if (i % 2) {
            KIRQL old;
            KeRaiseIrql(DISPATCH_LEVEL, &old);
            BOOLEAN queued = KeInsertQueueDpc(dpc, (PVOID)&Runs[me][i], NULL);
            KeLowerIrql(old);
            if (!queued)
                __atomic_store_n(&WrongIrql, 2, __ATOMIC_RELAXED);
        } else if (!KeInsertQueueDpc(dpc, (PVOID)&Runs[me][i], NULL)) {
            __atomic_store_n(&WrongIrql, 2, __ATOMIC_RELAXED);
        }
    }
    return NULL;
}

static void test_every_dpc_runs_exactly_once(void **state)
{
    (void)state;
    pthread_t threads[THREADS];
    for (int t = 0; t < THREADS; t++)
        assert_int_equal(pthread_create(&threads[t], NULL, Inserter, (void *)(intptr_t)t), 0);
    for (int t = 0; t < THREADS; t++)
        assert_int_equal(pthread_join(threads[t], NULL), 0);
    KeFlushQueuedDpcs();
    assert_int_equal(WrongIrql, 0);
    for (int t = 0; t < THREADS; t++)
        for (int i = 0; i < PER_THREAD; i++)
            assert_int_equal(__atomic_load_n(&Runs[t][i], __ATOMIC_RELAXED), 1);
}

/* One DPC, many inserters: each TRUE is one run. */
static KDPC Shared;
static volatile LONG SharedRuns, SharedQueued;

static VOID SharedDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    (void)Dpc, (void)Context, (void)Arg1, (void)Arg2;
    __atomic_add_fetch(&SharedRuns, 1, __ATOMIC_RELAXED);
}

static void *SharedInserter(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2000; i++) {
        if (KeInsertQueueDpc(&Shared, NULL, NULL))
            __atomic_add_fetch(&SharedQueued, 1, __ATOMIC_RELAXED);
        if (i % 5 == 0 && KeRemoveQueueDpc(&Shared))
            __atomic_sub_fetch(&SharedQueued, 1, __ATOMIC_RELAXED);
    }
    return NULL;
}

static void test_racing_inserts_of_one_dpc(void **state)
{
    (void)state;
    KeInitializeDpc(&Shared, SharedDpc, NULL);
    KeSetTargetProcessorDpc(&Shared, (CCHAR)(KeQueryActiveProcessorCount(NULL) - 1));
    pthread_t threads[4];
    for (int t = 0; t < 4; t++)
        assert_int_equal(pthread_create(&threads[t], NULL, SharedInserter, NULL), 0);
    for (int t = 0; t < 4; t++)
        assert_int_equal(pthread_join(threads[t], NULL), 0);
    KeFlushQueuedDpcs();
    assert_true(SharedQueued > 0);
    assert_int_equal(SharedRuns, SharedQueued);
    assert_null(__atomic_load_n(&Shared.DpcData, __ATOMIC_ACQUIRE));
}

/* Timers set, reset and cancelled from several threads; each timer's DPC
 * runs at most once per expiry and the queue stays consistent. */
#define TIMER_THREADS 4
static KTIMER Timers[TIMER_THREADS][8];
static KDPC TimerDpcs[TIMER_THREADS][8];
static volatile LONG TimerRuns;

static VOID TimerDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    (void)Dpc, (void)Context, (void)Arg1, (void)Arg2;
    __atomic_add_fetch(&TimerRuns, 1, __ATOMIC_RELAXED);
}

static void *TimerUser(void *arg)
{
    int me = (int)(intptr_t)arg;
    for (int round = 0; round < 200; round++) {
        int i = round % 8;
        LARGE_INTEGER due = {.QuadPart = -(LONGLONG)((round % 5) * 1000)};
        KeSetTimer(&Timers[me][i], due, &TimerDpcs[me][i]);
        if (round % 3 == 0)
            KeCancelTimer(&Timers[(me + 1) % TIMER_THREADS][(i + 3) % 8]);
    }
    return NULL;
}

static void test_timers_from_many_threads(void **state)
{
    (void)state;
    pthread_t threads[TIMER_THREADS];
    /* Initialize everything first so that cross-thread cancels see
     * initialized timers. */
    for (int t = 0; t < TIMER_THREADS; t++)
        for (int i = 0; i < 8; i++) {
            KeInitializeTimer(&Timers[t][i]);
            KeInitializeDpc(&TimerDpcs[t][i], TimerDpc, NULL);
        }
    for (int t = 0; t < TIMER_THREADS; t++)
        assert_int_equal(pthread_create(&threads[t], NULL, TimerUser, (void *)(intptr_t)t), 0);
    for (int t = 0; t < TIMER_THREADS; t++)
        assert_int_equal(pthread_join(threads[t], NULL), 0);
    LARGE_INTEGER wait = {.QuadPart = -20 * 10000};
    KeDelayExecutionThread(KernelMode, FALSE, &wait);
    for (int t = 0; t < TIMER_THREADS; t++)
        for (int i = 0; i < 8; i++)
            KeCancelTimer(&Timers[t][i]);
    KeFlushQueuedDpcs();
    LONG runs = __atomic_load_n(&TimerRuns, __ATOMIC_RELAXED);
    assert_true(runs > 0);
    assert_true(runs <= TIMER_THREADS * 200);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_dpc_runs_exactly_once),
        cmocka_unit_test(test_racing_inserts_of_one_dpc),
        cmocka_unit_test(test_timers_from_many_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
