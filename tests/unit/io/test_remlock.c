/*
 * test_remlock.c - remove locks: acquire/release counting, removal
 * refusing new holders with STATUS_DELETE_PENDING, IoReleaseRemoveLockAndWait
 * blocking until every holder has released, the checked (DBG) layout, and
 * the release-without-acquire report.
 */
#include "ntk_test.h"
#include <internal/io.h>
#include <ntk/ntk.h>
#include <pthread.h>

typedef struct {
    IO_REMOVE_LOCK_COMMON_BLOCK Common;
    IO_REMOVE_LOCK_DBG_BLOCK Dbg;
} CHECKED_REMOVE_LOCK;

static IO_REMOVE_LOCK lock;
static volatile LONG released;

static void test_layout(void **state)
{
    (void)state;
    assert_int_equal(sizeof(IO_REMOVE_LOCK_COMMON_BLOCK), 0x20);
    assert_int_equal(offsetof(IO_REMOVE_LOCK_COMMON_BLOCK, IoCount), 4);
    assert_int_equal(offsetof(IO_REMOVE_LOCK_COMMON_BLOCK, RemoveEvent), 8);
    assert_int_equal(sizeof(IO_REMOVE_LOCK_DBG_BLOCK), 0x58);
    assert_int_equal(sizeof(CHECKED_REMOVE_LOCK), 0x78);
}

static void test_acquire_release_counts(void **state)
{
    (void)state;
    IoInitializeRemoveLock(&lock, 'tseT', 0, 0);
    assert_false(lock.Common.Removed);
    assert_int_equal(lock.Common.IoCount, 1);
    assert_int_equal(IoAcquireRemoveLock(&lock, (PVOID)1), STATUS_SUCCESS);
    assert_int_equal(IoAcquireRemoveLock(&lock, (PVOID)2), STATUS_SUCCESS);
    assert_int_equal(lock.Common.IoCount, 3);
    IoReleaseRemoveLock(&lock, (PVOID)1);
    IoReleaseRemoveLock(&lock, (PVOID)2);
    assert_int_equal(lock.Common.IoCount, 1);
    assert_int_equal(KeReadStateEvent(&lock.Common.RemoveEvent), 0);
}

static void test_acquire_after_release_and_wait_is_delete_pending(void **state)
{
    (void)state;
    IoInitializeRemoveLock(&lock, 'tseT', 0, 0);
    assert_int_equal(IoAcquireRemoveLock(&lock, NULL), STATUS_SUCCESS);
    IoReleaseRemoveLockAndWait(&lock, NULL); /* nobody else holds it: returns at once */
    assert_true(lock.Common.Removed);
    assert_int_equal(lock.Common.IoCount, 0);
    assert_int_equal(IoAcquireRemoveLock(&lock, NULL), STATUS_DELETE_PENDING);
    assert_int_equal(lock.Common.IoCount, 0);
}

static void *holder(void *arg)
{
    (void)arg;
    LARGE_INTEGER delay = {.QuadPart = -50 * 10000}; /* 50 ms */
    KeDelayExecutionThread(KernelMode, FALSE, &delay);
    __atomic_store_n(&released, 1, __ATOMIC_RELEASE);
    IoReleaseRemoveLock(&lock, (PVOID)7);
    return NULL;
}

static void test_release_and_wait_blocks_until_drained(void **state)
{
    (void)state;
    IoInitializeRemoveLock(&lock, 'tseT', 0, 0);
    released = 0;
    assert_int_equal(IoAcquireRemoveLock(&lock, (PVOID)7), STATUS_SUCCESS); /* the other thread's */
    assert_int_equal(IoAcquireRemoveLock(&lock, NULL), STATUS_SUCCESS);     /* the remover's */
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, holder, NULL), 0);
    IoReleaseRemoveLockAndWait(&lock, NULL);
    assert_int_equal(__atomic_load_n(&released, __ATOMIC_ACQUIRE), 1);
    assert_int_equal(lock.Common.IoCount, 0);
    pthread_join(t, NULL);
}

static void test_checked_layout_accepted(void **state)
{
    (void)state;
    CHECKED_REMOVE_LOCK checked;
    memset(&checked, 0xCC, sizeof checked);
    PIO_REMOVE_LOCK l = (PIO_REMOVE_LOCK)&checked;
    IoInitializeRemoveLockEx(l, 'gbdT', 1, 10, sizeof checked);
    assert_int_equal(checked.Common.IoCount, 1);
    assert_int_equal(checked.Dbg.AllocateTag, 'gbdT');
    assert_int_equal(checked.Dbg.HighWatermark, 10);
    assert_int_equal(IoAcquireRemoveLockEx(l, NULL, __FILE__, __LINE__, sizeof checked), STATUS_SUCCESS);
    IoReleaseRemoveLockAndWaitEx(l, NULL, sizeof checked);
    assert_int_equal(IoAcquireRemoveLockEx(l, NULL, __FILE__, __LINE__, sizeof checked), STATUS_DELETE_PENDING);
}

static void release_without_acquire(void)
{
    IoInitializeRemoveLock(&lock, 'tseT', 0, 0);
    IoReleaseRemoveLock(&lock, NULL);
    IoReleaseRemoveLock(&lock, NULL);
}

static void test_release_without_acquire_is_reported(void **state)
{
    (void)state;
    assert_int_equal(ntk_test_run_child_expecting(release_without_acquire, "without a matching IoAcquireRemoveLock"),
                     200);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_acquire_release_counts),
        cmocka_unit_test(test_acquire_after_release_and_wait_is_delete_pending),
        cmocka_unit_test(test_release_and_wait_blocks_until_drained),
        cmocka_unit_test(test_checked_layout_accepted),
        cmocka_unit_test(test_release_without_acquire_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
