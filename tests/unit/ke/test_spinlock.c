/*
 * test_spinlock.c - spin locks: IRQL raised to DISPATCH_LEVEL while held and
 * restored after, try-acquire, in-stack queued locks, and the misuses that
 * hang or corrupt on Windows reported as bug checks (each in a child).
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>

static void test_acquire_raises_and_release_restores(void **state)
{
    KSPIN_LOCK lock;
    KIRQL old;
    KeInitializeSpinLock(&lock);
    assert_true(KeTestSpinLock(&lock));
    KeAcquireSpinLock(&lock, &old);
    assert_int_equal(old, PASSIVE_LEVEL);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    assert_false(KeTestSpinLock(&lock));
    KeReleaseSpinLock(&lock, old);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    assert_true(KeTestSpinLock(&lock));
}

static void test_at_dpc_level_and_try(void **state)
{
    KSPIN_LOCK lock;
    KeInitializeSpinLock(&lock);
    KIRQL old = KeRaiseIrqlToDpcLevel();
    KeAcquireSpinLockAtDpcLevel(&lock);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    KeReleaseSpinLockFromDpcLevel(&lock);
    assert_true(KeTryToAcquireSpinLockAtDpcLevel(&lock));
    KeReleaseSpinLockFromDpcLevel(&lock);
    KeLowerIrql(old);
}

static void test_in_stack_queued(void **state)
{
    KSPIN_LOCK lock;
    KLOCK_QUEUE_HANDLE handle;
    KeInitializeSpinLock(&lock);
    KeAcquireInStackQueuedSpinLock(&lock, &handle);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    assert_int_equal(handle.OldIrql, PASSIVE_LEVEL);
    assert_ptr_equal(handle.LockQueue.Lock, &lock);
    KeReleaseInStackQueuedSpinLock(&handle);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    assert_true(KeTestSpinLock(&lock));
}

static void recursive_acquire(void)
{
    KSPIN_LOCK lock;
    KIRQL old, again;
    KeInitializeSpinLock(&lock);
    KeAcquireSpinLock(&lock, &old);
    KeAcquireSpinLock(&lock, &again);
}

static void double_release(void)
{
    KSPIN_LOCK lock;
    KIRQL old;
    KeInitializeSpinLock(&lock);
    KeAcquireSpinLock(&lock, &old);
    KeReleaseSpinLock(&lock, DISPATCH_LEVEL);
    KeReleaseSpinLock(&lock, old);
}

static void release_at_passive(void)
{
    KSPIN_LOCK lock;
    KeInitializeSpinLock(&lock);
    KeReleaseSpinLock(&lock, PASSIVE_LEVEL);
}

static void at_dpc_level_from_passive(void)
{
    KSPIN_LOCK lock;
    KeInitializeSpinLock(&lock);
    KeAcquireSpinLockAtDpcLevel(&lock);
}

static void test_misuse_is_reported(void **state)
{
    assert_int_equal(ntk_test_run_child_expecting(recursive_acquire, "self-deadlock"), 200);
    assert_int_equal(ntk_test_run_child_expecting(double_release, "not held"), 200);
    assert_int_equal(ntk_test_run_child_expecting(release_at_passive, "Arg1: 0000000000000032"), 200);
    assert_int_equal(ntk_test_run_child_expecting(at_dpc_level_from_passive, "Arg1: 0000000000000040"), 200);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_acquire_raises_and_release_restores),
        cmocka_unit_test(test_at_dpc_level_and_try),
        cmocka_unit_test(test_in_stack_queued),
        cmocka_unit_test(test_misuse_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
