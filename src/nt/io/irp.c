/*
 * irp.c - IRP allocation and initialisation, IoCallDriver and
 * IoCompleteRequest with completion routines.
 *
 * Rules reproduced (see docs/IO.md): completion walks up one location at a
 * time, advancing CurrentLocation before each routine runs; a finished
 * location is cleared before its routine is called; routines run by their
 * SL_INVOKE_* bits; STATUS_MORE_PROCESSING_REQUIRED stops completion; with no
 * routine the pending bit propagates upward.
 */
#include <internal/io.h>
#include <internal/ke_fp.h>

IOP_IRP_OBSERVER *volatile IopIrpObserver;

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoInitializeIrp(PIRP Irp, USHORT PacketSize, CCHAR StackSize)
{
    memset(Irp, 0, PacketSize);
    Irp->Type = IO_TYPE_IRP;
    Irp->Size = PacketSize;
    Irp->StackCount = StackSize;
    Irp->CurrentLocation = (CHAR)(StackSize + 1);
    InitializeListHead(&Irp->ThreadListEntry);
    Irp->Tail.Overlay.CurrentStackLocation = (PIO_STACK_LOCATION)(Irp + 1) + StackSize;
}

/* @implemented */
DECLSPEC_EXPORT PIRP NTAPI IoAllocateIrp(CCHAR StackSize, BOOLEAN ChargeQuota)
{
    return IopAllocateIrp(StackSize, ChargeQuota);
}

/* @implemented */
DECLSPEC_EXPORT PIRP NTAPI IoAllocateIrpEx(PDEVICE_OBJECT DeviceObject, CCHAR StackSize, BOOLEAN ChargeQuota)
{
    return IopAllocateIrp(StackSize, ChargeQuota);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoReuseIrp(PIRP Irp, NTSTATUS Iostatus)
{
    UCHAR flags = Irp->AllocationFlags;
    IoInitializeIrp(Irp, Irp->Size, Irp->StackCount);
    Irp->AllocationFlags = flags;
    Irp->IoStatus.Status = Iostatus;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS FASTCALL IofCallDriver(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PKTHREAD thread = KiThread();
    if (--Irp->CurrentLocation <= 0)
        KiBugCheckAt(NO_MORE_IRP_STACK_LOCATIONS, (ULONG_PTR)Irp, 0, 0, 0, NULL,
                     "IoCallDriver with no stack location left for the next driver");
    PIO_STACK_LOCATION sp = --Irp->Tail.Overlay.CurrentStackLocation;
    sp->DeviceObject = DeviceObject;
    IopNotifyIrp(IopIrpCallDriver, Irp, DeviceObject);
    KIRQL irql = thread->Irql;
    PDRIVER_DISPATCH dispatch = DeviceObject->DriverObject->MajorFunction[sp->MajorFunction];
    KI_FP_GUARD fp;
    KiFpGuardEnter(thread, &fp);
    NTSTATUS status = dispatch(DeviceObject, Irp);
    KiFpGuardLeave(thread, &fp, (const void *)dispatch, "dispatch routine");
    if (thread->Irql != irql)
        KiBugCheckAt(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x05, (ULONG_PTR)DeviceObject->DriverObject->MajorFunction[sp->MajorFunction],
                     irql, thread->Irql, NULL, "a dispatch routine returned at a different IRQL than it was called at");
    IopNotifyIrp(IopIrpDispatchReturned, Irp, (PVOID)(LONG_PTR)status);
    return status;
}

static void IopClearStackLocation(PIO_STACK_LOCATION sp)
{
    sp->MinorFunction = 0;
    sp->Flags = 0;
    sp->Control &= SL_ERROR_RETURNED;
    sp->Parameters.Others.Argument1 = NULL;
    sp->Parameters.Others.Argument2 = NULL;
    sp->Parameters.Others.Argument3 = NULL;
    sp->FileObject = NULL;
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL IofCompleteRequest(PIRP Irp, CCHAR PriorityBoost)
{
    if (Irp->Type != IO_TYPE_IRP || Irp->CurrentLocation > Irp->StackCount + 1)
        KiBugCheckAt(MULTIPLE_IRP_COMPLETE_REQUESTS, (ULONG_PTR)Irp, 0, 0, 0, NULL,
                     "IoCompleteRequest on an IRP that was already completed");
    /* Read atomically: a racing IoCancelIrp may write these fields (io/cancel.c). */
    if (__atomic_load_n(&Irp->CancelRoutine, __ATOMIC_RELAXED))
        KiBugCheckAt(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x07, (ULONG_PTR)Irp->CancelRoutine, (ULONG_PTR)Irp, 0,
                     NULL, "IoCompleteRequest on an IRP whose cancel routine is still set");
    IopNotifyIrp(IopIrpCompleted, Irp, NULL);

    while (Irp->CurrentLocation <= Irp->StackCount) {
        PIO_STACK_LOCATION sp = Irp->Tail.Overlay.CurrentStackLocation;
        UCHAR control = sp->Control;
        PIO_COMPLETION_ROUTINE routine = sp->CompletionRoutine;
        PVOID context = sp->Context;
        Irp->PendingReturned = (control & SL_PENDING_RETURNED) ? TRUE : FALSE;
        Irp->CurrentLocation++;
        Irp->Tail.Overlay.CurrentStackLocation++;
        IopClearStackLocation(sp);
        sp->CompletionRoutine = NULL;
        sp->Context = NULL;
        NTSTATUS status = Irp->IoStatus.Status;
        if (routine && ((NT_SUCCESS(status) && (control & SL_INVOKE_ON_SUCCESS)) ||
                        (!NT_SUCCESS(status) && (control & SL_INVOKE_ON_ERROR)) ||
                        (__atomic_load_n(&Irp->Cancel, __ATOMIC_RELAXED) && (control & SL_INVOKE_ON_CANCEL)))) {
            PDEVICE_OBJECT device = Irp->CurrentLocation <= Irp->StackCount
                                        ? Irp->Tail.Overlay.CurrentStackLocation->DeviceObject
                                        : NULL;
            IopNotifyIrp(IopIrpCompletionRoutine, Irp, (PVOID)routine);
            PKTHREAD thread = KiThread();
            KI_FP_GUARD fp;
            KiFpGuardEnter(thread, &fp);
            NTSTATUS routineStatus = routine(device, Irp, context);
            KiFpGuardLeave(thread, &fp, (const void *)routine, "completion routine");
            if (routineStatus == STATUS_MORE_PROCESSING_REQUIRED)
                return;
        } else if (Irp->PendingReturned && Irp->CurrentLocation <= Irp->StackCount) {
            IoMarkIrpPending(Irp);
        }
    }
    IopCompleteRequest(Irp);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoSetCompletionRoutineEx(PDEVICE_OBJECT DeviceObject, PIRP Irp,
                                                       PIO_COMPLETION_ROUTINE CompletionRoutine, PVOID Context,
                                                       BOOLEAN InvokeOnSuccess, BOOLEAN InvokeOnError,
                                                       BOOLEAN InvokeOnCancel)
{
    /* The Ex form exists so a driver may unload while the routine is set;
     * ntk unloads drivers only at the end of a run, so the plain form is
     * equivalent. */
    IoSetCompletionRoutine(Irp, CompletionRoutine, Context, InvokeOnSuccess, InvokeOnError, InvokeOnCancel);
    return STATUS_SUCCESS;
}

NTSTATUS IopInvalidDeviceRequest(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    Irp->IoStatus.Status = STATUS_INVALID_DEVICE_REQUEST;
    Irp->IoStatus.Information = 0;
    IofCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_INVALID_DEVICE_REQUEST;
}
