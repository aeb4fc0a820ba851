/*
 * blockcache.c - per-thread caches of IRPs, system buffers and MDLs with
 * return to the owning thread (internal/ex_cache.h).
 */
#include <internal/ex_cache.h>
#include <internal/ke.h>
#include <internal/ntk_alloc.h>
#include <host.h>

_Static_assert(sizeof(EXP_BLOCK_HEADER) == 32, "block header keeps 16-byte alignment");

typedef struct _EXP_FREE_BLOCK {
    struct _EXP_FREE_BLOCK *Next;
} EXP_FREE_BLOCK;

/* The returned list of a retired cache: returns are freed instead. */
#define EXP_CLOSED ((EXP_FREE_BLOCK *)1)

typedef struct _EXP_BLOCK_LIST {
    EXP_FREE_BLOCK *Head; /* the owner's own list; owner only */
    ULONG Count;
} EXP_BLOCK_LIST;

typedef struct _EXP_THREAD_CACHE {
    EXP_BLOCK_LIST Lists[ExpBlockKinds];
    struct _EXP_THREAD_CACHE *NextCache; /* every cache ever made */
    BOOLEAN Retired;                     /* free for a new thread; ExpCachesLock */
    /* Written by other threads: kept off the owner's cache line. */
    __attribute__((aligned(64))) EXP_FREE_BLOCK *volatile Returned[ExpBlockKinds];
} EXP_THREAD_CACHE;

typedef struct _EXP_KIND_INFO {
    SIZE_T Bytes; /* after the header */
    ULONG Depth;  /* most blocks kept on the owner's list */
} EXP_KIND_INFO;

static const EXP_KIND_INFO ExpKinds[ExpBlockKinds] = {
    [ExpIrpBlock] = {sizeof(IRP) + EXP_CACHED_IRP_STACK * sizeof(IO_STACK_LOCATION), 16},
    [ExpSmallBufferBlock] = {EXP_SMALL_BUFFER, 16},
    [ExpPageBufferBlock] = {EXP_PAGE_BUFFER, 4},
    [ExpMdlBlock] = {sizeof(MDL) + EXP_CACHED_MDL_PAGES * sizeof(PFN_NUMBER), 8},
};

static __thread EXP_THREAD_CACHE *ExpCache __attribute__((tls_model("initial-exec")));

/* Caches are never freed, so a thread returning a block may always touch
 * the owner's cache: if it was retired the return is refused, if it was
 * adopted since the block simply goes to the new owner. */
static EXP_THREAD_CACHE *ExpCaches;
static volatile LONG ExpCachesLock;

static __attribute__((noinline)) EXP_THREAD_CACHE *ExpAdoptCache(void)
{
    EXP_THREAD_CACHE *cache;

    KiAcquireWordLock(&ExpCachesLock);
    for (cache = ExpCaches; cache; cache = cache->NextCache)
        if (cache->Retired)
            break;
    if (cache) {
        cache->Retired = FALSE;
    } else {
        cache = ntkhost->mem_alloc(sizeof *cache, 64);
        if (!cache) {
            KiReleaseWordLock(&ExpCachesLock);
            return NULL;
        }
        memset(cache, 0, sizeof *cache);
        cache->NextCache = ExpCaches;
        ExpCaches = cache;
    }
    KiReleaseWordLock(&ExpCachesLock);
    for (int kind = 0; kind < ExpBlockKinds; kind++) {
        cache->Lists[kind].Head = NULL;
        cache->Lists[kind].Count = 0;
        __atomic_store_n(&cache->Returned[kind], NULL, __ATOMIC_RELEASE);
    }
    ExpCache = cache;
    return cache;
}

/* The owner's list is empty: take over what other threads gave back. */
static EXP_FREE_BLOCK *ExpTakeReturned(EXP_THREAD_CACHE *Cache, EXP_BLOCK_KIND Kind)
{
    EXP_FREE_BLOCK *list = __atomic_exchange_n(&Cache->Returned[Kind], NULL, __ATOMIC_ACQUIRE);
    ULONG count = 0;

    for (EXP_FREE_BLOCK *b = list; b; b = b->Next)
        count++;
    Cache->Lists[Kind].Count = count;
    return list;
}

EXP_BLOCK_HEADER *ExpTakeUncachedBlock(SIZE_T Bytes)
{
    EXP_BLOCK_HEADER *header = KipAlloc(sizeof *header + Bytes);
    if (!header)
        return NULL;
    header->Owner = NULL;
    header->Kind = 0;
    header->Size = Bytes;
    return header;
}

EXP_BLOCK_HEADER *ExpTakeBlock(EXP_BLOCK_KIND Kind, SIZE_T Bytes)
{
    EXP_THREAD_CACHE *cache = ExpCache;
    EXP_BLOCK_HEADER *header;

    if (Bytes > ExpKinds[Kind].Bytes)
        return ExpTakeUncachedBlock(Bytes);
    if (__builtin_expect(cache == NULL, 0)) {
        cache = ExpAdoptCache();
        if (!cache)
            return ExpTakeUncachedBlock(Bytes);
    }
    EXP_BLOCK_LIST *list = &cache->Lists[Kind];
    EXP_FREE_BLOCK *block = list->Head;
    if (!block && __atomic_load_n(&cache->Returned[Kind], __ATOMIC_RELAXED) != NULL)
        block = ExpTakeReturned(cache, Kind);
    if (block) {
        list->Head = block->Next;
        list->Count--;
        header = (EXP_BLOCK_HEADER *)block;
    } else {
        header = KipAlloc(sizeof *header + ExpKinds[Kind].Bytes);
        if (!header)
            return NULL;
    }
    header->Owner = cache;
    header->Kind = (UCHAR)Kind;
    header->Size = Bytes;
    return header;
}

/* Another thread's block: onto its owner's returned list, unless the owner
 * has ended. No ABA: other threads only push, the owner takes the whole
 * list at once. */
static BOOLEAN ExpReturnToOwner(EXP_THREAD_CACHE *Owner, EXP_BLOCK_KIND Kind, EXP_FREE_BLOCK *Block)
{
    EXP_FREE_BLOCK *head = __atomic_load_n(&Owner->Returned[Kind], __ATOMIC_RELAXED);
    do {
        if (head == EXP_CLOSED)
            return FALSE;
        Block->Next = head;
    } while (!__atomic_compare_exchange_n(&Owner->Returned[Kind], &head, Block, TRUE, __ATOMIC_RELEASE,
                                          __ATOMIC_RELAXED));
    return TRUE;
}

void ExpGiveBlock(EXP_BLOCK_HEADER *Header)
{
    EXP_THREAD_CACHE *owner = Header->Owner;
    EXP_BLOCK_KIND kind = (EXP_BLOCK_KIND)Header->Kind;

    if (owner == NULL) {
        KipFree(Header);
        return;
    }
    EXP_FREE_BLOCK *block = (EXP_FREE_BLOCK *)Header;
    if (owner == ExpCache) {
        EXP_BLOCK_LIST *list = &owner->Lists[kind];
        if (list->Count < ExpKinds[kind].Depth) {
            block->Next = list->Head;
            list->Head = block;
            list->Count++;
            return;
        }
    } else if (ExpReturnToOwner(owner, kind, block)) {
        return;
    }
    KipFree(Header);
}

static void ExpFreeList(EXP_FREE_BLOCK *List)
{
    while (List) {
        EXP_FREE_BLOCK *next = List->Next;
        KipFree(List);
        List = next;
    }
}

void ExpRetireThreadCache(void)
{
    EXP_THREAD_CACHE *cache = ExpCache;
    if (!cache)
        return;
    ExpCache = NULL;
    for (int kind = 0; kind < ExpBlockKinds; kind++) {
        ExpFreeList(cache->Lists[kind].Head);
        cache->Lists[kind].Head = NULL;
        cache->Lists[kind].Count = 0;
        ExpFreeList(__atomic_exchange_n(&cache->Returned[kind], EXP_CLOSED, __ATOMIC_ACQUIRE));
    }
    KiAcquireWordLock(&ExpCachesLock);
    cache->Retired = TRUE;
    KiReleaseWordLock(&ExpCachesLock);
}

ULONG ExpCachedBlockCount(EXP_BLOCK_KIND Kind)
{
    return ExpCache ? ExpCache->Lists[Kind].Count : 0;
}

ULONG ExpReturnedBlockCount(EXP_BLOCK_KIND Kind)
{
    ULONG count = 0;
    if (!ExpCache)
        return 0;
    for (EXP_FREE_BLOCK *b = __atomic_load_n(&ExpCache->Returned[Kind], __ATOMIC_ACQUIRE); b && b != EXP_CLOSED;
         b = b->Next)
        count++;
    return count;
}
