/* driver.c - listed as src\Driver.C; checks the Debug|x64 settings arrived. */
#include <ntddk.h>
#include "cond.h"
#include "sub.h"

#if !defined(COND_ALL_CONFIGURATIONS) || COND_DEBUG_X64 != 1 || !defined(COND_HEADER_SEEN) || !defined(COND_SUB_SEEN)
#error "the Debug|x64 settings did not arrive"
#endif
#ifdef COND_RELEASE
#error "a Release|x64 setting arrived"
#endif

ULONG CondUtil(VOID);
ULONG CondMore(VOID);
DRIVER_INITIALIZE DriverEntry;

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return CondUtil() + CondMore() == 3 ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
