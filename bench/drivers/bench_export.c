/*
 * bench_export.c - a driver offering one operation two ways: as an internal
 * I/O control request (an IRP) and as a direct-call interface, a function
 * table another driver fetches once with IOCTL_BENCH_EXPORT_GET_INTERFACE
 * (the way bus drivers hand out interfaces through IRP_MN_QUERY_INTERFACE;
 * ntk has no export drivers yet). The operation copies 64 bytes.
 *
 * Device \Device\BenchExport, no link: kernel callers only.
 */
#include <ntddk.h>

#include "bench_ioctl.h"

typedef struct _BENCH_EXPORT_EXTENSION {
    ULONG Calls;
} BENCH_EXPORT_EXTENSION, *PBENCH_EXPORT_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD BenchExportUnload;
DRIVER_DISPATCH BenchExportCreateClose;
DRIVER_DISPATCH BenchExportInternalControl;

/* The operation itself, for both ways of reaching it. */
static int BenchExportCopy(void *Context, const void *Input, void *Output, unsigned int Length)
{
    UNREFERENCED_PARAMETER(Context);
    if (Length > 4096)
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(Output, Input, Length);
    return STATUS_SUCCESS;
}

static NTSTATUS BenchExportComplete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

NTSTATUS BenchExportCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return BenchExportComplete(Irp, STATUS_SUCCESS, 0);
}

NTSTATUS BenchExportInternalControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    ULONG inLength = sp->Parameters.DeviceIoControl.InputBufferLength;
    ULONG outLength = sp->Parameters.DeviceIoControl.OutputBufferLength;

    switch (sp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_BENCH_EXPORT_GET_INTERFACE: {
        BENCH_EXPORT_INTERFACE *iface = Irp->UserBuffer;
        if (outLength < sizeof *iface || !iface)
            return BenchExportComplete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        iface->Size = sizeof *iface;
        iface->Version = BENCH_EXPORT_INTERFACE_VERSION;
        iface->Context = DeviceObject->DeviceExtension;
        iface->Copy = BenchExportCopy;
        return BenchExportComplete(Irp, STATUS_SUCCESS, sizeof *iface);
    }
    case IOCTL_BENCH_EXPORT_COPY:
        if (outLength < inLength)
            return BenchExportComplete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        return BenchExportComplete(Irp,
                                   BenchExportCopy(DeviceObject->DeviceExtension,
                                                   sp->Parameters.DeviceIoControl.Type3InputBuffer,
                                                   Irp->UserBuffer, inLength),
                                   inLength);
    default:
        return BenchExportComplete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

VOID BenchExportUnload(PDRIVER_OBJECT DriverObject)
{
    if (DriverObject->DeviceObject)
        IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name;
    PDEVICE_OBJECT device;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);

    DriverObject->DriverUnload = BenchExportUnload;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = BenchExportCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = BenchExportCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = BenchExportCreateClose;
    DriverObject->MajorFunction[IRP_MJ_INTERNAL_DEVICE_CONTROL] = BenchExportInternalControl;

    RtlInitUnicodeString(&name, BENCH_EXPORT_DEVICE);
    status = IoCreateDevice(DriverObject, sizeof(BENCH_EXPORT_EXTENSION), &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    device->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
