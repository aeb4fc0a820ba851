/* srcdrv.c - listed as SrcDrv.c; checks what the sources file set. */
#include <ntddk.h>
#include "srcdrv.h"
#include "helper.h"

#if SRCDRV_ONE != 1 || !defined(SRCDRV_TWO) || SRCDRV_DELTA != 5 || !defined(SRCDRV_HEADER_SEEN)
#error "the sources file's settings did not arrive"
#endif

ULONG SrcDrvHelper(VOID);
DRIVER_INITIALIZE DriverEntry;

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return SrcDrvHelper() == HELPER_VALUE ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
