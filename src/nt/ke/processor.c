/*
 * processor.c - the processors kernel code runs on: how many there are and
 * which one the calling thread is on.
 *
 * The model: the kernel has KeNumberProcessors processors in one group
 * (the host's cores, or NTK_PROCESSORS=N, at most 64). Every host thread
 * that runs kernel code belongs to one processor for its whole life: a
 * thread is given one, round robin, the first time it asks, and keeps it
 * (as if it never migrated); the DPC thread of processor N and the threads
 * the kernel starts for a processor are on that processor. Several host
 * threads may share a processor and run at the same time; what one
 * processor serialises in ntk is its DPCs (ke/dpc.c). A system affinity
 * (KeSetSystemAffinityThreadEx and relatives) moves the thread to one of
 * its processors (the one it is on if that is in the set, else the lowest):
 * at once below DISPATCH_LEVEL, or when the IRQL drops below it.
 */
#include <internal/ke.h>

/* @implemented */
DECLSPEC_EXPORT CCHAR KeNumberProcessors = 1;

static ULONG KipProcessorCount = 1;
static volatile ULONG KipNextProcessor;

/* Settled before any driver can read KeNumberProcessors. */
__attribute__((constructor)) static void KipInitializeProcessors(void)
{
    unsigned count = ntkhost->cpu_count();
    const char *text = ntkhost->getenv("NTK_PROCESSORS");
    if (text && *text) {
        unsigned value = 0;
        const char *p = text;
        while (*p >= '0' && *p <= '9' && value <= MAXIMUM_PROCESSORS)
            value = value * 10 + (unsigned)(*p++ - '0');
        if (*p || value == 0) {
            static const char note[] = "ntk: NTK_PROCESSORS must be a number from 1 to 64; using the host's count\n";
            ntkhost->write_err(note, sizeof note - 1);
        } else {
            count = value;
        }
    }
    if (count < 1)
        count = 1;
    if (count > MAXIMUM_PROCESSORS)
        count = MAXIMUM_PROCESSORS;
    KipProcessorCount = count;
    KeNumberProcessors = (CCHAR)count;
}

ULONG KiProcessorCount(void)
{
    return KipProcessorCount;
}

ULONG KiCurrentProcessor(PKTHREAD Thread)
{
    if (__builtin_expect(!Thread->ProcessorAssigned, 0)) {
        Thread->Processor = __atomic_fetch_add(&KipNextProcessor, 1, __ATOMIC_RELAXED) % KipProcessorCount;
        Thread->ProcessorAssigned = TRUE;
    }
    return Thread->Processor;
}

static KAFFINITY KipActiveMask(void)
{
    return KipProcessorCount >= 64 ? ~(KAFFINITY)0 : (((KAFFINITY)1 << KipProcessorCount) - 1);
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI KeQueryActiveProcessorCount(PKAFFINITY ActiveProcessors)
{
    if (ActiveProcessors)
        *ActiveProcessors = KipActiveMask();
    return KipProcessorCount;
}

/* @implemented */
DECLSPEC_EXPORT KAFFINITY NTAPI KeQueryActiveProcessors(VOID)
{
    return KipActiveMask();
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI KeQueryMaximumProcessorCount(VOID)
{
    return KipProcessorCount;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI KeQueryActiveProcessorCountEx(USHORT GroupNumber)
{
    return GroupNumber == 0 || GroupNumber == ALL_PROCESSOR_GROUPS ? KipProcessorCount : 0;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI KeQueryMaximumProcessorCountEx(USHORT GroupNumber)
{
    return GroupNumber == 0 || GroupNumber == ALL_PROCESSOR_GROUPS ? KipProcessorCount : 0;
}

/* @implemented */
DECLSPEC_EXPORT USHORT NTAPI KeQueryActiveGroupCount(VOID)
{
    return 1;
}

/* @implemented */
DECLSPEC_EXPORT USHORT NTAPI KeQueryMaximumGroupCount(VOID)
{
    return 1;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI KeGetCurrentProcessorNumber(VOID)
{
    return KiCurrentProcessor(KiThread());
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI KeGetCurrentProcessorNumberEx(PPROCESSOR_NUMBER ProcNumber)
{
    ULONG index = KiCurrentProcessor(KiThread());
    if (ProcNumber) {
        ProcNumber->Group = 0;
        ProcNumber->Number = (UCHAR)index;
        ProcNumber->Reserved = 0;
    }
    return index;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI KeGetProcessorNumberFromIndex(ULONG ProcIndex, PPROCESSOR_NUMBER ProcNumber)
{
    if (ProcIndex >= KipProcessorCount)
        return STATUS_INVALID_PARAMETER;
    ProcNumber->Group = 0;
    ProcNumber->Number = (UCHAR)ProcIndex;
    ProcNumber->Reserved = 0;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI KeGetProcessorIndexFromNumber(PPROCESSOR_NUMBER ProcNumber)
{
    /* INVALID_PROCESSOR_INDEX for a processor that does not exist. */
    if (ProcNumber->Group != 0 || ProcNumber->Number >= KipProcessorCount)
        return 0xffffffff;
    return ProcNumber->Number;
}

/* ------------------------------------------------ system affinity */

/* Only bits of existing processors, at least one (all are active). */
static BOOLEAN KipValidAffinity(KAFFINITY Affinity)
{
    return Affinity != 0 && (Affinity & ~KipActiveMask()) == 0;
}

static void KipMoveThread(PKTHREAD Thread, ULONG Target)
{
    if (Thread->Irql >= DISPATCH_LEVEL) {
        Thread->PendingProcessor = Target;
        Thread->ProcessorChangePending = TRUE;
    } else {
        Thread->Processor = Target;
        Thread->ProcessorChangePending = FALSE;
    }
}

static void KipMoveThreadInto(PKTHREAD Thread, KAFFINITY Affinity)
{
    ULONG current = KiCurrentProcessor(Thread);
    KipMoveThread(Thread, (Affinity >> current) & 1 ? current : (ULONG)__builtin_ctzll((unsigned long long)Affinity));
}

void KiApplyProcessorChange(PKTHREAD Thread)
{
    Thread->Processor = Thread->PendingProcessor;
    Thread->ProcessorChangePending = FALSE;
}

/* @implemented */
DECLSPEC_EXPORT KAFFINITY NTAPI KeSetSystemAffinityThreadEx(KAFFINITY Affinity)
{
    KI_CHECK_IRQL(KeSetSystemAffinityThreadEx);
    PKTHREAD t = KiThread();
    KAFFINITY previous = t->SystemAffinity;
    if (!KipValidAffinity(Affinity))
        return previous; /* no effect, as documented */
    if (!previous)
        t->UserProcessor = KiCurrentProcessor(t);
    t->SystemAffinity = Affinity;
    KipMoveThreadInto(t, Affinity);
    return previous;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeRevertToUserAffinityThreadEx(KAFFINITY Affinity)
{
    KI_CHECK_IRQL(KeRevertToUserAffinityThreadEx);
    PKTHREAD t = KiThread();
    if (!t->SystemAffinity)
        return; /* no system affinity was set */
    if (Affinity) {
        if (!KipValidAffinity(Affinity))
            return;
        t->SystemAffinity = Affinity;
        KipMoveThreadInto(t, Affinity);
    } else {
        t->SystemAffinity = 0;
        KipMoveThread(t, t->UserProcessor);
    }
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeSetSystemAffinityThread(KAFFINITY Affinity)
{
    KI_CHECK_IRQL(KeSetSystemAffinityThread);
    KeSetSystemAffinityThreadEx(Affinity);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeRevertToUserAffinityThread(VOID)
{
    KI_CHECK_IRQL(KeRevertToUserAffinityThread);
    KeRevertToUserAffinityThreadEx(0);
}

/* @implemented: one group (0); another group's mask has no processor. */
DECLSPEC_EXPORT VOID NTAPI KeSetSystemGroupAffinityThread(PGROUP_AFFINITY Affinity, PGROUP_AFFINITY PreviousAffinity)
{
    KI_CHECK_IRQL(KeSetSystemGroupAffinityThread);
    KAFFINITY previous = KeSetSystemAffinityThreadEx(Affinity->Group == 0 ? Affinity->Mask : 0);
    if (PreviousAffinity) {
        memset(PreviousAffinity, 0, sizeof *PreviousAffinity);
        PreviousAffinity->Mask = previous;
    }
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeRevertToUserGroupAffinityThread(PGROUP_AFFINITY PreviousAffinity)
{
    KI_CHECK_IRQL(KeRevertToUserGroupAffinityThread);
    KeRevertToUserAffinityThreadEx(PreviousAffinity->Group == 0 ? PreviousAffinity->Mask : 0);
}
