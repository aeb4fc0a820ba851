/*
 * malloc.h - ntk's <malloc.h>: glibc's, plus the MS allocation extras.
 *
 * _aligned_malloc memory must be released with _aligned_free (glibc's free
 * underneath, so free would also work here, but not on Windows). _malloca
 * always allocates from the heap (what MS's debug CRT does) and _freea
 * releases it. _msize is not provided: glibc cannot report the size that
 * was asked for, only a larger usable size.
 */
#ifndef NTK_MALLOC_H
#define NTK_MALLOC_H

#include <ntk_crt.h>
#include_next <malloc.h>
#include <alloca.h>

#ifndef _INC_MALLOC
#define _INC_MALLOC
#endif

#ifndef _alloca
#define _alloca(size) __builtin_alloca(size)
#endif

/* alignment must be a power of two; NULL and EINVAL otherwise. */
NTK_CRTIMP void *_aligned_malloc(size_t size, size_t alignment);
NTK_CRTIMP void _aligned_free(void *block);
NTK_CRTIMP void *_malloca(size_t size);
NTK_CRTIMP void _freea(void *block);

#endif /* NTK_MALLOC_H */
