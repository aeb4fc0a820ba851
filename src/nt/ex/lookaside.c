/*
 * lookaside.c - lookaside lists: a driver's cache of fixed-size blocks.
 *
 * Freed blocks go on the list's SLIST up to Depth of them (4, the minimum
 * depth Windows starts every list with; MaximumDepth 256), the rest back to
 * the pool; an allocation takes a cached block first. The counters are the
 * ones the debugger shows. Windows re-tunes Depth from the miss rates once a
 * second; here it stays at its initial value.
 *
 * Blocks cached on a list are pool the driver still holds: a list not
 * deleted before unload shows up in the pool leak report.
 */
#include <internal/ke.h>
#include <internal/ex_pool.h>

#define EXP_MINIMUM_LOOKASIDE_DEPTH 4

/* The default allocate and free routines: the pool, charged to the driver
 * that called the lookaside routine (Caller). */
static PVOID ExpLookasideAllocate(PGENERAL_LOOKASIDE_POOL L, BOOLEAN Ex, PLOOKASIDE_LIST_EX Owner, const void *Caller)
{
    if (Ex ? L->AllocateEx != NULL : L->Allocate != NULL)
        return Ex ? L->AllocateEx(L->Type, L->Size, L->Tag, Owner) : L->Allocate(L->Type, L->Size, L->Tag);
    SIZE_T size = L->Size < LOOKASIDE_MINIMUM_BLOCK_SIZE ? LOOKASIDE_MINIMUM_BLOCK_SIZE : L->Size;
    return ExpAllocatePoolForCaller(L->Type, size, L->Tag, Caller);
}

static void ExpLookasideFree(PGENERAL_LOOKASIDE_POOL L, BOOLEAN Ex, PLOOKASIDE_LIST_EX Owner, PVOID Block,
                             const void *Caller)
{
    if (Ex ? L->FreeEx != NULL : L->Free != NULL) {
        if (Ex)
            L->FreeEx(Block, Owner);
        else
            L->Free(Block);
        return;
    }
    ExpFreePoolForCaller(Block, 0, Caller);
}

static void ExpInitialize(PGENERAL_LOOKASIDE_POOL L, PVOID Allocate, PVOID Free, POOL_TYPE Type, SIZE_T Size,
                          ULONG Tag)
{
    InitializeSListHead(&L->ListHead);
    L->Depth = EXP_MINIMUM_LOOKASIDE_DEPTH;
    L->MaximumDepth = EX_MAXIMUM_LOOKASIDE_DEPTH_BASE;
    L->TotalAllocates = 0;
    L->AllocateMisses = 0;
    L->TotalFrees = 0;
    L->FreeMisses = 0;
    L->Type = Type;
    L->Tag = Tag;
    L->Size = (ULONG)Size;
    L->Allocate = (PALLOCATE_FUNCTION)Allocate;
    L->Free = (PFREE_FUNCTION)Free;
    InitializeListHead(&L->ListEntry);
    L->LastTotalAllocates = 0;
    L->LastAllocateMisses = 0;
    L->Future[0] = L->Future[1] = 0;
}

static PVOID ExpAllocateFrom(PGENERAL_LOOKASIDE_POOL L, BOOLEAN Ex, PLOOKASIDE_LIST_EX Owner, const void *Caller)
{
    __atomic_add_fetch(&L->TotalAllocates, 1, __ATOMIC_RELAXED);
    PVOID block = InterlockedPopEntrySList(&L->ListHead);
    if (block)
        return block;
    __atomic_add_fetch(&L->AllocateMisses, 1, __ATOMIC_RELAXED);
    return ExpLookasideAllocate(L, Ex, Owner, Caller);
}

static void ExpFreeTo(PGENERAL_LOOKASIDE_POOL L, BOOLEAN Ex, PLOOKASIDE_LIST_EX Owner, PVOID Block,
                      const void *Caller)
{
    __atomic_add_fetch(&L->TotalFrees, 1, __ATOMIC_RELAXED);
    if (QueryDepthSList(&L->ListHead) >= L->Depth) {
        __atomic_add_fetch(&L->FreeMisses, 1, __ATOMIC_RELAXED);
        ExpLookasideFree(L, Ex, Owner, Block, Caller);
        return;
    }
    InterlockedPushEntrySList(&L->ListHead, (PSLIST_ENTRY)Block);
}

static void ExpFlush(PGENERAL_LOOKASIDE_POOL L, BOOLEAN Ex, PLOOKASIDE_LIST_EX Owner, const void *Caller)
{
    PSLIST_ENTRY e = InterlockedFlushSList(&L->ListHead);
    while (e) {
        PSLIST_ENTRY next = e->Next;
        ExpLookasideFree(L, Ex, Owner, e, Caller);
        e = next;
    }
}

/* GENERAL_LOOKASIDE and GENERAL_LOOKASIDE_POOL share their fields. */
#define EXP_POOL_VIEW(Lookaside) ((PGENERAL_LOOKASIDE_POOL)&(Lookaside)->L)
_Static_assert(__builtin_offsetof(GENERAL_LOOKASIDE, Future) == __builtin_offsetof(GENERAL_LOOKASIDE_POOL, Future),
               "GENERAL_LOOKASIDE and GENERAL_LOOKASIDE_POOL share a layout");

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
                                                           PALLOCATE_FUNCTION Allocate, PFREE_FUNCTION Free,
                                                           ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth)
{
    KI_CHECK_IRQL(ExInitializeNPagedLookasideList);
    (void)Depth; /* reserved: Windows ignores it too */
    ExpInitialize(EXP_POOL_VIEW(Lookaside), (PVOID)Allocate, (PVOID)Free, (POOL_TYPE)(NonPagedPool | Flags), Size,
                  Tag);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExInitializePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside, PALLOCATE_FUNCTION Allocate,
                                                          PFREE_FUNCTION Free, ULONG Flags, SIZE_T Size, ULONG Tag,
                                                          USHORT Depth)
{
    KI_CHECK_IRQL(ExInitializePagedLookasideList);
    (void)Depth;
    ExpInitialize(EXP_POOL_VIEW(Lookaside), (PVOID)Allocate, (PVOID)Free, (POOL_TYPE)(PagedPool | Flags), Size, Tag);
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
    KI_CHECK_IRQL(ExAllocateFromNPagedLookasideList);
    return ExpAllocateFrom(EXP_POOL_VIEW(Lookaside), FALSE, NULL, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry)
{
    KI_CHECK_IRQL(ExFreeToNPagedLookasideList);
    ExpFreeTo(EXP_POOL_VIEW(Lookaside), FALSE, NULL, Entry, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
    KI_CHECK_IRQL(ExDeleteNPagedLookasideList);
    ExpFlush(EXP_POOL_VIEW(Lookaside), FALSE, NULL, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocateFromPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside)
{
    KI_CHECK_IRQL(ExAllocateFromPagedLookasideList);
    return ExpAllocateFrom(EXP_POOL_VIEW(Lookaside), FALSE, NULL, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExFreeToPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry)
{
    KI_CHECK_IRQL(ExFreeToPagedLookasideList);
    ExpFreeTo(EXP_POOL_VIEW(Lookaside), FALSE, NULL, Entry, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExDeletePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside)
{
    KI_CHECK_IRQL(ExDeletePagedLookasideList);
    ExpFlush(EXP_POOL_VIEW(Lookaside), FALSE, NULL, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ExInitializeLookasideListEx(PLOOKASIDE_LIST_EX Lookaside, PALLOCATE_FUNCTION_EX Allocate,
                                                           PFREE_FUNCTION_EX Free, POOL_TYPE PoolType, ULONG Flags,
                                                           SIZE_T Size, ULONG Tag, USHORT Depth)
{
    KI_CHECK_IRQL(ExInitializeLookasideListEx);
    (void)Depth;
    const ULONG both = EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL | EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE;
    if ((Flags & ~both) || (Flags & both) == both)
        return STATUS_INVALID_PARAMETER_5;
    if (Flags & EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL)
        PoolType |= POOL_RAISE_IF_ALLOCATION_FAILURE;
    ExpInitialize(&Lookaside->L, (PVOID)Allocate, (PVOID)Free, PoolType, Size, Tag);
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocateFromLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
    KI_CHECK_IRQL(ExAllocateFromLookasideListEx);
    return ExpAllocateFrom(&Lookaside->L, TRUE, Lookaside, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExFreeToLookasideListEx(PLOOKASIDE_LIST_EX Lookaside, PVOID Entry)
{
    KI_CHECK_IRQL(ExFreeToLookasideListEx);
    ExpFreeTo(&Lookaside->L, TRUE, Lookaside, Entry, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExFlushLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
    KI_CHECK_IRQL(ExFlushLookasideListEx);
    ExpFlush(&Lookaside->L, TRUE, Lookaside, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExDeleteLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
    KI_CHECK_IRQL(ExDeleteLookasideListEx);
    ExpFlush(&Lookaside->L, TRUE, Lookaside, __builtin_return_address(0));
}
