/*
 * test_spinlock_concurrent.c - spin locks give real mutual exclusion between
 * host threads under contention, for ordinary and in-stack queued
 * acquisitions alike (run under ThreadSanitizer by make test).
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>
#include <pthread.h>

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

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counter_is_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
