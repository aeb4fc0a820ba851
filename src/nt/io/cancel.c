/*
 * cancel.c - IRP cancellation: IoCancelIrp and the global cancel spin lock.
 *
 * The cancel spin lock is Windows' design and guards only the cancel path
 * (a driver's cancel routine, IoStartPacket's queue, drivers that pair it
 * with IoSetCancelRoutine); the IRP fast path never takes it. IoCancelIrp
 * always sets Irp->Cancel; it takes the IRP's cancel routine with one atomic
 * exchange, so that a routine runs at most once and never after a driver
 * took it back with IoSetCancelRoutine(Irp, NULL). The routine runs at
 * DISPATCH_LEVEL holding the lock, with the IRQL to return to in
 * Irp->CancelIrql; it must release the lock itself.
 */
#include <internal/io.h>
#include <internal/ke_fp.h>

static KSPIN_LOCK IopCancelSpinLock;

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoAcquireCancelSpinLock(PKIRQL Irql)
{
    *Irql = KeAcquireSpinLockRaiseToDpc(&IopCancelSpinLock);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoReleaseCancelSpinLock(KIRQL Irql)
{
    KeReleaseSpinLock(&IopCancelSpinLock, Irql);
}

/* Whether the calling thread still holds the cancel spin lock: a held lock's
 * word is its owner's KTHREAD with bit 0 set (ke/spinlock.c). */
static BOOLEAN IopCancelLockHeldByMe(void)
{
    return __atomic_load_n(&IopCancelSpinLock, __ATOMIC_RELAXED) == ((ULONG_PTR)KiThread() | 1);
}

void IopCallCancelRoutine(PDEVICE_OBJECT DeviceObject, PIRP Irp, PDRIVER_CANCEL Routine, KIRQL CancelIrql)
{
    Irp->CancelIrql = CancelIrql;
    PKTHREAD thread = KiThread();
    KI_FP_GUARD fp;
    KiFpGuardEnter(thread, &fp);
    Routine(DeviceObject, Irp);
    KiFpGuardLeave(thread, &fp, (const void *)Routine, "cancel routine");
    if (IopCancelLockHeldByMe())
        KiBugCheckAt(DRIVER_RETURNED_HOLDING_CANCEL_LOCK, (ULONG_PTR)Irp, (ULONG_PTR)Routine, 0, 0, NULL,
                     "a cancel routine returned without calling IoReleaseCancelSpinLock(Irp->CancelIrql)");
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI IoCancelIrp(PIRP Irp)
{
    KI_CHECK_IRQL(IoCancelIrp);
    KIRQL irql;
    IoAcquireCancelSpinLock(&irql);
    __atomic_store_n(&Irp->Cancel, TRUE, __ATOMIC_SEQ_CST);
    /* Take the routine with a compare-exchange rather than an exchange:
     * when the driver has already taken it back (it is completing the
     * IRP), nothing is written. */
    PDRIVER_CANCEL routine = __atomic_load_n(&Irp->CancelRoutine, __ATOMIC_ACQUIRE);
    while (routine && !__atomic_compare_exchange_n(&Irp->CancelRoutine, &routine, NULL, 0, __ATOMIC_ACQ_REL,
                                                   __ATOMIC_ACQUIRE))
        ;
    if (!routine) {
        IoReleaseCancelSpinLock(irql);
        return FALSE;
    }
    /* A cancel routine on an IRP that was completed (or freed): the driver
     * set it after completion, and calling it would touch a dead request. */
    if (Irp->Type != IO_TYPE_IRP || Irp->CurrentLocation > Irp->StackCount + 1)
        KiBugCheckAt(CANCEL_STATE_IN_COMPLETED_IRP, (ULONG_PTR)Irp, (ULONG_PTR)routine, 0, 0, NULL,
                     "a cancel routine is set on an IRP that has already been completed");
    PDEVICE_OBJECT device = Irp->CurrentLocation <= Irp->StackCount
                                ? IoGetCurrentIrpStackLocation(Irp)->DeviceObject
                                : NULL;
    IopCallCancelRoutine(device, Irp, routine, irql);
    return TRUE;
}
