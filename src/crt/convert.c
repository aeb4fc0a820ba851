/*
 * convert.c - number <-> text and multibyte <-> wide conversions with
 * Windows semantics (declared in include/shared/stdlib.h and wchar.h).
 *
 *   strtol, strtoul, atoi, atol, wcstol, wcstoul, _wtoi, _wtol:
 *       32-bit results, as Windows' `long` is: out of range saturates at
 *       0x7fffffff / -0x80000000 / 0xffffffff with errno ERANGE.
 *   _strtoi64, _strtoui64, _atoi64, wcstoll, wcstoull, _wcstoi64,
 *   _wcstoui64, _wtoi64, _wtoll: the 64-bit forms.
 *   A base other than 0 or 2..36, or a NULL string, is an invalid
 *   parameter (EINVAL, 0). An unsigned conversion of "-n" negates in the
 *   result type, as ISO C says.
 *   _itoa & co.: radix 2..36, lower-case digits; '-' only in radix 10.
 *   mbstowcs & co.: the multibyte encoding is UTF-8 (see stdlib.h).
 *   wcstod, _wtof: glibc's strtod on the ASCII prefix of the wide string.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "crt_internal.h"

/* The Windows limits of `long` / `unsigned long` (32-bit). */
#define CRTP_LONG_MAX 0x7FFFFFFFULL
#define CRTP_ULONG_MAX 0xFFFFFFFFULL

/* ------------------------------------------------------- text to number */

static inline unsigned UnitAt(const void *Text, size_t Index, BOOLEAN Wide)
{
    return Wide ? ((const wchar_t *)Text)[Index] : ((const unsigned char *)Text)[Index];
}

static inline BOOLEAN IsSpace(unsigned Unit)
{
    return Unit == ' ' || (Unit >= '\t' && Unit <= '\r');
}

static inline int DigitValue(unsigned Unit)
{
    if (Unit >= '0' && Unit <= '9')
        return (int)(Unit - '0');
    if (Unit >= 'a' && Unit <= 'z')
        return (int)(Unit - 'a' + 10);
    if (Unit >= 'A' && Unit <= 'Z')
        return (int)(Unit - 'A' + 10);
    return 99;
}

typedef struct _CRTP_PARSED_INTEGER {
    ULONGLONG Magnitude; /* saturated at ULLONG_MAX when Overflow */
    BOOLEAN Negative;
    BOOLEAN Overflow;    /* the magnitude does not fit 64 bits */
    size_t End;          /* units consumed; 0 when there was no number */
} CRTP_PARSED_INTEGER;

/* Parses [whitespace][sign][0x|0X|0]digits. FALSE if Base is invalid. */
static BOOLEAN ParseInteger(const void *Text, BOOLEAN Wide, int Base, CRTP_PARSED_INTEGER *Result)
{
    size_t i = 0, digitsStart;
    unsigned unit;

    memset(Result, 0, sizeof(*Result));
    if (Base != 0 && (Base < 2 || Base > 36))
        return FALSE;

    while (IsSpace(UnitAt(Text, i, Wide)))
        i++;
    unit = UnitAt(Text, i, Wide);
    if (unit == '-' || unit == '+') {
        Result->Negative = unit == '-';
        i++;
    }
    if ((Base == 0 || Base == 16) && UnitAt(Text, i, Wide) == '0' &&
        (UnitAt(Text, i + 1, Wide) == 'x' || UnitAt(Text, i + 1, Wide) == 'X') &&
        DigitValue(UnitAt(Text, i + 2, Wide)) < 16) {
        i += 2;
        Base = 16;
    } else if (Base == 0) {
        Base = UnitAt(Text, i, Wide) == '0' ? 8 : 10;
    }

    digitsStart = i;
    for (;; i++) {
        int digit = DigitValue(UnitAt(Text, i, Wide));
        if (digit >= Base)
            break;
        if (Result->Magnitude > (ULLONG_MAX - (ULONGLONG)digit) / (ULONGLONG)Base) {
            Result->Overflow = TRUE;
            Result->Magnitude = ULLONG_MAX;
        } else if (!Result->Overflow) {
            Result->Magnitude = Result->Magnitude * (ULONGLONG)Base + (ULONGLONG)digit;
        }
    }
    Result->End = i == digitsStart ? 0 : i;
    if (Result->End == 0)
        Result->Negative = FALSE;
    return TRUE;
}

static void SetEnd(const void *Text, BOOLEAN Wide, size_t End, void *EndPointer)
{
    if (EndPointer == NULL)
        return;
    if (Wide)
        *(wchar_t **)EndPointer = (wchar_t *)Text + End;
    else
        *(char **)EndPointer = (char *)Text + End;
}

/* A signed conversion whose magnitude limit is Limit (the maximum positive
 * value; the negative limit is one more). */
static LONGLONG ToSigned(const char *Function, const void *Text, BOOLEAN Wide, void *EndPointer, int Base,
                         ULONGLONG Limit)
{
    CRTP_PARSED_INTEGER parsed;

    if (Text == NULL || !ParseInteger(Text, Wide, Base, &parsed)) {
        CrtpInvalidParameter(Function, Text == NULL ? "string is NULL" : "base is not 0 or 2..36");
        errno = EINVAL;
        if (Text != NULL)
            SetEnd(Text, Wide, 0, EndPointer);
        return 0;
    }
    SetEnd(Text, Wide, parsed.End, EndPointer);
    if (parsed.Negative) {
        if (parsed.Overflow || parsed.Magnitude > Limit + 1) {
            errno = ERANGE;
            return -(LONGLONG)Limit - 1;
        }
        return (LONGLONG)(0 - parsed.Magnitude);
    }
    if (parsed.Overflow || parsed.Magnitude > Limit) {
        errno = ERANGE;
        return (LONGLONG)Limit;
    }
    return (LONGLONG)parsed.Magnitude;
}

static ULONGLONG ToUnsigned(const char *Function, const void *Text, BOOLEAN Wide, void *EndPointer, int Base,
                            ULONGLONG Limit)
{
    CRTP_PARSED_INTEGER parsed;

    if (Text == NULL || !ParseInteger(Text, Wide, Base, &parsed)) {
        CrtpInvalidParameter(Function, Text == NULL ? "string is NULL" : "base is not 0 or 2..36");
        errno = EINVAL;
        if (Text != NULL)
            SetEnd(Text, Wide, 0, EndPointer);
        return 0;
    }
    SetEnd(Text, Wide, parsed.End, EndPointer);
    if (parsed.Overflow || parsed.Magnitude > Limit) {
        errno = ERANGE;
        return Limit;
    }
    return parsed.Negative ? (0 - parsed.Magnitude) & Limit : parsed.Magnitude;
}

NTK_CRTIMP long ntk_strtol(const char *string, char **end, int base)
{
    return (long)ToSigned("strtol", string, FALSE, end, base, CRTP_LONG_MAX);
}

NTK_CRTIMP unsigned long ntk_strtoul(const char *string, char **end, int base)
{
    return (unsigned long)ToUnsigned("strtoul", string, FALSE, end, base, CRTP_ULONG_MAX);
}

NTK_CRTIMP int ntk_atoi(const char *string)
{
    return (int)ToSigned("atoi", string, FALSE, NULL, 10, CRTP_LONG_MAX);
}

NTK_CRTIMP long ntk_atol(const char *string)
{
    return (long)ToSigned("atol", string, FALSE, NULL, 10, CRTP_LONG_MAX);
}

NTK_CRTIMP long long _strtoi64(const char *string, char **end, int base)
{
    return ToSigned("_strtoi64", string, FALSE, end, base, LLONG_MAX);
}

NTK_CRTIMP unsigned long long _strtoui64(const char *string, char **end, int base)
{
    return ToUnsigned("_strtoui64", string, FALSE, end, base, ULLONG_MAX);
}

NTK_CRTIMP long long _atoi64(const char *string)
{
    return ToSigned("_atoi64", string, FALSE, NULL, 10, LLONG_MAX);
}

NTK_CRTIMP long ntk_wcstol(const wchar_t *string, wchar_t **end, int base)
{
    return (long)ToSigned("wcstol", string, TRUE, end, base, CRTP_LONG_MAX);
}

NTK_CRTIMP unsigned long ntk_wcstoul(const wchar_t *string, wchar_t **end, int base)
{
    return (unsigned long)ToUnsigned("wcstoul", string, TRUE, end, base, CRTP_ULONG_MAX);
}

NTK_CRTIMP long long ntk_wcstoll(const wchar_t *string, wchar_t **end, int base)
{
    return ToSigned("wcstoll", string, TRUE, end, base, LLONG_MAX);
}

NTK_CRTIMP unsigned long long ntk_wcstoull(const wchar_t *string, wchar_t **end, int base)
{
    return ToUnsigned("wcstoull", string, TRUE, end, base, ULLONG_MAX);
}

NTK_CRTIMP long long _wcstoi64(const wchar_t *string, wchar_t **end, int base)
{
    return ToSigned("_wcstoi64", string, TRUE, end, base, LLONG_MAX);
}

NTK_CRTIMP unsigned long long _wcstoui64(const wchar_t *string, wchar_t **end, int base)
{
    return ToUnsigned("_wcstoui64", string, TRUE, end, base, ULLONG_MAX);
}

NTK_CRTIMP int _wtoi(const wchar_t *string)
{
    return (int)ToSigned("_wtoi", string, TRUE, NULL, 10, CRTP_LONG_MAX);
}

NTK_CRTIMP long _wtol(const wchar_t *string)
{
    return (long)ToSigned("_wtol", string, TRUE, NULL, 10, CRTP_LONG_MAX);
}

NTK_CRTIMP long long _wtoi64(const wchar_t *string)
{
    return ToSigned("_wtoi64", string, TRUE, NULL, 10, LLONG_MAX);
}

NTK_CRTIMP long long _wtoll(const wchar_t *string)
{
    return ToSigned("_wtoll", string, TRUE, NULL, 10, LLONG_MAX);
}

/* The characters a floating-point number can be spelled with (digits,
 * signs, '.', exponents, hex floats, "inf", "nan(...)"). */
static inline BOOLEAN IsFloatUnit(unsigned Unit)
{
    return (Unit >= '0' && Unit <= '9') || (Unit >= 'a' && Unit <= 'z') || (Unit >= 'A' && Unit <= 'Z') ||
           Unit == '.' || Unit == '+' || Unit == '-' || Unit == '(' || Unit == ')' || Unit == '_';
}

NTK_CRTIMP double ntk_wcstod(const wchar_t *string, wchar_t **end)
{
    char small[128];
    char *copy = small;
    char *parsedEnd;
    size_t skip = 0, length = 0, i;
    double value;

    if (string == NULL) {
        CrtpInvalidParameter("wcstod", "string is NULL");
        errno = EINVAL;
        return 0.0;
    }
    while (IsSpace(string[skip]))
        skip++;
    while (IsFloatUnit(string[skip + length]))
        length++;
    if (length >= sizeof(small)) {
        copy = malloc(length + 1);
        if (copy == NULL) {
            errno = ENOMEM;
            if (end != NULL)
                *end = (wchar_t *)string;
            return 0.0;
        }
    }
    for (i = 0; i < length; i++)
        copy[i] = (char)string[skip + i];
    copy[length] = '\0';
    value = strtod(copy, &parsedEnd);
    if (end != NULL)
        *end = (wchar_t *)(parsedEnd == copy ? string : string + skip + (size_t)(parsedEnd - copy));
    if (copy != small)
        free(copy);
    return value;
}

NTK_CRTIMP double _wtof(const wchar_t *string)
{
    return ntk_wcstod(string, NULL);
}

/* ------------------------------------------------------- number to text */

/* Writes Magnitude (with '-' if Negative) in Radix into Buffer[0..Size)
 * with a terminator. Size SIZE_MAX: the legacy unbounded functions. */
static errno_t IntegerToText(const char *Function, ULONGLONG Magnitude, BOOLEAN Negative, void *Buffer, size_t Size,
                             int Radix, BOOLEAN Wide)
{
    char digits[66]; /* 64 binary digits, a sign */
    size_t count = 0, i;

    if (Buffer == NULL || Size == 0) {
        CrtpInvalidParameter(Function, "buffer is NULL or its size is 0");
        errno = EINVAL;
        return EINVAL;
    }
    if (Wide)
        ((wchar_t *)Buffer)[0] = 0;
    else
        ((char *)Buffer)[0] = 0;
    if (Radix < 2 || Radix > 36) {
        CrtpInvalidParameter(Function, "radix is not 2..36");
        errno = EINVAL;
        return EINVAL;
    }
    do {
        unsigned digit = (unsigned)(Magnitude % (unsigned)Radix);
        digits[sizeof(digits) - ++count] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
        Magnitude /= (unsigned)Radix;
    } while (Magnitude != 0);
    if (Negative)
        digits[sizeof(digits) - ++count] = '-';
    if (count >= Size) {
        CrtpInvalidParameter(Function, "buffer too small");
        errno = ERANGE;
        return ERANGE;
    }
    for (i = 0; i < count; i++) {
        if (Wide)
            ((wchar_t *)Buffer)[i] = (unsigned char)digits[sizeof(digits) - count + i];
        else
            ((char *)Buffer)[i] = digits[sizeof(digits) - count + i];
    }
    if (Wide)
        ((wchar_t *)Buffer)[count] = 0;
    else
        ((char *)Buffer)[count] = 0;
    return 0;
}

/* Signed values print their two's complement outside radix 10; Bits is the
 * width of the value's Windows type. */
static errno_t SignedToText(const char *Function, LONGLONG Value, unsigned Bits, void *Buffer, size_t Size, int Radix,
                            BOOLEAN Wide)
{
    if (Radix == 10 && Value < 0)
        return IntegerToText(Function, 0 - (ULONGLONG)Value, TRUE, Buffer, Size, Radix, Wide);
    return IntegerToText(Function, Bits == 32 ? (ULONGLONG)(ULONG)Value : (ULONGLONG)Value, FALSE, Buffer, Size,
                         Radix, Wide);
}

NTK_CRTIMP char *_itoa(int value, char *buffer, int radix)
{
    SignedToText("_itoa", value, 32, buffer, SIZE_MAX, radix, FALSE);
    return buffer;
}

NTK_CRTIMP char *_ltoa(long value, char *buffer, int radix)
{
    SignedToText("_ltoa", (int)value, 32, buffer, SIZE_MAX, radix, FALSE);
    return buffer;
}

NTK_CRTIMP char *_ultoa(unsigned long value, char *buffer, int radix)
{
    IntegerToText("_ultoa", (unsigned int)value, FALSE, buffer, SIZE_MAX, radix, FALSE);
    return buffer;
}

NTK_CRTIMP char *_i64toa(long long value, char *buffer, int radix)
{
    SignedToText("_i64toa", value, 64, buffer, SIZE_MAX, radix, FALSE);
    return buffer;
}

NTK_CRTIMP char *_ui64toa(unsigned long long value, char *buffer, int radix)
{
    IntegerToText("_ui64toa", value, FALSE, buffer, SIZE_MAX, radix, FALSE);
    return buffer;
}

NTK_CRTIMP wchar_t *_itow(int value, wchar_t *buffer, int radix)
{
    SignedToText("_itow", value, 32, buffer, SIZE_MAX, radix, TRUE);
    return buffer;
}

NTK_CRTIMP wchar_t *_ltow(long value, wchar_t *buffer, int radix)
{
    SignedToText("_ltow", (int)value, 32, buffer, SIZE_MAX, radix, TRUE);
    return buffer;
}

NTK_CRTIMP wchar_t *_ultow(unsigned long value, wchar_t *buffer, int radix)
{
    IntegerToText("_ultow", (unsigned int)value, FALSE, buffer, SIZE_MAX, radix, TRUE);
    return buffer;
}

NTK_CRTIMP wchar_t *_i64tow(long long value, wchar_t *buffer, int radix)
{
    SignedToText("_i64tow", value, 64, buffer, SIZE_MAX, radix, TRUE);
    return buffer;
}

NTK_CRTIMP wchar_t *_ui64tow(unsigned long long value, wchar_t *buffer, int radix)
{
    IntegerToText("_ui64tow", value, FALSE, buffer, SIZE_MAX, radix, TRUE);
    return buffer;
}

NTK_CRTIMP errno_t _itoa_s(int value, char *buffer, size_t size, int radix)
{
    return SignedToText("_itoa_s", value, 32, buffer, size, radix, FALSE);
}

NTK_CRTIMP errno_t _ltoa_s(long value, char *buffer, size_t size, int radix)
{
    return SignedToText("_ltoa_s", (int)value, 32, buffer, size, radix, FALSE);
}

NTK_CRTIMP errno_t _ultoa_s(unsigned long value, char *buffer, size_t size, int radix)
{
    return IntegerToText("_ultoa_s", (unsigned int)value, FALSE, buffer, size, radix, FALSE);
}

NTK_CRTIMP errno_t _i64toa_s(long long value, char *buffer, size_t size, int radix)
{
    return SignedToText("_i64toa_s", value, 64, buffer, size, radix, FALSE);
}

NTK_CRTIMP errno_t _ui64toa_s(unsigned long long value, char *buffer, size_t size, int radix)
{
    return IntegerToText("_ui64toa_s", value, FALSE, buffer, size, radix, FALSE);
}

NTK_CRTIMP errno_t _itow_s(int value, wchar_t *buffer, size_t size, int radix)
{
    return SignedToText("_itow_s", value, 32, buffer, size, radix, TRUE);
}

NTK_CRTIMP errno_t _ltow_s(long value, wchar_t *buffer, size_t size, int radix)
{
    return SignedToText("_ltow_s", (int)value, 32, buffer, size, radix, TRUE);
}

NTK_CRTIMP errno_t _ultow_s(unsigned long value, wchar_t *buffer, size_t size, int radix)
{
    return IntegerToText("_ultow_s", (unsigned int)value, FALSE, buffer, size, radix, TRUE);
}

NTK_CRTIMP errno_t _i64tow_s(long long value, wchar_t *buffer, size_t size, int radix)
{
    return SignedToText("_i64tow_s", value, 64, buffer, size, radix, TRUE);
}

NTK_CRTIMP errno_t _ui64tow_s(unsigned long long value, wchar_t *buffer, size_t size, int radix)
{
    return IntegerToText("_ui64tow_s", value, FALSE, buffer, size, radix, TRUE);
}

/* ------------------------------------------------- multibyte (UTF-8) */

static size_t IllegalSequence(void)
{
    errno = EILSEQ;
    return (size_t)-1;
}

NTK_CRTIMP size_t ntk_mbstowcs(wchar_t *destination, const char *source, size_t count)
{
    size_t stored = 0, i = 0;

    if (source == NULL) {
        CrtpInvalidParameter("mbstowcs", "source is NULL");
        errno = EINVAL;
        return (size_t)-1;
    }
    while (destination == NULL || stored < count) {
        ULONG codePoint;
        WCHAR units[2];
        size_t length, unitCount;

        if (source[i] == '\0') {
            if (destination != NULL)
                destination[stored] = 0;
            return stored;
        }
        length = RtlpUtf8DecodeStrict(source + i, 4, &codePoint);
        if (length == 0)
            return IllegalSequence();
        unitCount = RtlpUtf16Encode(codePoint, units);
        if (destination != NULL) {
            if (stored + unitCount > count)
                break; /* never half a surrogate pair */
            destination[stored] = units[0];
            if (unitCount == 2)
                destination[stored + 1] = units[1];
        }
        stored += unitCount;
        i += length;
    }
    return stored;
}

NTK_CRTIMP size_t ntk_wcstombs(char *destination, const wchar_t *source, size_t count)
{
    size_t stored = 0, i = 0;

    if (source == NULL) {
        CrtpInvalidParameter("wcstombs", "source is NULL");
        errno = EINVAL;
        return (size_t)-1;
    }
    while (destination == NULL || stored < count) {
        ULONG codePoint;
        char bytes[4];
        size_t used, length;

        if (source[i] == 0) {
            if (destination != NULL)
                destination[stored] = '\0';
            return stored;
        }
        used = RtlpUtf16Decode(source + i, 2, &codePoint);
        if (used == 1 && source[i] >= 0xD800 && source[i] <= 0xDFFF)
            return IllegalSequence(); /* an unpaired surrogate */
        length = RtlpUtf8Encode(codePoint, bytes);
        if (destination != NULL) {
            if (stored + length > count)
                break; /* never part of a character */
            memcpy(destination + stored, bytes, length);
        }
        stored += length;
        i += used;
    }
    return stored;
}

NTK_CRTIMP int ntk_mbtowc(wchar_t *destination, const char *source, size_t count)
{
    ULONG codePoint;
    size_t length;

    if (source == NULL)
        return 0; /* UTF-8 has no shift state */
    if (count == 0)
        return -1;
    if (*source == '\0') {
        if (destination != NULL)
            *destination = 0;
        return 0;
    }
    length = RtlpUtf8DecodeStrict(source, count < 4 ? count : 4, &codePoint);
    if (length == 0 || codePoint > 0xFFFF) {
        errno = EILSEQ; /* malformed, or needs two wchar_t */
        return -1;
    }
    if (destination != NULL)
        *destination = (wchar_t)codePoint;
    return (int)length;
}

NTK_CRTIMP int ntk_wctomb(char *destination, wchar_t character)
{
    if (destination == NULL)
        return 0;
    if (character >= 0xD800 && character <= 0xDFFF) {
        errno = EILSEQ;
        return -1;
    }
    return (int)RtlpUtf8Encode(character, destination);
}

NTK_CRTIMP int ntk_mblen(const char *source, size_t count)
{
    ULONG codePoint;
    size_t length;

    if (source == NULL)
        return 0;
    if (count == 0)
        return -1;
    if (*source == '\0')
        return 0;
    length = RtlpUtf8DecodeStrict(source, count < 4 ? count : 4, &codePoint);
    if (length == 0) {
        errno = EILSEQ;
        return -1;
    }
    return (int)length;
}

NTK_CRTIMP wint_t ntk_btowc(int character)
{
    return (character >= 0 && character < 0x80) ? (wint_t)character : WEOF;
}

NTK_CRTIMP int ntk_wctob(wint_t character)
{
    return character < 0x80 ? (int)character : EOF;
}

NTK_CRTIMP int ntk_mbsinit(const mbstate_t *state)
{
    (void)state;
    return 1;
}
