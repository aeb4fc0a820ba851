/*
 * sync_objects.c - checks that dispatcher objects an application made are
 * kernel objects a driver can use: its semaphore handle (KeReleaseSemaphore
 * wakes the application's wait) and its thread handle (the driver's
 * KeWaitForSingleObject returns when the thread ends); and that a system
 * thread runs at PASSIVE_LEVEL in the System process and can be waited for
 * through its handle.
 */
#include <ntddk.h>
#include "sync_objects.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD Sync_Unload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH Sync_CreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH Sync_DeviceControl;
KSTART_ROUTINE Sync_SystemThread;

#ifndef SEMAPHORE_MODIFY_STATE
#define SEMAPHORE_MODIFY_STATE 0x0002
#endif

static volatile LONG ThreadSaw;

NTSTATUS Sync_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID Sync_SystemThread(PVOID Context)
{
    ThreadSaw = KeGetCurrentIrql() == PASSIVE_LEVEL && ExGetPreviousMode() == KernelMode &&
                PsGetCurrentProcess() == PsInitialSystemProcess && Context == (PVOID)&ThreadSaw;
    PsTerminateSystemThread(STATUS_SUCCESS);
}

static void ReleaseSemaphore(HANDLE handle, KPROCESSOR_MODE mode, SYNC_RESULT *result)
{
    PKSEMAPHORE semaphore;
    result->First = ObReferenceObjectByHandle(handle, SEMAPHORE_MODIFY_STATE, *ExSemaphoreObjectType, mode,
                                              (PVOID *)&semaphore, NULL);
    if (NT_SUCCESS(result->First)) {
        result->Second = KeReleaseSemaphore(semaphore, SEMAPHORE_INCREMENT, 1, FALSE);
        ObDereferenceObject(semaphore);
    }
}

static void WaitThread(HANDLE handle, KPROCESSOR_MODE mode, SYNC_RESULT *result)
{
    PVOID thread;
    LARGE_INTEGER timeout;
    timeout.QuadPart = -5LL * 10000000;
    result->First = ObReferenceObjectByHandle(handle, SYNCHRONIZE, *PsThreadType, mode, &thread, NULL);
    if (NT_SUCCESS(result->First)) {
        result->Second = KeWaitForSingleObject(thread, Executive, KernelMode, FALSE, &timeout);
        ObDereferenceObject(thread);
    }
}

static void RunSystemThread(SYNC_RESULT *result)
{
    OBJECT_ATTRIBUTES attributes;
    HANDLE handle;
    ThreadSaw = -1;
    InitializeObjectAttributes(&attributes, NULL, OBJ_KERNEL_HANDLE, NULL, NULL);
    result->First = PsCreateSystemThread(&handle, THREAD_ALL_ACCESS, &attributes, NULL, NULL, Sync_SystemThread,
                                         (PVOID)&ThreadSaw);
    if (NT_SUCCESS(result->First)) {
        WaitThread(handle, KernelMode, result);
        result->First = result->Second;
        result->Second = ThreadSaw;
        ZwClose(handle);
    }
}

NTSTATUS Sync_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    ULONG code = sp->Parameters.DeviceIoControl.IoControlCode;
    ULONG inLength = sp->Parameters.DeviceIoControl.InputBufferLength;
    SYNC_RESULT result = {-1, -1};
    NTSTATUS status = STATUS_SUCCESS;
    UNREFERENCED_PARAMETER(DeviceObject);

    if (sp->Parameters.DeviceIoControl.OutputBufferLength < sizeof result ||
        (code != IOCTL_SYNC_SYSTEM_THREAD && inLength < sizeof(HANDLE))) {
        status = STATUS_BUFFER_TOO_SMALL;
    } else if (code == IOCTL_SYNC_RELEASE_SEMAPHORE) {
        ReleaseSemaphore(*(HANDLE *)Irp->AssociatedIrp.SystemBuffer, Irp->RequestorMode, &result);
    } else if (code == IOCTL_SYNC_WAIT_THREAD) {
        WaitThread(*(HANDLE *)Irp->AssociatedIrp.SystemBuffer, Irp->RequestorMode, &result);
    } else if (code == IOCTL_SYNC_SYSTEM_THREAD) {
        RunSystemThread(&result);
    } else {
        status = STATUS_INVALID_DEVICE_REQUEST;
    }
    if (NT_SUCCESS(status))
        RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, &result, sizeof result);
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = NT_SUCCESS(status) ? sizeof result : 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

VOID Sync_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(SYNC_LINK_NAME);
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(SYNC_DEVICE_NAME);
    UNICODE_STRING link = RTL_CONSTANT_STRING(SYNC_LINK_NAME);
    PDEVICE_OBJECT device;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);

    status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    device->Flags |= DO_BUFFERED_IO;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = Sync_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = Sync_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = Sync_DeviceControl;
    DriverObject->DriverUnload = Sync_Unload;
    return STATUS_SUCCESS;
}
