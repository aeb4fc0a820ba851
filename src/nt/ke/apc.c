/*
 * apc.c - user APCs: per-thread queues of routines that run in the target
 * thread when it next waits alertably (SleepEx(..., TRUE),
 * WaitForSingleObjectEx(..., TRUE), NtDelayExecution(TRUE, ...)). The wait
 * runs every pending APC and returns STATUS_USER_APC, as on Windows. I/O
 * completion (ApcRoutine of NtReadFile & co.), ReadFileEx/WriteFileEx and
 * QueueUserAPC (NtQueueApcThread) queue them.
 *
 * The queue is guarded by a per-thread lock (never a global one) that also
 * covers AlertableWait: a queuer ends a wait only while the thread is in an
 * alertable wait, so a later non-alertable wait can never be ended by it.
 *
 * Kernel APCs (KeInitializeApc, KeInsertQueueApc; undocumented but
 * exported by ntoskrnl): special ones (no normal routine) run whenever the
 * thread is at PASSIVE_LEVEL outside a guarded region, normal ones also
 * outside a critical region and not inside another normal APC. A host
 * thread cannot be interrupted, so they run when the target thread waits
 * (any wait at PASSIVE_LEVEL: it is woken, runs them and waits on), when it
 * queues one to itself at PASSIVE_LEVEL, and when it ends. A user-mode
 * KAPC joins the user APC queue: its kernel routine and then its normal
 * routine run in the next alertable wait; its rundown routine runs if the
 * thread ends first.
 */
#include <internal/ke.h>
#include <internal/ob.h>
#include <internal/ntk_alloc.h>

static void KipLockApcs(PKTHREAD t)
{
    KiAcquireWordLock(&t->ApcLock);
    if (!t->UserApcList.Flink) {
        InitializeListHead(&t->UserApcList);
        InitializeListHead(&t->KernelApcList);
    }
}

static void KipUnlockApcs(PKTHREAD t)
{
    KiReleaseWordLock(&t->ApcLock);
}

/* Ends t's alertable wait with STATUS_USER_APC. Called with ApcLock held
 * and t->AlertableWait set: t is inside KiWaitForMultipleObjects, between
 * resetting WaitWord and disarming. */
static void KipEndAlertableWait(PKTHREAD t)
{
    int32_t expected = 0;
    /* expected == 1 after a failed exchange: a WaitAll waiter was already
     * told to look again; it sees UserApcPending when it does. */
    if (__atomic_compare_exchange_n(&t->WaitWord, &expected, KI_WAIT_DONE | STATUS_USER_APC, FALSE,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) ||
        expected == 1)
        ntkhost->unpark(&t->WaitWord, 1);
}

BOOLEAN KiInsertUserApc(PKTHREAD t, PKI_USER_APC Apc)
{
    KipLockApcs(t);
    if (t->ApcQueueClosed) {
        KipUnlockApcs(t);
        return FALSE;
    }
    InsertTailList(&t->UserApcList, &Apc->Entry);
    __atomic_store_n(&t->UserApcPending, TRUE, __ATOMIC_SEQ_CST);
    if (t->AlertableWait)
        KipEndAlertableWait(t);
    KipUnlockApcs(t);
    return TRUE;
}

void KiArmAlertableWait(PKTHREAD t)
{
    KipLockApcs(t);
    t->AlertableWait = TRUE;
    if (t->UserApcPending)
        KipEndAlertableWait(t);
    KipUnlockApcs(t);
}

void KiDisarmAlertableWait(PKTHREAD t)
{
    KipLockApcs(t);
    t->AlertableWait = FALSE;
    KipUnlockApcs(t);
}

void KiDeliverUserApcs(PKTHREAD t)
{
    for (;;) {
        KipLockApcs(t);
        if (IsListEmpty(&t->UserApcList)) {
            __atomic_store_n(&t->UserApcPending, FALSE, __ATOMIC_RELEASE);
            KipUnlockApcs(t);
            return;
        }
        PKI_USER_APC apc = CONTAINING_RECORD(RemoveHeadList(&t->UserApcList), KI_USER_APC, Entry);
        KipUnlockApcs(t);
        /* In the application's context: not inside any service. */
        UCHAR depth = t->KernelDepth;
        KPROCESSOR_MODE mode = t->PreviousMode;
        t->KernelDepth = 0;
        t->PreviousMode = UserMode;
        apc->Routine(apc->Context, apc->Argument1, apc->Argument2);
        t->KernelDepth = depth;
        t->PreviousMode = mode;
        apc->Ran = TRUE;
        if (apc->Free)
            apc->Free(apc);
    }
}

void KiFlushUserApcs(PKTHREAD t)
{
    /* Kernel APCs still queued run before the thread goes. */
    KiDeliverKernelApcs(t);
    KipLockApcs(t);
    t->ApcQueueClosed = TRUE;
    LIST_ENTRY pending = t->UserApcList;
    BOOLEAN any = !IsListEmpty(&t->UserApcList);
    InitializeListHead(&t->UserApcList);
    t->UserApcPending = FALSE;
    KipUnlockApcs(t);
    if (!any)
        return;
    /* Relink the detached chain to a local head. */
    pending.Flink->Blink = &pending;
    pending.Blink->Flink = &pending;
    while (!IsListEmpty(&pending)) {
        PKI_USER_APC apc = CONTAINING_RECORD(RemoveHeadList(&pending), KI_USER_APC, Entry);
        apc->Ran = FALSE;
        if (apc->Free)
            apc->Free(apc);
    }
}

NTSTATUS KiDelayExecution(BOOLEAN Alertable, PLARGE_INTEGER Interval)
{
    NTSTATUS status = KiWaitForMultipleObjects(0, NULL, WaitAny, Alertable, Interval, NULL);
    return status == STATUS_USER_APC ? STATUS_USER_APC : STATUS_SUCCESS;
}

static void KipFreeQueuedApc(PKI_USER_APC Apc)
{
    KipFree(Apc);
}

extern POBJECT_TYPE PspThreadObjectType;

/* @implemented: the user APC of QueueUserAPC: ApcRoutine(Argument1,
 * Argument2, Argument3) in the thread's next alertable wait. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtQueueApcThread(HANDLE ThreadHandle, KI_USER_APC_ROUTINE *ApcRoutine,
                                               PVOID ApcArgument1, PVOID ApcArgument2, PVOID ApcArgument3)
{
    if (!ApcRoutine)
        return STATUS_INVALID_PARAMETER;
    PKTHREAD t;
    NTSTATUS status = ObReferenceObjectByHandle(ThreadHandle, 0x0010 /* THREAD_SET_CONTEXT */,
                                                PspThreadObjectType, KiThread()->KernelDepth ? KernelMode : UserMode,
                                                (PVOID *)&t, NULL);
    if (!NT_SUCCESS(status))
        return status;
    if (t->SystemThread) {
        ObfDereferenceObject(t);
        return STATUS_INVALID_HANDLE;
    }
    PKI_USER_APC apc = KipAlloc(sizeof *apc);
    if (!apc) {
        ObfDereferenceObject(t);
        return STATUS_NO_MEMORY;
    }
    apc->Routine = ApcRoutine;
    apc->Context = ApcArgument1;
    apc->Argument1 = ApcArgument2;
    apc->Argument2 = ApcArgument3;
    apc->Free = KipFreeQueuedApc;
    if (!KiInsertUserApc(t, apc)) {
        KipFree(apc);
        status = STATUS_THREAD_IS_TERMINATING;
    }
    ObfDereferenceObject(t);
    return status;
}

/* ------------------------------------------------------------ Kernel APCs */

typedef VOID NTAPI KI_NORMAL_ROUTINE(PVOID NormalContext, PVOID SystemArgument1, PVOID SystemArgument2);
typedef VOID NTAPI KI_KERNEL_ROUTINE(PKAPC Apc, KI_NORMAL_ROUTINE **NormalRoutine, PVOID *NormalContext,
                                     PVOID *SystemArgument1, PVOID *SystemArgument2);
typedef VOID NTAPI KI_RUNDOWN_ROUTINE(PKAPC Apc);

/* Where Windows keeps them in a KAPC (x64): KernelRoutine, RundownRoutine,
 * NormalRoutine. */
#define KipApcKernelRoutine(a) ((KI_KERNEL_ROUTINE *)(a)->Reserved[0])
#define KipApcRundownRoutine(a) ((KI_RUNDOWN_ROUTINE *)(a)->Reserved[1])
#define KipApcNormalRoutine(a) ((KI_NORMAL_ROUTINE *)(a)->Reserved[2])
#define KIP_APC_OBJECT 18 /* ApcObject */

/* A normal kernel APC is running on this thread: no other one starts. */
static __thread BOOLEAN KipNormalApcInProgress;

/* Whether t's first kernel APC may run now; t is the calling thread. */
static BOOLEAN KipHeadDeliverable(PKTHREAD t)
{
    if (IsListEmpty(&t->KernelApcList) || t->Irql != PASSIVE_LEVEL || KeAreAllApcsDisabled())
        return FALSE;
    PKAPC apc = CONTAINING_RECORD(t->KernelApcList.Flink, KAPC, ApcListEntry);
    if (!KipApcNormalRoutine(apc))
        return TRUE;
    return !KeAreApcsDisabled() && !KipNormalApcInProgress;
}

BOOLEAN KiKernelApcDeliverable(PKTHREAD t)
{
    if (!__atomic_load_n(&t->KernelApcPending, __ATOMIC_SEQ_CST))
        return FALSE;
    KipLockApcs(t);
    BOOLEAN deliverable = KipHeadDeliverable(t);
    KipUnlockApcs(t);
    return deliverable;
}

void KiArmKernelApcWait(PKTHREAD t)
{
    __atomic_store_n(&t->KernelApcWait, TRUE, __ATOMIC_SEQ_CST);
    if (KiKernelApcDeliverable(t)) {
        int32_t expected = 0;
        __atomic_compare_exchange_n(&t->WaitWord, &expected, KI_WAIT_DONE | STATUS_KERNEL_APC, FALSE,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    }
}

void KiDisarmKernelApcWait(PKTHREAD t)
{
    __atomic_store_n(&t->KernelApcWait, FALSE, __ATOMIC_RELAXED);
}

void KiDeliverKernelApcs(PKTHREAD t)
{
    for (;;) {
        KipLockApcs(t);
        if (!KipHeadDeliverable(t)) {
            if (IsListEmpty(&t->KernelApcList))
                __atomic_store_n(&t->KernelApcPending, FALSE, __ATOMIC_SEQ_CST);
            KipUnlockApcs(t);
            return;
        }
        PKAPC apc = CONTAINING_RECORD(RemoveHeadList(&t->KernelApcList), KAPC, ApcListEntry);
        apc->Inserted = FALSE;
        if (IsListEmpty(&t->KernelApcList))
            __atomic_store_n(&t->KernelApcPending, FALSE, __ATOMIC_SEQ_CST);
        KipUnlockApcs(t);
        KI_NORMAL_ROUTINE *normal = KipApcNormalRoutine(apc);
        PVOID context = apc->NormalContext, arg1 = apc->SystemArgument1, arg2 = apc->SystemArgument2;
        KIRQL old;
        KeRaiseIrql(APC_LEVEL, &old);
        KipApcKernelRoutine(apc)(apc, &normal, &context, &arg1, &arg2);
        KeLowerIrql(old);
        if (normal) {
            KipNormalApcInProgress = TRUE;
            normal(context, arg1, arg2);
            KipNormalApcInProgress = FALSE;
        }
    }
}

/* A user-mode KAPC in the user APC queue. */
typedef struct _KIP_USER_KAPC {
    KI_USER_APC Entry;
    PKAPC Apc;
} KIP_USER_KAPC;

static VOID NTAPI KipRunUserKapc(PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Argument1, (void)Argument2;
    PKAPC apc = Context;
    KI_NORMAL_ROUTINE *normal = KipApcNormalRoutine(apc);
    PVOID context = apc->NormalContext, arg1 = apc->SystemArgument1, arg2 = apc->SystemArgument2;
    apc->Inserted = FALSE;
    KipApcKernelRoutine(apc)(apc, &normal, &context, &arg1, &arg2);
    if (normal)
        normal(context, arg1, arg2);
}

static void KipFreeUserKapc(PKI_USER_APC Entry)
{
    KIP_USER_KAPC *u = CONTAINING_RECORD(Entry, KIP_USER_KAPC, Entry);
    if (!Entry->Ran) {
        u->Apc->Inserted = FALSE;
        if (KipApcRundownRoutine(u->Apc))
            KipApcRundownRoutine(u->Apc)(u->Apc);
    }
    KipFree(u);
}

/* @implemented: OriginalApcEnvironment and CurrentApcEnvironment (one
 * process: they are the same). */
DECLSPEC_EXPORT VOID NTAPI KeInitializeApc(PKAPC Apc, PKTHREAD Thread, ULONG Environment,
                                          KI_KERNEL_ROUTINE *KernelRoutine, KI_RUNDOWN_ROUTINE *RundownRoutine,
                                          KI_NORMAL_ROUTINE *NormalRoutine, KPROCESSOR_MODE ApcMode,
                                          PVOID NormalContext)
{
    __builtin_memset(Apc, 0, sizeof *Apc);
    Apc->Type = KIP_APC_OBJECT;
    Apc->Size = sizeof(KAPC);
    Apc->Thread = Thread;
    Apc->ApcStateIndex = (CCHAR)Environment;
    Apc->Reserved[0] = (PVOID)KernelRoutine;
    Apc->Reserved[1] = (PVOID)RundownRoutine;
    Apc->Reserved[2] = (PVOID)NormalRoutine;
    /* A special APC (no normal routine) is always a kernel-mode one. */
    Apc->ApcMode = NormalRoutine ? ApcMode : KernelMode;
    Apc->NormalContext = NormalRoutine ? NormalContext : NULL;
    Apc->Inserted = FALSE;
}

/* @implemented: FALSE if the APC is already queued or its thread ended. */
DECLSPEC_EXPORT BOOLEAN NTAPI KeInsertQueueApc(PKAPC Apc, PVOID SystemArgument1, PVOID SystemArgument2,
                                              KPRIORITY Increment)
{
    KI_CHECK_IRQL(KeInsertQueueApc);
    (void)Increment;
    PKTHREAD t = Apc->Thread;
    if (Apc->ApcMode == UserMode) {
        KIP_USER_KAPC *u = KipAlloc(sizeof *u);
        if (!u)
            return FALSE;
        KipLockApcs(t);
        BOOLEAN refused = Apc->Inserted || t->ApcQueueClosed;
        if (!refused)
            Apc->Inserted = TRUE;
        KipUnlockApcs(t);
        if (refused) {
            KipFree(u);
            return FALSE;
        }
        Apc->SystemArgument1 = SystemArgument1;
        Apc->SystemArgument2 = SystemArgument2;
        u->Apc = Apc;
        u->Entry.Routine = KipRunUserKapc;
        u->Entry.Context = Apc;
        u->Entry.Free = KipFreeUserKapc;
        if (!KiInsertUserApc(t, &u->Entry)) {
            Apc->Inserted = FALSE;
            KipFree(u);
            return FALSE;
        }
        return TRUE;
    }
    KipLockApcs(t);
    if (Apc->Inserted || t->ApcQueueClosed) {
        KipUnlockApcs(t);
        return FALSE;
    }
    Apc->SystemArgument1 = SystemArgument1;
    Apc->SystemArgument2 = SystemArgument2;
    Apc->Inserted = TRUE;
    if (KipApcNormalRoutine(Apc)) {
        InsertTailList(&t->KernelApcList, &Apc->ApcListEntry);
    } else {
        /* Special APCs go after the special ones already queued. */
        PLIST_ENTRY e = t->KernelApcList.Flink;
        while (e != &t->KernelApcList && !KipApcNormalRoutine(CONTAINING_RECORD(e, KAPC, ApcListEntry)))
            e = e->Flink;
        InsertTailList(e, &Apc->ApcListEntry);
    }
    __atomic_store_n(&t->KernelApcPending, TRUE, __ATOMIC_SEQ_CST);
    KipUnlockApcs(t);
    if (t == KiThread()) {
        /* Windows requests an APC interrupt: at PASSIVE_LEVEL it runs now. */
        if (t->Irql == PASSIVE_LEVEL)
            KiDeliverKernelApcs(t);
    } else if (__atomic_load_n(&t->KernelApcWait, __ATOMIC_SEQ_CST)) {
        /* Ends its wait (or, if that wait is over, a later one, which then
         * just waits on). */
        int32_t expected = 0;
        if (__atomic_compare_exchange_n(&t->WaitWord, &expected, KI_WAIT_DONE | STATUS_KERNEL_APC, FALSE,
                                        __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) ||
            expected == 1)
            ntkhost->unpark(&t->WaitWord, 1);
    }
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeRemoveQueueApc(PKAPC Apc)
{
    PKTHREAD t = Apc->Thread;
    if (Apc->ApcMode == UserMode)
        return FALSE; /* a queued user-mode KAPC runs or is run down */
    KipLockApcs(t);
    BOOLEAN removed = Apc->Inserted;
    if (removed) {
        RemoveEntryList(&Apc->ApcListEntry);
        Apc->Inserted = FALSE;
        if (IsListEmpty(&t->KernelApcList))
            __atomic_store_n(&t->KernelApcPending, FALSE, __ATOMIC_SEQ_CST);
    }
    KipUnlockApcs(t);
    return removed;
}
