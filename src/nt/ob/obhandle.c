/*
 * obhandle.c - per-process handle tables and the routines that turn a
 * handle into a referenced object.
 *
 * A table is two levels: a fixed directory of pages, each page a fixed array
 * of entries, so an entry never moves and lookups need no table lock. Each
 * entry's object pointer carries a lock bit (bit 0) held only for the few
 * instructions that take a reference or clear the entry, so a close racing a
 * lookup never hands out a freed object. Handle values are (index + 1) * 4,
 * as on Windows; kernel handles (the System process's table) have the top
 * bits set.
 */
#include <internal/ob.h>
#include <internal/ntk_alloc.h>

#define OBP_ENTRIES_PER_PAGE 512
#define OBP_MAX_PAGES 2048
#define OBP_KERNEL_HANDLE_BIT ((ULONG_PTR)0xFFFFFFFF80000000ULL)
#define OBP_ENTRY_LOCK ((ULONG_PTR)1)

/* One cache line per entry: every reference writes the entry's lock bit,
 * and handles used by different threads must not share a line. */
typedef struct DECLSPEC_ALIGN(64) obp_handle_entry {
    volatile ULONG_PTR Object; /* body pointer | lock bit; 0 when free */
    ACCESS_MASK GrantedAccess;
    ULONG Attributes;
} OBP_HANDLE_ENTRY;

struct obp_handle_table {
    OBP_HANDLE_ENTRY *volatile Pages[OBP_MAX_PAGES];
    OBP_LOCK Lock;       /* guards allocation: FreeList, NextIndex, Pages growth */
    ULONG NextIndex;     /* first never-used index */
    LONG *FreeList;      /* stack of freed indices */
    ULONG FreeCount, FreeCapacity;
    volatile LONG Count; /* open handles */
    BOOLEAN Kernel;
};

struct obp_handle_table *ObpCreateHandleTable(BOOLEAN KernelTable)
{
    struct obp_handle_table *t = KipAllocZero(sizeof *t);
    if (t)
        t->Kernel = KernelTable;
    return t;
}

void ObpDestroyHandleTable(struct obp_handle_table *Table)
{
    if (!Table)
        return;
    for (ULONG i = 0; i < OBP_MAX_PAGES; i++)
        KipFree(Table->Pages[i]);
    KipFree(Table->FreeList);
    KipFree(Table);
}

LONG ObpHandleCount(struct obp_handle_table *Table)
{
    return Table->Count;
}

static OBP_HANDLE_ENTRY *ObpEntry(struct obp_handle_table *t, ULONG index)
{
    ULONG page = index / OBP_ENTRIES_PER_PAGE;
    if (page >= OBP_MAX_PAGES)
        return NULL;
    OBP_HANDLE_ENTRY *p = __atomic_load_n(&t->Pages[page], __ATOMIC_ACQUIRE);
    return p ? &p[index % OBP_ENTRIES_PER_PAGE] : NULL;
}

/* Locks an in-use entry; returns its object pointer, or 0 if free. */
static ULONG_PTR ObpLockEntry(OBP_HANDLE_ENTRY *e)
{
    for (;;) {
        ULONG_PTR v = __atomic_load_n(&e->Object, __ATOMIC_ACQUIRE);
        if (v == 0)
            return 0;
        if (v & OBP_ENTRY_LOCK) {
            ntkhost->thread_yield();
            continue;
        }
        if (__atomic_compare_exchange_n(&e->Object, &v, v | OBP_ENTRY_LOCK, 0, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            return v;
    }
}

static struct obp_handle_table *ObpTableForHandle(HANDLE Handle, KPROCESSOR_MODE Mode, ULONG *index)
{
    ULONG_PTR v = (ULONG_PTR)Handle;
    struct obp_handle_table *t;
    if ((v & OBP_KERNEL_HANDLE_BIT) == OBP_KERNEL_HANDLE_BIT) {
        if (Mode != KernelMode)
            return NULL;
        t = PsInitialSystemProcess->ObjectTable;
        v &= ~OBP_KERNEL_HANDLE_BIT;
    } else {
        PEPROCESS p = KiThread()->Process;
        t = p ? p->ObjectTable : NULL;
    }
    if (v == 0 || (v & 3) || !t)
        return NULL;
    *index = (ULONG)(v / 4 - 1);
    return t;
}

NTSTATUS ObpCreateHandle(PEPROCESS Process, PVOID Object, ACCESS_MASK GrantedAccess, ULONG Attributes,
                         PHANDLE Handle)
{
    struct obp_handle_table *t = Process->ObjectTable;
    ULONG index;
    ObpAcquireLock(&t->Lock);
    if (t->FreeCount > 0) {
        index = (ULONG)t->FreeList[--t->FreeCount];
    } else {
        index = t->NextIndex;
        ULONG page = index / OBP_ENTRIES_PER_PAGE;
        if (page >= OBP_MAX_PAGES) {
            ObpReleaseLock(&t->Lock);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        if (!t->Pages[page]) {
            OBP_HANDLE_ENTRY *p = ntkhost->mem_alloc(sizeof(OBP_HANDLE_ENTRY) * OBP_ENTRIES_PER_PAGE, 64);
            if (p)
                memset(p, 0, sizeof(OBP_HANDLE_ENTRY) * OBP_ENTRIES_PER_PAGE);
            if (!p) {
                ObpReleaseLock(&t->Lock);
                return STATUS_INSUFFICIENT_RESOURCES;
            }
            __atomic_store_n(&t->Pages[page], p, __ATOMIC_RELEASE);
        }
        t->NextIndex++;
    }
    ObpReleaseLock(&t->Lock);

    POBJECT_HEADER h = OBJECT_TO_OBJECT_HEADER(Object);
    __atomic_add_fetch(&h->HandleCount, 1, __ATOMIC_RELAXED);
    ObfReferenceObject(Object);
    OBP_HANDLE_ENTRY *e = ObpEntry(t, index);
    e->GrantedAccess = GrantedAccess;
    e->Attributes = Attributes;
    __atomic_store_n(&e->Object, (ULONG_PTR)Object, __ATOMIC_RELEASE);
    __atomic_add_fetch(&t->Count, 1, __ATOMIC_RELAXED);
    ULONG_PTR value = ((ULONG_PTR)index + 1) * 4;
    *Handle = (HANDLE)(t->Kernel ? (value | OBP_KERNEL_HANDLE_BIT) : value);
    return STATUS_SUCCESS;
}

static NTSTATUS ObpReferenceHandle(HANDLE Handle, KPROCESSOR_MODE Mode, PVOID *Object, ACCESS_MASK *Granted)
{
    ULONG index;
    struct obp_handle_table *t = ObpTableForHandle(Handle, Mode, &index);
    OBP_HANDLE_ENTRY *e = t ? ObpEntry(t, index) : NULL;
    ULONG_PTR v = e ? ObpLockEntry(e) : 0;
    if (!v)
        return STATUS_INVALID_HANDLE;
    *Granted = e->GrantedAccess;
    ObfReferenceObject((PVOID)v);
    __atomic_store_n(&e->Object, v, __ATOMIC_RELEASE);
    *Object = (PVOID)v;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ObReferenceObjectByHandle(HANDLE Handle, ACCESS_MASK DesiredAccess,
                                                        POBJECT_TYPE ObjectType, KPROCESSOR_MODE AccessMode,
                                                        PVOID *Object, POBJECT_HANDLE_INFORMATION HandleInformation)
{
    KI_CHECK_IRQL(ObReferenceObjectByHandle);
    PKTHREAD thread = KiThread();
    PVOID object;
    ACCESS_MASK granted;
    *Object = NULL;
    if (Handle == (HANDLE)(LONG_PTR)-1 || Handle == (HANDLE)(LONG_PTR)-2) {
        object = Handle == (HANDLE)(LONG_PTR)-1 ? (PVOID)thread->Process : (PVOID)thread;
        if (ObjectType && OBJECT_TO_OBJECT_HEADER(object)->Type != ObjectType)
            return STATUS_OBJECT_TYPE_MISMATCH;
        ObfReferenceObject(object);
        *Object = object;
        if (HandleInformation) {
            HandleInformation->GrantedAccess = 0x1FFFFF;
            HandleInformation->HandleAttributes = 0;
        }
        return STATUS_SUCCESS;
    }
    NTSTATUS status = ObpReferenceHandle(Handle, AccessMode, &object, &granted);
    if (!NT_SUCCESS(status))
        return status;
    POBJECT_TYPE type = OBJECT_TO_OBJECT_HEADER(object)->Type;
    if (ObjectType && type != ObjectType) {
        ObfDereferenceObject(object);
        return STATUS_OBJECT_TYPE_MISMATCH;
    }
    if (AccessMode != KernelMode) {
        ACCESS_MASK wanted = ObpMapGenericAccess(type, DesiredAccess);
        if ((granted & wanted) != wanted) {
            ObfDereferenceObject(object);
            return STATUS_ACCESS_DENIED;
        }
    }
    if (HandleInformation) {
        HandleInformation->GrantedAccess = granted;
        HandleInformation->HandleAttributes = 0;
    }
    *Object = object;
    return STATUS_SUCCESS;
}

NTSTATUS ObpCloseHandle(HANDLE Handle, KPROCESSOR_MODE PreviousMode)
{
    ULONG index;
    struct obp_handle_table *t = ObpTableForHandle(Handle, PreviousMode, &index);
    OBP_HANDLE_ENTRY *e = t ? ObpEntry(t, index) : NULL;
    ULONG_PTR v = e ? ObpLockEntry(e) : 0;
    if (!v)
        return STATUS_INVALID_HANDLE;
    __atomic_store_n(&e->Object, 0, __ATOMIC_RELEASE);
    __atomic_sub_fetch(&t->Count, 1, __ATOMIC_RELAXED);
    ObpAcquireLock(&t->Lock);
    if (t->FreeCount == t->FreeCapacity) {
        ULONG cap = t->FreeCapacity ? t->FreeCapacity * 2 : 64;
        LONG *list = KipAlloc(cap * sizeof(LONG));
        if (list) {
            if (t->FreeList)
                memcpy(list, t->FreeList, t->FreeCount * sizeof(LONG));
            KipFree(t->FreeList);
            t->FreeList = list;
            t->FreeCapacity = cap;
        }
    }
    if (t->FreeCount < t->FreeCapacity)
        t->FreeList[t->FreeCount++] = (LONG)index;
    ObpReleaseLock(&t->Lock);

    PVOID object = (PVOID)v;
    POBJECT_HEADER h = OBJECT_TO_OBJECT_HEADER(object);
    LONG_PTR remaining = __atomic_sub_fetch(&h->HandleCount, 1, __ATOMIC_ACQ_REL);
    if (h->Type->Close)
        h->Type->Close(object, remaining);
    if (remaining == 0 && h->Directory && !(h->Flags & OB_FLAG_PERMANENT))
        ObpRemoveObjectName(object);
    ObfDereferenceObject(object);
    return STATUS_SUCCESS;
}

void ObpSweepHandleTable(struct obp_handle_table *Table)
{
    for (ULONG index = 0; index < Table->NextIndex; index++) {
        OBP_HANDLE_ENTRY *e = ObpEntry(Table, index);
        if (e && __atomic_load_n(&e->Object, __ATOMIC_ACQUIRE)) {
            ULONG_PTR value = ((ULONG_PTR)index + 1) * 4;
            ObpCloseHandle((HANDLE)(Table->Kernel ? (value | OBP_KERNEL_HANDLE_BIT) : value), KernelMode);
        }
    }
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwClose(HANDLE Handle)
{
    KI_CHECK_IRQL(ZwClose);
    return ObpCloseHandle(Handle, KernelMode);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtClose(HANDLE Handle)
{
    PKTHREAD t = KiThread();
    KPROCESSOR_MODE mode = KiCallerMode(t);
    KPROCESSOR_MODE saved = KiEnterService(t, mode);
    NTSTATUS status = ObpCloseHandle(Handle, mode);
    KiLeaveService(t, saved);
    return status;
}
