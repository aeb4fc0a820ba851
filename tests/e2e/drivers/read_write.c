/*
 * read_write.c - a test driver with three devices, buffered, direct and
 * neither, that report how read and write buffers reach them
 * (read_write.h).
 *
 * A read fills everything the driver can reach of the caller's buffer and
 * completes with the status and Information the application planned, so
 * that the application sees which bytes the I/O manager lets through for
 * each I/O type and status (io-semantics 1.C.22-27). A write keeps the
 * first bytes it received.
 */
#include <ntddk.h>

#include "read_write.h"

typedef enum _READ_WRITE_KIND {
    ReadWriteBuffered,
    ReadWriteDirect,
    ReadWriteNeither,
} READ_WRITE_KIND;

typedef struct _READ_WRITE_EXTENSION {
    READ_WRITE_KIND Kind;
    READ_PLAN Plan;       /* how reads complete */
    ULONG Sequence;       /* reads and writes received */
    READ_WRITE_VIEW Last; /* the last of them */
} READ_WRITE_EXTENSION, *PREAD_WRITE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD ReadWrite_Unload;

_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE)
DRIVER_DISPATCH ReadWrite_CreateClose;
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH ReadWrite_Read;
_Dispatch_type_(IRP_MJ_WRITE) DRIVER_DISPATCH ReadWrite_Write;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH ReadWrite_DeviceControl;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, ReadWrite_Unload)
#pragma alloc_text(PAGE, ReadWrite_CreateClose)
#pragma alloc_text(PAGE, ReadWrite_Read)
#pragma alloc_text(PAGE, ReadWrite_Write)
#pragma alloc_text(PAGE, ReadWrite_DeviceControl)
#endif

/* Deletes every device of the driver. Each one's NextDevice is read before
 * it is deleted. */
static VOID ReadWrite_DeleteDevices(PDRIVER_OBJECT DriverObject)
{
    PDEVICE_OBJECT device = DriverObject->DeviceObject;
    PDEVICE_OBJECT next;

    while (device != NULL) {
        next = device->NextDevice;
        IoDeleteDevice(device);
        device = next;
    }
}

static NTSTATUS ReadWrite_Complete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

/* Records what a read or write of Length bytes arrived with. */
static VOID ReadWrite_RecordRequest(PREAD_WRITE_EXTENSION Extension, PIRP Irp, ULONG Length)
{
    READ_WRITE_VIEW *view = &Extension->Last;

    RtlZeroMemory(view, sizeof(*view));
    view->Sequence = ++Extension->Sequence;
    view->MajorFunction = IoGetCurrentIrpStackLocation(Irp)->MajorFunction;
    view->Length = Length;
    view->IrpFlags = Irp->Flags;
    view->SystemBufferPresent = Irp->AssociatedIrp.SystemBuffer != NULL;
    view->MdlPresent = Irp->MdlAddress != NULL;
    if (Irp->MdlAddress != NULL) {
        view->MdlByteCount = MmGetMdlByteCount(Irp->MdlAddress);
    }
    view->UserBuffer = (ULONG_PTR)Irp->UserBuffer;
}

/*
 * The request's data buffer as this device's I/O type provides it: the
 * system buffer, the system-space mapping of the MDL, or the caller's own
 * pointer (METHOD_NEITHER-style; the caller of this function touches it
 * only under __try). NULL when there is none (a zero-length request).
 */
static PUCHAR ReadWrite_DataBuffer(PREAD_WRITE_EXTENSION Extension, PIRP Irp)
{
    switch (Extension->Kind) {
    case ReadWriteBuffered:
        return Irp->AssociatedIrp.SystemBuffer;
    case ReadWriteDirect:
        return Irp->MdlAddress != NULL
                   ? MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority)
                   : NULL;
    default:
        return Irp->UserBuffer;
    }
}

NTSTATUS ReadWrite_Read(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PREAD_WRITE_EXTENSION extension = DeviceObject->DeviceExtension;
    ULONG length = IoGetCurrentIrpStackLocation(Irp)->Parameters.Read.Length;
    PUCHAR buffer;
    NTSTATUS status;

    PAGED_CODE();

    ReadWrite_RecordRequest(extension, Irp, length);
    buffer = ReadWrite_DataBuffer(extension, Irp);

    /* Fill the buffer whatever the planned status: which of these bytes the
     * caller gets to see is the I/O manager's business. */
    if (buffer != NULL && length != 0) {
        __try {
            if (extension->Kind == ReadWriteNeither) {
                ProbeForWrite(buffer, length, sizeof(UCHAR));
            }
            RtlFillMemory(buffer, length, READ_WRITE_FILL_BYTE);
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            return ReadWrite_Complete(Irp, GetExceptionCode(), 0);
        }
    }

    status = extension->Plan.Status;
    return ReadWrite_Complete(Irp, status, extension->Plan.Information);
}

NTSTATUS ReadWrite_Write(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PREAD_WRITE_EXTENSION extension = DeviceObject->DeviceExtension;
    ULONG length = IoGetCurrentIrpStackLocation(Irp)->Parameters.Write.Length;
    READ_WRITE_VIEW *view = &extension->Last;
    PUCHAR buffer;

    PAGED_CODE();

    ReadWrite_RecordRequest(extension, Irp, length);
    buffer = ReadWrite_DataBuffer(extension, Irp);

    if (buffer != NULL && length != 0) {
        __try {
            if (extension->Kind == ReadWriteNeither) {
                ProbeForRead(buffer, length, sizeof(UCHAR));
            }
            view->DataBytes = min(length, (ULONG)READ_WRITE_SAVED_BYTES);
            RtlCopyMemory(view->Data, buffer, view->DataBytes);
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            return ReadWrite_Complete(Irp, GetExceptionCode(), 0);
        }
    }
    return ReadWrite_Complete(Irp, STATUS_SUCCESS, length);
}

NTSTATUS ReadWrite_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PREAD_WRITE_EXTENSION extension = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PVOID buffer = Irp->AssociatedIrp.SystemBuffer;

    PAGED_CODE();

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_READ_WRITE_SET_READ_PLAN:
        if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(READ_PLAN)) {
            return ReadWrite_Complete(Irp, STATUS_INVALID_PARAMETER, 0);
        }
        RtlCopyMemory(&extension->Plan, buffer, sizeof(READ_PLAN));
        return ReadWrite_Complete(Irp, STATUS_SUCCESS, 0);
    case IOCTL_READ_WRITE_GET_LAST_REQUEST:
        if (stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(READ_WRITE_VIEW)) {
            return ReadWrite_Complete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        }
        RtlCopyMemory(buffer, &extension->Last, sizeof(READ_WRITE_VIEW));
        return ReadWrite_Complete(Irp, STATUS_SUCCESS, sizeof(READ_WRITE_VIEW));
    default:
        return ReadWrite_Complete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

NTSTATUS ReadWrite_CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    return ReadWrite_Complete(Irp, STATUS_SUCCESS, 0);
}

typedef struct _READ_WRITE_DEVICE_SPEC {
    READ_WRITE_KIND Kind;
    PCWSTR DeviceName;
    PCWSTR LinkName;
    ULONG IoFlags;
} READ_WRITE_DEVICE_SPEC;

static const READ_WRITE_DEVICE_SPEC ReadWriteDevices[] = {
    {ReadWriteBuffered, READ_WRITE_BUFFERED_DEVICE_NAME, READ_WRITE_BUFFERED_LINK_NAME,
     DO_BUFFERED_IO},
    {ReadWriteDirect, READ_WRITE_DIRECT_DEVICE_NAME, READ_WRITE_DIRECT_LINK_NAME, DO_DIRECT_IO},
    {ReadWriteNeither, READ_WRITE_NEITHER_DEVICE_NAME, READ_WRITE_NEITHER_LINK_NAME, 0},
};

VOID ReadWrite_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING linkName;
    ULONG i;

    PAGED_CODE();

    for (i = 0; i < RTL_NUMBER_OF(ReadWriteDevices); i++) {
        RtlInitUnicodeString(&linkName, ReadWriteDevices[i].LinkName);
        IoDeleteSymbolicLink(&linkName);
    }
    ReadWrite_DeleteDevices(DriverObject);
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING deviceName;
    UNICODE_STRING linkName;
    PDEVICE_OBJECT device;
    PREAD_WRITE_EXTENSION extension;
    NTSTATUS status;
    ULONG i;

    UNREFERENCED_PARAMETER(RegistryPath);

    DriverObject->MajorFunction[IRP_MJ_CREATE] = ReadWrite_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = ReadWrite_CreateClose;
    DriverObject->MajorFunction[IRP_MJ_READ] = ReadWrite_Read;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = ReadWrite_Write;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ReadWrite_DeviceControl;
    DriverObject->DriverUnload = ReadWrite_Unload;

    for (i = 0; i < RTL_NUMBER_OF(ReadWriteDevices); i++) {
        RtlInitUnicodeString(&deviceName, ReadWriteDevices[i].DeviceName);
        status = IoCreateDevice(DriverObject, sizeof(READ_WRITE_EXTENSION), &deviceName,
                                FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE, &device);
        if (NT_SUCCESS(status)) {
            RtlInitUnicodeString(&linkName, ReadWriteDevices[i].LinkName);
            status = IoCreateSymbolicLink(&linkName, &deviceName);
            if (!NT_SUCCESS(status)) {
                IoDeleteDevice(device);
            }
        }
        if (!NT_SUCCESS(status)) {
            /* Undo the devices made so far; the unload routine does not run
             * when DriverEntry fails. */
            while (i-- > 0) {
                RtlInitUnicodeString(&linkName, ReadWriteDevices[i].LinkName);
                IoDeleteSymbolicLink(&linkName);
            }
            ReadWrite_DeleteDevices(DriverObject);
            return status;
        }

        extension = device->DeviceExtension;
        RtlZeroMemory(extension, sizeof(*extension));
        extension->Kind = ReadWriteDevices[i].Kind;
        extension->Plan.Status = STATUS_SUCCESS;
        device->Flags |= ReadWriteDevices[i].IoFlags;
    }
    return STATUS_SUCCESS;
}
