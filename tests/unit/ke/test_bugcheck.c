/*
 * test_bugcheck.c - the bug-check report and the end of the process.
 *
 * Every case runs the bug check in a forked child whose standard error is
 * captured through a pipe, then checks the report's lines and the way the
 * child ended (exit status 200, or SIGABRT with NTK_BUGCHECK_ACTION=abort).
 */
#define _GNU_SOURCE
#define NTK_HOST_STDIO /* glibc's printf family: this is ntk-internal code */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

/* cmocka.h picks Windows types when _WIN32/_WIN64 are defined, as they are
 * for kernel-side code; the library itself was built for Linux. */
#pragma push_macro("_WIN32")
#pragma push_macro("_WIN64")
#undef _WIN32
#undef _WIN64
#include <cmocka.h>
#pragma pop_macro("_WIN64")
#pragma pop_macro("_WIN32")

#include <wdm.h>
#include <bugcodes.h>
#include <host.h>
#include <ntk/exitcodes.h>
#include <internal/ke_bugcheck.h>

/* Kept out of line and unspecialised, so each appears as its own frame
 * under its own name. */
#if defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE __attribute__((noinline, noclone))
#endif

/* ---------------------------------------------------------------------------
 * Running a bug check in a child.
 */

typedef struct _CHILD_RESULT {
    int Status;
    size_t Length;
    char Output[128 * 1024];
} CHILD_RESULT;

static CHILD_RESULT Child;

static void RunChild(void (*Body)(void))
{
    int pipeFds[2];
    assert_int_equal(pipe(pipeFds), 0);

    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(pipeFds[0]);
        dup2(pipeFds[1], STDERR_FILENO);
        close(pipeFds[1]);
        /* No core files from the abort case; no hang if the bug check hangs. */
        struct rlimit noCore = { 0, 0 };
        setrlimit(RLIMIT_CORE, &noCore);
        alarm(30);
        Body();
        _exit(99); /* a bug check never returns */
    }

    close(pipeFds[1]);
    Child.Length = 0;
    for (;;) {
        ssize_t got = read(pipeFds[0], Child.Output + Child.Length, sizeof(Child.Output) - 1 - Child.Length);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        Child.Length += (size_t)got;
        if (Child.Length == sizeof(Child.Output) - 1)
            break;
    }
    Child.Output[Child.Length] = '\0';
    close(pipeFds[0]);
    assert_int_equal(waitpid(pid, &Child.Status, 0), pid);
}

static void AssertExitedWithBugCheckStatus(void)
{
    if (!WIFEXITED(Child.Status) || WEXITSTATUS(Child.Status) != NTK_EXIT_BUGCHECK)
        print_error("child status 0x%x, output:\n%s\n", Child.Status, Child.Output);
    assert_true(WIFEXITED(Child.Status));
    assert_int_equal(WEXITSTATUS(Child.Status), NTK_EXIT_BUGCHECK);
}

static void AssertOutputContains(const char *Text)
{
    if (strstr(Child.Output, Text) == NULL)
        print_error("missing \"%s\" in:\n%s\n", Text, Child.Output);
    assert_non_null(strstr(Child.Output, Text));
}

static int CountOccurrences(const char *Text)
{
    int count = 0;
    for (const char *at = strstr(Child.Output, Text); at != NULL; at = strstr(at + 1, Text))
        count++;
    return count;
}

/* Copies the report line that starts with Prefix (after a newline). */
static const char *FindLine(const char *Prefix, char *Line, size_t LineSize)
{
    size_t prefixLength = strlen(Prefix);
    for (const char *at = Child.Output; at != NULL && *at != '\0';) {
        const char *end = strchr(at, '\n');
        size_t length = end != NULL ? (size_t)(end - at) : strlen(at);
        if (length >= prefixLength && memcmp(at, Prefix, prefixLength) == 0) {
            snprintf(Line, LineSize, "%.*s", (int)length, at);
            return Line;
        }
        at = end != NULL ? end + 1 : NULL;
    }
    print_error("no line starting with \"%s\" in:\n%s\n", Prefix, Child.Output);
    return NULL;
}

static void AssertLineContains(const char *Prefix, const char *Text)
{
    char line[1024];
    assert_non_null(FindLine(Prefix, line, sizeof(line)));
    if (strstr(line, Text) == NULL)
        print_error("line \"%s\" lacks \"%s\"\n", line, Text);
    assert_non_null(strstr(line, Text));
}

/* Position of Text in the output, for checking the order of sections. */
static ptrdiff_t OffsetOf(const char *Text)
{
    const char *at = strstr(Child.Output, Text);
    assert_non_null(at);
    return at - Child.Output;
}

/* ---------------------------------------------------------------------------
 * KeBugCheckEx from a driver-like caller.
 */

NOINLINE static void bugcheck_ex_caller(void)
{
    KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x62, 0x12345678, 0, 5);
}

static void BugCheckExChild(void)
{
    bugcheck_ex_caller();
}

static void test_kebugcheckex_report(void **state)
{
    (void)state;
    RunChild(BugCheckExChild);

    AssertExitedWithBugCheckStatus();
    AssertOutputContains("*** Fatal System Error: 0x000000c4 "
                         "(0x0000000000000062,0x0000000012345678,0x0000000000000000,0x0000000000000005)\n");
    assert_int_equal(CountOccurrences("*** Fatal System Error"), 1);
    AssertOutputContains("\nDRIVER_VERIFIER_DETECTED_VIOLATION (c4)\n");
    AssertOutputContains("\nArguments:\n");
    AssertOutputContains("\nArg1: 0000000000000062, A driver is unloading without freeing its pool allocations.\n");
    AssertOutputContains("\nArg2: 0000000012345678, Name of the driver\n");
    AssertOutputContains("\nArg3: 0000000000000000, Reserved\n");
    AssertOutputContains("\nArg4: 0000000000000005, Total number of allocations not freed");
    AssertOutputContains("\nBUGCHECK_STR:  0xc4_62\n");
    AssertOutputContains("\nIMAGE_NAME:  ");
    AssertOutputContains("\nProbably caused by : ");
    AssertOutputContains("\nSTACK_TEXT:\n #00 ");
    AssertLineContains(" #00 ", "!bugcheck_ex_caller+0x");
    AssertLineContains(" #00 ", "(test_bugcheck.c:");
    AssertLineContains(" #01 ", "!BugCheckExChild+0x");
    AssertOutputContains("*** ntk: bug check 0x000000c4: process exits with status 200\n");
    /* The sections come in the debugger's order. */
    assert_true(OffsetOf("*** Fatal System Error") < OffsetOf("DRIVER_VERIFIER_DETECTED_VIOLATION (c4)"));
    assert_true(OffsetOf("(c4)") < OffsetOf("Arguments:"));
    assert_true(OffsetOf("Arguments:") < OffsetOf("BUGCHECK_STR:"));
    assert_true(OffsetOf("BUGCHECK_STR:") < OffsetOf("STACK_TEXT:"));
}

NOINLINE static void bugcheck_plain_caller(void)
{
    KeBugCheck(MANUALLY_INITIATED_CRASH);
}

static void BugCheckPlainChild(void)
{
    bugcheck_plain_caller();
}

static void test_kebugcheck_report(void **state)
{
    (void)state;
    RunChild(BugCheckPlainChild);

    AssertExitedWithBugCheckStatus();
    AssertOutputContains("*** Fatal System Error: 0x000000e2 "
                         "(0x0000000000000000,0x0000000000000000,0x0000000000000000,0x0000000000000000)\n");
    AssertOutputContains("\nMANUALLY_INITIATED_CRASH (e2)\n");
    AssertOutputContains("\nBUGCHECK_STR:  0xE2\n");
    AssertLineContains(" #00 ", "!bugcheck_plain_caller+0x");
}

/* ---------------------------------------------------------------------------
 * A bug check raised from a real SIGSEGV handler running on an alternate
 * signal stack: the stack starts at the faulting instruction.
 */

static int *volatile BadPointer = (int *)0x10;

NOINLINE static void faulting_function(void)
{
    *BadPointer = 42;
}

NOINLINE static void call_faulting_function(void)
{
    faulting_function();
    __asm__ volatile("" ::: "memory"); /* keep the call from becoming a jump */
}

static void SegvHandler(int Signal, siginfo_t *Info, void *Context)
{
    (void)Signal;
    ucontext_t *context = Context;
    const void *pc = (const void *)context->uc_mcontext.gregs[REG_RIP];
    KiBugCheckAt(KMODE_EXCEPTION_NOT_HANDLED, (ULONG_PTR)(LONG)0xC0000005, (ULONG_PTR)pc, 1,
                 (ULONG_PTR)Info->si_addr, pc, NULL);
}

static char SignalStack[256 * 1024];

static void SegvChild(void)
{
    stack_t alternate = { .ss_sp = SignalStack, .ss_size = sizeof(SignalStack), .ss_flags = 0 };
    sigaltstack(&alternate, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = SegvHandler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, NULL);
    call_faulting_function();
}

static void test_fault_report_starts_at_faulting_instruction(void **state)
{
    (void)state;
    RunChild(SegvChild);

    AssertExitedWithBugCheckStatus();
    AssertOutputContains("*** Fatal System Error: 0x0000001e (0xFFFFFFFFC0000005,");
    AssertOutputContains("\nKMODE_EXCEPTION_NOT_HANDLED (1e)\n");
    AssertOutputContains("\nArg1: ffffffffc0000005, The exception code that was not handled\n");
    AssertOutputContains("\nArg4: 0000000000000010, Parameter 1 of the exception\n");
    AssertOutputContains("\nBUGCHECK_STR:  0x1E_c0000005\n");
    AssertLineContains(" #00 ", "!faulting_function+0x");
    AssertLineContains(" #00 ", "(test_bugcheck.c:");
    AssertLineContains(" #01 ", "!call_faulting_function+0x");
    /* Nothing of the handler above the faulting frame. */
    assert_null(strstr(Child.Output, "SegvHandler"));
    assert_null(strstr(Child.Output, "KiBugCheck"));
}

static void UnwalkableTrapChild(void)
{
    /* A faulting pc the walk never reaches (as when the unwinder cannot get
     * through the signal frame): the stack shows that instruction alone. */
    KiBugCheckAt(KMODE_EXCEPTION_NOT_HANDLED, (ULONG_PTR)(LONG)0xC0000005, 0x1234, 0, 0, (const void *)0x1234, NULL);
}

static void test_fault_pc_missing_from_walk(void **state)
{
    (void)state;
    RunChild(UnwalkableTrapChild);

    AssertExitedWithBugCheckStatus();
    AssertOutputContains("\nSTACK_TEXT:\n #00 0x0000000000001234\n\n");
    assert_null(strstr(Child.Output, " #01 "));
}

NOINLINE static void special_pool_caller(void)
{
    KeBugCheckEx(SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION, 0xABC0, 0xABD0, 0, 0x24);
}

static void SpecialPoolChild(void)
{
    special_pool_caller();
}

static void test_subcode_selected_by_fourth_parameter(void **state)
{
    (void)state;
    RunChild(SpecialPoolChild);

    AssertExitedWithBugCheckStatus();
    AssertOutputContains("\nSPECIAL_POOL_DETECTED_MEMORY_CORRUPTION (c1)\n");
    AssertOutputContains("\nArg1: 000000000000abc0, Address the driver tried to free\n");
    AssertOutputContains("\nArg2: 000000000000abd0, Address where bits are corrupted\n");
    AssertOutputContains("\nArg4: 0000000000000024, The driver freed an address, but bytes after the end of the "
                         "allocation were overwritten.\n");
    AssertOutputContains("\nBUGCHECK_STR:  0xc1_24\n");
}

/* ---------------------------------------------------------------------------
 * NTK_BUGCHECK_ACTION.
 */

static void AbortActionChild(void)
{
    setenv("NTK_BUGCHECK_ACTION", "abort", 1);
    bugcheck_ex_caller();
}

static void test_abort_action_ends_with_sigabrt(void **state)
{
    (void)state;
    RunChild(AbortActionChild);

    if (!WIFSIGNALED(Child.Status))
        print_error("child status 0x%x, output:\n%s\n", Child.Status, Child.Output);
    assert_true(WIFSIGNALED(Child.Status));
    assert_int_equal(WTERMSIG(Child.Status), SIGABRT);
    AssertOutputContains("*** Fatal System Error: 0x000000c4 ");
    AssertOutputContains("\nSTACK_TEXT:\n");
    AssertOutputContains("aborting the process (NTK_BUGCHECK_ACTION=abort)");
}

static void UnknownActionChild(void)
{
    setenv("NTK_BUGCHECK_ACTION", "reboot", 1);
    bugcheck_ex_caller();
}

static void test_unknown_action_exits(void **state)
{
    (void)state;
    RunChild(UnknownActionChild);

    AssertExitedWithBugCheckStatus();
    AssertOutputContains("NTK_BUGCHECK_ACTION=\"reboot\" is not \"exit\" or \"abort\"");
}

/* ---------------------------------------------------------------------------
 * Concurrency: two threads at once give one report; a bug check raised
 * while reporting gives a note and an immediate end.
 */

static pthread_barrier_t RaceStart;

static void *RacingThread(void *Argument)
{
    pthread_barrier_wait(&RaceStart);
    KeBugCheckEx(MULTIPLE_IRP_COMPLETE_REQUESTS, (ULONG_PTR)Argument, 0, 0, 0);
}

static void TwoThreadsChild(void)
{
    pthread_t threads[2];
    pthread_barrier_init(&RaceStart, NULL, 2);
    pthread_create(&threads[0], NULL, RacingThread, (void *)0x1111);
    pthread_create(&threads[1], NULL, RacingThread, (void *)0x2222);
    pthread_join(threads[0], NULL);
    pthread_join(threads[1], NULL);
}

static void test_two_threads_give_one_report(void **state)
{
    (void)state;
    for (int round = 0; round < 5; round++) {
        RunChild(TwoThreadsChild);

        AssertExitedWithBugCheckStatus();
        assert_int_equal(CountOccurrences("*** Fatal System Error"), 1);
        assert_int_equal(CountOccurrences("MULTIPLE_IRP_COMPLETE_REQUESTS (44)"), 1);
        assert_int_equal(CountOccurrences("STACK_TEXT:"), 1);
        assert_int_equal(CountOccurrences("process exits with status"), 1);
        assert_null(strstr(Child.Output, "raised while reporting"));
    }
}

static void TraceReporter(KI_BUGCHECK_EMIT *Emit)
{
    Emit("IRP_TRACE:");
    Emit(" irp 0x1234 completed twice");
}

NOINLINE static void detail_caller(void)
{
    KiBugCheckAt(MULTIPLE_IRP_COMPLETE_REQUESTS, 0x1234, 0, 0, 0, NULL,
                 "IoCompleteRequest called twice for IRP 0x0000000000001234");
}

static void DetailAndReporterChild(void)
{
    KiRegisterBugCheckReporter(TraceReporter);
    KiRegisterBugCheckReporter(TraceReporter); /* a second registration is ignored */
    detail_caller();
}

static void test_detail_line_and_reporter_section(void **state)
{
    (void)state;
    RunChild(DetailAndReporterChild);

    AssertExitedWithBugCheckStatus();
    AssertOutputContains("\nMULTIPLE_IRP_COMPLETE_REQUESTS (44)\n");
    AssertOutputContains("\nIoCompleteRequest called twice for IRP 0x0000000000001234\nArguments:\n");
    AssertOutputContains("\nArg1: 0000000000001234, Address of the IRP\n");
    AssertLineContains(" #00 ", "!detail_caller+0x");
    assert_int_equal(CountOccurrences("IRP_TRACE:"), 1);
    AssertOutputContains("\nIRP_TRACE:\n irp 0x1234 completed twice\n");
    assert_true(OffsetOf("STACK_TEXT:") < OffsetOf("IRP_TRACE:"));
    assert_true(OffsetOf("IRP_TRACE:") < OffsetOf("process exits with status 200"));
}

static void RecursingReporter(KI_BUGCHECK_EMIT *Emit)
{
    Emit("RECURSING_REPORTER: about to bug check");
    KeBugCheckEx(IRQL_NOT_LESS_OR_EQUAL, 1, 2, 3, 4);
}

static void RecursionChild(void)
{
    KiRegisterBugCheckReporter(RecursingReporter);
    bugcheck_ex_caller();
}

static void test_recursive_bugcheck_prints_note_and_exits(void **state)
{
    (void)state;
    RunChild(RecursionChild);

    AssertExitedWithBugCheckStatus();
    assert_int_equal(CountOccurrences("*** Fatal System Error"), 1);
    AssertOutputContains("RECURSING_REPORTER: about to bug check\n");
    AssertOutputContains("*** ntk: bug check 0x0000000a (0x0000000000000001,0x0000000000000002,0x0000000000000003,"
                         "0x0000000000000004) raised while reporting bug check 0x000000c4; report cut short\n");
    assert_null(strstr(Child.Output, "process exits with status"));
}

/* ---------------------------------------------------------------------------
 * Codes without a description.
 */

NOINLINE static void unknown_code_caller(void)
{
    KeBugCheckEx(0x12345, 1, 2, 3, 4);
}

static void UnknownCodeChild(void)
{
    unknown_code_caller();
}

static void test_unknown_code(void **state)
{
    (void)state;
    RunChild(UnknownCodeChild);

    AssertExitedWithBugCheckStatus();
    AssertOutputContains("*** Fatal System Error: 0x00012345 ");
    AssertOutputContains("\nUnknown bugcheck code (12345)\n");
    AssertOutputContains("\nArg1: 0000000000000001\n");
    AssertOutputContains("\nBUGCHECK_STR:  0x12345\n");
}

static void test_code_names(void **state)
{
    (void)state;
    assert_string_equal(KiBugCheckCodeName(APC_INDEX_MISMATCH), "APC_INDEX_MISMATCH");
    assert_string_equal(KiBugCheckCodeName(0xC4), "DRIVER_VERIFIER_DETECTED_VIOLATION");
    assert_string_equal(KiBugCheckCodeName(0x139), "KERNEL_SECURITY_CHECK_FAILURE");
    assert_string_equal(KiBugCheckCodeName(MANUALLY_INITIATED_CRASH1), "MANUALLY_INITIATED_CRASH1");
    assert_null(KiBugCheckCodeName(0x12345));
}

int main(void)
{
    ntkhost_set_ops(&ntkhost_posix_ops);
    /* Walk once while healthy, as the runtime does at start-up. */
    void *warmUp[4];
    ntkhost->backtrace(warmUp, 4);

    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kebugcheckex_report),
        cmocka_unit_test(test_kebugcheck_report),
        cmocka_unit_test(test_fault_report_starts_at_faulting_instruction),
        cmocka_unit_test(test_fault_pc_missing_from_walk),
        cmocka_unit_test(test_subcode_selected_by_fourth_parameter),
        cmocka_unit_test(test_abort_action_ends_with_sigabrt),
        cmocka_unit_test(test_unknown_action_exits),
        cmocka_unit_test(test_two_threads_give_one_report),
        cmocka_unit_test(test_detail_line_and_reporter_section),
        cmocka_unit_test(test_recursive_bugcheck_prints_note_and_exits),
        cmocka_unit_test(test_unknown_code),
        cmocka_unit_test(test_code_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
