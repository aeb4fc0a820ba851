/*
 * unicode.c - counted strings: UNICODE_STRING and ANSI_STRING routines.
 *
 * The "ANSI" code page of ntk is UTF-8, so conversions are exact for any
 * text a Linux program passes.
 */
#include <internal/rtl.h>
#include <internal/ntk_alloc.h>

static SIZE_T RtlpWideLength(PCWSTR s)
{
    SIZE_T n = 0;
    while (s[n])
        n++;
    return n;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlInitUnicodeString(PUNICODE_STRING DestinationString, PCWSTR SourceString)
{
    DestinationString->Buffer = (PWCH)SourceString;
    if (SourceString) {
        SIZE_T bytes = RtlpWideLength(SourceString) * sizeof(WCHAR);
        if (bytes > UNICODE_STRING_MAX_BYTES - sizeof(WCHAR))
            bytes = UNICODE_STRING_MAX_BYTES - sizeof(WCHAR);
        DestinationString->Length = (USHORT)bytes;
        DestinationString->MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
    } else {
        DestinationString->Length = DestinationString->MaximumLength = 0;
    }
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlInitAnsiString(PANSI_STRING DestinationString, PCSZ SourceString)
{
    DestinationString->Buffer = (PCHAR)SourceString;
    if (SourceString) {
        SIZE_T n = strlen(SourceString);
        if (n > 0xFFFE)
            n = 0xFFFE;
        DestinationString->Length = (USHORT)n;
        DestinationString->MaximumLength = (USHORT)(n + 1);
    } else {
        DestinationString->Length = DestinationString->MaximumLength = 0;
    }
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlInitString(PSTRING DestinationString, PCSZ SourceString)
{
    RtlInitAnsiString(DestinationString, SourceString);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlCopyUnicodeString(PUNICODE_STRING DestinationString, PCUNICODE_STRING SourceString)
{
    if (!SourceString || !SourceString->Buffer) {
        DestinationString->Length = 0;
        return;
    }
    USHORT n = SourceString->Length < DestinationString->MaximumLength ? SourceString->Length
                                                                       : DestinationString->MaximumLength;
    memmove(DestinationString->Buffer, SourceString->Buffer, n);
    DestinationString->Length = n;
    if (n + sizeof(WCHAR) <= DestinationString->MaximumLength)
        DestinationString->Buffer[n / sizeof(WCHAR)] = 0;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlAppendUnicodeStringToString(PUNICODE_STRING Destination, PCUNICODE_STRING Source)
{
    if (!Source->Length)
        return STATUS_SUCCESS;
    if ((ULONG)Destination->Length + Source->Length > Destination->MaximumLength)
        return STATUS_BUFFER_TOO_SMALL;
    memmove((PUCHAR)Destination->Buffer + Destination->Length, Source->Buffer, Source->Length);
    Destination->Length += Source->Length;
    if (Destination->Length + sizeof(WCHAR) <= Destination->MaximumLength)
        Destination->Buffer[Destination->Length / sizeof(WCHAR)] = 0;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlAppendUnicodeToString(PUNICODE_STRING Destination, PCWSTR Source)
{
    if (!Source)
        return STATUS_SUCCESS;
    UNICODE_STRING s;
    RtlInitUnicodeString(&s, Source);
    return RtlAppendUnicodeStringToString(Destination, &s);
}

/* @implemented */
DECLSPEC_EXPORT WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR SourceCharacter)
{
    WCHAR c = SourceCharacter;
    if (c >= 'a' && c <= 'z')
        return (WCHAR)(c - 32);
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7))
        return (WCHAR)(c - 32);
    if (c == 0xFF)
        return 0x178;
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2)
        return (WCHAR)(c - 32);
    if (c >= 0x430 && c <= 0x44F)
        return (WCHAR)(c - 32);
    if (c >= 0x450 && c <= 0x45F)
        return (WCHAR)(c - 80);
    return c;
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI RtlCompareUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
                                                  BOOLEAN CaseInSensitive)
{
    USHORT n1 = String1->Length / sizeof(WCHAR), n2 = String2->Length / sizeof(WCHAR);
    USHORT n = n1 < n2 ? n1 : n2;
    for (USHORT i = 0; i < n; i++) {
        WCHAR a = String1->Buffer[i], b = String2->Buffer[i];
        if (CaseInSensitive) {
            a = RtlUpcaseUnicodeChar(a);
            b = RtlUpcaseUnicodeChar(b);
        }
        if (a != b)
            return (LONG)a - (LONG)b;
    }
    return (LONG)n1 - (LONG)n2;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI RtlEqualUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
                                                   BOOLEAN CaseInSensitive)
{
    return String1->Length == String2->Length && RtlCompareUnicodeString(String1, String2, CaseInSensitive) == 0;
}

NTSTATUS RtlpUtf8ToUtf16String(PUNICODE_STRING Destination, PCANSI_STRING Source)
{
    const unsigned char *s = (const unsigned char *)Source->Buffer;
    USHORT len = Source->Length, max = Destination->MaximumLength / sizeof(WCHAR);
    USHORT out = 0;
    NTSTATUS status = STATUS_SUCCESS;
    for (USHORT i = 0; i < len;) {
        ULONG cp = s[i], need = 0;
        if (cp < 0x80) need = 0;
        else if ((cp & 0xE0) == 0xC0) { cp &= 0x1F; need = 1; }
        else if ((cp & 0xF0) == 0xE0) { cp &= 0x0F; need = 2; }
        else if ((cp & 0xF8) == 0xF0) { cp &= 0x07; need = 3; }
        else { cp = 0xFFFD; need = 0; }
        i++;
        for (ULONG k = 0; k < need; k++, i++) {
            if (i >= len || (s[i] & 0xC0) != 0x80) {
                cp = 0xFFFD;
                break;
            }
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        USHORT units = cp >= 0x10000 ? 2 : 1;
        if (out + units > max) {
            status = STATUS_BUFFER_OVERFLOW;
            break;
        }
        if (units == 2) {
            cp -= 0x10000;
            Destination->Buffer[out++] = (WCHAR)(0xD800 | (cp >> 10));
            Destination->Buffer[out++] = (WCHAR)(0xDC00 | (cp & 0x3FF));
        } else {
            Destination->Buffer[out++] = (WCHAR)cp;
        }
    }
    Destination->Length = (USHORT)(out * sizeof(WCHAR));
    if (out < max)
        Destination->Buffer[out] = 0;
    return status;
}

NTSTATUS RtlpUtf16ToUtf8String(PANSI_STRING Destination, PCUNICODE_STRING Source)
{
    USHORT len = Source->Length / sizeof(WCHAR), max = Destination->MaximumLength, out = 0;
    NTSTATUS status = STATUS_SUCCESS;
    for (USHORT i = 0; i < len; i++) {
        ULONG cp = Source->Buffer[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < len && Source->Buffer[i + 1] >= 0xDC00 &&
            Source->Buffer[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (Source->Buffer[i + 1] - 0xDC00);
            i++;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        char buf[4];
        USHORT n;
        if (cp < 0x80) { buf[0] = (char)cp; n = 1; }
        else if (cp < 0x800) { buf[0] = (char)(0xC0 | (cp >> 6)); buf[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
        else if (cp < 0x10000) {
            buf[0] = (char)(0xE0 | (cp >> 12)); buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
            buf[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
        } else {
            buf[0] = (char)(0xF0 | (cp >> 18)); buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
            buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); buf[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
        }
        if (out + n > max) {
            status = STATUS_BUFFER_OVERFLOW;
            break;
        }
        memcpy(Destination->Buffer + out, buf, n);
        out += n;
    }
    Destination->Length = out;
    if (out < max)
        Destination->Buffer[out] = 0;
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlUnicodeStringToAnsiString(PANSI_STRING DestinationString,
                                                           PCUNICODE_STRING SourceString,
                                                           BOOLEAN AllocateDestinationString)
{
    if (AllocateDestinationString) {
        ULONG size = (SourceString->Length / sizeof(WCHAR)) * 3 + 1;
        if (size > 0xFFFF)
            return STATUS_INVALID_PARAMETER_2;
        DestinationString->Buffer = ExAllocatePoolWithTag(PagedPool, size, 'grtS');
        if (!DestinationString->Buffer)
            return STATUS_NO_MEMORY;
        DestinationString->MaximumLength = (USHORT)size;
    }
    return RtlpUtf16ToUtf8String(DestinationString, SourceString);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlAnsiStringToUnicodeString(PUNICODE_STRING DestinationString,
                                                           PCANSI_STRING SourceString,
                                                           BOOLEAN AllocateDestinationString)
{
    if (AllocateDestinationString) {
        ULONG size = ((ULONG)SourceString->Length + 1) * sizeof(WCHAR);
        if (size > UNICODE_STRING_MAX_BYTES)
            return STATUS_INVALID_PARAMETER_2;
        DestinationString->Buffer = ExAllocatePoolWithTag(PagedPool, size, 'grtS');
        if (!DestinationString->Buffer)
            return STATUS_NO_MEMORY;
        DestinationString->MaximumLength = (USHORT)size;
    }
    return RtlpUtf8ToUtf16String(DestinationString, SourceString);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlFreeUnicodeString(PUNICODE_STRING UnicodeString)
{
    if (UnicodeString->Buffer)
        ExFreePoolWithTag(UnicodeString->Buffer, 'grtS');
    UnicodeString->Buffer = NULL;
    UnicodeString->Length = UnicodeString->MaximumLength = 0;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlFreeAnsiString(PANSI_STRING AnsiString)
{
    if (AnsiString->Buffer)
        ExFreePoolWithTag(AnsiString->Buffer, 'grtS');
    AnsiString->Buffer = NULL;
    AnsiString->Length = AnsiString->MaximumLength = 0;
}

/* @implemented */
DECLSPEC_EXPORT SIZE_T NTAPI RtlCompareMemory(const VOID *Source1, const VOID *Source2, SIZE_T Length)
{
    const UCHAR *a = Source1, *b = Source2;
    SIZE_T i = 0;
    while (i < Length && a[i] == b[i])
        i++;
    return i;
}
