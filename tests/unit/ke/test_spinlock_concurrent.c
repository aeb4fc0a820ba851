/*
 * test_spinlock_concurrent.c - spin locks give real mutual exclusion between
 * host threads under contention, for ordinary and in-stack queued
 * acquisitions alike; a waiter yields the CPU to the host now and then, so
 * that a holder the host preempted can run (run under ThreadSanitizer by
 * make test).
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>
#include <pthread.h>
#include <unistd.h>
#include <host.h>

#define THREADS 4
#define ROUNDS 20000

static KSPIN_LOCK lock;
static long counter; /* guarded by lock, deliberately not atomic */

static void *worker(void *arg)
{
    int queued = (int)(intptr_t)arg & 1;
    for (int i = 0; i < ROUNDS; i++) {
        if (queued) {
            KLOCK_QUEUE_HANDLE handle;
            KeAcquireInStackQueuedSpinLock(&lock, &handle);
            counter++;
            KeReleaseInStackQueuedSpinLock(&handle);
        } else {
            KIRQL old;
            KeAcquireSpinLock(&lock, &old);
            counter++;
            KeReleaseSpinLock(&lock, old);
        }
    }
    return NULL;
}

static void test_counter_is_exact(void **state)
{
    pthread_t threads[THREADS];
    KeInitializeSpinLock(&lock);
    for (int i = 0; i < THREADS; i++)
        pthread_create(&threads[i], NULL, worker, (void *)(intptr_t)i);
    for (int i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
    assert_int_equal(counter, (long)THREADS * ROUNDS);
    assert_true(KeTestSpinLock(&lock));
}

/* Counts the waiter's yields to the host. */
static struct ntkhost_ops YieldCountingHost;
static const struct ntkhost_ops *SavedHost;
static unsigned long Yields;
static void CountingYield(void)
{
    __atomic_fetch_add(&Yields, 1, __ATOMIC_RELAXED);
    SavedHost->thread_yield();
}

static KSPIN_LOCK heldLock;
static void *acquire_held_lock(void *arg)
{
    (void)arg;
    KIRQL old;
    KeAcquireSpinLock(&heldLock, &old);
    KeReleaseSpinLock(&heldLock, old);
    return NULL;
}

static void test_waiter_yields_to_host(void **state)
{
    (void)state;
    pthread_t waiter;
    KIRQL old;
    SavedHost = ntkhost;
    YieldCountingHost = *SavedHost;
    YieldCountingHost.thread_yield = CountingYield;
    ntkhost_set_ops(&YieldCountingHost);

    KeInitializeSpinLock(&heldLock);
    KeAcquireSpinLock(&heldLock, &old);
    pthread_create(&waiter, NULL, acquire_held_lock, NULL);
    /* The lock stays held until the waiter has given the CPU away at least
     * once: a waiter that only spun would never let this go on. */
    while (__atomic_load_n(&Yields, __ATOMIC_RELAXED) == 0)
        usleep(1000);
    KeReleaseSpinLock(&heldLock, old);
    pthread_join(waiter, NULL);
    ntkhost_set_ops(SavedHost);
    assert_true(KeTestSpinLock(&heldLock));
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counter_is_exact),
        cmocka_unit_test(test_waiter_yields_to_host),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
