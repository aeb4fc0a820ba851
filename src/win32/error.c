/*
 * error.c - the thread's last-error value (GetLastError/SetLastError) and
 * the NTSTATUS -> Win32 error step every failing call takes.
 */
#include "win32.h"

static __thread DWORD Win32LastError;

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetLastError(VOID)
{
    return Win32LastError;
}

/* @implemented */
DECLSPEC_EXPORT VOID WINAPI SetLastError(DWORD dwErrCode)
{
    Win32LastError = dwErrCode;
}

BOOL Win32FailWithStatus(NTSTATUS status)
{
    Win32LastError = RtlNtStatusToDosError(status);
    return FALSE;
}

void Win32Unsupported(const char *what)
{
    fprintf(stderr, "ntk: %s is not implemented yet\n", what);
    Win32LastError = ERROR_NOT_SUPPORTED;
}
