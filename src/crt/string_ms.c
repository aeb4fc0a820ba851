/*
 * string_ms.c - the Microsoft narrow string extras (_stricmp, _strdup,
 * _strlwr, ...) and the bounds-checked string and memory functions of both
 * widths (strcpy_s/wcscpy_s, strcat_s/wcscat_s, strncpy_s/wcsncpy_s,
 * strncat_s/wcsncat_s, memcpy_s/wmemcpy_s, ...). Declared in
 * include/shared/string.h.
 *
 * The _s functions implement the documented error table: a NULL or
 * zero-sized destination is EINVAL and left alone; a NULL source or an
 * unterminated destination (cat) is EINVAL with destination[0] = 0; a
 * result that does not fit is ERANGE with destination[0] = 0, except that
 * a count of _TRUNCATE stores what fits and returns STRUNCATE. Each error
 * also goes through the invalid-parameter report.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crt_internal.h"


static inline int FoldAscii(int Character)
{
    return (Character >= 'A' && Character <= 'Z') ? Character + ('a' - 'A') : Character;
}

static inline int UpperAscii(int Character)
{
    return (Character >= 'a' && Character <= 'z') ? Character - ('a' - 'A') : Character;
}

static void *InvalidPointer(const char *Function, const char *Problem)
{
    CrtpInvalidParameter(Function, Problem);
    errno = EINVAL;
    return NULL;
}

/* ------------------------------------------------------------- narrow */

NTK_CRTIMP int _stricmp(const char *string1, const char *string2)
{
    int folded1, folded2;

    if (string1 == NULL || string2 == NULL) {
        InvalidPointer("_stricmp", "string is NULL");
        return _NLSCMPERROR;
    }
    do {
        folded1 = FoldAscii((unsigned char)*string1++);
        folded2 = FoldAscii((unsigned char)*string2++);
    } while (folded1 != 0 && folded1 == folded2);
    return folded1 - folded2;
}

NTK_CRTIMP int _strnicmp(const char *string1, const char *string2, size_t count)
{
    int folded1 = 0, folded2 = 0;

    if (count == 0)
        return 0;
    if (string1 == NULL || string2 == NULL) {
        InvalidPointer("_strnicmp", "string is NULL");
        return _NLSCMPERROR;
    }
    do {
        folded1 = FoldAscii((unsigned char)*string1++);
        folded2 = FoldAscii((unsigned char)*string2++);
    } while (--count != 0 && folded1 != 0 && folded1 == folded2);
    return folded1 - folded2;
}

NTK_CRTIMP int _memicmp(const void *buffer1, const void *buffer2, size_t count)
{
    const unsigned char *bytes1 = buffer1, *bytes2 = buffer2;
    size_t i;

    if (count == 0)
        return 0;
    if (buffer1 == NULL || buffer2 == NULL) {
        InvalidPointer("_memicmp", "buffer is NULL");
        return _NLSCMPERROR;
    }
    for (i = 0; i < count; i++) {
        int difference = FoldAscii(bytes1[i]) - FoldAscii(bytes2[i]);
        if (difference != 0)
            return difference;
    }
    return 0;
}

NTK_CRTIMP char *_strdup(const char *string)
{
    return string != NULL ? strdup(string) : NULL;
}

NTK_CRTIMP char *_strlwr(char *string)
{
    char *p;

    if (string == NULL)
        return InvalidPointer("_strlwr", "string is NULL");
    for (p = string; *p != 0; p++)
        *p = (char)FoldAscii((unsigned char)*p);
    return string;
}

NTK_CRTIMP char *_strupr(char *string)
{
    char *p;

    if (string == NULL)
        return InvalidPointer("_strupr", "string is NULL");
    for (p = string; *p != 0; p++)
        *p = (char)UpperAscii((unsigned char)*p);
    return string;
}

NTK_CRTIMP char *_strrev(char *string)
{
    size_t length, i;

    if (string == NULL)
        return InvalidPointer("_strrev", "string is NULL");
    length = strlen(string);
    for (i = 0; i < length / 2; i++) {
        char swap = string[i];
        string[i] = string[length - 1 - i];
        string[length - 1 - i] = swap;
    }
    return string;
}

NTK_CRTIMP char *_strset(char *string, int character)
{
    char *p;

    if (string == NULL)
        return InvalidPointer("_strset", "string is NULL");
    for (p = string; *p != 0; p++)
        *p = (char)character;
    return string;
}

NTK_CRTIMP char *_strnset(char *string, int character, size_t count)
{
    size_t i;

    if (string == NULL)
        return InvalidPointer("_strnset", "string is NULL");
    for (i = 0; i < count && string[i] != 0; i++)
        string[i] = (char)character;
    return string;
}

NTK_CRTIMP char *strtok_s(char *string, const char *delimiters, char **context)
{
    if (context == NULL || delimiters == NULL || (string == NULL && *context == NULL))
        return InvalidPointer("strtok_s", "context or delimiters is NULL, or nothing to continue");
    return strtok_r(string, delimiters, context);
}

/* ------------------------------------------- bounds-checked, both widths */

static inline unsigned UnitAt(const void *Text, size_t Index, BOOLEAN Wide)
{
    return Wide ? ((const wchar_t *)Text)[Index] : ((const unsigned char *)Text)[Index];
}

static inline void SetUnit(void *Text, size_t Index, unsigned Value, BOOLEAN Wide)
{
    if (Wide)
        ((wchar_t *)Text)[Index] = (wchar_t)Value;
    else
        ((char *)Text)[Index] = (char)Value;
}

static errno_t Fail(const char *Function, const char *Problem, errno_t Error)
{
    CrtpInvalidParameter(Function, Problem);
    errno = Error;
    return Error;
}

/* strcpy_s (Append FALSE, Bounded FALSE), strncpy_s (FALSE, TRUE),
 * strcat_s (TRUE, FALSE), strncat_s (TRUE, TRUE) and their wide twins.
 * Count is the most units to take from Source, or _TRUNCATE. */
static errno_t CopySecure(const char *Function, BOOLEAN Wide, void *Destination, size_t Size, const void *Source,
                          size_t Count, BOOLEAN Bounded, BOOLEAN Append)
{
    size_t start = 0, available, limit, n;
    unsigned unit;

    if (Bounded && Count == 0 && Destination == NULL && Size == 0)
        return 0; /* nothing asked of nothing */
    if (Destination == NULL || Size == 0)
        return Fail(Function, "destination is NULL or its size is 0", EINVAL);
    if (Bounded && Count == 0 && !Append) {
        SetUnit(Destination, 0, 0, Wide);
        return 0;
    }
    if (Source == NULL && !(Bounded && Count == 0)) {
        SetUnit(Destination, 0, 0, Wide);
        return Fail(Function, "source is NULL", EINVAL);
    }
    if (Append) {
        while (start < Size && UnitAt(Destination, start, Wide) != 0)
            start++;
        if (start == Size) {
            SetUnit(Destination, 0, 0, Wide);
            return Fail(Function, "destination is not terminated", EINVAL);
        }
    }

    available = Size - start; /* >= 1: room for the terminator */
    limit = (Bounded && Count != _TRUNCATE) ? Count : SIZE_MAX;
    for (n = 0; n < limit && (unit = UnitAt(Source, n, Wide)) != 0; n++) {
        if (n + 1 >= available) {
            if (Bounded && Count == _TRUNCATE) {
                SetUnit(Destination, start + n, 0, Wide);
                return STRUNCATE;
            }
            SetUnit(Destination, 0, 0, Wide);
            return Fail(Function, "buffer too small", ERANGE);
        }
        SetUnit(Destination, start + n, unit, Wide);
    }
    SetUnit(Destination, start + n, 0, Wide);
    return 0;
}

NTK_CRTIMP errno_t strcpy_s(char *destination, rsize_t destinationSize, const char *source)
{
    return CopySecure("strcpy_s", FALSE, destination, destinationSize, source, 0, FALSE, FALSE);
}

NTK_CRTIMP errno_t strcat_s(char *destination, rsize_t destinationSize, const char *source)
{
    return CopySecure("strcat_s", FALSE, destination, destinationSize, source, 0, FALSE, TRUE);
}

NTK_CRTIMP errno_t strncpy_s(char *destination, rsize_t destinationSize, const char *source, rsize_t count)
{
    return CopySecure("strncpy_s", FALSE, destination, destinationSize, source, count, TRUE, FALSE);
}

NTK_CRTIMP errno_t strncat_s(char *destination, rsize_t destinationSize, const char *source, rsize_t count)
{
    return CopySecure("strncat_s", FALSE, destination, destinationSize, source, count, TRUE, TRUE);
}

NTK_CRTIMP errno_t wcscpy_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source)
{
    return CopySecure("wcscpy_s", TRUE, destination, destinationSize, source, 0, FALSE, FALSE);
}

NTK_CRTIMP errno_t wcscat_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source)
{
    return CopySecure("wcscat_s", TRUE, destination, destinationSize, source, 0, FALSE, TRUE);
}

NTK_CRTIMP errno_t wcsncpy_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source, rsize_t count)
{
    return CopySecure("wcsncpy_s", TRUE, destination, destinationSize, source, count, TRUE, FALSE);
}

NTK_CRTIMP errno_t wcsncat_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source, rsize_t count)
{
    return CopySecure("wcsncat_s", TRUE, destination, destinationSize, source, count, TRUE, TRUE);
}

NTK_CRTIMP size_t strnlen_s(const char *string, size_t maxCount)
{
    return string != NULL ? strnlen(string, maxCount) : 0;
}

NTK_CRTIMP size_t wcsnlen_s(const wchar_t *string, size_t maxCount)
{
    return string != NULL ? wcsnlen(string, maxCount) : 0;
}

/* memcpy_s clears the destination when it fails on a bad source or size;
 * memmove_s leaves it alone (both as documented). */
static errno_t CopyMemorySecure(const char *Function, void *Destination, size_t DestinationSize, const void *Source,
                                size_t Count, BOOLEAN Move)
{
    if (Count == 0)
        return 0;
    if (Destination == NULL)
        return Fail(Function, "destination is NULL", EINVAL);
    if (Source == NULL) {
        if (!Move)
            memset(Destination, 0, DestinationSize);
        return Fail(Function, "source is NULL", EINVAL);
    }
    if (DestinationSize < Count) {
        if (!Move)
            memset(Destination, 0, DestinationSize);
        return Fail(Function, "buffer too small", ERANGE);
    }
    if (Move)
        memmove(Destination, Source, Count);
    else
        memcpy(Destination, Source, Count);
    return 0;
}

NTK_CRTIMP errno_t memcpy_s(void *destination, rsize_t destinationSize, const void *source, rsize_t count)
{
    return CopyMemorySecure("memcpy_s", destination, destinationSize, source, count, FALSE);
}

NTK_CRTIMP errno_t memmove_s(void *destination, rsize_t destinationSize, const void *source, rsize_t count)
{
    return CopyMemorySecure("memmove_s", destination, destinationSize, source, count, TRUE);
}

/* Sizes in wchar_t; checked before they are turned into bytes. */
NTK_CRTIMP errno_t wmemcpy_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source, rsize_t count)
{
    if (destinationSize > SIZE_MAX / sizeof(wchar_t) || count > SIZE_MAX / sizeof(wchar_t))
        return Fail("wmemcpy_s", "size out of range", EINVAL);
    return CopyMemorySecure("wmemcpy_s", destination, destinationSize * sizeof(wchar_t), source,
                            count * sizeof(wchar_t), FALSE);
}

NTK_CRTIMP errno_t wmemmove_s(wchar_t *destination, rsize_t destinationSize, const wchar_t *source, rsize_t count)
{
    if (destinationSize > SIZE_MAX / sizeof(wchar_t) || count > SIZE_MAX / sizeof(wchar_t))
        return Fail("wmemmove_s", "size out of range", EINVAL);
    return CopyMemorySecure("wmemmove_s", destination, destinationSize * sizeof(wchar_t), source,
                            count * sizeof(wchar_t), TRUE);
}
