/*
 * random.c - RtlRandomEx and RtlRandom: Windows' documented generator
 * family, a linear congruential generator modulo 2^31 - 1:
 *     next = (seed * 0x7FFFFFED + 0x7FFFFFC3) mod 0x7FFFFFFF
 * returning a value in [0, MAXLONG - 1] and storing it as the new seed.
 *
 * RtlRandomEx returns the generator's value. RtlRandom, like Windows',
 * draws twice and passes the value through a 128-entry shuffle table
 * shared by all callers. Windows' initial table contents are not
 * documented, so ntk fills its table from the same generator (seeded with
 * 0): sequences have the same statistical shape as Windows' but RtlRandom's
 * exact values differ from Windows'. The table is updated without a lock
 * (racing callers may get the same value), as on Windows.
 */
#include <internal/ke.h>
#include <internal/rtl.h>

#define RTLP_MODULUS 0x7FFFFFFFull

static ULONG RtlpNext(ULONG Seed)
{
    return (ULONG)(((ULONGLONG)Seed * 0x7FFFFFEDull + 0x7FFFFFC3ull) % RTLP_MODULUS);
}

static ULONG RtlpShuffle[128];
static int RtlpShuffleReady; /* 0 empty, 1 filling, 2 ready */

static void RtlpFillShuffle(void)
{
    int expected = 0;

    if (__atomic_load_n(&RtlpShuffleReady, __ATOMIC_ACQUIRE) == 2)
        return;
    if (__atomic_compare_exchange_n(&RtlpShuffleReady, &expected, 1, FALSE, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        ULONG seed = 0;
        for (int i = 0; i < 128; i++) {
            seed = RtlpNext(seed);
            __atomic_store_n(&RtlpShuffle[i], seed, __ATOMIC_RELAXED);
        }
        __atomic_store_n(&RtlpShuffleReady, 2, __ATOMIC_RELEASE);
        return;
    }
    while (__atomic_load_n(&RtlpShuffleReady, __ATOMIC_ACQUIRE) != 2)
        ;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI RtlRandomEx(PULONG Seed)
{
    ULONG value;

    KI_CHECK_IRQL(RtlRandomEx);
    value = RtlpNext(*Seed);
    *Seed = value;
    return value;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI RtlRandom(PULONG Seed)
{
    ULONG value, slot, result;

    KI_CHECK_IRQL(RtlRandom);
    RtlpFillShuffle();
    value = RtlpNext(*Seed);
    *Seed = RtlpNext(value);
    slot = *Seed & 0x7F;
    result = __atomic_exchange_n(&RtlpShuffle[slot], value, __ATOMIC_RELAXED);
    return result;
}
