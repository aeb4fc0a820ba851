/*
 * pool.c - the executive pool: tagged allocations, checked frees, and usage
 * accounting per driver and tag.
 *
 * Every block carries a small header in front of it, and every live block is
 * also in a side table (hashed by address, one lock per bucket). A free
 * looks the address up there before touching the header, so a double free
 * or a free of something the pool never returned is reported without ever
 * reading freed memory; a ring of recently freed addresses tells the two
 * apart. Usage is charged to the driver whose code called the allocator
 * (found by return address), per tag, with lock-free counters; when a
 * driver unloads with pool still allocated, the leak is reported.
 *
 * Choices (where Windows offers more than one behaviour):
 * - Zero-byte requests return a valid, unique block, as Windows does
 *   without Driver Verifier (which reports C4/0x00 instead).
 * - A double free is BAD_POOL_CALLER 0x07, what Windows reports without
 *   Driver Verifier, in the same family as the wrong-tag report (C2/0x0A).
 *   P3 is the allocation's tag (the header's contents are gone), P4 the
 *   address.
 * - Paged pool is never paged out here, so paged memory touched at
 *   DISPATCH_LEVEL goes unnoticed; allocating or freeing it above
 *   APC_LEVEL is reported (C4/0x01, 0x11).
 * - A leak at unload is a bug check (C4/0x62) by default, as with Driver
 *   Verifier's pool tracking; NTK_POOL_LEAKS=report only reports it and
 *   NTK_POOL_LEAKS=off says nothing.
 */
#include <internal/ke.h>
#include <internal/ldr.h>
#include <internal/ntk_alloc.h>
#include <internal/ex_pool.h>
#include <stdio.h>

/* ------------------------------------------------------------ Accounting */

#define EXP_TAG_SLOTS 256

typedef struct EXP_TAG_SLOT {
    volatile ULONG64 Key; /* EXP_TAG_CLAIMED | tag once claimed, 0 while free */
    volatile LONG64 Allocs[2], Frees[2], Bytes[2]; /* [0] nonpaged, [1] paged; Bytes outstanding */
} EXP_TAG_SLOT;
#define EXP_TAG_CLAIMED (1ull << 32)

typedef struct EXP_POOL_OWNER {
    struct EXP_POOL_OWNER *Next;
    const char *volatile ImageName; /* the loaded image's name; NULL once it unloaded */
    char Name[64];
    EXP_TAG_SLOT Slots[EXP_TAG_SLOTS];
    EXP_TAG_SLOT Overflow; /* tags beyond EXP_TAG_SLOTS distinct ones */
} EXP_POOL_OWNER;

/* The kernel's own and the application's allocations. */
static EXP_POOL_OWNER ExpKernelOwner = {.Name = "(kernel)"};
static EXP_POOL_OWNER *volatile ExpOwners = &ExpKernelOwner;
static volatile LONG ExpOwnersLock;

static void ExpSpinLock(volatile LONG *Lock)
{
    KiAcquireWordLock(Lock);
}

static void ExpSpinUnlock(volatile LONG *Lock)
{
    KiReleaseWordLock(Lock);
}

static EXP_POOL_OWNER *ExpOwnerFor(const void *Caller)
{
    const char *image = LdrpDriverNameForAddress(Caller);
    if (!image)
        return &ExpKernelOwner;
    for (EXP_POOL_OWNER *o = __atomic_load_n(&ExpOwners, __ATOMIC_ACQUIRE); o; o = o->Next)
        if (__atomic_load_n(&o->ImageName, __ATOMIC_RELAXED) == image)
            return o;
    /* A driver's first allocation: give it a record (kept for good, since
     * blocks it leaked may still be freed after it unloads). */
    ExpSpinLock(&ExpOwnersLock);
    EXP_POOL_OWNER *o;
    for (o = ExpOwners; o; o = o->Next)
        if (o->ImageName == image)
            break;
    if (!o) {
        o = KipAllocZero(sizeof *o);
        if (o) {
            snprintf(o->Name, sizeof o->Name, "%s", image);
            o->ImageName = image;
            o->Next = ExpOwners;
            __atomic_store_n(&ExpOwners, o, __ATOMIC_RELEASE);
        }
    }
    ExpSpinUnlock(&ExpOwnersLock);
    return o ? o : &ExpKernelOwner;
}

static EXP_TAG_SLOT *ExpSlotFor(EXP_POOL_OWNER *Owner, ULONG Tag)
{
    ULONG64 key = EXP_TAG_CLAIMED | Tag;
    ULONG i = (Tag * 0x9E3779B1u) >> 24;
    for (ULONG n = 0; n < EXP_TAG_SLOTS; n++, i = (i + 1) % EXP_TAG_SLOTS) {
        EXP_TAG_SLOT *s = &Owner->Slots[i];
        ULONG64 k = __atomic_load_n(&s->Key, __ATOMIC_ACQUIRE);
        if (k == key)
            return s;
        if (k == 0) {
            ULONG64 expected = 0;
            if (__atomic_compare_exchange_n(&s->Key, &expected, key, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE) ||
                expected == key)
                return s;
        }
    }
    return &Owner->Overflow;
}

/* ------------------------------------------------------ Blocks and headers */

typedef struct DECLSPEC_ALIGN(16) EXP_POOL_HEADER {
    struct EXP_POOL_HEADER *HashNext; /* live table chain; its bucket's lock */
    EXP_TAG_SLOT *Slot;
    SIZE_T Size;
    ULONG Tag;
    USHORT PoolType;
    UCHAR Paged;
    UCHAR Offset; /* from the host block to the caller's block, in 16 bytes */
} EXP_POOL_HEADER;
_Static_assert(sizeof(EXP_POOL_HEADER) == 32, "pool header keeps blocks 16-byte aligned");

#define EXP_LIVE_BUCKETS 4096
static struct {
    volatile LONG Lock;
    EXP_POOL_HEADER *Head;
} ExpLive[EXP_LIVE_BUCKETS];

#define EXP_FREED_RING 4096
static struct {
    volatile ULONG_PTR Address;
    volatile ULONG Tag;
} ExpFreed[EXP_FREED_RING];
static volatile ULONG ExpFreedNext;

static ULONG ExpBucket(const void *P)
{
    return (ULONG)((((ULONG_PTR)P >> 4) * 0x9E3779B97F4A7C15ull) >> 52);
}

static BOOLEAN ExpIsPaged(POOL_TYPE Type)
{
    return (Type & 1) != 0; /* PagedPool, PagedPoolCacheAligned and their session forms */
}

PVOID ExpAllocatePoolForCaller(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag, const void *Caller)
{
    PKTHREAD t = KiThread();
    BOOLEAN paged = ExpIsPaged(PoolType);
    if (paged && t->Irql > APC_LEVEL)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x01, t->Irql, PoolType, NumberOfBytes, NULL,
                     "paged pool allocated above APC_LEVEL");
    if (!paged && t->Irql > KiMaxIrql_ExAllocatePoolWithTag)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x02, t->Irql, PoolType, NumberOfBytes, NULL,
                     "nonpaged pool allocated above DISPATCH_LEVEL");

    /* Cache-aligned types get a 64-byte aligned block. */
    SIZE_T align = (PoolType & 4) && (PoolType & 3) != 3 ? 64 : 16;
    SIZE_T offset = align > sizeof(EXP_POOL_HEADER) ? align : sizeof(EXP_POOL_HEADER);
    SIZE_T bytes = NumberOfBytes ? NumberOfBytes : 1; /* a zero-byte request still gets a unique block */
    char *base = NULL;
    if (bytes <= (SIZE_T)-1 / 2 - offset)
        base = ntkhost->mem_alloc(offset + bytes, align);
    if (!base) {
        if ((PoolType & 7) == NonPagedPoolMustSucceed || (PoolType & 7) == NonPagedPoolCacheAlignedMustS)
            KiBugCheckAt(MUST_SUCCEED_POOL_EMPTY, NumberOfBytes, 0, 0, 0, NULL,
                         "a must-succeed pool allocation failed");
        if (PoolType & POOL_RAISE_IF_ALLOCATION_FAILURE)
            ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
        return NULL;
    }
    EXP_POOL_HEADER *h = (EXP_POOL_HEADER *)(base + offset) - 1;
    h->Size = NumberOfBytes;
    h->Tag = Tag;
    h->PoolType = (USHORT)PoolType;
    h->Paged = paged;
    h->Offset = (UCHAR)(offset / 16);
    h->Slot = ExpSlotFor(ExpOwnerFor(Caller), Tag);
    __atomic_add_fetch(&h->Slot->Allocs[paged], 1, __ATOMIC_RELAXED);
    __atomic_add_fetch(&h->Slot->Bytes[paged], (LONG64)NumberOfBytes, __ATOMIC_RELAXED);

    ULONG b = ExpBucket(h + 1);
    ExpSpinLock(&ExpLive[b].Lock);
    h->HashNext = ExpLive[b].Head;
    ExpLive[b].Head = h;
    ExpSpinUnlock(&ExpLive[b].Lock);
    return h + 1;
}

/* Not a live block: one freed lately (a double free) or never one. */
static DECLSPEC_NORETURN void ExpBadFree(PVOID P)
{
    /* Newest first: the address may have been freed (and reused) before. */
    ULONG next = __atomic_load_n(&ExpFreedNext, __ATOMIC_RELAXED);
    for (ULONG n = 1; n <= EXP_FREED_RING; n++) {
        ULONG i = (next - n) % EXP_FREED_RING;
        if (__atomic_load_n(&ExpFreed[i].Address, __ATOMIC_RELAXED) == (ULONG_PTR)P)
            KiBugCheckAt(BAD_POOL_CALLER, 0x07, 0, __atomic_load_n(&ExpFreed[i].Tag, __ATOMIC_RELAXED),
                         (ULONG_PTR)P, NULL, "pool freed twice");
    }
    KiBugCheckAt(BAD_POOL_CALLER, 0x46, (ULONG_PTR)P, 0, 0, NULL,
                 "ExFreePool of an address that no pool allocation returned (or one freed long ago)");
}

VOID ExpFreePoolForCaller(PVOID P, ULONG Tag, const void *Caller)
{
    (void)Caller;
    if (!P)
        KiBugCheckAt(BAD_POOL_CALLER, 0x46, 0, 0, 0, NULL, "ExFreePool of a NULL pointer");
    EXP_POOL_HEADER *want = (EXP_POOL_HEADER *)P - 1, *h;
    ULONG b = ExpBucket(P);
    ExpSpinLock(&ExpLive[b].Lock);
    EXP_POOL_HEADER **link = &ExpLive[b].Head;
    while ((h = *link) && h != want)
        link = &h->HashNext;
    if (!h) {
        ExpSpinUnlock(&ExpLive[b].Lock);
        ExpBadFree(P);
    }
    /* A tag with PROTECTED_POOL must be given back with that tag; 0 (ExFreePool)
     * checks nothing otherwise. */
    if ((Tag || (h->Tag & PROTECTED_POOL)) && h->Tag != Tag)
        KiBugCheckAt(BAD_POOL_CALLER, 0x0A, (ULONG_PTR)P, h->Tag, Tag, NULL,
                     "ExFreePoolWithTag with a tag other than the one allocated with");
    KIRQL irql = KiThread()->Irql;
    if (h->Paged && irql > APC_LEVEL)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x11, irql, h->PoolType, (ULONG_PTR)P, NULL,
                     "paged pool freed above APC_LEVEL");
    if (!h->Paged && irql > KiMaxIrql_ExFreePoolWithTag)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x12, irql, h->PoolType, (ULONG_PTR)P, NULL,
                     "nonpaged pool freed above DISPATCH_LEVEL");
    *link = h->HashNext;
    ExpSpinUnlock(&ExpLive[b].Lock);

    __atomic_add_fetch(&h->Slot->Frees[h->Paged], 1, __ATOMIC_RELAXED);
    __atomic_sub_fetch(&h->Slot->Bytes[h->Paged], (LONG64)h->Size, __ATOMIC_RELAXED);
    ULONG i = __atomic_fetch_add(&ExpFreedNext, 1, __ATOMIC_RELAXED) % EXP_FREED_RING;
    __atomic_store_n(&ExpFreed[i].Tag, h->Tag, __ATOMIC_RELAXED);
    __atomic_store_n(&ExpFreed[i].Address, (ULONG_PTR)P, __ATOMIC_RELAXED);
    ntkhost->mem_free((char *)P - h->Offset * 16);
}

/* ------------------------------------------------------------- Allocators */

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    return ExpAllocatePoolForCaller(PoolType, NumberOfBytes, Tag, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolWithTagPriority(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
                                                          EX_POOL_PRIORITY Priority)
{
    (void)Priority; /* no memory pressure to weigh it against */
    return ExpAllocatePoolForCaller(PoolType, NumberOfBytes, Tag, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes)
{
    return ExpAllocatePoolForCaller(PoolType, NumberOfBytes, 'enoN', __builtin_return_address(0));
}

static PVOID ExpAllocateZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag, const void *Caller)
{
    PVOID p = ExpAllocatePoolForCaller(PoolType, NumberOfBytes, Tag, Caller);
    if (p)
        memset(p, 0, NumberOfBytes);
    return p;
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    return ExpAllocateZero(PoolType, NumberOfBytes, Tag, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolUninitialized(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    return ExpAllocatePoolForCaller(PoolType, NumberOfBytes, Tag, __builtin_return_address(0));
}

/* Quota: one process, nothing to charge; what remains is the failure
 * behaviour: raise unless POOL_QUOTA_FAIL_INSTEAD_OF_RAISE. */
static PVOID ExpAllocateQuota(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag, BOOLEAN Zero, const void *Caller)
{
    if (PoolType & POOL_QUOTA_FAIL_INSTEAD_OF_RAISE)
        PoolType &= ~(POOL_QUOTA_FAIL_INSTEAD_OF_RAISE | POOL_RAISE_IF_ALLOCATION_FAILURE);
    else
        PoolType |= POOL_RAISE_IF_ALLOCATION_FAILURE;
    return Zero ? ExpAllocateZero(PoolType, NumberOfBytes, Tag, Caller)
                : ExpAllocatePoolForCaller(PoolType, NumberOfBytes, Tag, Caller);
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolWithQuotaTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    return ExpAllocateQuota(PoolType, NumberOfBytes, Tag, FALSE, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolWithQuota(POOL_TYPE PoolType, SIZE_T NumberOfBytes)
{
    return ExpAllocateQuota(PoolType, NumberOfBytes, 'enoN', FALSE, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolQuotaZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    return ExpAllocateQuota(PoolType, NumberOfBytes, Tag, TRUE, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePoolQuotaUninitialized(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    return ExpAllocateQuota(PoolType, NumberOfBytes, Tag, FALSE, __builtin_return_address(0));
}

/* POOL_FLAGS: exactly one pool kind, no unknown required bit (the high 32
 * bits are optional and ignored). FALSE: the call fails. */
static BOOLEAN ExpPoolTypeFromFlags(POOL_FLAGS Flags, POOL_TYPE *Type)
{
    const POOL_FLAGS known = POOL_FLAG_USE_QUOTA | POOL_FLAG_UNINITIALIZED | POOL_FLAG_SESSION |
                             POOL_FLAG_CACHE_ALIGNED | POOL_FLAG_RAISE_ON_FAILURE | POOL_FLAG_NON_PAGED |
                             POOL_FLAG_NON_PAGED_EXECUTE | POOL_FLAG_PAGED;
    POOL_FLAGS required = Flags & 0xFFFFFFFFull;
    if (required & ~known)
        return FALSE;
    POOL_FLAGS kind = Flags & (POOL_FLAG_NON_PAGED | POOL_FLAG_NON_PAGED_EXECUTE | POOL_FLAG_PAGED);
    int t;
    if (kind == POOL_FLAG_NON_PAGED)
        t = NonPagedPoolNx;
    else if (kind == POOL_FLAG_NON_PAGED_EXECUTE)
        t = NonPagedPool;
    else if (kind == POOL_FLAG_PAGED)
        t = PagedPool;
    else
        return FALSE;
    if (Flags & POOL_FLAG_CACHE_ALIGNED)
        t += 4;
    if (Flags & POOL_FLAG_SESSION)
        t += 32;
    *Type = (POOL_TYPE)t;
    return TRUE;
}

static PVOID ExpAllocate2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag, const void *Caller)
{
    POOL_TYPE type;
    PVOID p = NULL;
    if (Tag != 0 && ExpPoolTypeFromFlags(Flags, &type)) {
        p = ExpAllocatePoolForCaller(type, NumberOfBytes, Tag, Caller);
        if (p && !(Flags & POOL_FLAG_UNINITIALIZED))
            memset(p, 0, NumberOfBytes);
    }
    if (!p && (Flags & POOL_FLAG_RAISE_ON_FAILURE))
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
    return p;
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag)
{
    KI_CHECK_IRQL(ExAllocatePool2);
    return ExpAllocate2(Flags, NumberOfBytes, Tag, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExAllocatePool3(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag,
                                            PCPOOL_EXTENDED_PARAMETER ExtendedParameters,
                                            ULONG ExtendedParametersCount)
{
    KI_CHECK_IRQL(ExAllocatePool3);
    for (ULONG i = 0; i < ExtendedParametersCount; i++) {
        const POOL_EXTENDED_PARAMETER *x = &ExtendedParameters[i];
        switch (x->Type) {
        case PoolExtendedParameterPriority: /* accepted; nothing to weigh it against */
        case PoolExtendedParameterNumaNode: /* one node */
            break;
        default:
            if (x->Optional)
                break;
            /* Secure pool (and unknown types) are not provided: say so. */
            {
                char line[160];
                snprintf(line, sizeof line,
                         "ntk: ExAllocatePool3: extended parameter type %u is not implemented; "
                         "the allocation fails\n",
                         (unsigned)x->Type);
                ntkhost->write_err(line, strlen(line));
            }
            if (Flags & POOL_FLAG_RAISE_ON_FAILURE)
                ExRaiseStatus(STATUS_NOT_IMPLEMENTED);
            return NULL;
        }
    }
    return ExpAllocate2(Flags, NumberOfBytes, Tag, __builtin_return_address(0));
}

/* ------------------------------------------------------------------ Frees */

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExFreePoolWithTag(PVOID P, ULONG Tag)
{
    ExpFreePoolForCaller(P, Tag, __builtin_return_address(0));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExFreePool(PVOID P)
{
    ExpFreePoolForCaller(P, 0, __builtin_return_address(0));
}

/* ------------------------------------------------------ Usage and leaks */

/* A tag as it reads in memory (little-endian: 'kaeL' reads "Leak"). */
static void ExpTagText(ULONG Tag, char out[5])
{
    for (int i = 0; i < 4; i++) {
        unsigned char c = (unsigned char)(Tag >> (8 * i));
        out[i] = (char)(i == 3 ? c & 0x7F : c); /* PROTECTED_POOL is the top bit */
        if ((unsigned char)out[i] < 0x20 || (unsigned char)out[i] > 0x7E)
            out[i] = '?';
    }
    out[4] = 0;
}

void ExpDumpPoolUsage(void (*Line)(const char *Text))
{
    char text[256], tag[5];
    Line(" Tag  Driver              NP-Allocs   NP-Frees  NP-Diff   NP-Bytes"
         "   P-Allocs    P-Frees   P-Diff    P-Bytes");
    for (EXP_POOL_OWNER *o = __atomic_load_n(&ExpOwners, __ATOMIC_ACQUIRE); o; o = o->Next) {
        for (ULONG i = 0; i <= EXP_TAG_SLOTS; i++) {
            EXP_TAG_SLOT *s = i < EXP_TAG_SLOTS ? &o->Slots[i] : &o->Overflow;
            ULONG64 key = __atomic_load_n(&s->Key, __ATOMIC_ACQUIRE);
            LONG64 a[2], f[2], b[2];
            for (int k = 0; k < 2; k++) {
                a[k] = __atomic_load_n(&s->Allocs[k], __ATOMIC_RELAXED);
                f[k] = __atomic_load_n(&s->Frees[k], __ATOMIC_RELAXED);
                b[k] = __atomic_load_n(&s->Bytes[k], __ATOMIC_RELAXED);
            }
            if (!a[0] && !a[1])
                continue;
            if (i < EXP_TAG_SLOTS)
                ExpTagText((ULONG)key, tag);
            else
                strcpy(tag, "*ovf");
            snprintf(text, sizeof text, " %-4s %-18.18s %10lld %10lld %8lld %10lld %10lld %10lld %8lld %10lld", tag,
                     o->Name, (long long)a[0], (long long)f[0], (long long)(a[0] - f[0]), (long long)b[0],
                     (long long)a[1], (long long)f[1], (long long)(a[1] - f[1]), (long long)b[1]);
            Line(text);
        }
    }
}

static void ExpWriteErr(const char *Text)
{
    ntkhost->write_err(Text, strlen(Text));
}

void ExpReportPoolLeaks(PDRIVER_OBJECT DriverObject)
{
    const char *image = LdrpDriverNameForAddress(DriverObject->DriverStart);
    if (!image)
        return;
    EXP_POOL_OWNER *o;
    for (o = __atomic_load_n(&ExpOwners, __ATOMIC_ACQUIRE); o; o = o->Next)
        if (__atomic_load_n(&o->ImageName, __ATOMIC_RELAXED) == image)
            break;
    if (!o)
        return; /* it never allocated */
    /* Detach the record: the image's name goes with the image, and a later
     * driver may be loaded at the same place. */
    __atomic_store_n(&o->ImageName, NULL, __ATOMIC_RELEASE);

    LONG64 count = 0, bytes = 0;
    for (ULONG i = 0; i <= EXP_TAG_SLOTS; i++) {
        EXP_TAG_SLOT *s = i < EXP_TAG_SLOTS ? &o->Slots[i] : &o->Overflow;
        for (int k = 0; k < 2; k++) {
            count += __atomic_load_n(&s->Allocs[k], __ATOMIC_RELAXED) - __atomic_load_n(&s->Frees[k], __ATOMIC_RELAXED);
            bytes += __atomic_load_n(&s->Bytes[k], __ATOMIC_RELAXED);
        }
    }
    if (count <= 0)
        return;
    const char *mode = ntkhost->getenv("NTK_POOL_LEAKS");
    if (mode && !strcmp(mode, "off"))
        return;

    char line[256], tag[5];
    snprintf(line, sizeof line, "ntk: %s unloaded with %lld pool allocation%s (%lld bytes) not freed:\n", o->Name,
             (long long)count, count == 1 ? "" : "s", (long long)bytes);
    ExpWriteErr(line);
    for (ULONG i = 0; i <= EXP_TAG_SLOTS; i++) {
        EXP_TAG_SLOT *s = i < EXP_TAG_SLOTS ? &o->Slots[i] : &o->Overflow;
        LONG64 n = 0, b = 0;
        for (int k = 0; k < 2; k++) {
            n += __atomic_load_n(&s->Allocs[k], __ATOMIC_RELAXED) - __atomic_load_n(&s->Frees[k], __ATOMIC_RELAXED);
            b += __atomic_load_n(&s->Bytes[k], __ATOMIC_RELAXED);
        }
        if (n <= 0)
            continue;
        if (i < EXP_TAG_SLOTS)
            ExpTagText((ULONG)s->Key, tag);
        else
            strcpy(tag, "*ovf");
        snprintf(line, sizeof line, "ntk:   tag '%s': %lld allocation%s, %lld bytes\n", tag, (long long)n,
                 n == 1 ? "" : "s", (long long)b);
        ExpWriteErr(line);
    }
    if (mode && !strcmp(mode, "report"))
        return;
    snprintf(line, sizeof line,
             "%s unloaded without freeing %lld pool allocation%s (NTK_POOL_LEAKS=report reports leaks without a "
             "bug check)",
             o->Name, (long long)count, count == 1 ? "" : "s");
    KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x62, (ULONG_PTR)o->Name, 0, (ULONG_PTR)count, NULL, line);
}
