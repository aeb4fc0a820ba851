/*
 * cmstore.c - the registry's persistence: with NTK_REGISTRY=FILE the tree
 * is loaded from that store at start-up and every change to a
 * non-volatile key or value is written through (one committed transaction
 * each, by the host's store) before the call that made it returns.
 * Without it (or with a host table that has no store) the registry lives
 * in memory only. Volatile keys never reach the store.
 */
#include <internal/cm.h>
#include <internal/ntk_alloc.h>
#include <internal/rtl_format.h>
#include <stdio.h>

#define CMP_LOAD_NOMEM 12 /* ENOMEM: stops the load */

static struct ntkhost_regstore *CmpStore;

BOOLEAN CmpStoreActive(void)
{
    return CmpStore != NULL;
}

static void CmpStoreReport(const char *what, int err)
{
    char line[256];
    snprintf(line, sizeof line, "ntk: registry store: %s failed (error %d)\n", what, err);
    ntkhost->write_err(line, strlen(line));
}

/* UTF-16 name -> NUL-terminated UTF-8 in a new buffer. */
static char *CmpUtf8(PCUNICODE_STRING Name)
{
    SIZE_T chars = Name ? Name->Length / sizeof(WCHAR) : 0;
    SIZE_T n = chars ? RtlpUtf16ToUtf8(NULL, 0, Name->Buffer, chars) : 0;
    char *s = KipAlloc(n + 1);
    if (!s)
        return NULL;
    if (n)
        RtlpUtf16ToUtf8(s, n, Name->Buffer, chars);
    s[n] = 0;
    return s;
}

static NTSTATUS CmpUtf16(const char *Utf8, UNICODE_STRING *Name)
{
    SIZE_T len = strlen(Utf8);
    SIZE_T n = RtlpUtf8ToUtf16(NULL, 0, Utf8, len);
    if (n > UNICODE_STRING_MAX_CHARS - 1)
        return STATUS_NAME_TOO_LONG;
    Name->Buffer = KipAlloc((n + 1) * sizeof(WCHAR));
    if (!Name->Buffer)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlpUtf8ToUtf16(Name->Buffer, n, Utf8, len);
    Name->Buffer[n] = 0;
    Name->Length = (USHORT)(n * sizeof(WCHAR));
    Name->MaximumLength = (USHORT)((n + 1) * sizeof(WCHAR));
    return STATUS_SUCCESS;
}

/* Loading: ids to nodes (ids ascend, so the table stays sorted). */
typedef struct {
    int64_t Id;
    PCM_KEY_NODE Node;
} CMP_LOAD_ENTRY;

typedef struct {
    CMP_LOAD_ENTRY *Entries;
    size_t Count, Capacity;
} CMP_LOAD;

static PCM_KEY_NODE CmpLoadFind(CMP_LOAD *load, int64_t id)
{
    if (id == 0)
        return CmpRootNode;
    size_t lo = 0, hi = load->Count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (load->Entries[mid].Id == id)
            return load->Entries[mid].Node;
        if (load->Entries[mid].Id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int CmpLoadKey(void *ctx, int64_t id, int64_t parent, const char *name, const void *cls, size_t cls_size,
                      int64_t last_write)
{
    CMP_LOAD *load = ctx;
    PCM_KEY_NODE p = CmpLoadFind(load, parent);
    UNICODE_STRING uname, uclass = {0};
    if (!p || !name || !NT_SUCCESS(CmpUtf16(name, &uname)))
        return 0; /* an orphan row: skipped */
    if (cls_size && cls_size <= UNICODE_STRING_MAX_BYTES) {
        uclass.Buffer = (PWCH)cls;
        uclass.Length = uclass.MaximumLength = (USHORT)(cls_size & ~(size_t)1);
    }
    PCM_KEY_NODE k = CmpFindSubkey(p, uname.Buffer, uname.Length / sizeof(WCHAR));
    if (!k && !NT_SUCCESS(CmpCreateSubkey(p, uname.Buffer, uname.Length / sizeof(WCHAR), &uclass, FALSE, FALSE,
                                          &k))) {
        KipFree(uname.Buffer);
        return CMP_LOAD_NOMEM;
    }
    KipFree(uname.Buffer);
    k->StoreId = id;
    k->LastWriteTime.QuadPart = last_write;
    if (load->Count == load->Capacity) {
        size_t cap = load->Capacity ? load->Capacity * 2 : 256;
        CMP_LOAD_ENTRY *e = KipAlloc(cap * sizeof *e);
        if (!e)
            return CMP_LOAD_NOMEM;
        if (load->Count)
            memcpy(e, load->Entries, load->Count * sizeof *e);
        KipFree(load->Entries);
        load->Entries = e;
        load->Capacity = cap;
    }
    load->Entries[load->Count].Id = id;
    load->Entries[load->Count].Node = k;
    load->Count++;
    return 0;
}

static int CmpLoadValue(void *ctx, int64_t key, const char *name, uint32_t type, const void *data, size_t size)
{
    CMP_LOAD *load = ctx;
    PCM_KEY_NODE k = CmpLoadFind(load, key);
    UNICODE_STRING uname;
    if (!k || k == CmpRootNode || !name || size > 0xFFFFFFFFu || !NT_SUCCESS(CmpUtf16(name, &uname)))
        return 0;
    LARGE_INTEGER saved = k->LastWriteTime;
    /* Volatile while loading: the value is already in the store. */
    BOOLEAN wasVolatile = k->Volatile;
    k->Volatile = TRUE;
    NTSTATUS status = CmpSetValue(k, &uname, type, data, (ULONG)size);
    k->Volatile = wasVolatile;
    k->LastWriteTime = saved;
    KipFree(uname.Buffer);
    return NT_SUCCESS(status) ? 0 : CMP_LOAD_NOMEM;
}

void CmpStoreOpen(void)
{
    const char *path = ntkhost->getenv ? ntkhost->getenv("NTK_REGISTRY") : NULL;
    if (!path || !*path)
        return;
    if (!ntkhost->reg_open || !ntkhost->reg_load || !ntkhost->reg_add_key || !ntkhost->reg_set_value ||
        !ntkhost->reg_delete_key || !ntkhost->reg_delete_value) {
        CmpStoreReport("this host has no registry store; NTK_REGISTRY", 0);
        return;
    }
    int err = ntkhost->reg_open(path, &CmpStore);
    if (err) {
        char line[512];
        snprintf(line, sizeof line, "ntk: cannot open the registry store %s (error %d); the registry is in memory\n",
                 path, err);
        ntkhost->write_err(line, strlen(line));
        CmpStore = NULL;
        return;
    }
    CMP_LOAD load = {0};
    err = ntkhost->reg_load(CmpStore, CmpLoadKey, CmpLoadValue, &load);
    KipFree(load.Entries);
    if (err)
        CmpStoreReport("loading", err);
}

NTSTATUS CmpStoreAddKey(PCM_KEY_NODE Node)
{
    if (!CmpStore || Node->Volatile)
        return STATUS_SUCCESS;
    PCM_KEY_NODE parent = Node->Parent;
    int64_t parentId = parent == CmpRootNode ? 0 : parent->StoreId;
    if (parent != CmpRootNode && parentId == 0)
        return STATUS_SUCCESS; /* under a key that is not persisted */
    char *name = CmpUtf8(&Node->Name);
    if (!name)
        return STATUS_INSUFFICIENT_RESOURCES;
    int err = ntkhost->reg_add_key(CmpStore, parentId, name, Node->Class.Buffer, Node->Class.Length,
                                   Node->LastWriteTime.QuadPart, &Node->StoreId);
    KipFree(name);
    if (err) {
        CmpStoreReport("adding a key", err);
        return STATUS_REGISTRY_IO_FAILED;
    }
    return STATUS_SUCCESS;
}

NTSTATUS CmpStoreDeleteKey(PCM_KEY_NODE Node)
{
    if (!CmpStore || !Node->StoreId)
        return STATUS_SUCCESS;
    int err = ntkhost->reg_delete_key(CmpStore, Node->StoreId);
    if (err) {
        CmpStoreReport("deleting a key", err);
        return STATUS_REGISTRY_IO_FAILED;
    }
    Node->StoreId = 0;
    return STATUS_SUCCESS;
}

NTSTATUS CmpStoreSetValue(PCM_KEY_NODE Node, PCM_KEY_VALUE Value)
{
    if (!CmpStore || !Node->StoreId)
        return STATUS_SUCCESS;
    char *name = CmpUtf8(&Value->Name);
    if (!name)
        return STATUS_INSUFFICIENT_RESOURCES;
    int err = ntkhost->reg_set_value(CmpStore, Node->StoreId, name, Value->Type, Value->Data, Value->DataLength,
                                     CmpNow().QuadPart);
    KipFree(name);
    if (err) {
        CmpStoreReport("writing a value", err);
        return STATUS_REGISTRY_IO_FAILED;
    }
    return STATUS_SUCCESS;
}

NTSTATUS CmpStoreDeleteValue(PCM_KEY_NODE Node, PCUNICODE_STRING StoredName)
{
    if (!CmpStore || !Node->StoreId)
        return STATUS_SUCCESS;
    char *name = CmpUtf8(StoredName);
    if (!name)
        return STATUS_INSUFFICIENT_RESOURCES;
    int err = ntkhost->reg_delete_value(CmpStore, Node->StoreId, name, CmpNow().QuadPart);
    KipFree(name);
    if (err) {
        CmpStoreReport("deleting a value", err);
        return STATUS_REGISTRY_IO_FAILED;
    }
    return STATUS_SUCCESS;
}
