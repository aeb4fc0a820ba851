/*
 * kd.h - the kernel debugger's output side (src/nt/kd): DbgPrint & co. and
 * the debug output sink every kernel component may write to.
 *
 * Debug output goes to one sink, chosen once (on first use) from the
 * environment variable NTK_DEBUG_OUTPUT:
 *   unset or "stderr"  standard error (the host's write_err)
 *   "off"              discarded
 *   anything else      appended to that file (through the host's debug_write
 *                      op; see dbgprint.c)
 * Each KdpWriteDebugOutput call reaches the sink as one write, so lines of
 * concurrent callers do not interleave. Bug-check reports do not use it:
 * they must reach standard error whatever NTK_DEBUG_OUTPUT says.
 *
 * The exported DbgPrint family is declared by wdm.h for drivers; the
 * declarations here are for ntk's own sources and must match it.
 */
#ifndef NTK_INTERNAL_KD_H
#define NTK_INTERNAL_KD_H

#include <ntdef.h>
#include <stdarg.h>
#include <stddef.h>

/* One DbgPrint transmits at most this many bytes, as on Windows; longer
 * output is cut and its last byte made a newline. */
#define KDP_MAX_DEBUG_PRINT 512

/* Writes Length bytes of Text to the debug output sink as one unit. */
void KdpWriteDebugOutput(const char *Text, size_t Length);

/* Chooses the sink again from NTK_DEBUG_OUTPUT (tests change it between
 * cases; nothing else needs to). */
void KdpReinitializeDebugOutput(void);

/* The Debug Print Filter (kd/filter.c): TRUE if a message of ComponentId
 * at Level is shown. Plain DbgPrint is DPFLTR_DEFAULT_ID at
 * DPFLTR_INFO_LEVEL, as on Windows Vista and later. */
BOOLEAN KdpIsPrintEnabled(ULONG ComponentId, ULONG Level);

/* Reads NTK_DEBUG_FILTER again and resets every mask from it (tests). */
void KdpReinitializeDebugFilter(void);

/* A breakpoint (kd/debugger.c): stops in an attached debugger; with none,
 * a bug check KMODE_EXCEPTION_NOT_HANDLED (STATUS_BREAKPOINT) naming
 * Caller and What. */
void KdpBreakPoint(ULONG Status, const void *Caller, const char *What);

DECLSPEC_EXPORT ULONG __cdecl DbgPrint(PCSTR Format, ...);
DECLSPEC_EXPORT ULONG __cdecl DbgPrintEx(ULONG ComponentId, ULONG Level, PCSTR Format, ...);
DECLSPEC_EXPORT ULONG NTAPI vDbgPrintEx(ULONG ComponentId, ULONG Level, PCCH Format, va_list arglist);
DECLSPEC_EXPORT ULONG NTAPI vDbgPrintExWithPrefix(PCCH Prefix, ULONG ComponentId, ULONG Level, PCCH Format,
                                                  va_list arglist);
DECLSPEC_EXPORT ULONG __cdecl DbgPrintReturnControlC(PCCH Format, ...);
DECLSPEC_EXPORT NTSTATUS NTAPI DbgQueryDebugFilterState(ULONG ComponentId, ULONG Level);
DECLSPEC_EXPORT NTSTATUS NTAPI DbgSetDebugFilterState(ULONG ComponentId, ULONG Level, BOOLEAN State);
DECLSPEC_EXPORT VOID NTAPI DbgBreakPointWithStatus(ULONG Status);
DECLSPEC_EXPORT BOOLEAN NTAPI KdRefreshDebuggerNotPresent(VOID);

#endif /* NTK_INTERNAL_KD_H */
