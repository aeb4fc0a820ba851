/*
 * wctype.h - ntk's <wctype.h>: wide-character classification and case
 * mapping for a 16-bit (UTF-16) wchar_t.
 *
 * Why not glibc's: its functions take a 32-bit wint_t and follow the glibc
 * locale; Windows code is compiled with a 16-bit wchar_t/wint_t. The
 * functions are ntk's, mapped by object-like macros (iswalpha ->
 * ntk_iswalpha, see ntk_crt.h), which also keeps GCC's builtin knowledge of
 * these names out of the way. glibc's <wctype.h> is never included.
 *
 * Behaviour (the MS CRT in the "C" locale, the only one ntk has):
 *   - towlower/towupper map ASCII letters only, as the MS CRT does in "C".
 *   - classification is locale-independent, as MS's is: ASCII and Latin-1
 *     exactly as MS classifies them; beyond, the Latin Extended-A, Greek,
 *     Cyrillic, CJK, kana, Hangul and fullwidth blocks are classified (alpha,
 *     upper, lower, digit, space); other code points are printable
 *     punctuation, except surrogates, U+FFFE/U+FFFF (not printable).
 * The MS mask names (_UPPER, _LOWER, _DIGIT, ...) work with iswctype.
 */
#ifndef NTK_WCTYPE_H
#define NTK_WCTYPE_H

#include <ntk_crt.h>

#ifndef _INC_WCTYPE
#define _INC_WCTYPE
#endif

/* Character-type masks (MS values). */
#define _UPPER 0x0001
#define _LOWER 0x0002
#define _DIGIT 0x0004
#define _SPACE 0x0008
#define _PUNCT 0x0010
#define _CONTROL 0x0020
#define _BLANK 0x0040
#define _HEX 0x0080
#define _LEADBYTE 0x8000
#define _ALPHA (0x0100 | _UPPER | _LOWER)

NTK_CRTIMP int ntk_iswalpha(wint_t c);
NTK_CRTIMP int ntk_iswupper(wint_t c);
NTK_CRTIMP int ntk_iswlower(wint_t c);
NTK_CRTIMP int ntk_iswdigit(wint_t c);
NTK_CRTIMP int ntk_iswxdigit(wint_t c);
NTK_CRTIMP int ntk_iswspace(wint_t c);
NTK_CRTIMP int ntk_iswpunct(wint_t c);
NTK_CRTIMP int ntk_iswalnum(wint_t c);
NTK_CRTIMP int ntk_iswprint(wint_t c);
NTK_CRTIMP int ntk_iswgraph(wint_t c);
NTK_CRTIMP int ntk_iswcntrl(wint_t c);
NTK_CRTIMP int ntk_iswblank(wint_t c);
NTK_CRTIMP int ntk_iswctype(wint_t c, wctype_t type);
NTK_CRTIMP wctype_t ntk_wctype(const char *property);
NTK_CRTIMP wint_t ntk_towlower(wint_t c);
NTK_CRTIMP wint_t ntk_towupper(wint_t c);
NTK_CRTIMP int iswascii(wint_t c);

#undef iswalpha
#undef iswupper
#undef iswlower
#undef iswdigit
#undef iswxdigit
#undef iswspace
#undef iswpunct
#undef iswalnum
#undef iswprint
#undef iswgraph
#undef iswcntrl
#undef iswblank
#undef iswctype
#undef wctype
#undef towlower
#undef towupper
#define iswalpha ntk_iswalpha
#define iswupper ntk_iswupper
#define iswlower ntk_iswlower
#define iswdigit ntk_iswdigit
#define iswxdigit ntk_iswxdigit
#define iswspace ntk_iswspace
#define iswpunct ntk_iswpunct
#define iswalnum ntk_iswalnum
#define iswprint ntk_iswprint
#define iswgraph ntk_iswgraph
#define iswcntrl ntk_iswcntrl
#define iswblank ntk_iswblank
#define iswctype ntk_iswctype
#define wctype ntk_wctype
#define towlower ntk_towlower
#define towupper ntk_towupper

#endif /* NTK_WCTYPE_H */
