/*
 * fmutex.c - fast mutexes: acquiring raises to APC_LEVEL and saves the
 * previous IRQL in the mutex; the Unsafe forms leave IRQL alone.
 * Uncontended acquire and release are one atomic each; waiters sleep on
 * the mutex's event. Guarded mutexes (same object) are here too.
 */
#include <internal/ke.h>

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExInitializeFastMutex(PFAST_MUTEX FastMutex)
{
    FastMutex->Count = 1;
    FastMutex->Owner = NULL;
    FastMutex->Contention = 0;
    KeInitializeEvent(&FastMutex->Event, SynchronizationEvent, FALSE);
}

static void ExpAcquire(PFAST_MUTEX m)
{
    /* Count: 1 free, 0 owned, negative: owned with waiters. */
    if (__atomic_sub_fetch(&m->Count, 1, __ATOMIC_ACQUIRE) != 0) {
        __atomic_add_fetch(&m->Contention, 1, __ATOMIC_RELAXED); /* by waiters, not the owner */
        KiWaitForObject(&m->Event.Header, FALSE, NULL);
    }
    m->Owner = KiThread();
}

static void ExpRelease(PFAST_MUTEX m)
{
    if (m->Owner != KiThread())
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x1004, (ULONG_PTR)m, (ULONG_PTR)m->Owner,
                     (ULONG_PTR)KiThread(), NULL, "a fast mutex released by a thread that does not own it");
    m->Owner = NULL;
    if (__atomic_add_fetch(&m->Count, 1, __ATOMIC_RELEASE) != 1)
        KeSetEvent(&m->Event, IO_NO_INCREMENT, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL ExAcquireFastMutex(PFAST_MUTEX FastMutex)
{
    PKTHREAD t = KiThread();
    if (t->Irql > APC_LEVEL)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x33, t->Irql, (ULONG_PTR)FastMutex, 0, NULL,
                     "ExAcquireFastMutex above APC_LEVEL");
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    ExpAcquire(FastMutex);
    FastMutex->OldIrql = old;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN FASTCALL ExTryToAcquireFastMutex(PFAST_MUTEX FastMutex)
{
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    LONG expected = 1;
    if (!__atomic_compare_exchange_n(&FastMutex->Count, &expected, 0, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        KeLowerIrql(old);
        return FALSE;
    }
    FastMutex->Owner = KiThread();
    FastMutex->OldIrql = old;
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL ExReleaseFastMutex(PFAST_MUTEX FastMutex)
{
    PKTHREAD t = KiThread();
    if (t->Irql != APC_LEVEL)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x34, t->Irql, (ULONG_PTR)FastMutex, 0, NULL,
                     "ExReleaseFastMutex at an IRQL other than APC_LEVEL");
    KIRQL old = (KIRQL)FastMutex->OldIrql;
    ExpRelease(FastMutex);
    KeLowerIrql(old);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL ExAcquireFastMutexUnsafe(PFAST_MUTEX FastMutex)
{
    ExpAcquire(FastMutex);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL ExReleaseFastMutexUnsafe(PFAST_MUTEX FastMutex)
{
    ExpRelease(FastMutex);
}

/*
 * Guarded mutexes: the same object and the same acquire and release, but
 * the holder runs in a guarded region instead of at APC_LEVEL. The Unsafe
 * forms expect the caller to be in a guarded region or at APC_LEVEL already.
 */

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeInitializeGuardedMutex(PKGUARDED_MUTEX Mutex)
{
    ExInitializeFastMutex(Mutex);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeAcquireGuardedMutex(PKGUARDED_MUTEX Mutex)
{
    KI_CHECK_IRQL(KeAcquireGuardedMutex);
    KeEnterGuardedRegion();
    ExpAcquire(Mutex);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN FASTCALL KeTryToAcquireGuardedMutex(PKGUARDED_MUTEX Mutex)
{
    KI_CHECK_IRQL(KeTryToAcquireGuardedMutex);
    KeEnterGuardedRegion();
    LONG expected = 1;
    if (!__atomic_compare_exchange_n(&Mutex->Count, &expected, 0, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        KeLeaveGuardedRegion();
        return FALSE;
    }
    Mutex->Owner = KiThread();
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeReleaseGuardedMutex(PKGUARDED_MUTEX Mutex)
{
    KI_CHECK_IRQL(KeReleaseGuardedMutex);
    ExpRelease(Mutex);
    KeLeaveGuardedRegion();
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeAcquireGuardedMutexUnsafe(PKGUARDED_MUTEX FastMutex)
{
    KI_CHECK_IRQL(KeAcquireGuardedMutexUnsafe);
    ExpAcquire(FastMutex);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeReleaseGuardedMutexUnsafe(PKGUARDED_MUTEX FastMutex)
{
    KI_CHECK_IRQL(KeReleaseGuardedMutexUnsafe);
    ExpRelease(FastMutex);
}
