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
 *     on truncation only.
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

static inline ntkss_status NTKSS_WORKER(ex_validate_dest)(const NTKSS_CHAR *pszDest, size_t cchDest, ULONG dwFlags)
{
    if (dwFlags & STRSAFE_IGNORE_NULLS)
        return ((pszDest == NULL && cchDest != 0) || cchDest > STRSAFE_MAX_CCH) ? NTKSS_INVALID : NTKSS_OK;
    return NTKSS_WORKER(validate_dest)(cchDest);
}

static inline ntkss_status NTKSS_WORKER(ex_validate_dest_length)(const NTKSS_CHAR *pszDest, size_t cchDest,
                                                                 size_t *pcchDestLength, ULONG dwFlags)
{
    ntkss_status status;

    if (!(dwFlags & STRSAFE_IGNORE_NULLS))
        return NTKSS_WORKER(validate_dest_length)(pszDest, cchDest, pcchDestLength);
    status = NTKSS_WORKER(ex_validate_dest)(pszDest, cchDest, dwFlags);
    if (status != NTKSS_OK || cchDest == 0) {
        *pcchDestLength = 0;
        return status;
    }
    return NTKSS_WORKER(length)(pszDest, cchDest, pcchDestLength);
}

static inline ntkss_status NTKSS_WORKER(ex_validate_src)(const NTKSS_CHAR **ppszSrc, size_t *pcchToRead,
                                                         ULONG dwFlags)
{
    static const NTKSS_CHAR empty = 0;

    if (pcchToRead != NULL && *pcchToRead >= STRSAFE_MAX_CCH)
        return NTKSS_INVALID;
    if ((dwFlags & STRSAFE_IGNORE_NULLS) && *ppszSrc == NULL) {
        *ppszSrc = &empty;
        if (pcchToRead != NULL)
            *pcchToRead = 0;
    }
    return NTKSS_OK;
}

/* Copies at most cchToCopy characters of pszSrc into pszDest[0..cchDest)
 * (cchDest >= 1), always terminating; overflow when the source did not
 * fit. */
static inline ntkss_status NTKSS_WORKER(copy)(NTKSS_CHAR *pszDest, size_t cchDest, size_t *pcchNewDestLength,
                                              const NTKSS_CHAR *pszSrc, size_t cchToCopy)
{
    ntkss_status status = NTKSS_OK;
    size_t cchNewDestLength = 0;

    while (cchDest != 0 && cchToCopy != 0 && *pszSrc != 0) {
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
 * NULL; pcchToRead NULL means unbounded) or of formatted output (pszSrc is
 * the format). cbDest is the caller's buffer size in bytes. The remaining
 * count goes out in characters; the Cb wrappers convert it. */
static inline ntkss_status NTKSS_WORKER(ex)(NTKSS_CHAR *pszDest, size_t cchDest, size_t cbDest, BOOLEAN IsCat,
                                            const NTKSS_CHAR *pszSrc, size_t *pcchToRead, va_list *FormatArgs,
                                            NTKSS_CHAR **ppszDestEnd, size_t *pcchRemaining, ULONG dwFlags)
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
        if ((pcchToRead == NULL || *pcchToRead != 0) && *pszSrc != 0)
            status = pszDest == NULL ? NTKSS_INVALID : NTKSS_OVERFLOW;
    } else {
        size_t cchWritten = 0;

        if (FormatArgs != NULL)
            status = NTKSS_WORKER(vprintf)(pszDestEnd, cchRemaining, &cchWritten, pszSrc, *FormatArgs);
        else
            status = NTKSS_WORKER(copy)(pszDestEnd, cchRemaining, &cchWritten, pszSrc,
                                        pcchToRead != NULL ? *pcchToRead : STRSAFE_MAX_LENGTH);
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
        status = NTKSS_WORKER(copy)(pszDest, cchDest, NULL, pszSrc, STRSAFE_MAX_LENGTH);
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
            status = NTKSS_WORKER(copy)(pszDest, cchDest, NULL, pszSrc, cchToCopy);
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
    return NTKSS_RESULT(NTKSS_WORKER(ex)(pszDest, cchDest, cchDest * sizeof(NTKSS_CHAR), FALSE, pszSrc, NULL, NULL,
                                         ppszDestEnd, pcchRemaining, dwFlags));
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCopyEx)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                          const NTKSS_CHAR *pszSrc, NTKSS_CHAR **ppszDestEnd,
                                                          size_t *pcbRemaining, ULONG dwFlags)
{
    size_t cchRemaining = 0;
    ntkss_status status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(NTKSS_CHAR), cbDest, FALSE, pszSrc, NULL, NULL,
                                           ppszDestEnd, &cchRemaining, dwFlags);

    NTKSS_WORKER(remaining_bytes)(status, cchRemaining, cbDest, pcbRemaining);
    return NTKSS_RESULT(status);
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCchCopyNEx)(NTKSS_CHAR *pszDest, size_t cchDest,
                                                            const NTKSS_CHAR *pszSrc, size_t cchToCopy,
                                                            NTKSS_CHAR **ppszDestEnd, size_t *pcchRemaining,
                                                            ULONG dwFlags)
{
    return NTKSS_RESULT(NTKSS_WORKER(ex)(pszDest, cchDest, cchDest * sizeof(NTKSS_CHAR), FALSE, pszSrc, &cchToCopy,
                                         NULL, ppszDestEnd, pcchRemaining, dwFlags));
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCopyNEx)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                           const NTKSS_CHAR *pszSrc, size_t cbToCopy,
                                                           NTKSS_CHAR **ppszDestEnd, size_t *pcbRemaining,
                                                           ULONG dwFlags)
{
    size_t cchToCopy = cbToCopy / sizeof(NTKSS_CHAR);
    size_t cchRemaining = 0;
    ntkss_status status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(NTKSS_CHAR), cbDest, FALSE, pszSrc, &cchToCopy,
                                           NULL, ppszDestEnd, &cchRemaining, dwFlags);

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
                                    STRSAFE_MAX_LENGTH);
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
            status = NTKSS_WORKER(copy)(pszDest + cchDestLength, cchDest - cchDestLength, NULL, pszSrc, cchToAppend);
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
    return NTKSS_RESULT(NTKSS_WORKER(ex)(pszDest, cchDest, cchDest * sizeof(NTKSS_CHAR), TRUE, pszSrc, NULL, NULL,
                                         ppszDestEnd, pcchRemaining, dwFlags));
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCatEx)(NTKSS_CHAR *pszDest, size_t cbDest, const NTKSS_CHAR *pszSrc,
                                                         NTKSS_CHAR **ppszDestEnd, size_t *pcbRemaining,
                                                         ULONG dwFlags)
{
    size_t cchRemaining = 0;
    ntkss_status status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(NTKSS_CHAR), cbDest, TRUE, pszSrc, NULL, NULL,
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
                                         NULL, ppszDestEnd, pcchRemaining, dwFlags));
}

static inline NTKSS_RESULT_TYPE NTKSS_API(StringCbCatNEx)(NTKSS_CHAR *pszDest, size_t cbDest,
                                                          const NTKSS_CHAR *pszSrc, size_t cbToAppend,
                                                          NTKSS_CHAR **ppszDestEnd, size_t *pcbRemaining,
                                                          ULONG dwFlags)
{
    size_t cchToAppend = cbToAppend / sizeof(NTKSS_CHAR);
    size_t cchRemaining = 0;
    ntkss_status status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(NTKSS_CHAR), cbDest, TRUE, pszSrc, &cchToAppend,
                                           NULL, ppszDestEnd, &cchRemaining, dwFlags);

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
    status = NTKSS_WORKER(ex)(pszDest, cchDest, cchDest * sizeof(NTKSS_CHAR), FALSE, pszFormat, NULL, &arguments,
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
    status = NTKSS_WORKER(ex)(pszDest, cbDest / sizeof(NTKSS_CHAR), cbDest, FALSE, pszFormat, NULL, &arguments,
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

#endif /* NTKSS_CHAR */
