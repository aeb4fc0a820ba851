/*
 * test_lists.c - sequenced lists (SLIST: layout, LIFO order, depth,
 * flush, the sequence number) and lists guarded by a spin lock
 * (ExInterlocked*List: what each returns), single-threaded; the SLIST under
 * contention is in test_resource_concurrent.c.
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>

typedef struct {
    SLIST_ENTRY Link;
    int Value;
} ITEM;

static void test_slist_layout(void **state)
{
    (void)state;
    assert_int_equal(sizeof(SLIST_HEADER), 16);
    assert_int_equal(_Alignof(SLIST_HEADER), 16);
    assert_int_equal(_Alignof(SLIST_ENTRY), 16);
    assert_int_equal(sizeof(ITEM) % 16, 0);
}

static void test_slist_push_pop_flush(void **state)
{
    (void)state;
    SLIST_HEADER h;
    memset(&h, 0xCC, sizeof h);
    InitializeSListHead(&h);
    assert_int_equal(QueryDepthSList(&h), 0);
    assert_null(FirstEntrySList(&h));
    assert_null(InterlockedPopEntrySList(&h));
    ITEM items[3];
    assert_null(InterlockedPushEntrySList(&h, &items[0].Link));
    assert_ptr_equal(InterlockedPushEntrySList(&h, &items[1].Link), &items[0].Link);
    assert_ptr_equal(ExInterlockedPushEntrySList(&h, &items[2].Link, NULL), &items[1].Link);
    assert_int_equal(ExQueryDepthSList(&h), 3);
    assert_ptr_equal(FirstEntrySList(&h), &items[2].Link);
    ULONGLONG seq = h.HeaderX64.Sequence;
    assert_ptr_equal(InterlockedPopEntrySList(&h), &items[2].Link);
    assert_int_equal(h.HeaderX64.Sequence, seq + 1);
    assert_int_equal(QueryDepthSList(&h), 2);
    PSLIST_ENTRY chain = InterlockedFlushSList(&h);
    assert_ptr_equal(chain, &items[1].Link);
    assert_ptr_equal(chain->Next, &items[0].Link);
    assert_null(chain->Next->Next);
    assert_int_equal(QueryDepthSList(&h), 0);
    assert_null(InterlockedFlushSList(&h));
    assert_null(ExInterlockedPopEntrySList(&h, NULL));
}

static void test_interlocked_list(void **state)
{
    (void)state;
    LIST_ENTRY head, a, b, c;
    KSPIN_LOCK lock;
    KeInitializeSpinLock(&lock);
    InitializeListHead(&head);
    assert_null(ExInterlockedRemoveHeadList(&head, &lock));
    assert_null(ExInterlockedInsertTailList(&head, &a, &lock));        /* was empty */
    assert_ptr_equal(ExInterlockedInsertTailList(&head, &b, &lock), &a); /* returns the old tail */
    assert_ptr_equal(ExInterlockedInsertHeadList(&head, &c, &lock), &a); /* returns the old head */
    assert_int_equal(lock, 0);
    assert_ptr_equal(ExInterlockedRemoveHeadList(&head, &lock), &c);
    assert_ptr_equal(ExInterlockedRemoveHeadList(&head, &lock), &a);
    assert_ptr_equal(ExInterlockedRemoveHeadList(&head, &lock), &b);
    assert_true(IsListEmpty(&head));
    assert_null(ExInterlockedInsertHeadList(&head, &a, &lock));
    assert_ptr_equal(ExInterlockedRemoveHeadList(&head, &lock), &a);
}

static void test_interlocked_single_list(void **state)
{
    (void)state;
    SINGLE_LIST_ENTRY head = {0}, a, b;
    KSPIN_LOCK lock;
    KeInitializeSpinLock(&lock);
    assert_null(ExInterlockedPopEntryList(&head, &lock));
    assert_null(ExInterlockedPushEntryList(&head, &a, &lock));
    assert_ptr_equal(ExInterlockedPushEntryList(&head, &b, &lock), &a);
    assert_ptr_equal(ExInterlockedPopEntryList(&head, &lock), &b);
    assert_ptr_equal(ExInterlockedPopEntryList(&head, &lock), &a);
    assert_null(ExInterlockedPopEntryList(&head, &lock));
}

static void test_interlocked_list_at_high_irql(void **state)
{
    (void)state;
    /* No IRQL change: usable above DISPATCH_LEVEL, as on Windows. */
    LIST_ENTRY head, a;
    KSPIN_LOCK lock = 0;
    InitializeListHead(&head);
    KIRQL old;
    KeRaiseIrql(HIGH_LEVEL, &old);
    ExInterlockedInsertTailList(&head, &a, &lock);
    assert_int_equal(KeGetCurrentIrql(), HIGH_LEVEL);
    assert_ptr_equal(ExInterlockedRemoveHeadList(&head, &lock), &a);
    KeLowerIrql(old);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slist_layout),
        cmocka_unit_test(test_slist_push_pop_flush),
        cmocka_unit_test(test_interlocked_list),
        cmocka_unit_test(test_interlocked_single_list),
        cmocka_unit_test(test_interlocked_list_at_high_irql),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
