/*
 * string.h - ntk's <string.h> for Windows code: glibc's narrow string
 * functions, the Microsoft extras, and (as in MS's <string.h>) the wide
 * string functions.
 *
 * Why: glibc's wcs* and wmem* functions assume a 32-bit wchar_t; ntk
 * compiles Windows code with a 16-bit (UTF-16) one. The narrow functions
 * (memcpy, strlen, strcmp, ...) are correct and come from glibc
 * (#include_next). The wide ones are ntk's, mapped with object-like macros
 * (wcslen -> ntk_wcslen, see ntk_crt.h), which also keeps GCC from folding
 * wcslen(L"...") with a 4-byte wchar_t in mind. Microsoft-only functions
 * (_stricmp, strcpy_s, _wcsicmp, ...) keep their names.
 *
 * Case-insensitive comparison and case mapping (_stricmp, _wcsicmp,
 * _strlwr, _wcsupr, ...) fold ASCII letters only, as the MS CRT does in the
 * "C" locale, which is the only locale ntk provides.
 *
 * The *_s functions report a violated constraint through the invalid-
 * parameter path: a diagnostic on stderr, then the documented errno_t and
 * buffer state (MS with a returning handler installed).
 */
#ifndef NTK_STRING_H
#define NTK_STRING_H

#include <ntk_crt.h>
#include_next <string.h>

#ifndef _INC_STRING
#define _INC_STRING
#endif

/* What the comparison functions return after an invalid parameter. */
#define _NLSCMPERROR 2147483647

/* --------------------------------------------------------------- narrow */

NTK_CRTIMP int _stricmp(const char *string1, const char *string2);
NTK_CRTIMP int _strnicmp(const char *string1, const char *string2, size_t count);
NTK_CRTIMP int _memicmp(const void *buffer1, const void *buffer2, size_t count);
NTK_CRTIMP char *_strdup(const char *string);
NTK_CRTIMP char *_strlwr(char *string);
NTK_CRTIMP char *_strupr(char *string);
NTK_CRTIMP char *_strrev(char *string);
NTK_CRTIMP char *_strset(char *string, int character);
NTK_CRTIMP char *_strnset(char *string, int character, size_t count);
#define _strcmpi _stricmp

NTK_CRTIMP errno_t strcpy_s(char *destination, rsize_t destinationSize, const char *source);
NTK_CRTIMP errno_t strcat_s(char *destination, rsize_t destinationSize, const char *source);
NTK_CRTIMP errno_t strncpy_s(char *destination, rsize_t destinationSize, const char *source, rsize_t count);
NTK_CRTIMP errno_t strncat_s(char *destination, rsize_t destinationSize, const char *source, rsize_t count);
NTK_CRTIMP size_t strnlen_s(const char *string, size_t maxCount);
NTK_CRTIMP char *strtok_s(char *string, const char *delimiters, char **context);
NTK_CRTIMP errno_t memcpy_s(void *destination, rsize_t destinationSize, const void *source, rsize_t count);
NTK_CRTIMP errno_t memmove_s(void *destination, rsize_t destinationSize, const void *source, rsize_t count);

/* The old names without the underscore. */
#define stricmp _stricmp
#define strnicmp _strnicmp
#define strcmpi _stricmp
#define memicmp _memicmp
#define strlwr _strlwr
#define strupr _strupr
#define strrev _strrev
#define strset _strset
#define strnset _strnset

/* ----------------------------------------------------------------- wide */

NTK_CRTIMP size_t ntk_wcslen(const wchar_t *string);
NTK_CRTIMP size_t ntk_wcsnlen(const wchar_t *string, size_t maxCount);
NTK_CRTIMP wchar_t *ntk_wcscpy(wchar_t *destination, const wchar_t *source);
NTK_CRTIMP wchar_t *ntk_wcsncpy(wchar_t *destination, const wchar_t *source, size_t count);
NTK_CRTIMP wchar_t *ntk_wcscat(wchar_t *destination, const wchar_t *source);
NTK_CRTIMP wchar_t *ntk_wcsncat(wchar_t *destination, const wchar_t *source, size_t count);
NTK_CRTIMP int ntk_wcscmp(const wchar_t *string1, const wchar_t *string2);
NTK_CRTIMP int ntk_wcsncmp(const wchar_t *string1, const wchar_t *string2, size_t count);
NTK_CRTIMP int ntk_wcscoll(const wchar_t *string1, const wchar_t *string2);
NTK_CRTIMP wchar_t *ntk_wcschr(const wchar_t *string, wchar_t character);
NTK_CRTIMP wchar_t *ntk_wcsrchr(const wchar_t *string, wchar_t character);
NTK_CRTIMP wchar_t *ntk_wcsstr(const wchar_t *string, const wchar_t *search);
NTK_CRTIMP wchar_t *ntk_wcspbrk(const wchar_t *string, const wchar_t *accept);
NTK_CRTIMP size_t ntk_wcsspn(const wchar_t *string, const wchar_t *accept);
NTK_CRTIMP size_t ntk_wcscspn(const wchar_t *string, const wchar_t *reject);
/* ISO C form: the third argument holds the position between calls. */
NTK_CRTIMP wchar_t *ntk_wcstok(wchar_t *string, const wchar_t *delimiters, wchar_t **context);
NTK_CRTIMP wchar_t *ntk_wmemcpy(wchar_t *destination, const wchar_t *source, size_t count);
NTK_CRTIMP wchar_t *ntk_wmemmove(wchar_t *destination, const wchar_t *source, size_t count);
NTK_CRTIMP wchar_t *ntk_wmemset(wchar_t *destination, wchar_t character, size_t count);
NTK_CRTIMP int ntk_wmemcmp(const wchar_t *buffer1, const wchar_t *buffer2, size_t count);
NTK_CRTIMP wchar_t *ntk_wmemchr(const wchar_t *buffer, wchar_t character, size_t count);

#undef wcslen
#undef wcsnlen
#undef wcscpy
#undef wcsncpy
#undef wcscat
#undef wcsncat
#undef wcscmp
#undef wcsncmp
#undef wcscoll
#undef wcschr
#undef wcsrchr
#undef wcsstr
#undef wcspbrk
#undef wcsspn
#undef wcscspn
#undef wcstok
#undef wmemcpy
#undef wmemmove
#undef wmemset
#undef wmemcmp
#undef wmemchr
#define wcslen ntk_wcslen
#define wcsnlen ntk_wcsnlen
#define wcscpy ntk_wcscpy
#define wcsncpy ntk_wcsncpy
#define wcscat ntk_wcscat
#define wcsncat ntk_wcsncat
#define wcscmp ntk_wcscmp
#define wcsncmp ntk_wcsncmp
#define wcscoll ntk_wcscoll
#define wcschr ntk_wcschr
#define wcsrchr ntk_wcsrchr
#define wcsstr ntk_wcsstr
#define wcspbrk ntk_wcspbrk
#define wcsspn ntk_wcsspn
#define wcscspn ntk_wcscspn
#ifdef _CRT_NON_CONFORMING_WCSTOK
#define wcstok _wcstok
#else
#define wcstok ntk_wcstok
#endif
#define wmemcpy ntk_wmemcpy
#define wmemmove ntk_wmemmove
#define wmemset ntk_wmemset
#define wmemcmp ntk_wmemcmp
#define wmemchr ntk_wmemchr

NTK_CRTIMP int _wcsicmp(const wchar_t *string1, const wchar_t *string2);
NTK_CRTIMP int _wcsnicmp(const wchar_t *string1, const wchar_t *string2, size_t count);
NTK_CRTIMP wchar_t *_wcsdup(const wchar_t *string);
NTK_CRTIMP wchar_t *_wcslwr(wchar_t *string);
NTK_CRTIMP wchar_t *_wcsupr(wchar_t *string);
NTK_CRTIMP wchar_t *_wcsrev(wchar_t *string);
NTK_CRTIMP wchar_t *_wcsset(wchar_t *string, wchar_t character);
NTK_CRTIMP wchar_t *_wcsnset(wchar_t *string, wchar_t character, size_t count);
/* The pre-ISO MS form: the position is kept per thread. */
NTK_CRTIMP wchar_t *_wcstok(wchar_t *string, const wchar_t *delimiters);
NTK_CRTIMP wchar_t *wcstok_s(wchar_t *string, const wchar_t *delimiters, wchar_t **context);

NTK_CRTIMP errno_t wcscpy_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source);
NTK_CRTIMP errno_t wcscat_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source);
NTK_CRTIMP errno_t wcsncpy_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source, rsize_t count);
NTK_CRTIMP errno_t wcsncat_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source, rsize_t count);
NTK_CRTIMP size_t wcsnlen_s(const wchar_t *string, size_t maxCount);
NTK_CRTIMP errno_t wmemcpy_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source, rsize_t count);
NTK_CRTIMP errno_t wmemmove_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source, rsize_t count);

#undef wcsdup
#define wcsdup _wcsdup
#define wcsicmp _wcsicmp
#define wcsnicmp _wcsnicmp
#define wcslwr _wcslwr
#define wcsupr _wcsupr
#define wcsrev _wcsrev
#define wcsset _wcsset
#define wcsnset _wcsnset

#endif /* NTK_STRING_H */
