/*
 * test_store.c - the registry's persistence (NTK_REGISTRY=FILE): what one
 * process writes another reads (keys, classes, every value type, deletions;
 * volatile keys gone), and a process killed with SIGKILL while writing loses
 * no value it had been told was committed.
 *
 * Each phase runs in a fresh process (this program re-executed with a
 * phase name), each booting its own kernel on the same store.
 */
#include "ntk_test.h"
#include <internal/cm.h>
#include <ntk/ntk.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>

static char Self[4096];

/* L"Value<i>" without the C library's wide formatting (16-bit WCHAR). */
static void value_name(WCHAR *out, ULONG i)
{
    char text[32];
    int n = snprintf(text, sizeof text, "Value%u", (unsigned)i);
    for (int k = 0; k <= n; k++)
        out[k] = (WCHAR)text[k];
}

static HANDLE key(const WCHAR *path, BOOLEAN create, ULONG options, NTSTATUS *status)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES oa;
    HANDLE h = NULL;
    RtlInitUnicodeString(&name, path);
    InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, NULL);
    *status = create ? ZwCreateKey(&h, KEY_ALL_ACCESS, &oa, 0, NULL, options, NULL) : ZwOpenKey(&h, KEY_ALL_ACCESS, &oa);
    return h;
}

static NTSTATUS set(HANDLE h, const WCHAR *name, ULONG type, const void *data, ULONG size)
{
    UNICODE_STRING n;
    RtlInitUnicodeString(&n, name);
    return ZwSetValueKey(h, &n, 0, type, (PVOID)data, size);
}

static NTSTATUS get(HANDLE h, const WCHAR *name, ULONG *type, void *data, ULONG *size)
{
    UCHAR buf[512];
    ULONG len;
    UNICODE_STRING n;
    RtlInitUnicodeString(&n, name);
    NTSTATUS status = ZwQueryValueKey(h, &n, KeyValuePartialInformation, buf, sizeof buf, &len);
    if (NT_SUCCESS(status)) {
        PKEY_VALUE_PARTIAL_INFORMATION info = (PVOID)buf;
        *type = info->Type;
        *size = info->DataLength;
        memcpy(data, info->Data, info->DataLength);
    }
    return status;
}

static const WCHAR Sz[] = L"persisted \x00e9t\x00e9";
static const WCHAR Multi[] = L"a\0bc\0";

/* Phase 1: write a small tree. */
static int phase_write(void)
{
    NTSTATUS status;
    HANDLE h = key(L"\\Registry\\Machine\\Software\\NtkStore", TRUE, 0, &status);
    if (!NT_SUCCESS(status))
        return 10;
    ULONG d = 0xCAFEF00D;
    ULONGLONG q = 0x0123456789ABCDEFULL;
    UCHAR bin[3] = {0, 0xFF, 7};
    ULONG be = 0x01000000;
    if (set(h, L"Dword", REG_DWORD, &d, 4) || set(h, L"Qword", REG_QWORD, &q, 8) ||
        set(h, L"Sz", REG_SZ, Sz, sizeof Sz) || set(h, L"Expand", REG_EXPAND_SZ, Sz, sizeof Sz) ||
        set(h, L"Multi", REG_MULTI_SZ, Multi, sizeof Multi) || set(h, L"Bin", REG_BINARY, bin, 3) ||
        set(h, L"Big", REG_DWORD_BIG_ENDIAN, &be, 4) || set(h, L"None", REG_NONE, NULL, 0) ||
        set(h, L"", REG_SZ, L"default", 16) || set(h, L"Doomed", REG_DWORD, &d, 4))
        return 11;
    d = 1;
    if (set(h, L"DWORD", REG_DWORD, &d, 4)) /* replaces "Dword" */
        return 12;
    UNICODE_STRING doomed = RTL_CONSTANT_STRING(L"Doomed");
    if (ZwDeleteValueKey(h, &doomed))
        return 13;
    HANDLE sub = key(L"\\Registry\\Machine\\Software\\NtkStore\\Sub", TRUE, 0, &status);
    HANDLE gone = key(L"\\Registry\\Machine\\Software\\NtkStore\\Gone", TRUE, 0, &status);
    HANDLE vol = key(L"\\Registry\\Machine\\Software\\NtkStore\\Volatile", TRUE, REG_OPTION_VOLATILE, &status);
    if (!sub || !gone || !vol || set(vol, L"x", REG_DWORD, &d, 4) || ZwDeleteKey(gone))
        return 14;
    ZwClose(sub);
    ZwClose(gone);
    ZwClose(vol);
    ZwClose(h);
    /* HARDWARE is rebuilt at each boot: never stored. */
    if (RtlWriteRegistryValue(RTL_REGISTRY_DEVICEMAP, L"NtkStoreMap", L"x", REG_DWORD, &d, 4))
        return 15;
    return 0;
}

/* Phase 2: a new process sees it all. */
static int phase_read(void)
{
    NTSTATUS status;
    HANDLE h = key(L"\\Registry\\Machine\\Software\\NtkStore", FALSE, 0, &status);
    if (!NT_SUCCESS(status))
        return 20;
    UCHAR data[512];
    ULONG type, size;
    if (get(h, L"dword", &type, data, &size) || type != REG_DWORD || size != 4 || *(ULONG *)data != 1)
        return 21;
    if (get(h, L"Qword", &type, data, &size) || type != REG_QWORD || *(ULONGLONG *)data != 0x0123456789ABCDEFULL)
        return 22;
    if (get(h, L"Sz", &type, data, &size) || type != REG_SZ || size != sizeof Sz || memcmp(data, Sz, size))
        return 23;
    if (get(h, L"Expand", &type, data, &size) || type != REG_EXPAND_SZ || size != sizeof Sz)
        return 24;
    if (get(h, L"Multi", &type, data, &size) || type != REG_MULTI_SZ || memcmp(data, Multi, sizeof Multi))
        return 25;
    if (get(h, L"Bin", &type, data, &size) || type != REG_BINARY || size != 3 || data[1] != 0xFF)
        return 26;
    if (get(h, L"Big", &type, data, &size) || type != REG_DWORD_BIG_ENDIAN)
        return 27;
    if (get(h, L"None", &type, data, &size) || type != REG_NONE || size != 0)
        return 28;
    if (get(h, L"", &type, data, &size) || type != REG_SZ || size != 16)
        return 29;
    if (get(h, L"Doomed", &type, data, &size) != STATUS_OBJECT_NAME_NOT_FOUND)
        return 30;
    /* The value keeps its first spelling and its place. */
    UCHAR buf[256];
    ULONG len;
    if (ZwEnumerateValueKey(h, 0, KeyValueBasicInformation, buf, sizeof buf, &len) ||
        memcmp(((PKEY_VALUE_BASIC_INFORMATION)buf)->Name, L"Dword", 10))
        return 31;
    HANDLE s = key(L"\\Registry\\Machine\\Software\\NtkStore\\Sub", FALSE, 0, &status);
    if (!NT_SUCCESS(status))
        return 32;
    ZwClose(s);
    key(L"\\Registry\\Machine\\Software\\NtkStore\\Gone", FALSE, 0, &status);
    if (status != STATUS_OBJECT_NAME_NOT_FOUND)
        return 33;
    key(L"\\Registry\\Machine\\Software\\NtkStore\\Volatile", FALSE, 0, &status);
    if (status != STATUS_OBJECT_NAME_NOT_FOUND)
        return 34;
    ZwClose(h);
    if (RtlCheckRegistryKey(RTL_REGISTRY_DEVICEMAP, L"NtkStoreMap") != STATUS_OBJECT_NAME_NOT_FOUND)
        return 35;
    return 0;
}

/* Writes Value<i> = i forever, reporting each i on fd after it returned. */
static int phase_writer(int fd)
{
    NTSTATUS status;
    HANDLE h = key(L"\\Registry\\Machine\\Software\\NtkCrash", TRUE, 0, &status);
    if (!NT_SUCCESS(status))
        return 40;
    for (ULONG i = 0;; i++) {
        WCHAR name[32];
        value_name(name, i);
        if (!NT_SUCCESS(set(h, name, REG_DWORD, &i, 4)))
            return 41;
        if (write(fd, &i, sizeof i) != sizeof i)
            return 42;
    }
}

/* Every value 0..last must be there with its data. */
static int phase_verify(ULONG last)
{
    NTSTATUS status;
    HANDLE h = key(L"\\Registry\\Machine\\Software\\NtkCrash", FALSE, 0, &status);
    if (!NT_SUCCESS(status))
        return 50;
    for (ULONG i = 0; i <= last; i++) {
        WCHAR name[32];
        ULONG type, size, data = ~0u;
        value_name(name, i);
        if (get(h, name, &type, &data, &size) || type != REG_DWORD || data != i) {
            fprintf(stderr, "value %u is missing after the kill (last reported %u)\n", (unsigned)i, (unsigned)last);
            return 51;
        }
    }
    return 0;
}

static int run_phase(const char *store, const char *phase, const char *arg)
{
    pid_t pid = fork();
    if (pid == 0) {
        setenv("NTK_REGISTRY", store, 1);
        execl(Self, Self, phase, arg, (char *)NULL);
        _exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void temp_store(char *path, size_t len)
{
    snprintf(path, len, "/tmp/ntk-cm-store-%d-%ld.db", (int)getpid(), (long)time(NULL));
    unlink(path);
}

static void remove_store(const char *path)
{
    char extra[600];
    unlink(path);
    snprintf(extra, sizeof extra, "%s-wal", path);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", path);
    unlink(extra);
}

static void test_persistence_across_processes(void **state)
{
    char store[512];
    temp_store(store, sizeof store);
    assert_int_equal(run_phase(store, "write", ""), 0);
    assert_int_equal(run_phase(store, "read", ""), 0);
    /* A third process: still there (loading does not rewrite or lose). */
    assert_int_equal(run_phase(store, "read", ""), 0);
    remove_store(store);
}

static void test_kill_during_writes_loses_nothing_committed(void **state)
{
    char store[512];
    temp_store(store, sizeof store);
    srand((unsigned)time(NULL) ^ (unsigned)getpid());
    for (int round = 0; round < 3; round++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        pid_t pid = fork();
        if (pid == 0) {
            close(fds[0]);
            setenv("NTK_REGISTRY", store, 1);
            char fd[16];
            snprintf(fd, sizeof fd, "%d", fds[1]);
            execl(Self, Self, "writer", fd, (char *)NULL);
            _exit(127);
        }
        close(fds[1]);
        /* Let it commit a random number of values, then kill it at a random
         * moment (usually in the middle of a transaction). */
        int target = 20 + rand() % 200;
        ULONG last = 0, v;
        int seen = 0;
        while (seen < target && read(fds[0], &v, sizeof v) == sizeof v) {
            last = v;
            seen++;
        }
        usleep((useconds_t)(rand() % 3000));
        kill(pid, SIGKILL);
        /* Reports written before the kill are commits too. */
        while (read(fds[0], &v, sizeof v) == sizeof v) {
            last = v;
            seen++;
        }
        close(fds[0]);
        int st;
        waitpid(pid, &st, 0);
        assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
        assert_true(seen > 0);
        char arg[16];
        snprintf(arg, sizeof arg, "%u", (unsigned)last);
        assert_int_equal(run_phase(store, "verify", arg), 0);
    }
    remove_store(store);
}

int main(int argc, char **argv)
{
    ssize_t n = readlink("/proc/self/exe", Self, sizeof Self - 1);
    if (n <= 0)
        return 3;
    Self[n] = 0;
    if (argc >= 2) {
        ntk_boot();
        if (!strcmp(argv[1], "write"))
            return phase_write();
        if (!strcmp(argv[1], "read"))
            return phase_read();
        if (!strcmp(argv[1], "writer") && argc >= 3)
            return phase_writer(atoi(argv[2]));
        if (!strcmp(argv[1], "verify") && argc >= 3)
            return phase_verify((ULONG)strtoul(argv[2], NULL, 10));
        return 2;
    }
    unsetenv("NTK_REGISTRY");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_persistence_across_processes),
        cmocka_unit_test(test_kill_during_writes_loses_nothing_committed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
