/*
 * unicode.c - counted strings: UNICODE_STRING and ANSI_STRING routines.
 *
 * The "ANSI" code page of ntk is UTF-8, so conversions are exact for any
 * text a Linux program passes.
 */
#include <internal/rtl.h>
#include <internal/rtl_format.h>
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
    SIZE_T capacity = Destination->MaximumLength / sizeof(WCHAR);
    SIZE_T needed = RtlpUtf8ToUtf16(Destination->Buffer, capacity, Source->Buffer, Source->Length);
    SIZE_T stored = needed < capacity ? needed : capacity;
    if (needed > capacity) {
        /* Never half a surrogate pair: recount what fitted. */
        stored = 0;
        for (SIZE_T in = 0; in < Source->Length;) {
            ULONG cp;
            SIZE_T used = RtlpUtf8Decode(Source->Buffer + in, Source->Length - in, &cp);
            SIZE_T units = cp >= 0x10000 ? 2 : 1;
            if (stored + units > capacity)
                break;
            stored += units;
            in += used;
        }
    }
    Destination->Length = (USHORT)(stored * sizeof(WCHAR));
    if (stored < capacity)
        Destination->Buffer[stored] = 0;
    return needed > capacity ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

NTSTATUS RtlpUtf16ToUtf8String(PANSI_STRING Destination, PCUNICODE_STRING Source)
{
    SIZE_T count = Source->Length / sizeof(WCHAR);
    SIZE_T needed = RtlpUtf16ToUtf8(Destination->Buffer, Destination->MaximumLength, Source->Buffer, count);
    SIZE_T stored = needed;
    if (needed > Destination->MaximumLength) {
        /* Whole characters only: recount what fitted. */
        stored = 0;
        for (SIZE_T in = 0; in < count;) {
            ULONG cp;
            char bytes[4];
            SIZE_T used = RtlpUtf16Decode(Source->Buffer + in, count - in, &cp);
            SIZE_T n = RtlpUtf8Encode(cp, bytes);
            if (stored + n > Destination->MaximumLength)
                break;
            stored += n;
            in += used;
        }
    }
    Destination->Length = (USHORT)stored;
    if (stored < Destination->MaximumLength)
        Destination->Buffer[stored] = 0;
    return needed > Destination->MaximumLength ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
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
