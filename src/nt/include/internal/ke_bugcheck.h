/*
 * ke_bugcheck.h - the kernel's internal bug-check interface (src/nt/ke/bugcheck.c).
 *
 * Every fatal condition ntk detects - a driver's own KeBugCheckEx, a fault
 * inside a driver, a verifier violation, a double IRP completion - ends in
 * one report on standard error in the shape a kernel debugger's
 * "!analyze -v" gives, and then in the end of the process.
 */
#ifndef NTK_INTERNAL_KE_BUGCHECK_H
#define NTK_INTERNAL_KE_BUGCHECK_H

#include <ntdef.h>

/* The public entry points (declared for drivers in wdm.h as well). */
DECLSPEC_NORETURN VOID NTAPI KeBugCheckEx(ULONG BugCheckCode, ULONG_PTR BugCheckParameter1,
                                          ULONG_PTR BugCheckParameter2, ULONG_PTR BugCheckParameter3,
                                          ULONG_PTR BugCheckParameter4);
DECLSPEC_NORETURN VOID NTAPI KeBugCheck(ULONG BugCheckCode);

/*
 * Raises bug check Code with four parameters.
 *
 * TrapPc: the faulting instruction when the bug check comes from a fault
 * (a signal); the printed stack then starts at the frame containing it and
 * the fault-handling frames above it are left out. NULL: the stack starts
 * at the caller of KiBugCheckAt.
 * Detail: an optional line of explanation printed before "Arguments:"
 * (e.g. "IoCompleteRequest called twice for IRP 0x..."); may be NULL.
 *
 * The first bug check in the process wins: another thread raising one
 * while the report is being written blocks forever; a bug check raised by
 * the reporting thread itself (a fault while writing the report) prints a
 * one-line note and ends the process at once.
 */
DECLSPEC_NORETURN VOID KiBugCheckAt(ULONG Code, ULONG_PTR P1, ULONG_PTR P2, ULONG_PTR P3, ULONG_PTR P4,
                                    const void *TrapPc, const char *Detail);

/*
 * Report sections added by other components (IRP tracer, verifier). A
 * reporter is called after the stack, on the bug-checking thread, and
 * writes its section one line at a time through Emit (no newline needed).
 * It must not wait for other threads: they may be stopped in the middle of
 * anything. At most KI_BUGCHECK_MAX_REPORTERS; registering the same
 * reporter twice has no effect, and one beyond the limit is dropped with a
 * note on standard error.
 */
#define KI_BUGCHECK_MAX_REPORTERS 8
typedef void KI_BUGCHECK_EMIT(const char *Line);
typedef void KI_BUGCHECK_REPORTER(KI_BUGCHECK_EMIT *Emit);
void KiRegisterBugCheckReporter(KI_BUGCHECK_REPORTER *Reporter);

/* Symbolic name of a bug-check code ("DRIVER_VERIFIER_DETECTED_VIOLATION"),
 * or NULL for a code Windows does not define. */
const char *KiBugCheckCodeName(ULONG Code);

#endif /* NTK_INTERNAL_KE_BUGCHECK_H */
