/*
 * irql.c - the current processor's interrupt request level, per thread.
 *
 * ntk runs kernel code on host threads, so each thread carries the IRQL of
 * the "processor" it is running on. The full rule set (maximum IRQL per
 * routine, reports for violations) belongs to the IRQL model in ke; here are
 * the primitives.
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
    t->Irql = NewIrql;
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
