/*
 * irpcache.c - IRPs and system buffers from the per-thread block caches
 * (ex/blockcache.c: no lock and no malloc on the fast path, blocks freed
 * on another thread go back to the thread that took them), and the issuing
 * thread's list of its IRPs.
 */
#include <internal/io.h>
#include <internal/ex_cache.h>

/* The IRP behind its block header. */
#define IOP_IRP_HEADER(Irp) ((EXP_BLOCK_HEADER *)(Irp) - 1)

PIRP IopAllocateIrp(CCHAR StackSize, BOOLEAN ChargeQuota)
{
    if (StackSize <= 0)
        return NULL;
    USHORT size = IoSizeOfIrp(StackSize);
    EXP_BLOCK_HEADER *header = ExpTakeBlock(ExpIrpBlock, size);
    if (!header)
        return NULL;
    PIRP irp = (PIRP)(header + 1);
    UCHAR flags = IRP_ALLOCATED_FIXED_SIZE;
    IoInitializeIrp(irp, size, StackSize);
    if (ChargeQuota)
        flags |= IRP_LOOKASIDE_ALLOCATION;
    irp->AllocationFlags = flags;
    IopNotifyIrp(IopIrpAllocated, irp, NULL);
    return irp;
}

void IopQueueThreadIrp(PIRP Irp)
{
    PKTHREAD t = (PKTHREAD)Irp->Tail.Overlay.Thread;
    KiAcquireWordLock(&t->IrpListLock);
    InsertTailList(&t->IrpList, &Irp->ThreadListEntry);
    KiReleaseWordLock(&t->IrpListLock);
}

void IopDequeueThreadIrp(PIRP Irp)
{
    PKTHREAD t = (PKTHREAD)Irp->Tail.Overlay.Thread;
    if (!t)
        return;
    KiAcquireWordLock(&t->IrpListLock);
    /* A canceller on another thread is inside IoCancelIrp for this IRP: it
     * must not be freed under it (io/threadio.c). */
    while (t->CancellingIrp == Irp && t->CancellingThread != KiThread()) {
        KiReleaseWordLock(&t->IrpListLock);
        ntkhost->thread_yield();
        KiAcquireWordLock(&t->IrpListLock);
    }
    if (!IsListEmpty(&Irp->ThreadListEntry)) {
        RemoveEntryList(&Irp->ThreadListEntry);
        InitializeListHead(&Irp->ThreadListEntry);
    }
    KiReleaseWordLock(&t->IrpListLock);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoFreeIrp(PIRP Irp)
{
    if (Irp->Type != IO_TYPE_IRP)
        KiBugCheckAt(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x01, (ULONG_PTR)Irp, 0, 0, NULL,
                     "IoFreeIrp on something that is not an IRP (freed twice?)");
    IopNotifyIrp(IopIrpFreed, Irp, NULL);
    if (!IsListEmpty(&Irp->ThreadListEntry))
        IopDequeueThreadIrp(Irp);
    Irp->Type = 0; /* a second free is caught above */
    ExpGiveBlock(IOP_IRP_HEADER(Irp));
}

PVOID IopAllocateSystemBuffer(SIZE_T Length)
{
    EXP_BLOCK_HEADER *h = ExpTakeBlock(Length <= EXP_SMALL_BUFFER ? ExpSmallBufferBlock : ExpPageBufferBlock,
                                       Length);
    if (!h)
        return NULL;
    h->CopyLimit = Length;
    return h + 1;
}

void IopFreeSystemBuffer(PVOID Buffer)
{
    ExpGiveBlock((EXP_BLOCK_HEADER *)Buffer - 1);
}

void IopSetSystemBufferCopyLimit(PVOID Buffer, SIZE_T Limit)
{
    ((EXP_BLOCK_HEADER *)Buffer - 1)->CopyLimit = Limit;
}

SIZE_T IopSystemBufferCopyLimit(PVOID Buffer)
{
    return ((EXP_BLOCK_HEADER *)Buffer - 1)->CopyLimit;
}
