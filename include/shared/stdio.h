/*
 * stdio.h - ntk's <stdio.h> for Windows code: glibc's streams with the
 * Microsoft printf and wprintf families.
 *
 * Why: glibc's printf reads %ld/%lx as 64 bits (Windows: 32), prints %p as
 * 0x..., and knows no %I64d, %Iu, %ws, %wZ; glibc's wprintf family assumes a
 * 32-bit wchar_t (ntk compiles Windows code with a 16-bit one). So FILE,
 * fopen, fgets, fputs, puts, putchar, fwrite, scanf and friends come from
 * glibc (#include_next), and the formatted-output functions are ntk's (see
 * ntk_crt.h for the ntk_<name> mapping and why it is done with object-like
 * macros). Output goes to the same glibc FILE, so printf interleaves
 * correctly with puts and putchar. Wide output (wprintf, fputws, putwc) is
 * written to the stream as UTF-8.
 *
 * Format semantics: those of the Microsoft CRT (size prefixes h hh l ll L w
 * I I32 I64 j z t, %p as 16 upper-case digits, %Z/%wZ, the %s/%S swap in
 * the wide family); %n prints "(%n not supported)"; an unsupported
 * conversion makes the call fail with -1 and errno EINVAL after a diagnostic
 * on stderr.
 *
 * Return values follow MS: snprintf is C99 (count of the full output),
 * _snprintf/_snwprintf return -1 on truncation and do not terminate an exact
 * fit, the _s functions invoke the invalid-parameter path (a diagnostic on
 * stderr, errno, -1: ntk behaves as if a returning handler were installed),
 * swprintf/vswprintf are the ISO forms with a count (the legacy two-argument
 * forms are _swprintf/_vswprintf, or swprintf itself when
 * _CRT_NON_CONFORMING_SWPRINTFS is defined).
 *
 * NTK_HOST_STDIO (ntk-internal code only): defined before the first include,
 * it leaves printf ... vsnprintf as glibc's.
 */
#ifndef NTK_STDIO_H
#define NTK_STDIO_H

#include <ntk_crt.h>
#include_next <stdio.h>

#ifndef _INC_STDIO
#define _INC_STDIO
#endif

/* ----------------------------------------------- narrow formatted output */

NTK_CRTIMP int ntk_printf(const char *format, ...);
NTK_CRTIMP int ntk_fprintf(FILE *stream, const char *format, ...);
NTK_CRTIMP int ntk_sprintf(char *buffer, const char *format, ...);
NTK_CRTIMP int ntk_snprintf(char *buffer, size_t count, const char *format, ...);
NTK_CRTIMP int ntk_vprintf(const char *format, va_list args);
NTK_CRTIMP int ntk_vfprintf(FILE *stream, const char *format, va_list args);
NTK_CRTIMP int ntk_vsprintf(char *buffer, const char *format, va_list args);
NTK_CRTIMP int ntk_vsnprintf(char *buffer, size_t count, const char *format, va_list args);

#ifndef NTK_HOST_STDIO
#undef printf
#undef fprintf
#undef sprintf
#undef snprintf
#undef vprintf
#undef vfprintf
#undef vsprintf
#undef vsnprintf
#define printf ntk_printf
#define fprintf ntk_fprintf
#define sprintf ntk_sprintf
#define snprintf ntk_snprintf
#define vprintf ntk_vprintf
#define vfprintf ntk_vfprintf
#define vsprintf ntk_vsprintf
#define vsnprintf ntk_vsnprintf
#endif

NTK_CRTIMP int _snprintf(char *buffer, size_t count, const char *format, ...);
NTK_CRTIMP int _vsnprintf(char *buffer, size_t count, const char *format, va_list args);
NTK_CRTIMP int _snprintf_s(char *buffer, size_t sizeOfBuffer, size_t count, const char *format, ...);
NTK_CRTIMP int _vsnprintf_s(char *buffer, size_t sizeOfBuffer, size_t count, const char *format, va_list args);
NTK_CRTIMP int sprintf_s(char *buffer, size_t sizeOfBuffer, const char *format, ...);
NTK_CRTIMP int vsprintf_s(char *buffer, size_t sizeOfBuffer, const char *format, va_list args);
NTK_CRTIMP int _scprintf(const char *format, ...);
NTK_CRTIMP int _vscprintf(const char *format, va_list args);
NTK_CRTIMP int printf_s(const char *format, ...);
NTK_CRTIMP int fprintf_s(FILE *stream, const char *format, ...);
NTK_CRTIMP int vprintf_s(const char *format, va_list args);
NTK_CRTIMP int vfprintf_s(FILE *stream, const char *format, va_list args);

/* ------------------------------------------------- wide formatted output */

NTK_CRTIMP int ntk_wprintf(const wchar_t *format, ...);
NTK_CRTIMP int ntk_fwprintf(FILE *stream, const wchar_t *format, ...);
NTK_CRTIMP int ntk_vwprintf(const wchar_t *format, va_list args);
NTK_CRTIMP int ntk_vfwprintf(FILE *stream, const wchar_t *format, va_list args);
NTK_CRTIMP int ntk_swprintf(wchar_t *buffer, size_t count, const wchar_t *format, ...);
NTK_CRTIMP int ntk_vswprintf(wchar_t *buffer, size_t count, const wchar_t *format, va_list args);
#undef wprintf
#undef fwprintf
#undef vwprintf
#undef vfwprintf
#undef swprintf
#undef vswprintf
#define wprintf ntk_wprintf
#define fwprintf ntk_fwprintf
#define vwprintf ntk_vwprintf
#define vfwprintf ntk_vfwprintf
#ifdef _CRT_NON_CONFORMING_SWPRINTFS
#define swprintf _swprintf
#define vswprintf _vswprintf
#else
#define swprintf ntk_swprintf
#define vswprintf ntk_vswprintf
#endif

/* The legacy forms without a count (what _stprintf means under _UNICODE). */
NTK_CRTIMP int _swprintf(wchar_t *buffer, const wchar_t *format, ...);
NTK_CRTIMP int _vswprintf(wchar_t *buffer, const wchar_t *format, va_list args);
NTK_CRTIMP int _snwprintf(wchar_t *buffer, size_t count, const wchar_t *format, ...);
NTK_CRTIMP int _vsnwprintf(wchar_t *buffer, size_t count, const wchar_t *format, va_list args);
NTK_CRTIMP int _snwprintf_s(wchar_t *buffer, size_t sizeOfBuffer, size_t count, const wchar_t *format, ...);
NTK_CRTIMP int _vsnwprintf_s(wchar_t *buffer, size_t sizeOfBuffer, size_t count, const wchar_t *format,
                             va_list args);
NTK_CRTIMP int swprintf_s(wchar_t *buffer, size_t sizeOfBuffer, const wchar_t *format, ...);
NTK_CRTIMP int vswprintf_s(wchar_t *buffer, size_t sizeOfBuffer, const wchar_t *format, va_list args);
NTK_CRTIMP int _scwprintf(const wchar_t *format, ...);
NTK_CRTIMP int _vscwprintf(const wchar_t *format, va_list args);
NTK_CRTIMP int wprintf_s(const wchar_t *format, ...);
NTK_CRTIMP int fwprintf_s(FILE *stream, const wchar_t *format, ...);

/* -------------------------------------------------- wide character output */

/* Written as UTF-8. A surrogate pair passed to putwc/fputwc in two calls is
 * joined (per thread); an unpaired surrogate is written as U+FFFD. */
NTK_CRTIMP int ntk_fputws(const wchar_t *string, FILE *stream);
NTK_CRTIMP wint_t ntk_fputwc(wchar_t character, FILE *stream);
NTK_CRTIMP wint_t ntk_putwc(wchar_t character, FILE *stream);
NTK_CRTIMP wint_t ntk_putwchar(wchar_t character);
#undef fputws
#undef fputwc
#undef putwc
#undef putwchar
#define fputws ntk_fputws
#define fputwc ntk_fputwc
#define putwc ntk_putwc
#define putwchar ntk_putwchar
/* Writes string and a newline to stdout; 0 on success, WEOF on error. */
NTK_CRTIMP int _putws(const wchar_t *string);

/* ---------------------------------------------------------------- files */

/* Paths and modes are converted to UTF-8. */
NTK_CRTIMP FILE *_wfopen(const wchar_t *filename, const wchar_t *mode);
NTK_CRTIMP errno_t _wfopen_s(FILE **file, const wchar_t *filename, const wchar_t *mode);
NTK_CRTIMP errno_t fopen_s(FILE **file, const char *filename, const char *mode);

/* MS spellings of POSIX stream functions (same semantics). */
#define _fileno fileno
#define _fdopen fdopen
#define _popen popen
#define _pclose pclose

#endif /* NTK_STDIO_H */
