/*
 * test_startio.c - the I/O manager's device queue (io-semantics 1.J items
 * 63-64, 1.K items 66-67): IoStartPacket calls StartIo at DISPATCH_LEVEL
 * for an idle device and queues otherwise; a queued, already cancelled IRP
 * has its cancel routine called at once; NonCancelable drops the cancel
 * routine before StartIo; IoStartNextPacket(ByKey) dequeues in order and
 * leaves the device idle with CurrentIrp NULL; DeferredStartIo turns a
 * recursive IoStartNextPacket into a loop.
 */
#include "ntk_test.h"
#include <internal/io.h>
#include <ntk/ntk.h>

static DRIVER_OBJECT driver;
static PDEVICE_OBJECT device;

#define MAX_STARTS 16
static PIRP started[MAX_STARTS];
static KIRQL started_irql[MAX_STARTS];
static PIRP started_current[MAX_STARTS];
static PDRIVER_CANCEL started_cancel[MAX_STARTS];
static int starts, depth, max_depth;
static BOOLEAN chain; /* StartIo completes its IRP and starts the next */
static int completed;

static int cancels;
static KIRQL cancel_irql_seen, cancel_saved_irql;

static VOID cancel_queued(PDEVICE_OBJECT dev, PIRP irp)
{
    cancels++;
    cancel_irql_seen = KeGetCurrentIrql();
    cancel_saved_irql = irp->CancelIrql;
    /* The classic StartIo cancel routine: the current IRP belongs to
     * StartIo; a queued one is taken out of the device queue. */
    BOOLEAN queued = KeRemoveEntryDeviceQueue(&dev->DeviceQueue, &irp->Tail.Overlay.DeviceQueueEntry);
    IoReleaseCancelSpinLock(irp->CancelIrql);
    if (queued) {
        irp->IoStatus.Status = STATUS_CANCELLED;
        irp->IoStatus.Information = 0;
        IoCompleteRequest(irp, IO_NO_INCREMENT);
        completed++;
    }
}

static VOID start_io(PDEVICE_OBJECT dev, PIRP irp)
{
    int n = starts++;
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    if (n < MAX_STARTS) {
        started[n] = irp;
        started_irql[n] = KeGetCurrentIrql();
        started_current[n] = dev->CurrentIrp;
        started_cancel[n] = irp->CancelRoutine;
    }
    if (chain) {
        IoSetCancelRoutine(irp, NULL);
        irp->IoStatus.Status = STATUS_SUCCESS;
        IoCompleteRequest(irp, IO_NO_INCREMENT);
        completed++;
        IoStartNextPacket(dev, FALSE);
    }
    depth--;
}

static int setup_one(void **state)
{
    (void)state;
    driver.Type = IO_TYPE_DRIVER;
    driver.DriverStartIo = start_io;
    memset(started, 0, sizeof started);
    starts = depth = max_depth = completed = cancels = 0;
    chain = FALSE;
    return NT_SUCCESS(IoCreateDevice(&driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &device)) ? 0 : -1;
}

static int teardown_one(void **state)
{
    (void)state;
    IoDeleteDevice(device);
    return 0;
}

static PIRP new_irp(void)
{
    PIRP irp = IoAllocateIrp(1, FALSE);
    IoSetNextIrpStackLocation(irp);
    IoGetCurrentIrpStackLocation(irp)->DeviceObject = device;
    return irp;
}

static void complete(PIRP irp)
{
    IoSetCancelRoutine(irp, NULL);
    irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(irp, IO_NO_INCREMENT);
}

/* From a DPC-like context, as drivers call it. */
static void start_next(BOOLEAN cancelable)
{
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    IoStartNextPacket(device, cancelable);
    KeLowerIrql(old);
}

static void test_idle_device_starts_at_dispatch(void **state)
{
    (void)state;
    PIRP irp = new_irp();
    IoStartPacket(device, irp, NULL, NULL);
    assert_int_equal(starts, 1);
    assert_ptr_equal(started[0], irp);
    assert_int_equal(started_irql[0], DISPATCH_LEVEL);
    assert_ptr_equal(started_current[0], irp);
    assert_ptr_equal(device->CurrentIrp, irp);
    assert_true(device->DeviceQueue.Busy);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    complete(irp);
    start_next(FALSE);
    assert_null(device->CurrentIrp);
    assert_false(device->DeviceQueue.Busy);
}

static void test_busy_device_queues_in_order(void **state)
{
    (void)state;
    PIRP a = new_irp(), b = new_irp(), c = new_irp();
    IoStartPacket(device, a, NULL, NULL);
    IoStartPacket(device, b, NULL, NULL);
    IoStartPacket(device, c, NULL, NULL);
    assert_int_equal(starts, 1);
    assert_true(b->Tail.Overlay.DeviceQueueEntry.Inserted);
    complete(a);
    start_next(FALSE);
    assert_int_equal(starts, 2);
    assert_ptr_equal(started[1], b);
    assert_ptr_equal(device->CurrentIrp, b);
    assert_int_equal(started_irql[1], DISPATCH_LEVEL);
    complete(b);
    start_next(TRUE);
    assert_ptr_equal(started[2], c);
    complete(c);
    start_next(TRUE);
    assert_int_equal(starts, 3);
    assert_null(device->CurrentIrp);
    assert_false(device->DeviceQueue.Busy);
}

static void test_cancel_function_set_and_queued_irp_cancelled(void **state)
{
    (void)state;
    PIRP a = new_irp(), b = new_irp();
    IoStartPacket(device, a, NULL, cancel_queued);
    assert_ptr_equal(started_cancel[0], cancel_queued); /* cancelable device: kept */
    IoStartPacket(device, b, NULL, cancel_queued);
    assert_ptr_equal(b->CancelRoutine, cancel_queued);
    assert_true(IoCancelIrp(b));
    assert_int_equal(cancels, 1);
    assert_int_equal(completed, 1);
    complete(a);
    start_next(TRUE);
    assert_int_equal(starts, 1); /* b was never started */
    assert_false(device->DeviceQueue.Busy);
}

static void test_already_cancelled_queued_irp_cancelled_at_once(void **state)
{
    (void)state;
    PIRP a = new_irp(), b = new_irp();
    IoStartPacket(device, a, NULL, cancel_queued);
    b->Cancel = TRUE;
    IoStartPacket(device, b, NULL, cancel_queued);
    assert_int_equal(cancels, 1);
    assert_int_equal(completed, 1);
    assert_int_equal(cancel_irql_seen, DISPATCH_LEVEL);
    assert_int_equal(cancel_saved_irql, DISPATCH_LEVEL); /* IoStartPacket had raised */
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    complete(a);
    start_next(TRUE);
    assert_int_equal(starts, 1);
}

static void test_cancelled_irp_on_idle_device_still_started(void **state)
{
    (void)state;
    /* Only a queued IRP is cancelled by IoStartPacket; an idle device's
     * StartIo gets the IRP and sees Cancel itself. */
    PIRP a = new_irp();
    a->Cancel = TRUE;
    IoStartPacket(device, a, NULL, cancel_queued);
    assert_int_equal(starts, 1);
    assert_int_equal(cancels, 0);
    complete(a);
    start_next(TRUE);
}

static void test_noncancelable_drops_cancel_routine(void **state)
{
    (void)state;
    IoSetStartIoAttributes(device, FALSE, TRUE);
    assert_true(IopDeviceExtension(device)->ExtensionFlags & DOE_STARTIO_NO_CANCEL);
    PIRP a = new_irp(), b = new_irp();
    IoStartPacket(device, a, NULL, cancel_queued);
    assert_null(started_cancel[0]);
    IoStartPacket(device, b, NULL, cancel_queued);
    assert_ptr_equal(b->CancelRoutine, cancel_queued); /* still cancelable while queued */
    complete(a);
    start_next(TRUE);
    assert_ptr_equal(started[1], b);
    assert_null(started_cancel[1]);
    complete(b);
    start_next(TRUE);
}

static void test_keys_order_packets(void **state)
{
    (void)state;
    PIRP a = new_irp(), k30 = new_irp(), k10 = new_irp(), k20 = new_irp();
    ULONG key;
    key = 0;
    IoStartPacket(device, a, &key, NULL);
    key = 30;
    IoStartPacket(device, k30, &key, NULL);
    key = 10;
    IoStartPacket(device, k10, &key, NULL);
    key = 20;
    IoStartPacket(device, k20, &key, NULL);
    complete(a);
    start_next(FALSE);
    assert_ptr_equal(device->CurrentIrp, k10);
    complete(k10);
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    IoStartNextPacketByKey(device, FALSE, 25);
    KeLowerIrql(old);
    assert_ptr_equal(device->CurrentIrp, k30);
    complete(k30);
    start_next(FALSE);
    assert_ptr_equal(device->CurrentIrp, k20);
    complete(k20);
    start_next(FALSE);
    assert_int_equal(starts, 4);
    assert_false(device->DeviceQueue.Busy);
}

static void queue_chain(PIRP irps[4])
{
    for (int i = 0; i < 4; i++)
        irps[i] = new_irp();
    IoStartPacket(device, irps[0], NULL, NULL);
    for (int i = 1; i < 4; i++)
        IoStartPacket(device, irps[i], NULL, NULL);
    chain = TRUE;
    complete(irps[0]);
    start_next(FALSE);
}

static void test_start_next_inside_startio_recurses(void **state)
{
    (void)state;
    PIRP irps[4];
    queue_chain(irps);
    assert_int_equal(starts, 4);
    assert_int_equal(max_depth, 3); /* each StartIo started the next from inside */
    assert_int_equal(completed, 3);
    assert_false(device->DeviceQueue.Busy);
}

static void test_deferred_startio_does_not_recurse(void **state)
{
    (void)state;
    IoSetStartIoAttributes(device, TRUE, FALSE);
    assert_true(IopDeviceExtension(device)->ExtensionFlags & DOE_STARTIO_DEFERRED);
    PIRP irps[4];
    queue_chain(irps);
    assert_int_equal(starts, 4);
    assert_int_equal(max_depth, 1);
    for (int i = 1; i < 4; i++)
        assert_ptr_equal(started[i], irps[i]);
    assert_int_equal(completed, 3);
    assert_null(device->CurrentIrp);
    assert_false(device->DeviceQueue.Busy);
    assert_int_equal(IopDeviceExtension(device)->StartIoState, 0);
}

static void test_deferred_startio_from_start_packet(void **state)
{
    (void)state;
    /* StartIo entered from IoStartPacket calls IoStartNextPacket: with
     * DeferredStartIo the next packet starts after it returns. */
    IoSetStartIoAttributes(device, TRUE, FALSE);
    chain = TRUE;
    PIRP a = new_irp();
    IoStartPacket(device, a, NULL, NULL);
    assert_int_equal(starts, 1);
    assert_int_equal(completed, 1);
    assert_false(device->DeviceQueue.Busy);
    assert_int_equal(max_depth, 1);
}

static void start_packet_above_dispatch(void)
{
    PIRP irp = new_irp();
    KIRQL old;
    KeRaiseIrql(HIGH_LEVEL, &old);
    IoStartPacket(device, irp, NULL, NULL);
}

static void test_start_packet_above_dispatch_is_a_bug_check(void **state)
{
    (void)state;
    assert_int_equal(ntk_test_run_child_expecting(start_packet_above_dispatch, "IoStartPacket"), 200);
}

static void start_packet_without_startio(void)
{
    driver.DriverStartIo = NULL;
    IoStartPacket(device, new_irp(), NULL, NULL);
}

static void test_start_packet_without_startio_is_a_bug_check(void **state)
{
    (void)state;
    assert_int_equal(ntk_test_run_child_expecting(start_packet_without_startio, "no DriverStartIo"), 200);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup_one, teardown_one)

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        T(test_idle_device_starts_at_dispatch),
        T(test_busy_device_queues_in_order),
        T(test_cancel_function_set_and_queued_irp_cancelled),
        T(test_already_cancelled_queued_irp_cancelled_at_once),
        T(test_cancelled_irp_on_idle_device_still_started),
        T(test_noncancelable_drops_cancel_routine),
        T(test_keys_order_packets),
        T(test_start_next_inside_startio_recurses),
        T(test_deferred_startio_does_not_recurse),
        T(test_deferred_startio_from_start_packet),
        T(test_start_packet_above_dispatch_is_a_bug_check),
        T(test_start_packet_without_startio_is_a_bug_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
