/*
 * obref.c - object creation, reference counting and deletion.
 */
#include <internal/ob.h>
#include <internal/ntk_alloc.h>

void ObpAcquireLock(OBP_LOCK *Lock)
{
    for (;;) {
        int32_t expected = 0;
        if (__atomic_compare_exchange_n(&Lock->Word, &expected, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return;
        /* Contended: sleep on the word until the owner releases it. */
        expected = 1;
        if (__atomic_compare_exchange_n(&Lock->Word, &expected, 2, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED) ||
            expected == 2)
            ntkhost->park(&Lock->Word, 2, -1);
        expected = 0;
        if (__atomic_compare_exchange_n(&Lock->Word, &expected, 2, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return;
    }
}

void ObpReleaseLock(OBP_LOCK *Lock)
{
    if (__atomic_exchange_n(&Lock->Word, 0, __ATOMIC_RELEASE) == 2)
        ntkhost->unpark(&Lock->Word, 1);
}

NTSTATUS ObpCreateObject(POBJECT_TYPE Type, ULONG BodySize, PVOID *Object)
{
    /* Whole cache lines: objects used by different threads (threads, file
     * objects) are written on every request and must not share a line. */
    size_t size = (sizeof(OBJECT_HEADER) + BodySize + 63) & ~(size_t)63;
    POBJECT_HEADER h = ntkhost->mem_alloc(size, 64);
    if (!h)
        return STATUS_INSUFFICIENT_RESOURCES;
    memset(h, 0, size);
    h->PointerCount = 1;
    h->Type = Type;
    h->BodySize = BodySize;
    InitializeListHead(&h->DirectoryEntry);
    *Object = OBJECT_HEADER_TO_BODY(h);
    return STATUS_SUCCESS;
}

ACCESS_MASK ObpMapGenericAccess(POBJECT_TYPE Type, ACCESS_MASK Access)
{
    ACCESS_MASK mapped = Access & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL);
    if (Access & GENERIC_READ)
        mapped |= Type->GenericRead;
    if (Access & GENERIC_WRITE)
        mapped |= Type->GenericWrite;
    if (Access & GENERIC_EXECUTE)
        mapped |= Type->GenericExecute;
    if (Access & GENERIC_ALL)
        mapped |= Type->GenericAll;
    return mapped;
}

/* @implemented */
DECLSPEC_EXPORT LONG_PTR FASTCALL ObfReferenceObject(PVOID Object)
{
    POBJECT_HEADER h = OBJECT_TO_OBJECT_HEADER(Object);
    LONG_PTR n = __atomic_add_fetch(&h->PointerCount, 1, __ATOMIC_RELAXED);
    if (n <= 1)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x3F, (ULONG_PTR)Object, 0, 0, NULL,
                     "ObReferenceObject on an object whose reference count was zero");
    return n;
}

static void ObpDeleteObject(POBJECT_HEADER h)
{
    PVOID body = OBJECT_HEADER_TO_BODY(h);
    if (h->Type->Delete)
        h->Type->Delete(body);
    KipFree(h->Name.Buffer);
    KipFree(h);
}

/* The last reference dropped above PASSIVE_LEVEL (a DPC, a spin lock
 * held): as on Windows, the object is deleted on a system worker thread,
 * since delete routines may block or call drivers (a file object's
 * IRP_MJ_CLOSE). */
typedef struct _OBP_DEFERRED_DELETE {
    WORK_QUEUE_ITEM Item;
    POBJECT_HEADER Header;
} OBP_DEFERRED_DELETE;

static VOID NTAPI ObpDeferredDelete(PVOID Context)
{
    OBP_DEFERRED_DELETE *d = Context;
    POBJECT_HEADER h = d->Header;
    KipFree(d);
    ObpDeleteObject(h);
}

/* Deletes on the system worker thread (at once if no work item can be had). */
static void ObpDeferDelete(POBJECT_HEADER h)
{
    OBP_DEFERRED_DELETE *d = KipAlloc(sizeof *d);
    if (!d) {
        ObpDeleteObject(h);
        return;
    }
    d->Header = h;
    ExInitializeWorkItem(&d->Item, ObpDeferredDelete, d);
    ExQueueWorkItem(&d->Item, DelayedWorkQueue);
}

/* Drops one reference; the last one deletes the object, at once at
 * PASSIVE_LEVEL, else (or always, AlwaysDefer) on the worker thread. */
static LONG_PTR ObpDropReference(PVOID Object, BOOLEAN AlwaysDefer)
{
    POBJECT_HEADER h = OBJECT_TO_OBJECT_HEADER(Object);
    LONG_PTR n = __atomic_sub_fetch(&h->PointerCount, 1, __ATOMIC_ACQ_REL);
    if (n == 0) {
        /* KiCurrentThread, not KiThread(): a host thread without a KTHREAD
         * (one that is ending, dropping its thread object) is at
         * PASSIVE_LEVEL and must not be given a new one. */
        PKTHREAD thread = KiCurrentThread;
        if (!AlwaysDefer && (!thread || thread->Irql == PASSIVE_LEVEL))
            ObpDeleteObject(h);
        else
            ObpDeferDelete(h);
    } else if (n < 0) {
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x3F, (ULONG_PTR)Object, 0, 0, NULL,
                     "ObDereferenceObject on an object whose reference count was zero");
    }
    return n;
}

/* @implemented */
DECLSPEC_EXPORT LONG_PTR FASTCALL ObfDereferenceObject(PVOID Object)
{
    return ObpDropReference(Object, FALSE);
}

/* @implemented: for callers that hold a lock the object's delete routine
 * may need; the last reference is always deleted on the worker thread. */
DECLSPEC_EXPORT VOID NTAPI ObDereferenceObjectDeferDelete(PVOID Object)
{
    ObpDropReference(Object, TRUE);
}

/* @implemented: the tag is for reference tracing, which ntk does not keep. */
DECLSPEC_EXPORT VOID NTAPI ObDereferenceObjectDeferDeleteWithTag(PVOID Object, ULONG Tag)
{
    (void)Tag;
    ObDereferenceObjectDeferDelete(Object);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ObReferenceObjectByPointer(PVOID Object, ACCESS_MASK DesiredAccess,
                                                         POBJECT_TYPE ObjectType, KPROCESSOR_MODE AccessMode)
{
    if (ObjectType && OBJECT_TO_OBJECT_HEADER(Object)->Type != ObjectType)
        return STATUS_OBJECT_TYPE_MISMATCH;
    ObfReferenceObject(Object);
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ObReferenceObjectByName(PUNICODE_STRING ObjectName, ULONG Attributes,
                                                      PVOID AccessState, ACCESS_MASK DesiredAccess,
                                                      POBJECT_TYPE ObjectType, KPROCESSOR_MODE AccessMode,
                                                      PVOID ParseContext, PVOID *Object)
{
    PVOID found;
    NTSTATUS status = ObpLookupObjectName(ObjectName, Attributes | OBJ_OPENLINK, ObjectType, ParseContext,
                                          AccessMode, &found);
    if (!NT_SUCCESS(status))
        return status;
    if (ObjectType && OBJECT_TO_OBJECT_HEADER(found)->Type != ObjectType) {
        ObfDereferenceObject(found);
        return STATUS_OBJECT_TYPE_MISMATCH;
    }
    *Object = found;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ObMakeTemporaryObject(PVOID Object)
{
    POBJECT_HEADER h = OBJECT_TO_OBJECT_HEADER(Object);
    if (h->Flags & OB_FLAG_PERMANENT) {
        h->Flags &= ~OB_FLAG_PERMANENT;
        if (h->HandleCount == 0)
            ObpRemoveObjectName(Object);
    }
}
