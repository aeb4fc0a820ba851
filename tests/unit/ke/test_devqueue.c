/*
 * test_devqueue.c - device queues (io-semantics 1.J item 62), run at
 * DISPATCH_LEVEL as drivers use them: initialisation writes only the
 * structure; an insert into an idle queue returns FALSE, marks it Busy and
 * queues nothing; later inserts queue in order; removing from an empty
 * queue returns NULL and makes it idle; by-key order; removing one entry
 * succeeds once.
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>

typedef struct {
    KDEVICE_QUEUE_ENTRY Entry;
    int Id;
} ITEM;

static KIRQL raise_to_dpc(void)
{
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    return old;
}

static int id_of(PKDEVICE_QUEUE_ENTRY e)
{
    return e ? CONTAINING_RECORD(e, ITEM, Entry)->Id : -1;
}

static void test_initialize_writes_only_the_structure(void **state)
{
    (void)state;
    UCHAR buffer[sizeof(KDEVICE_QUEUE) + 32];
    memset(buffer, 0xA5, sizeof buffer);
    PKDEVICE_QUEUE q = (PKDEVICE_QUEUE)buffer;
    KeInitializeDeviceQueue(q);
    assert_int_equal(q->Type, DeviceQueueObject);
    assert_int_equal(q->Size, sizeof(KDEVICE_QUEUE));
    assert_false(q->Busy);
    assert_true(IsListEmpty(&q->DeviceListHead));
    for (size_t i = sizeof(KDEVICE_QUEUE); i < sizeof buffer; i++)
        assert_int_equal(buffer[i], 0xA5);
}

static void test_insert_on_idle_queue_marks_busy(void **state)
{
    (void)state;
    KDEVICE_QUEUE q;
    ITEM a = {.Id = 1}, b = {.Id = 2}, c = {.Id = 3};
    KeInitializeDeviceQueue(&q);
    KIRQL old = raise_to_dpc();
    a.Entry.Inserted = TRUE;
    assert_false(KeInsertDeviceQueue(&q, &a.Entry));
    assert_true(q.Busy);
    assert_false(a.Entry.Inserted);
    assert_true(IsListEmpty(&q.DeviceListHead));
    assert_true(KeInsertDeviceQueue(&q, &b.Entry));
    assert_true(b.Entry.Inserted);
    assert_true(KeInsertDeviceQueue(&q, &c.Entry));
    assert_true(c.Entry.Inserted);
    /* FIFO */
    assert_int_equal(id_of(KeRemoveDeviceQueue(&q)), 2);
    assert_false(b.Entry.Inserted);
    assert_true(q.Busy);
    assert_int_equal(id_of(KeRemoveDeviceQueue(&q)), 3);
    assert_true(q.Busy);
    KeLowerIrql(old);
}

static void test_remove_on_empty_clears_busy(void **state)
{
    (void)state;
    KDEVICE_QUEUE q;
    ITEM a = {.Id = 1};
    KeInitializeDeviceQueue(&q);
    KIRQL old = raise_to_dpc();
    assert_false(KeInsertDeviceQueue(&q, &a.Entry));
    assert_true(q.Busy);
    assert_null(KeRemoveDeviceQueue(&q));
    assert_false(q.Busy);
    /* Idle again: the next insert is not queued. */
    assert_false(KeInsertDeviceQueue(&q, &a.Entry));
    assert_true(q.Busy);
    KeLowerIrql(old);
}

static void test_insert_by_key_sorts(void **state)
{
    (void)state;
    KDEVICE_QUEUE q;
    ITEM first = {.Id = 0}, k3 = {.Id = 3}, k1 = {.Id = 1}, k2 = {.Id = 2};
    KeInitializeDeviceQueue(&q);
    KIRQL old = raise_to_dpc();
    assert_false(KeInsertByKeyDeviceQueue(&q, &first.Entry, 5));
    assert_true(KeInsertByKeyDeviceQueue(&q, &k3.Entry, 3));
    assert_true(KeInsertByKeyDeviceQueue(&q, &k1.Entry, 1));
    assert_true(KeInsertByKeyDeviceQueue(&q, &k2.Entry, 2));
    assert_int_equal(k3.Entry.SortKey, 3);
    assert_int_equal(id_of(KeRemoveDeviceQueue(&q)), 1);
    assert_int_equal(id_of(KeRemoveByKeyDeviceQueue(&q, 2)), 2);
    assert_int_equal(id_of(KeRemoveDeviceQueue(&q)), 3);
    assert_null(KeRemoveDeviceQueue(&q));
    assert_false(q.Busy);
    KeLowerIrql(old);
}

static void test_equal_keys_stay_in_arrival_order(void **state)
{
    (void)state;
    KDEVICE_QUEUE q;
    ITEM first = {.Id = 0}, a = {.Id = 1}, b = {.Id = 2}, c = {.Id = 3};
    KeInitializeDeviceQueue(&q);
    KIRQL old = raise_to_dpc();
    KeInsertByKeyDeviceQueue(&q, &first.Entry, 0);
    KeInsertByKeyDeviceQueue(&q, &a.Entry, 7);
    KeInsertByKeyDeviceQueue(&q, &b.Entry, 7);
    KeInsertByKeyDeviceQueue(&q, &c.Entry, 4);
    assert_int_equal(id_of(KeRemoveDeviceQueue(&q)), 3);
    assert_int_equal(id_of(KeRemoveDeviceQueue(&q)), 1);
    assert_int_equal(id_of(KeRemoveDeviceQueue(&q)), 2);
    KeLowerIrql(old);
}

static void test_remove_by_key_takes_first_not_below_or_wraps(void **state)
{
    (void)state;
    KDEVICE_QUEUE q;
    ITEM first = {.Id = 0}, k10 = {.Id = 10}, k20 = {.Id = 20}, k30 = {.Id = 30};
    KeInitializeDeviceQueue(&q);
    KIRQL old = raise_to_dpc();
    KeInsertByKeyDeviceQueue(&q, &first.Entry, 0);
    KeInsertByKeyDeviceQueue(&q, &k10.Entry, 10);
    KeInsertByKeyDeviceQueue(&q, &k20.Entry, 20);
    KeInsertByKeyDeviceQueue(&q, &k30.Entry, 30);
    assert_int_equal(id_of(KeRemoveByKeyDeviceQueue(&q, 15)), 20);
    /* Nothing at or above 40: the head. */
    assert_int_equal(id_of(KeRemoveByKeyDeviceQueue(&q, 40)), 10);
    assert_int_equal(id_of(KeRemoveByKeyDeviceQueue(&q, 0)), 30);
    assert_true(q.Busy);
    assert_null(KeRemoveByKeyDeviceQueue(&q, 0));
    assert_false(q.Busy);
    /* IfBusy on an idle queue changes nothing. */
    assert_null(KeRemoveByKeyDeviceQueueIfBusy(&q, 0));
    assert_false(q.Busy);
    KeLowerIrql(old);
}

static void test_remove_entry_once(void **state)
{
    (void)state;
    KDEVICE_QUEUE q;
    ITEM first = {.Id = 0}, a = {.Id = 1}, b = {.Id = 2};
    KeInitializeDeviceQueue(&q);
    KIRQL old = raise_to_dpc();
    KeInsertDeviceQueue(&q, &first.Entry);
    KeInsertDeviceQueue(&q, &a.Entry);
    KeInsertDeviceQueue(&q, &b.Entry);
    assert_true(KeRemoveEntryDeviceQueue(&q, &a.Entry));
    assert_false(a.Entry.Inserted);
    assert_false(KeRemoveEntryDeviceQueue(&q, &a.Entry));
    /* The entry the idle insert did not queue is not in the queue either. */
    assert_false(KeRemoveEntryDeviceQueue(&q, &first.Entry));
    assert_int_equal(id_of(KeRemoveDeviceQueue(&q)), 2);
    assert_null(KeRemoveDeviceQueue(&q));
    KeLowerIrql(old);
}

static void test_routines_leave_irql_unchanged(void **state)
{
    (void)state;
    KDEVICE_QUEUE q;
    ITEM a = {.Id = 1};
    KeInitializeDeviceQueue(&q);
    KIRQL old = raise_to_dpc();
    KeInsertDeviceQueue(&q, &a.Entry);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    KeRemoveDeviceQueue(&q);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    KeLowerIrql(old);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_initialize_writes_only_the_structure),
        cmocka_unit_test(test_insert_on_idle_queue_marks_busy),
        cmocka_unit_test(test_remove_on_empty_clears_busy),
        cmocka_unit_test(test_insert_by_key_sorts),
        cmocka_unit_test(test_equal_keys_stay_in_arrival_order),
        cmocka_unit_test(test_remove_by_key_takes_first_not_below_or_wraps),
        cmocka_unit_test(test_remove_entry_once),
        cmocka_unit_test(test_routines_leave_irql_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
