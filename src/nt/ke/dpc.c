/*
 * dpc.c - deferred procedure calls: per-processor DPC queues, the DPC
 * thread of each processor, and the software-interrupt rule.
 *
 * Each processor has a queue (FIFO; HighImportance DPCs go to the head)
 * guarded by its own lock, never a global one. A queued KDPC's DpcData
 * points at its processor's queue; it is cleared, under that queue's lock,
 * when the DPC is taken off to run or removed, so it may be queued again
 * from its own routine.
 *
 * Who runs a processor's DPCs, always at DISPATCH_LEVEL:
 * - KeInsertQueueDpc below DISPATCH_LEVEL for the caller's own processor
 *   runs them on the calling thread before returning (the DPC interrupt
 *   would be taken at once);
 * - queued on the caller's processor at DISPATCH_LEVEL or above, they run
 *   when that thread's IRQL drops below DISPATCH_LEVEL (KeLowerIrql);
 * - queued for another processor, that processor's DPC thread runs them: a
 *   system thread of the System process, started on first use.
 * A processor's DPCs never run at the same time as each other: whoever
 * runs them holds the processor's drain token.
 *
 * Threaded DPCs run as ordinary DPCs at DISPATCH_LEVEL, as Windows runs
 * them when threaded DPCs are disabled (which the WDK tells drivers to be
 * ready for).
 */
#include <internal/ke_fp.h>
#include <internal/ke.h>
#include <internal/ob.h>
#include <internal/ldr.h>
#include <stdio.h>

typedef struct KIP_DPC_DATA {
    volatile LONG Lock;            /* guards the list, Depth and queued DPCs' DpcData */
    PSINGLE_LIST_ENTRY First;
    PSINGLE_LIST_ENTRY Last;
    volatile LONG Depth;           /* DPCs queued */
    volatile LONG Draining;        /* the drain token */
    volatile int32_t WakeWord;     /* the DPC thread parks on it; kicks add one */
    volatile LONG ThreadState;     /* 0: not started, 1: started */
    struct ntkhost_thread *Thread;
    ULONG Number;
} __attribute__((aligned(64))) KIP_DPC_DATA;

static KIP_DPC_DATA KipDpcData[MAXIMUM_PROCESSORS];

/* KDPC.Number: 0 for "the processor that queues it", else this plus the
 * processor's index (as Windows encodes a target processor). */
#define KIP_DPC_TARGETED MAXIMUM_PROCESSORS

static void KipLockQueue(KIP_DPC_DATA *d)
{
    KiAcquireWordLock(&d->Lock);
}

static void KipUnlockQueue(KIP_DPC_DATA *d)
{
    KiReleaseWordLock(&d->Lock);
}

static BOOLEAN KipTryDrainToken(KIP_DPC_DATA *d)
{
    return !__atomic_load_n(&d->Draining, __ATOMIC_RELAXED) &&
           !__atomic_exchange_n(&d->Draining, 1, __ATOMIC_ACQUIRE);
}

static void KipReleaseDrainToken(KIP_DPC_DATA *d)
{
    __atomic_store_n(&d->Draining, 0, __ATOMIC_RELEASE);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine, PVOID DeferredContext)
{
    Dpc->TargetInfoAsUlong = 0;
    Dpc->Type = DpcObject;
    Dpc->Importance = MediumImportance;
    Dpc->Number = 0;
    Dpc->DpcListEntry.Next = NULL;
    Dpc->ProcessorHistory = 0;
    Dpc->DeferredRoutine = DeferredRoutine;
    Dpc->DeferredContext = DeferredContext;
    Dpc->SystemArgument1 = NULL;
    Dpc->SystemArgument2 = NULL;
    Dpc->DpcData = NULL;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeThreadedDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine,
                                                  PVOID DeferredContext)
{
    KeInitializeDpc(Dpc, DeferredRoutine, DeferredContext);
    Dpc->Type = ThreadedDpcObject;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeSetImportanceDpc(PRKDPC Dpc, KDPC_IMPORTANCE Importance)
{
    Dpc->Importance = (UCHAR)Importance;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeSetTargetProcessorDpc(PRKDPC Dpc, CCHAR Number)
{
    __atomic_store_n(&Dpc->Number, (USHORT)(KIP_DPC_TARGETED + (UCHAR)Number), __ATOMIC_RELAXED);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI KeSetTargetProcessorDpcEx(PKDPC Dpc, PPROCESSOR_NUMBER ProcNumber)
{
    if (ProcNumber->Group != 0 || ProcNumber->Number >= KiProcessorCount() || ProcNumber->Reserved != 0)
        return STATUS_INVALID_PARAMETER;
    __atomic_store_n(&Dpc->Number, (USHORT)(KIP_DPC_TARGETED + ProcNumber->Number), __ATOMIC_RELAXED);
    return STATUS_SUCCESS;
}

/* The processor a DPC goes to when queued by a thread on Default. */
static ULONG KipTargetOf(PKDPC Dpc, ULONG Default)
{
    USHORT number = __atomic_load_n(&Dpc->Number, __ATOMIC_RELAXED);
    if (number < KIP_DPC_TARGETED)
        return Default;
    ULONG target = number - KIP_DPC_TARGETED;
    /* On Windows a DPC for a processor that does not exist reaches no valid
     * processor block and crashes the system: report it as an invalid DPC
     * object. */
    if (target >= KiProcessorCount())
        KiBugCheckAt(TIMER_OR_DPC_INVALID, 1, (ULONG_PTR)Dpc, target, KiProcessorCount(), NULL,
                     "a DPC was queued for a processor that does not exist (KeSetTargetProcessorDpc)");
    return target;
}

/* Links Dpc into processor p's queue unless it is queued somewhere. */
static BOOLEAN KipEnqueue(PKDPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2, ULONG p)
{
    KIP_DPC_DATA *d = &KipDpcData[p];
    KipLockQueue(d);
    PVOID expected = NULL;
    if (!__atomic_compare_exchange_n(&Dpc->DpcData, &expected, d, FALSE, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
        KipUnlockQueue(d);
        return FALSE;
    }
    Dpc->SystemArgument1 = SystemArgument1;
    Dpc->SystemArgument2 = SystemArgument2;
    Dpc->ProcessorHistory |= (KAFFINITY)1 << p;
    if (Dpc->Importance == HighImportance) {
        Dpc->DpcListEntry.Next = d->First;
        d->First = &Dpc->DpcListEntry;
        if (!d->Last)
            d->Last = &Dpc->DpcListEntry;
    } else {
        Dpc->DpcListEntry.Next = NULL;
        if (d->Last)
            d->Last->Next = &Dpc->DpcListEntry;
        else
            d->First = &Dpc->DpcListEntry;
        d->Last = &Dpc->DpcListEntry;
    }
    __atomic_add_fetch(&d->Depth, 1, __ATOMIC_RELEASE);
    KipUnlockQueue(d);
    return TRUE;
}

/* The routine has returned, so the stack no longer names its driver: the
 * explanation does. */
static void KipDpcReturnedAtBadIrql(PKTHREAD t, PKDPC Dpc, PKDEFERRED_ROUTINE Routine, PVOID Context)
{
    char symbol[160], detail[320];
    ntkhost->symbolize((void *)Routine, symbol, sizeof symbol);
    const char *driver = LdrpDriverNameForAddress((const void *)Routine);
    snprintf(detail, sizeof detail, "DPC routine %s%s%s returned at IRQL %u instead of DISPATCH_LEVEL", symbol,
             driver ? " of " : "", driver ? driver : "", (unsigned)t->Irql);
    KiBugCheckAt(IRQL_NOT_GREATER_OR_EQUAL, (ULONG_PTR)Routine, t->Irql, (ULONG_PTR)Context, (ULONG_PTR)Dpc, NULL,
                 detail);
}

/* Runs processor d's queued DPCs on thread t until the queue is empty.
 * The caller holds the drain token. */
static void KipDrainQueue(PKTHREAD t, KIP_DPC_DATA *d)
{
    KIRQL saved = t->Irql;
    t->Irql = DISPATCH_LEVEL;
    for (;;) {
        KipLockQueue(d);
        PSINGLE_LIST_ENTRY entry = d->First;
        if (!entry) {
            KipUnlockQueue(d);
            break;
        }
        d->First = entry->Next;
        if (!d->First)
            d->Last = NULL;
        __atomic_sub_fetch(&d->Depth, 1, __ATOMIC_RELAXED);
        PKDPC dpc = CONTAINING_RECORD(entry, KDPC, DpcListEntry);
        PKDEFERRED_ROUTINE routine = dpc->DeferredRoutine;
        PVOID context = dpc->DeferredContext, arg1 = dpc->SystemArgument1, arg2 = dpc->SystemArgument2;
        entry->Next = NULL;
        __atomic_store_n(&dpc->DpcData, NULL, __ATOMIC_RELEASE);
        KipUnlockQueue(d);

        t->DpcRoutineActive++;
        KPROCESSOR_MODE mode = KiEnterService(t, KernelMode);
        KI_FP_GUARD fp;
        KiFpGuardEnter(t, &fp);
        routine(dpc, context, arg1, arg2);
        KiFpGuardLeave(t, &fp, (const void *)routine, "DPC");
        KiLeaveService(t, mode);
        t->DpcRoutineActive--;
        /* A routine that lowered IRQL was caught in KeLowerIrql (0xC4/0x31
         * with Arg4 = 1, the verifier's check). One that returns at a raised
         * IRQL gets the stop code the kernel's own DPC dispatcher raises for
         * it: the catalog's 0xC7 is about DPC objects in the wrong memory and
         * 0xC4 has no subcode for a DPC's return. */
        if (t->Irql != DISPATCH_LEVEL)
            KipDpcReturnedAtBadIrql(t, dpc, routine, context);
    }
    t->Irql = saved;
}

static void KipDpcThread(void *Parameter)
{
    KIP_DPC_DATA *d = Parameter;
    PKTHREAD self = KiBecomeSystemThread();
    self->PreviousMode = KernelMode;
    self->Processor = d->Number;
    self->ProcessorAssigned = TRUE;
    for (;;) {
        int32_t seen = __atomic_load_n(&d->WakeWord, __ATOMIC_ACQUIRE);
        while (__atomic_load_n(&d->Depth, __ATOMIC_ACQUIRE) > 0) {
            if (KipTryDrainToken(d)) {
                KipDrainQueue(self, d);
                KipReleaseDrainToken(d);
            } else {
                /* Another thread of this processor is running its DPCs and
                 * will take these too, or leave them to us. */
                ntkhost->thread_yield();
            }
        }
        ntkhost->park(&d->WakeWord, seen, -1);
    }
}

/* Makes processor d's DPC thread look at its queue, starting it if needed. */
static void KipKickProcessor(KIP_DPC_DATA *d)
{
    if (__builtin_expect(!__atomic_load_n(&d->ThreadState, __ATOMIC_ACQUIRE), 0)) {
        LONG expected = 0;
        if (__atomic_compare_exchange_n(&d->ThreadState, &expected, 1, FALSE, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE)) {
            d->Number = (ULONG)(d - KipDpcData);
            if (ntkhost->thread_create(KipDpcThread, d, &d->Thread) != 0)
                KiBugCheckAt(0x5D, 4, d->Number, 0, 0, NULL, "cannot start a processor's DPC thread");
        }
    }
    __atomic_add_fetch(&d->WakeWord, 1, __ATOMIC_RELEASE);
    ntkhost->unpark(&d->WakeWord, 1);
}

/* Runs processor d's DPCs on the calling thread, waiting for whoever runs
 * them now to finish: every DPC queued before the call has run on return. */
static void KipRunNow(PKTHREAD t, KIP_DPC_DATA *d)
{
    while (!KipTryDrainToken(d))
        ntkhost->thread_yield();
    KipDrainQueue(t, d);
    KipReleaseDrainToken(d);
    /* Queued meanwhile by other processors' threads: those kicked the DPC
     * thread, which may have found the token taken. */
    if (__atomic_load_n(&d->Depth, __ATOMIC_ACQUIRE) > 0)
        KipKickProcessor(d);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeInsertQueueDpc(PRKDPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PKTHREAD t = KiThread();
    ULONG current = KiCurrentProcessor(t);
    ULONG p = KipTargetOf(Dpc, current);
    if (!KipEnqueue(Dpc, SystemArgument1, SystemArgument2, p))
        return FALSE;
    if (p != current)
        KipKickProcessor(&KipDpcData[p]);
    else if (t->Irql < DISPATCH_LEVEL)
        KipRunNow(t, &KipDpcData[p]);
    /* Else it runs when this thread's IRQL drops below DISPATCH_LEVEL, or
     * next in the drain loop this thread is already in. */
    return TRUE;
}

BOOLEAN KiQueueDpcToProcessor(PKDPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2, ULONG Processor)
{
    ULONG p = KipTargetOf(Dpc, Processor);
    if (!KipEnqueue(Dpc, SystemArgument1, SystemArgument2, p))
        return FALSE;
    KipKickProcessor(&KipDpcData[p]);
    return TRUE;
}

void KiDispatchPendingDpcs(PKTHREAD Thread)
{
    KIP_DPC_DATA *d = &KipDpcData[KiCurrentProcessor(Thread)];
    if (__builtin_expect(__atomic_load_n(&d->Depth, __ATOMIC_ACQUIRE) == 0, 1))
        return;
    /* Someone else running this processor's DPCs now takes these too; the
     * kick makes sure none is left behind when it finishes. */
    if (KipTryDrainToken(d)) {
        KipDrainQueue(Thread, d);
        KipReleaseDrainToken(d);
        if (__atomic_load_n(&d->Depth, __ATOMIC_ACQUIRE) == 0)
            return;
    }
    KipKickProcessor(d);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeRemoveQueueDpc(PRKDPC Dpc)
{
    for (;;) {
        KIP_DPC_DATA *d = __atomic_load_n(&Dpc->DpcData, __ATOMIC_ACQUIRE);
        if (!d)
            return FALSE;
        KipLockQueue(d);
        if (__atomic_load_n(&Dpc->DpcData, __ATOMIC_RELAXED) != d) {
            KipUnlockQueue(d);
            continue; /* taken off meanwhile, perhaps queued elsewhere */
        }
        PSINGLE_LIST_ENTRY previous = NULL, entry = d->First;
        while (entry && entry != &Dpc->DpcListEntry) {
            previous = entry;
            entry = entry->Next;
        }
        if (entry) {
            if (previous)
                previous->Next = entry->Next;
            else
                d->First = entry->Next;
            if (d->Last == entry)
                d->Last = previous;
            entry->Next = NULL;
            __atomic_sub_fetch(&d->Depth, 1, __ATOMIC_RELAXED);
        }
        __atomic_store_n(&Dpc->DpcData, NULL, __ATOMIC_RELEASE);
        KipUnlockQueue(d);
        return TRUE;
    }
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeFlushQueuedDpcs(VOID)
{
    KI_CHECK_IRQL(KeFlushQueuedDpcs);
    KiWaitForTimerExpiry();
    PKTHREAD t = KiThread();
    ULONG current = KiCurrentProcessor(t);
    for (ULONG p = 0; p < KiProcessorCount(); p++) {
        KIP_DPC_DATA *d = &KipDpcData[p];
        /* Done when the queue is seen empty and then no one holds the drain
         * token: whatever was taken off before has finished running. */
        for (;;) {
            if (__atomic_load_n(&d->Depth, __ATOMIC_ACQUIRE) == 0 &&
                !__atomic_load_n(&d->Draining, __ATOMIC_ACQUIRE))
                break;
            if (p == current && __atomic_load_n(&d->Depth, __ATOMIC_ACQUIRE) > 0) {
                KipRunNow(t, d);
                continue;
            }
            if (__atomic_load_n(&d->Depth, __ATOMIC_ACQUIRE) > 0)
                KipKickProcessor(d);
            ntkhost->sleep_ns(20000);
        }
    }
}

/* ------------------------------------------------ KeGenericCallDpc */

/* Not in the WDK's headers (drivers declare them themselves), but widely
 * used: run a DPC routine on every processor at once. The routine gets the
 * done counter as SystemArgument1 and the barrier as SystemArgument2. */
typedef struct _KIP_CALL_DPC_BARRIER {
    volatile LONG Arrived;
    volatile LONG Generation;
    LONG Count;
} KIP_CALL_DPC_BARRIER;

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeGenericCallDpc(PKDEFERRED_ROUTINE Routine, PVOID Context)
{
    KI_CHECK_IRQL(KeGenericCallDpc);
    ULONG count = KiProcessorCount();
    KDPC dpcs[MAXIMUM_PROCESSORS]; /* the caller waits for them all */
    volatile LONG remaining = (LONG)count;
    KIP_CALL_DPC_BARRIER barrier = {.Arrived = 0, .Generation = 0, .Count = (LONG)count};
    /* Queued at DISPATCH_LEVEL, so that the one for this processor runs
     * only once every other one is queued (it waits for them at the
     * barrier). */
    KIRQL irql;
    KeRaiseIrql(DISPATCH_LEVEL, &irql);
    for (ULONG p = 0; p < count; p++) {
        KeInitializeDpc(&dpcs[p], Routine, Context);
        KeSetTargetProcessorDpc(&dpcs[p], (CCHAR)p);
        KeInsertQueueDpc(&dpcs[p], (PVOID)&remaining, &barrier);
    }
    KeLowerIrql(irql);
    unsigned spins = 0;
    while (__atomic_load_n(&remaining, __ATOMIC_ACQUIRE) > 0)
        KiSpinPause(&spins);
    KeFlushQueuedDpcs(); /* every routine has returned: the KDPCs may go */
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeSignalCallDpcDone(PVOID SystemArgument1)
{
    __atomic_sub_fetch((volatile LONG *)SystemArgument1, 1, __ATOMIC_RELEASE);
}

/* @implemented: a barrier across the processors; TRUE on the last one to
 * arrive, FALSE on the others. */
DECLSPEC_EXPORT LOGICAL NTAPI KeSignalCallDpcSynchronize(PVOID SystemArgument2)
{
    KIP_CALL_DPC_BARRIER *b = SystemArgument2;
    LONG generation = __atomic_load_n(&b->Generation, __ATOMIC_ACQUIRE);
    if (__atomic_add_fetch(&b->Arrived, 1, __ATOMIC_ACQ_REL) == b->Count) {
        __atomic_store_n(&b->Arrived, 0, __ATOMIC_RELAXED);
        __atomic_add_fetch(&b->Generation, 1, __ATOMIC_RELEASE);
        return TRUE;
    }
    unsigned spins = 0;
    while (__atomic_load_n(&b->Generation, __ATOMIC_ACQUIRE) == generation)
        KiSpinPause(&spins);
    return FALSE;
}
