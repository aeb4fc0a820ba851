/*
 * test_deferred_delete.c - the last reference to an object dropped above
 * PASSIVE_LEVEL: the object's delete routine runs later, at PASSIVE_LEVEL
 * on the system worker thread, as on Windows; dropped at PASSIVE_LEVEL it
 * runs at once, in the caller's thread; ObDereferenceObjectDeferDelete
 * always defers it.
 */
#include "ntk_test.h"
#include <internal/ob.h>
#include <internal/io.h>
#include <ntk/ntk.h>

static volatile LONG Deletes;
static volatile KIRQL DeleteIrql;
static PKTHREAD volatile DeleteThread;

static void CountDelete(PVOID Object)
{
    (void)Object;
    DeleteIrql = KeGetCurrentIrql();
    DeleteThread = KeGetCurrentThread();
    __atomic_add_fetch(&Deletes, 1, __ATOMIC_RELEASE);
}

static OBJECT_TYPE TestType = {.Name = "DeferTest", .PoolTag = 'tseT', .Delete = CountDelete};

static void test_last_reference_at_passive_deletes_at_once(void **state)
{
    (void)state;
    PVOID object;
    LONG before = Deletes;
    assert_int_equal(ObpCreateObject(&TestType, 16, &object), STATUS_SUCCESS);
    ObfDereferenceObject(object);
    assert_int_equal(Deletes, before + 1);
    assert_int_equal(DeleteIrql, PASSIVE_LEVEL);
    assert_ptr_equal(DeleteThread, KeGetCurrentThread());
}

static void test_last_reference_at_dispatch_deletes_at_passive_later(void **state)
{
    (void)state;
    PVOID object;
    KIRQL old;
    LONG before = Deletes;
    assert_int_equal(ObpCreateObject(&TestType, 16, &object), STATUS_SUCCESS);
    ObfReferenceObject(object);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    ObfDereferenceObject(object); /* not the last one: nothing happens */
    assert_int_equal(Deletes, before);
    ObfDereferenceObject(object); /* the last one, at DISPATCH_LEVEL */
    KeLowerIrql(old);
    ExpFlushWorkQueue();
    assert_int_equal(__atomic_load_n(&Deletes, __ATOMIC_ACQUIRE), before + 1);
    assert_int_equal(DeleteIrql, PASSIVE_LEVEL);
    assert_ptr_not_equal(DeleteThread, KeGetCurrentThread());
}

static void test_defer_delete_always_defers(void **state)
{
    (void)state;
    PVOID object;
    LONG before = Deletes;
    assert_int_equal(ObpCreateObject(&TestType, 16, &object), STATUS_SUCCESS);
    ObDereferenceObjectDeferDelete(object);
    ExpFlushWorkQueue();
    assert_int_equal(__atomic_load_n(&Deletes, __ATOMIC_ACQUIRE), before + 1);
    assert_ptr_not_equal(DeleteThread, KeGetCurrentThread());
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_last_reference_at_passive_deletes_at_once),
        cmocka_unit_test(test_last_reference_at_dispatch_deletes_at_passive_later),
        cmocka_unit_test(test_defer_delete_always_defers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
