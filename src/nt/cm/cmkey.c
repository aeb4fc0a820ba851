/*
 * cmkey.c - registry keys: the in-memory tree of key nodes, the "Key"
 * object type with its parse procedure (\REGISTRY in the namespace), path
 * walking, and start-up of the registry.
 *
 * Names compare without regard to case, always (the registry ignores
 * OBJ_CASE_INSENSITIVE). Subkeys are kept sorted by upcased name, which is
 * the order ZwEnumerateKey reports, as a hive's index does on Windows.
 */
#include <internal/cm.h>
#include <internal/ntk_alloc.h>

OBP_LOCK CmpRegistryLock;
PCM_KEY_NODE CmpRootNode;

static void CmpDeleteKeyBody(PVOID Object);
static NTSTATUS CmpParseKey(PVOID Object, PUNICODE_STRING RemainingName, PVOID ParseContext,
                            KPROCESSOR_MODE AccessMode, ULONG Attributes, PVOID *Result);

static OBJECT_TYPE CmpKeyType = {.Name = "Key", .PoolTag = ' yeK', .GenericRead = KEY_READ,
                                 .GenericWrite = KEY_WRITE, .GenericExecute = KEY_EXECUTE,
                                 .GenericAll = KEY_ALL_ACCESS, .Parse = CmpParseKey, .Delete = CmpDeleteKeyBody};
POBJECT_TYPE CmpKeyObjectType = &CmpKeyType;

LARGE_INTEGER CmpNow(void)
{
    LARGE_INTEGER t;
    t.QuadPart = ntkhost->realtime_ns() / 100 + 116444736000000000LL;
    return t;
}

static LONG CmpCompareNames(const WCHAR *a, USHORT alen, const WCHAR *b, USHORT blen)
{
    USHORT n = alen < blen ? alen : blen;
    for (USHORT i = 0; i < n; i++) {
        WCHAR x = RtlUpcaseUnicodeChar(a[i]), y = RtlUpcaseUnicodeChar(b[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return alen == blen ? 0 : (alen < blen ? -1 : 1);
}

PCM_KEY_NODE CmpFindSubkey(PCM_KEY_NODE Parent, const WCHAR *Name, USHORT Chars)
{
    for (PLIST_ENTRY e = Parent->Subkeys.Flink; e != &Parent->Subkeys; e = e->Flink) {
        PCM_KEY_NODE k = CONTAINING_RECORD(e, CM_KEY_NODE, SiblingEntry);
        LONG c = CmpCompareNames(k->Name.Buffer, k->Name.Length / sizeof(WCHAR), Name, Chars);
        if (c == 0)
            return k;
        if (c > 0)
            break; /* sorted */
    }
    return NULL;
}

static NTSTATUS CmpCopyString(PUNICODE_STRING Dst, const WCHAR *Src, USHORT Bytes)
{
    Dst->Buffer = KipAlloc((size_t)Bytes + sizeof(WCHAR));
    if (!Dst->Buffer)
        return STATUS_INSUFFICIENT_RESOURCES;
    if (Bytes)
        memcpy(Dst->Buffer, Src, Bytes);
    Dst->Buffer[Bytes / sizeof(WCHAR)] = 0;
    Dst->Length = Bytes;
    Dst->MaximumLength = (USHORT)(Bytes + sizeof(WCHAR));
    return STATUS_SUCCESS;
}

static PCM_KEY_NODE CmpNewNode(const WCHAR *Name, USHORT Chars, PCUNICODE_STRING Class)
{
    PCM_KEY_NODE k = KipAllocZero(sizeof *k);
    if (!k)
        return NULL;
    InitializeListHead(&k->Subkeys);
    InitializeListHead(&k->Values);
    InitializeListHead(&k->SiblingEntry);
    k->RefCount = 1;
    k->LastWriteTime = CmpNow();
    if (!NT_SUCCESS(CmpCopyString(&k->Name, Name, (USHORT)(Chars * sizeof(WCHAR)))) ||
        (Class && Class->Length && !NT_SUCCESS(CmpCopyString(&k->Class, Class->Buffer, Class->Length)))) {
        KipFree(k->Name.Buffer);
        KipFree(k);
        return NULL;
    }
    return k;
}

static void CmpLinkNode(PCM_KEY_NODE Parent, PCM_KEY_NODE k)
{
    PLIST_ENTRY e = Parent->Subkeys.Flink;
    for (; e != &Parent->Subkeys; e = e->Flink) {
        PCM_KEY_NODE other = CONTAINING_RECORD(e, CM_KEY_NODE, SiblingEntry);
        if (CmpCompareNames(other->Name.Buffer, other->Name.Length / sizeof(WCHAR), k->Name.Buffer,
                            k->Name.Length / sizeof(WCHAR)) > 0)
            break;
    }
    InsertTailList(e, &k->SiblingEntry); /* before e */
    k->Parent = Parent;
    Parent->SubkeyCount++;
}

static void CmpFreeNode(PCM_KEY_NODE k)
{
    while (!IsListEmpty(&k->Values))
        CmpFreeValue(CONTAINING_RECORD(RemoveHeadList(&k->Values), CM_KEY_VALUE, Entry));
    KipFree(k->Name.Buffer);
    KipFree(k->Class.Buffer);
    KipFree(k);
}

void CmpReferenceNode(PCM_KEY_NODE Node)
{
    __atomic_add_fetch(&Node->RefCount, 1, __ATOMIC_RELAXED);
}

void CmpDereferenceNode(PCM_KEY_NODE Node)
{
    /* The last reference is never the tree's own: a node in the tree is
     * only freed after CmpDeleteNode unlinked it. */
    if (__atomic_sub_fetch(&Node->RefCount, 1, __ATOMIC_ACQ_REL) == 0)
        CmpFreeNode(Node);
}

NTSTATUS CmpCreateSubkey(PCM_KEY_NODE Parent, const WCHAR *Name, USHORT Chars, PCUNICODE_STRING Class,
                         BOOLEAN Volatile, BOOLEAN Persist, PCM_KEY_NODE *Node)
{
    if (Parent->Volatile && !Volatile)
        return STATUS_CHILD_MUST_BE_VOLATILE;
    PCM_KEY_NODE k = CmpNewNode(Name, Chars, Class);
    if (!k)
        return STATUS_INSUFFICIENT_RESOURCES;
    k->Volatile = Volatile;
    k->Parent = Parent; /* for the store's parent id */
    if (Persist && !Volatile) {
        NTSTATUS status = CmpStoreAddKey(k);
        if (!NT_SUCCESS(status)) {
            CmpFreeNode(k);
            return status;
        }
    }
    CmpLinkNode(Parent, k);
    Parent->LastWriteTime = k->LastWriteTime;
    *Node = k;
    return STATUS_SUCCESS;
}

NTSTATUS CmpDeleteNode(PCM_KEY_NODE Node)
{
    if (Node->Deleted)
        return STATUS_KEY_DELETED;
    if (!Node->Parent || Node->Parent == CmpRootNode)
        return STATUS_CANNOT_DELETE; /* \REGISTRY and the hive roots */
    if (Node->SubkeyCount)
        return STATUS_CANNOT_DELETE;
    if (!Node->Volatile) {
        NTSTATUS status = CmpStoreDeleteKey(Node);
        if (!NT_SUCCESS(status))
            return status;
    }
    PCM_KEY_NODE parent = Node->Parent;
    RemoveEntryList(&Node->SiblingEntry);
    InitializeListHead(&Node->SiblingEntry);
    parent->SubkeyCount--;
    parent->LastWriteTime = CmpNow();
    Node->Parent = NULL;
    Node->Deleted = TRUE;
    CmpDereferenceNode(Node); /* the tree's reference; open handles keep it */
    return STATUS_SUCCESS;
}

NTSTATUS CmpParsePath(PCM_KEY_NODE Start, PCUNICODE_STRING Path, PCM_PARSE_CONTEXT Context, PCM_KEY_NODE *Node)
{
    const WCHAR *p = Path ? Path->Buffer : NULL;
    USHORT n = Path && p ? Path->Length / sizeof(WCHAR) : 0;
    USHORT pos = 0;
    PCM_KEY_NODE current = Start;
    if (Start->Deleted)
        return STATUS_KEY_DELETED;
    if (Context)
        Context->Disposition = REG_OPENED_EXISTING_KEY;
    while (pos < n && p[pos] == L'\\')
        pos++; /* the separator after the parsed prefix */
    while (pos < n) {
        USHORT start = pos;
        while (pos < n && p[pos] != L'\\')
            pos++;
        USHORT len = pos - start;
        BOOLEAN last = TRUE;
        for (USHORT i = pos; i < n; i++)
            if (p[i] != L'\\')
                last = FALSE;
        if (pos < n && !last && p[pos + 1] == L'\\')
            return STATUS_OBJECT_NAME_INVALID; /* an empty component */
        if (len > 255)
            return STATUS_OBJECT_NAME_INVALID;
        PCM_KEY_NODE next = CmpFindSubkey(current, p + start, len);
        if (!next) {
            if (!last || !Context || !Context->Create)
                return STATUS_OBJECT_NAME_NOT_FOUND;
            NTSTATUS status = CmpCreateSubkey(current, p + start, len, Context->Class,
                                              (Context->CreateOptions & REG_OPTION_VOLATILE) != 0, TRUE, &next);
            if (!NT_SUCCESS(status))
                return status;
            Context->Disposition = REG_CREATED_NEW_KEY;
        }
        current = next;
        if (last)
            break;
        pos++;
    }
    *Node = current;
    return STATUS_SUCCESS;
}

NTSTATUS CmpCreateKeyBody(PCM_KEY_NODE Node, PVOID *Body)
{
    PVOID object;
    NTSTATUS status = ObpCreateObject(&CmpKeyType, sizeof(CM_KEY_BODY), &object);
    if (!NT_SUCCESS(status))
        return status;
    CmpReferenceNode(Node);
    ((PCM_KEY_BODY)object)->Node = Node;
    *Body = object;
    return STATUS_SUCCESS;
}

static void CmpDeleteKeyBody(PVOID Object)
{
    PCM_KEY_BODY body = Object;
    if (body->Node)
        CmpDereferenceNode(body->Node);
}

/* \REGISTRY's parse procedure: the rest of the name is a key path. A lookup
 * that is not a key open (no CM_PARSE_CONTEXT) only opens existing keys. */
static NTSTATUS CmpParseKey(PVOID Object, PUNICODE_STRING RemainingName, PVOID ParseContext,
                            KPROCESSOR_MODE AccessMode, ULONG Attributes, PVOID *Result)
{
    PCM_PARSE_CONTEXT context = ParseContext;
    if (context && context->Magic != CMP_PARSE_MAGIC)
        return STATUS_OBJECT_TYPE_MISMATCH; /* someone else's open (a file) */
    PCM_KEY_NODE node;
    ObpAcquireLock(&CmpRegistryLock);
    NTSTATUS status = CmpParsePath(((PCM_KEY_BODY)Object)->Node, RemainingName, context, &node);
    if (NT_SUCCESS(status))
        status = CmpCreateKeyBody(node, Result);
    ObpReleaseLock(&CmpRegistryLock);
    return status;
}

NTSTATUS CmpFullKeyName(PCM_KEY_NODE Node, PUNICODE_STRING Name)
{
    size_t bytes = 0;
    for (PCM_KEY_NODE k = Node; k; k = k->Parent)
        bytes += sizeof(WCHAR) + k->Name.Length;
    if (bytes > UNICODE_STRING_MAX_BYTES)
        return STATUS_NAME_TOO_LONG;
    WCHAR *buf = KipAlloc(bytes + sizeof(WCHAR));
    if (!buf)
        return STATUS_INSUFFICIENT_RESOURCES;
    size_t end = bytes / sizeof(WCHAR);
    buf[end] = 0;
    for (PCM_KEY_NODE k = Node; k; k = k->Parent) {
        end -= k->Name.Length / sizeof(WCHAR);
        memcpy(buf + end, k->Name.Buffer, k->Name.Length);
        buf[--end] = L'\\';
    }
    Name->Buffer = buf;
    Name->Length = (USHORT)bytes;
    Name->MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
    return STATUS_SUCCESS;
}

/* Makes Parent\Name exist (at start-up). */
static PCM_KEY_NODE CmpEnsureChild(PCM_KEY_NODE Parent, const WCHAR *Name, BOOLEAN Persist)
{
    if (!Parent)
        return NULL;
    USHORT chars = 0;
    while (Name[chars])
        chars++;
    PCM_KEY_NODE k = CmpFindSubkey(Parent, Name, chars);
    if (!k && !NT_SUCCESS(CmpCreateSubkey(Parent, Name, chars, NULL, FALSE, Persist, &k)))
        return NULL;
    return k;
}

static volatile LONG CmpInitState; /* 0 not started, 1 starting, 2 ready */

void CmpInitialize(void)
{
    if (__atomic_load_n(&CmpInitState, __ATOMIC_ACQUIRE) == 2)
        return;
    LONG expected = 0;
    if (!__atomic_compare_exchange_n(&CmpInitState, &expected, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        while (__atomic_load_n(&CmpInitState, __ATOMIC_ACQUIRE) != 2)
            ntkhost->thread_yield();
        return;
    }
    static const WCHAR root[] = L"REGISTRY";
    CmpRootNode = CmpNewNode(root, 8, NULL);
    if (!CmpRootNode)
        KiBugCheckAt(0x51 /* REGISTRY_ERROR */, 1, 0, 0, 0, NULL, "registry root");
    ObpAcquireLock(&CmpRegistryLock);
    CmpStoreOpen();
    PCM_KEY_NODE machine = CmpEnsureChild(CmpRootNode, L"MACHINE", TRUE);
    CmpEnsureChild(CmpRootNode, L"USER", TRUE);
    PCM_KEY_NODE system = CmpEnsureChild(machine, L"SYSTEM", TRUE);
    PCM_KEY_NODE ccs = CmpEnsureChild(system, L"CurrentControlSet", TRUE);
    CmpEnsureChild(ccs, L"Services", TRUE);
    CmpEnsureChild(ccs, L"Control", TRUE);
    PCM_KEY_NODE software = CmpEnsureChild(machine, L"SOFTWARE", TRUE);
    PCM_KEY_NODE microsoft = CmpEnsureChild(software, L"Microsoft", TRUE);
    CmpEnsureChild(CmpEnsureChild(microsoft, L"Windows NT", TRUE), L"CurrentVersion", TRUE);
    /* HARDWARE is a volatile hive on Windows, rebuilt at every boot: its
     * keys are ordinary (non-volatile) keys that never reach the store
     * (they have no store id, nor will their children). */
    PCM_KEY_NODE hardware = CmpEnsureChild(machine, L"HARDWARE", FALSE);
    CmpEnsureChild(hardware, L"DEVICEMAP", FALSE);
    CmpEnsureChild(hardware, L"DESCRIPTION", FALSE);
    ObpReleaseLock(&CmpRegistryLock);

    PVOID object;
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\REGISTRY");
    if (NT_SUCCESS(CmpCreateKeyBody(CmpRootNode, &object))) {
        if (!NT_SUCCESS(ObpInsertObjectName(object, &name, OBJ_PERMANENT)))
            KiBugCheckAt(0x51 /* REGISTRY_ERROR */, 2, 0, 0, 0, NULL, "\\REGISTRY in the namespace");
        ObfDereferenceObject(object);
    }
    __atomic_store_n(&CmpInitState, 2, __ATOMIC_RELEASE);
}
