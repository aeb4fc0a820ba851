/*
 * sync.c - events, semaphores, mutexes and waits (CreateEvent,
 * CreateSemaphore, CreateMutex, WaitForSingleObject(Ex),
 * WaitForMultipleObjects(Ex), Sleep(Ex)): the same kernel objects drivers
 * see. Alertable waits return WAIT_IO_COMPLETION after running user APCs.
 */
#include "win32.h"
#include <stdlib.h>

NTSYSAPI NTSTATUS NTAPI NtCreateSemaphore(PHANDLE SemaphoreHandle, ACCESS_MASK DesiredAccess,
                                         POBJECT_ATTRIBUTES ObjectAttributes, LONG InitialCount, LONG MaximumCount);
NTSYSAPI NTSTATUS NTAPI NtReleaseSemaphore(HANDLE SemaphoreHandle, LONG ReleaseCount, PLONG PreviousCount);
NTSYSAPI NTSTATUS NTAPI NtCreateMutant(PHANDLE MutantHandle, ACCESS_MASK DesiredAccess,
                                      POBJECT_ATTRIBUTES ObjectAttributes, BOOLEAN InitialOwner);
NTSYSAPI NTSTATUS NTAPI NtReleaseMutant(HANDLE MutantHandle, PLONG PreviousCount);
NTSYSAPI NTSTATUS NTAPI NtWaitForMultipleObjects(ULONG Count, HANDLE Handles[], WAIT_TYPE WaitType,
                                                BOOLEAN Alertable, PLARGE_INTEGER Timeout);

/* A named object lives in \BaseNamedObjects. buffer holds the full name. */
typedef struct {
    OBJECT_ATTRIBUTES Attributes;
    UNICODE_STRING Name;
    WCHAR Buffer[300];
} WIN32_OBJECT_NAME;

static POBJECT_ATTRIBUTES Win32ObjectAttributes(WIN32_OBJECT_NAME *n, LPCWSTR name)
{
    static const WCHAR prefix[] = L"\\BaseNamedObjects\\";
    InitializeObjectAttributes(&n->Attributes, NULL, OBJ_OPENIF, NULL, NULL);
    if (name) {
        size_t p = 0, k = 0;
        while (prefix[p])
            n->Buffer[p] = prefix[p], p++;
        while (name[k] && p + k < 299)
            n->Buffer[p + k] = name[k], k++;
        n->Buffer[p + k] = 0;
        n->Name.Buffer = n->Buffer;
        n->Name.Length = (USHORT)((p + k) * sizeof(WCHAR));
        n->Name.MaximumLength = (USHORT)(n->Name.Length + sizeof(WCHAR));
        n->Attributes.ObjectName = &n->Name;
    }
    return &n->Attributes;
}

/* The handle a Create* service made, or NULL with the last error set. */
static HANDLE Win32CreatedHandle(NTSTATUS status, HANDLE h)
{
    if (!NT_SUCCESS(status)) {
        Win32FailWithStatus(status);
        return NULL;
    }
    SetLastError(ERROR_SUCCESS);
    return h;
}

static HANDLE Win32CreateEvent(LPSECURITY_ATTRIBUTES sa, BOOL manual, BOOL initial, LPCWSTR name)
{
    WIN32_OBJECT_NAME n;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateEvent(&h, EVENT_ALL_ACCESS, Win32ObjectAttributes(&n, name),
                                    manual ? NotificationEvent : SynchronizationEvent, initial ? TRUE : FALSE);
    return Win32CreatedHandle(status, h);
}

/* @implemented */
DECLSPEC_EXPORT HANDLE WINAPI CreateEventW(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset,
                                          BOOL bInitialState, LPCWSTR lpName)
{
    return Win32CreateEvent(lpEventAttributes, bManualReset, bInitialState, lpName);
}

/* @implemented */
DECLSPEC_EXPORT HANDLE WINAPI CreateEventA(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset,
                                          BOOL bInitialState, LPCSTR lpName)
{
    WCHAR *wide = lpName ? Win32Utf8ToWide(lpName) : NULL;
    if (lpName && !wide) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    HANDLE h = Win32CreateEvent(lpEventAttributes, bManualReset, bInitialState, wide);
    free(wide);
    return h;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI SetEvent(HANDLE hEvent)
{
    NTSTATUS status = NtSetEvent(hEvent, NULL);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI ResetEvent(HANDLE hEvent)
{
    NTSTATUS status = NtClearEvent(hEvent);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* A Win32 time-out in milliseconds as an NT relative time-out (NULL:
 * INFINITE). */
static PLARGE_INTEGER Win32Timeout(PLARGE_INTEGER timeout, DWORD ms)
{
    if (ms == INFINITE)
        return NULL;
    timeout->QuadPart = -(LONGLONG)ms * 10000;
    return timeout;
}

/* WAIT_OBJECT_0 + n, WAIT_ABANDONED_0 + n and WAIT_TIMEOUT are the NT
 * statuses themselves; a failure is WAIT_FAILED with the last error. */
static DWORD Win32WaitResult(NTSTATUS status)
{
    if (!NT_SUCCESS(status)) {
        Win32FailWithStatus(status);
        return WAIT_FAILED;
    }
    return (DWORD)status;
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI WaitForSingleObjectEx(HANDLE hHandle, DWORD dwMilliseconds, BOOL bAlertable)
{
    LARGE_INTEGER timeout;
    return Win32WaitResult(
        NtWaitForSingleObject(hHandle, bAlertable ? TRUE : FALSE, Win32Timeout(&timeout, dwMilliseconds)));
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds)
{
    return WaitForSingleObjectEx(hHandle, dwMilliseconds, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI WaitForMultipleObjectsEx(DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll,
                                                     DWORD dwMilliseconds, BOOL bAlertable)
{
    LARGE_INTEGER timeout;
    if (nCount == 0 || nCount > MAXIMUM_WAIT_OBJECTS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    HANDLE handles[MAXIMUM_WAIT_OBJECTS];
    for (DWORD i = 0; i < nCount; i++)
        handles[i] = lpHandles[i];
    return Win32WaitResult(NtWaitForMultipleObjects(nCount, handles, bWaitAll ? WaitAll : WaitAny,
                                                    bAlertable ? TRUE : FALSE,
                                                    Win32Timeout(&timeout, dwMilliseconds)));
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI WaitForMultipleObjects(DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll,
                                                   DWORD dwMilliseconds)
{
    return WaitForMultipleObjectsEx(nCount, lpHandles, bWaitAll, dwMilliseconds, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI SleepEx(DWORD dwMilliseconds, BOOL bAlertable)
{
    LARGE_INTEGER interval;
    /* An alertable sleep ends early when user APCs ran (WAIT_IO_COMPLETION). */
    NTSTATUS status = NtDelayExecution(bAlertable ? TRUE : FALSE, Win32Timeout(&interval, dwMilliseconds));
    return status == STATUS_USER_APC ? WAIT_IO_COMPLETION : 0;
}

/* @implemented */
DECLSPEC_EXPORT VOID WINAPI Sleep(DWORD dwMilliseconds)
{
    SleepEx(dwMilliseconds, FALSE);
}

static HANDLE Win32CreateSemaphore(LONG initial, LONG maximum, LPCWSTR name)
{
    WIN32_OBJECT_NAME n;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateSemaphore(&h, SEMAPHORE_ALL_ACCESS, Win32ObjectAttributes(&n, name), initial, maximum);
    return Win32CreatedHandle(status, h);
}

/* @implemented */
DECLSPEC_EXPORT HANDLE WINAPI CreateSemaphoreW(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes, LONG lInitialCount,
                                              LONG lMaximumCount, LPCWSTR lpName)
{
    return Win32CreateSemaphore(lInitialCount, lMaximumCount, lpName);
}

/* @implemented */
DECLSPEC_EXPORT HANDLE WINAPI CreateSemaphoreA(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes, LONG lInitialCount,
                                              LONG lMaximumCount, LPCSTR lpName)
{
    WCHAR *wide = lpName ? Win32Utf8ToWide(lpName) : NULL;
    if (lpName && !wide) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    HANDLE h = Win32CreateSemaphore(lInitialCount, lMaximumCount, wide);
    free(wide);
    return h;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI ReleaseSemaphore(HANDLE hSemaphore, LONG lReleaseCount, LPLONG lpPreviousCount)
{
    NTSTATUS status = NtReleaseSemaphore(hSemaphore, lReleaseCount, lpPreviousCount);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

static HANDLE Win32CreateMutex(BOOL owner, LPCWSTR name)
{
    WIN32_OBJECT_NAME n;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateMutant(&h, MUTEX_ALL_ACCESS, Win32ObjectAttributes(&n, name), owner ? TRUE : FALSE);
    return Win32CreatedHandle(status, h);
}

/* @implemented */
DECLSPEC_EXPORT HANDLE WINAPI CreateMutexW(LPSECURITY_ATTRIBUTES lpMutexAttributes, BOOL bInitialOwner,
                                          LPCWSTR lpName)
{
    return Win32CreateMutex(bInitialOwner, lpName);
}

/* @implemented */
DECLSPEC_EXPORT HANDLE WINAPI CreateMutexA(LPSECURITY_ATTRIBUTES lpMutexAttributes, BOOL bInitialOwner,
                                          LPCSTR lpName)
{
    WCHAR *wide = lpName ? Win32Utf8ToWide(lpName) : NULL;
    if (lpName && !wide) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    HANDLE h = Win32CreateMutex(bInitialOwner, wide);
    free(wide);
    return h;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI ReleaseMutex(HANDLE hMutex)
{
    NTSTATUS status = NtReleaseMutant(hMutex, NULL);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}
