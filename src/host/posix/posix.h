/*
 * posix.h - functions of the POSIX host implementation that the host-ops
 * table (ops.c) refers to but that live in their own files.
 */
#ifndef NTK_HOST_POSIX_H
#define NTK_HOST_POSIX_H

#include <stddef.h>
#include <stdint.h>

/* backtrace.c: stack walking and symbolization for bug-check reports. */

/* Prepares the stack walker and the symbolizer while the process is still
 * healthy: loads the unwinder library and reads the module list once, so a
 * later call from a fault handler does not have to. Idempotent; calling it
 * is optional but recommended at host start-up. */
void ntkhost_posix_backtrace_init(void);

/* Return addresses of the caller's stack, innermost first, at most max.
 * Works from a signal handler on an alternate stack: the walk goes through
 * the signal frame, and the entry for the interrupted frame is the exact
 * instruction that was executing (not a return address). */
int ntkhost_posix_backtrace(void **pcs, int max);

/* Formats pc as "module!function+0xoff (file.c:line)", falling back to
 * "module!function+0xoff" without line information, "module+0xoff" without
 * a symbol and "0x<16 hex digits>" outside any module. module is the file
 * name without its extension ("example" for example.sys; the ntk runtime,
 * libntk.so, reads "ntk"). pc is looked up as given: to name the call site
 * of a return address, pass the return address minus one. Always
 * NUL-terminates buf when len > 0. */
void ntkhost_posix_symbolize(void *pc, char *buf, size_t len);

/* Tells the symbolizer that modules were loaded or unloaded (call after a
 * successful dlopen or dlclose), so that its module list is read again
 * before the next lookup. Without it a lookup still finds modules mapped
 * since the last reading, but may name an unloaded one. Cheap; any thread. */
void ntkhost_posix_modules_changed(void);

/* files.c: ordinary files, the current directory, the program's path;
 * control.c: the control socket. (See host.h.) */
struct ntkhost_file_info;
int ntkhost_posix_file_open(const char *path, unsigned flags, intptr_t *handle);
int ntkhost_posix_file_close(intptr_t handle);
int ntkhost_posix_file_pread(intptr_t handle, void *buf, size_t len, uint64_t offset, size_t *done);
int ntkhost_posix_file_pwrite(intptr_t handle, const void *buf, size_t len, uint64_t offset, size_t *done);
int ntkhost_posix_file_truncate(intptr_t handle, uint64_t size);
int ntkhost_posix_file_info(intptr_t handle, const char *path, struct ntkhost_file_info *info);
int ntkhost_posix_file_remove(const char *path);
int ntkhost_posix_dir_find_nocase(const char *dir, const char *name, char *out, size_t len);
int ntkhost_posix_cwd_get(char *buf, size_t len);
int ntkhost_posix_cwd_set(const char *path);
int ntkhost_posix_program_path(char *buf, size_t len);
int ntkhost_posix_control_listen(const char *path, void (*fn)(void *, const char *, size_t, void *), void *ctx);
void ntkhost_posix_control_reply(void *conn, const char *s, size_t len);

#endif /* NTK_HOST_POSIX_H */
