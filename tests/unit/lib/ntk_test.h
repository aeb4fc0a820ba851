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

#endif
