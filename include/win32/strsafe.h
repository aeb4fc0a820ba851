/*
 * strsafe.h - the Windows SDK's safer string functions for applications:
 * StringCch* / StringCb* Copy, CopyN, Cat, CatN, Printf, VPrintf, Length
 * and their Ex forms, in A (char) and W (WCHAR) versions, and
 * UnalignedStringCchLengthW / UnalignedStringCbLengthW, returning HRESULT.
 * The un-suffixed names choose A or W by UNICODE.
 *
 *   S_OK                           success
 *   STRSAFE_E_INSUFFICIENT_BUFFER  0x8007007A: the result was truncated;
 *                                  the destination holds what fit,
 *                                  terminated
 *   STRSAFE_E_INVALID_PARAMETER    0x80070057: size 0 or above
 *                                  STRSAFE_MAX_CCH, unterminated
 *                                  destination (Cat), bad flags, NULL
 *   STRSAFE_E_END_OF_FILE          0x80070026 (StringCchGets, which ntk
 *                                  does not provide)
 *
 * Header-only like Microsoft's; the implementation, shared with the
 * kernel's <ntstrsafe.h>, is include/shared/ntk_strsafe_impl.h (where the
 * exact buffer behaviour is described). Formatting is ntk's MS-semantics
 * engine (_vsnprintf/_vsnwprintf). Unlike Microsoft's header, this one does
 * not deprecate strcpy & co.
 */
#ifndef _STRSAFE_H_INCLUDED_
#define _STRSAFE_H_INCLUDED_

#include <ntk_basetypes.h>
#include <winerror.h> /* S_OK, SUCCEEDED, FAILED */

#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007AL)
#define STRSAFE_E_INVALID_PARAMETER ((HRESULT)0x80070057L)
#define STRSAFE_E_END_OF_FILE ((HRESULT)0x80070026L)

typedef char *STRSAFE_LPSTR;
typedef const char *STRSAFE_LPCSTR;
typedef WCHAR *STRSAFE_LPWSTR;
typedef const WCHAR *STRSAFE_LPCWSTR;
typedef const WCHAR *STRSAFE_LPCUWSTR;
typedef const char *STRSAFE_PCNZCH;
typedef const WCHAR *STRSAFE_PCNZWCH;
typedef const WCHAR *STRSAFE_PCUNZWCH;

#include <ntk_strsafe_impl.h> /* the common part: flags, ntkss_status */

static inline HRESULT NtkssToHresult(ntkss_status Status)
{
    return Status == NTKSS_OK ? S_OK
                              : Status == NTKSS_OVERFLOW ? STRSAFE_E_INSUFFICIENT_BUFFER : STRSAFE_E_INVALID_PARAMETER;
}

#define NTKSS_API_PREFIX
#define NTKSS_FLAVOR sdk
#define NTKSS_RESULT_TYPE HRESULT
#define NTKSS_RESULT NtkssToHresult

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
#include <ntk_strsafe_impl.h>
#undef NTKSS_CHAR
#undef NTKSS_SUFFIX
#undef NTKSS_VSNPRINTF
#undef NTKSS_WIDE
#undef NTKSS_API_PREFIX
#undef NTKSS_FLAVOR
#undef NTKSS_RESULT_TYPE
#undef NTKSS_RESULT

#ifdef UNICODE
#define NTKSS_TCHAR_NAME(name) name##W
#else
#define NTKSS_TCHAR_NAME(name) name##A
#endif
#define StringCchCopy NTKSS_TCHAR_NAME(StringCchCopy)
#define StringCbCopy NTKSS_TCHAR_NAME(StringCbCopy)
#define StringCchCopyEx NTKSS_TCHAR_NAME(StringCchCopyEx)
#define StringCbCopyEx NTKSS_TCHAR_NAME(StringCbCopyEx)
#define StringCchCopyN NTKSS_TCHAR_NAME(StringCchCopyN)
#define StringCbCopyN NTKSS_TCHAR_NAME(StringCbCopyN)
#define StringCchCopyNEx NTKSS_TCHAR_NAME(StringCchCopyNEx)
#define StringCbCopyNEx NTKSS_TCHAR_NAME(StringCbCopyNEx)
#define StringCchCat NTKSS_TCHAR_NAME(StringCchCat)
#define StringCbCat NTKSS_TCHAR_NAME(StringCbCat)
#define StringCchCatEx NTKSS_TCHAR_NAME(StringCchCatEx)
#define StringCbCatEx NTKSS_TCHAR_NAME(StringCbCatEx)
#define StringCchCatN NTKSS_TCHAR_NAME(StringCchCatN)
#define StringCbCatN NTKSS_TCHAR_NAME(StringCbCatN)
#define StringCchCatNEx NTKSS_TCHAR_NAME(StringCchCatNEx)
#define StringCbCatNEx NTKSS_TCHAR_NAME(StringCbCatNEx)
#define StringCchPrintf NTKSS_TCHAR_NAME(StringCchPrintf)
#define StringCbPrintf NTKSS_TCHAR_NAME(StringCbPrintf)
#define StringCchPrintfEx NTKSS_TCHAR_NAME(StringCchPrintfEx)
#define StringCbPrintfEx NTKSS_TCHAR_NAME(StringCbPrintfEx)
#define StringCchVPrintf NTKSS_TCHAR_NAME(StringCchVPrintf)
#define StringCbVPrintf NTKSS_TCHAR_NAME(StringCbVPrintf)
#define StringCchVPrintfEx NTKSS_TCHAR_NAME(StringCchVPrintfEx)
#define StringCbVPrintfEx NTKSS_TCHAR_NAME(StringCbVPrintfEx)
#define StringCchLength NTKSS_TCHAR_NAME(StringCchLength)
#define StringCbLength NTKSS_TCHAR_NAME(StringCbLength)
/* Only the W form exists; the narrow meaning is plain StringC*Length. */
#ifdef UNICODE
#define UnalignedStringCchLength UnalignedStringCchLengthW
#define UnalignedStringCbLength UnalignedStringCbLengthW
#else
#define UnalignedStringCchLength StringCchLengthA
#define UnalignedStringCbLength StringCbLengthA
#endif

#endif /* _STRSAFE_H_INCLUDED_ */
