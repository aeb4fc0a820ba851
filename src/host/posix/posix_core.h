/*
 * posix_core.h - the POSIX host's entry points (one file per concern under
 * src/host/posix), gathered into the table in ops.c.
 */
#ifndef NTK_HOST_POSIX_CORE_H
#define NTK_HOST_POSIX_CORE_H

#include "host.h"

void *ntkhost_posix_mem_alloc(size_t size, size_t alignment);
void ntkhost_posix_mem_free(void *p);
void *ntkhost_posix_page_alloc(size_t size);
void ntkhost_posix_page_free(void *p, size_t size);
int ntkhost_posix_page_protect(void *p, size_t size, unsigned access);
int ntkhost_posix_mem_probe(const void *p, size_t size, int want_write);

int ntkhost_posix_thread_create(ntkhost_thread_fn *fn, void *arg, struct ntkhost_thread **out);
int ntkhost_posix_thread_join(struct ntkhost_thread *t);
void ntkhost_posix_thread_yield(void);
void ntkhost_posix_thread_exit_notify(void (*fn)(void *arg), void *arg);
unsigned long ntkhost_posix_thread_id(void);
void ntkhost_posix_thread_prepare_faults(void);
unsigned ntkhost_posix_cpu_count(void);
unsigned ntkhost_posix_cpu_current(void);

int ntkhost_posix_park(volatile int32_t *addr, int32_t expected, int64_t timeout_ns);
void ntkhost_posix_unpark(volatile int32_t *addr, int count);

int64_t ntkhost_posix_monotonic_ns(void);
int64_t ntkhost_posix_realtime_ns(void);
void ntkhost_posix_sleep_ns(int64_t ns);

struct ntkhost_module *ntkhost_posix_module_open(const char *path, char *err, size_t errlen);
void *ntkhost_posix_module_symbol(struct ntkhost_module *m, const char *name);
void ntkhost_posix_module_close(struct ntkhost_module *m);
int ntkhost_posix_module_range(struct ntkhost_module *m, uintptr_t *base, size_t *size);
const char *ntkhost_posix_symbol_origin(const char *name);
const char *ntkhost_posix_object_of_address(const void *addr);

void ntkhost_posix_fault_handler_install(ntkhost_fault_fn *fn);
void ntkhost_posix_write_err(const char *s, size_t len);
void ntkhost_posix_debug_write(const char *s, size_t len);
const char *ntkhost_posix_getenv(const char *name);
__attribute__((noreturn)) void ntkhost_posix_exit_process(int status);
__attribute__((noreturn)) void ntkhost_posix_abort_process(void);
int ntkhost_posix_file_read_all(const char *path, void **data, size_t *size);
int ntkhost_posix_debugger_attached(void);
void ntkhost_posix_debug_break(void);

/* regstore.c: the registry's SQLite store (also linked into the ntk tool). */
int ntkhost_posix_reg_open(const char *path, struct ntkhost_regstore **out);
void ntkhost_posix_reg_close(struct ntkhost_regstore *store);
int ntkhost_posix_reg_load(struct ntkhost_regstore *store, ntkhost_reg_key_fn *key_fn,
                           ntkhost_reg_value_fn *value_fn, void *ctx);
int ntkhost_posix_reg_add_key(struct ntkhost_regstore *store, int64_t parent, const char *name, const void *cls,
                              size_t cls_size, int64_t last_write, int64_t *id);
int ntkhost_posix_reg_delete_key(struct ntkhost_regstore *store, int64_t id);
int ntkhost_posix_reg_set_value(struct ntkhost_regstore *store, int64_t key, const char *name, uint32_t type,
                                const void *data, size_t size, int64_t last_write);
int ntkhost_posix_reg_delete_value(struct ntkhost_regstore *store, int64_t key, const char *name,
                                   int64_t last_write);

#endif
