/*
 * win32.h - internals shared by the Win32 subset (src/win32).
 */
#ifndef NTK_WIN32_INTERNAL_H
#define NTK_WIN32_INTERNAL_H

#include <windows.h>
#include <winternl.h>
#include <ntstatus.h>
#include <stdio.h>

/* Sets the last error from an NTSTATUS and returns FALSE. */
BOOL Win32FailWithStatus(NTSTATUS status);
/* Reports a Win32 feature ntk lacks: a diagnostic and ERROR_NOT_SUPPORTED. */
void Win32Unsupported(const char *what);

/* UTF-8 -> newly allocated UTF-16 (free with free()); NULL on failure. */
WCHAR *Win32Utf8ToWide(const char *s);

/* ReadFile/WriteFile/DeviceIoControl with an OVERLAPPED (overlapped.c). */
BOOL Win32OverlappedReadWrite(BOOL write, HANDLE hFile, LPVOID buffer, DWORD length, LPDWORD transferred,
                              LPOVERLAPPED overlapped);
BOOL Win32OverlappedDeviceIoControl(HANDLE hDevice, DWORD code, LPVOID in, DWORD inSize, LPVOID out, DWORD outSize,
                                    LPDWORD returned, LPOVERLAPPED overlapped);

/* Kernel entry points used by the subset that have no Win32 form. */
NTSYSAPI NTSTATUS NTAPI RtlAnsiStringToUnicodeString(PUNICODE_STRING DestinationString, PCANSI_STRING SourceString,
                                                    BOOLEAN AllocateDestinationString);
NTSYSAPI HANDLE NTAPI PsGetCurrentProcessId(VOID);
NTSYSAPI HANDLE NTAPI PsGetCurrentThreadId(VOID);
NTSYSAPI NTSTATUS NTAPI NtDelayExecution(BOOLEAN Alertable, PLARGE_INTEGER DelayInterval);
NTSYSAPI NTSTATUS NTAPI NtQueryPerformanceCounter(PLARGE_INTEGER PerformanceCounter,
                                                  PLARGE_INTEGER PerformanceFrequency);
NTSYSAPI ULONG NTAPI NtGetTickCount(VOID);
__attribute__((noreturn)) void ntk_app_exit(int status);
NTSYSAPI NTSTATUS NTAPI NtAllocateVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress, ULONG_PTR ZeroBits,
                                                PSIZE_T RegionSize, ULONG AllocationType, ULONG Protect);
NTSYSAPI NTSTATUS NTAPI NtProtectVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress, PSIZE_T RegionSize,
                                               ULONG NewProtect, PULONG OldProtect);
NTSYSAPI NTSTATUS NTAPI NtFreeVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress, PSIZE_T RegionSize,
                                            ULONG FreeType);

#endif
