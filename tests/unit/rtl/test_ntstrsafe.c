/*
 * test_ntstrsafe.c - <ntstrsafe.h> as drivers use it: the NTSTATUS results
 * of the RtlString* functions (the behaviour they share with <strsafe.h>
 * is covered in detail by tests/unit/crt/test_strsafe.c) and the
 * UNICODE_STRING functions, which only the kernel flavour has; then every
 * member of the complete families: the Ex forms' flags, NULL pointers with
 * and without STRSAFE_IGNORE_NULLS and maximum sizes, the Unaligned length
 * functions, UNICODE_STRING to buffer copies and the whole UNICODE_STRING
 * family (never terminated, RemainingString, the failure flags).
 */
#include "ntk_test.h"

#include <ntddk.h>
#include <ntstrsafe.h>

static void AssertWide(const WCHAR *Actual, const WCHAR *Expected)
{
    size_t i;
    for (i = 0; Expected[i] != 0; i++)
        assert_int_equal(Actual[i], Expected[i]);
    assert_int_equal(Actual[i], 0);
}

static void AssertCounted(PCUNICODE_STRING String, const WCHAR *Expected)
{
    size_t i, length = 0;

    while (Expected[length] != 0)
        length++;
    assert_int_equal(String->Length, length * sizeof(WCHAR));
    for (i = 0; i < length; i++)
        assert_int_equal(String->Buffer[i], Expected[i]);
}

static NTSTATUS VPrintfW(PWSTR Dest, size_t Cch, PCWSTR Format, ...)
{
    NTSTATUS status;
    va_list arguments;

    va_start(arguments, Format);
    status = RtlStringCchVPrintfW(Dest, Cch, Format, arguments);
    va_end(arguments);
    return status;
}

static NTSTATUS VPrintfUnicode(PUNICODE_STRING Dest, PCWSTR Format, ...)
{
    NTSTATUS status;
    va_list arguments;

    va_start(arguments, Format);
    status = RtlUnicodeStringVPrintf(Dest, Format, arguments);
    va_end(arguments);
    return status;
}

static void test_string_results(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[8];
    size_t length;
    char *end;
    size_t remaining;

    assert_int_equal(RtlStringCchCopyA(dest, 8, "abc"), STATUS_SUCCESS);
    assert_string_equal(dest, "abc");
    assert_int_equal(RtlStringCchCopyA(dest, 8, "abcdefgh"), STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "abcdefg");
    assert_int_equal(RtlStringCchCopyA(dest, 0, "a"), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCbCopyW(wdest, sizeof(wdest), L"wide"), STATUS_SUCCESS);
    AssertWide(wdest, L"wide");
    assert_int_equal(RtlStringCbCopyNW(wdest, sizeof(wdest), L"wide", 2 * sizeof(WCHAR)), STATUS_SUCCESS);
    AssertWide(wdest, L"wi");

    assert_int_equal(RtlStringCchCatA(dest, 8, "x"), STATUS_BUFFER_OVERFLOW);
    strcpy(dest, "ab");
    assert_int_equal(RtlStringCchCatA(dest, 8, "cd"), STATUS_SUCCESS);
    assert_string_equal(dest, "abcd");
    memset(dest, 'z', sizeof(dest));
    assert_int_equal(RtlStringCchCatA(dest, 8, "a"), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchCatNW(wdest, 8, L"xyz", 1), STATUS_SUCCESS);
    AssertWide(wdest, L"wix");

    assert_int_equal(RtlStringCchPrintfA(dest, 8, "%d", 1234567), STATUS_SUCCESS);
    assert_int_equal(RtlStringCchPrintfA(dest, 8, "%d", 12345678), STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "1234567");
    assert_int_equal(RtlStringCbPrintfW(wdest, sizeof(wdest), L"%ws-%hs", L"a", "b"), STATUS_SUCCESS);
    AssertWide(wdest, L"a-b");
    assert_int_equal(VPrintfW(wdest, 4, L"%d", 12345), STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"123");

    assert_int_equal(RtlStringCchLengthA("abc", 4, &length), STATUS_SUCCESS);
    assert_int_equal(length, 3);
    assert_int_equal(RtlStringCchLengthA("abc", 3, &length), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCbLengthW(L"ab", 6, &length), STATUS_SUCCESS);
    assert_int_equal(length, 4);

    assert_int_equal(RtlStringCchCopyExA(dest, 8, "abcdefghi", &end, &remaining, STRSAFE_NO_TRUNCATION),
                     STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "");
    assert_int_equal(RtlStringCchPrintfExA(dest, 8, &end, &remaining, 0, "%s", "ok"), STATUS_SUCCESS);
    assert_ptr_equal(end, dest + 2);
    assert_int_equal(remaining, 6);
    assert_int_equal(RtlStringCchCopyExA(dest, 8, "a", NULL, NULL, 0x40000), STATUS_INVALID_PARAMETER);
    assert_int_equal(NTSTRSAFE_MAX_CCH, 2147483647);
    assert_int_equal(NTSTRSAFE_UNICODE_STRING_MAX_CCH, 32767);
}

static void test_unicode_string_init_and_validate(void **state)
{
    (void)state;
    UNICODE_STRING string;
    static WCHAR tooLong[32769];
    WCHAR buffer[4];
    size_t i;

    assert_int_equal(RtlUnicodeStringInit(&string, L"abc"), STATUS_SUCCESS);
    assert_int_equal(string.Length, 6);
    assert_int_equal(string.MaximumLength, 8);
    AssertCounted(&string, L"abc");
    assert_int_equal(RtlUnicodeStringInit(&string, NULL), STATUS_SUCCESS);
    assert_int_equal(string.Length, 0);
    assert_int_equal(string.MaximumLength, 0);
    assert_null(string.Buffer);

    for (i = 0; i < 32767; i++)
        tooLong[i] = L'x';
    tooLong[32767] = 0;
    assert_int_equal(RtlUnicodeStringInit(&string, tooLong), STATUS_INVALID_PARAMETER);
    assert_int_equal(string.Length, 0);
    tooLong[32766] = 0; /* 32766 characters fit */
    assert_int_equal(RtlUnicodeStringInit(&string, tooLong), STATUS_SUCCESS);
    assert_int_equal(string.Length, 65532);

    string.Buffer = buffer;
    string.Length = 2;
    string.MaximumLength = 8;
    assert_int_equal(RtlUnicodeStringValidate(&string), STATUS_SUCCESS);
    string.Length = 3; /* odd */
    assert_int_equal(RtlUnicodeStringValidate(&string), STATUS_INVALID_PARAMETER);
    string.Length = 10; /* above MaximumLength */
    assert_int_equal(RtlUnicodeStringValidate(&string), STATUS_INVALID_PARAMETER);
    string.Buffer = NULL;
    string.Length = 0;
    string.MaximumLength = 0;
    assert_int_equal(RtlUnicodeStringValidate(&string), STATUS_SUCCESS);
    string.MaximumLength = 2;
    assert_int_equal(RtlUnicodeStringValidate(&string), STATUS_INVALID_PARAMETER);
    string.Buffer = buffer;
    string.MaximumLength = 0xFFFF - 1;
    assert_int_equal(RtlUnicodeStringValidate(&string), STATUS_SUCCESS);
    string.MaximumLength = 0xFFFF;
    assert_int_equal(RtlUnicodeStringValidate(&string), STATUS_INVALID_PARAMETER);
}

static void test_unicode_string_copy_and_cat(void **state)
{
    (void)state;
    WCHAR storage[6];
    UNICODE_STRING dest = {0, sizeof(storage), storage};
    UNICODE_STRING source;
    WCHAR sourceBuffer[] = {'d', 'e', 'v', 'i', 'c', 'e', 'X'};

    source.Buffer = sourceBuffer;
    source.Length = 3 * sizeof(WCHAR); /* "dev", not terminated */
    source.MaximumLength = sizeof(sourceBuffer);

    assert_int_equal(RtlUnicodeStringCopy(&dest, &source), STATUS_SUCCESS);
    AssertCounted(&dest, L"dev");
    assert_int_equal(RtlUnicodeStringCat(&dest, &source), STATUS_SUCCESS);
    AssertCounted(&dest, L"devdev"); /* exactly full, no terminator */
    assert_int_equal(RtlUnicodeStringCat(&dest, &source), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"devdev");

    source.Length = 7 * sizeof(WCHAR);
    assert_int_equal(RtlUnicodeStringCopy(&dest, &source), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"device"); /* what fit */

    assert_int_equal(RtlUnicodeStringCopyString(&dest, L"ab"), STATUS_SUCCESS);
    AssertCounted(&dest, L"ab");
    assert_int_equal(RtlUnicodeStringCatString(&dest, L"cdefg"), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdef");
    assert_int_equal(RtlUnicodeStringCopyString(&dest, L"toolongstring"), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"toolon");

    source.Length = 1; /* malformed */
    assert_int_equal(RtlUnicodeStringCopy(&dest, &source), STATUS_INVALID_PARAMETER);
    assert_int_equal(dest.Length, 0);
}

static void test_unicode_string_printf(void **state)
{
    (void)state;
    WCHAR storage[16];
    UNICODE_STRING dest = {0, sizeof(storage), storage};
    WCHAR nameBuffer[] = {'N', 'a', 'm', 'e'};
    UNICODE_STRING name = {sizeof(nameBuffer), sizeof(nameBuffer), nameBuffer};
    WCHAR small[4];
    UNICODE_STRING smallDest = {0, sizeof(small), small};

    assert_int_equal(RtlUnicodeStringPrintf(&dest, L"\\Device\\X%d", 3), STATUS_SUCCESS);
    AssertCounted(&dest, L"\\Device\\X3");
    assert_int_equal(RtlUnicodeStringPrintf(&dest, L"%wZ-%ld", &name, (LONG)-1), STATUS_SUCCESS);
    AssertCounted(&dest, L"Name--1");
    assert_int_equal(VPrintfUnicode(&smallDest, L"%s", L"abcd"), STATUS_SUCCESS); /* exact fit */
    AssertCounted(&smallDest, L"abcd");
    assert_int_equal(RtlUnicodeStringPrintf(&smallDest, L"%s", L"abcdef"), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&smallDest, L"abcd");
}

/* ------------------------------------------------ the complete families */

#define SENTINEL ((size_t)0xDEADBEEF)
#define GUARD ((WCHAR)0xEEEE) /* what a UNICODE_STRING buffer holds past Length */

static NTSTATUS CchVPrintfExA(char *Dest, size_t Cch, char **End, size_t *Remaining, ULONG Flags, const char *Format,
                              ...)
{
    NTSTATUS status;
    va_list arguments;

    va_start(arguments, Format);
    status = RtlStringCchVPrintfExA(Dest, Cch, End, Remaining, Flags, Format, arguments);
    va_end(arguments);
    return status;
}

static NTSTATUS CchVPrintfExW(WCHAR *Dest, size_t Cch, WCHAR **End, size_t *Remaining, ULONG Flags,
                              const WCHAR *Format, ...)
{
    NTSTATUS status;
    va_list arguments;

    va_start(arguments, Format);
    status = RtlStringCchVPrintfExW(Dest, Cch, End, Remaining, Flags, Format, arguments);
    va_end(arguments);
    return status;
}

static NTSTATUS CbVPrintfExA(char *Dest, size_t Cb, char **End, size_t *Remaining, ULONG Flags, const char *Format,
                             ...)
{
    NTSTATUS status;
    va_list arguments;

    va_start(arguments, Format);
    status = RtlStringCbVPrintfExA(Dest, Cb, End, Remaining, Flags, Format, arguments);
    va_end(arguments);
    return status;
}

static NTSTATUS CbVPrintfExW(WCHAR *Dest, size_t Cb, WCHAR **End, size_t *Remaining, ULONG Flags,
                             const WCHAR *Format, ...)
{
    NTSTATUS status;
    va_list arguments;

    va_start(arguments, Format);
    status = RtlStringCbVPrintfExW(Dest, Cb, End, Remaining, Flags, Format, arguments);
    va_end(arguments);
    return status;
}

static NTSTATUS UnicodeVPrintfEx(PUNICODE_STRING Dest, PUNICODE_STRING Remaining, ULONG Flags, PCWSTR Format, ...)
{
    NTSTATUS status;
    va_list arguments;

    va_start(arguments, Format);
    status = RtlUnicodeStringVPrintfEx(Dest, Remaining, Flags, Format, arguments);
    va_end(arguments);
    return status;
}

/* A destination UNICODE_STRING over Storage, everything past Length a guard. */
static void ResetUnicode(PUNICODE_STRING String, WCHAR *Storage, size_t Cch, const WCHAR *Initial)
{
    size_t i, length = 0;

    for (i = 0; i < Cch; i++)
        Storage[i] = GUARD;
    while (Initial != NULL && Initial[length] != 0) {
        Storage[length] = Initial[length];
        length++;
    }
    String->Buffer = Storage;
    String->Length = (USHORT)(length * sizeof(WCHAR));
    String->MaximumLength = (USHORT)(Cch * sizeof(WCHAR));
}

/* Length matches Expected and nothing was terminated behind it. */
static void AssertUnterminated(PCUNICODE_STRING String, const WCHAR *Expected)
{
    AssertCounted(String, Expected);
    if (String->Length < String->MaximumLength)
        assert_int_equal(String->Buffer[String->Length / sizeof(WCHAR)], GUARD);
}

static void AssertRemaining(PCUNICODE_STRING Remaining, const WCHAR *Buffer, size_t Bytes)
{
    assert_ptr_equal(Remaining->Buffer, Buffer);
    assert_int_equal(Remaining->Length, 0);
    assert_int_equal(Remaining->MaximumLength, Bytes);
}

static void test_flags_and_limits(void **state)
{
    (void)state;
    assert_int_equal(STRSAFE_IGNORE_NULLS, 0x00000100);
    assert_int_equal(STRSAFE_FILL_BEHIND_NULL, 0x00000200);
    assert_int_equal(STRSAFE_FILL_ON_FAILURE, 0x00000400);
    assert_int_equal(STRSAFE_NULL_ON_FAILURE, 0x00000800);
    assert_int_equal(STRSAFE_NO_TRUNCATION, 0x00001000);
    assert_int_equal(STRSAFE_FILL_BEHIND, STRSAFE_FILL_BEHIND_NULL);
    assert_int_equal(STRSAFE_ZERO_LENGTH_ON_FAILURE, STRSAFE_NULL_ON_FAILURE);
    assert_int_equal(STRSAFE_FILL_BYTE(0x41), 0x241);
    assert_int_equal(STRSAFE_FAILURE_BYTE(0x41), 0x441);
    assert_int_equal(STRSAFE_FILL_BYTE(0x1FF), 0x2FF); /* only the low byte is a pattern */
    assert_int_equal(NTSTRSAFE_MAX_CCH, 2147483647);
    assert_int_equal(NTSTRSAFE_MAX_LENGTH, 2147483646);
    assert_int_equal(NTSTRSAFE_UNICODE_STRING_MAX_CCH, 32767);
}

static void test_copy_ex_forms(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[4];
    char *end;
    WCHAR *wend;
    size_t remaining;

    /* RtlStringCbCopyEx: remaining in bytes, an odd byte included. */
    assert_int_equal(RtlStringCbCopyExA(dest, 8, "abc", &end, &remaining, 0), STATUS_SUCCESS);
    assert_string_equal(dest, "abc");
    assert_ptr_equal(end, dest + 3);
    assert_int_equal(remaining, 5);
    assert_int_equal(RtlStringCbCopyExA(dest, 4, "abcdef", &end, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "abc");
    assert_ptr_equal(end, dest + 3);
    assert_int_equal(remaining, 1);
    assert_int_equal(RtlStringCbCopyExW(wdest, 7, L"ab", &wend, &remaining, 0), STATUS_SUCCESS);
    AssertWide(wdest, L"ab");
    assert_ptr_equal(wend, wdest + 2);
    assert_int_equal(remaining, 1 * sizeof(WCHAR) + 1);
    assert_int_equal(RtlStringCbCopyExW(wdest, 8, L"abcd", &wend, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"abc");
    assert_int_equal(remaining, sizeof(WCHAR));

    /* RtlStringCchCopyNEx */
    assert_int_equal(RtlStringCchCopyNExA(dest, 8, "abcdef", 3, &end, &remaining, 0), STATUS_SUCCESS);
    assert_string_equal(dest, "abc");
    assert_int_equal(remaining, 5);
    assert_int_equal(RtlStringCchCopyNExA(dest, 4, "abcdef", 5, &end, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "abc");
    assert_int_equal(RtlStringCchCopyNExW(wdest, 4, L"xyz", 2, &wend, &remaining, 0), STATUS_SUCCESS);
    AssertWide(wdest, L"xy");
    assert_ptr_equal(wend, wdest + 2);
    assert_int_equal(remaining, 2);
    assert_int_equal(RtlStringCchCopyNExW(wdest, 4, L"wxyz", 4, &wend, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"wxy");

    /* RtlStringCbCopyNEx: the count is in bytes too. */
    assert_int_equal(RtlStringCbCopyNExA(dest, 8, "abcdef", 2, &end, &remaining, 0), STATUS_SUCCESS);
    assert_string_equal(dest, "ab");
    assert_int_equal(remaining, 6);
    assert_int_equal(RtlStringCbCopyNExW(wdest, 8, L"abcdef", 3 * sizeof(WCHAR) + 1, &wend, &remaining, 0),
                     STATUS_SUCCESS);
    AssertWide(wdest, L"abc");
    assert_int_equal(remaining, sizeof(WCHAR));
    assert_int_equal(RtlStringCbCopyNExW(wdest, 8, L"abcdef", 5 * sizeof(WCHAR), &wend, &remaining, 0),
                     STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"abc");
}

static void test_cat_ex_forms(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[6];
    char *end;
    WCHAR *wend;
    size_t remaining;

    /* RtlStringCbCatEx */
    strcpy(dest, "ab");
    assert_int_equal(RtlStringCbCatExA(dest, 8, "cd", &end, &remaining, 0), STATUS_SUCCESS);
    assert_string_equal(dest, "abcd");
    assert_ptr_equal(end, dest + 4);
    assert_int_equal(remaining, 4);
    assert_int_equal(RtlStringCbCatExA(dest, 6, "efgh", &end, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "abcde");
    assert_int_equal(remaining, 1);
    wdest[0] = 0;
    assert_int_equal(RtlStringCbCatExW(wdest, sizeof(wdest), L"wi", &wend, &remaining, 0), STATUS_SUCCESS);
    assert_int_equal(RtlStringCbCatExW(wdest, sizeof(wdest), L"de", &wend, &remaining, 0), STATUS_SUCCESS);
    AssertWide(wdest, L"wide");
    assert_ptr_equal(wend, wdest + 4);
    assert_int_equal(remaining, 2 * sizeof(WCHAR));
    assert_int_equal(RtlStringCbCatExW(wdest, sizeof(wdest), L"st", &wend, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"wides");
    assert_int_equal(remaining, sizeof(WCHAR));
    memset(dest, 'z', sizeof(dest)); /* unterminated destination */
    assert_int_equal(RtlStringCbCatExA(dest, 8, "a", &end, &remaining, 0), STATUS_INVALID_PARAMETER);

    /* RtlStringCchCatNEx */
    strcpy(dest, "ab");
    assert_int_equal(RtlStringCchCatNExA(dest, 8, "cdef", 1, &end, &remaining, 0), STATUS_SUCCESS);
    assert_string_equal(dest, "abc");
    assert_int_equal(remaining, 5);
    assert_int_equal(RtlStringCchCatNExA(dest, 5, "defg", 3, &end, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "abcd");
    wdest[0] = 'a';
    wdest[1] = 0;
    assert_int_equal(RtlStringCchCatNExW(wdest, 6, L"bcdef", 2, &wend, &remaining, 0), STATUS_SUCCESS);
    AssertWide(wdest, L"abc");
    assert_ptr_equal(wend, wdest + 3);
    assert_int_equal(remaining, 3);
    assert_int_equal(RtlStringCchCatNExW(wdest, 6, L"defgh", 5, &wend, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"abcde");

    /* RtlStringCbCatNEx */
    strcpy(dest, "ab");
    assert_int_equal(RtlStringCbCatNExA(dest, 8, "cdef", 2, &end, &remaining, 0), STATUS_SUCCESS);
    assert_string_equal(dest, "abcd");
    assert_int_equal(remaining, 4);
    wdest[0] = 0;
    assert_int_equal(RtlStringCbCatNExW(wdest, sizeof(wdest), L"abcdef", 2 * sizeof(WCHAR), &wend, &remaining, 0),
                     STATUS_SUCCESS);
    AssertWide(wdest, L"ab");
    assert_int_equal(remaining, 4 * sizeof(WCHAR));
    assert_int_equal(RtlStringCbCatNExW(wdest, sizeof(wdest), L"cdefgh", 6 * sizeof(WCHAR), &wend, &remaining, 0),
                     STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"abcde");
}

static void test_printf_ex_forms(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[4];
    char *end;
    WCHAR *wend;
    size_t remaining;

    /* RtlStringCbPrintfEx */
    assert_int_equal(RtlStringCbPrintfExA(dest, 8, &end, &remaining, 0, "%d-%s", 12, "x"), STATUS_SUCCESS);
    assert_string_equal(dest, "12-x");
    assert_ptr_equal(end, dest + 4);
    assert_int_equal(remaining, 4);
    assert_int_equal(RtlStringCbPrintfExA(dest, 8, &end, &remaining, 0, "%d", 123456789), STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "1234567");
    assert_int_equal(remaining, 1);
    assert_int_equal(RtlStringCbPrintfExW(wdest, sizeof(wdest), &wend, &remaining, 0, L"%d", 12), STATUS_SUCCESS);
    AssertWide(wdest, L"12");
    assert_ptr_equal(wend, wdest + 2);
    assert_int_equal(remaining, 2 * sizeof(WCHAR));
    assert_int_equal(RtlStringCbPrintfExW(wdest, sizeof(wdest), &wend, &remaining, 0, L"%d", 12345),
                     STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"123");
    assert_int_equal(remaining, sizeof(WCHAR));

    /* RtlStringCbVPrintfEx */
    assert_int_equal(CbVPrintfExA(dest, 5, &end, &remaining, 0, "%s", "abcd"), STATUS_SUCCESS); /* exact fit */
    assert_string_equal(dest, "abcd");
    assert_int_equal(remaining, 1);
    assert_int_equal(CbVPrintfExA(dest, 5, &end, &remaining, 0, "%s", "abcde"), STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "abcd");
    assert_int_equal(CbVPrintfExW(wdest, 7, &wend, &remaining, 0, L"%hs", "ab"), STATUS_SUCCESS);
    AssertWide(wdest, L"ab");
    assert_int_equal(remaining, sizeof(WCHAR) + 1);
    assert_int_equal(CbVPrintfExW(wdest, 7, &wend, &remaining, 0, L"%hs", "abc"), STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"ab");

    /* RtlStringCchVPrintfEx */
    assert_int_equal(CchVPrintfExA(dest, 8, &end, &remaining, 0, "%c%c", 'o', 'k'), STATUS_SUCCESS);
    assert_string_equal(dest, "ok");
    assert_ptr_equal(end, dest + 2);
    assert_int_equal(remaining, 6);
    assert_int_equal(CchVPrintfExW(wdest, 4, &wend, &remaining, 0, L"%ws", L"wide"), STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"wid");
    assert_ptr_equal(wend, wdest + 3);
    assert_int_equal(remaining, 1);
}

static void test_ex_failure_flags(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[4];
    char *end;
    WCHAR *wend;
    size_t remaining;

    /* STRSAFE_FILL_BEHIND_NULL: the low byte fills what follows the terminator. */
    assert_int_equal(RtlStringCchCopyExA(dest, 8, "ab", &end, &remaining, STRSAFE_FILL_BYTE('x')), STATUS_SUCCESS);
    assert_memory_equal(dest, "ab\0xxxxx", 8);
    assert_ptr_equal(end, dest + 2);
    assert_int_equal(remaining, 6);
    assert_int_equal(RtlStringCbCopyExW(wdest, sizeof(wdest), L"a", &wend, &remaining, STRSAFE_FILL_BYTE(0x11)),
                     STATUS_SUCCESS);
    assert_int_equal(wdest[0], 'a');
    assert_int_equal(wdest[1], 0);
    assert_int_equal(wdest[2], 0x1111);
    assert_int_equal(wdest[3], 0x1111);

    /* STRSAFE_FILL_ON_FAILURE: the whole buffer, terminated. */
    assert_int_equal(RtlStringCchCopyExA(dest, 4, "abcdef", &end, &remaining, STRSAFE_FAILURE_BYTE('z')),
                     STATUS_BUFFER_OVERFLOW);
    assert_memory_equal(dest, "zzz", 4);
    assert_ptr_equal(end, dest + 3);
    assert_int_equal(remaining, 1);
    memset(dest, 'q', sizeof(dest));
    assert_int_equal(RtlStringCchCopyExA(dest, 4, "abcdef", &end, &remaining, STRSAFE_FILL_ON_FAILURE),
                     STATUS_BUFFER_OVERFLOW);
    assert_memory_equal(dest, "\0\0\0\0qqqq", 8); /* pattern 0: all zeros */
    assert_ptr_equal(end, dest);
    assert_int_equal(remaining, 4);
    assert_int_equal(RtlStringCchPrintfExW(wdest, 4, &wend, &remaining, STRSAFE_FAILURE_BYTE(0x22), L"%d", 12345),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(wdest[0], 0x2222);
    assert_int_equal(wdest[2], 0x2222);
    assert_int_equal(wdest[3], 0);

    /* STRSAFE_NULL_ON_FAILURE: "". */
    strcpy(dest, "old");
    assert_int_equal(RtlStringCchCatExA(dest, 5, "long", &end, &remaining, STRSAFE_NULL_ON_FAILURE),
                     STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "");
    assert_ptr_equal(end, dest);
    assert_int_equal(remaining, 5);
    assert_int_equal(RtlStringCchCopyNExW(wdest, 4, L"abcdef", 6, &wend, &remaining, STRSAFE_NULL_ON_FAILURE),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(wdest[0], 0);

    /* STRSAFE_NO_TRUNCATION: the original contents ("" for a copy). */
    strcpy(dest, "ab");
    assert_int_equal(RtlStringCchCatExA(dest, 4, "cdef", &end, &remaining, STRSAFE_NO_TRUNCATION),
                     STATUS_BUFFER_OVERFLOW);
    assert_string_equal(dest, "ab");
    assert_ptr_equal(end, dest + 2);
    assert_int_equal(remaining, 2);
    assert_int_equal(RtlStringCbCopyExW(wdest, sizeof(wdest), L"abcdef", &wend, &remaining, STRSAFE_NO_TRUNCATION),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(wdest[0], 0);
    assert_ptr_equal(wend, wdest);
    assert_int_equal(remaining, sizeof(wdest));

    /* The failure flags act on invalid parameters too; the end and
     * remaining count are then left alone. */
    end = (char *)SENTINEL;
    remaining = SENTINEL;
    assert_int_equal(RtlStringCchCopyExA(dest, 8, NULL, &end, &remaining, STRSAFE_FAILURE_BYTE('f')),
                     STATUS_INVALID_PARAMETER);
    assert_memory_equal(dest, "fffffff", 8);
    assert_ptr_equal(end, (char *)SENTINEL);
    assert_int_equal(remaining, SENTINEL);

    /* Unknown flags: invalid; a copy leaves "", a cat the old string. */
    strcpy(dest, "keep");
    assert_int_equal(RtlStringCchCatExA(dest, 8, "x", NULL, NULL, 0x00010000), STATUS_INVALID_PARAMETER);
    assert_string_equal(dest, "keep");
    assert_int_equal(RtlStringCchCopyExA(dest, 8, "x", NULL, NULL, 0x00010000), STATUS_INVALID_PARAMETER);
    assert_string_equal(dest, "");
    assert_int_equal(RtlStringCbPrintfExW(wdest, sizeof(wdest), NULL, NULL, 0x80000000, L"x"),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(wdest[0], 0);
}

static void test_ex_null_pointers(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[4];
    char *end;
    WCHAR *wend;
    size_t remaining;

    /* Without STRSAFE_IGNORE_NULLS a NULL pointer is an invalid parameter. */
    assert_int_equal(RtlStringCchCopyExA(dest, 8, NULL, NULL, NULL, 0), STATUS_INVALID_PARAMETER);
    assert_string_equal(dest, "");
    assert_int_equal(RtlStringCchCopyExA(NULL, 8, "a", NULL, NULL, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchCatExW(NULL, 4, L"a", NULL, NULL, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCbPrintfExA(dest, 8, NULL, NULL, 0, NULL), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchCopyExW(NULL, 0, L"", NULL, NULL, 0), STATUS_INVALID_PARAMETER);

    /* With it a NULL source is "" and a NULL destination of size 0 takes
     * only an empty result. */
    strcpy(dest, "ab");
    assert_int_equal(RtlStringCchCatExA(dest, 8, NULL, &end, &remaining, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_string_equal(dest, "ab");
    assert_ptr_equal(end, dest + 2);
    assert_int_equal(RtlStringCbCopyNExW(wdest, sizeof(wdest), NULL, 6, &wend, &remaining, STRSAFE_IGNORE_NULLS),
                     STATUS_SUCCESS);
    assert_int_equal(wdest[0], 0);
    assert_int_equal(remaining, sizeof(wdest));
    assert_int_equal(CchVPrintfExW(wdest, 4, &wend, &remaining, STRSAFE_IGNORE_NULLS, NULL), STATUS_SUCCESS);
    assert_int_equal(wdest[0], 0);
    assert_int_equal(RtlStringCchCopyExA(NULL, 0, NULL, &end, &remaining, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_null(end);
    assert_int_equal(remaining, 0);
    assert_int_equal(RtlStringCbCatNExW(NULL, 0, L"", 2, NULL, NULL, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(RtlStringCchCopyExA(NULL, 0, "a", NULL, NULL, STRSAFE_IGNORE_NULLS), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchPrintfExW(NULL, 0, NULL, NULL, STRSAFE_IGNORE_NULLS, L"%d", 1),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchCopyExA(NULL, 4, "", NULL, NULL, STRSAFE_IGNORE_NULLS), STATUS_INVALID_PARAMETER);
    /* A real buffer of size 0 is just full. */
    assert_int_equal(RtlStringCchCopyExA(dest, 0, "a", NULL, NULL, STRSAFE_IGNORE_NULLS), STATUS_BUFFER_OVERFLOW);
}

static void test_ex_maximum_sizes(void **state)
{
    (void)state;
    char dest[8];
    WCHAR wdest[4];

    strcpy(dest, "x");
    assert_int_equal(RtlStringCchCopyExA(dest, (size_t)NTSTRSAFE_MAX_CCH + 1, "a", NULL, NULL, 0),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCbCopyExW(wdest, ((size_t)NTSTRSAFE_MAX_CCH + 1) * sizeof(WCHAR), L"a", NULL, NULL, 0),
                     STATUS_INVALID_PARAMETER);
    strcpy(dest, "keep");
    assert_int_equal(RtlStringCchCatNExA(dest, (size_t)NTSTRSAFE_MAX_CCH + 1, "a", 1, NULL, NULL, 0),
                     STATUS_INVALID_PARAMETER);
    assert_string_equal(dest, "keep");
    assert_int_equal(RtlStringCchCopyNExA(dest, 8, "a", NTSTRSAFE_MAX_CCH, NULL, NULL, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchCopyNExA(dest, 8, "a", NTSTRSAFE_MAX_LENGTH, NULL, NULL, 0), STATUS_SUCCESS);
    assert_string_equal(dest, "a");
    assert_int_equal(RtlStringCbCopyNExW(wdest, sizeof(wdest), L"a", NTSTRSAFE_MAX_CCH * sizeof(WCHAR), NULL, NULL, 0),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCbCatNExW(wdest, sizeof(wdest), L"b", NTSTRSAFE_MAX_LENGTH * sizeof(WCHAR), NULL, NULL,
                                        0),
                     STATUS_SUCCESS);
    assert_int_equal(CbVPrintfExA(dest, (size_t)NTSTRSAFE_MAX_CCH + 1, NULL, NULL, 0, "x"), STATUS_INVALID_PARAMETER);
}

static void test_length_functions(void **state)
{
    (void)state;
    size_t length;
    /* A wide string at an odd address, for the Unaligned forms. */
    union {
        unsigned char bytes[16];
        WCHAR aligned;
    } storage;
    const WCHAR odd[] = {'a', 'b', 'c', 0};

    length = SENTINEL;
    assert_int_equal(RtlStringCchLengthA(NULL, 4, &length), STATUS_INVALID_PARAMETER);
    assert_int_equal(length, 0);
    assert_int_equal(RtlStringCchLengthW(L"abc", NTSTRSAFE_MAX_CCH, &length), STATUS_SUCCESS);
    assert_int_equal(length, 3);
    assert_int_equal(RtlStringCchLengthW(L"abc", (size_t)NTSTRSAFE_MAX_CCH + 1, &length), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchLengthA("abc", 0, &length), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchLengthA("abc", 4, NULL), STATUS_SUCCESS);
    assert_int_equal(RtlStringCbLengthA("abc", 3, &length), STATUS_INVALID_PARAMETER);
    assert_int_equal(length, 0);
    assert_int_equal(RtlStringCbLengthA("abc", 4, &length), STATUS_SUCCESS);
    assert_int_equal(length, 3);
    assert_int_equal(RtlStringCbLengthW(L"abc", 7, &length), STATUS_INVALID_PARAMETER); /* 3 characters */
    assert_int_equal(RtlStringCbLengthW(L"abc", 8, &length), STATUS_SUCCESS);
    assert_int_equal(length, 6);
    assert_int_equal(RtlStringCbLengthW(L"a", ((size_t)NTSTRSAFE_MAX_CCH + 1) * sizeof(WCHAR), &length),
                     STATUS_INVALID_PARAMETER);

    memcpy(storage.bytes + 1, odd, sizeof(odd));
    assert_int_equal(RtlUnalignedStringCchLengthW((const WCHAR *)(storage.bytes + 1), 4, &length), STATUS_SUCCESS);
    assert_int_equal(length, 3);
    assert_int_equal(RtlUnalignedStringCchLengthW((const WCHAR *)(storage.bytes + 1), 3, &length),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(length, 0);
    assert_int_equal(RtlUnalignedStringCbLengthW((const WCHAR *)(storage.bytes + 1), 8, &length), STATUS_SUCCESS);
    assert_int_equal(length, 6);
    assert_int_equal(RtlUnalignedStringCbLengthW((const WCHAR *)(storage.bytes + 1), 7, &length),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnalignedStringCchLengthW(NULL, 4, &length), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnalignedStringCchLengthW(L"a", (size_t)NTSTRSAFE_MAX_CCH + 1, &length),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnalignedStringCbLengthW(L"a", ((size_t)NTSTRSAFE_MAX_CCH + 1) * sizeof(WCHAR), &length),
                     STATUS_INVALID_PARAMETER);
}

static void test_copy_unicode_string_to_buffer(void **state)
{
    (void)state;
    WCHAR sourceBuffer[] = {'d', 'e', 'v', 'X'};
    UNICODE_STRING source = {3 * sizeof(WCHAR), sizeof(sourceBuffer), sourceBuffer}; /* "dev", unterminated */
    WCHAR embeddedBuffer[] = {'a', 0, 'b'};
    UNICODE_STRING embedded = {sizeof(embeddedBuffer), sizeof(embeddedBuffer), embeddedBuffer};
    UNICODE_STRING empty = {0, 0, NULL};
    UNICODE_STRING bad = {1, sizeof(sourceBuffer), sourceBuffer};
    WCHAR wdest[8];
    WCHAR *wend;
    size_t remaining;

    assert_int_equal(RtlStringCchCopyUnicodeString(wdest, 8, &source), STATUS_SUCCESS);
    AssertWide(wdest, L"dev");
    assert_int_equal(RtlStringCchCopyUnicodeString(wdest, 4, &source), STATUS_SUCCESS); /* exact fit */
    AssertWide(wdest, L"dev");
    assert_int_equal(RtlStringCchCopyUnicodeString(wdest, 3, &source), STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"de");
    assert_int_equal(RtlStringCchCopyUnicodeString(wdest, 8, &embedded), STATUS_SUCCESS); /* all Length counts */
    assert_int_equal(wdest[0], 'a');
    assert_int_equal(wdest[1], 0);
    assert_int_equal(wdest[2], 'b');
    assert_int_equal(wdest[3], 0);
    assert_int_equal(RtlStringCchCopyUnicodeString(wdest, 8, &empty), STATUS_SUCCESS);
    assert_int_equal(wdest[0], 0);
    wdest[0] = 'x';
    assert_int_equal(RtlStringCchCopyUnicodeString(wdest, 8, &bad), STATUS_INVALID_PARAMETER);
    assert_int_equal(wdest[0], 0);
    assert_int_equal(RtlStringCchCopyUnicodeString(wdest, 0, &source), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchCopyUnicodeString(wdest, (size_t)NTSTRSAFE_MAX_CCH + 1, &source),
                     STATUS_INVALID_PARAMETER);

    assert_int_equal(RtlStringCbCopyUnicodeString(wdest, 8, &source), STATUS_SUCCESS);
    AssertWide(wdest, L"dev");
    assert_int_equal(RtlStringCbCopyUnicodeString(wdest, 7, &source), STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"de");
    assert_int_equal(RtlStringCbCopyUnicodeString(wdest, 1, &source), STATUS_INVALID_PARAMETER);

    assert_int_equal(RtlStringCchCopyUnicodeStringEx(wdest, 8, &source, &wend, &remaining, 0), STATUS_SUCCESS);
    AssertWide(wdest, L"dev");
    assert_ptr_equal(wend, wdest + 3);
    assert_int_equal(remaining, 5);
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(wdest, 2, &source, &wend, &remaining, 0),
                     STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"d");
    assert_int_equal(remaining, 1);
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(wdest, 8, NULL, &wend, &remaining, STRSAFE_IGNORE_NULLS),
                     STATUS_SUCCESS);
    assert_int_equal(wdest[0], 0);
    assert_int_equal(remaining, 8);
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(wdest, 8, NULL, NULL, NULL, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(NULL, 0, &empty, NULL, NULL, STRSAFE_IGNORE_NULLS),
                     STATUS_SUCCESS);
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(NULL, 0, &source, NULL, NULL, STRSAFE_IGNORE_NULLS),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(wdest, 8, &source, NULL, NULL, STRSAFE_FILL_BYTE(0x33)),
                     STATUS_SUCCESS);
    AssertWide(wdest, L"dev");
    assert_int_equal(wdest[4], 0x3333);
    assert_int_equal(wdest[7], 0x3333);
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(wdest, 3, &source, NULL, NULL, STRSAFE_NO_TRUNCATION),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(wdest[0], 0);
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(wdest, 3, &source, NULL, NULL, STRSAFE_FAILURE_BYTE(0x44)),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(wdest[0], 0x4444);
    assert_int_equal(wdest[1], 0x4444);
    assert_int_equal(wdest[2], 0);
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(wdest, 8, &bad, NULL, NULL, STRSAFE_IGNORE_NULLS),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(wdest, 8, &source, NULL, NULL, 0x00020000),
                     STATUS_INVALID_PARAMETER);

    assert_int_equal(RtlStringCbCopyUnicodeStringEx(wdest, 9, &source, &wend, &remaining, 0), STATUS_SUCCESS);
    AssertWide(wdest, L"dev");
    assert_int_equal(remaining, sizeof(WCHAR) + 1);
    assert_int_equal(RtlStringCbCopyUnicodeStringEx(wdest, 6, &source, &wend, &remaining, 0),
                     STATUS_BUFFER_OVERFLOW);
    AssertWide(wdest, L"de");
    assert_ptr_equal(wend, wdest + 2);
    assert_int_equal(remaining, sizeof(WCHAR));
    assert_int_equal(RtlStringCbCopyUnicodeStringEx(wdest, 6, &source, &wend, &remaining, STRSAFE_NULL_ON_FAILURE),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(wdest[0], 0);
    assert_int_equal(remaining, 6);
}

static void test_unicode_init_validate_ex(void **state)
{
    (void)state;
    UNICODE_STRING string;
    static WCHAR tooLong[32768];
    WCHAR buffer[4];
    UNICODE_STRING good = {2, sizeof(buffer), buffer};
    size_t i;

    assert_int_equal(RtlUnicodeStringInitEx(&string, L"abc", 0), STATUS_SUCCESS);
    assert_int_equal(string.Length, 6);
    assert_int_equal(string.MaximumLength, 8);
    AssertCounted(&string, L"abc");
    assert_int_equal(RtlUnicodeStringInitEx(&string, L"ab", STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(string.Length, 4);
    assert_int_equal(RtlUnicodeStringInitEx(&string, NULL, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(string.Length, 0);
    assert_int_equal(string.MaximumLength, 0);
    assert_null(string.Buffer);
    assert_int_equal(RtlUnicodeStringInitEx(&string, NULL, 0), STATUS_SUCCESS);
    assert_int_equal(RtlUnicodeStringInitEx(NULL, NULL, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(RtlUnicodeStringInitEx(NULL, L"a", STRSAFE_IGNORE_NULLS), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringInitEx(NULL, NULL, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringInit(NULL, L"a"), STATUS_INVALID_PARAMETER);
    /* Only STRSAFE_IGNORE_NULLS is a flag of InitEx and ValidateEx. */
    assert_int_equal(RtlUnicodeStringInitEx(&string, L"a", STRSAFE_FILL_BEHIND), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringInitEx(&string, L"a", STRSAFE_NO_TRUNCATION), STATUS_INVALID_PARAMETER);
    for (i = 0; i < 32767; i++)
        tooLong[i] = L'x';
    tooLong[32767] = 0;
    assert_int_equal(RtlUnicodeStringInitEx(&string, tooLong, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(string.Length, 0);
    assert_null(string.Buffer);
    tooLong[32766] = 0;
    assert_int_equal(RtlUnicodeStringInitEx(&string, tooLong, 0), STATUS_SUCCESS);
    assert_int_equal(string.Length, 65532);
    assert_int_equal(string.MaximumLength, 65534);

    assert_int_equal(RtlUnicodeStringValidateEx(&good, 0), STATUS_SUCCESS);
    assert_int_equal(RtlUnicodeStringValidateEx(&good, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(RtlUnicodeStringValidateEx(NULL, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(RtlUnicodeStringValidateEx(NULL, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringValidate(NULL), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringValidateEx(&good, STRSAFE_NO_TRUNCATION), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringValidateEx(&good, 0x00010000), STATUS_INVALID_PARAMETER);
    good.MaximumLength = 5; /* odd */
    assert_int_equal(RtlUnicodeStringValidateEx(&good, STRSAFE_IGNORE_NULLS), STATUS_INVALID_PARAMETER);
    good.MaximumLength = sizeof(buffer);
    good.Length = 10; /* above MaximumLength */
    assert_int_equal(RtlUnicodeStringValidateEx(&good, 0), STATUS_INVALID_PARAMETER);
    good.Buffer = NULL;
    good.Length = 0; /* a NULL Buffer with a MaximumLength */
    assert_int_equal(RtlUnicodeStringValidateEx(&good, STRSAFE_IGNORE_NULLS), STATUS_INVALID_PARAMETER);
}

static void test_unicode_copy_family(void **state)
{
    (void)state;
    WCHAR storage[6];
    UNICODE_STRING dest, remaining;
    WCHAR sourceBuffer[] = {'d', 'e', 'v', 'i', 'c', 'e', 'X', 'Y'};
    UNICODE_STRING source = {6 * sizeof(WCHAR), sizeof(sourceBuffer), sourceBuffer}; /* "device" */
    WCHAR embeddedBuffer[] = {'a', 0, 'b'};
    UNICODE_STRING embedded = {sizeof(embeddedBuffer), sizeof(embeddedBuffer), embeddedBuffer};
    UNICODE_STRING bad = {3, sizeof(sourceBuffer), sourceBuffer};

    /* RtlUnicodeStringCopyStringEx */
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCopyStringEx(&dest, L"abc", &remaining, 0), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"abc");
    AssertRemaining(&remaining, storage + 3, 3 * sizeof(WCHAR));
    assert_int_equal(RtlUnicodeStringCopyStringEx(&dest, L"abcdefgh", &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdef");
    AssertRemaining(&remaining, storage + 6, 0);
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCopyStringEx(&dest, L"abcdef", &remaining, 0), STATUS_SUCCESS); /* exact */
    AssertCounted(&dest, L"abcdef");

    /* RtlUnicodeStringCchCopyStringN / CbCopyStringN and their Ex forms */
    ResetUnicode(&dest, storage, 6, L"zz");
    assert_int_equal(RtlUnicodeStringCchCopyStringN(&dest, L"abcdef", 2), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"ab");
    assert_int_equal(RtlUnicodeStringCchCopyStringN(&dest, L"abcdefgh", 7), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdef");
    assert_int_equal(RtlUnicodeStringCchCopyStringN(&dest, L"ab", 0), STATUS_SUCCESS);
    assert_int_equal(dest.Length, 0);
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCbCopyStringN(&dest, L"abcdef", 3 * sizeof(WCHAR) + 1), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"abc");
    assert_int_equal(RtlUnicodeStringCbCopyStringN(&dest, L"abcdefgh", 8 * sizeof(WCHAR)), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdef");
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCchCopyStringNEx(&dest, L"xyz", 2, &remaining, 0), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"xy");
    AssertRemaining(&remaining, storage + 2, 4 * sizeof(WCHAR));
    assert_int_equal(RtlUnicodeStringCchCopyStringNEx(&dest, L"abcdefgh", 8, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdef");
    AssertRemaining(&remaining, storage + 6, 0);
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCbCopyStringNEx(&dest, L"abcdefgh", 4, &remaining, 0), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"ab");
    AssertRemaining(&remaining, storage + 2, 4 * sizeof(WCHAR));

    /* RtlUnicodeStringCopyEx, CchCopyN, CbCopyN and their Ex forms: the
     * source is counted, terminators in it are characters. */
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCopyEx(&dest, &source, &remaining, 0), STATUS_SUCCESS);
    AssertCounted(&dest, L"device");
    AssertRemaining(&remaining, storage + 6, 0);
    source.Length = sizeof(sourceBuffer);
    assert_int_equal(RtlUnicodeStringCopyEx(&dest, &source, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"device");
    source.Length = 6 * sizeof(WCHAR);
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCopy(&dest, &embedded), STATUS_SUCCESS);
    assert_int_equal(dest.Length, 3 * sizeof(WCHAR));
    assert_int_equal(storage[1], 0);
    assert_int_equal(storage[2], 'b');
    assert_int_equal(storage[3], GUARD);
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCchCopyN(&dest, &source, 3), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"dev");
    assert_int_equal(RtlUnicodeStringCchCopyN(&dest, &source, 100), STATUS_SUCCESS); /* the source is shorter */
    AssertCounted(&dest, L"device");
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCbCopyN(&dest, &source, 2 * sizeof(WCHAR)), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"de");
    ResetUnicode(&dest, storage, 4, NULL);
    assert_int_equal(RtlUnicodeStringCchCopyNEx(&dest, &source, 5, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"devi");
    AssertRemaining(&remaining, storage + 4, 0);
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCbCopyNEx(&dest, &source, 4 * sizeof(WCHAR), &remaining, 0), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"devi");
    AssertRemaining(&remaining, storage + 4, 2 * sizeof(WCHAR));

    /* A malformed source: invalid, and an emptied destination. */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCopyEx(&dest, &bad, &remaining, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(dest.Length, 0);
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCchCopyN(&dest, &bad, 1), STATUS_INVALID_PARAMETER);
    assert_int_equal(dest.Length, 0);
}

static void test_unicode_cat_family(void **state)
{
    (void)state;
    WCHAR storage[6];
    UNICODE_STRING dest, remaining;
    WCHAR sourceBuffer[] = {'c', 'd', 'e', 'f', 'g'};
    UNICODE_STRING source = {2 * sizeof(WCHAR), sizeof(sourceBuffer), sourceBuffer}; /* "cd" */
    UNICODE_STRING empty = {0, 0, NULL};
    UNICODE_STRING bad = {2, 1, sourceBuffer};

    /* RtlUnicodeStringCatStringEx */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCatStringEx(&dest, L"cd", &remaining, 0), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"abcd");
    AssertRemaining(&remaining, storage + 4, 2 * sizeof(WCHAR));
    assert_int_equal(RtlUnicodeStringCatStringEx(&dest, L"efgh", &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdef");
    AssertRemaining(&remaining, storage + 6, 0);
    assert_int_equal(RtlUnicodeStringCatStringEx(&dest, L"", &remaining, 0), STATUS_SUCCESS); /* full, nothing to add */
    assert_int_equal(RtlUnicodeStringCatStringEx(&dest, L"x", &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdef");

    /* RtlUnicodeStringCchCatStringN / CbCatStringN and their Ex forms */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCchCatStringN(&dest, L"cdef", 1), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"abc");
    assert_int_equal(RtlUnicodeStringCbCatStringN(&dest, L"defg", 2 * sizeof(WCHAR)), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"abcde");
    assert_int_equal(RtlUnicodeStringCchCatStringN(&dest, L"fgh", 3), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdef");
    ResetUnicode(&dest, storage, 6, L"a");
    assert_int_equal(RtlUnicodeStringCchCatStringNEx(&dest, L"bcdefgh", 2, &remaining, 0), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"abc");
    AssertRemaining(&remaining, storage + 3, 3 * sizeof(WCHAR));
    assert_int_equal(RtlUnicodeStringCbCatStringNEx(&dest, L"defgh", 5 * sizeof(WCHAR), &remaining, 0),
                     STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdef");
    AssertRemaining(&remaining, storage + 6, 0);

    /* RtlUnicodeStringCatEx, CchCatN, CbCatN and their Ex forms */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCatEx(&dest, &source, &remaining, 0), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"abcd");
    AssertRemaining(&remaining, storage + 4, 2 * sizeof(WCHAR));
    assert_int_equal(RtlUnicodeStringCatEx(&dest, &source, &remaining, 0), STATUS_SUCCESS); /* exactly full */
    AssertCounted(&dest, L"abcdcd");
    AssertRemaining(&remaining, storage + 6, 0);
    assert_int_equal(RtlUnicodeStringCatEx(&dest, &source, &remaining, 0), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdcd");
    assert_int_equal(RtlUnicodeStringCat(&dest, &empty), STATUS_SUCCESS);
    ResetUnicode(&dest, storage, 6, L"ab");
    source.Length = sizeof(sourceBuffer);
    assert_int_equal(RtlUnicodeStringCchCatN(&dest, &source, 1), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"abc");
    assert_int_equal(RtlUnicodeStringCbCatN(&dest, &source, 2 * sizeof(WCHAR)), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"abccd");
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCchCatNEx(&dest, &source, 3, &remaining, 0), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"abcde");
    AssertRemaining(&remaining, storage + 5, sizeof(WCHAR));
    assert_int_equal(RtlUnicodeStringCbCatNEx(&dest, &source, 4 * sizeof(WCHAR), &remaining, 0),
                     STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdec");

    /* A malformed source leaves the destination as it was. */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCatEx(&dest, &bad, &remaining, 0), STATUS_INVALID_PARAMETER);
    AssertCounted(&dest, L"ab");
    assert_int_equal(RtlUnicodeStringCchCatStringN(&dest, L"x", NTSTRSAFE_UNICODE_STRING_MAX_CCH + 1),
                     STATUS_INVALID_PARAMETER);
    AssertCounted(&dest, L"ab");
}

static void test_unicode_printf_ex(void **state)
{
    (void)state;
    WCHAR storage[6];
    UNICODE_STRING dest, remaining;

    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringPrintfEx(&dest, &remaining, 0, L"%d", 42), STATUS_SUCCESS);
    AssertCounted(&dest, L"42");
    AssertRemaining(&remaining, storage + 2, 4 * sizeof(WCHAR));
    assert_int_equal(RtlUnicodeStringPrintfEx(&dest, &remaining, 0, L"%ws", L"abcdef"), STATUS_SUCCESS); /* exact */
    AssertCounted(&dest, L"abcdef");
    AssertRemaining(&remaining, storage + 6, 0);
    assert_int_equal(RtlUnicodeStringPrintfEx(&dest, &remaining, 0, L"%ws", L"abcdefgh"), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"abcdef");
    AssertRemaining(&remaining, storage + 6, 0);
    assert_int_equal(UnicodeVPrintfEx(&dest, &remaining, 0, L"<%hs>", "v"), STATUS_SUCCESS);
    AssertCounted(&dest, L"<v>");
    AssertRemaining(&remaining, storage + 3, 3 * sizeof(WCHAR));
    assert_int_equal(UnicodeVPrintfEx(&dest, NULL, 0, L"%d", 1234567), STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"123456");
    assert_int_equal(UnicodeVPrintfEx(&dest, &remaining, STRSAFE_FILL_BEHIND | 0x55, L"x"), STATUS_SUCCESS);
    AssertCounted(&dest, L"x");
    assert_int_equal(storage[1], 0x5555); /* no terminator: filled from right behind the text */
    assert_int_equal(storage[5], 0x5555);
}

static void test_unicode_failure_flags(void **state)
{
    (void)state;
    WCHAR storage[6];
    UNICODE_STRING dest, remaining;

    /* STRSAFE_FILL_BEHIND: everything past Length. */
    ResetUnicode(&dest, storage, 6, NULL);
    assert_int_equal(RtlUnicodeStringCopyStringEx(&dest, L"ab", &remaining, STRSAFE_FILL_BYTE(0x11)), STATUS_SUCCESS);
    AssertCounted(&dest, L"ab");
    assert_int_equal(storage[2], 0x1111);
    assert_int_equal(storage[5], 0x1111);
    AssertRemaining(&remaining, storage + 2, 4 * sizeof(WCHAR));

    /* STRSAFE_FILL_ON_FAILURE: all of MaximumLength, which Length then covers. */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCatStringEx(&dest, L"cdefgh", &remaining, STRSAFE_FAILURE_BYTE(0x22)),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(dest.Length, 6 * sizeof(WCHAR));
    assert_int_equal(storage[0], 0x2222);
    assert_int_equal(storage[5], 0x2222);
    AssertRemaining(&remaining, storage + 6, 0);

    /* STRSAFE_ZERO_LENGTH_ON_FAILURE: Length 0. */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCatStringEx(&dest, L"ab", &remaining, STRSAFE_ZERO_LENGTH_ON_FAILURE),
                     STATUS_SUCCESS);
    AssertCounted(&dest, L"abab");
    assert_int_equal(RtlUnicodeStringPrintfEx(&dest, &remaining, STRSAFE_ZERO_LENGTH_ON_FAILURE, L"%d", 1234567),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(dest.Length, 0);
    AssertRemaining(&remaining, storage, 6 * sizeof(WCHAR));

    /* STRSAFE_NO_TRUNCATION: Length back to what it was. */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCatStringEx(&dest, L"cdefgh", &remaining, STRSAFE_NO_TRUNCATION),
                     STATUS_BUFFER_OVERFLOW);
    AssertCounted(&dest, L"ab");
    AssertRemaining(&remaining, storage + 2, 4 * sizeof(WCHAR));
    assert_int_equal(RtlUnicodeStringCopyStringEx(&dest, L"abcdefgh", &remaining, STRSAFE_NO_TRUNCATION),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(dest.Length, 0);
    AssertRemaining(&remaining, storage, 6 * sizeof(WCHAR));

    /* On an invalid parameter the flags act too; RemainingString is left. */
    ResetUnicode(&dest, storage, 6, L"ab");
    remaining.Buffer = NULL;
    remaining.Length = 2;
    remaining.MaximumLength = 2;
    assert_int_equal(RtlUnicodeStringCopyStringEx(&dest, NULL, &remaining, STRSAFE_FAILURE_BYTE(0x33)),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(dest.Length, 6 * sizeof(WCHAR));
    assert_int_equal(storage[0], 0x3333);
    assert_null(remaining.Buffer);
    assert_int_equal(remaining.Length, 2);

    /* Unknown flags: invalid; Copy leaves Length 0, Cat leaves it alone. */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCatStringEx(&dest, L"c", NULL, 0x00010000), STATUS_INVALID_PARAMETER);
    AssertCounted(&dest, L"ab");
    assert_int_equal(RtlUnicodeStringCopyStringEx(&dest, L"c", NULL, 0x00010000), STATUS_INVALID_PARAMETER);
    assert_int_equal(dest.Length, 0);
    assert_int_equal(RtlUnicodeStringPrintfEx(&dest, NULL, 0x80000000, L"c"), STATUS_INVALID_PARAMETER);
}

static void test_unicode_null_pointers(void **state)
{
    (void)state;
    WCHAR storage[6];
    UNICODE_STRING dest, remaining;
    UNICODE_STRING nullBuffer = {0, 0, NULL};
    WCHAR one[] = {'a'};
    UNICODE_STRING zeroMaximum = {0, 0, one};

    /* Without STRSAFE_IGNORE_NULLS, NULL is invalid. */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCopyStringEx(&dest, NULL, NULL, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(dest.Length, 0);
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCatEx(&dest, NULL, NULL, 0), STATUS_INVALID_PARAMETER);
    AssertCounted(&dest, L"ab");
    assert_int_equal(RtlUnicodeStringCopyString(NULL, L"a"), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringCopyEx(NULL, &dest, NULL, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringPrintfEx(&dest, NULL, 0, NULL), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringCatString(&dest, NULL), STATUS_INVALID_PARAMETER);

    /* With it NULL reads as empty; a NULL destination takes only "". */
    ResetUnicode(&dest, storage, 6, L"ab");
    assert_int_equal(RtlUnicodeStringCatStringEx(&dest, NULL, &remaining, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    AssertUnterminated(&dest, L"ab");
    AssertRemaining(&remaining, storage + 2, 4 * sizeof(WCHAR));
    assert_int_equal(RtlUnicodeStringCopyEx(&dest, NULL, &remaining, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(dest.Length, 0);
    assert_int_equal(RtlUnicodeStringCchCopyStringNEx(&dest, NULL, 4, NULL, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(RtlUnicodeStringCbCatNEx(&dest, NULL, 4, NULL, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(RtlUnicodeStringPrintfEx(&dest, NULL, STRSAFE_IGNORE_NULLS, NULL), STATUS_SUCCESS);
    assert_int_equal(dest.Length, 0);
    assert_int_equal(RtlUnicodeStringCopyStringEx(NULL, L"", &remaining, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    AssertRemaining(&remaining, NULL, 0);
    assert_int_equal(RtlUnicodeStringCopyStringEx(NULL, NULL, NULL, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(RtlUnicodeStringCopyStringEx(NULL, L"a", NULL, STRSAFE_IGNORE_NULLS), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringCchCatNEx(NULL, &dest, 1, NULL, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);
    assert_int_equal(RtlUnicodeStringPrintfEx(NULL, NULL, STRSAFE_IGNORE_NULLS, L"%d", 1), STATUS_INVALID_PARAMETER);

    /* A structure with a NULL Buffer cannot take anything; a real buffer of
     * MaximumLength 0 is full. */
    assert_int_equal(RtlUnicodeStringCopyString(&nullBuffer, L"a"), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringCatString(&nullBuffer, L""), STATUS_SUCCESS);
    assert_int_equal(RtlUnicodeStringCopyString(&zeroMaximum, L"a"), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(RtlUnicodeStringPrintf(&zeroMaximum, L"a"), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(zeroMaximum.Length, 0);
}

static void test_unicode_maximum_sizes(void **state)
{
    (void)state;
    static WCHAR source[32768];
    static WCHAR storage[32767];
    UNICODE_STRING dest = {0, 65534, storage};
    UNICODE_STRING counted = {65534, 65534, source};
    size_t i;

    for (i = 0; i < 32767; i++)
        source[i] = L'x';
    source[32767] = 0;

    /* A full-size UNICODE_STRING holds NTSTRSAFE_UNICODE_STRING_MAX_CCH characters. */
    assert_int_equal(RtlUnicodeStringCopyString(&dest, source), STATUS_SUCCESS);
    assert_int_equal(dest.Length, 65534);
    assert_int_equal(RtlUnicodeStringCatString(&dest, L"y"), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(dest.Length, 65534);
    assert_int_equal(RtlUnicodeStringCchCopyN(&dest, &counted, NTSTRSAFE_UNICODE_STRING_MAX_CCH), STATUS_SUCCESS);
    assert_int_equal(dest.Length, 65534);
    assert_int_equal(RtlUnicodeStringCbCopyStringN(&dest, source, 65534), STATUS_SUCCESS);
    assert_int_equal(dest.Length, 65534);
    assert_int_equal(RtlUnicodeStringPrintfEx(&dest, NULL, 0, L"%wsy", source), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(dest.Length, 65534);

    /* Counts above the limit are invalid. */
    assert_int_equal(RtlUnicodeStringCchCopyStringN(&dest, L"a", NTSTRSAFE_UNICODE_STRING_MAX_CCH + 1),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(dest.Length, 0);
    assert_int_equal(RtlUnicodeStringCbCopyStringN(&dest, L"a", 65535), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringCchCopyNEx(&dest, &counted, 32768, NULL, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringCbCatNEx(&dest, &counted, 65536, NULL, 0), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringCbCatStringNEx(&dest, L"a", 65535, NULL, 0), STATUS_INVALID_PARAMETER);
    /* MaximumLength 0xFFFF is odd, the only USHORT above the limit. */
    dest.MaximumLength = 0xFFFF;
    assert_int_equal(RtlUnicodeStringCopyString(&dest, L"a"), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringValidateEx(&dest, 0), STATUS_INVALID_PARAMETER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_string_results),
        cmocka_unit_test(test_unicode_string_init_and_validate),
        cmocka_unit_test(test_unicode_string_copy_and_cat),
        cmocka_unit_test(test_unicode_string_printf),
        cmocka_unit_test(test_flags_and_limits),
        cmocka_unit_test(test_copy_ex_forms),
        cmocka_unit_test(test_cat_ex_forms),
        cmocka_unit_test(test_printf_ex_forms),
        cmocka_unit_test(test_ex_failure_flags),
        cmocka_unit_test(test_ex_null_pointers),
        cmocka_unit_test(test_ex_maximum_sizes),
        cmocka_unit_test(test_length_functions),
        cmocka_unit_test(test_copy_unicode_string_to_buffer),
        cmocka_unit_test(test_unicode_init_validate_ex),
        cmocka_unit_test(test_unicode_copy_family),
        cmocka_unit_test(test_unicode_cat_family),
        cmocka_unit_test(test_unicode_printf_ex),
        cmocka_unit_test(test_unicode_failure_flags),
        cmocka_unit_test(test_unicode_null_pointers),
        cmocka_unit_test(test_unicode_maximum_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
