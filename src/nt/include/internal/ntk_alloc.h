/*
 * ntk_alloc.h - the kernel's own allocations (not driver pool): thin
 * wrappers over the host so that fault-injection hosts see every one.
 */
#ifndef NTK_INTERNAL_ALLOC_H
#define NTK_INTERNAL_ALLOC_H

#include <host.h>
#include <string.h>

static inline void *KipAlloc(size_t size)
{
    return ntkhost->mem_alloc(size, 16);
}
static inline void *KipAllocZero(size_t size)
{
    void *p = ntkhost->mem_alloc(size, 16);
    if (p)
        memset(p, 0, size);
    return p;
}
static inline void KipFree(void *p)
{
    if (p)
        ntkhost->mem_free(p);
}

#endif
