/*
 * test_paged_code.c - PAGED_CODE() in a DBG build: silent at PASSIVE and
 * APC level, a DRIVER_IRQL_NOT_LESS_OR_EQUAL report naming the routine when
 * pageable code is entered at DISPATCH_LEVEL.
 */
#define DBG 1
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>

static __attribute__((noinline)) int pageable_routine(void)
{
    PAGED_CODE();
    return 42;
}

static void test_allowed_at_passive_and_apc(void **state)
{
    assert_int_equal(pageable_routine(), 42);
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    assert_int_equal(pageable_routine(), 42);
    KeLowerIrql(old);
}

static void test_reported_at_dispatch(void **state)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 2);
        KeRaiseIrqlToDpcLevel();
        pageable_routine();
        _exit(0);
    }
    close(fds[1]);
    char buffer[16384];
    size_t n = 0;
    ssize_t r;
    while (n < sizeof buffer - 1 && (r = read(fds[0], buffer + n, sizeof buffer - 1 - n)) > 0)
        n += (size_t)r;
    buffer[n] = 0;
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 200);
    assert_non_null(strstr(buffer, "DRIVER_IRQL_NOT_LESS_OR_EQUAL"));
    assert_non_null(strstr(buffer, "pageable_routine"));
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_allowed_at_passive_and_apc),
        cmocka_unit_test(test_reported_at_dispatch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
