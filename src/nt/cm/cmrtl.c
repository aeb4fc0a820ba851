/*
 * cmrtl.c - the run-time library's registry helpers drivers use to read
 * their configuration: RtlQueryRegistryValues(Ex) with its query table,
 * RtlWriteRegistryValue, RtlDeleteRegistryValue, RtlCheckRegistryKey and
 * RtlCreateRegistryKey, on top of the Zw services.
 *
 * RTL_REGISTRY_USER names \Registry\User\.DEFAULT (the one user ntk has;
 * HKEY_CURRENT_USER of the Win32 subset is the same key). REG_EXPAND_SZ
 * values are expanded from the Environment block given, then from the
 * system variables SystemRoot and windir (C:\Windows); an unknown
 * %NAME% stays as it is, as on Windows.
 */
#include <internal/cm.h>
#include <internal/ntk_alloc.h>

static const WCHAR *const RtlpRegistryBase[RTL_REGISTRY_MAXIMUM] = {
    [RTL_REGISTRY_ABSOLUTE] = L"",
    [RTL_REGISTRY_SERVICES] = L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\",
    [RTL_REGISTRY_CONTROL] = L"\\Registry\\Machine\\System\\CurrentControlSet\\Control\\",
    [RTL_REGISTRY_WINDOWS_NT] = L"\\Registry\\Machine\\Software\\Microsoft\\Windows NT\\CurrentVersion\\",
    [RTL_REGISTRY_DEVICEMAP] = L"\\Registry\\Machine\\Hardware\\DeviceMap\\",
    [RTL_REGISTRY_USER] = L"\\Registry\\User\\.DEFAULT\\",
};

static SIZE_T RtlpWcslen(const WCHAR *s)
{
    SIZE_T n = 0;
    while (s && s[n])
        n++;
    return n;
}

/* Opens (or creates the last component of) the key RelativeTo + Path. */
static NTSTATUS RtlpOpenRegistryKey(ULONG RelativeTo, PCWSTR Path, BOOLEAN Create, ACCESS_MASK Access,
                                    PHANDLE Handle, BOOLEAN *Owned)
{
    *Owned = FALSE;
    if (RelativeTo & RTL_REGISTRY_HANDLE) {
        *Handle = (HANDLE)Path;
        return STATUS_SUCCESS;
    }
    ULONG base = RelativeTo & ~RTL_REGISTRY_OPTIONAL;
    if (base >= RTL_REGISTRY_MAXIMUM)
        return STATUS_INVALID_PARAMETER;
    const WCHAR *prefix = RtlpRegistryBase[base];
    SIZE_T plen = RtlpWcslen(prefix), len = RtlpWcslen(Path);
    if (base != RTL_REGISTRY_ABSOLUTE && Path && Path[0] == L'\\')
        return STATUS_OBJECT_PATH_SYNTAX_BAD;
    if (base != RTL_REGISTRY_ABSOLUTE && len == 0)
        plen--; /* the base key itself: no trailing backslash */
    if ((plen + len) * sizeof(WCHAR) > UNICODE_STRING_MAX_BYTES)
        return STATUS_NAME_TOO_LONG;
    WCHAR *full = KipAlloc((plen + len + 1) * sizeof(WCHAR));
    if (!full)
        return STATUS_INSUFFICIENT_RESOURCES;
    memcpy(full, prefix, plen * sizeof(WCHAR));
    memcpy(full + plen, Path, len * sizeof(WCHAR));
    full[plen + len] = 0;
    UNICODE_STRING name = {(USHORT)((plen + len) * sizeof(WCHAR)), (USHORT)((plen + len + 1) * sizeof(WCHAR)), full};
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, NULL);
    NTSTATUS status = Create ? ZwCreateKey(Handle, Access, &oa, 0, NULL, 0, NULL) : ZwOpenKey(Handle, Access, &oa);
    KipFree(full);
    *Owned = NT_SUCCESS(status);
    return status;
}

/* Looks NAME (Chars long) up in an environment block, then the system's. */
static const WCHAR *RtlpLookupVariable(const WCHAR *Name, SIZE_T Chars, const WCHAR *Environment, SIZE_T *Length)
{
    static const WCHAR *const system[] = {L"SystemRoot=C:\\Windows", L"windir=C:\\Windows", NULL};
    for (int pass = 0; pass < 2; pass++) {
        const WCHAR *e = pass == 0 ? Environment : NULL;
        for (int i = 0;; i++) {
            const WCHAR *entry = pass == 0 ? e : system[i];
            if (!entry || !*entry)
                break;
            SIZE_T k = 0;
            while (k < Chars && entry[k] && RtlUpcaseUnicodeChar(entry[k]) == RtlUpcaseUnicodeChar(Name[k]))
                k++;
            if (k == Chars && entry[k] == L'=') {
                *Length = RtlpWcslen(entry + k + 1);
                return entry + k + 1;
            }
            if (pass == 0)
                e += RtlpWcslen(e) + 1;
        }
    }
    return NULL;
}

/* Expands %NAME% in a REG_EXPAND_SZ; a new NUL-terminated buffer. */
static WCHAR *RtlpExpand(const WCHAR *Text, SIZE_T Chars, const WCHAR *Environment, ULONG *Bytes)
{
    SIZE_T cap = Chars + 64, n = 0;
    WCHAR *out = KipAlloc(cap * sizeof(WCHAR));
    for (SIZE_T i = 0; out && i < Chars && Text[i];) {
        const WCHAR *add = Text + i;
        SIZE_T addLen = 1, consumed = 1;
        if (Text[i] == L'%') {
            SIZE_T j = i + 1;
            while (j < Chars && Text[j] && Text[j] != L'%')
                j++;
            SIZE_T vlen;
            const WCHAR *value = j < Chars && Text[j] == L'%' && j > i + 1
                                     ? RtlpLookupVariable(Text + i + 1, j - i - 1, Environment, &vlen)
                                     : NULL;
            if (value) {
                add = value;
                addLen = vlen;
                consumed = j + 1 - i;
            }
        }
        if (n + addLen + 1 > cap) {
            SIZE_T ncap = (n + addLen + 1) * 2;
            WCHAR *grown = KipAlloc(ncap * sizeof(WCHAR));
            if (grown)
                memcpy(grown, out, n * sizeof(WCHAR));
            KipFree(out);
            out = grown;
            cap = ncap;
            if (!out)
                break;
        }
        memcpy(out + n, add, addLen * sizeof(WCHAR));
        n += addLen;
        i += consumed;
    }
    if (!out)
        return NULL;
    out[n] = 0;
    *Bytes = (ULONG)((n + 1) * sizeof(WCHAR));
    return out;
}

/* Stores one value for RTL_QUERY_REGISTRY_DIRECT. */
static NTSTATUS RtlpStoreDirect(PRTL_QUERY_REGISTRY_TABLE Entry, ULONG Type, PVOID Data, ULONG Length)
{
    if (Type == REG_SZ || Type == REG_EXPAND_SZ || Type == REG_MULTI_SZ) {
        PUNICODE_STRING s = Entry->EntryContext;
        ULONG bytes = Length;
        if (Type != REG_MULTI_SZ) {
            /* Length without the terminator; MaximumLength with it. */
            ULONG chars = 0;
            while ((chars + 1) * sizeof(WCHAR) <= Length && ((WCHAR *)Data)[chars])
                chars++;
            bytes = chars * sizeof(WCHAR);
        }
        if (bytes + sizeof(WCHAR) > UNICODE_STRING_MAX_BYTES)
            return STATUS_BUFFER_OVERFLOW;
        if (!s->Buffer) {
            s->Buffer = ExAllocatePoolWithTag(PagedPool, bytes + sizeof(WCHAR), 'vrqR');
            if (!s->Buffer)
                return STATUS_INSUFFICIENT_RESOURCES;
            s->MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
        } else if (bytes > s->MaximumLength) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        memcpy(s->Buffer, Data, bytes);
        if (bytes + sizeof(WCHAR) <= s->MaximumLength)
            s->Buffer[bytes / sizeof(WCHAR)] = 0;
        s->Length = (USHORT)(Type == REG_MULTI_SZ ? bytes : bytes);
        return STATUS_SUCCESS;
    }
    if (Length <= sizeof(ULONG)) {
        memcpy(Entry->EntryContext, Data, Length);
        return STATUS_SUCCESS;
    }
    /* Larger data: the buffer starts with a LONG giving its size. Negative:
     * the data alone; positive: length, type, then the data. */
    LONG size = *(LONG *)Entry->EntryContext;
    if (size < 0) {
        if ((ULONG)-size < Length)
            return STATUS_BUFFER_TOO_SMALL;
        memcpy(Entry->EntryContext, Data, Length);
    } else {
        if ((ULONG)size < Length + 2 * sizeof(ULONG))
            return STATUS_BUFFER_TOO_SMALL;
        PULONG p = Entry->EntryContext;
        p[0] = Length;
        p[1] = Type;
        memcpy(p + 2, Data, Length);
    }
    return STATUS_SUCCESS;
}

/* Hands one value to a table entry: expansion, splitting of REG_MULTI_SZ,
 * the type check, then the routine or the direct store. */
static NTSTATUS RtlpDeliverValue(PRTL_QUERY_REGISTRY_TABLE Entry, PWSTR Name, ULONG Type, PVOID Data, ULONG Length,
                                 PVOID Context, PVOID Environment)
{
    ULONG flags = Entry->Flags;
    if ((flags & RTL_QUERY_REGISTRY_DIRECT) && (flags & RTL_QUERY_REGISTRY_TYPECHECK)) {
        ULONG expected = (flags & RTL_QUERY_REGISTRY_TYPECHECK_MASK) >> RTL_QUERY_REGISTRY_TYPECHECK_SHIFT;
        if (expected != Type)
            return STATUS_OBJECT_TYPE_MISMATCH;
    }
    if (Type == REG_EXPAND_SZ && !(flags & RTL_QUERY_REGISTRY_NOEXPAND)) {
        ULONG bytes;
        WCHAR *expanded = RtlpExpand(Data, Length / sizeof(WCHAR), Environment, &bytes);
        if (!expanded)
            return STATUS_INSUFFICIENT_RESOURCES;
        NTSTATUS status = (flags & RTL_QUERY_REGISTRY_DIRECT)
                              ? RtlpStoreDirect(Entry, REG_SZ, expanded, bytes)
                              : Entry->QueryRoutine(Name, REG_SZ, expanded, bytes, Context, Entry->EntryContext);
        KipFree(expanded);
        return status;
    }
    if (flags & RTL_QUERY_REGISTRY_DIRECT)
        return RtlpStoreDirect(Entry, Type, Data, Length);
    if (Type == REG_MULTI_SZ && !(flags & RTL_QUERY_REGISTRY_NOEXPAND)) {
        /* One call per string (each with its terminator). */
        WCHAR *s = Data;
        ULONG chars = Length / sizeof(WCHAR), i = 0;
        while (i < chars && s[i]) {
            ULONG start = i;
            while (i < chars && s[i])
                i++;
            ULONG bytes = (i - start + (i < chars ? 1 : 0)) * sizeof(WCHAR);
            NTSTATUS status = Entry->QueryRoutine(Name, REG_SZ, s + start, bytes, Context, Entry->EntryContext);
            if (!NT_SUCCESS(status))
                return status;
            i++;
        }
        return STATUS_SUCCESS;
    }
    return Entry->QueryRoutine(Name, Type, Data, Length, Context, Entry->EntryContext);
}

/* The default of an entry whose value is missing (DefaultType != REG_NONE). */
static NTSTATUS RtlpDeliverDefault(PRTL_QUERY_REGISTRY_TABLE Entry, PVOID Context, PVOID Environment)
{
    ULONG length = Entry->DefaultLength;
    if (length == 0 && Entry->DefaultData) {
        const WCHAR *s = Entry->DefaultData;
        if (Entry->DefaultType == REG_SZ || Entry->DefaultType == REG_EXPAND_SZ) {
            length = (ULONG)((RtlpWcslen(s) + 1) * sizeof(WCHAR));
        } else if (Entry->DefaultType == REG_MULTI_SZ) {
            SIZE_T n = 0;
            while (s[n])
                n += RtlpWcslen(s + n) + 1;
            length = (ULONG)((n + 1) * sizeof(WCHAR));
        }
    }
    return RtlpDeliverValue(Entry, Entry->Name, Entry->DefaultType, Entry->DefaultData, length, Context,
                            Environment);
}

/* Reads a value whole into a new buffer (KipFree): partial information. */
static NTSTATUS RtlpReadValue(HANDLE Key, PUNICODE_STRING Name, PKEY_VALUE_PARTIAL_INFORMATION *Info)
{
    ULONG size = 256, needed;
    for (;;) {
        PKEY_VALUE_PARTIAL_INFORMATION info = KipAlloc(size);
        if (!info)
            return STATUS_INSUFFICIENT_RESOURCES;
        NTSTATUS status = ZwQueryValueKey(Key, Name, KeyValuePartialInformation, info, size, &needed);
        if (NT_SUCCESS(status)) {
            *Info = info;
            return status;
        }
        KipFree(info);
        if (status != STATUS_BUFFER_OVERFLOW && status != STATUS_BUFFER_TOO_SMALL)
            return status;
        size = needed;
    }
}

/* Every value of a key for an entry without a name (or a subkey entry). */
static NTSTATUS RtlpEnumerateValues(HANDLE Key, PRTL_QUERY_REGISTRY_TABLE Entry, PVOID Context, PVOID Environment)
{
    ULONG size = 512, needed;
    PKEY_VALUE_FULL_INFORMATION info = KipAlloc(size);
    NTSTATUS status = info ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
    ULONG index = 0;
    while (NT_SUCCESS(status)) {
        status = ZwEnumerateValueKey(Key, index, KeyValueFullInformation, info, size, &needed);
        if (status == STATUS_BUFFER_OVERFLOW || status == STATUS_BUFFER_TOO_SMALL) {
            KipFree(info);
            size = needed + sizeof(WCHAR);
            info = KipAlloc(size);
            status = info ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
            continue;
        }
        if (status == STATUS_NO_MORE_ENTRIES) {
            status = STATUS_SUCCESS;
            if (index == 0 && (Entry->Flags & RTL_QUERY_REGISTRY_NOVALUE))
                status = Entry->QueryRoutine(NULL, REG_NONE, NULL, 0, Context, Entry->EntryContext);
            break;
        }
        if (!NT_SUCCESS(status))
            break;
        /* The routine gets a NUL-terminated name: move it into a copy. */
        WCHAR *name = KipAlloc(info->NameLength + sizeof(WCHAR));
        if (!name) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        memcpy(name, info->Name, info->NameLength);
        name[info->NameLength / sizeof(WCHAR)] = 0;
        status = RtlpDeliverValue(Entry, name, info->Type, (PUCHAR)info + info->DataOffset, info->DataLength,
                                  Context, Environment);
        KipFree(name);
        index++;
    }
    KipFree(info);
    return status;
}

static NTSTATUS RtlpQueryRegistryValues(ULONG RelativeTo, PCWSTR Path, PRTL_QUERY_REGISTRY_TABLE QueryTable,
                                        PVOID Context, PVOID Environment)
{
    BOOLEAN deletes = FALSE, owned;
    for (PRTL_QUERY_REGISTRY_TABLE e = QueryTable; e->QueryRoutine || e->Name; e++)
        if (e->Flags & RTL_QUERY_REGISTRY_DELETE)
            deletes = TRUE;
    HANDLE top;
    NTSTATUS status = RtlpOpenRegistryKey(RelativeTo, Path, FALSE, deletes ? KEY_READ | KEY_SET_VALUE : KEY_READ,
                                          &top, &owned);
    if (!NT_SUCCESS(status))
        return (RelativeTo & RTL_REGISTRY_OPTIONAL) && status == STATUS_OBJECT_NAME_NOT_FOUND ? STATUS_SUCCESS
                                                                                             : status;
    HANDLE current = top, sub = NULL;
    for (PRTL_QUERY_REGISTRY_TABLE e = QueryTable; NT_SUCCESS(status) && (e->QueryRoutine || e->Name); e++) {
        ULONG flags = e->Flags;
        if ((flags & RTL_QUERY_REGISTRY_DIRECT) && !e->Name) {
            status = STATUS_INVALID_PARAMETER;
            break;
        }
        if (flags & (RTL_QUERY_REGISTRY_SUBKEY | RTL_QUERY_REGISTRY_TOPKEY)) {
            if (sub) {
                ZwClose(sub);
                sub = NULL;
            }
            current = top;
            if ((flags & RTL_QUERY_REGISTRY_SUBKEY) && e->Name) {
                UNICODE_STRING name;
                OBJECT_ATTRIBUTES oa;
                RtlInitUnicodeString(&name, e->Name);
                InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, top, NULL);
                status = ZwOpenKey(&sub, deletes ? KEY_READ | KEY_SET_VALUE : KEY_READ, &oa);
                if (!NT_SUCCESS(status)) {
                    sub = NULL;
                    break;
                }
                current = sub;
            }
            if (!e->QueryRoutine)
                continue;
            /* A subkey entry with a routine: every value of the subkey. */
            status = RtlpEnumerateValues(current, e, Context, Environment);
            continue;
        }
        if (!e->Name) {
            status = RtlpEnumerateValues(current, e, Context, Environment);
            continue;
        }
        UNICODE_STRING name;
        RtlInitUnicodeString(&name, e->Name);
        PKEY_VALUE_PARTIAL_INFORMATION info;
        status = RtlpReadValue(current, &name, &info);
        if (status == STATUS_OBJECT_NAME_NOT_FOUND) {
            if (flags & RTL_QUERY_REGISTRY_REQUIRED)
                break;
            status = e->DefaultType != REG_NONE ? RtlpDeliverDefault(e, Context, Environment) : STATUS_SUCCESS;
            continue;
        }
        if (!NT_SUCCESS(status))
            break;
        status = RtlpDeliverValue(e, e->Name, info->Type, info->Data, info->DataLength, Context, Environment);
        KipFree(info);
        if (NT_SUCCESS(status) && (flags & RTL_QUERY_REGISTRY_DELETE))
            status = ZwDeleteValueKey(current, &name);
    }
    if (sub)
        ZwClose(sub);
    if (owned)
        ZwClose(top);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlQueryRegistryValues(ULONG RelativeTo, PCWSTR Path,
                                                     PRTL_QUERY_REGISTRY_TABLE QueryTable, PVOID Context,
                                                     PVOID Environment)
{
    KI_CHECK_IRQL(RtlQueryRegistryValues);
    return RtlpQueryRegistryValues(RelativeTo, Path, QueryTable, Context, Environment);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlQueryRegistryValuesEx(ULONG RelativeTo, PCWSTR Path,
                                                       PRTL_QUERY_REGISTRY_TABLE QueryTable, PVOID Context,
                                                       PVOID Environment)
{
    KI_CHECK_IRQL(RtlQueryRegistryValuesEx);
    return RtlpQueryRegistryValues(RelativeTo, Path, QueryTable, Context, Environment);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlWriteRegistryValue(ULONG RelativeTo, PCWSTR Path, PCWSTR ValueName,
                                                    ULONG ValueType, PVOID ValueData, ULONG ValueLength)
{
    KI_CHECK_IRQL(RtlWriteRegistryValue);
    HANDLE key;
    BOOLEAN owned;
    NTSTATUS status = RtlpOpenRegistryKey(RelativeTo, Path, TRUE, KEY_SET_VALUE, &key, &owned);
    if (!NT_SUCCESS(status))
        return status;
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, ValueName);
    status = ZwSetValueKey(key, &name, 0, ValueType, ValueData, ValueLength);
    if (owned)
        ZwClose(key);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlDeleteRegistryValue(ULONG RelativeTo, PCWSTR Path, PCWSTR ValueName)
{
    KI_CHECK_IRQL(RtlDeleteRegistryValue);
    HANDLE key;
    BOOLEAN owned;
    NTSTATUS status = RtlpOpenRegistryKey(RelativeTo, Path, FALSE, KEY_SET_VALUE, &key, &owned);
    if (!NT_SUCCESS(status))
        return status;
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, ValueName);
    status = ZwDeleteValueKey(key, &name);
    if (owned)
        ZwClose(key);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlCheckRegistryKey(ULONG RelativeTo, PWSTR Path)
{
    KI_CHECK_IRQL(RtlCheckRegistryKey);
    HANDLE key;
    BOOLEAN owned;
    NTSTATUS status = RtlpOpenRegistryKey(RelativeTo, Path, FALSE, KEY_READ, &key, &owned);
    if (NT_SUCCESS(status) && owned)
        ZwClose(key);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI RtlCreateRegistryKey(ULONG RelativeTo, PWSTR Path)
{
    KI_CHECK_IRQL(RtlCreateRegistryKey);
    HANDLE key;
    BOOLEAN owned;
    NTSTATUS status = RtlpOpenRegistryKey(RelativeTo, Path, TRUE, KEY_READ, &key, &owned);
    if (NT_SUCCESS(status) && owned)
        ZwClose(key);
    return status;
}
