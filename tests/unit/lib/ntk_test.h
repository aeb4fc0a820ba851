/*
 * ntk_test.h - what every kernel-side unit test includes first: the C
 * headers cmocka needs and cmocka itself, shielded from the Windows
 * predefines (cmocka picks Windows types when _WIN32/_WIN64 are defined,
 * but the library was built for Linux).
 */
#ifndef NTK_TEST_H
#define NTK_TEST_H

#define NTK_HOST_STDIO /* tests print with glibc's printf */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#pragma push_macro("_WIN32")
#pragma push_macro("_WIN64")
#undef _WIN32
#undef _WIN64
#include <cmocka.h>
#pragma pop_macro("_WIN64")
#pragma pop_macro("_WIN32")

/* cmocka installs its own SIGSEGV/SIGFPE/SIGILL handlers around every test;
 * tests that expect faults to become exceptions take them back first. */
void KiInitializeExceptions(void);
#define NTK_TEST_OWN_FAULTS() KiInitializeExceptions()

/* Runs body in a forked child with its standard error captured in out
 * (NUL-terminated, cut to size); returns the child's exit status, or 128
 * plus the signal that ended it. A body that returns exits 0; a child still
 * running after 20 s is ended by SIGALRM. */
static inline int ntk_test_run_child(void (*body)(void), char *out, size_t size)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 2);
        alarm(20);
        body();
        _exit(0);
    }
    close(fds[1]);
    size_t n = 0;
    ssize_t got;
    while (n < size - 1 && (got = read(fds[0], out + n, size - 1 - n)) > 0)
        n += (size_t)got;
    out[n] = 0;
    char rest[4096]; /* what did not fit: read so that the child never blocks */
    while (read(fds[0], rest, sizeof rest) > 0)
        ;
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The same when only one line of the report matters: the exit status if
 * standard error contains expected, else -2. */
static inline int ntk_test_run_child_expecting(void (*body)(void), const char *expected)
{
    static char out[16384];
    int status = ntk_test_run_child(body, out, sizeof out);
    return strstr(out, expected) ? status : -2;
}

#endif
