/*
 * overlapped.c - overlapped I/O as kernel32 does it: ReadFile, WriteFile
 * and DeviceIoControl with an OVERLAPPED, GetOverlappedResult(Ex),
 * ReadFileEx/WriteFileEx (completion routines as user APCs), CancelIo,
 * CancelIoEx, CancelSynchronousIo.
 *
 * The OVERLAPPED is the request's I/O status block (Internal = status,
 * InternalHigh = information), set to STATUS_PENDING before the call; its
 * hEvent is the request's event, and its address the completion-port
 * value, unless hEvent has its low bit set (then no packet is queued).
 */
#include "win32.h"

NTSYSAPI NTSTATUS NTAPI NtCancelIoFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock);
NTSYSAPI NTSTATUS NTAPI NtCancelIoFileEx(HANDLE FileHandle, PIO_STATUS_BLOCK IoRequestToCancel,
                                         PIO_STATUS_BLOCK IoStatusBlock);
NTSYSAPI NTSTATUS NTAPI NtCancelSynchronousIoFile(HANDLE ThreadHandle, PIO_STATUS_BLOCK IoRequestToCancel,
                                                  PIO_STATUS_BLOCK IoStatusBlock);
NTSYSAPI ULONG NTAPI RtlNtStatusToDosError(NTSTATUS Status);

static HANDLE Win32OverlappedEvent(LPOVERLAPPED ov)
{
    return (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1);
}

/* The completion-port value: none when hEvent's low bit is set. */
static PVOID Win32OverlappedContext(LPOVERLAPPED ov)
{
    return ((ULONG_PTR)ov->hEvent & 1) ? NULL : ov;
}

static NTSTATUS Win32OverlappedStatus(LPOVERLAPPED ov)
{
    return (NTSTATUS)__atomic_load_n(&ov->Internal, __ATOMIC_ACQUIRE);
}

/* What the caller sees of a call that returned status: FALSE with
 * ERROR_IO_PENDING while pending; otherwise as for a synchronous call, with
 * the byte count of any non-error status (io-semantics 1.E.38, 2.1). */
static BOOL Win32OverlappedReturn(NTSTATUS status, LPOVERLAPPED ov, LPDWORD transferred, BOOL read)
{
    if (status == STATUS_PENDING) {
        SetLastError(ERROR_IO_PENDING);
        return FALSE;
    }
    if (!NT_ERROR(status) && transferred)
        *transferred = (DWORD)ov->InternalHigh;
    if (!NT_SUCCESS(status)) {
        if (read && status == STATUS_END_OF_FILE) {
            SetLastError(ERROR_HANDLE_EOF);
            return FALSE;
        }
        return Win32FailWithStatus(status);
    }
    return TRUE;
}

BOOL Win32OverlappedReadWrite(BOOL write, HANDLE hFile, LPVOID buffer, DWORD length, LPDWORD transferred,
                              LPOVERLAPPED ov)
{
    LARGE_INTEGER offset = {.QuadPart = ((LONGLONG)ov->OffsetHigh << 32) | ov->Offset};
    ov->Internal = STATUS_PENDING;
    ov->InternalHigh = 0;
    PIO_STATUS_BLOCK iosb = (PIO_STATUS_BLOCK)ov;
    NTSTATUS status =
        write ? NtWriteFile(hFile, Win32OverlappedEvent(ov), NULL, Win32OverlappedContext(ov), iosb, buffer, length,
                            &offset, NULL)
              : NtReadFile(hFile, Win32OverlappedEvent(ov), NULL, Win32OverlappedContext(ov), iosb, buffer, length,
                           &offset, NULL);
    return Win32OverlappedReturn(status, ov, transferred, !write);
}

BOOL Win32OverlappedDeviceIoControl(HANDLE hDevice, DWORD code, LPVOID in, DWORD inSize, LPVOID out, DWORD outSize,
                                    LPDWORD returned, LPOVERLAPPED ov)
{
    ov->Internal = STATUS_PENDING;
    ov->InternalHigh = 0;
    NTSTATUS status = NtDeviceIoControlFile(hDevice, Win32OverlappedEvent(ov), NULL, Win32OverlappedContext(ov),
                                            (PIO_STATUS_BLOCK)ov, code, in, inSize, out, outSize);
    return Win32OverlappedReturn(status, ov, returned, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI GetOverlappedResultEx(HANDLE hFile, LPOVERLAPPED lpOverlapped,
                                                 LPDWORD lpNumberOfBytesTransferred, DWORD dwMilliseconds,
                                                 BOOL bAlertable)
{
    while (Win32OverlappedStatus(lpOverlapped) == STATUS_PENDING) {
        if (dwMilliseconds == 0) {
            SetLastError(ERROR_IO_INCOMPLETE);
            return FALSE;
        }
        /* The request's event, or the file object when it had none. */
        HANDLE waitOn = Win32OverlappedEvent(lpOverlapped) ? Win32OverlappedEvent(lpOverlapped) : hFile;
        DWORD r = WaitForSingleObjectEx(waitOn, dwMilliseconds, bAlertable);
        if (r == WAIT_IO_COMPLETION) {
            SetLastError(WAIT_IO_COMPLETION);
            return FALSE;
        }
        if (r == WAIT_TIMEOUT) {
            if (Win32OverlappedStatus(lpOverlapped) != STATUS_PENDING)
                break;
            SetLastError(WAIT_TIMEOUT);
            return FALSE;
        }
        if (r == WAIT_FAILED)
            return FALSE;
        if (Win32OverlappedStatus(lpOverlapped) == STATUS_PENDING && dwMilliseconds != INFINITE) {
            /* Signalled for another request on the same file object. */
            SetLastError(ERROR_IO_INCOMPLETE);
            return FALSE;
        }
    }
    NTSTATUS status = Win32OverlappedStatus(lpOverlapped);
    *lpNumberOfBytesTransferred = (DWORD)lpOverlapped->InternalHigh;
    if (!NT_SUCCESS(status)) {
        if (status == STATUS_END_OF_FILE) {
            SetLastError(ERROR_HANDLE_EOF);
            return FALSE;
        }
        return Win32FailWithStatus(status);
    }
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI GetOverlappedResult(HANDLE hFile, LPOVERLAPPED lpOverlapped,
                                               LPDWORD lpNumberOfBytesTransferred, BOOL bWait)
{
    return GetOverlappedResultEx(hFile, lpOverlapped, lpNumberOfBytesTransferred, bWait ? INFINITE : 0, FALSE);
}

/* The APC of ReadFileEx/WriteFileEx: the completion routine with the Win32
 * error of the final status. */
static VOID NTAPI Win32CompletionRoutineApc(PVOID ApcContext, PIO_STATUS_BLOCK IoStatusBlock, ULONG Reserved)
{
    (void)Reserved;
    LPOVERLAPPED_COMPLETION_ROUTINE routine = (LPOVERLAPPED_COMPLETION_ROUTINE)ApcContext;
    NTSTATUS status = IoStatusBlock->Status;
    routine(status == STATUS_SUCCESS ? ERROR_SUCCESS : RtlNtStatusToDosError(status),
            (DWORD)IoStatusBlock->Information, (LPOVERLAPPED)IoStatusBlock);
}

static BOOL Win32ReadWriteEx(BOOL write, HANDLE hFile, LPVOID buffer, DWORD length, LPOVERLAPPED ov,
                             LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
    if (!ov || !routine) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    LARGE_INTEGER offset = {.QuadPart = ((LONGLONG)ov->OffsetHigh << 32) | ov->Offset};
    ov->Internal = STATUS_PENDING;
    ov->InternalHigh = 0;
    PIO_STATUS_BLOCK iosb = (PIO_STATUS_BLOCK)ov;
    NTSTATUS status = write ? NtWriteFile(hFile, NULL, Win32CompletionRoutineApc, (PVOID)routine, iosb, buffer,
                                          length, &offset, NULL)
                            : NtReadFile(hFile, NULL, Win32CompletionRoutineApc, (PVOID)routine, iosb, buffer,
                                         length, &offset, NULL);
    /* Queued (pending or completed): the routine runs in an alertable wait. */
    if (NT_ERROR(status))
        return Win32FailWithStatus(status);
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI ReadFileEx(HANDLE hFile, LPVOID lpBuffer, DWORD nNumberOfBytesToRead,
                                      LPOVERLAPPED lpOverlapped, LPOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
{
    return Win32ReadWriteEx(FALSE, hFile, lpBuffer, nNumberOfBytesToRead, lpOverlapped, lpCompletionRoutine);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI WriteFileEx(HANDLE hFile, LPCVOID lpBuffer, DWORD nNumberOfBytesToWrite,
                                       LPOVERLAPPED lpOverlapped, LPOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
{
    return Win32ReadWriteEx(TRUE, hFile, (LPVOID)lpBuffer, nNumberOfBytesToWrite, lpOverlapped,
                            lpCompletionRoutine);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI CancelIo(HANDLE hFile)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtCancelIoFile(hFile, &iosb);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI CancelIoEx(HANDLE hFile, LPOVERLAPPED lpOverlapped)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtCancelIoFileEx(hFile, (PIO_STATUS_BLOCK)lpOverlapped, &iosb);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI CancelSynchronousIo(HANDLE hThread)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtCancelSynchronousIoFile(hThread, NULL, &iosb);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}
