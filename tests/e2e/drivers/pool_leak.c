/*
 * pool_leak.c - a driver that leaks pool: every IOCTL_POOL_LEAK_ALLOCATE
 * allocates a 'kaeL' block it never frees. A block tagged 'dooG' made in
 * DriverEntry is freed in DriverUnload and must not appear in the report.
 * ntk reports the leak when the driver unloads (and bug checks 0xC4/0x62
 * unless NTK_POOL_LEAKS=report).
 */
#include <ntddk.h>
#include "pool_leak.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD PoolLeak_Unload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH PoolLeak_CreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH PoolLeak_DeviceControl;

static PVOID GoodBlock;
static ULONG Leaked;

NTSTATUS PoolLeak_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS PoolLeak_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;
    ULONG_PTR information = 0;
    UNREFERENCED_PARAMETER(DeviceObject);

    if (sp->Parameters.DeviceIoControl.IoControlCode == IOCTL_POOL_LEAK_ALLOCATE) {
        if (sp->Parameters.DeviceIoControl.OutputBufferLength < sizeof(ULONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
        } else {
            PVOID block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'kaeL');
            if (block) {
                Leaked++; /* and the pointer is dropped */
                status = STATUS_SUCCESS;
            } else {
                status = STATUS_INSUFFICIENT_RESOURCES;
            }
            *(PULONG)Irp->AssociatedIrp.SystemBuffer = Leaked;
            information = sizeof(ULONG);
        }
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

VOID PoolLeak_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(POOL_LEAK_LINK_NAME);
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
    ExFreePoolWithTag(GoodBlock, 'dooG');
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(POOL_LEAK_DEVICE_NAME);
    UNICODE_STRING link = RTL_CONSTANT_STRING(POOL_LEAK_LINK_NAME);
    PDEVICE_OBJECT device;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);

    GoodBlock = ExAllocatePoolWithTag(PagedPool, 100, 'dooG');
    if (!GoodBlock)
        return STATUS_INSUFFICIENT_RESOURCES;
    status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(GoodBlock, 'dooG');
        return status;
    }
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        ExFreePoolWithTag(GoodBlock, 'dooG');
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = PoolLeak_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = PoolLeak_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = PoolLeak_DeviceControl;
    DriverObject->DriverUnload = PoolLeak_Unload;
    return STATUS_SUCCESS;
}
