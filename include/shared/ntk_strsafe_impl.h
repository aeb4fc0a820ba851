/*
 * ntk_strsafe_impl.h - the one implementation behind <strsafe.h> (HRESULT,
 * applications) and <ntstrsafe.h> (NTSTATUS, drivers). Windows code does
 * not include it by name.
 *
 * Header-only, as Microsoft's are: every function is static inline. The
 * behaviour is the documented one, down to the buffer contents on failure:
 *   - the destination is always terminated when its size is not 0 (the
 *     Ex functions' flags aside), truncated output keeps what fits;
 *   - a size of 0 or above the maximum (STRSAFE_MAX_CCH, 2147483647
 *     characters) is an invalid parameter; the Copy and Printf functions
 *     then empty the destination (when its size is not 0), Cat leaves it;
 *   - Cat on a destination that is not terminated within its size is an
 *     invalid parameter;
 *   - Printf uses the MS formatter (_vsnprintf/_vsnwprintf) and treats an
 *     output of exactly cchDest-1 characters as success;
 *   - Ex flags: STRSAFE_IGNORE_NULLS (NULL source/format read as "", NULL
 *     destination allowed with size 0), STRSAFE_FILL_BEHIND_NULL (on
 *     success fill the rest of the buffer with the low byte of the flags),
 *     STRSAFE_FILL_ON_FAILURE (on failure fill the buffer, terminated),
 *     STRSAFE_NULL_ON_FAILURE (on failure leave ""), STRSAFE_NO_TRUNCATION
 *     (on failure leave the original contents: "" for Copy/Printf, the old
 *     string for Cat); *ppszDestEnd / *pcchRemaining are set on success and
 *     on truncation only;
 *   - Ex functions refuse a NULL buffer with a size, or a NULL source,
 *     without STRSAFE_IGNORE_NULLS as an invalid parameter (Microsoft's
 *     header would fault on it; the documentation calls it invalid).
 * With NTKSS_WIDE defined the WCHAR instantiation adds the Unaligned
 * length functions; with NTKSS_UNICODE_STRING (kernel flavour) the
 * UNICODE_STRING family, described where it starts below.
 * Results are computed as an ntkss_status and mapped by the includer
 * (S_OK / STRSAFE_E_INSUFFICIENT_BUFFER / STRSAFE_E_INVALID_PARAMETER, or
 * STATUS_SUCCESS / STATUS_BUFFER_OVERFLOW / STATUS_INVALID_PARAMETER).
 *
 * How an includer instantiates it: include it once with NTKSS_CHAR
 * undefined for the common part (flags, ntkss_status), then once per
 * character type with:
 *   #define NTKSS_API_PREFIX      nothing (StringCchCopyA) or Rtl
 *   #define NTKSS_FLAVOR          a tag that keeps worker names apart
 *   #define NTKSS_RESULT_TYPE     HRESULT or NTSTATUS
 *   #define NTKSS_RESULT          a function mapping an ntkss_status to it
 *                                 (a function: its argument is a call)
 *   #define NTKSS_CHAR            char            WCHAR
 *   #define NTKSS_SUFFIX          A               W
 *   #define NTKSS_VSNPRINTF       _vsnprintf      _vsnwprintf
 *   #define NTKSS_WIDE            (undefined)     (defined)
 *   #include <ntk_strsafe_impl.h>
 */
#ifndef NTK_STRSAFE_IMPL_COMMON
#define NTK_STRSAFE_IMPL_COMMON

#include <ntk_basetypes.h>
#include <stdarg.h>
#include <stdio.h>  /* _vsnprintf, _vsnwprintf */
#include <string.h> /* memset */

#ifndef STRSAFE_MAX_CCH
#define STRSAFE_MAX_CCH 2147483647
#endif
#define STRSAFE_MAX_LENGTH (STRSAFE_MAX_CCH - 1)

/* Flags of the Ex functions; the low byte is the fill pattern. */
#define STRSAFE_IGNORE_NULLS 0x00000100
#define STRSAFE_FILL_BEHIND_NULL 0x00000200
#define STRSAFE_FILL_ON_FAILURE 0x00000400
#define STRSAFE_NULL_ON_FAILURE 0x00000800
#define STRSAFE_NO_TRUNCATION 0x00001000
#define STRSAFE_VALID_FLAGS \
    (0x000000FF | STRSAFE_IGNORE_NULLS | STRSAFE_FILL_BEHIND_NULL | STRSAFE_FILL_ON_FAILURE | \
     STRSAFE_NULL_ON_FAILURE | STRSAFE_NO_TRUNCATION)
#define STRSAFE_FILL_BYTE(x) ((ULONG)(((x) & 0x000000FF) | STRSAFE_FILL_BEHIND_NULL))
#define STRSAFE_FAILURE_BYTE(x) ((ULONG)(((x) & 0x000000FF) | STRSAFE_FILL_ON_FAILURE))
#define STRSAFE_GET_FILL_PATTERN(dwFlags) ((int)((dwFlags) & 0x000000FF))

typedef enum _NTKSS_STATUS {
    NTKSS_OK,
    NTKSS_OVERFLOW, /* truncated: insufficient buffer */
    NTKSS_INVALID,  /* invalid parameter */
} ntkss_status;

/* A count no source may have: how a wrapper passes on a malformed counted
 * source (a UNICODE_STRING) so that the worker fails it in its turn. */
#define NTKSS_INVALID_COUNT ((size_t)-1)

#define NTKSS_CAT3_(a, b, c) a##b##c
#define NTKSS_CAT3(a, b, c) NTKSS_CAT3_(a, b, c)
/* Public names: StringCchCopyA, RtlStringCchCopyW, ... */
#define NTKSS_API(name) NTKSS_CAT3(NTKSS_API_PREFIX, name, NTKSS_SUFFIX)
/* Worker names, unique per flavour and character type. */
#define NTKSS_WORKER(name) NTKSS_CAT3(ntkss_##name##_, NTKSS_FLAVOR, NTKSS_SUFFIX)

#endif /* NTK_STRSAFE_IMPL_COMMON */

#ifdef NTKSS_CHAR

/* ---------------------------------------------------------------- workers */

static inline ntkss_status NTKSS_WORKER(length)(const NTKSS_CHAR *psz, size_t cchMax, size_t *pcchLength)
{
    size_t cchOriginalMax = cchMax;
    ntkss_status status;

    while (cchMax != 0 && *psz != 0) {
        psz++;
        cchMax--;
    }
    status = cchMax == 0 ? NTKSS_INVALID : NTKSS_OK; /* not terminated within cchMax */
    if (pcchLength != NULL)
        *pcchLength = status == NTKSS_OK ? cchOriginalMax - cchMax : 0;
    return status;
}

static inline ntkss_status NTKSS_WORKER(validate_dest)(size_t cchDest)
{
    return (cchDest == 0 || cchDest > STRSAFE_MAX_CCH) ? NTKSS_INVALID : NTKSS_OK;
}

static inline ntkss_status NTKSS_WORKER(validate_dest_length)(const NTKSS_CHAR *pszDest, size_t cchDest,
                                                              size_t *pcchDestLength)
{
    ntkss_status status = NTKSS_WORKER(validate_dest)(cchDest);

    if (status == NTKSS_OK)
        return NTKSS_WORKER(length)(pszDest, cchDest, pcchDestLength);
    *pcchDestLength = 0;
    return status;
}

/* A size of 0 is allowed with STRSAFE_IGNORE_NULLS only; a NULL buffer with
 * a size is refused even without it (Microsoft's header would write
 * through it). */
static inline ntkss_status NTKSS_WORKER(ex_validate_dest)(const NTKSS_CHAR *pszDest, size_t cchDest, ULONG dwFlags)
{
    if (cchDest > STRSAFE_MAX_CCH || (pszDest == NULL && cchDest != 0))
        return NTKSS_INVALID;
    return (cchDest == 0 && !(dwFlags & STRSAFE_IGNORE_NULLS)) ? NTKSS_INVALID : NTKSS_OK;
}

static inline ntkss_status NTKSS_WORKER(ex_validate_dest_length)(const NTKSS_CHAR *pszDest, size_t cchDest,
                                                                 size_t *pcchDestLength, ULONG dwFlags)
{
    ntkss_status status = NTKSS_WORKER(ex_validate_dest)(pszDest, cchDest, dwFlags);

    if (status != NTKSS_OK || cchDest == 0) {
        *pcchDestLength = 0;
        return status;
    }
    return NTKSS_WORKER(length)(pszDest, cchDest, pcchDestLength);
}

/* A NULL source reads as "" with STRSAFE_IGNORE_NULLS (and as what it is,
 * nothing, when it is an array of 0 characters); otherwise it is an invalid
 * parameter rather than the fault Microsoft's header would take. A count
 * of NTKSS_INVALID_COUNT is how a wrapper reports a malformed counted
 * source. */
static inline ntkss_status NTKSS_WORKER(ex_validate_src)(const NTKSS_CHAR **ppszSrc, size_t *pcchToRead,
                                                         ULONG dwFlags)
{
    static const NTKSS_CHAR empty = 0;

    if (pcchToRead != NULL && *pcchToRead >= STRSAFE_MAX_CCH)
        return NTKSS_INVALID;
    if (*ppszSrc == NULL) {
        if (!(dwFlags & STRSAFE_IGNORE_NULLS) && (pcchToRead == NULL || *pcchToRead != 0))
            return NTKSS_INVALID;
        *ppszSrc = &empty;
        if (pcchToRead != NULL)
            *pcchToRead = 0;
    }
    return NTKSS_OK;
}

/* Copies at most cchToCopy characters of pszSrc (stopping at its
 * terminator if StopAtNull; all of them for a counted array) into
 * pszDest[0..cchDest) (cchDest >= 1), always terminating; overflow when
 * the source did not fit. */
static inline ntkss_status NTKSS_WORKER(copy)(NTKSS_CHAR *pszDest, size_t cchDest, size_t *pcchNewDestLength,
                                              const NTKSS_CHAR *pszSrc, size_t cchToCopy, BOOLEAN StopAtNull)
{
    ntkss_status status = NTKSS_OK;
    size_t cchNewDestLength = 0;

    while (cchDest != 0 && cchToCopy != 0 && !(StopAtNull && *pszSrc == 0)) {
        *pszDest++ = *pszSrc++;
        cchDest--;
        cchToCopy--;
        cchNewDestLength++;
    }
    if (cchDest == 0) {
        /* Out of room: the last character stored gives way to the terminator. */
        pszDest--;
        cchNewDestLength--;
        status = NTKSS_OVERFLOW;
    }
    *pszDest = 0;
    if (pcchNewDestLength != NULL)
        *pcchNewDestLength = cchNewDestLength;
    return status;
}

/* Formats into pszDest[0..cchDest) (cchDest >= 1), always terminating. */
static inline ntkss_status NTKSS_WORKER(vprintf)(NTKSS_CHAR *pszDest, size_t cchDest, size_t *pcchNewDestLength,
                                                 const NTKSS_CHAR *pszFormat, va_list argList)
{
    ntkss_status status = NTKSS_OK;
    size_t cchMax = cchDest - 1;
    size_t cchNewDestLength;
    int written = NTKSS_VSNPRINTF(pszDest, cchMax, pszFormat, argList);

    if (written < 0 || (size_t)written > cchMax) {
        pszDest[cchMax] = 0;
        cchNewDestLength = cchMax;
        status = NTKSS_OVERFLOW;
    } else if ((size_t)written == cchMax) {
        pszDest[cchMax] = 0; /* an exact fit is complete */
        cchNewDestLength = cchMax;
    } else {
        cchNewDestLength = (size_t)written;
    }
    if (pcchNewDestLength != NULL)
        *pcchNewDestLength = cchNewDestLength;
    return status;
}

/* STRSAFE_NO_TRUNCATION, STRSAFE_FILL_ON_FAILURE, STRSAFE_NULL_ON_FAILURE
 * after a failure; cbDest is the destination's size in bytes. */
static inline void NTKSS_WORKER(handle_other_flags)(NTKSS_CHAR *pszDest, size_t cbDest, size_t cchOriginalDestLength,
                                                    NTKSS_CHAR **ppszDestEnd, size_t *pcchRemaining, ULONG dwFlags)
{
    size_t cchDest = cbDest / sizeof(NTKSS_CHAR);

    if (cchDest > 0 && (dwFlags & STRSAFE_NO_TRUNCATION)) {
        *ppszDestEnd = pszDest + cchOriginalDestLength;
        *pcchRemaining = cchDest - cchOriginalDestLength;
        pszDest[cchOriginalDestLength] = 0;
    }
    if (dwFlags & STRSAFE_FILL_ON_FAILURE) {
        memset(pszDest, STRSAFE_GET_FILL_PATTERN(dwFlags), cbDest);
        if (STRSAFE_GET_FILL_PATTERN(dwFlags) == 0) {
            *ppszDestEnd = pszDest;
            *pcchRemaining = cchDest;
        } else if (cchDest > 0) {
            *ppszDestEnd = pszDest + cchDest - 1;
            *pcchRemaining = 1;
            pszDest[cchDest - 1] = 0;
        }
    }
    if (cchDest > 0 && (dwFlags & STRSAFE_NULL_ON_FAILURE)) {
        *ppszDestEnd = pszDest;
        *pcchRemaining = cchDest;
        *pszDest = 0;
    }
}

/* Every Ex function: Copy (IsCat FALSE) or Cat of a string (FormatArgs
 * NULL; pcchToRead NULL means unbounded; StopAtNull FALSE for a counted
 * array such as a UNICODE_STRING's) or of formatted output (pszSrc is the
 * format). cbDest is the caller's buffer size in bytes. The remaining
 * count goes out in characters; the Cb wrappers convert it. */
static inline ntkss_status NTKSS_WORKER(ex)(NTKSS_CHAR *pszDest, size_t cchDest, size_t cbDest, BOOLEAN IsCat,
                                            const NTKSS_CHAR *pszSrc, size_t *pcchToRead, BOOLEAN StopAtNull,
                                            va_list *FormatArgs, NTKSS_CHAR **ppszDestEnd, size_t *pcchRemaining,
                                            ULONG dwFlags)
{
    ntkss_status status;
    size_t cchDestLength = 0;
    NTKSS_CHAR *pszDestEnd;
    size_t cchRemaining;

    status = IsCat ? NTKSS_WORKER(ex_validate_dest_length)(pszDest, cchDest, &cchDestLength, dwFlags)
                   : NTKSS_WORKER(ex_validate_dest)(pszDest, cchDest, dwFlags);
    if (status != NTKSS_OK) {
        if (!IsCat && cchDest > 0 && pszDest != NULL) /* MS would write through NULL here */
            *pszDest = 0;
        return status;
    }
    pszDestEnd = cchDestLength != 0 ? pszDest + cchDestLength : pszDest;
    cchRemaining = cchDest - cchDestLength;

    status = NTKSS_WORKER(ex_validate_src)(&pszSrc, pcchToRead, dwFlags);
    if (status != NTKSS_OK) {
        if (!IsCat && cchDest != 0)
            *pszDest = 0;
    } else if (dwFlags & ~(ULONG)STRSAFE_VALID_FLAGS) {
        status = NTKSS_INVALID;
        if (!IsCat && cchDest != 0)
            *pszDest = 0;
    } else if (IsCat ? cchRemaining <= 1 : cchDest == 0) {
        /* No room at all: only an empty source succeeds. */
        if ((pcchToRead == NULL || *pcchToRead != 0) && (!StopAtNull || *pszSrc != 0))
            status = pszDest == NULL ? NTKSS_INVALID : NTKSS_OVERFLOW;
    } else {
        size_t cchWritten = 0;

        if (FormatArgs != NULL)
            status = NTKSS_WORKER(vprintf)(pszDestEnd, cchRemaining, &cchWritten, pszSrc, *FormatArgs);
        else
            status = NTKSS_WORKER(copy)(pszDestEnd, cchRemaining, &cchWritten, pszSrc,
                                        pcchToRead != NULL ? *pcchToRead : STRSAFE_MAX_LENGTH, StopAtNull);
        pszDestEnd += cchWritten;
        cchRemaining -= cchWritten;
        if (status == NTKSS_OK && (dwFlags & STRSAFE_FILL_BEHIND_NULL)) {
            size_t cbRemaining = cchRemaining * sizeof(NTKSS_CHAR) + cbDest % sizeof(NTKSS_CHAR);
            if (cbRemaining > sizeof(NTKSS_CHAR))
                memset(pszDestEnd + 1, STRSAFE_GET_FILL_PATTERN(dwFlags), cbRemaining - sizeof(NTKSS_CHAR));
        }
    }

    if (status != NTKSS_OK && pszDest != NULL && cbDest != 0 &&
        (dwFlags & (STRSAFE_NO_TRUNCATION | STRSAFE_FILL_ON_FAILURE | STRSAFE_NULL_ON_FAILURE)))
        NTKSS_WORKER(handle_other_flags)(pszDest, cbDest, cchDestLength, &pszDestEnd, &cchRemaining, dwFlags);

    if (status == NTKSS_OK || status == NTKSS_OVERFLOW) {
        if (ppszDestEnd != NULL)
            *ppszDestEnd = pszDestEnd;
        if (pcchRemaining != NULL)
            *pcchRemaining = cchRemaining;
    }
    return status;
}

/* The Cb Ex wrappers report the remaining space in bytes, odd byte included. */
static inline void NTKSS_WORKER(remaining_bytes)(ntkss_status status, size_t cchRemaining, size_t cbDest,
                                                 size_t *pcbRemaining)
{
    if ((status == NTKSS_OK || status == NTKSS_OVERFLOW) && pcbRemaining != NULL)
        *pcbRemaining = cchRemaining * sizeof(NTKSS_CHAR) + cbDest % sizeof(NTKSS_CHAR);
}

/* ------------------------------------------------------------------ copy */

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchCopy)(NTKSS_CHAR *pszDest, size_t cchDest, const NTKSS_CHAR *pszSrc)
{
    ntkss_status status = NTKSS_WORKER(validate_dest)(cchDest);

    if (status == NTKSS_OK)
        status = NTKSS_WORKER(copy)(pszDest, cchDest, NULL, pszSrc, STRSAFE_MAX_LENGTH, TRUE);
    else if (cchDest > 0)
        *pszDest = 0;
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCopy)(NTKSS_CHAR *pszDest, size_t cbDest, const NTKSS_CHAR *pszSrc)
{
    return NTKSS_API(StringCchCopy)(pszDest, cbDest / sizeof(NTKSS_CHAR), pszSrc);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchCopyN)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                          const NTKSS_CHAR *pszSrc, size_t cchToCopy)
{
    ntkss_status status = NTKSS_WORKER(validate_dest)(cchDest);

    if (status == NTKSS_OK) {
        if (cchToCopy > STRSAFE_MAX_LENGTH) {
            status = NTKSS_INVALID;
            *pszDest = 0;
        } else {
            status = NTKSS_WORKER(copy)(pszDest, cchDest, NULL, pszSrc, cchToCopy, TRUE);
        }
    } else if (cchDest > 0) {
        *pszDest = 0;
    }
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCopyN)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                         const NTKSS_CHAR *pszSrc, size_t cbToCopy)
{
    return NTKSS_API(StringCchCopyN)(pszDest, cbDest / sizeof(NTKSS_CHAR), pszSrc, cbToCopy / sizeof(NTKSS_CHAR));
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchCopyEx)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                           const NTKSS_CHAR *pszSrc, NTKSS_CHAR **ppszDestEnd,
                                                           size_t *pcchRemaining, ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(ex)(pszDest, cchDest, cchDest * sizeof(NTKSS_CHAR), FALSE, pszSrc, NULL, TRUE,
                                         NULL, ppszDestEnd, pcchRemaining, dwFlags));
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCopyEx)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                          const NTKSS_CHAR *pszSrc, NTKSS_CHAR **ppszDestEnd,
                                                          size_t *pcbRemaining, ULONG dwFlags)
{
    size_t cchRemaining = 0;
    ntkss_status status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(NTKSS_CHAR), cbDest, FALSE, pszSrc, NULL, TRUE,
                                           NULL, ppszDestEnd, &cchRemaining, dwFlags);

    NTKSS_WORKER(remaining_bytes)(status, cchRemaining, cbDest, pcbRemaining);
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchCopyNEx)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                            const NTKSS_CHAR *pszSrc, size_t cchToCopy,
                                                            NTKSS_CHAR **ppszDestEnd, size_t *pcchRemaining,
                                                            ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(ex)(pszDest, cchDest, cchDest * sizeof(NTKSS_CHAR), FALSE, pszSrc, &cchToCopy,
                                         TRUE, NULL, ppszDestEnd, pcchRemaining, dwFlags));
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCopyNEx)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                           const NTKSS_CHAR *pszSrc, size_t cbToCopy,
                                                           NTKSS_CHAR **ppszDestEnd, size_t *pcbRemaining,
                                                           ULONG dwFlags)
{
    size_t cchToCopy = cbToCopy / sizeof(NTKSS_CHAR);
    size_t cchRemaining = 0;
    ntkss_status status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(NTKSS_CHAR), cbDest, FALSE, pszSrc, &cchToCopy,
                                           TRUE, NULL, ppszDestEnd, &cchRemaining, dwFlags);

    NTKSS_WORKER(remaining_bytes)(status, cchRemaining, cbDest, pcbRemaining);
    return NTKSS_RESULT(status);
}

/* ------------------------------------------------------------------- cat */

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchCat)(NTKSS_CHAR *pszDest, size_t cchDest, const NTKSS_CHAR *pszSrc)
{
    size_t cchDestLength;
    ntkss_status status = NTKSS_WORKER(validate_dest_length)(pszDest, cchDest, &cchDestLength);

    if (status == NTKSS_OK)
        status = NTKSS_WORKER(copy)(pszDest + cchDestLength, cchDest - cchDestLength, NULL, pszSrc,
                                    STRSAFE_MAX_LENGTH, TRUE);
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCat)(NTKSS_CHAR *pszDest, size_t cbDest, const NTKSS_CHAR *pszSrc)
{
    return NTKSS_API(StringCchCat)(pszDest, cbDest / sizeof(NTKSS_CHAR), pszSrc);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchCatN)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                         const NTKSS_CHAR *pszSrc, size_t cchToAppend)
{
    size_t cchDestLength;
    ntkss_status status = NTKSS_WORKER(validate_dest_length)(pszDest, cchDest, &cchDestLength);

    if (status == NTKSS_OK) {
        if (cchToAppend > STRSAFE_MAX_LENGTH)
            status = NTKSS_INVALID;
        else
            status = NTKSS_WORKER(copy)(pszDest + cchDestLength, cchDest - cchDestLength, NULL, pszSrc, cchToAppend,
                                        TRUE);
    }
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCatN)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                        const NTKSS_CHAR *pszSrc, size_t cbToAppend)
{
    return NTKSS_API(StringCchCatN)(pszDest, cbDest / sizeof(NTKSS_CHAR), pszSrc, cbToAppend / sizeof(NTKSS_CHAR));
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchCatEx)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                          const NTKSS_CHAR *pszSrc, NTKSS_CHAR **ppszDestEnd,
                                                          size_t *pcchRemaining, ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(ex)(pszDest, cchDest, cchDest * sizeof(NTKSS_CHAR), TRUE, pszSrc, NULL, TRUE, NULL,
                                         ppszDestEnd, pcchRemaining, dwFlags));
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCatEx)(NTKSS_CHAR *pszDest, size_t cbDest, const NTKSS_CHAR *pszSrc,
                                                         NTKSS_CHAR **ppszDestEnd, size_t *pcbRemaining,
                                                         ULONG dwFlags)
{
    size_t cchRemaining = 0;
    ntkss_status status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(NTKSS_CHAR), cbDest, TRUE, pszSrc, NULL, TRUE, NULL,
                                           ppszDestEnd, &cchRemaining, dwFlags);

    NTKSS_WORKER(remaining_bytes)(status, cchRemaining, cbDest, pcbRemaining);
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchCatNEx)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                           const NTKSS_CHAR *pszSrc, size_t cchToAppend,
                                                           NTKSS_CHAR **ppszDestEnd, size_t *pcchRemaining,
                                                           ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(ex)(pszDest, cchDest, cchDest * sizeof(NTKSS_CHAR), TRUE, pszSrc, &cchToAppend,
                                         TRUE, NULL, ppszDestEnd, pcchRemaining, dwFlags));
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCatNEx)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                          const NTKSS_CHAR *pszSrc, size_t cbToAppend,
                                                          NTKSS_CHAR **ppszDestEnd, size_t *pcbRemaining,
                                                          ULONG dwFlags)
{
    size_t cchToAppend = cbToAppend / sizeof(NTKSS_CHAR);
    size_t cchRemaining = 0;
    ntkss_status status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(NTKSS_CHAR), cbDest, TRUE, pszSrc, &cchToAppend,
                                           TRUE, NULL, ppszDestEnd, &cchRemaining, dwFlags);

    NTKSS_WORKER(remaining_bytes)(status, cchRemaining, cbDest, pcbRemaining);
    return NTKSS_RESULT(status);
}

/* ---------------------------------------------------------------- printf */

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchVPrintf)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                            const NTKSS_CHAR *pszFormat, va_list argList)
{
    ntkss_status status = NTKSS_WORKER(validate_dest)(cchDest);

    if (status == NTKSS_OK)
        status = NTKSS_WORKER(vprintf)(pszDest, cchDest, NULL, pszFormat, argList);
    else if (cchDest > 0)
        *pszDest = 0;
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbVPrintf)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                           const NTKSS_CHAR *pszFormat, va_list argList)
{
    return NTKSS_API(StringCchVPrintf)(pszDest, cbDest / sizeof(NTKSS_CHAR), pszFormat, argList);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchPrintf)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                           const NTKSS_CHAR *pszFormat, ...)
{
    NTKSS_RESULT_TYPE result;
    va_list argList;

    va_start(argList, pszFormat);
    result = NTKSS_API(StringCchVPrintf)(pszDest, cchDest, pszFormat, argList);
    va_end(argList);
    return result;
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbPrintf)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                          const NTKSS_CHAR *pszFormat, ...)
{
    NTKSS_RESULT_TYPE result;
    va_list argList;

    va_start(argList, pszFormat);
    result = NTKSS_API(StringCchVPrintf)(pszDest, cbDest / sizeof(NTKSS_CHAR), pszFormat, argList);
    va_end(argList);
    return result;
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchVPrintfEx)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                              NTKSS_CHAR **ppszDestEnd, size_t *pcchRemaining,
                                                              ULONG dwFlags, const NTKSS_CHAR *pszFormat,
                                                              va_list argList)
{
    ntkss_status status;
    va_list arguments;

    va_copy(arguments, argList);
    status = NTKSS_WORKER(ex)(pszDest, cchDest, cchDest * sizeof(NTKSS_CHAR), FALSE, pszFormat, NULL, TRUE, &arguments,
                              ppszDestEnd, pcchRemaining, dwFlags);
    va_end(arguments);
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbVPrintfEx)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                             NTKSS_CHAR **ppszDestEnd, size_t *pcbRemaining,
                                                             ULONG dwFlags, const NTKSS_CHAR *pszFormat,
                                                             va_list argList)
{
    size_t cchRemaining = 0;
    ntkss_status status;
    va_list arguments;

    va_copy(arguments, argList);
    status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(NTKSS_CHAR), cbDest, FALSE, pszFormat, NULL, TRUE, &arguments,
                              ppszDestEnd, &cchRemaining, dwFlags);
    va_end(arguments);
    NTKSS_WORKER(remaining_bytes)(status, cchRemaining, cbDest, pcbRemaining);
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchPrintfEx)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                             NTKSS_CHAR **ppszDestEnd, size_t *pcchRemaining,
                                                             ULONG dwFlags, const NTKSS_CHAR *pszFormat, ...)
{
    NTKSS_RESULT_TYPE result;
    va_list argList;

    va_start(argList, pszFormat);
    result = NTKSS_API(StringCchVPrintfEx)(pszDest, cchDest, ppszDestEnd, pcchRemaining, dwFlags, pszFormat, argList);
    va_end(argList);
    return result;
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbPrintfEx)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                            NTKSS_CHAR **ppszDestEnd, size_t *pcbRemaining,
                                                            ULONG dwFlags, const NTKSS_CHAR *pszFormat, ...)
{
    NTKSS_RESULT_TYPE result;
    va_list argList;

    va_start(argList, pszFormat);
    result = NTKSS_API(StringCbVPrintfEx)(pszDest, cbDest, ppszDestEnd, pcbRemaining, dwFlags, pszFormat, argList);
    va_end(argList);
    return result;
}

/* ---------------------------------------------------------------- length */

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchLength)(const NTKSS_CHAR *psz, size_t cchMax, size_t *pcchLength)
{
    ntkss_status status;

    if (psz == NULL || cchMax > STRSAFE_MAX_CCH) {
        status = NTKSS_INVALID;
        if (pcchLength != NULL)
            *pcchLength = 0;
    } else {
        status = NTKSS_WORKER(length)(psz, cchMax, pcchLength);
    }
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbLength)(const NTKSS_CHAR *psz, size_t cbMax, size_t *pcbLength)
{
    size_t cchLength = 0;
    ntkss_status status;

    if (psz == NULL || cbMax > STRSAFE_MAX_CCH * sizeof(NTKSS_CHAR))
        status = NTKSS_INVALID;
    else
        status = NTKSS_WORKER(length)(psz, cbMax / sizeof(NTKSS_CHAR), &cchLength);
    if (pcbLength != NULL)
        *pcbLength = status == NTKSS_OK ? cchLength * sizeof(NTKSS_CHAR) : 0;
    return NTKSS_RESULT(status);
}

#ifdef NTKSS_WIDE

/* ------------------------------------------------------ unaligned length */

/* The string may sit at an odd address: every character is read with
 * memcpy rather than through a misaligned WCHAR pointer. */
static inline ntkss_status NTKSS_WORKER(unaligned_length)(const NTKSS_CHAR *psz, size_t cchMax, size_t *pcchLength)
{
    const unsigned char *bytes = (const unsigned char *)psz;
    size_t cchLength = 0;
    NTKSS_CHAR ch = 0;

    while (cchLength < cchMax) {
        memcpy(&ch, bytes + cchLength * sizeof(NTKSS_CHAR), sizeof(ch));
        if (ch == 0)
            break;
        cchLength++;
    }
    if (cchLength == cchMax) { /* not terminated within cchMax */
        *pcchLength = 0;
        return NTKSS_INVALID;
    }
    *pcchLength = cchLength;
    return NTKSS_OK;
}

static inline NTKSS_RESULT_TYPE NTKSS_API(UnalignedStringCchLength)(const NTKSS_CHAR *psz, size_t cchMax,
                                                                    size_t *pcchLength)
{
    size_t cchLength = 0;
    ntkss_status status = NTKSS_INVALID;

    if (psz != NULL && cchMax <= STRSAFE_MAX_CCH)
        status = NTKSS_WORKER(unaligned_length)(psz, cchMax, &cchLength);
    if (pcchLength != NULL)
        *pcchLength = cchLength;
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(UnalignedStringCbLength)(const NTKSS_CHAR *psz, size_t cbMax,
                                                                   size_t *pcbLength)
{
    size_t cchLength = 0;
    ntkss_status status = NTKSS_INVALID;

    if (psz != NULL && cbMax <= STRSAFE_MAX_CCH * sizeof(NTKSS_CHAR))
        status = NTKSS_WORKER(unaligned_length)(psz, cbMax / sizeof(NTKSS_CHAR), &cchLength);
    if (pcbLength != NULL)
        *pcbLength = cchLength * sizeof(NTKSS_CHAR);
    return NTKSS_RESULT(status);
}

#endif /* NTKSS_WIDE */

#ifdef NTKSS_UNICODE_STRING
/*
 * The UNICODE_STRING functions (kernel flavour, WCHAR instantiation only;
 * the includer defines NTSTRSAFE_UNICODE_STRING_MAX_CCH and
 * STRSAFE_UNICODE_STRING_VALID_FLAGS). A UNICODE_STRING result is never
 * terminated: Length says how much is there, and on truncation what fit.
 * Ex flags: STRSAFE_IGNORE_NULLS (NULL structures and strings read as
 * empty; a NULL destination takes only an empty result),
 * STRSAFE_FILL_BEHIND (on success fill Buffer past Length up to
 * MaximumLength), STRSAFE_FILL_ON_FAILURE (on failure fill all of
 * MaximumLength; Length = MaximumLength), STRSAFE_ZERO_LENGTH_ON_FAILURE
 * (on failure Length 0), STRSAFE_NO_TRUNCATION (on failure Length back to
 * what it was: 0 for Copy/Printf, the old string for Cat). Once the
 * destination is found valid its Length is always rewritten; RemainingString
 * (Buffer at the end of the result, Length 0, MaximumLength the bytes left)
 * is set on success and on truncation only.
 */

static inline const WCHAR *NTKSS_WORKER(us_empty)(void)
{
    static const WCHAR empty = 0;
    return &empty;
}

static inline ntkss_status NTKSS_WORKER(us_validate)(PCUNICODE_STRING String, ULONG dwFlags)
{
    if (String == NULL)
        return (dwFlags & STRSAFE_IGNORE_NULLS) ? NTKSS_OK : NTKSS_INVALID;
    if ((String->Length % sizeof(WCHAR)) != 0 || (String->MaximumLength % sizeof(WCHAR)) != 0 ||
        String->Length > String->MaximumLength ||
        String->MaximumLength > NTSTRSAFE_UNICODE_STRING_MAX_CCH * sizeof(WCHAR) ||
        (String->Buffer == NULL && (String->Length != 0 || String->MaximumLength != 0)))
        return NTKSS_INVALID;
    return NTKSS_OK;
}

/* Stores at most cchToCopy characters of pchSrc (up to its terminator if
 * StopAtNull) in pszDest[0..cchDest), unterminated. */
static inline ntkss_status NTKSS_WORKER(us_copy)(WCHAR *pszDest, size_t cchDest, size_t *pcchWritten,
                                                 const WCHAR *pchSrc, size_t cchToCopy, BOOLEAN StopAtNull)
{
    size_t cchWritten = 0;

    while (cchWritten < cchDest && cchToCopy != 0 && !(StopAtNull && *pchSrc == 0)) {
        pszDest[cchWritten++] = *pchSrc++;
        cchToCopy--;
    }
    *pcchWritten = cchWritten;
    return (cchToCopy != 0 && !(StopAtNull && *pchSrc == 0)) ? NTKSS_OVERFLOW : NTKSS_OK;
}

/* Formats into pszDest[0..cchDest) (cchDest >= 1), unterminated: an exact
 * fit is complete. */
static inline ntkss_status NTKSS_WORKER(us_vprintf)(WCHAR *pszDest, size_t cchDest, size_t *pcchWritten,
                                                    const WCHAR *pszFormat, va_list argList)
{
    int written = NTKSS_VSNPRINTF(pszDest, cchDest, pszFormat, argList);

    if (written < 0 || (size_t)written > cchDest) {
        *pcchWritten = cchDest;
        return NTKSS_OVERFLOW;
    }
    *pcchWritten = (size_t)written;
    return NTKSS_OK;
}

/* Every UNICODE_STRING Copy, Cat and Printf, plain (dwFlags 0, Remaining
 * NULL) and Ex: the source is pchSrc (at most cchSrc characters, up to its
 * terminator if StopAtNull) or, with FormatArgs, the format pchSrc; a
 * wrapper that found the source bad passes SrcStatus. */
static inline ntkss_status NTKSS_WORKER(us)(PUNICODE_STRING Dest, BOOLEAN IsCat, ntkss_status SrcStatus,
                                            const WCHAR *pchSrc, size_t cchSrc, BOOLEAN StopAtNull,
                                            va_list *FormatArgs, PUNICODE_STRING Remaining, ULONG dwFlags)
{
    ntkss_status status;
    WCHAR *pszDest = NULL;
    WCHAR *pszDestEnd;
    size_t cchDest = 0, cchDestLength = 0, cchNewDestLength, cchRemaining;

    if (Dest == NULL) {
        if (!(dwFlags & STRSAFE_IGNORE_NULLS))
            return NTKSS_INVALID;
    } else {
        status = NTKSS_WORKER(us_validate)(Dest, 0);
        if (status != NTKSS_OK)
            return status;
        pszDest = Dest->Buffer;
        cchDest = Dest->MaximumLength / sizeof(WCHAR);
        cchDestLength = IsCat ? Dest->Length / sizeof(WCHAR) : 0;
    }
    cchNewDestLength = cchDestLength;
    pszDestEnd = pszDest != NULL ? pszDest + cchDestLength : NULL;
    cchRemaining = cchDest - cchDestLength;

    if (SrcStatus != NTKSS_OK) {
        status = SrcStatus;
    } else if (dwFlags & ~(ULONG)STRSAFE_UNICODE_STRING_VALID_FLAGS) {
        status = NTKSS_INVALID;
    } else if (cchRemaining == 0) {
        /* No room: only an empty source succeeds; a NULL buffer cannot
         * take anything. */
        status = NTKSS_OK;
        if (cchSrc != 0 && (!StopAtNull || *pchSrc != 0))
            status = pszDest == NULL ? NTKSS_INVALID : NTKSS_OVERFLOW;
    } else {
        size_t cchWritten;

        if (FormatArgs != NULL)
            status = NTKSS_WORKER(us_vprintf)(pszDestEnd, cchRemaining, &cchWritten, pchSrc, *FormatArgs);
        else
            status = NTKSS_WORKER(us_copy)(pszDestEnd, cchRemaining, &cchWritten, pchSrc, cchSrc, StopAtNull);
        pszDestEnd += cchWritten;
        cchRemaining -= cchWritten;
        cchNewDestLength += cchWritten;
        if (status == NTKSS_OK && (dwFlags & STRSAFE_FILL_BEHIND) && cchRemaining != 0)
            memset(pszDestEnd, STRSAFE_GET_FILL_PATTERN(dwFlags), cchRemaining * sizeof(WCHAR));
    }

    if (status != NTKSS_OK && cchDest != 0) {
        if (dwFlags & STRSAFE_NO_TRUNCATION) {
            pszDestEnd = pszDest + cchDestLength;
            cchRemaining = cchDest - cchDestLength;
            cchNewDestLength = cchDestLength;
        }
        if (dwFlags & STRSAFE_FILL_ON_FAILURE) {
            memset(pszDest, STRSAFE_GET_FILL_PATTERN(dwFlags), cchDest * sizeof(WCHAR));
            pszDestEnd = pszDest + cchDest;
            cchRemaining = 0;
            cchNewDestLength = cchDest;
        }
        if (dwFlags & STRSAFE_ZERO_LENGTH_ON_FAILURE) {
            pszDestEnd = pszDest;
            cchRemaining = cchDest;
            cchNewDestLength = 0;
        }
    }

    if (Dest != NULL)
        Dest->Length = (USHORT)(cchNewDestLength * sizeof(WCHAR));
    if ((status == NTKSS_OK || status == NTKSS_OVERFLOW) && Remaining != NULL) {
        Remaining->Length = 0;
        Remaining->MaximumLength = (USHORT)(cchRemaining * sizeof(WCHAR));
        Remaining->Buffer = pszDestEnd;
    }
    return status;
}

/* A NUL-terminated source, at most cchToRead characters of it (limited to
 * NTSTRSAFE_UNICODE_STRING_MAX_CCH). */
static inline ntkss_status NTKSS_WORKER(us_string)(PUNICODE_STRING Dest, BOOLEAN IsCat, const WCHAR *pszSrc,
                                                   size_t cchToRead, PUNICODE_STRING Remaining, ULONG dwFlags)
{
    ntkss_status srcStatus = NTKSS_OK;

    if (cchToRead > NTSTRSAFE_UNICODE_STRING_MAX_CCH)
        srcStatus = NTKSS_INVALID;
    else if (pszSrc == NULL && (dwFlags & STRSAFE_IGNORE_NULLS))
        pszSrc = NTKSS_WORKER(us_empty)();
    else if (pszSrc == NULL)
        srcStatus = NTKSS_INVALID;
    return NTKSS_WORKER(us)(Dest, IsCat, srcStatus, pszSrc, srcStatus == NTKSS_OK ? cchToRead : 0, TRUE, NULL,
                            Remaining, dwFlags);
}

/* A UNICODE_STRING source, at most cchToRead characters of it. */
static inline ntkss_status NTKSS_WORKER(us_counted)(PUNICODE_STRING Dest, BOOLEAN IsCat,
                                                    PCUNICODE_STRING SourceString, size_t cchToRead,
                                                    PUNICODE_STRING Remaining, ULONG dwFlags)
{
    ntkss_status srcStatus = NTKSS_WORKER(us_validate)(SourceString, dwFlags);
    const WCHAR *pchSrc = NTKSS_WORKER(us_empty)();
    size_t cchSrc = 0;

    if (cchToRead > NTSTRSAFE_UNICODE_STRING_MAX_CCH)
        srcStatus = NTKSS_INVALID;
    if (srcStatus == NTKSS_OK && SourceString != NULL && SourceString->Buffer != NULL) {
        pchSrc = SourceString->Buffer;
        cchSrc = SourceString->Length / sizeof(WCHAR);
        if (cchSrc > cchToRead)
            cchSrc = cchToRead;
    }
    return NTKSS_WORKER(us)(Dest, IsCat, srcStatus, pchSrc, cchSrc, FALSE, NULL, Remaining, dwFlags);
}

static inline ntkss_status NTKSS_WORKER(us_printf)(PUNICODE_STRING Dest, PUNICODE_STRING Remaining, ULONG dwFlags,
                                                   const WCHAR *pszFormat, va_list argList)
{
    ntkss_status srcStatus = NTKSS_OK;
    ntkss_status status;
    va_list arguments;

    if (pszFormat == NULL && (dwFlags & STRSAFE_IGNORE_NULLS))
        pszFormat = NTKSS_WORKER(us_empty)();
    else if (pszFormat == NULL)
        srcStatus = NTKSS_INVALID;
    va_copy(arguments, argList);
    status = NTKSS_WORKER(us)(Dest, FALSE, srcStatus, pszFormat, srcStatus == NTKSS_OK ? 1 : 0, TRUE, &arguments,
                              Remaining, dwFlags);
    va_end(arguments);
    return status;
}

/* A byte count as a character count; above the limit stays above it. */
static inline size_t NTKSS_WORKER(us_cb_to_cch)(size_t cb)
{
    return cb > NTSTRSAFE_UNICODE_STRING_MAX_CCH * sizeof(WCHAR) ? NTSTRSAFE_UNICODE_STRING_MAX_CCH + 1
                                                                 : cb / sizeof(WCHAR);
}

/* ------------------------------------------------- init and validate */

static inline NTKSS_RESULT_TYPE RtlUnicodeStringValidateEx(PCUNICODE_STRING SourceString, ULONG dwFlags)
{
    if (dwFlags & ~(ULONG)STRSAFE_IGNORE_NULLS)
        return NTKSS_RESULT(NTKSS_INVALID);
    return NTKSS_RESULT(NTKSS_WORKER(us_validate)(SourceString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringValidate(PCUNICODE_STRING SourceString)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_validate)(SourceString, 0));
}

/* Points DestinationString at pszSrc (not copied); NULL gives an empty
 * string. The source must be shorter than NTSTRSAFE_UNICODE_STRING_MAX_CCH
 * characters (its terminator counts in MaximumLength). On failure the
 * string is left empty. */
static inline NTKSS_RESULT_TYPE RtlUnicodeStringInitEx(PUNICODE_STRING DestinationString, const WCHAR *pszSrc,
                                                       ULONG dwFlags)
{
    size_t cchSrcLength = 0;
    ntkss_status status = NTKSS_OK;

    if (dwFlags & ~(ULONG)STRSAFE_IGNORE_NULLS)
        return NTKSS_RESULT(NTKSS_INVALID);
    if (DestinationString == NULL)
        return NTKSS_RESULT(((dwFlags & STRSAFE_IGNORE_NULLS) && pszSrc == NULL) ? NTKSS_OK : NTKSS_INVALID);
    DestinationString->Length = 0;
    DestinationString->MaximumLength = 0;
    DestinationString->Buffer = NULL;
    if (pszSrc != NULL)
        status = NTKSS_WORKER(length)(pszSrc, NTSTRSAFE_UNICODE_STRING_MAX_CCH, &cchSrcLength);
    if (status == NTKSS_OK && pszSrc != NULL) {
        DestinationString->Length = (USHORT)(cchSrcLength * sizeof(WCHAR));
        DestinationString->MaximumLength = (USHORT)((cchSrcLength + 1) * sizeof(WCHAR));
        DestinationString->Buffer = (PWSTR)pszSrc;
    }
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringInit(PUNICODE_STRING DestinationString, const WCHAR *pszSrc)
{
    return RtlUnicodeStringInitEx(DestinationString, pszSrc, 0);
}

/* ---------------------------------- UNICODE_STRING to a terminated string */

static inline NTKSS_RESULT_TYPE RtlStringCchCopyUnicodeStringEx(WCHAR *pszDest, size_t cchDest,
                                                                PCUNICODE_STRING SourceString, WCHAR **ppszDestEnd,
                                                                size_t *pcchRemaining, ULONG dwFlags)
{
    size_t cchSrc = NTKSS_WORKER(us_validate)(SourceString, dwFlags) != NTKSS_OK ? NTKSS_INVALID_COUNT
                    : SourceString != NULL                                      ? SourceString->Length / sizeof(WCHAR)
                                                                                : 0;

    return NTKSS_RESULT(NTKSS_WORKER(ex)(pszDest, cchDest, cchDest * sizeof(WCHAR), FALSE,
                                         SourceString != NULL ? SourceString->Buffer : NULL, &cchSrc, FALSE, NULL,
                                         ppszDestEnd, pcchRemaining, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlStringCbCopyUnicodeStringEx(WCHAR *pszDest, size_t cbDest,
                                                               PCUNICODE_STRING SourceString, WCHAR **ppszDestEnd,
                                                               size_t *pcbRemaining, ULONG dwFlags)
{
    size_t cchSrc = NTKSS_WORKER(us_validate)(SourceString, dwFlags) != NTKSS_OK ? NTKSS_INVALID_COUNT
                    : SourceString != NULL                                      ? SourceString->Length / sizeof(WCHAR)
                                                                                : 0;
    size_t cchRemaining = 0;
    ntkss_status status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(WCHAR), cbDest, FALSE,
                                           SourceString != NULL ? SourceString->Buffer : NULL, &cchSrc, FALSE, NULL,
                                           ppszDestEnd, &cchRemaining, dwFlags);

    NTKSS_WORKER(remaining_bytes)(status, cchRemaining, cbDest, pcbRemaining);
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE RtlStringCchCopyUnicodeString(WCHAR *pszDest, size_t cchDest,
                                                              PCUNICODE_STRING SourceString)
{
    return RtlStringCchCopyUnicodeStringEx(pszDest, cchDest, SourceString, NULL, NULL, 0);
}

static inline NTKSS_RESULT_TYPE RtlStringCbCopyUnicodeString(WCHAR *pszDest, size_t cbDest,
                                                             PCUNICODE_STRING SourceString)
{
    return RtlStringCbCopyUnicodeStringEx(pszDest, cbDest, SourceString, NULL, NULL, 0);
}

/* ---------------------------------------------- copy into UNICODE_STRING */

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCopyString(PUNICODE_STRING DestinationString, const WCHAR *pszSrc)
{
    return NTKSS_RESULT(
        NTKSS_WORKER(us_string)(DestinationString, FALSE, pszSrc, NTSTRSAFE_UNICODE_STRING_MAX_CCH, NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCopyStringEx(PUNICODE_STRING DestinationString, const WCHAR *pszSrc,
                                                             PUNICODE_STRING RemainingString, ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_string)(DestinationString, FALSE, pszSrc, NTSTRSAFE_UNICODE_STRING_MAX_CCH,
                                                RemainingString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCchCopyStringN(PUNICODE_STRING DestinationString,
                                                               const WCHAR *pszSrc, size_t cchToCopy)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_string)(DestinationString, FALSE, pszSrc, cchToCopy, NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCbCopyStringN(PUNICODE_STRING DestinationString, const WCHAR *pszSrc,
                                                              size_t cbToCopy)
{
    return NTKSS_RESULT(
        NTKSS_WORKER(us_string)(DestinationString, FALSE, pszSrc, NTKSS_WORKER(us_cb_to_cch)(cbToCopy), NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCchCopyStringNEx(PUNICODE_STRING DestinationString,
                                                                 const WCHAR *pszSrc, size_t cchToCopy,
                                                                 PUNICODE_STRING RemainingString, ULONG dwFlags)
{
    return NTKSS_RESULT(
        NTKSS_WORKER(us_string)(DestinationString, FALSE, pszSrc, cchToCopy, RemainingString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCbCopyStringNEx(PUNICODE_STRING DestinationString,
                                                                const WCHAR *pszSrc, size_t cbToCopy,
                                                                PUNICODE_STRING RemainingString, ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_string)(DestinationString, FALSE, pszSrc,
                                                NTKSS_WORKER(us_cb_to_cch)(cbToCopy), RemainingString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCopy(PUNICODE_STRING DestinationString,
                                                     PCUNICODE_STRING SourceString)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_counted)(DestinationString, FALSE, SourceString,
                                                 NTSTRSAFE_UNICODE_STRING_MAX_CCH, NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCopyEx(PUNICODE_STRING DestinationString,
                                                       PCUNICODE_STRING SourceString, PUNICODE_STRING RemainingString,
                                                       ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_counted)(DestinationString, FALSE, SourceString,
                                                 NTSTRSAFE_UNICODE_STRING_MAX_CCH, RemainingString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCchCopyN(PUNICODE_STRING DestinationString,
                                                         PCUNICODE_STRING SourceString, size_t cchToCopy)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_counted)(DestinationString, FALSE, SourceString, cchToCopy, NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCbCopyN(PUNICODE_STRING DestinationString,
                                                        PCUNICODE_STRING SourceString, size_t cbToCopy)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_counted)(DestinationString, FALSE, SourceString,
                                                 NTKSS_WORKER(us_cb_to_cch)(cbToCopy), NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCchCopyNEx(PUNICODE_STRING DestinationString,
                                                           PCUNICODE_STRING SourceString, size_t cchToCopy,
                                                           PUNICODE_STRING RemainingString, ULONG dwFlags)
{
    return NTKSS_RESULT(
        NTKSS_WORKER(us_counted)(DestinationString, FALSE, SourceString, cchToCopy, RemainingString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCbCopyNEx(PUNICODE_STRING DestinationString,
                                                          PCUNICODE_STRING SourceString, size_t cbToCopy,
                                                          PUNICODE_STRING RemainingString, ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_counted)(DestinationString, FALSE, SourceString,
                                                 NTKSS_WORKER(us_cb_to_cch)(cbToCopy), RemainingString, dwFlags));
}

/* ----------------------------------------------- cat onto UNICODE_STRING */

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCatString(PUNICODE_STRING DestinationString, const WCHAR *pszSrc)
{
    return NTKSS_RESULT(
        NTKSS_WORKER(us_string)(DestinationString, TRUE, pszSrc, NTSTRSAFE_UNICODE_STRING_MAX_CCH, NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCatStringEx(PUNICODE_STRING DestinationString, const WCHAR *pszSrc,
                                                            PUNICODE_STRING RemainingString, ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_string)(DestinationString, TRUE, pszSrc, NTSTRSAFE_UNICODE_STRING_MAX_CCH,
                                                RemainingString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCchCatStringN(PUNICODE_STRING DestinationString, const WCHAR *pszSrc,
                                                              size_t cchToAppend)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_string)(DestinationString, TRUE, pszSrc, cchToAppend, NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCbCatStringN(PUNICODE_STRING DestinationString, const WCHAR *pszSrc,
                                                             size_t cbToAppend)
{
    return NTKSS_RESULT(
        NTKSS_WORKER(us_string)(DestinationString, TRUE, pszSrc, NTKSS_WORKER(us_cb_to_cch)(cbToAppend), NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCchCatStringNEx(PUNICODE_STRING DestinationString,
                                                                const WCHAR *pszSrc, size_t cchToAppend,
                                                                PUNICODE_STRING RemainingString, ULONG dwFlags)
{
    return NTKSS_RESULT(
        NTKSS_WORKER(us_string)(DestinationString, TRUE, pszSrc, cchToAppend, RemainingString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCbCatStringNEx(PUNICODE_STRING DestinationString,
                                                               const WCHAR *pszSrc, size_t cbToAppend,
                                                               PUNICODE_STRING RemainingString, ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_string)(DestinationString, TRUE, pszSrc,
                                                NTKSS_WORKER(us_cb_to_cch)(cbToAppend), RemainingString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCat(PUNICODE_STRING DestinationString, PCUNICODE_STRING SourceString)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_counted)(DestinationString, TRUE, SourceString,
                                                 NTSTRSAFE_UNICODE_STRING_MAX_CCH, NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCatEx(PUNICODE_STRING DestinationString,
                                                      PCUNICODE_STRING SourceString, PUNICODE_STRING RemainingString,
                                                      ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_counted)(DestinationString, TRUE, SourceString,
                                                 NTSTRSAFE_UNICODE_STRING_MAX_CCH, RemainingString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCchCatN(PUNICODE_STRING DestinationString,
                                                        PCUNICODE_STRING SourceString, size_t cchToAppend)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_counted)(DestinationString, TRUE, SourceString, cchToAppend, NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCbCatN(PUNICODE_STRING DestinationString,
                                                       PCUNICODE_STRING SourceString, size_t cbToAppend)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_counted)(DestinationString, TRUE, SourceString,
                                                 NTKSS_WORKER(us_cb_to_cch)(cbToAppend), NULL, 0));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCchCatNEx(PUNICODE_STRING DestinationString,
                                                          PCUNICODE_STRING SourceString, size_t cchToAppend,
                                                          PUNICODE_STRING RemainingString, ULONG dwFlags)
{
    return NTKSS_RESULT(
        NTKSS_WORKER(us_counted)(DestinationString, TRUE, SourceString, cchToAppend, RemainingString, dwFlags));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringCbCatNEx(PUNICODE_STRING DestinationString,
                                                         PCUNICODE_STRING SourceString, size_t cbToAppend,
                                                         PUNICODE_STRING RemainingString, ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_counted)(DestinationString, TRUE, SourceString,
                                                 NTKSS_WORKER(us_cb_to_cch)(cbToAppend), RemainingString, dwFlags));
}

/* ------------------------------------------- printf into UNICODE_STRING */

static inline NTKSS_RESULT_TYPE RtlUnicodeStringVPrintfEx(PUNICODE_STRING DestinationString,
                                                          PUNICODE_STRING RemainingString, ULONG dwFlags,
                                                          const WCHAR *pszFormat, va_list argList)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_printf)(DestinationString, RemainingString, dwFlags, pszFormat, argList));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringVPrintf(PUNICODE_STRING DestinationString, const WCHAR *pszFormat,
                                                        va_list argList)
{
    return NTKSS_RESULT(NTKSS_WORKER(us_printf)(DestinationString, NULL, 0, pszFormat, argList));
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringPrintfEx(PUNICODE_STRING DestinationString,
                                                         PUNICODE_STRING RemainingString, ULONG dwFlags,
                                                         const WCHAR *pszFormat, ...)
{
    ntkss_status status;
    va_list argList;

    va_start(argList, pszFormat);
    status = NTKSS_WORKER(us_printf)(DestinationString, RemainingString, dwFlags, pszFormat, argList);
    va_end(argList);
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE RtlUnicodeStringPrintf(PUNICODE_STRING DestinationString, const WCHAR *pszFormat, ...)
{
    ntkss_status status;
    va_list argList;

    va_start(argList, pszFormat);
    status = NTKSS_WORKER(us_printf)(DestinationString, NULL, 0, pszFormat, argList);
    va_end(argList);
    return NTKSS_RESULT(status);
}

#endif /* NTKSS_UNICODE_STRING */

#endif /* NTKSS_CHAR */
