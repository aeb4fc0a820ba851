/*
 * test_waits.c - dispatcher objects and waits: events (pulse, Wait=TRUE),
 * semaphores, mutexes (recursion, ownership, abandonment), WaitAny order,
 * WaitAll, time-outs, caller wait blocks, timer-typed headers, system
 * threads (start, terminate, wait, lookup) and the bug checks around them.
 */
#include "ntk_test.h"
#include <internal/ob.h>
#include <internal/ps.h>
#include <ntk/ntk.h>
#include <ntk/exitcodes.h>
#include <bugcodes.h>

#define NOINLINE_HELPER __attribute__((noinline))

NTSTATUS NTAPI NtCreateMutant(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, BOOLEAN);
NTSTATUS NTAPI NtReleaseMutant(HANDLE, PLONG);
NTSTATUS NTAPI NtQueryInformationThread(HANDLE, ULONG, PVOID, ULONG, PULONG);
NTSTATUS NTAPI NtWaitForSingleObject(HANDLE, BOOLEAN, PLARGE_INTEGER);

static LARGE_INTEGER Ms(LONGLONG ms)
{
    LARGE_INTEGER t;
    t.QuadPart = -ms * 10000;
    return t;
}

static LARGE_INTEGER Zero(void)
{
    LARGE_INTEGER t;
    t.QuadPart = 0;
    return t;
}

static void AssertBugCheck(void (*body)(void), const char *name)
{
    static char out[64 * 1024];
    int status = ntk_test_run_child(body, out, sizeof out);
    if (status != NTK_EXIT_BUGCHECK || !strstr(out, name))
        print_error("status %d, output:\n%s\n", status, out);
    assert_int_equal(status, NTK_EXIT_BUGCHECK);
    assert_non_null(strstr(out, name));
}

/* A system thread running fn(ctx); returns its handle (a kernel handle). */
static HANDLE StartThread(PKSTART_ROUTINE fn, PVOID ctx, PCLIENT_ID cid)
{
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, NULL, OBJ_KERNEL_HANDLE, NULL, NULL);
    HANDLE h = NULL;
    assert_int_equal(PsCreateSystemThread(&h, THREAD_ALL_ACCESS, &oa, NULL, cid, fn, ctx), STATUS_SUCCESS);
    return h;
}

static NTSTATUS WaitHandle(HANDLE h)
{
    PVOID thread;
    assert_int_equal(ObReferenceObjectByHandle(h, SYNCHRONIZE, *PsThreadType, KernelMode, &thread, NULL),
                     STATUS_SUCCESS);
    NTSTATUS status = KeWaitForSingleObject(thread, Executive, KernelMode, FALSE, NULL);
    ObfDereferenceObject(thread);
    return status;
}

static void JoinThread(HANDLE h)
{
    assert_int_equal(WaitHandle(h), STATUS_WAIT_0);
    assert_int_equal(ZwClose(h), STATUS_SUCCESS);
}

/* ------------------------------------------------------------------ Events */

static void test_events_and_timeouts(void **state)
{
    KEVENT sync, notif;
    LARGE_INTEGER zero = Zero(), ms20 = Ms(20);
    KeInitializeEvent(&sync, SynchronizationEvent, TRUE);
    KeInitializeEvent(&notif, NotificationEvent, TRUE);
    assert_int_equal(sync.Header.Type, EventSynchronizationObject);
    assert_int_equal(KeWaitForSingleObject(&sync, Executive, KernelMode, FALSE, &zero), STATUS_WAIT_0);
    assert_int_equal(KeReadStateEvent(&sync), 0); /* consumed */
    assert_int_equal(KeWaitForSingleObject(&sync, Executive, KernelMode, FALSE, &zero), STATUS_TIMEOUT);
    assert_int_equal(KeWaitForSingleObject(&notif, Executive, KernelMode, FALSE, &zero), STATUS_WAIT_0);
    assert_int_equal(KeReadStateEvent(&notif), 1); /* stays */

    int64_t start = ntkhost->monotonic_ns();
    assert_int_equal(KeWaitForSingleObject(&sync, Executive, KernelMode, FALSE, &ms20), STATUS_TIMEOUT);
    assert_true(ntkhost->monotonic_ns() - start >= 20000000);

    /* Absolute: 20 ms from now in system time. */
    LARGE_INTEGER due;
    due.QuadPart = ntkhost->realtime_ns() / 100 + 116444736000000000LL + 200000;
    start = ntkhost->monotonic_ns();
    assert_int_equal(KeWaitForSingleObject(&sync, Executive, KernelMode, FALSE, &due), STATUS_TIMEOUT);
    assert_true(ntkhost->monotonic_ns() - start >= 15000000);
    /* An absolute time already past is a poll. */
    due.QuadPart = 116444736000000000LL;
    assert_int_equal(KeWaitForSingleObject(&sync, Executive, KernelMode, FALSE, &due), STATUS_TIMEOUT);

    /* Zero time-out is allowed at DISPATCH_LEVEL. */
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    assert_int_equal(KeWaitForSingleObject(&notif, Executive, KernelMode, FALSE, &zero), STATUS_WAIT_0);
    KeLowerIrql(old);
}

static KEVENT PulseEvent;
static volatile LONG PulseWoken;

static VOID NTAPI PulseWaiter(PVOID ctx)
{
    KeWaitForSingleObject(&PulseEvent, Executive, KernelMode, FALSE, NULL);
    __atomic_store_n(&PulseWoken, 1, __ATOMIC_RELEASE);
}

static void test_pulse_event(void **state)
{
    KeInitializeEvent(&PulseEvent, NotificationEvent, FALSE);
    PulseWoken = 0;
    HANDLE h = StartThread(PulseWaiter, NULL, NULL);
    /* Until the waiter is queued, a pulse would find nobody. */
    for (BOOLEAN queued = FALSE; !queued;) {
        KiAcquireDispatcherObject(&PulseEvent.Header);
        queued = !IsListEmpty(&PulseEvent.Header.WaitListHead);
        KiReleaseDispatcherObject(&PulseEvent.Header);
        if (!queued)
            ntkhost->sleep_ns(100000);
    }
    assert_int_equal(KePulseEvent(&PulseEvent, IO_NO_INCREMENT, FALSE), 0);
    assert_int_equal(KeReadStateEvent(&PulseEvent), 0);
    JoinThread(h);
    assert_int_equal(PulseWoken, 1);
}

static void test_set_event_wait_true(void **state)
{
    KEVENT a, b;
    LARGE_INTEGER ms5 = Ms(5);
    KeInitializeEvent(&a, NotificationEvent, FALSE);
    KeInitializeEvent(&b, NotificationEvent, FALSE);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    assert_int_equal(KeSetEvent(&a, IO_NO_INCREMENT, TRUE), 0);
    /* Returned at DISPATCH_LEVEL; the wait that follows may block. */
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    assert_int_equal(KeWaitForSingleObject(&b, Executive, KernelMode, FALSE, &ms5), STATUS_TIMEOUT);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    assert_int_equal(KeReadStateEvent(&a), 1);
}

/* ------------------------------------------------------ Several objects */

static void test_wait_any_order_and_wait_blocks(void **state)
{
    KEVENT e[6];
    PVOID objects[6];
    KWAIT_BLOCK blocks[6];
    LARGE_INTEGER zero = Zero(), ms5 = Ms(5);
    for (int i = 0; i < 6; i++) {
        KeInitializeEvent(&e[i], SynchronizationEvent, FALSE);
        objects[i] = &e[i];
    }
    KeSetEvent(&e[2], 0, FALSE);
    KeSetEvent(&e[1], 0, FALSE);
    assert_int_equal(KeWaitForMultipleObjects(3, objects, WaitAny, Executive, KernelMode, FALSE, &zero, NULL),
                     STATUS_WAIT_0 + 1);
    assert_int_equal(KeReadStateEvent(&e[1]), 0);
    assert_int_equal(KeReadStateEvent(&e[2]), 1); /* only the one returned is taken */
    assert_int_equal(KeWaitForMultipleObjects(3, objects, WaitAny, Executive, KernelMode, FALSE, &zero, NULL),
                     STATUS_WAIT_0 + 2);
    assert_int_equal(KeWaitForMultipleObjects(3, objects, WaitAny, Executive, KernelMode, FALSE, &ms5, NULL),
                     STATUS_TIMEOUT);
    /* Beyond THREAD_WAIT_OBJECTS with the caller's blocks. */
    KeSetEvent(&e[5], 0, FALSE);
    assert_int_equal(KeWaitForMultipleObjects(6, objects, WaitAny, Executive, KernelMode, FALSE, NULL, blocks),
                     STATUS_WAIT_0 + 5);
    for (int i = 0; i < 6; i++)
        assert_true(IsListEmpty(&e[i].Header.WaitListHead));
}

static void test_wait_all_takes_all_or_nothing(void **state)
{
    KEVENT a, b;
    KSEMAPHORE s;
    PVOID objects[3] = {&a, &b, &s};
    LARGE_INTEGER zero = Zero(), ms5 = Ms(5);
    KeInitializeEvent(&a, SynchronizationEvent, TRUE);
    KeInitializeEvent(&b, SynchronizationEvent, FALSE);
    KeInitializeSemaphore(&s, 2, 5);
    assert_int_equal(KeWaitForMultipleObjects(3, objects, WaitAll, Executive, KernelMode, FALSE, &zero, NULL),
                     STATUS_TIMEOUT);
    assert_int_equal(KeWaitForMultipleObjects(3, objects, WaitAll, Executive, KernelMode, FALSE, &ms5, NULL),
                     STATUS_TIMEOUT);
    assert_int_equal(KeReadStateEvent(&a), 1); /* nothing taken */
    assert_int_equal(KeReadStateSemaphore(&s), 2);
    KeSetEvent(&b, 0, FALSE);
    assert_int_equal(KeWaitForMultipleObjects(3, objects, WaitAll, Executive, KernelMode, FALSE, &zero, NULL),
                     STATUS_WAIT_0);
    assert_int_equal(KeReadStateEvent(&a), 0);
    assert_int_equal(KeReadStateEvent(&b), 0);
    assert_int_equal(KeReadStateSemaphore(&s), 1);
}

static KEVENT AllA, AllB;

static VOID NTAPI SignalBoth(PVOID ctx)
{
    LARGE_INTEGER ms10 = Ms(10);
    KeDelayExecutionThread(KernelMode, FALSE, &ms10);
    KeSetEvent(&AllA, 0, FALSE);
    KeDelayExecutionThread(KernelMode, FALSE, &ms10);
    KeSetEvent(&AllB, 0, FALSE);
}

static void test_wait_all_across_threads(void **state)
{
    PVOID objects[2] = {&AllA, &AllB};
    KeInitializeEvent(&AllA, SynchronizationEvent, FALSE);
    KeInitializeEvent(&AllB, NotificationEvent, FALSE);
    HANDLE h = StartThread(SignalBoth, NULL, NULL);
    assert_int_equal(KeWaitForMultipleObjects(2, objects, WaitAll, Executive, KernelMode, FALSE, NULL, NULL),
                     STATUS_WAIT_0);
    assert_int_equal(KeReadStateEvent(&AllA), 0);
    assert_int_equal(KeReadStateEvent(&AllB), 1);
    JoinThread(h);
}

static void test_timer_typed_headers(void **state)
{
    /* KTIMER headers signalled by the timer code through KiSignalObject. */
    DISPATCHER_HEADER n, s;
    LARGE_INTEGER zero = Zero();
    KiInitializeDispatcherHeader(&n, TimerNotificationObject, 0x10, 0);
    KiInitializeDispatcherHeader(&s, TimerSynchronizationObject, 0x10, 0);
    KiSignalObject(&n, 1);
    KiSignalObject(&s, 1);
    assert_int_equal(KeWaitForSingleObject(&s, Executive, KernelMode, FALSE, &zero), STATUS_WAIT_0);
    assert_int_equal(KeWaitForSingleObject(&s, Executive, KernelMode, FALSE, &zero), STATUS_TIMEOUT);
    assert_int_equal(KeWaitForSingleObject(&n, Executive, KernelMode, FALSE, &zero), STATUS_WAIT_0);
    assert_int_equal(KeWaitForSingleObject(&n, Executive, KernelMode, FALSE, &zero), STATUS_WAIT_0);
}

/* -------------------------------------------------------------- Semaphores */

static void test_semaphore(void **state)
{
    NTK_TEST_OWN_FAULTS();
    KSEMAPHORE s;
    LARGE_INTEGER zero = Zero();
    KeInitializeSemaphore(&s, 0, 3);
    assert_int_equal(s.Header.Type, SemaphoreObject);
    assert_int_equal(s.Limit, 3);
    assert_int_equal(KeReleaseSemaphore(&s, SEMAPHORE_INCREMENT, 2, FALSE), 0);
    assert_int_equal(KeReleaseSemaphore(&s, SEMAPHORE_INCREMENT, 1, FALSE), 2);
    volatile NTSTATUS code = 0;
    __try {
        KeReleaseSemaphore(&s, SEMAPHORE_INCREMENT, 1, FALSE);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, STATUS_SEMAPHORE_LIMIT_EXCEEDED);
    assert_int_equal(KeReadStateSemaphore(&s), 3);
    for (int i = 0; i < 3; i++)
        assert_int_equal(KeWaitForSingleObject(&s, Executive, KernelMode, FALSE, &zero), STATUS_WAIT_0);
    assert_int_equal(KeWaitForSingleObject(&s, Executive, KernelMode, FALSE, &zero), STATUS_TIMEOUT);
    assert_int_equal(KeReadStateSemaphore(&s), 0);
}

/* ----------------------------------------------------------------- Mutexes */

static KMUTEX Mutex;
static volatile NTSTATUS OtherWait, OtherRelease;

static VOID NTAPI MutexOther(PVOID ctx)
{
    LARGE_INTEGER zero = Zero();
    OtherWait = KeWaitForSingleObject(&Mutex, Executive, KernelMode, FALSE, &zero);
    __try {
        KeReleaseMutex(&Mutex, FALSE);
        OtherRelease = STATUS_SUCCESS;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        OtherRelease = GetExceptionCode();
    }
}

static void test_mutex_recursion_and_ownership(void **state)
{
    NTK_TEST_OWN_FAULTS();
    PKTHREAD self = KeGetCurrentThread();
    SHORT apc = self->KernelApcDisable;
    KeInitializeMutex(&Mutex, 0);
    assert_int_equal(sizeof(KMUTEX), 0x38);
    assert_int_equal(KeReadStateMutex(&Mutex), 1);
    for (int i = 0; i < 10; i++)
        assert_int_equal(KeWaitForMutexObject(&Mutex, Executive, KernelMode, FALSE, NULL), STATUS_WAIT_0);
    assert_int_equal(KeReadStateMutex(&Mutex), -9);
    assert_ptr_equal(Mutex.OwnerThread, self);
    assert_int_equal(self->KernelApcDisable, apc - 1); /* once, not per acquisition */

    HANDLE h = StartThread(MutexOther, NULL, NULL);
    JoinThread(h);
    assert_int_equal(OtherWait, STATUS_TIMEOUT);
    assert_int_equal(OtherRelease, STATUS_MUTANT_NOT_OWNED);

    assert_int_equal(KeReleaseMutex(&Mutex, FALSE), -9);
    for (int i = 8; i >= 0; i--)
        assert_int_equal(KeReleaseMutex(&Mutex, FALSE), -i);
    assert_int_equal(KeReadStateMutex(&Mutex), 1);
    assert_null(Mutex.OwnerThread);
    assert_int_equal(self->KernelApcDisable, apc);

    volatile NTSTATUS code = 0;
    __try {
        KeReleaseMutex(&Mutex, FALSE);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, STATUS_MUTANT_NOT_OWNED);
}

static HANDLE AbandonHandle;
static volatile NTSTATUS TakeStatus[2];

static VOID NTAPI TakeAndEnd(PVOID ctx)
{
    TakeStatus[0] = NtWaitForSingleObject(AbandonHandle, FALSE, NULL);
    TakeStatus[1] = NtWaitForSingleObject(AbandonHandle, FALSE, NULL);
    PsTerminateSystemThread(STATUS_SUCCESS);
}

static void test_mutant_abandoned_when_owner_ends(void **state)
{
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, NULL, OBJ_KERNEL_HANDLE, NULL, NULL);
    assert_int_equal(NtCreateMutant(&AbandonHandle, MUTANT_ALL_ACCESS, &oa, FALSE), STATUS_SUCCESS);
    PVOID mutant;
    assert_int_equal(ObReferenceObjectByHandle(AbandonHandle, SYNCHRONIZE, NULL, KernelMode, &mutant, NULL),
                     STATUS_SUCCESS);
    JoinThread(StartThread(TakeAndEnd, NULL, NULL));
    assert_int_equal(TakeStatus[0], STATUS_WAIT_0);
    assert_int_equal(TakeStatus[1], STATUS_WAIT_0);
    KEVENT other;
    KeInitializeEvent(&other, NotificationEvent, FALSE);
    PVOID objects[2] = {&other, mutant};
    assert_int_equal(KeWaitForMultipleObjects(2, objects, WaitAny, Executive, KernelMode, FALSE, NULL, NULL),
                     STATUS_ABANDONED_WAIT_0 + 1);
    /* The abandoned state is reported once. */
    assert_int_equal(KeWaitForSingleObject(mutant, Executive, KernelMode, FALSE, NULL), STATUS_WAIT_0);
    LONG previous = 5;
    assert_int_equal(NtReleaseMutant(AbandonHandle, &previous), STATUS_SUCCESS);
    assert_int_equal(previous, -1);
    assert_int_equal(NtReleaseMutant(AbandonHandle, NULL), STATUS_SUCCESS);
    assert_int_equal(NtReleaseMutant(AbandonHandle, NULL), STATUS_MUTANT_NOT_OWNED);
    ObfDereferenceObject(mutant);
    assert_int_equal(ZwClose(AbandonHandle), STATUS_SUCCESS);
}

/* ---------------------------------------------------------- System threads */

static volatile LONG Seen[6];

static NOINLINE_HELPER void DeepTerminate(int depth)
{
    if (depth == 0)
        PsTerminateSystemThread(0x1234);
    else
        DeepTerminate(depth - 1);
    Seen[0] = 0; /* never reached */
}

static VOID NTAPI SystemThreadBody(PVOID ctx)
{
    Seen[0] = KeGetCurrentIrql() == PASSIVE_LEVEL;
    Seen[1] = ExGetPreviousMode() == KernelMode;
    Seen[2] = PsGetCurrentProcess() == PsInitialSystemProcess;
    Seen[3] = PsIsSystemThread(PsGetCurrentThread());
    Seen[4] = ctx == (PVOID)0x77;
    Seen[5] = (LONG)(ULONG_PTR)PsGetCurrentThreadId();
    DeepTerminate(5);
}

static VOID NTAPI Returns(PVOID ctx)
{
}

typedef struct {
    NTSTATUS ExitStatus;
    PVOID Teb;
    CLIENT_ID ClientId;
    KAFFINITY Affinity;
    KPRIORITY Priority, BasePriority;
} BASIC_INFO;

static void test_system_thread_life(void **state)
{
    CLIENT_ID cid = {0};
    HANDLE h = StartThread(SystemThreadBody, (PVOID)0x77, &cid);
    assert_true(((ULONG_PTR)h & 0xFFFFFFFF80000000ULL) == 0xFFFFFFFF80000000ULL); /* a kernel handle */
    assert_int_equal((ULONG_PTR)cid.UniqueProcess, PsInitialSystemProcess->UniqueProcessId);
    PETHREAD looked = NULL;
    assert_int_equal(PsLookupThreadByThreadId(cid.UniqueThread, &looked), STATUS_SUCCESS);
    PVOID byHandle;
    assert_int_equal(ObReferenceObjectByHandle(h, SYNCHRONIZE, *PsThreadType, KernelMode, &byHandle, NULL),
                     STATUS_SUCCESS);
    assert_ptr_equal(byHandle, looked);
    assert_int_equal(KeWaitForSingleObject(byHandle, Executive, KernelMode, FALSE, NULL), STATUS_WAIT_0);
    for (int i = 0; i < 5; i++)
        assert_int_equal(Seen[i], 1);
    assert_int_equal((ULONG_PTR)Seen[5], (ULONG_PTR)cid.UniqueThread);
    BASIC_INFO info;
    assert_int_equal(NtQueryInformationThread(h, 0, &info, sizeof info, NULL), STATUS_SUCCESS);
    assert_int_equal(info.ExitStatus, 0x1234);
    assert_int_equal(KeQueryPriorityThread((PKTHREAD)byHandle), 8);
    assert_int_equal(KeSetPriorityThread((PKTHREAD)byHandle, 12), 8);
    assert_int_equal(KeQueryPriorityThread((PKTHREAD)byHandle), 12);
    ObfDereferenceObject(byHandle);
    ObfDereferenceObject(looked);
    assert_int_equal(ZwClose(h), STATUS_SUCCESS);

    /* Returning from the start routine ends it with STATUS_SUCCESS. */
    h = StartThread(Returns, NULL, NULL);
    assert_int_equal(WaitHandle(h), STATUS_WAIT_0);
    assert_int_equal(NtQueryInformationThread(h, 0, &info, sizeof info, NULL), STATUS_SUCCESS);
    assert_int_equal(info.ExitStatus, STATUS_SUCCESS);
    assert_int_equal(ZwClose(h), STATUS_SUCCESS);

    assert_int_equal(PsLookupThreadByThreadId(NULL, &looked), STATUS_INVALID_CID);
    /* Not a system thread. */
    assert_int_equal(PsTerminateSystemThread(STATUS_SUCCESS), STATUS_INVALID_PARAMETER);
}

/* -------------------------------------------------------------- Bug checks */

static VOID NTAPI ReturnsAtDispatch(PVOID ctx)
{
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
}

static void ChildThreadAtDispatch(void)
{
    HANDLE h = StartThread(ReturnsAtDispatch, NULL, NULL);
    WaitHandle(h);
}

static VOID NTAPI EndsOwningKmutex(PVOID ctx)
{
    KeWaitForSingleObject(&Mutex, Executive, KernelMode, FALSE, NULL);
}

static void ChildThreadOwningKmutex(void)
{
    KeInitializeMutex(&Mutex, 0);
    WaitHandle(StartThread(EndsOwningKmutex, NULL, NULL));
}

static void ChildTooManyObjects(void)
{
    KEVENT e[4];
    PVOID objects[4];
    for (int i = 0; i < 4; i++) {
        KeInitializeEvent(&e[i], NotificationEvent, TRUE);
        objects[i] = &e[i];
    }
    KeWaitForMultipleObjects(4, objects, WaitAny, Executive, KernelMode, FALSE, NULL, NULL);
}

static void ChildWaitAtDispatch(void)
{
    KEVENT e;
    LARGE_INTEGER ms1 = Ms(1);
    KIRQL old;
    KeInitializeEvent(&e, NotificationEvent, FALSE);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    PVOID objects[1] = {&e};
    KeWaitForMultipleObjects(1, objects, WaitAny, Executive, KernelMode, FALSE, &ms1, NULL);
}

static void test_bug_checks(void **state)
{
    AssertBugCheck(ChildThreadAtDispatch, "KERNEL_APC_PENDING_DURING_EXIT");
    AssertBugCheck(ChildThreadOwningKmutex, "KERNEL_APC_PENDING_DURING_EXIT");
    AssertBugCheck(ChildTooManyObjects, "MAXIMUM_WAIT_OBJECTS_EXCEEDED");
    AssertBugCheck(ChildWaitAtDispatch, "DRIVER_VERIFIER_DETECTED_VIOLATION");
}

int main(void)
{
    ntk_boot();
    /* The test runs as kernel code does, for a driver. */
    KiEnterService(KiThread(), KernelMode);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_events_and_timeouts),
        cmocka_unit_test(test_pulse_event),
        cmocka_unit_test(test_set_event_wait_true),
        cmocka_unit_test(test_wait_any_order_and_wait_blocks),
        cmocka_unit_test(test_wait_all_takes_all_or_nothing),
        cmocka_unit_test(test_wait_all_across_threads),
        cmocka_unit_test(test_timer_typed_headers),
        cmocka_unit_test(test_semaphore),
        cmocka_unit_test(test_mutex_recursion_and_ownership),
        cmocka_unit_test(test_mutant_abandoned_when_owner_ends),
        cmocka_unit_test(test_system_thread_life),
        cmocka_unit_test(test_bug_checks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
