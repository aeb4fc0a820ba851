/*
 * timer.c - kernel timers (KTIMER): setting, cancelling and expiring them.
 *
 * Set timers wait in one queue ordered by due time (interrupt time, 100 ns;
 * equal due times in the order they were set), guarded by the timer-queue
 * lock. One host thread, started with the first KeSetTimer, sleeps until
 * the earliest due time (or until a timer that is due earlier is set),
 * then, for each due timer and still under the lock: takes it off the
 * queue, queues its DPC on the processor that set the timer unless the DPC
 * names one, and signals it (waiters on a notification timer all wake; one
 * waiter of a synchronization timer wakes and resets it, ke/wait.c). A
 * periodic timer goes back on the queue at its previous due time plus its
 * period, so lateness never accumulates; periods missed entirely (the host
 * stalled) are skipped rather than fired in a burst.
 *
 * Expiry under the lock is what makes KeCancelTimer exact: once it returns,
 * the timer neither signals nor queues its DPC (a DPC queued before stays
 * queued, as on Windows). A timer set to an absolute time is converted to
 * interrupt time when set; later changes of the system clock do not move it.
 */
#include <internal/ke.h>
#include <internal/ob.h>

static volatile LONG KipTimerLock;
static LIST_ENTRY KipTimerQueue = {&KipTimerQueue, &KipTimerQueue};
static volatile int32_t KipTimerWake;       /* the timer thread parks on it */
static volatile LONG KipTimerThreadState;   /* 0: not started, 1: started */
static struct ntkhost_thread *KipTimerThreadHandle;

static void KipLockTimers(void)
{
    KiAcquireWordLock(&KipTimerLock);
}

static void KipUnlockTimers(void)
{
    KiReleaseWordLock(&KipTimerLock);
}

/* A timer is in the queue exactly when its list entry is linked. */
static BOOLEAN KipTimerInserted(PKTIMER Timer)
{
    return Timer->TimerListEntry.Flink != NULL;
}

/* Links Timer in by due time, after timers due at the same time. Returns
 * TRUE if it is now the first. Called locked. */
static BOOLEAN KipInsertTimer(PKTIMER Timer)
{
    PLIST_ENTRY after = KipTimerQueue.Blink;
    while (after != &KipTimerQueue &&
           CONTAINING_RECORD(after, KTIMER, TimerListEntry)->DueTime.QuadPart > Timer->DueTime.QuadPart)
        after = after->Blink;
    InsertHeadList(after, &Timer->TimerListEntry);
    return after == &KipTimerQueue;
}

static void KipUnlinkTimer(PKTIMER Timer)
{
    RemoveEntryList(&Timer->TimerListEntry);
    Timer->TimerListEntry.Flink = Timer->TimerListEntry.Blink = NULL;
}

static void KipTimerThread(void *Unused)
{
    (void)Unused;
    PKTHREAD self = KiBecomeSystemThread();
    self->PreviousMode = KernelMode;
    for (;;) {
        int32_t seen = __atomic_load_n(&KipTimerWake, __ATOMIC_ACQUIRE);
        int64_t sleep_ns = -1;
        KipLockTimers();
        /* Expiry runs at DISPATCH_LEVEL, as the clock interrupt's DPC does. */
        self->Irql = DISPATCH_LEVEL;
        while (!IsListEmpty(&KipTimerQueue)) {
            PKTIMER timer = CONTAINING_RECORD(KipTimerQueue.Flink, KTIMER, TimerListEntry);
            ULONGLONG now = KiInterruptTime();
            if (timer->DueTime.QuadPart > now) {
                sleep_ns = (int64_t)(timer->DueTime.QuadPart - now) * 100;
                break;
            }
            KipUnlinkTimer(timer);
            if (timer->Period) {
                ULONGLONG period = (ULONGLONG)timer->Period * 10000;
                ULONGLONG due = timer->DueTime.QuadPart + period;
                if (due <= now)
                    due += ((now - due) / period + 1) * period;
                timer->DueTime.QuadPart = due;
                KipInsertTimer(timer);
            }
            /* Signal first, then queue the DPC from what was read before:
             * the DPC may free a one-shot timer as soon as it is queued (as
             * Windows allows), so the timer is not touched after that. */
            PKDPC dpc = timer->Dpc;
            ULONG processor = timer->Processor;
            KiSignalObject(&timer->Header, 1);
            if (dpc) {
                LARGE_INTEGER system;
                system.QuadPart = KiSystemTime();
                KiQueueDpcToProcessor(dpc, ULongToPtr(system.LowPart), ULongToPtr((ULONG)system.HighPart),
                                      processor);
            }
        }
        self->Irql = PASSIVE_LEVEL;
        KipUnlockTimers();
        ntkhost->park(&KipTimerWake, seen, sleep_ns);
    }
}

/* Waits until an expiry the timer thread may be in the middle of (signal,
 * then DPC queued) is over: KeFlushQueuedDpcs calls it first, so a thread
 * that a timer's signal woke and that then flushes finds the DPC run. */
void KiWaitForTimerExpiry(void)
{
    KipLockTimers();
    KipUnlockTimers();
}

static void KipWakeTimerThread(void)
{
    if (__builtin_expect(!__atomic_load_n(&KipTimerThreadState, __ATOMIC_ACQUIRE), 0)) {
        LONG expected = 0;
        if (__atomic_compare_exchange_n(&KipTimerThreadState, &expected, 1, FALSE, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE) &&
            ntkhost->thread_create(KipTimerThread, NULL, &KipTimerThreadHandle) != 0)
            KiBugCheckAt(0x5D, 5, 0, 0, 0, NULL, "cannot start the timer thread");
    }
    __atomic_add_fetch(&KipTimerWake, 1, __ATOMIC_RELEASE);
    ntkhost->unpark(&KipTimerWake, 1);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeTimerEx(PKTIMER Timer, TIMER_TYPE Type)
{
    KI_CHECK_IRQL(KeInitializeTimerEx);
    UCHAR type = Type == NotificationTimer ? TimerNotificationObject : TimerSynchronizationObject;
    /* Re-initializing a timer that is set leaves it set (it still expires
     * and queues its DPC, as on Windows); only its header starts afresh. */
    KipLockTimers();
    BOOLEAN set = FALSE;
    for (PLIST_ENTRY e = KipTimerQueue.Flink; e != &KipTimerQueue; e = e->Flink)
        if (e == &Timer->TimerListEntry) {
            set = TRUE;
            break;
        }
    KiInitializeDispatcherHeader(&Timer->Header, type, sizeof(KTIMER) / sizeof(LONG), 0);
    if (!set) {
        Timer->DueTime.QuadPart = 0;
        Timer->TimerListEntry.Flink = Timer->TimerListEntry.Blink = NULL;
        Timer->Dpc = NULL;
        Timer->Processor = 0;
        Timer->Period = 0;
    }
    KipUnlockTimers();
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeTimer(PKTIMER Timer)
{
    KI_CHECK_IRQL(KeInitializeTimer);
    KeInitializeTimerEx(Timer, NotificationTimer);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeSetTimerEx(PKTIMER Timer, LARGE_INTEGER DueTime, LONG Period, PKDPC Dpc)
{
    KI_CHECK_IRQL(KeSetTimerEx);
    ULONG processor = KiCurrentProcessor(KiThread());
    ULONGLONG now = KiInterruptTime();
    ULONGLONG due;
    if (DueTime.QuadPart < 0) {
        due = now + (ULONGLONG)(-DueTime.QuadPart);
    } else {
        /* Absolute system time; one in the past expires at once. */
        LONGLONG ahead = DueTime.QuadPart - KiSystemTime();
        due = ahead > 0 ? now + (ULONGLONG)ahead : now;
    }
    KipLockTimers();
    BOOLEAN wasSet = KipTimerInserted(Timer);
    if (wasSet)
        KipUnlinkTimer(Timer);
    /* Setting a timer makes it not signalled. */
    __atomic_store_n(&Timer->Header.SignalState, 0, __ATOMIC_RELEASE);
    Timer->DueTime.QuadPart = due;
    Timer->Dpc = Dpc;
    Timer->Period = (ULONG)Period;
    Timer->Processor = processor;
    BOOLEAN first = KipInsertTimer(Timer);
    KipUnlockTimers();
    if (first || !__atomic_load_n(&KipTimerThreadState, __ATOMIC_ACQUIRE))
        KipWakeTimerThread();
    return wasSet;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeSetTimer(PKTIMER Timer, LARGE_INTEGER DueTime, PKDPC Dpc)
{
    KI_CHECK_IRQL(KeSetTimer);
    return KeSetTimerEx(Timer, DueTime, 0, Dpc);
}

/* The tolerable delay only allows the system to expire the timer later so
 * as to combine expirations; ntk has no ticks to save and expires it on time. */
/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeSetCoalescableTimer(PKTIMER Timer, LARGE_INTEGER DueTime, ULONG Period,
                                                   ULONG TolerableDelay, PKDPC Dpc)
{
    KI_CHECK_IRQL(KeSetCoalescableTimer);
    (void)TolerableDelay;
    return KeSetTimerEx(Timer, DueTime, (LONG)Period, Dpc);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeCancelTimer(PKTIMER Timer)
{
    KI_CHECK_IRQL(KeCancelTimer);
    KipLockTimers();
    BOOLEAN wasSet = KipTimerInserted(Timer);
    if (wasSet)
        KipUnlinkTimer(Timer);
    KipUnlockTimers();
    return wasSet;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeReadStateTimer(PKTIMER Timer)
{
    KI_CHECK_IRQL(KeReadStateTimer);
    return __atomic_load_n(&Timer->Header.SignalState, __ATOMIC_ACQUIRE) != 0;
}
