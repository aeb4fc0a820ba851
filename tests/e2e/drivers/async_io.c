/*
 * async_io.c - a test driver that pends requests and completes them later
 * from a timer DPC, with cancel routines (async_io.h).
 *
 * Pending IRPs sit on one list guarded by a spin lock. Each has a cancel
 * routine (unless the request asked for none); whoever takes an IRP off the
 * list first - the DPC when it is due, the cancel routine, or IRP_MJ_CLEANUP
 * for its file object - completes it, and only that one, the usual
 * IoSetCancelRoutine(Irp, NULL) handshake deciding between the DPC/cleanup
 * and a cancel in progress.
 */
#include <ntddk.h>

#include "async_io.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD AsyncIo_Unload;
DRIVER_DISPATCH AsyncIo_CreateClose;
DRIVER_DISPATCH AsyncIo_Cleanup;
DRIVER_DISPATCH AsyncIo_DeviceControl;
DRIVER_DISPATCH AsyncIo_Read;
DRIVER_DISPATCH AsyncIo_Write;
DRIVER_CANCEL AsyncIo_Cancel;
KDEFERRED_ROUTINE AsyncIo_TimerDpc;

static KSPIN_LOCK AsyncIoLock;
static LIST_ENTRY AsyncIoPending;
static KTIMER AsyncIoTimer;
static KDPC AsyncIoDpc;
static ASYNC_IO_STATS AsyncIoStats;

/* Per pended IRP, in DriverContext: [0] due time (interrupt time, 100 ns;
 * 0: never), [1] status, [2] information, [3] whether it has a cancel
 * routine. */
#define DUE(irp) (*(ULONGLONG *)&(irp)->Tail.Overlay.DriverContext[0])
#define LATE_STATUS(irp) (*(NTSTATUS *)&(irp)->Tail.Overlay.DriverContext[1])
#define LATE_INFO(irp) (*(ULONG_PTR *)&(irp)->Tail.Overlay.DriverContext[2])
#define CANCELLABLE(irp) (*(ULONG_PTR *)&(irp)->Tail.Overlay.DriverContext[3])

static NTSTATUS AsyncIo_Complete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    InterlockedIncrement(&AsyncIoStats.Completed);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

/* Queues Irp (already marked pending) to be completed after DelayMs. */
static void AsyncIo_Pend(PIRP Irp, ULONG DelayMs, NTSTATUS Status, ULONG_PTR Information, BOOLEAN Cancellable)
{
    KIRQL irql;
    DUE(Irp) = DelayMs == ASYNC_IO_FOREVER ? 0 : KeQueryInterruptTime() + (ULONGLONG)DelayMs * 10000;
    LATE_STATUS(Irp) = Status;
    LATE_INFO(Irp) = Information;
    CANCELLABLE(Irp) = Cancellable;
    InterlockedIncrement(&AsyncIoStats.Pending);
    KeAcquireSpinLock(&AsyncIoLock, &irql);
    InsertTailList(&AsyncIoPending, &Irp->Tail.Overlay.ListEntry);
    if (Cancellable) {
        IoSetCancelRoutine(Irp, AsyncIo_Cancel);
        if (Irp->Cancel && IoSetCancelRoutine(Irp, NULL) != NULL) {
            /* Cancelled before the routine was set: complete it now. */
            RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
            KeReleaseSpinLock(&AsyncIoLock, irql);
            InterlockedDecrement(&AsyncIoStats.Pending);
            AsyncIo_Complete(Irp, STATUS_CANCELLED, 0);
            return;
        }
    }
    KeReleaseSpinLock(&AsyncIoLock, irql);
}

VOID AsyncIo_Cancel(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL irql;
    UNREFERENCED_PARAMETER(DeviceObject);
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    InterlockedIncrement(&AsyncIoStats.CancelRoutineCalls);
    KeAcquireSpinLock(&AsyncIoLock, &irql);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&AsyncIoLock, irql);
    InterlockedDecrement(&AsyncIoStats.Pending);
    AsyncIo_Complete(Irp, STATUS_CANCELLED, 0);
}

/* Takes the IRPs the filter selects off the list (those whose cancel
 * routine it could take back, or that never had one) onto *Out. */
static void AsyncIo_Take(PLIST_ENTRY Out, PFILE_OBJECT File, ULONGLONG Now)
{
    KIRQL irql;
    InitializeListHead(Out);
    KeAcquireSpinLock(&AsyncIoLock, &irql);
    for (PLIST_ENTRY e = AsyncIoPending.Flink, next; e != &AsyncIoPending; e = next) {
        PIRP irp = CONTAINING_RECORD(e, IRP, Tail.Overlay.ListEntry);
        next = e->Flink;
        if (File ? IoGetCurrentIrpStackLocation(irp)->FileObject != File : (DUE(irp) == 0 || DUE(irp) > Now))
            continue;
        /* A NULL previous routine with Cancel set: the cancel routine owns it. */
        if (CANCELLABLE(irp) && IoSetCancelRoutine(irp, NULL) == NULL)
            continue;
        RemoveEntryList(e);
        InsertTailList(Out, e);
    }
    KeReleaseSpinLock(&AsyncIoLock, irql);
}

VOID AsyncIo_TimerDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    LIST_ENTRY due;
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    AsyncIo_Take(&due, NULL, KeQueryInterruptTime());
    while (!IsListEmpty(&due)) {
        PIRP irp = CONTAINING_RECORD(RemoveHeadList(&due), IRP, Tail.Overlay.ListEntry);
        PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(irp);
        if (sp->MajorFunction == IRP_MJ_DEVICE_CONTROL && sp->Parameters.DeviceIoControl.OutputBufferLength >=
                                                              ASYNC_IO_OUTPUT_SIZE)
            RtlCopyMemory(irp->AssociatedIrp.SystemBuffer, ASYNC_IO_LATE_OUTPUT, ASYNC_IO_OUTPUT_SIZE);
        InterlockedDecrement(&AsyncIoStats.Pending);
        AsyncIo_Complete(irp, LATE_STATUS(irp), LATE_INFO(irp));
    }
}

NTSTATUS AsyncIo_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    ULONG inLength = sp->Parameters.DeviceIoControl.InputBufferLength;
    ULONG outLength = sp->Parameters.DeviceIoControl.OutputBufferLength;
    ASYNC_IO_REQUEST request;
    UNREFERENCED_PARAMETER(DeviceObject);

    switch (sp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_ASYNC_IO_STATS:
        if (outLength < sizeof(ASYNC_IO_STATS))
            return AsyncIo_Complete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, &AsyncIoStats, sizeof AsyncIoStats);
        return AsyncIo_Complete(Irp, STATUS_SUCCESS, sizeof AsyncIoStats);
    case IOCTL_ASYNC_IO_REQUEST:
        if (inLength < sizeof request)
            return AsyncIo_Complete(Irp, STATUS_INVALID_PARAMETER, 0);
        RtlCopyMemory(&request, Irp->AssociatedIrp.SystemBuffer, sizeof request);
        if (!request.Pend) {
            if (outLength >= ASYNC_IO_OUTPUT_SIZE)
                RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, ASYNC_IO_INLINE_OUTPUT, ASYNC_IO_OUTPUT_SIZE);
            AsyncIo_Complete(Irp, request.IoStatus, request.Information);
            return request.ReturnStatus;
        }
        IoMarkIrpPending(Irp);
        AsyncIo_Pend(Irp, request.DelayMs, request.IoStatus, request.Information, !request.NoCancel);
        return STATUS_PENDING;
    default:
        return AsyncIo_Complete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

NTSTATUS AsyncIo_Read(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    ULONG length = sp->Parameters.Read.Length;
    ULONG delay = sp->Parameters.Read.ByteOffset.LowPart;
    UNREFERENCED_PARAMETER(DeviceObject);
    if (length)
        RtlFillMemory(Irp->AssociatedIrp.SystemBuffer, length, 'r');
    if (delay == 0)
        return AsyncIo_Complete(Irp, STATUS_SUCCESS, length);
    IoMarkIrpPending(Irp);
    AsyncIo_Pend(Irp, delay, STATUS_SUCCESS, length, TRUE);
    return STATUS_PENDING;
}

NTSTATUS AsyncIo_Write(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return AsyncIo_Complete(Irp, STATUS_SUCCESS, IoGetCurrentIrpStackLocation(Irp)->Parameters.Write.Length);
}

/* The driver, not the I/O manager, ends the file object's queued IRPs at
 * cleanup (io-semantics 1.G.46). */
NTSTATUS AsyncIo_Cleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    LIST_ENTRY mine;
    UNREFERENCED_PARAMETER(DeviceObject);
    AsyncIo_Take(&mine, IoGetCurrentIrpStackLocation(Irp)->FileObject, 0);
    while (!IsListEmpty(&mine)) {
        PIRP irp = CONTAINING_RECORD(RemoveHeadList(&mine), IRP, Tail.Overlay.ListEntry);
        InterlockedDecrement(&AsyncIoStats.Pending);
        InterlockedIncrement(&AsyncIoStats.CleanupCancelled);
        AsyncIo_Complete(irp, STATUS_CANCELLED, 0);
    }
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS AsyncIo_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID AsyncIo_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING linkName;
    KeCancelTimer(&AsyncIoTimer);
    KeFlushQueuedDpcs();
    /* What the exit tests read: every request ended before the unload. */
    DbgPrint("async_io: unload: %ld cancel routines ran, %ld pending\n", AsyncIoStats.CancelRoutineCalls,
             AsyncIoStats.Pending);
    RtlInitUnicodeString(&linkName, ASYNC_IO_LINK_NAME);
    IoDeleteSymbolicLink(&linkName);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING deviceName, linkName;
    PDEVICE_OBJECT device;
    NTSTATUS status;
    LARGE_INTEGER due;
    UNREFERENCED_PARAMETER(RegistryPath);

    KeInitializeSpinLock(&AsyncIoLock);
    InitializeListHead(&AsyncIoPending);
    RtlInitUnicodeString(&deviceName, ASYNC_IO_DEVICE_NAME);
    status = IoCreateDevice(DriverObject, 0, &deviceName, FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE,
                            &device);
    if (!NT_SUCCESS(status))
        return status;
    device->Flags |= DO_BUFFERED_IO;
    RtlInitUnicodeString(&linkName, ASYNC_IO_LINK_NAME);
    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = AsyncIo_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = AsyncIo_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = AsyncIo_Cleanup;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = AsyncIo_DeviceControl;
    DriverObject->MajorFunction[IRP_MJ_READ] = AsyncIo_Read;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = AsyncIo_Write;
    DriverObject->DriverUnload = AsyncIo_Unload;

    KeInitializeDpc(&AsyncIoDpc, AsyncIo_TimerDpc, NULL);
    KeInitializeTimer(&AsyncIoTimer);
    due.QuadPart = -2 * 10000; /* 2 ms, then every 2 ms */
    KeSetTimerEx(&AsyncIoTimer, due, 2, &AsyncIoDpc);
    return STATUS_SUCCESS;
}
