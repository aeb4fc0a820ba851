/*
 * test_format.c - ntk's MS-semantics formatting engine (RtlpFormatNarrow,
 * RtlpFormatWide) and the UTF-8/UTF-16 helpers (src/nt/rtl/format.c,
 * src/nt/rtl/utf.c).
 *
 * Expected strings are what the Microsoft CRT / DbgPrint print for the same
 * format and arguments on x64 Windows: 32-bit %ld, 16-digit upper-case %p,
 * %wZ of a counted string, the %s/%S swap of the wide family, and so on.
 */
#include "ntk_test.h"

#include <math.h>

#include <ntdef.h>
#include <internal/rtl_format.h>

/* ------------------------------------------------------------- helpers */

static char NarrowOut[4096];
static WCHAR WideOut[2048];
static RTLP_FORMAT_STATUS LastStatus;
static ULONGLONG LastTotal;

/* Formats into NarrowOut (terminated) and keeps the status and length. */
static const char *FmtA(const char *Format, ...)
{
    RTLP_FORMAT_SINK sink;
    va_list arguments;

    memset(NarrowOut, 0x55, sizeof(NarrowOut));
    RtlpFormatSinkInitBuffer(&sink, NarrowOut, sizeof(NarrowOut) - 1);
    va_start(arguments, Format);
    LastStatus = RtlpFormatNarrow(&sink, Format, arguments);
    va_end(arguments);
    NarrowOut[sink.Used] = '\0';
    LastTotal = sink.Total;
    return NarrowOut;
}

static const WCHAR *FmtW(const WCHAR *Format, ...)
{
    RTLP_FORMAT_SINK sink;
    va_list arguments;

    RtlpFormatSinkInitBuffer(&sink, WideOut, sizeof(WideOut) / sizeof(WCHAR) - 1);
    va_start(arguments, Format);
    LastStatus = RtlpFormatWide(&sink, Format, arguments);
    va_end(arguments);
    WideOut[sink.Used] = 0;
    LastTotal = sink.Total;
    return WideOut;
}

static size_t WideLength(const WCHAR *Text)
{
    size_t n = 0;
    while (Text[n] != 0)
        n++;
    return n;
}

/* Compares wide strings and shows both (as code units) when they differ. */
static void AssertWide(const WCHAR *Actual, const WCHAR *Expected, int Line)
{
    size_t i;
    char actualText[512], expectedText[512];
    size_t a = 0, e = 0;

    for (i = 0; Actual[i] == Expected[i]; i++) {
        if (Actual[i] == 0)
            return;
    }
    for (i = 0; Actual[i] != 0 && a < sizeof(actualText) - 8; i++)
        a += (size_t)snprintf(actualText + a, sizeof(actualText) - a, "%04x ", Actual[i]);
    for (i = 0; Expected[i] != 0 && e < sizeof(expectedText) - 8; i++)
        e += (size_t)snprintf(expectedText + e, sizeof(expectedText) - e, "%04x ", Expected[i]);
    actualText[a] = expectedText[e] = '\0';
    fail_msg("line %d: wide strings differ\n  actual:   %s\n  expected: %s", Line, actualText, expectedText);
}
#define assert_wide_equal(actual, expected) AssertWide((actual), (expected), __LINE__)

#define assert_fmt(expected, ...)                              \
    do {                                                       \
        assert_string_equal(FmtA(__VA_ARGS__), (expected));    \
        assert_int_equal(LastStatus, RtlpFormatOk);            \
        assert_int_equal(LastTotal, strlen(expected));         \
    } while (0)

#define assert_wfmt(expected, ...)                             \
    do {                                                       \
        assert_wide_equal(FmtW(__VA_ARGS__), (expected));      \
        assert_int_equal(LastStatus, RtlpFormatOk);            \
        assert_int_equal(LastTotal, WideLength(expected));     \
    } while (0)

static double DoubleFromBits(ULONGLONG Bits)
{
    double value;
    memcpy(&value, &Bits, sizeof(value));
    return value;
}

/* ------------------------------------------------------------ integers */

static void test_decimal(void **state)
{
    (void)state;
    assert_fmt("0", "%d", 0);
    assert_fmt("-42 42", "%d %i", -42, 42);
    assert_fmt("2147483647 -2147483648", "%d %d", 2147483647, (int)0x80000000);
    assert_fmt("4294967295", "%u", 0xFFFFFFFFu);
    assert_fmt("   42|42   |00042", "%5d|%-5d|%05d", 42, 42, 42);
    assert_fmt("+42 -42  42", "%+d %+d % d", 42, -42, 42);
    assert_fmt("+42", "%+ d", 42);
    assert_fmt("-0042", "%05d", -42);
    assert_fmt("001|  001|-001", "%.3d|%5.3d|%.3d", 1, 1, -1);
    assert_fmt("     001", "%08.3d", 1); /* the precision turns zero padding off */
    assert_fmt("|", "%.0d|", 0);
    assert_fmt("   |", "%3.0d|", 0);
    assert_fmt("42", "%u", 42u);
}

static void test_long_is_32_bits(void **state)
{
    (void)state;
    LONG negative = -5;
    ULONG all = 0xFFFFFFFF;
    assert_fmt("-5", "%ld", negative);
    assert_fmt("4294967295", "%lu", all);
    assert_fmt("ffffffff", "%lx", (LONG)-1);
    assert_fmt("FFFFFFFF", "%lX", all);
    assert_fmt("37777777777", "%lo", all);
    /* A GCC `long` (64-bit) passed to %ld: Windows reads 32 bits. */
    assert_fmt("5", "%ld", (long)0x100000005L);
    assert_fmt("-1 7", "%I32d %I32u", -1, 7u);
    assert_fmt("ffffffff", "%I32x", 0xFFFFFFFFu);
}

static void test_sized(void **state)
{
    (void)state;
    assert_fmt("-1234567890123", "%lld", -1234567890123LL);
    assert_fmt("18446744073709551615", "%llu", 0xFFFFFFFFFFFFFFFFULL);
    assert_fmt("123456789abcdef0", "%I64x", 0x123456789ABCDEF0ULL);
    assert_fmt("123456789ABCDEF0", "%I64X", 0x123456789ABCDEF0ULL);
    assert_fmt("-9223372036854775808", "%I64d", (LONGLONG)0x8000000000000000ULL);
    assert_fmt("fedcba9876543210", "%Ix", (ULONG_PTR)0xFEDCBA9876543210ULL);
    assert_fmt("18446744073709551615", "%Iu", (SIZE_T)-1);
    assert_fmt("-1", "%Id", (LONG_PTR)-1);
    assert_fmt("18446744073709551615 -1", "%zu %zd", (SIZE_T)-1, (LONG_PTR)-1);
    assert_fmt("-3 4294967296", "%td %jd", (LONG_PTR)-3, (LONGLONG)0x100000000LL);
    assert_fmt("1 65535 -1", "%hd %hu %hd", 65537, 65535, 0xFFFF);
    assert_fmt("1 255 -1 ff", "%hhd %hhu %hhd %hhx", 257, 255, 255, 0x1FF);
}

static void test_hex_octal_alternate(void **state)
{
    (void)state;
    assert_fmt("ff FF 0xff 0XFF", "%x %X %#x %#X", 255, 255, 255, 255);
    assert_fmt("0 0", "%#x %#X", 0, 0); /* the prefix only for nonzero values */
    assert_fmt("17 017 0 0", "%o %#o %#o %o", 15, 15, 0, 0);
    assert_fmt("0", "%#.0o", 0);
    assert_fmt("00017", "%#.5o", 15);
    assert_fmt("0x00ff", "%#06x", 255);
    assert_fmt("  0xff", "%#6x", 255);
    assert_fmt("0x0000ff", "%#.6x", 255);
}

static void test_pointer(void **state)
{
    (void)state;
    assert_fmt("0000000000001234", "%p", (void *)0x1234);
    assert_fmt("0000000000000000", "%p", NULL);
    assert_fmt("FFFFFFFFFFFFFFFF", "%p", (void *)-1);
    assert_fmt("    0000000000001234", "%20p", (void *)0x1234);
    assert_fmt("0000000000001234    |", "%-20p|", (void *)0x1234);
    assert_fmt("    0000000000001234", "%020p", (void *)0x1234); /* '0' is ignored */
    assert_fmt("0X0000000000001234", "%#p", (void *)0x1234);
}

static void test_star_width_precision(void **state)
{
    (void)state;
    assert_fmt("   42", "%*d", 5, 42);
    assert_fmt("42   |", "%*d|", -5, 42);
    assert_fmt("3.14", "%.*f", 2, 3.14159);
    assert_fmt("abc", "%.*s", -1, "abc");
    assert_fmt("  ab", "%*.*s", 4, 2, "abcdef");
}

/* ------------------------------------------------- characters, strings */

static void test_narrow_family_strings(void **state)
{
    (void)state;
    assert_fmt("abc", "%s", "abc");
    assert_fmt("ab", "%.2s", "abc");
    assert_fmt("       abc|abc       |", "%10s|%-10s|", "abc", "abc");
    assert_fmt("00abc", "%05s", "abc"); /* MS pads strings with zeros too */
    assert_fmt("(null)", "%s", (char *)NULL);
    assert_fmt("(nu", "%.3s", (char *)NULL);
    assert_fmt("(null)", "%ws", (WCHAR *)NULL);
    assert_fmt("x", "%c", 'x');
    assert_fmt("  x|x  |", "%3c|%-3c|", 'x', 'x');
    assert_fmt("y", "%hc", 'y');
    assert_fmt("narrow", "%hs", "narrow");
    assert_fmt("%", "%%");
    assert_fmt("a%b", "a%%b");
}

static void test_wide_strings_in_narrow_family(void **state)
{
    (void)state;
    assert_fmt("wide", "%ws", L"wide");
    assert_fmt("wide", "%ls", L"wide");
    assert_fmt("wide", "%S", L"wide");
    assert_fmt("wide", "%wS", L"wide");
    /* Non-ASCII becomes UTF-8. */
    assert_fmt("h\xC3\xA9llo", "%ws", L"h\u00E9llo");
    assert_fmt("\xE2\x82\xAC", "%S", L"\u20AC");
    /* A surrogate pair is one 4-byte character. */
    assert_fmt("<\xF0\x9F\x98\x80>", "<%ws>", L"\U0001F600");
    /* Unpaired surrogates become U+FFFD. */
    {
        WCHAR lone[] = {'a', 0xD83D, 'b', 0xDE00, 0};
        assert_fmt("a\xEF\xBF\xBD" "b\xEF\xBF\xBD", "%ws", lone);
    }
    /* Width and precision count UTF-16 units of the argument, as MS does. */
    assert_fmt("h\xC3\xA9llo   |", "%-8ws|", L"h\u00E9llo");
    assert_fmt("   h\xC3\xA9llo|", "%8ws|", L"h\u00E9llo");
    assert_fmt("h\xC3\xA9", "%.2ws", L"h\u00E9llo");
    assert_fmt("\xF0\x9F\x98\x80", "%.2ws", L"\U0001F600x");
    assert_fmt("|", "%.1ws|", L"\U0001F600x"); /* never half a pair */
    assert_fmt("  \xF0\x9F\x98\x80|", "%4ws|", L"\U0001F600");
    /* Wide characters. */
    assert_fmt("\xC3\xA9", "%C", L'\u00E9');
    assert_fmt("z", "%wc", L'z');
    assert_fmt("z", "%lc", L'z');
    assert_fmt("\xEF\xBF\xBD", "%wc", 0xD800);
}

static void test_counted_strings(void **state)
{
    (void)state;
    char ansiBuffer[] = "abcdef";
    ANSI_STRING ansi = {3, sizeof(ansiBuffer), ansiBuffer};
    WCHAR unicodeBuffer[] = {'d', 'r', 'v', 0x00E9, 'X', 'Y'}; /* not terminated */
    UNICODE_STRING unicode = {4 * sizeof(WCHAR), sizeof(unicodeBuffer), unicodeBuffer};
    UNICODE_STRING noBuffer = {0, 0, NULL};
    UNICODE_STRING empty = {0, 2, unicodeBuffer};

    assert_fmt("abc", "%Z", &ansi);
    assert_fmt("abc", "%hZ", &ansi);
    assert_fmt("drv\xC3\xA9", "%wZ", &unicode);
    assert_fmt("drv\xC3\xA9", "%lZ", &unicode);
    assert_fmt("[  drv\xC3\xA9]", "[%6wZ]", &unicode);
    assert_fmt("[drv\xC3\xA9  ]", "[%-6wZ]", &unicode);
    assert_fmt("drv\xC3\xA9", "%.1wZ", &unicode); /* precision is ignored */
    assert_fmt("(null)", "%wZ", (UNICODE_STRING *)NULL);
    assert_fmt("(null)", "%wZ", &noBuffer);
    assert_fmt("(null)", "%Z", (ANSI_STRING *)NULL);
    assert_fmt("[]", "[%wZ]", &empty);
    assert_wfmt(L"drv\u00E9", L"%wZ", &unicode);
    assert_wfmt(L"abc", L"%Z", &ansi);
}

static void test_percent_n_is_refused(void **state)
{
    (void)state;
    int count = 1234;
    assert_fmt("ab(%n not supported)7", "ab%n%d", &count, 7);
    assert_int_equal(count, 1234);
    assert_wfmt(L"(%n not supported)", L"%n", &count);
}

static void test_invalid_conversions(void **state)
{
    (void)state;
    assert_string_equal(FmtA("a %k b", 1), "a (invalid conversion %k)");
    assert_int_equal(LastStatus, RtlpFormatInvalidSpec);
    assert_string_equal(FmtA("abc%"), "abc(invalid conversion %)");
    assert_int_equal(LastStatus, RtlpFormatInvalidSpec);
    assert_string_equal(FmtA("%-08l"), "(invalid conversion %-08l)");
    assert_int_equal(LastStatus, RtlpFormatInvalidSpec);
    assert_string_equal(FmtA("%1$d", 5), "(invalid conversion %1$)");
    assert_int_equal(LastStatus, RtlpFormatInvalidSpec);
    assert_string_equal(FmtA("%Ld", 5), "(invalid conversion %Ld)");
    assert_int_equal(LastStatus, RtlpFormatInvalidSpec);
    assert_string_equal(FmtA("%wd", 5), "(invalid conversion %wd)");
    assert_int_equal(LastStatus, RtlpFormatInvalidSpec);
    assert_string_equal(FmtA("%hf", 1.0), "(invalid conversion %hf)");
    assert_int_equal(LastStatus, RtlpFormatInvalidSpec);
    assert_string_equal(FmtA("%lls", "x"), "(invalid conversion %lls)");
    assert_int_equal(LastStatus, RtlpFormatInvalidSpec);
    assert_wide_equal(FmtW(L"x%q"), L"x(invalid conversion %q)");
    assert_int_equal(LastStatus, RtlpFormatInvalidSpec);
}

/* ------------------------------------------------------- floating point */

static void test_float_basic(void **state)
{
    (void)state;
    assert_fmt("3.141590", "%f", 3.14159);
    assert_fmt("3.14", "%.2f", 3.14159);
    assert_fmt("3", "%.0f", 3.14159);
    assert_fmt("3.", "%#.0f", 3.0);
    assert_fmt("1.234568e+04", "%e", 12345.678);
    assert_fmt("1.234568E+04", "%E", 12345.678);
    assert_fmt("1.2e-300", "%.1e", 1.2e-300);
    assert_fmt("0.0001 1e-05 1E-05", "%g %g %G", 0.0001, 0.00001, 0.00001);
    assert_fmt("100000 1e+06", "%g %g", 100000.0, 1000000.0);
    assert_fmt("1.50000", "%#g", 1.5);
    assert_fmt("     3.142|3.1       |", "%10.3f|%-10.1f|", 3.14159, 3.14159);
    assert_fmt("-000003.14", "%010.2f", -3.14159);
    assert_fmt("+1.000000  1.000000", "%+f % f", 1.0, 1.0);
    assert_fmt("-0.000000", "%f", -0.0);
    assert_fmt("2.500000 2.500000", "%lf %Lf", 2.5, (long double)2.5);
    assert_fmt("0x1.0000000000000p+0", "%a", 1.0); /* MS: 13 digits by default */
    assert_fmt("0X1.8000000000000P+1", "%A", 3.0);
    assert_fmt("0x1.80p+1", "%.2a", 3.0);
    assert_fmt("0x00001.0p+0", "%012.1a", 1.0);
    assert_fmt("-0x1.0000000000000p+0", "%a", -1.0);
}

static void test_float_special(void **state)
{
    (void)state;
    assert_fmt("inf -inf INF", "%f %f %F", INFINITY, -INFINITY, INFINITY);
    assert_fmt("inf", "%e", INFINITY);
    assert_fmt("+inf", "%+g", INFINITY);
    assert_fmt("  inf|inf  |", "%5f|%-5f|", INFINITY, INFINITY);
    assert_fmt("  inf", "%05f", INFINITY); /* no zero padding for infinity */
    assert_fmt("nan", "%f", DoubleFromBits(0x7FF8000000000000ULL));
    assert_fmt("-nan(ind)", "%f", DoubleFromBits(0xFFF8000000000000ULL));
    assert_fmt("-NAN(IND)", "%F", DoubleFromBits(0xFFF8000000000000ULL));
    assert_fmt("nan(snan)", "%f", DoubleFromBits(0x7FF0000000000001ULL));
    assert_fmt("-nan", "%e", DoubleFromBits(0xFFF8000000000001ULL));
    assert_fmt(" nan", "%4g", DoubleFromBits(0x7FF8000000000000ULL));
}

static void test_float_huge_precision(void **state)
{
    (void)state;
    const char *text;
    size_t i;

    /* Digits past the exact expansion are zeros; the output is complete. */
    text = FmtA("%.1500f", 0.5);
    assert_int_equal(LastStatus, RtlpFormatOk);
    assert_int_equal(strlen(text), 2 + 1500);
    assert_memory_equal(text, "0.5000", 6);
    for (i = 3; i < 1502; i++)
        assert_int_equal(text[i], '0');

    text = FmtA("%.1000e", 1.0);
    assert_int_equal(strlen(text), 1 + 1 + 1000 + 4);
    assert_string_equal(text + 1002, "e+00");

    text = FmtA("%#.1000g", 1.0);
    assert_int_equal(strlen(text), 1001); /* "1." and 999 zeros */

    text = FmtA("%.1000g", 0.1);
    assert_string_equal(text, "0.1000000000000000055511151231257827021181583404541015625");

    text = FmtA("%.900a", 1.0);
    assert_int_equal(strlen(text), 4 + 900 + 3);
    assert_string_equal(text + 904, "p+0");
}

/* ------------------------------------------------------------ wide family */

static void test_wide_family(void **state)
{
    (void)state;
    assert_wfmt(L"wide", L"%s", L"wide");
    assert_wfmt(L"wide", L"%ws", L"wide");
    assert_wfmt(L"wide", L"%ls", L"wide");
    assert_wfmt(L"narrow", L"%S", "narrow");
    assert_wfmt(L"narrow", L"%hs", "narrow");
    assert_wfmt(L"narrow", L"%hS", "narrow");
    assert_wfmt(L"wide", L"%lS", L"wide");
    assert_wfmt(L"x y", L"%c %C", L'x', 'y');
    assert_wfmt(L"x y", L"%wc %hc", L'x', 'y');
    assert_wfmt(L"-5 4294967295 ffffffff", L"%ld %lu %lx", (LONG)-5, (ULONG)0xFFFFFFFF, (LONG)-1);
    assert_wfmt(L"123456789abcdef0", L"%I64x", 0x123456789ABCDEF0ULL);
    assert_wfmt(L"0000000000001234", L"%p", (void *)0x1234);
    assert_wfmt(L"  3.14", L"%6.2f", 3.14159);
    assert_wfmt(L"(null)", L"%s", (WCHAR *)NULL);
    assert_wfmt(L"(null)", L"%hs", (char *)NULL);
    assert_wfmt(L"h\u00E9llo \u20AC", L"%s %c", L"h\u00E9llo", L'\u20AC');
    /* UTF-8 arguments become UTF-16. */
    assert_wfmt(L"h\u00E9", L"%hs", "h\xC3\xA9");
    assert_wfmt(L"\U0001F600", L"%hs", "\xF0\x9F\x98\x80");
    assert_wfmt(L"\uFFFD", L"%hs", "\xFF");
    assert_wfmt(L"\uFFFDA", L"%hs", "\xE2\x82" "A");
    assert_wfmt(L"\uFFFD\uFFFD\uFFFD", L"%hs", "\xED\xA0\x80"); /* an encoded surrogate */
    assert_wfmt(L"\uFFFD\uFFFD\uFFFD", L"%hs", "\xC0\xAF" "\x80");
    /* Precision counts bytes of a narrow argument and drops a cut sequence. */
    assert_wfmt(L"h", L"%.2hs", "h\xC3\xA9");
    assert_wfmt(L"h\u00E9", L"%.3hs", "h\xC3\xA9");
    assert_wfmt(L"|  ab|", L"|%4S|", "ab");
    assert_wfmt(L"\uFFFD", L"%C", 0xE9); /* a lone byte that is not a UTF-8 character */
}

/* --------------------------------------------------------------- sinks */

static RTLP_FORMAT_STATUS IntoA(PRTLP_FORMAT_SINK Sink, const char *Format, ...)
{
    RTLP_FORMAT_STATUS status;
    va_list arguments;

    va_start(arguments, Format);
    status = RtlpFormatNarrow(Sink, Format, arguments);
    va_end(arguments);
    return status;
}

static RTLP_FORMAT_STATUS IntoW(PRTLP_FORMAT_SINK Sink, const WCHAR *Format, ...)
{
    RTLP_FORMAT_STATUS status;
    va_list arguments;

    va_start(arguments, Format);
    status = RtlpFormatWide(Sink, Format, arguments);
    va_end(arguments);
    return status;
}

static void test_buffer_truncation(void **state)
{
    (void)state;
    char small[5];
    WCHAR smallWide[4];
    RTLP_FORMAT_SINK sink;

    RtlpFormatSinkInitBuffer(&sink, small, sizeof(small));
    assert_int_equal(IntoA(&sink, "hello world"), RtlpFormatOk);
    assert_int_equal(sink.Used, 5);
    assert_int_equal(sink.Total, 11);
    assert_memory_equal(small, "hello", 5);

    RtlpFormatSinkInitBuffer(&sink, smallWide, 4);
    assert_int_equal(IntoW(&sink, L"abcdef"), RtlpFormatOk);
    assert_int_equal(sink.Used, 4);
    assert_int_equal(sink.Total, 6);
    assert_memory_equal(smallWide, L"abcd", 4 * sizeof(WCHAR));

    /* Measuring only. */
    RtlpFormatSinkInitBuffer(&sink, NULL, 0);
    assert_int_equal(IntoA(&sink, "12345678"), RtlpFormatOk);
    assert_int_equal(sink.Used, 0);
    assert_int_equal(sink.Total, 8);
}

typedef struct {
    unsigned char Data[8192];
    size_t Bytes;
    int Calls;
    BOOLEAN FailNext;
} COLLECTOR;

static BOOLEAN Collect(PVOID Context, const void *Units, SIZE_T Count)
{
    COLLECTOR *collector = Context;
    size_t bytes = Count; /* set per test: narrow units are bytes */

    if (collector->FailNext)
        return FALSE;
    memcpy(collector->Data + collector->Bytes, Units, bytes);
    collector->Bytes += bytes;
    collector->Calls++;
    return TRUE;
}

static BOOLEAN CollectWide(PVOID Context, const void *Units, SIZE_T Count)
{
    return Collect(Context, Units, Count * sizeof(WCHAR));
}

static RTLP_FORMAT_STATUS StreamNarrow(COLLECTOR *Collector, char *Scratch, SIZE_T Size, const char *Format, ...)
{
    RTLP_FORMAT_SINK sink;
    RTLP_FORMAT_STATUS status;
    va_list arguments;

    RtlpFormatSinkInitStream(&sink, Scratch, Size, Collect, Collector);
    va_start(arguments, Format);
    status = RtlpFormatNarrow(&sink, Format, arguments);
    va_end(arguments);
    LastTotal = sink.Total;
    if (status == RtlpFormatOk)
        assert_int_equal(sink.Used, 0); /* everything was flushed */
    return status;
}

static void test_stream_sink(void **state)
{
    (void)state;
    static COLLECTOR collector;
    char scratch[4];
    WCHAR wideScratch[3];
    RTLP_FORMAT_SINK sink;

    memset(&collector, 0, sizeof(collector));
    assert_int_equal(StreamNarrow(&collector, scratch, sizeof(scratch), "%s-%05d-%ws", "abcdefghij", 42, L"\u00E9"),
                     RtlpFormatOk);
    collector.Data[collector.Bytes] = 0;
    assert_string_equal((char *)collector.Data, "abcdefghij-00042-\xC3\xA9");
    assert_int_equal(LastTotal, collector.Bytes);
    assert_true(collector.Calls >= 5);

    memset(&collector, 0, sizeof(collector));
    RtlpFormatSinkInitStream(&sink, wideScratch, 3, CollectWide, &collector);
    assert_int_equal(IntoW(&sink, L"wide text!"), RtlpFormatOk);
    assert_int_equal(collector.Bytes, 10 * sizeof(WCHAR));
    assert_memory_equal(collector.Data, L"wide text!", 10 * sizeof(WCHAR));

    /* A failing flush stops the output. */
    memset(&collector, 0, sizeof(collector));
    collector.FailNext = TRUE;
    assert_int_equal(StreamNarrow(&collector, scratch, sizeof(scratch), "0123456789"), RtlpFormatOutputFailed);
}

/* --------------------------------------------------------------- UTF */

static void test_utf16_to_utf8(void **state)
{
    (void)state;
    const WCHAR text[] = {'A', 0x00E9, 0x20AC, 0xD83D, 0xDE00, 0xDC00, 0};
    char out[32];
    SIZE_T needed;

    needed = RtlpUtf16ToUtf8(NULL, 0, text, 6);
    assert_int_equal(needed, 1 + 2 + 3 + 4 + 3);
    memset(out, 0, sizeof(out));
    assert_int_equal(RtlpUtf16ToUtf8(out, sizeof(out), text, 6), needed);
    assert_memory_equal(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xEF\xBF\xBD", needed);

    /* Never part of a character, nor anything after a character that did
     * not fit. */
    memset(out, 0, sizeof(out));
    assert_int_equal(RtlpUtf16ToUtf8(out, 5, text, 6), needed);
    assert_memory_equal(out, "A\xC3\xA9\0", 4);
}

static void test_utf8_to_utf16(void **state)
{
    (void)state;
    const char text[] = "A\xC3\xA9\xF0\x9F\x98\x80\xFF";
    WCHAR out[16];
    SIZE_T needed = RtlpUtf8ToUtf16(NULL, 0, text, sizeof(text) - 1);

    assert_int_equal(needed, 5);
    assert_int_equal(RtlpUtf8ToUtf16(out, 16, text, sizeof(text) - 1), 5);
    assert_int_equal(out[0], 'A');
    assert_int_equal(out[1], 0x00E9);
    assert_int_equal(out[2], 0xD83D);
    assert_int_equal(out[3], 0xDE00);
    assert_int_equal(out[4], 0xFFFD);

    /* Room for one unit only after 'A', 0xE9: the pair is not split. */
    memset(out, 0, sizeof(out));
    assert_int_equal(RtlpUtf8ToUtf16(out, 3, text, sizeof(text) - 1), 5);
    assert_int_equal(out[2], 0);
}

static void test_utf8_decoding(void **state)
{
    (void)state;
    ULONG codePoint = 0;

    assert_int_equal(RtlpUtf8Decode("\xE2\x82\xAC", 3, &codePoint), 3);
    assert_int_equal(codePoint, 0x20AC);
    assert_int_equal(RtlpUtf8Decode("\xE2\x82", 2, &codePoint), 2); /* truncated: one replacement */
    assert_int_equal(codePoint, 0xFFFD);
    assert_int_equal(RtlpUtf8Decode("\xE0\x80\x80", 3, &codePoint), 1); /* overlong */
    assert_int_equal(codePoint, 0xFFFD);
    assert_int_equal(RtlpUtf8Decode("\xF4\x90\x80\x80", 4, &codePoint), 1); /* above U+10FFFF */
    assert_int_equal(RtlpUtf8Decode("\xF0\x9F\x98\x80", 4, &codePoint), 4);
    assert_int_equal(codePoint, 0x1F600);
    assert_int_equal(RtlpUtf8DecodeStrict("\xE2\x82", 2, &codePoint), 0);
    assert_int_equal(RtlpUtf8DecodeStrict("\xC3\xA9", 2, &codePoint), 2);
    assert_int_equal(codePoint, 0xE9);
    {
        WCHAR pair[2];
        char bytes[4];
        assert_int_equal(RtlpUtf16Encode(0x10437, pair), 2);
        assert_int_equal(pair[0], 0xD801);
        assert_int_equal(pair[1], 0xDC37);
        assert_int_equal(RtlpUtf8Encode(0x10437, bytes), 4);
        assert_memory_equal(bytes, "\xF0\x90\x90\xB7", 4);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decimal),
        cmocka_unit_test(test_long_is_32_bits),
        cmocka_unit_test(test_sized),
        cmocka_unit_test(test_hex_octal_alternate),
        cmocka_unit_test(test_pointer),
        cmocka_unit_test(test_star_width_precision),
        cmocka_unit_test(test_narrow_family_strings),
        cmocka_unit_test(test_wide_strings_in_narrow_family),
        cmocka_unit_test(test_counted_strings),
        cmocka_unit_test(test_percent_n_is_refused),
        cmocka_unit_test(test_invalid_conversions),
        cmocka_unit_test(test_float_basic),
        cmocka_unit_test(test_float_special),
        cmocka_unit_test(test_float_huge_precision),
        cmocka_unit_test(test_wide_family),
        cmocka_unit_test(test_buffer_truncation),
        cmocka_unit_test(test_stream_sink),
        cmocka_unit_test(test_utf16_to_utf8),
        cmocka_unit_test(test_utf8_to_utf16),
        cmocka_unit_test(test_utf8_decoding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
