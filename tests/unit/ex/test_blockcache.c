/*
 * test_blockcache.c - the per-thread block caches (src/nt/ex/blockcache.c):
 * a block given back on its own thread is reused, a block given back on
 * another thread returns to its owner's list and is reused by the owner,
 * the lists are capped, oversized requests are not cached, and a thread's
 * exit frees what it cached and makes later returns free their block.
 */
#include "ntk_test.h"
#include <internal/ex_cache.h>
#include <pthread.h>

static void *GiveOnThisThread(void *argument)
{
    ExpGiveBlock(argument);
    return NULL;
}

static void GiveOnAnotherThread(EXP_BLOCK_HEADER *Header)
{
    pthread_t thread;
    assert_int_equal(pthread_create(&thread, NULL, GiveOnThisThread, Header), 0);
    assert_int_equal(pthread_join(thread, NULL), 0);
}

static void DrainOwnList(EXP_BLOCK_KIND Kind)
{
    /* Take until both lists are empty, then give all back to the allocator
     * through a block without owner: the test starts from nothing cached. */
    EXP_BLOCK_HEADER *taken[64];
    int n = 0;
    while ((ExpCachedBlockCount(Kind) || ExpReturnedBlockCount(Kind)) && n < 64)
        taken[n++] = ExpTakeBlock(Kind, 1);
    for (int i = 0; i < n; i++) {
        taken[i]->Owner = NULL;
        ExpGiveBlock(taken[i]);
    }
    assert_int_equal(ExpCachedBlockCount(Kind), 0);
    assert_int_equal(ExpReturnedBlockCount(Kind), 0);
}

static void test_same_thread_reuses(void **state)
{
    (void)state;
    DrainOwnList(ExpSmallBufferBlock);
    EXP_BLOCK_HEADER *a = ExpTakeBlock(ExpSmallBufferBlock, 100);
    assert_non_null(a);
    assert_non_null(a->Owner);
    assert_int_equal(a->Size, 100);
    assert_int_equal(((uintptr_t)(a + 1)) % 16, 0);
    ExpGiveBlock(a);
    assert_int_equal(ExpCachedBlockCount(ExpSmallBufferBlock), 1);
    EXP_BLOCK_HEADER *b = ExpTakeBlock(ExpSmallBufferBlock, EXP_SMALL_BUFFER);
    assert_ptr_equal(a, b);
    assert_int_equal(ExpCachedBlockCount(ExpSmallBufferBlock), 0);
    ExpGiveBlock(b);
}

static void test_other_thread_returns_to_owner(void **state)
{
    (void)state;
    DrainOwnList(ExpIrpBlock);
    EXP_BLOCK_HEADER *a = ExpTakeBlock(ExpIrpBlock, sizeof(IRP));
    EXP_BLOCK_HEADER *b = ExpTakeBlock(ExpIrpBlock, sizeof(IRP));
    GiveOnAnotherThread(a);
    GiveOnAnotherThread(b);
    assert_int_equal(ExpCachedBlockCount(ExpIrpBlock), 0);
    assert_int_equal(ExpReturnedBlockCount(ExpIrpBlock), 2);

    /* The owner's list is empty: the next takes are the returned blocks. */
    EXP_BLOCK_HEADER *c = ExpTakeBlock(ExpIrpBlock, sizeof(IRP));
    EXP_BLOCK_HEADER *d = ExpTakeBlock(ExpIrpBlock, sizeof(IRP));
    assert_true((c == a && d == b) || (c == b && d == a));
    assert_int_equal(ExpReturnedBlockCount(ExpIrpBlock), 0);
    ExpGiveBlock(c);
    ExpGiveBlock(d);
    assert_int_equal(ExpCachedBlockCount(ExpIrpBlock), 2);
}

static void test_list_is_capped(void **state)
{
    (void)state;
    EXP_BLOCK_HEADER *taken[8];
    DrainOwnList(ExpPageBufferBlock);
    for (int i = 0; i < 8; i++)
        taken[i] = ExpTakeBlock(ExpPageBufferBlock, EXP_PAGE_BUFFER);
    for (int i = 0; i < 8; i++)
        ExpGiveBlock(taken[i]);
    assert_int_equal(ExpCachedBlockCount(ExpPageBufferBlock), 4);
}

static void test_oversized_is_not_cached(void **state)
{
    (void)state;
    EXP_BLOCK_HEADER *big = ExpTakeBlock(ExpPageBufferBlock, EXP_PAGE_BUFFER + 1);
    assert_non_null(big);
    assert_null(big->Owner);
    assert_int_equal(big->Size, EXP_PAGE_BUFFER + 1);
    ULONG before = ExpCachedBlockCount(ExpPageBufferBlock);
    ExpGiveBlock(big);
    assert_int_equal(ExpCachedBlockCount(ExpPageBufferBlock), before);
}

/* A thread takes blocks, hands them out, and ends: its cache is retired. */
static EXP_BLOCK_HEADER *Orphans[2];
static void *TakeAndExit(void *argument)
{
    (void)argument;
    Orphans[0] = ExpTakeBlock(ExpMdlBlock, sizeof(MDL));
    Orphans[1] = ExpTakeBlock(ExpMdlBlock, sizeof(MDL));
    EXP_BLOCK_HEADER *kept = ExpTakeBlock(ExpMdlBlock, sizeof(MDL));
    ExpGiveBlock(kept);
    assert_int_equal(ExpCachedBlockCount(ExpMdlBlock), 1);
    ExpRetireThreadCache();
    assert_int_equal(ExpCachedBlockCount(ExpMdlBlock), 0);
    return NULL;
}

static void *TakeOnNewThread(void *argument)
{
    void **owner = argument;
    EXP_BLOCK_HEADER *taken = ExpTakeBlock(ExpMdlBlock, sizeof(MDL));
    *owner = taken->Owner;
    ExpGiveBlock(taken);
    ExpRetireThreadCache();
    return NULL;
}

static void test_exited_owner(void **state)
{
    (void)state;
    pthread_t thread;
    assert_int_equal(pthread_create(&thread, NULL, TakeAndExit, NULL), 0);
    assert_int_equal(pthread_join(thread, NULL), 0);
    void *retired = Orphans[0]->Owner;

    /* Returns to a retired cache are freed (ASan would see a leak or a
     * double free otherwise); none lands on this thread's lists. */
    ULONG before = ExpCachedBlockCount(ExpMdlBlock);
    ExpGiveBlock(Orphans[0]);
    GiveOnAnotherThread(Orphans[1]);
    assert_int_equal(ExpCachedBlockCount(ExpMdlBlock), before);

    /* The retired cache is adopted by the next new thread. */
    void *adopted = NULL;
    assert_int_equal(pthread_create(&thread, NULL, TakeOnNewThread, &adopted), 0);
    assert_int_equal(pthread_join(thread, NULL), 0);
    assert_ptr_equal(adopted, retired);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_thread_reuses),
        cmocka_unit_test(test_other_thread_returns_to_owner),
        cmocka_unit_test(test_list_is_capped),
        cmocka_unit_test(test_oversized_is_not_cached),
        cmocka_unit_test(test_exited_owner),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
