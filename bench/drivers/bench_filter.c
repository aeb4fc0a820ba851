/*
 * bench_filter.c - the benchmark's filter drivers, built twice:
 *
 *   BENCH_FILTER_COMPLETION=0  bench_passfilter.sys: each request goes down
 *                              with IoSkipCurrentIrpStackLocation + IoCallDriver
 *   BENCH_FILTER_COMPLETION=1  bench_complfilter.sys: each request goes down
 *                              with IoCopyCurrentIrpStackLocationToNext, a
 *                              completion routine (success, error, cancel)
 *                              and IoCallDriver
 *
 * No registry: DriverEntry attaches, for every entry of BENCH_NOOP_DEVICES
 * (bench_ioctl.h), as many filter devices as the entry asks for this kind,
 * each with IoAttachDeviceToDeviceStack on the current top of the named
 * device's stack. bench_noop.sys must be loaded first.
 */
#include <ntddk.h>

#include "bench_ioctl.h"

#ifndef BENCH_FILTER_COMPLETION
#define BENCH_FILTER_COMPLETION 0
#endif

typedef struct _BENCH_FILTER_EXTENSION {
    PDEVICE_OBJECT Lower;
} BENCH_FILTER_EXTENSION, *PBENCH_FILTER_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD BenchFilterUnload;
DRIVER_DISPATCH BenchFilterDispatch;
#if BENCH_FILTER_COMPLETION
IO_COMPLETION_ROUTINE BenchFilterCompletion;

NTSTATUS BenchFilterCompletion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    if (Irp->PendingReturned)
        IoMarkIrpPending(Irp);
    return STATUS_CONTINUE_COMPLETION;
}
#endif

NTSTATUS BenchFilterDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PBENCH_FILTER_EXTENSION ext = DeviceObject->DeviceExtension;
#if BENCH_FILTER_COMPLETION
    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, BenchFilterCompletion, NULL, TRUE, TRUE, TRUE);
#else
    IoSkipCurrentIrpStackLocation(Irp);
#endif
    return IoCallDriver(ext->Lower, Irp);
}

static NTSTATUS BenchFilterAttach(PDRIVER_OBJECT DriverObject, PCWSTR Name)
{
    WCHAR buffer[64];
    UNICODE_STRING targetName;
    PFILE_OBJECT file;
    PDEVICE_OBJECT target, filter;
    PBENCH_FILTER_EXTENSION ext;
    NTSTATUS status;

    RtlInitEmptyUnicodeString(&targetName, buffer, sizeof buffer);
    RtlAppendUnicodeToString(&targetName, L"\\Device\\");
    RtlAppendUnicodeToString(&targetName, Name);
    status = IoGetDeviceObjectPointer(&targetName, FILE_READ_DATA, &file, &target);
    if (!NT_SUCCESS(status)) {
        DbgPrint("BenchFilter: %wZ: not found (0x%08X): load bench_noop.sys first\n", &targetName, status);
        return status;
    }
    status = IoCreateDevice(DriverObject, sizeof(BENCH_FILTER_EXTENSION), NULL, target->DeviceType,
                            target->Characteristics, FALSE, &filter);
    if (NT_SUCCESS(status)) {
        ext = filter->DeviceExtension;
        ext->Lower = IoAttachDeviceToDeviceStack(filter, target);
        if (!ext->Lower) {
            IoDeleteDevice(filter);
            status = STATUS_NO_SUCH_DEVICE;
        } else {
            filter->Flags |= ext->Lower->Flags & (DO_BUFFERED_IO | DO_DIRECT_IO | DO_POWER_PAGABLE);
            filter->Flags &= ~DO_DEVICE_INITIALIZING;
        }
    }
    ObDereferenceObject(file);
    return status;
}

VOID BenchFilterUnload(PDRIVER_OBJECT DriverObject)
{
    while (DriverObject->DeviceObject) {
        PDEVICE_OBJECT device = DriverObject->DeviceObject;
        PBENCH_FILTER_EXTENSION ext = device->DeviceExtension;
        if (ext->Lower)
            IoDetachDevice(ext->Lower);
        IoDeleteDevice(device);
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status = STATUS_SUCCESS;
    ULONG i, count;
    UNREFERENCED_PARAMETER(RegistryPath);

    for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        DriverObject->MajorFunction[i] = BenchFilterDispatch;
    DriverObject->DriverUnload = BenchFilterUnload;

#define BENCH_ATTACH(name, flags, pass, compl)                                        \
    count = BENCH_FILTER_COMPLETION ? (compl) : (pass);                               \
    for (i = 0; i < count && NT_SUCCESS(status); i++)                                 \
        status = BenchFilterAttach(DriverObject, BENCH_WIDE_NAME(name));
    BENCH_NOOP_DEVICES(BENCH_ATTACH)
#undef BENCH_ATTACH

    if (!NT_SUCCESS(status))
        BenchFilterUnload(DriverObject);
    return status;
}
