/*
 * obdir.c - the object namespace: directory objects, symbolic links, and
 * name lookup with link reparsing and device parse procedures.
 *
 * Root layout made at boot (obinit.c): \Device, \Driver, \?? with the links
 * \DosDevices -> \?? and \GLOBAL?? -> \??. Lookups compare names without
 * regard to case when OBJ_CASE_INSENSITIVE is given (Win32 always gives it).
 */
#include <internal/ob.h>
#include <internal/ntk_alloc.h>

#define OBP_BUCKETS 37
#define OBP_MAX_REPARSE 32

typedef struct obp_directory {
    OBP_LOCK Lock;
    LIST_ENTRY Buckets[OBP_BUCKETS];
} OBP_DIRECTORY;

typedef struct obp_symbolic_link {
    UNICODE_STRING Target;
} OBP_SYMBOLIC_LINK;

static PVOID ObpRootDirectory;

static WCHAR ObpUpcase(WCHAR c)
{
    return (c >= 'a' && c <= 'z') ? (WCHAR)(c - 'a' + 'A') : c;
}

static ULONG ObpHashName(const WCHAR *s, USHORT len)
{
    ULONG h = 0;
    for (USHORT i = 0; i < len; i++)
        h = h * 31 + ObpUpcase(s[i]);
    return h % OBP_BUCKETS;
}

static BOOLEAN ObpNamesEqual(const UNICODE_STRING *a, const WCHAR *b, USHORT blen, BOOLEAN insensitive)
{
    if (a->Length / sizeof(WCHAR) != blen)
        return FALSE;
    for (USHORT i = 0; i < blen; i++) {
        WCHAR x = a->Buffer[i], y = b[i];
        if (insensitive ? ObpUpcase(x) != ObpUpcase(y) : x != y)
            return FALSE;
    }
    return TRUE;
}

static void ObpDeleteDirectory(PVOID Object)
{
    (void)Object;
}

static void ObpDeleteSymbolicLink(PVOID Object)
{
    OBP_SYMBOLIC_LINK *link = Object;
    KipFree(link->Target.Buffer);
}

OBJECT_TYPE ObpDirectoryType = {.Name = "Directory", .PoolTag = 'eriD', .GenericRead = 0x20003,
                                .GenericWrite = 0x2000c, .GenericExecute = 0x20003, .GenericAll = 0xf000f,
                                .Delete = ObpDeleteDirectory};
OBJECT_TYPE ObpSymbolicLinkType = {.Name = "SymbolicLink", .PoolTag = 'bmyS', .GenericRead = 0x20001,
                                   .GenericWrite = 0x20000, .GenericExecute = 0x20001, .GenericAll = 0xf0001,
                                   .Delete = ObpDeleteSymbolicLink};
POBJECT_TYPE ObpDirectoryObjectType = &ObpDirectoryType;
POBJECT_TYPE ObpSymbolicLinkObjectType = &ObpSymbolicLinkType;

static PVOID ObpNewDirectory(void)
{
    PVOID object;
    if (!NT_SUCCESS(ObpCreateObject(&ObpDirectoryType, sizeof(OBP_DIRECTORY), &object)))
        return NULL;
    OBP_DIRECTORY *dir = object;
    for (int i = 0; i < OBP_BUCKETS; i++)
        InitializeListHead(&dir->Buckets[i]);
    return object;
}

/* Looks up one component in a directory; returns a referenced object. */
static PVOID ObpLookupEntry(OBP_DIRECTORY *dir, const WCHAR *name, USHORT len, BOOLEAN insensitive)
{
    PVOID found = NULL;
    ObpAcquireLock(&dir->Lock);
    PLIST_ENTRY head = &dir->Buckets[ObpHashName(name, len)];
    for (PLIST_ENTRY e = head->Flink; e != head; e = e->Flink) {
        POBJECT_HEADER h = CONTAINING_RECORD(e, OBJECT_HEADER, DirectoryEntry);
        if (ObpNamesEqual(&h->Name, name, len, insensitive)) {
            found = OBJECT_HEADER_TO_BODY(h);
            ObfReferenceObject(found);
            break;
        }
    }
    ObpReleaseLock(&dir->Lock);
    return found;
}

/* Splits "\A\B\C" into the parent path "\A\B" and the last component "C". */
static BOOLEAN ObpSplitLast(PCUNICODE_STRING full, UNICODE_STRING *parent, UNICODE_STRING *last)
{
    USHORT n = full->Length / sizeof(WCHAR);
    if (n == 0 || full->Buffer[0] != L'\\')
        return FALSE;
    USHORT i = n;
    while (i > 0 && full->Buffer[i - 1] != L'\\')
        i--;
    if (i == n)
        return FALSE; /* trailing backslash */
    parent->Buffer = full->Buffer;
    parent->Length = parent->MaximumLength = (USHORT)((i - 1) * sizeof(WCHAR));
    last->Buffer = full->Buffer + i;
    last->Length = last->MaximumLength = (USHORT)((n - i) * sizeof(WCHAR));
    return TRUE;
}

static NTSTATUS ObpCopyName(UNICODE_STRING *dst, const WCHAR *src, USHORT bytes)
{
    dst->Buffer = KipAlloc(bytes + sizeof(WCHAR));
    if (!dst->Buffer)
        return STATUS_INSUFFICIENT_RESOURCES;
    memcpy(dst->Buffer, src, bytes);
    dst->Buffer[bytes / sizeof(WCHAR)] = 0;
    dst->Length = bytes;
    dst->MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
    return STATUS_SUCCESS;
}

NTSTATUS ObpInsertObjectName(PVOID Object, PCUNICODE_STRING FullName, ULONG Attributes)
{
    UNICODE_STRING parentName, last;
    if (!FullName || !FullName->Buffer || !ObpSplitLast(FullName, &parentName, &last))
        return STATUS_OBJECT_NAME_INVALID;
    PVOID parent;
    NTSTATUS status;
    if (parentName.Length == 0) {
        parent = ObpRootDirectory;
        ObfReferenceObject(parent);
    } else {
        status = ObpLookupObjectName(&parentName, OBJ_CASE_INSENSITIVE, NULL, NULL, KernelMode, &parent);
        if (!NT_SUCCESS(status))
            return status == STATUS_OBJECT_NAME_NOT_FOUND ? STATUS_OBJECT_PATH_NOT_FOUND : status;
    }
    if (OBJECT_TO_OBJECT_HEADER(parent)->Type != &ObpDirectoryType) {
        ObfDereferenceObject(parent);
        return STATUS_OBJECT_PATH_NOT_FOUND;
    }
    POBJECT_HEADER h = OBJECT_TO_OBJECT_HEADER(Object);
    status = ObpCopyName(&h->Name, last.Buffer, last.Length);
    if (!NT_SUCCESS(status)) {
        ObfDereferenceObject(parent);
        return status;
    }
    OBP_DIRECTORY *dir = parent;
    USHORT len = last.Length / sizeof(WCHAR);
    ObpAcquireLock(&dir->Lock);
    PLIST_ENTRY head = &dir->Buckets[ObpHashName(last.Buffer, len)];
    for (PLIST_ENTRY e = head->Flink; e != head; e = e->Flink) {
        POBJECT_HEADER other = CONTAINING_RECORD(e, OBJECT_HEADER, DirectoryEntry);
        if (ObpNamesEqual(&other->Name, last.Buffer, len, TRUE)) {
            ObpReleaseLock(&dir->Lock);
            ObfDereferenceObject(parent);
            KipFree(h->Name.Buffer);
            h->Name.Buffer = NULL;
            h->Name.Length = h->Name.MaximumLength = 0;
            return STATUS_OBJECT_NAME_COLLISION;
        }
    }
    InsertTailList(head, &h->DirectoryEntry);
    h->Directory = dir;
    if (Attributes & OBJ_PERMANENT)
        h->Flags |= OB_FLAG_PERMANENT;
    ObpReleaseLock(&dir->Lock);
    /* The directory keeps a reference on its entries' parent, and the
     * namespace keeps a reference on the named object until the name goes. */
    ObfReferenceObject(Object);
    return STATUS_SUCCESS;
}

void ObpRemoveObjectName(PVOID Object)
{
    POBJECT_HEADER h = OBJECT_TO_OBJECT_HEADER(Object);
    OBP_DIRECTORY *dir = h->Directory;
    if (!dir)
        return;
    ObpAcquireLock(&dir->Lock);
    BOOLEAN linked = h->Directory != NULL;
    if (linked) {
        RemoveEntryList(&h->DirectoryEntry);
        InitializeListHead(&h->DirectoryEntry);
        h->Directory = NULL;
    }
    ObpReleaseLock(&dir->Lock);
    if (linked) {
        ObfDereferenceObject(dir);
        ObfDereferenceObject(Object);
    }
}

NTSTATUS ObpLookupObjectName(PCUNICODE_STRING Name, ULONG Attributes, POBJECT_TYPE Type, PVOID ParseContext,
                             KPROCESSOR_MODE AccessMode, PVOID *Object)
{
    BOOLEAN insensitive = (Attributes & OBJ_CASE_INSENSITIVE) != 0;
    WCHAR *owned = NULL; /* path rebuilt after a symbolic link */
    const WCHAR *path = Name ? Name->Buffer : NULL;
    USHORT n = Name ? Name->Length / sizeof(WCHAR) : 0;
    NTSTATUS status = STATUS_OBJECT_NAME_NOT_FOUND;
    *Object = NULL;

    if (!path || n == 0 || path[0] != L'\\')
        return STATUS_OBJECT_PATH_SYNTAX_BAD;

    for (int reparse = 0; reparse <= OBP_MAX_REPARSE; reparse++) {
        PVOID current = ObpRootDirectory;
        ObfReferenceObject(current);
        USHORT pos = 1;
        BOOLEAN restarted = FALSE;
        if (n == 1) {
            *Object = current;
            status = STATUS_SUCCESS;
            goto out;
        }
        while (pos <= n) {
            USHORT start = pos;
            while (pos < n && path[pos] != L'\\')
                pos++;
            USHORT len = pos - start;
            BOOLEAN last = pos >= n;
            if (len == 0) {
                ObfDereferenceObject(current);
                status = STATUS_OBJECT_NAME_INVALID;
                goto out;
            }
            PVOID next = ObpLookupEntry(current, path + start, len, insensitive);
            ObfDereferenceObject(current);
            if (!next) {
                status = last ? STATUS_OBJECT_NAME_NOT_FOUND : STATUS_OBJECT_PATH_NOT_FOUND;
                goto out;
            }
            POBJECT_TYPE t = OBJECT_TO_OBJECT_HEADER(next)->Type;
            if (t == &ObpSymbolicLinkType && !(last && (Attributes & OBJ_OPENLINK))) {
                /* Substitute the target for the parsed prefix and start over. */
                OBP_SYMBOLIC_LINK *link = next;
                USHORT tlen = link->Target.Length / sizeof(WCHAR);
                USHORT rest = n - pos;
                WCHAR *buf = KipAlloc(((size_t)tlen + rest + 1) * sizeof(WCHAR));
                if (!buf || (size_t)tlen + rest > UNICODE_STRING_MAX_CHARS) {
                    KipFree(buf);
                    ObfDereferenceObject(next);
                    status = STATUS_INSUFFICIENT_RESOURCES;
                    goto out;
                }
                memcpy(buf, link->Target.Buffer, tlen * sizeof(WCHAR));
                memcpy(buf + tlen, path + pos, rest * sizeof(WCHAR));
                ObfDereferenceObject(next);
                KipFree(owned);
                owned = buf;
                path = buf;
                n = tlen + rest;
                restarted = TRUE;
                break;
            }
            if (t->Parse && (ParseContext || !last)) {
                /* A device: the rest of the path belongs to it. */
                UNICODE_STRING remaining = {(USHORT)((n - pos) * sizeof(WCHAR)),
                                            (USHORT)((n - pos) * sizeof(WCHAR)), (PWCH)(path + pos)};
                PVOID result = NULL;
                status = t->Parse(next, &remaining, ParseContext, AccessMode, Attributes, &result);
                ObfDereferenceObject(next);
                if (NT_SUCCESS(status))
                    *Object = result;
                goto out;
            }
            if (last) {
                *Object = next;
                status = STATUS_SUCCESS;
                goto out;
            }
            if (t != &ObpDirectoryType) {
                ObfDereferenceObject(next);
                status = STATUS_OBJECT_PATH_NOT_FOUND;
                goto out;
            }
            current = next;
            pos++; /* skip the backslash */
        }
        if (!restarted)
            break;
        if (n == 0 || path[0] != L'\\') {
            status = STATUS_OBJECT_PATH_SYNTAX_BAD;
            goto out;
        }
    }
    status = STATUS_OBJECT_NAME_NOT_FOUND; /* too many reparses */
out:
    KipFree(owned);
    if (NT_SUCCESS(status) && Type && !ParseContext && OBJECT_TO_OBJECT_HEADER(*Object)->Type != Type) {
        ObfDereferenceObject(*Object);
        *Object = NULL;
        return STATUS_OBJECT_TYPE_MISMATCH;
    }
    return status;
}

NTSTATUS ObpCreateDirectory(PCUNICODE_STRING Name, PVOID *Directory)
{
    PVOID dir = ObpNewDirectory();
    if (!dir)
        return STATUS_INSUFFICIENT_RESOURCES;
    NTSTATUS status = ObpInsertObjectName(dir, Name, OBJ_PERMANENT);
    if (NT_SUCCESS(status) && Directory) {
        *Directory = dir;
        return status;
    }
    ObfDereferenceObject(dir);
    return status;
}

NTSTATUS ObpCreateSymbolicLink(PCUNICODE_STRING Name, PCUNICODE_STRING Target, ULONG Attributes, PVOID *Link)
{
    PVOID object;
    NTSTATUS status = ObpCreateObject(&ObpSymbolicLinkType, sizeof(OBP_SYMBOLIC_LINK), &object);
    if (!NT_SUCCESS(status))
        return status;
    OBP_SYMBOLIC_LINK *link = object;
    status = ObpCopyName(&link->Target, Target->Buffer, Target->Length);
    if (NT_SUCCESS(status))
        status = ObpInsertObjectName(object, Name, Attributes);
    if (NT_SUCCESS(status) && Link) {
        *Link = object;
        return status;
    }
    ObfDereferenceObject(object);
    return status;
}

PCUNICODE_STRING ObpSymbolicLinkTarget(PVOID Link)
{
    return &((OBP_SYMBOLIC_LINK *)Link)->Target;
}

void ObpEnumerateDirectory(PVOID Directory, void (*fn)(PVOID Object, void *ctx), void *ctx)
{
    OBP_DIRECTORY *dir = Directory;
    ObpAcquireLock(&dir->Lock);
    for (int i = 0; i < OBP_BUCKETS; i++)
        for (PLIST_ENTRY e = dir->Buckets[i].Flink; e != &dir->Buckets[i]; e = e->Flink)
            fn(OBJECT_HEADER_TO_BODY(CONTAINING_RECORD(e, OBJECT_HEADER, DirectoryEntry)), ctx);
    ObpReleaseLock(&dir->Lock);
}

void ObpInitializeNamespace(void)
{
    static const struct {
        const WCHAR *name, *target;
    } links[] = {{L"\\DosDevices", L"\\??"}, {L"\\GLOBAL??", L"\\??"}};
    static const WCHAR *dirs[] = {L"\\Device", L"\\Driver", L"\\??", L"\\ObjectTypes", L"\\KernelObjects", L"\\BaseNamedObjects"};
    ObpRootDirectory = ObpNewDirectory();
    if (!ObpRootDirectory)
        KiBugCheckAt(0x5D /* PHASE0_INITIALIZATION_FAILED */, 0, 0, 0, 0, NULL, "object namespace");
    for (size_t i = 0; i < RTL_NUMBER_OF(dirs); i++) {
        UNICODE_STRING s;
        RtlInitUnicodeString(&s, dirs[i]);
        ObpCreateDirectory(&s, NULL);
    }
    for (size_t i = 0; i < RTL_NUMBER_OF(links); i++) {
        UNICODE_STRING s, t;
        RtlInitUnicodeString(&s, links[i].name);
        RtlInitUnicodeString(&t, links[i].target);
        ObpCreateSymbolicLink(&s, &t, OBJ_PERMANENT, NULL);
    }
}
