/*
 * slist.c - sequenced singly linked lists (SLIST_HEADER): lock-free push,
 * pop and flush with one 16-byte compare-and-swap (cmpxchg16b) of the whole
 * header; the 48-bit sequence number, bumped by every change, defeats ABA.
 */
#include <internal/ke.h>

typedef unsigned __int128 EXP_SLIST_WORD;

static inline EXP_SLIST_WORD ExpReadHeader(PSLIST_HEADER h)
{
    /* Two 8-byte loads; a torn pair only makes the CAS below fail. */
    ULONGLONG lo = __atomic_load_n(&h->Alignment, __ATOMIC_ACQUIRE);
    ULONGLONG hi = __atomic_load_n(&h->Region, __ATOMIC_ACQUIRE);
    return ((EXP_SLIST_WORD)hi << 64) | lo;
}

__attribute__((target("cx16"))) static inline BOOLEAN ExpSwapHeader(PSLIST_HEADER h, EXP_SLIST_WORD old,
                                                                    EXP_SLIST_WORD new)
{
    return __sync_bool_compare_and_swap((EXP_SLIST_WORD *)h, old, new);
}

static inline PSLIST_ENTRY ExpFirst(EXP_SLIST_WORD w)
{
    return (PSLIST_ENTRY)(ULONG_PTR)(((ULONGLONG)(w >> 64) >> 4) << 4);
}

static inline EXP_SLIST_WORD ExpMake(ULONGLONG depth, ULONGLONG sequence, PSLIST_ENTRY first)
{
    ULONGLONG lo = (depth & 0xFFFF) | ((sequence & 0xFFFFFFFFFFFFull) << 16);
    ULONGLONG hi = (ULONGLONG)(ULONG_PTR)first; /* NextEntry << 4 with Reserved 0: the address itself */
    return ((EXP_SLIST_WORD)hi << 64) | lo;
}

/* The next link of an entry that another thread may pop (and free) at the
 * same moment: the value is then stale and the CAS fails, as on Windows,
 * where the pop routine's fault is resumed. Not instrumented by ASan. */
__attribute__((no_sanitize_address)) static inline PSLIST_ENTRY ExpNextOf(PSLIST_ENTRY e)
{
    return __atomic_load_n(&e->Next, __ATOMIC_RELAXED);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI InitializeSListHead(PSLIST_HEADER SListHead)
{
    __atomic_store_n(&SListHead->Alignment, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&SListHead->Region, 0, __ATOMIC_RELEASE);
}

/* @implemented */
DECLSPEC_EXPORT PSLIST_ENTRY NTAPI FirstEntrySList(const SLIST_HEADER *SListHead)
{
    return ExpFirst(ExpReadHeader((PSLIST_HEADER)SListHead));
}

/* @implemented */
DECLSPEC_EXPORT USHORT NTAPI QueryDepthSList(PSLIST_HEADER SListHead)
{
    return (USHORT)(__atomic_load_n(&SListHead->Alignment, __ATOMIC_ACQUIRE) & 0xFFFF);
}

/* @implemented */
DECLSPEC_EXPORT PSLIST_ENTRY FASTCALL InterlockedPushEntrySList(PSLIST_HEADER ListHead, PSLIST_ENTRY ListEntry)
{
    if ((ULONG_PTR)ListEntry & 15)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x16, (ULONG_PTR)ListEntry, (ULONG_PTR)ListHead, 0, NULL,
                     "an SLIST entry must be 16-byte aligned on x64");
    for (;;) {
        EXP_SLIST_WORD old = ExpReadHeader(ListHead);
        PSLIST_ENTRY first = ExpFirst(old);
        __atomic_store_n(&ListEntry->Next, first, __ATOMIC_RELAXED);
        ULONGLONG lo = (ULONGLONG)old;
        if (ExpSwapHeader(ListHead, old, ExpMake((lo & 0xFFFF) + 1, (lo >> 16) + 1, ListEntry)))
            return first;
    }
}

/* @implemented */
DECLSPEC_EXPORT PSLIST_ENTRY FASTCALL InterlockedPopEntrySList(PSLIST_HEADER ListHead)
{
    for (;;) {
        EXP_SLIST_WORD old = ExpReadHeader(ListHead);
        PSLIST_ENTRY first = ExpFirst(old);
        if (!first)
            return NULL;
        PSLIST_ENTRY next = ExpNextOf(first);
        ULONGLONG lo = (ULONGLONG)old;
        if (ExpSwapHeader(ListHead, old, ExpMake((lo & 0xFFFF) - 1, (lo >> 16) + 1, next)))
            return first;
    }
}

/* @implemented */
DECLSPEC_EXPORT PSLIST_ENTRY FASTCALL InterlockedFlushSList(PSLIST_HEADER ListHead)
{
    for (;;) {
        EXP_SLIST_WORD old = ExpReadHeader(ListHead);
        PSLIST_ENTRY first = ExpFirst(old);
        if (!first)
            return NULL;
        ULONGLONG lo = (ULONGLONG)old;
        if (ExpSwapHeader(ListHead, old, ExpMake(0, (lo >> 16) + 1, NULL)))
            return first;
    }
}

/* @implemented */
DECLSPEC_EXPORT PSLIST_ENTRY FASTCALL ExInterlockedPushEntrySList(PSLIST_HEADER ListHead, PSLIST_ENTRY ListEntry,
                                                                  PKSPIN_LOCK Lock)
{
    (void)Lock;
    return InterlockedPushEntrySList(ListHead, ListEntry);
}

/* @implemented */
DECLSPEC_EXPORT PSLIST_ENTRY FASTCALL ExInterlockedPopEntrySList(PSLIST_HEADER ListHead, PKSPIN_LOCK Lock)
{
    (void)Lock;
    return InterlockedPopEntrySList(ListHead);
}
