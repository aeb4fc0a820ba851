/*
 * iocp.c - I/O completion ports: CreateIoCompletionPort,
 * GetQueuedCompletionStatus(Ex), PostQueuedCompletionStatus,
 * SetFileCompletionNotificationModes, over NtCreateIoCompletion & co.
 */
#include "win32.h"

NTSYSAPI NTSTATUS NTAPI NtCreateIoCompletion(PHANDLE IoCompletionHandle, ACCESS_MASK DesiredAccess,
                                             POBJECT_ATTRIBUTES ObjectAttributes, ULONG Count);
NTSYSAPI NTSTATUS NTAPI NtSetIoCompletion(HANDLE IoCompletionHandle, PVOID KeyContext, PVOID ApcContext,
                                          NTSTATUS IoStatus, ULONG_PTR IoStatusInformation);
NTSYSAPI NTSTATUS NTAPI NtRemoveIoCompletion(HANDLE IoCompletionHandle, PVOID *KeyContext, PVOID *ApcContext,
                                             PIO_STATUS_BLOCK IoStatusBlock, PLARGE_INTEGER Timeout);
NTSYSAPI NTSTATUS NTAPI NtRemoveIoCompletionEx(HANDLE IoCompletionHandle, LPOVERLAPPED_ENTRY Information,
                                               ULONG Count, PULONG NumEntriesRemoved, PLARGE_INTEGER Timeout,
                                               BOOLEAN Alertable);
NTSYSAPI NTSTATUS NTAPI NtkSetFileCompletionInformation(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock,
                                                        PVOID FileInformation, ULONG Length, ULONG Class);

#define WIN32_FILE_COMPLETION_INFORMATION 30
#define WIN32_FILE_IO_COMPLETION_NOTIFICATION_INFORMATION 41
#define WIN32_IO_COMPLETION_ALL_ACCESS 0x1F0003

static PLARGE_INTEGER Win32PortTimeout(PLARGE_INTEGER t, DWORD ms)
{
    if (ms == INFINITE)
        return NULL;
    t->QuadPart = -(LONGLONG)ms * 10000;
    return t;
}

/* @implemented */
DECLSPEC_EXPORT HANDLE WINAPI CreateIoCompletionPort(HANDLE FileHandle, HANDLE ExistingCompletionPort,
                                                    ULONG_PTR CompletionKey, DWORD NumberOfConcurrentThreads)
{
    HANDLE port = ExistingCompletionPort;
    if (FileHandle == INVALID_HANDLE_VALUE && port) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!port) {
        NTSTATUS status = NtCreateIoCompletion(&port, WIN32_IO_COMPLETION_ALL_ACCESS, NULL, NumberOfConcurrentThreads);
        if (!NT_SUCCESS(status)) {
            Win32FailWithStatus(status);
            return NULL;
        }
    }
    if (FileHandle != INVALID_HANDLE_VALUE) {
        struct {
            HANDLE Port;
            PVOID Key;
        } info = {port, (PVOID)CompletionKey};
        IO_STATUS_BLOCK iosb;
        NTSTATUS status = NtkSetFileCompletionInformation(FileHandle, &iosb, &info, sizeof info,
                                                          WIN32_FILE_COMPLETION_INFORMATION);
        if (!NT_SUCCESS(status)) {
            if (!ExistingCompletionPort)
                NtClose(port);
            Win32FailWithStatus(status);
            return NULL;
        }
    }
    return port;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI GetQueuedCompletionStatus(HANDLE CompletionPort, LPDWORD lpNumberOfBytesTransferred,
                                                     PULONG_PTR lpCompletionKey, LPOVERLAPPED *lpOverlapped,
                                                     DWORD dwMilliseconds)
{
    LARGE_INTEGER timeout;
    PVOID key, context;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtRemoveIoCompletion(CompletionPort, &key, &context, &iosb,
                                           Win32PortTimeout(&timeout, dwMilliseconds));
    if (status == STATUS_SUCCESS) {
        *lpCompletionKey = (ULONG_PTR)key;
        *lpOverlapped = context;
        *lpNumberOfBytesTransferred = (DWORD)iosb.Information;
        /* The packet of a failed request: FALSE, with its OVERLAPPED. */
        return NT_SUCCESS(iosb.Status) ? TRUE : Win32FailWithStatus(iosb.Status);
    }
    *lpOverlapped = NULL;
    if (status == STATUS_TIMEOUT) {
        SetLastError(WAIT_TIMEOUT);
        return FALSE;
    }
    return Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI GetQueuedCompletionStatusEx(HANDLE CompletionPort, LPOVERLAPPED_ENTRY lpCompletionPortEntries,
                                                       ULONG ulCount, PULONG ulNumEntriesRemoved, DWORD dwMilliseconds,
                                                       BOOL fAlertable)
{
    LARGE_INTEGER timeout;
    if (!lpCompletionPortEntries || !ulCount || !ulNumEntriesRemoved) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *ulNumEntriesRemoved = 0;
    NTSTATUS status = NtRemoveIoCompletionEx(CompletionPort, lpCompletionPortEntries, ulCount, ulNumEntriesRemoved,
                                             Win32PortTimeout(&timeout, dwMilliseconds), fAlertable ? TRUE : FALSE);
    if (status == STATUS_SUCCESS)
        return TRUE;
    if (status == STATUS_TIMEOUT) {
        SetLastError(WAIT_TIMEOUT);
        return FALSE;
    }
    if (status == STATUS_USER_APC) {
        SetLastError(WAIT_IO_COMPLETION);
        return FALSE;
    }
    return Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI PostQueuedCompletionStatus(HANDLE CompletionPort, DWORD dwNumberOfBytesTransferred,
                                                      ULONG_PTR dwCompletionKey, LPOVERLAPPED lpOverlapped)
{
    NTSTATUS status = NtSetIoCompletion(CompletionPort, (PVOID)dwCompletionKey, lpOverlapped, STATUS_SUCCESS,
                                        dwNumberOfBytesTransferred);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI SetFileCompletionNotificationModes(HANDLE FileHandle, UCHAR Flags)
{
    ULONG modes = Flags;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtkSetFileCompletionInformation(FileHandle, &iosb, &modes, sizeof modes,
                                                      WIN32_FILE_IO_COMPLETION_NOTIFICATION_INFORMATION);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}
