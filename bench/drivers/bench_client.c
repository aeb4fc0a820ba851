/*
 * bench_client.c - a driver calling another driver (bench_export.sys) Count
 * times inside one request of the app, one of three ways:
 *
 *   BENCH_CLIENT_MODE_DIRECT_CALL  through the function pointer it fetched
 *                                  from BenchExport once
 *   BENCH_CLIENT_MODE_REUSED_IRP   IoCallDriver with one IRP it allocated
 *                                  (IoAllocateIrp), whose completion routine
 *                                  returns STATUS_MORE_PROCESSING_REQUIRED,
 *                                  recycled with IoReuseIrp for each call
 *   BENCH_CLIENT_MODE_NEW_IRP      the same with IoAllocateIrp + IoFreeIrp
 *                                  for each call
 *
 * Each call copies 64 bytes. Device \Device\BenchClient, link
 * \DosDevices\BenchClient. BenchExport is looked up on the first request,
 * so the load order of the two drivers does not matter.
 */
#include <ntddk.h>

#include "bench_ioctl.h"

#define BENCH_CLIENT_BYTES 64

typedef struct _BENCH_CLIENT_EXTENSION {
    PFILE_OBJECT ExportFile;     /* referenced while we use the export device */
    PDEVICE_OBJECT ExportDevice; /* the top of BenchExport's stack */
    BENCH_EXPORT_INTERFACE Interface;
    KEVENT Done;
    UCHAR Input[BENCH_CLIENT_BYTES];
    UCHAR Output[BENCH_CLIENT_BYTES];
} BENCH_CLIENT_EXTENSION, *PBENCH_CLIENT_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD BenchClientUnload;
DRIVER_DISPATCH BenchClientCreateClose;
DRIVER_DISPATCH BenchClientDeviceControl;
IO_COMPLETION_ROUTINE BenchClientCallDone;

static NTSTATUS BenchClientComplete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

NTSTATUS BenchClientCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return BenchClientComplete(Irp, STATUS_SUCCESS, 0);
}

/* Our IRP comes back to us: keep it (no I/O manager completion). */
NTSTATUS BenchClientCallDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    if (Irp->PendingReturned)
        KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

/* Fetches BenchExport's device and its direct-call interface. */
static NTSTATUS BenchClientConnect(PBENCH_CLIENT_EXTENSION ext)
{
    UNICODE_STRING name;
    IO_STATUS_BLOCK iosb;
    KEVENT event;
    PIRP irp;
    NTSTATUS status;

    if (ext->ExportDevice)
        return STATUS_SUCCESS;
    RtlInitUnicodeString(&name, BENCH_EXPORT_DEVICE);
    status = IoGetDeviceObjectPointer(&name, FILE_READ_DATA, &ext->ExportFile, &ext->ExportDevice);
    if (!NT_SUCCESS(status)) {
        ext->ExportDevice = NULL;
        return status;
    }
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    irp = IoBuildDeviceIoControlRequest(IOCTL_BENCH_EXPORT_GET_INTERFACE, ext->ExportDevice, NULL, 0,
                                        &ext->Interface, sizeof ext->Interface, TRUE, &event, &iosb);
    if (!irp) {
        status = STATUS_INSUFFICIENT_RESOURCES;
    } else {
        IoGetNextIrpStackLocation(irp)->FileObject = ext->ExportFile;
        status = IoCallDriver(ext->ExportDevice, irp);
        if (status == STATUS_PENDING) {
            KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, NULL);
            status = iosb.Status;
        }
    }
    if (NT_SUCCESS(status) && (ext->Interface.Version != BENCH_EXPORT_INTERFACE_VERSION || !ext->Interface.Copy))
        status = STATUS_REVISION_MISMATCH;
    if (!NT_SUCCESS(status)) {
        ObDereferenceObject(ext->ExportFile);
        ext->ExportFile = NULL;
        ext->ExportDevice = NULL;
    }
    return status;
}

/* Sends one copy request down with Irp (fresh or reused). */
static NTSTATUS BenchClientCallWithIrp(PBENCH_CLIENT_EXTENSION ext, PIRP irp)
{
    PIO_STACK_LOCATION next = IoGetNextIrpStackLocation(irp);
    NTSTATUS status;

    next->MajorFunction = IRP_MJ_INTERNAL_DEVICE_CONTROL;
    next->FileObject = ext->ExportFile;
    next->Parameters.DeviceIoControl.IoControlCode = IOCTL_BENCH_EXPORT_COPY;
    next->Parameters.DeviceIoControl.InputBufferLength = BENCH_CLIENT_BYTES;
    next->Parameters.DeviceIoControl.OutputBufferLength = BENCH_CLIENT_BYTES;
    next->Parameters.DeviceIoControl.Type3InputBuffer = ext->Input;
    irp->UserBuffer = ext->Output;
    IoSetCompletionRoutine(irp, BenchClientCallDone, &ext->Done, TRUE, TRUE, TRUE);
    status = IoCallDriver(ext->ExportDevice, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&ext->Done, Executive, KernelMode, FALSE, NULL);
        KeClearEvent(&ext->Done);
    }
    return irp->IoStatus.Status;
}

static VOID BenchClientRun(PBENCH_CLIENT_EXTENSION ext, const BENCH_CLIENT_RUN *run, BENCH_CLIENT_RESULT *result)
{
    ULONG i;
    NTSTATUS status = STATUS_SUCCESS;
    PIRP irp = NULL;

    result->Done = 0;
    result->Status = 0;
    switch (run->Mode) {
    case BENCH_CLIENT_MODE_DIRECT_CALL: {
        PBENCH_EXPORT_COPY copy = ext->Interface.Copy;
        PVOID context = ext->Interface.Context;
        for (i = 0; i < run->Count; i++) {
            ext->Input[0] = (UCHAR)i;
            status = copy(context, ext->Input, ext->Output, BENCH_CLIENT_BYTES);
            if (!NT_SUCCESS(status))
                break;
        }
        break;
    }
    case BENCH_CLIENT_MODE_REUSED_IRP:
        irp = IoAllocateIrp(ext->ExportDevice->StackSize, FALSE);
        if (!irp) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            i = 0;
            break;
        }
        for (i = 0; i < run->Count; i++) {
            ext->Input[0] = (UCHAR)i;
            IoReuseIrp(irp, STATUS_NOT_SUPPORTED);
            status = BenchClientCallWithIrp(ext, irp);
            if (!NT_SUCCESS(status))
                break;
        }
        IoFreeIrp(irp);
        break;
    case BENCH_CLIENT_MODE_NEW_IRP:
        for (i = 0; i < run->Count; i++) {
            ext->Input[0] = (UCHAR)i;
            irp = IoAllocateIrp(ext->ExportDevice->StackSize, FALSE);
            if (!irp) {
                status = STATUS_INSUFFICIENT_RESOURCES;
                break;
            }
            irp->IoStatus.Status = STATUS_NOT_SUPPORTED;
            status = BenchClientCallWithIrp(ext, irp);
            IoFreeIrp(irp);
            if (!NT_SUCCESS(status))
                break;
        }
        break;
    default:
        status = STATUS_INVALID_PARAMETER;
        i = 0;
        break;
    }
    result->Done = i;
    result->Status = NT_SUCCESS(status) ? 0 : status;
    result->Check = ext->Output[0];
}

NTSTATUS BenchClientDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PBENCH_CLIENT_EXTENSION ext = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    BENCH_CLIENT_RUN run;
    NTSTATUS status;

    if (sp->Parameters.DeviceIoControl.IoControlCode != (ULONG)IOCTL_BENCH_CLIENT_RUN)
        return BenchClientComplete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    if (sp->Parameters.DeviceIoControl.InputBufferLength < sizeof run ||
        sp->Parameters.DeviceIoControl.OutputBufferLength < sizeof(BENCH_CLIENT_RESULT))
        return BenchClientComplete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
    status = BenchClientConnect(ext);
    if (!NT_SUCCESS(status))
        return BenchClientComplete(Irp, status, 0);
    RtlCopyMemory(&run, Irp->AssociatedIrp.SystemBuffer, sizeof run);
    BenchClientRun(ext, &run, Irp->AssociatedIrp.SystemBuffer);
    return BenchClientComplete(Irp, STATUS_SUCCESS, sizeof(BENCH_CLIENT_RESULT));
}

VOID BenchClientUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link;
    PDEVICE_OBJECT device = DriverObject->DeviceObject;

    RtlInitUnicodeString(&link, BENCH_CLIENT_LINK);
    IoDeleteSymbolicLink(&link);
    if (device) {
        PBENCH_CLIENT_EXTENSION ext = device->DeviceExtension;
        if (ext->ExportFile)
            ObDereferenceObject(ext->ExportFile);
        IoDeleteDevice(device);
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name, link;
    PDEVICE_OBJECT device;
    PBENCH_CLIENT_EXTENSION ext;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);

    DriverObject->DriverUnload = BenchClientUnload;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = BenchClientCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = BenchClientCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = BenchClientCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = BenchClientDeviceControl;

    RtlInitUnicodeString(&name, BENCH_CLIENT_DEVICE);
    RtlInitUnicodeString(&link, BENCH_CLIENT_LINK);
    status = IoCreateDevice(DriverObject, sizeof(BENCH_CLIENT_EXTENSION), &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    ext = device->DeviceExtension;
    RtlZeroMemory(ext, sizeof *ext);
    KeInitializeEvent(&ext->Done, NotificationEvent, FALSE);
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    device->Flags |= DO_BUFFERED_IO;
    device->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
