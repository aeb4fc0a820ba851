/*
 * hostpath.c - the mapping between Windows paths and host paths: drive C:
 * is the host's root directory (C:\tmp\x is /tmp/x), no other drive
 * exists, and names are compared as the host compares them (case-sensitive
 * on Linux). Also the process's current directory (RtlGetCurrentDirectory_U,
 * RtlSetCurrentDirectory_U), which is the host's.
 */
#include <internal/io_host.h>
#include <internal/rtl.h>
#include <errno.h>

NTSTATUS IopStatusFromErrno(int Error)
{
    switch (Error) {
    case 0: return STATUS_SUCCESS;
    case ENOENT: return STATUS_OBJECT_NAME_NOT_FOUND;
    case ENOTDIR: return STATUS_OBJECT_PATH_NOT_FOUND;
    case EEXIST: return STATUS_OBJECT_NAME_COLLISION;
    case EACCES:
    case EPERM:
    case EROFS: return STATUS_ACCESS_DENIED;
    case EISDIR: return STATUS_FILE_IS_A_DIRECTORY;
    case ENOTEMPTY: return STATUS_DIRECTORY_NOT_EMPTY;
    case ENAMETOOLONG: return STATUS_OBJECT_NAME_INVALID;
    case ENOSPC: return STATUS_DISK_FULL;
    case ENOMEM: return STATUS_INSUFFICIENT_RESOURCES;
    case EMFILE:
    case ENFILE: return STATUS_TOO_MANY_OPENED_FILES;
    case EBUSY: return STATUS_SHARING_VIOLATION;
    case EFBIG: return STATUS_DISK_FULL;
    case EINVAL: return STATUS_INVALID_PARAMETER;
    default: return STATUS_UNEXPECTED_IO_ERROR;
    }
}

static BOOLEAN IopHasPrefix(const WCHAR *Path, USHORT Chars, const WCHAR *Prefix)
{
    USHORT i = 0;
    for (; Prefix[i]; i++)
        if (i >= Chars || RtlUpcaseUnicodeChar(Path[i]) != RtlUpcaseUnicodeChar(Prefix[i]))
            return FALSE;
    return TRUE;
}

/* A path that does not exist as spelled: each missing component is looked
 * up without regard to case, and taken when exactly one entry matches
 * (Windows' names ignore case; docs/PATHS.md). What is still missing stays
 * as spelled (a file about to be created). */
static void IopResolveCase(char *Path)
{
    struct ntkhost_file_info info;
    if (ntkhost->file_info(-1, Path, &info) == 0 || !ntkhost->dir_find_nocase)
        return;
    char match[256];
    char *component = Path + 1;
    while (*component) {
        char *end = strchr(component, '/');
        char saved = end ? *end : 0;
        if (end)
            *end = 0;
        BOOLEAN exists = ntkhost->file_info(-1, Path, &info) == 0;
        if (!exists && component[0]) {
            char *dir = Path;
            component[-1] = 0; /* the parent, "" for the root */
            int err = ntkhost->dir_find_nocase(dir, component, match, sizeof match);
            component[-1] = '/';
            if (err != 0 || strlen(match) != strlen(component)) {
                if (end)
                    *end = saved;
                return;
            }
            memcpy(component, match, strlen(match));
        }
        if (!end)
            return;
        *end = saved;
        component = end + 1;
    }
}

NTSTATUS IopHostPathFromVolume(const WCHAR *Path, USHORT Chars, char *Out, size_t OutSize)
{
    /* UTF-16 to UTF-8, separators to '/', always absolute. */
    WCHAR stack[IOP_HOST_PATH_MAX / 2];
    if ((size_t)Chars + 1 >= RTL_NUMBER_OF(stack))
        return STATUS_OBJECT_NAME_INVALID;
    USHORT n = 0;
    if (!Chars || (Path[0] != L'\\' && Path[0] != L'/'))
        stack[n++] = L'/';
    for (USHORT i = 0; i < Chars; i++)
        stack[n++] = Path[i] == L'\\' ? L'/' : Path[i];
    UNICODE_STRING u = {(USHORT)(n * sizeof(WCHAR)), (USHORT)(n * sizeof(WCHAR)), stack};
    ANSI_STRING a = {0, (USHORT)(OutSize > 0xFFFF ? 0xFFFF : OutSize), Out};
    NTSTATUS status = RtlpUtf16ToUtf8String(&a, &u);
    if (!NT_SUCCESS(status) || a.Length + 1u > OutSize)
        return STATUS_OBJECT_NAME_INVALID;
    Out[a.Length] = 0;
    for (USHORT i = 0; i < a.Length; i++)
        if (!Out[i])
            return STATUS_OBJECT_NAME_INVALID; /* an embedded NUL */
    IopResolveCase(Out);
    return STATUS_SUCCESS;
}

NTSTATUS IopHostPathFromWindows(const WCHAR *Path, USHORT Chars, char *Out, size_t OutSize)
{
    static const WCHAR *nt_prefixes[] = {L"\\??\\", L"\\DosDevices\\", L"\\GLOBAL??\\"};
    static const WCHAR system_root[] = L"\\Windows";
    WCHAR buffer[IOP_HOST_PATH_MAX / 2];
    for (size_t i = 0; i < RTL_NUMBER_OF(nt_prefixes); i++)
        if (IopHasPrefix(Path, Chars, nt_prefixes[i])) {
            USHORT skip = 0;
            while (nt_prefixes[i][skip])
                skip++;
            Path += skip;
            Chars -= skip;
            goto drive;
        }
    if (IopHasPrefix(Path, Chars, L"\\Device\\HostFs"))
        return IopHostPathFromVolume(Path + 14, Chars - 14, Out, OutSize);
    if (IopHasPrefix(Path, Chars, L"\\SystemRoot\\") || IopHasPrefix(Path, Chars, L"System32\\")) {
        /* \SystemRoot is C:\Windows; an ImagePath without a root is relative to it. */
        USHORT skip = Path[0] == L'\\' ? 11 : 0;
        USHORT rest = Chars - skip;
        if ((size_t)8 + 1 + rest >= RTL_NUMBER_OF(buffer))
            return STATUS_OBJECT_NAME_INVALID;
        memcpy(buffer, system_root, 8 * sizeof(WCHAR));
        USHORT n = 8;
        if (Path[skip] != L'\\')
            buffer[n++] = L'\\';
        memcpy(buffer + n, Path + skip, rest * sizeof(WCHAR));
        return IopHostPathFromVolume(buffer, n + rest, Out, OutSize);
    }
    if (Chars >= 1 && Path[0] == L'/') {
        /* "/x/y.sys": rooted on the current drive, C: (what `ntk run
         * --driver` records as a service's ImagePath). */
        return IopHostPathFromVolume(Path, Chars, Out, OutSize);
    }
drive:
    if (Chars >= 2 && Path[1] == L':') {
        if (RtlUpcaseUnicodeChar(Path[0]) != L'C')
            return STATUS_OBJECT_PATH_NOT_FOUND;
        if (Chars > 2 && Path[2] != L'\\' && Path[2] != L'/')
            return STATUS_OBJECT_PATH_SYNTAX_BAD; /* drive-relative: C:x */
        return IopHostPathFromVolume(Path + 2, Chars - 2, Out, OutSize);
    }
    return STATUS_OBJECT_PATH_SYNTAX_BAD;
}

/* @implemented: the current directory as a Win32 path ("C:\tmp", "C:\");
 * returns its length in bytes without the NUL, or the size needed with the
 * NUL when Length (bytes) is too small, or 0 on failure. */
DECLSPEC_EXPORT ULONG NTAPI RtlGetCurrentDirectory_U(ULONG Length, PWSTR Buffer)
{
    char host[IOP_HOST_PATH_MAX];
    if (ntkhost->cwd_get(host, sizeof host) != 0 || host[0] != '/')
        return 0;
    WCHAR wide[IOP_HOST_PATH_MAX];
    ANSI_STRING a = {(USHORT)strlen(host), (USHORT)(strlen(host) + 1), host};
    UNICODE_STRING u = {0, sizeof wide - 3 * sizeof(WCHAR), wide + 2};
    if (!NT_SUCCESS(RtlpUtf8ToUtf16String(&u, &a)))
        return 0;
    ULONG chars = 2 + u.Length / sizeof(WCHAR);
    wide[0] = L'C';
    wide[1] = L':';
    for (ULONG i = 2; i < chars; i++)
        if (wide[i] == L'/')
            wide[i] = L'\\';
    if ((chars + 1) * sizeof(WCHAR) > Length)
        return (chars + 1) * sizeof(WCHAR);
    memcpy(Buffer, wide, chars * sizeof(WCHAR));
    Buffer[chars] = 0;
    return chars * sizeof(WCHAR);
}

/* @implemented: Path is a full Win32 path (kernel32 resolves relative
 * ones first); it must name an existing directory on C:. */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlSetCurrentDirectory_U(PUNICODE_STRING Path)
{
    char host[IOP_HOST_PATH_MAX];
    if (!Path || !Path->Buffer)
        return STATUS_INVALID_PARAMETER;
    NTSTATUS status = IopHostPathFromWindows(Path->Buffer, Path->Length / sizeof(WCHAR), host, sizeof host);
    if (status == STATUS_OBJECT_PATH_SYNTAX_BAD)
        return STATUS_OBJECT_PATH_NOT_FOUND;
    if (!NT_SUCCESS(status))
        return status;
    struct ntkhost_file_info info;
    int err = ntkhost->file_info(-1, host, &info);
    if (err == ENOENT) {
        /* Only the last name missing: not found; a folder on the way: path. */
        char *slash = strrchr(host, '/');
        if (slash && slash != host) {
            *slash = 0;
            BOOLEAN parent = ntkhost->file_info(-1, host, &info) == 0 && info.is_directory;
            return parent ? STATUS_OBJECT_NAME_NOT_FOUND : STATUS_OBJECT_PATH_NOT_FOUND;
        }
        return STATUS_OBJECT_NAME_NOT_FOUND;
    }
    if (err)
        return IopStatusFromErrno(err);
    if (!info.is_directory)
        return STATUS_NOT_A_DIRECTORY;
    return IopStatusFromErrno(ntkhost->cwd_set(host));
}

/* @implemented: the Win32 path (C:\...) of the program (Module NULL) or
 * of the loaded object containing Module; its length in characters, or 0.
 * ntk's own interface for GetModuleFileName. */
DECLSPEC_EXPORT ULONG NTAPI ntk_module_path(const void *Module, PWSTR Buffer, ULONG Chars)
{
    char host[IOP_HOST_PATH_MAX];
    if (!Module) {
        if (ntkhost->program_path(host, sizeof host) != 0)
            return 0;
    } else {
        const char *object = ntkhost->object_of_address(Module);
        if (!object || !object[0]) {
            /* "" is the main program. */
            if (!object || ntkhost->program_path(host, sizeof host) != 0)
                return 0;
        } else if (strlen(object) >= sizeof host) {
            return 0;
        } else {
            strcpy(host, object);
        }
    }
    if (host[0] != '/' || Chars < 4)
        return 0;
    ANSI_STRING a = {(USHORT)strlen(host), (USHORT)(strlen(host) + 1), host};
    UNICODE_STRING u = {0, (USHORT)((Chars - 3) * sizeof(WCHAR) > 0xFFFE ? 0xFFFE : (Chars - 3) * sizeof(WCHAR)),
                        Buffer + 2};
    if (!NT_SUCCESS(RtlpUtf8ToUtf16String(&u, &a)))
        return 0;
    ULONG n = 2 + u.Length / sizeof(WCHAR);
    Buffer[0] = L'C';
    Buffer[1] = L':';
    for (ULONG i = 2; i < n; i++)
        if (Buffer[i] == L'/')
            Buffer[i] = L'\\';
    Buffer[n] = 0;
    return n;
}
