/*
 * rtl_format.h - ntk's one formatting engine (src/nt/rtl/format.c) and its
 * UTF-8/UTF-16 helpers (src/nt/rtl/utf.c).
 *
 * The engine implements the Microsoft C runtime / DbgPrint format language,
 * not glibc's: `l` and `I32` are 32 bits, `ll`, `I64` and `j` are 64 bits,
 * `I`, `z` and `t` are pointer-sized; %p prints 16 upper-case hex digits;
 * %Z and %wZ print ANSI_STRING / UNICODE_STRING; in the narrow family %s is a
 * narrow string and %S/%ws/%ls a wide one, in the wide family %s is wide and
 * %S/%hs narrow (the same swap for %c/%C). %n is refused: it prints
 * "(%n not supported)". Floating-point digits come from the host's snprintf.
 *
 * Everything that formats text in ntk (DbgPrint, the CRT printf and wprintf
 * families, strsafe) goes through RtlpFormatNarrow or RtlpFormatWide, which
 * write to a sink:
 *
 *   - buffer sink: units are stored into Buffer until Capacity is reached;
 *     the rest is counted but dropped (Total > Used means truncated). No
 *     terminator is ever written: callers decide, as each MS function differs.
 *   - stream sink: Buffer is scratch space; each time it fills, and at the
 *     end of the call, Flush receives its contents.
 *
 * The narrow entry point takes a char format and produces char (UTF-8 when
 * wide text is converted); the wide one takes a WCHAR format and produces
 * WCHAR (UTF-16). Text of the other width is converted; unpaired surrogates
 * and malformed UTF-8 become U+FFFD.
 *
 * An unknown conversion, a format ending inside a conversion or a
 * positional argument (%1$d) stops formatting: the engine writes
 * "(invalid conversion %...)" so the output shows what went wrong, and
 * returns RtlpFormatInvalidSpec (the CRT turns that into -1/EINVAL as MS's
 * invalid-parameter path does).
 *
 * Width and precision of %s/%S/%c count units of the argument (bytes of a
 * narrow string, UTF-16 units of a wide one), as MS does; precision never
 * splits a surrogate pair or a UTF-8 sequence. %Z ignores precision (as the
 * Windows kernel's formatter does).
 *
 * Reentrant and thread-safe: no global state; does not allocate.
 */
#ifndef NTK_INTERNAL_RTL_FORMAT_H
#define NTK_INTERNAL_RTL_FORMAT_H

#include <ntk_basetypes.h>
#include <stdarg.h>
#include <stddef.h>

typedef enum _RTLP_FORMAT_STATUS {
    RtlpFormatOk = 0,
    RtlpFormatInvalidSpec,   /* unsupported conversion; output stops after a marker */
    RtlpFormatOutputFailed,  /* the stream sink's Flush reported failure */
} RTLP_FORMAT_STATUS;

/* Receives Count units (char or WCHAR, matching the entry point) from a
 * stream sink. Returns FALSE to abort formatting (an I/O error). */
typedef BOOLEAN RTLP_FORMAT_FLUSH(PVOID Context, const void *Units, SIZE_T Count);

typedef struct _RTLP_FORMAT_SINK {
    void *Buffer;              /* char[] for RtlpFormatNarrow, WCHAR[] for RtlpFormatWide */
    SIZE_T Capacity;           /* units Buffer holds (0 with Buffer NULL: count only) */
    SIZE_T Used;               /* units currently stored in Buffer */
    ULONGLONG Total;           /* units the whole output has (stored, flushed or dropped) */
    RTLP_FORMAT_FLUSH *Flush;  /* NULL: buffer sink; else stream sink */
    PVOID FlushContext;
    BOOLEAN Failed;            /* Flush returned FALSE; nothing more is produced */
    BOOLEAN Wide;              /* set by the entry point: units are WCHAR */
} RTLP_FORMAT_SINK, *PRTLP_FORMAT_SINK;

/* A buffer sink over Buffer[0..Capacity). Buffer may be NULL when Capacity
 * is 0 (measure only). */
VOID RtlpFormatSinkInitBuffer(PRTLP_FORMAT_SINK Sink, PVOID Buffer, SIZE_T Capacity);

/* A stream sink using Scratch[0..ScratchCapacity) (ScratchCapacity > 0) as
 * its buffer; Flush gets every filled buffer and the remainder at the end. */
VOID RtlpFormatSinkInitStream(PRTLP_FORMAT_SINK Sink, PVOID Scratch, SIZE_T ScratchCapacity,
                              RTLP_FORMAT_FLUSH *Flush, PVOID Context);

/* Formats Format with Arguments (left untouched: the engine works on a copy)
 * into Sink, whose Used/Total grow. The narrow family: char format, char
 * units. */
RTLP_FORMAT_STATUS RtlpFormatNarrow(PRTLP_FORMAT_SINK Sink, const char *Format, va_list Arguments);

/* The wide family: WCHAR format, WCHAR units. */
RTLP_FORMAT_STATUS RtlpFormatWide(PRTLP_FORMAT_SINK Sink, const WCHAR *Format, va_list Arguments);

/* ------------------------------------------------------------- UTF helpers
 * (src/nt/rtl/utf.c). Code points are ULONG. Malformed input decodes to
 * U+FFFD: an unpaired surrogate is one replacement; in UTF-8 each maximal
 * ill-formed subpart (Unicode's recommended practice) is one replacement. */

#define RTLP_REPLACEMENT_CHARACTER 0xFFFDu

/* Decodes the code point at Text[0..Count) (Count >= 1) into *CodePoint and
 * returns the units consumed (1..2 for UTF-16, 1..4 for UTF-8). */
SIZE_T RtlpUtf16Decode(const WCHAR *Text, SIZE_T Count, ULONG *CodePoint);
SIZE_T RtlpUtf8Decode(const char *Text, SIZE_T Count, ULONG *CodePoint);

/* Like RtlpUtf8Decode, but reports malformed input: returns 0 (and leaves
 * *CodePoint alone) if Text[0..Count) does not start with a well-formed
 * UTF-8 sequence; used where MS functions fail with EILSEQ. */
SIZE_T RtlpUtf8DecodeStrict(const char *Text, SIZE_T Count, ULONG *CodePoint);

/* Encodes CodePoint (<= 0x10FFFF, not a surrogate) and returns the units
 * written: 1..4 bytes into Out[4], or 1..2 WCHARs into Out[2]. */
SIZE_T RtlpUtf8Encode(ULONG CodePoint, char *Out);
SIZE_T RtlpUtf16Encode(ULONG CodePoint, WCHAR *Out);

/* Converts Utf16[0..Utf16Count) to UTF-8. Stores at most Utf8Capacity bytes
 * (Utf8 may be NULL when Utf8Capacity is 0), never a partial character, and
 * no terminator; returns the bytes the whole conversion needs. */
SIZE_T RtlpUtf16ToUtf8(char *Utf8, SIZE_T Utf8Capacity, const WCHAR *Utf16, SIZE_T Utf16Count);

/* Converts Utf8[0..Utf8Count) to UTF-16, same rules (never half a surrogate
 * pair); returns the WCHARs the whole conversion needs. */
SIZE_T RtlpUtf8ToUtf16(WCHAR *Utf16, SIZE_T Utf16Capacity, const char *Utf8, SIZE_T Utf8Count);

#endif /* NTK_INTERNAL_RTL_FORMAT_H */
