/*
 * fileinfo.c - NtQueryInformationFile and NtSetInformationFile: the file
 * position of a synchronous file object is the I/O manager's own (answered
 * here); every other class goes to the file system as
 * IRP_MJ_QUERY_INFORMATION / IRP_MJ_SET_INFORMATION with a system buffer.
 */
#include <internal/io_host.h>
#include <internal/mm.h>
#include <internal/ntk_alloc.h>

static NTSTATUS IopFileInformation(BOOLEAN Set, HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock,
                                   PVOID FileInformation, ULONG Length, FILE_INFORMATION_CLASS Class)
{
    PKTHREAD thread = KiThread();
    KPROCESSOR_MODE mode = KiCallerMode(thread);
    PVOID object;
    OBJECT_HANDLE_INFORMATION hinfo;
    NTSTATUS status = ObReferenceObjectByHandle(FileHandle, 0, IopFileObjectType, mode, &object, &hinfo);
    if (!NT_SUCCESS(status))
        return status;
    PFILE_OBJECT file = object;
    if (mode == UserMode && Length && (status = MmpProbeUserBuffer(FileInformation, Length, !Set)) != STATUS_SUCCESS) {
        ObfDereferenceObject(file);
        return status;
    }
    if (Class == FilePositionInformation) {
        /* FILE_POSITION_INFORMATION: the current byte offset. */
        if (Length < sizeof(LARGE_INTEGER)) {
            ObfDereferenceObject(file);
            return STATUS_INFO_LENGTH_MISMATCH;
        }
        if (Set) {
            LARGE_INTEGER pos = *(LARGE_INTEGER *)FileInformation;
            if (pos.QuadPart < 0) {
                ObfDereferenceObject(file);
                return STATUS_INVALID_PARAMETER;
            }
            file->CurrentByteOffset = pos;
        } else {
            *(LARGE_INTEGER *)FileInformation = file->CurrentByteOffset;
        }
        IoStatusBlock->Status = STATUS_SUCCESS;
        IoStatusBlock->Information = Set ? 0 : sizeof(LARGE_INTEGER);
        ObfDereferenceObject(file);
        return STATUS_SUCCESS;
    }
    /* Completion ports and completion notification modes belong to the I/O
     * manager, not to the driver. */
    if (Set && ((ULONG)Class == 30 /* FileCompletionInformation */ ||
                (ULONG)Class == 41 /* FileIoCompletionNotificationInformation */)) {
        status = IopSetCompletionInformation(file, (ULONG)Class, FileInformation, Length, mode);
        if (NT_SUCCESS(status)) {
            IoStatusBlock->Status = status;
            IoStatusBlock->Information = 0;
        }
        ObfDereferenceObject(file);
        return status;
    }
    if (mode == UserMode && Set && Class == FileDispositionInformation && !(hinfo.GrantedAccess & DELETE)) {
        ObfDereferenceObject(file);
        return STATUS_ACCESS_DENIED;
    }
    if (mode == UserMode && Set && (Class == FileEndOfFileInformation || Class == FileAllocationInformation) &&
        !(hinfo.GrantedAccess & FILE_WRITE_DATA)) {
        ObfDereferenceObject(file);
        return STATUS_ACCESS_DENIED;
    }
    PDEVICE_OBJECT device = IoGetRelatedDeviceObject(file);
    PIRP irp = IoAllocateIrp(device->StackSize, FALSE);
    PVOID buffer = Length ? KipAlloc(Length) : NULL;
    if (!irp || (Length && !buffer)) {
        if (irp)
            IoFreeIrp(irp);
        if (buffer)
            KipFree(buffer);
        ObfDereferenceObject(file);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Set && Length)
        memcpy(buffer, FileInformation, Length);
    KEVENT done;
    KeInitializeEvent(&done, NotificationEvent, FALSE);
    IO_STATUS_BLOCK iosb = {.Status = STATUS_PENDING, .Information = 0};
    irp->RequestorMode = KernelMode;
    irp->Flags = IRP_SYNCHRONOUS_API;
    irp->UserIosb = &iosb;
    irp->UserEvent = &done;
    irp->AssociatedIrp.SystemBuffer = buffer;
    irp->Tail.Overlay.Thread = (PETHREAD)thread;
    irp->Tail.Overlay.OriginalFileObject = file;
    PIO_STACK_LOCATION sp = IoGetNextIrpStackLocation(irp);
    sp->FileObject = file;
    if (Set) {
        sp->MajorFunction = IRP_MJ_SET_INFORMATION;
        sp->Parameters.SetFile.Length = Length;
        sp->Parameters.SetFile.FileInformationClass = Class;
    } else {
        sp->MajorFunction = IRP_MJ_QUERY_INFORMATION;
        sp->Parameters.QueryFile.Length = Length;
        sp->Parameters.QueryFile.FileInformationClass = Class;
    }
    KPROCESSOR_MODE saved = KiEnterService(thread, mode);
    status = IofCallDriver(device, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = iosb.Status;
    }
    KiLeaveService(thread, saved);
    if (!Set && !NT_ERROR(status) && iosb.Information)
        memcpy(FileInformation, buffer, iosb.Information < Length ? iosb.Information : Length);
    if (!NT_ERROR(status)) {
        IoStatusBlock->Status = status;
        IoStatusBlock->Information = iosb.Information;
    }
    if (buffer)
        KipFree(buffer);
    ObfDereferenceObject(file);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtQueryInformationFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock,
                                                     PVOID FileInformation, ULONG Length,
                                                     FILE_INFORMATION_CLASS FileInformationClass)
{
    return IopFileInformation(FALSE, FileHandle, IoStatusBlock, FileInformation, Length, FileInformationClass);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtSetInformationFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock,
                                                   PVOID FileInformation, ULONG Length,
                                                   FILE_INFORMATION_CLASS FileInformationClass)
{
    return IopFileInformation(TRUE, FileHandle, IoStatusBlock, FileInformation, Length, FileInformationClass);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwQueryInformationFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock,
                                                     PVOID FileInformation, ULONG Length,
                                                     FILE_INFORMATION_CLASS FileInformationClass)
{
    KI_CHECK_IRQL(ZwQueryInformationFile);
    return KI_AS_KERNEL_CALLER(
        NtQueryInformationFile(FileHandle, IoStatusBlock, FileInformation, Length, FileInformationClass));
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwSetInformationFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock,
                                                   PVOID FileInformation, ULONG Length,
                                                   FILE_INFORMATION_CLASS FileInformationClass)
{
    KI_CHECK_IRQL(ZwSetInformationFile);
    return KI_AS_KERNEL_CALLER(
        NtSetInformationFile(FileHandle, IoStatusBlock, FileInformation, Length, FileInformationClass));
}
