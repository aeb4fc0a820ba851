/*
 * bench_noop.c - the benchmark's no-op devices.
 *
 * DriverEntry creates one device per entry of BENCH_NOOP_DEVICES
 * (bench_ioctl.h), \Device\NAME with the link \DosDevices\NAME, each with
 * the I/O type of its entry. Every request is completed at once and does no
 * work of its own: what a benchmark measures is the I/O manager's path.
 *
 *   IRP_MJ_CREATE/CLEANUP/CLOSE  succeed
 *   IRP_MJ_READ                  Information = the requested length
 *   IRP_MJ_DEVICE_CONTROL        the IOCTL_BENCH_NOOP_* codes: Information =
 *                                the output length (a METHOD_BUFFERED caller
 *                                gets that many bytes copied back);
 *                                the IOCTL_BENCH_PEND_* codes: pended
 *                                (IoMarkIrpPending, queued under the
 *                                extension's spin lock, STATUS_PENDING), then
 *                                completed with that same Information by
 *                                  _DPC         a DPC queued for the calling
 *                                               thread's processor: it runs
 *                                               as soon as the dispatch
 *                                               routine releases the spin
 *                                               lock, on the same thread
 *                                  _DPC_REMOTE  a DPC targeted at another
 *                                               processor (that processor's
 *                                               DPC thread runs it);
 *                                               STATUS_NOT_SUPPORTED with
 *                                               one processor
 *                                  _BUFFERED    a work item on the system
 *                                               worker thread
 *
 * Each DPC drains its queue and completes every IRP on it; the queue is
 * filled before the DPC is queued, so an IRP queued while the DPC runs is
 * either taken by that run or by the next one. Unload takes any queued DPC
 * off its queue (KeRemoveQueueDpc) and waits for running ones to finish
 * (KeFlushQueuedDpcs) before deleting the devices they point at.
 */
#include <ntddk.h>

#include "bench_ioctl.h"

/* Processors that get a KDPC of their own for IOCTL_BENCH_PEND_DPC_REMOTE:
 * the DPC goes to one of them other than the caller's. */
#define BENCH_REMOTE_DPCS 8

typedef struct _BENCH_NOOP_EXTENSION {
    KSPIN_LOCK Lock;           /* guards the three queues and WorkQueued */
    LIST_ENTRY Pending;        /* IRPs waiting for the work item */
    PIO_WORKITEM WorkItem;
    BOOLEAN WorkQueued;        /* the work item is queued or running */
    LIST_ENTRY DpcPending;     /* IRPs waiting for Dpc */
    LIST_ENTRY RemotePending;  /* IRPs waiting for one of RemoteDpc */
    KDPC Dpc;                  /* untargeted: the queuing thread's processor */
    KDPC RemoteDpc[BENCH_REMOTE_DPCS]; /* [i] targeted at processor i */
    ULONG RemoteDpcs;          /* how many of RemoteDpc are used */
    PCWSTR Name;
} BENCH_NOOP_EXTENSION, *PBENCH_NOOP_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD BenchNoopUnload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) _Dispatch_type_(IRP_MJ_CLEANUP)
DRIVER_DISPATCH BenchNoopCreateClose;
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH BenchNoopRead;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH BenchNoopDeviceControl;
IO_WORKITEM_ROUTINE BenchNoopCompletePending;
KDEFERRED_ROUTINE BenchNoopDpc;

static NTSTATUS BenchNoopComplete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

NTSTATUS BenchNoopCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return BenchNoopComplete(Irp, STATUS_SUCCESS, 0);
}

NTSTATUS BenchNoopRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return BenchNoopComplete(Irp, STATUS_SUCCESS, IoGetCurrentIrpStackLocation(Irp)->Parameters.Read.Length);
}

/* The work item: completes every queued IRP, on the system worker thread. */
VOID BenchNoopCompletePending(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PBENCH_NOOP_EXTENSION ext = DeviceObject->DeviceExtension;
    UNREFERENCED_PARAMETER(Context);
    for (;;) {
        KIRQL irql;
        PLIST_ENTRY entry;
        PIRP irp;

        KeAcquireSpinLock(&ext->Lock, &irql);
        if (IsListEmpty(&ext->Pending)) {
            ext->WorkQueued = FALSE;
            KeReleaseSpinLock(&ext->Lock, irql);
            return;
        }
        entry = RemoveHeadList(&ext->Pending);
        KeReleaseSpinLock(&ext->Lock, irql);
        irp = CONTAINING_RECORD(entry, IRP, Tail.Overlay.ListEntry);
        BenchNoopComplete(irp, STATUS_SUCCESS,
                          IoGetCurrentIrpStackLocation(irp)->Parameters.DeviceIoControl.OutputBufferLength);
    }
}

/* The DPCs (context: the extension; SystemArgument1: the queue to drain):
 * complete every queued IRP, at DISPATCH_LEVEL. */
VOID BenchNoopDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PBENCH_NOOP_EXTENSION ext = DeferredContext;
    PLIST_ENTRY queue = SystemArgument1;
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument2);
    for (;;) {
        PLIST_ENTRY entry;
        PIRP irp;

        KeAcquireSpinLockAtDpcLevel(&ext->Lock);
        if (IsListEmpty(queue)) {
            KeReleaseSpinLockFromDpcLevel(&ext->Lock);
            return;
        }
        entry = RemoveHeadList(queue);
        KeReleaseSpinLockFromDpcLevel(&ext->Lock);
        irp = CONTAINING_RECORD(entry, IRP, Tail.Overlay.ListEntry);
        BenchNoopComplete(irp, STATUS_SUCCESS,
                          IoGetCurrentIrpStackLocation(irp)->Parameters.DeviceIoControl.OutputBufferLength);
    }
}

/* Pends Irp for a DPC: the one of the caller's processor, or (Remote) one
 * targeted at another processor. The IRP is on the queue before the DPC is
 * queued, and a DPC takes itself off its processor's queue before it runs,
 * so a DPC that is already queued (KeInsertQueueDpc returns FALSE) or is
 * running finds it. */
static NTSTATUS BenchNoopPendDpc(PDEVICE_OBJECT DeviceObject, PIRP Irp, BOOLEAN Remote)
{
    PBENCH_NOOP_EXTENSION ext = DeviceObject->DeviceExtension;
    PLIST_ENTRY queue = Remote ? &ext->RemotePending : &ext->DpcPending;
    PKDPC dpc = &ext->Dpc;
    KIRQL irql;

    if (Remote) {
        ULONG target;
        if (ext->RemoteDpcs < 2)
            return BenchNoopComplete(Irp, STATUS_NOT_SUPPORTED, 0);
        target = (KeGetCurrentProcessorNumber() + 1) % ext->RemoteDpcs;
        dpc = &ext->RemoteDpc[target];
    }
    IoMarkIrpPending(Irp);
    KeAcquireSpinLock(&ext->Lock, &irql);
    InsertTailList(queue, &Irp->Tail.Overlay.ListEntry);
    /* At DISPATCH_LEVEL, as from an interrupt service routine: the local DPC
     * runs when KeReleaseSpinLock brings the IRQL back down. */
    KeInsertQueueDpc(dpc, queue, NULL);
    KeReleaseSpinLock(&ext->Lock, irql);
    return STATUS_PENDING;
}

static NTSTATUS BenchNoopPend(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PBENCH_NOOP_EXTENSION ext = DeviceObject->DeviceExtension;
    KIRQL irql;
    BOOLEAN queue;

    IoMarkIrpPending(Irp);
    KeAcquireSpinLock(&ext->Lock, &irql);
    InsertTailList(&ext->Pending, &Irp->Tail.Overlay.ListEntry);
    queue = !ext->WorkQueued;
    ext->WorkQueued = TRUE;
    KeReleaseSpinLock(&ext->Lock, irql);
    if (queue)
        IoQueueWorkItem(ext->WorkItem, BenchNoopCompletePending, DelayedWorkQueue, NULL);
    return STATUS_PENDING;
}

NTSTATUS BenchNoopDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);

    switch (sp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_BENCH_NOOP_BUFFERED:
    case IOCTL_BENCH_NOOP_IN_DIRECT:
    case IOCTL_BENCH_NOOP_OUT_DIRECT:
    case IOCTL_BENCH_NOOP_NEITHER:
        return BenchNoopComplete(Irp, STATUS_SUCCESS, sp->Parameters.DeviceIoControl.OutputBufferLength);
    case IOCTL_BENCH_PEND_BUFFERED:
        return BenchNoopPend(DeviceObject, Irp);
    case IOCTL_BENCH_PEND_DPC:
        return BenchNoopPendDpc(DeviceObject, Irp, FALSE);
    case IOCTL_BENCH_PEND_DPC_REMOTE:
        return BenchNoopPendDpc(DeviceObject, Irp, TRUE);
    default:
        return BenchNoopComplete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

static NTSTATUS BenchNoopCreateDevice(PDRIVER_OBJECT DriverObject, PCWSTR Name, ULONG IoFlags)
{
    WCHAR deviceBuffer[64], linkBuffer[64];
    UNICODE_STRING deviceName, linkName;
    PDEVICE_OBJECT device;
    PBENCH_NOOP_EXTENSION ext;
    NTSTATUS status;

    RtlInitEmptyUnicodeString(&deviceName, deviceBuffer, sizeof deviceBuffer);
    RtlInitEmptyUnicodeString(&linkName, linkBuffer, sizeof linkBuffer);
    RtlAppendUnicodeToString(&deviceName, L"\\Device\\");
    RtlAppendUnicodeToString(&deviceName, Name);
    RtlAppendUnicodeToString(&linkName, L"\\DosDevices\\");
    RtlAppendUnicodeToString(&linkName, Name);

    status = IoCreateDevice(DriverObject, sizeof(BENCH_NOOP_EXTENSION), &deviceName, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    ext = device->DeviceExtension;
    KeInitializeSpinLock(&ext->Lock);
    InitializeListHead(&ext->Pending);
    ext->WorkQueued = FALSE;
    InitializeListHead(&ext->DpcPending);
    InitializeListHead(&ext->RemotePending);
    KeInitializeDpc(&ext->Dpc, BenchNoopDpc, ext);
    ext->RemoteDpcs = KeQueryActiveProcessorCount(NULL);
    if (ext->RemoteDpcs > BENCH_REMOTE_DPCS)
        ext->RemoteDpcs = BENCH_REMOTE_DPCS;
    for (ULONG i = 0; i < ext->RemoteDpcs; i++) {
        KeInitializeDpc(&ext->RemoteDpc[i], BenchNoopDpc, ext);
        KeSetTargetProcessorDpc(&ext->RemoteDpc[i], (CCHAR)i);
    }
    ext->Name = Name;
    ext->WorkItem = IoAllocateWorkItem(device);
    if (!ext->WorkItem) {
        IoDeleteDevice(device);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (!NT_SUCCESS(status)) {
        IoFreeWorkItem(ext->WorkItem);
        IoDeleteDevice(device);
        return status;
    }
    device->Flags |= IoFlags;
    device->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

VOID BenchNoopUnload(PDRIVER_OBJECT DriverObject)
{
    PDEVICE_OBJECT device;

    /* No IRP is pending (each would hold its file object, and so the device,
     * open), so no DPC should be queued either; should one be, take it off
     * its queue, then wait for any DPC still running on another processor
     * before its device (and the KDPC in the extension) goes away. */
    for (device = DriverObject->DeviceObject; device; device = device->NextDevice) {
        PBENCH_NOOP_EXTENSION ext = device->DeviceExtension;
        KeRemoveQueueDpc(&ext->Dpc);
        for (ULONG i = 0; i < ext->RemoteDpcs; i++)
            KeRemoveQueueDpc(&ext->RemoteDpc[i]);
    }
    KeFlushQueuedDpcs();

    while (DriverObject->DeviceObject) {
        PBENCH_NOOP_EXTENSION ext;
        WCHAR linkBuffer[64];
        UNICODE_STRING linkName;

        device = DriverObject->DeviceObject;
        ext = device->DeviceExtension;
        RtlInitEmptyUnicodeString(&linkName, linkBuffer, sizeof linkBuffer);
        RtlAppendUnicodeToString(&linkName, L"\\DosDevices\\");
        RtlAppendUnicodeToString(&linkName, ext->Name);
        IoDeleteSymbolicLink(&linkName);
        IoFreeWorkItem(ext->WorkItem);
        IoDeleteDevice(device);
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status = STATUS_SUCCESS;
    UNREFERENCED_PARAMETER(RegistryPath);

    DriverObject->DriverUnload = BenchNoopUnload;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = BenchNoopCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = BenchNoopCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = BenchNoopCreateClose;
    DriverObject->MajorFunction[IRP_MJ_READ] = BenchNoopRead;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = BenchNoopDeviceControl;

#define BENCH_CREATE(name, flags, pass, compl)                                 \
    if (NT_SUCCESS(status))                                                    \
        status = BenchNoopCreateDevice(DriverObject, BENCH_WIDE_NAME(name), flags);
    BENCH_NOOP_DEVICES(BENCH_CREATE)
#undef BENCH_CREATE

    if (!NT_SUCCESS(status))
        BenchNoopUnload(DriverObject);
    return status;
}
