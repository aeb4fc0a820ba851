/*
 * thread.c - the application's threads (CreateThread, ExitThread,
 * GetExitCodeThread, GetThreadId): kernel thread objects, so a driver can
 * reference and wait on a thread handle the application made.
 */
#include "win32.h"

NTSYSAPI NTSTATUS NTAPI NtCreateThreadEx(PHANDLE ThreadHandle, ACCESS_MASK DesiredAccess,
                                        POBJECT_ATTRIBUTES ObjectAttributes, HANDLE ProcessHandle,
                                        PVOID StartRoutine, PVOID Argument, ULONG CreateFlags, SIZE_T ZeroBits,
                                        SIZE_T StackSize, SIZE_T MaximumStackSize, PVOID AttributeList);
NTSYSAPI NTSTATUS NTAPI NtTerminateThread(HANDLE ThreadHandle, NTSTATUS ExitStatus);
NTSYSAPI NTSTATUS NTAPI NtQueryInformationThread(HANDLE ThreadHandle, ULONG ThreadInformationClass,
                                                PVOID ThreadInformation, ULONG ThreadInformationLength,
                                                PULONG ReturnLength);

#define WIN32_THREAD_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFFF)

typedef struct {
    NTSTATUS ExitStatus;
    PVOID TebBaseAddress;
    HANDLE UniqueProcess;
    HANDLE UniqueThread;
    ULONG_PTR AffinityMask;
    LONG Priority;
    LONG BasePriority;
} WIN32_THREAD_BASIC_INFORMATION;

static NTSTATUS Win32QueryThread(HANDLE hThread, WIN32_THREAD_BASIC_INFORMATION *info)
{
    return NtQueryInformationThread(hThread, 0 /* ThreadBasicInformation */, info, sizeof *info, NULL);
}

/* @implemented: the stack size is the host's default; CREATE_SUSPENDED is
 * not supported (ntk has no ResumeThread yet). */
DECLSPEC_EXPORT HANDLE WINAPI CreateThread(LPSECURITY_ATTRIBUTES lpThreadAttributes, SIZE_T dwStackSize,
                                          LPTHREAD_START_ROUTINE lpStartAddress, LPVOID lpParameter,
                                          DWORD dwCreationFlags, LPDWORD lpThreadId)
{
    if (dwCreationFlags & CREATE_SUSPENDED) {
        Win32Unsupported("CreateThread with CREATE_SUSPENDED");
        return NULL;
    }
    HANDLE h = NULL;
    NTSTATUS status = NtCreateThreadEx(&h, WIN32_THREAD_ALL_ACCESS, NULL, GetCurrentProcess(), (PVOID)lpStartAddress,
                                       lpParameter, 0, 0, dwStackSize, 0, NULL);
    if (!NT_SUCCESS(status)) {
        Win32FailWithStatus(status);
        return NULL;
    }
    if (lpThreadId) {
        WIN32_THREAD_BASIC_INFORMATION info;
        *lpThreadId = NT_SUCCESS(Win32QueryThread(h, &info)) ? (DWORD)(ULONG_PTR)info.UniqueThread : 0;
    }
    return h;
}

/* @implemented: a thread CreateThread made ends here; the main thread
 * (which ntk did not start) cannot end alone, so ExitThread there ends the
 * process with the same code, after a diagnostic. */
DECLSPEC_EXPORT VOID WINAPI ExitThread(DWORD dwExitCode)
{
    NtTerminateThread(GetCurrentThread(), (NTSTATUS)dwExitCode);
    fprintf(stderr, "ntk: ExitThread on a thread CreateThread did not start: ending the process\n");
    ExitProcess(dwExitCode);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI GetExitCodeThread(HANDLE hThread, LPDWORD lpExitCode)
{
    WIN32_THREAD_BASIC_INFORMATION info;
    NTSTATUS status = Win32QueryThread(hThread, &info);
    if (!NT_SUCCESS(status))
        return Win32FailWithStatus(status);
    *lpExitCode = (DWORD)info.ExitStatus;
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetThreadId(HANDLE Thread)
{
    WIN32_THREAD_BASIC_INFORMATION info;
    NTSTATUS status = Win32QueryThread(Thread, &info);
    if (!NT_SUCCESS(status)) {
        Win32FailWithStatus(status);
        return 0;
    }
    return (DWORD)(ULONG_PTR)info.UniqueThread;
}
