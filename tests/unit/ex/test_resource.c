/*
 * test_resource.c - executive resources (the counts and outcomes Windows
 * gives: recursive exclusive, shared while exclusive by the owner, Wait =
 * FALSE failures, StarveExclusive against WaitForExclusive with a waiting
 * exclusive thread, the waiter counts, conversion to shared), critical and
 * guarded regions, guarded mutexes, and the bug checks for their misuse.
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>
#include <pthread.h>

static char Output[65536];
static int RunChild(void (*Body)(void))
{
    return ntk_test_run_child(Body, Output, sizeof Output);
}

static void check_(int line, PERESOURCE r, ULONG exclusive_waiters, ULONG shared_waiters, BOOLEAN exclusive,
                   ULONG shared)
{
    if (ExGetExclusiveWaiterCount(r) != exclusive_waiters || ExGetSharedWaiterCount(r) != shared_waiters ||
        ExIsResourceAcquiredExclusiveLite(r) != exclusive || ExIsResourceAcquiredSharedLite(r) != shared) {
        fprintf(stderr, "line %d: exclusive waiters %u shared waiters %u exclusive %u shared %u\n", line,
                ExGetExclusiveWaiterCount(r), ExGetSharedWaiterCount(r), ExIsResourceAcquiredExclusiveLite(r),
                ExIsResourceAcquiredSharedLite(r));
        fail();
    }
}
#define check(r, ew, sw, ex, sh) check_(__LINE__, r, ew, sw, ex, sh)

/* Waits (bounded) until the resource has the given waiter counts. */
static void await_waiters(PERESOURCE r, ULONG exclusive, ULONG shared)
{
    for (int i = 0; i < 5000; i++) {
        if (ExGetExclusiveWaiterCount(r) == exclusive && ExGetSharedWaiterCount(r) == shared)
            return;
        usleep(1000);
    }
    fail_msg("waiter counts never reached %u/%u", exclusive, shared);
}

static ERESOURCE Resource;
static KEVENT Ready, Done;
static volatile LONG Holding; /* holders that have the resource */

static void *holder(void *arg)
{
    BOOLEAN exclusive = (BOOLEAN)(ULONG_PTR)arg;
    BOOLEAN ok = exclusive ? ExAcquireResourceExclusiveLite(&Resource, TRUE)
                           : ExAcquireResourceSharedLite(&Resource, TRUE);
    if (!ok || ExIsResourceAcquiredSharedLite(&Resource) != 1 ||
        ExIsResourceAcquiredExclusiveLite(&Resource) != exclusive)
        return (void *)1;
    __atomic_add_fetch(&Holding, 1, __ATOMIC_SEQ_CST);
    KeSetEvent(&Ready, IO_NO_INCREMENT, FALSE);
    KeWaitForSingleObject(&Done, Executive, KernelMode, FALSE, NULL);
    __atomic_sub_fetch(&Holding, 1, __ATOMIC_SEQ_CST);
    ExReleaseResourceForThreadLite(&Resource, ExGetCurrentResourceThread());
    return NULL;
}

static pthread_t start_holder(BOOLEAN exclusive)
{
    pthread_t t;
    pthread_create(&t, NULL, holder, (void *)(ULONG_PTR)exclusive);
    return t;
}

static void join(pthread_t t)
{
    void *r;
    pthread_join(t, &r);
    assert_null(r);
}

static void test_layout(void **state)
{
    (void)state;
    assert_int_equal(sizeof(ERESOURCE), 0x68);
    assert_int_equal(sizeof(KGUARDED_MUTEX), 0x38);
}

static void test_single_thread_counts(void **state)
{
    (void)state;
    PERESOURCE r = &Resource;
    memset(r, 0xCC, sizeof *r);
    assert_int_equal(ExInitializeResourceLite(r), STATUS_SUCCESS);
    check(r, 0, 0, FALSE, 0);
    KeEnterCriticalRegion();
    assert_true(ExAcquireResourceExclusiveLite(r, FALSE));
    check(r, 0, 0, TRUE, 1);
    assert_true(ExAcquireResourceExclusiveLite(r, FALSE));
    check(r, 0, 0, TRUE, 2);
    assert_true(ExAcquireResourceSharedLite(r, FALSE));
    check(r, 0, 0, TRUE, 3);
    assert_int_equal(ExIsResourceAcquiredLite(r), 3);
    ExReleaseResourceForThreadLite(r, ExGetCurrentResourceThread());
    check(r, 0, 0, TRUE, 2);
    ExReleaseResourceLite(r);
    check(r, 0, 0, TRUE, 1);
    ExReleaseResourceLite(r);
    check(r, 0, 0, FALSE, 0);

    assert_true(ExAcquireResourceSharedLite(r, FALSE));
    assert_true(ExAcquireResourceSharedLite(r, FALSE));
    check(r, 0, 0, FALSE, 2);
    assert_false(ExAcquireResourceExclusiveLite(r, FALSE));
    assert_false(ExTryToAcquireResourceExclusiveLite(r));
    check(r, 0, 0, FALSE, 2);
    ExReleaseResourceLite(r);
    ExReleaseResourceLite(r);
    check(r, 0, 0, FALSE, 0);

    assert_true(ExAcquireSharedStarveExclusive(r, FALSE));
    check(r, 0, 0, FALSE, 1);
    ExReleaseResourceLite(r);
    assert_true(ExAcquireSharedWaitForExclusive(r, FALSE));
    check(r, 0, 0, FALSE, 1);
    ExReleaseResourceLite(r);
    assert_true(ExTryToAcquireResourceExclusiveLite(r));
    check(r, 0, 0, TRUE, 1);
    ExReleaseResourceLite(r);
    KeLeaveCriticalRegion();
    assert_int_equal(ExDeleteResourceLite(r), STATUS_SUCCESS);
}

static void test_against_other_threads(void **state)
{
    (void)state;
    PERESOURCE r = &Resource;
    ExInitializeResourceLite(r);
    KeInitializeEvent(&Ready, SynchronizationEvent, FALSE);
    KeInitializeEvent(&Done, SynchronizationEvent, FALSE);
    KeEnterCriticalRegion();

    /* Another thread holds it shared. */
    pthread_t t = start_holder(FALSE);
    KeWaitForSingleObject(&Ready, Executive, KernelMode, FALSE, NULL);
    check(r, 0, 0, FALSE, 0);
    assert_false(ExAcquireResourceExclusiveLite(r, FALSE));
    assert_true(ExAcquireResourceSharedLite(r, FALSE));
    check(r, 0, 0, FALSE, 1);
    ExReleaseResourceLite(r);
    assert_true(ExAcquireSharedStarveExclusive(r, FALSE));
    ExReleaseResourceLite(r);
    assert_true(ExAcquireSharedWaitForExclusive(r, FALSE));
    ExReleaseResourceLite(r);
    KeSetEvent(&Done, IO_NO_INCREMENT, FALSE);
    join(t);
    check(r, 0, 0, FALSE, 0);

    /* We hold it exclusive; a shared thread waits. */
    assert_true(ExAcquireResourceExclusiveLite(r, FALSE));
    t = start_holder(FALSE);
    await_waiters(r, 0, 1);
    check(r, 0, 1, TRUE, 1);
    assert_true(ExAcquireResourceExclusiveLite(r, FALSE));
    check(r, 0, 1, TRUE, 2);
    ExReleaseResourceLite(r);
    ExReleaseResourceLite(r);
    KeWaitForSingleObject(&Ready, Executive, KernelMode, FALSE, NULL);
    check(r, 0, 0, FALSE, 0);
    KeSetEvent(&Done, IO_NO_INCREMENT, FALSE);
    join(t);

    /* Another thread holds it exclusive: everything fails without waiting. */
    t = start_holder(TRUE);
    KeWaitForSingleObject(&Ready, Executive, KernelMode, FALSE, NULL);
    assert_false(ExAcquireResourceExclusiveLite(r, FALSE));
    assert_false(ExAcquireResourceSharedLite(r, FALSE));
    assert_false(ExAcquireSharedStarveExclusive(r, FALSE));
    assert_false(ExAcquireSharedWaitForExclusive(r, FALSE));
    check(r, 0, 0, FALSE, 0);
    KeSetEvent(&Done, IO_NO_INCREMENT, FALSE);
    join(t);

    /* We hold it shared; an exclusive thread waits. */
    assert_true(ExAcquireResourceSharedLite(r, FALSE));
    t = start_holder(TRUE);
    await_waiters(r, 1, 0);
    check(r, 1, 0, FALSE, 1);
    assert_true(ExAcquireResourceSharedLite(r, FALSE)); /* recursive: granted despite the waiter */
    check(r, 1, 0, FALSE, 2);
    ExReleaseResourceLite(r);
    assert_true(ExAcquireSharedStarveExclusive(r, FALSE));
    check(r, 1, 0, FALSE, 2);
    ExReleaseResourceLite(r);
    assert_false(ExAcquireSharedWaitForExclusive(r, FALSE)); /* behind the waiter, even as an owner */
    check(r, 1, 0, FALSE, 1);
    ExReleaseResourceLite(r);
    KeWaitForSingleObject(&Ready, Executive, KernelMode, FALSE, NULL);
    KeSetEvent(&Done, IO_NO_INCREMENT, FALSE);
    join(t);
    check(r, 0, 0, FALSE, 0);

    /* A shared thread holds it and an exclusive one waits: a newcomer gets
     * it shared only by starving the exclusive waiter. */
    t = start_holder(FALSE);
    KeWaitForSingleObject(&Ready, Executive, KernelMode, FALSE, NULL);
    pthread_t t2 = start_holder(TRUE);
    await_waiters(r, 1, 0);
    assert_false(ExAcquireResourceExclusiveLite(r, FALSE));
    assert_false(ExAcquireResourceSharedLite(r, FALSE));
    assert_true(ExAcquireSharedStarveExclusive(r, FALSE));
    check(r, 1, 0, FALSE, 1);
    ExReleaseResourceLite(r);
    assert_false(ExAcquireSharedWaitForExclusive(r, FALSE));
    check(r, 1, 0, FALSE, 0);
    KeSetEvent(&Done, IO_NO_INCREMENT, FALSE);
    join(t);
    KeWaitForSingleObject(&Ready, Executive, KernelMode, FALSE, NULL);
    KeSetEvent(&Done, IO_NO_INCREMENT, FALSE);
    join(t2);
    check(r, 0, 0, FALSE, 0);

    KeLeaveCriticalRegion();
    assert_int_equal(ExDeleteResourceLite(r), STATUS_SUCCESS);
}

static void test_convert_exclusive_to_shared_admits_shared_waiters(void **state)
{
    (void)state;
    PERESOURCE r = &Resource;
    ExInitializeResourceLite(r);
    KeInitializeEvent(&Ready, SynchronizationEvent, FALSE);
    KeInitializeEvent(&Done, NotificationEvent, FALSE);
    assert_true(ExAcquireResourceExclusiveLite(r, TRUE));
    pthread_t a = start_holder(FALSE), b = start_holder(FALSE);
    await_waiters(r, 0, 2);
    ExConvertExclusiveToSharedLite(r);
    check(r, 0, 0, FALSE, 1);
    for (int i = 0; i < 5000 && __atomic_load_n(&Holding, __ATOMIC_SEQ_CST) != 2; i++)
        usleep(1000);
    assert_int_equal(__atomic_load_n(&Holding, __ATOMIC_SEQ_CST), 2);
    assert_false(ExAcquireResourceExclusiveLite(r, FALSE));
    ExReleaseResourceLite(r);
    KeSetEvent(&Done, IO_NO_INCREMENT, FALSE);
    join(a);
    join(b);
    assert_true(ExTryToAcquireResourceExclusiveLite(r));
    ExReleaseResourceLite(r);
    ExDeleteResourceLite(r);
}

static void test_enter_critical_region_and_acquire(void **state)
{
    (void)state;
    PERESOURCE r = &Resource;
    ExInitializeResourceLite(r);
    assert_false(KeAreApcsDisabled());
    ExEnterCriticalRegionAndAcquireResourceExclusive(r);
    assert_true(KeAreApcsDisabled());
    assert_true(ExIsResourceAcquiredExclusiveLite(r));
    ExReleaseResourceAndLeaveCriticalRegion(r);
    assert_false(KeAreApcsDisabled());
    ExEnterCriticalRegionAndAcquireResourceShared(r);
    assert_int_equal(ExIsResourceAcquiredSharedLite(r), 1);
    ExReleaseResourceAndLeaveCriticalRegion(r);
    assert_false(KeAreApcsDisabled());
    assert_int_equal(ExIsResourceAcquiredSharedLite(r), 0);
    assert_int_equal(ExReinitializeResourceLite(r), STATUS_SUCCESS);
    check(r, 0, 0, FALSE, 0);
    ExDeleteResourceLite(r);
}

static void ReleaseNotOwned(void)
{
    ExInitializeResourceLite(&Resource);
    ExReleaseResourceLite(&Resource);
}

static void ExclusiveWhileShared(void)
{
    ExInitializeResourceLite(&Resource);
    ExAcquireResourceSharedLite(&Resource, TRUE);
    ExAcquireResourceExclusiveLite(&Resource, TRUE);
}

static void test_misuse_is_a_bug_check(void **state)
{
    (void)state;
    assert_int_equal(RunChild(ReleaseNotOwned), 200);
    assert_non_null(strstr(Output, "RESOURCE_NOT_OWNED"));
    assert_int_equal(RunChild(ExclusiveWhileShared), 200);
    assert_non_null(strstr(Output, "0x000000c4 (0x0000000000001000,"));
}

/* ---------------------------------------------------------------- Regions */

static void test_critical_region_nests(void **state)
{
    (void)state;
    PKTHREAD t = KeGetCurrentThread();
    SHORT before = t->KernelApcDisable;
    assert_false(KeAreApcsDisabled());
    KeEnterCriticalRegion();
    KeEnterCriticalRegion();
    assert_int_equal(t->KernelApcDisable, before - 2);
    assert_true(KeAreApcsDisabled());
    assert_false(KeAreAllApcsDisabled());
    KeLeaveCriticalRegion();
    assert_true(KeAreApcsDisabled());
    KeLeaveCriticalRegion();
    assert_int_equal(t->KernelApcDisable, before);
    assert_false(KeAreApcsDisabled());
}

static void test_guarded_region_and_irql(void **state)
{
    (void)state;
    assert_false(KeAreAllApcsDisabled());
    KeEnterGuardedRegion();
    assert_true(KeAreApcsDisabled());
    assert_true(KeAreAllApcsDisabled());
    KeEnterGuardedRegion();
    KeLeaveGuardedRegion();
    assert_true(KeAreAllApcsDisabled());
    KeLeaveGuardedRegion();
    assert_false(KeAreAllApcsDisabled());
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    assert_true(KeAreAllApcsDisabled());
    assert_false(KeAreApcsDisabled()); /* the IRQL alone is not a region */
    KeLowerIrql(old);
}

static void LeaveCriticalNotIn(void)
{
    KeLeaveCriticalRegion();
}

static void EnterCriticalAtDispatch(void)
{
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    KeEnterCriticalRegion();
}

static void LeaveGuardedNotIn(void)
{
    KeLeaveGuardedRegion();
}

static void test_region_misuse(void **state)
{
    (void)state;
    assert_int_equal(RunChild(LeaveCriticalNotIn), 200);
    assert_non_null(strstr(Output, "0x000000c4 (0x000000000000003E,"));
    assert_int_equal(RunChild(EnterCriticalAtDispatch), 200);
    assert_non_null(strstr(Output, "0x000000c4 (0x000000000000011A,0x0000000000000002,"));
    assert_int_equal(RunChild(LeaveGuardedNotIn), 200);
    assert_non_null(strstr(Output, "0x000000c4 (0x000000000004000E,"));
}

/* --------------------------------------------------------- Guarded mutexes */

static KGUARDED_MUTEX Mutex;
static void *try_mutex(void *arg)
{
    (void)arg;
    BOOLEAN got = KeTryToAcquireGuardedMutex(&Mutex);
    if (got)
        KeReleaseGuardedMutex(&Mutex);
    return (void *)(ULONG_PTR)got;
}

static void test_guarded_mutex(void **state)
{
    (void)state;
    KeInitializeGuardedMutex(&Mutex);
    KeAcquireGuardedMutex(&Mutex);
    assert_true(KeAreAllApcsDisabled());
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL); /* a guarded region, not APC_LEVEL */
    pthread_t t;
    void *r;
    pthread_create(&t, NULL, try_mutex, NULL);
    pthread_join(t, &r);
    assert_int_equal((ULONG_PTR)r, FALSE);
    KeReleaseGuardedMutex(&Mutex);
    assert_false(KeAreAllApcsDisabled());
    pthread_create(&t, NULL, try_mutex, NULL);
    pthread_join(t, &r);
    assert_int_equal((ULONG_PTR)r, TRUE);
    assert_true(KeTryToAcquireGuardedMutex(&Mutex));
    KeReleaseGuardedMutex(&Mutex);

    KeEnterGuardedRegion();
    KeAcquireGuardedMutexUnsafe(&Mutex);
    KeReleaseGuardedMutexUnsafe(&Mutex);
    KeLeaveGuardedRegion();
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_single_thread_counts),
        cmocka_unit_test(test_against_other_threads),
        cmocka_unit_test(test_convert_exclusive_to_shared_admits_shared_waiters),
        cmocka_unit_test(test_enter_critical_region_and_acquire),
        cmocka_unit_test(test_misuse_is_a_bug_check),
        cmocka_unit_test(test_critical_region_nests),
        cmocka_unit_test(test_guarded_region_and_irql),
        cmocka_unit_test(test_region_misuse),
        cmocka_unit_test(test_guarded_mutex),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
