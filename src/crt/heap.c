/*
 * heap.c - the MS allocation extras of <malloc.h> (declared in
 * include/shared/malloc.h): _aligned_malloc/_aligned_free on
 * posix_memalign, _malloca/_freea always on the heap.
 */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>

#include "crt_internal.h"

NTK_CRTIMP void *_aligned_malloc(size_t size, size_t alignment)
{
    void *block = NULL;
    int error;

    if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
        CrtpInvalidParameter("_aligned_malloc", "alignment is not a power of two");
        errno = EINVAL;
        return NULL;
    }
    /* posix_memalign wants a multiple of sizeof(void *). */
    if (alignment < sizeof(void *))
        alignment = sizeof(void *);
    error = posix_memalign(&block, alignment, size != 0 ? size : 1);
    if (error != 0) {
        errno = error;
        return NULL;
    }
    return block;
}

NTK_CRTIMP void _aligned_free(void *block)
{
    free(block);
}

NTK_CRTIMP void *_malloca(size_t size)
{
    return malloc(size != 0 ? size : 1);
}

NTK_CRTIMP void _freea(void *block)
{
    free(block);
}
