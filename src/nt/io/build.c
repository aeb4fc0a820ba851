/*
 * build.c - IRPs built for kernel-mode callers: IoBuildDeviceIoControlRequest,
 * IoBuildSynchronousFsdRequest, IoBuildAsynchronousFsdRequest, plus
 * IoGetDeviceObjectPointer and IoValidateDeviceIoControlAccess.
 *
 * Buffers are set up as the system services do for the same method or
 * device flags; the I/O manager frees what it allocated (and the IRP) when
 * the request completes, and signals the caller's event (kernel callers
 * always get their I/O status block and event, errors included).
 */
#include <internal/io.h>
#include <internal/mm.h>

static PIRP IopBuildIrp(PDEVICE_OBJECT DeviceObject, UCHAR Major, PIO_STATUS_BLOCK IoStatusBlock, PKEVENT Event)
{
    PIRP irp = IopAllocateIrp(DeviceObject->StackSize, FALSE);
    if (!irp)
        return NULL;
    irp->RequestorMode = KernelMode;
    irp->UserIosb = IoStatusBlock;
    irp->UserEvent = Event;
    irp->Tail.Overlay.Thread = (PETHREAD)KiThread();
    IoGetNextIrpStackLocation(irp)->MajorFunction = Major;
    return irp;
}

static PIRP IopFailBuild(PIRP irp)
{
    if ((irp->Flags & IRP_DEALLOCATE_BUFFER) && irp->AssociatedIrp.SystemBuffer)
        IopFreeSystemBuffer(irp->AssociatedIrp.SystemBuffer);
    if (irp->MdlAddress)
        IoFreeMdl(irp->MdlAddress);
    IoFreeIrp(irp);
    return NULL;
}

/* Describes a kernel buffer with a locked MDL; FALSE if it cannot be. */
static BOOLEAN IopLockKernelBuffer(PIRP irp, PVOID Buffer, ULONG Length, LOCK_OPERATION Operation)
{
    PMDL mdl = IoAllocateMdl(Buffer, Length, FALSE, FALSE, irp);
    if (!mdl)
        return FALSE;
    volatile BOOLEAN ok = TRUE;
    __try {
        MmProbeAndLockPages(mdl, KernelMode, Operation);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        ok = FALSE;
    }
    return ok;
}

/* @implemented */
DECLSPEC_EXPORT PIRP NTAPI IoBuildDeviceIoControlRequest(ULONG IoControlCode, PDEVICE_OBJECT DeviceObject,
                                                        PVOID InputBuffer, ULONG InputBufferLength,
                                                        PVOID OutputBuffer, ULONG OutputBufferLength,
                                                        BOOLEAN InternalDeviceIoControl, PKEVENT Event,
                                                        PIO_STATUS_BLOCK IoStatusBlock)
{
    PIRP irp = IopBuildIrp(DeviceObject, InternalDeviceIoControl ? IRP_MJ_INTERNAL_DEVICE_CONTROL
                                                                 : IRP_MJ_DEVICE_CONTROL,
                           IoStatusBlock, Event);
    if (!irp)
        return NULL;
    IopQueueThreadIrp(irp);
    PIO_STACK_LOCATION sp = IoGetNextIrpStackLocation(irp);
    sp->Parameters.DeviceIoControl.OutputBufferLength = OutputBufferLength;
    sp->Parameters.DeviceIoControl.InputBufferLength = InputBufferLength;
    sp->Parameters.DeviceIoControl.IoControlCode = IoControlCode;
    switch (METHOD_FROM_CTL_CODE(IoControlCode)) {
    case METHOD_BUFFERED: {
        ULONG size = InputBufferLength > OutputBufferLength ? InputBufferLength : OutputBufferLength;
        if (size) {
            PVOID system = IopAllocateSystemBuffer(size);
            if (!system)
                return IopFailBuild(irp);
            if (InputBuffer && InputBufferLength)
                memcpy(system, InputBuffer, InputBufferLength);
            IopSetSystemBufferCopyLimit(system, OutputBufferLength);
            irp->AssociatedIrp.SystemBuffer = system;
            irp->Flags = IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER | (OutputBuffer ? IRP_INPUT_OPERATION : 0);
        }
        irp->UserBuffer = OutputBuffer;
        break;
    }
    case METHOD_IN_DIRECT:
    case METHOD_OUT_DIRECT:
        if (InputBuffer && InputBufferLength) {
            PVOID system = IopAllocateSystemBuffer(InputBufferLength);
            if (!system)
                return IopFailBuild(irp);
            memcpy(system, InputBuffer, InputBufferLength);
            irp->AssociatedIrp.SystemBuffer = system;
            irp->Flags = IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER;
        }
        if (OutputBuffer && OutputBufferLength &&
            !IopLockKernelBuffer(irp, OutputBuffer, OutputBufferLength,
                                 METHOD_FROM_CTL_CODE(IoControlCode) == METHOD_IN_DIRECT ? IoReadAccess
                                                                                         : IoWriteAccess))
            return IopFailBuild(irp);
        break;
    default:
        irp->UserBuffer = OutputBuffer;
        sp->Parameters.DeviceIoControl.Type3InputBuffer = InputBuffer;
        break;
    }
    return irp;
}

static PIRP IopBuildFsdRequest(ULONG MajorFunction, PDEVICE_OBJECT DeviceObject, PVOID Buffer, ULONG Length,
                               PLARGE_INTEGER StartingOffset, PKEVENT Event, PIO_STATUS_BLOCK IoStatusBlock)
{
    PIRP irp = IopBuildIrp(DeviceObject, (UCHAR)MajorFunction, IoStatusBlock, Event);
    if (!irp)
        return NULL;
    if (MajorFunction != IRP_MJ_READ && MajorFunction != IRP_MJ_WRITE)
        return irp; /* flush, shutdown, PnP, power: no buffer */
    PIO_STACK_LOCATION sp = IoGetNextIrpStackLocation(irp);
    sp->Parameters.Read.Length = Length;
    if (StartingOffset)
        sp->Parameters.Read.ByteOffset = *StartingOffset;
    if (DeviceObject->Flags & DO_BUFFERED_IO) {
        if (Length) {
            PVOID system = IopAllocateSystemBuffer(Length);
            if (!system)
                return IopFailBuild(irp);
            if (MajorFunction == IRP_MJ_WRITE)
                memcpy(system, Buffer, Length);
            IopSetSystemBufferCopyLimit(system, Length);
            irp->AssociatedIrp.SystemBuffer = system;
        }
        irp->Flags = IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER | (MajorFunction == IRP_MJ_READ ? IRP_INPUT_OPERATION : 0);
        irp->UserBuffer = Buffer;
    } else if (DeviceObject->Flags & DO_DIRECT_IO) {
        if (Length && !IopLockKernelBuffer(irp, Buffer, Length,
                                           MajorFunction == IRP_MJ_READ ? IoWriteAccess : IoReadAccess))
            return IopFailBuild(irp);
    } else {
        irp->UserBuffer = Buffer;
    }
    return irp;
}

/* @implemented */
DECLSPEC_EXPORT PIRP NTAPI IoBuildSynchronousFsdRequest(ULONG MajorFunction, PDEVICE_OBJECT DeviceObject,
                                                       PVOID Buffer, ULONG Length, PLARGE_INTEGER StartingOffset,
                                                       PKEVENT Event, PIO_STATUS_BLOCK IoStatusBlock)
{
    PIRP irp = IopBuildFsdRequest(MajorFunction, DeviceObject, Buffer, Length, StartingOffset, Event, IoStatusBlock);
    if (irp)
        IopQueueThreadIrp(irp); /* the synchronous form belongs to the thread; the asynchronous one does not */
    return irp;
}

/* @implemented */
DECLSPEC_EXPORT PIRP NTAPI IoBuildAsynchronousFsdRequest(ULONG MajorFunction, PDEVICE_OBJECT DeviceObject,
                                                        PVOID Buffer, ULONG Length, PLARGE_INTEGER StartingOffset,
                                                        PIO_STATUS_BLOCK IoStatusBlock)
{
    return IopBuildFsdRequest(MajorFunction, DeviceObject, Buffer, Length, StartingOffset, NULL, IoStatusBlock);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoGetDeviceObjectPointer(PUNICODE_STRING ObjectName, ACCESS_MASK DesiredAccess,
                                                       PFILE_OBJECT *FileObject, PDEVICE_OBJECT *DeviceObject)
{
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, ObjectName, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, NULL);
    HANDLE handle;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = IopCreateFile(&handle, DesiredAccess, &oa, &iosb, 0, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                    FILE_OPEN, FILE_NON_DIRECTORY_FILE, KernelMode);
    if (!NT_SUCCESS(status))
        return status;
    PVOID file;
    status = ObReferenceObjectByHandle(handle, 0, IopFileObjectType, KernelMode, &file, NULL);
    if (NT_SUCCESS(status)) {
        *FileObject = file;
        *DeviceObject = IoGetRelatedDeviceObject(file);
    }
    ZwClose(handle);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoValidateDeviceIoControlAccess(PIRP Irp, ULONG RequiredAccess)
{
    if (RequiredAccess & ~(FILE_READ_ACCESS | FILE_WRITE_ACCESS))
        return STATUS_INVALID_PARAMETER;
    if (Irp->RequestorMode == KernelMode)
        return STATUS_SUCCESS;
    PFILE_OBJECT file = IoGetCurrentIrpStackLocation(Irp)->FileObject;
    if (!file)
        return STATUS_INVALID_PARAMETER;
    if (((RequiredAccess & FILE_READ_ACCESS) && !file->ReadAccess) ||
        ((RequiredAccess & FILE_WRITE_ACCESS) && !file->WriteAccess))
        return STATUS_ACCESS_DENIED;
    return STATUS_SUCCESS;
}
