/*
 * apc.c - QueueUserAPC: a routine run by the target thread in its next
 * alertable wait (SleepEx, WaitFor*ObjectsEx, GetQueuedCompletionStatusEx,
 * GetOverlappedResultEx with bAlertable), over NtQueueApcThread.
 */
#include "win32.h"

typedef VOID NTAPI WIN32_APC_ROUTINE(PVOID Argument1, PVOID Argument2, PVOID Argument3);
NTSYSAPI NTSTATUS NTAPI NtQueueApcThread(HANDLE ThreadHandle, WIN32_APC_ROUTINE *ApcRoutine, PVOID ApcArgument1,
                                         PVOID ApcArgument2, PVOID ApcArgument3);

static VOID NTAPI Win32UserApc(PVOID Routine, PVOID Data, PVOID Unused)
{
    (void)Unused;
    ((PAPCFUNC)Routine)((ULONG_PTR)Data);
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI QueueUserAPC(PAPCFUNC pfnAPC, HANDLE hThread, ULONG_PTR dwData)
{
    NTSTATUS status = NtQueueApcThread(hThread, Win32UserApc, (PVOID)pfnAPC, (PVOID)dwData, NULL);
    if (!NT_SUCCESS(status)) {
        Win32FailWithStatus(status);
        return 0;
    }
    return 1;
}
