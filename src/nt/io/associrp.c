/*
 * associrp.c - associated IRPs: a driver splits one master IRP into
 * several associated IRPs (IoMakeAssociatedIrp) and sets the master's
 * AssociatedIrp.IrpCount to their number. When an associated IRP has been
 * completed (its completion routines have run), the I/O manager releases its
 * MDLs, frees it and decrements the master's count; the completion that
 * brings the count to 0 completes the master, with whatever IoStatus the
 * driver left in it.
 */
#include <internal/io.h>

/* @implemented */
DECLSPEC_EXPORT PIRP NTAPI IoMakeAssociatedIrp(PIRP Irp, CCHAR StackSize)
{
    KI_CHECK_IRQL(IoMakeAssociatedIrp);
    PIRP associated = IopAllocateIrp(StackSize, FALSE);
    if (!associated)
        return NULL;
    associated->Flags |= IRP_ASSOCIATED_IRP;
    associated->AssociatedIrp.MasterIrp = Irp;
    associated->RequestorMode = KernelMode;
    /* It runs for the master's thread but is not on that thread's IRP
     * list: cancelling the master's thread cancels the master. */
    associated->Tail.Overlay.Thread = Irp->Tail.Overlay.Thread;
    associated->Tail.Overlay.OriginalFileObject = Irp->Tail.Overlay.OriginalFileObject;
    return associated;
}

/* The last stage of an associated IRP's completion (io/complete.c). */
void IopCompleteAssociatedIrp(PIRP Irp)
{
    PIRP master = Irp->AssociatedIrp.MasterIrp;
    IopReleaseIrpMdls(Irp);
    IoFreeIrp(Irp);
    if (__atomic_sub_fetch(&master->AssociatedIrp.IrpCount, 1, __ATOMIC_ACQ_REL) == 0)
        IofCompleteRequest(master, IO_NO_INCREMENT);
}
