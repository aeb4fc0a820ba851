/*
 * time.c - the clocks services and applications read, and delays.
 */
#include <internal/ke.h>

DECLSPEC_EXPORT NTSTATUS NTAPI NtDelayExecution(BOOLEAN Alertable, PLARGE_INTEGER DelayInterval);

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtQueryPerformanceCounter(PLARGE_INTEGER PerformanceCounter,
                                                        PLARGE_INTEGER PerformanceFrequency)
{
    /* 10 MHz, as on current Windows. */
    if (PerformanceCounter)
        PerformanceCounter->QuadPart = ntkhost->monotonic_ns() / 100;
    if (PerformanceFrequency)
        PerformanceFrequency->QuadPart = 10000000;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI NtGetTickCount(VOID)
{
    return (ULONG)(ntkhost->monotonic_ns() / 1000000);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtDelayExecution(BOOLEAN Alertable, PLARGE_INTEGER DelayInterval)
{
    /* A wait on nothing: kernel APCs run in it, user APCs end an alertable
     * one (ke/apc.c). */
    return KiDelayExecution(Alertable, DelayInterval);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI KeDelayExecutionThread(KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
                                                     PLARGE_INTEGER Interval)
{
    PKTHREAD t = KiThread();
    KiEndWaitNext(t);
    if (t->Irql > APC_LEVEL)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x120, t->Irql, (ULONG_PTR)Interval, 0, NULL,
                     "KeDelayExecutionThread above APC_LEVEL");
    return NtDelayExecution(Alertable && WaitMode == UserMode, Interval);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeStallExecutionProcessor(ULONG MicroSeconds)
{
    int64_t end = ntkhost->monotonic_ns() + (int64_t)MicroSeconds * 1000;
    while (ntkhost->monotonic_ns() < end)
        __builtin_ia32_pause();
}
