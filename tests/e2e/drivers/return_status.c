/*
 * return_status.c - a test driver that completes each I/O control request
 * with the status its caller names (return_status.h).
 *
 * It is the kernel half of the tests of what DeviceIoControl reports for
 * each class of NTSTATUS and each transfer method (io-semantics 1.D.29-31,
 * 1.E.35, 1.H.51, 2.1-2.2). The driver always writes the same six bytes
 * before completing, so the application can see which of them the I/O
 * manager let through to its buffer.
 */
#include <ntddk.h>

#include "return_status.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD ReturnStatus_Unload;

_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE)
DRIVER_DISPATCH ReturnStatus_CreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH ReturnStatus_DeviceControl;

IO_WORKITEM_ROUTINE ReturnStatus_CompleteLaterWork;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, ReturnStatus_Unload)
#pragma alloc_text(PAGE, ReturnStatus_CreateClose)
#pragma alloc_text(PAGE, ReturnStatus_DeviceControl)
#pragma alloc_text(PAGE, ReturnStatus_CompleteLaterWork)
#endif

static NTSTATUS ReturnStatus_Complete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

/*
 * Writes "ghijkl" through the code's transfer method and completes the IRP
 * with the caller's {IoStatus, Information}; returns ReturnStatus, which
 * may differ from IoStatus on purpose, or STATUS_PENDING after marking the
 * IRP pending.
 */
static NTSTATUS ReturnStatus_CompleteAsAsked(PIRP Irp, PIO_STACK_LOCATION Stack)
{
    ULONG method = METHOD_FROM_CTL_CODE(Stack->Parameters.DeviceIoControl.IoControlCode);
    RETURN_STATUS_REQUEST request;
    PVOID input;
    PVOID output;

    if (method == METHOD_NEITHER) {
        input = Stack->Parameters.DeviceIoControl.Type3InputBuffer;
        output = Irp->UserBuffer;
    } else if (method == METHOD_BUFFERED) {
        input = Irp->AssociatedIrp.SystemBuffer;
        output = Irp->AssociatedIrp.SystemBuffer;
    } else {
        input = Irp->AssociatedIrp.SystemBuffer;
        output = Irp->MdlAddress != NULL
                     ? MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority)
                     : NULL;
    }

    if (Stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(request) ||
        Stack->Parameters.DeviceIoControl.OutputBufferLength < RETURN_STATUS_OUTPUT_SIZE ||
        input == NULL || output == NULL) {
        return ReturnStatus_Complete(Irp, STATUS_INVALID_PARAMETER, 0);
    }

    /* Take the request before writing the output: with METHOD_BUFFERED both
     * share one buffer, and with METHOD_NEITHER both are the caller's own
     * memory, touched only under __try. */
    __try {
        if (method == METHOD_NEITHER) {
            ProbeForRead(input, sizeof(request), sizeof(UCHAR));
            ProbeForWrite(output, RETURN_STATUS_OUTPUT_SIZE, sizeof(UCHAR));
        }
        RtlCopyMemory(&request, input, sizeof(request));
        RtlCopyMemory(output, RETURN_STATUS_OUTPUT, RETURN_STATUS_OUTPUT_SIZE);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return ReturnStatus_Complete(Irp, GetExceptionCode(), 0);
    }

    if (request.Pend) {
        /* The classic pattern: mark pending, complete, return STATUS_PENDING.
         * The caller then sees the final IoStatus.Status. */
        IoMarkIrpPending(Irp);
        ReturnStatus_Complete(Irp, request.IoStatus, request.Information);
        return STATUS_PENDING;
    }

    ReturnStatus_Complete(Irp, request.IoStatus, request.Information);
    return request.ReturnStatus;
}

/* Pends the IRP and completes it later from a work item (io-semantics
 * 1.H.51): the synchronous caller must wait for the final status. */
static NTSTATUS ReturnStatus_CompleteLater(PDEVICE_OBJECT DeviceObject, PIRP Irp,
                                           PIO_STACK_LOCATION Stack)
{
    PIO_WORKITEM workItem;

    if (Irp->AssociatedIrp.SystemBuffer == NULL ||
        Stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(COMPLETE_LATER_REQUEST)) {
        return ReturnStatus_Complete(Irp, STATUS_INVALID_PARAMETER, 0);
    }

    workItem = IoAllocateWorkItem(DeviceObject);
    if (workItem == NULL) {
        return ReturnStatus_Complete(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
    }

    /* The driver owns the IRP until it completes it, so its DriverContext
     * can carry the work item to the work routine. */
    Irp->Tail.Overlay.DriverContext[0] = workItem;
    IoMarkIrpPending(Irp);
    IoQueueWorkItem(workItem, ReturnStatus_CompleteLaterWork, DelayedWorkQueue, Irp);
    return STATUS_PENDING;
}

VOID ReturnStatus_CompleteLaterWork(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PIRP irp = Context;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(irp);
    PIO_WORKITEM workItem = irp->Tail.Overlay.DriverContext[0];
    COMPLETE_LATER_REQUEST request;
    LARGE_INTEGER delay;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    RtlCopyMemory(&request, irp->AssociatedIrp.SystemBuffer, sizeof(request));

    delay.QuadPart = -(LONGLONG)request.DelayMs * 10000; /* relative, 100 ns units */
    KeDelayExecutionThread(KernelMode, FALSE, &delay);

    if (stack->Parameters.DeviceIoControl.OutputBufferLength >= RETURN_STATUS_LATE_OUTPUT_SIZE) {
        RtlCopyMemory(irp->AssociatedIrp.SystemBuffer, RETURN_STATUS_LATE_OUTPUT,
                      RETURN_STATUS_LATE_OUTPUT_SIZE);
    }
    ReturnStatus_Complete(irp, request.Status, request.Information);

    /* A work routine may free its own work item. */
    IoFreeWorkItem(workItem);
}

NTSTATUS ReturnStatus_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);

    PAGED_CODE();

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_RETURN_STATUS_BUFFERED:
    case IOCTL_RETURN_STATUS_OUT_DIRECT:
    case IOCTL_RETURN_STATUS_NEITHER:
        return ReturnStatus_CompleteAsAsked(Irp, stack);
    case IOCTL_RETURN_STATUS_COMPLETE_LATER:
        return ReturnStatus_CompleteLater(DeviceObject, Irp, stack);
    default:
        return ReturnStatus_Complete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

NTSTATUS ReturnStatus_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    return ReturnStatus_Complete(Irp, STATUS_SUCCESS, 0);
}

VOID ReturnStatus_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING linkName;

    PAGED_CODE();

    RtlInitUnicodeString(&linkName, RETURN_STATUS_LINK_NAME);
    IoDeleteSymbolicLink(&linkName);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING deviceName;
    UNICODE_STRING linkName;
    PDEVICE_OBJECT device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&deviceName, RETURN_STATUS_DEVICE_NAME);
    status = IoCreateDevice(DriverObject, 0, &deviceName, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    RtlInitUnicodeString(&linkName, RETURN_STATUS_LINK_NAME);
    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = ReturnStatus_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = ReturnStatus_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ReturnStatus_DeviceControl;
    DriverObject->DriverUnload = ReturnStatus_Unload;
    return STATUS_SUCCESS;
}
