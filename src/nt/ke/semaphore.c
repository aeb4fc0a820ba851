/*
 * semaphore.c - semaphore objects: a count of waits that may be satisfied,
 * up to a limit; each satisfied wait takes one.
 */
#include <internal/ke.h>

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeSemaphore(PRKSEMAPHORE Semaphore, LONG Count, LONG Limit)
{
    KiInitializeDispatcherHeader(&Semaphore->Header, SemaphoreObject, sizeof(KSEMAPHORE) / sizeof(LONG), Count);
    Semaphore->Limit = Limit;
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KeReleaseSemaphore(PRKSEMAPHORE Semaphore, KPRIORITY Increment, LONG Adjustment,
                                             BOOLEAN Wait)
{
    KI_CHECK_IRQL(KeReleaseSemaphore);
    PDISPATCHER_HEADER h = &Semaphore->Header;
    KiAcquireDispatcherObject(h);
    LONG previous = __atomic_load_n(&h->SignalState, __ATOMIC_RELAXED);
    LONG next;
    /* Past the limit, or wrapping around: the count stays as it was. */
    if (__builtin_add_overflow(previous, Adjustment, &next) || next > Semaphore->Limit || next < previous) {
        KiReleaseDispatcherObject(h);
        ExRaiseStatus(STATUS_SEMAPHORE_LIMIT_EXCEEDED);
    }
    __atomic_store_n(&h->SignalState, next, __ATOMIC_RELEASE);
    if (previous == 0)
        KiWakeWaiters(h);
    KiReleaseDispatcherObject(h);
    if (Wait)
        KiSetWaitNext(KiThread());
    return previous;
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KeReadStateSemaphore(PRKSEMAPHORE Semaphore)
{
    return __atomic_load_n(&Semaphore->Header.SignalState, __ATOMIC_ACQUIRE);
}
