/*
 * entry_fails.c - a test driver whose DriverEntry fails.
 *
 * On Windows the service does not start and the driver is unloaded without
 * its unload routine being called. Under ntk run the failure must stop the
 * run before the application starts, naming the driver and the status.
 */
#include <ntddk.h>

DRIVER_INITIALIZE DriverEntry;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#endif

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);

    DbgPrint("E2eEntryFails: refusing to start\n");
    return STATUS_UNSUCCESSFUL;
}
