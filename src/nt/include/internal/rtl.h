/*
 * rtl.h - run-time library internals.
 */
#ifndef NTK_INTERNAL_RTL_H
#define NTK_INTERNAL_RTL_H

#include <wdm.h>

/* UTF-8 <-> UTF-16 into caller-provided strings (MaximumLength bounds the
 * output; the result is NUL-terminated when room remains). Invalid input
 * becomes U+FFFD. Return STATUS_BUFFER_OVERFLOW when truncated. */
NTSTATUS RtlpUtf8ToUtf16String(PUNICODE_STRING Destination, PCANSI_STRING Source);
NTSTATUS RtlpUtf16ToUtf8String(PANSI_STRING Destination, PCUNICODE_STRING Source);

#endif
