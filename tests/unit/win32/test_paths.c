/*
 * test_paths.c - the Windows path mapping (C:\ is the host's /, no other
 * drive, '\' and '/' both separators, '.' and '..' against the current
 * directory) through GetFullPathName, Get/SetCurrentDirectory and
 * GetModuleFileName, and ordinary files on C: (CreateFile dispositions,
 * ReadFile/WriteFile, the file pointer, sizes, attributes, DeleteFile,
 * delete-on-close, names in another case).
 */
#include "ntk_test.h"
#include <windows.h>
#include <ntk/ntk.h>
#include <string.h>

static char Dir[64]; /* C:\tmp\ntk-paths-PID */

static void full(const char *in, const char *expected)
{
    char out[512];
    DWORD n = GetFullPathNameA(in, sizeof out, out, NULL);
    assert_string_equal(out, expected);
    assert_int_equal(n, strlen(expected));
}

static void test_full_path_names(void **state)
{
    (void)state;
    assert_true(SetCurrentDirectoryA("C:\\tmp"));
    full("a.txt", "C:\\tmp\\a.txt");
    full(".\\a\\..\\b", "C:\\tmp\\b");
    full("..", "C:\\");
    full("..\\..\\..", "C:\\");
    full("\\x\\y", "C:\\x\\y");
    full("/x//y/", "C:\\x\\y\\");
    full("C:\\a\\.\\b\\..\\c", "C:\\a\\c");
    full("c:x", "c:\\tmp\\x");
    full("D:\\z", "D:\\z");
    full("D:z", "D:\\z");
    full("C:\\x\\name. .", "C:\\x\\name");
    full("\\\\.\\Device", "\\\\.\\Device");
    full("\\\\server\\share\\x", "\\\\server\\share\\x");
    char out[8], *part = NULL;
    assert_int_equal(GetFullPathNameA("a.txt", sizeof out, out, NULL), strlen("C:\\tmp\\a.txt") + 1);
    WCHAR w[64];
    WCHAR *wpart = NULL;
    assert_int_equal(GetFullPathNameW(L"q.sys", 64, w, &wpart), 12);
    assert_memory_equal(w, L"C:\\tmp\\q.sys", 13 * sizeof(WCHAR));
    assert_ptr_equal(wpart, w + 7);
    char buf[64];
    GetFullPathNameA("C:\\tmp\\", sizeof buf, buf, &part);
    assert_null(part);
}

static void test_current_directory(void **state)
{
    (void)state;
    char cwd[512];
    assert_true(SetCurrentDirectoryA("C:/tmp/"));
    assert_int_equal(GetCurrentDirectoryA(sizeof cwd, cwd), 6);
    assert_string_equal(cwd, "C:\\tmp");
    assert_int_equal(GetCurrentDirectoryA(4, cwd), 7);
    WCHAR w[16];
    assert_int_equal(GetCurrentDirectoryW(16, w), 6);
    assert_memory_equal(w, L"C:\\tmp", 7 * sizeof(WCHAR));
    assert_true(SetCurrentDirectoryA(".."));
    assert_int_equal(GetCurrentDirectoryA(sizeof cwd, cwd), 3);
    assert_string_equal(cwd, "C:\\");
    assert_false(SetCurrentDirectoryA("E:\\"));
    assert_int_equal(GetLastError(), ERROR_PATH_NOT_FOUND);
    assert_false(SetCurrentDirectoryA("C:\\tmp\\ntk-no-such-folder"));
    assert_int_equal(GetLastError(), ERROR_FILE_NOT_FOUND);
    assert_false(SetCurrentDirectoryA("C:\\ntk-no-such\\folder"));
    assert_int_equal(GetLastError(), ERROR_PATH_NOT_FOUND);
    assert_false(SetCurrentDirectoryA("C:\\proc\\self\\exe"));
    assert_int_equal(GetLastError(), ERROR_DIRECTORY);
    assert_true(SetCurrentDirectoryA("C:\\tmp"));
}

static void test_module_file_name(void **state)
{
    (void)state;
    char name[1024];
    DWORD n = GetModuleFileNameA(NULL, name, sizeof name);
    assert_true(n > 3);
    assert_memory_equal(name, "C:\\", 3);
    assert_non_null(strstr(name, "unit_win32_test_paths"));
    assert_null(strchr(name, '/'));
    WCHAR w[4];
    assert_int_equal(GetModuleFileNameW(NULL, w, 4), 4);
    assert_int_equal(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    assert_int_equal(w[3], 0);
}

static HANDLE open_file(const char *name, DWORD access, DWORD disposition)
{
    char path[128];
    snprintf(path, sizeof path, "%s\\%s", Dir, name);
    return CreateFileA(path, access, FILE_SHARE_READ, NULL, disposition, FILE_ATTRIBUTE_NORMAL, NULL);
}

static void test_file_io(void **state)
{
    (void)state;
    DWORD done;
    HANDLE h = open_file("data.bin", GENERIC_READ | GENERIC_WRITE, CREATE_ALWAYS);
    assert_true(h != INVALID_HANDLE_VALUE);
    assert_int_equal(GetLastError(), 0);
    assert_true(WriteFile(h, "0123456789", 10, &done, NULL));
    assert_int_equal(done, 10);
    LARGE_INTEGER size;
    assert_true(GetFileSizeEx(h, &size));
    assert_int_equal(size.QuadPart, 10);
    assert_int_equal(SetFilePointer(h, 3, NULL, FILE_BEGIN), 3);
    char buf[16] = {0};
    assert_true(ReadFile(h, buf, 4, &done, NULL));
    assert_int_equal(done, 4);
    assert_memory_equal(buf, "3456", 4);
    assert_int_equal(SetFilePointer(h, 0, NULL, FILE_CURRENT), 7);
    LONG high = 1;
    assert_int_equal(SetFilePointer(h, 0, &high, FILE_BEGIN), 0);
    assert_int_equal(high, 1);
    assert_true(ReadFile(h, buf, 4, &done, NULL));
    assert_int_equal(done, 0); /* past the end */
    assert_int_equal(SetFilePointer(h, 0, NULL, FILE_BEGIN), 0);
    assert_true(ReadFile(h, buf, 16, &done, NULL));
    assert_int_equal(done, 10);
    assert_true(CloseHandle(h));

    h = open_file("data.bin", GENERIC_READ, OPEN_EXISTING);
    assert_true(h != INVALID_HANDLE_VALUE);
    assert_false(WriteFile(h, "x", 1, &done, NULL));
    assert_int_equal(GetLastError(), ERROR_ACCESS_DENIED);
    CloseHandle(h);

    h = open_file("data.bin", GENERIC_WRITE, CREATE_ALWAYS);
    assert_int_equal(GetLastError(), ERROR_ALREADY_EXISTS);
    assert_int_equal(GetFileSize(h, NULL), 0);
    CloseHandle(h);
    h = open_file("missing.bin", GENERIC_READ, OPEN_EXISTING);
    assert_true(h == INVALID_HANDLE_VALUE);
    assert_int_equal(GetLastError(), ERROR_FILE_NOT_FOUND);
    h = open_file("missing\\x.bin", GENERIC_READ, CREATE_ALWAYS);
    assert_true(h == INVALID_HANDLE_VALUE);
    assert_int_equal(GetLastError(), ERROR_PATH_NOT_FOUND);
    h = open_file("missing.bin", GENERIC_READ, TRUNCATE_EXISTING);
    assert_true(h == INVALID_HANDLE_VALUE);
    assert_int_equal(GetLastError(), ERROR_FILE_NOT_FOUND);
    h = open_file("data.bin", GENERIC_READ, 77);
    assert_true(h == INVALID_HANDLE_VALUE);
    assert_int_equal(GetLastError(), ERROR_INVALID_PARAMETER);
}

static void test_attributes_and_delete(void **state)
{
    (void)state;
    char path[128];
    HANDLE h = open_file("attr.txt", GENERIC_WRITE, CREATE_ALWAYS);
    CloseHandle(h);
    snprintf(path, sizeof path, "%s\\attr.txt", Dir);
    assert_int_equal(GetFileAttributesA(path), FILE_ATTRIBUTE_NORMAL);
    assert_int_equal(GetFileAttributesA(Dir), FILE_ATTRIBUTE_DIRECTORY);
    assert_int_equal(GetFileAttributesA("C:\\"), FILE_ATTRIBUTE_DIRECTORY);
    assert_int_equal(GetFileAttributesA("Q:\\x"), INVALID_FILE_ATTRIBUTES);
    assert_int_equal(GetLastError(), ERROR_PATH_NOT_FOUND);
    assert_true(DeleteFileA(path));
    assert_int_equal(GetFileAttributesA(path), INVALID_FILE_ATTRIBUTES);
    assert_int_equal(GetLastError(), ERROR_FILE_NOT_FOUND);
    assert_false(DeleteFileA(path));
    assert_int_equal(GetLastError(), ERROR_FILE_NOT_FOUND);

    /* Delete on close: the file stays while the handle is open. */
    snprintf(path, sizeof path, "%s\\temp.txt", Dir);
    h = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    assert_true(h != INVALID_HANDLE_VALUE);
    assert_int_not_equal(GetFileAttributesA(path), INVALID_FILE_ATTRIBUTES);
    CloseHandle(h);
    assert_int_equal(GetFileAttributesA(path), INVALID_FILE_ATTRIBUTES);
}

static void test_names_in_another_case(void **state)
{
    (void)state;
    CloseHandle(open_file("Mixed.Txt", GENERIC_WRITE, CREATE_ALWAYS));
    HANDLE h = open_file("mixed.txt", GENERIC_READ, OPEN_EXISTING);
    assert_true(h != INVALID_HANDLE_VALUE); /* the only entry whose name matches without regard to case */
    CloseHandle(h);
    /* As on Windows, a name in another case is the same file. */
    h = open_file("MIXED.TXT", GENERIC_WRITE, CREATE_NEW);
    assert_true(h == INVALID_HANDLE_VALUE);
    assert_int_equal(GetLastError(), ERROR_FILE_EXISTS);
    char path[128];
    snprintf(path, sizeof path, "%s\\mIXED.txt", Dir);
    assert_true(DeleteFileA(path));
    assert_int_equal(GetFileAttributesA(path), INVALID_FILE_ATTRIBUTES);
    /* Two host names that differ only in case: a third spelling finds neither. */
    char command[160];
    snprintf(command, sizeof command, "touch /tmp/ntk-paths-%lu/ab.txt /tmp/ntk-paths-%lu/AB.txt",
             (unsigned long)GetCurrentProcessId(), (unsigned long)GetCurrentProcessId());
    assert_int_equal(system(command), 0);
    h = open_file("Ab.txt", GENERIC_READ, OPEN_EXISTING);
    assert_true(h == INVALID_HANDLE_VALUE);
    assert_int_equal(GetLastError(), ERROR_FILE_NOT_FOUND);
    h = open_file("AB.txt", GENERIC_READ, OPEN_EXISTING);
    assert_true(h != INVALID_HANDLE_VALUE); /* the exact spelling first */
    CloseHandle(h);
}

int main(void)
{
    ntk_boot();
    /* A folder of this test's own: created through the host, as ntk has no CreateDirectory yet. */
    snprintf(Dir, sizeof Dir, "C:\\tmp\\ntk-paths-%lu", (unsigned long)GetCurrentProcessId());
    char command[128];
    snprintf(command, sizeof command, "mkdir -p /tmp/ntk-paths-%lu", (unsigned long)GetCurrentProcessId());
    if (system(command) != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_path_names),   cmocka_unit_test(test_current_directory),
        cmocka_unit_test(test_module_file_name),  cmocka_unit_test(test_file_io),
        cmocka_unit_test(test_attributes_and_delete), cmocka_unit_test(test_names_in_another_case),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    snprintf(command, sizeof command, "rm -rf /tmp/ntk-paths-%lu", (unsigned long)GetCurrentProcessId());
    (void)system(command);
    return failed;
}
