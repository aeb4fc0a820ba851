/*
 * ntk_wdm_dpc.h - part of wdm.h (included by it only): processors, deferred
 * procedure calls, kernel timers and the kernel's clocks.
 *
 * KDPC itself is declared in wdm.h (the DEVICE_OBJECT embeds one); KTIMER
 * has the Windows x64 layout, asserted below.
 */
#ifndef NTK_WDM_DPC_H
#define NTK_WDM_DPC_H

/* ------------------------------------------------------------ Processors */

/* One processor group of at most 64 processors, as on an x64 system
 * without group-aware configuration. */
#define MAXIMUM_PROCESSORS 64
#define ALL_PROCESSOR_GROUPS 0xffff

/* The number of processors: the host's cores, or NTK_PROCESSORS=N. */
extern NTKERNELAPI CCHAR KeNumberProcessors;

NTKERNELAPI ULONG NTAPI KeQueryActiveProcessorCount(PKAFFINITY ActiveProcessors);
NTKERNELAPI KAFFINITY NTAPI KeQueryActiveProcessors(VOID);
NTKERNELAPI ULONG NTAPI KeQueryMaximumProcessorCount(VOID);
NTKERNELAPI ULONG NTAPI KeQueryActiveProcessorCountEx(USHORT GroupNumber);
NTKERNELAPI ULONG NTAPI KeQueryMaximumProcessorCountEx(USHORT GroupNumber);
NTKERNELAPI USHORT NTAPI KeQueryActiveGroupCount(VOID);
NTKERNELAPI USHORT NTAPI KeQueryMaximumGroupCount(VOID);
NTKERNELAPI ULONG NTAPI KeGetCurrentProcessorNumber(VOID);
NTKERNELAPI ULONG NTAPI KeGetCurrentProcessorNumberEx(PPROCESSOR_NUMBER ProcNumber);
NTKERNELAPI NTSTATUS NTAPI KeGetProcessorNumberFromIndex(ULONG ProcIndex, PPROCESSOR_NUMBER ProcNumber);
NTKERNELAPI ULONG NTAPI KeGetProcessorIndexFromNumber(PPROCESSOR_NUMBER ProcNumber);
/* The current thread's system affinity: the processors it may run on. */
NTKERNELAPI KAFFINITY NTAPI KeSetSystemAffinityThreadEx(KAFFINITY Affinity);
NTKERNELAPI VOID NTAPI KeRevertToUserAffinityThreadEx(KAFFINITY Affinity);
NTKERNELAPI VOID NTAPI KeSetSystemAffinityThread(KAFFINITY Affinity);
NTKERNELAPI VOID NTAPI KeRevertToUserAffinityThread(VOID);
NTKERNELAPI VOID NTAPI KeSetSystemGroupAffinityThread(PGROUP_AFFINITY Affinity, PGROUP_AFFINITY PreviousAffinity);
NTKERNELAPI VOID NTAPI KeRevertToUserGroupAffinityThread(PGROUP_AFFINITY PreviousAffinity);

/* ------------------------------------------------------------------ DPCs */

typedef enum _KDPC_IMPORTANCE {
    LowImportance,
    MediumImportance,
    HighImportance,
    MediumHighImportance
} KDPC_IMPORTANCE;

NTKERNELAPI VOID NTAPI KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine, PVOID DeferredContext);
NTKERNELAPI VOID NTAPI KeInitializeThreadedDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine,
                                               PVOID DeferredContext);
NTKERNELAPI BOOLEAN NTAPI KeInsertQueueDpc(PRKDPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2);
NTKERNELAPI BOOLEAN NTAPI KeRemoveQueueDpc(PRKDPC Dpc);
NTKERNELAPI VOID NTAPI KeSetImportanceDpc(PRKDPC Dpc, KDPC_IMPORTANCE Importance);
NTKERNELAPI VOID NTAPI KeSetTargetProcessorDpc(PRKDPC Dpc, CCHAR Number);
NTKERNELAPI NTSTATUS NTAPI KeSetTargetProcessorDpcEx(PKDPC Dpc, PPROCESSOR_NUMBER ProcNumber);
NTKERNELAPI VOID NTAPI KeFlushQueuedDpcs(VOID);

/* The I/O manager's DpcForIsr: the DPC every DEVICE_OBJECT carries. */
#define IoInitializeDpcRequest(DeviceObject, DpcRoutine) \
    KeInitializeDpc(&(DeviceObject)->Dpc, (PKDEFERRED_ROUTINE)(DpcRoutine), (DeviceObject))

FORCEINLINE VOID IoRequestDpc(PDEVICE_OBJECT DeviceObject, struct _IRP *Irp, PVOID Context)
{
    KeInsertQueueDpc(&DeviceObject->Dpc, Irp, Context);
}

/* ---------------------------------------------------------------- Timers */

typedef struct _KTIMER {
    DISPATCHER_HEADER Header;
    ULARGE_INTEGER DueTime;       /* interrupt time of expiry, 100 ns */
    LIST_ENTRY TimerListEntry;
    struct _KDPC *Dpc;
    ULONG Processor;
    ULONG Period;                 /* ms; 0: one-shot */
} KTIMER, *PKTIMER, *PRKTIMER;

#if defined(__cplusplus)
#define NTK_DPC_STATIC_ASSERT static_assert
#else
#define NTK_DPC_STATIC_ASSERT _Static_assert
#endif
NTK_DPC_STATIC_ASSERT(sizeof(KTIMER) == 0x40, "KTIMER is 0x40 bytes on x64");
NTK_DPC_STATIC_ASSERT(__builtin_offsetof(KTIMER, DueTime) == 0x18, "KTIMER.DueTime");
NTK_DPC_STATIC_ASSERT(__builtin_offsetof(KTIMER, TimerListEntry) == 0x20, "KTIMER.TimerListEntry");
NTK_DPC_STATIC_ASSERT(__builtin_offsetof(KTIMER, Dpc) == 0x30, "KTIMER.Dpc");
NTK_DPC_STATIC_ASSERT(__builtin_offsetof(KTIMER, Processor) == 0x38, "KTIMER.Processor");
NTK_DPC_STATIC_ASSERT(__builtin_offsetof(KTIMER, Period) == 0x3C, "KTIMER.Period");
NTK_DPC_STATIC_ASSERT(sizeof(KDPC) == 0x40, "KDPC is 0x40 bytes on x64");
NTK_DPC_STATIC_ASSERT(__builtin_offsetof(KDPC, DeferredRoutine) == 0x18, "KDPC.DeferredRoutine");
NTK_DPC_STATIC_ASSERT(__builtin_offsetof(KDPC, DpcData) == 0x38, "KDPC.DpcData");
#undef NTK_DPC_STATIC_ASSERT

NTKERNELAPI VOID NTAPI KeInitializeTimer(PKTIMER Timer);
NTKERNELAPI VOID NTAPI KeInitializeTimerEx(PKTIMER Timer, TIMER_TYPE Type);
NTKERNELAPI BOOLEAN NTAPI KeSetTimer(PKTIMER Timer, LARGE_INTEGER DueTime, PKDPC Dpc);
NTKERNELAPI BOOLEAN NTAPI KeSetTimerEx(PKTIMER Timer, LARGE_INTEGER DueTime, LONG Period, PKDPC Dpc);
NTKERNELAPI BOOLEAN NTAPI KeSetCoalescableTimer(PKTIMER Timer, LARGE_INTEGER DueTime, ULONG Period,
                                               ULONG TolerableDelay, PKDPC Dpc);
NTKERNELAPI BOOLEAN NTAPI KeCancelTimer(PKTIMER Timer);
NTKERNELAPI BOOLEAN NTAPI KeReadStateTimer(PKTIMER Timer);

/* ------------------------------------------------------------------ Time */

/* System time: 100 ns units since 1601-01-01 UTC. Interrupt time: 100 ns
 * units since boot, never adjusted. One clock tick: KeQueryTimeIncrement()
 * (15.625 ms). These are routines here, as the WDK declares them for
 * architectures without the shared user data page. */
NTKERNELAPI VOID NTAPI KeQuerySystemTime(PLARGE_INTEGER CurrentTime);
NTKERNELAPI VOID NTAPI KeQuerySystemTimePrecise(PLARGE_INTEGER CurrentTime);
NTKERNELAPI ULONGLONG NTAPI KeQueryInterruptTime(VOID);
NTKERNELAPI ULONGLONG NTAPI KeQueryInterruptTimePrecise(PULONG64 QpcTimeStamp);
NTKERNELAPI ULONGLONG NTAPI KeQueryUnbiasedInterruptTime(VOID);
NTKERNELAPI ULONGLONG NTAPI KeQueryUnbiasedInterruptTimePrecise(PULONG64 QpcTimeStamp);
NTKERNELAPI VOID NTAPI KeQueryTickCount(PLARGE_INTEGER CurrentCount);
NTKERNELAPI ULONG NTAPI KeQueryTimeIncrement(VOID);
NTHALAPI LARGE_INTEGER NTAPI KeQueryPerformanceCounter(PLARGE_INTEGER PerformanceFrequency);
NTKERNELAPI VOID NTAPI ExSystemTimeToLocalTime(PLARGE_INTEGER SystemTime, PLARGE_INTEGER LocalTime);
NTKERNELAPI VOID NTAPI ExLocalTimeToSystemTime(PLARGE_INTEGER LocalTime, PLARGE_INTEGER SystemTime);

#endif
