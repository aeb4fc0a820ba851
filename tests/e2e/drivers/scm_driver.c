/*
 * scm_driver.c - a driver started and stopped through the service control
 * manager (scm_app.c). It creates \Device\E2eScm and \??\E2eScm, answers one
 * IOCTL (the input plus one, then the last component of the registry path
 * DriverEntry was given) and removes both in DriverUnload. Built a second
 * time with SCM_DRIVER_NO_UNLOAD: no DriverUnload, so it cannot be stopped.
 */
#include <ntddk.h>
#include "scm_driver.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD ScmDriver_Unload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH ScmDriver_CreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH ScmDriver_DeviceControl;

static WCHAR ServiceName[64];
static USHORT ServiceNameLength;

NTSTATUS ScmDriver_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS ScmDriver_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;
    ULONG_PTR information = 0;
    UNREFERENCED_PARAMETER(DeviceObject);
    if (sp->Parameters.DeviceIoControl.IoControlCode == IOCTL_SCM_DRIVER_ADD_ONE) {
        ULONG needed = sizeof(ULONG) + ServiceNameLength;
        if (sp->Parameters.DeviceIoControl.InputBufferLength < sizeof(ULONG) ||
            sp->Parameters.DeviceIoControl.OutputBufferLength < needed) {
            status = STATUS_BUFFER_TOO_SMALL;
        } else {
            PUCHAR buffer = Irp->AssociatedIrp.SystemBuffer;
            *(PULONG)buffer += 1;
            RtlCopyMemory(buffer + sizeof(ULONG), ServiceName, ServiceNameLength);
            information = needed;
            status = STATUS_SUCCESS;
        }
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

VOID ScmDriver_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(SCM_DRIVER_LINK_NAME);
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(SCM_DRIVER_DEVICE_NAME);
    UNICODE_STRING link = RTL_CONSTANT_STRING(SCM_DRIVER_LINK_NAME);
    PDEVICE_OBJECT device;
    USHORT chars = RegistryPath->Length / sizeof(WCHAR), start = chars;
    while (start > 0 && RegistryPath->Buffer[start - 1] != L'\\')
        start--;
    ServiceNameLength = (USHORT)min((chars - start) * sizeof(WCHAR), sizeof ServiceName);
    RtlCopyMemory(ServiceName, RegistryPath->Buffer + start, ServiceNameLength);

    NTSTATUS status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_UNKNOWN, 0, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = ScmDriver_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = ScmDriver_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ScmDriver_DeviceControl;
#ifndef SCM_DRIVER_NO_UNLOAD
    DriverObject->DriverUnload = ScmDriver_Unload;
#endif
    return STATUS_SUCCESS;
}
