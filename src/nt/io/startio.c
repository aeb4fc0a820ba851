/*
 * startio.c - the I/O manager's device queue: IoStartPacket,
 * IoStartNextPacket(ByKey) and IoSetStartIoAttributes.
 *
 * Rules reproduced (io-semantics 1.J): IoStartPacket raises to
 * DISPATCH_LEVEL, sets the cancel routine under the cancel spin lock,
 * and inserts the IRP into DeviceObject->DeviceQueue (by key if one is
 * given). If the queue was idle the IRP becomes CurrentIrp and DriverStartIo
 * is called at DISPATCH_LEVEL (the cancel routine dropped first for
 * NonCancelable devices); if it was queued and is already cancelled, its
 * cancel routine is called at once with the lock held. IoStartNextPacket
 * clears CurrentIrp, takes the next IRP and starts it, under the cancel spin
 * lock when Cancelable. With DeferredStartIo, IoStartNextPacket called while
 * the device's StartIo runs is remembered and carried out after it returns,
 * so StartIo is never entered recursively.
 */
#include <internal/io.h>
#include <internal/ke_fp.h>

/* IOP_DEVOBJ_EXTENSION.StartIoState: StartIo nesting depth, and a deferred
 * IoStartNextPacket waiting for the outermost StartIo to return. */
#define IOP_SIO_DEPTH_MASK 0x0000FFFF
#define IOP_SIO_REQUESTED 0x00010000
#define IOP_SIO_BYKEY 0x00020000
#define IOP_SIO_CANCELABLE 0x00040000
#define IOP_SIO_REQUEST_MASK (IOP_SIO_REQUESTED | IOP_SIO_BYKEY | IOP_SIO_CANCELABLE)

static ULONG IopStartIoFlags(PDEVICE_OBJECT DeviceObject)
{
    return __atomic_load_n(&IopDeviceExtension(DeviceObject)->ExtensionFlags, __ATOMIC_RELAXED);
}

static PDRIVER_STARTIO IopStartIoRoutine(PDEVICE_OBJECT DeviceObject, const char *Caller)
{
    PDRIVER_STARTIO startIo = DeviceObject->DriverObject->DriverStartIo;
    if (!startIo)
        KiBugCheckAt(KMODE_EXCEPTION_NOT_HANDLED, (ULONG_PTR)STATUS_ACCESS_VIOLATION, 0, 0, 0, NULL, Caller);
    return startIo;
}

/* Calls DriverStartIo for Irp (at DISPATCH_LEVEL). Returns the deferred
 * request the outermost call must now carry out (its IOP_SIO_* bits), or 0. */
static LONG IopCallStartIo(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIOP_DEVOBJ_EXTENSION doe = IopDeviceExtension(DeviceObject);
    PDRIVER_STARTIO startIo = IopStartIoRoutine(DeviceObject, "a device is started through IoStartPacket or "
                                                              "IoStartNextPacket but its driver has no DriverStartIo");
    __atomic_add_fetch(&doe->StartIoState, 1, __ATOMIC_ACQ_REL);
    PKTHREAD thread = KiThread();
    KI_FP_GUARD fp;
    KiFpGuardEnter(thread, &fp);
    startIo(DeviceObject, Irp);
    KiFpGuardLeave(thread, &fp, (const void *)startIo, "StartIo routine");
    if (thread->Irql != DISPATCH_LEVEL)
        KiBugCheckAt(IRQL_NOT_GREATER_OR_EQUAL, thread->Irql, DISPATCH_LEVEL, (ULONG_PTR)startIo, 0, NULL,
                     "a StartIo routine returned at an IRQL other than DISPATCH_LEVEL");
    LONG old = __atomic_load_n(&doe->StartIoState, __ATOMIC_ACQUIRE), next;
    do {
        next = old - 1;
        if ((next & IOP_SIO_DEPTH_MASK) == 0)
            next &= ~IOP_SIO_REQUEST_MASK; /* the outermost call takes the request */
    } while (!__atomic_compare_exchange_n(&doe->StartIoState, &old, next, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
    return (next & IOP_SIO_DEPTH_MASK) == 0 ? (old & IOP_SIO_REQUEST_MASK) : 0;
}

/* Takes the next IRP off the device queue and makes it CurrentIrp, or
 * leaves the queue idle; under the cancel spin lock when Cancelable. */
static PIRP IopDequeueNextPacket(PDEVICE_OBJECT DeviceObject, BOOLEAN Cancelable, BOOLEAN ByKey, ULONG Key)
{
    KIRQL cancelIrql = DISPATCH_LEVEL;
    if (Cancelable)
        IoAcquireCancelSpinLock(&cancelIrql);
    DeviceObject->CurrentIrp = NULL;
    PKDEVICE_QUEUE_ENTRY entry = ByKey ? KeRemoveByKeyDeviceQueue(&DeviceObject->DeviceQueue, Key)
                                       : KeRemoveDeviceQueue(&DeviceObject->DeviceQueue);
    PIRP irp = entry ? CONTAINING_RECORD(entry, IRP, Tail.Overlay.DeviceQueueEntry) : NULL;
    if (irp) {
        DeviceObject->CurrentIrp = irp;
        if (Cancelable && (IopStartIoFlags(DeviceObject) & DOE_STARTIO_NO_CANCEL))
            IoSetCancelRoutine(irp, NULL);
    }
    if (Cancelable)
        IoReleaseCancelSpinLock(cancelIrql);
    return irp;
}

/* Starts packets until the queue is idle or no deferred request is left.
 * Key is the first request's; a deferred one left its key in StartIoKey. */
static void IopStartNextPackets(PDEVICE_OBJECT DeviceObject, LONG Request, ULONG Key)
{
    while (Request & IOP_SIO_REQUESTED) {
        PIRP irp = IopDequeueNextPacket(DeviceObject, (Request & IOP_SIO_CANCELABLE) != 0,
                                        (Request & IOP_SIO_BYKEY) != 0, Key);
        if (!irp)
            return;
        Request = IopCallStartIo(DeviceObject, irp);
        Key = __atomic_load_n(&IopDeviceExtension(DeviceObject)->StartIoKey, __ATOMIC_RELAXED);
    }
}

static void IopStartNextPacket(PDEVICE_OBJECT DeviceObject, BOOLEAN Cancelable, BOOLEAN ByKey, ULONG Key)
{
    PIOP_DEVOBJ_EXTENSION doe = IopDeviceExtension(DeviceObject);
    LONG request = IOP_SIO_REQUESTED | (ByKey ? IOP_SIO_BYKEY : 0) | (Cancelable ? IOP_SIO_CANCELABLE : 0);
    /* StartIo runs at DISPATCH_LEVEL even for a caller that forgot to
     * raise (a cancel routine after releasing the cancel lock). */
    KIRQL irql;
    KeRaiseIrql(DISPATCH_LEVEL, &irql);
    if (IopStartIoFlags(DeviceObject) & DOE_STARTIO_DEFERRED) {
        __atomic_store_n(&doe->StartIoKey, Key, __ATOMIC_RELAXED);
        LONG old = __atomic_load_n(&doe->StartIoState, __ATOMIC_ACQUIRE);
        while (old & IOP_SIO_DEPTH_MASK) {
            /* Inside StartIo: leave the request for the outermost call. */
            if (__atomic_compare_exchange_n(&doe->StartIoState, &old, (old & ~IOP_SIO_REQUEST_MASK) | request, 0,
                                            __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
                KeLowerIrql(irql);
                return;
            }
        }
    }
    IopStartNextPackets(DeviceObject, request, Key);
    KeLowerIrql(irql);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoStartNextPacket(PDEVICE_OBJECT DeviceObject, BOOLEAN Cancelable)
{
    KI_CHECK_IRQL(IoStartNextPacket);
    IopStartNextPacket(DeviceObject, Cancelable, FALSE, 0);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoStartNextPacketByKey(PDEVICE_OBJECT DeviceObject, BOOLEAN Cancelable, ULONG Key)
{
    KI_CHECK_IRQL(IoStartNextPacketByKey);
    IopStartNextPacket(DeviceObject, Cancelable, TRUE, Key);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoStartPacket(PDEVICE_OBJECT DeviceObject, PIRP Irp, PULONG Key, PDRIVER_CANCEL CancelFunction)
{
    KI_CHECK_IRQL(IoStartPacket);
    KIRQL irql, cancelIrql = DISPATCH_LEVEL;
    KeRaiseIrql(DISPATCH_LEVEL, &irql);
    if (CancelFunction) {
        IoAcquireCancelSpinLock(&cancelIrql);
        IoSetCancelRoutine(Irp, CancelFunction);
    }
    BOOLEAN queued = Key ? KeInsertByKeyDeviceQueue(&DeviceObject->DeviceQueue, &Irp->Tail.Overlay.DeviceQueueEntry, *Key)
                         : KeInsertDeviceQueue(&DeviceObject->DeviceQueue, &Irp->Tail.Overlay.DeviceQueueEntry);
    if (!queued) {
        DeviceObject->CurrentIrp = Irp;
        if (CancelFunction) {
            if (IopStartIoFlags(DeviceObject) & DOE_STARTIO_NO_CANCEL)
                IoSetCancelRoutine(Irp, NULL);
            IoReleaseCancelSpinLock(cancelIrql);
        }
        LONG request = IopCallStartIo(DeviceObject, Irp);
        IopStartNextPackets(DeviceObject, request,
                            __atomic_load_n(&IopDeviceExtension(DeviceObject)->StartIoKey, __ATOMIC_RELAXED));
    } else if (CancelFunction) {
        /* Cancelled before it was queued: IoCancelIrp found no routine to
         * call (the cancel lock is held from here to the insert), so the
         * routine runs now, as IoCancelIrp would have run it. */
        PDRIVER_CANCEL routine = __atomic_load_n(&Irp->Cancel, __ATOMIC_SEQ_CST) ? IoSetCancelRoutine(Irp, NULL) : NULL;
        if (routine)
            IopCallCancelRoutine(DeviceObject, Irp, routine, cancelIrql);
        else
            IoReleaseCancelSpinLock(cancelIrql);
    }
    KeLowerIrql(irql);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoSetStartIoAttributes(PDEVICE_OBJECT DeviceObject, BOOLEAN DeferredStartIo,
                                                 BOOLEAN NonCancelable)
{
    KI_CHECK_IRQL(IoSetStartIoAttributes);
    ULONG flags = (DeferredStartIo ? DOE_STARTIO_DEFERRED : 0) | (NonCancelable ? DOE_STARTIO_NO_CANCEL : 0);
    __atomic_or_fetch(&IopDeviceExtension(DeviceObject)->ExtensionFlags, flags, __ATOMIC_RELAXED);
}
