/*
 * spinlock.c - executive spin locks: real mutual exclusion between host
 * threads, with the IRQL raised to DISPATCH_LEVEL while held.
 */
#include <internal/ke.h>

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeSpinLock(PKSPIN_LOCK SpinLock)
{
    *SpinLock = 0;
}

static void KipAcquireLock(PKSPIN_LOCK SpinLock)
{
    for (;;) {
        if (!__atomic_exchange_n(SpinLock, 1, __ATOMIC_ACQUIRE))
            return;
        while (__atomic_load_n(SpinLock, __ATOMIC_RELAXED))
            __builtin_ia32_pause();
    }
}

/* @implemented */
DECLSPEC_EXPORT KIRQL NTAPI KeAcquireSpinLockRaiseToDpc(PKSPIN_LOCK SpinLock)
{
    KIRQL old = KeRaiseIrqlToDpcLevel();
    KipAcquireLock(SpinLock);
    return old;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql)
{
    __atomic_store_n(SpinLock, 0, __ATOMIC_RELEASE);
    KeLowerIrql(NewIrql);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    KipAcquireLock(SpinLock);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock)
{
    __atomic_store_n(SpinLock, 0, __ATOMIC_RELEASE);
}
