/*
 * test_rtl.c - the Rtl registry helpers and the I/O manager's keys:
 * RtlQueryRegistryValues with each RTL_QUERY_REGISTRY_* flag (DIRECT into
 * ULONGs, UNICODE_STRINGs and sized buffers, REQUIRED, defaults, SUBKEY
 * and TOPKEY, NOEXPAND, DELETE, TYPECHECK, NOVALUE, routines and their
 * REG_MULTI_SZ splitting), the RTL_REGISTRY_* bases, RtlWriteRegistryValue,
 * RtlDeleteRegistryValue, RtlCheckRegistryKey, RtlCreateRegistryKey, the
 * driver loader's service key and IoOpenDriverRegistryKey.
 */
#include "ntk_test.h"
#include <internal/cm.h>
#include <ntk/ntk.h>

#define SERVICE L"NtkRtlTest"

static void setup_service(void)
{
    static WCHAR service[] = SERVICE;
    assert_int_equal(RtlCreateRegistryKey(RTL_REGISTRY_SERVICES, service), STATUS_SUCCESS);
    assert_int_equal(RtlCheckRegistryKey(RTL_REGISTRY_SERVICES, service), STATUS_SUCCESS);
    static WCHAR params[] = SERVICE L"\\Parameters";
    assert_int_equal(RtlCreateRegistryKey(RTL_REGISTRY_SERVICES, params), STATUS_SUCCESS);
    ULONG v = 7;
    assert_int_equal(RtlWriteRegistryValue(RTL_REGISTRY_SERVICES, SERVICE, L"Start", REG_DWORD, &v, 4),
                     STATUS_SUCCESS);
    static const WCHAR path[] = L"%SystemRoot%\\drivers\\x.sys";
    assert_int_equal(RtlWriteRegistryValue(RTL_REGISTRY_SERVICES, SERVICE, L"ImagePath", REG_EXPAND_SZ, (PVOID)path,
                                           sizeof path),
                     STATUS_SUCCESS);
    static const WCHAR multi[] = L"one\0two\0three\0";
    assert_int_equal(RtlWriteRegistryValue(RTL_REGISTRY_SERVICES, SERVICE L"\\Parameters", L"List", REG_MULTI_SZ,
                                           (PVOID)multi, sizeof multi),
                     STATUS_SUCCESS);
    UCHAR blob[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assert_int_equal(RtlWriteRegistryValue(RTL_REGISTRY_SERVICES, SERVICE L"\\Parameters", L"Blob", REG_BINARY,
                                           blob, sizeof blob),
                     STATUS_SUCCESS);
}

static void test_direct_and_defaults(void **state)
{
    setup_service();
    ULONG start = 0, missing = 99, fallback = 0;
    ULONG defaultValue = 42;
    UNICODE_STRING image = {0, 0, NULL}, raw = {0, 0, NULL};
    RTL_QUERY_REGISTRY_TABLE table[6];
    memset(table, 0, sizeof table);
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_REQUIRED;
    table[0].Name = L"Start";
    table[0].EntryContext = &start;
    table[1].Flags = RTL_QUERY_REGISTRY_DIRECT;
    table[1].Name = L"ImagePath";
    table[1].EntryContext = &image;
    table[2].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_NOEXPAND;
    table[2].Name = L"ImagePath";
    table[2].EntryContext = &raw;
    table[3].Flags = RTL_QUERY_REGISTRY_DIRECT;
    table[3].Name = L"Absent";
    table[3].EntryContext = &missing; /* REG_NONE default: untouched */
    table[4].Flags = RTL_QUERY_REGISTRY_DIRECT;
    table[4].Name = L"AbsentWithDefault";
    table[4].EntryContext = &fallback;
    table[4].DefaultType = REG_DWORD;
    table[4].DefaultData = &defaultValue;
    table[4].DefaultLength = 4;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE, table, NULL, NULL), STATUS_SUCCESS);
    assert_int_equal(start, 7);
    assert_int_equal(missing, 99);
    assert_int_equal(fallback, 42);
    static const WCHAR expanded[] = L"C:\\Windows\\drivers\\x.sys";
    assert_int_equal(image.Length, sizeof expanded - 2);
    assert_memory_equal(image.Buffer, expanded, sizeof expanded);
    static const WCHAR unexpanded[] = L"%SystemRoot%\\drivers\\x.sys";
    assert_int_equal(raw.Length, sizeof unexpanded - 2);
    assert_memory_equal(raw.Buffer, unexpanded, sizeof unexpanded - 2);
    ExFreePool(image.Buffer);
    ExFreePool(raw.Buffer);

    /* REQUIRED and missing: STATUS_OBJECT_NAME_NOT_FOUND. */
    memset(table, 0, sizeof table);
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_REQUIRED;
    table[0].Name = L"Absent";
    table[0].EntryContext = &missing;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE, table, NULL, NULL),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    /* A missing key; RTL_REGISTRY_OPTIONAL makes it not an error. */
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, L"NoSuchService", table, NULL, NULL),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES | RTL_REGISTRY_OPTIONAL, L"NoSuchService", table,
                                            NULL, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(RtlCheckRegistryKey(RTL_REGISTRY_SERVICES, L"NoSuchService"), STATUS_OBJECT_NAME_NOT_FOUND);

    /* A UNICODE_STRING with a caller buffer too small. */
    WCHAR small[4];
    UNICODE_STRING s = {0, sizeof small, small};
    memset(table, 0, sizeof table);
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT;
    table[0].Name = L"ImagePath";
    table[0].EntryContext = &s;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE, table, NULL, NULL),
                     STATUS_BUFFER_TOO_SMALL);
}

static void test_subkey_sized_buffers_typecheck(void **state)
{
    RTL_QUERY_REGISTRY_TABLE table[4];
    /* Binary data larger than a ULONG: negative size = data only. */
    struct {
        LONG size;
        UCHAR rest[12];
    } dataOnly = {-16, {0}};
    memset(table, 0, sizeof table);
    table[0].Flags = RTL_QUERY_REGISTRY_SUBKEY;
    table[0].Name = L"Parameters";
    table[1].Flags = RTL_QUERY_REGISTRY_DIRECT;
    table[1].Name = L"Blob";
    table[1].EntryContext = &dataOnly;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE, table, NULL, NULL), STATUS_SUCCESS);
    assert_int_equal(((UCHAR *)&dataOnly)[0], 1);
    assert_int_equal(((UCHAR *)&dataOnly)[9], 10);
    /* Positive size: length, type, data. */
    ULONG withHeader[8] = {sizeof withHeader};
    table[1].EntryContext = withHeader;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE, table, NULL, NULL), STATUS_SUCCESS);
    assert_int_equal(withHeader[0], 10);
    assert_int_equal(withHeader[1], REG_BINARY);
    assert_int_equal(((UCHAR *)&withHeader[2])[0], 1);
    /* Too small. */
    LONG tiny[2] = {-8, 0};
    table[1].EntryContext = tiny;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE, table, NULL, NULL),
                     STATUS_BUFFER_TOO_SMALL);
    /* TYPECHECK: a REG_BINARY where a REG_DWORD is expected. */
    ULONG dword = 0;
    table[1].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_TYPECHECK |
                     (REG_DWORD << RTL_QUERY_REGISTRY_TYPECHECK_SHIFT);
    table[1].EntryContext = &dword;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE, table, NULL, NULL),
                     STATUS_OBJECT_TYPE_MISMATCH);
    /* TOPKEY goes back to the key Path names. */
    ULONG start = 0;
    memset(table, 0, sizeof table);
    table[0].Flags = RTL_QUERY_REGISTRY_SUBKEY;
    table[0].Name = L"Parameters";
    table[1].Flags = RTL_QUERY_REGISTRY_TOPKEY;
    table[2].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_REQUIRED | RTL_QUERY_REGISTRY_TYPECHECK |
                     (REG_DWORD << RTL_QUERY_REGISTRY_TYPECHECK_SHIFT);
    table[2].Name = L"Start";
    table[2].EntryContext = &start;
    /* A TOPKEY entry with no routine and no name would end the table:
     * give it a name (ignored for TOPKEY). */
    table[1].Name = L"ignored";
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE, table, NULL, NULL), STATUS_SUCCESS);
    assert_int_equal(start, 7);
}

typedef struct {
    int calls;
    WCHAR seen[8][32];
    ULONG types[8];
} ROUTINE_LOG;

static NTSTATUS NTAPI log_routine(PWSTR ValueName, ULONG ValueType, PVOID ValueData, ULONG ValueLength, PVOID Context,
                                  PVOID EntryContext)
{
    ROUTINE_LOG *log = Context;
    assert_ptr_equal(EntryContext, (PVOID)0x1234);
    if (log->calls < 8) {
        log->types[log->calls] = ValueType;
        if (ValueType == REG_SZ)
            memcpy(log->seen[log->calls], ValueData, ValueLength < 64 ? ValueLength : 62);
        else if (ValueName)
            memcpy(log->seen[log->calls], ValueName, 2);
    }
    log->calls++;
    return STATUS_SUCCESS;
}

static NTSTATUS NTAPI failing_routine(PWSTR ValueName, ULONG ValueType, PVOID ValueData, ULONG ValueLength,
                                      PVOID Context, PVOID EntryContext)
{
    return STATUS_INVALID_DEVICE_STATE;
}

static void test_routines(void **state)
{
    RTL_QUERY_REGISTRY_TABLE table[3];
    ROUTINE_LOG log;
    /* REG_MULTI_SZ: one call per string, as REG_SZ. */
    memset(&log, 0, sizeof log);
    memset(table, 0, sizeof table);
    table[0].QueryRoutine = log_routine;
    table[0].Name = L"List";
    table[0].EntryContext = (PVOID)0x1234;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE L"\\Parameters", table, &log, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(log.calls, 3);
    assert_int_equal(log.types[0], REG_SZ);
    assert_memory_equal(log.seen[0], L"one", 8);
    assert_memory_equal(log.seen[2], L"three", 12);
    /* With NOEXPAND: once, the whole list. */
    memset(&log, 0, sizeof log);
    table[0].Flags = RTL_QUERY_REGISTRY_NOEXPAND;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE L"\\Parameters", table, &log, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(log.calls, 1);
    assert_int_equal(log.types[0], REG_MULTI_SZ);
    /* No name: every value of the key. */
    memset(&log, 0, sizeof log);
    table[0].Flags = RTL_QUERY_REGISTRY_NOEXPAND;
    table[0].Name = NULL;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE L"\\Parameters", table, &log, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(log.calls, 2);
    /* NOVALUE: an empty key still calls once with REG_NONE. */
    static WCHAR empty[] = SERVICE L"\\Empty";
    assert_int_equal(RtlCreateRegistryKey(RTL_REGISTRY_SERVICES, empty), STATUS_SUCCESS);
    memset(&log, 0, sizeof log);
    table[0].Flags = RTL_QUERY_REGISTRY_NOVALUE;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, empty, table, &log, NULL), STATUS_SUCCESS);
    assert_int_equal(log.calls, 1);
    assert_int_equal(log.types[0], REG_NONE);
    memset(&log, 0, sizeof log);
    table[0].Flags = 0;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, empty, table, &log, NULL), STATUS_SUCCESS);
    assert_int_equal(log.calls, 0);
    /* A failing routine stops the query with its status. */
    table[0].QueryRoutine = failing_routine;
    table[0].Name = L"List";
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE L"\\Parameters", table, NULL, NULL),
                     STATUS_INVALID_DEVICE_STATE);
    /* An Environment block for REG_EXPAND_SZ. */
    static const WCHAR env[] = L"SystemRoot=D:\\Win\0";
    UNICODE_STRING image = {0, 0, NULL};
    memset(table, 0, sizeof table);
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT;
    table[0].Name = L"ImagePath";
    table[0].EntryContext = &image;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, SERVICE, table, NULL, (PVOID)env), STATUS_SUCCESS);
    static const WCHAR expanded[] = L"D:\\Win\\drivers\\x.sys";
    assert_memory_equal(image.Buffer, expanded, sizeof expanded);
    ExFreePool(image.Buffer);
}

static void test_delete_and_absolute(void **state)
{
    ULONG v = 5, got = 0;
    assert_int_equal(RtlWriteRegistryValue(RTL_REGISTRY_ABSOLUTE, L"\\Registry\\Machine\\Software\\NtkRtlAbs",
                                           L"Gone", REG_DWORD, &v, 4),
                     STATUS_SUCCESS);
    RTL_QUERY_REGISTRY_TABLE table[2];
    memset(table, 0, sizeof table);
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_DELETE;
    table[0].Name = L"Gone";
    table[0].EntryContext = &got;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_ABSOLUTE, L"\\Registry\\Machine\\Software\\NtkRtlAbs", table,
                                            NULL, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(got, 5);
    assert_int_equal(RtlDeleteRegistryValue(RTL_REGISTRY_ABSOLUTE, L"\\Registry\\Machine\\Software\\NtkRtlAbs",
                                            L"Gone"),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(RtlWriteRegistryValue(RTL_REGISTRY_CONTROL, L"NtkCtl", L"X", REG_DWORD, &v, 4), STATUS_SUCCESS);
    assert_int_equal(RtlDeleteRegistryValue(RTL_REGISTRY_CONTROL, L"NtkCtl", L"X"), STATUS_SUCCESS);
    assert_int_equal(RtlCheckRegistryKey(RTL_REGISTRY_DEVICEMAP, L""), STATUS_SUCCESS);
    /* HARDWARE\DEVICEMAP takes ordinary keys (a serial driver's SERIALCOMM). */
    static const WCHAR com[] = L"COM1";
    assert_int_equal(RtlWriteRegistryValue(RTL_REGISTRY_DEVICEMAP, L"SERIALCOMM", L"\\Device\\Serial0", REG_SZ,
                                           (PVOID)com, sizeof com),
                     STATUS_SUCCESS);
    assert_int_equal(RtlCheckRegistryKey(RTL_REGISTRY_WINDOWS_NT, L""), STATUS_SUCCESS);
    assert_int_equal(RtlCheckRegistryKey(RTL_REGISTRY_MAXIMUM, L""), STATUS_INVALID_PARAMETER);
    /* RTL_REGISTRY_HANDLE: Path is a key handle. */
    HANDLE h;
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Registry\\Machine\\Software\\NtkRtlAbs");
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, NULL);
    assert_int_equal(ZwOpenKey(&h, KEY_ALL_ACCESS, &oa), STATUS_SUCCESS);
    assert_int_equal(RtlWriteRegistryValue(RTL_REGISTRY_HANDLE, (PCWSTR)h, L"ByHandle", REG_DWORD, &v, 4),
                     STATUS_SUCCESS);
    got = 0;
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT;
    table[0].Name = L"ByHandle";
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_HANDLE, (PCWSTR)h, table, NULL, NULL), STATUS_SUCCESS);
    assert_int_equal(got, 5);
    assert_int_equal(ZwClose(h), STATUS_SUCCESS); /* still open: RTL_REGISTRY_HANDLE does not close it */
}

static void test_driver_keys(void **state)
{
    /* The loader's service key. */
    assert_int_equal(CmpEnsureServiceKey("NtkLoaded", "/tmp/ntkloaded.sys"), STATUS_SUCCESS);
    ULONG type = 0, start = 0, error = 0;
    UNICODE_STRING image = {0, 0, NULL};
    RTL_QUERY_REGISTRY_TABLE table[5];
    memset(table, 0, sizeof table);
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_REQUIRED;
    table[0].Name = L"Type";
    table[0].EntryContext = &type;
    table[1].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_REQUIRED;
    table[1].Name = L"Start";
    table[1].EntryContext = &start;
    table[2].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_REQUIRED;
    table[2].Name = L"ErrorControl";
    table[2].EntryContext = &error;
    table[3].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_REQUIRED | RTL_QUERY_REGISTRY_NOEXPAND;
    table[3].Name = L"ImagePath";
    table[3].EntryContext = &image;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, L"NtkLoaded", table, NULL, NULL), STATUS_SUCCESS);
    assert_int_equal(type, 1);
    assert_int_equal(start, 3);
    assert_int_equal(error, 1);
    assert_memory_equal(image.Buffer, L"/tmp/ntkloaded.sys", 36);
    ExFreePool(image.Buffer);
    /* An existing key is left as it is. */
    ULONG two = 2;
    assert_int_equal(RtlWriteRegistryValue(RTL_REGISTRY_SERVICES, L"NtkLoaded", L"Start", REG_DWORD, &two, 4),
                     STATUS_SUCCESS);
    assert_int_equal(CmpEnsureServiceKey("NtkLoaded", "/elsewhere.sys"), STATUS_SUCCESS);
    memset(table + 2, 0, sizeof table[2]);
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, L"NtkLoaded", table, NULL, NULL), STATUS_SUCCESS);
    assert_int_equal(start, 2);

    /* IoOpenDriverRegistryKey under the service key. */
    DRIVER_OBJECT driver;
    DRIVER_EXTENSION extension;
    memset(&driver, 0, sizeof driver);
    memset(&extension, 0, sizeof extension);
    driver.DriverExtension = &extension;
    RtlInitUnicodeString(&extension.ServiceKeyName, L"NtkLoaded");
    HANDLE h;
    ULONG v = 9;
    assert_int_equal(IoOpenDriverRegistryKey(&driver, DriverRegKeyParameters, KEY_ALL_ACCESS, 0, &h),
                     STATUS_SUCCESS);
    UNICODE_STRING vn = RTL_CONSTANT_STRING(L"Knob");
    assert_int_equal(ZwSetValueKey(h, &vn, 0, REG_DWORD, &v, 4), STATUS_SUCCESS);
    ZwClose(h);
    ULONG knob = 0;
    memset(table, 0, sizeof table);
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT | RTL_QUERY_REGISTRY_REQUIRED;
    table[0].Name = L"Knob";
    table[0].EntryContext = &knob;
    assert_int_equal(RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, L"NtkLoaded\\Parameters", table, NULL, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(knob, 9);
    assert_int_equal(IoOpenDriverRegistryKey(&driver, DriverRegKeyPersistentState, KEY_READ, 0, &h), STATUS_SUCCESS);
    ZwClose(h);
    assert_int_equal(RtlCheckRegistryKey(RTL_REGISTRY_SERVICES, L"NtkLoaded\\State"), STATUS_SUCCESS);
    assert_int_equal(IoOpenDriverRegistryKey(&driver, DriverRegKeyParameters, KEY_READ, 1, &h),
                     STATUS_INVALID_PARAMETER);
    DEVICE_OBJECT device;
    memset(&device, 0, sizeof device);
    assert_int_equal(IoOpenDeviceRegistryKey(&device, PLUGPLAY_REGKEY_DEVICE, KEY_READ, &h),
                     STATUS_INVALID_DEVICE_REQUEST);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_direct_and_defaults),
        cmocka_unit_test(test_subkey_sized_buffers_typecheck),
        cmocka_unit_test(test_routines),
        cmocka_unit_test(test_delete_and_absolute),
        cmocka_unit_test(test_driver_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
