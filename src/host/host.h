/*
 * host.h - the seam between ntk's portable NT core and the host OS.
 *
 * Everything the core needs from Linux goes through one versioned table of
 * function pointers, `ntkhost`. Only src/host/ includes POSIX or Linux
 * headers; the core includes this file and nothing of the host's.
 * Tests may install another table (for example one that fails the Nth
 * allocation) with ntkhost_set_ops() before the kernel boots.
 *
 * Conventions: calls returning int return 0 or a positive errno value;
 * void calls cannot fail. No call here may be made while holding a
 * spin lock if it can block (documented per call).
 */
#ifndef NTK_HOST_H
#define NTK_HOST_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

#define NTKHOST_VERSION 1

/* A memory fault, division fault or illegal instruction delivered to the
 * current thread. The callback runs on the thread's signal stack; it may
 * not return (it transfers control to an exception handler) or it returns
 * to let the host apply the default action (crash). */
enum ntkhost_fault_kind {
    NTKHOST_FAULT_ACCESS = 1,   /* invalid memory access */
    NTKHOST_FAULT_MISALIGNED,   /* bus error */
    NTKHOST_FAULT_INT_DIVIDE,   /* integer divide by zero */
    NTKHOST_FAULT_INT_OVERFLOW, /* integer overflow trap */
    NTKHOST_FAULT_FLOAT,        /* floating-point exception */
    NTKHOST_FAULT_ILLEGAL,      /* illegal instruction */
    NTKHOST_FAULT_STACK,        /* stack overflow (fault on a guard page) */
};

struct ntkhost_fault {
    enum ntkhost_fault_kind kind;
    void *address;  /* faulting data address (access faults) */
    void *pc;       /* instruction that faulted */
    int is_write;   /* 1 for a write access, 0 for read, -1 if unknown */
};

typedef void ntkhost_fault_fn(const struct ntkhost_fault *fault);
typedef void ntkhost_thread_fn(void *arg);

/* file_open flags */
#define NTKHOST_OPEN_READ 1u
#define NTKHOST_OPEN_WRITE 2u
#define NTKHOST_OPEN_CREATE 4u    /* create if missing */
#define NTKHOST_OPEN_EXCL 8u      /* with CREATE: fail with EEXIST if present */
#define NTKHOST_OPEN_TRUNC 16u
#define NTKHOST_OPEN_DIRECTORY 32u /* a directory may be opened (read-only) */

struct ntkhost_file_info {
    uint64_t size;
    int is_directory;
    int read_only;       /* no write permission for the owner */
    int64_t mtime_ns, atime_ns, ctime_ns; /* since 1970-01-01 UTC */
};

typedef void ntkhost_control_fn(void *ctx, const char *request, size_t len, void *conn);

#define NTKHOST_PAGE_READ 1u
#define NTKHOST_PAGE_WRITE 2u

struct ntkhost_module; /* a loaded shared object */
struct ntkhost_thread; /* a host thread */
struct ntkhost_regstore; /* an open registry store */

/* Callbacks of reg_load; a non-zero return stops the load with that value. */
typedef int ntkhost_reg_key_fn(void *ctx, int64_t id, int64_t parent, const char *name, const void *cls,
                               size_t cls_size, int64_t last_write);
typedef int ntkhost_reg_value_fn(void *ctx, int64_t key, const char *name, uint32_t type, const void *data,
                                 size_t size);

struct ntkhost_ops {
    unsigned version; /* NTKHOST_VERSION */

    /* Memory. alloc returns NULL on exhaustion; memory is not zeroed. */
    void *(*mem_alloc)(size_t size, size_t alignment);
    void (*mem_free)(void *p);
    /* Whole pages, readable and writable; NULL on failure. */
    void *(*page_alloc)(size_t size);
    void (*page_free)(void *p, size_t size);
    /* Change access to whole pages: NTKHOST_PAGE_* bits; 0 or errno. */
    int (*page_protect)(void *p, size_t size, unsigned access);
    /* 1 if [p, p+size) is mapped and readable (writable if want_write). */
    int (*mem_probe)(const void *p, size_t size, int want_write);

    /* Threads. */
    int (*thread_create)(ntkhost_thread_fn *fn, void *arg, struct ntkhost_thread **out);
    int (*thread_join)(struct ntkhost_thread *t);
    void (*thread_yield)(void);
    unsigned long (*thread_id)(void);
    /* Run fn(arg) when the calling thread exits (once per thread; a later
     * call replaces the earlier one). */
    void (*thread_exit_notify)(void (*fn)(void *arg), void *arg);
    /* Prepare the calling thread to take faults (signal stack). Idempotent. */
    void (*thread_prepare_faults)(void);
    unsigned (*cpu_count)(void);
    unsigned (*cpu_current)(void);

    /* Blocking on a 32-bit word (futex semantics). park sleeps while
     * *addr == expected, for at most timeout_ns (< 0: forever); returns 0
     * when woken or the value differed, ETIMEDOUT on timeout. */
    int (*park)(volatile int32_t *addr, int32_t expected, int64_t timeout_ns);
    void (*unpark)(volatile int32_t *addr, int count);

    /* Time. */
    int64_t (*monotonic_ns)(void);
    int64_t (*realtime_ns)(void); /* since 1970-01-01 UTC */
    void (*sleep_ns)(int64_t ns);

    /* Loadable modules (drivers). open returns NULL and fills err. */
    struct ntkhost_module *(*module_open)(const char *path, char *err, size_t errlen);
    void *(*module_symbol)(struct ntkhost_module *m, const char *name);
    void (*module_close)(struct ntkhost_module *m);
    /* Extent of a loaded module's segments; 0 on success. */
    int (*module_range)(struct ntkhost_module *m, uintptr_t *base, size_t *size);
    /* Where name resolves in the process's global scope: the path of the
     * defining object (never NULL for the main program: "" then), or NULL
     * if nothing defines it. */
    const char *(*symbol_origin)(const char *name);
    /* Path of the loaded object containing addr, or NULL. */
    const char *(*object_of_address)(const void *addr);

    /* Faults. */
    void (*fault_handler_install)(ntkhost_fault_fn *fn);

    /* Diagnostics. */
    void (*write_err)(const char *s, size_t len); /* stderr, unbuffered */
    /* Debug output (DbgPrint) when NTK_DEBUG_OUTPUT names a file: appends
     * one whole message per call. */
    void (*debug_write)(const char *s, size_t len);
    /* Return addresses of the caller's stack, innermost first. */
    int (*backtrace)(void **pcs, int max);
    /* "module!function+0xoff (file:line)" for pc (looked up as given). */
    void (*symbolize)(void *pc, char *buf, size_t len);

    /* Environment and process. */
    const char *(*getenv)(const char *name);
    __attribute__((noreturn)) void (*exit_process)(int status);
    __attribute__((noreturn)) void (*abort_process)(void);

    /* Files (for the loader and registry); read a whole file into a
     * mem_alloc'ed buffer. */
    int (*file_read_all)(const char *path, void **data, size_t *size);

    /* Debuggers. 1 if a debugger traces the process (Linux: TracerPid in
     * /proc/self/status), else 0. debug_break stops in that debugger
     * (SIGTRAP) and returns when it continues. Either may be NULL in a
     * test table: no debugger. */
    int (*debugger_attached)(void);
    void (*debug_break)(void);

    /* The registry's persistent store (src/host/posix/regstore.c, SQLite):
     * one row per key and per value; every call that changes it is one
     * committed transaction, so a crash loses nothing it returned 0 for.
     * Names are UTF-8; value data and key classes are raw bytes. Keys are
     * identified by the store's id; top-level keys have parent 0. Any of
     * these may be NULL in a test table: the registry then lives in memory. */
    int (*reg_open)(const char *path, struct ntkhost_regstore **out);
    void (*reg_close)(struct ntkhost_regstore *store);
    /* Every key (a parent before its children), then every value. */
    int (*reg_load)(struct ntkhost_regstore *store, ntkhost_reg_key_fn *key_fn, ntkhost_reg_value_fn *value_fn,
                    void *ctx);
    int (*reg_add_key)(struct ntkhost_regstore *store, int64_t parent, const char *name, const void *cls,
                       size_t cls_size, int64_t last_write, int64_t *id);
    /* Removes the key, its subkeys and all their values. */
    int (*reg_delete_key)(struct ntkhost_regstore *store, int64_t id);
    /* Creates or replaces a value (name compared exactly) and sets the
     * key's last write time in the same transaction. */
    int (*reg_set_value)(struct ntkhost_regstore *store, int64_t key, const char *name, uint32_t type,
                         const void *data, size_t size, int64_t last_write);
    int (*reg_delete_value)(struct ntkhost_regstore *store, int64_t key, const char *name, int64_t last_write);

    /* Ordinary files, the current directory and the control socket (the
     * host file system behind C:, the current directory of Win32, and the
     * socket `ntk` tools use to reach a running kernel). Paths are the
     * host's, UTF-8. Returns are 0 or an errno value. */
    int (*file_open)(const char *path, unsigned flags, intptr_t *handle); /* NTKHOST_OPEN_* */
    int (*file_close)(intptr_t handle);
    int (*file_pread)(intptr_t handle, void *buf, size_t len, uint64_t offset, size_t *done);
    int (*file_pwrite)(intptr_t handle, const void *buf, size_t len, uint64_t offset, size_t *done);
    int (*file_truncate)(intptr_t handle, uint64_t size);
    /* Of an open file (handle >= 0) or of a path (handle < 0). */
    int (*file_info)(intptr_t handle, const char *path, struct ntkhost_file_info *info);
    int (*file_remove)(const char *path); /* a file or an empty directory */
    /* The one entry of directory dir whose name equals name without regard
     * to ASCII case, copied to out: 0, ENOENT (none) or ENOTUNIQ (several). */
    int (*dir_find_nocase)(const char *dir, const char *name, char *out, size_t len);
    int (*cwd_get)(char *buf, size_t len);
    int (*cwd_set)(const char *path);
    int (*program_path)(char *buf, size_t len); /* the running executable */
    /* Serve a Unix-domain socket at path on a host thread: each connection
     * sends one request (up to its end of stream) and gets fn's replies,
     * written with reply(conn, ...), then the connection is closed. */
    int (*control_listen)(const char *path, ntkhost_control_fn *fn, void *ctx);
    void (*control_reply)(void *conn, const char *s, size_t len);
};

/* The table in use. Never NULL after ntkhost_init(). */
extern const struct ntkhost_ops *ntkhost;

/* The POSIX implementation (src/host/posix). */
extern const struct ntkhost_ops ntkhost_posix_ops;

/* Install a table (tests); returns the previous one. */
const struct ntkhost_ops *ntkhost_set_ops(const struct ntkhost_ops *ops);

#endif /* NTK_HOST_H */
