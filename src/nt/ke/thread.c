/*
 * thread.c - thread objects: lazily created KTHREADs for application
 * threads, the list of threads by id, thread identity, previous mode,
 * priorities, and the end of a thread (its mutexes abandoned, its object
 * signalled).
 */
#include <internal/ex_cache.h>
#include <internal/ob.h>
#include <internal/ps.h>
#include <internal/io.h>

__thread PKTHREAD KiCurrentThread __attribute__((tls_model("initial-exec")));

/* Every thread object that can still be looked up by id. */
static OBP_LOCK PspThreadListLock;
static LIST_ENTRY PspThreadList = {&PspThreadList, &PspThreadList};

static void PspDeleteThread(PVOID Object)
{
    PKTHREAD t = Object;
    /* The links change when a neighbour leaves the list: read them locked. */
    ObpAcquireLock(&PspThreadListLock);
    if (t->ThreadListEntry.Flink)
        RemoveEntryList(&t->ThreadListEntry);
    ObpReleaseLock(&PspThreadListLock);
}

static OBJECT_TYPE PspThreadType = {.Name = "Thread", .PoolTag = 'erhT', .GenericRead = 0x20048,
                                    .GenericWrite = 0x20037, .GenericExecute = 0x120000,
                                    .GenericAll = 0x1FFFFF, .Delete = PspDeleteThread};
POBJECT_TYPE PspThreadObjectType = &PspThreadType;
DECLSPEC_EXPORT POBJECT_TYPE *PsThreadType = &PspThreadObjectType;

/* A new thread object, not yet running, with one reference (the one the
 * running thread holds until it ends). */
PKTHREAD PspCreateThreadObject(PEPROCESS Process, BOOLEAN SystemThread)
{
    PVOID object;
    if (!NT_SUCCESS(ObpCreateObject(&PspThreadType, sizeof(ETHREAD), &object)))
        return NULL;
    PKTHREAD t = object;
    __builtin_memset(t, 0, sizeof(ETHREAD));
    KiInitializeDispatcherHeader(&t->Header, ThreadObject, sizeof(ETHREAD) / sizeof(LONG), 0);
    t->Process = Process;
    t->Irql = PASSIVE_LEVEL;
    t->SystemThread = SystemThread;
    t->PreviousMode = SystemThread ? KernelMode : UserMode;
    t->Priority = 8; /* normal priority, as Windows starts threads */
    t->ExitStatus = STATUS_PENDING;
    InitializeListHead(&t->IrpList);
    InitializeListHead(&t->MutantListHead);
    return t;
}

/* Makes t findable by its id (set by then). */
void PspInsertThread(PKTHREAD t)
{
    ObpAcquireLock(&PspThreadListLock);
    InsertTailList(&PspThreadList, &t->ThreadListEntry);
    ObpReleaseLock(&PspThreadListLock);
}

void KiRundownThread(PKTHREAD t, NTSTATUS ExitStatus)
{
    /* Windows checks this first: a thread may not end with normal kernel
     * APCs disabled (a KMUTEX still owned, KeEnterCriticalRegion unpaired). */
    if (t->KernelApcDisable != 0 || t->Irql != PASSIVE_LEVEL)
        KiBugCheckAt(KERNEL_APC_PENDING_DURING_EXIT, 0, (ULONG_PTR)(LONG_PTR)t->KernelApcDisable, t->Irql, 0,
                     NULL,
                     t->Irql != PASSIVE_LEVEL ? "a thread ended at a raised IRQL"
                                              : "a thread ended with kernel APCs disabled (a mutex still owned, "
                                                "or KeEnterCriticalRegion without KeLeaveCriticalRegion)");
    /* Its I/O is cancelled and waited for; then its queued kernel APCs run
     * and its user APCs that never ran are run down (io/threadio.c,
     * ke/apc.c). */
    IopCancelThreadIo(t);
    KiFlushUserApcs(t);
    while (!IsListEmpty(&t->MutantListHead))
        KiReleaseMutant(CONTAINING_RECORD(t->MutantListHead.Flink, KMUTANT, MutantListEntry), TRUE, FALSE, NULL);
    __atomic_store_n(&t->ExitStatus, ExitStatus, __ATOMIC_RELEASE);
    KiSignalObject(&t->Header, 1);
}

/* A host thread with a lazily made KTHREAD is ending: it ends as a thread,
 * gives back what it cached and its reference on its thread object. */
static void KiThreadExit(void *arg)
{
    PKTHREAD t = arg;
    KiRundownThread(t, STATUS_SUCCESS);
    ExpRetireThreadCache();
    KiCurrentThread = NULL;
    ObfDereferenceObject(t);
}

/* Makes the calling host thread's KTHREAD, in Process, and publishes it. */
static PKTHREAD KipCreateCurrentThread(PEPROCESS Process, BOOLEAN SystemThread)
{
    PKTHREAD t = PspCreateThreadObject(Process, SystemThread);
    if (!t)
        KiBugCheckAt(0x5D, 1, 0, 0, 0, NULL, "out of memory creating a thread object");
    t->ThreadId = ntkhost->thread_id();
    PspInsertThread(t);
    ntkhost->thread_prepare_faults();
    KiCurrentThread = t;
    ntkhost->thread_exit_notify(KiThreadExit, t);
    return t;
}

/* Makes a KTHREAD for a host thread that entered the kernel for the first
 * time (the application's main thread and any thread it created). */
PKTHREAD KeGetCurrentThreadFast(void)
{
    PKTHREAD t = KiCurrentThread;
    if (t)
        return t;
    return KipCreateCurrentThread(PspApplicationProcess ? PspApplicationProcess : PsInitialSystemProcess, FALSE);
}

/* The calling host thread, started by the kernel itself (DPC, timer and
 * worker threads), as a system thread of the System process from the start:
 * other threads may already be looking at the thread list. */
PKTHREAD KiBecomeSystemThread(void)
{
    PKTHREAD t = KiCurrentThread;
    if (t)
        return t;
    return KipCreateCurrentThread(PsInitialSystemProcess, TRUE);
}

/* References up to Max threads of Process (for cancelling their I/O). */
ULONG PspReferenceProcessThreads(PEPROCESS Process, PKTHREAD *Threads, ULONG Max)
{
    ULONG n = 0;
    ObpAcquireLock(&PspThreadListLock);
    for (PLIST_ENTRY e = PspThreadList.Flink; e != &PspThreadList && n < Max; e = e->Flink) {
        PKTHREAD t = CONTAINING_RECORD(e, KTHREAD, ThreadListEntry);
        if (t->Process != Process)
            continue;
        volatile LONG_PTR *count = &OBJECT_TO_OBJECT_HEADER(t)->PointerCount;
        LONG_PTR c = __atomic_load_n(count, __ATOMIC_RELAXED);
        while (c > 0 && !__atomic_compare_exchange_n(count, &c, c + 1, FALSE, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            ;
        if (c > 0)
            Threads[n++] = t;
    }
    ObpReleaseLock(&PspThreadListLock);
    return n;
}

/* @implemented */
DECLSPEC_EXPORT PKTHREAD NTAPI KeGetCurrentThread(VOID)
{
    return KiThread();
}

/* @implemented */
DECLSPEC_EXPORT HANDLE NTAPI PsGetCurrentThreadId(VOID)
{
    return (HANDLE)KiThread()->ThreadId;
}

/* @implemented */
DECLSPEC_EXPORT HANDLE NTAPI PsGetThreadId(PETHREAD Thread)
{
    return (HANDLE)((PKTHREAD)Thread)->ThreadId;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI PsIsSystemThread(PETHREAD Thread)
{
    return ((PKTHREAD)Thread)->SystemThread;
}

/* @implemented */
DECLSPEC_EXPORT KPROCESSOR_MODE NTAPI ExGetPreviousMode(VOID)
{
    return KiThread()->PreviousMode;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI PsLookupThreadByThreadId(HANDLE ThreadId, PETHREAD *Thread)
{
    KI_CHECK_IRQL(PsLookupThreadByThreadId);
    if (!ThreadId)
        return STATUS_INVALID_CID;
    NTSTATUS status = STATUS_INVALID_PARAMETER;
    ObpAcquireLock(&PspThreadListLock);
    for (PLIST_ENTRY e = PspThreadList.Flink; e != &PspThreadList; e = e->Flink) {
        PKTHREAD t = CONTAINING_RECORD(e, KTHREAD, ThreadListEntry);
        if (t->ThreadId != (ULONG_PTR)ThreadId)
            continue;
        /* Only an object not already on its way to deletion. */
        volatile LONG_PTR *count = &OBJECT_TO_OBJECT_HEADER(t)->PointerCount;
        LONG_PTR n = __atomic_load_n(count, __ATOMIC_RELAXED);
        while (n > 0 && !__atomic_compare_exchange_n(count, &n, n + 1, FALSE, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            ;
        if (n > 0) {
            *Thread = (PETHREAD)t;
            status = STATUS_SUCCESS;
            break;
        }
    }
    ObpReleaseLock(&PspThreadListLock);
    return status;
}

/* @implemented: the priority is recorded and reported back, but the host
 * schedules every thread alike (ntk does not change host priorities). */
DECLSPEC_EXPORT KPRIORITY NTAPI KeSetPriorityThread(PKTHREAD Thread, KPRIORITY Priority)
{
    KI_CHECK_IRQL(KeSetPriorityThread);
    return __atomic_exchange_n(&Thread->Priority, Priority, __ATOMIC_RELAXED);
}

/* @implemented: see KeSetPriorityThread. */
DECLSPEC_EXPORT KPRIORITY NTAPI KeQueryPriorityThread(PKTHREAD Thread)
{
    KI_CHECK_IRQL(KeQueryPriorityThread);
    return __atomic_load_n(&Thread->Priority, __ATOMIC_RELAXED);
}
