/*
 * zw_file.c - a driver's own file I/O through the Zw services, as drivers do
 * for logs and configuration: ZwCreateFile on \??\C:\..., ZwWriteFile,
 * ZwFlushBuffersFile, ZwQueryInformationFile (standard and position),
 * ZwSetInformationFile (position), ZwReadFile with and without a byte
 * offset, ZwOpenFile; and ZwDeviceIoControlFile on a device (its own).
 */
#include <ntddk.h>
#include <ntstrsafe.h>
#include "zw_file.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD ZwFile_Unload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH ZwFile_CreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH ZwFile_DeviceControl;

NTSTATUS ZwFile_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

static NTSTATUS OpenPath(PCWSTR Prefix, PCWSTR Path, BOOLEAN Create, PHANDLE File)
{
    WCHAR buffer[512];
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES attributes;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = RtlStringCbPrintfW(buffer, sizeof buffer, L"%ws%ws", Prefix, Path);
    if (!NT_SUCCESS(status))
        return status;
    RtlInitUnicodeString(&name, buffer);
    InitializeObjectAttributes(&attributes, &name, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, NULL);
    if (Create)
        return ZwCreateFile(File, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, &attributes, &iosb, NULL,
                            FILE_ATTRIBUTE_NORMAL, 0, FILE_OVERWRITE_IF,
                            FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE, NULL, 0);
    return ZwOpenFile(File, GENERIC_READ | SYNCHRONIZE, &attributes, &iosb, FILE_SHARE_READ,
                      FILE_SYNCHRONOUS_IO_NONALERT);
}

static ULONG RoundTrip(PCWSTR Path, ZW_FILE_RESULT *r)
{
    HANDLE file = NULL, device = NULL;
    IO_STATUS_BLOCK iosb;
    char content[] = ZW_FILE_CONTENT;
    ULONG step = ZwStepCreate;

    r->Status = OpenPath(L"\\??\\", Path, TRUE, &file);
    if (!NT_SUCCESS(r->Status))
        return step;
    step = ZwStepWrite;
    r->Status = ZwWriteFile(file, NULL, NULL, NULL, &iosb, content, sizeof content - 1, NULL, NULL);
    if (!NT_SUCCESS(r->Status) || iosb.Information != sizeof content - 1)
        goto out;
    step = ZwStepFlush;
    r->Status = ZwFlushBuffersFile(file, &iosb);
    if (!NT_SUCCESS(r->Status))
        goto out;
    step = ZwStepQueryStandard;
    FILE_STANDARD_INFORMATION standard;
    r->Status = ZwQueryInformationFile(file, &iosb, &standard, sizeof standard, FileStandardInformation);
    if (!NT_SUCCESS(r->Status))
        goto out;
    r->EndOfFile = standard.EndOfFile.QuadPart;
    step = ZwStepSetPosition;
    FILE_POSITION_INFORMATION position = {.CurrentByteOffset.QuadPart = 0};
    r->Status = ZwSetInformationFile(file, &iosb, &position, sizeof position, FilePositionInformation);
    if (!NT_SUCCESS(r->Status))
        goto out;
    step = ZwStepRead;
    r->Status = ZwReadFile(file, NULL, NULL, NULL, &iosb, r->Data, sizeof r->Data - 1, NULL, NULL);
    if (!NT_SUCCESS(r->Status))
        goto out;
    r->BytesRead = (ULONG)iosb.Information;
    step = ZwStepQueryPosition;
    r->Status = ZwQueryInformationFile(file, &iosb, &position, sizeof position, FilePositionInformation);
    if (!NT_SUCCESS(r->Status))
        goto out;
    r->PositionAfterRead = position.CurrentByteOffset.QuadPart;
    ZwClose(file);
    file = NULL;

    step = ZwStepReopen;
    r->Status = OpenPath(L"\\??\\", Path, FALSE, &file);
    if (!NT_SUCCESS(r->Status))
        goto out;
    step = ZwStepReadAt;
    LARGE_INTEGER offset = {.QuadPart = 8};
    r->Status = ZwReadFile(file, NULL, NULL, NULL, &iosb, r->DataAt, 2, &offset, NULL);
    if (!NT_SUCCESS(r->Status))
        goto out;
    r->BytesReadAt = (ULONG)iosb.Information;

    step = ZwStepOpenDevice;
    r->Status = OpenPath(L"", ZW_FILE_DEVICE_NAME, FALSE, &device);
    if (!NT_SUCCESS(r->Status))
        goto out;
    step = ZwStepDeviceIoControl;
    ULONG in = 0x5A5A1234, out = 0;
    r->Status = ZwDeviceIoControlFile(device, NULL, NULL, NULL, &iosb, IOCTL_ZW_FILE_ECHO, &in, sizeof in, &out,
                                      sizeof out);
    if (!NT_SUCCESS(r->Status) || iosb.Information != sizeof out)
        goto out;
    r->Echo = out;
    step = ZwStepDone;
out:
    if (device)
        ZwClose(device);
    if (file)
        ZwClose(file);
    return step;
}

NTSTATUS ZwFile_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    ULONG in = sp->Parameters.DeviceIoControl.InputBufferLength;
    ULONG outLength = sp->Parameters.DeviceIoControl.OutputBufferLength;
    PVOID buffer = Irp->AssociatedIrp.SystemBuffer;
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;
    ULONG_PTR information = 0;
    UNREFERENCED_PARAMETER(DeviceObject);

    switch (sp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_ZW_FILE_ROUND_TRIP: {
        WCHAR path[260];
        if (in < sizeof(WCHAR) || in > sizeof path || outLength < sizeof(ZW_FILE_RESULT)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        RtlCopyMemory(path, buffer, in);
        path[in / sizeof(WCHAR) - 1] = 0;
        ZW_FILE_RESULT *r = buffer;
        RtlZeroMemory(r, sizeof *r);
        r->Step = RoundTrip(path, r);
        information = sizeof *r;
        status = STATUS_SUCCESS;
        break;
    }
    case IOCTL_ZW_FILE_ECHO:
        if (in < sizeof(ULONG) || outLength < sizeof(ULONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        information = sizeof(ULONG); /* the system buffer already holds the input */
        status = STATUS_SUCCESS;
        break;
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

VOID ZwFile_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(ZW_FILE_LINK_NAME);
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(ZW_FILE_DEVICE_NAME);
    UNICODE_STRING link = RTL_CONSTANT_STRING(ZW_FILE_LINK_NAME);
    PDEVICE_OBJECT device;
    UNREFERENCED_PARAMETER(RegistryPath);

    NTSTATUS status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_UNKNOWN, 0, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = ZwFile_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = ZwFile_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ZwFile_DeviceControl;
    DriverObject->DriverUnload = ZwFile_Unload;
    return STATUS_SUCCESS;
}
