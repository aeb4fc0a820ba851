/*
 * test_strsafe.c - <strsafe.h> as applications use it: every documented
 * return value and the buffer contents for the A and W forms, Cch and Cb,
 * plain and Ex (include/win32/strsafe.h, include/shared/ntk_strsafe_impl.h).
 * Built with UNICODE so the un-suffixed names are checked to mean W. The
 * NTSTATUS flavour is tested in tests/unit/rtl/test_ntstrsafe.c.
 */
#define UNICODE
#define _UNICODE

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#pragma push_macro("_WIN32")
#pragma push_macro("_WIN64")
#undef _WIN32
#undef _WIN64
#include <cmocka.h>
#pragma pop_macro("_WIN64")
#pragma pop_macro("_WIN32")

#include <windows.h>
#include <strsafe.h>
#include <tchar.h>

#define SENTINEL ((size_t)0xDEADBEEF)

static void AssertWide(const WCHAR *Actual, const WCHAR *Expected)
{
    size_t i;
    for (i = 0; Expected[i] != 0; i++)
        assert_int_equal(Actual[i], Expected[i]);
    assert_int_equal(Actual[i], 0);
}

static HRESULT VPrintfA(char *Dest, size_t Cch, const char *Format, ...)
{
    HRESULT hr;
    va_list arguments;

    va_start(arguments, Format);
    hr = StringCchVPrintfA(Dest, Cch, Format, arguments);
    va_end(arguments);
    return hr;
}

static HRESULT VPrintfCbW(WCHAR *Dest, size_t Cb, const WCHAR *Format, ...)
{
    HRESULT hr;
    va_list arguments;

    va_start(arguments, Format);
    hr = StringCbVPrintfW(Dest, Cb, Format, arguments);
    va_end(arguments);
    return hr;
}

static HRESULT VPrintfExA(char *Dest, size_t Cch, char **End, size_t *Remaining, DWORD Flags, const char *Format,
                          ...)
{
    HRESULT hr;
    va_list arguments;

    va_start(arguments, Format);
    hr = StringCchVPrintfExA(Dest, Cch, End, Remaining, Flags, Format, arguments);
    va_end(arguments);
    return hr;
}

static void test_constants(void **state)
{
    (void)state;
    assert_int_equal((ULONG)STRSAFE_E_INSUFFICIENT_BUFFER, 0x8007007A);
    assert_int_equal((ULONG)STRSAFE_E_INVALID_PARAMETER, 0x80070057);
    assert_int_equal((ULONG)STRSAFE_E_END_OF_FILE, 0x80070026);
    assert_int_equal(S_OK, 0);
    assert_true(FAILED(STRSAFE_E_INSUFFICIENT_BUFFER) && SUCCEEDED(S_OK));
    assert_int_equal(STRSAFE_MAX_CCH, 2147483647);
    assert_int_equal(STRSAFE_FILL_BYTE(0x1FF), 0x2FF);
    assert_int_equal(STRSAFE_FAILURE_BYTE(0x41), 0x441);
}

/* ------------------------------------------------------------------ copy */

static void test_copy(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[8];
    const char unterminated[3] = {'x', 'y', 'z'};

    assert_int_equal(StringCchCopyA(dest, 8, "abc"), S_OK);
    assert_string_equal(dest, "abc");
    assert_int_equal(StringCchCopyA(dest, 8, "abcdefg"), S_OK); /* exact fit */
    assert_string_equal(dest, "abcdefg");
    assert_int_equal(StringCchCopyA(dest, 8, "abcdefgh"), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "abcdefg"); /* truncated, terminated */

    memset(dest, 'z', sizeof(dest));
    assert_int_equal(StringCchCopyA(dest, 0, "a"), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(dest[0], 'z'); /* size 0: untouched */
    assert_int_equal(StringCchCopyA(dest, (size_t)STRSAFE_MAX_CCH + 1, "a"), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(dest[0], '\0');

    assert_int_equal(StringCchCopyW(wdest, 8, L"w\u00E9"), S_OK);
    AssertWide(wdest, L"w\u00E9");
    assert_int_equal(StringCbCopyW(wdest, 7, L"abc"), STRSAFE_E_INSUFFICIENT_BUFFER); /* 3 WCHARs */
    AssertWide(wdest, L"ab");
    wdest[0] = L'q';
    assert_int_equal(StringCbCopyW(wdest, 1, L"a"), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(wdest[0], L'q');
    assert_int_equal(StringCbCopyA(dest, 4, "abcd"), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "abc");

    /* CopyN */
    assert_int_equal(StringCchCopyNA(dest, 8, "abcdef", 3), S_OK);
    assert_string_equal(dest, "abc");
    assert_int_equal(StringCchCopyNA(dest, 8, unterminated, 3), S_OK);
    assert_string_equal(dest, "xyz");
    assert_int_equal(StringCchCopyNA(dest, 8, "ab", 5), S_OK);
    assert_string_equal(dest, "ab");
    assert_int_equal(StringCchCopyNA(dest, 4, "abcdefgh", 8), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "abc");
    assert_int_equal(StringCchCopyNA(dest, 8, "a", STRSAFE_MAX_CCH), STRSAFE_E_INVALID_PARAMETER);
    assert_string_equal(dest, "");
    assert_int_equal(StringCbCopyNW(wdest, 8 * sizeof(WCHAR), L"abcdef", 4), S_OK);
    AssertWide(wdest, L"ab");
    assert_int_equal(StringCbCopyNA(dest, 3, "abc", 3), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "ab");

    /* The un-suffixed names follow UNICODE. */
    assert_int_equal(StringCchCopy(wdest, 8, L"tchar"), S_OK);
    AssertWide(wdest, L"tchar");
    assert_int_equal(StringCbCopy(wdest, sizeof(wdest), _T("T")), S_OK);
    AssertWide(wdest, L"T");
}

/* ------------------------------------------------------------------- cat */

static void test_cat(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[6];

    strcpy(dest, "ab");
    assert_int_equal(StringCchCatA(dest, 8, "cd"), S_OK);
    assert_string_equal(dest, "abcd");
    assert_int_equal(StringCchCatA(dest, 8, "efg"), S_OK);
    assert_string_equal(dest, "abcdefg");
    strcpy(dest, "abcd");
    assert_int_equal(StringCchCatA(dest, 8, "efgh"), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "abcdefg");

    memset(dest, 'z', sizeof(dest)); /* not terminated within cchDest */
    assert_int_equal(StringCchCatA(dest, 8, "a"), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(dest[0], 'z');
    assert_int_equal(StringCchCatA(dest, 0, "a"), STRSAFE_E_INVALID_PARAMETER);

    strcpy(dest, "ab");
    assert_int_equal(StringCchCatNA(dest, 8, "cdef", 2), S_OK);
    assert_string_equal(dest, "abcd");
    assert_int_equal(StringCchCatNA(dest, 8, "xyz", STRSAFE_MAX_CCH), STRSAFE_E_INVALID_PARAMETER);
    assert_string_equal(dest, "abcd");
    assert_int_equal(StringCbCatNA(dest, 8, "xyzw", 4), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "abcdxyz");

    wcscpy(wdest, L"ab");
    assert_int_equal(StringCbCatW(wdest, sizeof(wdest), L"cd"), S_OK);
    AssertWide(wdest, L"abcd");
    assert_int_equal(StringCchCatW(wdest, 6, L"ef"), STRSAFE_E_INSUFFICIENT_BUFFER);
    AssertWide(wdest, L"abcde");
    wcscpy(wdest, L"a");
    assert_int_equal(StringCbCatNW(wdest, sizeof(wdest), L"bcd", 2 * sizeof(WCHAR)), S_OK);
    AssertWide(wdest, L"abc");
    assert_int_equal(StringCchCat(wdest, 6, L"!"), S_OK);
    AssertWide(wdest, L"abc!");
}

/* ---------------------------------------------------------------- printf */

static void test_printf(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[8];
    char big[64];

    assert_int_equal(StringCchPrintfA(dest, 8, "%d-%s", 12, "ab"), S_OK);
    assert_string_equal(dest, "12-ab");
    assert_int_equal(StringCchPrintfA(dest, 8, "%s", "1234567"), S_OK); /* exact fit */
    assert_string_equal(dest, "1234567");
    assert_int_equal(StringCchPrintfA(dest, 8, "%s", "12345678"), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "1234567");
    memset(dest, 'z', sizeof(dest));
    assert_int_equal(StringCchPrintfA(dest, 0, "x"), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(dest[0], 'z');
    assert_int_equal(StringCchPrintfA(dest, 1, "x"), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "");
    assert_int_equal(StringCchPrintfA(dest, 1, ""), S_OK);

    /* MS format semantics. */
    assert_int_equal(StringCchPrintfA(big, sizeof(big), "%ld|%I64x|%ws|%p", (LONG)-1, 0xABCULL, L"\u00E9",
                                      (void *)1),
                     S_OK);
    assert_string_equal(big, "-1|abc|\xC3\xA9|0000000000000001");

    assert_int_equal(VPrintfA(dest, 8, "%c%c", 'v', 'a'), S_OK);
    assert_string_equal(dest, "va");

    assert_int_equal(StringCchPrintfW(wdest, 8, L"%s %hs", L"w", "n"), S_OK);
    AssertWide(wdest, L"w n");
    assert_int_equal(StringCbPrintfW(wdest, 7, L"%d", 12345), STRSAFE_E_INSUFFICIENT_BUFFER); /* 3 WCHARs */
    AssertWide(wdest, L"12");
    assert_int_equal(VPrintfCbW(wdest, sizeof(wdest), L"%x", 255), S_OK);
    AssertWide(wdest, L"ff");
    assert_int_equal(StringCbPrintfA(dest, 8, "%s", "abcdefgh"), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "abcdefg");
    assert_int_equal(StringCchPrintf(wdest, 8, L"%d", 7), S_OK);
    AssertWide(wdest, L"7");

    /* An unsupported conversion fails like a truncation, terminated. */
    assert_int_equal(StringCchPrintfA(big, sizeof(big), "%k"), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_true(strlen(big) < sizeof(big));
}

/* ---------------------------------------------------------------- length */

static void test_length(void **state)
{
    (void)state;
    size_t length = SENTINEL;
    const char unterminated[3] = {'a', 'b', 'c'};

    assert_int_equal(StringCchLengthA("abc", 10, &length), S_OK);
    assert_int_equal(length, 3);
    assert_int_equal(StringCchLengthA("abc", 4, &length), S_OK);
    assert_int_equal(length, 3);
    length = SENTINEL;
    assert_int_equal(StringCchLengthA("abc", 3, &length), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(length, 0);
    assert_int_equal(StringCchLengthA(unterminated, 3, &length), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(StringCchLengthA(NULL, 3, &length), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(length, 0);
    assert_int_equal(StringCchLengthA("a", 0, &length), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(StringCchLengthA("a", (size_t)STRSAFE_MAX_CCH + 1, &length), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(StringCchLengthA("abc", 10, NULL), S_OK);

    assert_int_equal(StringCbLengthW(L"abc", 8, &length), S_OK);
    assert_int_equal(length, 6); /* bytes */
    assert_int_equal(StringCbLengthW(L"abc", 7, &length), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(length, 0);
    assert_int_equal(StringCchLengthW(L"\U0001F600", 3, &length), S_OK);
    assert_int_equal(length, 2); /* UTF-16 units */
    assert_int_equal(StringCbLengthA("ab", 3, &length), S_OK);
    assert_int_equal(length, 2);
    assert_int_equal(StringCchLength(L"xy", 3, &length), S_OK);
    assert_int_equal(length, 2);
}

/* -------------------------------------------------------------------- Ex */

static void test_copy_ex(void **state)
{
    (void)state;
    char dest[8];
    char *end = NULL;
    size_t remaining = SENTINEL;

    assert_int_equal(StringCchCopyExA(dest, 8, "abc", &end, &remaining, 0), S_OK);
    assert_string_equal(dest, "abc");
    assert_ptr_equal(end, dest + 3);
    assert_int_equal(remaining, 5);

    /* Truncation still reports where the string ends. */
    assert_int_equal(StringCchCopyExA(dest, 8, "abcdefghij", &end, &remaining, 0), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "abcdefg");
    assert_ptr_equal(end, dest + 7);
    assert_int_equal(remaining, 1);

    /* STRSAFE_FILL_BEHIND_NULL fills what follows the terminator. */
    memset(dest, 'z', sizeof(dest));
    assert_int_equal(StringCchCopyExA(dest, 8, "ab", NULL, NULL, STRSAFE_FILL_BYTE('@')), S_OK);
    assert_memory_equal(dest, "ab\0@@@@@", 8);

    /* STRSAFE_IGNORE_NULLS */
    assert_int_equal(StringCchCopyExA(dest, 8, NULL, &end, &remaining, STRSAFE_IGNORE_NULLS), S_OK);
    assert_string_equal(dest, "");
    assert_int_equal(remaining, 8);
    assert_int_equal(StringCchCopyExA(NULL, 0, "", &end, &remaining, STRSAFE_IGNORE_NULLS), S_OK);
    assert_null(end);
    assert_int_equal(remaining, 0);
    assert_int_equal(StringCchCopyExA(NULL, 0, "x", NULL, NULL, STRSAFE_IGNORE_NULLS), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(StringCchCopyExA(dest, 0, "x", NULL, NULL, STRSAFE_IGNORE_NULLS),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_int_equal(StringCchCopyExA(NULL, 5, "x", NULL, NULL, STRSAFE_IGNORE_NULLS), STRSAFE_E_INVALID_PARAMETER);

    /* Failure flags. */
    assert_int_equal(StringCchCopyExA(dest, 8, "abcdefghij", &end, &remaining, STRSAFE_NULL_ON_FAILURE),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "");
    assert_ptr_equal(end, dest);
    assert_int_equal(remaining, 8);

    assert_int_equal(StringCchCopyExA(dest, 8, "abcdefghij", &end, &remaining, STRSAFE_FAILURE_BYTE('X')),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_memory_equal(dest, "XXXXXXX\0", 8);
    assert_ptr_equal(end, dest + 7);
    assert_int_equal(remaining, 1);

    assert_int_equal(StringCchCopyExA(dest, 8, "abcdefghij", &end, &remaining, STRSAFE_FAILURE_BYTE(0)),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_memory_equal(dest, "\0\0\0\0\0\0\0\0", 8);
    assert_ptr_equal(end, dest);
    assert_int_equal(remaining, 8);

    assert_int_equal(StringCchCopyExA(dest, 8, "abcdefghij", &end, &remaining, STRSAFE_NO_TRUNCATION),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "");
    assert_ptr_equal(end, dest);
    assert_int_equal(remaining, 8);

    /* Invalid flags: the destination is emptied, the out values left. */
    strcpy(dest, "old");
    end = (char *)SENTINEL;
    remaining = SENTINEL;
    assert_int_equal(StringCchCopyExA(dest, 8, "a", &end, &remaining, 0x10000), STRSAFE_E_INVALID_PARAMETER);
    assert_string_equal(dest, "");
    assert_ptr_equal(end, (char *)SENTINEL);
    assert_int_equal(remaining, SENTINEL);

    /* CopyNEx */
    assert_int_equal(StringCchCopyNExA(dest, 8, "abcdef", 2, &end, &remaining, 0), S_OK);
    assert_string_equal(dest, "ab");
    assert_int_equal(remaining, 6);
    assert_int_equal(StringCchCopyNExA(dest, 8, "abc", STRSAFE_MAX_CCH, &end, &remaining, 0),
                     STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(StringCchCopyNExA(NULL, 0, "abc", 0, NULL, NULL, STRSAFE_IGNORE_NULLS), S_OK);
}

static void test_cb_ex_wide(void **state)
{
    (void)state;
    WCHAR wdest[8];
    WCHAR *end = NULL;
    size_t remaining = SENTINEL;
    unsigned char *bytes = (unsigned char *)wdest;

    /* 9 bytes: 4 WCHARs and an odd byte, reported in pcbRemaining. */
    assert_int_equal(StringCbCopyExW(wdest, 9, L"ab", &end, &remaining, 0), S_OK);
    AssertWide(wdest, L"ab");
    assert_ptr_equal(end, wdest + 2);
    assert_int_equal(remaining, 2 * sizeof(WCHAR) + 1);

    /* Fill behind the terminator, odd byte included. */
    memset(wdest, 0, sizeof(wdest));
    assert_int_equal(StringCbCopyExW(wdest, 9, L"a", &end, &remaining, STRSAFE_FILL_BYTE(0xCC)), S_OK);
    assert_int_equal(wdest[0], L'a');
    assert_int_equal(wdest[1], 0);
    assert_int_equal(bytes[4], 0xCC);
    assert_int_equal(bytes[8], 0xCC);
    assert_int_equal(bytes[9], 0);

    assert_int_equal(StringCbCopyExW(wdest, 8, L"abcdef", &end, &remaining, 0), STRSAFE_E_INSUFFICIENT_BUFFER);
    AssertWide(wdest, L"abc");
    assert_int_equal(remaining, sizeof(WCHAR));

    wcscpy(wdest, L"ab");
    assert_int_equal(StringCbCatExW(wdest, sizeof(wdest), L"cdefghij", &end, &remaining, STRSAFE_NO_TRUNCATION),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    AssertWide(wdest, L"ab"); /* the original string */
    assert_ptr_equal(end, wdest + 2);
    assert_int_equal(remaining, 6 * sizeof(WCHAR));

    assert_int_equal(StringCbCopyNExW(wdest, sizeof(wdest), L"abcdef", 3 * sizeof(WCHAR), &end, &remaining, 0),
                     S_OK);
    AssertWide(wdest, L"abc");
    assert_int_equal(StringCbCatNExW(wdest, sizeof(wdest), L"defgh", 2 * sizeof(WCHAR), &end, &remaining, 0), S_OK);
    AssertWide(wdest, L"abcde");
    assert_int_equal(remaining, 3 * sizeof(WCHAR));
    assert_int_equal(StringCchCopyEx(wdest, 8, L"T", &end, &remaining, 0), S_OK);
    assert_int_equal(remaining, 7);
}

static void test_cat_ex(void **state)
{
    (void)state;
    char dest[8];
    char *end = NULL;
    size_t remaining = SENTINEL;

    strcpy(dest, "ab");
    assert_int_equal(StringCchCatExA(dest, 8, "cd", &end, &remaining, 0), S_OK);
    assert_string_equal(dest, "abcd");
    assert_ptr_equal(end, dest + 4);
    assert_int_equal(remaining, 4);

    assert_int_equal(StringCchCatExA(dest, 8, "efghij", &end, &remaining, STRSAFE_NO_TRUNCATION),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "abcd");
    assert_ptr_equal(end, dest + 4);
    assert_int_equal(remaining, 4);

    assert_int_equal(StringCchCatExA(dest, 8, "efghij", &end, &remaining, 0), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "abcdefg");
    assert_int_equal(remaining, 1);

    /* Full already: only an empty source succeeds. */
    assert_int_equal(StringCchCatExA(dest, 8, "", &end, &remaining, 0), S_OK);
    assert_int_equal(StringCchCatExA(dest, 8, "x", &end, &remaining, 0), STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "abcdefg");

    strcpy(dest, "ab");
    assert_int_equal(StringCchCatExA(dest, 8, NULL, &end, &remaining, STRSAFE_IGNORE_NULLS), S_OK);
    assert_string_equal(dest, "ab");
    assert_int_equal(StringCchCatExA(dest, 8, "cdefghi", &end, &remaining, STRSAFE_NULL_ON_FAILURE),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "");

    /* Invalid flags leave a Cat destination alone. */
    strcpy(dest, "keep");
    assert_int_equal(StringCchCatExA(dest, 8, "x", NULL, NULL, 0x20000), STRSAFE_E_INVALID_PARAMETER);
    assert_string_equal(dest, "keep");

    strcpy(dest, "a");
    assert_int_equal(StringCchCatNExA(dest, 8, "bcdef", 3, &end, &remaining, STRSAFE_FILL_BYTE('-')), S_OK);
    assert_memory_equal(dest, "abcd\0---", 8);
    assert_int_equal(StringCbCatExA(dest, 8, "ef", &end, &remaining, 0), S_OK);
    assert_string_equal(dest, "abcdef");
    assert_int_equal(remaining, 2);
}

static void test_printf_ex(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[8];
    char *end = NULL;
    WCHAR *wend = NULL;
    size_t remaining = SENTINEL;

    assert_int_equal(StringCchPrintfExA(dest, 8, &end, &remaining, 0, "%d", 42), S_OK);
    assert_string_equal(dest, "42");
    assert_ptr_equal(end, dest + 2);
    assert_int_equal(remaining, 6);

    assert_int_equal(StringCchPrintfExA(dest, 8, &end, &remaining, STRSAFE_FILL_BYTE('#'), "%s", "ab"), S_OK);
    assert_memory_equal(dest, "ab\0#####", 8);

    assert_int_equal(StringCchPrintfExA(dest, 8, &end, &remaining, STRSAFE_IGNORE_NULLS, NULL), S_OK);
    assert_string_equal(dest, "");

    assert_int_equal(StringCchPrintfExA(dest, 8, &end, &remaining, STRSAFE_NULL_ON_FAILURE, "%s", "123456789"),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "");
    assert_ptr_equal(end, dest);

    assert_int_equal(StringCchPrintfExA(dest, 8, &end, &remaining, 0, "%s", "123456789"),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    assert_string_equal(dest, "1234567");
    assert_int_equal(remaining, 1);

    assert_int_equal(VPrintfExA(dest, 8, &end, &remaining, 0, "%c", 'v'), S_OK);
    assert_string_equal(dest, "v");
    assert_int_equal(remaining, 7);

    assert_int_equal(StringCbPrintfExW(wdest, sizeof(wdest), &wend, &remaining, 0, L"%s", L"ab"), S_OK);
    AssertWide(wdest, L"ab");
    assert_int_equal(remaining, 6 * sizeof(WCHAR));
    assert_int_equal(StringCchPrintfExW(wdest, 8, &wend, &remaining, 0, L"%hs", "n"), S_OK);
    AssertWide(wdest, L"n");
    assert_int_equal(StringCchPrintfEx(wdest, 8, NULL, NULL, 0, L"%d", 5), S_OK);
    AssertWide(wdest, L"5");
}

/* ------------------------------------------- unaligned and NULL pointers */

static void test_unaligned_length(void **state)
{
    (void)state;
    size_t length = SENTINEL;
    union {
        unsigned char bytes[16];
        WCHAR aligned;
    } storage;
    const WCHAR text[] = {'x', 'y', 0};
    const WCHAR *odd = (const WCHAR *)(storage.bytes + 1);

    memcpy(storage.bytes + 1, text, sizeof(text));
    assert_int_equal(UnalignedStringCchLengthW(odd, 3, &length), S_OK);
    assert_int_equal(length, 2);
    assert_int_equal(UnalignedStringCchLengthW(odd, 2, &length), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(length, 0);
    assert_int_equal(UnalignedStringCbLengthW(odd, 6, &length), S_OK);
    assert_int_equal(length, 4);
    assert_int_equal(UnalignedStringCbLengthW(odd, 5, &length), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(UnalignedStringCchLengthW(NULL, 3, &length), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(UnalignedStringCchLength(L"abc", 4, &length), S_OK); /* UNICODE: the W form */
    assert_int_equal(length, 3);
}

static void test_ex_null_pointers(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[4];

    /* Without STRSAFE_IGNORE_NULLS a NULL pointer is an invalid parameter
     * (never a write through it). */
    assert_int_equal(StringCchCopyExA(dest, 8, NULL, NULL, NULL, 0), STRSAFE_E_INVALID_PARAMETER);
    assert_string_equal(dest, "");
    assert_int_equal(StringCchCopyExA(NULL, 8, "a", NULL, NULL, 0), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(StringCbCatExW(NULL, 8, L"a", NULL, NULL, 0), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(StringCchPrintfExW(wdest, 4, NULL, NULL, 0, NULL), STRSAFE_E_INVALID_PARAMETER);
    assert_int_equal(wdest[0], 0);
    strcpy(dest, "keep");
    assert_int_equal(StringCchCatNExA(dest, 8, NULL, 2, NULL, NULL, 0), STRSAFE_E_INVALID_PARAMETER);
    assert_string_equal(dest, "keep");
    /* With it, NULL reads as "". */
    assert_int_equal(StringCchCatNExA(dest, 8, NULL, 2, NULL, NULL, STRSAFE_IGNORE_NULLS), S_OK);
    assert_string_equal(dest, "keep");
    assert_int_equal(StringCbCopyNExW(NULL, 0, NULL, 4, NULL, NULL, STRSAFE_IGNORE_NULLS), S_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constants),
        cmocka_unit_test(test_copy),
        cmocka_unit_test(test_cat),
        cmocka_unit_test(test_printf),
        cmocka_unit_test(test_length),
        cmocka_unit_test(test_copy_ex),
        cmocka_unit_test(test_cb_ex_wide),
        cmocka_unit_test(test_cat_ex),
        cmocka_unit_test(test_printf_ex),
        cmocka_unit_test(test_unaligned_length),
        cmocka_unit_test(test_ex_null_pointers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
