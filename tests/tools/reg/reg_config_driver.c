/*
 * reg_config_driver.c - a driver that reads its configuration the way WDK
 * drivers do: RtlQueryRegistryValues on the RegistryPath DriverEntry gets
 * (the service key ntk run's loader made: Type, Start, ImagePath), a
 * Parameters value put in the store with "ntk reg import", and a run counter
 * kept under IoOpenDriverRegistryKey(DriverRegKeyPersistentState), which
 * counts across runs when the registry persists (NTK_REGISTRY).
 */
#include <ntddk.h>

DRIVER_INITIALIZE DriverEntry;
static DRIVER_UNLOAD RegCfgUnload;

static VOID RegCfgUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
}

static ULONG RegCfgCountRun(PDRIVER_OBJECT DriverObject)
{
    HANDLE key;
    ULONG runs = 0, got;
    UCHAR buffer[sizeof(KEY_VALUE_PARTIAL_INFORMATION) + sizeof(ULONG)];
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"Runs");
    if (!NT_SUCCESS(IoOpenDriverRegistryKey(DriverObject, DriverRegKeyPersistentState, KEY_ALL_ACCESS, 0, &key)))
        return 0;
    if (NT_SUCCESS(ZwQueryValueKey(key, &name, KeyValuePartialInformation, buffer, sizeof buffer, &got)))
        runs = *(PULONG)((PKEY_VALUE_PARTIAL_INFORMATION)buffer)->Data;
    runs++;
    ZwSetValueKey(key, &name, 0, REG_DWORD, &runs, sizeof runs);
    ZwClose(key);
    return runs;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    /* RegistryPath is not NUL-terminated: copy it for the Rtl routine. */
    WCHAR path[256];
    RtlZeroMemory(path, sizeof path);
    if (RegistryPath->Length >= sizeof path)
        return STATUS_NAME_TOO_LONG;
    RtlCopyMemory(path, RegistryPath->Buffer, RegistryPath->Length);

    ULONG type = 0, start = 0;
    UNICODE_STRING image = {0, 0, NULL}, greeting = {0, 0, NULL};
    RTL_QUERY_REGISTRY_TABLE table[6];
    RtlZeroMemory(table, sizeof table);
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_REQUIRED;
    table[0].Name = L"Type";
    table[0].EntryContext = &type;
    table[1].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_REQUIRED;
    table[1].Name = L"Start";
    table[1].EntryContext = &start;
    table[2].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_NOEXPAND;
    table[2].Name = L"ImagePath";
    table[2].EntryContext = &image;
    table[3].Flags = RTL_QUERY_REGISTRY_SUBKEY;
    table[3].Name = L"Parameters";
    table[4].Flags = RTL_QUERY_REGISTRY_DIRECT;
    table[4].Name = L"Greeting";
    table[4].EntryContext = &greeting;
    table[4].DefaultType = REG_SZ;
    table[4].DefaultData = L"no greeting";
    /* The Parameters key may be missing: opening it through the I/O
     * manager makes it. */
    HANDLE parameters;
    if (NT_SUCCESS(IoOpenDriverRegistryKey(DriverObject, DriverRegKeyParameters, KEY_READ, 0, &parameters)))
        ZwClose(parameters);
    NTSTATUS status = RtlQueryRegistryValues(RTL_REGISTRY_ABSOLUTE, path, table, NULL, NULL);
    ULONG runs = RegCfgCountRun(DriverObject);
    DbgPrint("regcfg: status=0x%08X type=%lu start=%lu image=%wZ greeting=%wZ runs=%lu\n", status, type, start,
             &image, &greeting, runs);
    if (image.Buffer)
        ExFreePool(image.Buffer);
    if (greeting.Buffer)
        ExFreePool(greeting.Buffer);
    DriverObject->DriverUnload = RegCfgUnload;
    return status;
}
