/*
 * test_dpc.c - processors and DPCs: the processor count and numbering, DPC
 * objects' fields, when and where a DPC runs (before KeInsertQueueDpc
 * returns at PASSIVE_LEVEL, when the IRQL drops after queueing at
 * DISPATCH_LEVEL, on another processor's DPC thread), queue order,
 * removal, flushing, and the bug checks for a DPC routine that leaves
 * DISPATCH_LEVEL.
 *
 * The program runs itself again with NTK_PROCESSORS=4 so that there are
 * always other processors, whatever the host has.
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <internal/ob.h>
#include <ntk/ntk.h>
#include <ntk/exitcodes.h>

#define MAX_LOG 64

static int Log[MAX_LOG];
static volatile LONG LogCount;

typedef struct _RUN_INFO {
    volatile LONG Runs;
    KIRQL Irql;
    BOOLEAN SystemThread;
    BOOLEAN SystemProcess;
    PKTHREAD Thread;
    ULONG Processor;
    PVOID Context, Arg1, Arg2;
    PKDPC Dpc;
} RUN_INFO;

static void ResetLog(void)
{
    LogCount = 0;
    memset(Log, 0, sizeof Log);
}

static VOID LogDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    (void)Dpc, (void)Arg1, (void)Arg2;
    LONG i = __atomic_fetch_add(&LogCount, 1, __ATOMIC_RELAXED);
    if (i < MAX_LOG)
        Log[i] = (int)(ULONG_PTR)Context;
}

static VOID InfoDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    RUN_INFO *info = Context;
    info->Irql = KeGetCurrentIrql();
    info->Thread = KeGetCurrentThread();
    info->SystemThread = PsIsSystemThread((PETHREAD)KeGetCurrentThread());
    info->SystemProcess = KeGetCurrentThread()->Process == PsInitialSystemProcess;
    info->Processor = KeGetCurrentProcessorNumber();
    info->Context = Context;
    info->Arg1 = Arg1;
    info->Arg2 = Arg2;
    info->Dpc = Dpc;
    __atomic_add_fetch(&info->Runs, 1, __ATOMIC_RELEASE);
}

static void test_processors(void **state)
{
    (void)state;
    assert_int_equal(KeNumberProcessors, 4);
    KAFFINITY mask = 0;
    assert_int_equal(KeQueryActiveProcessorCount(&mask), 4);
    assert_int_equal(mask, 0xF);
    assert_int_equal(KeQueryActiveProcessorCount(NULL), 4);
    assert_int_equal(KeQueryActiveProcessors(), 0xF);
    assert_int_equal(KeQueryMaximumProcessorCount(), 4);
    assert_int_equal(KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS), 4);
    assert_int_equal(KeQueryActiveGroupCount(), 1);

    PROCESSOR_NUMBER pn = {7, 7, 7};
    ULONG index = KeGetCurrentProcessorNumberEx(&pn);
    assert_true(index < 4);
    assert_int_equal(pn.Group, 0);
    assert_int_equal(pn.Number, index);
    assert_int_equal(pn.Reserved, 0);
    assert_int_equal(KeGetCurrentProcessorNumber(), index);
    assert_int_equal(KeGetCurrentProcessorNumberEx(NULL), index); /* a thread keeps its processor */

    assert_int_equal(KeGetProcessorNumberFromIndex(3, &pn), STATUS_SUCCESS);
    assert_int_equal(pn.Number, 3);
    assert_int_equal(KeGetProcessorIndexFromNumber(&pn), 3);
    assert_int_equal(KeGetProcessorNumberFromIndex(4, &pn), STATUS_INVALID_PARAMETER);
}

static void test_dpc_object_fields(void **state)
{
    (void)state;
    KDPC dpc;
    memset(&dpc, 0xAB, sizeof dpc);
    KeInitializeDpc(&dpc, LogDpc, (PVOID)5);
    assert_int_equal(dpc.Type, DpcObject);
    assert_int_equal(dpc.Type, 0x13);
    assert_int_equal(dpc.Importance, MediumImportance);
    assert_int_equal(dpc.Number, 0);
    assert_ptr_equal(dpc.DeferredRoutine, LogDpc);
    assert_ptr_equal(dpc.DeferredContext, (PVOID)5);
    assert_null(dpc.DpcData);

    KeSetImportanceDpc(&dpc, HighImportance);
    assert_int_equal(dpc.Importance, HighImportance);

    KDPC threaded;
    KeInitializeThreadedDpc(&threaded, LogDpc, NULL);
    assert_int_equal(threaded.Type, ThreadedDpcObject);
    assert_int_equal(threaded.Type, 0x1A);

    PROCESSOR_NUMBER bad = {0, 4, 0};
    assert_int_equal(KeSetTargetProcessorDpcEx(&dpc, &bad), STATUS_INVALID_PARAMETER);
    bad.Group = 1;
    bad.Number = 0;
    assert_int_equal(KeSetTargetProcessorDpcEx(&dpc, &bad), STATUS_INVALID_PARAMETER);
}

static void test_insert_at_passive_runs_before_return(void **state)
{
    (void)state;
    RUN_INFO info = {0};
    KDPC dpc;
    KeInitializeDpc(&dpc, InfoDpc, &info);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    assert_true(KeInsertQueueDpc(&dpc, (PVOID)1, (PVOID)2));
    assert_int_equal(info.Runs, 1);
    assert_int_equal(info.Irql, DISPATCH_LEVEL);
    assert_ptr_equal(info.Dpc, &dpc);
    assert_ptr_equal(info.Arg1, (PVOID)1);
    assert_ptr_equal(info.Arg2, (PVOID)2);
    assert_int_equal(info.Processor, KeGetCurrentProcessorNumber());
    assert_null(dpc.DpcData);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    assert_false(KeRemoveQueueDpc(&dpc)); /* it has run */
}

static void test_insert_at_dispatch_runs_when_irql_drops(void **state)
{
    (void)state;
    RUN_INFO info = {0};
    KDPC dpc;
    KeInitializeDpc(&dpc, InfoDpc, &info);
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    assert_true(KeInsertQueueDpc(&dpc, (PVOID)10, (PVOID)20));
    assert_non_null(dpc.DpcData);
    /* Already queued: FALSE, and its arguments stay. */
    assert_false(KeInsertQueueDpc(&dpc, (PVOID)30, (PVOID)40));
    assert_int_equal(info.Runs, 0);
    KeLowerIrql(old);
    assert_int_equal(info.Runs, 1);
    assert_ptr_equal(info.Arg1, (PVOID)10);
    assert_ptr_equal(info.Arg2, (PVOID)20);
    assert_int_equal(info.Irql, DISPATCH_LEVEL);
    assert_null(dpc.DpcData);

    /* Through a spin lock as drivers do: runs at the release. */
    KSPIN_LOCK lock;
    KeInitializeSpinLock(&lock);
    KeAcquireSpinLock(&lock, &old);
    assert_true(KeInsertQueueDpc(&dpc, NULL, NULL));
    assert_int_equal(info.Runs, 1);
    KeReleaseSpinLock(&lock, old);
    assert_int_equal(info.Runs, 2);
}

static void test_order_fifo_high_importance_first(void **state)
{
    (void)state;
    ResetLog();
    KDPC dpcs[6];
    /* 1..3 medium, 4 high, 5 low, 6 high. */
    for (int i = 0; i < 6; i++)
        KeInitializeDpc(&dpcs[i], LogDpc, (PVOID)(ULONG_PTR)(i + 1));
    KeSetImportanceDpc(&dpcs[3], HighImportance);
    KeSetImportanceDpc(&dpcs[4], LowImportance);
    KeSetImportanceDpc(&dpcs[5], HighImportance);
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    for (int i = 0; i < 6; i++)
        assert_true(KeInsertQueueDpc(&dpcs[i], NULL, NULL));
    assert_int_equal(LogCount, 0);
    KeLowerIrql(old);
    assert_int_equal(LogCount, 6);
    int expected[6] = {6, 4, 1, 2, 3, 5};
    for (int i = 0; i < 6; i++)
        assert_int_equal(Log[i], expected[i]);
}

static void test_remove_queue_dpc(void **state)
{
    (void)state;
    ResetLog();
    KDPC a, b, c;
    KeInitializeDpc(&a, LogDpc, (PVOID)1);
    KeInitializeDpc(&b, LogDpc, (PVOID)2);
    KeInitializeDpc(&c, LogDpc, (PVOID)3);
    assert_false(KeRemoveQueueDpc(&a)); /* never queued */
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    assert_true(KeInsertQueueDpc(&a, NULL, NULL));
    assert_true(KeInsertQueueDpc(&b, NULL, NULL));
    assert_true(KeInsertQueueDpc(&c, NULL, NULL));
    assert_true(KeRemoveQueueDpc(&b)); /* from the middle */
    assert_null(b.DpcData);
    assert_false(KeRemoveQueueDpc(&b));
    assert_true(KeRemoveQueueDpc(&c)); /* the last one */
    /* The queue still works at both ends. */
    assert_true(KeInsertQueueDpc(&c, NULL, NULL));
    KeLowerIrql(old);
    assert_int_equal(LogCount, 2);
    assert_int_equal(Log[0], 1);
    assert_int_equal(Log[1], 3);
}

static void test_other_processor_runs_on_its_dpc_thread(void **state)
{
    (void)state;
    ULONG me = KeGetCurrentProcessorNumber();
    for (ULONG k = 1; k < 4; k++) {
        ULONG target = (me + k) % 4;
        RUN_INFO info = {0};
        KDPC dpc;
        KeInitializeDpc(&dpc, InfoDpc, &info);
        KeSetTargetProcessorDpc(&dpc, (CCHAR)target);
        assert_int_equal(dpc.Number, MAXIMUM_PROCESSORS + target);
        assert_true(KeInsertQueueDpc(&dpc, (PVOID)7, NULL));
        KeFlushQueuedDpcs();
        assert_int_equal(__atomic_load_n(&info.Runs, __ATOMIC_ACQUIRE), 1);
        assert_int_equal(info.Irql, DISPATCH_LEVEL);
        assert_true(info.SystemThread);
        assert_true(info.SystemProcess);
        assert_ptr_not_equal(info.Thread, KeGetCurrentThread());
        assert_int_equal(info.Processor, target);
        assert_ptr_equal(info.Arg1, (PVOID)7);
        assert_null(dpc.DpcData);
    }
}

static volatile LONG Requeues;

static VOID RequeueDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    (void)Context, (void)Arg2;
    /* Its DpcData is already clear: it may queue itself again. */
    if (__atomic_add_fetch(&Requeues, 1, __ATOMIC_RELAXED) < 3)
        KeInsertQueueDpc(Dpc, Arg1, NULL);
}

static void test_requeue_from_own_routine(void **state)
{
    (void)state;
    Requeues = 0;
    KDPC dpc;
    KeInitializeDpc(&dpc, RequeueDpc, NULL);
    assert_true(KeInsertQueueDpc(&dpc, NULL, NULL));
    assert_int_equal(Requeues, 3);
    assert_null(dpc.DpcData);
}

static void test_flush_queued_dpcs(void **state)
{
    (void)state;
    static KDPC dpcs[40];
    static RUN_INFO infos[40];
    memset(infos, 0, sizeof infos);
    for (int i = 0; i < 40; i++) {
        KeInitializeDpc(&dpcs[i], InfoDpc, &infos[i]);
        KeSetTargetProcessorDpc(&dpcs[i], (CCHAR)(i % 4));
    }
    KIRQL old;
    /* Queued at DISPATCH_LEVEL: those for this processor wait for the IRQL
     * to drop; the flush runs them too. */
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    for (int i = 0; i < 40; i++)
        assert_true(KeInsertQueueDpc(&dpcs[i], NULL, NULL));
    KeLowerIrql(old);
    KeFlushQueuedDpcs();
    for (int i = 0; i < 40; i++) {
        assert_int_equal(__atomic_load_n(&infos[i].Runs, __ATOMIC_ACQUIRE), 1);
        assert_int_equal(infos[i].Processor, (ULONG)(i % 4));
        assert_int_equal(infos[i].Irql, DISPATCH_LEVEL);
    }
}

/* A DpcForIsr: the device object is the DPC's context; the IRP and the
 * context IoRequestDpc was given are its system arguments. */
static IO_DPC_ROUTINE DpcForIsr;
static VOID DpcForIsr(PKDPC Dpc, PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    RUN_INFO *info = DeviceObject->DeviceExtension;
    info->Dpc = Dpc;
    info->Context = DeviceObject;
    info->Arg1 = Irp;
    info->Arg2 = Context;
    info->Irql = KeGetCurrentIrql();
    info->Runs++;
}

static void test_io_request_dpc(void **state)
{
    (void)state;
    static DEVICE_OBJECT device;
    RUN_INFO info = {0};
    device.DeviceExtension = &info;
    IoInitializeDpcRequest(&device, DpcForIsr);
    assert_int_equal(device.Dpc.Type, DpcObject);
    IoRequestDpc(&device, (PIRP)0x1234, (PVOID)0x5678);
    assert_int_equal(info.Runs, 1);
    assert_ptr_equal(info.Dpc, &device.Dpc);
    assert_ptr_equal(info.Context, &device);
    assert_ptr_equal(info.Arg1, (PVOID)0x1234);
    assert_ptr_equal(info.Arg2, (PVOID)0x5678);
    assert_int_equal(info.Irql, DISPATCH_LEVEL);
}

/* --- bug checks, each in a child process ---------------------------------- */

static VOID LowersIrqlDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    (void)Dpc, (void)Context, (void)Arg1, (void)Arg2;
    KeLowerIrql(PASSIVE_LEVEL);
}

static VOID RaisesIrqlDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    (void)Dpc, (void)Context, (void)Arg1, (void)Arg2;
    KIRQL old;
    KeRaiseIrql(HIGH_LEVEL, &old);
}

static void RunBugCheckChild(PKDEFERRED_ROUTINE routine, const char *expected)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], STDERR_FILENO);
        alarm(20);
        KDPC dpc;
        KeInitializeDpc(&dpc, routine, NULL);
        KeInsertQueueDpc(&dpc, NULL, NULL);
        _exit(99);
    }
    close(fds[1]);
    static char out[64 * 1024];
    size_t len = 0;
    ssize_t n;
    while (len < sizeof out - 1 && (n = read(fds[0], out + len, sizeof out - 1 - len)) > 0)
        len += (size_t)n;
    out[len] = 0;
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), NTK_EXIT_BUGCHECK);
    if (!strstr(out, expected))
        fprintf(stderr, "report:\n%s\n", out);
    assert_non_null(strstr(out, expected));
}

static void test_dpc_lowering_irql_is_a_bug_check(void **state)
{
    (void)state;
    RunBugCheckChild(LowersIrqlDpc, "DRIVER_VERIFIER_DETECTED_VIOLATION");
}

static void test_dpc_returning_raised_is_a_bug_check(void **state)
{
    (void)state;
    RunBugCheckChild(RaisesIrqlDpc, "IRQL_NOT_GREATER_OR_EQUAL");
}

int main(int argc, char **argv)
{
    (void)argc;
    /* Four processors whatever the host has: run again with the variable. */
    const char *n = getenv("NTK_PROCESSORS");
    if (!n || strcmp(n, "4") != 0) {
        setenv("NTK_PROCESSORS", "4", 1);
        execv("/proc/self/exe", argv);
        perror("execv");
        return 1;
    }
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_processors),
        cmocka_unit_test(test_dpc_object_fields),
        cmocka_unit_test(test_insert_at_passive_runs_before_return),
        cmocka_unit_test(test_insert_at_dispatch_runs_when_irql_drops),
        cmocka_unit_test(test_order_fifo_high_importance_first),
        cmocka_unit_test(test_remove_queue_dpc),
        cmocka_unit_test(test_other_processor_runs_on_its_dpc_thread),
        cmocka_unit_test(test_requeue_from_own_routine),
        cmocka_unit_test(test_flush_queued_dpcs),
        cmocka_unit_test(test_io_request_dpc),
        cmocka_unit_test(test_dpc_lowering_irql_is_a_bug_check),
        cmocka_unit_test(test_dpc_returning_raised_is_a_bug_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
