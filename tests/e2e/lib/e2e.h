/*
 * e2e.h - a tiny assertion kit for the end-to-end test applications.
 *
 * Each check prints one line, "ok" or "FAIL" followed by what was checked
 * (with the expected and actual values, and where, when it fails). At the
 * end, e2e_finish() prints the one summary line CI reads as the test's
 * result,
 *
 *     N passed, M failed
 *
 * and returns the exit status for main: 0 only if nothing failed.
 *
 *     CHECK(ok, "io-semantics 1.D.29: DeviceIoControl succeeds");
 *     CHECK_EQ_HEX(GetLastError(), ERROR_ACCESS_DENIED, "io-semantics 1.F.42: %s", name);
 *     CHECK_MEM(buffer, "ghidef", 6, "io-semantics 1.D.29: copy-back");
 *     return e2e_finish();
 *
 * Also: the NTSTATUS type and the NT_SUCCESS/NT_WARNING/NT_ERROR classes
 * for applications, which windows.h does not provide. Include this header
 * after windows.h (and ntstatus.h, where used).
 */
#ifndef E2E_H
#define E2E_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The type of ntstatus.h's values; repeating the typedef is harmless where a
 * header already made it. */
typedef LONG NTSTATUS;

#ifndef NT_SUCCESS
#define NT_SUCCESS(Status) (((LONG)(Status)) >= 0)
#endif
#ifndef NT_INFORMATION
#define NT_INFORMATION(Status) ((((ULONG)(Status)) >> 30) == 1)
#endif
#ifndef NT_WARNING
#define NT_WARNING(Status) ((((ULONG)(Status)) >> 30) == 2)
#endif
#ifndef NT_ERROR
#define NT_ERROR(Status) ((((ULONG)(Status)) >> 30) == 3)
#endif

/* (__printf__, not printf: the C library may define printf as a macro.) */
#if defined(__GNUC__)
#define E2E_PRINTF_LIKE(format_index, first_arg) \
    __attribute__((format(__printf__, format_index, first_arg)))
#else
#define E2E_PRINTF_LIKE(format_index, first_arg)
#endif

static unsigned e2e_passed;
static unsigned e2e_failed;

static inline void e2e_record_(int passed, const char *file, int line, const char *detail,
                               const char *format, va_list args)
{
    fputs(passed ? "  ok    " : "  FAIL  ", stdout);
    vprintf(format, args);
    if (!passed) {
        if (detail != NULL && detail[0] != '\0') {
            printf(": %s", detail);
        }
        printf("  (%s:%d)", file, line);
    }
    putchar('\n');
    fflush(stdout);
    if (passed) {
        e2e_passed++;
    } else {
        e2e_failed++;
    }
}

static inline E2E_PRINTF_LIKE(4, 5) int e2e_check_(int passed, const char *file, int line,
                                                   const char *format, ...)
{
    va_list args;

    va_start(args, format);
    e2e_record_(passed, file, line, NULL, format, args);
    va_end(args);
    return passed;
}

static inline E2E_PRINTF_LIKE(7, 8) int e2e_check_eq_(unsigned long long actual,
                                                      unsigned long long expected, int hex,
                                                      const char *expression, const char *file,
                                                      int line, const char *format, ...)
{
    char detail[160];
    va_list args;
    int passed = actual == expected;

    if (hex) {
        snprintf(detail, sizeof(detail), "%s is 0x%llx, expected 0x%llx", expression, actual,
                 expected);
    } else {
        snprintf(detail, sizeof(detail), "%s is %llu, expected %llu", expression, actual,
                 expected);
    }
    va_start(args, format);
    e2e_record_(passed, file, line, detail, format, args);
    va_end(args);
    return passed;
}

/* Writes up to 24 bytes of data as a C string literal, for messages. */
static inline void e2e_quote_(char *out, size_t size, const void *data, size_t length)
{
    const unsigned char *bytes = data;
    size_t used = 0;
    size_t i;

    used += (size_t)snprintf(out + used, size - used, "\"");
    for (i = 0; i < length && i < 24 && used + 6 < size; i++) {
        if (bytes[i] >= 0x20 && bytes[i] < 0x7f && bytes[i] != '"' && bytes[i] != '\\') {
            used += (size_t)snprintf(out + used, size - used, "%c", bytes[i]);
        } else {
            used += (size_t)snprintf(out + used, size - used, "\\x%02x", bytes[i]);
        }
    }
    snprintf(out + used, size - used, length > 24 ? "\"..." : "\"");
}

static inline E2E_PRINTF_LIKE(6, 7) int e2e_check_mem_(const void *actual, const void *expected,
                                                       size_t length, const char *file, int line,
                                                       const char *format, ...)
{
    char got[128];
    char want[128];
    char detail[300];
    va_list args;
    int passed = memcmp(actual, expected, length) == 0;

    e2e_quote_(got, sizeof(got), actual, length);
    e2e_quote_(want, sizeof(want), expected, length);
    snprintf(detail, sizeof(detail), "bytes are %s, expected %s", got, want);
    va_start(args, format);
    e2e_record_(passed, file, line, detail, format, args);
    va_end(args);
    return passed;
}

/* CHECK(condition, format, ...): passes when condition is true. */
#define CHECK(condition, ...) e2e_check_((condition) ? 1 : 0, __FILE__, __LINE__, __VA_ARGS__)

/* CHECK_EQ / CHECK_EQ_HEX(actual, expected, format, ...): integer equality,
 * reported in decimal or hexadecimal. Both sides are compared as 64-bit
 * unsigned values, so pass DWORDs, NTSTATUSes and pointers cast alike. */
#define CHECK_EQ(actual, expected, ...)                                                   \
    e2e_check_eq_((unsigned long long)(actual), (unsigned long long)(expected), 0, #actual, \
                  __FILE__, __LINE__, __VA_ARGS__)
#define CHECK_EQ_HEX(actual, expected, ...)                                               \
    e2e_check_eq_((unsigned long long)(actual), (unsigned long long)(expected), 1, #actual, \
                  __FILE__, __LINE__, __VA_ARGS__)

/* CHECK_MEM(actual, expected, length, format, ...): byte-wise equality. */
#define CHECK_MEM(actual, expected, length, ...) \
    e2e_check_mem_((actual), (expected), (length), __FILE__, __LINE__, __VA_ARGS__)

/* A heading between groups of checks. */
static inline void e2e_section(const char *title)
{
    printf("\n== %s\n", title);
    fflush(stdout);
}

/* Adds checks that ran elsewhere (in a driver) to the summary. */
static inline void e2e_add_results(unsigned passed, unsigned failed)
{
    e2e_passed += passed;
    e2e_failed += failed;
}

/* Prints the summary line and returns main's exit status. */
static inline int e2e_finish(void)
{
    printf("\n%u passed, %u failed\n", e2e_passed, e2e_failed);
    fflush(stdout);
    return e2e_failed == 0 ? 0 : 1;
}

#endif /* E2E_H */
