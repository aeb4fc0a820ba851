/*
 * iocomp.c - I/O completion ports: NtCreateIoCompletion, NtSetIoCompletion,
 * NtRemoveIoCompletion(Ex), and what file I/O queues to them.
 *
 * A port is a FIFO of packets {Key, ApcContext, Status, Information} and a
 * semaphore counting them: a remover waits for one count (alertably if
 * asked) and then always finds a packet. A file object bound to a port
 * (FileCompletionInformation, file.c) has a CompletionContext {Port, Key};
 * completion queues a packet when the status-class rules say so
 * (complete.c). The port's concurrency value is recorded but not enforced:
 * the host schedules every thread alike.
 */
#include <internal/io.h>
#include <internal/ntk_alloc.h>

typedef struct _IOP_COMPLETION_PACKET {
    LIST_ENTRY Entry;
    PVOID Key;
    PVOID ApcContext;
    NTSTATUS Status;
    ULONG_PTR Information;
} IOP_COMPLETION_PACKET, *PIOP_COMPLETION_PACKET;

typedef struct _IOP_COMPLETION_PORT {
    KSEMAPHORE Count;   /* one per queued packet */
    volatile LONG Lock; /* Packets */
    LIST_ENTRY Packets;
    ULONG Concurrency;
} IOP_COMPLETION_PORT, *PIOP_COMPLETION_PORT;

typedef struct _IOP_FILE_IO_COMPLETION_INFORMATION {
    PVOID KeyContext;
    PVOID ApcContext;
    IO_STATUS_BLOCK IoStatusBlock;
} IOP_FILE_IO_COMPLETION_INFORMATION, *PIOP_FILE_IO_COMPLETION_INFORMATION;

#define IOP_IO_COMPLETION_MODIFY_STATE 0x0002
#define IOP_IO_COMPLETION_ALL_ACCESS 0x1F0003

static OBP_DELETE_PROCEDURE IopDeleteCompletionPort;
static OBJECT_TYPE IopCompletionType = {.Name = "IoCompletion", .PoolTag = 'pmoC',
                                        .GenericRead = STANDARD_RIGHTS_READ | 0x0001,
                                        .GenericWrite = STANDARD_RIGHTS_WRITE | IOP_IO_COMPLETION_MODIFY_STATE,
                                        .GenericExecute = STANDARD_RIGHTS_EXECUTE | SYNCHRONIZE,
                                        .GenericAll = IOP_IO_COMPLETION_ALL_ACCESS,
                                        .Delete = IopDeleteCompletionPort};
POBJECT_TYPE IopCompletionObjectType = &IopCompletionType;

static void IopLockPort(PIOP_COMPLETION_PORT p)
{
    KiAcquireWordLock(&p->Lock);
}

static void IopUnlockPort(PIOP_COMPLETION_PORT p)
{
    KiReleaseWordLock(&p->Lock);
}

static void IopDeleteCompletionPort(PVOID Object)
{
    PIOP_COMPLETION_PORT p = Object;
    while (!IsListEmpty(&p->Packets))
        KipFree(CONTAINING_RECORD(RemoveHeadList(&p->Packets), IOP_COMPLETION_PACKET, Entry));
}

NTSTATUS IopQueueCompletionPacket(PVOID Port, PVOID Key, PVOID ApcContext, NTSTATUS Status, ULONG_PTR Information)
{
    PIOP_COMPLETION_PORT p = Port;
    PIOP_COMPLETION_PACKET packet = KipAlloc(sizeof *packet);
    if (!packet)
        return STATUS_INSUFFICIENT_RESOURCES;
    packet->Key = Key;
    packet->ApcContext = ApcContext;
    packet->Status = Status;
    packet->Information = Information;
    IopLockPort(p);
    InsertTailList(&p->Packets, &packet->Entry);
    IopUnlockPort(p);
    KeReleaseSemaphore(&p->Count, IO_NO_INCREMENT, 1, FALSE);
    return STATUS_SUCCESS;
}

BOOLEAN IopIsCompletionPort(PVOID Object)
{
    return OBJECT_TO_OBJECT_HEADER(Object)->Type == IopCompletionObjectType;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtCreateIoCompletion(PHANDLE IoCompletionHandle, ACCESS_MASK DesiredAccess,
                                                   POBJECT_ATTRIBUTES ObjectAttributes, ULONG Count)
{
    if (!IoCompletionHandle)
        return STATUS_ACCESS_VIOLATION;
    if (ObjectAttributes && ObjectAttributes->ObjectName && ObjectAttributes->ObjectName->Length)
        return KiNotImplemented("NtCreateIoCompletion", "a named completion port");
    PVOID object;
    NTSTATUS status = ObpCreateObject(&IopCompletionType, sizeof(IOP_COMPLETION_PORT), &object);
    if (!NT_SUCCESS(status))
        return status;
    PIOP_COMPLETION_PORT p = object;
    KeInitializeSemaphore(&p->Count, 0, MAXLONG);
    p->Lock = 0;
    InitializeListHead(&p->Packets);
    p->Concurrency = Count ? Count : ntkhost->cpu_count();
    ULONG attributes = ObjectAttributes ? ObjectAttributes->Attributes : 0;
    PEPROCESS process = (attributes & OBJ_KERNEL_HANDLE) ? PsInitialSystemProcess : KiThread()->Process;
    status = ObpCreateHandle(process, object, ObpMapGenericAccess(&IopCompletionType, DesiredAccess),
                             attributes & OBJ_KERNEL_HANDLE, IoCompletionHandle);
    ObfDereferenceObject(object);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtSetIoCompletion(HANDLE IoCompletionHandle, PVOID KeyContext, PVOID ApcContext,
                                                NTSTATUS IoStatus, ULONG_PTR IoStatusInformation)
{
    PVOID port;
    NTSTATUS status = ObReferenceObjectByHandle(IoCompletionHandle, IOP_IO_COMPLETION_MODIFY_STATE,
                                                IopCompletionObjectType, KiCallerMode(KiThread()), &port, NULL);
    if (!NT_SUCCESS(status))
        return status;
    status = IopQueueCompletionPacket(port, KeyContext, ApcContext, IoStatus, IoStatusInformation);
    ObfDereferenceObject(port);
    return status;
}

/* Takes up to Count packets, waiting (alertably if asked) for the first. */
static NTSTATUS IopRemovePackets(HANDLE IoCompletionHandle, PIOP_FILE_IO_COMPLETION_INFORMATION Out, ULONG Count,
                                 PULONG Removed, PLARGE_INTEGER Timeout, BOOLEAN Alertable)
{
    PVOID object;
    NTSTATUS status = ObReferenceObjectByHandle(IoCompletionHandle, IOP_IO_COMPLETION_MODIFY_STATE,
                                                IopCompletionObjectType, KiCallerMode(KiThread()), &object, NULL);
    if (!NT_SUCCESS(status))
        return status;
    PIOP_COMPLETION_PORT p = object;
    ULONG n = 0;
    status = KiWaitForObject(&p->Count.Header, Alertable, Timeout);
    if (status == STATUS_WAIT_0) {
        for (;;) {
            IopLockPort(p);
            PIOP_COMPLETION_PACKET packet =
                CONTAINING_RECORD(RemoveHeadList(&p->Packets), IOP_COMPLETION_PACKET, Entry);
            IopUnlockPort(p);
            Out[n].KeyContext = packet->Key;
            Out[n].ApcContext = packet->ApcContext;
            Out[n].IoStatusBlock.Status = packet->Status;
            Out[n].IoStatusBlock.Information = packet->Information;
            KipFree(packet);
            if (++n == Count)
                break;
            /* Further packets only if there are some now. */
            LARGE_INTEGER zero = {.QuadPart = 0};
            if (KiWaitForObject(&p->Count.Header, FALSE, &zero) != STATUS_WAIT_0)
                break;
        }
        status = STATUS_SUCCESS;
    }
    if (Removed)
        *Removed = n;
    ObfDereferenceObject(object);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtRemoveIoCompletion(HANDLE IoCompletionHandle, PVOID *KeyContext, PVOID *ApcContext,
                                                   PIO_STATUS_BLOCK IoStatusBlock, PLARGE_INTEGER Timeout)
{
    IOP_FILE_IO_COMPLETION_INFORMATION info;
    NTSTATUS status = IopRemovePackets(IoCompletionHandle, &info, 1, NULL, Timeout, FALSE);
    if (status == STATUS_SUCCESS) {
        *KeyContext = info.KeyContext;
        *ApcContext = info.ApcContext;
        *IoStatusBlock = info.IoStatusBlock;
    }
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtRemoveIoCompletionEx(HANDLE IoCompletionHandle,
                                                     PIOP_FILE_IO_COMPLETION_INFORMATION IoCompletionInformation,
                                                     ULONG Count, PULONG NumEntriesRemoved, PLARGE_INTEGER Timeout,
                                                     BOOLEAN Alertable)
{
    if (!Count || !IoCompletionInformation)
        return STATUS_INVALID_PARAMETER;
    return IopRemovePackets(IoCompletionHandle, IoCompletionInformation, Count, NumEntriesRemoved, Timeout,
                            Alertable);
}

/* The user APC of an overlapped request: ApcRoutine(ApcContext, IoStatusBlock, 0). */
typedef struct _IOP_IO_APC {
    KI_USER_APC Apc;
} IOP_IO_APC;

static VOID NTAPI IopIoApcTrampoline(PVOID ApcContext, PVOID IoStatusBlock, PVOID Routine)
{
    ((PIO_APC_ROUTINE)Routine)(ApcContext, IoStatusBlock, 0);
}

static void IopFreeIoApc(PKI_USER_APC Apc)
{
    KipFree(Apc);
}

static void IopReportLost(const char *What)
{
    static const char prefix[] = "ntk: out of memory queueing ", suffix[] = "; it is lost\n";
    ntkhost->write_err(prefix, sizeof prefix - 1);
    ntkhost->write_err(What, strlen(What));
    ntkhost->write_err(suffix, sizeof suffix - 1);
}

void IopReportAsynchronousCompletion(PIRP Irp, PFILE_OBJECT File, NTSTATUS Status)
{
    ULONG flags = IopFileFlags(File);
    if (!Irp->UserEvent && !(flags & FO_SKIP_SET_EVENT))
        KeSetEvent(&File->Event, IO_NO_INCREMENT, FALSE);
    PVOID context = Irp->Overlay.AsynchronousParameters.UserApcContext;
    PIO_COMPLETION_CONTEXT port = File->CompletionContext;
    if (port) {
        /* A NULL context (an hEvent with its low bit set, in Win32) asks
         * for no packet; FILE_SKIP_COMPLETION_PORT_ON_SUCCESS skips only
         * requests that succeeded without pending (Windows 8 and later). */
        if (context && !((flags & FO_SKIP_COMPLETION_PORT) && !Irp->PendingReturned && NT_SUCCESS(Status)))
            if (!NT_SUCCESS(IopQueueCompletionPacket(port->Port, port->Key, context, Status,
                                                     Irp->IoStatus.Information)))
                IopReportLost("an I/O completion packet");
        return;
    }
    PIO_APC_ROUTINE routine = Irp->Overlay.AsynchronousParameters.UserApcRoutine;
    PKTHREAD thread = (PKTHREAD)__atomic_load_n(&Irp->Tail.Overlay.Thread, __ATOMIC_ACQUIRE);
    if (!routine || !thread)
        return;
    PKI_USER_APC apc = KipAlloc(sizeof *apc);
    if (!apc) {
        IopReportLost("an I/O completion APC");
        return;
    }
    apc->Routine = IopIoApcTrampoline;
    apc->Context = context;
    apc->Argument1 = Irp->UserIosb;
    apc->Argument2 = (PVOID)routine;
    apc->Free = IopFreeIoApc;
    if (!KiInsertUserApc(thread, apc))
        KipFree(apc);
}

/* Binds File to the port (FileCompletionInformation, file.c). */
NTSTATUS IopSetFileCompletion(PFILE_OBJECT File, HANDLE Port, PVOID Key, KPROCESSOR_MODE Mode)
{
    PVOID port;
    NTSTATUS status = ObReferenceObjectByHandle(Port, IOP_IO_COMPLETION_MODIFY_STATE, IopCompletionObjectType, Mode,
                                                &port, NULL);
    if (!NT_SUCCESS(status))
        return status;
    PIO_COMPLETION_CONTEXT context = KipAlloc(sizeof *context);
    if (!context) {
        ObfDereferenceObject(port);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    context->Port = port;
    context->Key = Key;
    context->UsageCount = 1;
    PIO_COMPLETION_CONTEXT expected = NULL;
    if (!__atomic_compare_exchange_n(&File->CompletionContext, &expected, context, FALSE, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE)) {
        /* A file object is bound to one port for its life. */
        KipFree(context);
        ObfDereferenceObject(port);
        return STATUS_INVALID_PARAMETER;
    }
    return STATUS_SUCCESS;
}

void IopFreeCompletionContext(PFILE_OBJECT File)
{
    PIO_COMPLETION_CONTEXT context = File->CompletionContext;
    if (!context)
        return;
    File->CompletionContext = NULL;
    ObfDereferenceObject(context->Port);
    KipFree(context);
}

#define IOP_FILE_COMPLETION_INFORMATION_CLASS 30
#define IOP_FILE_IO_COMPLETION_NOTIFICATION_CLASS 41
#define IOP_SKIP_COMPLETION_PORT_ON_SUCCESS 0x1
#define IOP_SKIP_SET_EVENT_ON_HANDLE 0x2
#define IOP_SKIP_SET_USER_EVENT_ON_FAST_IO 0x4

/* The two classes of NtSetInformationFile that belong to the I/O manager
 * itself: FileCompletionInformation {Port, Key} binds the file object to a
 * port; FileIoCompletionNotificationInformation sets FO_SKIP_*. */
NTSTATUS IopSetCompletionInformation(PFILE_OBJECT File, ULONG Class, PVOID Information, ULONG Length,
                                     KPROCESSOR_MODE Mode)
{
    if (Class == IOP_FILE_COMPLETION_INFORMATION_CLASS) {
        if (Length < 2 * sizeof(PVOID))
            return STATUS_INFO_LENGTH_MISMATCH;
        HANDLE port = ((HANDLE *)Information)[0];
        PVOID key = ((PVOID *)Information)[1];
        return IopSetFileCompletion(File, port, key, Mode);
    }
    if (Class == IOP_FILE_IO_COMPLETION_NOTIFICATION_CLASS) {
        if (Length < sizeof(ULONG))
            return STATUS_INFO_LENGTH_MISMATCH;
        ULONG modes = *(ULONG *)Information;
        if (modes & ~(IOP_SKIP_COMPLETION_PORT_ON_SUCCESS | IOP_SKIP_SET_EVENT_ON_HANDLE |
                      IOP_SKIP_SET_USER_EVENT_ON_FAST_IO))
            return STATUS_INVALID_PARAMETER;
        ULONG flags = ((modes & IOP_SKIP_COMPLETION_PORT_ON_SUCCESS) ? FO_SKIP_COMPLETION_PORT : 0) |
                      ((modes & IOP_SKIP_SET_EVENT_ON_HANDLE) ? FO_SKIP_SET_EVENT : 0) |
                      ((modes & IOP_SKIP_SET_USER_EVENT_ON_FAST_IO) ? FO_SKIP_SET_FAST_IO : 0);
        /* The modes only ever get added, as on Windows. */
        __atomic_fetch_or(&File->Flags, flags, __ATOMIC_RELAXED);
        return STATUS_SUCCESS;
    }
    return STATUS_INVALID_INFO_CLASS;
}

/* @implemented: ntk's entry for the Win32 subset to the two classes above
 * (NtSetInformationFile's FileCompletionInformation and
 * FileIoCompletionNotificationInformation). */
DECLSPEC_EXPORT NTSTATUS NTAPI NtkSetFileCompletionInformation(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock,
                                                              PVOID FileInformation, ULONG Length, ULONG Class)
{
    KPROCESSOR_MODE mode = KiCallerMode(KiThread());
    PVOID file;
    NTSTATUS status = ObReferenceObjectByHandle(FileHandle, 0, IopFileObjectType, mode, &file, NULL);
    if (!NT_SUCCESS(status))
        return status;
    status = IopSetCompletionInformation(file, Class, FileInformation, Length, mode);
    ObfDereferenceObject(file);
    if (NT_SUCCESS(status)) {
        IoStatusBlock->Status = status;
        IoStatusBlock->Information = 0;
    }
    return status;
}
