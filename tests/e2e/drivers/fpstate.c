/*
 * fpstate.c - a test driver whose routines change the floating-point
 * rounding mode (fpstate.h): a dispatch routine and a work item that
 * forget to restore it, and a dispatch path that saves and restores it
 * properly with KeSaveExtendedProcessorState/KeSaveFloatingPointState.
 */
#include <ntddk.h>
#include <xmmintrin.h>

#include "fpstate.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD FpState_Unload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH FpState_CreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH FpState_DeviceControl;
IO_WORKITEM_ROUTINE FpState_Work;

static volatile double One = 1.0;
static volatile double Three = 3.0;

static NTSTATUS FpState_Complete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

static void FpState_SetRounding(unsigned int Mode)
{
    _mm_setcsr((_mm_getcsr() & ~FP_MXCSR_ROUNDING) | Mode);
}

static NTSTATUS FpState_SaveRestore(FP_STATE_REPLY *Reply)
{
    XSTATE_SAVE xstate;
    KFLOATING_SAVE floating;
    NTSTATUS status;

    status = KeSaveExtendedProcessorState(XSTATE_MASK_LEGACY, &xstate);
    if (!NT_SUCCESS(status))
        return status;
    status = KeSaveFloatingPointState(&floating);
    if (!NT_SUCCESS(status)) {
        KeRestoreExtendedProcessorState(&xstate);
        return status;
    }
    FpState_SetRounding(FP_MXCSR_ROUND_UP);
    Reply->Value1 = One / Three;
    KeRestoreFloatingPointState(&floating);
    Reply->Value2 = One / Three;
    FpState_SetRounding(FP_MXCSR_ROUND_DOWN);
    KeRestoreExtendedProcessorState(&xstate);
    Reply->Mxcsr = _mm_getcsr();
    return STATUS_SUCCESS;
}

VOID FpState_Work(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PIRP irp = Context;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(irp);
    PIO_WORKITEM workItem = irp->Tail.Overlay.DriverContext[0];
    FP_STATE_REPLY *reply = irp->AssociatedIrp.SystemBuffer;

    UNREFERENCED_PARAMETER(DeviceObject);
    RtlZeroMemory(reply, sizeof(*reply));
    reply->Mxcsr = _mm_getcsr();
    if (stack->Parameters.DeviceIoControl.IoControlCode == IOCTL_FP_STATE_WORK_ROUND_DOWN)
        FpState_SetRounding(FP_MXCSR_ROUND_DOWN);
    FpState_Complete(irp, STATUS_SUCCESS, sizeof(*reply));
    IoFreeWorkItem(workItem);
}

NTSTATUS FpState_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    FP_STATE_REPLY *reply = Irp->AssociatedIrp.SystemBuffer;
    PIO_WORKITEM workItem;
    NTSTATUS status;

    if (stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(FP_STATE_REPLY) || reply == NULL)
        return FpState_Complete(Irp, STATUS_BUFFER_TOO_SMALL, 0);

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_FP_STATE_LEAVE_ROUND_UP:
        RtlZeroMemory(reply, sizeof(*reply));
        reply->Mxcsr = _mm_getcsr();
        FpState_SetRounding(FP_MXCSR_ROUND_UP);
        return FpState_Complete(Irp, STATUS_SUCCESS, sizeof(*reply));
    case IOCTL_FP_STATE_SAVE_RESTORE:
        RtlZeroMemory(reply, sizeof(*reply));
        status = FpState_SaveRestore(reply);
        return FpState_Complete(Irp, status, NT_SUCCESS(status) ? sizeof(*reply) : 0);
    case IOCTL_FP_STATE_WORK_ROUND_DOWN:
    case IOCTL_FP_STATE_WORK_QUERY:
        workItem = IoAllocateWorkItem(DeviceObject);
        if (workItem == NULL)
            return FpState_Complete(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
        Irp->Tail.Overlay.DriverContext[0] = workItem;
        IoMarkIrpPending(Irp);
        IoQueueWorkItem(workItem, FpState_Work, DelayedWorkQueue, Irp);
        return STATUS_PENDING;
    default:
        return FpState_Complete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

NTSTATUS FpState_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return FpState_Complete(Irp, STATUS_SUCCESS, 0);
}

VOID FpState_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING linkName;

    RtlInitUnicodeString(&linkName, FP_STATE_LINK_NAME);
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

    RtlInitUnicodeString(&deviceName, FP_STATE_DEVICE_NAME);
    status = IoCreateDevice(DriverObject, 0, &deviceName, FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE,
                            &device);
    if (!NT_SUCCESS(status))
        return status;
    RtlInitUnicodeString(&linkName, FP_STATE_LINK_NAME);
    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = FpState_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = FpState_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = FpState_DeviceControl;
    DriverObject->DriverUnload = FpState_Unload;
    return STATUS_SUCCESS;
}
