/*
 * irpcache.c - per-thread caches of IRPs and small system buffers.
 *
 * The IOCTL fast path must not take a lock or call malloc: each thread keeps
 * a short free list of fixed-size IRP blocks (room for IOP_CACHED_STACK
 * locations) and of small buffers. Blocks freed on another thread go to that
 * thread's cache; each cache is capped and spills to the host allocator.
 */
#include <internal/io.h>
#include <internal/ntk_alloc.h>

#define IOP_CACHED_STACK 8
#define IOP_CACHE_DEPTH 16
#define IOP_SMALL_BUFFER 512

/* Small buffers carry a header saying where they came from. */
typedef struct IOP_BUFFER_HEADER {
    SIZE_T Size;       /* 0: cache-sized block */
    SIZE_T CopyLimit;  /* most bytes that may be copied back to the caller */
} IOP_BUFFER_HEADER;

typedef struct iop_free_block {
    struct iop_free_block *Next;
} IOP_FREE_BLOCK;

static __thread IOP_FREE_BLOCK *IopIrpFree __attribute__((tls_model("initial-exec")));
static __thread ULONG IopIrpFreeCount __attribute__((tls_model("initial-exec")));
static __thread IOP_FREE_BLOCK *IopBufferFree __attribute__((tls_model("initial-exec")));
static __thread ULONG IopBufferFreeCount __attribute__((tls_model("initial-exec")));

#define IOP_IRP_BLOCK_SIZE (sizeof(IRP) + IOP_CACHED_STACK * sizeof(IO_STACK_LOCATION))

PIRP IopAllocateIrp(CCHAR StackSize, BOOLEAN ChargeQuota)
{
    if (StackSize <= 0)
        return NULL;
    USHORT size = IoSizeOfIrp(StackSize);
    PIRP irp;
    UCHAR flags = IRP_ALLOCATED_FIXED_SIZE;
    if (StackSize <= IOP_CACHED_STACK && IopIrpFree) {
        IOP_FREE_BLOCK *b = IopIrpFree;
        IopIrpFree = b->Next;
        IopIrpFreeCount--;
        irp = (PIRP)b;
    } else {
        irp = KipAlloc(StackSize <= IOP_CACHED_STACK ? IOP_IRP_BLOCK_SIZE : size);
        if (!irp)
            return NULL;
    }
    IoInitializeIrp(irp, size, StackSize);
    if (ChargeQuota)
        flags |= IRP_LOOKASIDE_ALLOCATION;
    irp->AllocationFlags = flags;
    IopNotifyIrp(IopIrpAllocated, irp, NULL);
    return irp;
}

static void IopLockThreadIrps(PKTHREAD t)
{
    while (__atomic_exchange_n(&t->IrpListLock, 1, __ATOMIC_ACQUIRE))
        while (__atomic_load_n(&t->IrpListLock, __ATOMIC_RELAXED))
            __builtin_ia32_pause();
}

static void IopUnlockThreadIrps(PKTHREAD t)
{
    __atomic_store_n(&t->IrpListLock, 0, __ATOMIC_RELEASE);
}

void IopQueueThreadIrp(PIRP Irp)
{
    PKTHREAD t = (PKTHREAD)Irp->Tail.Overlay.Thread;
    IopLockThreadIrps(t);
    InsertTailList(&t->IrpList, &Irp->ThreadListEntry);
    IopUnlockThreadIrps(t);
}

void IopDequeueThreadIrp(PIRP Irp)
{
    PKTHREAD t = (PKTHREAD)Irp->Tail.Overlay.Thread;
    if (!t)
        return;
    IopLockThreadIrps(t);
    /* A canceller on another thread is inside IoCancelIrp for this IRP: it
     * must not be freed under it (io/threadio.c). */
    while (t->CancellingIrp == Irp && t->CancellingThread != KiThread()) {
        IopUnlockThreadIrps(t);
        ntkhost->thread_yield();
        IopLockThreadIrps(t);
    }
    if (!IsListEmpty(&Irp->ThreadListEntry)) {
        RemoveEntryList(&Irp->ThreadListEntry);
        InitializeListHead(&Irp->ThreadListEntry);
    }
    IopUnlockThreadIrps(t);
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
    if (Irp->StackCount <= IOP_CACHED_STACK && (Irp->AllocationFlags & IRP_ALLOCATED_FIXED_SIZE) &&
        IopIrpFreeCount < IOP_CACHE_DEPTH) {
        IOP_FREE_BLOCK *b = (IOP_FREE_BLOCK *)Irp;
        b->Next = IopIrpFree;
        IopIrpFree = b;
        IopIrpFreeCount++;
        return;
    }
    KipFree(Irp);
}

PVOID IopAllocateSystemBuffer(SIZE_T Length)
{
    IOP_BUFFER_HEADER *h;
    if (Length <= IOP_SMALL_BUFFER) {
        if (IopBufferFree) {
            h = (IOP_BUFFER_HEADER *)IopBufferFree;
            IopBufferFree = IopBufferFree->Next;
            IopBufferFreeCount--;
        } else {
            h = KipAlloc(sizeof *h + IOP_SMALL_BUFFER);
            if (!h)
                return NULL;
        }
        h->Size = 0;
        h->CopyLimit = Length;
    } else {
        h = KipAlloc(sizeof *h + Length);
        if (!h)
            return NULL;
        h->Size = Length;
        h->CopyLimit = Length;
    }
    return h + 1;
}

void IopFreeSystemBuffer(PVOID Buffer)
{
    IOP_BUFFER_HEADER *h = (IOP_BUFFER_HEADER *)Buffer - 1;
    if (h->Size == 0 && IopBufferFreeCount < IOP_CACHE_DEPTH) {
        IOP_FREE_BLOCK *b = (IOP_FREE_BLOCK *)h;
        b->Next = IopBufferFree;
        IopBufferFree = b;
        IopBufferFreeCount++;
        return;
    }
    KipFree(h);
}

void IopSetSystemBufferCopyLimit(PVOID Buffer, SIZE_T Limit)
{
    ((IOP_BUFFER_HEADER *)Buffer - 1)->CopyLimit = Limit;
}

SIZE_T IopSystemBufferCopyLimit(PVOID Buffer)
{
    return ((IOP_BUFFER_HEADER *)Buffer - 1)->CopyLimit;
}

void IopFlushThreadCaches(void)
{
    while (IopIrpFree) {
        IOP_FREE_BLOCK *b = IopIrpFree;
        IopIrpFree = b->Next;
        KipFree(b);
    }
    IopIrpFreeCount = 0;
    while (IopBufferFree) {
        IOP_FREE_BLOCK *b = IopBufferFree;
        IopBufferFree = b->Next;
        KipFree(b);
    }
    IopBufferFreeCount = 0;
}
