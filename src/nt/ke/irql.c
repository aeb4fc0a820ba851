/*
 * irql.c - the current processor's interrupt request level, per thread.
 *
 * ntk runs kernel code on host threads, so each thread carries the IRQL of
 * the "processor" it is running on. The full rule set (maximum IRQL per
 * routine, reports for violations) belongs to the IRQL model in ke; here are
 * the primitives. Dropping below DISPATCH_LEVEL delivers the DPCs pending on
 * the thread's processor, as the DPC software interrupt would (ke/dpc.c).
 */
#include <internal/ke.h>
#include <internal/ldr.h>
#include <stdio.h>

/* @implemented */
DECLSPEC_EXPORT KIRQL NTAPI KeGetCurrentIrql(VOID)
{
    return KiThread()->Irql;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeRaiseIrql(KIRQL NewIrql, PKIRQL OldIrql)
{
    PKTHREAD t = KiThread();
    if (NewIrql < t->Irql || NewIrql > HIGH_LEVEL)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x30, t->Irql, NewIrql, 0, NULL,
                     "KeRaiseIrql to a level below the current one");
    *OldIrql = t->Irql;
    t->Irql = NewIrql;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeLowerIrql(KIRQL NewIrql)
{
    PKTHREAD t = KiThread();
    if (NewIrql > t->Irql)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x31, t->Irql, NewIrql, 0, NULL,
                     "KeLowerIrql to a level above the current one");
    if (NewIrql < DISPATCH_LEVEL && t->DpcRoutineActive)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x31, t->Irql, NewIrql, 1, NULL,
                     "KeLowerIrql below DISPATCH_LEVEL inside a DPC routine");
    KIRQL old = t->Irql;
    t->Irql = NewIrql;
    /* The DPC software interrupt is taken when the IRQL drops below it. */
    if (old >= DISPATCH_LEVEL && NewIrql < DISPATCH_LEVEL) {
        KiDispatchPendingDpcs(t);
        if (__builtin_expect(t->ProcessorChangePending, 0))
            KiApplyProcessorChange(t);
    }
}

/* @implemented */
DECLSPEC_EXPORT KIRQL NTAPI KeRaiseIrqlToDpcLevel(VOID)
{
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    return old;
}

void KiIrqlTooHigh(const char *Routine, KIRQL Maximum, const void *Caller)
{
    char detail[256];
    const char *driver = LdrpDriverNameForAddress(Caller);
    snprintf(detail, sizeof detail, "%s called at IRQL %u, above its maximum %u, by %s", Routine,
             (unsigned)KiThread()->Irql, (unsigned)Maximum, driver ? driver : "the kernel");
    KiBugCheckAt(IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Caller, KiThread()->Irql, 0, (ULONG_PTR)Caller, NULL, detail);
}

/* @implemented: ntk's own (not a Windows API), called by PAGED_CODE(). */
DECLSPEC_EXPORT VOID NTAPI NtkPagedCodeAtRaisedIrql(PCSTR Routine, PVOID Caller)
{
    char detail[256];
    const char *driver = LdrpDriverNameForAddress(Caller);
    snprintf(detail, sizeof detail, "pageable routine %s (PAGED_CODE) entered at IRQL %u, from %s", Routine,
             (unsigned)KiThread()->Irql, driver ? driver : "the kernel");
    /* Parameters as DRIVER_IRQL_NOT_LESS_OR_EQUAL: address, IRQL, 8 = execute, faulting code. */
    KiBugCheckAt(DRIVER_IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Caller, KiThread()->Irql, 8, (ULONG_PTR)Caller, NULL,
                 detail);
}
