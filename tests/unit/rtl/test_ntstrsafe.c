/*
 * test_ntstrsafe.c - <ntstrsafe.h> as drivers use it: the NTSTATUS results
 * of the RtlString* functions (the behaviour they share with <strsafe.h>
 * is covered in detail by tests/unit/crt/test_strsafe.c) and the
 * UNICODE_STRING functions, which only the kernel flavour has.
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_string_results),
        cmocka_unit_test(test_unicode_string_init_and_validate),
        cmocka_unit_test(test_unicode_string_copy_and_cat),
        cmocka_unit_test(test_unicode_string_printf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
