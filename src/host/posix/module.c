/*
 * module.c - loading driver images (ELF shared objects) with dlopen.
 *
 * RTLD_LOCAL keeps each driver's symbols out of the global scope, so two
 * drivers may both define DriverEntry; RTLD_NOW resolves every import at
 * load time against the kernel library.
 */
#define _GNU_SOURCE
#include "posix_core.h"
#include "posix.h"
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ntkhost_module {
    void *handle;
};

struct ntkhost_module *ntkhost_posix_module_open(const char *path, char *err, size_t errlen)
{
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(err, errlen, "%s", dlerror());
        return NULL;
    }
    struct ntkhost_module *m = malloc(sizeof *m);
    if (!m) {
        dlclose(h);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    m->handle = h;
    ntkhost_posix_modules_changed();
    return m;
}

void *ntkhost_posix_module_symbol(struct ntkhost_module *m, const char *name)
{
    return dlsym(m->handle, name);
}

void ntkhost_posix_module_close(struct ntkhost_module *m)
{
    dlclose(m->handle);
    free(m);
    ntkhost_posix_modules_changed();
}

/* The extent of the module's loaded segments, from its program headers. */
int ntkhost_posix_module_range(struct ntkhost_module *m, uintptr_t *base, size_t *size)
{
    struct link_map *lm = NULL;
    if (dlinfo(m->handle, RTLD_DI_LINKMAP, &lm) != 0 || !lm)
        return 1;
    const ElfW(Ehdr) *eh = (const ElfW(Ehdr) *)lm->l_addr;
    uintptr_t lo = UINTPTR_MAX, hi = 0;
    /* l_addr is the load bias; the ELF header sits at the first PT_LOAD. */
    Dl_info info;
    if (dladdr((void *)lm->l_ld, &info) && info.dli_fbase)
        eh = info.dli_fbase;
    const ElfW(Phdr) *ph = (const ElfW(Phdr) *)((const char *)eh + eh->e_phoff);
    for (int i = 0; i < eh->e_phnum; i++) {
        if (ph[i].p_type != PT_LOAD)
            continue;
        uintptr_t s = lm->l_addr + ph[i].p_vaddr, e = s + ph[i].p_memsz;
        if (s < lo)
            lo = s;
        if (e > hi)
            hi = e;
    }
    if (hi <= lo)
        return 1;
    *base = lo;
    *size = hi - lo;
    return 0;
}

const char *ntkhost_posix_symbol_origin(const char *name)
{
    void *addr = dlsym(RTLD_DEFAULT, name);
    if (!addr)
        return NULL;
    Dl_info info;
    if (!dladdr(addr, &info) || !info.dli_fname)
        return "";
    return info.dli_fname;
}

const char *ntkhost_posix_object_of_address(const void *addr)
{
    Dl_info info;
    if (!dladdr(addr, &info) || !info.dli_fname)
        return NULL;
    return info.dli_fname;
}
