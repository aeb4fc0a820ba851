/*
 * assert.c - RtlAssert (ASSERT / NT_ASSERT in DBG builds) and
 * DbgBreakPoint. With no kernel debugger attached, a failed assertion
 * reports as a bug check naming the expression and where it is.
 */
#include <internal/ke.h>
#include <internal/kd.h>
#include <stdio.h>

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlAssert(PVOID VoidFailedAssertion, PVOID VoidFileName, ULONG LineNumber,
                                    PSTR MutableMessage)
{
    char detail[512];
    snprintf(detail, sizeof detail, "Assertion failed: %s%s%s, file %s, line %u", MutableMessage ? MutableMessage : "",
             MutableMessage ? ": " : "", (const char *)VoidFailedAssertion, (const char *)VoidFileName,
             (unsigned)LineNumber);
    KiBugCheckAt(KMODE_EXCEPTION_NOT_HANDLED, (ULONG_PTR)(LONG_PTR)STATUS_BREAKPOINT,
                 (ULONG_PTR)__builtin_return_address(0), 0, 0, NULL, detail);
}

/* @implemented: stops in an attached debugger; with none, a breakpoint is
 * reported. */
DECLSPEC_EXPORT VOID NTAPI DbgBreakPoint(VOID)
{
    KdpBreakPoint(STATUS_BREAKPOINT, __builtin_return_address(0), "DbgBreakPoint with no kernel debugger attached");
}
