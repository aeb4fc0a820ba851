/*
 * neither_probe.c - a METHOD_NEITHER test driver that copies between the
 * caller's own input and output buffers (neither_probe.h).
 *
 * Built with -DNEITHER_PROBE_GUARDED=1 (e2e_neither_guarded.sys) it probes
 * and copies inside __try/__except, so that a bad pointer becomes the
 * request's status: the caller sees ERROR_NOACCESS and carries on
 * (io-semantics 1.D.31, 2.2 #14).
 *
 * Built with -DNEITHER_PROBE_GUARDED=0 (e2e_neither_unguarded.sys) it makes
 * the classic mistake of touching them unguarded: a bad pointer faults in
 * kernel mode, which Windows answers with a bug check.
 */
#include <ntddk.h>

#include "neither_probe.h"

#ifndef NEITHER_PROBE_GUARDED
#define NEITHER_PROBE_GUARDED 1
#endif

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD NeitherProbe_Unload;

_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE)
DRIVER_DISPATCH NeitherProbe_CreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH NeitherProbe_DeviceControl;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, NeitherProbe_Unload)
#pragma alloc_text(PAGE, NeitherProbe_CreateClose)
#pragma alloc_text(PAGE, NeitherProbe_DeviceControl)
#endif

/* Checks that both ranges are user memory and copies Input to Output.
 * Raises an exception for a bad pointer. */
static VOID NeitherProbe_CopyUserBuffers(PVOID Input, ULONG InputLength, PVOID Output,
                                         ULONG OutputLength)
{
    ProbeForRead(Input, InputLength, sizeof(UCHAR));
    ProbeForWrite(Output, OutputLength, sizeof(UCHAR));
    RtlCopyMemory(Output, Input, InputLength);
}

NTSTATUS NeitherProbe_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PVOID input = stack->Parameters.DeviceIoControl.Type3InputBuffer;
    ULONG inputLength = stack->Parameters.DeviceIoControl.InputBufferLength;
    PVOID output = Irp->UserBuffer;
    ULONG outputLength = stack->Parameters.DeviceIoControl.OutputBufferLength;
    ULONG_PTR information = 0;
    NTSTATUS status = STATUS_UNSUCCESSFUL;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    if (stack->Parameters.DeviceIoControl.IoControlCode != IOCTL_NEITHER_PROBE_COPY) {
        status = STATUS_INVALID_DEVICE_REQUEST;
    } else if (outputLength < inputLength) {
        status = STATUS_BUFFER_TOO_SMALL;
    } else {
#if NEITHER_PROBE_GUARDED
        __try {
            NeitherProbe_CopyUserBuffers(input, inputLength, output, outputLength);
            information = inputLength;
            status = STATUS_SUCCESS;
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            information = 0;
            status = GetExceptionCode();
        }
#else
        /* Deliberately unguarded: the caller's pointers are trusted. */
        NeitherProbe_CopyUserBuffers(input, inputLength, output, outputLength);
        information = inputLength;
        status = STATUS_SUCCESS;
#endif
    }

    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS NeitherProbe_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID NeitherProbe_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING linkName;

    PAGED_CODE();

    RtlInitUnicodeString(&linkName, NEITHER_PROBE_LINK_NAME);
    IoDeleteSymbolicLink(&linkName);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING deviceName;
    UNICODE_STRING linkName;
    PDEVICE_OBJECT device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&deviceName, NEITHER_PROBE_DEVICE_NAME);
    status = IoCreateDevice(DriverObject, 0, &deviceName, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    RtlInitUnicodeString(&linkName, NEITHER_PROBE_LINK_NAME);
    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = NeitherProbe_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = NeitherProbe_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = NeitherProbe_DeviceControl;
    DriverObject->DriverUnload = NeitherProbe_Unload;
    return STATUS_SUCCESS;
}
