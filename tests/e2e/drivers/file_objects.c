/*
 * file_objects.c - a test driver that logs the life of every file object
 * opened on its device (file_objects.h).
 *
 * IRP_MJ_CREATE gives each file object an open number, kept in a context
 * block hung on FileObject->FsContext, and reports FILE_OPENED or
 * FILE_CREATED as the open's Information depending on the name remainder;
 * IRP_MJ_CLEANUP and IRP_MJ_CLOSE are logged with the same number, and
 * CLOSE frees the context. The application reads the log to check the
 * order, count and context of these requests (io-semantics 1.G.44, 1.G.45,
 * 1.C.28, 1.A.9).
 */
#include <ntddk.h>

#include "file_objects.h"

#define FILE_OBJECTS_POOL_TAG 'oFeE'

/* What IRP_MJ_CREATE hangs on FileObject->FsContext. */
typedef struct _OPEN_CONTEXT {
    ULONG OpenId;
} OPEN_CONTEXT, *POPEN_CONTEXT;

typedef struct _FILE_OBJECTS_EXTENSION {
    FAST_MUTEX LogLock; /* guards Log and NextOpenId */
    ULONG NextOpenId;
    FILE_OBJECTS_LOG Log;
} FILE_OBJECTS_EXTENSION, *PFILE_OBJECTS_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD FileObjects_Unload;

_Dispatch_type_(IRP_MJ_CREATE) DRIVER_DISPATCH FileObjects_Create;
_Dispatch_type_(IRP_MJ_CLEANUP) DRIVER_DISPATCH FileObjects_Cleanup;
_Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH FileObjects_Close;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH FileObjects_DeviceControl;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, FileObjects_Unload)
#pragma alloc_text(PAGE, FileObjects_Create)
#pragma alloc_text(PAGE, FileObjects_Cleanup)
#pragma alloc_text(PAGE, FileObjects_Close)
#pragma alloc_text(PAGE, FileObjects_DeviceControl)
#endif

static NTSTATUS FileObjects_Complete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

/* Appends one event for this IRP to the log. Irql is sampled by the caller
 * before anything here raises it. */
static VOID FileObjects_Record(PFILE_OBJECTS_EXTENSION Extension, PIRP Irp, KIRQL Irql,
                               NTSTATUS Status)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PFILE_OBJECT fileObject = stack->FileObject;
    POPEN_CONTEXT context = fileObject != NULL ? fileObject->FsContext : NULL;
    FILE_OBJECT_EVENT *event;
    USHORT nameBytes;

    ExAcquireFastMutex(&Extension->LogLock);
    if (Extension->Log.Count < FILE_OBJECTS_MAX_EVENTS) {
        event = &Extension->Log.Events[Extension->Log.Count];
        RtlZeroMemory(event, sizeof(*event));
        event->MajorFunction = stack->MajorFunction;
        event->Status = Status;
        event->OpenId = context != NULL ? context->OpenId : 0;
        event->FileObject = (ULONG_PTR)fileObject;
        event->IrpFlags = Irp->Flags;
        event->Irql = Irql;
        event->ProcessId = (ULONG_PTR)PsGetCurrentProcessId();
        event->ThreadId = (ULONG_PTR)PsGetCurrentThreadId();
        event->IrpThreadIsCurrent = Irp->Tail.Overlay.Thread == PsGetCurrentThread();
        if (fileObject != NULL) {
            event->FileObjectType = (ULONG)fileObject->Type;
            event->FileNameLength = fileObject->FileName.Length;
            nameBytes = min(fileObject->FileName.Length, (USHORT)sizeof(event->FileName));
            if (nameBytes != 0) {
                RtlCopyMemory(event->FileName, fileObject->FileName.Buffer, nameBytes);
            }
        }
    }
    Extension->Log.Count++;
    ExReleaseFastMutex(&Extension->LogLock);
}

static BOOLEAN FileObjects_NameIs(PCUNICODE_STRING Name, PCWSTR Expected)
{
    UNICODE_STRING expected;

    RtlInitUnicodeString(&expected, Expected);
    return RtlEqualUnicodeString(Name, &expected, TRUE);
}

NTSTATUS FileObjects_Create(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PFILE_OBJECTS_EXTENSION extension = DeviceObject->DeviceExtension;
    PFILE_OBJECT fileObject = IoGetCurrentIrpStackLocation(Irp)->FileObject;
    KIRQL irql = KeGetCurrentIrql();
    POPEN_CONTEXT context;
    ULONG_PTR information;
    NTSTATUS status;

    PAGED_CODE();

    if (FileObjects_NameIs(&fileObject->FileName, FILE_OBJECTS_REMAINDER_DENIED)) {
        FileObjects_Record(extension, Irp, irql, STATUS_ACCESS_DENIED);
        return FileObjects_Complete(Irp, STATUS_ACCESS_DENIED, 0);
    }

    context = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(*context), FILE_OBJECTS_POOL_TAG);
    if (context == NULL) {
        FileObjects_Record(extension, Irp, irql, STATUS_INSUFFICIENT_RESOURCES);
        return FileObjects_Complete(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
    }
    ExAcquireFastMutex(&extension->LogLock);
    context->OpenId = ++extension->NextOpenId;
    ExReleaseFastMutex(&extension->LogLock);
    fileObject->FsContext = context;

    /* The open's Information reaches CreateFile, which reports an existing
     * file (FILE_OPENED) with ERROR_ALREADY_EXISTS for OPEN_ALWAYS. */
    information = FileObjects_NameIs(&fileObject->FileName, FILE_OBJECTS_REMAINDER_CREATED)
                      ? FILE_CREATED
                      : FILE_OPENED;
    status = STATUS_SUCCESS;

    FileObjects_Record(extension, Irp, irql, status);
    return FileObjects_Complete(Irp, status, information);
}

NTSTATUS FileObjects_Cleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL irql = KeGetCurrentIrql();

    PAGED_CODE();

    FileObjects_Record(DeviceObject->DeviceExtension, Irp, irql, STATUS_SUCCESS);
    return FileObjects_Complete(Irp, STATUS_SUCCESS, 0);
}

NTSTATUS FileObjects_Close(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PFILE_OBJECT fileObject = IoGetCurrentIrpStackLocation(Irp)->FileObject;
    KIRQL irql = KeGetCurrentIrql();

    PAGED_CODE();

    FileObjects_Record(DeviceObject->DeviceExtension, Irp, irql, STATUS_SUCCESS);
    if (fileObject->FsContext != NULL) {
        ExFreePoolWithTag(fileObject->FsContext, FILE_OBJECTS_POOL_TAG);
        fileObject->FsContext = NULL;
    }
    return FileObjects_Complete(Irp, STATUS_SUCCESS, 0);
}

NTSTATUS FileObjects_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PFILE_OBJECTS_EXTENSION extension = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PFILE_OBJECT fileObject = stack->FileObject;
    ULONG outputLength = stack->Parameters.DeviceIoControl.OutputBufferLength;
    PVOID output = Irp->AssociatedIrp.SystemBuffer;

    PAGED_CODE();

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_FILE_OBJECTS_GET_OPEN_ID: {
        POPEN_CONTEXT context = fileObject->FsContext;

        if (outputLength < sizeof(ULONG)) {
            return FileObjects_Complete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        }
        *(PULONG)output = context != NULL ? context->OpenId : 0;
        return FileObjects_Complete(Irp, STATUS_SUCCESS, sizeof(ULONG));
    }
    case IOCTL_FILE_OBJECTS_GET_FILE_OBJECT:
        if (outputLength < sizeof(ULONGLONG)) {
            return FileObjects_Complete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        }
        *(PULONGLONG)output = (ULONG_PTR)fileObject;
        return FileObjects_Complete(Irp, STATUS_SUCCESS, sizeof(ULONGLONG));
    case IOCTL_FILE_OBJECTS_GET_LOG:
        if (outputLength < sizeof(FILE_OBJECTS_LOG)) {
            return FileObjects_Complete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        }
        ExAcquireFastMutex(&extension->LogLock);
        RtlCopyMemory(output, &extension->Log, sizeof(FILE_OBJECTS_LOG));
        ExReleaseFastMutex(&extension->LogLock);
        return FileObjects_Complete(Irp, STATUS_SUCCESS, sizeof(FILE_OBJECTS_LOG));
    default:
        return FileObjects_Complete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

VOID FileObjects_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING linkName;

    PAGED_CODE();

    RtlInitUnicodeString(&linkName, FILE_OBJECTS_LINK_NAME);
    IoDeleteSymbolicLink(&linkName);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    PFILE_OBJECTS_EXTENSION extension;
    UNICODE_STRING deviceName;
    UNICODE_STRING linkName;
    PDEVICE_OBJECT device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&deviceName, FILE_OBJECTS_DEVICE_NAME);
    status = IoCreateDevice(DriverObject, sizeof(FILE_OBJECTS_EXTENSION), &deviceName,
                            FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    extension = device->DeviceExtension;
    RtlZeroMemory(extension, sizeof(*extension));
    ExInitializeFastMutex(&extension->LogLock);

    RtlInitUnicodeString(&linkName, FILE_OBJECTS_LINK_NAME);
    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = FileObjects_Create;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = FileObjects_Cleanup;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = FileObjects_Close;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = FileObjects_DeviceControl;
    DriverObject->DriverUnload = FileObjects_Unload;
    return STATUS_SUCCESS;
}
