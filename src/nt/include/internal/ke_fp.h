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
 * completion routines, work items, DPCs, timers) brackets the call:
 *
 *     KI_FP_CONTROL fp;
 *     KiCaptureFpControl(&fp);
 *     status = routine(...);
 *     KiCheckFpControl(&fp, (const void *)routine, "dispatch routine");
 *
 * Windows has no bug check for this, so a change is reported as ONE
 * warning line per routine on standard error (naming the routine,
 * symbolized, and the values before and after) and the entered control
 * state is restored. Only control bits are compared: MXCSR's sticky
 * exception flags (bits 0-5) change with ordinary arithmetic and are left
 * as the routine left them. Cost on the fast path: one stmxcsr and one
 * fnstcw before and after, and a compare.
 */
#ifndef NTK_INTERNAL_KE_FP_H
#define NTK_INTERNAL_KE_FP_H

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
 * DPC, StartIo, cancel, work item). NTK_FP_CHECK=off turns it off: reading
 * MXCSR costs a few ns, which the benchmarks of deep stacks notice. */
extern int KiFpGuardEnabled;

static inline __attribute__((always_inline)) void KiFpGuardEnter(KI_FP_CONTROL *Control)
{
    if (__builtin_expect(KiFpGuardEnabled, 1))
        KiCaptureFpControl(Control);
}

static inline __attribute__((always_inline)) void KiFpGuardLeave(const KI_FP_CONTROL *Entered, const void *Routine,
                                                                 const char *What)
{
    if (__builtin_expect(KiFpGuardEnabled, 1))
        KiCheckFpControl(Entered, Routine, What);
}

/* Routines reported so far (tests). */
unsigned long KiFpControlReportCount(void);

#endif /* NTK_INTERNAL_KE_FP_H */
