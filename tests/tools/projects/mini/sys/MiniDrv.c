/*
 * MiniDrv.c - the driver of the mini sample that "ntk build" builds from
 * its project files: one device, one IOCTL adding MINI_DELTA (a macro the
 * project file defines) to the caller's number.
 */
#include <ntddk.h>
#include "..\inc\mini_ioctl.h"

#ifndef MINI_DELTA
#error "MINI_DELTA comes from the project's PreprocessorDefinitions"
#endif

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD MiniUnload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH MiniCreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH MiniDeviceControl;

NTSTATUS MiniCreateClose(_In_ PDEVICE_OBJECT DeviceObject, _Inout_ PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS MiniDeviceControl(_In_ PDEVICE_OBJECT DeviceObject, _Inout_ PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;
    ULONG_PTR information = 0;
    UNREFERENCED_PARAMETER(DeviceObject);

    if (stack->Parameters.DeviceIoControl.IoControlCode == IOCTL_MINI_ADD) {
        if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(ULONG) ||
            stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(ULONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
        } else {
            PULONG value = (PULONG)Irp->AssociatedIrp.SystemBuffer;
            *value += MINI_DELTA;
            information = sizeof(ULONG);
            status = STATUS_SUCCESS;
        }
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

VOID MiniUnload(_In_ PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING dosName;
    RtlInitUnicodeString(&dosName, MINI_DOS_DEVICE_NAME);
    IoDeleteSymbolicLink(&dosName);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING deviceName, dosName;
    PDEVICE_OBJECT device = NULL;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&deviceName, MINI_DEVICE_NAME);
    status = IoCreateDevice(DriverObject, 0, &deviceName, FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE,
                            &device);
    if (!NT_SUCCESS(status))
        return status;
    RtlInitUnicodeString(&dosName, MINI_DOS_DEVICE_NAME);
    status = IoCreateSymbolicLink(&dosName, &deviceName);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = MiniCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = MiniCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = MiniDeviceControl;
    DriverObject->DriverUnload = MiniUnload;
    return STATUS_SUCCESS;
}
