/*
 * path.c - the current directory (GetCurrentDirectory, SetCurrentDirectory),
 * full path names (GetFullPathName) and module file names
 * (GetModuleFileName), with the one mapping of docs/PATHS.md: C:\ is the
 * host's /, no other drive exists, '\' and '/' both separate.
 */
#include "win32_path.h"
#include <stdlib.h>
#include <string.h>

static size_t Win32Len(LPCWSTR s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static BOOL Win32IsSep(WCHAR c)
{
    return c == L'\\' || c == L'/';
}

char *Win32WideToUtf8(LPCWSTR s)
{
    size_t n = Win32Len(s);
    if (n > 0x7FFE / 2)
        return NULL;
    UNICODE_STRING u = {(USHORT)(n * sizeof(WCHAR)), (USHORT)(n * sizeof(WCHAR)), (PWSTR)s};
    ANSI_STRING a = {0, (USHORT)(n * 3 + 1), malloc(n * 3 + 1)};
    if (!a.Buffer)
        return NULL;
    if (!NT_SUCCESS(RtlUnicodeStringToAnsiString(&a, &u, FALSE))) {
        free(a.Buffer);
        return NULL;
    }
    a.Buffer[a.Length] = 0;
    return a.Buffer;
}

DWORD Win32ReturnAnsi(LPCWSTR Wide, LPSTR Buffer, DWORD Size)
{
    char *s = Win32WideToUtf8(Wide);
    if (!s) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    DWORD n = (DWORD)strlen(s);
    if (n + 1 > Size || !Buffer) {
        free(s);
        return n + 1;
    }
    memcpy(Buffer, s, n + 1);
    free(s);
    return n;
}

/* Appends Src (Chars) to Out at *Len, as path components: "." dropped,
 * ".." removes the last component (never the root of Root chars). */
static BOOL Win32AppendComponents(LPCWSTR Src, size_t Chars, LPWSTR Out, size_t *Len, size_t Root, size_t Max)
{
    size_t i = 0;
    while (i < Chars) {
        while (i < Chars && Win32IsSep(Src[i]))
            i++;
        size_t start = i;
        while (i < Chars && !Win32IsSep(Src[i]))
            i++;
        size_t n = i - start;
        if (n == 0)
            break;
        if (n == 1 && Src[start] == L'.')
            continue;
        if (n == 2 && Src[start] == L'.' && Src[start + 1] == L'.') {
            if (*Len > Root) {
                size_t k = *Len;
                while (k > Root && Out[k - 1] != L'\\')
                    k--;
                *Len = k > Root ? k - 1 : Root;
                if (*Len < Root)
                    *Len = Root;
            }
            continue;
        }
        BOOL last = i >= Chars;
        if (last) {
            /* Trailing dots and spaces of the last name go, as on Windows. */
            while (n > 0 && (Src[start + n - 1] == L'.' || Src[start + n - 1] == L' '))
                n--;
            if (n == 0)
                continue;
        }
        if (*Len + 1 + n + 1 > Max)
            return FALSE;
        if (*Len == 0 || Out[*Len - 1] != L'\\')
            Out[(*Len)++] = L'\\';
        memcpy(Out + *Len, Src + start, n * sizeof(WCHAR));
        *Len += n;
    }
    return TRUE;
}

DWORD Win32FullPath(LPCWSTR Name, LPWSTR Out, DWORD OutChars)
{
    WCHAR *buf = malloc(WIN32_PATH_MAX * sizeof(WCHAR));
    if (!buf) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    size_t n = Win32Len(Name), len = 0, root;
    BOOL trailing = n > 0 && Win32IsSep(Name[n - 1]);
    if (n == 0) {
        free(buf);
        SetLastError(ERROR_INVALID_NAME);
        return 0;
    }
    if (n >= 4 && Win32IsSep(Name[0]) && Win32IsSep(Name[1]) && (Name[2] == L'.' || Name[2] == L'?') &&
        Win32IsSep(Name[3])) {
        /* \\.\ and \\?\ names are already full. */
        if (n + 1 > WIN32_PATH_MAX) {
            free(buf);
            SetLastError(ERROR_FILENAME_EXCED_RANGE);
            return 0;
        }
        memcpy(buf, Name, (n + 1) * sizeof(WCHAR));
        len = n;
        goto done;
    }
    if (n >= 2 && Win32IsSep(Name[0]) && Win32IsSep(Name[1])) {
        /* UNC: \\server\share\... */
        buf[0] = buf[1] = L'\\';
        len = 2;
        root = 2;
        if (!Win32AppendComponents(Name + 2, n - 2, buf, &len, root, WIN32_PATH_MAX))
            goto toolong;
        goto finish;
    }
    WCHAR cwd[WIN32_PATH_MAX];
    ULONG got = RtlGetCurrentDirectory_U(sizeof cwd, cwd);
    if (got == 0 || got >= sizeof cwd) {
        free(buf);
        SetLastError(ERROR_PATH_NOT_FOUND);
        return 0;
    }
    size_t cwdLen = got / sizeof(WCHAR);
    if (n >= 2 && Name[1] == L':') {
        buf[0] = Name[0];
        buf[1] = L':';
        len = 2;
        root = 2;
        if (n >= 3 && Win32IsSep(Name[2])) {
            if (!Win32AppendComponents(Name + 2, n - 2, buf, &len, root, WIN32_PATH_MAX))
                goto toolong;
        } else {
            /* Drive-relative: the current directory if it is that drive's. */
            if ((Name[0] | 0x20) == (cwd[0] | 0x20) &&
                !Win32AppendComponents(cwd + 2, cwdLen - 2, buf, &len, root, WIN32_PATH_MAX))
                goto toolong;
            if (!Win32AppendComponents(Name + 2, n - 2, buf, &len, root, WIN32_PATH_MAX))
                goto toolong;
        }
    } else {
        buf[0] = cwd[0];
        buf[1] = L':';
        len = 2;
        root = 2;
        if (!Win32IsSep(Name[0]) && !Win32AppendComponents(cwd + 2, cwdLen - 2, buf, &len, root, WIN32_PATH_MAX))
            goto toolong;
        if (!Win32AppendComponents(Name, n, buf, &len, root, WIN32_PATH_MAX))
            goto toolong;
    }
finish:
    if (len == root || (trailing && buf[len - 1] != L'\\')) {
        if (len + 2 > WIN32_PATH_MAX)
            goto toolong;
        buf[len++] = L'\\';
    }
    buf[len] = 0;
done:
    if (len + 1 > OutChars) {
        free(buf);
        return (DWORD)len + 1;
    }
    memcpy(Out, buf, (len + 1) * sizeof(WCHAR));
    free(buf);
    return (DWORD)len;
toolong:
    free(buf);
    SetLastError(ERROR_FILENAME_EXCED_RANGE);
    return 0;
}

WCHAR *Win32NtPathOfFile(LPCWSTR Name, UNICODE_STRING *NtPath)
{
    WCHAR *full = malloc((WIN32_PATH_MAX + 4) * sizeof(WCHAR));
    if (!full) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    DWORD n = Win32FullPath(Name, full + 4, WIN32_PATH_MAX);
    if (n == 0 || n >= WIN32_PATH_MAX) {
        if (n >= WIN32_PATH_MAX)
            SetLastError(ERROR_FILENAME_EXCED_RANGE);
        free(full);
        return NULL;
    }
    WCHAR *p = full + 4;
    if (p[0] == L'\\' && p[1] == L'\\') {
        /* \\?\C:\x is the NT path \??\C:\x; UNC names have no server here. */
        if (p[2] == L'?' && p[3] == L'\\') {
            memmove(full, p, (n + 1) * sizeof(WCHAR));
            full[1] = L'?';
            NtPath->Buffer = full;
            NtPath->Length = (USHORT)(n * sizeof(WCHAR));
            NtPath->MaximumLength = NtPath->Length + sizeof(WCHAR);
            return full;
        }
        free(full);
        SetLastError(ERROR_BAD_NETPATH);
        return NULL;
    }
    if ((p[0] | 0x20) != L'c') {
        free(full);
        SetLastError(ERROR_PATH_NOT_FOUND);
        return NULL;
    }
    memcpy(full, L"\\??\\", 4 * sizeof(WCHAR));
    NtPath->Buffer = full;
    NtPath->Length = (USHORT)((n + 4) * sizeof(WCHAR));
    NtPath->MaximumLength = NtPath->Length + sizeof(WCHAR);
    return full;
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetFullPathNameW(LPCWSTR lpFileName, DWORD nBufferLength, LPWSTR lpBuffer,
                                             LPWSTR *lpFilePart)
{
    if (!lpFileName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    WCHAR *full = malloc(WIN32_PATH_MAX * sizeof(WCHAR));
    if (!full) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    DWORD n = Win32FullPath(lpFileName, full, WIN32_PATH_MAX);
    if (n == 0 || n >= WIN32_PATH_MAX) {
        free(full);
        return n;
    }
    if (n + 1 > nBufferLength || !lpBuffer) {
        free(full);
        return n + 1;
    }
    memcpy(lpBuffer, full, (n + 1) * sizeof(WCHAR));
    free(full);
    if (lpFilePart) {
        LPWSTR last = NULL;
        for (LPWSTR q = lpBuffer; *q; q++)
            if (*q == L'\\')
                last = q;
        *lpFilePart = last && last[1] ? last + 1 : NULL;
    }
    return n;
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetFullPathNameA(LPCSTR lpFileName, DWORD nBufferLength, LPSTR lpBuffer,
                                             LPSTR *lpFilePart)
{
    if (!lpFileName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    WCHAR *wide = Win32Utf8ToWide(lpFileName);
    WCHAR *full = malloc(WIN32_PATH_MAX * sizeof(WCHAR));
    DWORD result = 0;
    if (!wide || !full) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    } else {
        DWORD n = Win32FullPath(wide, full, WIN32_PATH_MAX);
        if (n > 0 && n < WIN32_PATH_MAX) {
            result = Win32ReturnAnsi(full, lpBuffer, nBufferLength);
            if (result && result < nBufferLength && lpFilePart) {
                char *last = strrchr(lpBuffer, '\\');
                *lpFilePart = last && last[1] ? last + 1 : NULL;
            }
        } else {
            result = n;
        }
    }
    free(wide);
    free(full);
    return result;
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetCurrentDirectoryW(DWORD nBufferLength, LPWSTR lpBuffer)
{
    ULONG bytes = RtlGetCurrentDirectory_U(nBufferLength * sizeof(WCHAR), lpBuffer);
    if (bytes == 0) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return 0;
    }
    return bytes / sizeof(WCHAR);
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetCurrentDirectoryA(DWORD nBufferLength, LPSTR lpBuffer)
{
    WCHAR cwd[WIN32_PATH_MAX];
    ULONG bytes = RtlGetCurrentDirectory_U(sizeof cwd, cwd);
    if (bytes == 0 || bytes >= sizeof cwd) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return 0;
    }
    return Win32ReturnAnsi(cwd, lpBuffer, nBufferLength);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI SetCurrentDirectoryW(LPCWSTR lpPathName)
{
    if (!lpPathName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    WCHAR *full = malloc(WIN32_PATH_MAX * sizeof(WCHAR));
    if (!full) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    DWORD n = Win32FullPath(lpPathName, full, WIN32_PATH_MAX);
    if (n == 0 || n >= WIN32_PATH_MAX) {
        free(full);
        if (n)
            SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return FALSE;
    }
    UNICODE_STRING u = {(USHORT)(n * sizeof(WCHAR)), (USHORT)((n + 1) * sizeof(WCHAR)), full};
    NTSTATUS status = RtlSetCurrentDirectory_U(&u);
    free(full);
    if (status == STATUS_NOT_A_DIRECTORY) {
        SetLastError(ERROR_DIRECTORY);
        return FALSE;
    }
    return NT_SUCCESS(status) ? TRUE : Win32FailWithStatus(status);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI SetCurrentDirectoryA(LPCSTR lpPathName)
{
    if (!lpPathName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    WCHAR *wide = Win32Utf8ToWide(lpPathName);
    if (!wide) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    BOOL ok = SetCurrentDirectoryW(wide);
    free(wide);
    return ok;
}

/* @implemented: the program's path for NULL, else the path of the loaded
 * image (the application, a library, a driver's .sys) at that address.
 * A short buffer gets the truncated name, nSize is returned and the last
 * error is ERROR_INSUFFICIENT_BUFFER (Windows Vista and later). */
DECLSPEC_EXPORT DWORD WINAPI GetModuleFileNameW(HMODULE hModule, LPWSTR lpFilename, DWORD nSize)
{
    WCHAR path[WIN32_PATH_MAX];
    ULONG n = ntk_module_path(hModule, path, WIN32_PATH_MAX);
    if (n == 0 || n >= WIN32_PATH_MAX) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    if (nSize == 0) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (n + 1 > nSize) {
        memcpy(lpFilename, path, (nSize - 1) * sizeof(WCHAR));
        lpFilename[nSize - 1] = 0;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return nSize;
    }
    memcpy(lpFilename, path, (n + 1) * sizeof(WCHAR));
    return n;
}

/* @implemented */
DECLSPEC_EXPORT DWORD WINAPI GetModuleFileNameA(HMODULE hModule, LPSTR lpFilename, DWORD nSize)
{
    WCHAR path[WIN32_PATH_MAX];
    ULONG n = ntk_module_path(hModule, path, WIN32_PATH_MAX);
    if (n == 0 || n >= WIN32_PATH_MAX) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    char *s = Win32WideToUtf8(path);
    if (!s) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    DWORD len = (DWORD)strlen(s);
    if (nSize == 0) {
        free(s);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (len + 1 > nSize) {
        memcpy(lpFilename, s, nSize - 1);
        lpFilename[nSize - 1] = 0;
        free(s);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return nSize;
    }
    memcpy(lpFilename, s, len + 1);
    free(s);
    return len;
}
