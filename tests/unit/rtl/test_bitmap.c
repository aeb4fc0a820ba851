/*
 * test_bitmap.c - RTL_BITMAP (src/nt/rtl/bitmap.c): setting and testing
 * bits and ranges, counting, searches with a hint and wrap-around, runs.
 */
#include "ntk_test.h"

#include <wdm.h>

void ntk_boot(void);

static ULONG Bits[4]; /* 128 bits; maps use fewer to test partial words */
static RTL_BITMAP Map;

static int Reset(void **state)
{
    (void)state;
    memset(Bits, 0xA5, sizeof(Bits)); /* garbage the routines must not trust */
    RtlInitializeBitMap(&Map, Bits, 100);
    RtlClearAllBits(&Map);
    return 0;
}

static void test_single_bits_and_ranges(void **state)
{
    (void)state;
    assert_int_equal(Map.SizeOfBitMap, 100);
    assert_ptr_equal(Map.Buffer, Bits);
    assert_int_equal(RtlNumberOfSetBits(&Map), 0);
    assert_int_equal(RtlNumberOfClearBits(&Map), 100);

    RtlSetBit(&Map, 0);
    RtlSetBit(&Map, 33);
    assert_true(RtlTestBit(&Map, 0));
    assert_true(RtlTestBit(&Map, 33));
    assert_false(RtlTestBit(&Map, 32));
    assert_int_equal(RtlCheckBit(&Map, 33), 1);
    assert_int_equal(Bits[1], 0x2);
    RtlClearBit(&Map, 33);
    assert_false(RtlTestBit(&Map, 33));

    RtlSetBits(&Map, 30, 40); /* crosses two word boundaries */
    assert_int_equal(RtlNumberOfSetBits(&Map), 41);
    assert_true(RtlAreBitsSet(&Map, 30, 40));
    assert_false(RtlAreBitsSet(&Map, 29, 2));
    assert_true(RtlAreBitsClear(&Map, 70, 30));
    assert_false(RtlAreBitsClear(&Map, 69, 2));
    /* Empty or out-of-range spans are never "all set/clear". */
    assert_false(RtlAreBitsClear(&Map, 80, 0));
    assert_false(RtlAreBitsClear(&Map, 90, 11));
    assert_false(RtlAreBitsClear(&Map, 100, 1));

    RtlClearBits(&Map, 31, 38);
    assert_int_equal(RtlNumberOfSetBits(&Map), 3); /* 0, 30, 69 */
    assert_true(RtlTestBit(&Map, 30));
    assert_true(RtlTestBit(&Map, 69));

    /* Bits past SizeOfBitMap in the last word do not count. */
    RtlSetAllBits(&Map);
    assert_int_equal(RtlNumberOfSetBits(&Map), 100);
    assert_int_equal(RtlNumberOfClearBits(&Map), 0);
    assert_int_equal(Bits[3], 0xFFFFFFFF);
    RtlClearAllBits(&Map);
    assert_int_equal(Bits[3], 0);
}

static void test_find_with_hint_and_wrap(void **state)
{
    (void)state;
    RtlSetBits(&Map, 0, 100);
    RtlClearBits(&Map, 10, 5);  /* run [10, 15) */
    RtlClearBits(&Map, 60, 10); /* run [60, 70) */

    assert_int_equal(RtlFindClearBits(&Map, 5, 0), 10);
    assert_int_equal(RtlFindClearBits(&Map, 3, 12), 12);
    assert_int_equal(RtlFindClearBits(&Map, 5, 12), 60);  /* first fit at or after the hint */
    assert_int_equal(RtlFindClearBits(&Map, 5, 80), 10);  /* wraps to the start */
    assert_int_equal(RtlFindClearBits(&Map, 10, 0), 60);
    assert_int_equal(RtlFindClearBits(&Map, 11, 0), 0xFFFFFFFF);
    assert_int_equal(RtlFindClearBits(&Map, 101, 0), 0xFFFFFFFF);
    assert_int_equal(RtlFindClearBits(&Map, 5, 1000), 10); /* hint out of range: 0 */
    assert_int_equal(RtlFindClearBits(&Map, 0, 13), 8);    /* nothing to find: hint to a byte */

    assert_int_equal(RtlFindClearBitsAndSet(&Map, 4, 61), 61);
    assert_true(RtlAreBitsSet(&Map, 61, 4));
    assert_int_equal(RtlFindClearBitsAndSet(&Map, 6, 0), 0xFFFFFFFF);
    assert_int_equal(RtlNumberOfClearBits(&Map), 11);

    RtlClearAllBits(&Map);
    RtlSetBits(&Map, 95, 5); /* run up to the end */
    RtlSetBits(&Map, 3, 2);
    assert_int_equal(RtlFindSetBits(&Map, 5, 50), 95);
    assert_int_equal(RtlFindSetBits(&Map, 2, 96), 96);
    assert_int_equal(RtlFindSetBits(&Map, 6, 0), 0xFFFFFFFF);
    assert_int_equal(RtlFindSetBitsAndClear(&Map, 2, 97), 97);
    assert_false(RtlTestBit(&Map, 97));
    assert_false(RtlTestBit(&Map, 98));
    assert_int_equal(RtlFindSetBitsAndClear(&Map, 2, 98), 3); /* wraps */
    assert_int_equal(RtlNumberOfSetBits(&Map), 3);
}

static void test_runs(void **state)
{
    (void)state;
    ULONG start = 1234;

    RtlSetBits(&Map, 0, 100);
    assert_int_equal(RtlFindFirstRunClear(&Map, &start), 0);
    assert_int_equal(start, 100);
    assert_int_equal(RtlFindLongestRunClear(&Map, &start), 0);

    RtlClearBits(&Map, 5, 3);
    RtlClearBits(&Map, 40, 33);
    RtlClearBits(&Map, 90, 10);
    assert_int_equal(RtlFindFirstRunClear(&Map, &start), 3);
    assert_int_equal(start, 5);
    assert_int_equal(RtlFindNextForwardRunClear(&Map, 6, &start), 2);
    assert_int_equal(start, 6);
    assert_int_equal(RtlFindNextForwardRunClear(&Map, 8, &start), 33);
    assert_int_equal(start, 40);
    assert_int_equal(RtlFindNextForwardRunClear(&Map, 73, &start), 10);
    assert_int_equal(start, 90);
    assert_int_equal(RtlFindNextForwardRunClear(&Map, 100, &start), 0);
    assert_int_equal(RtlFindLongestRunClear(&Map, &start), 33);
    assert_int_equal(start, 40);

    /* Equal runs: the first wins. */
    RtlClearAllBits(&Map);
    RtlSetBits(&Map, 50, 1);
    RtlInitializeBitMap(&Map, Bits, 101);
    assert_int_equal(RtlFindLongestRunClear(&Map, &start), 50);
    assert_int_equal(start, 0);
}

static void test_large_bitmap(void **state)
{
    (void)state;
    static ULONG big[1024];
    RTL_BITMAP m;

    RtlInitializeBitMap(&m, big, 32768);
    RtlSetAllBits(&m);
    RtlClearBits(&m, 30000, 700);
    assert_int_equal(RtlFindClearBits(&m, 700, 100), 30000);
    assert_int_equal(RtlFindClearBits(&m, 701, 100), 0xFFFFFFFF);
    assert_int_equal(RtlNumberOfClearBits(&m), 700);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_single_bits_and_ranges, Reset),
        cmocka_unit_test_setup(test_find_with_hint_and_wrap, Reset),
        cmocka_unit_test_setup(test_runs, Reset),
        cmocka_unit_test(test_large_bitmap),
    };
    ntk_boot();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
