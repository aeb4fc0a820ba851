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
 *                                IOCTL_BENCH_PEND_BUFFERED: pended, then
 *                                completed by a work item on the system
 *                                worker thread
 */
#include <ntddk.h>

#include "bench_ioctl.h"

/* RtlInitEmptyUnicodeString, which ntk's headers lack so far. */
static VOID BenchInitEmptyString(PUNICODE_STRING String, PWCH Buffer, USHORT Size)
{
    String->Buffer = Buffer;
    String->Length = 0;
    String->MaximumLength = Size;
}

typedef struct _BENCH_NOOP_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Pending;   /* IRPs waiting for the work item */
    PIO_WORKITEM WorkItem;
    BOOLEAN WorkQueued;   /* the work item is queued or running */
    PCWSTR Name;
} BENCH_NOOP_EXTENSION, *PBENCH_NOOP_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD BenchNoopUnload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) _Dispatch_type_(IRP_MJ_CLEANUP)
DRIVER_DISPATCH BenchNoopCreateClose;
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH BenchNoopRead;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH BenchNoopDeviceControl;
IO_WORKITEM_ROUTINE BenchNoopCompletePending;

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

    BenchInitEmptyString(&deviceName, deviceBuffer, sizeof deviceBuffer);
    BenchInitEmptyString(&linkName, linkBuffer, sizeof linkBuffer);
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
    while (DriverObject->DeviceObject) {
        PDEVICE_OBJECT device = DriverObject->DeviceObject;
        PBENCH_NOOP_EXTENSION ext = device->DeviceExtension;
        WCHAR linkBuffer[64];
        UNICODE_STRING linkName;

        BenchInitEmptyString(&linkName, linkBuffer, sizeof linkBuffer);
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
