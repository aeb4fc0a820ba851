/*
 * test_strings.c - the counted-string routines of src/nt/rtl/string.c:
 * integer conversions, case, 8-bit STRINGs, prefixes, UTF-8 sizes and
 * conversions, creation/duplication, hashing and character search, with
 * Windows' return statuses; wdm.h's RtlInitEmpty*String inlines.
 */
#include "ntk_test.h"

#include <wdm.h>
#include <ntstatus.h>

void ntk_boot(void);

#define DECLARE_BUFFER_STRING(Name, Chars) \
    WCHAR Name##Buffer[Chars];             \
    UNICODE_STRING Name = {0, sizeof(Name##Buffer), Name##Buffer}

static void AssertUnicode(PCUNICODE_STRING String, const char *Expected)
{
    size_t n = strlen(Expected);
    assert_int_equal(String->Length, n * sizeof(WCHAR));
    for (size_t i = 0; i < n; i++)
        assert_int_equal(String->Buffer[i], (WCHAR)(unsigned char)Expected[i]);
}

static void test_integer_to_unicode_string(void **state)
{
    (void)state;
    DECLARE_BUFFER_STRING(s, 40);
    UNICODE_STRING small;
    WCHAR smallBuffer[3];

    assert_int_equal(RtlIntegerToUnicodeString(1234, 0, &s), STATUS_SUCCESS);
    AssertUnicode(&s, "1234");
    assert_int_equal(s.Buffer[4], 0);
    assert_int_equal(RtlIntegerToUnicodeString(0xBEEF, 16, &s), STATUS_SUCCESS);
    AssertUnicode(&s, "BEEF");
    assert_int_equal(RtlIntegerToUnicodeString(5, 2, &s), STATUS_SUCCESS);
    AssertUnicode(&s, "101");
    assert_int_equal(RtlIntegerToUnicodeString(8, 8, &s), STATUS_SUCCESS);
    AssertUnicode(&s, "10");
    assert_int_equal(RtlIntegerToUnicodeString(0xFFFFFFFF, 10, &s), STATUS_SUCCESS);
    AssertUnicode(&s, "4294967295");
    assert_int_equal(RtlIntegerToUnicodeString(5, 7, &s), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlInt64ToUnicodeString(0x123456789ABCDEF0ull, 16, &s), STATUS_SUCCESS);
    AssertUnicode(&s, "123456789ABCDEF0");
    assert_int_equal(RtlInt64ToUnicodeString(18446744073709551615ull, 0, &s), STATUS_SUCCESS);
    AssertUnicode(&s, "18446744073709551615");
    assert_int_equal(RtlInt64ToUnicodeString(1, 3, &s), STATUS_INVALID_PARAMETER);

    /* Room for the digits and the NUL is needed. */
    small.Buffer = smallBuffer;
    small.Length = 0;
    small.MaximumLength = sizeof(smallBuffer);
    assert_int_equal(RtlIntegerToUnicodeString(12, 10, &small), STATUS_SUCCESS);
    AssertUnicode(&small, "12");
    assert_int_equal(RtlIntegerToUnicodeString(123, 10, &small), STATUS_BUFFER_OVERFLOW);
}

static void test_integer_to_char(void **state)
{
    (void)state;
    char buffer[40];

    memset(buffer, 'x', sizeof(buffer));
    assert_int_equal(RtlIntegerToChar(255, 16, sizeof(buffer), buffer), STATUS_SUCCESS);
    assert_string_equal(buffer, "FF");
    /* Exactly the digits: no NUL is written. */
    memset(buffer, 'x', sizeof(buffer));
    assert_int_equal(RtlIntegerToChar(255, 10, 3, buffer), STATUS_SUCCESS);
    assert_memory_equal(buffer, "255x", 4);
    assert_int_equal(RtlIntegerToChar(255, 10, 2, buffer), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(RtlIntegerToChar(1, 5, sizeof(buffer), buffer), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlIntegerToChar(0, 0, sizeof(buffer), buffer), STATUS_SUCCESS);
    assert_string_equal(buffer, "0");
}

static void test_char_to_integer(void **state)
{
    (void)state;
    ULONG v;

    assert_int_equal(RtlCharToInteger("  1234", 0, &v), STATUS_SUCCESS);
    assert_int_equal(v, 1234);
    assert_int_equal(RtlCharToInteger("-12", 10, &v), STATUS_SUCCESS);
    assert_int_equal(v, (ULONG)-12);
    assert_int_equal(RtlCharToInteger("+0x1F", 0, &v), STATUS_SUCCESS);
    assert_int_equal(v, 31);
    assert_int_equal(RtlCharToInteger("0o17", 0, &v), STATUS_SUCCESS);
    assert_int_equal(v, 15);
    assert_int_equal(RtlCharToInteger("0b101", 0, &v), STATUS_SUCCESS);
    assert_int_equal(v, 5);
    assert_int_equal(RtlCharToInteger("ff", 16, &v), STATUS_SUCCESS);
    assert_int_equal(v, 255);
    /* Prefixes only with base 0; digits stop at the first non-digit. */
    assert_int_equal(RtlCharToInteger("0x10", 10, &v), STATUS_SUCCESS);
    assert_int_equal(v, 0);
    assert_int_equal(RtlCharToInteger("129z", 8, &v), STATUS_SUCCESS);
    assert_int_equal(v, 10);
    assert_int_equal(RtlCharToInteger("", 0, &v), STATUS_SUCCESS);
    assert_int_equal(v, 0);
    assert_int_equal(RtlCharToInteger("12", 3, &v), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlCharToInteger("12", 10, NULL), STATUS_ACCESS_VIOLATION);
}

static void test_unicode_string_to_integer(void **state)
{
    (void)state;
    UNICODE_STRING s;
    ULONG v;

    RtlInitUnicodeString(&s, L" -0x10");
    assert_int_equal(RtlUnicodeStringToInteger(&s, 0, &v), STATUS_SUCCESS);
    assert_int_equal(v, (ULONG)-16);
    /* Only Length counts, not the NUL. */
    RtlInitUnicodeString(&s, L"98765");
    s.Length = 3 * sizeof(WCHAR);
    assert_int_equal(RtlUnicodeStringToInteger(&s, 10, &v), STATUS_SUCCESS);
    assert_int_equal(v, 987);
    RtlInitUnicodeString(&s, L"0b11");
    assert_int_equal(RtlUnicodeStringToInteger(&s, 0, &v), STATUS_SUCCESS);
    assert_int_equal(v, 3);
    assert_int_equal(RtlUnicodeStringToInteger(&s, 9, &v), STATUS_INVALID_PARAMETER);
}

static void test_case_conversion(void **state)
{
    (void)state;
    UNICODE_STRING src, dst;
    DECLARE_BUFFER_STRING(out, 8);
    DECLARE_BUFFER_STRING(tiny, 2);

    RtlInitUnicodeString(&src, L"MiXeD \x00E9\x0436");
    assert_int_equal(RtlUpcaseUnicodeString(&dst, &src, TRUE), STATUS_SUCCESS);
    assert_int_equal(dst.Length, src.Length);
    assert_int_equal(dst.Buffer[0], L'M');
    assert_int_equal(dst.Buffer[1], L'I');
    assert_int_equal(dst.Buffer[6], 0x00C9);
    assert_int_equal(dst.Buffer[7], 0x0416);
    RtlFreeUnicodeString(&dst);
    assert_null(dst.Buffer);

    assert_int_equal(RtlDowncaseUnicodeString(&out, &src, FALSE), STATUS_SUCCESS);
    assert_int_equal(out.Length, src.Length);
    out.Length -= sizeof(WCHAR);
    AssertUnicode(&out, "mixed \xe9");
    assert_int_equal(out.Buffer[7], 0x0436);
    assert_int_equal(RtlUpcaseUnicodeString(&tiny, &src, FALSE), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(RtlDowncaseUnicodeString(&tiny, &src, FALSE), STATUS_BUFFER_OVERFLOW);

    assert_int_equal(RtlDowncaseUnicodeChar(L'Q'), L'q');
    assert_int_equal(RtlDowncaseUnicodeChar(0x0178), 0x00FF);
    assert_int_equal(RtlDowncaseUnicodeChar(0x0401), 0x0451);
    assert_int_equal(RtlDowncaseUnicodeChar(0x00D7), 0x00D7);
    assert_int_equal(RtlDowncaseUnicodeChar(L'1'), L'1');
    /* Round trip with RtlUpcaseUnicodeChar. */
    for (WCHAR c = 0; c < 0x500; c++) {
        WCHAR up = RtlUpcaseUnicodeChar(c);
        if (up != c)
            assert_int_equal(RtlDowncaseUnicodeChar(up), c);
    }
    assert_int_equal(RtlUpperChar('a'), 'A');
    assert_int_equal(RtlUpperChar((CHAR)0xE9), (CHAR)0xE9);
}

static void test_counted_8bit_strings(void **state)
{
    (void)state;
    STRING a, b, d;
    char buffer[8];

    RtlInitString(&a, "abc");
    RtlInitString(&b, "ABD");
    assert_true(RtlCompareString(&a, &b, TRUE) < 0);
    assert_true(RtlCompareString(&a, &b, FALSE) > 0);
    RtlInitString(&b, "ABC");
    assert_int_equal(RtlCompareString(&a, &b, TRUE), 0);
    assert_true(RtlEqualString(&a, &b, TRUE));
    assert_false(RtlEqualString(&a, &b, FALSE));
    RtlInitString(&b, "abcd");
    assert_true(RtlCompareString(&a, &b, FALSE) < 0);
    assert_false(RtlEqualString(&a, &b, FALSE));

    d.Buffer = buffer;
    d.MaximumLength = sizeof(buffer);
    RtlCopyString(&d, &a);
    assert_int_equal(d.Length, 3);
    assert_string_equal(buffer, "abc");
    RtlCopyString(&d, NULL);
    assert_int_equal(d.Length, 0);
    /* Copies truncate to MaximumLength. */
    d.MaximumLength = 2;
    RtlCopyString(&d, &a);
    assert_int_equal(d.Length, 2);
    assert_memory_equal(buffer, "ab", 2);

    d.MaximumLength = sizeof(buffer);
    RtlUpperString(&d, &a);
    assert_int_equal(d.Length, 3);
    assert_memory_equal(buffer, "ABC", 3);

    assert_int_equal(RtlAppendStringToString(&d, &a), STATUS_SUCCESS);
    assert_int_equal(d.Length, 6);
    assert_memory_equal(buffer, "ABCabc", 6);
    assert_int_equal(RtlAppendStringToString(&d, &a), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(d.Length, 6);

    RtlInitString(&a, "ab");
    RtlInitString(&b, "ABc");
    assert_true(RtlPrefixString(&a, &b, TRUE));
    assert_false(RtlPrefixString(&a, &b, FALSE));
    assert_false(RtlPrefixString(&b, &a, TRUE));
}

static void test_prefix_unicode_string(void **state)
{
    (void)state;
    UNICODE_STRING a, b;

    RtlInitUnicodeString(&a, L"\\Device");
    RtlInitUnicodeString(&b, L"\\DEVICE\\Foo");
    assert_true(RtlPrefixUnicodeString(&a, &b, TRUE));
    assert_false(RtlPrefixUnicodeString(&a, &b, FALSE));
    assert_false(RtlPrefixUnicodeString(&b, &a, TRUE));
    RtlInitUnicodeString(&a, L"");
    assert_true(RtlPrefixUnicodeString(&a, &b, FALSE));
}

static void test_utf8_sizes_and_conversions(void **state)
{
    (void)state;
    UNICODE_STRING u;
    ANSI_STRING a;
    char mb[16];
    WCHAR wide[8];
    ULONG n;

    /* U+00E9 is 2 UTF-8 bytes, U+20AC 3, U+1F600 (a surrogate pair) 4. */
    RtlInitUnicodeString(&u, L"a\x00E9\x20AC\xD83D\xDE00");
    assert_int_equal(RtlUnicodeStringToAnsiSize(&u), 1 + 2 + 3 + 4 + 1);
    assert_int_equal(RtlUnicodeToMultiByteSize(&n, u.Buffer, u.Length), STATUS_SUCCESS);
    assert_int_equal(n, 10);
    RtlInitAnsiString(&a, "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    assert_int_equal(RtlAnsiStringToUnicodeSize(&a), (5 + 1) * sizeof(WCHAR));
    assert_int_equal(RtlMultiByteToUnicodeSize(&n, a.Buffer, a.Length), STATUS_SUCCESS);
    assert_int_equal(n, 5 * sizeof(WCHAR));

    assert_int_equal(RtlUnicodeToMultiByteN(mb, sizeof(mb), &n, u.Buffer, u.Length), STATUS_SUCCESS);
    assert_int_equal(n, 10);
    assert_memory_equal(mb, a.Buffer, 10);
    /* Truncation is silent and at a whole character. */
    assert_int_equal(RtlUnicodeToMultiByteN(mb, 5, &n, u.Buffer, u.Length), STATUS_SUCCESS);
    assert_int_equal(n, 3);
    assert_int_equal(RtlUnicodeToMultiByteN(mb, 5, NULL, u.Buffer, u.Length), STATUS_SUCCESS);

    assert_int_equal(RtlMultiByteToUnicodeN(wide, sizeof(wide), &n, a.Buffer, a.Length), STATUS_SUCCESS);
    assert_int_equal(n, 5 * sizeof(WCHAR));
    assert_memory_equal(wide, u.Buffer, u.Length);
    assert_int_equal(RtlMultiByteToUnicodeN(wide, 4 * sizeof(WCHAR), &n, a.Buffer, a.Length), STATUS_SUCCESS);
    assert_int_equal(n, 3 * sizeof(WCHAR)); /* never half a surrogate pair */
}

static void test_create_and_duplicate(void **state)
{
    (void)state;
    UNICODE_STRING s, d, empty = {0, 0, NULL};

    assert_true(RtlCreateUnicodeString(&s, L"hello"));
    assert_int_equal(s.Length, 10);
    assert_int_equal(s.MaximumLength, 12);
    assert_int_equal(s.Buffer[5], 0);

    assert_int_equal(RtlDuplicateUnicodeString(RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE, &s, &d), STATUS_SUCCESS);
    assert_int_equal(d.Length, 10);
    assert_int_equal(d.MaximumLength, 12);
    assert_int_equal(d.Buffer[5], 0);
    assert_memory_equal(d.Buffer, s.Buffer, 10);
    RtlFreeUnicodeString(&d);
    assert_int_equal(RtlDuplicateUnicodeString(0, &s, &d), STATUS_SUCCESS);
    assert_int_equal(d.MaximumLength, 10);
    RtlFreeUnicodeString(&d);

    assert_int_equal(RtlDuplicateUnicodeString(RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE, &empty, &d),
                     STATUS_SUCCESS);
    assert_null(d.Buffer);
    assert_int_equal(d.MaximumLength, 0);
    assert_int_equal(RtlDuplicateUnicodeString(3, &empty, &d), STATUS_SUCCESS);
    assert_non_null(d.Buffer);
    assert_int_equal(d.Length, 0);
    assert_int_equal(d.MaximumLength, 2);
    assert_int_equal(d.Buffer[0], 0);
    RtlFreeUnicodeString(&d);
    assert_int_equal(RtlDuplicateUnicodeString(RTL_DUPLICATE_UNICODE_STRING_ALLOCATE_NULL_STRING, &s, &d),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlDuplicateUnicodeString(4, &s, &d), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlDuplicateUnicodeString(0, NULL, &d), STATUS_INVALID_PARAMETER);
    RtlFreeUnicodeString(&s);
}

static void test_init_ex(void **state)
{
    (void)state;
    UNICODE_STRING u;
    ANSI_STRING a;
    static WCHAR longWide[0x8000];
    static char longNarrow[0x10000];

    assert_int_equal(RtlInitUnicodeStringEx(&u, L"abc"), STATUS_SUCCESS);
    assert_int_equal(u.Length, 6);
    assert_int_equal(u.MaximumLength, 8);
    assert_int_equal(RtlInitUnicodeStringEx(&u, NULL), STATUS_SUCCESS);
    assert_int_equal(u.Length, 0);
    assert_null(u.Buffer);
    for (int i = 0; i < 0x7FFF; i++)
        longWide[i] = L'x';
    longWide[0x7FFF] = 0;
    assert_int_equal(RtlInitUnicodeStringEx(&u, longWide), STATUS_NAME_TOO_LONG);
    longWide[0x7FFE] = 0; /* 0x7FFE characters: 0xFFFC bytes, fits */
    assert_int_equal(RtlInitUnicodeStringEx(&u, longWide), STATUS_SUCCESS);
    assert_int_equal(u.Length, 0xFFFC);
    assert_int_equal(u.MaximumLength, 0xFFFE);

    assert_int_equal(RtlInitAnsiStringEx(&a, "abcd"), STATUS_SUCCESS);
    assert_int_equal(a.Length, 4);
    assert_int_equal(a.MaximumLength, 5);
    memset(longNarrow, 'y', 0xFFFF);
    longNarrow[0xFFFF] = 0;
    assert_int_equal(RtlInitAnsiStringEx(&a, longNarrow), STATUS_NAME_TOO_LONG);
}

static void test_hash(void **state)
{
    (void)state;
    UNICODE_STRING a, b;
    ULONG h1, h2;

    RtlInitUnicodeString(&a, L"Ab");
    RtlInitUnicodeString(&b, L"aB");
    assert_int_equal(RtlHashUnicodeString(&a, FALSE, HASH_STRING_ALGORITHM_X65599, &h1), STATUS_SUCCESS);
    assert_int_equal(h1, (ULONG)('A' * 65599u + 'b'));
    assert_int_equal(RtlHashUnicodeString(&a, TRUE, HASH_STRING_ALGORITHM_DEFAULT, &h1), STATUS_SUCCESS);
    assert_int_equal(RtlHashUnicodeString(&b, TRUE, HASH_STRING_ALGORITHM_DEFAULT, &h2), STATUS_SUCCESS);
    assert_int_equal(h1, h2);
    assert_int_equal(h1, (ULONG)('A' * 65599u + 'B'));
    assert_int_equal(RtlHashUnicodeString(&a, TRUE, 7, &h1), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlHashUnicodeString(NULL, TRUE, 0, &h1), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlHashUnicodeString(&a, TRUE, 0, NULL), STATUS_INVALID_PARAMETER);
}

static void test_init_empty(void **state)
{
    (void)state;
    WCHAR wide[16];
    CHAR narrow[8];
    UNICODE_STRING u = {5, 5, NULL};
    ANSI_STRING a = {5, 5, NULL};

    RtlInitEmptyUnicodeString(&u, wide, sizeof wide);
    assert_int_equal(u.Length, 0);
    assert_int_equal(u.MaximumLength, sizeof wide);
    assert_ptr_equal(u.Buffer, wide);
    assert_int_equal(RtlAppendUnicodeToString(&u, L"abc"), STATUS_SUCCESS);
    AssertUnicode(&u, "abc");

    RtlInitEmptyAnsiString(&a, narrow, sizeof narrow);
    assert_int_equal(a.Length, 0);
    assert_int_equal(a.MaximumLength, sizeof narrow);
    assert_ptr_equal(a.Buffer, narrow);
}

static void test_find_char(void **state)
{
    (void)state;
    UNICODE_STRING s, set;
    USHORT pos;

    RtlInitUnicodeString(&s, L"a\\b\\c");
    RtlInitUnicodeString(&set, L"\\");
    assert_int_equal(RtlFindCharInUnicodeString(0, &s, &set, &pos), STATUS_SUCCESS);
    assert_int_equal(pos, 2 * sizeof(WCHAR));
    assert_int_equal(RtlFindCharInUnicodeString(RTL_FIND_CHAR_IN_UNICODE_STRING_START_AT_END, &s, &set, &pos),
                     STATUS_SUCCESS);
    assert_int_equal(pos, 3 * sizeof(WCHAR));
    assert_int_equal(RtlFindCharInUnicodeString(RTL_FIND_CHAR_IN_UNICODE_STRING_COMPLEMENT_CHAR_SET, &s, &set, &pos),
                     STATUS_SUCCESS);
    assert_int_equal(pos, 1 * sizeof(WCHAR));
    RtlInitUnicodeString(&set, L"B");
    assert_int_equal(RtlFindCharInUnicodeString(0, &s, &set, &pos), STATUS_NOT_FOUND);
    assert_int_equal(pos, 0);
    assert_int_equal(RtlFindCharInUnicodeString(RTL_FIND_CHAR_IN_UNICODE_STRING_CASE_INSENSITIVE, &s, &set, &pos),
                     STATUS_SUCCESS);
    assert_int_equal(pos, 3 * sizeof(WCHAR));
    assert_int_equal(RtlFindCharInUnicodeString(8, &s, &set, &pos), STATUS_INVALID_PARAMETER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integer_to_unicode_string),
        cmocka_unit_test(test_integer_to_char),
        cmocka_unit_test(test_char_to_integer),
        cmocka_unit_test(test_unicode_string_to_integer),
        cmocka_unit_test(test_case_conversion),
        cmocka_unit_test(test_counted_8bit_strings),
        cmocka_unit_test(test_prefix_unicode_string),
        cmocka_unit_test(test_utf8_sizes_and_conversions),
        cmocka_unit_test(test_create_and_duplicate),
        cmocka_unit_test(test_init_ex),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_find_char),
        cmocka_unit_test(test_init_empty),
    };
    ntk_boot();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
