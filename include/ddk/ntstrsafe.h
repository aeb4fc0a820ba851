/*
 * ntstrsafe.h - the WDK's safer string functions for drivers, all of them:
 *   RtlStringCch* / RtlStringCb* Copy, CopyN, Cat, CatN, Printf, VPrintf
 *     and their Ex forms, Length, in A (char) and W (WCHAR) versions;
 *   RtlUnalignedStringCchLengthW / RtlUnalignedStringCbLengthW;
 *   RtlStringCchCopyUnicodeString / RtlStringCbCopyUnicodeString (+Ex);
 *   RtlUnicodeStringInit, ...Validate (+Ex) and, into a UNICODE_STRING,
 *     Copy, CopyString, CchCopyN, CbCopyN, CchCopyStringN, CbCopyStringN,
 *     Cat, CatString, CchCatN, CbCatN, CchCatStringN, CbCatStringN,
 *     Printf, VPrintf, each with its Ex form
 *   (NTSTRSAFE_NO_UNICODE_STRING_FUNCTIONS leaves out the UNICODE_STRING
 *   ones, as in the WDK).
 *
 *   STATUS_SUCCESS            success
 *   STATUS_BUFFER_OVERFLOW    the result was truncated; the destination
 *                             holds what fit (terminated, except that a
 *                             UNICODE_STRING is never terminated: its
 *                             Length says how much fit)
 *   STATUS_INVALID_PARAMETER  size 0 or above NTSTRSAFE_MAX_CCH (or
 *                             NTSTRSAFE_UNICODE_STRING_MAX_CCH), an
 *                             unterminated destination (Cat), a malformed
 *                             UNICODE_STRING, bad flags, a NULL pointer
 *                             without STRSAFE_IGNORE_NULLS (Ex forms)
 *
 * Header-only like Microsoft's. One implementation, shared with the SDK's
 * <strsafe.h>: include/shared/ntk_strsafe_impl.h, which describes the exact
 * buffer behaviour. Formatting is ntk's MS-semantics engine
 * (_vsnprintf/_vsnwprintf, so %wZ works).
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

#ifndef NTSTRSAFE_MAX_CCH
#define NTSTRSAFE_MAX_CCH STRSAFE_MAX_CCH
#endif
#define NTSTRSAFE_MAX_LENGTH (NTSTRSAFE_MAX_CCH - 1)
#ifndef NTSTRSAFE_UNICODE_STRING_MAX_CCH
#define NTSTRSAFE_UNICODE_STRING_MAX_CCH (0xffff / sizeof(WCHAR))
#endif
/* The UNICODE_STRING Ex flags' spellings. */
#define STRSAFE_FILL_BEHIND STRSAFE_FILL_BEHIND_NULL
#define STRSAFE_ZERO_LENGTH_ON_FAILURE STRSAFE_NULL_ON_FAILURE
#define STRSAFE_UNICODE_STRING_VALID_FLAGS \
    (STRSAFE_VALID_FLAGS | STRSAFE_FILL_BEHIND | STRSAFE_ZERO_LENGTH_ON_FAILURE)

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
#define NTKSS_WIDE
#ifndef NTSTRSAFE_NO_UNICODE_STRING_FUNCTIONS
#define NTKSS_UNICODE_STRING
#endif
#include <ntk_strsafe_impl.h>
#undef NTKSS_CHAR
#undef NTKSS_SUFFIX
#undef NTKSS_VSNPRINTF
#undef NTKSS_WIDE
#undef NTKSS_UNICODE_STRING
#undef NTKSS_API_PREFIX
#undef NTKSS_FLAVOR
#undef NTKSS_RESULT_TYPE
#undef NTKSS_RESULT

#endif /* _NTSTRSAFE_H_INCLUDED_ */
