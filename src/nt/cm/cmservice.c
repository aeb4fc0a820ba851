/*
 * cmservice.c - service keys: the driver loader's
 * \Registry\Machine\System\CurrentControlSet\Services\<name> (made, or
 * completed with the standard values it lacks, when a driver is loaded, so
 * the RegistryPath DriverEntry receives names a real service key), and
 * the I/O manager's routines that open a driver's keys under it
 * (IoOpenDriverRegistryKey) or a device's (IoOpenDeviceRegistryKey).
 */
#include <internal/cm.h>
#include <internal/ntk_alloc.h>
#include <internal/rtl.h>

#define CMP_SERVICES L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\"

static NTSTATUS CmpSetDword(HANDLE Key, const WCHAR *Name, ULONG Value)
{
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, Name);
    return ZwSetValueKey(Key, &name, 0, REG_DWORD, &Value, sizeof Value);
}

static BOOLEAN CmpHasValue(HANDLE Key, const WCHAR *Name)
{
    UNICODE_STRING name;
    ULONG needed;
    KEY_VALUE_BASIC_INFORMATION info;
    RtlInitUnicodeString(&name, Name);
    NTSTATUS status = ZwQueryValueKey(Key, &name, KeyValueBasicInformation, &info, sizeof info, &needed);
    return status != STATUS_OBJECT_NAME_NOT_FOUND;
}

/* UTF-8 -> a new NUL-terminated UTF-16 string (KipFree). */
static NTSTATUS CmpWide(const char *Text, UNICODE_STRING *Out)
{
    size_t n = strlen(Text);
    if (n >= UNICODE_STRING_MAX_CHARS)
        return STATUS_NAME_TOO_LONG;
    Out->Buffer = KipAlloc((n + 1) * sizeof(WCHAR));
    if (!Out->Buffer)
        return STATUS_INSUFFICIENT_RESOURCES;
    Out->MaximumLength = (USHORT)((n + 1) * sizeof(WCHAR));
    ANSI_STRING a = {(USHORT)n, (USHORT)(n + 1), (PCHAR)Text};
    NTSTATUS status = RtlpUtf8ToUtf16String(Out, &a);
    if (!NT_SUCCESS(status))
        KipFree(Out->Buffer);
    return status;
}

NTSTATUS CmpEnsureServiceKey(const char *ServiceName, const char *ImagePath)
{
    UNICODE_STRING service, image;
    NTSTATUS status = CmpWide(ServiceName, &service);
    if (!NT_SUCCESS(status))
        return status;
    status = CmpWide(ImagePath, &image);
    if (!NT_SUCCESS(status)) {
        KipFree(service.Buffer);
        return status;
    }
    size_t prefix = sizeof(CMP_SERVICES) - sizeof(WCHAR);
    UNICODE_STRING path = {0, 0, NULL};
    path.MaximumLength = (USHORT)(prefix + service.Length + sizeof(WCHAR));
    path.Buffer = KipAlloc(path.MaximumLength);
    HANDLE key = NULL;
    if (!path.Buffer) {
        status = STATUS_INSUFFICIENT_RESOURCES;
    } else {
        memcpy(path.Buffer, CMP_SERVICES, prefix);
        memcpy((PUCHAR)path.Buffer + prefix, service.Buffer, service.Length);
        path.Length = (USHORT)(prefix + service.Length);
        OBJECT_ATTRIBUTES oa;
        InitializeObjectAttributes(&oa, &path, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, NULL);
        status = ZwCreateKey(&key, KEY_ALL_ACCESS, &oa, 0, NULL, 0, NULL);
    }
    /* Each standard value the key lacks (a key a .reg file made may hold
     * only Parameters): a kernel driver (1), started on demand (3), errors
     * logged (1), and the image. Values already there are the service's. */
    static const struct {
        const WCHAR *Name;
        ULONG Value;
    } dwords[] = {{L"Type", 1}, {L"Start", 3}, {L"ErrorControl", 1}};
    for (size_t i = 0; NT_SUCCESS(status) && i < RTL_NUMBER_OF(dwords); i++)
        if (!CmpHasValue(key, dwords[i].Name))
            status = CmpSetDword(key, dwords[i].Name, dwords[i].Value);
    if (NT_SUCCESS(status) && !CmpHasValue(key, L"ImagePath")) {
        UNICODE_STRING name = RTL_CONSTANT_STRING(L"ImagePath");
        status = ZwSetValueKey(key, &name, 0, REG_EXPAND_SZ, image.Buffer, image.Length + sizeof(WCHAR));
    }
    if (key)
        ZwClose(key);
    KipFree(path.Buffer);
    KipFree(service.Buffer);
    KipFree(image.Buffer);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoOpenDriverRegistryKey(PDRIVER_OBJECT DriverObject, DRIVER_REGKEY_TYPE RegKeyType,
                                                      ACCESS_MASK DesiredAccess, ULONG Flags, PHANDLE DriverRegKey)
{
    KI_CHECK_IRQL(IoOpenDriverRegistryKey);
    if (!DriverObject || !DriverRegKey || Flags != 0 || !DriverObject->DriverExtension)
        return STATUS_INVALID_PARAMETER;
    const WCHAR *sub;
    switch (RegKeyType) {
    case DriverRegKeyParameters:
        sub = L"\\Parameters";
        break;
    case DriverRegKeyPersistentState:
        sub = L"\\State";
        break;
    default:
        return KiNotImplemented("IoOpenDriverRegistryKey", "DriverRegKeySharedPersistentState");
    }
    PUNICODE_STRING service = &DriverObject->DriverExtension->ServiceKeyName;
    size_t prefix = sizeof(CMP_SERVICES) - sizeof(WCHAR), tail = 0;
    while (sub[tail])
        tail++;
    tail *= sizeof(WCHAR);
    UNICODE_STRING path;
    path.Length = (USHORT)(prefix + service->Length + tail);
    path.MaximumLength = (USHORT)(path.Length + sizeof(WCHAR));
    path.Buffer = KipAlloc(path.MaximumLength);
    if (!path.Buffer)
        return STATUS_INSUFFICIENT_RESOURCES;
    memcpy(path.Buffer, CMP_SERVICES, prefix);
    memcpy((PUCHAR)path.Buffer + prefix, service->Buffer, service->Length);
    memcpy((PUCHAR)path.Buffer + prefix + service->Length, sub, tail);
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &path, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, NULL);
    /* Windows makes these keys on demand. */
    NTSTATUS status = ZwCreateKey(DriverRegKey, DesiredAccess, &oa, 0, NULL, 0, NULL);
    KipFree(path.Buffer);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoOpenDeviceRegistryKey(PDEVICE_OBJECT DeviceObject, ULONG DevInstKeyType,
                                                      ACCESS_MASK DesiredAccess, PHANDLE DeviceRegKey)
{
    KI_CHECK_IRQL(IoOpenDeviceRegistryKey);
    if (!DeviceObject || !DeviceRegKey)
        return STATUS_INVALID_PARAMETER;
    *DeviceRegKey = NULL;
    /* Device keys belong to a physical device object enumerated by the
     * Plug and Play manager; ntk's devices are legacy (non-PnP) devices,
     * for which Windows answers the same. */
    return STATUS_INVALID_DEVICE_REQUEST;
}
