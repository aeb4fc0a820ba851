/*
 * test_blockcache_concurrent.c - blocks taken on one thread and given back
 * on another (an IRP issued by the application and completed by a DPC)
 * return to the taking thread and are reused there: no block is handed to
 * two users at once, and the taking thread stops allocating (run under
 * ThreadSanitizer by make test).
 */
#include "ntk_test.h"
#include <internal/ex_cache.h>
#include <host.h>
#include <pthread.h>
#include <sched.h>

#define ROUNDS 200000
#define RING 64

static EXP_BLOCK_HEADER *volatile Ring[RING];
static volatile int Done;
static unsigned long Allocations;
static struct ntkhost_ops CountingHost;
static const struct ntkhost_ops *SavedHost;

static void *CountingAlloc(size_t size, size_t alignment)
{
    __atomic_fetch_add(&Allocations, 1, __ATOMIC_RELAXED);
    return SavedHost->mem_alloc(size, alignment);
}

/* Takes blocks, stamps them, passes them on through the ring. */
static void *Issuer(void *argument)
{
    (void)argument;
    for (unsigned long i = 0; i < ROUNDS; i++) {
        EXP_BLOCK_HEADER *h = ExpTakeBlock(ExpIrpBlock, sizeof(IRP));
        assert_non_null(h);
        *(volatile unsigned long *)(h + 1) = i;
        unsigned slot = (unsigned)(i % RING);
        while (__atomic_load_n(&Ring[slot], __ATOMIC_ACQUIRE) != NULL)
            sched_yield();
        __atomic_store_n(&Ring[slot], h, __ATOMIC_RELEASE);
    }
    __atomic_store_n(&Done, 1, __ATOMIC_RELEASE);
    ExpRetireThreadCache();
    return NULL;
}

/* Checks each block still holds its stamp, gives it back, and uses blocks
 * of its own on the way. */
static void *Completer(void *argument)
{
    (void)argument;
    for (unsigned long i = 0; i < ROUNDS; i++) {
        unsigned slot = (unsigned)(i % RING);
        EXP_BLOCK_HEADER *h;
        while ((h = __atomic_load_n(&Ring[slot], __ATOMIC_ACQUIRE)) == NULL)
            sched_yield();
        __atomic_store_n(&Ring[slot], NULL, __ATOMIC_RELEASE);
        assert_int_equal(*(volatile unsigned long *)(h + 1), i);
        ExpGiveBlock(h);
        EXP_BLOCK_HEADER *own = ExpTakeBlock(ExpIrpBlock, sizeof(IRP));
        ExpGiveBlock(own);
    }
    ExpRetireThreadCache();
    return NULL;
}

static void test_cross_thread_return_reuses(void **state)
{
    (void)state;
    pthread_t issuer, completer;
    SavedHost = ntkhost;
    CountingHost = *SavedHost;
    CountingHost.mem_alloc = CountingAlloc;
    ntkhost_set_ops(&CountingHost);

    assert_int_equal(pthread_create(&completer, NULL, Completer, NULL), 0);
    assert_int_equal(pthread_create(&issuer, NULL, Issuer, NULL), 0);
    assert_int_equal(pthread_join(issuer, NULL), 0);
    assert_int_equal(pthread_join(completer, NULL), 0);
    ntkhost_set_ops(SavedHost);

    /* At most the blocks in flight at once (the ring, the lists) plus the
     * two caches: far below one per round. */
    unsigned long allocations = __atomic_load_n(&Allocations, __ATOMIC_RELAXED);
    fprintf(stderr, "%lu allocations for %d cross-thread rounds\n", allocations, ROUNDS);
    assert_true(allocations < ROUNDS / 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cross_thread_return_reuses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
