/*
 * test_apc.c - kernel APCs (KeInitializeApc, KeInsertQueueApc,
 * KeRemoveQueueApc): a kernel routine at APC_LEVEL then the normal routine
 * at PASSIVE_LEVEL, in the target thread; special APCs before normal ones;
 * critical regions hold normal APCs back; a thread waiting non-alertably
 * runs them and waits on; user-mode KAPCs run in alertable waits and are
 * run down when their thread ends; alertable waits of drivers (KernelMode)
 * are not ended by user APCs.
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>

typedef VOID NTAPI NORMAL_ROUTINE(PVOID, PVOID, PVOID);
typedef VOID NTAPI KERNEL_ROUTINE(PKAPC, NORMAL_ROUTINE **, PVOID *, PVOID *, PVOID *);
typedef VOID NTAPI RUNDOWN_ROUTINE(PKAPC);
VOID NTAPI KeInitializeApc(PKAPC, PKTHREAD, ULONG, KERNEL_ROUTINE *, RUNDOWN_ROUTINE *, NORMAL_ROUTINE *,
                           KPROCESSOR_MODE, PVOID);
BOOLEAN NTAPI KeInsertQueueApc(PKAPC, PVOID, PVOID, KPRIORITY);
BOOLEAN NTAPI KeRemoveQueueApc(PKAPC);
NTSTATUS NTAPI NtDelayExecution(BOOLEAN, PLARGE_INTEGER);

static char Order[16];
static int OrderLength;
static KIRQL KernelIrql, NormalIrql;
static PKTHREAD KernelThread, NormalThread;
static PVOID NormalArgs[3];
static int Rundowns;

static VOID NTAPI Kernel(PKAPC Apc, NORMAL_ROUTINE **Normal, PVOID *Context, PVOID *A1, PVOID *A2)
{
    (void)Normal, (void)Context, (void)A1, (void)A2;
    KernelIrql = KeGetCurrentIrql();
    KernelThread = KeGetCurrentThread();
    Order[OrderLength++] = Apc->Reserved[2] ? 'n' : 's';
}

static VOID NTAPI Normal(PVOID Context, PVOID A1, PVOID A2)
{
    NormalIrql = KeGetCurrentIrql();
    NormalThread = KeGetCurrentThread();
    NormalArgs[0] = Context, NormalArgs[1] = A1, NormalArgs[2] = A2;
    Order[OrderLength++] = 'N';
}

static VOID NTAPI Rundown(PKAPC Apc)
{
    (void)Apc;
    Rundowns++;
}

static void Reset(void)
{
    OrderLength = 0;
    memset(Order, 0, sizeof Order);
    NormalThread = KernelThread = NULL;
}

static void test_to_self_at_passive_runs_now(void **state)
{
    (void)state;
    KAPC apc;
    Reset();
    KeInitializeApc(&apc, KeGetCurrentThread(), 0, Kernel, Rundown, Normal, KernelMode, (PVOID)1);
    assert_int_equal(apc.Type, 18);
    assert_true(KeInsertQueueApc(&apc, (PVOID)2, (PVOID)3, 0));
    assert_string_equal(Order, "nN");
    assert_int_equal(KernelIrql, APC_LEVEL);
    assert_int_equal(NormalIrql, PASSIVE_LEVEL);
    assert_ptr_equal(NormalArgs[0], (PVOID)1);
    assert_ptr_equal(NormalArgs[1], (PVOID)2);
    assert_ptr_equal(NormalArgs[2], (PVOID)3);
    assert_false(apc.Inserted);
}

static void test_critical_region_and_special_first(void **state)
{
    (void)state;
    KAPC normal, special;
    Reset();
    KeInitializeApc(&normal, KeGetCurrentThread(), 0, Kernel, NULL, Normal, KernelMode, NULL);
    KeInitializeApc(&special, KeGetCurrentThread(), 0, Kernel, NULL, NULL, KernelMode, NULL);
    KeEnterCriticalRegion();
    assert_true(KeInsertQueueApc(&normal, NULL, NULL, 0));
    assert_false(KeInsertQueueApc(&normal, NULL, NULL, 0)); /* already queued */
    assert_string_equal(Order, "");
    assert_true(KeInsertQueueApc(&special, NULL, NULL, 0));
    assert_string_equal(Order, "s"); /* a special APC is not held back */
    KeLeaveCriticalRegion();
    LARGE_INTEGER ms = {.QuadPart = -10000};
    KeDelayExecutionThread(KernelMode, FALSE, &ms);
    assert_string_equal(Order, "snN");

    /* Raised IRQL holds both back; the special one runs first. */
    Reset();
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    assert_true(KeInsertQueueApc(&normal, NULL, NULL, 0));
    assert_true(KeInsertQueueApc(&special, NULL, NULL, 0));
    KeLowerIrql(old);
    KeDelayExecutionThread(KernelMode, FALSE, &ms);
    assert_string_equal(Order, "snN");

    /* A removed APC does not run. */
    Reset();
    KeEnterCriticalRegion();
    assert_true(KeInsertQueueApc(&normal, NULL, NULL, 0));
    assert_true(KeRemoveQueueApc(&normal));
    assert_false(KeRemoveQueueApc(&normal));
    KeLeaveCriticalRegion();
    KeDelayExecutionThread(KernelMode, FALSE, &ms);
    assert_string_equal(Order, "");
}

static KEVENT Go, Started;
static PKTHREAD Waiter;
static NTSTATUS WaiterStatus;

static VOID NTAPI WaitingThread(PVOID Context)
{
    (void)Context;
    Waiter = KeGetCurrentThread();
    KeSetEvent(&Started, 0, FALSE);
    WaiterStatus = KeWaitForSingleObject(&Go, Executive, KernelMode, FALSE, NULL);
    PsTerminateSystemThread(STATUS_SUCCESS);
}

static void test_waiting_thread_runs_them_and_waits_on(void **state)
{
    (void)state;
    KAPC apc;
    HANDLE h;
    OBJECT_ATTRIBUTES oa;
    Reset();
    KeInitializeEvent(&Go, NotificationEvent, FALSE);
    KeInitializeEvent(&Started, NotificationEvent, FALSE);
    InitializeObjectAttributes(&oa, NULL, OBJ_KERNEL_HANDLE, NULL, NULL);
    assert_int_equal(PsCreateSystemThread(&h, THREAD_ALL_ACCESS, &oa, NULL, NULL, WaitingThread, NULL),
                     STATUS_SUCCESS);
    KeWaitForSingleObject(&Started, Executive, KernelMode, FALSE, NULL);
    LARGE_INTEGER ms = {.QuadPart = -20 * 10000};
    KeDelayExecutionThread(KernelMode, FALSE, &ms);
    KeInitializeApc(&apc, Waiter, 0, Kernel, NULL, Normal, KernelMode, (PVOID)7);
    assert_true(KeInsertQueueApc(&apc, NULL, NULL, 0));
    for (int i = 0; i < 500 && !NormalThread; i++)
        KeDelayExecutionThread(KernelMode, FALSE, &ms);
    assert_ptr_equal(KernelThread, Waiter);
    assert_ptr_equal(NormalThread, Waiter);
    assert_ptr_equal(NormalArgs[0], (PVOID)7);
    /* Its wait went on: it ends only when the event is set. */
    PVOID thread;
    assert_int_equal(ObReferenceObjectByHandle(h, SYNCHRONIZE, *PsThreadType, KernelMode, &thread, NULL),
                     STATUS_SUCCESS);
    LARGE_INTEGER zero = {.QuadPart = 0};
    assert_int_equal(KeWaitForSingleObject(thread, Executive, KernelMode, FALSE, &zero), STATUS_TIMEOUT);
    KeSetEvent(&Go, 0, FALSE);
    assert_int_equal(KeWaitForSingleObject(thread, Executive, KernelMode, FALSE, NULL), STATUS_WAIT_0);
    assert_int_equal(WaiterStatus, STATUS_WAIT_0);
    ObfDereferenceObject(thread);
    ZwClose(h);
}

static int UserNormals;
static VOID NTAPI UserNormal(PVOID Context, PVOID A1, PVOID A2)
{
    (void)Context, (void)A1, (void)A2;
    UserNormals++;
}

static KAPC ExitApc;
static VOID NTAPI EndsWithUserApc(PVOID Context)
{
    (void)Context;
    KeInitializeApc(&ExitApc, KeGetCurrentThread(), 0, Kernel, Rundown, UserNormal, UserMode, NULL);
    KeInsertQueueApc(&ExitApc, NULL, NULL, 0);
    PsTerminateSystemThread(STATUS_SUCCESS);
}

static void test_user_mode_kapc(void **state)
{
    (void)state;
    KAPC apc;
    Reset();
    UserNormals = 0;
    KeInitializeApc(&apc, KeGetCurrentThread(), 0, Kernel, Rundown, UserNormal, UserMode, NULL);
    assert_true(KeInsertQueueApc(&apc, NULL, NULL, 0));
    assert_int_equal(UserNormals, 0);
    /* A driver's alertable wait in KernelMode is not ended by it. */
    LARGE_INTEGER ms = {.QuadPart = -10000};
    assert_int_equal(KeDelayExecutionThread(KernelMode, TRUE, &ms), STATUS_SUCCESS);
    assert_int_equal(UserNormals, 0);
    /* The application's alertable wait runs it. */
    LARGE_INTEGER zero = {.QuadPart = 0};
    assert_int_equal(NtDelayExecution(TRUE, &zero), STATUS_USER_APC);
    assert_int_equal(UserNormals, 1);
    assert_string_equal(Order, "n");
    assert_int_equal(NtDelayExecution(TRUE, &zero), STATUS_SUCCESS);

    /* A thread that ends with one queued runs it down. */
    HANDLE h;
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, NULL, OBJ_KERNEL_HANDLE, NULL, NULL);
    Rundowns = 0;
    assert_int_equal(PsCreateSystemThread(&h, THREAD_ALL_ACCESS, &oa, NULL, NULL, EndsWithUserApc, NULL),
                     STATUS_SUCCESS);
    PVOID thread;
    assert_int_equal(ObReferenceObjectByHandle(h, SYNCHRONIZE, *PsThreadType, KernelMode, &thread, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(KeWaitForSingleObject(thread, Executive, KernelMode, FALSE, NULL), STATUS_WAIT_0);
    assert_int_equal(Rundowns, 1);
    assert_int_equal(UserNormals, 1);
    /* Its queue is closed now. */
    KAPC late;
    KeInitializeApc(&late, thread, 0, Kernel, NULL, Normal, KernelMode, NULL);
    assert_false(KeInsertQueueApc(&late, NULL, NULL, 0));
    ObfDereferenceObject(thread);
    ZwClose(h);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_to_self_at_passive_runs_now),
        cmocka_unit_test(test_critical_region_and_special_first),
        cmocka_unit_test(test_waiting_thread_runs_them_and_waits_on),
        cmocka_unit_test(test_user_mode_kapc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
