/*
 * memory.c - VirtualAlloc/VirtualFree (whole read-write regions) and
 * GetSystemInfo.
 */
#include "win32.h"

/* @implemented: committed read-write regions placed by the system. */
DECLSPEC_EXPORT LPVOID WINAPI VirtualAlloc(LPVOID lpAddress, SIZE_T dwSize, DWORD flAllocationType, DWORD flProtect)
{
    PVOID base = lpAddress;
    SIZE_T size = dwSize;
    NTSTATUS status = NtAllocateVirtualMemory(GetCurrentProcess(), &base, 0, &size, flAllocationType, flProtect);
    if (!NT_SUCCESS(status)) {
        Win32FailWithStatus(status);
        return NULL;
    }
    return base;
}

/* @implemented: MEM_RELEASE of a whole region, MEM_DECOMMIT of its pages. */
DECLSPEC_EXPORT BOOL WINAPI VirtualFree(LPVOID lpAddress, SIZE_T dwSize, DWORD dwFreeType)
{
    if ((dwFreeType != MEM_RELEASE && dwFreeType != MEM_DECOMMIT) || (dwFreeType == MEM_RELEASE && dwSize != 0)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    PVOID base = lpAddress;
    SIZE_T size = dwSize;
    NTSTATUS status = NtFreeVirtualMemory(GetCurrentProcess(), &base, &size, dwFreeType);
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT VOID WINAPI GetSystemInfo(LPSYSTEM_INFO lpSystemInfo)
{
    memset(lpSystemInfo, 0, sizeof *lpSystemInfo);
    lpSystemInfo->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_AMD64;
    lpSystemInfo->dwPageSize = 4096;
    lpSystemInfo->lpMinimumApplicationAddress = (LPVOID)0x10000;
    lpSystemInfo->lpMaximumApplicationAddress = (LPVOID)0x7FFFFFFEFFFFULL;
    lpSystemInfo->dwActiveProcessorMask = 1;
    lpSystemInfo->dwNumberOfProcessors = 1;
    lpSystemInfo->dwProcessorType = PROCESSOR_AMD_X8664;
    lpSystemInfo->dwAllocationGranularity = 65536;
}

/* @implemented: PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE within regions
 * from VirtualAlloc. */
DECLSPEC_EXPORT BOOL WINAPI VirtualProtect(LPVOID lpAddress, SIZE_T dwSize, DWORD flNewProtect, PDWORD lpflOldProtect)
{
    PVOID base = lpAddress;
    SIZE_T size = dwSize;
    ULONG old = 0;
    NTSTATUS status = NtProtectVirtualMemory(GetCurrentProcess(), &base, &size, flNewProtect, &old);
    if (!NT_SUCCESS(status))
        return Win32FailWithStatus(status);
    if (lpflOldProtect)
        *lpflOldProtect = old;
    return TRUE;
}
