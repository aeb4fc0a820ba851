/*
 * test_printf.c - the MS printf and wprintf families of ntk's CRT
 * (include/shared/stdio.h, src/crt/printf.c), compiled as an application
 * is: 16-bit wchar_t, ntk's <stdio.h>.
 *
 * Checks the return value and buffer contents of every string variant at
 * its boundaries (C99 snprintf, legacy _snprintf, the _s functions, ISO
 * swprintf), MS format semantics through the public names, and that stream
 * output lands in the glibc FILE in order with puts/putchar.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* cmocka picks Windows types when _WIN32/_WIN64 are defined; the library
 * was built for Linux. */
#pragma push_macro("_WIN32")
#pragma push_macro("_WIN64")
#undef _WIN32
#undef _WIN64
#include <cmocka.h>
#pragma pop_macro("_WIN64")
#pragma pop_macro("_WIN32")

#include <windows.h>

static int CallVsnprintf(char *Buffer, size_t Count, const char *Format, ...)
{
    va_list arguments;
    int result;

    va_start(arguments, Format);
    result = vsnprintf(Buffer, Count, Format, arguments);
    va_end(arguments);
    return result;
}

static int CallVsprintf(char *Buffer, const char *Format, ...)
{
    va_list arguments;
    int result;

    va_start(arguments, Format);
    result = vsprintf(Buffer, Format, arguments);
    va_end(arguments);
    return result;
}

static int CallVswprintf(wchar_t *Buffer, size_t Count, const wchar_t *Format, ...)
{
    va_list arguments;
    int result;

    va_start(arguments, Format);
    result = vswprintf(Buffer, Count, Format, arguments);
    va_end(arguments);
    return result;
}

static int CallVscprintf(const char *Format, ...)
{
    va_list arguments;
    int result;

    va_start(arguments, Format);
    result = _vscprintf(Format, arguments);
    va_end(arguments);
    return result;
}

static void AssertWide(const wchar_t *Actual, const wchar_t *Expected)
{
    size_t i;
    for (i = 0; Expected[i] != 0; i++)
        assert_int_equal(Actual[i], Expected[i]);
    assert_int_equal(Actual[i], 0);
}

/* ------------------------------------------------------- narrow strings */

static void test_sprintf_ms_semantics(void **state)
{
    (void)state;
    char buffer[128];
    LONG negative = -5;

    assert_int_equal(sprintf(buffer, "%ld %lu %lx", negative, (ULONG)0xFFFFFFFF, (LONG)-1), 22);
    assert_string_equal(buffer, "-5 4294967295 ffffffff");
    sprintf(buffer, "%I64d %Iu %p", -1LL, (SIZE_T)7, (void *)0xAB);
    assert_string_equal(buffer, "-1 7 00000000000000AB");
    sprintf(buffer, "%ws|%S|%hs|%C", L"w\u00E9", L"S", "h", L'c');
    assert_string_equal(buffer, "w\xC3\xA9|S|h|c");
    assert_int_equal(CallVsprintf(buffer, "%s-%d", "v", 1), 3);
    assert_string_equal(buffer, "v-1");
}

static void test_snprintf_is_c99(void **state)
{
    (void)state;
    char buffer[8];

    memset(buffer, '#', sizeof(buffer));
    assert_int_equal(snprintf(buffer, sizeof(buffer), "%s", "abc"), 3);
    assert_string_equal(buffer, "abc");

    memset(buffer, '#', sizeof(buffer));
    assert_int_equal(snprintf(buffer, 5, "%s", "abcdefgh"), 8); /* the full length */
    assert_string_equal(buffer, "abcd");                         /* terminated at count-1 */
    assert_int_equal(buffer[5], '#');

    assert_int_equal(snprintf(NULL, 0, "%d", 12345), 5);
    memset(buffer, '#', sizeof(buffer));
    assert_int_equal(snprintf(buffer, 0, "abc"), 3);
    assert_int_equal(buffer[0], '#');

    assert_int_equal(CallVsnprintf(buffer, 4, "%d", 123456), 6);
    assert_string_equal(buffer, "123");
}

static void test_legacy_snprintf(void **state)
{
    (void)state;
    char buffer[8];

    memset(buffer, '#', sizeof(buffer));
    assert_int_equal(_snprintf(buffer, 8, "%s", "abc"), 3);
    assert_string_equal(buffer, "abc");

    /* Exact fit: stored, not terminated, the length returned. */
    memset(buffer, '#', sizeof(buffer));
    assert_int_equal(_snprintf(buffer, 5, "%s", "abcde"), 5);
    assert_memory_equal(buffer, "abcde#", 6);

    /* Too long: count characters stored, no terminator, -1. */
    memset(buffer, '#', sizeof(buffer));
    assert_int_equal(_snprintf(buffer, 5, "%s", "abcdefg"), -1);
    assert_memory_equal(buffer, "abcde#", 6);

    assert_int_equal(_snprintf(NULL, 0, "%d", 42), 2); /* measuring */
}

static void test_sprintf_s(void **state)
{
    (void)state;
    char buffer[10];

    assert_int_equal(sprintf_s(buffer, sizeof(buffer), "%d", 123456789), 9);
    assert_string_equal(buffer, "123456789");

    errno = 0;
    memset(buffer, '#', sizeof(buffer));
    assert_int_equal(sprintf_s(buffer, sizeof(buffer), "%d", 1234567890), -1); /* needs 11 */
    assert_int_equal(buffer[0], '\0');
    assert_int_equal(errno, ERANGE);

    errno = 0;
    assert_int_equal(sprintf_s(NULL, 10, "x"), -1);
    assert_int_equal(errno, EINVAL);
}

/* The examples of MS's _snprintf_s documentation, with a 10-byte buffer. */
static void test_snprintf_s(void **state)
{
    (void)state;
    char dest[10];

    assert_int_equal(_snprintf_s(dest, sizeof(dest), 8, "<<<%d>>>", 121), -1);
    assert_string_equal(dest, "<<<121>>");
    assert_int_equal(_snprintf_s(dest, sizeof(dest), 9, "<<<%d>>>", 121), 9);
    assert_string_equal(dest, "<<<121>>>");
    assert_int_equal(_snprintf_s(dest, sizeof(dest), 10, "<<<%d>>>", 121), 9);
    assert_string_equal(dest, "<<<121>>>");

    errno = 0;
    assert_int_equal(_snprintf_s(dest, sizeof(dest), 10, "<<<%d>>>", 1221), -1); /* buffer too small */
    assert_string_equal(dest, "");
    assert_int_equal(errno, ERANGE);

    assert_int_equal(_snprintf_s(dest, sizeof(dest), _TRUNCATE, "<<<%d>>>", 1221), -1);
    assert_string_equal(dest, "<<<1221>>");
    assert_int_equal(_snprintf_s(dest, sizeof(dest), _TRUNCATE, "<<<%d>>>", 121), 9);
    assert_string_equal(dest, "<<<121>>>");

    assert_int_equal(_snprintf_s(NULL, 0, 0, "x"), 0);
    errno = 0;
    assert_int_equal(_snprintf_s(NULL, 5, 2, "x"), -1);
    assert_int_equal(errno, EINVAL);
}

static void test_measure(void **state)
{
    (void)state;
    assert_int_equal(_scprintf("%s%d", "abc", 12345), 8);
    assert_int_equal(CallVscprintf("%ws", L"\u00E9"), 2); /* bytes of UTF-8 */
    assert_int_equal(_scwprintf(L"%hs", "\xC3\xA9"), 1);  /* UTF-16 units */
}

static void test_invalid_format_fails(void **state)
{
    (void)state;
    char buffer[64];

    errno = 0;
    assert_int_equal(snprintf(buffer, sizeof(buffer), "a%kb", 1), -1);
    assert_int_equal(errno, EINVAL);
    assert_string_equal(buffer, "a(invalid conversion %k)");
    assert_int_equal(sprintf(buffer, "%n", &errno), 18);
    assert_string_equal(buffer, "(%n not supported)");
}

/* ---------------------------------------------------------- wide strings */

static void test_swprintf_iso(void **state)
{
    (void)state;
    wchar_t buffer[8];

    assert_int_equal(swprintf(buffer, 8, L"%s %d", L"ab", 7), 4);
    AssertWide(buffer, L"ab 7");
    assert_int_equal(swprintf(buffer, 8, L"%S", "narrow"), 6);
    AssertWide(buffer, L"narrow");

    /* Does not fit: -1, truncated and terminated. */
    assert_int_equal(swprintf(buffer, 4, L"%s", L"abcdef"), -1);
    AssertWide(buffer, L"abc");
    assert_int_equal(swprintf(buffer, 4, L"abc"), 3);
    assert_int_equal(swprintf(buffer, 3, L"abc"), -1);
    AssertWide(buffer, L"ab");

    assert_int_equal(CallVswprintf(buffer, 8, L"%ld", (LONG)-3), 2);
    AssertWide(buffer, L"-3");

    assert_int_equal(_swprintf(buffer, L"%c%c", L'x', L'y'), 2);
    AssertWide(buffer, L"xy");
}

static void test_snwprintf_and_secure_wide(void **state)
{
    (void)state;
    wchar_t buffer[8];

    wmemset(buffer, L'#', 8);
    assert_int_equal(_snwprintf(buffer, 4, L"abcd"), 4); /* exact fit, unterminated */
    assert_int_equal(buffer[3], L'd');
    assert_int_equal(buffer[4], L'#');
    assert_int_equal(_snwprintf(buffer, 4, L"abcde"), -1);
    assert_int_equal(_snwprintf(buffer, 8, L"%hs", "ok"), 2);
    AssertWide(buffer, L"ok");

    assert_int_equal(swprintf_s(buffer, 8, L"%d", 1234567), 7);
    AssertWide(buffer, L"1234567");
    errno = 0;
    assert_int_equal(swprintf_s(buffer, 8, L"%d", 12345678), -1);
    assert_int_equal(buffer[0], 0);
    assert_int_equal(errno, ERANGE);

    assert_int_equal(_snwprintf_s(buffer, 8, _TRUNCATE, L"%s", L"abcdefghij"), -1);
    AssertWide(buffer, L"abcdefg");
    assert_int_equal(_snwprintf_s(buffer, 8, 3, L"%s", L"abcdefghij"), -1);
    AssertWide(buffer, L"abc");
}

/* ---------------------------------------------------------------- streams */

static char *ReadBack(FILE *File, size_t *Length)
{
    static char contents[4096];
    size_t got;

    fflush(File);
    rewind(File);
    got = fread(contents, 1, sizeof(contents) - 1, File);
    contents[got] = '\0';
    *Length = got;
    return contents;
}

static void test_fprintf_and_fwprintf(void **state)
{
    (void)state;
    FILE *file = tmpfile();
    size_t length;
    char *contents;

    assert_non_null(file);
    assert_int_equal(fprintf(file, "%ld|", (LONG)-1), 3);
    fputs("puts|", file);
    assert_int_equal(fwprintf(file, L"%s %hs %d|", L"h\u00E9", "n", 5), 7);
    fputc('c', file);
    assert_int_equal(fprintf(file, "%S", L"\U0001F600"), 4);
    contents = ReadBack(file, &length);
    assert_string_equal(contents, "-1|puts|h\xC3\xA9 n 5|c\xF0\x9F\x98\x80");
    fclose(file);
}

static void test_wide_stream_keeps_pairs_whole(void **state)
{
    (void)state;
    FILE *file = tmpfile();
    wchar_t text[600];
    size_t length, i;
    char *contents;

    /* Put a surrogate pair across every chunk boundary the stream writer
     * could use. */
    for (i = 0; i < 597; i += 3) {
        text[i] = L'a';
        text[i + 1] = 0xD83D;
        text[i + 2] = 0xDE00;
    }
    text[597] = 0;
    assert_int_equal(fwprintf(file, L"%s", text), 597);
    contents = ReadBack(file, &length);
    assert_int_equal(length, 199 * 5);
    for (i = 0; i < length; i += 5)
        assert_memory_equal(contents + i, "a\xF0\x9F\x98\x80", 5);
    fclose(file);
}

static void test_wide_character_output(void **state)
{
    (void)state;
    FILE *file = tmpfile();
    size_t length;
    char *contents;

    assert_int_equal(fputws(L"w\u00E9|", file), 0);
    assert_int_equal(putwc(L'x', file), L'x');
    putwc(0xD83D, file); /* a pair in two calls */
    putwc(0xDE00, file);
    putwc(0xD83D, file); /* an unpaired high surrogate */
    fputwc(L'!', file);
    contents = ReadBack(file, &length);
    assert_string_equal(contents, "w\xC3\xA9|x\xF0\x9F\x98\x80\xEF\xBF\xBD!");
    fclose(file);
}

/* printf goes through stdout's FILE: in order with puts and putchar. */
static void test_stdout_interleaving(void **state)
{
    (void)state;
    char path[] = "/tmp/ntk-printf-XXXXXX";
    int capture = mkstemp(path);
    int saved;
    char contents[128];
    ssize_t got;

    assert_true(capture >= 0);
    fflush(stdout);
    saved = dup(STDOUT_FILENO);
    dup2(capture, STDOUT_FILENO);

    printf("a%d", 1);
    puts("b");
    putchar('c');
    wprintf(L"%s%hs", L"d", "e");
    printf_s("%ws\n", L"f");
    _putws(L"g");
    putwchar(L'h');
    fflush(stdout);

    dup2(saved, STDOUT_FILENO);
    close(saved);
    got = pread(capture, contents, sizeof(contents) - 1, 0);
    close(capture);
    unlink(path);
    assert_true(got >= 0);
    contents[got] = '\0';
    assert_string_equal(contents, "a1b\ncdef\ng\nh");
}

static void test_wfopen(void **state)
{
    (void)state;
    FILE *file = NULL;
    char path[] = "/tmp/ntk-wfopen-XXXXXX";
    wchar_t widePath[64];
    size_t i;
    int fd = mkstemp(path);

    assert_true(fd >= 0);
    close(fd);
    for (i = 0; path[i] != 0; i++)
        widePath[i] = (wchar_t)path[i];
    widePath[i] = 0;

    file = _wfopen(widePath, L"w, ccs=UTF-8");
    assert_non_null(file);
    fwprintf(file, L"%s", L"\u00E9");
    fclose(file);
    assert_int_equal(_wfopen_s(&file, widePath, L"r"), 0);
    assert_int_equal(fgetc(file), 0xC3);
    assert_int_equal(fgetc(file), 0xA9);
    fclose(file);
    assert_int_equal(fopen_s(&file, path, "r"), 0);
    fclose(file);
    unlink(path);
    assert_int_equal(fopen_s(&file, path, "r"), ENOENT);
    assert_null(file);
}

/* The redirection is by name: &printf is ntk's, and GCC applies no builtin
 * knowledge that assumes a 4-byte wchar_t. */
static void test_names_bind_to_ntk(void **state)
{
    (void)state;
    int (*volatile print)(const char *, ...) = &printf;
    size_t (*volatile length)(const wchar_t *) = &wcslen;
    char buffer[16];

    assert_ptr_equal((void *)print, (void *)&ntk_printf);
    assert_ptr_equal((void *)length, (void *)&ntk_wcslen);
    assert_int_equal(length(L"h\u00E9llo"), 5);
    assert_int_equal(wcslen(L"h\u00E9llo"), 5);
    assert_int_equal(sizeof(wchar_t), 2);
    assert_int_equal(snprintf(buffer, sizeof(buffer), "%lx", (LONG)-1), 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sprintf_ms_semantics),
        cmocka_unit_test(test_snprintf_is_c99),
        cmocka_unit_test(test_legacy_snprintf),
        cmocka_unit_test(test_sprintf_s),
        cmocka_unit_test(test_snprintf_s),
        cmocka_unit_test(test_measure),
        cmocka_unit_test(test_invalid_format_fails),
        cmocka_unit_test(test_swprintf_iso),
        cmocka_unit_test(test_snwprintf_and_secure_wide),
        cmocka_unit_test(test_fprintf_and_fwprintf),
        cmocka_unit_test(test_wide_stream_keeps_pairs_whole),
        cmocka_unit_test(test_wide_character_output),
        cmocka_unit_test(test_stdout_interleaving),
        cmocka_unit_test(test_wfopen),
        cmocka_unit_test(test_names_bind_to_ntk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
