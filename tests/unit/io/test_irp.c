/*
 * test_irp.c - IRP mechanics inside the kernel (io-semantics 1.A, 1.B):
 * allocation fields, IoCallDriver stepping, completion walking up with
 * CurrentLocation advanced before each routine, the originator's routine
 * seeing a NULL device, SL_INVOKE_* selection, STATUS_MORE_PROCESSING_REQUIRED,
 * PendingReturned, device stacks, and IoBuild* requests with an event.
 */
#include "ntk_test.h"
#include <internal/io.h>
#include <ntk/ntk.h>

/* wdm.h's name for what lets completion go on up the stack. */
_Static_assert(STATUS_CONTINUE_COMPLETION == STATUS_SUCCESS, "STATUS_CONTINUE_COMPLETION");

static DRIVER_OBJECT driver;
static PDEVICE_OBJECT lower, upper;
static NTSTATUS lower_status;
static BOOLEAN lower_pends;
static PIRP pended_irp;
#define KEEP 0x100
static int order[8], order_count;
static CHAR seen_location[8];
static PDEVICE_OBJECT seen_device[8];

static NTSTATUS dispatch(PDEVICE_OBJECT device, PIRP irp)
{
    if (device == upper) {
        IoCopyCurrentIrpStackLocationToNext(irp);
        return IoCallDriver(lower, irp);
    }
    if (lower_pends) {
        IoMarkIrpPending(irp);
        pended_irp = irp;
        return STATUS_PENDING;
    }
    irp->IoStatus.Status = lower_status;
    irp->IoStatus.Information = 3;
    IoCompleteRequest(irp, IO_NO_INCREMENT);
    return lower_status;
}

static NTSTATUS record(PDEVICE_OBJECT device, PIRP irp, PVOID context)
{
    int n = order_count++;
    order[n] = (int)((ULONG_PTR)context & 0xFF);
    seen_location[n] = irp->CurrentLocation;
    seen_device[n] = device;
    /* Context with KEEP set: the IRP is the caller's to free afterwards. */
    return ((ULONG_PTR)context & KEEP) ? STATUS_MORE_PROCESSING_REQUIRED : STATUS_SUCCESS;
}

static NTSTATUS stop_completion(PDEVICE_OBJECT device, PIRP irp, PVOID context)
{
    *(int *)context += 1;
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static int setup(void **state)
{
    driver.Type = IO_TYPE_DRIVER;
    for (int i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        driver.MajorFunction[i] = dispatch;
    if (!NT_SUCCESS(IoCreateDevice(&driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &lower)) ||
        !NT_SUCCESS(IoCreateDevice(&driver, 16, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &upper)))
        return -1;
    return IoAttachDeviceToDeviceStack(upper, lower) == lower ? 0 : -1;
}

static void reset(void)
{
    order_count = 0;
    lower_status = STATUS_SUCCESS;
    lower_pends = FALSE;
    pended_irp = NULL;
}

static void test_allocate_fields(void **state)
{
    PIRP irp = IoAllocateIrp(1, FALSE);
    assert_int_equal(irp->Type, IO_TYPE_IRP);
    assert_int_equal(irp->StackCount, 1);
    assert_int_equal(irp->CurrentLocation, 2);
    assert_int_equal(irp->AllocationFlags, IRP_ALLOCATED_FIXED_SIZE);
    assert_ptr_equal(IoGetCurrentIrpStackLocation(irp), (PIO_STACK_LOCATION)(irp + 1) + 1);
    assert_true(IsListEmpty(&irp->ThreadListEntry));
    assert_true(irp->Size >= sizeof(IRP) + sizeof(IO_STACK_LOCATION));
    IoFreeIrp(irp);
    irp = IoAllocateIrp(2, TRUE);
    assert_int_equal(irp->AllocationFlags & (IRP_ALLOCATED_FIXED_SIZE | IRP_LOOKASIDE_ALLOCATION),
                     IRP_ALLOCATED_FIXED_SIZE | IRP_LOOKASIDE_ALLOCATION);
    IoFreeIrp(irp);
}

static void test_stack_sizes(void **state)
{
    assert_int_equal(lower->StackSize, 1);
    assert_int_equal(upper->StackSize, 2);
    assert_ptr_equal(lower->AttachedDevice, upper);
    assert_ptr_equal(IoGetAttachedDevice(lower), upper);
    assert_int_equal(upper->Type, IO_TYPE_DEVICE);
    assert_int_equal(upper->DeviceObjectExtension->Type, IO_TYPE_DEVICE_OBJECT_EXTENSION);
    assert_true(upper->Flags & DO_DEVICE_INITIALIZING);
    assert_non_null(upper->DeviceExtension);
    assert_null(lower->DeviceExtension);
}

static void test_completion_walks_up_with_locations(void **state)
{
    reset();
    PIRP irp = IoAllocateIrp(upper->StackSize + 1, FALSE);
    IoSetNextIrpStackLocation(irp); /* the originator's own location */
    PIO_STACK_LOCATION own = IoGetCurrentIrpStackLocation(irp);
    own->DeviceObject = NULL;
    IoSetCompletionRoutine(irp, record, (PVOID)(1 | KEEP), TRUE, TRUE, TRUE);
    IoGetNextIrpStackLocation(irp)->MajorFunction = IRP_MJ_FLUSH_BUFFERS;
    assert_int_equal(IoCallDriver(upper, irp), STATUS_SUCCESS);
    assert_int_equal(order_count, 1);
    assert_int_equal(order[0], 1);
    /* The routine ran with CurrentLocation already advanced past upper's
     * location, onto the originator's own. */
    assert_int_equal(seen_location[0], 3);
    IoFreeIrp(irp);
}

static NTSTATUS upper_with_routine(PDEVICE_OBJECT device, PIRP irp)
{
    if (device != upper)
        return dispatch(device, irp);
    IoCopyCurrentIrpStackLocationToNext(irp);
    IoSetCompletionRoutine(irp, record, (PVOID)2, TRUE, TRUE, TRUE);
    return IoCallDriver(lower, irp);
}

static void test_originator_routine_sees_null_device(void **state)
{
    reset();
    driver.MajorFunction[IRP_MJ_READ] = upper_with_routine;
    PIRP irp = IoAllocateIrp(upper->StackSize, FALSE);
    IoSetCompletionRoutine(irp, record, (PVOID)(1 | KEEP), TRUE, TRUE, TRUE);
    IoGetNextIrpStackLocation(irp)->MajorFunction = IRP_MJ_READ;
    assert_int_equal(IoCallDriver(upper, irp), STATUS_SUCCESS);
    assert_int_equal(order_count, 2);
    assert_int_equal(order[0], 2); /* the upper driver's routine first */
    assert_ptr_equal(seen_device[0], upper);
    assert_int_equal(seen_location[0], 2);
    assert_int_equal(order[1], 1); /* then the originator's */
    assert_null(seen_device[1]);
    assert_int_equal(seen_location[1], 3);
    driver.MajorFunction[IRP_MJ_READ] = dispatch;
    IoFreeIrp(irp);
}

static void test_invoke_flags_select_routines(void **state)
{
    static const struct {
        NTSTATUS status;
        BOOLEAN success, error;
        int expected;
    } cases[] = {
        {STATUS_SUCCESS, TRUE, FALSE, 1},   {STATUS_SUCCESS, FALSE, TRUE, 0},
        {STATUS_UNSUCCESSFUL, FALSE, TRUE, 1}, {STATUS_UNSUCCESSFUL, TRUE, FALSE, 0},
        {STATUS_BUFFER_OVERFLOW, FALSE, TRUE, 1},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(cases); i++) {
        reset();
        lower_status = cases[i].status;
        PIRP irp = IoAllocateIrp(lower->StackSize, FALSE);
        IoSetCompletionRoutine(irp, record, (PVOID)(9 | KEEP), cases[i].success, cases[i].error, FALSE);
        IoGetNextIrpStackLocation(irp)->MajorFunction = IRP_MJ_FLUSH_BUFFERS;
        IoCallDriver(lower, irp);
        assert_int_equal(order_count, cases[i].expected);
        if (cases[i].expected)
            IoFreeIrp(irp); /* else completion ran to the end and freed it */
    }
}

static void test_more_processing_required_stops_completion(void **state)
{
    reset();
    int calls = 0;
    PIRP irp = IoAllocateIrp(lower->StackSize, FALSE);
    IoSetCompletionRoutine(irp, stop_completion, &calls, TRUE, TRUE, TRUE);
    IoGetNextIrpStackLocation(irp)->MajorFunction = IRP_MJ_FLUSH_BUFFERS;
    assert_int_equal(IoCallDriver(lower, irp), STATUS_SUCCESS);
    assert_int_equal(calls, 1);
    assert_int_equal(irp->Type, IO_TYPE_IRP); /* not freed */
    assert_int_equal(irp->IoStatus.Information, 3);
    assert_int_equal(irp->CurrentLocation, 2);
    IoReuseIrp(irp, STATUS_SUCCESS);
    assert_int_equal(irp->CurrentLocation, lower->StackSize + 1);
    assert_int_equal(irp->AllocationFlags, IRP_ALLOCATED_FIXED_SIZE);
    IoFreeIrp(irp);
}

static NTSTATUS check_pending(PDEVICE_OBJECT device, PIRP irp, PVOID context)
{
    *(BOOLEAN *)context = irp->PendingReturned;
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static void test_pending_returned_reaches_the_routine(void **state)
{
    reset();
    lower_pends = TRUE;
    BOOLEAN pending = FALSE;
    PIRP irp = IoAllocateIrp(lower->StackSize, FALSE);
    IoSetCompletionRoutine(irp, check_pending, &pending, TRUE, TRUE, TRUE);
    IoGetNextIrpStackLocation(irp)->MajorFunction = IRP_MJ_FLUSH_BUFFERS;
    assert_int_equal(IoCallDriver(lower, irp), STATUS_PENDING);
    assert_ptr_equal(pended_irp, irp);
    assert_int_equal(irp->CurrentLocation, 1);
    assert_false(irp->PendingReturned);
    irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(irp, IO_NO_INCREMENT);
    assert_true(pending);
    IoFreeIrp(irp);
}

static void test_build_ioctl_with_event(void **state)
{
    reset();
    lower_status = STATUS_UNSUCCESSFUL;
    KEVENT event;
    IO_STATUS_BLOCK iosb = {.Status = 12345, .Information = 99};
    char in[8] = "in", out[8] = "";
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    PIRP irp = IoBuildDeviceIoControlRequest(CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS),
                                             upper, in, sizeof in, out, sizeof out, FALSE, &event, &iosb);
    assert_non_null(irp);
    assert_int_equal(IoGetNextIrpStackLocation(irp)->MajorFunction, IRP_MJ_DEVICE_CONTROL);
    assert_non_null(irp->AssociatedIrp.SystemBuffer);
    /* The caller's block is not touched until completion. */
    assert_int_equal(iosb.Status, 12345);
    assert_int_equal(IoCallDriver(upper, irp), STATUS_UNSUCCESSFUL);
    /* A kernel caller gets its status block and event even for errors. */
    assert_int_equal(iosb.Status, STATUS_UNSUCCESSFUL);
    assert_int_equal(iosb.Information, 3);
    assert_int_equal(KeReadStateEvent(&event), 1);
}

static void test_completing_twice_is_a_bug_check(void **state)
{
    /* Checked in a child: the first completion runs to the end (the IRP goes
     * back to the I/O manager); the second must not return. */
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        PIRP irp = IoAllocateIrp(1, FALSE);
        IoSetNextIrpStackLocation(irp);
        irp->IoStatus.Status = STATUS_SUCCESS;
        IoCompleteRequest(irp, IO_NO_INCREMENT);
        IoCompleteRequest(irp, IO_NO_INCREMENT);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 200);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_allocate_fields),
        cmocka_unit_test(test_stack_sizes),
        cmocka_unit_test(test_completion_walks_up_with_locations),
        cmocka_unit_test(test_originator_routine_sees_null_device),
        cmocka_unit_test(test_invoke_flags_select_routines),
        cmocka_unit_test(test_more_processing_required_stops_completion),
        cmocka_unit_test(test_pending_returned_reaches_the_routine),
        cmocka_unit_test(test_build_ioctl_with_event),
        cmocka_unit_test(test_completing_twice_is_a_bug_check),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
