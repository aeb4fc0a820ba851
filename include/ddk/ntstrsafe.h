/*
 * ntstrsafe.h - the WDK's safer string functions for drivers:
 * RtlStringCch* / RtlStringCb* Copy, CopyN, Cat, CatN, Printf, VPrintf,
 * Length and their Ex forms, in A (char) and W (WCHAR) versions, plus the
 * common UNICODE_STRING functions (RtlUnicodeStringInit, ...Validate,
 * ...Copy, ...CopyString, ...Cat, ...CatString, ...Printf, ...VPrintf).
 *
 *   STATUS_SUCCESS            success
 *   STATUS_BUFFER_OVERFLOW    the result was truncated; the destination
 *                             holds what fit (terminated, except that a
 *                             UNICODE_STRING is never terminated: its
 *                             Length says how much fit)
 *   STATUS_INVALID_PARAMETER  size 0 or above NTSTRSAFE_MAX_CCH (or
 *                             NTSTRSAFE_UNICODE_STRING_MAX_CCH), an
 *                             unterminated destination (Cat), a malformed
 *                             UNICODE_STRING, bad flags
 *
 * Header-only like Microsoft's. The string functions share their
 * implementation with the SDK's <strsafe.h>: include/shared/
 * ntk_strsafe_impl.h, which describes the exact buffer behaviour.
 * Formatting is ntk's MS-semantics engine (_vsnprintf/_vsnwprintf, so %wZ
 * works).
 */
#ifndef _NTSTRSAFE_H_INCLUDED_
#define _NTSTRSAFE_H_INCLUDED_

#include <ntdef.h>
#include <ntstatus.h>

#ifndef NTSTRSAFEDDI
#define NTSTRSAFEDDI static inline
#endif

#if defined(NTSTRSAFE_MAX_CCH) && !defined(STRSAFE_MAX_CCH)
#define STRSAFE_MAX_CCH NTSTRSAFE_MAX_CCH
#endif

typedef char *NTSTRSAFE_PSTR;
typedef const char *NTSTRSAFE_PCSTR;
typedef WCHAR *NTSTRSAFE_PWSTR;
typedef const WCHAR *NTSTRSAFE_PCWSTR;
typedef const WCHAR *NTSTRSAFE_PCUWSTR;
typedef const char *STRSAFE_PCNZCH;
typedef const WCHAR *STRSAFE_PCNZWCH;
typedef const WCHAR *STRSAFE_PCUNZWCH;

#include <ntk_strsafe_impl.h> /* the common part: flags, ntkss_status */

static inline NTSTATUS NtkssToNtstatus(ntkss_status Status)
{
    return Status == NTKSS_OK ? STATUS_SUCCESS
                              : Status == NTKSS_OVERFLOW ? STATUS_BUFFER_OVERFLOW : STATUS_INVALID_PARAMETER;
}

#define NTKSS_API_PREFIX Rtl
#define NTKSS_FLAVOR ddk
#define NTKSS_RESULT_TYPE NTSTATUS
#define NTKSS_RESULT NtkssToNtstatus

#define NTKSS_CHAR char
#define NTKSS_SUFFIX A
#define NTKSS_VSNPRINTF _vsnprintf
#include <ntk_strsafe_impl.h>
#undef NTKSS_CHAR
#undef NTKSS_SUFFIX
#undef NTKSS_VSNPRINTF

#define NTKSS_CHAR WCHAR
#define NTKSS_SUFFIX W
#define NTKSS_VSNPRINTF _vsnwprintf
#include <ntk_strsafe_impl.h>
#undef NTKSS_CHAR
#undef NTKSS_SUFFIX
#undef NTKSS_VSNPRINTF
#undef NTKSS_API_PREFIX
#undef NTKSS_FLAVOR
#undef NTKSS_RESULT_TYPE
#undef NTKSS_RESULT

#ifndef NTSTRSAFE_MAX_CCH
#define NTSTRSAFE_MAX_CCH STRSAFE_MAX_CCH
#endif
#define NTSTRSAFE_MAX_LENGTH (NTSTRSAFE_MAX_CCH - 1)
#ifndef NTSTRSAFE_UNICODE_STRING_MAX_CCH
#define NTSTRSAFE_UNICODE_STRING_MAX_CCH (0xffff / sizeof(WCHAR))
#endif
/* The UNICODE_STRING Ex flag spelling of STRSAFE_NULL_ON_FAILURE. */
#define STRSAFE_ZERO_LENGTH_ON_FAILURE STRSAFE_NULL_ON_FAILURE

/* ------------------------------------------------------- UNICODE_STRING */

/* A UNICODE_STRING is valid when its lengths are even, Length <= MaximumLength
 * <= NTSTRSAFE_UNICODE_STRING_MAX_CCH characters, and Buffer is NULL only
 * for an empty one. */
NTSTRSAFEDDI NTSTATUS RtlUnicodeStringValidate(PCUNICODE_STRING SourceString)
{
    if (SourceString == NULL || (SourceString->Length % sizeof(WCHAR)) != 0 ||
        (SourceString->MaximumLength % sizeof(WCHAR)) != 0 ||
        SourceString->Length > SourceString->MaximumLength ||
        SourceString->MaximumLength > NTSTRSAFE_UNICODE_STRING_MAX_CCH * sizeof(WCHAR) ||
        (SourceString->Buffer == NULL && (SourceString->Length != 0 || SourceString->MaximumLength != 0)))
        return STATUS_INVALID_PARAMETER;
    return STATUS_SUCCESS;
}

/* Points DestinationString at pszSrc (not copied); NULL gives an empty
 * string. The source must be shorter than NTSTRSAFE_UNICODE_STRING_MAX_CCH. */
NTSTRSAFEDDI NTSTATUS RtlUnicodeStringInit(PUNICODE_STRING DestinationString, NTSTRSAFE_PCWSTR pszSrc)
{
    size_t cchSrcLength;

    if (DestinationString == NULL)
        return STATUS_INVALID_PARAMETER;
    DestinationString->Length = 0;
    DestinationString->MaximumLength = 0;
    DestinationString->Buffer = NULL;
    if (pszSrc == NULL)
        return STATUS_SUCCESS;
    if (!NT_SUCCESS(RtlStringCchLengthW(pszSrc, NTSTRSAFE_UNICODE_STRING_MAX_CCH, &cchSrcLength)))
        return STATUS_INVALID_PARAMETER;
    DestinationString->Length = (USHORT)(cchSrcLength * sizeof(WCHAR));
    DestinationString->MaximumLength = (USHORT)((cchSrcLength + 1) * sizeof(WCHAR));
    DestinationString->Buffer = (PWSTR)pszSrc;
    return STATUS_SUCCESS;
}

/* Stores the characters at Source (at most SourceLength, stopping at a
 * terminator if StopAtNull) after Existing characters of Destination. */
NTSTRSAFEDDI NTSTATUS NtkssUnicodeStringStore(PUNICODE_STRING Destination, size_t Existing, const WCHAR *Source,
                                              size_t SourceLength, BOOLEAN StopAtNull)
{
    size_t cchDest = Destination->MaximumLength / sizeof(WCHAR);
    size_t copied = 0;
    NTSTATUS status = STATUS_SUCCESS;

    while (copied < SourceLength && !(StopAtNull && Source[copied] == 0)) {
        if (Existing + copied == cchDest) {
            status = STATUS_BUFFER_OVERFLOW;
            break;
        }
        Destination->Buffer[Existing + copied] = Source[copied];
        copied++;
    }
    Destination->Length = (USHORT)((Existing + copied) * sizeof(WCHAR));
    return status;
}

NTSTRSAFEDDI NTSTATUS RtlUnicodeStringCopy(PUNICODE_STRING DestinationString, PCUNICODE_STRING SourceString)
{
    NTSTATUS status = RtlUnicodeStringValidate(DestinationString);

    if (!NT_SUCCESS(status))
        return status;
    status = RtlUnicodeStringValidate(SourceString);
    if (!NT_SUCCESS(status)) {
        DestinationString->Length = 0;
        return status;
    }
    return NtkssUnicodeStringStore(DestinationString, 0, SourceString->Buffer, SourceString->Length / sizeof(WCHAR),
                                   FALSE);
}

NTSTRSAFEDDI NTSTATUS RtlUnicodeStringCopyString(PUNICODE_STRING DestinationString, NTSTRSAFE_PCWSTR pszSrc)
{
    NTSTATUS status = RtlUnicodeStringValidate(DestinationString);

    if (!NT_SUCCESS(status))
        return status;
    return NtkssUnicodeStringStore(DestinationString, 0, pszSrc, NTSTRSAFE_UNICODE_STRING_MAX_CCH, TRUE);
}

NTSTRSAFEDDI NTSTATUS RtlUnicodeStringCat(PUNICODE_STRING DestinationString, PCUNICODE_STRING SourceString)
{
    NTSTATUS status = RtlUnicodeStringValidate(DestinationString);

    if (!NT_SUCCESS(status))
        return status;
    status = RtlUnicodeStringValidate(SourceString);
    if (!NT_SUCCESS(status))
        return status;
    return NtkssUnicodeStringStore(DestinationString, DestinationString->Length / sizeof(WCHAR),
                                   SourceString->Buffer, SourceString->Length / sizeof(WCHAR), FALSE);
}

NTSTRSAFEDDI NTSTATUS RtlUnicodeStringCatString(PUNICODE_STRING DestinationString, NTSTRSAFE_PCWSTR pszSrc)
{
    NTSTATUS status = RtlUnicodeStringValidate(DestinationString);

    if (!NT_SUCCESS(status))
        return status;
    return NtkssUnicodeStringStore(DestinationString, DestinationString->Length / sizeof(WCHAR), pszSrc,
                                   NTSTRSAFE_UNICODE_STRING_MAX_CCH, TRUE);
}

/* Formats into Buffer[0..MaximumLength) without a terminator; on overflow
 * Length is MaximumLength. */
NTSTRSAFEDDI NTSTATUS RtlUnicodeStringVPrintf(PUNICODE_STRING DestinationString, NTSTRSAFE_PCWSTR pszFormat,
                                              va_list argList)
{
    NTSTATUS status = RtlUnicodeStringValidate(DestinationString);
    size_t cchDest;
    int written;

    if (!NT_SUCCESS(status))
        return status;
    cchDest = DestinationString->MaximumLength / sizeof(WCHAR);
    written = _vsnwprintf(DestinationString->Buffer, cchDest, pszFormat, argList);
    if (written < 0 || (size_t)written > cchDest) {
        DestinationString->Length = (USHORT)(cchDest * sizeof(WCHAR));
        return STATUS_BUFFER_OVERFLOW;
    }
    DestinationString->Length = (USHORT)((size_t)written * sizeof(WCHAR));
    return STATUS_SUCCESS;
}

NTSTRSAFEDDI NTSTATUS RtlUnicodeStringPrintf(PUNICODE_STRING DestinationString, NTSTRSAFE_PCWSTR pszFormat, ...)
{
    NTSTATUS status;
    va_list argList;

    va_start(argList, pszFormat);
    status = RtlUnicodeStringVPrintf(DestinationString, pszFormat, argList);
    va_end(argList);
    return status;
}

#endif /* _NTSTRSAFE_H_INCLUDED_ */
