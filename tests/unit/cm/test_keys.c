/*
 * test_keys.c - the registry's Zw services as a driver calls them: key
 * creation and opening (dispositions, full paths, RootDirectory-relative
 * opens, case-insensitive names, volatile keys), every key and value
 * information class with its exact sizes and the STATUS_BUFFER_TOO_SMALL /
 * STATUS_BUFFER_OVERFLOW rules, enumeration order and
 * STATUS_NO_MORE_ENTRIES, deletion rules and handles of deleted keys.
 */
#include "ntk_test.h"
#include <internal/cm.h>
#include <ntk/ntk.h>

/* The Nt forms (an application's view) are not in wdm.h. */
NTSYSAPI NTSTATUS NTAPI NtOpenKey(PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes);
NTSYSAPI NTSTATUS NTAPI NtSetValueKey(HANDLE KeyHandle, PUNICODE_STRING ValueName, ULONG TitleIndex, ULONG Type,
                                      PVOID Data, ULONG DataSize);
NTSYSAPI NTSTATUS NTAPI NtEnumerateKey(HANDLE KeyHandle, ULONG Index, KEY_INFORMATION_CLASS KeyInformationClass,
                                       PVOID KeyInformation, ULONG Length, PULONG ResultLength);
NTSYSAPI NTSTATUS NTAPI NtQueryKey(HANDLE KeyHandle, KEY_INFORMATION_CLASS KeyInformationClass, PVOID KeyInformation,
                                   ULONG Length, PULONG ResultLength);
NTSYSAPI NTSTATUS NTAPI NtDeleteKey(HANDLE KeyHandle);
NTSYSAPI NTSTATUS NTAPI NtClose(HANDLE Handle);

static size_t wlen(const WCHAR *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static NTSTATUS create_key(const WCHAR *path, HANDLE root, ULONG options, HANDLE *h, ULONG *disposition)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES oa;
    RtlInitUnicodeString(&name, path);
    InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, root, NULL);
    return ZwCreateKey(h, KEY_ALL_ACCESS, &oa, 0, NULL, options, disposition);
}

static NTSTATUS open_key(const WCHAR *path, HANDLE root, ACCESS_MASK access, HANDLE *h)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES oa;
    RtlInitUnicodeString(&name, path);
    InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, root, NULL);
    return ZwOpenKey(h, access, &oa);
}

static NTSTATUS set_value(HANDLE h, const WCHAR *name, ULONG type, const void *data, ULONG size)
{
    UNICODE_STRING n;
    RtlInitUnicodeString(&n, name);
    return ZwSetValueKey(h, &n, 0, type, (PVOID)data, size);
}

static void test_create_open_dispositions(void **state)
{
    HANDLE h, h2;
    ULONG disposition = 0;
    assert_int_equal(create_key(L"\\Registry\\Machine\\Software\\NtkTest", NULL, 0, &h, &disposition),
                     STATUS_SUCCESS);
    assert_int_equal(disposition, REG_CREATED_NEW_KEY);
    assert_int_equal(ZwClose(h), STATUS_SUCCESS);
    assert_int_equal(create_key(L"\\REGISTRY\\MACHINE\\SOFTWARE\\ntktest", NULL, 0, &h, &disposition),
                     STATUS_SUCCESS);
    assert_int_equal(disposition, REG_OPENED_EXISTING_KEY);
    /* Only the last component is created. */
    assert_int_equal(create_key(L"\\Registry\\Machine\\Software\\NtkMissing\\Child", NULL, 0, &h2, &disposition),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    /* Relative to a key handle. */
    assert_int_equal(create_key(L"Child", h, 0, &h2, &disposition), STATUS_SUCCESS);
    assert_int_equal(disposition, REG_CREATED_NEW_KEY);
    ZwClose(h2);
    assert_int_equal(open_key(L"CHILD", h, KEY_READ, &h2), STATUS_SUCCESS);
    ZwClose(h2);
    assert_int_equal(open_key(L"\\Registry\\Machine\\Software\\NtkTest\\Child", NULL, KEY_READ, &h2),
                     STATUS_SUCCESS);
    ZwClose(h2);
    assert_int_equal(open_key(L"\\Child", h, KEY_READ, &h2), STATUS_OBJECT_PATH_SYNTAX_BAD);
    assert_int_equal(open_key(L"Nope", h, KEY_READ, &h2), STATUS_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(open_key(L"\\Registry\\Machine\\Nope\\Deeper", NULL, KEY_READ, &h2),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    /* ZwOpenKeyEx; an empty relative name opens the same key. */
    UNICODE_STRING empty = {0, 0, NULL};
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &empty, OBJ_KERNEL_HANDLE, h, NULL);
    assert_int_equal(ZwOpenKeyEx(&h2, KEY_READ, &oa, 0), STATUS_SUCCESS);
    ZwClose(h2);
    /* A name that is not a key. */
    assert_int_equal(open_key(L"\\Device", NULL, KEY_READ, &h2), STATUS_OBJECT_TYPE_MISMATCH);
    /* Not a key handle. */
    assert_int_equal(ZwDeleteKey(NULL), STATUS_INVALID_HANDLE);
    ZwClose(h);
}

static void test_volatile(void **state)
{
    HANDLE v, c;
    ULONG d;
    assert_int_equal(create_key(L"\\Registry\\Machine\\Software\\NtkVolatile", NULL, REG_OPTION_VOLATILE, &v, &d),
                     STATUS_SUCCESS);
    assert_int_equal(create_key(L"Stable", v, 0, &c, &d), STATUS_CHILD_MUST_BE_VOLATILE);
    assert_int_equal(create_key(L"Fleeting", v, REG_OPTION_VOLATILE, &c, &d), STATUS_SUCCESS);
    ZwDeleteKey(c);
    ZwClose(c);
    ZwDeleteKey(v);
    ZwClose(v);
}

static void test_value_information_classes(void **state)
{
    HANDLE h;
    ULONG d, len;
    UCHAR buf[256] __attribute__((aligned(8)));
    assert_int_equal(create_key(L"\\Registry\\Machine\\Software\\NtkValues", NULL, 0, &h, &d), STATUS_SUCCESS);
    ULONG dword = 0x12345678;
    assert_int_equal(set_value(h, L"Count", REG_DWORD, &dword, 4), STATUS_SUCCESS);
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"COUNT"); /* names compare without case */

    /* Basic: 12 bytes + the name "Count" (10 bytes) = 22. */
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValueBasicInformation, buf, 0, &len), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 22);
    memset(buf, 0xCC, sizeof buf);
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValueBasicInformation, buf, 14, &len), STATUS_BUFFER_OVERFLOW);
    PKEY_VALUE_BASIC_INFORMATION basic = (PVOID)buf;
    assert_int_equal(len, 22);
    assert_int_equal(basic->Type, REG_DWORD);
    assert_int_equal(basic->NameLength, 10);
    assert_int_equal(basic->Name[0], L'C'); /* the stored spelling */
    assert_int_equal(buf[14], 0xCC);
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValueBasicInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    assert_int_equal(len, 22);
    assert_memory_equal(basic->Name, L"Count", 10);

    /* Partial: 12 + 4. */
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValuePartialInformation, buf, 11, &len), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 16);
    memset(buf, 0, sizeof buf);
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValuePartialInformation, buf, 14, &len), STATUS_BUFFER_OVERFLOW);
    PKEY_VALUE_PARTIAL_INFORMATION partial = (PVOID)buf;
    assert_int_equal(partial->DataLength, 4);
    assert_int_equal(partial->Type, REG_DWORD);
    assert_int_equal(buf[12], 0x78); /* what fits of the data */
    assert_int_equal(buf[13], 0x56);
    assert_int_equal(buf[14], 0);
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValuePartialInformation, buf, 16, &len), STATUS_SUCCESS);
    assert_int_equal(*(ULONG *)partial->Data, 0x12345678);

    /* Partial, Align64: 8 + 4. */
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValuePartialInformationAlign64, buf, 7, &len),
                     STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 12);
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValuePartialInformationAlign64, buf, 12, &len), STATUS_SUCCESS);
    PKEY_VALUE_PARTIAL_INFORMATION_ALIGN64 p64 = (PVOID)buf;
    assert_int_equal(p64->Type, REG_DWORD);
    assert_int_equal(*(ULONG *)p64->Data, 0x12345678);

    /* Full: 20 + 10 name, data at 32 (4-aligned: 30 -> 32) + 4 = 36;
     * Align64: 30 -> 32 as well (the buffer is 8-aligned). */
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValueFullInformation, buf, 19, &len), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 36);
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValueFullInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    PKEY_VALUE_FULL_INFORMATION full = (PVOID)buf;
    assert_int_equal(len, 36);
    assert_int_equal(full->DataOffset, 32);
    assert_int_equal(full->DataLength, 4);
    assert_int_equal(full->NameLength, 10);
    assert_int_equal(*(ULONG *)(buf + full->DataOffset), 0x12345678);
    assert_int_equal(ZwQueryValueKey(h, &name, KeyValueFullInformation, buf, 24, &len), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(full->DataOffset, 32);

    /* A name of 3 characters: 20 + 6 = 26 -> data at 28 (Full), 32 (Align64). */
    assert_int_equal(set_value(h, L"Abc", REG_BINARY, "xy", 2), STATUS_SUCCESS);
    UNICODE_STRING abc = RTL_CONSTANT_STRING(L"abc");
    assert_int_equal(ZwQueryValueKey(h, &abc, KeyValueFullInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    assert_int_equal(full->DataOffset, 28);
    assert_int_equal(len, 30);
    assert_int_equal(ZwQueryValueKey(h, &abc, KeyValueFullInformationAlign64, buf, sizeof buf, &len),
                     STATUS_SUCCESS);
    assert_int_equal(full->DataOffset, 32);
    assert_int_equal(len, 34);

    UNICODE_STRING missing = RTL_CONSTANT_STRING(L"Missing");
    assert_int_equal(ZwQueryValueKey(h, &missing, KeyValuePartialInformation, buf, sizeof buf, &len),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(ZwQueryValueKey(h, &name, (KEY_VALUE_INFORMATION_CLASS)42, buf, sizeof buf, &len),
                     STATUS_INVALID_PARAMETER);

    /* The default value (empty name) and every type. */
    static const WCHAR sz[] = L"hello";
    assert_int_equal(set_value(h, L"", REG_SZ, sz, sizeof sz), STATUS_SUCCESS);
    UNICODE_STRING deflt = {0, 0, NULL};
    assert_int_equal(ZwQueryValueKey(h, &deflt, KeyValuePartialInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    assert_int_equal(partial->Type, REG_SZ);
    assert_int_equal(partial->DataLength, sizeof sz);
    ULONGLONG q = 0x1122334455667788ULL;
    ULONG types[] = {REG_EXPAND_SZ, REG_DWORD_BIG_ENDIAN, REG_MULTI_SZ, REG_QWORD, REG_NONE};
    for (size_t i = 0; i < RTL_NUMBER_OF(types); i++) {
        assert_int_equal(set_value(h, L"Typed", types[i], &q, 8), STATUS_SUCCESS);
        UNICODE_STRING typed = RTL_CONSTANT_STRING(L"Typed");
        assert_int_equal(ZwQueryValueKey(h, &typed, KeyValuePartialInformation, buf, sizeof buf, &len),
                         STATUS_SUCCESS);
        assert_int_equal(partial->Type, types[i]);
        assert_memory_equal(partial->Data, &q, 8);
    }

    /* Enumeration in creation order; replacing a value keeps its place. */
    assert_int_equal(set_value(h, L"Count", REG_DWORD, &dword, 4), STATUS_SUCCESS);
    const WCHAR *order[] = {L"Count", L"Abc", L"", L"Typed"};
    ULONG i = 0;
    NTSTATUS status;
    while ((status = ZwEnumerateValueKey(h, i, KeyValueBasicInformation, buf, sizeof buf, &len)) == STATUS_SUCCESS) {
        assert_true(i < 4);
        assert_int_equal(basic->NameLength, wlen(order[i]) * 2);
        assert_memory_equal(basic->Name, order[i], basic->NameLength);
        i++;
    }
    assert_int_equal(status, STATUS_NO_MORE_ENTRIES);
    assert_int_equal(i, 4);
    assert_int_equal(ZwEnumerateValueKey(h, 0, KeyValueBasicInformation, buf, 4, &len), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 22);

    UNICODE_STRING typed = RTL_CONSTANT_STRING(L"TYPED");
    assert_int_equal(ZwDeleteValueKey(h, &typed), STATUS_SUCCESS);
    assert_int_equal(ZwDeleteValueKey(h, &typed), STATUS_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(ZwFlushKey(h), STATUS_SUCCESS);
    ZwDeleteKey(h);
    ZwClose(h);
}

static void test_key_information_classes(void **state)
{
    HANDLE h, c;
    ULONG d, len;
    UCHAR buf[512] __attribute__((aligned(8)));
    assert_int_equal(create_key(L"\\Registry\\Machine\\Software\\NtkInfo", NULL, 0, &h, &d), STATUS_SUCCESS);
    /* Subkeys enumerate sorted without case, whatever the creation order. */
    const WCHAR *names[] = {L"zeta", L"Alpha", L"mid"};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(create_key(names[i], h, 0, &c, &d), STATUS_SUCCESS);
        ZwClose(c);
    }
    UNICODE_STRING cls = RTL_CONSTANT_STRING(L"MyClass");
    UNICODE_STRING sub = RTL_CONSTANT_STRING(L"Classy");
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &sub, OBJ_KERNEL_HANDLE, h, NULL);
    assert_int_equal(ZwCreateKey(&c, KEY_ALL_ACCESS, &oa, 0, &cls, 0, &d), STATUS_SUCCESS);
    ZwClose(c);
    ULONG v = 1;
    set_value(h, L"LongerValueName", REG_BINARY, buf, 100);
    set_value(h, L"V", REG_DWORD, &v, 4);

    const WCHAR *sorted[] = {L"Alpha", L"Classy", L"mid", L"zeta"};
    PKEY_BASIC_INFORMATION basic = (PVOID)buf;
    for (ULONG i = 0; i < 4; i++) {
        assert_int_equal(ZwEnumerateKey(h, i, KeyBasicInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
        assert_int_equal(basic->NameLength, wlen(sorted[i]) * 2);
        assert_memory_equal(basic->Name, sorted[i], basic->NameLength);
        assert_int_equal(len, 16 + basic->NameLength);
    }
    assert_int_equal(ZwEnumerateKey(h, 4, KeyBasicInformation, buf, sizeof buf, &len), STATUS_NO_MORE_ENTRIES);
    assert_int_equal(ZwEnumerateKey(h, 0, KeyBasicInformation, buf, 15, &len), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 26);
    assert_int_equal(ZwEnumerateKey(h, 0, KeyBasicInformation, buf, 18, &len), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(basic->NameLength, 10);
    assert_int_equal(ZwEnumerateKey(h, 0, KeyNameInformation, buf, sizeof buf, &len), STATUS_INVALID_PARAMETER);

    /* Node information with a class: name at 24, class after it. */
    PKEY_NODE_INFORMATION node = (PVOID)buf;
    assert_int_equal(ZwEnumerateKey(h, 1, KeyNodeInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    assert_int_equal(node->NameLength, 12);
    assert_int_equal(node->ClassLength, 14);
    assert_int_equal(node->ClassOffset, 36);
    assert_int_equal(len, 50);
    assert_memory_equal(buf + node->ClassOffset, L"MyClass", 14);
    assert_int_equal(ZwEnumerateKey(h, 0, KeyNodeInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    assert_int_equal(node->ClassOffset, 0xFFFFFFFF);
    assert_int_equal(len, 24 + 10);

    /* Full information: counts and maxima. */
    PKEY_FULL_INFORMATION fullinfo = (PVOID)buf;
    assert_int_equal(ZwQueryKey(h, KeyFullInformation, buf, 43, &len), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 44);
    assert_int_equal(ZwQueryKey(h, KeyFullInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    assert_int_equal(len, 44);
    assert_int_equal(fullinfo->SubKeys, 4);
    assert_int_equal(fullinfo->Values, 2);
    assert_int_equal(fullinfo->MaxNameLen, 12);
    assert_int_equal(fullinfo->MaxClassLen, 14);
    assert_int_equal(fullinfo->MaxValueNameLen, 30);
    assert_int_equal(fullinfo->MaxValueDataLen, 100);
    assert_int_equal(fullinfo->ClassOffset, 0xFFFFFFFF);

    /* Basic information of the key itself: its own name. */
    assert_int_equal(ZwQueryKey(h, KeyBasicInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    assert_int_equal(basic->NameLength, 14);
    assert_memory_equal(basic->Name, L"NtkInfo", 14);
    assert_true(basic->LastWriteTime.QuadPart > 0);

    /* The full name. */
    PKEY_NAME_INFORMATION nameinfo = (PVOID)buf;
    static const WCHAR full[] = L"\\REGISTRY\\MACHINE\\SOFTWARE\\NtkInfo";
    assert_int_equal(ZwQueryKey(h, KeyNameInformation, buf, 3, &len), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 4 + sizeof full - 2);
    assert_int_equal(ZwQueryKey(h, KeyNameInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    assert_int_equal(nameinfo->NameLength, sizeof full - 2);
    assert_memory_equal(nameinfo->Name, full, sizeof full - 2);

    PKEY_CACHED_INFORMATION cached = (PVOID)buf;
    assert_int_equal(ZwQueryKey(h, KeyCachedInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    assert_int_equal(len, 40);
    assert_int_equal(cached->SubKeys, 4);
    assert_int_equal(cached->NameLength, 14);
    assert_int_equal(ZwQueryKey(h, KeyFlagsInformation, buf, sizeof buf, &len), STATUS_INVALID_PARAMETER);

    /* Deleting: not with subkeys; a deleted key's handle still closes. */
    assert_int_equal(ZwDeleteKey(h), STATUS_CANNOT_DELETE);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(open_key(sorted[i], h, KEY_ALL_ACCESS, &c), STATUS_SUCCESS);
        assert_int_equal(ZwDeleteKey(c), STATUS_SUCCESS);
        assert_int_equal(ZwQueryKey(c, KeyBasicInformation, buf, sizeof buf, &len), STATUS_KEY_DELETED);
        assert_int_equal(set_value(c, L"x", REG_DWORD, &v, 4), STATUS_KEY_DELETED);
        assert_int_equal(ZwDeleteKey(c), STATUS_KEY_DELETED);
        assert_int_equal(ZwClose(c), STATUS_SUCCESS);
    }
    assert_int_equal(ZwDeleteKey(h), STATUS_SUCCESS);
    assert_int_equal(ZwClose(h), STATUS_SUCCESS);
    assert_int_equal(open_key(L"\\Registry\\Machine\\Software\\NtkInfo", NULL, KEY_READ, &h),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    /* Hive roots cannot be deleted. */
    assert_int_equal(open_key(L"\\Registry\\Machine", NULL, KEY_ALL_ACCESS, &h), STATUS_SUCCESS);
    assert_int_equal(ZwDeleteKey(h), STATUS_CANNOT_DELETE);
    ZwClose(h);
}

static void test_access_checks_for_user_mode(void **state)
{
    HANDLE h, h2;
    ULONG d, len;
    UCHAR buf[64];
    assert_int_equal(create_key(L"\\Registry\\Machine\\Software\\NtkAccess", NULL, 0, &h, &d), STATUS_SUCCESS);
    ZwClose(h);
    /* An application's handle (NtOpenKey from user mode) is checked. */
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Registry\\Machine\\Software\\NtkAccess");
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    assert_int_equal(NtOpenKey(&h2, KEY_QUERY_VALUE, &oa), STATUS_SUCCESS);
    ULONG v = 1;
    UNICODE_STRING vn = RTL_CONSTANT_STRING(L"v");
    assert_int_equal(NtSetValueKey(h2, &vn, 0, REG_DWORD, &v, 4), STATUS_ACCESS_DENIED);
    assert_int_equal(NtEnumerateKey(h2, 0, KeyBasicInformation, buf, sizeof buf, &len), STATUS_ACCESS_DENIED);
    assert_int_equal(NtQueryKey(h2, KeyBasicInformation, buf, sizeof buf, &len), STATUS_SUCCESS);
    assert_int_equal(NtDeleteKey(h2), STATUS_ACCESS_DENIED);
    assert_int_equal(NtClose(h2), STATUS_SUCCESS);
    InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    assert_int_equal(NtOpenKey(&h2, DELETE, &oa), STATUS_SUCCESS);
    assert_int_equal(NtDeleteKey(h2), STATUS_SUCCESS);
    NtClose(h2);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_open_dispositions),
        cmocka_unit_test(test_volatile),
        cmocka_unit_test(test_value_information_classes),
        cmocka_unit_test(test_key_information_classes),
        cmocka_unit_test(test_access_checks_for_user_mode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
