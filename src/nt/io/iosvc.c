/*
 * iosvc.c - the I/O system services: NtCreateFile/NtOpenFile, NtReadFile,
 * NtWriteFile, NtDeviceIoControlFile, NtFlushBuffersFile.
 *
 * Each service validates the caller's buffers in the caller's mode, builds
 * one IRP sized for the target stack, sets up the buffers as the device (or
 * the IOCTL's method) asks, calls the top of the stack, and for synchronous
 * file objects waits for a pended request. This is the fast path: no lock,
 * no heap allocation for small requests (irpcache.c). On overlapped
 * (non-synchronous) file objects the service returns the dispatch status
 * as it is; the caller's Event, APC and completion port hear of the end
 * at completion (complete.c, iocomp.c).
 */
#include <internal/io.h>
#include <internal/mm.h>

typedef struct IOP_SERVICE {
    PKTHREAD Thread;
    PFILE_OBJECT File;
    ACCESS_MASK Granted;
    KPROCESSOR_MODE SavedMode;
} IOP_SERVICE;

static NTSTATUS IopBeginService(IOP_SERVICE *s, HANDLE FileHandle)
{
    s->Thread = KiThread();
    KPROCESSOR_MODE mode = KiCallerMode(s->Thread);
    OBJECT_HANDLE_INFORMATION info;
    PVOID object;
    NTSTATUS status = ObReferenceObjectByHandle(FileHandle, 0, IopFileObjectType, mode, &object, &info);
    if (!NT_SUCCESS(status))
        return status;
    s->File = object;
    s->Granted = mode == KernelMode ? FILE_ALL_ACCESS : info.GrantedAccess;
    s->SavedMode = KiEnterService(s->Thread, mode);
    return STATUS_SUCCESS;
}

static NTSTATUS IopEndService(IOP_SERVICE *s, NTSTATUS status)
{
    KiLeaveService(s->Thread, s->SavedMode);
    ObfDereferenceObject(s->File);
    return status;
}

/* The caller's Event (referenced and reset now: it is signalled at
 * completion) and its APC, which a file object bound to a completion port
 * cannot have (io-semantics 1.E.40). Synchronous callers pass neither, so
 * this costs them two tests. */
static NTSTATUS IopReferenceRequestEvent(IOP_SERVICE *s, HANDLE Event, PIO_APC_ROUTINE ApcRoutine,
                                         PKEVENT *EventObject)
{
    *EventObject = NULL;
    if (ApcRoutine && s->File->CompletionContext)
        return STATUS_INVALID_PARAMETER;
    if (Event) {
        PVOID object;
        NTSTATUS status = ObReferenceObjectByHandle(Event, 0x0002 /* EVENT_MODIFY_STATE */, *ExEventObjectType,
                                                    s->Thread->PreviousMode, &object, NULL);
        if (!NT_SUCCESS(status))
            return status;
        KeClearEvent(object);
        *EventObject = object;
    }
    return STATUS_SUCCESS;
}

static PIRP IopNewServiceIrp(IOP_SERVICE *s, PDEVICE_OBJECT device, PIO_STATUS_BLOCK iosb, PKEVENT Event,
                             PIO_APC_ROUTINE ApcRoutine, PVOID ApcContext)
{
    PIRP irp = IopAllocateIrp(device->StackSize, FALSE);
    if (!irp) {
        if (Event)
            ObfDereferenceObject(Event);
        return NULL;
    }
    irp->RequestorMode = s->Thread->PreviousMode;
    irp->UserIosb = iosb;
    irp->Tail.Overlay.Thread = (PETHREAD)s->Thread;
    irp->Tail.Overlay.OriginalFileObject = s->File;
    /* Reported at completion (complete.c, iocomp.c). */
    irp->UserEvent = Event;
    irp->Overlay.AsynchronousParameters.UserApcRoutine = ApcRoutine;
    irp->Overlay.AsynchronousParameters.UserApcContext = ApcContext;
    /* An overlapped request outlives the service: it holds the file object
     * until its completion (complete.c). */
    if (!(IopFileFlags(s->File) & FO_SYNCHRONOUS_IO))
        ObfReferenceObject(s->File);
    PIO_STACK_LOCATION sp = IoGetNextIrpStackLocation(irp);
    sp->FileObject = s->File;
    IopQueueThreadIrp(irp);
    return irp;
}

/* Synchronous file objects carry out one request at a time, as on Windows
 * (their FinalStatus and Event belong to the request in progress): Busy is
 * 0 when free, 1 when taken, 2 when taken with threads waiting. */
static void IopLockFileObject(PFILE_OBJECT file)
{
    volatile int32_t *word = (volatile int32_t *)&file->Busy;
    int32_t expected = 0;
    if (__atomic_compare_exchange_n(word, &expected, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
        return;
    while (__atomic_exchange_n(word, 2, __ATOMIC_ACQUIRE) != 0)
        ntkhost->park(word, 2, -1);
}

static void IopUnlockFileObject(PFILE_OBJECT file)
{
    volatile int32_t *word = (volatile int32_t *)&file->Busy;
    if (__atomic_exchange_n(word, 0, __ATOMIC_RELEASE) == 2)
        ntkhost->unpark(word, 1);
}

/* Calls the driver; on a synchronous file object waits for a pended IRP
 * and returns its final status. */
static NTSTATUS IopCallAndWait(IOP_SERVICE *s, PDEVICE_OBJECT device, PIRP irp)
{
    PFILE_OBJECT file = s->File;
    if (!(IopFileFlags(file) & FO_SYNCHRONOUS_IO)) {
        /* Overlapped: the file object is reset by each request and
         * signalled at its completion; the dispatch status is returned as
         * it is (STATUS_PENDING included). */
        KeClearEvent(&file->Event);
        return IofCallDriver(device, irp);
    }
    IopLockFileObject(file);
    KeClearEvent(&file->Event);
    NTSTATUS status = IofCallDriver(device, irp);
    if (status == STATUS_PENDING) {
        /* Not alertable even for FO_ALERTABLE_IO: breaking the wait would
         * need the interrupted IRP aborted (IopAbortInterruptedIrp on
         * Windows), which ntk does not do yet. */
        KiWaitForObject(&file->Event.Header, FALSE, NULL);
        status = file->FinalStatus;
    }
    IopUnlockFileObject(file);
    return status;
}

/* Refuses (with the status) a request whose buffer setup failed. */
static NTSTATUS IopAbandonIrp(PIRP irp, NTSTATUS status)
{
    if ((irp->Flags & IRP_DEALLOCATE_BUFFER) && irp->AssociatedIrp.SystemBuffer)
        IopFreeSystemBuffer(irp->AssociatedIrp.SystemBuffer);
    IopReleaseIrpMdls(irp);
    if (irp->UserEvent)
        ObfDereferenceObject(irp->UserEvent);
    if (!(IopFileFlags(irp->Tail.Overlay.OriginalFileObject) & FO_SYNCHRONOUS_IO))
        ObfDereferenceObject(irp->Tail.Overlay.OriginalFileObject);
    IoFreeIrp(irp);
    return status;
}

/* Describes Buffer with an MDL locked for Operation; returns the failure. */
static NTSTATUS IopLockBuffer(PIRP irp, PVOID Buffer, ULONG Length, LOCK_OPERATION Operation)
{
    PMDL mdl = IoAllocateMdl(Buffer, Length, FALSE, FALSE, irp);
    if (!mdl)
        return STATUS_INSUFFICIENT_RESOURCES;
    volatile NTSTATUS status = STATUS_SUCCESS;
    __try {
        MmProbeAndLockPages(mdl, irp->RequestorMode, Operation);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    return status;
}

/* Copies the caller's input into a new system buffer of Size bytes. */
static NTSTATUS IopBufferInput(PIRP irp, const void *Input, ULONG InputLength, ULONG Size)
{
    PVOID system = IopAllocateSystemBuffer(Size);
    if (!system)
        return STATUS_INSUFFICIENT_RESOURCES;
    irp->AssociatedIrp.SystemBuffer = system;
    irp->Flags |= IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER;
    if (InputLength) {
        volatile NTSTATUS status = STATUS_SUCCESS;
        __try {
            memcpy(system, Input, InputLength);
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            status = GetExceptionCode();
        }
        return status;
    }
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtDeviceIoControlFile(HANDLE FileHandle, HANDLE Event, PIO_APC_ROUTINE ApcRoutine,
                                                    PVOID ApcContext, PIO_STATUS_BLOCK IoStatusBlock,
                                                    ULONG IoControlCode, PVOID InputBuffer, ULONG InputBufferLength,
                                                    PVOID OutputBuffer, ULONG OutputBufferLength)
{
    IOP_SERVICE s;
    NTSTATUS status = IopBeginService(&s, FileHandle);
    if (!NT_SUCCESS(status))
        return status;
    BOOLEAN user = s.Thread->PreviousMode == UserMode;
    ULONG method = METHOD_FROM_CTL_CODE(IoControlCode);
    ULONG required = (IoControlCode >> 14) & 3;
    if (user && required != FILE_ANY_ACCESS && (s.Granted & required) != required)
        return IopEndService(&s, STATUS_ACCESS_DENIED);
    if (user) {
        if (!OutputBuffer)
            OutputBufferLength = 0;
        if (!InputBuffer)
            InputBufferLength = 0;
        if (method != METHOD_NEITHER) {
            status = MmpProbeUserBuffer(InputBuffer, InputBufferLength, FALSE);
            if (NT_SUCCESS(status) && method == METHOD_BUFFERED)
                status = MmpProbeUserBuffer(OutputBuffer, OutputBufferLength, TRUE);
            if (!NT_SUCCESS(status))
                return IopEndService(&s, status);
        }
    }

    PKEVENT event;
    status = IopReferenceRequestEvent(&s, Event, ApcRoutine, &event);
    if (!NT_SUCCESS(status))
        return IopEndService(&s, status);
    PDEVICE_OBJECT device = IoGetRelatedDeviceObject(s.File);
    PIRP irp = IopNewServiceIrp(&s, device, IoStatusBlock, event, ApcRoutine, ApcContext);
    if (!irp)
        return IopEndService(&s, STATUS_INSUFFICIENT_RESOURCES);
    PIO_STACK_LOCATION sp = IoGetNextIrpStackLocation(irp);
    sp->MajorFunction = IRP_MJ_DEVICE_CONTROL;
    sp->Parameters.DeviceIoControl.OutputBufferLength = OutputBufferLength;
    sp->Parameters.DeviceIoControl.InputBufferLength = InputBufferLength;
    sp->Parameters.DeviceIoControl.IoControlCode = IoControlCode;
    sp->Parameters.DeviceIoControl.Type3InputBuffer = InputBuffer;

    switch (method) {
    case METHOD_BUFFERED: {
        ULONG size = InputBufferLength > OutputBufferLength ? InputBufferLength : OutputBufferLength;
        if (size) {
            status = IopBufferInput(irp, InputBuffer, InputBufferLength, size);
            if (!NT_SUCCESS(status))
                return IopEndService(&s, IopAbandonIrp(irp, status));
            IopSetSystemBufferCopyLimit(irp->AssociatedIrp.SystemBuffer, OutputBufferLength);
            if (OutputBuffer)
                irp->Flags |= IRP_INPUT_OPERATION;
        }
        irp->UserBuffer = OutputBuffer;
        break;
    }
    case METHOD_IN_DIRECT:
    case METHOD_OUT_DIRECT:
        if (InputBufferLength && InputBuffer) {
            status = IopBufferInput(irp, InputBuffer, InputBufferLength, InputBufferLength);
            if (!NT_SUCCESS(status))
                return IopEndService(&s, IopAbandonIrp(irp, status));
        }
        if (OutputBufferLength && OutputBuffer) {
            status = IopLockBuffer(irp, OutputBuffer, OutputBufferLength,
                                   method == METHOD_IN_DIRECT ? IoReadAccess : IoWriteAccess);
            if (!NT_SUCCESS(status))
                return IopEndService(&s, IopAbandonIrp(irp, status));
        }
        break;
    default:
        irp->UserBuffer = OutputBuffer;
        break;
    }
    status = IopCallAndWait(&s, device, irp);
    return IopEndService(&s, status);
}

static NTSTATUS IopReadWrite(BOOLEAN Write, HANDLE FileHandle, HANDLE Event, PIO_APC_ROUTINE ApcRoutine,
                             PVOID ApcContext, PIO_STATUS_BLOCK IoStatusBlock, PVOID Buffer, ULONG Length,
                             PLARGE_INTEGER ByteOffset, PULONG Key)
{
    IOP_SERVICE s;
    NTSTATUS status = IopBeginService(&s, FileHandle);
    if (!NT_SUCCESS(status))
        return status;
    BOOLEAN user = s.Thread->PreviousMode == UserMode;
    ACCESS_MASK needed = Write ? FILE_WRITE_DATA : FILE_READ_DATA;
    if (user && !(s.Granted & (needed | (Write ? FILE_APPEND_DATA : 0))))
        return IopEndService(&s, STATUS_ACCESS_DENIED);
    if (user && Length) {
        if (!Buffer)
            return IopEndService(&s, STATUS_ACCESS_VIOLATION);
        status = MmpProbeUserBuffer(Buffer, Length, !Write);
        if (!NT_SUCCESS(status))
            return IopEndService(&s, status);
    }
    PKEVENT event;
    status = IopReferenceRequestEvent(&s, Event, ApcRoutine, &event);
    if (!NT_SUCCESS(status))
        return IopEndService(&s, status);
    PDEVICE_OBJECT device = IoGetRelatedDeviceObject(s.File);
    PIRP irp = IopNewServiceIrp(&s, device, IoStatusBlock, event, ApcRoutine, ApcContext);
    if (!irp)
        return IopEndService(&s, STATUS_INSUFFICIENT_RESOURCES);
    PIO_STACK_LOCATION sp = IoGetNextIrpStackLocation(irp);
    sp->MajorFunction = Write ? IRP_MJ_WRITE : IRP_MJ_READ;
    sp->Parameters.Read.Length = Length;
    sp->Parameters.Read.Key = Key ? *Key : 0;
    if (ByteOffset && ByteOffset->QuadPart != (LONGLONG)(LONG)FILE_USE_FILE_POINTER_POSITION)
        sp->Parameters.Read.ByteOffset = *ByteOffset;
    else
        sp->Parameters.Read.ByteOffset = s.File->CurrentByteOffset;
    irp->Flags |= Write ? IRP_WRITE_OPERATION : IRP_READ_OPERATION;

    if (device->Flags & DO_BUFFERED_IO) {
        if (Length) {
            status = IopBufferInput(irp, Write ? Buffer : NULL, Write ? Length : 0, Length);
            if (!NT_SUCCESS(status))
                return IopEndService(&s, IopAbandonIrp(irp, status));
            IopSetSystemBufferCopyLimit(irp->AssociatedIrp.SystemBuffer, Length);
        } else {
            /* A zero-length buffered request still says it is buffered. */
            irp->Flags |= IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER;
        }
        if (!Write)
            irp->Flags |= IRP_INPUT_OPERATION;
        irp->UserBuffer = Buffer;
    } else if (device->Flags & DO_DIRECT_IO) {
        if (Length) {
            status = IopLockBuffer(irp, Buffer, Length, Write ? IoReadAccess : IoWriteAccess);
            if (!NT_SUCCESS(status))
                return IopEndService(&s, IopAbandonIrp(irp, status));
        }
    } else {
        irp->UserBuffer = Buffer;
    }
    status = IopCallAndWait(&s, device, irp);
    return IopEndService(&s, status);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtReadFile(HANDLE FileHandle, HANDLE Event, PIO_APC_ROUTINE ApcRoutine,
                                         PVOID ApcContext, PIO_STATUS_BLOCK IoStatusBlock, PVOID Buffer,
                                         ULONG Length, PLARGE_INTEGER ByteOffset, PULONG Key)
{
    return IopReadWrite(FALSE, FileHandle, Event, ApcRoutine, ApcContext, IoStatusBlock, Buffer, Length, ByteOffset,
                        Key);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtWriteFile(HANDLE FileHandle, HANDLE Event, PIO_APC_ROUTINE ApcRoutine,
                                          PVOID ApcContext, PIO_STATUS_BLOCK IoStatusBlock, PVOID Buffer,
                                          ULONG Length, PLARGE_INTEGER ByteOffset, PULONG Key)
{
    return IopReadWrite(TRUE, FileHandle, Event, ApcRoutine, ApcContext, IoStatusBlock, Buffer, Length, ByteOffset,
                        Key);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtFlushBuffersFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock)
{
    IOP_SERVICE s;
    NTSTATUS status = IopBeginService(&s, FileHandle);
    if (!NT_SUCCESS(status))
        return status;
    PDEVICE_OBJECT device = IoGetRelatedDeviceObject(s.File);
    PIRP irp = IopNewServiceIrp(&s, device, IoStatusBlock, NULL, NULL, NULL);
    if (!irp)
        return IopEndService(&s, STATUS_INSUFFICIENT_RESOURCES);
    IoGetNextIrpStackLocation(irp)->MajorFunction = IRP_MJ_FLUSH_BUFFERS;
    status = IopCallAndWait(&s, device, irp);
    return IopEndService(&s, status);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtCreateFile(PHANDLE FileHandle, ACCESS_MASK DesiredAccess,
                                           POBJECT_ATTRIBUTES ObjectAttributes, PIO_STATUS_BLOCK IoStatusBlock,
                                           PLARGE_INTEGER AllocationSize, ULONG FileAttributes, ULONG ShareAccess,
                                           ULONG CreateDisposition, ULONG CreateOptions, PVOID EaBuffer,
                                           ULONG EaLength)
{
    PKTHREAD t = KiThread();
    KPROCESSOR_MODE mode = KiCallerMode(t);
    KPROCESSOR_MODE saved = KiEnterService(t, mode);
    NTSTATUS status = IopCreateFile(FileHandle, DesiredAccess, ObjectAttributes, IoStatusBlock, FileAttributes,
                                    ShareAccess, CreateDisposition, CreateOptions, mode);
    KiLeaveService(t, saved);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtOpenFile(PHANDLE FileHandle, ACCESS_MASK DesiredAccess,
                                         POBJECT_ATTRIBUTES ObjectAttributes, PIO_STATUS_BLOCK IoStatusBlock,
                                         ULONG ShareAccess, ULONG OpenOptions)
{
    return NtCreateFile(FileHandle, DesiredAccess, ObjectAttributes, IoStatusBlock, NULL, 0, ShareAccess, FILE_OPEN,
                        OpenOptions, NULL, 0);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwCreateFile(PHANDLE FileHandle, ACCESS_MASK DesiredAccess,
                                           POBJECT_ATTRIBUTES ObjectAttributes, PIO_STATUS_BLOCK IoStatusBlock,
                                           PLARGE_INTEGER AllocationSize, ULONG FileAttributes, ULONG ShareAccess,
                                           ULONG CreateDisposition, ULONG CreateOptions, PVOID EaBuffer,
                                           ULONG EaLength)
{
    KI_CHECK_IRQL(ZwCreateFile);
    return KI_AS_KERNEL_CALLER(IopCreateFile(FileHandle, DesiredAccess, ObjectAttributes, IoStatusBlock,
                                             FileAttributes, ShareAccess, CreateDisposition, CreateOptions,
                                             KernelMode));
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwOpenFile(PHANDLE FileHandle, ACCESS_MASK DesiredAccess,
                                         POBJECT_ATTRIBUTES ObjectAttributes, PIO_STATUS_BLOCK IoStatusBlock,
                                         ULONG ShareAccess, ULONG OpenOptions)
{
    KI_CHECK_IRQL(ZwOpenFile);
    return ZwCreateFile(FileHandle, DesiredAccess, ObjectAttributes, IoStatusBlock, NULL, 0, ShareAccess, FILE_OPEN,
                        OpenOptions, NULL, 0);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwReadFile(HANDLE FileHandle, HANDLE Event, PIO_APC_ROUTINE ApcRoutine,
                                         PVOID ApcContext, PIO_STATUS_BLOCK IoStatusBlock, PVOID Buffer,
                                         ULONG Length, PLARGE_INTEGER ByteOffset, PULONG Key)
{
    KI_CHECK_IRQL(ZwReadFile);
    return KI_AS_KERNEL_CALLER(
        NtReadFile(FileHandle, Event, ApcRoutine, ApcContext, IoStatusBlock, Buffer, Length, ByteOffset, Key));
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwWriteFile(HANDLE FileHandle, HANDLE Event, PIO_APC_ROUTINE ApcRoutine,
                                          PVOID ApcContext, PIO_STATUS_BLOCK IoStatusBlock, PVOID Buffer,
                                          ULONG Length, PLARGE_INTEGER ByteOffset, PULONG Key)
{
    KI_CHECK_IRQL(ZwWriteFile);
    return KI_AS_KERNEL_CALLER(
        NtWriteFile(FileHandle, Event, ApcRoutine, ApcContext, IoStatusBlock, Buffer, Length, ByteOffset, Key));
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwDeviceIoControlFile(HANDLE FileHandle, HANDLE Event, PIO_APC_ROUTINE ApcRoutine,
                                                    PVOID ApcContext, PIO_STATUS_BLOCK IoStatusBlock,
                                                    ULONG IoControlCode, PVOID InputBuffer, ULONG InputBufferLength,
                                                    PVOID OutputBuffer, ULONG OutputBufferLength)
{
    KI_CHECK_IRQL(ZwDeviceIoControlFile);
    return KI_AS_KERNEL_CALLER(NtDeviceIoControlFile(FileHandle, Event, ApcRoutine, ApcContext, IoStatusBlock,
                                                      IoControlCode, InputBuffer, InputBufferLength, OutputBuffer,
                                                      OutputBufferLength));
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwFlushBuffersFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock)
{
    KI_CHECK_IRQL(ZwFlushBuffersFile);
    return KI_AS_KERNEL_CALLER(NtFlushBuffersFile(FileHandle, IoStatusBlock));
}
