/*
 * process.c - process and thread identity, time, and ExitProcess.
 */
#include "win32.h"

/* @implemented */
DECLSPEC_EXPORT HANDLE WINAPI GetCurrentProcess(VOID)
{
    return (HANDLE)(LONG_PTR)-1;
}

/* @implemented */
DECLSPEC_EXPORT HANDLE WINAPI GetCurrentThread(VOID)
{
    return (HANDLE)(LONG_PTR)-2;
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetCurrentProcessId(VOID)
{
    return (DWORD)(ULONG_PTR)PsGetCurrentProcessId();
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetCurrentThreadId(VOID)
{
    return (DWORD)(ULONG_PTR)PsGetCurrentThreadId();
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetTickCount(VOID)
{
    return NtGetTickCount();
}

/* @implemented */
DECLSPEC_EXPORT ULONGLONG WINAPI GetTickCount64(VOID)
{
    LARGE_INTEGER counter, frequency;
    NtQueryPerformanceCounter(&counter, &frequency);
    return (ULONGLONG)counter.QuadPart / ((ULONGLONG)frequency.QuadPart / 1000);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER *lpPerformanceCount)
{
    NtQueryPerformanceCounter(lpPerformanceCount, NULL);
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *lpFrequency)
{
    LARGE_INTEGER counter;
    NtQueryPerformanceCounter(&counter, lpFrequency);
    return TRUE;
}

/* @implemented: handles are closed (drivers see cleanup and close), the
 * drivers `ntk run` loaded are unloaded, and the process ends. */
DECLSPEC_EXPORT VOID WINAPI ExitProcess(UINT uExitCode)
{
    ntk_app_exit((int)uExitCode);
}
