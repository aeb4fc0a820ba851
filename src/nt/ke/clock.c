/*
 * clock.c - the kernel's clocks: system time, interrupt time, the tick
 * count, the performance counter, and local-time conversion.
 *
 * Interrupt time is the host's monotonic clock (time since the host booted)
 * in 100 ns units; a clock tick is 15.625 ms (156250 units), Windows' default
 * timer resolution, so the tick count is interrupt time / 156250. There is
 * no clock interrupt: every reading is precise, so the "Precise" variants
 * read the same clocks.
 */
#include <internal/ke.h>

#define KIP_TIME_INCREMENT 156250 /* 100 ns units per clock tick */
#define KIP_UNIX_EPOCH_AS_NT 116444736000000000LL /* 1970-01-01 in 100 ns since 1601 */

ULONGLONG KiInterruptTime(void)
{
    return (ULONGLONG)(ntkhost->monotonic_ns() / 100);
}

LONGLONG KiSystemTime(void)
{
    return ntkhost->realtime_ns() / 100 + KIP_UNIX_EPOCH_AS_NT;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeQuerySystemTime(PLARGE_INTEGER CurrentTime)
{
    CurrentTime->QuadPart = KiSystemTime();
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeQuerySystemTimePrecise(PLARGE_INTEGER CurrentTime)
{
    CurrentTime->QuadPart = KiSystemTime();
}

/* @implemented */
DECLSPEC_EXPORT ULONGLONG NTAPI KeQueryInterruptTime(VOID)
{
    return KiInterruptTime();
}

/* @implemented */
DECLSPEC_EXPORT ULONGLONG NTAPI KeQueryInterruptTimePrecise(PULONG64 QpcTimeStamp)
{
    int64_t ns = ntkhost->monotonic_ns();
    /* The performance counter runs at 10 MHz: the same units. */
    if (QpcTimeStamp)
        *QpcTimeStamp = (ULONG64)(ns / 100);
    return (ULONGLONG)(ns / 100);
}

/* The host never sleeps under the kernel, so unbiased time (excluding
 * suspend) equals interrupt time. */
/* @implemented */
DECLSPEC_EXPORT ULONGLONG NTAPI KeQueryUnbiasedInterruptTime(VOID)
{
    return KiInterruptTime();
}

/* @implemented */
DECLSPEC_EXPORT ULONGLONG NTAPI KeQueryUnbiasedInterruptTimePrecise(PULONG64 QpcTimeStamp)
{
    return KeQueryInterruptTimePrecise(QpcTimeStamp);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeQueryTickCount(PLARGE_INTEGER CurrentCount)
{
    CurrentCount->QuadPart = (LONGLONG)(KiInterruptTime() / KIP_TIME_INCREMENT);
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI KeQueryTimeIncrement(VOID)
{
    return KIP_TIME_INCREMENT;
}

/* @implemented */
DECLSPEC_EXPORT LARGE_INTEGER NTAPI KeQueryPerformanceCounter(PLARGE_INTEGER PerformanceFrequency)
{
    /* 10 MHz, as NtQueryPerformanceCounter reports to applications. */
    LARGE_INTEGER counter;
    counter.QuadPart = ntkhost->monotonic_ns() / 100;
    if (PerformanceFrequency)
        PerformanceFrequency->QuadPart = 10000000;
    return counter;
}

/* The kernel's time zone is UTC: local time and system time are the same
 * (no time-zone information is configured). */
/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExSystemTimeToLocalTime(PLARGE_INTEGER SystemTime, PLARGE_INTEGER LocalTime)
{
    LocalTime->QuadPart = SystemTime->QuadPart;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExLocalTimeToSystemTime(PLARGE_INTEGER LocalTime, PLARGE_INTEGER SystemTime)
{
    SystemTime->QuadPart = LocalTime->QuadPart;
}
