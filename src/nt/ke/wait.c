/*
 * wait.c - dispatcher objects and waiting on them: KeWaitForSingleObject,
 * KeWaitForMultipleObjects, events, and what every waitable object shares.
 *
 * Each object is guarded by a lock bit in its DISPATCHER_HEADER (as on
 * Windows, bit 7 of Lock), never by a global dispatcher lock. A waiting
 * thread links one KWAIT_BLOCK per object into the object's WaitListHead and
 * parks on its own WaitWord.
 *
 * WaitAny: whoever satisfies the wait first - a signaller holding one
 * object's lock, the waiter itself while scanning, or the waiter timing out -
 * wins a compare-and-swap of WaitWord from 0 to KI_WAIT_DONE | status, and
 * only the winner consumes an object. The waiter then unlinks its remaining
 * blocks under each object's lock.
 *
 * WaitAll: the waiter locks all its objects in address order and takes them
 * only if every one is signalled; a signaller only tells it to look again
 * (stores 1 in WaitWord). Signallers hold one object lock at a time, so
 * locking in address order cannot deadlock.
 *
 * Alertable waits (ke/apc.c): a user APC pending at the start, or queued
 * while the thread waits, ends the wait with STATUS_USER_APC (the queuer
 * wins WaitWord like a signaller does); the thread then runs its APCs and
 * returns STATUS_USER_APC. Alerts (NtAlertThread, STATUS_ALERTED) are not
 * implemented. Any wait at PASSIVE_LEVEL is also ended by a kernel APC that
 * may run: it runs, and the wait goes on until the same deadline.
 */
#include <internal/ke.h>

#define KIP_HEADER_LOCK 0x80
#define KIP_BLOCK_LINKED 1

void KiAcquireDispatcherObject(PDISPATCHER_HEADER h)
{
    unsigned spins = 0;
    while (__atomic_fetch_or(&h->Lock, KIP_HEADER_LOCK, __ATOMIC_ACQUIRE) & KIP_HEADER_LOCK)
        while (__atomic_load_n(&h->Lock, __ATOMIC_RELAXED) & KIP_HEADER_LOCK)
            KiSpinPause(&spins);
}

void KiReleaseDispatcherObject(PDISPATCHER_HEADER h)
{
    __atomic_fetch_and(&h->Lock, ~KIP_HEADER_LOCK, __ATOMIC_RELEASE);
}

void KiInitializeDispatcherHeader(PDISPATCHER_HEADER h, UCHAR type, UCHAR size, LONG signal)
{
    h->Lock = 0;
    h->Type = type;
    h->Size = size;
    h->SignalState = signal;
    InitializeListHead(&h->WaitListHead);
}

/* Object type without the lock bit (read atomically: the lock shares the word). */
static UCHAR KipType(PDISPATCHER_HEADER h)
{
    return (UCHAR)(__atomic_load_n(&h->Type, __ATOMIC_RELAXED) & ~KIP_HEADER_LOCK);
}

/* Whether a wait by t on h is satisfied now. Called locked. A mutex is
 * signalled for its owner too (recursive acquisition). */
static BOOLEAN KipIsSignalled(PDISPATCHER_HEADER h, PKTHREAD t)
{
    if (KipType(h) == MutantObject && ((PKMUTANT)h)->OwnerThread == t)
        return TRUE;
    return __atomic_load_n(&h->SignalState, __ATOMIC_RELAXED) > 0;
}

/* Whether taking h now reports an abandoned mutex. Called locked. */
static BOOLEAN KipIsAbandoned(PDISPATCHER_HEADER h)
{
    return KipType(h) == MutantObject && __atomic_load_n(&h->SignalState, __ATOMIC_RELAXED) == 1 &&
           ((PKMUTANT)h)->Abandoned;
}

/* Takes what a satisfied wait by t consumes. Called locked. */
static void KipConsume(PDISPATCHER_HEADER h, PKTHREAD t)
{
    switch (KipType(h)) {
    case EventSynchronizationObject:
    case TimerSynchronizationObject:
        __atomic_store_n(&h->SignalState, 0, __ATOMIC_RELAXED);
        break;
    case SemaphoreObject:
        __atomic_sub_fetch(&h->SignalState, 1, __ATOMIC_RELAXED);
        break;
    case MutantObject: {
        PKMUTANT m = (PKMUTANT)h;
        if (__atomic_sub_fetch(&h->SignalState, 1, __ATOMIC_RELAXED) == 0) {
            m->OwnerThread = t;
            m->Abandoned = FALSE;
        }
        break;
    }
    default:
        break;
    }
}

static void KipUnpark(PKTHREAD t)
{
    ntkhost->unpark(&t->WaitWord, 1);
}

void KiWakeWaiters(PDISPATCHER_HEADER h)
{
    PLIST_ENTRY e = h->WaitListHead.Flink;
    while (e != &h->WaitListHead) {
        PLIST_ENTRY next = e->Flink;
        PKWAIT_BLOCK wb = CONTAINING_RECORD(e, KWAIT_BLOCK, WaitListEntry);
        PKTHREAD t = wb->Thread;
        if (wb->WaitType == WaitAll) {
            /* The waiter decides with all its objects locked. */
            __atomic_store_n(&t->WaitWord, 1, __ATOMIC_RELEASE);
            KipUnpark(t);
            e = next;
            continue;
        }
        if (!KipIsSignalled(h, t))
            break;
        NTSTATUS status = wb->WaitKey + (KipIsAbandoned(h) ? STATUS_ABANDONED_WAIT_0 : STATUS_WAIT_0);
        int32_t expected = 0;
        RemoveEntryList(e);
        wb->BlockState = 0;
        if (__atomic_compare_exchange_n(&t->WaitWord, &expected, KI_WAIT_DONE | status, FALSE, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE)) {
            KipConsume(h, t);
            KipUnpark(t);
        }
        e = next;
    }
}

void KiSignalObject(PDISPATCHER_HEADER h, LONG SignalState)
{
    KiAcquireDispatcherObject(h);
    __atomic_store_n(&h->SignalState, SignalState, __ATOMIC_RELEASE);
    KiWakeWaiters(h);
    KiReleaseDispatcherObject(h);
}

/* Converts an NT timeout (negative relative, positive absolute, 100 ns) to
 * a monotonic deadline in ns. */
static int64_t KipDeadline(PLARGE_INTEGER timeout)
{
    int64_t now = ntkhost->monotonic_ns();
    LONGLONG t = timeout->QuadPart;
    if (t < 0)
        return now + (-t) * 100;
    /* Absolute: 100 ns since 1601-01-01. */
    int64_t unix_ns = (t - 116444736000000000LL) * 100;
    int64_t deadline = now + (unix_ns - ntkhost->realtime_ns());
    return deadline < 0 ? 0 : deadline;
}

/* Time left before deadline (< 0: none), 0 once it has passed. */
static int64_t KipTimeLeft(int64_t deadline)
{
    if (deadline < 0)
        return -1;
    int64_t left = deadline - ntkhost->monotonic_ns();
    return left > 0 ? left : 0;
}

static void KipLinkBlock(PKWAIT_BLOCK wb, PKTHREAD t, PDISPATCHER_HEADER h, ULONG key, WAIT_TYPE type)
{
    wb->Thread = t;
    wb->Object = h;
    wb->WaitKey = (USHORT)key;
    wb->WaitType = (UCHAR)type;
    wb->BlockState = KIP_BLOCK_LINKED;
    InsertTailList(&h->WaitListHead, &wb->WaitListEntry);
}

static void KipUnlinkBlock(PKWAIT_BLOCK wb)
{
    if (wb->BlockState == KIP_BLOCK_LINKED) {
        RemoveEntryList(&wb->WaitListEntry);
        wb->BlockState = 0;
    }
}

/* Status of a finished wait, and the mutex bookkeeping that follows it. */
static NTSTATUS KipWaitAnyDone(PKTHREAD t, PVOID Object[])
{
    NTSTATUS status = __atomic_load_n(&t->WaitWord, __ATOMIC_ACQUIRE) & ~KI_WAIT_DONE;
    if (status != STATUS_TIMEOUT && status != STATUS_USER_APC && status != STATUS_KERNEL_APC) {
        PDISPATCHER_HEADER h = Object[status & 0x3F];
        if (KipType(h) == MutantObject)
            KiMutantAcquired(t, (PKMUTANT)h);
    }
    return status;
}

static NTSTATUS KipWaitAny(PKTHREAD t, ULONG Count, PVOID Object[], BOOLEAN Alertable, BOOLEAN KernelApcs,
                           BOOLEAN Poll, int64_t Deadline, PKWAIT_BLOCK Blocks)
{
    ULONG linked = 0;
    __atomic_store_n(&t->WaitWord, 0, __ATOMIC_SEQ_CST);
    if (KernelApcs) {
        /* A kernel APC that may run now interrupts the wait (it goes on
         * afterwards: see KiWaitForMultipleObjects). */
        KiArmKernelApcWait(t);
        if (__atomic_load_n(&t->WaitWord, __ATOMIC_ACQUIRE))
            goto done;
    }
    if (Alertable) {
        /* A pending user APC ends the wait before any object is looked at. */
        KiArmAlertableWait(t);
        if (__atomic_load_n(&t->WaitWord, __ATOMIC_ACQUIRE))
            goto done;
    }
    for (ULONG i = 0; i < Count; i++) {
        PDISPATCHER_HEADER h = Object[i];
        KiAcquireDispatcherObject(h);
        if (KipIsSignalled(h, t)) {
            /* The first signalled in array order, unless a signaller already
             * satisfied the wait through an earlier object. */
            int32_t expected = 0;
            NTSTATUS status = i + (KipIsAbandoned(h) ? STATUS_ABANDONED_WAIT_0 : STATUS_WAIT_0);
            if (__atomic_compare_exchange_n(&t->WaitWord, &expected, KI_WAIT_DONE | status, FALSE,
                                            __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
                KipConsume(h, t);
            KiReleaseDispatcherObject(h);
            goto done;
        }
        if (!Poll) {
            KipLinkBlock(&Blocks[i], t, h, i, WaitAny);
            linked = i + 1;
        }
        KiReleaseDispatcherObject(h);
    }
    if (Poll) {
        if (__atomic_load_n(&t->WaitWord, __ATOMIC_ACQUIRE))
            goto done;
        return STATUS_TIMEOUT;
    }
    for (;;) {
        if (__atomic_load_n(&t->WaitWord, __ATOMIC_ACQUIRE))
            break;
        int64_t left = KipTimeLeft(Deadline);
        if (left == 0) {
            int32_t expected = 0;
            __atomic_compare_exchange_n(&t->WaitWord, &expected, KI_WAIT_DONE | STATUS_TIMEOUT, FALSE,
                                        __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
            break;
        }
        ntkhost->park(&t->WaitWord, 0, left);
    }
done:
    for (ULONG i = 0; i < linked; i++) {
        PDISPATCHER_HEADER h = Object[i];
        KiAcquireDispatcherObject(h);
        KipUnlinkBlock(&Blocks[i]);
        KiReleaseDispatcherObject(h);
    }
    return KipWaitAnyDone(t, Object);
}

/* A WaitAll wait ends (satisfied, timed out or for an APC) with every
 * object locked: its blocks come off, the locks go in reverse order. */
static void KipEndWaitAll(PKWAIT_BLOCK Blocks, ULONG Count, BOOLEAN Linked, PDISPATCHER_HEADER *Order, ULONG Locked)
{
    if (Linked)
        for (ULONG i = 0; i < Count; i++)
            KipUnlinkBlock(&Blocks[i]);
    for (ULONG j = Locked; j-- > 0;)
        KiReleaseDispatcherObject(Order[j]);
}

static NTSTATUS KipWaitAll(PKTHREAD t, ULONG Count, PVOID Object[], BOOLEAN Alertable, BOOLEAN KernelApcs,
                           BOOLEAN Poll, int64_t Deadline, PKWAIT_BLOCK Blocks)
{
    /* The distinct objects in address order: the lock order. */
    PDISPATCHER_HEADER order[MAXIMUM_WAIT_OBJECTS];
    ULONG n = 0;
    for (ULONG i = 0; i < Count; i++) {
        PDISPATCHER_HEADER h = Object[i];
        ULONG j = n;
        while (j > 0 && order[j - 1] > h)
            j--;
        if (j > 0 && order[j - 1] == h)
            continue;
        __builtin_memmove(&order[j + 1], &order[j], (n - j) * sizeof order[0]);
        order[j] = h;
        n++;
    }
    BOOLEAN linked = FALSE;
    NTSTATUS status;
    for (;;) {
        for (ULONG j = 0; j < n; j++)
            KiAcquireDispatcherObject(order[j]);
        BOOLEAN kernelApc = KernelApcs && KiKernelApcDeliverable(t);
        if (kernelApc || (Alertable && __atomic_load_n(&t->UserApcPending, __ATOMIC_ACQUIRE))) {
            status = kernelApc ? STATUS_KERNEL_APC : STATUS_USER_APC;
            KipEndWaitAll(Blocks, Count, linked, order, n);
            break;
        }
        BOOLEAN all = TRUE;
        for (ULONG j = 0; j < n && all; j++)
            all = KipIsSignalled(order[j], t);
        int64_t left = all ? 0 : (Poll ? 0 : KipTimeLeft(Deadline));
        if (all || left == 0) {
            status = STATUS_TIMEOUT;
            if (all) {
                status = STATUS_WAIT_0;
                for (ULONG i = 0; i < Count; i++)
                    if (KipIsAbandoned(Object[i])) {
                        status = STATUS_ABANDONED_WAIT_0 + i;
                        break;
                    }
                for (ULONG j = 0; j < n; j++)
                    KipConsume(order[j], t);
            }
            KipEndWaitAll(Blocks, Count, linked, order, n);
            break;
        }
        if (!linked) {
            for (ULONG i = 0; i < Count; i++)
                KipLinkBlock(&Blocks[i], t, Object[i], i, WaitAll);
            linked = TRUE;
        }
        /* Reset while everything is locked: a later change kicks us. */
        __atomic_store_n(&t->WaitWord, 0, __ATOMIC_SEQ_CST);
        for (ULONG j = n; j-- > 0;)
            KiReleaseDispatcherObject(order[j]);
        /* An APC queued after the check above either is seen here or
         * finds WaitWord 0 and wakes us. */
        if ((!Alertable || !__atomic_load_n(&t->UserApcPending, __ATOMIC_SEQ_CST)) &&
            (!KernelApcs || !KiKernelApcDeliverable(t)))
            ntkhost->park(&t->WaitWord, 0, left);
    }
    if (status != STATUS_TIMEOUT && status != STATUS_USER_APC && status != STATUS_KERNEL_APC)
        for (ULONG j = 0; j < n; j++)
            if (KipType(order[j]) == MutantObject)
                KiMutantAcquired(t, (PKMUTANT)order[j]);
    return status;
}

NTSTATUS KiWaitForMultipleObjects(ULONG Count, PVOID Object[], WAIT_TYPE WaitType, BOOLEAN Alertable,
                                  PLARGE_INTEGER Timeout, PKWAIT_BLOCK WaitBlockArray)
{
    PKTHREAD t = KiThread();
    BOOLEAN poll = Timeout && Timeout->QuadPart == 0;
    int64_t deadline = Timeout && !poll ? KipDeadline(Timeout) : -1;
    PKWAIT_BLOCK blocks = WaitBlockArray ? WaitBlockArray : t->WaitBlock;
    NTSTATUS status;
    for (;;) {
        /* Kernel APCs run in waits at PASSIVE_LEVEL (ke/apc.c). */
        BOOLEAN kernelApcs = t->Irql == PASSIVE_LEVEL;
        if (WaitType == WaitAll) {
            if (kernelApcs)
                KiArmKernelApcWait(t);
            if (Alertable)
                KiArmAlertableWait(t);
            status = KipWaitAll(t, Count, Object, Alertable, kernelApcs, poll, deadline, blocks);
        } else {
            status = KipWaitAny(t, Count, Object, Alertable, kernelApcs, poll, deadline, blocks);
        }
        if (kernelApcs)
            KiDisarmKernelApcWait(t);
        if (status != STATUS_KERNEL_APC)
            break;
        if (Alertable)
            KiDisarmAlertableWait(t);
        KiDeliverKernelApcs(t);
    }
    if (Alertable) {
        KiDisarmAlertableWait(t);
        /* They run on the way back to the application: here when the
         * application itself waits; a driver's UserMode alertable wait
         * gets STATUS_USER_APC and leaves them for the next one. */
        if (status == STATUS_USER_APC && t->KernelDepth == 0)
            KiDeliverUserApcs(t);
    }
    t->WaitStatus = status;
    return status;
}

NTSTATUS KiWaitForObject(PDISPATCHER_HEADER h, BOOLEAN alertable, PLARGE_INTEGER timeout)
{
    KWAIT_BLOCK block;
    PVOID objects[1] = {h};
    return KiWaitForMultipleObjects(1, objects, WaitAny, alertable, timeout, &block);
}

/* The IRQL rules of waits: at DISPATCH_LEVEL only a zero timeout, never
 * above. A wait that follows KeSetEvent(Wait=TRUE) first returns to the
 * IRQL the thread had before it. */
void KiEndWaitNext(PKTHREAD t)
{
    if (t->WaitNext) {
        t->WaitNext = FALSE;
        KeLowerIrql(t->WaitIrql); /* through KeLowerIrql: pending DPCs run */
    }
}

static void KipCheckWaitIrql(PKTHREAD t, PVOID Object, PLARGE_INTEGER Timeout, const char *Routine)
{
    KiEndWaitNext(t);
    if (t->Irql > DISPATCH_LEVEL || (t->Irql == DISPATCH_LEVEL && (!Timeout || Timeout->QuadPart != 0)))
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION,
                     t->Irql > DISPATCH_LEVEL ? 0x120 : (!Timeout ? 0x121 : 0x122), (ULONG_PTR)Object, t->Irql,
                     (ULONG_PTR)Timeout, NULL, Routine);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                                                    BOOLEAN Alertable, PLARGE_INTEGER Timeout)
{
    PKTHREAD t = KiThread();
    KipCheckWaitIrql(t, Object, Timeout, "KeWaitForSingleObject at raised IRQL");
    /* Only a UserMode wait can be ended by user APCs (alerts are not
     * implemented). */
    return KiWaitForObject((PDISPATCHER_HEADER)Object, Alertable && WaitMode == UserMode, Timeout);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI KeWaitForMultipleObjects(ULONG Count, PVOID Object[], WAIT_TYPE WaitType,
                                                       KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                                                       BOOLEAN Alertable, PLARGE_INTEGER Timeout,
                                                       PKWAIT_BLOCK WaitBlockArray)
{
    PKTHREAD t = KiThread();
    KipCheckWaitIrql(t, Object, Timeout, "KeWaitForMultipleObjects at raised IRQL");
    if (Count > MAXIMUM_WAIT_OBJECTS || (Count > THREAD_WAIT_OBJECTS && !WaitBlockArray))
        KiBugCheckAt(MAXIMUM_WAIT_OBJECTS_EXCEEDED, Count, (ULONG_PTR)WaitBlockArray, 0, 0, NULL,
                     Count > MAXIMUM_WAIT_OBJECTS
                         ? "KeWaitForMultipleObjects with more than MAXIMUM_WAIT_OBJECTS objects"
                         : "KeWaitForMultipleObjects with more than THREAD_WAIT_OBJECTS objects and no "
                           "WaitBlockArray");
    if (Count == 0 || (WaitType != WaitAll && WaitType != WaitAny))
        return STATUS_INVALID_PARAMETER;
    return KiWaitForMultipleObjects(Count, Object, WaitType, Alertable && WaitMode == UserMode, Timeout,
                                    WaitBlockArray);
}

/* Windows returns from KeSetEvent(Wait=TRUE) at DISPATCH_LEVEL holding the
 * dispatcher lock so that the signal and the wait that must follow are one
 * step. ntk has no dispatcher lock to hold: it raises the thread to
 * DISPATCH_LEVEL and sets WaitNext; the next KeWaitForSingleObject or
 * KeWaitForMultipleObjects of the same thread lowers it again. */
void KiSetWaitNext(PKTHREAD t)
{
    if (t->Irql > APC_LEVEL)
        KiIrqlTooHigh("a signal with Wait=TRUE", APC_LEVEL, __builtin_return_address(0));
    t->WaitIrql = t->Irql;
    t->Irql = DISPATCH_LEVEL;
    t->WaitNext = TRUE;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeEvent(PRKEVENT Event, EVENT_TYPE Type, BOOLEAN State)
{
    KiInitializeDispatcherHeader(&Event->Header,
                                 Type == NotificationEvent ? EventNotificationObject : EventSynchronizationObject,
                                 sizeof(KEVENT) / sizeof(LONG), State ? 1 : 0);
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KeSetEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait)
{
    KI_CHECK_IRQL(KeSetEvent);
    PDISPATCHER_HEADER h = &Event->Header;
    KiAcquireDispatcherObject(h);
    LONG previous = __atomic_load_n(&h->SignalState, __ATOMIC_RELAXED);
    __atomic_store_n(&h->SignalState, 1, __ATOMIC_RELEASE);
    KiWakeWaiters(h);
    KiReleaseDispatcherObject(h);
    if (Wait)
        KiSetWaitNext(KiThread());
    return previous;
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KePulseEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait)
{
    KI_CHECK_IRQL(KePulseEvent);
    PDISPATCHER_HEADER h = &Event->Header;
    KiAcquireDispatcherObject(h);
    LONG previous = __atomic_load_n(&h->SignalState, __ATOMIC_RELAXED);
    /* Satisfies the waiters there are now, then leaves it not signalled. */
    __atomic_store_n(&h->SignalState, 1, __ATOMIC_RELEASE);
    KiWakeWaiters(h);
    __atomic_store_n(&h->SignalState, 0, __ATOMIC_RELEASE);
    KiReleaseDispatcherObject(h);
    if (Wait)
        KiSetWaitNext(KiThread());
    return previous;
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KeResetEvent(PRKEVENT Event)
{
    KI_CHECK_IRQL(KeResetEvent);
    PDISPATCHER_HEADER h = &Event->Header;
    KiAcquireDispatcherObject(h);
    LONG previous = __atomic_load_n(&h->SignalState, __ATOMIC_RELAXED);
    __atomic_store_n(&h->SignalState, 0, __ATOMIC_RELEASE);
    KiReleaseDispatcherObject(h);
    return previous;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeClearEvent(PRKEVENT Event)
{
    __atomic_store_n(&Event->Header.SignalState, 0, __ATOMIC_RELEASE);
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KeReadStateEvent(PRKEVENT Event)
{
    return __atomic_load_n(&Event->Header.SignalState, __ATOMIC_ACQUIRE);
}
