/*
 * ob.h - object manager internals: object headers, types, the namespace
 * (directories and symbolic links) and per-process handle tables.
 */
#ifndef NTK_INTERNAL_OB_H
#define NTK_INTERNAL_OB_H

#include <internal/ke.h>

struct obp_directory;

/* Precedes every object body. PointerCount counts references (handles
 * included); HandleCount counts handles. */
typedef struct DECLSPEC_ALIGN(16) _OBJECT_HEADER {
    volatile LONG_PTR PointerCount;
    volatile LONG_PTR HandleCount;
    POBJECT_TYPE Type;
    struct obp_directory *Directory; /* where the name is inserted, or NULL */
    UNICODE_STRING Name;             /* owned buffer; empty if unnamed */
    ULONG Flags;
    ULONG BodySize;
    LIST_ENTRY DirectoryEntry;       /* guarded by Directory's lock */
} OBJECT_HEADER, *POBJECT_HEADER;

#define OB_FLAG_PERMANENT 0x1
#define OB_FLAG_KERNEL_ONLY 0x2

#define OBJECT_TO_OBJECT_HEADER(o) ((POBJECT_HEADER)(o) - 1)
#define OBJECT_HEADER_TO_BODY(h) ((PVOID)((POBJECT_HEADER)(h) + 1))

/* Parse procedure: opening a name that continues past this object (a
 * device). RemainingName is what follows the object's own name (may be
 * empty). Returns the object to hand out (referenced) in *Result. */
typedef NTSTATUS OBP_PARSE_PROCEDURE(PVOID Object, PUNICODE_STRING RemainingName, PVOID ParseContext,
                                     KPROCESSOR_MODE AccessMode, ULONG Attributes, PVOID *Result);
typedef VOID OBP_CLOSE_PROCEDURE(PVOID Object, LONG_PTR RemainingHandles);
typedef VOID OBP_DELETE_PROCEDURE(PVOID Object);

typedef struct _OBJECT_TYPE {
    const char *Name;        /* "Device", "File", ... */
    ULONG PoolTag;
    ACCESS_MASK GenericRead, GenericWrite, GenericExecute, GenericAll;
    OBP_PARSE_PROCEDURE *Parse;
    OBP_CLOSE_PROCEDURE *Close;   /* a handle was closed */
    OBP_DELETE_PROCEDURE *Delete; /* last reference gone */
} OBJECT_TYPE;

extern OBJECT_TYPE ObpDirectoryType, ObpSymbolicLinkType, ObpTypeType;
extern POBJECT_TYPE ObpDirectoryObjectType, ObpSymbolicLinkObjectType;

/* Objects. */
NTSTATUS ObpCreateObject(POBJECT_TYPE Type, ULONG BodySize, PVOID *Object);
NTSTATUS ObpInsertObjectName(PVOID Object, PCUNICODE_STRING FullName, ULONG Attributes);
void ObpRemoveObjectName(PVOID Object);
ACCESS_MASK ObpMapGenericAccess(POBJECT_TYPE Type, ACCESS_MASK Access);

/* Namespace. */
void ObpInitializeNamespace(void);
NTSTATUS ObpLookupObjectName(PCUNICODE_STRING Name, ULONG Attributes, POBJECT_TYPE Type, PVOID ParseContext,
                             KPROCESSOR_MODE AccessMode, PVOID *Object);
NTSTATUS ObpCreateDirectory(PCUNICODE_STRING Name, PVOID *Directory);
NTSTATUS ObpCreateSymbolicLink(PCUNICODE_STRING Name, PCUNICODE_STRING Target, ULONG Attributes, PVOID *Link);
/* Enumerate a directory (tools): calls fn for each entry under the lock. */
void ObpEnumerateDirectory(PVOID Directory, void (*fn)(PVOID Object, void *ctx), void *ctx);
PCUNICODE_STRING ObpSymbolicLinkTarget(PVOID Link);

/* Handles. */
struct obp_handle_table *ObpCreateHandleTable(BOOLEAN KernelTable);
void ObpDestroyHandleTable(struct obp_handle_table *Table);
NTSTATUS ObpCreateHandle(PEPROCESS Process, PVOID Object, ACCESS_MASK GrantedAccess, ULONG Attributes,
                         PHANDLE Handle);
NTSTATUS ObpCloseHandle(HANDLE Handle, KPROCESSOR_MODE PreviousMode);
LONG ObpHandleCount(struct obp_handle_table *Table);
/* Close every handle of a table (process teardown). */
void ObpSweepHandleTable(struct obp_handle_table *Table);

extern PEPROCESS PsInitialSystemProcess;
extern PEPROCESS PspApplicationProcess;

/* Simple lock for object-manager structures (never on the I/O fast path). */
typedef struct { volatile int32_t Word; } OBP_LOCK;
void ObpAcquireLock(OBP_LOCK *Lock);
void ObpReleaseLock(OBP_LOCK *Lock);

#endif
