/*
 * test_timefields.c - RtlTimeToTimeFields, RtlTimeFieldsToTime,
 * RtlTimeToSecondsSince1970, RtlSecondsSince1970ToTime
 * (src/nt/rtl/timefields.c), and RtlRandom/RtlRandomEx (src/nt/rtl/random.c).
 */
#include "ntk_test.h"

#include <wdm.h>

void ntk_boot(void);

#define TICKS_1601_TO_1970 116444736000000000LL

static void AssertFields(const TIME_FIELDS *f, int y, int mo, int d, int h, int mi, int s, int ms, int wd)
{
    assert_int_equal(f->Year, y);
    assert_int_equal(f->Month, mo);
    assert_int_equal(f->Day, d);
    assert_int_equal(f->Hour, h);
    assert_int_equal(f->Minute, mi);
    assert_int_equal(f->Second, s);
    assert_int_equal(f->Milliseconds, ms);
    assert_int_equal(f->Weekday, wd);
}

static void test_time_to_fields(void **state)
{
    (void)state;
    LARGE_INTEGER t;
    TIME_FIELDS f;

    t.QuadPart = 0;
    RtlTimeToTimeFields(&t, &f);
    AssertFields(&f, 1601, 1, 1, 0, 0, 0, 0, 1); /* a Monday */
    t.QuadPart = TICKS_1601_TO_1970;
    RtlTimeToTimeFields(&t, &f);
    AssertFields(&f, 1970, 1, 1, 0, 0, 0, 0, 4); /* a Thursday */
    /* 2000-02-29 13:45:30.123 (a Tuesday): 951831930 s after 1970. */
    t.QuadPart = TICKS_1601_TO_1970 + 951831930LL * 10000000 + 1234567;
    RtlTimeToTimeFields(&t, &f);
    AssertFields(&f, 2000, 2, 29, 13, 45, 30, 123, 2);
    /* 2024-12-31 23:59:59.999 (a Tuesday) */
    t.QuadPart = TICKS_1601_TO_1970 + 1735689599LL * 10000000 + 9990000;
    RtlTimeToTimeFields(&t, &f);
    AssertFields(&f, 2024, 12, 31, 23, 59, 59, 999, 2);
}

static void test_fields_to_time(void **state)
{
    (void)state;
    TIME_FIELDS f = {2000, 2, 29, 13, 45, 30, 123, 6 /* ignored */};
    LARGE_INTEGER t;

    assert_true(RtlTimeFieldsToTime(&f, &t));
    assert_int_equal(t.QuadPart, TICKS_1601_TO_1970 + 951831930LL * 10000000 + 1230000);
    f = (TIME_FIELDS){1601, 1, 1, 0, 0, 0, 0, 0};
    assert_true(RtlTimeFieldsToTime(&f, &t));
    assert_int_equal(t.QuadPart, 0);

    /* Round trips over many days, including leap years and centuries. */
    for (LONGLONG day = 0; day < 200000; day += 37) {
        TIME_FIELDS g;
        LARGE_INTEGER u, back;
        u.QuadPart = day * 864000000000LL + 12345678901LL;
        RtlTimeToTimeFields(&u, &g);
        assert_true(RtlTimeFieldsToTime(&g, &back));
        assert_int_equal(back.QuadPart, u.QuadPart - u.QuadPart % 10000);
    }

    /* Invalid fields. */
    TIME_FIELDS bad[] = {
        {2001, 2, 29, 0, 0, 0, 0, 0}, /* not a leap year */
        {1900, 2, 29, 0, 0, 0, 0, 0}, /* century, not a leap year */
        {2000, 4, 31, 0, 0, 0, 0, 0},  {2000, 13, 1, 0, 0, 0, 0, 0}, {2000, 0, 1, 0, 0, 0, 0, 0},
        {2000, 1, 0, 0, 0, 0, 0, 0},   {2000, 1, 1, 24, 0, 0, 0, 0}, {2000, 1, 1, 0, 60, 0, 0, 0},
        {2000, 1, 1, 0, 0, 60, 0, 0},  {2000, 1, 1, 0, 0, 0, 1000, 0}, {1600, 12, 31, 0, 0, 0, 0, 0},
        {2000, 1, 1, -1, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_false(RtlTimeFieldsToTime(&bad[i], &t));
    f = (TIME_FIELDS){2000, 2, 29, 0, 0, 0, 0, 0};
    assert_true(RtlTimeFieldsToTime(&f, &t));
}

static void test_seconds_since_1970(void **state)
{
    (void)state;
    LARGE_INTEGER t;
    ULONG s;

    RtlSecondsSince1970ToTime(0, &t);
    assert_int_equal(t.QuadPart, TICKS_1601_TO_1970);
    RtlSecondsSince1970ToTime(951831930, &t);
    assert_true(RtlTimeToSecondsSince1970(&t, &s));
    assert_int_equal(s, 951831930);
    t.QuadPart += 9999999; /* fractions are dropped */
    assert_true(RtlTimeToSecondsSince1970(&t, &s));
    assert_int_equal(s, 951831930);
    t.QuadPart = TICKS_1601_TO_1970 - 1;
    assert_false(RtlTimeToSecondsSince1970(&t, &s));
    RtlSecondsSince1970ToTime(0xFFFFFFFF, &t);
    assert_true(RtlTimeToSecondsSince1970(&t, &s));
    assert_int_equal(s, 0xFFFFFFFF);
    t.QuadPart += 10000000;
    assert_false(RtlTimeToSecondsSince1970(&t, &s));
}

static void test_random(void **state)
{
    (void)state;
    ULONG seed = 1, expected, seen0 = 0;

    /* RtlRandomEx: the documented generator, value = new seed. */
    expected = (ULONG)((1ull * 0x7FFFFFED + 0x7FFFFFC3) % 0x7FFFFFFF);
    assert_int_equal(RtlRandomEx(&seed), expected);
    assert_int_equal(seed, expected);
    for (int i = 0; i < 10000; i++) {
        ULONG before = seed;
        ULONG v = RtlRandomEx(&seed);
        assert_true(v < 0x7FFFFFFF);
        assert_int_equal(v, (ULONG)(((ULONGLONG)before * 0x7FFFFFED + 0x7FFFFFC3) % 0x7FFFFFFF));
    }
    /* RtlRandom: in range, advances the seed twice, not constant. */
    seed = 12345;
    for (int i = 0; i < 1000; i++) {
        ULONG before = seed;
        ULONG v = RtlRandom(&seed);
        ULONG once = (ULONG)(((ULONGLONG)before * 0x7FFFFFED + 0x7FFFFFC3) % 0x7FFFFFFF);
        assert_true(v < 0x7FFFFFFF);
        assert_int_equal(seed, (ULONG)(((ULONGLONG)once * 0x7FFFFFED + 0x7FFFFFC3) % 0x7FFFFFFF));
        if (i == 0)
            seen0 = v;
        else if (v != seen0)
            seen0 = 0xFFFFFFFF;
    }
    assert_int_equal(seen0, 0xFFFFFFFF);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_to_fields),
        cmocka_unit_test(test_fields_to_time),
        cmocka_unit_test(test_seconds_since_1970),
        cmocka_unit_test(test_random),
    };
    ntk_boot();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
