/*
 * startio.c - a driver that serialises its requests through the I/O
 * manager's device queue. Each IOCTL_STARTIO_SQUARE request goes to
 * IoStartPacket; StartIo "programs the device" by arming a short timer; the
 * timer's DPC plays the interrupt: it computes the answer, completes the
 * current IRP and calls IoStartNextPacket, from DISPATCH_LEVEL, to start the
 * next one. Queued requests are cancelable; the request in progress is not
 * (IoSetStartIoAttributes NonCancelable). IRP_MJ_CLEANUP cancels the file
 * object's queued requests.
 */
#include <ntddk.h>
#include "startio_public.h"

typedef struct _DEVICE_EXTENSION {
    KTIMER Timer;
    KDPC TimerDpc;
    LONG Order;          /* how many requests have been served */
    LONG Active;         /* requests inside StartIo..DPC at once (must stay <= 1) */
    LONG MaxActive;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD StartIoUnload;
DRIVER_STARTIO StartIoStartIo;
DRIVER_CANCEL StartIoCancel;
KDEFERRED_ROUTINE StartIoTimerDpc;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH StartIoCreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH StartIoDeviceControl;
_Dispatch_type_(IRP_MJ_CLEANUP) DRIVER_DISPATCH StartIoCleanup;

static NTSTATUS CompleteIrp(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

NTSTATUS StartIoCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return CompleteIrp(Irp, STATUS_SUCCESS, 0);
}

/* A queued request is cancelled: take it out of the device queue. The
 * request StartIo is working on is not cancelable (NonCancelable). */
VOID StartIoCancel(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    BOOLEAN queued = KeRemoveEntryDeviceQueue(&DeviceObject->DeviceQueue, &Irp->Tail.Overlay.DeviceQueueEntry);
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    if (queued)
        CompleteIrp(Irp, STATUS_CANCELLED, 0);
}

NTSTATUS StartIoDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    if (stack->Parameters.DeviceIoControl.IoControlCode != IOCTL_STARTIO_SQUARE)
        return CompleteIrp(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(STARTIO_REQUEST) ||
        stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(STARTIO_REPLY))
        return CompleteIrp(Irp, STATUS_BUFFER_TOO_SMALL, 0);
    IoMarkIrpPending(Irp);
    IoStartPacket(DeviceObject, Irp, NULL, StartIoCancel);
    return STATUS_PENDING;
}

/* At DISPATCH_LEVEL, one request at a time. */
VOID StartIoStartIo(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION ext = DeviceObject->DeviceExtension;
    LONG active = InterlockedIncrement(&ext->Active);
    if (active > ext->MaxActive)
        ext->MaxActive = active;
    if (KeGetCurrentIrql() != DISPATCH_LEVEL)
        DbgPrint("StartIo: called at IRQL %d\n", KeGetCurrentIrql());
    LARGE_INTEGER due;
    due.QuadPart = -2 * 10000; /* 2 ms of "hardware" time */
    KeSetTimer(&ext->Timer, due, &ext->TimerDpc);
    UNREFERENCED_PARAMETER(Irp);
}

/* The "interrupt": finish the current request, start the next. */
VOID StartIoTimerDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    PDEVICE_OBJECT device = Context;
    PDEVICE_EXTENSION ext = device->DeviceExtension;
    PIRP irp = device->CurrentIrp;
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    PSTARTIO_REQUEST request = irp->AssociatedIrp.SystemBuffer;
    PSTARTIO_REPLY reply = irp->AssociatedIrp.SystemBuffer;
    LONG value = request->Value;
    reply->Square = value * value;
    reply->Order = ++ext->Order;
    reply->MaxActive = ext->MaxActive;
    InterlockedDecrement(&ext->Active);
    IoStartNextPacket(device, TRUE);
    CompleteIrp(irp, STATUS_SUCCESS, sizeof(STARTIO_REPLY));
}

/* The handle is closing: its queued requests end as cancelled. */
NTSTATUS StartIoCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PFILE_OBJECT file = IoGetCurrentIrpStackLocation(Irp)->FileObject;
    LIST_ENTRY cancelled;
    KIRQL irql;
    InitializeListHead(&cancelled);
    IoAcquireCancelSpinLock(&irql);
    PLIST_ENTRY head = &DeviceObject->DeviceQueue.DeviceListHead;
    for (PLIST_ENTRY link = head->Flink; link != head;) {
        PIRP queued = CONTAINING_RECORD(link, IRP, Tail.Overlay.DeviceQueueEntry.DeviceListEntry);
        link = link->Flink;
        if (IoGetCurrentIrpStackLocation(queued)->FileObject == file &&
            IoSetCancelRoutine(queued, NULL) != NULL &&
            KeRemoveEntryDeviceQueue(&DeviceObject->DeviceQueue, &queued->Tail.Overlay.DeviceQueueEntry))
            InsertTailList(&cancelled, &queued->Tail.Overlay.ListEntry);
    }
    IoReleaseCancelSpinLock(irql);
    while (!IsListEmpty(&cancelled)) {
        PIRP queued = CONTAINING_RECORD(RemoveHeadList(&cancelled), IRP, Tail.Overlay.ListEntry);
        CompleteIrp(queued, STATUS_CANCELLED, 0);
    }
    return CompleteIrp(Irp, STATUS_SUCCESS, 0);
}

VOID StartIoUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(STARTIO_DOS_DEVICE_NAME);
    PDEVICE_OBJECT device = DriverObject->DeviceObject;
    PDEVICE_EXTENSION ext = device->DeviceExtension;
    KeCancelTimer(&ext->Timer);
    KeFlushQueuedDpcs();
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(device);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(STARTIO_DEVICE_NAME);
    UNICODE_STRING link = RTL_CONSTANT_STRING(STARTIO_DOS_DEVICE_NAME);
    PDEVICE_OBJECT device;
    UNREFERENCED_PARAMETER(RegistryPath);
    NTSTATUS status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), &name, FILE_DEVICE_UNKNOWN, 0, FALSE,
                                     &device);
    if (!NT_SUCCESS(status))
        return status;
    PDEVICE_EXTENSION ext = device->DeviceExtension;
    RtlZeroMemory(ext, sizeof *ext);
    KeInitializeTimer(&ext->Timer);
    KeInitializeDpc(&ext->TimerDpc, StartIoTimerDpc, device);
    device->Flags |= DO_BUFFERED_IO;
    IoSetStartIoAttributes(device, TRUE, TRUE);
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = StartIoCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = StartIoCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = StartIoCleanup;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = StartIoDeviceControl;
    DriverObject->DriverStartIo = StartIoStartIo;
    DriverObject->DriverUnload = StartIoUnload;
    device->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
