/*
 * faults.c - a test driver that commits, on request, the mistakes Windows
 * answers with a bug check (faults.h):
 *
 *   IOCTL_FAULTS_COMPLETE_TWICE      IoCompleteRequest twice on one IRP
 *                                    (MULTIPLE_IRP_COMPLETE_REQUESTS,
 *                                    io-semantics 1.B.19)
 *   IOCTL_FAULTS_BUGCHECK            KeBugCheckEx(0xDEAD, 1, 2, 3, 4)
 *   IOCTL_FAULTS_NO_STACK_LOCATION   IoCallDriver on an IRP with no stack
 *                                    location left for the next driver
 *                                    (NO_MORE_IRP_STACK_LOCATIONS, 1.A.4)
 *
 * Each ends the run; the tests check ntk's exit status and its report.
 */
#include <ntddk.h>

#include "faults.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD Faults_Unload;

_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE)
DRIVER_DISPATCH Faults_CreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH Faults_DeviceControl;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, Faults_Unload)
#pragma alloc_text(PAGE, Faults_CreateClose)
#pragma alloc_text(PAGE, Faults_DeviceControl)
#endif

/* An unnamed second device, the target of the misdirected IoCallDriver. */
static PDEVICE_OBJECT FaultsLowerDevice;

/* The mistake: completing an IRP, then completing it again as if the first
 * call had not happened. */
static NTSTATUS Faults_CompleteTwice(PIRP Irp)
{
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

/* The mistake: behaving like a filter without being one. The IRP was built
 * for this device's stack (StackSize 1), so it has no location for a lower
 * driver, and IoCallDriver runs out of stack locations. */
static NTSTATUS Faults_PassDownWithoutStackLocation(PIRP Irp)
{
    return IoCallDriver(FaultsLowerDevice, Irp);
}

NTSTATUS Faults_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);

    PAGED_CODE();

    if (DeviceObject == FaultsLowerDevice) {
        /* Never reached: the bug check comes first. */
        Irp->IoStatus.Status = STATUS_SUCCESS;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_SUCCESS;
    }

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_FAULTS_COMPLETE_TWICE:
        return Faults_CompleteTwice(Irp);
    case IOCTL_FAULTS_BUGCHECK:
        KeBugCheckEx(FAULTS_BUGCHECK_CODE, 1, 2, 3, 4);
    case IOCTL_FAULTS_NO_STACK_LOCATION:
        return Faults_PassDownWithoutStackLocation(Irp);
    default:
        Irp->IoStatus.Status = STATUS_INVALID_DEVICE_REQUEST;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_INVALID_DEVICE_REQUEST;
    }
}

NTSTATUS Faults_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID Faults_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING linkName;
    PDEVICE_OBJECT device = DriverObject->DeviceObject;
    PDEVICE_OBJECT next;

    PAGED_CODE();

    RtlInitUnicodeString(&linkName, FAULTS_LINK_NAME);
    IoDeleteSymbolicLink(&linkName);
    while (device != NULL) {
        next = device->NextDevice;
        IoDeleteDevice(device);
        device = next;
    }
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING deviceName;
    UNICODE_STRING linkName;
    PDEVICE_OBJECT device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&deviceName, FAULTS_DEVICE_NAME);
    status = IoCreateDevice(DriverObject, 0, &deviceName, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = IoCreateDevice(DriverObject, 0, NULL, FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN,
                            FALSE, &FaultsLowerDevice);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }

    RtlInitUnicodeString(&linkName, FAULTS_LINK_NAME);
    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(FaultsLowerDevice);
        IoDeleteDevice(device);
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = Faults_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = Faults_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = Faults_DeviceControl;
    DriverObject->DriverUnload = Faults_Unload;
    return STATUS_SUCCESS;
}
