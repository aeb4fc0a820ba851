/*
 * wstring.c - the wide string functions for a 16-bit (UTF-16) wchar_t:
 * the ISO ones (exported as ntk_wcslen, ...; the headers map the names) and
 * the MS extras (_wcsicmp, _wcsdup, _wcstok, ...). Declared in
 * include/shared/string.h; the bounds-checked ones (wcscpy_s, ...) are in
 * string_ms.c with their narrow twins.
 *
 * Comparisons return -1, 0 or 1 as the UCRT does (the case-insensitive ones
 * return the difference of the folded units, also as the UCRT does); case
 * folding is ASCII-only, the MS "C" locale's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "crt_internal.h"


static inline wchar_t FoldAscii(wchar_t Character)
{
    return (Character >= L'A' && Character <= L'Z') ? (wchar_t)(Character + (L'a' - L'A')) : Character;
}

static inline wchar_t UpperAscii(wchar_t Character)
{
    return (Character >= L'a' && Character <= L'z') ? (wchar_t)(Character - (L'a' - L'A')) : Character;
}

static inline int Sign(int Difference)
{
    return (Difference > 0) - (Difference < 0);
}

/* ------------------------------------------------------------------ ISO */

NTK_CRTIMP size_t ntk_wcslen(const wchar_t *string)
{
    const wchar_t *end = string;

    while (*end != 0)
        end++;
    return (size_t)(end - string);
}

NTK_CRTIMP size_t ntk_wcsnlen(const wchar_t *string, size_t maxCount)
{
    size_t length = 0;

    while (length < maxCount && string[length] != 0)
        length++;
    return length;
}

NTK_CRTIMP wchar_t *ntk_wcscpy(wchar_t *destination, const wchar_t *source)
{
    wchar_t *out = destination;

    while ((*out++ = *source++) != 0)
        ;
    return destination;
}

NTK_CRTIMP wchar_t *ntk_wcsncpy(wchar_t *destination, const wchar_t *source, size_t count)
{
    size_t i = 0;

    for (; i < count && source[i] != 0; i++)
        destination[i] = source[i];
    for (; i < count; i++)
        destination[i] = 0; /* ISO: pad the rest with terminators */
    return destination;
}

NTK_CRTIMP wchar_t *ntk_wcscat(wchar_t *destination, const wchar_t *source)
{
    ntk_wcscpy(destination + ntk_wcslen(destination), source);
    return destination;
}

NTK_CRTIMP wchar_t *ntk_wcsncat(wchar_t *destination, const wchar_t *source, size_t count)
{
    wchar_t *out = destination + ntk_wcslen(destination);
    size_t i;

    for (i = 0; i < count && source[i] != 0; i++)
        out[i] = source[i];
    out[i] = 0;
    return destination;
}

NTK_CRTIMP int ntk_wcscmp(const wchar_t *string1, const wchar_t *string2)
{
    while (*string1 != 0 && *string1 == *string2) {
        string1++;
        string2++;
    }
    return Sign((int)*string1 - (int)*string2);
}

NTK_CRTIMP int ntk_wcsncmp(const wchar_t *string1, const wchar_t *string2, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++) {
        if (string1[i] != string2[i] || string1[i] == 0)
            return Sign((int)string1[i] - (int)string2[i]);
    }
    return 0;
}

/* The "C" locale collates by code unit. */
NTK_CRTIMP int ntk_wcscoll(const wchar_t *string1, const wchar_t *string2)
{
    return ntk_wcscmp(string1, string2);
}

NTK_CRTIMP wchar_t *ntk_wcschr(const wchar_t *string, wchar_t character)
{
    for (;; string++) {
        if (*string == character)
            return (wchar_t *)string;
        if (*string == 0)
            return NULL;
    }
}

NTK_CRTIMP wchar_t *ntk_wcsrchr(const wchar_t *string, wchar_t character)
{
    const wchar_t *last = NULL;

    for (;; string++) {
        if (*string == character)
            last = string;
        if (*string == 0)
            return (wchar_t *)last;
    }
}

NTK_CRTIMP wchar_t *ntk_wcsstr(const wchar_t *string, const wchar_t *search)
{
    size_t searchLength = ntk_wcslen(search);

    if (searchLength == 0)
        return (wchar_t *)string;
    for (; *string != 0; string++) {
        if (*string == *search && ntk_wcsncmp(string, search, searchLength) == 0)
            return (wchar_t *)string;
    }
    return NULL;
}

NTK_CRTIMP size_t ntk_wcsspn(const wchar_t *string, const wchar_t *accept)
{
    size_t n = 0;

    while (string[n] != 0 && ntk_wcschr(accept, string[n]) != NULL)
        n++;
    return n;
}

NTK_CRTIMP size_t ntk_wcscspn(const wchar_t *string, const wchar_t *reject)
{
    size_t n = 0;

    while (string[n] != 0 && ntk_wcschr(reject, string[n]) == NULL)
        n++;
    return n;
}

NTK_CRTIMP wchar_t *ntk_wcspbrk(const wchar_t *string, const wchar_t *accept)
{
    string += ntk_wcscspn(string, accept);
    return *string != 0 ? (wchar_t *)string : NULL;
}

/* The tokenizer behind wcstok, wcstok_s and _wcstok. */
static wchar_t *Tokenize(wchar_t *String, const wchar_t *Delimiters, wchar_t **Context)
{
    wchar_t *token = String != NULL ? String : *Context;
    wchar_t *end;

    if (token == NULL)
        return NULL;
    token += ntk_wcsspn(token, Delimiters);
    if (*token == 0) {
        *Context = token;
        return NULL;
    }
    end = token + ntk_wcscspn(token, Delimiters);
    if (*end != 0)
        *end++ = 0;
    *Context = end;
    return token;
}

NTK_CRTIMP wchar_t *ntk_wcstok(wchar_t *string, const wchar_t *delimiters, wchar_t **context)
{
    return Tokenize(string, delimiters, context);
}

NTK_CRTIMP wchar_t *wcstok_s(wchar_t *string, const wchar_t *delimiters, wchar_t **context)
{
    if (context == NULL || delimiters == NULL || (string == NULL && *context == NULL)) {
        CrtpInvalidParameter("wcstok_s", "context or delimiters is NULL, or nothing to continue");
        errno = EINVAL;
        return NULL;
    }
    return Tokenize(string, delimiters, context);
}

NTK_CRTIMP wchar_t *_wcstok(wchar_t *string, const wchar_t *delimiters)
{
    static __thread wchar_t *context; /* MS keeps it per thread too */

    return Tokenize(string, delimiters, &context);
}

NTK_CRTIMP wchar_t *ntk_wmemcpy(wchar_t *destination, const wchar_t *source, size_t count)
{
    return memcpy(destination, source, count * sizeof(wchar_t));
}

NTK_CRTIMP wchar_t *ntk_wmemmove(wchar_t *destination, const wchar_t *source, size_t count)
{
    return memmove(destination, source, count * sizeof(wchar_t));
}

NTK_CRTIMP wchar_t *ntk_wmemset(wchar_t *destination, wchar_t character, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++)
        destination[i] = character;
    return destination;
}

NTK_CRTIMP int ntk_wmemcmp(const wchar_t *buffer1, const wchar_t *buffer2, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++) {
        if (buffer1[i] != buffer2[i])
            return Sign((int)buffer1[i] - (int)buffer2[i]);
    }
    return 0;
}

NTK_CRTIMP wchar_t *ntk_wmemchr(const wchar_t *buffer, wchar_t character, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++) {
        if (buffer[i] == character)
            return (wchar_t *)(buffer + i);
    }
    return NULL;
}

/* ------------------------------------------------------------- MS extras */

NTK_CRTIMP int _wcsicmp(const wchar_t *string1, const wchar_t *string2)
{
    wchar_t folded1, folded2;

    if (string1 == NULL || string2 == NULL) {
        CrtpInvalidParameter("_wcsicmp", "string is NULL");
        errno = EINVAL;
        return _NLSCMPERROR;
    }
    do {
        folded1 = FoldAscii(*string1++);
        folded2 = FoldAscii(*string2++);
    } while (folded1 != 0 && folded1 == folded2);
    return (int)folded1 - (int)folded2;
}

NTK_CRTIMP int _wcsnicmp(const wchar_t *string1, const wchar_t *string2, size_t count)
{
    wchar_t folded1 = 0, folded2 = 0;

    if (count == 0)
        return 0;
    if (string1 == NULL || string2 == NULL) {
        CrtpInvalidParameter("_wcsnicmp", "string is NULL");
        errno = EINVAL;
        return _NLSCMPERROR;
    }
    do {
        folded1 = FoldAscii(*string1++);
        folded2 = FoldAscii(*string2++);
    } while (--count != 0 && folded1 != 0 && folded1 == folded2);
    return (int)folded1 - (int)folded2;
}

NTK_CRTIMP wchar_t *_wcsdup(const wchar_t *string)
{
    size_t size;
    wchar_t *copy;

    if (string == NULL)
        return NULL;
    size = (ntk_wcslen(string) + 1) * sizeof(wchar_t);
    copy = malloc(size);
    if (copy != NULL)
        memcpy(copy, string, size);
    return copy;
}

NTK_CRTIMP wchar_t *_wcslwr(wchar_t *string)
{
    wchar_t *p;

    if (string == NULL) {
        CrtpInvalidParameter("_wcslwr", "string is NULL");
        errno = EINVAL;
        return NULL;
    }
    for (p = string; *p != 0; p++)
        *p = FoldAscii(*p);
    return string;
}

NTK_CRTIMP wchar_t *_wcsupr(wchar_t *string)
{
    wchar_t *p;

    if (string == NULL) {
        CrtpInvalidParameter("_wcsupr", "string is NULL");
        errno = EINVAL;
        return NULL;
    }
    for (p = string; *p != 0; p++)
        *p = UpperAscii(*p);
    return string;
}

/* Reverses code units, as MS does (a surrogate pair comes out swapped). */
NTK_CRTIMP wchar_t *_wcsrev(wchar_t *string)
{
    size_t length;
    size_t i;

    if (string == NULL) {
        CrtpInvalidParameter("_wcsrev", "string is NULL");
        errno = EINVAL;
        return NULL;
    }
    length = ntk_wcslen(string);
    for (i = 0; i < length / 2; i++) {
        wchar_t swap = string[i];
        string[i] = string[length - 1 - i];
        string[length - 1 - i] = swap;
    }
    return string;
}

NTK_CRTIMP wchar_t *_wcsset(wchar_t *string, wchar_t character)
{
    wchar_t *p;

    if (string == NULL) {
        CrtpInvalidParameter("_wcsset", "string is NULL");
        errno = EINVAL;
        return NULL;
    }
    for (p = string; *p != 0; p++)
        *p = character;
    return string;
}

NTK_CRTIMP wchar_t *_wcsnset(wchar_t *string, wchar_t character, size_t count)
{
    size_t i;

    if (string == NULL) {
        CrtpInvalidParameter("_wcsnset", "string is NULL");
        errno = EINVAL;
        return NULL;
    }
    for (i = 0; i < count && string[i] != 0; i++)
        string[i] = character;
    return string;
}
