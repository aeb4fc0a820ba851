/*
 * cm.h - configuration manager (registry) internals: the in-memory key
 * tree, key objects, the persistent store and the service keys.
 *
 * The tree is the registry: every key is a CM_KEY_NODE with its values.
 * A handle refers to a "Key" object whose body (CM_KEY_BODY) points at a
 * node; \Registry is such an object in the namespace and its parse
 * procedure resolves the rest of a path. Non-volatile keys and their
 * values are written through to the store (internal cmstore.c) when one
 * is configured. One lock (CmpRegistryLock) guards the tree and the store;
 * the registry is never on the I/O fast path.
 */
#ifndef NTK_INTERNAL_CM_H
#define NTK_INTERNAL_CM_H

#include <internal/ob.h>

typedef struct _CM_KEY_VALUE {
    LIST_ENTRY Entry; /* in the key's Values, in creation order */
    UNICODE_STRING Name; /* owned; empty for the default value */
    ULONG Type;
    ULONG DataLength;
    PUCHAR Data; /* owned */
} CM_KEY_VALUE, *PCM_KEY_VALUE;

typedef struct _CM_KEY_NODE {
    struct _CM_KEY_NODE *Parent; /* NULL for \Registry and for a deleted key */
    LIST_ENTRY SiblingEntry;     /* in Parent->Subkeys, sorted by upcased name */
    LIST_ENTRY Subkeys;
    LIST_ENTRY Values;
    ULONG SubkeyCount;
    ULONG ValueCount;
    LONG RefCount;               /* 1 for the tree + 1 per key body */
    BOOLEAN Deleted;
    BOOLEAN Volatile;
    LARGE_INTEGER LastWriteTime;
    int64_t StoreId;             /* the store's id; 0 if not (yet) persisted */
    UNICODE_STRING Name;         /* owned */
    UNICODE_STRING Class;        /* owned; may be empty */
} CM_KEY_NODE, *PCM_KEY_NODE;

typedef struct _CM_KEY_BODY {
    PCM_KEY_NODE Node; /* one reference */
} CM_KEY_BODY, *PCM_KEY_BODY;

/* What a key open or create asks of the parse procedure. */
#define CMP_PARSE_MAGIC 0x4b50434dUL /* tags a CM_PARSE_CONTEXT among other parse contexts */
typedef struct _CM_PARSE_CONTEXT {
    ULONG Magic; /* CMP_PARSE_MAGIC */
    BOOLEAN Create;
    ULONG CreateOptions;
    PCUNICODE_STRING Class;
    ULONG Disposition; /* out */
} CM_PARSE_CONTEXT, *PCM_PARSE_CONTEXT;

extern POBJECT_TYPE CmpKeyObjectType;
extern OBP_LOCK CmpRegistryLock;
extern PCM_KEY_NODE CmpRootNode;

/* Start-up: the tree, \Registry in the namespace, the store. Idempotent;
 * every entry point calls it first. */
void CmpInitialize(void);

/* Tree (cmkey.c). Callers hold CmpRegistryLock unless noted. */
PCM_KEY_NODE CmpFindSubkey(PCM_KEY_NODE Parent, const WCHAR *Name, USHORT Chars);
NTSTATUS CmpCreateSubkey(PCM_KEY_NODE Parent, const WCHAR *Name, USHORT Chars, PCUNICODE_STRING Class,
                         BOOLEAN Volatile, BOOLEAN Persist, PCM_KEY_NODE *Node);
NTSTATUS CmpDeleteNode(PCM_KEY_NODE Node);
void CmpReferenceNode(PCM_KEY_NODE Node);
void CmpDereferenceNode(PCM_KEY_NODE Node); /* takes the lock itself if freeing */
/* Walks Path (relative to Start, components separated by backslashes)
 * under the lock, creating the last component if Context->Create. */
NTSTATUS CmpParsePath(PCM_KEY_NODE Start, PCUNICODE_STRING Path, PCM_PARSE_CONTEXT Context, PCM_KEY_NODE *Node);
/* A new key object (referencing Node) for a handle. */
NTSTATUS CmpCreateKeyBody(PCM_KEY_NODE Node, PVOID *Body);
LARGE_INTEGER CmpNow(void);
/* The full name "\REGISTRY\MACHINE\..." into a new buffer (KipFree). */
NTSTATUS CmpFullKeyName(PCM_KEY_NODE Node, PUNICODE_STRING Name);

/* Values (cmvalue.c). Callers hold CmpRegistryLock. */
PCM_KEY_VALUE CmpFindValue(PCM_KEY_NODE Node, PCUNICODE_STRING Name);
PCM_KEY_VALUE CmpValueAt(PCM_KEY_NODE Node, ULONG Index);
NTSTATUS CmpSetValue(PCM_KEY_NODE Node, PCUNICODE_STRING Name, ULONG Type, const void *Data, ULONG DataLength);
NTSTATUS CmpDeleteValue(PCM_KEY_NODE Node, PCUNICODE_STRING Name);
void CmpFreeValue(PCM_KEY_VALUE Value);
/* Fills an information class for a value; the ZwQueryValueKey statuses. */
NTSTATUS CmpQueryValueInformation(PCM_KEY_VALUE Value, KEY_VALUE_INFORMATION_CLASS Class, PVOID Buffer,
                                  ULONG Length, PULONG ResultLength);

/* The store (cmstore.c). Callers hold CmpRegistryLock. Each returns the
 * status to fail the operation with when the store refused the change. */
void CmpStoreOpen(void); /* from NTK_REGISTRY; loads the tree */
BOOLEAN CmpStoreActive(void);
NTSTATUS CmpStoreAddKey(PCM_KEY_NODE Node);
NTSTATUS CmpStoreDeleteKey(PCM_KEY_NODE Node);
NTSTATUS CmpStoreSetValue(PCM_KEY_NODE Node, PCM_KEY_VALUE Value);
NTSTATUS CmpStoreDeleteValue(PCM_KEY_NODE Node, PCUNICODE_STRING StoredName);

/* Services (cmsvc.c): open or create by OBJECT_ATTRIBUTES for a mode. */
NTSTATUS CmpOpenKey(PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                    PCM_PARSE_CONTEXT Context, KPROCESSOR_MODE Mode);

/* The driver loader (io/driver.c): makes
 * \Registry\Machine\System\CurrentControlSet\Services\<ServiceName> exist
 * and gives it each of Type=1 (kernel driver), Start=3 (demand),
 * ErrorControl=1 and ImagePath=ImagePath it does not have yet. */
NTSTATUS CmpEnsureServiceKey(const char *ServiceName, const char *ImagePath);

#endif
