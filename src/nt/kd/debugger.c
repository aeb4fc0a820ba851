/*
 * debugger.c - the kernel debugger's presence and breakpoints:
 * KdDebuggerEnabled / KdDebuggerNotPresent (KD_DEBUGGER_ENABLED /
 * KD_DEBUGGER_NOT_PRESENT), KdRefreshDebuggerNotPresent,
 * DbgBreakPointWithStatus, and KdpBreakPoint for DbgBreakPoint.
 *
 * ntk's kernel debugger is a debugger tracing the process (gdb, lldb),
 * asked of the host (debugger_attached). The variables are set when the
 * kernel library is loaded and again by KdRefreshDebuggerNotPresent and
 * by every breakpoint. A breakpoint with a debugger attached stops in it
 * (the host's debug_break) and returns when it continues; with none it is
 * what Windows does without a kernel debugger: bug check
 * KMODE_EXCEPTION_NOT_HANDLED with STATUS_BREAKPOINT.
 */
#include <host.h>
#include <ntstatus.h>
#include <internal/ke.h>
#include <internal/kd.h>

/* @implemented */
DECLSPEC_EXPORT BOOLEAN KdDebuggerEnabled = FALSE;
/* @implemented */
DECLSPEC_EXPORT BOOLEAN KdDebuggerNotPresent = TRUE;

static BOOLEAN KdpQueryDebugger(void)
{
    BOOLEAN present = ntkhost->debugger_attached != NULL && ntkhost->debugger_attached() != 0;

    __atomic_store_n(&KdDebuggerEnabled, present, __ATOMIC_RELAXED);
    __atomic_store_n(&KdDebuggerNotPresent, !present, __ATOMIC_RELAXED);
    return present;
}

/* At load, so that a driver reading the variables in DriverEntry sees them. */
__attribute__((constructor)) static void KdpInitializeDebugger(void)
{
    KdpQueryDebugger();
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KdRefreshDebuggerNotPresent(VOID)
{
    return !KdpQueryDebugger();
}

void KdpBreakPoint(ULONG Status, const void *Caller, const char *What)
{
    if (KdpQueryDebugger() && ntkhost->debug_break != NULL) {
        ntkhost->debug_break();
        return;
    }
    KiBugCheckAt(KMODE_EXCEPTION_NOT_HANDLED, (ULONG_PTR)(LONG_PTR)STATUS_BREAKPOINT, (ULONG_PTR)Caller, Status, 0,
                 NULL, What);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI DbgBreakPointWithStatus(ULONG Status)
{
    KdpBreakPoint(Status, __builtin_return_address(0), "DbgBreakPointWithStatus with no kernel debugger attached");
}
