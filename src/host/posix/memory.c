/*
 * memory.c - host memory: heap blocks, whole pages, and probing whether an
 * address range is mapped (used by the kernel to validate user buffers
 * without faulting).
 */
#define _GNU_SOURCE
#include "posix_core.h"
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

void *ntkhost_posix_mem_alloc(size_t size, size_t alignment)
{
    if (alignment <= 16)
        return malloc(size ? size : 1);
    void *p = NULL;
    return posix_memalign(&p, alignment, size ? size : 1) == 0 ? p : NULL;
}

void ntkhost_posix_mem_free(void *p)
{
    free(p);
}

void *ntkhost_posix_page_alloc(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void ntkhost_posix_page_free(void *p, size_t size)
{
    munmap(p, size);
}

int ntkhost_posix_page_protect(void *p, size_t size, unsigned access)
{
    int prot = ((access & NTKHOST_PAGE_READ) ? PROT_READ : 0) | ((access & NTKHOST_PAGE_WRITE) ? PROT_WRITE : 0);
    return mprotect(p, size, prot) == 0 ? 0 : errno;
}

/* process_vm_readv on our own pid reads through the page tables without
 * raising a signal: EFAULT means unmapped. A write probe reads the bytes and
 * writes them back through process_vm_writev. */
int ntkhost_posix_mem_probe(const void *p, size_t size, int want_write)
{
    if (size == 0)
        return 1;
    uintptr_t start = (uintptr_t)p & ~(uintptr_t)4095;
    uintptr_t end = (uintptr_t)p + size;
    if (end < (uintptr_t)p)
        return 0;
    for (uintptr_t page = start; page < end; page += 4096) {
        unsigned char byte;
        uintptr_t at = page < (uintptr_t)p ? (uintptr_t)p : page;
        struct iovec local = {&byte, 1}, remote = {(void *)at, 1};
        if (syscall(SYS_process_vm_readv, getpid(), &local, 1, &remote, 1, 0) != 1)
            return 0;
        if (want_write && syscall(SYS_process_vm_writev, getpid(), &local, 1, &remote, 1, 0) != 1)
            return 0;
    }
    return 1;
}
