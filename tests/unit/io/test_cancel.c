/*
 * test_cancel.c - IRP cancellation (io-semantics 1.I items 54-56, 60; 1.B
 * item 13): IoCancelIrp always sets Cancel, calls the cancel routine once at
 * DISPATCH_LEVEL holding the cancel spin lock with CancelIrql set, and
 * returns whether it called one; IoSetCancelRoutine's return values; a
 * queued IRP's routine runs while its device-queue entry stays; completion
 * routines selected for a cancelled IRP; and the bug checks of the cancel
 * path (0x11B, 0x48, C9/0x07).
 */
#include "ntk_test.h"
#include <internal/io.h>
#include <ntk/ntk.h>

#define IOCTL_PEND CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)

static DRIVER_OBJECT driver;
static PDEVICE_OBJECT device;
static PIRP pended;

/* What the cancel routine saw. */
static int cancel_calls;
static PDEVICE_OBJECT cancel_device;
static KIRQL cancel_irql_seen, cancel_saved_irql;
static BOOLEAN cancel_flag_seen;
static PDRIVER_CANCEL cancel_routine_seen;
static BOOLEAN cancel_lock_held_seen;
static BOOLEAN cancel_completes;

static VOID cancel_routine(PDEVICE_OBJECT dev, PIRP irp)
{
    cancel_calls++;
    cancel_device = dev;
    cancel_irql_seen = KeGetCurrentIrql();
    cancel_saved_irql = irp->CancelIrql;
    cancel_flag_seen = irp->Cancel;
    cancel_routine_seen = irp->CancelRoutine;
    /* The lock is held: another thread could not take it, and this one
     * holds it (a try from here would be a self-deadlock report). */
    cancel_lock_held_seen = TRUE;
    IoReleaseCancelSpinLock(irp->CancelIrql);
    if (cancel_completes) {
        irp->IoStatus.Status = STATUS_CANCELLED;
        irp->IoStatus.Information = 0;
        IoCompleteRequest(irp, IO_NO_INCREMENT);
    }
}

static NTSTATUS dispatch(PDEVICE_OBJECT dev, PIRP irp)
{
    (void)dev;
    IoMarkIrpPending(irp);
    IoSetCancelRoutine(irp, cancel_routine);
    pended = irp;
    return STATUS_PENDING;
}

static int setup(void **state)
{
    (void)state;
    driver.Type = IO_TYPE_DRIVER;
    for (int i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        driver.MajorFunction[i] = dispatch;
    return NT_SUCCESS(IoCreateDevice(&driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &device)) ? 0 : -1;
}

static void reset(void)
{
    cancel_calls = 0;
    cancel_device = NULL;
    cancel_irql_seen = cancel_saved_irql = 0xFF;
    cancel_flag_seen = FALSE;
    cancel_routine_seen = (PDRIVER_CANCEL)1;
    cancel_lock_held_seen = FALSE;
    cancel_completes = FALSE;
    pended = NULL;
}

/* A one-location IRP at its first (driver's) location, as IoCallDriver
 * would leave it, without a driver. */
static PIRP irp_at_driver(void)
{
    PIRP irp = IoAllocateIrp(1, FALSE);
    IoSetNextIrpStackLocation(irp);
    IoGetCurrentIrpStackLocation(irp)->DeviceObject = device;
    return irp;
}

static void test_cancel_calls_routine_at_dispatch_with_lock(void **state)
{
    (void)state;
    reset();
    PIRP irp = irp_at_driver();
    IoSetCancelRoutine(irp, cancel_routine);
    assert_true(IoCancelIrp(irp));
    assert_int_equal(cancel_calls, 1);
    assert_ptr_equal(cancel_device, device);
    assert_int_equal(cancel_irql_seen, DISPATCH_LEVEL);
    assert_int_equal(cancel_saved_irql, PASSIVE_LEVEL); /* the caller's IRQL */
    assert_true(cancel_flag_seen);
    assert_null(cancel_routine_seen);
    assert_true(cancel_lock_held_seen);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    assert_true(irp->Cancel);
    assert_null(irp->CancelRoutine);
    IoFreeIrp(irp);
}

static void test_cancel_irql_saved_from_dispatch_caller(void **state)
{
    (void)state;
    reset();
    PIRP irp = irp_at_driver();
    IoSetCancelRoutine(irp, cancel_routine);
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    assert_true(IoCancelIrp(irp));
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    KeLowerIrql(old);
    assert_int_equal(cancel_saved_irql, DISPATCH_LEVEL);
    assert_int_equal(cancel_irql_seen, DISPATCH_LEVEL);
    IoFreeIrp(irp);
}

static void test_second_cancel_returns_false(void **state)
{
    (void)state;
    reset();
    PIRP irp = irp_at_driver();
    IoSetCancelRoutine(irp, cancel_routine);
    assert_true(IoCancelIrp(irp));
    assert_false(IoCancelIrp(irp));
    assert_int_equal(cancel_calls, 1);
    assert_true(irp->Cancel);
    IoFreeIrp(irp);
}

static void test_cancel_without_routine_sets_cancel(void **state)
{
    (void)state;
    reset();
    PIRP irp = irp_at_driver();
    assert_false(irp->Cancel);
    assert_false(IoCancelIrp(irp));
    assert_true(irp->Cancel);
    assert_int_equal(cancel_calls, 0);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    IoFreeIrp(irp);
}

static void test_set_cancel_routine_returns_previous(void **state)
{
    (void)state;
    reset();
    PIRP irp = irp_at_driver();
    assert_null(IoSetCancelRoutine(irp, cancel_routine));
    assert_ptr_equal(IoSetCancelRoutine(irp, cancel_routine), cancel_routine);
    assert_ptr_equal(IoSetCancelRoutine(irp, NULL), cancel_routine);
    assert_null(IoSetCancelRoutine(irp, NULL));
    /* A routine taken back is never called. */
    assert_false(IoCancelIrp(irp));
    assert_int_equal(cancel_calls, 0);
    /* Once cancellation took the routine, clearing it returns NULL. */
    IoSetCancelRoutine(irp, cancel_routine);
    cancel_calls = 0;
    irp->Cancel = FALSE;
    assert_true(IoCancelIrp(irp));
    assert_null(IoSetCancelRoutine(irp, NULL));
    IoFreeIrp(irp);
}

/* A pended request cancelled by its issuer: the driver's routine completes
 * it with STATUS_CANCELLED and Information 0, which reaches the caller. */
static void test_cancel_pended_ioctl_completes_cancelled(void **state)
{
    (void)state;
    reset();
    cancel_completes = TRUE;
    KEVENT event;
    IO_STATUS_BLOCK iosb = {.Status = 0x1234, .Information = 99};
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    PIRP irp = IoBuildDeviceIoControlRequest(IOCTL_PEND, device, NULL, 0, NULL, 0, FALSE, &event, &iosb);
    assert_non_null(irp);
    assert_int_equal(IoCallDriver(device, irp), STATUS_PENDING);
    assert_ptr_equal(pended, irp);
    assert_int_equal(KeReadStateEvent(&event), 0);
    assert_true(IoCancelIrp(irp));
    assert_int_equal(cancel_calls, 1);
    assert_ptr_equal(cancel_device, device);
    assert_int_equal(KeReadStateEvent(&event), 1);
    assert_int_equal(iosb.Status, STATUS_CANCELLED);
    assert_int_equal(iosb.Information, 0);
    assert_int_equal(RtlNtStatusToDosError(STATUS_CANCELLED), 995 /* ERROR_OPERATION_ABORTED */);
}

static int routine_calls[3];
static NTSTATUS count_routine(PDEVICE_OBJECT dev, PIRP irp, PVOID context)
{
    (void)dev, (void)irp;
    routine_calls[(ULONG_PTR)context]++;
    return STATUS_SUCCESS;
}
static NTSTATUS keep_routine(PDEVICE_OBJECT dev, PIRP irp, PVOID context)
{
    (void)dev, (void)irp, (void)context;
    return STATUS_MORE_PROCESSING_REQUIRED;
}

/* io-semantics 1.B item 13: a cancelled IRP completed with STATUS_CANCELLED
 * runs routines registered for (success, !error, cancel) and (success,
 * error, !cancel) but not (success, !error, !cancel). */
static void run_cancelled_with(BOOLEAN success, BOOLEAN error, BOOLEAN cancel, int slot)
{
    PIRP irp = IoAllocateIrp(2, FALSE);
    IoSetCompletionRoutine(irp, keep_routine, NULL, TRUE, TRUE, TRUE);
    IoSetNextIrpStackLocation(irp);
    IoSetCompletionRoutine(irp, count_routine, (PVOID)(ULONG_PTR)slot, success, error, cancel);
    IoSetNextIrpStackLocation(irp);
    IoGetCurrentIrpStackLocation(irp)->DeviceObject = device;
    IoSetCancelRoutine(irp, cancel_routine);
    assert_true(IoCancelIrp(irp));
    irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(irp, IO_NO_INCREMENT);
    IoFreeIrp(irp);
}

static void test_completion_routines_of_cancelled_irp(void **state)
{
    (void)state;
    reset();
    memset(routine_calls, 0, sizeof routine_calls);
    run_cancelled_with(TRUE, FALSE, TRUE, 0);
    run_cancelled_with(TRUE, TRUE, FALSE, 1);
    run_cancelled_with(TRUE, FALSE, FALSE, 2);
    assert_int_equal(routine_calls[0], 1);
    assert_int_equal(routine_calls[1], 1);
    assert_int_equal(routine_calls[2], 0);
}

/* io-semantics 1.I item 56: cancelling an IRP sitting in a KDEVICE_QUEUE
 * calls its routine; the entry stays queued until the driver removes it. */
static void test_cancel_irp_in_device_queue(void **state)
{
    (void)state;
    reset();
    KDEVICE_QUEUE queue;
    KeInitializeDeviceQueue(&queue);
    PIRP first = irp_at_driver(), second = irp_at_driver();
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    assert_false(KeInsertDeviceQueue(&queue, &first->Tail.Overlay.DeviceQueueEntry));
    second->Cancel = TRUE; /* insertion ignores Cancel */
    assert_true(KeInsertDeviceQueue(&queue, &second->Tail.Overlay.DeviceQueueEntry));
    KeLowerIrql(old);
    second->Cancel = FALSE;
    IoSetCancelRoutine(second, cancel_routine);
    assert_true(IoCancelIrp(second));
    assert_int_equal(cancel_calls, 1);
    assert_true(second->Tail.Overlay.DeviceQueueEntry.Inserted);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    assert_ptr_equal(KeRemoveDeviceQueue(&queue), &second->Tail.Overlay.DeviceQueueEntry);
    assert_null(KeRemoveDeviceQueue(&queue));
    KeLowerIrql(old);
    assert_false(queue.Busy);
    IoFreeIrp(first);
    IoFreeIrp(second);
}

/* ------------------------------------------------------------ bug checks */

static VOID cancel_keeps_lock(PDEVICE_OBJECT dev, PIRP irp)
{
    (void)dev, (void)irp;
}

static void returns_holding_cancel_lock(void)
{
    PIRP irp = irp_at_driver();
    IoSetCancelRoutine(irp, cancel_keeps_lock);
    IoCancelIrp(irp);
}

static void test_routine_returning_with_lock_is_0x11b(void **state)
{
    (void)state;
    assert_int_equal(
        ntk_test_run_child_expecting(returns_holding_cancel_lock, "DRIVER_RETURNED_HOLDING_CANCEL_LOCK (11b)"), 200);
}

static void routine_set_after_completion(void)
{
    PIRP irp = IoAllocateIrp(1, FALSE);
    IoSetNextIrpStackLocation(irp);
    IoGetCurrentIrpStackLocation(irp)->DeviceObject = device;
    irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(irp, IO_NO_INCREMENT); /* completed and freed (to the thread's IRP cache) */
    /* A driver still holding the pointer sets a routine on the dead IRP. */
    IoSetCancelRoutine(irp, cancel_routine);
    IoCancelIrp(irp);
}

static void test_cancel_routine_after_completion_is_0x48(void **state)
{
    (void)state;
    assert_int_equal(ntk_test_run_child_expecting(routine_set_after_completion, "CANCEL_STATE_IN_COMPLETED_IRP (48)"),
                     200);
}

static void complete_with_cancel_routine(void)
{
    PIRP irp = irp_at_driver();
    IoSetCancelRoutine(irp, cancel_routine);
    irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(irp, IO_NO_INCREMENT);
}

static void test_completing_with_cancel_routine_is_c9_07(void **state)
{
    (void)state;
    assert_int_equal(
        ntk_test_run_child_expecting(complete_with_cancel_routine, "DRIVER_VERIFIER_IOMANAGER_VIOLATION (c9)"), 200);
}

static void cancel_above_dispatch(void)
{
    PIRP irp = irp_at_driver();
    KIRQL old;
    KeRaiseIrql(HIGH_LEVEL, &old);
    IoCancelIrp(irp);
}

static void test_cancel_above_dispatch_is_a_bug_check(void **state)
{
    (void)state;
    assert_int_equal(ntk_test_run_child_expecting(cancel_above_dispatch, "IoCancelIrp"), 200);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cancel_calls_routine_at_dispatch_with_lock),
        cmocka_unit_test(test_cancel_irql_saved_from_dispatch_caller),
        cmocka_unit_test(test_second_cancel_returns_false),
        cmocka_unit_test(test_cancel_without_routine_sets_cancel),
        cmocka_unit_test(test_set_cancel_routine_returns_previous),
        cmocka_unit_test(test_cancel_pended_ioctl_completes_cancelled),
        cmocka_unit_test(test_completion_routines_of_cancelled_irp),
        cmocka_unit_test(test_cancel_irp_in_device_queue),
        cmocka_unit_test(test_routine_returning_with_lock_is_0x11b),
        cmocka_unit_test(test_cancel_routine_after_completion_is_0x48),
        cmocka_unit_test(test_completing_with_cancel_routine_is_c9_07),
        cmocka_unit_test(test_cancel_above_dispatch_is_a_bug_check),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
