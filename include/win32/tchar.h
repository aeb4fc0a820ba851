/*
 * tchar.h - MS generic-text mappings: one source for narrow and wide
 * builds. Without _UNICODE (or UNICODE) the _t names are the narrow
 * functions and TCHAR is char; with either, they are the wide functions
 * (ntk's, 16-bit wchar_t) and TCHAR is wchar_t. _MBCS is treated as the
 * narrow build (ntk has no separate multibyte-character functions).
 *
 * _tmain maps to main or wmain; a wide program's wmain must be called with
 * wide arguments by the application entry point. _stprintf is the legacy
 * count-less _swprintf in the wide build, as in MS's tchar.h.
 */
#ifndef _INC_TCHAR
#define _INC_TCHAR

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#if defined(_UNICODE) || defined(UNICODE)

#ifndef _TCHAR_DEFINED
typedef wchar_t TCHAR, *PTCHAR;
typedef wchar_t TBYTE, *PTBYTE;
#define _TCHAR_DEFINED
#endif
typedef wchar_t _TCHAR;
typedef wchar_t _TSCHAR;
typedef wchar_t _TUCHAR;
typedef wchar_t _TXCHAR;
typedef wint_t _TINT;

#define __T(x) L##x
#define _TEOF WEOF

#define _tmain wmain
#define _tWinMain wWinMain
#define _tenviron _wenviron

#define _tprintf wprintf
#define _ftprintf fwprintf
#define _stprintf _swprintf
#define _sntprintf _snwprintf
#define _vtprintf vwprintf
#define _vftprintf vfwprintf
#define _vstprintf _vswprintf
#define _vsntprintf _vsnwprintf
#define _stprintf_s swprintf_s
#define _sntprintf_s _snwprintf_s
#define _vstprintf_s vswprintf_s
#define _vsntprintf_s _vsnwprintf_s
#define _sctprintf _scwprintf
#define _vsctprintf _vscwprintf
#define _tprintf_s wprintf_s
#define _ftprintf_s fwprintf_s
#define _fputts fputws
#define _fputtc fputwc
#define _puttc putwc
#define _puttchar putwchar
#define _putts _putws
#define _tfopen _wfopen
#define _tfopen_s _wfopen_s

#define _tcslen wcslen
#define _tcsnlen wcsnlen
#define _tcscpy wcscpy
#define _tcsncpy wcsncpy
#define _tcscat wcscat
#define _tcsncat wcsncat
#define _tcscmp wcscmp
#define _tcsncmp wcsncmp
#define _tcsicmp _wcsicmp
#define _tcsnicmp _wcsnicmp
#define _tcscoll wcscoll
#define _tcschr wcschr
#define _tcsrchr wcsrchr
#define _tcsstr wcsstr
#define _tcspbrk wcspbrk
#define _tcsspn wcsspn
#define _tcscspn wcscspn
#define _tcstok _wcstok
#define _tcstok_s wcstok_s
#define _tcsdup _wcsdup
#define _tcslwr _wcslwr
#define _tcsupr _wcsupr
#define _tcsrev _wcsrev
#define _tcsset _wcsset
#define _tcsnset _wcsnset
#define _tcscpy_s wcscpy_s
#define _tcsncpy_s wcsncpy_s
#define _tcscat_s wcscat_s
#define _tcsncat_s wcsncat_s
#define _tcsnlen_s wcsnlen_s
#define _tmemcpy wmemcpy
#define _tmemmove wmemmove
#define _tmemset wmemset
#define _tmemcmp wmemcmp
#define _tmemchr wmemchr

#define _ttoi _wtoi
#define _ttol _wtol
#define _ttoi64 _wtoi64
#define _tstoi _wtoi
#define _tstol _wtol
#define _tstoi64 _wtoi64
#define _ttof _wtof
#define _tcstol wcstol
#define _tcstoul wcstoul
#define _tcstoll wcstoll
#define _tcstoull wcstoull
#define _tcstoi64 _wcstoi64
#define _tcstoui64 _wcstoui64
#define _tcstod wcstod
#define _itot _itow
#define _ltot _ltow
#define _ultot _ultow
#define _i64tot _i64tow
#define _ui64tot _ui64tow
#define _itot_s _itow_s
#define _ltot_s _ltow_s
#define _ultot_s _ultow_s
#define _i64tot_s _i64tow_s
#define _ui64tot_s _ui64tow_s

#define _totupper towupper
#define _totlower towlower
#define _istalpha iswalpha
#define _istupper iswupper
#define _istlower iswlower
#define _istdigit iswdigit
#define _istxdigit iswxdigit
#define _istspace iswspace
#define _istpunct iswpunct
#define _istalnum iswalnum
#define _istprint iswprint
#define _istgraph iswgraph
#define _istcntrl iswcntrl
#define _istascii iswascii

#else /* narrow */

#ifndef _TCHAR_DEFINED
typedef char TCHAR, *PTCHAR;
typedef unsigned char TBYTE, *PTBYTE;
#define _TCHAR_DEFINED
#endif
typedef char _TCHAR;
typedef signed char _TSCHAR;
typedef unsigned char _TUCHAR;
typedef unsigned char _TXCHAR;
typedef int _TINT;

#define __T(x) x
#define _TEOF EOF

#define _tmain main
#define _tWinMain WinMain
#define _tenviron environ

#define _tprintf printf
#define _ftprintf fprintf
#define _stprintf sprintf
#define _sntprintf _snprintf
#define _vtprintf vprintf
#define _vftprintf vfprintf
#define _vstprintf vsprintf
#define _vsntprintf _vsnprintf
#define _stprintf_s sprintf_s
#define _sntprintf_s _snprintf_s
#define _vstprintf_s vsprintf_s
#define _vsntprintf_s _vsnprintf_s
#define _sctprintf _scprintf
#define _vsctprintf _vscprintf
#define _tprintf_s printf_s
#define _ftprintf_s fprintf_s
#define _fputts fputs
#define _fputtc fputc
#define _puttc putc
#define _puttchar putchar
#define _putts puts
#define _tfopen fopen
#define _tfopen_s fopen_s

#define _tcslen strlen
#define _tcsnlen strnlen
#define _tcscpy strcpy
#define _tcsncpy strncpy
#define _tcscat strcat
#define _tcsncat strncat
#define _tcscmp strcmp
#define _tcsncmp strncmp
#define _tcsicmp _stricmp
#define _tcsnicmp _strnicmp
#define _tcscoll strcoll
#define _tcschr strchr
#define _tcsrchr strrchr
#define _tcsstr strstr
#define _tcspbrk strpbrk
#define _tcsspn strspn
#define _tcscspn strcspn
#define _tcstok strtok
#define _tcstok_s strtok_s
#define _tcsdup _strdup
#define _tcslwr _strlwr
#define _tcsupr _strupr
#define _tcsrev _strrev
#define _tcsset _strset
#define _tcsnset _strnset
#define _tcscpy_s strcpy_s
#define _tcsncpy_s strncpy_s
#define _tcscat_s strcat_s
#define _tcsncat_s strncat_s
#define _tcsnlen_s strnlen_s
#define _tmemcpy memcpy
#define _tmemmove memmove
#define _tmemset memset
#define _tmemcmp memcmp
#define _tmemchr memchr

#define _ttoi atoi
#define _ttol atol
#define _ttoi64 _atoi64
#define _tstoi atoi
#define _tstol atol
#define _tstoi64 _atoi64
#define _ttof atof
#define _tcstol strtol
#define _tcstoul strtoul
#define _tcstoll strtoll
#define _tcstoull strtoull
#define _tcstoi64 _strtoi64
#define _tcstoui64 _strtoui64
#define _tcstod strtod
#define _itot _itoa
#define _ltot _ltoa
#define _ultot _ultoa
#define _i64tot _i64toa
#define _ui64tot _ui64toa
#define _itot_s _itoa_s
#define _ltot_s _ltoa_s
#define _ultot_s _ultoa_s
#define _i64tot_s _i64toa_s
#define _ui64tot_s _ui64toa_s

#define _totupper toupper
#define _totlower tolower
#define _istalpha isalpha
#define _istupper isupper
#define _istlower islower
#define _istdigit isdigit
#define _istxdigit isxdigit
#define _istspace isspace
#define _istpunct ispunct
#define _istalnum isalnum
#define _istprint isprint
#define _istgraph isgraph
#define _istcntrl iscntrl
#define _istascii __isascii

#endif /* _UNICODE || UNICODE */

#define _T(x) __T(x)
#define _TEXT(x) __T(x)

#endif /* _INC_TCHAR */
