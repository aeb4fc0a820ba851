/*
 * test_backtrace.c - the POSIX host's stack walker and symbolizer: the shape
 * of "module!function+0xoff (file.c:line)" and its fallbacks, walks from
 * ordinary code and from a fault handler on a small alternate signal stack,
 * and modules loaded after start-up.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <gnu/libc-version.h>
#include <link.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#include <cmocka.h>

#include "posix/posix.h"

/* Kept out of line and unspecialised, so each appears as its own frame
 * under its own name. */
#if defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE __attribute__((noinline, noclone))
#endif
/* Keeps a call from becoming a jump, so its frame stays on the stack. */
#define KEEP_FRAME() __asm__ volatile("" ::: "memory")

/* The symbolizer's name for this executable: its file name without extension. */
static char ModuleName[256];

static void ComputeModuleName(void)
{
    snprintf(ModuleName, sizeof(ModuleName), "%s", program_invocation_short_name);
    char *dot = strrchr(ModuleName, '.');
    if (dot != NULL && dot != ModuleName)
        *dot = '\0';
}

static void AssertContains(const char *Text, const char *Part)
{
    if (strstr(Text, Part) == NULL)
        print_error("\"%s\" lacks \"%s\"\n", Text, Part);
    assert_non_null(strstr(Text, Part));
}

static void AssertStartsWith(const char *Text, const char *Prefix)
{
    if (strncmp(Text, Prefix, strlen(Prefix)) != 0)
        print_error("\"%s\" does not start with \"%s\"\n", Text, Prefix);
    assert_int_equal(strncmp(Text, Prefix, strlen(Prefix)), 0);
}

/* ---------------------------------------------------------------------------
 * Symbolize: shape of the output.
 */

NOINLINE static void *capture_return_address(void)
{
    return __builtin_return_address(0);
}

NOINLINE static void *caller_with_known_line(int *Line)
{
    void *pc = capture_return_address(); *Line = __LINE__;
    KEEP_FRAME();
    return pc;
}

static void test_symbolize_names_module_function_file_and_line(void **state)
{
    (void)state;
    int line = 0;
    char *returnAddress = caller_with_known_line(&line);
    char text[512], expected[512];

    /* A return address minus one names the call site. */
    ntkhost_posix_symbolize(returnAddress - 1, text, sizeof(text));
    snprintf(expected, sizeof(expected), "%s!caller_with_known_line+0x", ModuleName);
    AssertStartsWith(text, expected);
    snprintf(expected, sizeof(expected), " (test_backtrace.c:%d)", line);
    AssertContains(text, expected);
    assert_int_equal(text[strlen(text) - 1], ')');
}

NOINLINE static int known_function(int Value)
{
    return Value * 3 + 1;
}

static void test_symbolize_function_start_has_no_offset(void **state)
{
    (void)state;
    char text[512], expected[512];

    assert_int_equal(known_function(1), 4);
    ntkhost_posix_symbolize((void *)known_function, text, sizeof(text));
    snprintf(expected, sizeof(expected), "%s!known_function (test_backtrace.c:", ModuleName);
    AssertStartsWith(text, expected);
    assert_null(strstr(text, "+0x"));
}

static const char DataTable[256] = { 1, 2, 3 };

static void test_symbolize_data_address_gives_module_and_offset(void **state)
{
    (void)state;
    char text[512], expected[512];

    ntkhost_posix_symbolize((void *)&DataTable[100], text, sizeof(text));
    snprintf(expected, sizeof(expected), "%s+0x", ModuleName);
    AssertStartsWith(text, expected);
    assert_null(strchr(text, '!'));
}

static void test_symbolize_unknown_address_gives_hex(void **state)
{
    (void)state;
    char text[512];

    ntkhost_posix_symbolize((void *)0x10, text, sizeof(text));
    assert_string_equal(text, "0x0000000000000010");
}

static void test_symbolize_library_function_strips_version(void **state)
{
    (void)state;
    char text[512];

    /* A libc function (one no sanitizer intercepts): module "libc", and no
     * "@GLIBC_x" version in the name. */
    ntkhost_posix_symbolize((void *)(uintptr_t)&gnu_get_libc_version, text, sizeof(text));
    AssertStartsWith(text, "libc!");
    assert_null(strchr(text, '@'));
}

static void test_symbolize_truncates_and_terminates(void **state)
{
    (void)state;
    char text[8];

    memset(text, 'x', sizeof(text));
    ntkhost_posix_symbolize((void *)known_function, text, sizeof(text));
    assert_int_equal(strlen(text), sizeof(text) - 1);

    memset(text, 'x', sizeof(text));
    ntkhost_posix_symbolize((void *)known_function, text, 1);
    assert_int_equal(text[0], '\0');
    assert_int_equal(text[1], 'x');

    ntkhost_posix_symbolize((void *)known_function, NULL, 0); /* no crash */
}

/* ---------------------------------------------------------------------------
 * Walking.
 */

static void *Frames[64];
static int FrameCount;

NOINLINE static void walk_level3(void)
{
    FrameCount = ntkhost_posix_backtrace(Frames, 64);
    KEEP_FRAME();
}

NOINLINE static void walk_level2(void)
{
    walk_level3();
    KEEP_FRAME();
}

NOINLINE static void walk_level1(void)
{
    walk_level2();
    KEEP_FRAME();
}

/* Index of the first frame whose call site names Function, or -1. */
static int FindFrame(void **Pcs, int Count, int First, const char *Function)
{
    char text[512], needle[256];
    snprintf(needle, sizeof(needle), "!%s+", Function);
    for (int i = First; i < Count; i++) {
        ntkhost_posix_symbolize((char *)Pcs[i] - 1, text, sizeof(text));
        if (strstr(text, needle) != NULL)
            return i;
    }
    return -1;
}

static void test_backtrace_starts_at_caller_innermost_first(void **state)
{
    (void)state;
    walk_level1();

    assert_true(FrameCount >= 4);
    assert_int_equal(FindFrame(Frames, FrameCount, 0, "walk_level3"), 0);
    assert_int_equal(FindFrame(Frames, FrameCount, 0, "walk_level2"), 1);
    assert_int_equal(FindFrame(Frames, FrameCount, 0, "walk_level1"), 2);
    assert_true(FindFrame(Frames, FrameCount, 0, "test_backtrace_starts_at_caller_innermost_first") == 3);
}

static void test_backtrace_respects_max(void **state)
{
    (void)state;
    void *pcs[2] = { NULL, NULL };

    assert_int_equal(ntkhost_posix_backtrace(pcs, 0), 0);
    assert_int_equal(ntkhost_posix_backtrace(NULL, 4), 0);
    int count = ntkhost_posix_backtrace(pcs, 1);
    assert_true(count >= 0 && count <= 1);
}

/* A fault handled on a small alternate stack walks through the signal frame
 * into the interrupted code, and the faulting pc symbolizes there too. */

static sigjmp_buf FaultReturn;
static void *FaultPc;
static void *FaultFrames[64];
static int FaultFrameCount;
static char FaultPcText[512];
static char FaultCallerText[512];
static int *volatile BadPointer = (int *)0x10;

NOINLINE static void fault_victim(void)
{
    *BadPointer = 1;
}

NOINLINE static void fault_victim_caller(void)
{
    fault_victim();
    KEEP_FRAME();
}

static void FaultHandler(int Signal, siginfo_t *Info, void *Context)
{
    (void)Signal;
    (void)Info;
    ucontext_t *context = Context;
    FaultPc = (void *)context->uc_mcontext.gregs[REG_RIP];
    FaultFrameCount = ntkhost_posix_backtrace(FaultFrames, 64);
    ntkhost_posix_symbolize(FaultPc, FaultPcText, sizeof(FaultPcText));
    for (int i = 0; i + 1 < FaultFrameCount; i++) {
        if (FaultFrames[i] == FaultPc) {
            ntkhost_posix_symbolize((char *)FaultFrames[i + 1] - 1, FaultCallerText, sizeof(FaultCallerText));
            break;
        }
    }
    siglongjmp(FaultReturn, 1);
}

static void test_backtrace_through_signal_frame_on_small_alternate_stack(void **state)
{
    (void)state;
    static char smallStack[16 * 1024];
    stack_t alternate = { .ss_sp = smallStack, .ss_size = sizeof(smallStack), .ss_flags = 0 };
    stack_t previousStack;
    struct sigaction action, previousAction;

    assert_int_equal(sigaltstack(&alternate, &previousStack), 0);
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = FaultHandler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    assert_int_equal(sigaction(SIGSEGV, &action, &previousAction), 0);

    FaultPc = NULL;
    FaultFrameCount = 0;
    FaultPcText[0] = FaultCallerText[0] = '\0';
    if (sigsetjmp(FaultReturn, 1) == 0)
        fault_victim_caller();

    sigaction(SIGSEGV, &previousAction, NULL);
    sigaltstack(&previousStack, NULL);

    char expected[512];
    assert_non_null(FaultPc);
    snprintf(expected, sizeof(expected), "%s!fault_victim+0x", ModuleName);
    AssertStartsWith(FaultPcText, expected);
    AssertContains(FaultPcText, "(test_backtrace.c:");
    snprintf(expected, sizeof(expected), "%s!fault_victim_caller+0x", ModuleName);
    AssertStartsWith(FaultCallerText, expected);
}

/* ---------------------------------------------------------------------------
 * Modules loaded after start-up, as drivers are.
 */

static void test_symbolize_module_loaded_later(void **state)
{
    (void)state;
    static const char *const candidates[][2] = {
        { "libresolv.so.2", "libresolv+0x" },
        { "libanl.so.1", "libanl+0x" },
        { "libutil.so.1", "libutil+0x" },
        { "libm.so.6", "libm+0x" },
    };
    char text[512];

    /* Read the module list now, so the library below is new to it. */
    ntkhost_posix_symbolize((void *)known_function, text, sizeof(text));

    for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
        if (dlopen(candidates[i][0], RTLD_NOW | RTLD_NOLOAD) != NULL)
            continue; /* already loaded; not a test of late loading */
        void *library = dlopen(candidates[i][0], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL)
            continue;

        /* Its dynamic section: an address inside the module, not in code. */
        struct link_map *map = NULL;
        assert_int_equal(dlinfo(library, RTLD_DI_LINKMAP, &map), 0);
        void *inside = map->l_ld;

        ntkhost_posix_symbolize(inside, text, sizeof(text));
        AssertStartsWith(text, candidates[i][1]);

        /* Once unloaded and announced, the module is forgotten. */
        dlclose(library);
        if (dlopen(candidates[i][0], RTLD_NOW | RTLD_NOLOAD) == NULL) {
            ntkhost_posix_modules_changed();
            ntkhost_posix_symbolize(inside, text, sizeof(text));
            assert_null(strstr(text, candidates[i][1]));
        }
        return;
    }
    skip();
}

int main(void)
{
    ComputeModuleName();
    ntkhost_posix_backtrace_init();

    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_symbolize_names_module_function_file_and_line),
        cmocka_unit_test(test_symbolize_function_start_has_no_offset),
        cmocka_unit_test(test_symbolize_data_address_gives_module_and_offset),
        cmocka_unit_test(test_symbolize_unknown_address_gives_hex),
        cmocka_unit_test(test_symbolize_library_function_strips_version),
        cmocka_unit_test(test_symbolize_truncates_and_terminates),
        cmocka_unit_test(test_backtrace_starts_at_caller_innermost_first),
        cmocka_unit_test(test_backtrace_respects_max),
        cmocka_unit_test(test_backtrace_through_signal_frame_on_small_alternate_stack),
        cmocka_unit_test(test_symbolize_module_loaded_later),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
