/*
 * utf.c - UTF-8 <-> UTF-16 conversion for ntk (interface in
 * src/nt/include/internal/rtl_format.h).
 *
 * WCHAR text is UTF-16; the multibyte encoding ntk gives Windows code
 * (printf of wide strings, wprintf output, mbstowcs, ...) is UTF-8. Malformed
 * input never fails here: an unpaired surrogate becomes one U+FFFD, and a
 * malformed UTF-8 sequence becomes one U+FFFD per maximal ill-formed subpart
 * (the replacement policy Unicode recommends, so "\xE2\x82" + "A" gives
 * U+FFFD, 'A'). RtlpUtf8DecodeStrict is the exception, for callers that must
 * report EILSEQ.
 */
#include <internal/rtl_format.h>

static inline BOOLEAN RtlpIsHighSurrogate(ULONG Unit) { return Unit >= 0xD800 && Unit <= 0xDBFF; }
static inline BOOLEAN RtlpIsLowSurrogate(ULONG Unit) { return Unit >= 0xDC00 && Unit <= 0xDFFF; }

SIZE_T RtlpUtf16Decode(const WCHAR *Text, SIZE_T Count, ULONG *CodePoint)
{
    ULONG first = Text[0];

    if (RtlpIsHighSurrogate(first) && Count >= 2 && RtlpIsLowSurrogate(Text[1])) {
        *CodePoint = 0x10000 + ((first - 0xD800) << 10) + ((ULONG)Text[1] - 0xDC00);
        return 2;
    }
    *CodePoint = (RtlpIsHighSurrogate(first) || RtlpIsLowSurrogate(first)) ? RTLP_REPLACEMENT_CHARACTER : first;
    return 1;
}

/* Decodes one UTF-8 sequence. Returns the bytes consumed; *WellFormed tells
 * whether they formed a character (else they are the maximal ill-formed
 * subpart, at least one byte). */
static SIZE_T RtlpUtf8DecodeOne(const unsigned char *Text, SIZE_T Count, ULONG *CodePoint, BOOLEAN *WellFormed)
{
    unsigned lead = Text[0];
    SIZE_T length;
    unsigned low = 0x80, high = 0xBF; /* allowed range of the second byte */
    ULONG value;
    SIZE_T i;

    if (lead < 0x80) {
        *CodePoint = lead;
        *WellFormed = TRUE;
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0F;
        if (lead == 0xE0)
            low = 0xA0; /* no overlong forms */
        else if (lead == 0xED)
            high = 0x9F; /* no surrogates */
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07;
        if (lead == 0xF0)
            low = 0x90; /* no overlong forms */
        else if (lead == 0xF4)
            high = 0x8F; /* nothing above U+10FFFF */
    } else {
        *WellFormed = FALSE; /* a continuation byte, C0, C1 or F5..FF */
        return 1;
    }

    for (i = 1; i < length; i++) {
        unsigned byte;
        if (i >= Count) {
            *WellFormed = FALSE; /* truncated: the valid prefix is one subpart */
            return i;
        }
        byte = Text[i];
        if (byte < (i == 1 ? low : 0x80) || byte > (i == 1 ? high : 0xBF)) {
            *WellFormed = FALSE;
            return i;
        }
        value = (value << 6) | (byte & 0x3F);
    }
    *CodePoint = value;
    *WellFormed = TRUE;
    return length;
}

SIZE_T RtlpUtf8Decode(const char *Text, SIZE_T Count, ULONG *CodePoint)
{
    BOOLEAN wellFormed;
    SIZE_T used = RtlpUtf8DecodeOne((const unsigned char *)Text, Count, CodePoint, &wellFormed);

    if (!wellFormed)
        *CodePoint = RTLP_REPLACEMENT_CHARACTER;
    return used;
}

SIZE_T RtlpUtf8DecodeStrict(const char *Text, SIZE_T Count, ULONG *CodePoint)
{
    BOOLEAN wellFormed;
    ULONG value = 0;
    SIZE_T used = RtlpUtf8DecodeOne((const unsigned char *)Text, Count, &value, &wellFormed);

    if (!wellFormed)
        return 0;
    *CodePoint = value;
    return used;
}

SIZE_T RtlpUtf8Encode(ULONG CodePoint, char *Out)
{
    unsigned char *out = (unsigned char *)Out;

    if (CodePoint < 0x80) {
        out[0] = (unsigned char)CodePoint;
        return 1;
    }
    if (CodePoint < 0x800) {
        out[0] = (unsigned char)(0xC0 | (CodePoint >> 6));
        out[1] = (unsigned char)(0x80 | (CodePoint & 0x3F));
        return 2;
    }
    if (CodePoint < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (CodePoint >> 12));
        out[1] = (unsigned char)(0x80 | ((CodePoint >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (CodePoint & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (CodePoint >> 18));
    out[1] = (unsigned char)(0x80 | ((CodePoint >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((CodePoint >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (CodePoint & 0x3F));
    return 4;
}

SIZE_T RtlpUtf16Encode(ULONG CodePoint, WCHAR *Out)
{
    if (CodePoint < 0x10000) {
        Out[0] = (WCHAR)CodePoint;
        return 1;
    }
    CodePoint -= 0x10000;
    Out[0] = (WCHAR)(0xD800 + (CodePoint >> 10));
    Out[1] = (WCHAR)(0xDC00 + (CodePoint & 0x3FF));
    return 2;
}

SIZE_T RtlpUtf16ToUtf8(char *Utf8, SIZE_T Utf8Capacity, const WCHAR *Utf16, SIZE_T Utf16Count)
{
    SIZE_T needed = 0;
    SIZE_T i = 0;
    BOOLEAN full = FALSE;

    while (i < Utf16Count) {
        ULONG codePoint;
        char encoded[4];
        SIZE_T length;

        /* Plain ASCII runs are the common case: copy them unit by unit. */
        if (Utf16[i] < 0x80) {
            if (!full && needed < Utf8Capacity)
                Utf8[needed] = (char)Utf16[i];
            else
                full = TRUE;
            needed++;
            i++;
            continue;
        }
        i += RtlpUtf16Decode(Utf16 + i, Utf16Count - i, &codePoint);
        length = RtlpUtf8Encode(codePoint, encoded);
        if (!full && Utf8Capacity - needed >= length) {
            SIZE_T k;
            for (k = 0; k < length; k++)
                Utf8[needed + k] = encoded[k];
        } else {
            full = TRUE; /* never store part of a character, nor anything after it */
        }
        needed += length;
    }
    return needed;
}

SIZE_T RtlpUtf8ToUtf16(WCHAR *Utf16, SIZE_T Utf16Capacity, const char *Utf8, SIZE_T Utf8Count)
{
    SIZE_T needed = 0;
    SIZE_T i = 0;
    BOOLEAN full = FALSE;

    while (i < Utf8Count) {
        ULONG codePoint;
        WCHAR encoded[2];
        SIZE_T length;

        if ((unsigned char)Utf8[i] < 0x80) {
            if (!full && needed < Utf16Capacity)
                Utf16[needed] = (WCHAR)(unsigned char)Utf8[i];
            else
                full = TRUE;
            needed++;
            i++;
            continue;
        }
        i += RtlpUtf8Decode(Utf8 + i, Utf8Count - i, &codePoint);
        length = RtlpUtf16Encode(codePoint, encoded);
        if (!full && Utf16Capacity - needed >= length) {
            Utf16[needed] = encoded[0];
            if (length == 2)
                Utf16[needed + 1] = encoded[1];
        } else {
            full = TRUE;
        }
        needed += length;
    }
    return needed;
}
