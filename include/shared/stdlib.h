/*
 * stdlib.h - ntk's <stdlib.h> for Windows code: glibc's, with the
 * conversions that LP64 and a 16-bit wchar_t break replaced by ntk's.
 *
 * Why: on Windows `long` is 32 bits, so strtol/strtoul/atol saturate at
 * 32-bit limits (LONG_MAX 0x7fffffff) and report ERANGE there; glibc's work
 * in 64 bits. glibc's mbstowcs/wcstombs/mbtowc/wctomb/mblen and every wcsto*
 * assume a 32-bit wchar_t and the locale's multibyte encoding; ntk's use
 * UTF-16 and UTF-8 (the multibyte encoding ntk gives Windows code, so
 * MB_CUR_MAX is 4). Those names are mapped to ntk_<name> by object-like
 * macros (see ntk_crt.h); Microsoft-only functions (_itoa, _wtoi, ...) keep
 * their names. Everything else (malloc, free, exit, getenv, qsort, strtoll,
 * strtod, ...) is glibc's.
 *
 * mbstowcs/wcstombs/mbtowc/wctomb fail with (size_t)-1 or -1 and EILSEQ on
 * malformed input, as MS documents; a character outside the BMP is two
 * wchar_t (a surrogate pair) in mbstowcs and cannot be returned by mbtowc
 * (-1, EILSEQ).
 */
#ifndef NTK_STDLIB_H
#define NTK_STDLIB_H

#include <ntk_crt.h>
#include_next <stdlib.h>

#ifndef _INC_STDLIB
#define _INC_STDLIB
#endif

#define _MAX_PATH 260
#define _MAX_DRIVE 3
#define _MAX_DIR 256
#define _MAX_FNAME 256
#define _MAX_EXT 256

#define __max(a, b) (((a) > (b)) ? (a) : (b))
#define __min(a, b) (((a) < (b)) ? (a) : (b))
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif

/* UTF-8 needs up to 4 bytes per character. */
#undef MB_CUR_MAX
#define MB_CUR_MAX 4

/* ------------------------------------------------- narrow, 32-bit long */

NTK_CRTIMP long ntk_strtol(const char *string, char **end, int base);
NTK_CRTIMP unsigned long ntk_strtoul(const char *string, char **end, int base);
NTK_CRTIMP int ntk_atoi(const char *string);
NTK_CRTIMP long ntk_atol(const char *string);
#undef strtol
#undef strtoul
#undef atoi
#undef atol
#define strtol ntk_strtol
#define strtoul ntk_strtoul
#define atoi ntk_atoi
#define atol ntk_atol

NTK_CRTIMP long long _atoi64(const char *string);
NTK_CRTIMP long long _strtoi64(const char *string, char **end, int base);
NTK_CRTIMP unsigned long long _strtoui64(const char *string, char **end, int base);

/* ------------------------------------------------------------------ wide */

NTK_CRTIMP long ntk_wcstol(const wchar_t *string, wchar_t **end, int base);
NTK_CRTIMP unsigned long ntk_wcstoul(const wchar_t *string, wchar_t **end, int base);
NTK_CRTIMP long long ntk_wcstoll(const wchar_t *string, wchar_t **end, int base);
NTK_CRTIMP unsigned long long ntk_wcstoull(const wchar_t *string, wchar_t **end, int base);
NTK_CRTIMP double ntk_wcstod(const wchar_t *string, wchar_t **end);
#undef wcstol
#undef wcstoul
#undef wcstoll
#undef wcstoull
#undef wcstod
#define wcstol ntk_wcstol
#define wcstoul ntk_wcstoul
#define wcstoll ntk_wcstoll
#define wcstoull ntk_wcstoull
#define wcstod ntk_wcstod

NTK_CRTIMP long long _wcstoi64(const wchar_t *string, wchar_t **end, int base);
NTK_CRTIMP unsigned long long _wcstoui64(const wchar_t *string, wchar_t **end, int base);
NTK_CRTIMP int _wtoi(const wchar_t *string);
NTK_CRTIMP long _wtol(const wchar_t *string);
NTK_CRTIMP long long _wtoi64(const wchar_t *string);
NTK_CRTIMP long long _wtoll(const wchar_t *string);
NTK_CRTIMP double _wtof(const wchar_t *string);

/* ------------------------------------------------- integer to text
 * The radix is 2..36; only radix 10 prints a negative value with '-'
 * (other radixes print the two's complement), as MS does. `long` values
 * are taken as 32-bit. */

NTK_CRTIMP char *_itoa(int value, char *buffer, int radix);
NTK_CRTIMP char *_ltoa(long value, char *buffer, int radix);
NTK_CRTIMP char *_ultoa(unsigned long value, char *buffer, int radix);
NTK_CRTIMP char *_i64toa(long long value, char *buffer, int radix);
NTK_CRTIMP char *_ui64toa(unsigned long long value, char *buffer, int radix);
NTK_CRTIMP wchar_t *_itow(int value, wchar_t *buffer, int radix);
NTK_CRTIMP wchar_t *_ltow(long value, wchar_t *buffer, int radix);
NTK_CRTIMP wchar_t *_ultow(unsigned long value, wchar_t *buffer, int radix);
NTK_CRTIMP wchar_t *_i64tow(long long value, wchar_t *buffer, int radix);
NTK_CRTIMP wchar_t *_ui64tow(unsigned long long value, wchar_t *buffer, int radix);

NTK_CRTIMP errno_t _itoa_s(int value, char *buffer, size_t size, int radix);
NTK_CRTIMP errno_t _ltoa_s(long value, char *buffer, size_t size, int radix);
NTK_CRTIMP errno_t _ultoa_s(unsigned long value, char *buffer, size_t size, int radix);
NTK_CRTIMP errno_t _i64toa_s(long long value, char *buffer, size_t size, int radix);
NTK_CRTIMP errno_t _ui64toa_s(unsigned long long value, char *buffer, size_t size, int radix);
NTK_CRTIMP errno_t _itow_s(int value, wchar_t *buffer, size_t size, int radix);
NTK_CRTIMP errno_t _ltow_s(long value, wchar_t *buffer, size_t size, int radix);
NTK_CRTIMP errno_t _ultow_s(unsigned long value, wchar_t *buffer, size_t size, int radix);
NTK_CRTIMP errno_t _i64tow_s(long long value, wchar_t *buffer, size_t size, int radix);
NTK_CRTIMP errno_t _ui64tow_s(unsigned long long value, wchar_t *buffer, size_t size, int radix);

#define itoa _itoa
#define ltoa _ltoa
#define ultoa _ultoa

/* ----------------------------------------------- multibyte (UTF-8) text */

NTK_CRTIMP size_t ntk_mbstowcs(wchar_t *destination, const char *source, size_t count);
NTK_CRTIMP size_t ntk_wcstombs(char *destination, const wchar_t *source, size_t count);
NTK_CRTIMP int ntk_mbtowc(wchar_t *destination, const char *source, size_t count);
NTK_CRTIMP int ntk_wctomb(char *destination, wchar_t character);
NTK_CRTIMP int ntk_mblen(const char *source, size_t count);
#undef mbstowcs
#undef wcstombs
#undef mbtowc
#undef wctomb
#undef mblen
#define mbstowcs ntk_mbstowcs
#define wcstombs ntk_wcstombs
#define mbtowc ntk_mbtowc
#define wctomb ntk_wctomb
#define mblen ntk_mblen

#endif /* NTK_STDLIB_H */
