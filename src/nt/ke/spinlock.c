/*
 * spinlock.c - executive spin locks, including in-stack queued spin locks:
 * real mutual exclusion between host threads, with the IRQL raised to
 * DISPATCH_LEVEL while held.
 *
 * A held lock's word records its owner (the KTHREAD, with bit 0 set), so the
 * misuses that hang or corrupt on Windows are reports here: acquiring a lock
 * the thread already holds (a certain deadlock), releasing a lock that is not
 * held or held by another thread, and the IRQL rules of each routine.
 * Queued and ordinary acquisitions share the word: Windows forbids mixing
 * them on one lock, and ntk does not need to tell them apart to be correct.
 */
#include <internal/ke.h>

#define KIP_LOCK_HELD 1

static ULONG_PTR KipOwnerValue(PKTHREAD t)
{
    return (ULONG_PTR)t | KIP_LOCK_HELD;
}

/* Parameters as the 0xC4 spin-lock subcodes give them: the IRQL, the lock. */
static __attribute__((noreturn)) void KipLockViolation(ULONG_PTR Subcode, PKSPIN_LOCK SpinLock, const char *What)
{
    KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, Subcode, KiThread()->Irql, (ULONG_PTR)SpinLock, 0, NULL, What);
}

static void KipAcquireLock(PKSPIN_LOCK SpinLock)
{
    PKTHREAD t = KiThread();
    ULONG_PTR mine = KipOwnerValue(t);
    unsigned spins = 0;
    for (;;) {
        ULONG_PTR expected = 0;
        if (__atomic_compare_exchange_n(SpinLock, &expected, mine, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return;
        if (expected == mine)
            KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x1000, (ULONG_PTR)SpinLock, 0, 0, NULL,
                         "a thread acquired a spin lock it already holds (self-deadlock)");
        while (__atomic_load_n(SpinLock, __ATOMIC_RELAXED))
            KiSpinPause(&spins);
    }
}

static void KipReleaseLock(PKSPIN_LOCK SpinLock)
{
    ULONG_PTR mine = KipOwnerValue(KiThread());
    ULONG_PTR expected = mine;
    if (!__atomic_compare_exchange_n(SpinLock, &expected, 0, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, expected ? 0x1004 : 0x32, KiThread()->Irql,
                     (ULONG_PTR)SpinLock, expected, NULL,
                     expected ? "a spin lock released by a thread that does not hold it"
                              : "a spin lock released that is not held (double release?)");
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeSpinLock(PKSPIN_LOCK SpinLock)
{
    *SpinLock = 0;
}

/* @implemented */
DECLSPEC_EXPORT KIRQL NTAPI KeAcquireSpinLockRaiseToDpc(PKSPIN_LOCK SpinLock)
{
    if (KiThread()->Irql > DISPATCH_LEVEL)
        KipLockViolation(0x42, SpinLock, "KeAcquireSpinLock above DISPATCH_LEVEL");
    KIRQL old = KeRaiseIrqlToDpcLevel();
    KipAcquireLock(SpinLock);
    return old;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql)
{
    if (KiThread()->Irql != DISPATCH_LEVEL)
        KipLockViolation(0x32, SpinLock, "KeReleaseSpinLock at an IRQL other than DISPATCH_LEVEL");
    KipReleaseLock(SpinLock);
    KeLowerIrql(NewIrql);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    if (KiThread()->Irql < DISPATCH_LEVEL)
        KipLockViolation(0x40, SpinLock, "KeAcquireSpinLockAtDpcLevel below DISPATCH_LEVEL");
    KipAcquireLock(SpinLock);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock)
{
    if (KiThread()->Irql < DISPATCH_LEVEL)
        KipLockViolation(0x41, SpinLock, "KeReleaseSpinLockFromDpcLevel below DISPATCH_LEVEL");
    KipReleaseLock(SpinLock);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN FASTCALL KeTryToAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    if (KiThread()->Irql < DISPATCH_LEVEL)
        KipLockViolation(0x40, SpinLock, "KeTryToAcquireSpinLockAtDpcLevel below DISPATCH_LEVEL");
    ULONG_PTR expected = 0;
    return __atomic_compare_exchange_n(SpinLock, &expected, KipOwnerValue(KiThread()), 0, __ATOMIC_ACQUIRE,
                                       __ATOMIC_RELAXED);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN FASTCALL KeTestSpinLock(PKSPIN_LOCK SpinLock)
{
    /* TRUE when the lock looks free, as a hint before trying to take it. */
    return __atomic_load_n(SpinLock, __ATOMIC_RELAXED) == 0;
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeAcquireInStackQueuedSpinLock(PKSPIN_LOCK SpinLock, PKLOCK_QUEUE_HANDLE LockHandle)
{
    if (KiThread()->Irql > DISPATCH_LEVEL)
        KipLockViolation(0x42, SpinLock, "KeAcquireInStackQueuedSpinLock above DISPATCH_LEVEL");
    LockHandle->LockQueue.Next = NULL;
    LockHandle->LockQueue.Lock = SpinLock;
    LockHandle->OldIrql = KeRaiseIrqlToDpcLevel();
    KipAcquireLock(SpinLock);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeReleaseInStackQueuedSpinLock(PKLOCK_QUEUE_HANDLE LockHandle)
{
    if (KiThread()->Irql != DISPATCH_LEVEL)
        KipLockViolation(0x36, LockHandle->LockQueue.Lock,
                         "KeReleaseInStackQueuedSpinLock at an IRQL other than DISPATCH_LEVEL");
    KipReleaseLock(LockHandle->LockQueue.Lock);
    KeLowerIrql(LockHandle->OldIrql);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeAcquireInStackQueuedSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock,
                                                                      PKLOCK_QUEUE_HANDLE LockHandle)
{
    if (KiThread()->Irql < DISPATCH_LEVEL)
        KipLockViolation(0x40, SpinLock, "KeAcquireInStackQueuedSpinLockAtDpcLevel below DISPATCH_LEVEL");
    LockHandle->LockQueue.Next = NULL;
    LockHandle->LockQueue.Lock = SpinLock;
    KipAcquireLock(SpinLock);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeReleaseInStackQueuedSpinLockFromDpcLevel(PKLOCK_QUEUE_HANDLE LockHandle)
{
    if (KiThread()->Irql < DISPATCH_LEVEL)
        KipLockViolation(0x41, LockHandle->LockQueue.Lock,
                         "KeReleaseInStackQueuedSpinLockFromDpcLevel below DISPATCH_LEVEL");
    KipReleaseLock(LockHandle->LockQueue.Lock);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeAcquireInStackQueuedSpinLockForDpc(PKSPIN_LOCK SpinLock, PKLOCK_QUEUE_HANDLE LockHandle)
{
    KeAcquireInStackQueuedSpinLock(SpinLock, LockHandle);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL KeReleaseInStackQueuedSpinLockForDpc(PKLOCK_QUEUE_HANDLE LockHandle)
{
    KeReleaseInStackQueuedSpinLock(LockHandle);
}
