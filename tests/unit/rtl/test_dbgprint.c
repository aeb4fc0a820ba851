/*
 * test_dbgprint.c - DbgPrint and its family, the 512-byte limit, the debug
 * output sink chosen by NTK_DEBUG_OUTPUT (src/nt/kd/dbgprint.c), the
 * Debug Print Filter and NTK_DEBUG_FILTER (src/nt/kd/filter.c), the
 * debugger state and breakpoints (src/nt/kd/debugger.c), and the POSIX
 * host's debug output file (src/host/posix/debugout.c).
 *
 * A test host table captures what reaches standard error (write_err) and
 * the host's debug file op, and answers getenv from the test.
 */
#include "ntk_test.h"

#include <fcntl.h>

#include <wdm.h>
#include <ntstatus.h>
#include <host.h>
#include <ntk/exitcodes.h>
#include <internal/kd.h>

/* The POSIX host's file writer (src/host/posix/debugout.c). */
void ntkhost_posix_debug_write(const char *s, size_t len);

/* --------------------------------------------------------- the test host */

typedef struct {
    char Data[8192];
    size_t Length;
    int Calls;
} CAPTURE;

static CAPTURE StandardError;
static CAPTURE DebugFile;
static const char *DebugOutputSetting; /* what getenv("NTK_DEBUG_OUTPUT") answers */
static const char *DebugFilterSetting; /* what getenv("NTK_DEBUG_FILTER") answers */
static int DebuggerAttached;           /* what the host's debugger_attached answers */
static int DebugBreaks;                /* calls of the host's debug_break */

static void Capture(CAPTURE *Into, const char *Text, size_t Length)
{
    assert_true(Into->Length + Length <= sizeof(Into->Data));
    memcpy(Into->Data + Into->Length, Text, Length);
    Into->Length += Length;
    Into->Calls++;
}

static void TestWriteErr(const char *Text, size_t Length)
{
    Capture(&StandardError, Text, Length);
}

static void TestDebugWrite(const char *Text, size_t Length)
{
    Capture(&DebugFile, Text, Length);
}

static const char *TestGetenv(const char *Name)
{
    if (strcmp(Name, "NTK_DEBUG_FILTER") == 0)
        return DebugFilterSetting;
    return strcmp(Name, "NTK_DEBUG_OUTPUT") == 0 ? DebugOutputSetting : NULL;
}

static int TestDebuggerAttached(void)
{
    return DebuggerAttached;
}

static void TestDebugBreak(void)
{
    DebugBreaks++;
}

static struct ntkhost_ops TestHost;
static const struct ntkhost_ops *SavedHost;

static int SetUpHost(void **state)
{
    (void)state;
    memset(&TestHost, 0, sizeof(TestHost));
    TestHost.version = NTKHOST_VERSION;
    TestHost.write_err = TestWriteErr;
    TestHost.getenv = TestGetenv;
    TestHost.debug_write = TestDebugWrite;
    TestHost.debugger_attached = TestDebuggerAttached;
    TestHost.debug_break = TestDebugBreak;
    SavedHost = ntkhost_set_ops(&TestHost);
    return 0;
}

static int RestoreHost(void **state)
{
    (void)state;
    ntkhost_set_ops(SavedHost);
    return 0;
}

/* Each test starts with empty captures and the sink chosen from Setting. */
static void UseSetting(const char *Setting)
{
    memset(&StandardError, 0, sizeof(StandardError));
    memset(&DebugFile, 0, sizeof(DebugFile));
    DebugOutputSetting = Setting;
    KdpReinitializeDebugOutput();
    DebugFilterSetting = NULL;
    KdpReinitializeDebugFilter();
}

/* Output to stderr, the filter read from Filter. */
static void UseFilter(const char *Filter)
{
    UseSetting(NULL);
    DebugFilterSetting = Filter;
    KdpReinitializeDebugFilter();
}

static void AssertCaptured(const CAPTURE *Captured, const char *Expected)
{
    assert_int_equal(Captured->Length, strlen(Expected));
    assert_memory_equal(Captured->Data, Expected, Captured->Length);
}

static ULONG CallWithPrefix(PCCH Prefix, PCCH Format, ...)
{
    va_list arguments;
    ULONG status;

    va_start(arguments, Format);
    status = vDbgPrintExWithPrefix(Prefix, 77, 0, Format, arguments);
    va_end(arguments);
    return status;
}

static ULONG CallV(PCCH Format, ...)
{
    va_list arguments;
    ULONG status;

    va_start(arguments, Format);
    status = vDbgPrintEx(77, 3, Format, arguments);
    va_end(arguments);
    return status;
}

/* ------------------------------------------------------------------ tests */

static void test_output_reaches_stderr_by_default(void **state)
{
    (void)state;
    UseSetting(NULL);
    assert_int_equal(DbgPrint("hello %d\n", 5), STATUS_SUCCESS);
    AssertCaptured(&StandardError, "hello 5\n");
    assert_int_equal(StandardError.Calls, 1); /* one write per call */

    UseSetting("stderr");
    assert_int_equal(DbgPrintEx(77, 0, "error level %s\n", "x"), STATUS_SUCCESS);
    assert_int_equal(DbgPrintEx(77, 3, "info level\n"), STATUS_SUCCESS); /* no filtering yet */
    AssertCaptured(&StandardError, "error level x\ninfo level\n");
    assert_int_equal(StandardError.Calls, 2);

    UseSetting("");
    assert_int_equal(DbgPrintReturnControlC("ctrl-c %u\n", 7u), STATUS_SUCCESS);
    AssertCaptured(&StandardError, "ctrl-c 7\n");
}

static void test_ms_formatting(void **state)
{
    (void)state;
    WCHAR nameBuffer[] = {'d', 'r', 'v', '!'};
    UNICODE_STRING name = {3 * sizeof(WCHAR), sizeof(nameBuffer), nameBuffer};
    LONG negative = -2;

    UseSetting(NULL);
    DbgPrint("%wZ %ws %I64x %ld %lu %p\n", &name, L"w\u00E9", 0xABCDEF0123ULL, negative, (ULONG)0xFFFFFFFF,
             (void *)0x10);
    AssertCaptured(&StandardError, "drv w\xC3\xA9 abcdef0123 -2 4294967295 0000000000000010\n");
}

static void test_prefix_and_va_list_forms(void **state)
{
    (void)state;
    UseSetting(NULL);
    CallWithPrefix("MyDrv: ", "value=%d\n", 3);
    CallV("v %s\n", "form");
    AssertCaptured(&StandardError, "MyDrv: value=3\nv form\n");
    assert_int_equal(StandardError.Calls, 2);
}

static void test_512_byte_limit(void **state)
{
    (void)state;
    static char longText[700];
    size_t i;

    /* Longer than 512: cut to 512 bytes, the last one a newline. */
    memset(longText, 'a', 600);
    longText[600] = '\0';
    UseSetting(NULL);
    DbgPrint("%s", longText);
    assert_int_equal(StandardError.Length, KDP_MAX_DEBUG_PRINT);
    for (i = 0; i < KDP_MAX_DEBUG_PRINT - 1; i++)
        assert_int_equal(StandardError.Data[i], 'a');
    assert_int_equal(StandardError.Data[KDP_MAX_DEBUG_PRINT - 1], '\n');

    /* Exactly 512 bytes is sent as it is. */
    memset(longText, 'b', 511);
    longText[511] = '!';
    longText[512] = '\0';
    UseSetting(NULL);
    DbgPrint("%s", longText);
    AssertCaptured(&StandardError, longText);

    /* The prefix counts against the 512 bytes. */
    memset(longText, 'c', 600);
    longText[600] = '\0';
    UseSetting(NULL);
    CallWithPrefix("PFX:", "%s", longText);
    assert_int_equal(StandardError.Length, KDP_MAX_DEBUG_PRINT);
    assert_memory_equal(StandardError.Data, "PFX:ccc", 7);
    assert_int_equal(StandardError.Data[KDP_MAX_DEBUG_PRINT - 2], 'c');
    assert_int_equal(StandardError.Data[KDP_MAX_DEBUG_PRINT - 1], '\n');

    /* A prefix of 512 bytes or more leaves no room for the message. */
    memset(longText, 'p', 600);
    longText[600] = '\0';
    UseSetting(NULL);
    CallWithPrefix(longText, "lost");
    assert_int_equal(StandardError.Length, KDP_MAX_DEBUG_PRINT);
    assert_int_equal(StandardError.Data[0], 'p');
    assert_int_equal(StandardError.Data[KDP_MAX_DEBUG_PRINT - 1], '\n');
}

static void test_output_off(void **state)
{
    (void)state;
    UseSetting("off");
    assert_int_equal(DbgPrint("not shown %d\n", 1), STATUS_SUCCESS);
    KdpWriteDebugOutput("nor this\n", 9);
    assert_int_equal(StandardError.Length, 0);
    assert_int_equal(DebugFile.Length, 0);
}

static void test_output_to_a_file(void **state)
{
    (void)state;
    UseSetting("/tmp/ntk-debug-output-test.log");
    DbgPrint("to the file %d\n", 1);
    AssertCaptured(&DebugFile, "to the file 1\n");
    assert_int_equal(StandardError.Length, 0);
}

static void test_kdp_write_debug_output(void **state)
{
    (void)state;
    UseSetting(NULL);
    KdpWriteDebugOutput("raw text", 8);
    KdpWriteDebugOutput("", 0);
    AssertCaptured(&StandardError, "raw text");
    assert_int_equal(StandardError.Calls, 1);
}

static void test_invalid_format_is_visible(void **state)
{
    (void)state;
    UseSetting(NULL);
    DbgPrint("x=%k\n", 1);
    AssertCaptured(&StandardError, "x=(invalid conversion %k)");
    UseSetting(NULL);
    DbgPrint(NULL);
    assert_non_null(strstr(StandardError.Data, "NULL format"));
}

static void test_filter_default_shows_everything(void **state)
{
    (void)state;
    UseFilter(NULL);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL), TRUE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_DEFAULT_ID, 31), TRUE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_SYSTEM_ID, DPFLTR_TRACE_LEVEL), TRUE);
    DbgPrint("plain\n");
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL, "info\n");
    AssertCaptured(&StandardError, "plain\ninfo\n");
    /* Levels can still be turned off. */
    assert_int_equal(DbgSetDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL, FALSE), STATUS_SUCCESS);
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL, "hidden\n");
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_TRACE_LEVEL, "trace\n");
    AssertCaptured(&StandardError, "plain\ninfo\ntrace\n");
}

static void test_filter_windows_defaults(void **state)
{
    (void)state;
    UseFilter("windows");
    /* DbgPrint is DEFAULT at INFO: hidden; errors always pass (WIN2000). */
    DbgPrint("plain\n");
    DbgPrintReturnControlC("plain too\n");
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_WARNING_LEVEL, "warning\n");
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "error\n");
    AssertCaptured(&StandardError, "error\n");
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_DEFAULT_ID, DPFLTR_INFO_LEVEL), FALSE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_SYSTEM_ID, DPFLTR_ERROR_LEVEL), TRUE);

    /* A level 0-31 is a bit number; 32 and up a mask (DPFLTR_MASK marks it). */
    assert_int_equal(DbgSetDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL, TRUE), STATUS_SUCCESS);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL), TRUE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_MASK | 0x8), TRUE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_MASK | 0x4), FALSE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_MASK | 0x1), TRUE); /* WIN2000 */
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_MASK | 0x8, "masked\n");
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL, "info\n");
    AssertCaptured(&StandardError, "error\nmasked\ninfo\n");
    assert_int_equal(DbgSetDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_MASK | 0x8, FALSE), STATUS_SUCCESS);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL), FALSE);

    /* The WIN2000 mask itself is component ~0; turning errors off there
     * hides them everywhere. */
    assert_int_equal(DbgSetDebugFilterState(0xFFFFFFFF, DPFLTR_ERROR_LEVEL, FALSE), STATUS_SUCCESS);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL), FALSE);

    /* Unknown components. */
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_ENDOFTABLE_ID, 0), STATUS_INVALID_PARAMETER_1);
    assert_int_equal(DbgSetDebugFilterState(1000, 0, TRUE), STATUS_INVALID_PARAMETER_1);
    DbgPrintEx(1000, DPFLTR_ERROR_LEVEL, "unknown component\n");
    AssertCaptured(&StandardError, "error\nmasked\ninfo\n");
}

static ULONG CallVFiltered(ULONG Component, ULONG Level, PCCH Format, ...)
{
    va_list arguments;
    ULONG status;

    va_start(arguments, Format);
    status = vDbgPrintEx(Component, Level, Format, arguments);
    va_end(arguments);
    va_start(arguments, Format);
    status |= vDbgPrintExWithPrefix("p:", Component, Level, Format, arguments);
    va_end(arguments);
    return status;
}

static void test_filter_overrides(void **state)
{
    (void)state;
    /* Overrides start from Windows' defaults, like the registry key. */
    UseFilter("IHVDRIVER:0xF,default:3");
    assert_int_equal(StandardError.Length, 0);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL), TRUE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, 4), FALSE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_DEFAULT_ID, DPFLTR_WARNING_LEVEL), TRUE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_DEFAULT_ID, DPFLTR_TRACE_LEVEL), FALSE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_SYSTEM_ID, DPFLTR_WARNING_LEVEL), FALSE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_SYSTEM_ID, DPFLTR_ERROR_LEVEL), TRUE);
    DbgPrint("plain\n");
    CallVFiltered(DPFLTR_IHVDRIVER_ID, 3, "v%d\n", 1);
    CallVFiltered(DPFLTR_IHVDRIVER_ID, 4, "v%d\n", 2);
    AssertCaptured(&StandardError, "v1\np:v1\n");

    /* "all" first keeps everything else shown; numbers name components. */
    UseFilter("all, 77:0x1");
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL), FALSE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_SYSTEM_ID, DPFLTR_INFO_LEVEL), TRUE);

    /* WIN2000 can be set too: nothing at all is shown then. */
    UseFilter("windows,WIN2000:0");
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL), FALSE);
}

static void test_filter_bad_items_are_reported(void **state)
{
    (void)state;
    UseFilter("windows,bogus,NOSUCH:1,IHVDRIVER:zz,IHVDRIVER:0x8");
    assert_non_null(strstr(StandardError.Data, "NTK_DEBUG_FILTER: ignoring \"bogus\""));
    assert_non_null(strstr(StandardError.Data, "\"NOSUCH:1\""));
    assert_non_null(strstr(StandardError.Data, "\"IHVDRIVER:zz\""));
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL), TRUE);
    assert_int_equal(DbgQueryDebugFilterState(DPFLTR_IHVDRIVER_ID, DPFLTR_TRACE_LEVEL), FALSE);
}

static void test_debugger_attached_breakpoint_stops(void **state)
{
    (void)state;
    UseSetting(NULL);
    DebuggerAttached = 1;
    DebugBreaks = 0;
    assert_int_equal(KdRefreshDebuggerNotPresent(), FALSE);
    assert_int_equal(KD_DEBUGGER_NOT_PRESENT, FALSE);
    assert_int_equal(KD_DEBUGGER_ENABLED, TRUE);
    DbgBreakPointWithStatus(3);
    assert_int_equal(DebugBreaks, 1);
    DebuggerAttached = 0;
    assert_int_equal(KdRefreshDebuggerNotPresent(), TRUE);
    assert_int_equal(KD_DEBUGGER_NOT_PRESENT, TRUE);
    assert_int_equal(KD_DEBUGGER_ENABLED, FALSE);
}

static void test_breakpoint_without_debugger_bugchecks(void **state)
{
    (void)state;
    int fds[2];
    char report[4096];
    size_t used = 0;
    ssize_t n;
    int status;
    pid_t child;

    assert_int_equal(pipe(fds), 0);
    child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        close(fds[0]);
        dup2(fds[1], 2);
        ntkhost_set_ops(SavedHost);
        DbgBreakPointWithStatus(3);
        _exit(0); /* not reached: the breakpoint is a bug check */
    }
    close(fds[1]);
    while ((n = read(fds[0], report + used, sizeof(report) - 1 - used)) > 0)
        used += (size_t)n;
    close(fds[0]);
    report[used] = '\0';
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), NTK_EXIT_BUGCHECK);
    assert_non_null(strstr(report, "KMODE_EXCEPTION_NOT_HANDLED"));
    assert_non_null(strstr(report, "DbgBreakPointWithStatus"));
}

static void test_posix_debug_file(void **state)
{
    (void)state;
    char path[] = "/tmp/ntk-debugout-XXXXXX";
    char contents[64];
    int fd = mkstemp(path);
    ssize_t got;

    assert_true(fd >= 0);
    assert_int_equal(write(fd, "old\n", 4), 4); /* appended to, not replaced */
    close(fd);
    setenv("NTK_DEBUG_OUTPUT", path, 1);
    ntkhost_posix_debug_write("line 1\n", 7);
    ntkhost_posix_debug_write("line 2\n", 7);
    unsetenv("NTK_DEBUG_OUTPUT");

    fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    got = read(fd, contents, sizeof(contents) - 1);
    close(fd);
    unlink(path);
    assert_int_equal(got, 18);
    contents[got] = '\0';
    assert_string_equal(contents, "old\nline 1\nline 2\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_output_reaches_stderr_by_default),
        cmocka_unit_test(test_ms_formatting),
        cmocka_unit_test(test_prefix_and_va_list_forms),
        cmocka_unit_test(test_512_byte_limit),
        cmocka_unit_test(test_output_off),
        cmocka_unit_test(test_output_to_a_file),
        cmocka_unit_test(test_kdp_write_debug_output),
        cmocka_unit_test(test_invalid_format_is_visible),
        cmocka_unit_test(test_filter_default_shows_everything),
        cmocka_unit_test(test_filter_windows_defaults),
        cmocka_unit_test(test_filter_overrides),
        cmocka_unit_test(test_filter_bad_items_are_reported),
        cmocka_unit_test(test_debugger_attached_breakpoint_stops),
        cmocka_unit_test(test_breakpoint_without_debugger_bugchecks),
        cmocka_unit_test(test_posix_debug_file),
    };
    return cmocka_run_group_tests(tests, SetUpHost, RestoreHost);
}
