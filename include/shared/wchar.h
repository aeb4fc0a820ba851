/*
 * wchar.h - ntk's <wchar.h>, for a 16-bit (UTF-16) wchar_t.
 *
 * Why: every prototype in glibc's <wchar.h> assumes a 32-bit wchar_t, so it
 * is never included (a glibc header that asks for <wchar.h> gets this one).
 * As MS's <wchar.h> does, this header gathers the wide-character parts of
 * the other CRT headers, all of them ntk's:
 *   <stdio.h>   wprintf, fwprintf, swprintf, _snwprintf, fputws, putwc, ...
 *   <string.h>  wcslen, wcscpy, wcscmp, _wcsicmp, wcscpy_s, wmemcpy, ...
 *   <stdlib.h>  wcstol, wcstoul, _wtoi, _itow, mbstowcs, wcstombs, ...
 *   <wctype.h>  iswalpha, towupper, ...
 * and adds the single-character multibyte conversions. The multibyte
 * encoding is UTF-8. Not provided (a use fails to compile): the restartable
 * conversions (mbrtowc, wcrtomb, mbsrtowcs, ...), wide input (fgetws, getwc,
 * wscanf, swscanf), wcsftime.
 */
#ifndef NTK_WCHAR_H
#define NTK_WCHAR_H

#include <ntk_crt.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <wctype.h>
#include <bits/types/mbstate_t.h> /* the glibc type, so <uchar.h> agrees */

#ifndef _INC_WCHAR
#define _INC_WCHAR
#endif

#ifndef WCHAR_MIN
#define WCHAR_MIN 0x0000
#endif
#ifndef WCHAR_MAX
#define WCHAR_MAX 0xffff
#endif

/* btowc: the wide character of a single byte (ASCII; WEOF for a byte that
 * is not a whole UTF-8 character). wctob: the reverse (EOF if not ASCII).
 * mbsinit: always nonzero, the conversions keep no state. */
NTK_CRTIMP wint_t ntk_btowc(int character);
NTK_CRTIMP int ntk_wctob(wint_t character);
NTK_CRTIMP int ntk_mbsinit(const mbstate_t *state);
#undef btowc
#undef wctob
#undef mbsinit
#define btowc ntk_btowc
#define wctob ntk_wctob
#define mbsinit ntk_mbsinit

#endif /* NTK_WCHAR_H */
