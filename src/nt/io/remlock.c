/*
 * remlock.c - remove locks: a count of the operations in progress on a
 * device, so that IRP_MN_REMOVE_DEVICE can wait for them before the device
 * goes away.
 *
 * The count starts at 1 (the lock's own reference). Acquire adds one and
 * fails with STATUS_DELETE_PENDING once removal has begun; Release drops
 * one and signals the remove event when the count reaches 0; ReleaseAndWait
 * marks the lock removed, drops the caller's reference and the initial one,
 * and waits until every other holder has released. The checked layout (the
 * driver built with DBG) is accepted: the Ex routines tell it by the size
 * the caller passes. Its debug block is initialised but tags are not
 * tracked.
 */
#include <internal/io.h>

#define IOP_REMLOCK_SIGNATURE 0x4C6D6552 /* 'Reml' */

typedef struct {
    IO_REMOVE_LOCK_COMMON_BLOCK Common;
    IO_REMOVE_LOCK_DBG_BLOCK Dbg;
} IOP_REMOVE_LOCK_CHECKED;

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoInitializeRemoveLockEx(PIO_REMOVE_LOCK Lock, ULONG AllocateTag, ULONG MaxLockedMinutes,
                                                   ULONG HighWatermark, ULONG RemlockSize)
{
    KI_CHECK_IRQL(IoInitializeRemoveLockEx);
    memset(Lock, 0, RemlockSize == sizeof(IOP_REMOVE_LOCK_CHECKED) ? RemlockSize : sizeof(Lock->Common));
    Lock->Common.Removed = FALSE;
    Lock->Common.IoCount = 1;
    KeInitializeEvent(&Lock->Common.RemoveEvent, NotificationEvent, FALSE);
    if (RemlockSize == sizeof(IOP_REMOVE_LOCK_CHECKED)) {
        IO_REMOVE_LOCK_DBG_BLOCK *dbg = &((IOP_REMOVE_LOCK_CHECKED *)Lock)->Dbg;
        dbg->Signature = IOP_REMLOCK_SIGNATURE;
        dbg->HighWatermark = HighWatermark;
        dbg->MaxLockedTicks = (LONGLONG)MaxLockedMinutes * 60 * 10000000;
        dbg->AllocateTag = (LONG)AllocateTag;
        InitializeListHead(&dbg->LockList);
        KeInitializeSpinLock(&dbg->Spin);
    }
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoAcquireRemoveLockEx(PIO_REMOVE_LOCK RemoveLock, PVOID Tag, PCSTR File, ULONG Line,
                                                    ULONG RemlockSize)
{
    KI_CHECK_IRQL(IoAcquireRemoveLockEx);
    (void)Tag, (void)File, (void)Line;
    (void)RemlockSize;
    __atomic_add_fetch(&RemoveLock->Common.IoCount, 1, __ATOMIC_ACQ_REL);
    if (!__atomic_load_n(&RemoveLock->Common.Removed, __ATOMIC_ACQUIRE))
        return STATUS_SUCCESS;
    /* Removal has begun: give the reference back, waking the remover if it
     * was the last. */
    if (__atomic_sub_fetch(&RemoveLock->Common.IoCount, 1, __ATOMIC_ACQ_REL) == 0)
        KeSetEvent(&RemoveLock->Common.RemoveEvent, IO_NO_INCREMENT, FALSE);
    return STATUS_DELETE_PENDING;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoReleaseRemoveLockEx(PIO_REMOVE_LOCK RemoveLock, PVOID Tag, ULONG RemlockSize)
{
    KI_CHECK_IRQL(IoReleaseRemoveLockEx);
    (void)Tag;
    (void)RemlockSize;
    LONG count = __atomic_sub_fetch(&RemoveLock->Common.IoCount, 1, __ATOMIC_ACQ_REL);
    if (count < 0)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x1006, (ULONG_PTR)RemoveLock, (ULONG_PTR)Tag, count, NULL,
                     "IoReleaseRemoveLock without a matching IoAcquireRemoveLock");
    if (count == 0)
        KeSetEvent(&RemoveLock->Common.RemoveEvent, IO_NO_INCREMENT, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoReleaseRemoveLockAndWaitEx(PIO_REMOVE_LOCK RemoveLock, PVOID Tag, ULONG RemlockSize)
{
    KI_CHECK_IRQL(IoReleaseRemoveLockAndWaitEx);
    (void)Tag;
    (void)RemlockSize;
    __atomic_store_n(&RemoveLock->Common.Removed, TRUE, __ATOMIC_SEQ_CST);
    /* The caller's reference, then the lock's own. */
    LONG count = __atomic_sub_fetch(&RemoveLock->Common.IoCount, 1, __ATOMIC_ACQ_REL);
    if (count <= 0)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x1006, (ULONG_PTR)RemoveLock, (ULONG_PTR)Tag, count, NULL,
                     "IoReleaseRemoveLockAndWait without holding the remove lock (or called twice)");
    if (__atomic_sub_fetch(&RemoveLock->Common.IoCount, 1, __ATOMIC_ACQ_REL) > 0)
        KeWaitForSingleObject(&RemoveLock->Common.RemoveEvent, Executive, KernelMode, FALSE, NULL);
}
