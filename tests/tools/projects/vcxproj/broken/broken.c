/* broken.c - does not compile: ntk build passes on ntk cc's status. */
#include <ntddk.h>
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    return broken_undeclared_identifier;
}
