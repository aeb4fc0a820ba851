/*
 * mdl.c - memory descriptor lists: describing, locking and mapping a buffer.
 *
 * Locking probes every page in the caller's mode (raising
 * STATUS_ACCESS_VIOLATION as Windows does); ntk's "system address" of a
 * locked user buffer is the buffer itself, since kernel and application
 * share one address space. IoAllocateMdl takes MDLs from the per-thread
 * block caches (ex/blockcache.c), so direct I/O allocates nothing per
 * request.
 */
#include <internal/mm.h>
#include <internal/ntk_alloc.h>
#include <internal/ex_cache.h>

/* @implemented */
DECLSPEC_EXPORT SIZE_T NTAPI MmSizeOfMdl(PVOID Base, SIZE_T Length)
{
    return sizeof(MDL) + ADDRESS_AND_SIZE_TO_SPAN_PAGES(Base, Length) * sizeof(PFN_NUMBER);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI MmInitializeMdlNtk(PMDL Mdl, PVOID BaseVa, SIZE_T Length)
{
    Mdl->Next = NULL;
    Mdl->Size = (CSHORT)MmSizeOfMdl(BaseVa, Length);
    Mdl->MdlFlags = 0;
    Mdl->Process = NULL;
    Mdl->MappedSystemVa = NULL;
    Mdl->StartVa = PAGE_ALIGN(BaseVa);
    Mdl->ByteOffset = BYTE_OFFSET(BaseVa);
    Mdl->ByteCount = (ULONG)Length;
}

/* @implemented */
DECLSPEC_EXPORT PMDL NTAPI IoAllocateMdl(PVOID VirtualAddress, ULONG Length, BOOLEAN SecondaryBuffer,
                                        BOOLEAN ChargeQuota, PIRP Irp)
{
    SIZE_T size = MmSizeOfMdl(VirtualAddress, Length);
    if (size > 0x7FFF)
        return NULL; /* the Size field is a CSHORT */
    EXP_BLOCK_HEADER *header = ExpTakeBlock(ExpMdlBlock, size);
    if (!header)
        return NULL;
    PMDL mdl = (PMDL)(header + 1);
    MmInitializeMdlNtk(mdl, VirtualAddress, Length);
    mdl->MdlFlags = MDL_ALLOCATED_FIXED_SIZE;
    if (Irp) {
        if (!SecondaryBuffer) {
            Irp->MdlAddress = mdl;
        } else {
            PMDL last = Irp->MdlAddress;
            while (last && last->Next)
                last = last->Next;
            if (last)
                last->Next = mdl;
            else
                Irp->MdlAddress = mdl;
        }
    }
    return mdl;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoFreeMdl(PMDL Mdl)
{
    ExpGiveBlock((EXP_BLOCK_HEADER *)Mdl - 1);
}

/* @implemented */
DECLSPEC_EXPORT PMDL NTAPI MmCreateMdl(PMDL MemoryDescriptorList, PVOID Base, SIZE_T Length)
{
    PMDL mdl = MemoryDescriptorList ? MemoryDescriptorList : KipAlloc(MmSizeOfMdl(Base, Length));
    if (mdl)
        MmInitializeMdlNtk(mdl, Base, Length);
    return mdl;
}

static void MmpFillPfns(PMDL Mdl)
{
    PPFN_NUMBER pfn = MmGetMdlPfnArray(Mdl);
    ULONG_PTR va = (ULONG_PTR)Mdl->StartVa;
    SIZE_T pages = ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Mdl), Mdl->ByteCount);
    for (SIZE_T i = 0; i < pages; i++)
        pfn[i] = (va >> PAGE_SHIFT) + i;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI MmProbeAndLockPages(PMDL MemoryDescriptorList, KPROCESSOR_MODE AccessMode,
                                              LOCK_OPERATION Operation)
{
    PMDL mdl = MemoryDescriptorList;
    PVOID va = MmGetMdlVirtualAddress(mdl);
    if (mdl->MdlFlags & MDL_PAGES_LOCKED)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x7C, (ULONG_PTR)mdl, 0, 0, NULL,
                     "MmProbeAndLockPages on an MDL whose pages are already locked");
    NTSTATUS status = STATUS_SUCCESS;
    if (AccessMode == UserMode) {
        status = MmpProbeUserBuffer(va, mdl->ByteCount, Operation != IoReadAccess);
    } else if (mdl->ByteCount) {
        /* Kernel buffers must still be mapped. */
        status = ntkhost->mem_probe(va, mdl->ByteCount, Operation != IoReadAccess) ? STATUS_SUCCESS
                                                                                   : STATUS_ACCESS_VIOLATION;
    }
    if (!NT_SUCCESS(status))
        ExRaiseStatus(status);
    MmpFillPfns(mdl);
    mdl->Process = AccessMode == UserMode ? KiThread()->Process : NULL;
    mdl->MdlFlags |= MDL_PAGES_LOCKED | (Operation != IoReadAccess ? MDL_WRITE_OPERATION : 0);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI MmUnlockPages(PMDL MemoryDescriptorList)
{
    MemoryDescriptorList->MdlFlags &= ~(MDL_PAGES_LOCKED | MDL_MAPPED_TO_SYSTEM_VA | MDL_WRITE_OPERATION);
    MemoryDescriptorList->MappedSystemVa = NULL;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI MmBuildMdlForNonPagedPool(PMDL MemoryDescriptorList)
{
    MmpFillPfns(MemoryDescriptorList);
    MemoryDescriptorList->MappedSystemVa = MmGetMdlVirtualAddress(MemoryDescriptorList);
    MemoryDescriptorList->MdlFlags |= MDL_SOURCE_IS_NONPAGED_POOL;
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI MmMapLockedPagesSpecifyCache(PMDL MemoryDescriptorList, KPROCESSOR_MODE AccessMode,
                                                        MEMORY_CACHING_TYPE CacheType, PVOID RequestedAddress,
                                                        ULONG BugCheckOnFailure, ULONG Priority)
{
    PMDL mdl = MemoryDescriptorList;
    if (!(mdl->MdlFlags & (MDL_PAGES_LOCKED | MDL_SOURCE_IS_NONPAGED_POOL | MDL_PARTIAL)))
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x81, (ULONG_PTR)mdl, mdl->MdlFlags, 0, NULL,
                     "mapping an MDL whose pages were never locked");
    mdl->MappedSystemVa = MmGetMdlVirtualAddress(mdl);
    mdl->MdlFlags |= MDL_MAPPED_TO_SYSTEM_VA;
    return mdl->MappedSystemVa;
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI MmMapLockedPages(PMDL MemoryDescriptorList, KPROCESSOR_MODE AccessMode)
{
    return MmMapLockedPagesSpecifyCache(MemoryDescriptorList, AccessMode, MmCached, NULL, TRUE, NormalPagePriority);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI MmUnmapLockedPages(PVOID BaseAddress, PMDL MemoryDescriptorList)
{
    MemoryDescriptorList->MdlFlags &= ~MDL_MAPPED_TO_SYSTEM_VA;
    MemoryDescriptorList->MappedSystemVa = NULL;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoBuildPartialMdl(PMDL SourceMdl, PMDL TargetMdl, PVOID VirtualAddress, ULONG Length)
{
    if (Length == 0)
        Length = SourceMdl->ByteCount - (ULONG)((PCHAR)VirtualAddress - (PCHAR)MmGetMdlVirtualAddress(SourceMdl));
    TargetMdl->StartVa = PAGE_ALIGN(VirtualAddress);
    TargetMdl->ByteOffset = BYTE_OFFSET(VirtualAddress);
    TargetMdl->ByteCount = Length;
    TargetMdl->Process = SourceMdl->Process;
    TargetMdl->MdlFlags = (CSHORT)((TargetMdl->MdlFlags & MDL_ALLOCATED_FIXED_SIZE) | MDL_PARTIAL |
                                   (SourceMdl->MdlFlags & MDL_WRITE_OPERATION));
    MmpFillPfns(TargetMdl);
}
