/*
 * test_namespace.c - the object namespace: root directories, symbolic
 * links (\DosDevices and \GLOBAL?? lead to \??), name collisions, lookups
 * with and without case, handles and reference counts.
 */
#include "ntk_test.h"
#include <internal/ob.h>
#include <ntk/ntk.h>

static PVOID lookup(const WCHAR *path, ULONG attributes, NTSTATUS *status)
{
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, path);
    PVOID object = NULL;
    *status = ObpLookupObjectName(&name, attributes, NULL, NULL, KernelMode, &object);
    return object;
}

static void test_root_directories_exist(void **state)
{
    NTSTATUS status;
    static const WCHAR *dirs[] = {L"\\", L"\\Device", L"\\Driver", L"\\??", L"\\BaseNamedObjects"};
    for (size_t i = 0; i < RTL_NUMBER_OF(dirs); i++) {
        PVOID dir = lookup(dirs[i], OBJ_CASE_INSENSITIVE, &status);
        assert_int_equal(status, STATUS_SUCCESS);
        assert_ptr_equal(OBJECT_TO_OBJECT_HEADER(dir)->Type, ObpDirectoryObjectType);
        ObfDereferenceObject(dir);
    }
}

static void test_dos_devices_aliases_reach_the_same_directory(void **state)
{
    NTSTATUS status;
    PVOID q = lookup(L"\\??", 0, &status);
    PVOID dos = lookup(L"\\DosDevices", 0, &status);
    assert_int_equal(status, STATUS_SUCCESS);
    PVOID global = lookup(L"\\GLOBAL??", 0, &status);
    assert_int_equal(status, STATUS_SUCCESS);
    assert_ptr_equal(q, dos);
    assert_ptr_equal(q, global);
    ObfDereferenceObject(q);
    ObfDereferenceObject(dos);
    ObfDereferenceObject(global);
    /* OBJ_OPENLINK stops at the link itself. */
    PVOID link = lookup(L"\\DosDevices", OBJ_OPENLINK, &status);
    assert_int_equal(status, STATUS_SUCCESS);
    assert_ptr_equal(OBJECT_TO_OBJECT_HEADER(link)->Type, ObpSymbolicLinkObjectType);
    ObfDereferenceObject(link);
}

static void test_missing_names_and_paths(void **state)
{
    NTSTATUS status;
    assert_null(lookup(L"\\Device\\NoSuchThing", OBJ_CASE_INSENSITIVE, &status));
    assert_int_equal(status, STATUS_OBJECT_NAME_NOT_FOUND);
    assert_null(lookup(L"\\NoSuchDir\\Thing", OBJ_CASE_INSENSITIVE, &status));
    assert_int_equal(status, STATUS_OBJECT_PATH_NOT_FOUND);
    assert_null(lookup(L"relative", 0, &status));
    assert_int_equal(status, STATUS_OBJECT_PATH_SYNTAX_BAD);
}

static void test_links_resolve_through_targets_and_case(void **state)
{
    UNICODE_STRING dirName = RTL_CONSTANT_STRING(L"\\Device\\NsTestDir");
    PVOID dir;
    assert_int_equal(ObpCreateDirectory(&dirName, &dir), STATUS_SUCCESS);
    UNICODE_STRING linkName = RTL_CONSTANT_STRING(L"\\??\\NsTestLink");
    assert_int_equal(ObpCreateSymbolicLink(&linkName, &dirName, OBJ_PERMANENT, NULL), STATUS_SUCCESS);
    NTSTATUS status;
    PVOID viaLink = lookup(L"\\DosDevices\\nstestlink", OBJ_CASE_INSENSITIVE, &status);
    assert_int_equal(status, STATUS_SUCCESS);
    assert_ptr_equal(viaLink, dir);
    ObfDereferenceObject(viaLink);
    /* Case matters without OBJ_CASE_INSENSITIVE. */
    assert_null(lookup(L"\\??\\nstestlink", 0, &status));
    assert_int_equal(status, STATUS_OBJECT_NAME_NOT_FOUND);
    /* A second object with the same name collides. */
    assert_int_equal(ObpCreateSymbolicLink(&linkName, &dirName, OBJ_PERMANENT, NULL), STATUS_OBJECT_NAME_COLLISION);
    PVOID link = lookup(L"\\??\\NsTestLink", OBJ_OPENLINK, &status);
    ObpRemoveObjectName(link);
    ObfDereferenceObject(link);
    assert_null(lookup(L"\\??\\NsTestLink", 0, &status));
    ObpRemoveObjectName(dir);
    ObfDereferenceObject(dir);
}

static void test_handles_reference_and_release(void **state)
{
    UNICODE_STRING dirName = RTL_CONSTANT_STRING(L"\\NsHandleDir");
    PVOID dir;
    assert_int_equal(ObpCreateDirectory(&dirName, &dir), STATUS_SUCCESS);
    POBJECT_HEADER h = OBJECT_TO_OBJECT_HEADER(dir);
    LONG_PTR before = h->PointerCount;
    HANDLE handle;
    assert_int_equal(ObpCreateHandle(KiThread()->Process, dir, 0x20003, 0, &handle), STATUS_SUCCESS);
    assert_int_equal((ULONG_PTR)handle % 4, 0);
    assert_int_equal(h->HandleCount, 1);
    assert_int_equal(h->PointerCount, before + 1);
    PVOID object;
    assert_int_equal(ObReferenceObjectByHandle(handle, 0, ObpDirectoryObjectType, UserMode, &object, NULL),
                     STATUS_SUCCESS);
    assert_ptr_equal(object, dir);
    ObfDereferenceObject(object);
    /* Wrong type, access beyond the granted, NULL and closed handles. */
    assert_int_equal(ObReferenceObjectByHandle(handle, 0, ObpSymbolicLinkObjectType, UserMode, &object, NULL),
                     STATUS_OBJECT_TYPE_MISMATCH);
    assert_int_equal(ObReferenceObjectByHandle(handle, DELETE, NULL, UserMode, &object, NULL),
                     STATUS_ACCESS_DENIED);
    assert_int_equal(ObReferenceObjectByHandle(handle, DELETE, NULL, KernelMode, &object, NULL), STATUS_SUCCESS);
    ObfDereferenceObject(object);
    assert_int_equal(ObReferenceObjectByHandle(NULL, 0, NULL, KernelMode, &object, NULL), STATUS_INVALID_HANDLE);
    assert_int_equal(ObpCloseHandle(handle, UserMode), STATUS_SUCCESS);
    assert_int_equal(h->HandleCount, 0);
    assert_int_equal(ObReferenceObjectByHandle(handle, 0, NULL, UserMode, &object, NULL), STATUS_INVALID_HANDLE);
    assert_int_equal(ObpCloseHandle(handle, UserMode), STATUS_INVALID_HANDLE);
    /* The freed slot is reused. */
    HANDLE again;
    assert_int_equal(ObpCreateHandle(KiThread()->Process, dir, 0, 0, &again), STATUS_SUCCESS);
    assert_ptr_equal(again, handle);
    assert_int_equal(ObpCloseHandle(again, UserMode), STATUS_SUCCESS);
    ObpRemoveObjectName(dir);
    ObfDereferenceObject(dir);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_root_directories_exist),
        cmocka_unit_test(test_dos_devices_aliases_reach_the_same_directory),
        cmocka_unit_test(test_missing_names_and_paths),
        cmocka_unit_test(test_links_resolve_through_targets_and_case),
        cmocka_unit_test(test_handles_reference_and_release),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
