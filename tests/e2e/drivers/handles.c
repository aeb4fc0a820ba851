/*
 * handles.c - checks that a handle an application made with CreateEvent is
 * a kernel object handle a driver can use: ObReferenceObjectByHandle with
 * *ExEventObjectType in the caller's mode gives the KEVENT, KeSetEvent
 * wakes the application's WaitForSingleObject. A handle of another type
 * gives STATUS_OBJECT_TYPE_MISMATCH, a bogus one STATUS_INVALID_HANDLE.
 *
 * The driver also leaves its device and symbolic link behind when it
 * unloads when loaded as service "E2eHandlesLeaky", so that the unload
 * report can be checked.
 */
#include <ntddk.h>
#include "handles.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD Handles_Unload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH Handles_CreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH Handles_DeviceControl;


static BOOLEAN LeaveThingsBehind;

NTSTATUS Handles_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS Handles_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;
    ULONG_PTR information = 0;
    UNREFERENCED_PARAMETER(DeviceObject);

    if (sp->Parameters.DeviceIoControl.IoControlCode == IOCTL_HANDLES_SIGNAL_EVENT) {
        if (sp->Parameters.DeviceIoControl.InputBufferLength < sizeof(HANDLE) ||
            sp->Parameters.DeviceIoControl.OutputBufferLength < sizeof(ULONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
        } else {
            HANDLE handle = *(HANDLE *)Irp->AssociatedIrp.SystemBuffer;
            PKEVENT event = NULL;
            NTSTATUS referenced = ObReferenceObjectByHandle(handle, EVENT_MODIFY_STATE, *ExEventObjectType,
                                                            Irp->RequestorMode, (PVOID *)&event, NULL);
            if (NT_SUCCESS(referenced)) {
                KeSetEvent(event, IO_NO_INCREMENT, FALSE);
                ObDereferenceObject(event);
            }
            *(PULONG)Irp->AssociatedIrp.SystemBuffer = (ULONG)referenced;
            information = sizeof(ULONG);
            status = STATUS_SUCCESS;
        }
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

VOID Handles_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(HANDLES_LINK_NAME);
    if (LeaveThingsBehind)
        return;
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(HANDLES_DEVICE_NAME);
    UNICODE_STRING link = RTL_CONSTANT_STRING(HANDLES_LINK_NAME);
    UNICODE_STRING leaky = RTL_CONSTANT_STRING(L"E2eHandlesLeaky");
    UNICODE_STRING service;
    PDEVICE_OBJECT device;
    NTSTATUS status;

    /* The service name is the last component of the registry path. */
    service.Buffer = RegistryPath->Buffer;
    service.Length = RegistryPath->Length;
    for (USHORT i = RegistryPath->Length / sizeof(WCHAR); i > 0; i--) {
        if (RegistryPath->Buffer[i - 1] == L'\\') {
            service.Buffer = RegistryPath->Buffer + i;
            service.Length = (USHORT)(RegistryPath->Length - i * sizeof(WCHAR));
            break;
        }
    }
    service.MaximumLength = service.Length;
    LeaveThingsBehind = RtlEqualUnicodeString(&service, &leaky, TRUE);

    status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    device->Flags |= DO_BUFFERED_IO;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = Handles_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = Handles_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = Handles_DeviceControl;
    DriverObject->DriverUnload = Handles_Unload;
    return STATUS_SUCCESS;
}
