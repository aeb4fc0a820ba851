/*
 * wctype.c - wide-character classification and case mapping for a 16-bit
 * wchar_t (declared in include/shared/wctype.h, which states the coverage).
 *
 * Every function reduces to the MS character-type mask of a UTF-16 unit
 * (_UPPER, _LOWER, _DIGIT, _SPACE, _PUNCT, _CONTROL, _BLANK, _HEX, _ALPHA):
 * exact for ASCII and Latin-1, by block for the scripts listed in the
 * header, "printable punctuation" for the rest of the assigned BMP, and
 * nothing for surrogates and the noncharacters U+FFFE/U+FFFF.
 */
#include <string.h>
#include <wctype.h>

#include "crt_internal.h"

#define CRTP_ALPHA_ONLY 0x0100 /* a letter without case (the bit _ALPHA adds) */

static unsigned AsciiClass(unsigned c)
{
    unsigned mask = 0;

    if (c < 0x20 || c == 0x7F)
        mask |= _CONTROL;
    if ((c >= 0x09 && c <= 0x0D) || c == ' ')
        mask |= _SPACE;
    if (c == '\t' || c == ' ')
        mask |= _BLANK;
    if (c >= '0' && c <= '9')
        mask |= _DIGIT | _HEX;
    else if (c >= 'A' && c <= 'Z')
        mask |= _UPPER | CRTP_ALPHA_ONLY | (c <= 'F' ? _HEX : 0);
    else if (c >= 'a' && c <= 'z')
        mask |= _LOWER | CRTP_ALPHA_ONLY | (c <= 'f' ? _HEX : 0);
    else if (c > 0x20 && c < 0x7F)
        mask |= _PUNCT;
    return mask;
}

/* Case of a letter in blocks where upper and lower case alternate. */
static unsigned Alternating(unsigned c, BOOLEAN UpperIsEven)
{
    return CRTP_ALPHA_ONLY | ((((c & 1) == 0) == UpperIsEven) ? _UPPER : _LOWER);
}

static unsigned WideClass(unsigned c)
{
    const unsigned upper = _UPPER | CRTP_ALPHA_ONLY;
    const unsigned lower = _LOWER | CRTP_ALPHA_ONLY;

    if (c < 0x80)
        return AsciiClass(c);

    /* Latin-1 Supplement. */
    if (c < 0xA0)
        return _CONTROL;
    if (c == 0xA0)
        return _SPACE | _BLANK;
    if (c < 0xC0)
        return (c == 0xAA || c == 0xB5 || c == 0xBA) ? lower : _PUNCT;
    if (c < 0x100) {
        if (c == 0xD7 || c == 0xF7)
            return _PUNCT;
        return c < 0xDF ? upper : lower;
    }

    /* Latin Extended-A. */
    if (c < 0x180) {
        if (c < 0x138)
            return Alternating(c, TRUE);
        if (c == 0x138 || c == 0x149 || c == 0x17F)
            return lower;
        if (c < 0x149)
            return Alternating(c, FALSE);
        if (c < 0x178)
            return Alternating(c, TRUE);
        if (c == 0x178)
            return upper;
        return Alternating(c, FALSE);
    }
    if (c < 0x250)
        return CRTP_ALPHA_ONLY; /* Latin Extended-B */
    if (c < 0x2B0)
        return lower; /* IPA */

    /* Greek. */
    if (c >= 0x370 && c < 0x400) {
        if (c == 0x386 || (c >= 0x388 && c <= 0x38F && c != 0x38B && c != 0x38D) || (c >= 0x391 && c <= 0x3AB))
            return c == 0x3A2 ? _PUNCT : upper;
        if (c == 0x390 || (c >= 0x3AC && c <= 0x3CE))
            return lower;
        return _PUNCT;
    }

    /* Cyrillic. */
    if (c >= 0x400 && c < 0x500) {
        if (c < 0x430)
            return upper;
        if (c < 0x460)
            return lower;
        if (c < 0x482 || (c >= 0x48A && c < 0x4C0) || c >= 0x4D0)
            return Alternating(c, TRUE);
        if (c == 0x4C0)
            return upper;
        if (c < 0x4CF && c > 0x4C0)
            return Alternating(c, FALSE);
        if (c == 0x4CF)
            return lower;
        return _PUNCT;
    }

    /* Spaces. */
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
        return _SPACE | _BLANK;
    if (c == 0x2028 || c == 0x2029)
        return _SPACE;

    /* Letters without case: kana, CJK, Hangul, compatibility ideographs. */
    if ((c >= 0x3040 && c < 0x3100) || (c >= 0x3400 && c < 0x4DC0) || (c >= 0x4E00 && c < 0xA000) ||
        (c >= 0xAC00 && c < 0xD7A4) || (c >= 0xF900 && c < 0xFB00))
        return CRTP_ALPHA_ONLY;

    /* Fullwidth forms. */
    if (c >= 0xFF10 && c <= 0xFF19)
        return _DIGIT;
    if (c >= 0xFF21 && c <= 0xFF3A)
        return upper;
    if (c >= 0xFF41 && c <= 0xFF5A)
        return lower;

    if ((c >= 0xD800 && c < 0xE000) || c >= 0xFFFE)
        return 0; /* surrogates, noncharacters */
    return _PUNCT;
}

NTK_CRTIMP int ntk_iswctype(wint_t c, wctype_t type)
{
    if (c == WEOF)
        return 0;
    return (int)(WideClass(c) & type);
}

NTK_CRTIMP int ntk_iswalpha(wint_t c) { return ntk_iswctype(c, _ALPHA); }
NTK_CRTIMP int ntk_iswupper(wint_t c) { return ntk_iswctype(c, _UPPER); }
NTK_CRTIMP int ntk_iswlower(wint_t c) { return ntk_iswctype(c, _LOWER); }
NTK_CRTIMP int ntk_iswdigit(wint_t c) { return ntk_iswctype(c, _DIGIT); }
NTK_CRTIMP int ntk_iswxdigit(wint_t c) { return ntk_iswctype(c, _HEX); }
NTK_CRTIMP int ntk_iswspace(wint_t c) { return ntk_iswctype(c, _SPACE); }
NTK_CRTIMP int ntk_iswpunct(wint_t c) { return ntk_iswctype(c, _PUNCT); }
NTK_CRTIMP int ntk_iswalnum(wint_t c) { return ntk_iswctype(c, _ALPHA | _DIGIT); }
NTK_CRTIMP int ntk_iswcntrl(wint_t c) { return ntk_iswctype(c, _CONTROL); }
NTK_CRTIMP int ntk_iswblank(wint_t c) { return ntk_iswctype(c, _BLANK); }
NTK_CRTIMP int iswascii(wint_t c) { return c < 0x80; }

/* Printable: a letter, digit, punctuation or a blank that is not a control
 * (so U+0020 and U+3000 are, TAB is not). */
NTK_CRTIMP int ntk_iswprint(wint_t c)
{
    unsigned mask = c == WEOF ? 0 : WideClass(c);
    return (mask & _CONTROL) ? 0 : (int)(mask & (_BLANK | _PUNCT | _ALPHA | _DIGIT));
}

NTK_CRTIMP int ntk_iswgraph(wint_t c)
{
    return ntk_iswctype(c, _PUNCT | _ALPHA | _DIGIT);
}

NTK_CRTIMP wctype_t ntk_wctype(const char *property)
{
    static const struct {
        const char *Name;
        wctype_t Mask;
    } properties[] = {
        {"alnum", _ALPHA | _DIGIT}, {"alpha", _ALPHA}, {"blank", _BLANK}, {"cntrl", _CONTROL},
        {"digit", _DIGIT},          {"graph", _PUNCT | _ALPHA | _DIGIT}, {"lower", _LOWER},
        {"print", _BLANK | _PUNCT | _ALPHA | _DIGIT}, {"punct", _PUNCT}, {"space", _SPACE},
        {"upper", _UPPER},          {"xdigit", _HEX},
    };
    size_t i;

    if (property == NULL)
        return 0;
    for (i = 0; i < sizeof(properties) / sizeof(properties[0]); i++) {
        if (strcmp(property, properties[i].Name) == 0)
            return properties[i].Mask;
    }
    return 0;
}

/* The MS "C" locale maps ASCII letters only. */
NTK_CRTIMP wint_t ntk_towlower(wint_t c)
{
    return (c >= L'A' && c <= L'Z') ? (wint_t)(c + (L'a' - L'A')) : c;
}

NTK_CRTIMP wint_t ntk_towupper(wint_t c)
{
    return (c >= L'a' && c <= L'z') ? (wint_t)(c - (L'a' - L'A')) : c;
}
