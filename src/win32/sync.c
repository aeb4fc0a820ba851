/*
 * sync.c - events and waits (CreateEvent, SetEvent, ResetEvent,
 * WaitForSingleObject, Sleep): the same kernel objects drivers see.
 */
#include "win32.h"
#include <stdlib.h>

static HANDLE Win32CreateEvent(LPSECURITY_ATTRIBUTES sa, BOOL manual, BOOL initial, LPCWSTR name)
{
    static const WCHAR prefix[] = L"\\BaseNamedObjects\\";
    UNICODE_STRING full = {0};
    WCHAR buffer[300];
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, NULL, OBJ_OPENIF, NULL, NULL);
    if (name) {
        size_t p = 0, n = 0;
        while (prefix[p])
            buffer[p] = prefix[p], p++;
        while (name[n] && p + n < 299)
            buffer[p + n] = name[n], n++;
        buffer[p + n] = 0;
        full.Buffer = buffer;
        full.Length = (USHORT)((p + n) * sizeof(WCHAR));
        full.MaximumLength = (USHORT)(full.Length + sizeof(WCHAR));
        oa.ObjectName = &full;
    }
    HANDLE h;
    NTSTATUS status = NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, manual ? NotificationEvent : SynchronizationEvent,
                                    initial ? TRUE : FALSE);
    if (!NT_SUCCESS(status)) {
        Win32FailWithStatus(status);
        return NULL;
    }
    SetLastError(ERROR_SUCCESS);
    return h;
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

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds)
{
    LARGE_INTEGER timeout;
    timeout.QuadPart = -(LONGLONG)dwMilliseconds * 10000;
    NTSTATUS status = NtWaitForSingleObject(hHandle, FALSE, dwMilliseconds == INFINITE ? NULL : &timeout);
    if (!NT_SUCCESS(status)) {
        Win32FailWithStatus(status);
        return WAIT_FAILED;
    }
    return (DWORD)status;
}

/* @implemented */
DECLSPEC_EXPORT VOID WINAPI Sleep(DWORD dwMilliseconds)
{
    LARGE_INTEGER interval;
    interval.QuadPart = -(LONGLONG)dwMilliseconds * 10000;
    NtDelayExecution(FALSE, dwMilliseconds == INFINITE ? NULL : &interval);
}
