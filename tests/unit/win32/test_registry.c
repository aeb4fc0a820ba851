/*
 * test_registry.c - advapi32's registry functions as an application sees
 * them: predefined keys, RegCreateKeyEx (nested paths, dispositions),
 * RegOpenKeyEx, RegSetValueEx/RegQueryValueEx with the size protocol
 * (NULL data for the size, ERROR_MORE_DATA with the size needed) in the W
 * and A forms, RegEnumKeyEx/RegEnumValue, RegDeleteKey/RegDeleteValue,
 * RegGetValue's type filters, and the Win32 errors.
 */
#include "ntk_test.h"
#include <windows.h>
#include <ntk/ntk.h>

static void test_create_open_close(void **state)
{
    HKEY k, k2;
    DWORD disposition = 0;
    assert_int_equal(RegCreateKeyExW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Nested\\Deep", 0, NULL, 0,
                                     KEY_ALL_ACCESS, NULL, &k, &disposition),
                     ERROR_SUCCESS);
    assert_int_equal(disposition, REG_CREATED_NEW_KEY);
    assert_int_equal(RegCloseKey(k), ERROR_SUCCESS);
    assert_int_equal(RegCreateKeyExA(HKEY_LOCAL_MACHINE, "SOFTWARE\\ntkapp\\nested\\deep", 0, NULL, 0, KEY_READ,
                                     NULL, &k, &disposition),
                     ERROR_SUCCESS);
    assert_int_equal(disposition, REG_OPENED_EXISTING_KEY);
    RegCloseKey(k);
    assert_int_equal(RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp", 0, KEY_READ, &k), ERROR_SUCCESS);
    assert_int_equal(RegOpenKeyExA(k, "Nested", 0, KEY_READ, &k2), ERROR_SUCCESS);
    RegCloseKey(k2);
    assert_int_equal(RegOpenKeyExA(k, "Missing", 0, KEY_READ, &k2), ERROR_FILE_NOT_FOUND);
    RegCloseKey(k);
    assert_int_equal(RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"", 0, KEY_READ, &k), ERROR_SUCCESS);
    assert_ptr_equal(k, HKEY_LOCAL_MACHINE);
    assert_int_equal(RegCloseKey(HKEY_LOCAL_MACHINE), ERROR_SUCCESS);
    assert_int_equal(RegCloseKey((HKEY)(ULONG_PTR)0x7ff0), ERROR_INVALID_HANDLE);
    /* HKEY_CURRENT_USER works (\Registry\User\.DEFAULT). */
    assert_int_equal(RegCreateKeyExW(HKEY_CURRENT_USER, L"Software\\NtkApp", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k,
                                     NULL),
                     ERROR_SUCCESS);
    RegCloseKey(k);
    assert_int_equal(RegOpenKeyExW(HKEY_USERS, L".DEFAULT\\Software\\NtkApp", 0, KEY_READ, &k), ERROR_SUCCESS);
    RegCloseKey(k);
}

static void test_values_w(void **state)
{
    HKEY k;
    assert_int_equal(RegCreateKeyExW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Values", 0, NULL, 0, KEY_ALL_ACCESS,
                                     NULL, &k, NULL),
                     ERROR_SUCCESS);
    static const WCHAR text[] = L"Hello";
    DWORD d = 0xDEADBEEF;
    assert_int_equal(RegSetValueExW(k, L"Text", 0, REG_SZ, (const BYTE *)text, sizeof text), ERROR_SUCCESS);
    assert_int_equal(RegSetValueExW(k, L"Num", 0, REG_DWORD, (const BYTE *)&d, 4), ERROR_SUCCESS);
    DWORD type = 0, size = 0;
    /* Size only. */
    assert_int_equal(RegQueryValueExW(k, L"TEXT", NULL, &type, NULL, &size), ERROR_SUCCESS);
    assert_int_equal(type, REG_SZ);
    assert_int_equal(size, sizeof text);
    /* Too small: ERROR_MORE_DATA and the size needed. */
    BYTE buf[64];
    size = 4;
    assert_int_equal(RegQueryValueExW(k, L"Text", NULL, &type, buf, &size), ERROR_MORE_DATA);
    assert_int_equal(size, sizeof text);
    size = sizeof buf;
    assert_int_equal(RegQueryValueExW(k, L"Text", NULL, &type, buf, &size), ERROR_SUCCESS);
    assert_int_equal(size, sizeof text);
    assert_memory_equal(buf, text, sizeof text);
    assert_int_equal(RegQueryValueExW(k, L"Nope", NULL, &type, buf, &size), ERROR_FILE_NOT_FOUND);
    assert_int_equal(RegQueryValueExW(k, L"Text", NULL, &type, buf, NULL), ERROR_INVALID_PARAMETER);

    /* Enumeration. */
    WCHAR name[16];
    DWORD chars = 16;
    size = sizeof buf;
    assert_int_equal(RegEnumValueW(k, 1, name, &chars, NULL, &type, buf, &size), ERROR_SUCCESS);
    assert_int_equal(chars, 3);
    assert_memory_equal(name, L"Num", 8);
    assert_int_equal(type, REG_DWORD);
    assert_int_equal(*(DWORD *)buf, 0xDEADBEEF);
    chars = 3; /* no room for the terminator */
    assert_int_equal(RegEnumValueW(k, 1, name, &chars, NULL, NULL, NULL, NULL), ERROR_MORE_DATA);
    chars = 16;
    assert_int_equal(RegEnumValueW(k, 2, name, &chars, NULL, NULL, NULL, NULL), ERROR_NO_MORE_ITEMS);

    assert_int_equal(RegDeleteValueW(k, L"Num"), ERROR_SUCCESS);
    assert_int_equal(RegDeleteValueW(k, L"Num"), ERROR_FILE_NOT_FOUND);
    assert_int_equal(RegFlushKey(k), ERROR_SUCCESS);
    RegCloseKey(k);
}

static void test_values_a(void **state)
{
    HKEY k;
    assert_int_equal(RegCreateKeyExA(HKEY_LOCAL_MACHINE, "Software\\NtkApp\\Ansi", 0, NULL, 0, KEY_ALL_ACCESS, NULL,
                                     &k, NULL),
                     ERROR_SUCCESS);
    assert_int_equal(RegSetValueExA(k, "Str", 0, REG_SZ, (const BYTE *)"abc", 4), ERROR_SUCCESS);
    /* Stored as UTF-16. */
    BYTE buf[64];
    DWORD type, size = sizeof buf;
    assert_int_equal(RegQueryValueExW(k, L"Str", NULL, &type, buf, &size), ERROR_SUCCESS);
    assert_int_equal(size, 8);
    assert_memory_equal(buf, L"abc", 8);
    /* Read back as ANSI. */
    size = 0;
    assert_int_equal(RegQueryValueExA(k, "Str", NULL, &type, NULL, &size), ERROR_SUCCESS);
    assert_int_equal(size, 4);
    size = 2;
    assert_int_equal(RegQueryValueExA(k, "Str", NULL, &type, buf, &size), ERROR_MORE_DATA);
    assert_int_equal(size, 4);
    size = sizeof buf;
    assert_int_equal(RegQueryValueExA(k, "Str", NULL, &type, buf, &size), ERROR_SUCCESS);
    assert_string_equal((char *)buf, "abc");
    char name[16];
    DWORD chars = sizeof name;
    size = sizeof buf;
    assert_int_equal(RegEnumValueA(k, 0, name, &chars, NULL, &type, buf, &size), ERROR_SUCCESS);
    assert_string_equal(name, "Str");
    assert_int_equal(chars, 3);
    assert_string_equal((char *)buf, "abc");
    assert_int_equal(RegDeleteValueA(k, "Str"), ERROR_SUCCESS);
    RegCloseKey(k);
}

static void test_enum_and_delete_keys(void **state)
{
    HKEY k, c;
    assert_int_equal(RegCreateKeyExW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Enum", 0, NULL, 0, KEY_ALL_ACCESS, NULL,
                                     &k, NULL),
                     ERROR_SUCCESS);
    const char *names[] = {"b", "A", "c"};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(RegCreateKeyExA(k, names[i], 0, NULL, 0, KEY_ALL_ACCESS, NULL, &c, NULL), ERROR_SUCCESS);
        RegCloseKey(c);
    }
    char name[8];
    DWORD chars = sizeof name;
    FILETIME ft = {0, 0};
    assert_int_equal(RegEnumKeyExA(k, 0, name, &chars, NULL, NULL, NULL, &ft), ERROR_SUCCESS);
    assert_string_equal(name, "A");
    assert_true(ft.dwHighDateTime != 0);
    WCHAR wname[8];
    chars = 8;
    assert_int_equal(RegEnumKeyExW(k, 2, wname, &chars, NULL, NULL, NULL, NULL), ERROR_SUCCESS);
    assert_memory_equal(wname, L"c", 4);
    chars = 8;
    assert_int_equal(RegEnumKeyExW(k, 3, wname, &chars, NULL, NULL, NULL, NULL), ERROR_NO_MORE_ITEMS);
    chars = 1;
    assert_int_equal(RegEnumKeyExW(k, 0, wname, &chars, NULL, NULL, NULL, NULL), ERROR_MORE_DATA);
    /* A key with subkeys cannot be deleted: ERROR_ACCESS_DENIED. */
    assert_int_equal(RegDeleteKeyW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Enum"), ERROR_ACCESS_DENIED);
    for (int i = 0; i < 3; i++)
        assert_int_equal(RegDeleteKeyA(k, names[i]), ERROR_SUCCESS);
    assert_int_equal(RegDeleteKeyA(k, "A"), ERROR_FILE_NOT_FOUND);
    assert_int_equal(RegDeleteKeyW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Enum"), ERROR_SUCCESS);
    /* The handle to a deleted key: ERROR_KEY_DELETED. */
    DWORD d = 1;
    assert_int_equal(RegSetValueExW(k, L"x", 0, REG_DWORD, (const BYTE *)&d, 4), ERROR_KEY_DELETED);
    RegCloseKey(k);
}

static void test_get_value(void **state)
{
    HKEY k;
    assert_int_equal(RegCreateKeyExW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Get", 0, NULL, 0, KEY_ALL_ACCESS, NULL,
                                     &k, NULL),
                     ERROR_SUCCESS);
    DWORD d = 5;
    ULONGLONG q = 6;
    assert_int_equal(RegSetValueExW(k, L"D", 0, REG_DWORD, (const BYTE *)&d, 4), ERROR_SUCCESS);
    assert_int_equal(RegSetValueExW(k, L"Q", 0, REG_QWORD, (const BYTE *)&q, 8), ERROR_SUCCESS);
    /* A string stored without its terminator comes back terminated. */
    assert_int_equal(RegSetValueExW(k, L"S", 0, REG_SZ, (const BYTE *)L"xyz", 6), ERROR_SUCCESS);
    setenv("NTK_REG_TEST_VAR", "expanded", 1);
    static const WCHAR ex[] = L"<%NTK_REG_TEST_VAR%>";
    assert_int_equal(RegSetValueExW(k, L"E", 0, REG_EXPAND_SZ, (const BYTE *)ex, sizeof ex), ERROR_SUCCESS);
    RegCloseKey(k);

    DWORD type, value = 0, size = sizeof value;
    assert_int_equal(RegGetValueW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Get", L"D", RRF_RT_REG_DWORD, &type,
                                  &value, &size),
                     ERROR_SUCCESS);
    assert_int_equal(value, 5);
    assert_int_equal(type, REG_DWORD);
    size = sizeof value;
    assert_int_equal(RegGetValueW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Get", L"Q", RRF_RT_REG_DWORD, &type,
                                  &value, &size),
                     ERROR_UNSUPPORTED_TYPE);
    ULONGLONG qv = 0;
    size = sizeof qv;
    assert_int_equal(RegGetValueA(HKEY_LOCAL_MACHINE, "Software\\NtkApp\\Get", "Q", RRF_RT_QWORD, NULL, &qv, &size),
                     ERROR_SUCCESS);
    assert_int_equal(qv, 6);
    WCHAR s[16];
    size = 0;
    assert_int_equal(RegGetValueW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Get", L"S", RRF_RT_REG_SZ, NULL, NULL,
                                  &size),
                     ERROR_SUCCESS);
    assert_int_equal(size, 8);
    size = 6;
    assert_int_equal(RegGetValueW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Get", L"S", RRF_RT_REG_SZ, NULL, s, &size),
                     ERROR_MORE_DATA);
    assert_int_equal(size, 8);
    size = sizeof s;
    assert_int_equal(RegGetValueW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Get", L"S", RRF_RT_REG_SZ, NULL, s, &size),
                     ERROR_SUCCESS);
    assert_memory_equal(s, L"xyz", 8);
    /* REG_EXPAND_SZ: expanded into REG_SZ, or raw with RRF_NOEXPAND. */
    WCHAR e[64];
    size = sizeof e;
    assert_int_equal(RegGetValueW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Get", L"E", RRF_RT_REG_SZ, &type, e,
                                  &size),
                     ERROR_SUCCESS);
    assert_int_equal(type, REG_SZ);
    assert_memory_equal(e, L"<expanded>", 22);
    size = sizeof e;
    assert_int_equal(RegGetValueW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Get", L"E",
                                  RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, &type, e, &size),
                     ERROR_SUCCESS);
    assert_int_equal(type, REG_EXPAND_SZ);
    assert_memory_equal(e, ex, sizeof ex);
    assert_int_equal(RegGetValueW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Get", L"E", RRF_RT_REG_EXPAND_SZ, &type, e,
                                  &size),
                     ERROR_INVALID_PARAMETER);
    char a[16];
    size = sizeof a;
    assert_int_equal(RegGetValueA(HKEY_LOCAL_MACHINE, "Software\\NtkApp\\Get", "S", RRF_RT_ANY, &type, a, &size),
                     ERROR_SUCCESS);
    assert_string_equal(a, "xyz");
    assert_int_equal(size, 4);
    assert_int_equal(RegGetValueW(HKEY_LOCAL_MACHINE, L"Software\\NtkApp\\Nope", L"S", RRF_RT_ANY, &type, a, &size),
                     ERROR_FILE_NOT_FOUND);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_open_close),
        cmocka_unit_test(test_values_w),
        cmocka_unit_test(test_values_a),
        cmocka_unit_test(test_enum_and_delete_keys),
        cmocka_unit_test(test_get_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
