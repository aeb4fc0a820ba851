/*
 * test_services.c - the service control manager's bookkeeping and errors
 * without a driver to run: OpenSCManager, CreateService (exists, a process
 * service, tag without group), OpenService (does not exist), the status of
 * a service never started, StartService of a missing image or one on
 * another drive, ControlService of a stopped service, handle access,
 * DeleteService and "marked for delete" until the last handle closes,
 * EnumServicesStatus's buffer protocol, and the service's registry key.
 * (The e2e test e2e/services/install-start-stop-delete runs drivers.)
 */
#include "ntk_test.h"
#include <windows.h>
#include <ntk/ntk.h>
#include <string.h>

static SC_HANDLE Scm;

static SC_HANDLE create(const char *name, const char *image)
{
    return CreateServiceA(Scm, name, NULL, SERVICE_ALL_ACCESS, SERVICE_KERNEL_DRIVER, SERVICE_DEMAND_START,
                          SERVICE_ERROR_NORMAL, image, NULL, NULL, NULL, NULL, NULL);
}

static void test_open_and_create(void **state)
{
    (void)state;
    assert_null(OpenServiceA(Scm, "UnitNoSuch", SERVICE_ALL_ACCESS));
    assert_int_equal(GetLastError(), ERROR_SERVICE_DOES_NOT_EXIST);
    SC_HANDLE s = create("UnitSvc", "C:\\tmp\\unit.sys");
    assert_non_null(s);
    assert_null(create("UNITSVC", "C:\\tmp\\unit.sys"));
    assert_int_equal(GetLastError(), ERROR_SERVICE_EXISTS);
    SERVICE_STATUS st;
    assert_true(QueryServiceStatus(s, &st));
    assert_int_equal(st.dwServiceType, SERVICE_KERNEL_DRIVER);
    assert_int_equal(st.dwCurrentState, SERVICE_STOPPED);
    assert_int_equal(st.dwControlsAccepted, 0);
    assert_int_equal(st.dwWin32ExitCode, ERROR_SERVICE_NEVER_STARTED);
    assert_false(ControlService(s, SERVICE_CONTROL_STOP, &st));
    assert_int_equal(GetLastError(), ERROR_SERVICE_NOT_ACTIVE);
    assert_false(ControlService(s, SERVICE_CONTROL_INTERROGATE, &st));
    assert_int_equal(GetLastError(), ERROR_SERVICE_NOT_ACTIVE);

    /* The key the SCM writes, as on Windows. */
    HKEY key;
    assert_int_equal(RegOpenKeyExA(HKEY_LOCAL_MACHINE, "SYSTEM\\CurrentControlSet\\Services\\UnitSvc", 0, KEY_READ,
                                   &key),
                     ERROR_SUCCESS);
    char image[128];
    DWORD size = sizeof image, type = 0, value = 0;
    assert_int_equal(RegQueryValueExA(key, "ImagePath", NULL, &type, (LPBYTE)image, &size), ERROR_SUCCESS);
    assert_int_equal(type, REG_EXPAND_SZ);
    assert_string_equal(image, "\\??\\C:\\tmp\\unit.sys");
    size = sizeof value;
    assert_int_equal(RegQueryValueExA(key, "Start", NULL, &type, (LPBYTE)&value, &size), ERROR_SUCCESS);
    assert_int_equal(value, SERVICE_DEMAND_START);
    RegCloseKey(key);

    assert_true(DeleteService(s));
    assert_true(CloseServiceHandle(s));
    assert_int_equal(RegOpenKeyExA(HKEY_LOCAL_MACHINE, "SYSTEM\\CurrentControlSet\\Services\\UnitSvc", 0, KEY_READ,
                                   &key),
                     ERROR_FILE_NOT_FOUND);
}

static void test_refused_creates(void **state)
{
    (void)state;
    assert_null(CreateServiceA(Scm, "UnitProc", NULL, SERVICE_ALL_ACCESS, SERVICE_WIN32_OWN_PROCESS,
                               SERVICE_DEMAND_START, SERVICE_ERROR_NORMAL, "C:\\x.exe", NULL, NULL, NULL, NULL, NULL));
    assert_int_equal(GetLastError(), ERROR_NOT_SUPPORTED);
    DWORD tag;
    assert_null(CreateServiceA(Scm, "UnitTag", NULL, SERVICE_ALL_ACCESS, SERVICE_KERNEL_DRIVER, SERVICE_DEMAND_START,
                               SERVICE_ERROR_NORMAL, "C:\\x.sys", NULL, &tag, NULL, NULL, NULL));
    assert_int_equal(GetLastError(), ERROR_INVALID_PARAMETER);
    assert_null(create("Unit\\Bad", "C:\\x.sys"));
    assert_int_equal(GetLastError(), ERROR_INVALID_NAME);
    assert_null(CreateServiceA((SC_HANDLE)&tag, "UnitX", NULL, SERVICE_ALL_ACCESS, SERVICE_KERNEL_DRIVER,
                               SERVICE_DEMAND_START, SERVICE_ERROR_NORMAL, "C:\\x.sys", NULL, NULL, NULL, NULL, NULL));
    assert_int_equal(GetLastError(), ERROR_INVALID_HANDLE);
    SC_HANDLE readonly = OpenSCManagerA(NULL, NULL, SC_MANAGER_CONNECT);
    assert_null(CreateServiceA(readonly, "UnitX", NULL, SERVICE_ALL_ACCESS, SERVICE_KERNEL_DRIVER,
                               SERVICE_DEMAND_START, SERVICE_ERROR_NORMAL, "C:\\x.sys", NULL, NULL, NULL, NULL, NULL));
    assert_int_equal(GetLastError(), ERROR_ACCESS_DENIED);
    CloseServiceHandle(readonly);
    assert_null(OpenSCManagerA(NULL, "NoSuchDatabase", SC_MANAGER_CONNECT));
    assert_int_equal(GetLastError(), ERROR_DATABASE_DOES_NOT_EXIST);
}

static void test_start_failures(void **state)
{
    (void)state;
    SC_HANDLE s = create("UnitMissing", "C:\\tmp\\ntk-no-such-driver.sys");
    assert_false(StartServiceA(s, 0, NULL));
    assert_int_equal(GetLastError(), ERROR_FILE_NOT_FOUND);
    SERVICE_STATUS st;
    assert_true(QueryServiceStatus(s, &st));
    assert_int_equal(st.dwCurrentState, SERVICE_STOPPED);
    assert_int_equal(st.dwWin32ExitCode, ERROR_FILE_NOT_FOUND);
    DeleteService(s);
    CloseServiceHandle(s);

    s = create("UnitOtherDrive", "E:\\x.sys");
    assert_false(StartServiceA(s, 0, NULL));
    assert_int_equal(GetLastError(), ERROR_PATH_NOT_FOUND);
    DeleteService(s);
    CloseServiceHandle(s);

    s = create("UnitNoFolder", "C:\\ntk-no-such-folder\\x.sys");
    assert_false(StartServiceA(s, 0, NULL));
    assert_int_equal(GetLastError(), ERROR_FILE_NOT_FOUND);
    CloseServiceHandle(s);
    /* Access the handle was not opened for. */
    s = OpenServiceA(Scm, "UnitNoFolder", SERVICE_QUERY_STATUS);
    assert_non_null(s);
    assert_false(StartServiceA(s, 0, NULL));
    assert_int_equal(GetLastError(), ERROR_ACCESS_DENIED);
    assert_false(DeleteService(s));
    assert_int_equal(GetLastError(), ERROR_ACCESS_DENIED);
    CloseServiceHandle(s);
    s = OpenServiceA(Scm, "UnitNoFolder", DELETE);
    assert_true(DeleteService(s));
    CloseServiceHandle(s);
}

static void test_marked_for_delete(void **state)
{
    (void)state;
    SC_HANDLE s = create("UnitDel", "C:\\tmp\\x.sys");
    SC_HANDLE s2 = OpenServiceA(Scm, "UnitDel", SERVICE_ALL_ACCESS);
    assert_non_null(s2);
    assert_true(DeleteService(s));
    assert_false(DeleteService(s2));
    assert_int_equal(GetLastError(), ERROR_SERVICE_MARKED_FOR_DELETE);
    assert_null(OpenServiceA(Scm, "UnitDel", SERVICE_ALL_ACCESS));
    assert_int_equal(GetLastError(), ERROR_SERVICE_MARKED_FOR_DELETE);
    assert_null(create("UnitDel", "C:\\tmp\\x.sys"));
    assert_int_equal(GetLastError(), ERROR_SERVICE_MARKED_FOR_DELETE);
    assert_false(StartServiceA(s2, 0, NULL));
    assert_int_equal(GetLastError(), ERROR_SERVICE_MARKED_FOR_DELETE);
    assert_true(CloseServiceHandle(s));
    assert_null(OpenServiceA(Scm, "UnitDel", SERVICE_ALL_ACCESS));
    assert_int_equal(GetLastError(), ERROR_SERVICE_MARKED_FOR_DELETE); /* one handle still open */
    assert_true(CloseServiceHandle(s2));
    assert_null(OpenServiceA(Scm, "UnitDel", SERVICE_ALL_ACCESS));
    assert_int_equal(GetLastError(), ERROR_SERVICE_DOES_NOT_EXIST);
    s = create("UnitDel", "C:\\tmp\\x.sys"); /* the name is free again */
    assert_non_null(s);
    DeleteService(s);
    CloseServiceHandle(s);
    assert_false(CloseServiceHandle(NULL));
    assert_int_equal(GetLastError(), ERROR_INVALID_HANDLE);
}

static void test_enumerate(void **state)
{
    (void)state;
    SC_HANDLE a = create("UnitEnumA", "C:\\tmp\\a.sys"), b = create("UnitEnumB", "C:\\tmp\\b.sys");
    BYTE buffer[4096];
    DWORD needed = 1, count = 0, resume = 0;
    assert_true(EnumServicesStatusW(Scm, SERVICE_DRIVER, SERVICE_INACTIVE, (LPENUM_SERVICE_STATUSW)buffer,
                                    sizeof buffer, &needed, &count, &resume));
    assert_int_equal(count, 2);
    assert_int_equal(needed, 0);
    ENUM_SERVICE_STATUSW *e = (ENUM_SERVICE_STATUSW *)buffer;
    assert_memory_equal(e[0].lpServiceName, L"UnitEnumA", 10 * sizeof(WCHAR));
    assert_memory_equal(e[1].lpDisplayName, L"UnitEnumB", 10 * sizeof(WCHAR));
    assert_int_equal(e[1].ServiceStatus.dwCurrentState, SERVICE_STOPPED);
    /* Only running services: none. */
    assert_true(EnumServicesStatusW(Scm, SERVICE_DRIVER, SERVICE_ACTIVE, (LPENUM_SERVICE_STATUSW)buffer,
                                    sizeof buffer, &needed, &count, NULL));
    assert_int_equal(count, 0);
    /* Processes only: none (ntk has driver services only). */
    assert_true(EnumServicesStatusW(Scm, SERVICE_WIN32, SERVICE_STATE_ALL, (LPENUM_SERVICE_STATUSW)buffer,
                                    sizeof buffer, &needed, &count, NULL));
    assert_int_equal(count, 0);
    /* Room for one: ERROR_MORE_DATA, the resume handle goes on from there. */
    DWORD one = sizeof(ENUM_SERVICE_STATUSA) + 24;
    resume = 0;
    assert_false(EnumServicesStatusA(Scm, SERVICE_DRIVER, SERVICE_STATE_ALL, (LPENUM_SERVICE_STATUSA)buffer, one,
                                     &needed, &count, &resume));
    assert_int_equal(GetLastError(), ERROR_MORE_DATA);
    assert_int_equal(count, 1);
    assert_string_equal(((ENUM_SERVICE_STATUSA *)buffer)->lpServiceName, "UnitEnumA");
    assert_int_equal(resume, 1);
    assert_true(needed > sizeof(ENUM_SERVICE_STATUSA)); /* the bytes the remaining entry needs */
    assert_true(EnumServicesStatusA(Scm, SERVICE_DRIVER, SERVICE_STATE_ALL, (LPENUM_SERVICE_STATUSA)buffer,
                                    sizeof buffer, &needed, &count, &resume));
    assert_int_equal(count, 1);
    assert_string_equal(((ENUM_SERVICE_STATUSA *)buffer)->lpServiceName, "UnitEnumB");
    assert_int_equal(resume, 0);
    DeleteService(a);
    DeleteService(b);
    CloseServiceHandle(a);
    CloseServiceHandle(b);
}

/* The SCM's database is the registry: a driver service key written by
 * someone else (ntk run --driver, a persistent registry) is a service. */
static void test_service_from_registry(void **state)
{
    (void)state;
    HKEY key;
    assert_int_equal(RegCreateKeyExA(HKEY_LOCAL_MACHINE, "SYSTEM\\CurrentControlSet\\Services\\UnitFromKey", 0, NULL, 0,
                                     KEY_ALL_ACCESS, NULL, &key, NULL),
                     ERROR_SUCCESS);
    DWORD type = SERVICE_KERNEL_DRIVER, start = SERVICE_DEMAND_START;
    RegSetValueExA(key, "Type", 0, REG_DWORD, (const BYTE *)&type, sizeof type);
    RegSetValueExA(key, "Start", 0, REG_DWORD, (const BYTE *)&start, sizeof start);
    RegSetValueExA(key, "ImagePath", 0, REG_EXPAND_SZ, (const BYTE *)"\\??\\C:\\tmp\\k.sys", 17);
    RegCloseKey(key);
    assert_null(create("UnitFromKey", "C:\\tmp\\other.sys"));
    assert_int_equal(GetLastError(), ERROR_SERVICE_EXISTS);
    SC_HANDLE s = OpenServiceA(Scm, "unitfromkey", SERVICE_ALL_ACCESS);
    assert_non_null(s);
    SERVICE_STATUS st;
    assert_true(QueryServiceStatus(s, &st));
    assert_int_equal(st.dwServiceType, SERVICE_KERNEL_DRIVER);
    assert_int_equal(st.dwCurrentState, SERVICE_STOPPED);
    assert_false(StartServiceA(s, 0, NULL)); /* its ImagePath names no file */
    assert_int_equal(GetLastError(), ERROR_FILE_NOT_FOUND);
    assert_true(DeleteService(s));
    assert_true(CloseServiceHandle(s));
    assert_int_equal(RegOpenKeyExA(HKEY_LOCAL_MACHINE, "SYSTEM\\CurrentControlSet\\Services\\UnitFromKey", 0, KEY_READ,
                                   &key),
                     ERROR_FILE_NOT_FOUND);
    /* A key that is not a driver service's is not a service. */
    assert_int_equal(RegCreateKeyExA(HKEY_LOCAL_MACHINE, "SYSTEM\\CurrentControlSet\\Services\\UnitNotSvc", 0, NULL, 0,
                                     KEY_ALL_ACCESS, NULL, &key, NULL),
                     ERROR_SUCCESS);
    RegCloseKey(key);
    assert_null(OpenServiceA(Scm, "UnitNotSvc", SERVICE_ALL_ACCESS));
    assert_int_equal(GetLastError(), ERROR_SERVICE_DOES_NOT_EXIST);
}

int main(void)
{
    ntk_boot();
    Scm = OpenSCManagerA(NULL, NULL, SC_MANAGER_ALL_ACCESS);
    if (!Scm)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_and_create), cmocka_unit_test(test_refused_creates),
        cmocka_unit_test(test_start_failures),  cmocka_unit_test(test_marked_for_delete),
        cmocka_unit_test(test_enumerate),       cmocka_unit_test(test_service_from_registry),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    CloseServiceHandle(Scm);
    return failed;
}
