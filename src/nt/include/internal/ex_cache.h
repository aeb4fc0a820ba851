/*
 * ex_cache.h - per-thread caches of the I/O path's fixed-size blocks
 * (src/nt/ex/blockcache.c): IRPs, small system buffers, MDLs.
 *
 * The I/O fast path must not take a lock or call malloc. Each thread keeps
 * a short free list per kind of block. Every block carries a header naming
 * the thread cache it was taken from: a block freed on that thread goes
 * back to its list, a block freed on another thread (an IRP completed by a
 * DPC or a worker thread) is pushed, lock-free, onto its owner's list of
 * returned blocks, which the owner takes over when its own list runs dry.
 * So a thread that issues requests completed elsewhere keeps reusing its
 * own blocks instead of allocating while the completing thread frees.
 *
 * A thread's cache outlives the thread: at thread exit its blocks are
 * freed, its returned list is closed (later returns are freed instead) and
 * the cache is kept for the next thread to adopt.
 */
#ifndef NTK_INTERNAL_EX_CACHE_H
#define NTK_INTERNAL_EX_CACHE_H

#include <wdm.h>

typedef enum _EXP_BLOCK_KIND {
    ExpIrpBlock,         /* an IRP with room for EXP_CACHED_IRP_STACK locations */
    ExpSmallBufferBlock, /* a system buffer of up to EXP_SMALL_BUFFER bytes */
    ExpPageBufferBlock,  /* a system buffer of up to EXP_PAGE_BUFFER bytes */
    ExpMdlBlock,         /* an MDL for up to EXP_CACHED_MDL_PAGES pages */
    ExpBlockKinds
} EXP_BLOCK_KIND;

#define EXP_CACHED_IRP_STACK 8
#define EXP_SMALL_BUFFER 512
#define EXP_PAGE_BUFFER 4096
#define EXP_CACHED_MDL_PAGES 17 /* 64 KiB at any offset in its first page */

struct _EXP_THREAD_CACHE;

/* Precedes every block handed out here; 32 bytes, so what follows keeps
 * the 16-byte alignment of the allocation. */
typedef struct _EXP_BLOCK_HEADER {
    struct _EXP_THREAD_CACHE *Owner; /* NULL: not cached, freed when given back */
    UCHAR Kind;                      /* EXP_BLOCK_KIND when Owner is set */
    SIZE_T Size;                     /* bytes after the header (system buffers) */
    SIZE_T CopyLimit;                /* system buffers: the most that may be copied back */
} EXP_BLOCK_HEADER;

/* A block of Kind from the calling thread's cache, or a fresh one when the
 * cache is empty; Bytes is what the caller needs after the header and must
 * fit the kind's size (a larger request takes an uncached block). Returns
 * the header (the caller's memory follows it) or NULL when out of memory. */
EXP_BLOCK_HEADER *ExpTakeBlock(EXP_BLOCK_KIND Kind, SIZE_T Bytes);

/* An uncached block of Bytes after the header (Owner NULL). */
EXP_BLOCK_HEADER *ExpTakeUncachedBlock(SIZE_T Bytes);

/* Gives a block back: to the calling thread's list, to its owner's
 * returned list, or to the allocator. */
void ExpGiveBlock(EXP_BLOCK_HEADER *Header);

/* Thread exit: frees the calling thread's cached blocks and retires its
 * cache for a later thread. */
void ExpRetireThreadCache(void);

/* Tests: blocks of Kind on the calling thread's own list and on its
 * returned list. */
ULONG ExpCachedBlockCount(EXP_BLOCK_KIND Kind);
ULONG ExpReturnedBlockCount(EXP_BLOCK_KIND Kind);

#endif /* NTK_INTERNAL_EX_CACHE_H */
