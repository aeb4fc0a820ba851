/*
 * posix.h - functions of the POSIX host implementation that the host-ops
 * table (ops.c) refers to but that live in their own files.
 */
#ifndef NTK_HOST_POSIX_H
#define NTK_HOST_POSIX_H

#include <stddef.h>

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

#endif /* NTK_HOST_POSIX_H */
