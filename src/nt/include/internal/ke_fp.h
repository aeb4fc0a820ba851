/*
 * ke_fp.h - the floating-point control check around driver routines
 * (src/nt/ke/fpstate.c).
 *
 * Windows requires a driver routine to return with the floating-point
 * control state it was entered with (the x64 calling convention makes
 * MXCSR's control bits and the x87 control word callee-saved). ntk's
 * drivers share the thread with the application, so a routine that
 * changes, say, the SSE rounding mode and does not restore it would
 * silently change every later computation of the application.
 *
 * Each place the kernel calls a driver routine (dispatch routines,
 * completion routines, work items, DPCs, StartIo and cancel routines)
 * brackets the call with a guard (KiFpGuardEnter/KiFpGuardLeave below).
 *
 * Windows has no bug check for this, so a change is reported as ONE
 * warning line per routine on standard error (naming the routine,
 * symbolized, and the values before and after) and the entered control
 * state is restored. Only control bits are compared: MXCSR's sticky
 * exception flags (bits 0-5) change with ordinary arithmetic and are left
 * as the routine left them.
 */
#ifndef NTK_INTERNAL_KE_FP_H
#define NTK_INTERNAL_KE_FP_H

#include <internal/ke.h>

/* MXCSR bits that are control, not status: DAZ, the exception masks, the
 * rounding control and flush-to-zero. */
#define KI_MXCSR_CONTROL_MASK 0xFFC0u

typedef struct _KI_FP_CONTROL {
    unsigned int Mxcsr;    /* SSE control/status register */
    unsigned short X87Cw;  /* x87 FPU control word */
} KI_FP_CONTROL;

static inline __attribute__((always_inline)) void KiCaptureFpControl(KI_FP_CONTROL *Control)
{
#if defined(__x86_64__) || defined(__i386__)
    __asm__ volatile("stmxcsr %0" : "=m"(Control->Mxcsr));
    __asm__ volatile("fnstcw %0" : "=m"(Control->X87Cw));
#else
    Control->Mxcsr = 0;
    Control->X87Cw = 0;
#endif
}

/* The slow path: reports (once per Routine) and restores Entered. */
void KiFpControlChanged(const KI_FP_CONTROL *Entered, const KI_FP_CONTROL *Now, const void *Routine,
                        const char *What) __attribute__((cold, noinline));

/* After a driver routine returns: Entered is what KiCaptureFpControl saw
 * before the call, Routine the routine's address, What its kind
 * ("dispatch routine", "completion routine", "work item", "DPC", ...). */
static inline __attribute__((always_inline)) void KiCheckFpControl(const KI_FP_CONTROL *Entered,
                                                                   const void *Routine, const char *What)
{
    KI_FP_CONTROL now;

    KiCaptureFpControl(&now);
    if (__builtin_expect(((now.Mxcsr ^ Entered->Mxcsr) & KI_MXCSR_CONTROL_MASK) != 0 ||
                             now.X87Cw != Entered->X87Cw,
                         0))
        KiFpControlChanged(Entered, &now, Routine, What);
}

/* The guard around every driver routine ntk calls (dispatch, completion,
 * DPC, StartIo, cancel, work item):
 *
 *     KI_FP_GUARD guard;
 *     KiFpGuardEnter(thread, &guard);
 *     status = routine(...);
 *     KiFpGuardLeave(thread, &guard, (const void *)routine, "dispatch routine");
 *
 * Reading MXCSR costs a few ns (stmxcsr is slow on some processors), too
 * much to pay twice per layer of a deep device stack. So by default only
 * the outermost guarded routine on a thread is checked: a filter's
 * dispatch routine that calls IoCallDriver runs the lower drivers' guards
 * nested inside its own, and a change anywhere inside shows when the
 * outermost one returns. When it does and nested routines ran, the report
 * names the outermost routine and says the change may come from a routine
 * that ran inside it, and from then on every routine is checked, so that
 * the next change names its routine exactly. NTK_FP_CHECK=every checks every routine from
 * the start; NTK_FP_CHECK=off not at all.
 *
 * Guards are linked per thread through the stack. A guard skipped by an
 * unwind (an exception handled above it) is dropped by the next Enter: its
 * frame lies below the new one's. */
typedef enum _KI_FP_GUARD_MODE {
    KiFpGuardOff = 0,
    KiFpGuardOutermost = 1, /* the default */
    KiFpGuardEvery = 2,
} KI_FP_GUARD_MODE;

extern int KiFpGuardMode;

typedef struct _KI_FP_GUARD {
    KI_FP_CONTROL Entered;      /* valid when Checked */
    BOOLEAN Checked;
    ULONG Serial;               /* the thread's guard count after this Enter */
    const void *Frame;          /* the guarded call's stack frame */
    struct _KI_FP_GUARD *Outer; /* the guard this one runs inside, or NULL */
} KI_FP_GUARD;

static inline __attribute__((always_inline)) void KiFpGuardEnter(PKTHREAD Thread, KI_FP_GUARD *Guard)
{
    int mode = __atomic_load_n(&KiFpGuardMode, __ATOMIC_RELAXED);
    if (__builtin_expect(mode == KiFpGuardOff, 0))
        return;
    const void *frame = __builtin_frame_address(0);
    KI_FP_GUARD *outer = Thread->FpGuard;
    while (__builtin_expect(outer != NULL && (uintptr_t)outer->Frame <= (uintptr_t)frame, 0))
        outer = outer->Outer; /* left by an unwind */
    Guard->Frame = frame;
    Guard->Outer = outer;
    Guard->Serial = ++Thread->FpGuardSerial;
    Thread->FpGuard = Guard;
    Guard->Checked = outer == NULL || mode == KiFpGuardEvery;
    if (Guard->Checked)
        KiCaptureFpControl(&Guard->Entered);
}

/* The outermost guard's routine ran others inside it: a change it sees
 * may be theirs. Reports, switches to checking every routine, restores. */
void KiFpControlChangedWithin(const KI_FP_CONTROL *Entered, const KI_FP_CONTROL *Now, const void *Routine,
                              const char *What) __attribute__((cold, noinline));

static inline __attribute__((always_inline)) void KiFpGuardLeave(PKTHREAD Thread, KI_FP_GUARD *Guard,
                                                                 const void *Routine, const char *What)
{
    int mode = __atomic_load_n(&KiFpGuardMode, __ATOMIC_RELAXED);
    if (__builtin_expect(mode == KiFpGuardOff, 0))
        return;
    Thread->FpGuard = Guard->Outer;
    if (!Guard->Checked)
        return;
    KI_FP_CONTROL now;
    KiCaptureFpControl(&now);
    if (__builtin_expect(((now.Mxcsr ^ Guard->Entered.Mxcsr) & KI_MXCSR_CONTROL_MASK) != 0 ||
                             now.X87Cw != Guard->Entered.X87Cw,
                         0)) {
        if (Thread->FpGuardSerial != Guard->Serial && mode != KiFpGuardEvery)
            KiFpControlChangedWithin(&Guard->Entered, &now, Routine, What);
        else
            KiFpControlChanged(&Guard->Entered, &now, Routine, What);
    }
}

/* Routines reported so far (tests). */
unsigned long KiFpControlReportCount(void);

#endif /* NTK_INTERNAL_KE_FP_H */
