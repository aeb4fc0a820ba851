/*
 * bitmap.c - RTL_BITMAP: bit i is bit (i % 32) of Buffer[i / 32]; the
 * bitmap is SizeOfBitMap bits long and its buffer whole ULONGs.
 *
 * Searches (RtlFind*Bits) look from HintIndex to the end first, then from
 * the start: the lowest fitting run at or after the hint wins, else the
 * lowest before it. A run never wraps past the end of the bitmap. Not
 * found is 0xFFFFFFFF; NumberToFind == 0 returns the hint rounded down to
 * a byte, and a hint outside the bitmap counts as 0, as on Windows.
 * Like Windows these routines do no locking: the caller serialises.
 */
#include <string.h>

#include <internal/rtl.h>

#define RTLP_NOT_FOUND 0xFFFFFFFFu

static inline BOOLEAN RtlpBit(PRTL_BITMAP Map, ULONG Index)
{
    return (Map->Buffer[Index / 32] >> (Index % 32)) & 1;
}

/* Length of the run of Value bits starting at Index (stopping at Limit). */
static ULONG RtlpRunLength(PRTL_BITMAP Map, ULONG Index, ULONG Limit, BOOLEAN Value)
{
    ULONG i = Index;
    ULONG opposite = Value ? 0u : ~0u;

    while (i < Limit) {
        ULONG word = Map->Buffer[i / 32] ^ opposite; /* 1 bits: Value */
        ULONG shift = i % 32;
        ULONG rest = ~(word >> shift);               /* first 0 ends the run */
        ULONG n = rest ? (ULONG)__builtin_ctz(rest) : 32 - shift;
        if (n > 32 - shift)
            n = 32 - shift;
        i += n;
        if (n < 32 - shift)
            break;
    }
    return (i < Limit ? i : Limit) - Index;
}

/* Lowest start in [From, To) of a run of Count Value bits lying within
 * [From, Limit). */
static ULONG RtlpFindRun(PRTL_BITMAP Map, ULONG Count, ULONG From, ULONG To, ULONG Limit, BOOLEAN Value)
{
    ULONG i = From;

    while (i < To && i < Limit && Limit - i >= Count) {
        ULONG run = RtlpRunLength(Map, i, Limit, Value);
        if (run >= Count)
            return i;
        i += run;
        /* Skip the bits of the other value. */
        i += RtlpRunLength(Map, i, Limit, !Value);
    }
    return RTLP_NOT_FOUND;
}

static ULONG RtlpFindBits(PRTL_BITMAP Map, ULONG Count, ULONG Hint, BOOLEAN Value)
{
    ULONG found;

    if (Count > Map->SizeOfBitMap)
        return RTLP_NOT_FOUND;
    if (Hint >= Map->SizeOfBitMap)
        Hint = 0;
    if (Count == 0)
        return Hint & ~7u;
    found = RtlpFindRun(Map, Count, Hint, Map->SizeOfBitMap, Map->SizeOfBitMap, Value);
    if (found == RTLP_NOT_FOUND && Hint != 0)
        found = RtlpFindRun(Map, Count, 0, Hint, Map->SizeOfBitMap, Value);
    return found;
}

static void RtlpFillBits(PRTL_BITMAP Map, ULONG Start, ULONG Count, BOOLEAN Value)
{
    while (Count > 0) {
        ULONG shift = Start % 32;
        ULONG n = 32 - shift < Count ? 32 - shift : Count;
        ULONG mask = (n == 32 ? ~0u : ((1u << n) - 1)) << shift;
        if (Value)
            Map->Buffer[Start / 32] |= mask;
        else
            Map->Buffer[Start / 32] &= ~mask;
        Start += n;
        Count -= n;
    }
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlInitializeBitMap(PRTL_BITMAP BitMapHeader, PULONG BitMapBuffer, ULONG SizeOfBitMap)
{
    BitMapHeader->SizeOfBitMap = SizeOfBitMap;
    BitMapHeader->Buffer = BitMapBuffer;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlClearAllBits(PRTL_BITMAP BitMapHeader)
{
    memset(BitMapHeader->Buffer, 0, ((BitMapHeader->SizeOfBitMap + 31) / 32) * sizeof(ULONG));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlSetAllBits(PRTL_BITMAP BitMapHeader)
{
    memset(BitMapHeader->Buffer, 0xFF, ((BitMapHeader->SizeOfBitMap + 31) / 32) * sizeof(ULONG));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlClearBits(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG NumberToClear)
{
    RtlpFillBits(BitMapHeader, StartingIndex, NumberToClear, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlSetBits(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG NumberToSet)
{
    RtlpFillBits(BitMapHeader, StartingIndex, NumberToSet, TRUE);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlClearBit(PRTL_BITMAP BitMapHeader, ULONG BitNumber)
{
    BitMapHeader->Buffer[BitNumber / 32] &= ~(1u << (BitNumber % 32));
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlSetBit(PRTL_BITMAP BitMapHeader, ULONG BitNumber)
{
    BitMapHeader->Buffer[BitNumber / 32] |= 1u << (BitNumber % 32);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI RtlTestBit(PRTL_BITMAP BitMapHeader, ULONG BitNumber)
{
    return RtlpBit(BitMapHeader, BitNumber);
}

static BOOLEAN RtlpAreBits(PRTL_BITMAP Map, ULONG Start, ULONG Length, BOOLEAN Value)
{
    /* An empty or out-of-range span is not "all clear/set" (Windows). */
    if (Length == 0 || Start >= Map->SizeOfBitMap || Length > Map->SizeOfBitMap - Start)
        return FALSE;
    return RtlpRunLength(Map, Start, Start + Length, Value) == Length;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI RtlAreBitsClear(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG Length)
{
    return RtlpAreBits(BitMapHeader, StartingIndex, Length, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI RtlAreBitsSet(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG Length)
{
    return RtlpAreBits(BitMapHeader, StartingIndex, Length, TRUE);
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI RtlFindClearBits(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    return RtlpFindBits(BitMapHeader, NumberToFind, HintIndex, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI RtlFindSetBits(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    return RtlpFindBits(BitMapHeader, NumberToFind, HintIndex, TRUE);
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI RtlFindClearBitsAndSet(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    ULONG index = RtlpFindBits(BitMapHeader, NumberToFind, HintIndex, FALSE);
    if (index != RTLP_NOT_FOUND)
        RtlpFillBits(BitMapHeader, index, NumberToFind, TRUE);
    return index;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI RtlFindSetBitsAndClear(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    ULONG index = RtlpFindBits(BitMapHeader, NumberToFind, HintIndex, TRUE);
    if (index != RTLP_NOT_FOUND)
        RtlpFillBits(BitMapHeader, index, NumberToFind, FALSE);
    return index;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI RtlNumberOfSetBits(PRTL_BITMAP BitMapHeader)
{
    ULONG words = BitMapHeader->SizeOfBitMap / 32, tail = BitMapHeader->SizeOfBitMap % 32;
    ULONG count = 0, i;

    for (i = 0; i < words; i++)
        count += (ULONG)__builtin_popcount(BitMapHeader->Buffer[i]);
    if (tail)
        count += (ULONG)__builtin_popcount(BitMapHeader->Buffer[words] & ((1u << tail) - 1));
    return count;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI RtlNumberOfClearBits(PRTL_BITMAP BitMapHeader)
{
    return BitMapHeader->SizeOfBitMap - RtlNumberOfSetBits(BitMapHeader);
}

/* @implemented: no clear bit at or after FromIndex gives 0, with
 * *StartingRunIndex the end of the bitmap. */
DECLSPEC_EXPORT ULONG NTAPI RtlFindNextForwardRunClear(PRTL_BITMAP BitMapHeader, ULONG FromIndex,
                                                      PULONG StartingRunIndex)
{
    ULONG size = BitMapHeader->SizeOfBitMap;
    ULONG start;

    if (FromIndex >= size) {
        *StartingRunIndex = FromIndex;
        return 0;
    }
    start = FromIndex + RtlpRunLength(BitMapHeader, FromIndex, size, TRUE);
    *StartingRunIndex = start;
    return RtlpRunLength(BitMapHeader, start, size, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI RtlFindFirstRunClear(PRTL_BITMAP BitMapHeader, PULONG StartingIndex)
{
    return RtlFindNextForwardRunClear(BitMapHeader, 0, StartingIndex);
}

/* @implemented: the first of equally long runs wins; none gives 0. */
DECLSPEC_EXPORT ULONG NTAPI RtlFindLongestRunClear(PRTL_BITMAP BitMapHeader, PULONG StartingIndex)
{
    ULONG size = BitMapHeader->SizeOfBitMap;
    ULONG i = 0, best = 0;

    *StartingIndex = 0;
    while (i < size) {
        ULONG start = i + RtlpRunLength(BitMapHeader, i, size, TRUE);
        ULONG run = RtlpRunLength(BitMapHeader, start, size, FALSE);
        if (run > best) {
            best = run;
            *StartingIndex = start;
        }
        i = start + run;
    }
    return best;
}
