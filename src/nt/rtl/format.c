/*
 * format.c - the Microsoft-semantics formatting engine behind DbgPrint, the
 * CRT printf/wprintf families and strsafe (interface and the exact rules in
 * src/nt/include/internal/rtl_format.h).
 *
 * One engine serves both families: the format is read unit by unit as char
 * or WCHAR and the output is produced in the sink's unit (char or WCHAR).
 * Numbers and padding are ASCII and are widened on the way out; string
 * arguments of the other width are converted (UTF-16 <-> UTF-8).
 *
 * Floating-point digits are delegated to the host C library's snprintf; this
 * file adds the MS spellings of infinity and NaN, MS's default %a precision
 * (13) and the padding.
 */
#include <internal/rtl_format.h>
#include <ntdef.h>
#include <limits.h>
#include <string.h>

/* The host C library's snprintf, bound by symbol name: ntk's <stdio.h> maps
 * the C name snprintf to the MS-semantics CRT function, and the engine must
 * not call back into itself. Used only for floating-point digits, with
 * formats this file builds. */
extern int RtlpHostSnprintf(char *Buffer, size_t Size, const char *Format, ...) __asm__("snprintf");

enum {
    FLAG_LEFT = 0x01,  /* '-' */
    FLAG_PLUS = 0x02,  /* '+' */
    FLAG_SPACE = 0x04, /* ' ' */
    FLAG_ALT = 0x08,   /* '#' */
    FLAG_ZERO = 0x10,  /* '0' */
};

typedef enum _RTLP_SIZE {
    SizeDefault,
    SizeChar,       /* hh */
    SizeShort,      /* h */
    SizeLong,       /* l: 32 bits, as on Windows */
    SizeLongLong,   /* ll */
    SizeLongDouble, /* L */
    SizeWide,       /* w */
    SizePointer,    /* I, z, t */
    SizeInt32,      /* I32 */
    SizeInt64,      /* I64, j */
} RTLP_SIZE;

typedef struct _RTLP_SPEC {
    ULONG Flags;
    int Width;     /* >= 0 */
    int Precision; /* < 0: not given */
    RTLP_SIZE Size;
    ULONG Conversion;
} RTLP_SPEC;

#define RTLP_BATCH 128 /* units converted per sink write */

/* ------------------------------------------------------------------ sink */

VOID RtlpFormatSinkInitBuffer(PRTLP_FORMAT_SINK Sink, PVOID Buffer, SIZE_T Capacity)
{
    memset(Sink, 0, sizeof(*Sink));
    Sink->Buffer = Buffer;
    Sink->Capacity = Buffer != NULL ? Capacity : 0;
}

VOID RtlpFormatSinkInitStream(PRTLP_FORMAT_SINK Sink, PVOID Scratch, SIZE_T ScratchCapacity,
                              RTLP_FORMAT_FLUSH *Flush, PVOID Context)
{
    memset(Sink, 0, sizeof(*Sink));
    Sink->Buffer = Scratch;
    Sink->Capacity = ScratchCapacity;
    Sink->Flush = Flush;
    Sink->FlushContext = Context;
}

/* Appends Count units of the sink's own width. */
static void SinkWrite(PRTLP_FORMAT_SINK Sink, const void *Units, SIZE_T Count)
{
    const SIZE_T unitSize = Sink->Wide ? sizeof(WCHAR) : 1;
    const unsigned char *source = Units;

    Sink->Total += Count;
    if (Sink->Failed)
        return;
    while (Count != 0) {
        SIZE_T room = Sink->Capacity - Sink->Used;
        SIZE_T chunk;

        if (room == 0) {
            if (Sink->Flush == NULL)
                return; /* buffer sink: the rest is only counted */
            if (!Sink->Flush(Sink->FlushContext, Sink->Buffer, Sink->Used)) {
                Sink->Failed = TRUE;
                return;
            }
            Sink->Used = 0;
            room = Sink->Capacity;
        }
        chunk = Count < room ? Count : room;
        memcpy((unsigned char *)Sink->Buffer + Sink->Used * unitSize, source, chunk * unitSize);
        Sink->Used += chunk;
        source += chunk * unitSize;
        Count -= chunk;
    }
}

static void SinkFinish(PRTLP_FORMAT_SINK Sink)
{
    if (Sink->Flush != NULL && !Sink->Failed && Sink->Used != 0) {
        if (!Sink->Flush(Sink->FlushContext, Sink->Buffer, Sink->Used))
            Sink->Failed = TRUE;
        Sink->Used = 0;
    }
}

/* ASCII text: the same characters in either width. */
static void EmitAscii(PRTLP_FORMAT_SINK Sink, const char *Text, SIZE_T Count)
{
    WCHAR batch[RTLP_BATCH];

    if (!Sink->Wide) {
        SinkWrite(Sink, Text, Count);
        return;
    }
    while (Count != 0) {
        SIZE_T n = Count < RTLP_BATCH ? Count : RTLP_BATCH;
        SIZE_T k;
        for (k = 0; k < n; k++)
            batch[k] = (unsigned char)Text[k];
        SinkWrite(Sink, batch, n);
        Text += n;
        Count -= n;
    }
}

static void EmitRepeat(PRTLP_FORMAT_SINK Sink, char Unit, SIZE_T Count)
{
    union {
        char Narrow[RTLP_BATCH];
        WCHAR Wide[RTLP_BATCH];
    } batch;
    SIZE_T k;

    if (Count == 0)
        return;
    for (k = 0; k < RTLP_BATCH && k < Count; k++) {
        if (Sink->Wide)
            batch.Wide[k] = (unsigned char)Unit;
        else
            batch.Narrow[k] = Unit;
    }
    while (Count != 0) {
        SIZE_T n = Count < RTLP_BATCH ? Count : RTLP_BATCH;
        SinkWrite(Sink, &batch, n);
        Count -= n;
    }
}

/* UTF-16 text, converted to UTF-8 for a narrow sink. */
static void EmitWideText(PRTLP_FORMAT_SINK Sink, const WCHAR *Text, SIZE_T Count)
{
    char batch[RTLP_BATCH];
    SIZE_T used = 0;
    SIZE_T i = 0;

    if (Sink->Wide) {
        SinkWrite(Sink, Text, Count);
        return;
    }
    while (i < Count) {
        ULONG codePoint;

        if (used > RTLP_BATCH - 4) {
            SinkWrite(Sink, batch, used);
            used = 0;
        }
        if (Text[i] < 0x80) {
            batch[used++] = (char)Text[i++];
            continue;
        }
        i += RtlpUtf16Decode(Text + i, Count - i, &codePoint);
        used += RtlpUtf8Encode(codePoint, batch + used);
    }
    if (used != 0)
        SinkWrite(Sink, batch, used);
}

/* Multibyte (UTF-8) text, converted to UTF-16 for a wide sink. */
static void EmitNarrowText(PRTLP_FORMAT_SINK Sink, const char *Text, SIZE_T Count)
{
    WCHAR batch[RTLP_BATCH];
    SIZE_T used = 0;
    SIZE_T i = 0;

    if (!Sink->Wide) {
        SinkWrite(Sink, Text, Count);
        return;
    }
    while (i < Count) {
        ULONG codePoint;

        if (used > RTLP_BATCH - 2) {
            SinkWrite(Sink, batch, used);
            used = 0;
        }
        if ((unsigned char)Text[i] < 0x80) {
            batch[used++] = (unsigned char)Text[i++];
            continue;
        }
        i += RtlpUtf8Decode(Text + i, Count - i, &codePoint);
        used += RtlpUtf16Encode(codePoint, batch + used);
    }
    if (used != 0)
        SinkWrite(Sink, batch, used);
}

/* Text of Count source units padded to the field width. MS pads strings and
 * characters with zeros too when the '0' flag is given. */
static void EmitPaddedText(PRTLP_FORMAT_SINK Sink, const RTLP_SPEC *Spec, const void *Text, SIZE_T Count,
                           BOOLEAN WideText)
{
    SIZE_T padding = (SIZE_T)Spec->Width > Count ? (SIZE_T)Spec->Width - Count : 0;

    if (!(Spec->Flags & FLAG_LEFT))
        EmitRepeat(Sink, (Spec->Flags & FLAG_ZERO) ? '0' : ' ', padding);
    if (WideText)
        EmitWideText(Sink, Text, Count);
    else
        EmitNarrowText(Sink, Text, Count);
    if (Spec->Flags & FLAG_LEFT)
        EmitRepeat(Sink, ' ', padding);
}

/* -------------------------------------------------------------- integers */

static ULONGLONG FetchUnsigned(va_list *Arguments, RTLP_SIZE Size)
{
    switch (Size) {
    case SizeChar:
        return (unsigned char)va_arg(*Arguments, unsigned int);
    case SizeShort:
        return (unsigned short)va_arg(*Arguments, unsigned int);
    case SizeDefault:
    case SizeLong:
    case SizeInt32:
        return va_arg(*Arguments, unsigned int);
    default:
        return va_arg(*Arguments, unsigned long long);
    }
}

static LONGLONG FetchSigned(va_list *Arguments, RTLP_SIZE Size)
{
    switch (Size) {
    case SizeChar:
        return (signed char)va_arg(*Arguments, int);
    case SizeShort:
        return (short)va_arg(*Arguments, int);
    case SizeDefault:
    case SizeLong:
    case SizeInt32:
        return va_arg(*Arguments, int);
    default:
        return va_arg(*Arguments, long long);
    }
}

static void FormatInteger(PRTLP_FORMAT_SINK Sink, const RTLP_SPEC *Spec, ULONGLONG Magnitude, BOOLEAN Negative,
                          BOOLEAN Signed, unsigned Radix, BOOLEAN Upper)
{
    static const char lowerDigits[] = "0123456789abcdef";
    static const char upperDigits[] = "0123456789ABCDEF";
    const char *digitSet = Upper ? upperDigits : lowerDigits;
    char digits[24]; /* 22 octal digits hold 64 bits */
    SIZE_T digitCount = 0;
    char prefix[2];
    SIZE_T prefixLength = 0;
    SIZE_T precisionZeros = 0;
    SIZE_T total, padding;
    ULONG flags = Spec->Flags;
    ULONGLONG value = Magnitude;

    /* "%.0d" of 0 prints no digits. */
    if (!(value == 0 && Spec->Precision == 0)) {
        /* Separate loops so the divisions are by constants. */
        if (Radix == 10) {
            do {
                digits[sizeof(digits) - ++digitCount] = (char)('0' + value % 10);
                value /= 10;
            } while (value != 0);
        } else if (Radix == 16) {
            do {
                digits[sizeof(digits) - ++digitCount] = digitSet[value & 0xF];
                value >>= 4;
            } while (value != 0);
        } else {
            do {
                digits[sizeof(digits) - ++digitCount] = (char)('0' + (value & 7));
                value >>= 3;
            } while (value != 0);
        }
    }

    if (Signed) {
        if (Negative)
            prefix[prefixLength++] = '-';
        else if (flags & FLAG_PLUS)
            prefix[prefixLength++] = '+';
        else if (flags & FLAG_SPACE)
            prefix[prefixLength++] = ' ';
    }
    if (Spec->Precision >= 0) {
        /* An explicit precision disables zero padding. */
        flags &= ~FLAG_ZERO;
        if ((SIZE_T)Spec->Precision > digitCount)
            precisionZeros = (SIZE_T)Spec->Precision - digitCount;
    }
    if (flags & FLAG_ALT) {
        if (Radix == 16 && Magnitude != 0) {
            prefix[prefixLength++] = '0';
            prefix[prefixLength++] = Upper ? 'X' : 'x';
        } else if (Radix == 8 && precisionZeros == 0 &&
                   (digitCount == 0 || digits[sizeof(digits) - digitCount] != '0')) {
            precisionZeros = 1; /* the alternate octal form starts with 0 */
        }
    }

    total = prefixLength + precisionZeros + digitCount;
    padding = (SIZE_T)Spec->Width > total ? (SIZE_T)Spec->Width - total : 0;
    if (!(flags & (FLAG_LEFT | FLAG_ZERO)))
        EmitRepeat(Sink, ' ', padding);
    EmitAscii(Sink, prefix, prefixLength);
    if ((flags & FLAG_ZERO) && !(flags & FLAG_LEFT))
        EmitRepeat(Sink, '0', padding);
    EmitRepeat(Sink, '0', precisionZeros);
    EmitAscii(Sink, digits + sizeof(digits) - digitCount, digitCount);
    if (flags & FLAG_LEFT)
        EmitRepeat(Sink, ' ', padding);
}

/* -------------------------------------------------------- floating point */

/* Precisions above these are produced by the host with the limit and
 * completed with zeros: past them every digit of a double is zero (its exact
 * decimal expansion has at most 1074 fractional and 767 significant digits;
 * %a has 13 hex digits). Keeps the digit buffer on the stack bounded. */
#define RTLP_MAX_FIXED_PRECISION 1100
#define RTLP_MAX_SIGNIFICANT_PRECISION 800
#define RTLP_FLOAT_BUFFER 1536 /* sign, 309 integer digits, '.', 1100 digits */

static void FormatFloat(PRTLP_FORMAT_SINK Sink, const RTLP_SPEC *Spec, double Value)
{
    const ULONG conversion = Spec->Conversion;
    const BOOLEAN upper = conversion == 'E' || conversion == 'F' || conversion == 'G' || conversion == 'A';
    ULONGLONG bits;
    BOOLEAN negative;
    char text[RTLP_FLOAT_BUFFER];
    char hostFormat[16];
    SIZE_T formatLength = 0;
    int precision = Spec->Precision;
    int hostPrecision;
    SIZE_T extraZeros = 0;
    SIZE_T length, signLength, insertAt, total, padding;
    int written;
    char digitsOfPrecision[8];
    int digitCount = 0;

    memcpy(&bits, &Value, sizeof(bits));
    negative = (BOOLEAN)(bits >> 63);

    if (((bits >> 52) & 0x7FF) == 0x7FF) {
        /* Infinity and NaN, spelled as the UCRT does; zero padding does not
         * apply to them. */
        const ULONGLONG mantissa = bits & ((1ULL << 52) - 1);
        const ULONGLONG quietBit = 1ULL << 51;
        const char *word;
        char sign = 0;
        RTLP_SPEC padded = *Spec;
        SIZE_T k;

        if (mantissa == 0)
            word = upper ? "INF" : "inf";
        else if (!(mantissa & quietBit))
            word = upper ? "NAN(SNAN)" : "nan(snan)";
        else if (negative && mantissa == quietBit)
            word = upper ? "NAN(IND)" : "nan(ind)"; /* the x64 default NaN */
        else
            word = upper ? "NAN" : "nan";
        if (negative)
            sign = '-';
        else if (Spec->Flags & FLAG_PLUS)
            sign = '+';
        else if (Spec->Flags & FLAG_SPACE)
            sign = ' ';
        k = 0;
        if (sign)
            text[k++] = sign;
        memcpy(text + k, word, strlen(word));
        k += strlen(word);
        padded.Flags &= ~FLAG_ZERO;
        EmitPaddedText(Sink, &padded, text, k, FALSE);
        return;
    }

    if (precision < 0)
        precision = (conversion == 'a' || conversion == 'A') ? 13 : 6;
    hostPrecision = precision;
    if ((conversion == 'f' || conversion == 'F') && precision > RTLP_MAX_FIXED_PRECISION)
        hostPrecision = RTLP_MAX_FIXED_PRECISION;
    else if (conversion != 'f' && conversion != 'F' && precision > RTLP_MAX_SIGNIFICANT_PRECISION)
        hostPrecision = RTLP_MAX_SIGNIFICANT_PRECISION;
    /* %g without '#' drops trailing zeros, so the missing ones never show. */
    if (hostPrecision != precision && !((conversion == 'g' || conversion == 'G') && !(Spec->Flags & FLAG_ALT)))
        extraZeros = (SIZE_T)(precision - hostPrecision);

    hostFormat[formatLength++] = '%';
    if (Spec->Flags & FLAG_PLUS)
        hostFormat[formatLength++] = '+';
    if (Spec->Flags & FLAG_SPACE)
        hostFormat[formatLength++] = ' ';
    if (Spec->Flags & FLAG_ALT)
        hostFormat[formatLength++] = '#';
    hostFormat[formatLength++] = '.';
    do {
        digitsOfPrecision[digitCount++] = (char)('0' + hostPrecision % 10);
        hostPrecision /= 10;
    } while (hostPrecision != 0);
    while (digitCount != 0)
        hostFormat[formatLength++] = digitsOfPrecision[--digitCount];
    hostFormat[formatLength++] = (char)conversion;
    hostFormat[formatLength] = '\0';

    written = RtlpHostSnprintf(text, sizeof(text), hostFormat, Value);
    if (written < 0)
        written = 0;
    length = (SIZE_T)written < sizeof(text) ? (SIZE_T)written : sizeof(text) - 1;

    /* Where zero padding goes: after the sign and a %a "0x". */
    signLength = (length != 0 && (text[0] == '-' || text[0] == '+' || text[0] == ' ')) ? 1 : 0;
    if ((conversion == 'a' || conversion == 'A') && length >= signLength + 2)
        signLength += 2;
    /* Where the completing zeros go: before the exponent, or at the end. */
    insertAt = length;
    if (extraZeros != 0 && conversion != 'f' && conversion != 'F') {
        const char exponentMark = (conversion == 'a' || conversion == 'A') ? (upper ? 'P' : 'p') : (upper ? 'E' : 'e');
        const char *mark = memchr(text, exponentMark, length);
        if (mark != NULL)
            insertAt = (SIZE_T)(mark - text);
    }

    total = length + extraZeros;
    padding = (SIZE_T)Spec->Width > total ? (SIZE_T)Spec->Width - total : 0;
    if (!(Spec->Flags & (FLAG_LEFT | FLAG_ZERO)))
        EmitRepeat(Sink, ' ', padding);
    EmitAscii(Sink, text, signLength);
    if ((Spec->Flags & FLAG_ZERO) && !(Spec->Flags & FLAG_LEFT))
        EmitRepeat(Sink, '0', padding);
    EmitAscii(Sink, text + signLength, insertAt - signLength);
    EmitRepeat(Sink, '0', extraZeros);
    EmitAscii(Sink, text + insertAt, length - insertAt);
    if (Spec->Flags & FLAG_LEFT)
        EmitRepeat(Sink, ' ', padding);
}

/* ---------------------------------------------------- characters, strings */

static SIZE_T WideLength(const WCHAR *Text, int Precision)
{
    SIZE_T n = 0;

    if (Precision < 0) {
        while (Text[n] != 0)
            n++;
    } else {
        while (n < (SIZE_T)Precision && Text[n] != 0)
            n++;
    }
    return n;
}

static SIZE_T NarrowLength(const char *Text, int Precision)
{
    return Precision < 0 ? strlen(Text) : strnlen(Text, (SIZE_T)Precision);
}

/* Whether a c/C/s/S/Z argument is wide: h means narrow, l and w wide;
 * without a prefix c and s take the family's width, C and S the other one,
 * and Z an ANSI_STRING (the kernel formatter's rule, see the header). */
static BOOLEAN ArgumentIsWide(const RTLP_SPEC *Spec, BOOLEAN FamilyWide)
{
    switch (Spec->Size) {
    case SizeShort:
        return FALSE;
    case SizeLong:
    case SizeWide:
        return TRUE;
    default:
        if (Spec->Conversion == 'Z')
            return FALSE;
        return (Spec->Conversion == 'c' || Spec->Conversion == 's') ? FamilyWide : !FamilyWide;
    }
}

static void FormatString(PRTLP_FORMAT_SINK Sink, const RTLP_SPEC *Spec, const void *Argument, BOOLEAN WideArgument)
{
    SIZE_T length;

    if (Argument == NULL) {
        static const char nullText[] = "(null)";
        length = NarrowLength(nullText, Spec->Precision);
        EmitPaddedText(Sink, Spec, nullText, length, FALSE);
        return;
    }
    if (WideArgument) {
        const WCHAR *text = Argument;
        length = WideLength(text, Spec->Precision);
        /* Cut by the precision between the halves of a pair: drop the
         * high half rather than print a replacement character. */
        if (Spec->Precision >= 0 && length == (SIZE_T)Spec->Precision && length != 0 &&
            text[length - 1] >= 0xD800 && text[length - 1] <= 0xDBFF)
            length--;
        EmitPaddedText(Sink, Spec, text, length, TRUE);
    } else {
        const unsigned char *text = Argument;
        length = NarrowLength(Argument, Spec->Precision);
        /* Converting to UTF-16: do not turn a sequence the precision cut
         * into a replacement character. (Narrow to narrow copies bytes.) */
        if (Sink->Wide && Spec->Precision >= 0 && length == (SIZE_T)Spec->Precision) {
            SIZE_T back = 0;
            while (back < 3 && back < length && (text[length - 1 - back] & 0xC0) == 0x80)
                back++;
            if (back < length && text[length - 1 - back] >= 0xC0) {
                unsigned lead = text[length - 1 - back];
                SIZE_T expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
                if (back + 1 < expected)
                    length -= back + 1;
            }
        }
        EmitPaddedText(Sink, Spec, text, length, FALSE);
    }
}

/* %Z / %hZ: ANSI_STRING; %wZ / %lZ: UNICODE_STRING. Length is in bytes. */
static void FormatCountedString(PRTLP_FORMAT_SINK Sink, const RTLP_SPEC *Spec, const void *Argument,
                                BOOLEAN WideArgument)
{
    RTLP_SPEC noPrecision = *Spec;

    noPrecision.Precision = -1;
    if (WideArgument) {
        const UNICODE_STRING *string = Argument;
        if (string == NULL || string->Buffer == NULL)
            FormatString(Sink, &noPrecision, NULL, FALSE);
        else
            EmitPaddedText(Sink, &noPrecision, string->Buffer, string->Length / sizeof(WCHAR), TRUE);
    } else {
        const STRING *string = Argument;
        if (string == NULL || string->Buffer == NULL)
            FormatString(Sink, &noPrecision, NULL, FALSE);
        else
            EmitPaddedText(Sink, &noPrecision, string->Buffer, string->Length, FALSE);
    }
}

/* ------------------------------------------------------------- the parser */

static inline ULONG FormatUnit(const void *Format, BOOLEAN Wide, SIZE_T Index)
{
    return Wide ? ((const WCHAR *)Format)[Index] : (unsigned char)((const char *)Format)[Index];
}

static const void *FormatAt(const void *Format, BOOLEAN Wide, SIZE_T Index)
{
    return Wide ? (const void *)((const WCHAR *)Format + Index) : (const void *)((const char *)Format + Index);
}

/* Reads decimal digits at *Index, saturating at INT_MAX. */
static int ParseNumber(const void *Format, BOOLEAN Wide, SIZE_T *Index)
{
    int value = 0;
    ULONG unit;

    while ((unit = FormatUnit(Format, Wide, *Index)) >= '0' && unit <= '9') {
        int digit = (int)(unit - '0');
        value = value > (INT_MAX - digit) / 10 ? INT_MAX : value * 10 + digit;
        (*Index)++;
    }
    return value;
}

static BOOLEAN SizeAllowed(RTLP_SIZE Size, ULONG Conversion)
{
    switch (Conversion) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
        return Size != SizeLongDouble && Size != SizeWide;
    case 'c': case 'C': case 's': case 'S': case 'Z':
        return Size == SizeDefault || Size == SizeShort || Size == SizeLong || Size == SizeWide;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        return Size == SizeDefault || Size == SizeLong || Size == SizeLongDouble;
    default:
        return TRUE;
    }
}

/* Formats one conversion whose spec has been parsed. FALSE: not supported. */
static BOOLEAN FormatConversion(PRTLP_FORMAT_SINK Sink, RTLP_SPEC *Spec, va_list *Arguments)
{
    const ULONG conversion = Spec->Conversion;

    if (!SizeAllowed(Spec->Size, conversion))
        return FALSE;

    switch (conversion) {
    case 'd':
    case 'i': {
        LONGLONG value = FetchSigned(Arguments, Spec->Size);
        ULONGLONG magnitude = value < 0 ? 0 - (ULONGLONG)value : (ULONGLONG)value;
        FormatInteger(Sink, Spec, magnitude, value < 0, TRUE, 10, FALSE);
        return TRUE;
    }
    case 'u':
        FormatInteger(Sink, Spec, FetchUnsigned(Arguments, Spec->Size), FALSE, FALSE, 10, FALSE);
        return TRUE;
    case 'o':
        FormatInteger(Sink, Spec, FetchUnsigned(Arguments, Spec->Size), FALSE, FALSE, 8, FALSE);
        return TRUE;
    case 'x':
    case 'X':
        FormatInteger(Sink, Spec, FetchUnsigned(Arguments, Spec->Size), FALSE, FALSE, 16, conversion == 'X');
        return TRUE;
    case 'p': {
        /* MSVC x64: 16 upper-case digits, no "0x" (unless '#'). */
        ULONG_PTR value = (ULONG_PTR)va_arg(*Arguments, void *);
        Spec->Precision = 2 * (int)sizeof(void *);
        FormatInteger(Sink, Spec, value, FALSE, FALSE, 16, TRUE);
        return TRUE;
    }
    case 'c':
    case 'C': {
        if (ArgumentIsWide(Spec, Sink->Wide)) {
            WCHAR unit = (WCHAR)va_arg(*Arguments, int);
            EmitPaddedText(Sink, Spec, &unit, 1, TRUE);
        } else {
            char unit = (char)va_arg(*Arguments, int);
            EmitPaddedText(Sink, Spec, &unit, 1, FALSE);
        }
        return TRUE;
    }
    case 's':
    case 'S':
        FormatString(Sink, Spec, va_arg(*Arguments, const void *), ArgumentIsWide(Spec, Sink->Wide));
        return TRUE;
    case 'Z':
        FormatCountedString(Sink, Spec, va_arg(*Arguments, const void *), ArgumentIsWide(Spec, Sink->Wide));
        return TRUE;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A': {
        /* MSVC's long double is a double; GCC passes 80 bits for a
         * long double argument, so read what the caller passed. */
        double value = Spec->Size == SizeLongDouble ? (double)va_arg(*Arguments, long double)
                                                    : va_arg(*Arguments, double);
        FormatFloat(Sink, Spec, value);
        return TRUE;
    }
    case 'n': {
        /* Writing through %n is disabled in the UCRT by default and is a
         * classic exploit primitive; refuse it visibly. */
        static const char refusal[] = "(%n not supported)";
        (void)va_arg(*Arguments, void *);
        EmitAscii(Sink, refusal, sizeof(refusal) - 1);
        return TRUE;
    }
    case '%':
        EmitAscii(Sink, "%", 1);
        return TRUE;
    default:
        return FALSE;
    }
}

static RTLP_FORMAT_STATUS FormatCore(PRTLP_FORMAT_SINK Sink, const void *Format, va_list *Arguments)
{
    const BOOLEAN wide = Sink->Wide;
    SIZE_T index = 0;

    for (;;) {
        const SIZE_T literalStart = index;
        SIZE_T specStart, specEnd;
        ULONG unit;
        RTLP_SPEC spec;

        while ((unit = FormatUnit(Format, wide, index)) != 0 && unit != '%')
            index++;
        if (index != literalStart)
            SinkWrite(Sink, FormatAt(Format, wide, literalStart), index - literalStart);
        if (unit == 0)
            break;

        specStart = index++;
        spec.Flags = 0;
        spec.Width = 0;
        spec.Precision = -1;
        spec.Size = SizeDefault;

        for (;;) {
            unit = FormatUnit(Format, wide, index);
            if (unit == '-')
                spec.Flags |= FLAG_LEFT;
            else if (unit == '+')
                spec.Flags |= FLAG_PLUS;
            else if (unit == ' ')
                spec.Flags |= FLAG_SPACE;
            else if (unit == '#')
                spec.Flags |= FLAG_ALT;
            else if (unit == '0')
                spec.Flags |= FLAG_ZERO;
            else
                break;
            index++;
        }

        if (unit == '*') {
            int width = va_arg(*Arguments, int);
            index++;
            if (width < 0) {
                spec.Flags |= FLAG_LEFT;
                width = width == INT_MIN ? INT_MAX : -width;
            }
            spec.Width = width;
        } else {
            spec.Width = ParseNumber(Format, wide, &index);
            if (FormatUnit(Format, wide, index) == '$') {
                specEnd = index + 1;
                goto invalid; /* positional arguments (%1$d) are not supported */
            }
        }

        if (FormatUnit(Format, wide, index) == '.') {
            index++;
            if (FormatUnit(Format, wide, index) == '*') {
                int precision = va_arg(*Arguments, int);
                index++;
                spec.Precision = precision < 0 ? -1 : precision;
            } else {
                spec.Precision = ParseNumber(Format, wide, &index);
            }
        }

        unit = FormatUnit(Format, wide, index);
        switch (unit) {
        case 'h':
            index++;
            if (FormatUnit(Format, wide, index) == 'h') {
                index++;
                spec.Size = SizeChar;
            } else {
                spec.Size = SizeShort;
            }
            break;
        case 'l':
            index++;
            if (FormatUnit(Format, wide, index) == 'l') {
                index++;
                spec.Size = SizeLongLong;
            } else {
                spec.Size = SizeLong;
            }
            break;
        case 'L':
            index++;
            spec.Size = SizeLongDouble;
            break;
        case 'w':
            index++;
            spec.Size = SizeWide;
            break;
        case 'I':
            index++;
            if (FormatUnit(Format, wide, index) == '3' && FormatUnit(Format, wide, index + 1) == '2') {
                index += 2;
                spec.Size = SizeInt32;
            } else if (FormatUnit(Format, wide, index) == '6' && FormatUnit(Format, wide, index + 1) == '4') {
                index += 2;
                spec.Size = SizeInt64;
            } else {
                spec.Size = SizePointer;
            }
            break;
        case 'j':
            index++;
            spec.Size = SizeInt64;
            break;
        case 'z':
        case 't':
            index++;
            spec.Size = SizePointer;
            break;
        default:
            break;
        }

        spec.Conversion = FormatUnit(Format, wide, index);
        if (spec.Conversion == 0) {
            specEnd = index;
            goto invalid; /* the format ends inside a conversion */
        }
        index++;
        if (!FormatConversion(Sink, &spec, Arguments)) {
            specEnd = index;
            goto invalid;
        }
        if (Sink->Failed)
            return RtlpFormatOutputFailed;
        continue;

    invalid:
        EmitAscii(Sink, "(invalid conversion ", 20);
        SinkWrite(Sink, FormatAt(Format, wide, specStart), specEnd - specStart);
        EmitAscii(Sink, ")", 1);
        SinkFinish(Sink);
        return Sink->Failed ? RtlpFormatOutputFailed : RtlpFormatInvalidSpec;
    }

    SinkFinish(Sink);
    return Sink->Failed ? RtlpFormatOutputFailed : RtlpFormatOk;
}

RTLP_FORMAT_STATUS RtlpFormatNarrow(PRTLP_FORMAT_SINK Sink, const char *Format, va_list Arguments)
{
    RTLP_FORMAT_STATUS status;
    va_list arguments;

    Sink->Wide = FALSE;
    va_copy(arguments, Arguments);
    status = FormatCore(Sink, Format, &arguments);
    va_end(arguments);
    return status;
}

RTLP_FORMAT_STATUS RtlpFormatWide(PRTLP_FORMAT_SINK Sink, const WCHAR *Format, va_list Arguments)
{
    RTLP_FORMAT_STATUS status;
    va_list arguments;

    Sink->Wide = TRUE;
    va_copy(arguments, Arguments);
    status = FormatCore(Sink, Format, &arguments);
    va_end(arguments);
    return status;
}
