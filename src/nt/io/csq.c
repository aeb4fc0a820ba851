/*
 * csq.c - cancel-safe IRP queues (IoCsq*): the driver keeps the queue and
 * its lock in its own callbacks; these routines own the cancel routine and
 * the race between cancelling and removing an IRP.
 *
 * An IRP is in one of two hands. Whoever clears its cancel routine with an
 * atomic exchange and gets the queue's routine back (IoCsqRemoveIrp,
 * IoCsqRemoveNextIrp, IoCsqInsertIrp finding it already cancelled) takes it
 * out of the queue and owns it; if the exchange finds NULL, IoCancelIrp has
 * taken the routine, and the cancel routine removes the IRP and hands it to
 * CsqCompleteCanceledIrp. Both sides hold the driver's queue lock, so the
 * IRP leaves the queue exactly once. Irp->Tail.Overlay.DriverContext[3]
 * holds the IRP's IO_CSQ_IRP_CONTEXT, or the IO_CSQ when there is none, as
 * documented.
 */
#include <internal/io.h>

#define IOP_CSQ_SLOT(Irp) ((Irp)->Tail.Overlay.DriverContext[3])

/* The queue of an IRP from its DriverContext[3]: both structures begin
 * with their ULONG Type. */
static PIO_CSQ IopCsqOfIrp(PIRP Irp, PIO_CSQ_IRP_CONTEXT *Context)
{
    PVOID slot = IOP_CSQ_SLOT(Irp);
    if (*(PULONG)slot == IO_TYPE_CSQ_IRP_CONTEXT) {
        *Context = slot;
        return (*Context)->Csq;
    }
    *Context = NULL;
    return slot;
}

/* The IRP leaves the queue: the driver's remove callback, then the links. */
static void IopCsqUnlink(PIO_CSQ Csq, PIRP Irp)
{
    PIO_CSQ_IRP_CONTEXT context;
    IopCsqOfIrp(Irp, &context);
    Csq->CsqRemoveIrp(Csq, Irp);
    if (context)
        context->Irp = NULL;
    IOP_CSQ_SLOT(Irp) = NULL;
}

static VOID IopCsqCancelRoutine(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    (void)DeviceObject;
    /* The queue's own lock protects it; the cancel lock is not needed. */
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    PIO_CSQ_IRP_CONTEXT context;
    PIO_CSQ csq = IopCsqOfIrp(Irp, &context);
    KIRQL irql;
    csq->CsqAcquireLock(csq, &irql);
    IopCsqUnlink(csq, Irp);
    csq->CsqReleaseLock(csq, irql);
    csq->CsqCompleteCanceledIrp(csq, Irp);
}

static void IopCsqFill(PIO_CSQ Csq, ULONG Type, PVOID Insert, PIO_CSQ_REMOVE_IRP Remove, PIO_CSQ_PEEK_NEXT_IRP Peek,
                       PIO_CSQ_ACQUIRE_LOCK Acquire, PIO_CSQ_RELEASE_LOCK Release,
                       PIO_CSQ_COMPLETE_CANCELED_IRP Complete)
{
    Csq->Type = Type;
    Csq->CsqInsertIrp = (PIO_CSQ_INSERT_IRP)Insert;
    Csq->CsqRemoveIrp = Remove;
    Csq->CsqPeekNextIrp = Peek;
    Csq->CsqAcquireLock = Acquire;
    Csq->CsqReleaseLock = Release;
    Csq->CsqCompleteCanceledIrp = Complete;
    Csq->ReservePointer = NULL;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoCsqInitialize(PIO_CSQ Csq, PIO_CSQ_INSERT_IRP CsqInsertIrp,
                                              PIO_CSQ_REMOVE_IRP CsqRemoveIrp, PIO_CSQ_PEEK_NEXT_IRP CsqPeekNextIrp,
                                              PIO_CSQ_ACQUIRE_LOCK CsqAcquireLock,
                                              PIO_CSQ_RELEASE_LOCK CsqReleaseLock,
                                              PIO_CSQ_COMPLETE_CANCELED_IRP CsqCompleteCanceledIrp)
{
    KI_CHECK_IRQL(IoCsqInitialize);
    IopCsqFill(Csq, IO_TYPE_CSQ, (PVOID)CsqInsertIrp, CsqRemoveIrp, CsqPeekNextIrp, CsqAcquireLock, CsqReleaseLock,
               CsqCompleteCanceledIrp);
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoCsqInitializeEx(PIO_CSQ Csq, PIO_CSQ_INSERT_IRP_EX CsqInsertIrp,
                                                PIO_CSQ_REMOVE_IRP CsqRemoveIrp,
                                                PIO_CSQ_PEEK_NEXT_IRP CsqPeekNextIrp,
                                                PIO_CSQ_ACQUIRE_LOCK CsqAcquireLock,
                                                PIO_CSQ_RELEASE_LOCK CsqReleaseLock,
                                                PIO_CSQ_COMPLETE_CANCELED_IRP CsqCompleteCanceledIrp)
{
    KI_CHECK_IRQL(IoCsqInitializeEx);
    IopCsqFill(Csq, IO_TYPE_CSQ_EX, (PVOID)CsqInsertIrp, CsqRemoveIrp, CsqPeekNextIrp, CsqAcquireLock,
               CsqReleaseLock, CsqCompleteCanceledIrp);
    return STATUS_SUCCESS;
}

static NTSTATUS IopCsqInsert(PIO_CSQ Csq, PIRP Irp, PIO_CSQ_IRP_CONTEXT Context, PVOID InsertContext)
{
    NTSTATUS status = STATUS_SUCCESS;
    KIRQL irql;
    Csq->CsqAcquireLock(Csq, &irql);
    if (Context) {
        Context->Type = IO_TYPE_CSQ_IRP_CONTEXT;
        Context->Irp = Irp;
        Context->Csq = Csq;
        IOP_CSQ_SLOT(Irp) = Context;
    } else {
        IOP_CSQ_SLOT(Irp) = Csq;
    }
    /* Queued before the cancel routine is set: the routine must always
     * find the IRP in the queue. */
    if (Csq->Type == IO_TYPE_CSQ_EX)
        status = ((PIO_CSQ_INSERT_IRP_EX)(PVOID)Csq->CsqInsertIrp)(Csq, Irp, InsertContext);
    else
        Csq->CsqInsertIrp(Csq, Irp);
    if (!NT_SUCCESS(status)) {
        if (Context)
            Context->Irp = NULL;
        IOP_CSQ_SLOT(Irp) = NULL;
        Csq->CsqReleaseLock(Csq, irql);
        return status;
    }
    IoMarkIrpPending(Irp);
    IoSetCancelRoutine(Irp, IopCsqCancelRoutine);
    if (__atomic_load_n(&Irp->Cancel, __ATOMIC_SEQ_CST) && IoSetCancelRoutine(Irp, NULL)) {
        /* Cancelled before the routine was in place, and IoCancelIrp did
         * not take it: the IRP goes straight back out as cancelled. */
        IopCsqUnlink(Csq, Irp);
        Csq->CsqReleaseLock(Csq, irql);
        Csq->CsqCompleteCanceledIrp(Csq, Irp);
        return status;
    }
    Csq->CsqReleaseLock(Csq, irql);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoCsqInsertIrp(PIO_CSQ Csq, PIRP Irp, PIO_CSQ_IRP_CONTEXT Context)
{
    KI_CHECK_IRQL(IoCsqInsertIrp);
    IopCsqInsert(Csq, Irp, Context, NULL);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoCsqInsertIrpEx(PIO_CSQ Csq, PIRP Irp, PIO_CSQ_IRP_CONTEXT Context,
                                               PVOID InsertContext)
{
    KI_CHECK_IRQL(IoCsqInsertIrpEx);
    return IopCsqInsert(Csq, Irp, Context, InsertContext);
}

/* @implemented */
DECLSPEC_EXPORT PIRP NTAPI IoCsqRemoveIrp(PIO_CSQ Csq, PIO_CSQ_IRP_CONTEXT Context)
{
    KI_CHECK_IRQL(IoCsqRemoveIrp);
    KIRQL irql;
    Csq->CsqAcquireLock(Csq, &irql);
    PIRP irp = Context->Irp;
    /* NULL from the exchange: IoCancelIrp owns the IRP and its cancel
     * routine, waiting for this lock, will complete it. */
    if (irp && IoSetCancelRoutine(irp, NULL))
        IopCsqUnlink(Csq, irp);
    else
        irp = NULL;
    Csq->CsqReleaseLock(Csq, irql);
    return irp;
}

/* @implemented */
DECLSPEC_EXPORT PIRP NTAPI IoCsqRemoveNextIrp(PIO_CSQ Csq, PVOID PeekContext)
{
    KI_CHECK_IRQL(IoCsqRemoveNextIrp);
    KIRQL irql;
    Csq->CsqAcquireLock(Csq, &irql);
    PIRP irp = Csq->CsqPeekNextIrp(Csq, NULL, PeekContext);
    while (irp) {
        if (IoSetCancelRoutine(irp, NULL)) {
            IopCsqUnlink(Csq, irp);
            break;
        }
        /* Being cancelled: skip it, its cancel routine removes it. */
        irp = Csq->CsqPeekNextIrp(Csq, irp, PeekContext);
    }
    Csq->CsqReleaseLock(Csq, irql);
    return irp;
}
