/*
 * fpstate.c - floating-point state: KeSaveExtendedProcessorState /
 * KeRestoreExtendedProcessorState (XSTATE_SAVE), KeSaveFloatingPointState /
 * KeRestoreFloatingPointState (KFLOATING_SAVE), and the check that driver
 * routines return with the control state they were entered with
 * (internal/ke_fp.h).
 *
 * Extended state is really saved: with XSAVE enabled by the OS, xsave of
 * the requested features that XCR0 enables into a pool area (as Windows
 * allocates one); otherwise fxsave (x87 + SSE, XSTATE_MASK_LEGACY).
 * Saves nest per thread and must be restored innermost first, on the same
 * thread and at the same IRQL; anything else is bug check 0x131
 * INVALID_EXTENDED_PROCESSOR_STATE (ntk's parameters: 1 = saved IRQL /
 * current IRQL, 2 = saving thread / current thread, 3 = the innermost save
 * / the one given).
 *
 * On x64 KFLOATING_SAVE is one ULONG: the non-volatile part of the FPU
 * state is its control, so KeSaveFloatingPointState keeps MXCSR's control
 * bits (low half) and the x87 control word (high half) there, and
 * KeRestoreFloatingPointState puts them back.
 */
#include <host.h>
#include <ntstatus.h>
#include <internal/ke.h>
#include <internal/ke_fp.h>
#include <internal/ntk_alloc.h>

#if !defined(__x86_64__)
#error "fpstate.c implements the x64 floating-point state only"
#endif

/* ------------------------------------------------ the control check */

/* Routines already reported: an open-addressed set filled with CAS, so
 * the report is once per routine without a lock. When full, further
 * routines are reported every time (still correct, just noisier). */
#define KIP_FP_REPORTED_SLOTS 256
static const void *volatile KipFpReported[KIP_FP_REPORTED_SLOTS];
static unsigned long KipFpReportCount;

static BOOLEAN KipFpFirstReport(const void *Routine)
{
    uintptr_t h = ((uintptr_t)Routine >> 4) * 0x9E3779B97F4A7C15ull;
    unsigned i, slot;

    for (i = 0; i < KIP_FP_REPORTED_SLOTS; i++) {
        const void *expected = NULL;
        slot = (unsigned)((h >> 56) + i) % KIP_FP_REPORTED_SLOTS;
        if (__atomic_load_n(&KipFpReported[slot], __ATOMIC_ACQUIRE) == Routine)
            return FALSE;
        if (__atomic_compare_exchange_n(&KipFpReported[slot], &expected, Routine, FALSE, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE))
            return TRUE;
        if (expected == Routine)
            return FALSE;
    }
    return TRUE;
}

static inline void KipLoadFpControl(unsigned Mxcsr, unsigned short X87Cw)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(Mxcsr) : "memory");
    __asm__ volatile("fldcw %0" : : "m"(X87Cw) : "memory");
}

/* Restores the control bits the caller had (keeping the sticky exception
 * flags the routine raised) and reports once per routine; Within is
 * appended to the routine's description. */
static void KipFpReport(const KI_FP_CONTROL *Entered, const KI_FP_CONTROL *Now, const void *Routine,
                        const char *What, const char *Within)
{
    unsigned mxcsr = (Now->Mxcsr & ~KI_MXCSR_CONTROL_MASK) | (Entered->Mxcsr & KI_MXCSR_CONTROL_MASK);

    KipLoadFpControl(mxcsr, Entered->X87Cw);
    if (KipFpFirstReport(Routine)) {
        char name[256];
        char line[640];
        int n;

        __atomic_fetch_add(&KipFpReportCount, 1, __ATOMIC_RELAXED);
        name[0] = '\0';
        if (ntkhost->symbolize != NULL)
            ntkhost->symbolize((void *)Routine, name, sizeof(name));
        if (name[0] == '\0')
            __builtin_snprintf(name, sizeof(name), "%p", Routine);
        n = __builtin_snprintf(line, sizeof(line),
                               "ntk: warning: %s %s returned with a changed floating-point control state "
                               "(MXCSR 0x%04x -> 0x%04x, x87 control word 0x%04x -> 0x%04x)%s; "
                               "the entered state was restored (reported once per routine)\n",
                               What ? What : "driver routine", name, Entered->Mxcsr, Now->Mxcsr,
                               (unsigned)Entered->X87Cw, (unsigned)Now->X87Cw, Within);
        if (n > (int)sizeof(line) - 1)
            n = (int)sizeof(line) - 1;
        if (n > 0)
            ntkhost->write_err(line, (size_t)n);
    }
}

void KiFpControlChanged(const KI_FP_CONTROL *Entered, const KI_FP_CONTROL *Now, const void *Routine,
                        const char *What)
{
    KipFpReport(Entered, Now, Routine, What, "");
}

int KiFpGuardMode = KiFpGuardOutermost;

static __attribute__((constructor)) void KipReadFpGuardSetting(void)
{
    const char *setting = ntkhost->getenv("NTK_FP_CHECK");
    if (!setting || !*setting || !strcmp(setting, "on")) {
        KiFpGuardMode = KiFpGuardOutermost;
    } else if (!strcmp(setting, "off")) {
        KiFpGuardMode = KiFpGuardOff;
    } else if (!strcmp(setting, "every")) {
        KiFpGuardMode = KiFpGuardEvery;
    } else {
        static const char note[] = "ntk: NTK_FP_CHECK must be on, every or off; using on\n";
        ntkhost->write_err(note, sizeof note - 1);
    }
}

void KiFpControlChangedWithin(const KI_FP_CONTROL *Entered, const KI_FP_CONTROL *Now, const void *Routine,
                              const char *What)
{
    /* Before the report: a racing thread's next guards check exactly. */
    __atomic_store_n(&KiFpGuardMode, KiFpGuardEvery, __ATOMIC_RELAXED);
    KipFpReport(Entered, Now, Routine, What,
                "; the change may come from a driver routine that ran inside it, so every driver routine is checked "
                "from now on");
}

unsigned long KiFpControlReportCount(void)
{
    return __atomic_load_n(&KipFpReportCount, __ATOMIC_RELAXED);
}

/* ------------------------------------------------ KFLOATING_SAVE */

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI KeSaveFloatingPointState(PKFLOATING_SAVE FloatSave)
{
    KI_FP_CONTROL c;

    KI_CHECK_IRQL(KeSaveFloatingPointState);
    KiCaptureFpControl(&c);
    FloatSave->Dummy = (c.Mxcsr & 0xFFFFu) | ((ULONG)c.X87Cw << 16);
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI KeRestoreFloatingPointState(PKFLOATING_SAVE FloatSave)
{
    KI_FP_CONTROL c;

    KI_CHECK_IRQL(KeRestoreFloatingPointState);
    KiCaptureFpControl(&c);
    /* Control bits from the save, current sticky flags kept. */
    c.Mxcsr = (c.Mxcsr & ~KI_MXCSR_CONTROL_MASK) | (FloatSave->Dummy & KI_MXCSR_CONTROL_MASK);
    KipLoadFpControl(c.Mxcsr, (unsigned short)(FloatSave->Dummy >> 16));
    return STATUS_SUCCESS;
}

/* ------------------------------------------------ XSTATE_SAVE */

/* The thread's innermost extended-state save (Prev links outward). */
static __thread PXSTATE_SAVE KipXStateChain;

static int KipXsaveSupport = -1; /* -1 unknown, 0 fxsave only, 1 xsave */
static ULONG64 KipXcr0;
static ULONG KipXsaveSize;

static void KipProbeXsave(void)
{
    unsigned eax, ebx, ecx, edx;

    if (__atomic_load_n(&KipXsaveSupport, __ATOMIC_ACQUIRE) >= 0)
        return;
    __asm__ volatile("cpuid" : "=a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx) : "a"(1), "c"(0));
    if (ecx & (1u << 27)) { /* OSXSAVE: the OS enabled XSAVE and XGETBV */
        unsigned lo, hi;
        __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
        KipXcr0 = ((ULONG64)hi << 32) | lo;
        __asm__ volatile("cpuid" : "=a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx) : "a"(0xD), "c"(0));
        KipXsaveSize = ebx; /* size for the features XCR0 enables */
        __atomic_store_n(&KipXsaveSupport, 1, __ATOMIC_RELEASE);
    } else {
        KipXcr0 = XSTATE_MASK_LEGACY;
        KipXsaveSize = sizeof(XSAVE_FORMAT);
        __atomic_store_n(&KipXsaveSupport, 0, __ATOMIC_RELEASE);
    }
}

static void KipBadXState(ULONG_PTR Check, ULONG_PTR Saved, ULONG_PTR Current, const char *Detail)
{
    KiBugCheckAt(INVALID_EXTENDED_PROCESSOR_STATE, Check, Saved, Current, 0, NULL, Detail);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI KeSaveExtendedProcessorState(ULONG64 Mask, PXSTATE_SAVE XStateSave)
{
    ULONG64 features;
    size_t size;
    void *block;
    PXSAVE_AREA area;

    KI_CHECK_IRQL(KeSaveExtendedProcessorState);
    KipProbeXsave();
    /* Features the processor does not have enabled are not saved. */
    features = Mask & KipXcr0;
    size = KipXsaveSupport ? KipXsaveSize : sizeof(XSAVE_FORMAT);
    /* xsave wants 64-byte alignment; keep the unaligned block in Buffer. */
    block = KipAllocZero(size + 64);
    if (block == NULL)
        return STATUS_INSUFFICIENT_RESOURCES;
    area = (PXSAVE_AREA)(((uintptr_t)block + 63) & ~(uintptr_t)63);
    if (KipXsaveSupport) {
        __asm__ volatile("xsave64 %0"
                         : "+m"(*area)
                         : "a"((unsigned)features), "d"((unsigned)(features >> 32))
                         : "memory");
    } else {
        __asm__ volatile("fxsave64 %0" : "=m"(area->LegacyState) : : "memory");
    }
    XStateSave->Prev = KipXStateChain;
    XStateSave->Thread = KiThread();
    XStateSave->Level = KiThread()->Irql;
    XStateSave->XStateContext.Mask = features;
    XStateSave->XStateContext.Length = (ULONG)size;
    XStateSave->XStateContext.Reserved1 = 0;
    XStateSave->XStateContext.Area = area;
    XStateSave->XStateContext.Buffer = block;
    KipXStateChain = XStateSave;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeRestoreExtendedProcessorState(PXSTATE_SAVE XStateSave)
{
    PKTHREAD thread = KiThread();
    ULONG64 features = XStateSave->XStateContext.Mask;

    KI_CHECK_IRQL(KeRestoreExtendedProcessorState);
    if (XStateSave->Thread != thread)
        KipBadXState(2, (ULONG_PTR)XStateSave->Thread, (ULONG_PTR)thread,
                     "KeRestoreExtendedProcessorState: the state was saved by another thread");
    if (XStateSave->Level != thread->Irql)
        KipBadXState(1, XStateSave->Level, thread->Irql,
                     "KeRestoreExtendedProcessorState: called at another IRQL than the save");
    if (KipXStateChain != XStateSave)
        KipBadXState(3, (ULONG_PTR)KipXStateChain, (ULONG_PTR)XStateSave,
                     "KeRestoreExtendedProcessorState: saves must be restored innermost first");
    if (KipXsaveSupport) {
        __asm__ volatile("xrstor64 %0"
                         :
                         : "m"(*XStateSave->XStateContext.Area), "a"((unsigned)features),
                           "d"((unsigned)(features >> 32))
                         : "memory");
    } else {
        __asm__ volatile("fxrstor64 %0" : : "m"(XStateSave->XStateContext.Area->LegacyState) : "memory");
    }
    KipXStateChain = XStateSave->Prev;
    KipFree(XStateSave->XStateContext.Buffer);
    XStateSave->XStateContext.Buffer = NULL;
    XStateSave->XStateContext.Area = NULL;
}
