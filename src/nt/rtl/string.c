/*
 * string.c - counted-string routines beyond the basics of unicode.c:
 * integer <-> text, case conversion, counted 8-bit STRINGs, prefixes,
 * ANSI (= UTF-8 in ntk) sizes and conversions, duplication, hashing and
 * character search.
 *
 * ntk's ANSI code page is UTF-8, so "multi-byte" means UTF-8 and ANSI case
 * mapping is ASCII's. Return statuses are Windows': growing a counted
 * string past its MaximumLength is STATUS_BUFFER_TOO_SMALL
 * (RtlAppendStringToString), converting into one too small is
 * STATUS_BUFFER_OVERFLOW; RtlUnicodeToMultiByteN/RtlMultiByteToUnicodeN
 * truncate silently and return STATUS_SUCCESS, as documented.
 */
#include <string.h>

#include <internal/ke.h>
#include <internal/rtl.h>
#include <internal/rtl_format.h>

#define RTLP_STRING_TAG 'grtS' /* the tag RtlFreeUnicodeString frees with */

static const char RtlpDigits[] = "0123456789ABCDEF";

/* Value of an alphanumeric digit, or 99. */
static ULONG RtlpDigitValue(ULONG c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    return 99;
}

static BOOLEAN RtlpValidBase(ULONG Base)
{
    return Base == 2 || Base == 8 || Base == 10 || Base == 16;
}

/* Digits of Value in Base at the end of a 65-byte buffer; returns the first. */
static char *RtlpFormatDigits(ULONGLONG Value, ULONG Base, char *End)
{
    char *p = End;
    *p = '\0';
    do {
        *--p = RtlpDigits[Value % Base];
        Value /= Base;
    } while (Value != 0);
    return p;
}

/* Parses an optionally signed number in Base (0: decimal, or 0x/0o/0b
 * prefix) from Count characters fetched by index. */
static NTSTATUS RtlpParseInteger(const void *Text, SIZE_T Count, BOOLEAN Wide, ULONG Base, PULONG Value)
{
    SIZE_T i = 0;
    BOOLEAN negative = FALSE;
    ULONG total = 0;
#define RTLP_AT(k) ((k) < Count ? (Wide ? (ULONG)((const WCHAR *)Text)[k] : (ULONG)((const UCHAR *)Text)[k]) : 0u)

    while (i < Count && RTLP_AT(i) != 0 && RTLP_AT(i) <= ' ')
        i++;
    if (RTLP_AT(i) == '+') {
        i++;
    } else if (RTLP_AT(i) == '-') {
        negative = TRUE;
        i++;
    }
    if (Base == 0) {
        Base = 10;
        if (RTLP_AT(i) == '0') {
            ULONG p = RTLP_AT(i + 1);
            if (p == 'x') {
                Base = 16;
                i += 2;
            } else if (p == 'o') {
                Base = 8;
                i += 2;
            } else if (p == 'b') {
                Base = 2;
                i += 2;
            }
        }
    } else if (!RtlpValidBase(Base)) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Value == NULL)
        return STATUS_ACCESS_VIOLATION;
    for (; i < Count && RTLP_AT(i) != 0; i++) {
        ULONG digit = RtlpDigitValue(RTLP_AT(i));
        if (digit >= Base)
            break;
        total = total * Base + digit;
    }
#undef RTLP_AT
    *Value = negative ? (ULONG)(0u - total) : total;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlIntegerToChar(ULONG Value, ULONG Base, LONG OutputLength, PSZ String)
{
    char buffer[65];
    char *digits;
    ULONG length;

    if (Base == 0)
        Base = 10;
    if (!RtlpValidBase(Base))
        return STATUS_INVALID_PARAMETER;
    digits = RtlpFormatDigits(Value, Base, buffer + 64);
    length = (ULONG)(buffer + 64 - digits);
    /* OutputLength counts bytes; the NUL is added only when it fits. */
    if (length > (ULONG)OutputLength)
        return STATUS_BUFFER_OVERFLOW;
    if (String == NULL)
        return STATUS_ACCESS_VIOLATION;
    memcpy(String, digits, length == (ULONG)OutputLength ? length : length + 1);
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlCharToInteger(PCSZ String, ULONG Base, PULONG Value)
{
    return RtlpParseInteger(String, (SIZE_T)-1, FALSE, Base, Value);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlUnicodeStringToInteger(PCUNICODE_STRING String, ULONG Base, PULONG Value)
{
    return RtlpParseInteger(String->Buffer, String->Length / sizeof(WCHAR), TRUE, Base, Value);
}

static NTSTATUS RtlpNumberToUnicodeString(ULONGLONG Value, ULONG Base, PUNICODE_STRING String)
{
    char buffer[65];
    char *digits;
    USHORT length, i;

    if (Base == 0)
        Base = 10;
    if (!RtlpValidBase(Base))
        return STATUS_INVALID_PARAMETER;
    digits = RtlpFormatDigits(Value, Base, buffer + 64);
    length = (USHORT)((buffer + 64 - digits) * sizeof(WCHAR));
    /* As the ANSI -> Unicode conversion it is on Windows: room for the
     * terminating NUL is required. */
    if ((ULONG)length + sizeof(WCHAR) > String->MaximumLength)
        return STATUS_BUFFER_OVERFLOW;
    for (i = 0; i < length / sizeof(WCHAR); i++)
        String->Buffer[i] = (WCHAR)digits[i];
    String->Buffer[i] = 0;
    String->Length = length;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlIntegerToUnicodeString(ULONG Value, ULONG Base, PUNICODE_STRING String)
{
    KI_CHECK_IRQL(RtlIntegerToUnicodeString);
    return RtlpNumberToUnicodeString(Value, Base, String);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlInt64ToUnicodeString(ULONGLONG Value, ULONG Base, PUNICODE_STRING String)
{
    KI_CHECK_IRQL(RtlInt64ToUnicodeString);
    return RtlpNumberToUnicodeString(Value, Base, String);
}

/* ------------------------------------------------------------ case */

/* The inverse of RtlUpcaseUnicodeChar's table. */
static WCHAR RtlpDowncaseChar(WCHAR c)
{
    if (c >= 'A' && c <= 'Z')
        return (WCHAR)(c + 32);
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return (WCHAR)(c + 32);
    if (c == 0x178)
        return 0xFF;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
        return (WCHAR)(c + 32);
    if (c >= 0x410 && c <= 0x42F)
        return (WCHAR)(c + 32);
    if (c >= 0x400 && c <= 0x40F)
        return (WCHAR)(c + 80);
    return c;
}

/* @implemented */
DECLSPEC_EXPORT WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR SourceCharacter)
{
    KI_CHECK_IRQL(RtlDowncaseUnicodeChar);
    return RtlpDowncaseChar(SourceCharacter);
}

/* @implemented: ASCII only (bytes >= 0x80 belong to UTF-8 sequences). */
DECLSPEC_EXPORT CHAR NTAPI RtlUpperChar(CHAR Character)
{
    if (Character >= 'a' && Character <= 'z')
        return (CHAR)(Character - 32);
    return Character;
}

static NTSTATUS RtlpMapUnicodeString(PUNICODE_STRING Destination, PCUNICODE_STRING Source, BOOLEAN Allocate,
                                     WCHAR (*Map)(WCHAR))
{
    USHORT i;

    if (Allocate) {
        Destination->Buffer = ExAllocatePoolWithTag(PagedPool, Source->Length ? Source->Length : 1, RTLP_STRING_TAG);
        if (Destination->Buffer == NULL)
            return STATUS_NO_MEMORY;
        Destination->MaximumLength = Source->Length;
    } else if (Source->Length > Destination->MaximumLength) {
        return STATUS_BUFFER_OVERFLOW;
    }
    for (i = 0; i < Source->Length / sizeof(WCHAR); i++)
        Destination->Buffer[i] = Map(Source->Buffer[i]);
    Destination->Length = Source->Length;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlUpcaseUnicodeString(PUNICODE_STRING DestinationString,
                                                     PCUNICODE_STRING SourceString,
                                                     BOOLEAN AllocateDestinationString)
{
    KI_CHECK_IRQL(RtlUpcaseUnicodeString);
    return RtlpMapUnicodeString(DestinationString, SourceString, AllocateDestinationString, RtlUpcaseUnicodeChar);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlDowncaseUnicodeString(PUNICODE_STRING DestinationString,
                                                       PCUNICODE_STRING SourceString,
                                                       BOOLEAN AllocateDestinationString)
{
    KI_CHECK_IRQL(RtlDowncaseUnicodeString);
    return RtlpMapUnicodeString(DestinationString, SourceString, AllocateDestinationString, RtlpDowncaseChar);
}

/* ------------------------------------------------ counted 8-bit strings */

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI RtlCompareString(const STRING *String1, const STRING *String2, BOOLEAN CaseInSensitive)
{
    USHORT n = String1->Length < String2->Length ? String1->Length : String2->Length;
    USHORT i;

    for (i = 0; i < n; i++) {
        UCHAR a = (UCHAR)String1->Buffer[i], b = (UCHAR)String2->Buffer[i];
        if (CaseInSensitive) {
            a = (UCHAR)RtlUpperChar((CHAR)a);
            b = (UCHAR)RtlUpperChar((CHAR)b);
        }
        if (a != b)
            return (LONG)a - (LONG)b;
    }
    return (LONG)String1->Length - (LONG)String2->Length;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI RtlEqualString(const STRING *String1, const STRING *String2, BOOLEAN CaseInSensitive)
{
    return String1->Length == String2->Length && RtlCompareString(String1, String2, CaseInSensitive) == 0;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlCopyString(PSTRING DestinationString, const STRING *SourceString)
{
    USHORT n;

    if (SourceString == NULL) {
        DestinationString->Length = 0;
        return;
    }
    n = SourceString->Length < DestinationString->MaximumLength ? SourceString->Length
                                                                 : DestinationString->MaximumLength;
    if (n != 0)
        memmove(DestinationString->Buffer, SourceString->Buffer, n);
    DestinationString->Length = n;
    if (n < DestinationString->MaximumLength)
        DestinationString->Buffer[n] = '\0';
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlUpperString(PSTRING DestinationString, const STRING *SourceString)
{
    USHORT n = SourceString->Length < DestinationString->MaximumLength ? SourceString->Length
                                                                        : DestinationString->MaximumLength;
    USHORT i;

    for (i = 0; i < n; i++)
        DestinationString->Buffer[i] = RtlUpperChar(SourceString->Buffer[i]);
    DestinationString->Length = n;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlAppendStringToString(PSTRING Destination, const STRING *Source)
{
    if (Source->Length == 0)
        return STATUS_SUCCESS;
    if ((ULONG)Destination->Length + Source->Length > Destination->MaximumLength)
        return STATUS_BUFFER_TOO_SMALL;
    memmove(Destination->Buffer + Destination->Length, Source->Buffer, Source->Length);
    Destination->Length = (USHORT)(Destination->Length + Source->Length);
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI RtlPrefixString(const STRING *String1, const STRING *String2, BOOLEAN CaseInSensitive)
{
    USHORT i;

    if (String1->Length > String2->Length)
        return FALSE;
    for (i = 0; i < String1->Length; i++) {
        CHAR a = String1->Buffer[i], b = String2->Buffer[i];
        if (CaseInSensitive ? RtlUpperChar(a) != RtlUpperChar(b) : a != b)
            return FALSE;
    }
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI RtlPrefixUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
                                                    BOOLEAN CaseInSensitive)
{
    USHORT i;

    if (String1->Length > String2->Length)
        return FALSE;
    for (i = 0; i < String1->Length / sizeof(WCHAR); i++) {
        WCHAR a = String1->Buffer[i], b = String2->Buffer[i];
        if (CaseInSensitive ? RtlUpcaseUnicodeChar(a) != RtlUpcaseUnicodeChar(b) : a != b)
            return FALSE;
    }
    return TRUE;
}

/* ------------------------------------------ ANSI (UTF-8) conversions */

/* @implemented: bytes of the UTF-8 form, terminating NUL included. */
DECLSPEC_EXPORT ULONG NTAPI RtlxUnicodeStringToAnsiSize(PCUNICODE_STRING UnicodeString)
{
    return (ULONG)RtlpUtf16ToUtf8(NULL, 0, UnicodeString->Buffer, UnicodeString->Length / sizeof(WCHAR)) + 1;
}

/* @implemented: bytes of the UTF-16 form, terminating NUL included. */
DECLSPEC_EXPORT ULONG NTAPI RtlxAnsiStringToUnicodeSize(PCANSI_STRING AnsiString)
{
    return (ULONG)(RtlpUtf8ToUtf16(NULL, 0, AnsiString->Buffer, AnsiString->Length) + 1) * sizeof(WCHAR);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlUnicodeToMultiByteSize(PULONG BytesInMultiByteString, PCWCH UnicodeString,
                                                        ULONG BytesInUnicodeString)
{
    *BytesInMultiByteString = (ULONG)RtlpUtf16ToUtf8(NULL, 0, UnicodeString, BytesInUnicodeString / sizeof(WCHAR));
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlMultiByteToUnicodeSize(PULONG BytesInUnicodeString, const CHAR *MultiByteString,
                                                        ULONG BytesInMultiByteString)
{
    *BytesInUnicodeString =
        (ULONG)RtlpUtf8ToUtf16(NULL, 0, MultiByteString, BytesInMultiByteString) * sizeof(WCHAR);
    return STATUS_SUCCESS;
}

/* @implemented: truncates at a whole character and still succeeds. */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlUnicodeToMultiByteN(PCHAR MultiByteString, ULONG MaxBytesInMultiByteString,
                                                     PULONG BytesInMultiByteString, PCWCH UnicodeString,
                                                     ULONG BytesInUnicodeString)
{
    SIZE_T count = BytesInUnicodeString / sizeof(WCHAR);
    SIZE_T in = 0, out = 0;

    KI_CHECK_IRQL(RtlUnicodeToMultiByteN);
    while (in < count) {
        ULONG cp;
        char bytes[4];
        SIZE_T used = RtlpUtf16Decode(UnicodeString + in, count - in, &cp);
        SIZE_T n = RtlpUtf8Encode(cp, bytes);
        if (out + n > MaxBytesInMultiByteString)
            break;
        memcpy(MultiByteString + out, bytes, n);
        out += n;
        in += used;
    }
    if (BytesInMultiByteString != NULL)
        *BytesInMultiByteString = (ULONG)out;
    return STATUS_SUCCESS;
}

/* @implemented: truncates at a whole character and still succeeds. */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlMultiByteToUnicodeN(PWCH UnicodeString, ULONG MaxBytesInUnicodeString,
                                                     PULONG BytesInUnicodeString, const CHAR *MultiByteString,
                                                     ULONG BytesInMultiByteString)
{
    SIZE_T capacity = MaxBytesInUnicodeString / sizeof(WCHAR);
    SIZE_T in = 0, out = 0;

    while (in < BytesInMultiByteString) {
        ULONG cp;
        WCHAR units[2];
        SIZE_T used = RtlpUtf8Decode(MultiByteString + in, BytesInMultiByteString - in, &cp);
        SIZE_T n = RtlpUtf16Encode(cp, units);
        if (out + n > capacity)
            break;
        memcpy(UnicodeString + out, units, n * sizeof(WCHAR));
        out += n;
        in += used;
    }
    if (BytesInUnicodeString != NULL)
        *BytesInUnicodeString = (ULONG)(out * sizeof(WCHAR));
    return STATUS_SUCCESS;
}

/* ------------------------------------------------ creation and init */

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI RtlCreateUnicodeString(PUNICODE_STRING DestinationString, PCWSTR SourceString)
{
    SIZE_T length = 0;

    while (SourceString[length] != 0)
        length++;
    length = (length + 1) * sizeof(WCHAR);
    if (length > UNICODE_STRING_MAX_BYTES)
        return FALSE;
    DestinationString->Buffer = ExAllocatePoolWithTag(PagedPool, length, RTLP_STRING_TAG);
    if (DestinationString->Buffer == NULL)
        return FALSE;
    memcpy(DestinationString->Buffer, SourceString, length);
    DestinationString->MaximumLength = (USHORT)length;
    DestinationString->Length = (USHORT)(length - sizeof(WCHAR));
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlDuplicateUnicodeString(ULONG Flags, PCUNICODE_STRING StringIn,
                                                        PUNICODE_STRING StringOut)
{
    ULONG size;

    /* ALLOCATE_NULL_STRING alone (without NULL_TERMINATE) is invalid. */
    if (StringIn == NULL || StringOut == NULL || Flags > 3 || Flags == RTL_DUPLICATE_UNICODE_STRING_ALLOCATE_NULL_STRING ||
        StringIn->Length > StringIn->MaximumLength ||
        (StringIn->Length == 0 && StringIn->MaximumLength > 0 && StringIn->Buffer == NULL))
        return STATUS_INVALID_PARAMETER;
    if (StringIn->Length == 0 && Flags != 3) {
        StringOut->Length = StringOut->MaximumLength = 0;
        StringOut->Buffer = NULL;
        return STATUS_SUCCESS;
    }
    size = StringIn->Length + ((Flags & RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE) ? sizeof(WCHAR) : 0);
    if (size > UNICODE_STRING_MAX_BYTES)
        return STATUS_NAME_TOO_LONG;
    StringOut->Buffer = ExAllocatePoolWithTag(PagedPool, size, RTLP_STRING_TAG);
    if (StringOut->Buffer == NULL)
        return STATUS_NO_MEMORY;
    if (StringIn->Length != 0)
        memcpy(StringOut->Buffer, StringIn->Buffer, StringIn->Length);
    if (Flags & RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE)
        StringOut->Buffer[StringIn->Length / sizeof(WCHAR)] = 0;
    StringOut->Length = StringIn->Length;
    StringOut->MaximumLength = (USHORT)size;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlInitUnicodeStringEx(PUNICODE_STRING DestinationString, PCWSTR SourceString)
{
    SIZE_T length = 0;

    DestinationString->Length = DestinationString->MaximumLength = 0;
    DestinationString->Buffer = (PWCH)SourceString;
    if (SourceString == NULL)
        return STATUS_SUCCESS;
    while (SourceString[length] != 0)
        length++;
    length *= sizeof(WCHAR);
    /* The terminated string must fit MaximumLength (at most 0xFFFE). */
    if (length > UNICODE_STRING_MAX_BYTES - sizeof(WCHAR))
        return STATUS_NAME_TOO_LONG;
    DestinationString->Length = (USHORT)length;
    DestinationString->MaximumLength = (USHORT)(length + sizeof(WCHAR));
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlInitAnsiStringEx(PANSI_STRING DestinationString, PCSZ SourceString)
{
    SIZE_T length;

    DestinationString->Length = DestinationString->MaximumLength = 0;
    DestinationString->Buffer = (PCHAR)SourceString;
    if (SourceString == NULL)
        return STATUS_SUCCESS;
    length = strlen(SourceString);
    if (length > 0xFFFE)
        return STATUS_NAME_TOO_LONG;
    DestinationString->Length = (USHORT)length;
    DestinationString->MaximumLength = (USHORT)(length + 1);
    return STATUS_SUCCESS;
}

/* ------------------------------------------------ hashing, search */

/* @implemented: x65599, the one documented algorithm (also the default). */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlHashUnicodeString(PCUNICODE_STRING String, BOOLEAN CaseInSensitive,
                                                   ULONG HashAlgorithm, PULONG HashValue)
{
    ULONG hash = 0;
    USHORT i;

    if (String == NULL || HashValue == NULL)
        return STATUS_INVALID_PARAMETER;
    if (HashAlgorithm != HASH_STRING_ALGORITHM_DEFAULT && HashAlgorithm != HASH_STRING_ALGORITHM_X65599)
        return STATUS_INVALID_PARAMETER;
    for (i = 0; i < String->Length / sizeof(WCHAR); i++) {
        WCHAR c = CaseInSensitive ? RtlUpcaseUnicodeChar(String->Buffer[i]) : String->Buffer[i];
        hash = hash * 65599u + c;
    }
    *HashValue = hash;
    return STATUS_SUCCESS;
}

static BOOLEAN RtlpInCharSet(WCHAR c, PCUNICODE_STRING CharSet, BOOLEAN CaseInSensitive)
{
    USHORT j;

    if (CaseInSensitive)
        c = RtlUpcaseUnicodeChar(c);
    for (j = 0; j < CharSet->Length / sizeof(WCHAR); j++) {
        WCHAR s = CaseInSensitive ? RtlUpcaseUnicodeChar(CharSet->Buffer[j]) : CharSet->Buffer[j];
        if (s == c)
            return TRUE;
    }
    return FALSE;
}

/* @implemented: as Windows reports it, a forward match at index i gives
 * (i + 1) * sizeof(WCHAR), a backward one i * sizeof(WCHAR). */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlFindCharInUnicodeString(ULONG Flags, PCUNICODE_STRING StringToSearch,
                                                         PCUNICODE_STRING CharSet, PUSHORT NonInclusivePrefixLength)
{
    LONG count = StringToSearch->Length / sizeof(WCHAR);
    BOOLEAN complement = (Flags & RTL_FIND_CHAR_IN_UNICODE_STRING_COMPLEMENT_CHAR_SET) != 0;
    BOOLEAN caseInsensitive = (Flags & RTL_FIND_CHAR_IN_UNICODE_STRING_CASE_INSENSITIVE) != 0;
    LONG i;

    if (Flags > 7)
        return STATUS_INVALID_PARAMETER;
    *NonInclusivePrefixLength = 0;
    if (Flags & RTL_FIND_CHAR_IN_UNICODE_STRING_START_AT_END) {
        for (i = count - 1; i >= 0; i--) {
            if (RtlpInCharSet(StringToSearch->Buffer[i], CharSet, caseInsensitive) != complement) {
                *NonInclusivePrefixLength = (USHORT)(i * sizeof(WCHAR));
                return STATUS_SUCCESS;
            }
        }
    } else {
        for (i = 0; i < count; i++) {
            if (RtlpInCharSet(StringToSearch->Buffer[i], CharSet, caseInsensitive) != complement) {
                *NonInclusivePrefixLength = (USHORT)((i + 1) * sizeof(WCHAR));
                return STATUS_SUCCESS;
            }
        }
    }
    return STATUS_NOT_FOUND;
}
