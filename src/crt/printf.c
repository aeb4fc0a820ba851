/*
 * printf.c - the MS printf and wprintf families, wide character output and
 * the wide-name fopen variants, on ntk's formatting engine
 * (declared in include/shared/stdio.h; format rules in
 * src/nt/include/internal/rtl_format.h).
 *
 * String variants differ only in how they treat the end of the buffer; each
 * MS behaviour is one helper below, shared by the narrow and wide names:
 *   snprintf        C99: stores count-1 units and a terminator, returns the
 *                   full length
 *   _snprintf(_w)   terminator only if the output is shorter than count; an
 *                   exact fit returns count unterminated; truncation -1;
 *                   NULL with count 0 measures
 *   sprintf, _swprintf  unbounded
 *   swprintf (ISO)  terminated; -1 when the output does not fit
 *   sprintf_s       all or nothing: too small is an invalid parameter
 *   _snprintf_s     count or _TRUNCATE limit, always terminated
 *   _scprintf       the length only
 * Stream variants format through a small stack buffer flushed with fwrite
 * while the stream is locked, so one call's output is not interleaved with
 * another thread's. Wide output is converted to UTF-8.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crt_internal.h"

#define CRTP_STREAM_SCRATCH 512 /* bytes of the stack buffer of a stream call */

/* ------------------------------------------------------------ strings */

static void PutTerminator(BOOLEAN Wide, void *Buffer, size_t Index)
{
    if (Wide)
        ((wchar_t *)Buffer)[Index] = 0;
    else
        ((char *)Buffer)[Index] = 0;
}

/* Formats into Buffer[0..Capacity), unterminated; *Total receives the full
 * length. FALSE (reported, errno EINVAL) if the format is not supported. */
static BOOLEAN FormatToBuffer(const char *Function, BOOLEAN Wide, void *Buffer, size_t Capacity,
                              const void *Format, va_list Arguments, size_t *Total)
{
    RTLP_FORMAT_SINK sink;
    RTLP_FORMAT_STATUS status;

    RtlpFormatSinkInitBuffer(&sink, Buffer, Capacity);
    status = Wide ? RtlpFormatWide(&sink, Format, Arguments) : RtlpFormatNarrow(&sink, Format, Arguments);
    *Total = (size_t)sink.Total;
    if (status != RtlpFormatOk) {
        CrtpInvalidParameter(Function, "unsupported conversion in the format");
        errno = EINVAL;
        return FALSE;
    }
    return TRUE;
}

/* The int an MS function returns for a length: lengths past INT_MAX cannot
 * be reported. */
static int LengthResult(size_t Length)
{
    if (Length > INT_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    return (int)Length;
}

static int RejectNull(const char *Function, const char *Problem)
{
    CrtpInvalidParameter(Function, Problem);
    errno = EINVAL;
    return -1;
}

/* snprintf (C99). */
static int FormatC99(const char *Function, BOOLEAN Wide, void *Buffer, size_t Count, const void *Format,
                     va_list Arguments)
{
    size_t total;
    BOOLEAN ok;

    if (Format == NULL || (Buffer == NULL && Count != 0))
        return RejectNull(Function, "buffer or format is NULL");
    ok = FormatToBuffer(Function, Wide, Buffer, Count != 0 ? Count - 1 : 0, Format, Arguments, &total);
    if (Count != 0)
        PutTerminator(Wide, Buffer, total < Count - 1 ? total : Count - 1);
    return ok ? LengthResult(total) : -1;
}

/* _snprintf, _snwprintf. */
static int FormatLegacyCount(const char *Function, BOOLEAN Wide, void *Buffer, size_t Count, const void *Format,
                             va_list Arguments)
{
    size_t total;
    BOOLEAN ok;

    if (Format == NULL || (Buffer == NULL && Count != 0))
        return RejectNull(Function, "buffer or format is NULL");
    ok = FormatToBuffer(Function, Wide, Buffer, Count, Format, Arguments, &total);
    if (Buffer == NULL)
        return ok ? LengthResult(total) : -1; /* count 0 and no buffer: measuring */
    if (total < Count)
        PutTerminator(Wide, Buffer, total);
    if (!ok || total > Count)
        return -1;
    return LengthResult(total); /* total == Count: stored without a terminator */
}

/* sprintf, _swprintf. */
static int FormatUnbounded(const char *Function, BOOLEAN Wide, void *Buffer, const void *Format, va_list Arguments)
{
    size_t total;
    BOOLEAN ok;

    if (Format == NULL || Buffer == NULL)
        return RejectNull(Function, "buffer or format is NULL");
    ok = FormatToBuffer(Function, Wide, Buffer, SIZE_MAX, Format, Arguments, &total);
    PutTerminator(Wide, Buffer, total);
    return ok ? LengthResult(total) : -1;
}

/* _scprintf, _scwprintf. */
static int FormatMeasure(const char *Function, BOOLEAN Wide, const void *Format, va_list Arguments)
{
    size_t total;

    if (Format == NULL)
        return RejectNull(Function, "format is NULL");
    if (!FormatToBuffer(Function, Wide, NULL, 0, Format, Arguments, &total))
        return -1;
    return LengthResult(total);
}

/* swprintf, vswprintf (ISO). */
static int FormatIsoWide(const char *Function, void *Buffer, size_t Count, const void *Format, va_list Arguments)
{
    size_t total;
    BOOLEAN ok;

    if (Format == NULL || (Buffer == NULL && Count != 0))
        return RejectNull(Function, "buffer or format is NULL");
    if (Count == 0)
        return -1; /* not even a terminator fits */
    ok = FormatToBuffer(Function, TRUE, Buffer, Count - 1, Format, Arguments, &total);
    if (total < Count) {
        PutTerminator(TRUE, Buffer, total);
        return ok ? LengthResult(total) : -1;
    }
    PutTerminator(TRUE, Buffer, Count - 1);
    return -1;
}

/* sprintf_s, swprintf_s: the whole output and its terminator must fit. */
static int FormatSecure(const char *Function, BOOLEAN Wide, void *Buffer, size_t Size, const void *Format,
                        va_list Arguments)
{
    size_t total;

    if (Format == NULL || Buffer == NULL || Size == 0)
        return RejectNull(Function, "buffer or format is NULL, or the size is 0");
    if (!FormatToBuffer(Function, Wide, Buffer, Size - 1, Format, Arguments, &total)) {
        PutTerminator(Wide, Buffer, 0);
        return -1;
    }
    if (total >= Size) {
        PutTerminator(Wide, Buffer, 0);
        CrtpInvalidParameter(Function, "buffer too small");
        errno = ERANGE;
        return -1;
    }
    PutTerminator(Wide, Buffer, total);
    return LengthResult(total);
}

/* _snprintf_s, _snwprintf_s. */
static int FormatSecureCount(const char *Function, BOOLEAN Wide, void *Buffer, size_t Size, size_t Count,
                             const void *Format, va_list Arguments)
{
    size_t total, limit;
    BOOLEAN ok;

    if (Count == 0 && Buffer == NULL && Size == 0)
        return 0; /* nothing asked, nothing to store */
    if (Format == NULL || Buffer == NULL || Size == 0)
        return RejectNull(Function, "buffer or format is NULL, or the size is 0");

    if (Count != _TRUNCATE && Count < Size) {
        /* Count is the limit: truncation to it is not an error. */
        ok = FormatToBuffer(Function, Wide, Buffer, Count, Format, Arguments, &total);
        PutTerminator(Wide, Buffer, total < Count ? total : Count);
        return ok && total <= Count ? LengthResult(total) : -1;
    }

    limit = Size - 1;
    ok = FormatToBuffer(Function, Wide, Buffer, limit, Format, Arguments, &total);
    if (total <= limit) {
        PutTerminator(Wide, Buffer, total);
        return ok ? LengthResult(total) : -1;
    }
    if (Count == _TRUNCATE) {
        PutTerminator(Wide, Buffer, limit);
        return -1;
    }
    PutTerminator(Wide, Buffer, 0);
    if (ok) {
        CrtpInvalidParameter(Function, "buffer too small");
        errno = ERANGE;
    }
    return -1;
}

/* ------------------------------------------------------------ streams */

static BOOLEAN FlushNarrowToStream(PVOID Context, const void *Units, SIZE_T Count)
{
    return fwrite_unlocked(Units, 1, Count, (FILE *)Context) == Count;
}

/* Carries a high surrogate that ends one flushed chunk over to the next. */
typedef struct _CRTP_WIDE_STREAM {
    FILE *Stream;
    wchar_t PendingHigh;
} CRTP_WIDE_STREAM;

static BOOLEAN WriteUtf16(FILE *Stream, const wchar_t *Text, size_t Count)
{
    char bytes[3 * 128];

    while (Count != 0) {
        size_t chunk = Count < 128 ? Count : 128;
        size_t length;

        /* Never split a pair between two chunks. */
        if (chunk < Count && Text[chunk - 1] >= 0xD800 && Text[chunk - 1] <= 0xDBFF)
            chunk--;
        length = RtlpUtf16ToUtf8(bytes, sizeof(bytes), Text, chunk);
        if (fwrite_unlocked(bytes, 1, length, Stream) != length)
            return FALSE;
        Text += chunk;
        Count -= chunk;
    }
    return TRUE;
}

static BOOLEAN FlushWideToStream(PVOID Context, const void *Units, SIZE_T Count)
{
    CRTP_WIDE_STREAM *wide = Context;
    const wchar_t *text = Units;
    wchar_t pair[2];

    if (Count == 0)
        return TRUE;
    if (wide->PendingHigh != 0) {
        pair[0] = wide->PendingHigh;
        pair[1] = text[0];
        wide->PendingHigh = 0;
        if (text[0] >= 0xDC00 && text[0] <= 0xDFFF) {
            if (!WriteUtf16(wide->Stream, pair, 2))
                return FALSE;
            text++;
            Count--;
        } else if (!WriteUtf16(wide->Stream, pair, 1)) {
            return FALSE;
        }
    }
    if (Count != 0 && text[Count - 1] >= 0xD800 && text[Count - 1] <= 0xDBFF) {
        wide->PendingHigh = text[Count - 1];
        Count--;
    }
    return WriteUtf16(wide->Stream, text, Count);
}

static int FormatToStream(const char *Function, BOOLEAN Wide, FILE *Stream, const void *Format, va_list Arguments)
{
    union {
        char Narrow[CRTP_STREAM_SCRATCH];
        wchar_t Wide[CRTP_STREAM_SCRATCH / sizeof(wchar_t)];
    } scratch;
    CRTP_WIDE_STREAM wideStream = {Stream, 0};
    RTLP_FORMAT_SINK sink;
    RTLP_FORMAT_STATUS status;

    if (Stream == NULL || Format == NULL)
        return RejectNull(Function, "stream or format is NULL");

    flockfile(Stream);
    if (Wide) {
        RtlpFormatSinkInitStream(&sink, scratch.Wide, sizeof(scratch.Wide) / sizeof(wchar_t), FlushWideToStream,
                                 &wideStream);
        status = RtlpFormatWide(&sink, Format, Arguments);
        if (wideStream.PendingHigh != 0 && status != RtlpFormatOutputFailed &&
            !WriteUtf16(Stream, &wideStream.PendingHigh, 1))
            status = RtlpFormatOutputFailed;
    } else {
        RtlpFormatSinkInitStream(&sink, scratch.Narrow, sizeof(scratch.Narrow), FlushNarrowToStream, Stream);
        status = RtlpFormatNarrow(&sink, Format, Arguments);
    }
    funlockfile(Stream);

    if (status == RtlpFormatInvalidSpec) {
        CrtpInvalidParameter(Function, "unsupported conversion in the format");
        errno = EINVAL;
        return -1;
    }
    if (status == RtlpFormatOutputFailed)
        return -1; /* errno from the failed write */
    return LengthResult((size_t)sink.Total);
}

/* ------------------------------------------------------- narrow, exported */

#define CRTP_VARIADIC(call)                    \
    do {                                       \
        va_list arguments;                     \
        int result;                            \
        va_start(arguments, format);           \
        result = (call);                       \
        va_end(arguments);                     \
        return result;                         \
    } while (0)

NTK_CRTIMP int ntk_vsnprintf(char *buffer, size_t count, const char *format, va_list args)
{
    return FormatC99("vsnprintf", FALSE, buffer, count, format, args);
}

NTK_CRTIMP int ntk_snprintf(char *buffer, size_t count, const char *format, ...)
{
    CRTP_VARIADIC(FormatC99("snprintf", FALSE, buffer, count, format, arguments));
}

NTK_CRTIMP int ntk_vsprintf(char *buffer, const char *format, va_list args)
{
    return FormatUnbounded("vsprintf", FALSE, buffer, format, args);
}

NTK_CRTIMP int ntk_sprintf(char *buffer, const char *format, ...)
{
    CRTP_VARIADIC(FormatUnbounded("sprintf", FALSE, buffer, format, arguments));
}

NTK_CRTIMP int ntk_vfprintf(FILE *stream, const char *format, va_list args)
{
    return FormatToStream("vfprintf", FALSE, stream, format, args);
}

NTK_CRTIMP int ntk_fprintf(FILE *stream, const char *format, ...)
{
    CRTP_VARIADIC(FormatToStream("fprintf", FALSE, stream, format, arguments));
}

NTK_CRTIMP int ntk_vprintf(const char *format, va_list args)
{
    return FormatToStream("vprintf", FALSE, stdout, format, args);
}

NTK_CRTIMP int ntk_printf(const char *format, ...)
{
    CRTP_VARIADIC(FormatToStream("printf", FALSE, stdout, format, arguments));
}

NTK_CRTIMP int _vsnprintf(char *buffer, size_t count, const char *format, va_list args)
{
    return FormatLegacyCount("_vsnprintf", FALSE, buffer, count, format, args);
}

NTK_CRTIMP int _snprintf(char *buffer, size_t count, const char *format, ...)
{
    CRTP_VARIADIC(FormatLegacyCount("_snprintf", FALSE, buffer, count, format, arguments));
}

NTK_CRTIMP int _vsnprintf_s(char *buffer, size_t sizeOfBuffer, size_t count, const char *format, va_list args)
{
    return FormatSecureCount("_vsnprintf_s", FALSE, buffer, sizeOfBuffer, count, format, args);
}

NTK_CRTIMP int _snprintf_s(char *buffer, size_t sizeOfBuffer, size_t count, const char *format, ...)
{
    CRTP_VARIADIC(FormatSecureCount("_snprintf_s", FALSE, buffer, sizeOfBuffer, count, format, arguments));
}

NTK_CRTIMP int vsprintf_s(char *buffer, size_t sizeOfBuffer, const char *format, va_list args)
{
    return FormatSecure("vsprintf_s", FALSE, buffer, sizeOfBuffer, format, args);
}

NTK_CRTIMP int sprintf_s(char *buffer, size_t sizeOfBuffer, const char *format, ...)
{
    CRTP_VARIADIC(FormatSecure("sprintf_s", FALSE, buffer, sizeOfBuffer, format, arguments));
}

NTK_CRTIMP int _vscprintf(const char *format, va_list args)
{
    return FormatMeasure("_vscprintf", FALSE, format, args);
}

NTK_CRTIMP int _scprintf(const char *format, ...)
{
    CRTP_VARIADIC(FormatMeasure("_scprintf", FALSE, format, arguments));
}

/* The _s stream functions differ from the plain ones only in refusing %n,
 * which ntk's engine never honours. */
NTK_CRTIMP int vprintf_s(const char *format, va_list args)
{
    return FormatToStream("vprintf_s", FALSE, stdout, format, args);
}

NTK_CRTIMP int printf_s(const char *format, ...)
{
    CRTP_VARIADIC(FormatToStream("printf_s", FALSE, stdout, format, arguments));
}

NTK_CRTIMP int vfprintf_s(FILE *stream, const char *format, va_list args)
{
    return FormatToStream("vfprintf_s", FALSE, stream, format, args);
}

NTK_CRTIMP int fprintf_s(FILE *stream, const char *format, ...)
{
    CRTP_VARIADIC(FormatToStream("fprintf_s", FALSE, stream, format, arguments));
}

/* --------------------------------------------------------- wide, exported */

NTK_CRTIMP int ntk_vswprintf(wchar_t *buffer, size_t count, const wchar_t *format, va_list args)
{
    return FormatIsoWide("vswprintf", buffer, count, format, args);
}

NTK_CRTIMP int ntk_swprintf(wchar_t *buffer, size_t count, const wchar_t *format, ...)
{
    CRTP_VARIADIC(FormatIsoWide("swprintf", buffer, count, format, arguments));
}

NTK_CRTIMP int _vswprintf(wchar_t *buffer, const wchar_t *format, va_list args)
{
    return FormatUnbounded("_vswprintf", TRUE, buffer, format, args);
}

NTK_CRTIMP int _swprintf(wchar_t *buffer, const wchar_t *format, ...)
{
    CRTP_VARIADIC(FormatUnbounded("_swprintf", TRUE, buffer, format, arguments));
}

NTK_CRTIMP int _vsnwprintf(wchar_t *buffer, size_t count, const wchar_t *format, va_list args)
{
    return FormatLegacyCount("_vsnwprintf", TRUE, buffer, count, format, args);
}

NTK_CRTIMP int _snwprintf(wchar_t *buffer, size_t count, const wchar_t *format, ...)
{
    CRTP_VARIADIC(FormatLegacyCount("_snwprintf", TRUE, buffer, count, format, arguments));
}

NTK_CRTIMP int _vsnwprintf_s(wchar_t *buffer, size_t sizeOfBuffer, size_t count, const wchar_t *format,
                             va_list args)
{
    return FormatSecureCount("_vsnwprintf_s", TRUE, buffer, sizeOfBuffer, count, format, args);
}

NTK_CRTIMP int _snwprintf_s(wchar_t *buffer, size_t sizeOfBuffer, size_t count, const wchar_t *format, ...)
{
    CRTP_VARIADIC(FormatSecureCount("_snwprintf_s", TRUE, buffer, sizeOfBuffer, count, format, arguments));
}

NTK_CRTIMP int vswprintf_s(wchar_t *buffer, size_t sizeOfBuffer, const wchar_t *format, va_list args)
{
    return FormatSecure("vswprintf_s", TRUE, buffer, sizeOfBuffer, format, args);
}

NTK_CRTIMP int swprintf_s(wchar_t *buffer, size_t sizeOfBuffer, const wchar_t *format, ...)
{
    CRTP_VARIADIC(FormatSecure("swprintf_s", TRUE, buffer, sizeOfBuffer, format, arguments));
}

NTK_CRTIMP int _vscwprintf(const wchar_t *format, va_list args)
{
    return FormatMeasure("_vscwprintf", TRUE, format, args);
}

NTK_CRTIMP int _scwprintf(const wchar_t *format, ...)
{
    CRTP_VARIADIC(FormatMeasure("_scwprintf", TRUE, format, arguments));
}

NTK_CRTIMP int ntk_vfwprintf(FILE *stream, const wchar_t *format, va_list args)
{
    return FormatToStream("vfwprintf", TRUE, stream, format, args);
}

NTK_CRTIMP int ntk_fwprintf(FILE *stream, const wchar_t *format, ...)
{
    CRTP_VARIADIC(FormatToStream("fwprintf", TRUE, stream, format, arguments));
}

NTK_CRTIMP int ntk_vwprintf(const wchar_t *format, va_list args)
{
    return FormatToStream("vwprintf", TRUE, stdout, format, args);
}

NTK_CRTIMP int ntk_wprintf(const wchar_t *format, ...)
{
    CRTP_VARIADIC(FormatToStream("wprintf", TRUE, stdout, format, arguments));
}

NTK_CRTIMP int wprintf_s(const wchar_t *format, ...)
{
    CRTP_VARIADIC(FormatToStream("wprintf_s", TRUE, stdout, format, arguments));
}

NTK_CRTIMP int fwprintf_s(FILE *stream, const wchar_t *format, ...)
{
    CRTP_VARIADIC(FormatToStream("fwprintf_s", TRUE, stream, format, arguments));
}

/* ------------------------------------------------- wide character output */

NTK_CRTIMP int ntk_fputws(const wchar_t *string, FILE *stream)
{
    BOOLEAN ok;

    if (string == NULL || stream == NULL)
        return RejectNull("fputws", "string or stream is NULL");
    flockfile(stream);
    ok = WriteUtf16(stream, string, wcslen(string));
    funlockfile(stream);
    return ok ? 0 : EOF;
}

NTK_CRTIMP int _putws(const wchar_t *string)
{
    BOOLEAN ok;

    if (string == NULL) {
        RejectNull("_putws", "string is NULL");
        return WEOF;
    }
    flockfile(stdout);
    ok = WriteUtf16(stdout, string, wcslen(string)) && fputc_unlocked('\n', stdout) != EOF;
    funlockfile(stdout);
    return ok ? 0 : WEOF;
}

/* A high surrogate written by putwc waits here for its low half. */
static __thread struct {
    FILE *Stream;
    wchar_t High;
} CrtpPendingSurrogate;

NTK_CRTIMP wint_t ntk_fputwc(wchar_t character, FILE *stream)
{
    wchar_t pair[2];
    BOOLEAN ok = TRUE;

    if (stream == NULL) {
        RejectNull("fputwc", "stream is NULL");
        return WEOF;
    }
    if (CrtpPendingSurrogate.High != 0) {
        FILE *pendingStream = CrtpPendingSurrogate.Stream;
        pair[0] = CrtpPendingSurrogate.High;
        pair[1] = character;
        CrtpPendingSurrogate.High = 0;
        if (pendingStream == stream && character >= 0xDC00 && character <= 0xDFFF) {
            flockfile(stream);
            ok = WriteUtf16(stream, pair, 2);
            funlockfile(stream);
            return ok ? character : WEOF;
        }
        flockfile(pendingStream);
        WriteUtf16(pendingStream, pair, 1); /* the lone half, as U+FFFD */
        funlockfile(pendingStream);
    }
    if (character >= 0xD800 && character <= 0xDBFF) {
        CrtpPendingSurrogate.Stream = stream;
        CrtpPendingSurrogate.High = character;
        return character;
    }
    flockfile(stream);
    ok = WriteUtf16(stream, &character, 1);
    funlockfile(stream);
    return ok ? character : WEOF;
}

NTK_CRTIMP wint_t ntk_putwc(wchar_t character, FILE *stream)
{
    return ntk_fputwc(character, stream);
}

NTK_CRTIMP wint_t ntk_putwchar(wchar_t character)
{
    return ntk_fputwc(character, stdout);
}

/* ---------------------------------------------------------------- files */

/* A UTF-8 copy of a wide string, from malloc; NULL if out of memory. */
static char *Utf8Duplicate(const wchar_t *Text)
{
    size_t units = wcslen(Text);
    size_t bytes = RtlpUtf16ToUtf8(NULL, 0, Text, units);
    char *copy = malloc(bytes + 1);

    if (copy != NULL) {
        RtlpUtf16ToUtf8(copy, bytes, Text, units);
        copy[bytes] = '\0';
    }
    return copy;
}

/* MS modes may carry ",ccs=UTF-8" (an encoding for wide I/O); glibc would
 * make the stream wide-oriented, which ntk never uses: drop it. */
static void StripEncoding(char *Mode)
{
    char *comma = strchr(Mode, ',');
    if (comma != NULL)
        *comma = '\0';
}

NTK_CRTIMP FILE *_wfopen(const wchar_t *filename, const wchar_t *mode)
{
    char *name, *narrowMode;
    FILE *file = NULL;

    if (filename == NULL || mode == NULL) {
        RejectNull("_wfopen", "filename or mode is NULL");
        return NULL;
    }
    name = Utf8Duplicate(filename);
    narrowMode = Utf8Duplicate(mode);
    if (name != NULL && narrowMode != NULL) {
        StripEncoding(narrowMode);
        file = fopen(name, narrowMode);
    } else {
        errno = ENOMEM;
    }
    free(name);
    free(narrowMode);
    return file;
}

NTK_CRTIMP errno_t _wfopen_s(FILE **file, const wchar_t *filename, const wchar_t *mode)
{
    if (file == NULL) {
        RejectNull("_wfopen_s", "file is NULL");
        return EINVAL;
    }
    *file = NULL;
    if (filename == NULL || mode == NULL) {
        RejectNull("_wfopen_s", "filename or mode is NULL");
        return EINVAL;
    }
    *file = _wfopen(filename, mode);
    return *file != NULL ? 0 : errno;
}

NTK_CRTIMP errno_t fopen_s(FILE **file, const char *filename, const char *mode)
{
    if (file == NULL) {
        RejectNull("fopen_s", "file is NULL");
        return EINVAL;
    }
    *file = NULL;
    if (filename == NULL || mode == NULL) {
        RejectNull("fopen_s", "filename or mode is NULL");
        return EINVAL;
    }
    *file = fopen(filename, mode);
    return *file != NULL ? 0 : errno;
}
