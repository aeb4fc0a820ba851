/*
 * region.c - critical regions (normal kernel APCs disabled) and guarded
 * regions (all APCs disabled). Both nest: entering decrements the thread's
 * disable count, leaving increments it, as on Windows.
 *
 * KTHREAD has no SpecialApcDisable field yet, so the guarded-region count
 * lives in a thread-local variable here.
 */
#include <internal/ke.h>

static __thread SHORT KipSpecialApcDisable __attribute__((tls_model("initial-exec")));

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeEnterCriticalRegion(VOID)
{
    PKTHREAD t = KiThread();
    if (t->Irql > APC_LEVEL)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x11A, t->Irql, 0, 0, NULL,
                     "KeEnterCriticalRegion above APC_LEVEL");
    t->KernelApcDisable--;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeLeaveCriticalRegion(VOID)
{
    PKTHREAD t = KiThread();
    if (t->Irql > APC_LEVEL)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x11B, t->Irql, 0, 0, NULL,
                     "KeLeaveCriticalRegion above APC_LEVEL");
    if (t->KernelApcDisable >= 0)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x3E, 0, 0, 0, NULL,
                     "KeLeaveCriticalRegion without a matching KeEnterCriticalRegion");
    t->KernelApcDisable++;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeEnterGuardedRegion(VOID)
{
    KI_CHECK_IRQL(KeEnterGuardedRegion);
    KipSpecialApcDisable--;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeLeaveGuardedRegion(VOID)
{
    KI_CHECK_IRQL(KeLeaveGuardedRegion);
    if (KipSpecialApcDisable >= 0)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x0004000E, (ULONG_PTR)"GuardedRegions", 0, 0, NULL,
                     "KeLeaveGuardedRegion without a matching KeEnterGuardedRegion");
    KipSpecialApcDisable++;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeAreApcsDisabled(VOID)
{
    /* In a critical or a guarded region (the IRQL does not count). */
    return KiThread()->KernelApcDisable != 0 || KipSpecialApcDisable != 0;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeAreAllApcsDisabled(VOID)
{
    return KipSpecialApcDisable != 0 || KiThread()->Irql >= APC_LEVEL;
}
