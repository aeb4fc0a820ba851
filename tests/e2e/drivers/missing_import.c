/*
 * missing_import.c - a test driver that imports a kernel routine which does
 * not exist.
 *
 * On Windows such a driver fails to load (the image's import cannot be
 * resolved). Under ntk run the loader must refuse it before DriverEntry and
 * before the application starts, naming the missing routine.
 */
#include <ntddk.h>

/* No kernel exports this. */
NTSTATUS NTAPI IoNotARealRoutineXyz(void);

DRIVER_INITIALIZE DriverEntry;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#endif

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);

    return IoNotARealRoutineXyz();
}
