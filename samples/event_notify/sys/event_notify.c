/*
 * event_notify.c - the two classic ways for a driver to tell an application
 * that something happened, with a timer standing in for the hardware:
 *
 *  - IRP-based: the application's IOCTL_NOTIFY_REGISTER stays pending
 *    (IoMarkIrpPending, a cancel routine) until the timer's DPC completes
 *    it with a NOTIFY_REPLY;
 *  - event-based: the application passes the handle of an event it created;
 *    the driver references the event object (ObReferenceObjectByHandle,
 *    EVENT_MODIFY_STATE, UserMode), completes the IOCTL at once, and the
 *    timer's DPC sets the event (KeSetEvent at DISPATCH_LEVEL) and drops the
 *    reference.
 *
 * Each registration is a NOTIFY_RECORD with its own KTIMER and KDPC, on the
 * device's list while its timer is set or its DPC has yet to run. Three
 * parties race for a record: the DPC, the IRP's cancel routine
 * (CancelIo/CancelIoEx) and IRP_MJ_CLEANUP (the handle closing). The rules,
 * all under the device's spin lock:
 *  - whoever stops the timer with KeCancelTimer (TRUE) owns the record and
 *    frees it; otherwise the DPC is queued or running and will free it;
 *  - a record lets go of its IRP by clearing Irp->Tail.Overlay.
 *    DriverContext[0]; the IRP is completed by whoever takes its cancel
 *    routine back with IoSetCancelRoutine(Irp, NULL), or else by the cancel
 *    routine, which then finds DriverContext[0] cleared or stops the record
 *    itself.
 */
#include <ntddk.h>
#include "event_notify_public.h"

/* wdm.h's event access right, for drivers built against headers that lack it. */
#ifndef EVENT_MODIFY_STATE
#define EVENT_MODIFY_STATE 0x0002
#endif

#define NOTIFY_TAG 'ftoN'

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Records; /* NOTIFY_RECORDs whose timer is set or whose DPC has not run */
    LONG Sequence;      /* the last sequence number given to a notification */
    NOTIFY_STATS Stats; /* interlocked */
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef struct _NOTIFY_RECORD {
    LIST_ENTRY Link;
    PDEVICE_EXTENSION Extension;
    PFILE_OBJECT FileObject; /* whose handle registered it */
    PIRP Irp;                /* IRP-based: the pending IRP, until the record lets go of it */
    PKEVENT Event;           /* event-based: the referenced event object */
    BOOLEAN Cancelled;       /* cleanup dropped it: the DPC must not deliver */
    ULONGLONG RegisteredAt;  /* interrupt time */
    KTIMER Timer;
    KDPC Dpc;
} NOTIFY_RECORD, *PNOTIFY_RECORD;

#define IRP_RECORD(Irp) ((Irp)->Tail.Overlay.DriverContext[0])

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD NotifyUnload;
DRIVER_CANCEL NotifyCancel;
KDEFERRED_ROUTINE NotifyTimerDpc;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH NotifyCreateClose;
_Dispatch_type_(IRP_MJ_CLEANUP) DRIVER_DISPATCH NotifyCleanup;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH NotifyDeviceControl;

static NTSTATUS CompleteIrp(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

/* Called with the lock held: the record lets go of its IRP and its timer
 * is stopped. TRUE: the timer was stopped before its DPC was queued, the
 * record is off the list and the caller must free it; FALSE: the DPC will
 * run and free it. */
static BOOLEAN NotifyStopRecord(PNOTIFY_RECORD Record)
{
    if (Record->Irp) {
        IRP_RECORD(Record->Irp) = NULL;
        Record->Irp = NULL;
    }
    if (!KeCancelTimer(&Record->Timer))
        return FALSE;
    RemoveEntryList(&Record->Link);
    return TRUE;
}

static VOID NotifyFreeRecord(PNOTIFY_RECORD Record)
{
    if (Record->Event)
        ObDereferenceObject(Record->Event);
    ExFreePoolWithTag(Record, NOTIFY_TAG);
}

/* The notification is due: complete the IRP or set the event. */
VOID NotifyTimerDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    PNOTIFY_RECORD record = Context;
    PDEVICE_EXTENSION ext = record->Extension;
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);

    KeAcquireSpinLockAtDpcLevel(&ext->Lock);
    RemoveEntryList(&record->Link);
    PIRP irp = record->Irp;
    if (irp) {
        IRP_RECORD(irp) = NULL;
        record->Irp = NULL;
        /* NULL: IoCancelIrp has taken the routine, which will complete
         * the IRP (and find it no longer attached to the record). */
        if (IoSetCancelRoutine(irp, NULL) == NULL)
            irp = NULL;
    }
    BOOLEAN deliver = !record->Cancelled;
    KeReleaseSpinLockFromDpcLevel(&ext->Lock);

    if (irp) {
        PNOTIFY_REPLY reply = irp->AssociatedIrp.SystemBuffer;
        reply->Sequence = (ULONG)InterlockedIncrement(&ext->Sequence);
        reply->CompletionIrql = KeGetCurrentIrql();
        reply->ElapsedTime = KeQueryInterruptTime() - record->RegisteredAt;
        InterlockedIncrement(&ext->Stats.Delivered);
        InterlockedDecrement(&ext->Stats.Outstanding);
        CompleteIrp(irp, STATUS_SUCCESS, sizeof(NOTIFY_REPLY));
    }
    if (record->Event) {
        if (deliver) {
            InterlockedIncrement(&ext->Sequence);
            InterlockedIncrement(&ext->Stats.Delivered);
            KeSetEvent(record->Event, IO_NO_INCREMENT, FALSE);
        } else {
            InterlockedIncrement(&ext->Stats.CancelledByCleanup);
        }
        InterlockedDecrement(&ext->Stats.Outstanding);
    }
    /* The timer has expired and is no longer set, so this returns FALSE and
     * changes nothing; it is here because ntk's timer expiry still touches
     * the KTIMER just after queuing this DPC, and cancelling waits for the
     * expiry to be done with it before the record is freed. */
    KeCancelTimer(&record->Timer);
    NotifyFreeRecord(record);
}

/* A pending IRP-based registration is cancelled (CancelIo, CancelIoEx,
 * CancelSynchronousIo, the thread ending). */
VOID NotifyCancel(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION ext = DeviceObject->DeviceExtension;
    KIRQL irql;
    /* The device's own lock guards the records; the cancel lock is not needed. */
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    KeAcquireSpinLock(&ext->Lock, &irql);
    PNOTIFY_RECORD record = IRP_RECORD(Irp);
    BOOLEAN own = record && NotifyStopRecord(record);
    KeReleaseSpinLock(&ext->Lock, irql);
    if (own)
        NotifyFreeRecord(record);
    InterlockedIncrement(&ext->Stats.CancelledByIo);
    InterlockedDecrement(&ext->Stats.Outstanding);
    CompleteIrp(Irp, STATUS_CANCELLED, 0);
}

static PNOTIFY_RECORD NotifyNewRecord(PDEVICE_EXTENSION ext, PFILE_OBJECT FileObject)
{
    PNOTIFY_RECORD record = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof *record, NOTIFY_TAG);
    if (!record)
        return NULL;
    /* (ExAllocatePool2 zeroes the record: no IRP, no event, not cancelled.) */
    record->Extension = ext;
    record->FileObject = FileObject;
    record->RegisteredAt = KeQueryInterruptTime();
    KeInitializeTimer(&record->Timer);
    KeInitializeDpc(&record->Dpc, NotifyTimerDpc, record);
    return record;
}

/* Called with the lock held: the record goes on the list and its timer is
 * set, DelayMs from now. */
static VOID NotifyArm(PDEVICE_EXTENSION ext, PNOTIFY_RECORD Record, ULONG DelayMs)
{
    LARGE_INTEGER due;
    due.QuadPart = -(LONGLONG)DelayMs * 10000; /* relative, in 100 ns */
    InsertTailList(&ext->Records, &Record->Link);
    InterlockedIncrement(&ext->Stats.Outstanding);
    KeSetTimer(&Record->Timer, due, &Record->Dpc);
}

static NTSTATUS NotifyRegisterIrp(PDEVICE_EXTENSION ext, PIRP Irp, PNOTIFY_REGISTRATION Registration)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    if (stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(NOTIFY_REPLY))
        return CompleteIrp(Irp, STATUS_BUFFER_TOO_SMALL, 0);
    PNOTIFY_RECORD record = NotifyNewRecord(ext, stack->FileObject);
    if (!record)
        return CompleteIrp(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
    record->Irp = Irp;
    IRP_RECORD(Irp) = record;

    KIRQL irql;
    KeAcquireSpinLock(&ext->Lock, &irql);
    IoMarkIrpPending(Irp);
    NotifyArm(ext, record, Registration->DelayMs);
    IoSetCancelRoutine(Irp, NotifyCancel);
    if (Irp->Cancel && IoSetCancelRoutine(Irp, NULL) != NULL) {
        /* Cancelled before the cancel routine was in place, and it will not
         * run: the request ends here. (Had the exchange returned NULL, the
         * routine would be on its way and would do this itself.) */
        BOOLEAN own = NotifyStopRecord(record);
        KeReleaseSpinLock(&ext->Lock, irql);
        if (own)
            NotifyFreeRecord(record);
        InterlockedIncrement(&ext->Stats.CancelledByIo);
        InterlockedDecrement(&ext->Stats.Outstanding);
        CompleteIrp(Irp, STATUS_CANCELLED, 0);
        return STATUS_PENDING;
    }
    KeReleaseSpinLock(&ext->Lock, irql);
    return STATUS_PENDING;
}

static NTSTATUS NotifyRegisterEvent(PDEVICE_EXTENSION ext, PIRP Irp, PNOTIFY_REGISTRATION Registration)
{
    PKEVENT event;
    if (!Registration->Event)
        return CompleteIrp(Irp, STATUS_INVALID_PARAMETER, 0);
    /* The handle is the application's: this runs in its process (the
     * driver is the top of the stack and the IOCTL is not posted), and
     * UserMode makes the object manager check the handle's access. */
    NTSTATUS status = ObReferenceObjectByHandle(Registration->Event, EVENT_MODIFY_STATE, *ExEventObjectType,
                                                UserMode, (PVOID *)&event, NULL);
    if (!NT_SUCCESS(status))
        return CompleteIrp(Irp, status, 0);
    PNOTIFY_RECORD record = NotifyNewRecord(ext, IoGetCurrentIrpStackLocation(Irp)->FileObject);
    if (!record) {
        ObDereferenceObject(event);
        return CompleteIrp(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
    }
    record->Event = event;
    KIRQL irql;
    KeAcquireSpinLock(&ext->Lock, &irql);
    NotifyArm(ext, record, Registration->DelayMs);
    KeReleaseSpinLock(&ext->Lock, irql);
    return CompleteIrp(Irp, STATUS_SUCCESS, 0);
}

NTSTATUS NotifyDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION ext = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_NOTIFY_REGISTER: {
        if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(NOTIFY_REGISTRATION))
            return CompleteIrp(Irp, STATUS_INVALID_PARAMETER, 0);
        /* Copied out: for METHOD_BUFFERED the reply overwrites it. */
        NOTIFY_REGISTRATION registration = *(PNOTIFY_REGISTRATION)Irp->AssociatedIrp.SystemBuffer;
        if (registration.Type == NOTIFY_IRP_BASED)
            return NotifyRegisterIrp(ext, Irp, &registration);
        if (registration.Type == NOTIFY_EVENT_BASED)
            return NotifyRegisterEvent(ext, Irp, &registration);
        return CompleteIrp(Irp, STATUS_INVALID_PARAMETER, 0);
    }
    case IOCTL_NOTIFY_GET_STATS: {
        if (stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(NOTIFY_STATS))
            return CompleteIrp(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        PNOTIFY_STATS out = Irp->AssociatedIrp.SystemBuffer;
        out->Outstanding = InterlockedCompareExchange(&ext->Stats.Outstanding, 0, 0);
        out->Delivered = InterlockedCompareExchange(&ext->Stats.Delivered, 0, 0);
        out->CancelledByIo = InterlockedCompareExchange(&ext->Stats.CancelledByIo, 0, 0);
        out->CancelledByCleanup = InterlockedCompareExchange(&ext->Stats.CancelledByCleanup, 0, 0);
        return CompleteIrp(Irp, STATUS_SUCCESS, sizeof(NOTIFY_STATS));
    }
    default:
        return CompleteIrp(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

/* The last handle of a file object is closing: its pending IRPs complete
 * as cancelled, its events will not be set. */
NTSTATUS NotifyCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION ext = DeviceObject->DeviceExtension;
    PFILE_OBJECT file = IoGetCurrentIrpStackLocation(Irp)->FileObject;
    LIST_ENTRY irps, records;
    KIRQL irql;
    InitializeListHead(&irps);
    InitializeListHead(&records);

    KeAcquireSpinLock(&ext->Lock, &irql);
    for (PLIST_ENTRY link = ext->Records.Flink; link != &ext->Records;) {
        PNOTIFY_RECORD record = CONTAINING_RECORD(link, NOTIFY_RECORD, Link);
        link = link->Flink;
        if (record->FileObject != file || record->Cancelled)
            continue;
        PIRP pending = record->Irp;
        record->Cancelled = TRUE;
        if (NotifyStopRecord(record))
            InsertTailList(&records, &record->Link);
        /* NULL: the IRP is being cancelled; its cancel routine will
         * complete it, finding it detached from the record. */
        if (pending && IoSetCancelRoutine(pending, NULL) != NULL)
            InsertTailList(&irps, &pending->Tail.Overlay.ListEntry);
    }
    KeReleaseSpinLock(&ext->Lock, irql);

    while (!IsListEmpty(&irps)) {
        PIRP pending = CONTAINING_RECORD(RemoveHeadList(&irps), IRP, Tail.Overlay.ListEntry);
        InterlockedIncrement(&ext->Stats.CancelledByCleanup);
        InterlockedDecrement(&ext->Stats.Outstanding);
        CompleteIrp(pending, STATUS_CANCELLED, 0);
    }
    while (!IsListEmpty(&records)) {
        PNOTIFY_RECORD record = CONTAINING_RECORD(RemoveHeadList(&records), NOTIFY_RECORD, Link);
        if (record->Event) {
            InterlockedIncrement(&ext->Stats.CancelledByCleanup);
            InterlockedDecrement(&ext->Stats.Outstanding);
        }
        NotifyFreeRecord(record);
    }
    return CompleteIrp(Irp, STATUS_SUCCESS, 0);
}

NTSTATUS NotifyCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return CompleteIrp(Irp, STATUS_SUCCESS, 0);
}

VOID NotifyUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(NOTIFY_DOS_DEVICE_NAME);
    PDEVICE_OBJECT device = DriverObject->DeviceObject;
    PDEVICE_EXTENSION ext = device->DeviceExtension;
    DbgPrint("EventNotify: unloading; %ld delivered, %ld cancelled, %ld cancelled at cleanup\n",
             ext->Stats.Delivered, ext->Stats.CancelledByIo, ext->Stats.CancelledByCleanup);
    /* Every handle has been cleaned up, so no record is left but those
     * whose DPC is queued or running: let them finish before the code and
     * the device go away. */
    KeFlushQueuedDpcs();
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(device);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(NOTIFY_DEVICE_NAME);
    UNICODE_STRING link = RTL_CONSTANT_STRING(NOTIFY_DOS_DEVICE_NAME);
    PDEVICE_OBJECT device;
    UNREFERENCED_PARAMETER(RegistryPath);
    NTSTATUS status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), &name, FILE_DEVICE_UNKNOWN,
                                     FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    PDEVICE_EXTENSION ext = device->DeviceExtension;
    RtlZeroMemory(ext, sizeof *ext);
    KeInitializeSpinLock(&ext->Lock);
    InitializeListHead(&ext->Records);
    device->Flags |= DO_BUFFERED_IO;
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = NotifyCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = NotifyCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = NotifyCleanup;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = NotifyDeviceControl;
    DriverObject->DriverUnload = NotifyUnload;
    device->Flags &= ~DO_DEVICE_INITIALIZING;
    DbgPrint("EventNotify: DriverEntry\n");
    return STATUS_SUCCESS;
}
