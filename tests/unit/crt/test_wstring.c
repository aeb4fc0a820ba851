/*
 * test_wstring.c - the string side of ntk's CRT as an application sees it
 * (16-bit wchar_t): wide string functions, wide classification, number and
 * multibyte conversions, the MS narrow extras and bounds-checked functions,
 * the <malloc.h> extras, and the narrow <tchar.h> mapping.
 * (src/crt/wstring.c, wctype.c, convert.c, string_ms.c, heap.c.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>

#include <ctype.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#pragma push_macro("_WIN32")
#pragma push_macro("_WIN64")
#undef _WIN32
#undef _WIN64
#include <cmocka.h>
#pragma pop_macro("_WIN64")
#pragma pop_macro("_WIN32")

#include <windows.h>
#include <tchar.h>

static void AssertWide(const wchar_t *Actual, const wchar_t *Expected)
{
    size_t i;
    for (i = 0; Expected[i] != 0; i++)
        assert_int_equal(Actual[i], Expected[i]);
    assert_int_equal(Actual[i], 0);
}

/* --------------------------------------------------------- wide strings */

static void test_wide_basics(void **state)
{
    (void)state;
    wchar_t buffer[32];
    const wchar_t *text = L"h\u00E9llo world";

    assert_int_equal(wcslen(L""), 0);
    assert_int_equal(wcslen(text), 11);
    assert_int_equal(wcsnlen(text, 4), 4);
    assert_int_equal(wcsnlen(L"ab", 10), 2);
    assert_ptr_equal(wcscpy(buffer, L"abc"), buffer);
    AssertWide(buffer, L"abc");
    wcscat(buffer, L"def");
    AssertWide(buffer, L"abcdef");
    wcsncat(buffer, L"ghijk", 2);
    AssertWide(buffer, L"abcdefgh");

    wmemset(buffer, L'#', 8);
    wcsncpy(buffer, L"ab", 5); /* pads with terminators */
    assert_int_equal(buffer[2], 0);
    assert_int_equal(buffer[4], 0);
    assert_int_equal(buffer[5], L'#');
    wcsncpy(buffer, L"abcdef", 3); /* no terminator when cut */
    assert_int_equal(buffer[2], L'c');
    assert_int_equal(buffer[3], 0);

    assert_int_equal(wcscmp(L"abc", L"abc"), 0);
    assert_int_equal(wcscmp(L"abc", L"abd"), -1);
    assert_int_equal(wcscmp(L"\u00E9", L"e"), 1); /* by code unit, unsigned */
    assert_int_equal(wcsncmp(L"abcX", L"abcY", 3), 0);
    assert_int_equal(wcsncmp(L"ab", L"abc", 3), -1);
    assert_int_equal(wcscoll(L"a", L"b"), -1);

    assert_ptr_equal(wcschr(text, L'l'), text + 2);
    assert_ptr_equal(wcschr(text, 0), text + 11);
    assert_null(wcschr(text, L'z'));
    assert_ptr_equal(wcsrchr(text, L'l'), text + 9);
    assert_ptr_equal(wcsstr(text, L"wor"), text + 6);
    assert_ptr_equal(wcsstr(text, L""), text);
    assert_null(wcsstr(text, L"xyz"));
    assert_ptr_equal(wcspbrk(text, L"ow"), text + 4);
    assert_int_equal(wcsspn(L"aabbc", L"ab"), 4);
    assert_int_equal(wcscspn(L"abc,d", L",;"), 3);
}

static void test_wide_memory(void **state)
{
    (void)state;
    wchar_t buffer[8] = {0};

    wmemcpy(buffer, L"abcdef", 6);
    assert_int_equal(wmemcmp(buffer, L"abcdef", 6), 0);
    assert_int_equal(wmemcmp(buffer, L"abcdeg", 6), -1);
    wmemmove(buffer + 1, buffer, 5);
    assert_int_equal(wmemcmp(buffer, L"aabcde", 6), 0);
    assert_ptr_equal(wmemchr(buffer, L'c', 6), buffer + 3);
    assert_null(wmemchr(buffer, L'z', 6));
    assert_ptr_equal(wmemset(buffer, 0x20AC, 3), buffer);
    assert_int_equal(buffer[2], 0x20AC);
}

static void test_wide_tokens(void **state)
{
    (void)state;
    wchar_t text[] = L"  a,b;;c  ";
    wchar_t again[] = L"x y";
    wchar_t third[] = L"p:q";
    wchar_t *context = NULL;

    AssertWide(wcstok(text, L" ,;", &context), L"a");
    AssertWide(wcstok(NULL, L" ,;", &context), L"b");
    AssertWide(wcstok(NULL, L" ,;", &context), L"c");
    assert_null(wcstok(NULL, L" ,;", &context));

    AssertWide(_wcstok(again, L" "), L"x");
    AssertWide(_wcstok(NULL, L" "), L"y");
    assert_null(_wcstok(NULL, L" "));

    context = NULL;
    AssertWide(wcstok_s(third, L":", &context), L"p");
    AssertWide(wcstok_s(NULL, L":", &context), L"q");
    errno = 0;
    assert_null(wcstok_s(NULL, L":", NULL));
    assert_int_equal(errno, EINVAL);
}

static void test_wide_ms_extras(void **state)
{
    (void)state;
    wchar_t text[] = L"MiXeD \u00C9";
    wchar_t *copy;

    assert_int_equal(_wcsicmp(L"Hello", L"hELLO"), 0);
    assert_true(_wcsicmp(L"a", L"B") < 0);
    assert_true(_wcsicmp(L"\u00C9", L"\u00E9") != 0); /* ASCII-only folding */
    assert_int_equal(_wcsnicmp(L"ABCx", L"abcy", 3), 0);
    assert_true(_wcsnicmp(L"ABCx", L"abcy", 4) < 0);
    assert_int_equal(_wcsicmp(NULL, L"x"), _NLSCMPERROR);

    AssertWide(_wcslwr(text), L"mixed \u00C9");
    AssertWide(_wcsupr(text), L"MIXED \u00C9");
    AssertWide(_wcsrev(text), L"\u00C9 DEXIM");
    copy = _wcsdup(L"dup");
    AssertWide(copy, L"dup");
    free(copy);
    assert_null(_wcsdup(NULL));
    AssertWide(_wcsset(text, L'z'), L"zzzzzzz");
    AssertWide(_wcsnset(text, L'y', 2), L"yyzzzzz");
    AssertWide(wcsupr(text), L"YYZZZZZ"); /* old name */
}

/* ------------------------------------------------------ classification */

static void test_wide_classification(void **state)
{
    (void)state;
    assert_true(iswalpha(L'a') && iswalpha(L'Z') && !iswalpha(L'1'));
    assert_true(iswalpha(0x00E9) && iswlower(0x00E9) && !iswupper(0x00E9));
    assert_true(iswupper(0x00C9) && !iswlower(0x00C9));
    assert_true(iswalpha(0x0416) && iswupper(0x0416) && iswlower(0x0436)); /* Cyrillic */
    assert_true(iswupper(0x0391) && iswlower(0x03B1));                     /* Greek */
    assert_true(iswupper(0x0100) && iswlower(0x0101));                     /* Latin Extended-A */
    assert_true(iswalpha(0x4E2D) && !iswupper(0x4E2D));                    /* CJK */
    assert_true(!iswalpha(0x00D7) && iswpunct(0x00D7));                    /* multiplication sign */
    assert_true(iswdigit(L'7') && !iswdigit(L'a') && iswdigit(0xFF15));    /* fullwidth 5 */
    assert_true(iswxdigit(L'f') && iswxdigit(L'F') && !iswxdigit(L'g'));
    assert_true(iswspace(L' ') && iswspace(L'\t') && iswspace(0x00A0) && iswspace(0x3000));
    assert_true(!iswspace(L'x'));
    assert_true(iswblank(L' ') && iswblank(L'\t') && !iswblank(L'\n'));
    assert_true(iswpunct(L'!') && !iswpunct(L'a') && !iswpunct(L' '));
    assert_true(iswalnum(L'a') && iswalnum(L'0') && !iswalnum(L'-'));
    assert_true(iswprint(L' ') && iswprint(L'a') && !iswprint(L'\t') && !iswprint(0x7F));
    assert_true(iswgraph(L'a') && !iswgraph(L' '));
    assert_true(iswcntrl(L'\n') && iswcntrl(0x85) && !iswcntrl(L'a'));
    assert_true(!iswprint(0xD800) && !iswalpha(WEOF));
    assert_true(iswascii(L'a') && !iswascii(0x80));
    assert_true(iswctype(L'a', _ALPHA) && iswctype(L'A', _UPPER) && !iswctype(L'a', _UPPER));
    assert_true(iswctype(L'q', wctype("alpha")) && !iswctype(L'q', wctype("digit")));
    assert_int_equal(wctype("nonsense"), 0);

    /* Case mapping is ASCII-only, as in MS's "C" locale. */
    assert_int_equal(towupper(L'a'), L'A');
    assert_int_equal(towlower(L'Q'), L'q');
    assert_int_equal(towupper(0x00E9), 0x00E9);
    assert_int_equal(towlower(L'1'), L'1');
    assert_int_equal(sizeof(wint_t), 2);
    assert_int_equal(WEOF, 0xFFFF);
}

/* ----------------------------------------------------- number conversion */

static void test_wide_to_number(void **state)
{
    (void)state;
    const wchar_t *text = L"  -123abc";
    wchar_t *end;

    assert_int_equal(wcstol(text, &end, 10), -123);
    assert_ptr_equal(end, text + 6);
    assert_int_equal(wcstol(L"0x1F", &end, 16), 31);
    assert_int_equal(wcstol(L"0x1F", NULL, 0), 31);
    assert_int_equal(wcstol(L"017", NULL, 0), 15);
    assert_int_equal(wcstol(L"z", NULL, 36), 35);

    /* 32-bit long: out of range saturates with ERANGE. */
    errno = 0;
    assert_int_equal(wcstol(L"2147483648", NULL, 10), 2147483647);
    assert_int_equal(errno, ERANGE);
    errno = 0;
    assert_int_equal(wcstol(L"-2147483648", NULL, 10), -2147483647L - 1);
    assert_int_equal(errno, 0);
    errno = 0;
    assert_int_equal(wcstoul(L"4294967296", NULL, 10), 0xFFFFFFFFUL);
    assert_int_equal(errno, ERANGE);
    assert_int_equal(wcstoul(L"-1", NULL, 10), 0xFFFFFFFFUL);
    assert_int_equal(wcstoul(L"4294967295", NULL, 10), 0xFFFFFFFFUL);

    assert_int_equal(wcstoll(L"-9223372036854775808", NULL, 10), (long long)0x8000000000000000ULL);
    errno = 0;
    assert_int_equal(wcstoull(L"18446744073709551616", NULL, 10), 0xFFFFFFFFFFFFFFFFULL);
    assert_int_equal(errno, ERANGE);
    assert_int_equal(_wcstoi64(L"  +42", NULL, 10), 42);
    assert_int_equal(_wcstoui64(L"ff", NULL, 16), 255);

    /* No digits: 0 and the end pointer at the start. */
    assert_int_equal(wcstol(L"  x", &end, 10), 0);
    assert_int_equal(*end, L' ');
    /* An invalid base is an invalid parameter. */
    errno = 0;
    assert_int_equal(wcstol(L"12", &end, 37), 0);
    assert_int_equal(errno, EINVAL);

    assert_int_equal(_wtoi(L" 77x"), 77);
    assert_int_equal(_wtoi(L"99999999999"), 2147483647);
    assert_int_equal(_wtol(L"-5"), -5);
    assert_int_equal(_wtoi64(L"12345678901"), 12345678901LL);
    assert_int_equal(_wtoll(L"-1"), -1);
    assert_true(wcstod(L" 2.5e1x", &end) == 25.0);
    assert_int_equal(*end, L'x');
    assert_true(_wtof(L"-0.5") == -0.5);
    assert_true(wcstod(L"nope", &end) == 0.0);
    assert_int_equal(*end, L'n');
}

static void test_narrow_to_number(void **state)
{
    (void)state;
    char *end;

    errno = 0;
    assert_int_equal(strtol("4294967295", &end, 10), 2147483647);
    assert_int_equal(errno, ERANGE);
    assert_int_equal(*end, '\0');
    errno = 0;
    assert_int_equal(strtoul("4294967295", NULL, 10), 0xFFFFFFFFUL);
    assert_int_equal(errno, 0);
    assert_int_equal(strtoul("-2", NULL, 10), 0xFFFFFFFEUL);
    assert_int_equal(atoi("-12x"), -12);
    assert_int_equal(atol("3000000000"), 2147483647);
    assert_int_equal(_atoi64("3000000000"), 3000000000LL);
    assert_int_equal(_strtoi64("-0x10", NULL, 16), -16);
    assert_int_equal(_strtoui64("777", NULL, 8), 511);
}

static void test_number_to_text(void **state)
{
    (void)state;
    char text[80];
    wchar_t wide[80];

    assert_string_equal(_itoa(-123, text, 10), "-123");
    assert_string_equal(_itoa(-1, text, 16), "ffffffff");
    assert_string_equal(_itoa(5, text, 2), "101");
    assert_string_equal(_ltoa(-7, text, 10), "-7");
    assert_string_equal(_ultoa(0xFFFFFFFFUL, text, 10), "4294967295");
    assert_string_equal(_i64toa(-1LL, text, 16), "ffffffffffffffff");
    assert_string_equal(_i64toa(-9223372036854775807LL - 1, text, 10), "-9223372036854775808");
    assert_string_equal(_ui64toa(0xFFFFFFFFFFFFFFFFULL, text, 10), "18446744073709551615");
    assert_string_equal(_ui64toa(35, text, 36), "z");
    assert_string_equal(itoa(12, text, 10), "12"); /* old name */
    AssertWide(_itow(-45, wide, 10), L"-45");
    AssertWide(_ltow(255, wide, 16), L"ff");
    AssertWide(_ultow(8, wide, 8), L"10");
    AssertWide(_i64tow(-2, wide, 10), L"-2");
    AssertWide(_ui64tow(10, wide, 2), L"1010");

    assert_int_equal(_itoa_s(1234, text, 5, 10), 0);
    assert_string_equal(text, "1234");
    errno = 0;
    assert_int_equal(_itoa_s(12345, text, 5, 10), ERANGE);
    assert_string_equal(text, "");
    assert_int_equal(_itoa_s(1, text, sizeof(text), 1), EINVAL);
    assert_int_equal(_itoa_s(1, NULL, 4, 10), EINVAL);
    assert_int_equal(_i64toa_s(-1, text, 3, 10), 0);
    assert_string_equal(text, "-1");
    assert_int_equal(_ui64toa_s(7, text, 2, 10), 0);
    assert_int_equal(_ltoa_s(-1, text, sizeof(text), 16), 0);
    assert_string_equal(text, "ffffffff");
    assert_int_equal(_ultoa_s(1, text, sizeof(text), 10), 0);
    assert_int_equal(_itow_s(99, wide, 3, 10), 0);
    AssertWide(wide, L"99");
    assert_int_equal(_itow_s(100, wide, 3, 10), ERANGE);
    assert_int_equal(_ltow_s(1, wide, 2, 10), 0);
    assert_int_equal(_ultow_s(1, wide, 2, 10), 0);
    assert_int_equal(_i64tow_s(-1, wide, 3, 10), 0);
    assert_int_equal(_ui64tow_s(1, wide, 2, 10), 0);
}

/* ------------------------------------------------ multibyte = UTF-8 */

static void test_multibyte(void **state)
{
    (void)state;
    wchar_t wide[16];
    char bytes[16];

    assert_int_equal(MB_CUR_MAX, 4);
    assert_int_equal(mbstowcs(wide, "h\xC3\xA9\xF0\x9F\x98\x80", 16), 4);
    AssertWide(wide, L"h\u00E9\U0001F600");
    assert_int_equal(mbstowcs(NULL, "h\xC3\xA9\xF0\x9F\x98\x80", 0), 4);
    /* count reached: no terminator, never half a pair */
    wmemset(wide, L'#', 16);
    assert_int_equal(mbstowcs(wide, "h\xC3\xA9\xF0\x9F\x98\x80", 3), 2);
    assert_int_equal(wide[2], L'#');
    errno = 0;
    assert_int_equal(mbstowcs(wide, "a\xFF", 16), (size_t)-1);
    assert_int_equal(errno, EILSEQ);

    assert_int_equal(wcstombs(bytes, L"h\u00E9\U0001F600", sizeof(bytes)), 7);
    assert_string_equal(bytes, "h\xC3\xA9\xF0\x9F\x98\x80");
    assert_int_equal(wcstombs(NULL, L"\u20AC", 0), 3);
    memset(bytes, '#', sizeof(bytes));
    assert_int_equal(wcstombs(bytes, L"a\u20AC", 3), 1); /* the euro does not fit */
    assert_int_equal(bytes[1], '#');
    {
        const wchar_t lone[] = {L'a', 0xDC00, 0};
        errno = 0;
        assert_int_equal(wcstombs(bytes, lone, sizeof(bytes)), (size_t)-1);
        assert_int_equal(errno, EILSEQ);
    }

    assert_int_equal(mbtowc(wide, "\xC3\xA9z", 3), 2);
    assert_int_equal(wide[0], 0x00E9);
    assert_int_equal(mbtowc(wide, "", 1), 0);
    assert_int_equal(mbtowc(NULL, NULL, 0), 0);
    assert_int_equal(mbtowc(wide, "\xF0\x9F\x98\x80", 4), -1); /* needs two wchar_t */
    assert_int_equal(mbtowc(wide, "\xC3", 1), -1);
    assert_int_equal(wctomb(bytes, 0x20AC), 3);
    assert_memory_equal(bytes, "\xE2\x82\xAC", 3);
    assert_int_equal(wctomb(bytes, 0xD800), -1);
    assert_int_equal(wctomb(NULL, L'a'), 0);
    assert_int_equal(mblen("\xE2\x82\xAC", 3), 3);
    assert_int_equal(mblen("\xE2\x82", 2), -1);
    assert_int_equal(btowc('a'), L'a');
    assert_int_equal(btowc(0xC3), WEOF);
    assert_int_equal(wctob(L'a'), 'a');
    assert_int_equal(wctob(0x00E9), EOF);
    assert_true(mbsinit(NULL));
}

/* ------------------------------------------------- narrow MS extras */

static void test_narrow_ms_extras(void **state)
{
    (void)state;
    char text[] = "MiXeD";
    char *copy;
    char tokens[] = "a b";
    char *context = NULL;

    assert_int_equal(_stricmp("Hello", "hELLO"), 0);
    assert_true(_stricmp("apple", "BANANA") < 0);
    assert_int_equal(stricmp("x", "X"), 0);
    assert_int_equal(_strnicmp("ABCx", "abcy", 3), 0);
    assert_true(strnicmp("ABCx", "abcy", 4) < 0);
    assert_int_equal(_strcmpi("q", "Q"), 0);
    assert_int_equal(_memicmp("AbC", "aBc", 3), 0);
    assert_string_equal(_strlwr(text), "mixed");
    assert_string_equal(_strupr(text), "MIXED");
    assert_string_equal(_strrev(text), "DEXIM");
    assert_string_equal(_strnset(text, 'x', 2), "xxXIM");
    assert_string_equal(_strset(text, 'y'), "yyyyy");
    copy = _strdup("dup");
    assert_string_equal(copy, "dup");
    free(copy);
    assert_int_equal(strnlen_s(NULL, 5), 0);
    assert_int_equal(strnlen_s("abcdef", 3), 3);
    assert_string_equal(strtok_s(tokens, " ", &context), "a");
    assert_string_equal(strtok_s(NULL, " ", &context), "b");
    assert_true(__isascii('a') && !__isascii(0x80));
}

/* The documented error table of the bounds-checked functions, both widths. */
static void test_secure_copy(void **state)
{
    (void)state;
    char dest[5];
    wchar_t wdest[5];

    assert_int_equal(strcpy_s(dest, sizeof(dest), "abcd"), 0);
    assert_string_equal(dest, "abcd");
    assert_int_equal(strcpy_s(dest, sizeof(dest), "abcde"), ERANGE);
    assert_string_equal(dest, "");
    strcpy(dest, "x");
    assert_int_equal(strcpy_s(dest, sizeof(dest), NULL), EINVAL);
    assert_string_equal(dest, "");
    strcpy(dest, "x");
    assert_int_equal(strcpy_s(dest, 0, "a"), EINVAL);
    assert_string_equal(dest, "x"); /* size 0: not touched */
    assert_int_equal(strcpy_s(NULL, 5, "a"), EINVAL);

    strcpy(dest, "ab");
    assert_int_equal(strcat_s(dest, sizeof(dest), "cd"), 0);
    assert_string_equal(dest, "abcd");
    strcpy(dest, "ab");
    assert_int_equal(strcat_s(dest, sizeof(dest), "cde"), ERANGE);
    assert_string_equal(dest, "");
    memset(dest, 'z', sizeof(dest));
    assert_int_equal(strcat_s(dest, sizeof(dest), "a"), EINVAL); /* not terminated */
    assert_string_equal(dest, "");

    assert_int_equal(strncpy_s(dest, sizeof(dest), "abcdef", 3), 0);
    assert_string_equal(dest, "abc");
    assert_int_equal(strncpy_s(dest, sizeof(dest), "abcdef", 5), ERANGE);
    assert_string_equal(dest, "");
    assert_int_equal(strncpy_s(dest, sizeof(dest), "abcdef", _TRUNCATE), STRUNCATE);
    assert_string_equal(dest, "abcd");
    assert_int_equal(strncpy_s(dest, sizeof(dest), "ab", _TRUNCATE), 0);
    assert_string_equal(dest, "ab");
    assert_int_equal(strncpy_s(dest, sizeof(dest), "abc", 0), 0);
    assert_string_equal(dest, "");
    assert_int_equal(strncpy_s(NULL, 0, "abc", 0), 0);

    strcpy(dest, "a");
    assert_int_equal(strncat_s(dest, sizeof(dest), "bcdef", 2), 0);
    assert_string_equal(dest, "abc");
    assert_int_equal(strncat_s(dest, sizeof(dest), "defg", _TRUNCATE), STRUNCATE);
    assert_string_equal(dest, "abcd");
    strcpy(dest, "abc");
    assert_int_equal(strncat_s(dest, sizeof(dest), "xyz", 3), ERANGE);
    assert_string_equal(dest, "");
    strcpy(dest, "abc");
    assert_int_equal(strncat_s(dest, sizeof(dest), NULL, 0), 0);
    assert_string_equal(dest, "abc");

    assert_int_equal(wcscpy_s(wdest, 5, L"abcd"), 0);
    AssertWide(wdest, L"abcd");
    assert_int_equal(wcscpy_s(wdest, 5, L"abcde"), ERANGE);
    assert_int_equal(wdest[0], 0);
    wcscpy(wdest, L"ab");
    assert_int_equal(wcscat_s(wdest, 5, L"cd"), 0);
    AssertWide(wdest, L"abcd");
    assert_int_equal(wcsncpy_s(wdest, 5, L"\u00E9\u00E9\u00E9\u00E9\u00E9", _TRUNCATE), STRUNCATE);
    AssertWide(wdest, L"\u00E9\u00E9\u00E9\u00E9");
    wcscpy(wdest, L"a");
    assert_int_equal(wcsncat_s(wdest, 5, L"bcdef", 2), 0);
    AssertWide(wdest, L"abc");
    assert_int_equal(wcsnlen_s(L"abc", 10), 3);
    assert_int_equal(wcsnlen_s(NULL, 10), 0);
}

static void test_secure_memory(void **state)
{
    (void)state;
    char dest[4] = "zzz";
    wchar_t wdest[4];

    assert_int_equal(memcpy_s(dest, sizeof(dest), "abcd", 4), 0);
    assert_memory_equal(dest, "abcd", 4);
    assert_int_equal(memcpy_s(dest, sizeof(dest), "abcde", 5), ERANGE);
    assert_memory_equal(dest, "\0\0\0\0", 4); /* cleared */
    memcpy(dest, "abcd", 4);
    assert_int_equal(memcpy_s(dest, sizeof(dest), NULL, 2), EINVAL);
    assert_memory_equal(dest, "\0\0\0\0", 4);
    assert_int_equal(memcpy_s(NULL, 0, NULL, 0), 0);

    memcpy(dest, "abcd", 4);
    assert_int_equal(memmove_s(dest + 1, 3, dest, 3), 0);
    assert_memory_equal(dest, "aabc", 4);
    assert_int_equal(memmove_s(dest, 2, "xyz", 3), ERANGE);
    assert_memory_equal(dest, "aabc", 4); /* memmove_s leaves it alone */

    assert_int_equal(wmemcpy_s(wdest, 4, L"abcd", 4), 0);
    assert_int_equal(wmemcmp(wdest, L"abcd", 4), 0);
    assert_int_equal(wmemmove_s(wdest, 4, L"xy", 2), 0);
    assert_int_equal(wmemcmp(wdest, L"xycd", 4), 0);
    assert_int_equal(wmemcpy_s(wdest, 2, L"abc", 3), ERANGE);
}

/* ------------------------------------------------------------ malloc.h */

static void test_aligned_allocation(void **state)
{
    (void)state;
    void *block = _aligned_malloc(100, 64);
    void *small;

    assert_non_null(block);
    assert_int_equal((uintptr_t)block % 64, 0);
    _aligned_free(block);
    block = _aligned_malloc(10, 2);
    assert_non_null(block);
    _aligned_free(block);
    errno = 0;
    assert_null(_aligned_malloc(16, 3));
    assert_int_equal(errno, EINVAL);
    small = _malloca(32);
    assert_non_null(small);
    memset(small, 1, 32);
    _freea(small);
    block = _alloca(16);
    assert_non_null(block);
}

/* --------------------------------------------------------------- tchar.h */

static void test_tchar_narrow(void **state)
{
    (void)state;
    TCHAR buffer[16];

    assert_int_equal(sizeof(TCHAR), 1);
    assert_int_equal(sizeof(_TCHAR), 1);
    _tcscpy(buffer, _T("abc"));
    _tcscat(buffer, _TEXT("de"));
    assert_int_equal(_tcslen(buffer), 5);
    assert_int_equal(_tcsicmp(buffer, _T("ABCDE")), 0);
    assert_int_equal(_ttoi(_T("42")), 42);
    assert_int_equal(_tcstol(_T("ff"), NULL, 16), 255);
    assert_int_equal(_sntprintf(buffer, 16, _T("%d-%s"), 7, _T("x")), 3);
    assert_string_equal(buffer, "7-x");
    assert_int_equal(_totupper('q'), 'Q');
    assert_true(_istdigit('5') && _istspace(' '));
    assert_ptr_equal(_tcschr(buffer, '-'), buffer + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wide_basics),
        cmocka_unit_test(test_wide_memory),
        cmocka_unit_test(test_wide_tokens),
        cmocka_unit_test(test_wide_ms_extras),
        cmocka_unit_test(test_wide_classification),
        cmocka_unit_test(test_wide_to_number),
        cmocka_unit_test(test_narrow_to_number),
        cmocka_unit_test(test_number_to_text),
        cmocka_unit_test(test_multibyte),
        cmocka_unit_test(test_narrow_ms_extras),
        cmocka_unit_test(test_secure_copy),
        cmocka_unit_test(test_secure_memory),
        cmocka_unit_test(test_aligned_allocation),
        cmocka_unit_test(test_tchar_narrow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
