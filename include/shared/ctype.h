/*
 * ctype.h - ntk's <ctype.h>: glibc's narrow classification (correct for
 * Windows code in the "C" locale) plus what MS's <ctype.h> also declares:
 * the wide-character functions of <wctype.h> (ntk's, for a 16-bit wchar_t)
 * and the __isascii/__toascii/__iscsym spellings.
 */
#ifndef NTK_CTYPE_H
#define NTK_CTYPE_H

#include_next <ctype.h>
#include <wctype.h>

#ifndef _INC_CTYPE
#define _INC_CTYPE
#endif

/* glibc already has __isascii and __toascii with the same meaning. */
#ifndef __isascii
#define __isascii(c) ((unsigned)(c) < 0x80)
#endif
#ifndef __toascii
#define __toascii(c) ((c) & 0x7f)
#endif
#define __iscsymf(c) (isalpha(c) || ((c) == '_'))
#define __iscsym(c) (isalnum(c) || ((c) == '_'))
#define iscsymf __iscsymf
#define iscsym __iscsym

#endif /* NTK_CTYPE_H */
