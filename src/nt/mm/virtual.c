/*
 * virtual.c - the application's virtual memory services
 * (NtAllocateVirtualMemory / NtFreeVirtualMemory) for whole pages, read and
 * write access. Regions are remembered so a release needs only the base.
 */
#include <internal/mm.h>
#include <internal/ob.h>
#include <internal/ntk_alloc.h>

#define MEM_COMMIT 0x00001000
#define MEM_RESERVE 0x00002000
#define MEM_DECOMMIT 0x00004000
#define MEM_RELEASE 0x00008000
#define PAGE_NOACCESS 0x01
#define PAGE_READONLY 0x02
#define PAGE_READWRITE 0x04

typedef struct MMP_REGION {
    struct MMP_REGION *Next;
    PVOID Base;
    SIZE_T Size;
} MMP_REGION;

static MMP_REGION *MmpRegions;
static OBP_LOCK MmpRegionsLock;

/* @implemented: anywhere-placed, committed, read-write regions. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtAllocateVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress, ULONG_PTR ZeroBits,
                                                      PSIZE_T RegionSize, ULONG AllocationType, ULONG Protect)
{
    if (*BaseAddress || !(AllocationType & MEM_COMMIT) || Protect != PAGE_READWRITE)
        return KiNotImplemented("NtAllocateVirtualMemory",
                                "a fixed address, a reservation without MEM_COMMIT, or other than PAGE_READWRITE");
    SIZE_T size = ROUND_TO_PAGES(*RegionSize);
    MMP_REGION *region = KipAlloc(sizeof *region);
    PVOID base = region && size ? ntkhost->page_alloc(size) : NULL;
    if (!base) {
        KipFree(region);
        return STATUS_NO_MEMORY;
    }
    region->Base = base;
    region->Size = size;
    ObpAcquireLock(&MmpRegionsLock);
    region->Next = MmpRegions;
    MmpRegions = region;
    ObpReleaseLock(&MmpRegionsLock);
    *BaseAddress = base;
    *RegionSize = size;
    return STATUS_SUCCESS;
}

static BOOLEAN MmpInsideRegion(ULONG_PTR start, SIZE_T size)
{
    BOOLEAN inside = FALSE;
    ObpAcquireLock(&MmpRegionsLock);
    for (MMP_REGION *r = MmpRegions; r; r = r->Next)
        if (start >= (ULONG_PTR)r->Base && start + size <= (ULONG_PTR)r->Base + r->Size)
            inside = TRUE;
    ObpReleaseLock(&MmpRegionsLock);
    return inside;
}

/* Decommitted pages stay reserved (nothing else is placed there) but any
 * access faults. */
static NTSTATUS MmpDecommit(PVOID Base, PSIZE_T RegionSize)
{
    ULONG_PTR start = (ULONG_PTR)PAGE_ALIGN(Base);
    SIZE_T size = ROUND_TO_PAGES((ULONG_PTR)Base + *RegionSize - start);
    if (!*RegionSize || !MmpInsideRegion(start, size))
        return STATUS_MEMORY_NOT_ALLOCATED;
    if (ntkhost->page_protect((PVOID)start, size, 0) != 0)
        return STATUS_INVALID_PAGE_PROTECTION;
    *RegionSize = size;
    return STATUS_SUCCESS;
}

/* @implemented: releasing a whole region by its base, or decommitting
 * pages of one. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtFreeVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress, PSIZE_T RegionSize,
                                                  ULONG FreeType)
{
    if (FreeType == MEM_DECOMMIT)
        return MmpDecommit(*BaseAddress, RegionSize);
    if (FreeType != MEM_RELEASE)
        return STATUS_INVALID_PARAMETER;
    MMP_REGION *found = NULL;
    ObpAcquireLock(&MmpRegionsLock);
    for (MMP_REGION **link = &MmpRegions; *link; link = &(*link)->Next) {
        if ((*link)->Base == *BaseAddress) {
            found = *link;
            *link = found->Next;
            break;
        }
    }
    ObpReleaseLock(&MmpRegionsLock);
    if (!found)
        return STATUS_MEMORY_NOT_ALLOCATED;
    ntkhost->page_free(found->Base, found->Size);
    *RegionSize = found->Size;
    KipFree(found);
    return STATUS_SUCCESS;
}

/* @implemented: PAGE_NOACCESS, PAGE_READONLY and PAGE_READWRITE on pages of
 * a region from NtAllocateVirtualMemory. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtProtectVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress, PSIZE_T RegionSize,
                                                     ULONG NewProtect, PULONG OldProtect)
{
    unsigned access;
    switch (NewProtect) {
    case PAGE_NOACCESS: access = 0; break;
    case PAGE_READONLY: access = NTKHOST_PAGE_READ; break;
    case PAGE_READWRITE: access = NTKHOST_PAGE_READ | NTKHOST_PAGE_WRITE; break;
    default: return KiNotImplemented("NtProtectVirtualMemory", "a protection other than none, read or read-write");
    }
    ULONG_PTR start = (ULONG_PTR)PAGE_ALIGN(*BaseAddress);
    SIZE_T size = ROUND_TO_PAGES((ULONG_PTR)*BaseAddress + *RegionSize - start);
    if (!MmpInsideRegion(start, size))
        return STATUS_CONFLICTING_ADDRESSES;
    if (ntkhost->page_protect((PVOID)start, size, access) != 0)
        return STATUS_INVALID_PAGE_PROTECTION;
    if (OldProtect)
        *OldProtect = PAGE_READWRITE; /* regions start read-write; earlier changes are not tracked */
    *BaseAddress = (PVOID)start;
    *RegionSize = size;
    return STATUS_SUCCESS;
}
