/*
 * fileio.c - ordinary files: CreateFile of a name that is not a device
 * (the host file system behind \??\C:, docs/PATHS.md), their size and
 * file pointer (GetFileSize, SetFilePointer, SetEndOfFile), DeleteFile and
 * GetFileAttributes. Handles are file objects of the kernel like any other,
 * so ReadFile, WriteFile and CloseHandle need nothing special.
 */
#include "win32_path.h"
#include <stdlib.h>
#include <string.h>

#ifndef FILE_DELETE_ON_CLOSE
#define FILE_DELETE_ON_CLOSE 0x00001000
#endif

/* The native services (declared under their own names here so that a
 * later declaration in winternl.h cannot clash). */
NTSTATUS NTAPI Win32QueryInformationFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock, PVOID FileInformation,
                                         ULONG Length, ULONG Class) __asm__("NtQueryInformationFile");
NTSTATUS NTAPI Win32SetInformationFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock, PVOID FileInformation,
                                       ULONG Length, ULONG Class) __asm__("NtSetInformationFile");
#define NtQueryInformationFile Win32QueryInformationFile
#define NtSetInformationFile Win32SetInformationFile

/* Windows layouts (ntifs.h / wdm.h). */
typedef struct {
    LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
    ULONG FileAttributes;
} WIN32_FILE_BASIC_INFORMATION;
typedef struct {
    LARGE_INTEGER AllocationSize, EndOfFile;
    ULONG NumberOfLinks;
    BOOLEAN DeletePending, Directory;
} WIN32_FILE_STANDARD_INFORMATION;

#define WIN32_FILE_BASIC_INFO_CLASS ((ULONG)4)
#define WIN32_FILE_STANDARD_INFO_CLASS ((ULONG)5)
#define WIN32_FILE_DISPOSITION_INFO_CLASS ((ULONG)13)
#define WIN32_FILE_POSITION_INFO_CLASS ((ULONG)14)
#define WIN32_FILE_END_OF_FILE_INFO_CLASS ((ULONG)20)

/* kernel32's status -> error rules for opening files. */
static void Win32FailOpen(NTSTATUS status, DWORD disposition)
{
    if (status == STATUS_OBJECT_NAME_COLLISION && disposition == CREATE_NEW)
        SetLastError(ERROR_FILE_EXISTS);
    else if (status == STATUS_FILE_IS_A_DIRECTORY)
        SetLastError(ERROR_ACCESS_DENIED);
    else if (status == STATUS_OBJECT_PATH_SYNTAX_BAD || status == STATUS_OBJECT_NAME_INVALID)
        SetLastError(ERROR_INVALID_NAME);
    else
        Win32FailWithStatus(status);
}

static NTSTATUS Win32OpenNt(LPCWSTR Name, ACCESS_MASK Access, ULONG Share, ULONG Disposition, ULONG Options,
                            ULONG Attributes, HANDLE *Handle, ULONG_PTR *Information, BOOL *PathFailed)
{
    UNICODE_STRING nt;
    *PathFailed = FALSE;
    WCHAR *buffer = Win32NtPathOfFile(Name, &nt);
    if (!buffer) {
        *PathFailed = TRUE;
        return STATUS_UNSUCCESSFUL;
    }
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    IO_STATUS_BLOCK iosb = {.Status = 0, .Information = 0};
    NTSTATUS status = NtCreateFile(Handle, Access, &oa, &iosb, NULL, Attributes, Share, Disposition, Options, NULL, 0);
    free(buffer);
    if (Information)
        *Information = iosb.Information;
    return status;
}

ULONG Win32NtDisposition(DWORD CreationDisposition)
{
    switch (CreationDisposition) {
    case CREATE_NEW: return FILE_CREATE;
    case CREATE_ALWAYS: return FILE_OVERWRITE_IF;
    case OPEN_EXISTING: return FILE_OPEN;
    case OPEN_ALWAYS: return FILE_OPEN_IF;
    case TRUNCATE_EXISTING: return FILE_OVERWRITE;
    default: return 0;
    }
}

HANDLE Win32CreateOrdinaryFile(LPCWSTR Name, DWORD Access, DWORD Share, DWORD Disposition, DWORD FlagsAndAttributes)
{
    ULONG disposition = Win32NtDisposition(Disposition);
    if (!disposition) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    if (FlagsAndAttributes & FILE_FLAG_OVERLAPPED) {
        Win32Unsupported("FILE_FLAG_OVERLAPPED on an ordinary file");
        return INVALID_HANDLE_VALUE;
    }
    ULONG options = FILE_SYNCHRONOUS_IO_NONALERT;
    if (!(FlagsAndAttributes & FILE_FLAG_BACKUP_SEMANTICS))
        options |= FILE_NON_DIRECTORY_FILE;
    ACCESS_MASK access = Access | SYNCHRONIZE | FILE_READ_ATTRIBUTES;
    if (FlagsAndAttributes & FILE_FLAG_DELETE_ON_CLOSE) {
        options |= FILE_DELETE_ON_CLOSE;
        access |= DELETE;
    }
    HANDLE handle;
    ULONG_PTR info;
    BOOL pathFailed;
    NTSTATUS status = Win32OpenNt(Name, access, Share, disposition, options, FlagsAndAttributes & 0xFFFF, &handle,
                                  &info, &pathFailed);
    if (pathFailed)
        return INVALID_HANDLE_VALUE;
    if (!NT_SUCCESS(status)) {
        Win32FailOpen(status, Disposition);
        return INVALID_HANDLE_VALUE;
    }
    BOOL existed = (Disposition == OPEN_ALWAYS || Disposition == CREATE_ALWAYS) &&
                   (info == FILE_OPENED || info == FILE_OVERWRITTEN);
    SetLastError(existed ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
    return handle;
}

static BOOL Win32QueryStandard(HANDLE h, WIN32_FILE_STANDARD_INFORMATION *info)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtQueryInformationFile(h, &iosb, info, sizeof *info, WIN32_FILE_STANDARD_INFO_CLASS);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI GetFileSizeEx(HANDLE hFile, PLARGE_INTEGER lpFileSize)
{
    WIN32_FILE_STANDARD_INFORMATION info;
    if (!Win32QueryStandard(hFile, &info))
        return FALSE;
    *lpFileSize = info.EndOfFile;
    return TRUE;
}

/* @implemented: INVALID_FILE_SIZE with a last error on failure; a size
 * whose low part is 0xFFFFFFFF leaves NO_ERROR as the last error. */
DECLSPEC_EXPORT DWORD WINAPI GetFileSize(HANDLE hFile, LPDWORD lpFileSizeHigh)
{
    WIN32_FILE_STANDARD_INFORMATION info;
    if (!Win32QueryStandard(hFile, &info))
        return INVALID_FILE_SIZE;
    if (lpFileSizeHigh)
        *lpFileSizeHigh = (DWORD)info.EndOfFile.HighPart;
    if (info.EndOfFile.LowPart == INVALID_FILE_SIZE)
        SetLastError(NO_ERROR);
    return info.EndOfFile.LowPart;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI SetFilePointerEx(HANDLE hFile, LARGE_INTEGER liDistanceToMove,
                                            PLARGE_INTEGER lpNewFilePointer, DWORD dwMoveMethod)
{
    IO_STATUS_BLOCK iosb;
    LARGE_INTEGER base = {.QuadPart = 0};
    NTSTATUS status = STATUS_SUCCESS;
    switch (dwMoveMethod) {
    case FILE_BEGIN: break;
    case FILE_CURRENT:
        status = NtQueryInformationFile(hFile, &iosb, &base, sizeof base, WIN32_FILE_POSITION_INFO_CLASS);
        break;
    case FILE_END: {
        WIN32_FILE_STANDARD_INFORMATION info;
        if (!Win32QueryStandard(hFile, &info))
            return FALSE;
        base = info.EndOfFile;
        break;
    }
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!NT_SUCCESS(status))
        return Win32FailWithStatus(status);
    LARGE_INTEGER pos = {.QuadPart = base.QuadPart + liDistanceToMove.QuadPart};
    if (pos.QuadPart < 0) {
        SetLastError(ERROR_NEGATIVE_SEEK);
        return FALSE;
    }
    status = NtSetInformationFile(hFile, &iosb, &pos, sizeof pos, WIN32_FILE_POSITION_INFO_CLASS);
    if (!NT_SUCCESS(status))
        return Win32FailWithStatus(status);
    if (lpNewFilePointer)
        *lpNewFilePointer = pos;
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI SetFilePointer(HANDLE hFile, LONG lDistanceToMove, PLONG lpDistanceToMoveHigh,
                                           DWORD dwMoveMethod)
{
    LARGE_INTEGER distance, pos;
    if (lpDistanceToMoveHigh) {
        distance.LowPart = (DWORD)lDistanceToMove;
        distance.HighPart = *lpDistanceToMoveHigh;
    } else {
        distance.QuadPart = lDistanceToMove;
    }
    if (!lpDistanceToMoveHigh && dwMoveMethod <= FILE_END) {
        /* Without a high part the result must fit in 32 bits: checked first. */
        IO_STATUS_BLOCK iosb;
        LARGE_INTEGER base = {.QuadPart = 0};
        if (dwMoveMethod == FILE_CURRENT &&
            NT_SUCCESS(NtQueryInformationFile(hFile, &iosb, &base, sizeof base, WIN32_FILE_POSITION_INFO_CLASS)) &&
            base.QuadPart + distance.QuadPart > 0xFFFFFFFELL) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return INVALID_SET_FILE_POINTER;
        }
    }
    if (!SetFilePointerEx(hFile, distance, &pos, dwMoveMethod))
        return INVALID_SET_FILE_POINTER;
    if (lpDistanceToMoveHigh)
        *lpDistanceToMoveHigh = pos.HighPart;
    if (pos.LowPart == INVALID_SET_FILE_POINTER)
        SetLastError(NO_ERROR);
    return pos.LowPart;
}

/* @implemented: the end of file moves to the file pointer. */
DECLSPEC_EXPORT BOOL WINAPI SetEndOfFile(HANDLE hFile)
{
    IO_STATUS_BLOCK iosb;
    LARGE_INTEGER pos;
    NTSTATUS status = NtQueryInformationFile(hFile, &iosb, &pos, sizeof pos, WIN32_FILE_POSITION_INFO_CLASS);
    if (NT_SUCCESS(status))
        status = NtSetInformationFile(hFile, &iosb, &pos, sizeof pos, WIN32_FILE_END_OF_FILE_INFO_CLASS);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented: opened for DELETE and marked; the host file goes when the
 * last handle to it closes. A folder is refused (ERROR_ACCESS_DENIED). */
DECLSPEC_EXPORT BOOL WINAPI DeleteFileW(LPCWSTR lpFileName)
{
    if (!lpFileName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    HANDLE h;
    BOOL pathFailed;
    NTSTATUS status = Win32OpenNt(lpFileName, DELETE | SYNCHRONIZE | FILE_READ_ATTRIBUTES,
                                  FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, FILE_OPEN,
                                  FILE_NON_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT, 0, &h, NULL, &pathFailed);
    if (pathFailed)
        return FALSE;
    if (!NT_SUCCESS(status)) {
        Win32FailOpen(status, OPEN_EXISTING);
        return FALSE;
    }
    BOOLEAN del = TRUE;
    IO_STATUS_BLOCK iosb;
    status = NtSetInformationFile(h, &iosb, &del, sizeof del, WIN32_FILE_DISPOSITION_INFO_CLASS);
    NtClose(h);
    if (status == STATUS_CANNOT_DELETE) {
        SetLastError(ERROR_ACCESS_DENIED);
        return FALSE;
    }
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI DeleteFileA(LPCSTR lpFileName)
{
    if (!lpFileName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    WCHAR *wide = Win32Utf8ToWide(lpFileName);
    if (!wide) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    BOOL ok = DeleteFileW(wide);
    free(wide);
    return ok;
}

/* @implemented: FILE_ATTRIBUTE_DIRECTORY, _READONLY, or _NORMAL. */
DECLSPEC_EXPORT DWORD WINAPI GetFileAttributesW(LPCWSTR lpFileName)
{
    if (!lpFileName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_FILE_ATTRIBUTES;
    }
    HANDLE h;
    BOOL pathFailed;
    NTSTATUS status = Win32OpenNt(lpFileName, FILE_READ_ATTRIBUTES | SYNCHRONIZE,
                                  FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, FILE_OPEN,
                                  FILE_SYNCHRONOUS_IO_NONALERT, 0, &h, NULL, &pathFailed);
    if (pathFailed)
        return INVALID_FILE_ATTRIBUTES;
    if (!NT_SUCCESS(status)) {
        Win32FailOpen(status, OPEN_EXISTING);
        return INVALID_FILE_ATTRIBUTES;
    }
    WIN32_FILE_BASIC_INFORMATION info;
    IO_STATUS_BLOCK iosb;
    status = NtQueryInformationFile(h, &iosb, &info, sizeof info, WIN32_FILE_BASIC_INFO_CLASS);
    NtClose(h);
    if (!NT_SUCCESS(status)) {
        Win32FailWithStatus(status);
        return INVALID_FILE_ATTRIBUTES;
    }
    return info.FileAttributes;
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetFileAttributesA(LPCSTR lpFileName)
{
    if (!lpFileName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_FILE_ATTRIBUTES;
    }
    WCHAR *wide = Win32Utf8ToWide(lpFileName);
    if (!wide) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_FILE_ATTRIBUTES;
    }
    DWORD a = GetFileAttributesW(wide);
    free(wide);
    return a;
}
