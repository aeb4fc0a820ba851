/*
 * cancel_csq.c - a driver that keeps its pending reads in a cancel-safe
 * queue (IoCsq*) and serves them from a system thread of its own.
 *
 * The queue is a LIST_ENTRY under a KSPIN_LOCK in the device extension; the
 * six IoCsq callbacks are the only code that touches it, and the IoCsq
 * routines take care of the cancel routine and of the race between a
 * cancellation and the thread taking the IRP. IRP_MJ_READ queues the IRP
 * and wakes the thread; the thread takes IRPs from the head of the queue
 * and completes each with data (a header and a pattern the application can
 * check). IOCTL_CSQ_PAUSE makes the thread leave the queue alone, so that
 * reads stay pending for as long as the application wants to look at them.
 * IRP_MJ_CLEANUP cancels the queued reads of the file object whose last
 * handle is closing; a read cancelled with CancelIo/CancelIoEx reaches the
 * queue's CompleteCanceledIrp callback. DriverUnload stops the thread and
 * waits for it to end.
 */
#include <ntddk.h>
#include "cancel_csq_public.h"

typedef struct _DEVICE_EXTENSION {
    IO_CSQ Csq;
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;     /* pending reads, oldest first */
    KEVENT WorkEvent;     /* a read was queued, or the device resumed */
    KEVENT StopEvent;     /* the driver is unloading */
    PVOID ThreadObject;   /* the polling thread, referenced */
    volatile LONG Paused; /* the thread leaves the queue alone */
    LONG Serial;          /* the last serial number given to a read */
    CSQ_STATS Stats;      /* Queued under QueueLock, the rest interlocked */
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD CsqUnload;
KSTART_ROUTINE CsqPollingThread;
IO_CSQ_INSERT_IRP CsqInsertIrp;
IO_CSQ_REMOVE_IRP CsqRemoveIrp;
IO_CSQ_PEEK_NEXT_IRP CsqPeekNextIrp;
IO_CSQ_ACQUIRE_LOCK CsqAcquireLock;
IO_CSQ_RELEASE_LOCK CsqReleaseLock;
IO_CSQ_COMPLETE_CANCELED_IRP CsqCompleteCanceledIrp;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH CsqCreateClose;
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH CsqRead;
_Dispatch_type_(IRP_MJ_CLEANUP) DRIVER_DISPATCH CsqCleanup;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH CsqDeviceControl;

static NTSTATUS CompleteIrp(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

/* ------------------------------------------------ the six queue callbacks */

/* Called with the queue lock held by IoCsqInsertIrp. */
VOID CsqInsertIrp(PIO_CSQ Csq, PIRP Irp)
{
    PDEVICE_EXTENSION ext = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);
    InsertTailList(&ext->Queue, &Irp->Tail.Overlay.ListEntry);
    ext->Stats.Queued++;
}

/* Called with the queue lock held, for an IRP that is in the queue. */
VOID CsqRemoveIrp(PIO_CSQ Csq, PIRP Irp)
{
    PDEVICE_EXTENSION ext = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    ext->Stats.Queued--;
}

/* The queued IRP after Irp (the first one when Irp is NULL) that matches
 * PeekContext: a file object, or NULL for any IRP. Called with the queue
 * lock held. */
PIRP CsqPeekNextIrp(PIO_CSQ Csq, PIRP Irp, PVOID PeekContext)
{
    PDEVICE_EXTENSION ext = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);
    PLIST_ENTRY link = Irp ? Irp->Tail.Overlay.ListEntry.Flink : ext->Queue.Flink;
    for (; link != &ext->Queue; link = link->Flink) {
        PIRP next = CONTAINING_RECORD(link, IRP, Tail.Overlay.ListEntry);
        if (!PeekContext || IoGetCurrentIrpStackLocation(next)->FileObject == (PFILE_OBJECT)PeekContext)
            return next;
    }
    return NULL;
}

_IRQL_raises_(DISPATCH_LEVEL)
VOID CsqAcquireLock(PIO_CSQ Csq, PKIRQL Irql)
{
    PDEVICE_EXTENSION ext = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);
    KeAcquireSpinLock(&ext->QueueLock, Irql);
}

VOID CsqReleaseLock(PIO_CSQ Csq, KIRQL Irql)
{
    PDEVICE_EXTENSION ext = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);
    KeReleaseSpinLock(&ext->QueueLock, Irql);
}

/* An IRP was cancelled while queued (IoCancelIrp); the IoCsq routines have
 * already taken it out of the queue. */
VOID CsqCompleteCanceledIrp(PIO_CSQ Csq, PIRP Irp)
{
    PDEVICE_EXTENSION ext = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);
    InterlockedIncrement(&ext->Stats.CancelledByIo);
    CompleteIrp(Irp, STATUS_CANCELLED, 0);
}

/* ------------------------------------------------------ the polling thread */

/* Fills a read with its header and pattern and completes it. */
static VOID CsqServeRead(PDEVICE_EXTENSION ext, PIRP Irp)
{
    ULONG length = IoGetCurrentIrpStackLocation(Irp)->Parameters.Read.Length;
    PUCHAR buffer = Irp->AssociatedIrp.SystemBuffer;
    PCSQ_READ_HEADER header = (PCSQ_READ_HEADER)buffer;
    ULONG serial = (ULONG)InterlockedIncrement(&ext->Serial);
    header->Serial = serial;
    header->Length = length;
    for (ULONG i = sizeof(CSQ_READ_HEADER); i < length; i++)
        buffer[i] = CSQ_PATTERN(serial, i);
    InterlockedIncrement(&ext->Stats.Served);
    CompleteIrp(Irp, STATUS_SUCCESS, length);
}

/* Waits for work or for the stop event; serves every queued read unless
 * the device is paused. */
VOID CsqPollingThread(PVOID Context)
{
    PDEVICE_EXTENSION ext = Context;
    PVOID events[2] = {&ext->StopEvent, &ext->WorkEvent};
    for (;;) {
        NTSTATUS status = KeWaitForMultipleObjects(2, events, WaitAny, Executive, KernelMode, FALSE, NULL, NULL);
        if (status == STATUS_WAIT_0)
            break;
        PIRP irp;
        while (!InterlockedCompareExchange(&ext->Paused, 0, 0) && (irp = IoCsqRemoveNextIrp(&ext->Csq, NULL)) != NULL)
            CsqServeRead(ext, irp);
    }
    PsTerminateSystemThread(STATUS_SUCCESS);
}

/* ------------------------------------------------------------- dispatching */

NTSTATUS CsqCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return CompleteIrp(Irp, STATUS_SUCCESS, 0);
}

NTSTATUS CsqRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION ext = DeviceObject->DeviceExtension;
    if (IoGetCurrentIrpStackLocation(Irp)->Parameters.Read.Length < sizeof(CSQ_READ_HEADER))
        return CompleteIrp(Irp, STATUS_BUFFER_TOO_SMALL, 0);
    /* IoCsqInsertIrp marks the IRP pending; from here it belongs to the
     * queue, and this routine must not touch it again. */
    IoCsqInsertIrp(&ext->Csq, Irp, NULL);
    KeSetEvent(&ext->WorkEvent, IO_NO_INCREMENT, FALSE);
    return STATUS_PENDING;
}

/* The last handle to a file object is closing: its queued reads end as
 * cancelled. Reads of other file objects stay queued. */
NTSTATUS CsqCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION ext = DeviceObject->DeviceExtension;
    PFILE_OBJECT file = IoGetCurrentIrpStackLocation(Irp)->FileObject;
    PIRP queued;
    while ((queued = IoCsqRemoveNextIrp(&ext->Csq, file)) != NULL) {
        InterlockedIncrement(&ext->Stats.CancelledByCleanup);
        CompleteIrp(queued, STATUS_CANCELLED, 0);
    }
    return CompleteIrp(Irp, STATUS_SUCCESS, 0);
}

NTSTATUS CsqDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION ext = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    KIRQL irql;
    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_CSQ_PAUSE:
        InterlockedExchange(&ext->Paused, 1);
        return CompleteIrp(Irp, STATUS_SUCCESS, 0);
    case IOCTL_CSQ_RESUME:
        InterlockedExchange(&ext->Paused, 0);
        KeSetEvent(&ext->WorkEvent, IO_NO_INCREMENT, FALSE);
        return CompleteIrp(Irp, STATUS_SUCCESS, 0);
    case IOCTL_CSQ_GET_STATS: {
        if (stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(CSQ_STATS))
            return CompleteIrp(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        PCSQ_STATS out = Irp->AssociatedIrp.SystemBuffer;
        KeAcquireSpinLock(&ext->QueueLock, &irql);
        out->Queued = ext->Stats.Queued;
        KeReleaseSpinLock(&ext->QueueLock, irql);
        out->Served = InterlockedCompareExchange(&ext->Stats.Served, 0, 0);
        out->CancelledByIo = InterlockedCompareExchange(&ext->Stats.CancelledByIo, 0, 0);
        out->CancelledByCleanup = InterlockedCompareExchange(&ext->Stats.CancelledByCleanup, 0, 0);
        return CompleteIrp(Irp, STATUS_SUCCESS, sizeof(CSQ_STATS));
    }
    default:
        return CompleteIrp(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

/* ------------------------------------------------------ loading, unloading */

/* Stops the polling thread and waits until it has ended. */
static VOID CsqStopThread(PDEVICE_EXTENSION ext)
{
    KeSetEvent(&ext->StopEvent, IO_NO_INCREMENT, FALSE);
    KeWaitForSingleObject(ext->ThreadObject, Executive, KernelMode, FALSE, NULL);
    ObDereferenceObject(ext->ThreadObject);
    ext->ThreadObject = NULL;
}

VOID CsqUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(CSQ_DOS_DEVICE_NAME);
    PDEVICE_OBJECT device = DriverObject->DeviceObject;
    PDEVICE_EXTENSION ext = device->DeviceExtension;
    PIRP irp;
    DbgPrint("CancelCsq: unloading; %ld reads served, %ld cancelled, %ld cancelled at cleanup\n", ext->Stats.Served,
             ext->Stats.CancelledByIo, ext->Stats.CancelledByCleanup);
    CsqStopThread(ext);
    /* Every handle is closed, so cleanup has emptied the queue; anything
     * left would be cancelled here. */
    while ((irp = IoCsqRemoveNextIrp(&ext->Csq, NULL)) != NULL)
        CompleteIrp(irp, STATUS_CANCELLED, 0);
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(device);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(CSQ_DEVICE_NAME);
    UNICODE_STRING link = RTL_CONSTANT_STRING(CSQ_DOS_DEVICE_NAME);
    PDEVICE_OBJECT device;
    OBJECT_ATTRIBUTES attributes;
    HANDLE thread;
    UNREFERENCED_PARAMETER(RegistryPath);

    NTSTATUS status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), &name, FILE_DEVICE_UNKNOWN,
                                     FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    PDEVICE_EXTENSION ext = device->DeviceExtension;
    RtlZeroMemory(ext, sizeof *ext);
    KeInitializeSpinLock(&ext->QueueLock);
    InitializeListHead(&ext->Queue);
    KeInitializeEvent(&ext->WorkEvent, SynchronizationEvent, FALSE);
    KeInitializeEvent(&ext->StopEvent, NotificationEvent, FALSE);
    IoCsqInitialize(&ext->Csq, CsqInsertIrp, CsqRemoveIrp, CsqPeekNextIrp, CsqAcquireLock, CsqReleaseLock,
                    CsqCompleteCanceledIrp);
    device->Flags |= DO_BUFFERED_IO;

    /* The thread: a kernel handle, exchanged for a reference to the thread
     * object that DriverUnload can wait on. */
    InitializeObjectAttributes(&attributes, NULL, OBJ_KERNEL_HANDLE, NULL, NULL);
    status = PsCreateSystemThread(&thread, THREAD_ALL_ACCESS, &attributes, NULL, NULL, CsqPollingThread, ext);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    status = ObReferenceObjectByHandle(thread, THREAD_ALL_ACCESS, *PsThreadType, KernelMode, &ext->ThreadObject,
                                       NULL);
    ZwClose(thread);
    if (!NT_SUCCESS(status)) {
        /* Cannot happen for a handle just created. Without the object the
         * thread cannot be waited for: it is told to stop, and the device
         * (whose extension it uses) is left in place rather than freed
         * under it. */
        KeSetEvent(&ext->StopEvent, IO_NO_INCREMENT, FALSE);
        return status;
    }

    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        CsqStopThread(ext);
        IoDeleteDevice(device);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = CsqCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = CsqCreateClose;
    DriverObject->MajorFunction[IRP_MJ_READ] = CsqRead;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = CsqCleanup;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = CsqDeviceControl;
    DriverObject->DriverUnload = CsqUnload;
    device->Flags &= ~DO_DEVICE_INITIALIZING;
    DbgPrint("CancelCsq: DriverEntry\n");
    return STATUS_SUCCESS;
}
