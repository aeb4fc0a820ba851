/*
 * file.c - file objects: opening a device (IRP_MJ_CREATE from the device's
 * parse procedure), IRP_MJ_CLEANUP when the last handle closes, and
 * IRP_MJ_CLOSE when the last reference goes, in Windows' order.
 */
#include <internal/io.h>
#include <internal/ntk_alloc.h>

static OBP_CLOSE_PROCEDURE IopCloseFile;
static OBP_DELETE_PROCEDURE IopDeleteFile;
static OBJECT_TYPE IopFileType = {.Name = "File", .PoolTag = 'eliF', .GenericRead = FILE_GENERIC_READ,
                                  .GenericWrite = FILE_GENERIC_WRITE, .GenericExecute = FILE_GENERIC_EXECUTE,
                                  .GenericAll = FILE_ALL_ACCESS, .Close = IopCloseFile, .Delete = IopDeleteFile};
POBJECT_TYPE IopFileObjectType = &IopFileType;
DECLSPEC_EXPORT POBJECT_TYPE *IoFileObjectType = &IopFileObjectType;

/* Sends a create/cleanup/close IRP to the top of the file's stack and waits
 * for it, as the I/O manager does for these synchronous operations. */
static NTSTATUS IopSendFileIrp(PFILE_OBJECT File, UCHAR Major, PIO_SECURITY_CONTEXT Security,
                               PIOP_OPEN_PACKET Open, PIO_STATUS_BLOCK Iosb)
{
    PDEVICE_OBJECT top = IoGetAttachedDevice(File->DeviceObject);
    PIRP irp = IopAllocateIrp(top->StackSize, FALSE);
    if (!irp)
        return STATUS_INSUFFICIENT_RESOURCES;
    KEVENT done;
    KeInitializeEvent(&done, NotificationEvent, FALSE);
    Iosb->Status = STATUS_PENDING;
    Iosb->Information = 0;
    irp->RequestorMode = KernelMode;
    irp->Flags = IRP_SYNCHRONOUS_API |
                 (Major == IRP_MJ_CREATE ? IRP_CREATE_OPERATION : IRP_CLOSE_OPERATION);
    irp->UserIosb = Iosb;
    irp->UserEvent = &done;
    irp->Tail.Overlay.Thread = (PETHREAD)KiThread();
    irp->Tail.Overlay.OriginalFileObject = File;
    PIO_STACK_LOCATION sp = IoGetNextIrpStackLocation(irp);
    sp->MajorFunction = Major;
    sp->FileObject = File;
    if (Major == IRP_MJ_CREATE) {
        sp->Parameters.Create.SecurityContext = Security;
        sp->Parameters.Create.Options = (Open->Disposition << 24) | (Open->CreateOptions & 0xFFFFFF);
        sp->Parameters.Create.FileAttributes = (USHORT)Open->FileAttributes;
        sp->Parameters.Create.ShareAccess = (USHORT)Open->ShareAccess;
        sp->Parameters.Create.EaLength = 0;
    }
    PKTHREAD thread = KiThread();
    KPROCESSOR_MODE saved = KiEnterService(thread, KernelMode);
    NTSTATUS status = IofCallDriver(top, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = Iosb->Status;
    }
    KiLeaveService(thread, saved);
    return status;
}

/* One file object fewer on Device; the last one lets a pending unload of
 * its driver happen. */
static void IopReleaseDevice(PDEVICE_OBJECT Device)
{
    if (__atomic_sub_fetch(&Device->ReferenceCount, 1, __ATOMIC_SEQ_CST) == 0)
        IopDeviceReleased(Device);
}

NTSTATUS IopParseDeviceForOpen(PDEVICE_OBJECT Device, PUNICODE_STRING RemainingName, PIOP_OPEN_PACKET Open,
                               KPROCESSOR_MODE AccessMode, ULONG Attributes, PVOID *Result)
{
    PIOP_DEVOBJ_EXTENSION doe = IopDeviceExtension(Device);
    Open->Parsed = TRUE;
    if ((Device->Flags & DO_DEVICE_INITIALIZING) ||
        (__atomic_load_n(&doe->ExtensionFlags, __ATOMIC_RELAXED) &
         (DOE_DELETE_PENDING | DOE_UNLOAD_PENDING | DOE_REMOVE_PENDING)))
        return STATUS_NO_SUCH_DEVICE;
    if ((Device->Flags & DO_EXCLUSIVE) && Device->ReferenceCount > 0)
        return STATUS_ACCESS_DENIED;

    PVOID object;
    NTSTATUS status = ObpCreateObject(&IopFileType, sizeof(FILE_OBJECT), &object);
    if (!NT_SUCCESS(status))
        return status;
    PFILE_OBJECT file = object;
    file->Type = IO_TYPE_FILE;
    file->Size = sizeof(FILE_OBJECT);
    file->DeviceObject = Device;
    file->Flags = FO_FILE_OPEN;
    if (Open->CreateOptions & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT))
        file->Flags |= FO_SYNCHRONOUS_IO | ((Open->CreateOptions & FILE_SYNCHRONOUS_IO_ALERT) ? FO_ALERTABLE_IO : 0);
    file->ReadAccess = (Open->DesiredAccess & (FILE_READ_DATA | FILE_EXECUTE)) != 0;
    file->WriteAccess = (Open->DesiredAccess & (FILE_WRITE_DATA | FILE_APPEND_DATA)) != 0;
    file->DeleteAccess = (Open->DesiredAccess & DELETE) != 0;
    file->SharedRead = (Open->ShareAccess & FILE_SHARE_READ) != 0;
    file->SharedWrite = (Open->ShareAccess & FILE_SHARE_WRITE) != 0;
    file->SharedDelete = (Open->ShareAccess & FILE_SHARE_DELETE) != 0;
    KeInitializeEvent(&file->Lock, SynchronizationEvent, FALSE);
    /* Signalled after open; each request resets it (io-semantics 1.E.36). */
    KeInitializeEvent(&file->Event, NotificationEvent, TRUE);
    InitializeListHead(&file->IrpList);
    if (RemainingName->Length) {
        file->FileName.Buffer = KipAlloc(RemainingName->Length + sizeof(WCHAR));
        if (!file->FileName.Buffer) {
            file->DeviceObject = NULL;
            ObfDereferenceObject(file);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        memcpy(file->FileName.Buffer, RemainingName->Buffer, RemainingName->Length);
        file->FileName.Buffer[RemainingName->Length / sizeof(WCHAR)] = 0;
        file->FileName.Length = RemainingName->Length;
        file->FileName.MaximumLength = (USHORT)(RemainingName->Length + sizeof(WCHAR));
    }

    ObfReferenceObject(Device);
    /* Counted before the unload flag is looked at again: an unload that
     * began since the check above either sees this file or is seen here. */
    __atomic_add_fetch(&Device->ReferenceCount, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&doe->ExtensionFlags, __ATOMIC_SEQ_CST) & DOE_UNLOAD_PENDING) {
        IopReleaseDevice(Device);
        file->DeviceObject = NULL;
        ObfDereferenceObject(Device);
        ObfDereferenceObject(file);
        return STATUS_NO_SUCH_DEVICE;
    }
    IO_SECURITY_CONTEXT security = {.DesiredAccess = Open->DesiredAccess, .FullCreateOptions = Open->CreateOptions};
    status = IopSendFileIrp(file, IRP_MJ_CREATE, &security, Open, &Open->IoStatus);
    if (!NT_SUCCESS(status)) {
        /* A failed open sends no cleanup or close. */
        IopReleaseDevice(Device);
        file->DeviceObject = NULL;
        ObfDereferenceObject(Device);
        ObfDereferenceObject(file);
        Open->IoStatus.Status = status;
        return status;
    }
    *Result = file;
    return STATUS_SUCCESS;
}

static void IopCloseFile(PVOID Object, LONG_PTR RemainingHandles)
{
    PFILE_OBJECT file = Object;
    if (RemainingHandles != 0 || !file->DeviceObject)
        return;
    IO_STATUS_BLOCK iosb;
    IopSendFileIrp(file, IRP_MJ_CLEANUP, NULL, NULL, &iosb);
    /* Other threads may still be completing requests on this file. */
    __atomic_fetch_or(&file->Flags, FO_CLEANUP_COMPLETE, __ATOMIC_RELAXED);
}

static void IopDeleteFile(PVOID Object)
{
    PFILE_OBJECT file = Object;
    PDEVICE_OBJECT device = file->DeviceObject;
    if (device) {
        IO_STATUS_BLOCK iosb;
        if (!(file->Flags & FO_HANDLE_CREATED))
            IopSendFileIrp(file, IRP_MJ_CLEANUP, NULL, NULL, &iosb);
        IopSendFileIrp(file, IRP_MJ_CLOSE, NULL, NULL, &iosb);
        IopReleaseDevice(device);
        ObfDereferenceObject(device);
    }
    IopFreeCompletionContext(file);
    KipFree(file->FileName.Buffer);
}

NTSTATUS IopCreateFile(PHANDLE FileHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                       PIO_STATUS_BLOCK IoStatusBlock, ULONG FileAttributes, ULONG ShareAccess, ULONG Disposition,
                       ULONG CreateOptions, KPROCESSOR_MODE AccessMode)
{
    IOP_OPEN_PACKET open = {
        .DesiredAccess = ObpMapGenericAccess(&IopFileType, DesiredAccess),
        .Disposition = Disposition,
        .CreateOptions = CreateOptions,
        .ShareAccess = ShareAccess,
        .FileAttributes = FileAttributes,
        .AccessMode = AccessMode,
    };
    if (!ObjectAttributes || !ObjectAttributes->ObjectName)
        return STATUS_OBJECT_PATH_SYNTAX_BAD;
    if (ObjectAttributes->RootDirectory)
        return KiNotImplemented("NtCreateFile", "an open relative to RootDirectory");
    PVOID object;
    NTSTATUS status = ObpLookupObjectName(ObjectAttributes->ObjectName, ObjectAttributes->Attributes, NULL, &open,
                                          AccessMode, &object);
    if (NT_SUCCESS(status) && !open.Parsed) {
        /* Named something that is not a device (a directory or a link). */
        ObfDereferenceObject(object);
        status = STATUS_OBJECT_TYPE_MISMATCH;
    }
    if (!NT_SUCCESS(status))
        return status;
    PFILE_OBJECT file = object;
    HANDLE handle;
    ULONG attributes = ObjectAttributes->Attributes & OBJ_KERNEL_HANDLE;
    PEPROCESS process = attributes ? PsInitialSystemProcess : KiThread()->Process;
    status = ObpCreateHandle(process, file, open.DesiredAccess, attributes, &handle);
    if (NT_SUCCESS(status))
        file->Flags |= FO_HANDLE_CREATED;
    ObfDereferenceObject(file);
    if (!NT_SUCCESS(status))
        return status;
    *FileHandle = handle;
    if (IoStatusBlock)
        *IoStatusBlock = open.IoStatus;
    return STATUS_SUCCESS;
}
