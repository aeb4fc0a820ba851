/*
 * test_lookaside.c - lookaside lists: the initial Depth and MaximumDepth,
 * the pool type kept with its flags, caching up to Depth blocks, the
 * counters, custom allocate/free routines, and flush/delete giving every
 * cached block back.
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>

static void test_initial_fields(void **state)
{
    (void)state;
    NPAGED_LOOKASIDE_LIST np;
    PAGED_LOOKASIDE_LIST pg;
    LOOKASIDE_LIST_EX ex;
    memset(&np, 0xCC, sizeof np);
    ExInitializeNPagedLookasideList(&np, NULL, NULL, POOL_NX_ALLOCATION, 48, 'tsiL', 0);
    assert_int_equal(np.L.Depth, 4);
    assert_int_equal(np.L.MaximumDepth, 256);
    assert_int_equal(np.L.Type, NonPagedPool | POOL_NX_ALLOCATION);
    assert_int_equal(np.L.Tag, 'tsiL');
    assert_int_equal(np.L.Size, 48);
    assert_int_equal(np.L.TotalAllocates, 0);
    assert_int_equal(ExQueryDepthSList(&np.L.ListHead), 0);
    ExDeleteNPagedLookasideList(&np);

    ExInitializePagedLookasideList(&pg, NULL, NULL, 0, 100, 'tsiP', 0);
    assert_int_equal(pg.L.Type, PagedPool);
    assert_int_equal(pg.L.Depth, 4);
    ExDeletePagedLookasideList(&pg);

    assert_int_equal(ExInitializeLookasideListEx(&ex, NULL, NULL, NonPagedPoolNx, 0, 64, 'xEsL', 0), STATUS_SUCCESS);
    assert_int_equal(ex.L.Depth, 4);
    assert_int_equal(ex.L.MaximumDepth, 256);
    assert_int_equal(ex.L.Type, NonPagedPoolNx);
    ExDeleteLookasideListEx(&ex);
    assert_int_equal(ExInitializeLookasideListEx(&ex, NULL, NULL, NonPagedPoolNx,
                                                 EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL |
                                                     EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE,
                                                 64, 'xEsL', 0),
                     STATUS_INVALID_PARAMETER_5);
}

static void test_caches_up_to_depth(void **state)
{
    (void)state;
    NPAGED_LOOKASIDE_LIST l;
    ExInitializeNPagedLookasideList(&l, NULL, NULL, 0, 40, 'hpeD', 0);
    void *b[6];
    for (int i = 0; i < 6; i++) {
        b[i] = ExAllocateFromNPagedLookasideList(&l);
        assert_non_null(b[i]);
        memset(b[i], i, 40);
    }
    assert_int_equal(l.L.TotalAllocates, 6);
    assert_int_equal(l.L.AllocateMisses, 6);
    for (int i = 0; i < 6; i++)
        ExFreeToNPagedLookasideList(&l, b[i]);
    assert_int_equal(l.L.TotalFrees, 6);
    assert_int_equal(l.L.FreeMisses, 2); /* Depth 4: two went back to the pool */
    assert_int_equal(ExQueryDepthSList(&l.L.ListHead), 4);
    /* Cached blocks come back, newest first. */
    void *again = ExAllocateFromNPagedLookasideList(&l);
    assert_ptr_equal(again, b[3]);
    assert_int_equal(l.L.AllocateMisses, 6);
    ExFreeToNPagedLookasideList(&l, again);
    ExDeleteNPagedLookasideList(&l);
    assert_int_equal(ExQueryDepthSList(&l.L.ListHead), 0);
}

static int Allocs, Frees;
static PVOID NTAPI MyAllocate(POOL_TYPE Type, SIZE_T Size, ULONG Tag)
{
    Allocs++;
    return ExAllocatePoolWithTag(Type, Size, Tag);
}
static VOID NTAPI MyFree(PVOID Buffer)
{
    Frees++;
    ExFreePoolWithTag(Buffer, 'motC');
}

static LOOKASIDE_LIST_EX *SeenList;
static PVOID NTAPI MyAllocateEx(POOL_TYPE Type, SIZE_T Size, ULONG Tag, PLOOKASIDE_LIST_EX Lookaside)
{
    Allocs++;
    SeenList = Lookaside;
    return ExAllocatePoolWithTag(Type, Size, Tag);
}
static VOID NTAPI MyFreeEx(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside)
{
    Frees++;
    SeenList = Lookaside;
    ExFreePoolWithTag(Buffer, 'xEmC');
}

static void test_custom_routines(void **state)
{
    (void)state;
    Allocs = Frees = 0;
    PAGED_LOOKASIDE_LIST l;
    ExInitializePagedLookasideList(&l, MyAllocate, MyFree, 0, 24, 'motC', 0);
    void *b[5];
    for (int i = 0; i < 5; i++)
        b[i] = ExAllocateFromPagedLookasideList(&l);
    for (int i = 0; i < 5; i++)
        ExFreeToPagedLookasideList(&l, b[i]);
    assert_int_equal(Allocs, 5);
    assert_int_equal(Frees, 1);
    ExDeletePagedLookasideList(&l);
    assert_int_equal(Frees, 5);

    Allocs = Frees = 0;
    LOOKASIDE_LIST_EX ex;
    assert_int_equal(ExInitializeLookasideListEx(&ex, MyAllocateEx, MyFreeEx, PagedPool, 0, 24, 'xEmC', 0),
                     STATUS_SUCCESS);
    void *p = ExAllocateFromLookasideListEx(&ex);
    assert_ptr_equal(SeenList, &ex);
    ExFreeToLookasideListEx(&ex, p);
    assert_int_equal(Frees, 0);
    ExFlushLookasideListEx(&ex);
    assert_int_equal(Frees, 1);
    assert_int_equal(ExQueryDepthSList(&ex.L.ListHead), 0);
    p = ExAllocateFromLookasideListEx(&ex);
    assert_int_equal(Allocs, 2);
    ExFreeToLookasideListEx(&ex, p);
    ExDeleteLookasideListEx(&ex);
    assert_int_equal(Frees, 2);
}

static void test_small_blocks_still_hold_a_link(void **state)
{
    (void)state;
    NPAGED_LOOKASIDE_LIST l;
    ExInitializeNPagedLookasideList(&l, NULL, NULL, 0, 1, 'llmS', 0);
    void *a = ExAllocateFromNPagedLookasideList(&l);
    void *b = ExAllocateFromNPagedLookasideList(&l);
    ExFreeToNPagedLookasideList(&l, a);
    ExFreeToNPagedLookasideList(&l, b);
    assert_ptr_equal(ExAllocateFromNPagedLookasideList(&l), b);
    assert_ptr_equal(ExAllocateFromNPagedLookasideList(&l), a);
    ExFreeToNPagedLookasideList(&l, a);
    ExFreeToNPagedLookasideList(&l, b);
    ExDeleteNPagedLookasideList(&l);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_initial_fields),
        cmocka_unit_test(test_caches_up_to_depth),
        cmocka_unit_test(test_custom_routines),
        cmocka_unit_test(test_small_blocks_still_hold_a_link),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
