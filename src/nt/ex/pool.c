/*
 * pool.c - executive pool: tagged allocations with a header that lets a
 * wrong-tag or double free be reported instead of corrupting memory.
 */
#include <internal/ke.h>
#include <internal/ntk_alloc.h>

#define EXP_POOL_LIVE 0x4C4F4F50u /* "POOL" */
#define EXP_POOL_FREED 0x45455246u /* "FREE" */

typedef struct DECLSPEC_ALIGN(16) EXP_POOL_HEADER {
    ULONG Magic;
    ULONG Tag;
    SIZE_T Size;
    POOL_TYPE Type;
    ULONG Reserved;
} EXP_POOL_HEADER;

static PVOID ExpAllocate(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag, BOOLEAN Zero)
{
    if (NumberOfBytes == 0)
        return NULL;
    EXP_POOL_HEADER *h = KipAlloc(sizeof *h + NumberOfBytes);
    if (!h)
        return NULL;
    h->Magic = EXP_POOL_LIVE;
    h->Tag = Tag;
    h->Size = NumberOfBytes;
    h->Type = PoolType;
    if (Zero)
        memset(h + 1, 0, NumberOfBytes);
    return h + 1;
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    KI_CHECK_IRQL(ExAllocatePoolWithTag);
    return ExpAllocate(PoolType, NumberOfBytes, Tag, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes)
{
    return ExpAllocate(PoolType, NumberOfBytes, 'enoN', FALSE);
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    return ExpAllocate(PoolType, NumberOfBytes, Tag, TRUE);
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolUninitialized(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    return ExpAllocate(PoolType, NumberOfBytes, Tag, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag)
{
    PVOID p = ExpAllocate((Flags & POOL_FLAG_PAGED) ? PagedPool : NonPagedPoolNx, NumberOfBytes, Tag,
                          !(Flags & POOL_FLAG_UNINITIALIZED));
    if (!p && (Flags & POOL_FLAG_RAISE_ON_FAILURE))
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
    return p;
}

static void ExpFree(PVOID P, ULONG Tag, BOOLEAN CheckTag)
{
    if (!P)
        KiBugCheckAt(BAD_POOL_CALLER, 0x46, 0, 0, 0, NULL, "ExFreePool of a NULL pointer");
    EXP_POOL_HEADER *h = (EXP_POOL_HEADER *)P - 1;
    if (h->Magic == EXP_POOL_FREED)
        KiBugCheckAt(BAD_POOL_CALLER, 0x07, 0, (ULONG_PTR)P, 0, NULL, "pool freed twice");
    if (h->Magic != EXP_POOL_LIVE)
        KiBugCheckAt(BAD_POOL_CALLER, 0x46, (ULONG_PTR)P, 0, 0, NULL,
                     "ExFreePool of an address that was not returned by a pool allocation");
    if (CheckTag && h->Tag != Tag)
        KiBugCheckAt(BAD_POOL_CALLER, 0x0A, (ULONG_PTR)P, h->Tag, Tag, NULL,
                     "ExFreePoolWithTag with a tag other than the one allocated with");
    h->Magic = EXP_POOL_FREED;
    KipFree(h);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExFreePoolWithTag(PVOID P, ULONG Tag)
{
    KI_CHECK_IRQL(ExFreePoolWithTag);
    ExpFree(P, Tag, TRUE);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExFreePool(PVOID P)
{
    ExpFree(P, 0, FALSE);
}
