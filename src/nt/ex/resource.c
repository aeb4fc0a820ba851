/*
 * resource.c - executive resources (ERESOURCE): reader/writer locks with
 * recursive exclusive ownership, recursive shared ownership, and shared
 * acquisition by the exclusive owner.
 *
 * All state changes happen under the resource's own spin lock (its SpinLock
 * field; never a global lock). Owners are the inline OwnerEntry plus an
 * OwnerTable grown on demand (entry 0 holds its size, as on Windows). A
 * thread that must wait queues a wait block on its stack - linked from
 * SharedWaiters or, first come first served, from ExclusiveWaiters - and
 * sleeps on the block's event; the releasing thread hands ownership over
 * before it signals, so a woken waiter owns the resource. Windows' policy:
 * when an exclusive owner lets go, all shared waiters go first; when the
 * last shared owner lets go, the first exclusive waiter does.
 *
 * Acquiring exclusively while holding the resource shared, or waiting for
 * shared access behind an exclusive waiter while already a shared owner,
 * would wait forever; it is reported as a self-deadlock (C4/0x1000).
 */
#include <internal/ke.h>
#include <internal/ntk_alloc.h>

typedef struct EXP_RESOURCE_WAITER {
    KEVENT Event; /* set once ownership has been handed over */
    struct EXP_RESOURCE_WAITER *Next;
    ERESOURCE_THREAD Thread;
} EXP_RESOURCE_WAITER;

#define ExpSharedWaiters(r) (*(EXP_RESOURCE_WAITER **)&(r)->SharedWaiters)
#define ExpExclusiveWaiters(r) (*(EXP_RESOURCE_WAITER **)&(r)->ExclusiveWaiters)

typedef enum { ExpShared, ExpSharedStarveExclusive, ExpSharedWaitForExclusive } EXP_SHARED_KIND;

static void ExpLockResource(PERESOURCE r)
{
    KiAcquireWordLock(&r->SpinLock);
}

static void ExpUnlockResource(PERESOURCE r)
{
    KiReleaseWordLock(&r->SpinLock);
}

static ERESOURCE_THREAD ExpCurrentThread(void)
{
    return (ERESOURCE_THREAD)KiThread();
}

static BOOLEAN ExpOwnedExclusive(PERESOURCE r)
{
    return (r->Flag & ResourceOwnedExclusive) != 0;
}

static POWNER_ENTRY ExpFindOwner(PERESOURCE r, ERESOURCE_THREAD t)
{
    if (r->OwnerEntry.OwnerThread == t)
        return &r->OwnerEntry;
    if (r->OwnerTable)
        for (ULONG i = 1; i < r->OwnerTable[0].TableSize; i++)
            if (r->OwnerTable[i].OwnerThread == t)
                return &r->OwnerTable[i];
    return NULL;
}

/* An unused owner entry; grows the table (under the lock: the host
 * allocator does not block). */
static POWNER_ENTRY ExpFreeOwnerEntry(PERESOURCE r)
{
    if (r->OwnerEntry.OwnerThread == 0)
        return &r->OwnerEntry;
    ULONG size = r->OwnerTable ? r->OwnerTable[0].TableSize : 0;
    for (ULONG i = 1; i < size; i++)
        if (r->OwnerTable[i].OwnerThread == 0)
            return &r->OwnerTable[i];
    ULONG grown = size ? size * 2 : 4;
    POWNER_ENTRY table = KipAllocZero(grown * sizeof(OWNER_ENTRY));
    if (!table)
        KiBugCheckAt(MUST_SUCCEED_POOL_EMPTY, grown * sizeof(OWNER_ENTRY), 0, 0, 0, NULL,
                     "no memory to record another shared owner of an ERESOURCE");
    if (size)
        memcpy(table + 1, r->OwnerTable + 1, (size - 1) * sizeof(OWNER_ENTRY));
    table[0].TableSize = grown;
    KipFree(r->OwnerTable);
    r->OwnerTable = table;
    return &table[size ? size : 1];
}

static void ExpGrantExclusive(PERESOURCE r, ERESOURCE_THREAD t)
{
    r->Flag |= ResourceOwnedExclusive;
    r->OwnerEntry.OwnerThread = t;
    r->OwnerEntry.TableSize = 0;
    r->OwnerEntry.OwnerCount = 1;
    r->ActiveEntries = 1;
    r->ActiveCount = 1;
}

static void ExpGrantShared(PERESOURCE r, ERESOURCE_THREAD t)
{
    POWNER_ENTRY e = ExpFindOwner(r, t);
    if (e) {
        e->OwnerCount++;
        return;
    }
    e = ExpFreeOwnerEntry(r);
    e->OwnerThread = t;
    e->TableSize = 0;
    e->OwnerCount = 1;
    r->ActiveEntries++;
    r->ActiveCount = (SHORT)r->ActiveEntries;
}

static void ExpGrantAllShared(PERESOURCE r)
{
    EXP_RESOURCE_WAITER *w = ExpSharedWaiters(r);
    ExpSharedWaiters(r) = NULL;
    while (w) {
        EXP_RESOURCE_WAITER *next = w->Next;
        ExpGrantShared(r, w->Thread);
        r->NumberOfSharedWaiters--;
        KeSetEvent(&w->Event, IO_NO_INCREMENT, FALSE);
        w = next;
    }
}

static void ExpGrantFirstExclusive(PERESOURCE r)
{
    EXP_RESOURCE_WAITER *w = ExpExclusiveWaiters(r);
    ExpExclusiveWaiters(r) = w->Next;
    r->NumberOfExclusiveWaiters--;
    ExpGrantExclusive(r, w->Thread);
    KeSetEvent(&w->Event, IO_NO_INCREMENT, FALSE);
}

/* The resource has just become free: hand it to waiters. */
static void ExpHandOff(PERESOURCE r, BOOLEAN WasExclusive)
{
    if (ExpSharedWaiters(r) && (WasExclusive || !ExpExclusiveWaiters(r)))
        ExpGrantAllShared(r);
    else if (ExpExclusiveWaiters(r))
        ExpGrantFirstExclusive(r);
}

/* Called locked; returns unlocked once the resource is ours. */
static void ExpWait(PERESOURCE r, BOOLEAN Exclusive)
{
    EXP_RESOURCE_WAITER w = {.Thread = ExpCurrentThread()};
    KeInitializeEvent(&w.Event, NotificationEvent, FALSE);
    r->ContentionCount++;
    if (Exclusive) {
        EXP_RESOURCE_WAITER **tail = &ExpExclusiveWaiters(r);
        while (*tail)
            tail = &(*tail)->Next;
        *tail = &w;
        r->NumberOfExclusiveWaiters++;
    } else {
        w.Next = ExpSharedWaiters(r);
        ExpSharedWaiters(r) = &w;
        r->NumberOfSharedWaiters++;
    }
    ExpUnlockResource(r);
    KiWaitForObject(&w.Event.Header, FALSE, NULL);
    /* The releaser signals with the lock held: once we get the lock it is
     * done with our (stack) wait block. */
    ExpLockResource(r);
    ExpUnlockResource(r);
}

static DECLSPEC_NORETURN void ExpSelfDeadlock(PERESOURCE r, const char *What)
{
    KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x1000, (ULONG_PTR)r, ExpCurrentThread(), 0, NULL, What);
}

static BOOLEAN ExpAcquireExclusive(PERESOURCE r, BOOLEAN Wait)
{
    ERESOURCE_THREAD t = ExpCurrentThread();
    ExpLockResource(r);
    if (r->ActiveEntries == 0) {
        ExpGrantExclusive(r, t);
    } else if (ExpOwnedExclusive(r) && r->OwnerEntry.OwnerThread == t) {
        r->OwnerEntry.OwnerCount++;
    } else if (!Wait) {
        ExpUnlockResource(r);
        return FALSE;
    } else {
        if (!ExpOwnedExclusive(r) && ExpFindOwner(r, t))
            ExpSelfDeadlock(r, "ExAcquireResourceExclusiveLite by a thread that holds the resource shared");
        ExpWait(r, TRUE);
        return TRUE;
    }
    ExpUnlockResource(r);
    return TRUE;
}

static BOOLEAN ExpAcquireShared(PERESOURCE r, BOOLEAN Wait, EXP_SHARED_KIND Kind)
{
    ERESOURCE_THREAD t = ExpCurrentThread();
    BOOLEAN granted;
    ExpLockResource(r);
    if (r->ActiveEntries == 0) {
        granted = TRUE;
    } else if (ExpOwnedExclusive(r)) {
        granted = r->OwnerEntry.OwnerThread == t; /* the owner may also acquire it shared */
    } else {
        BOOLEAN owner = ExpFindOwner(r, t) != NULL;
        switch (Kind) {
        case ExpShared:
            granted = owner || r->NumberOfExclusiveWaiters == 0;
            break;
        case ExpSharedStarveExclusive:
            granted = TRUE;
            break;
        default: /* ExpSharedWaitForExclusive: behind exclusive waiters, even an owner */
            granted = r->NumberOfExclusiveWaiters == 0;
            if (!granted && Wait && owner)
                ExpSelfDeadlock(r, "ExAcquireSharedWaitForExclusive by a shared owner while an exclusive "
                                   "waiter waits for that owner");
            break;
        }
    }
    if (granted) {
        if (ExpOwnedExclusive(r))
            r->OwnerEntry.OwnerCount++;
        else
            ExpGrantShared(r, t);
        ExpUnlockResource(r);
        return TRUE;
    }
    if (!Wait) {
        ExpUnlockResource(r);
        return FALSE;
    }
    ExpWait(r, FALSE);
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ExInitializeResourceLite(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExInitializeResourceLite);
    memset(Resource, 0, sizeof *Resource);
    InitializeListHead(&Resource->SystemResourcesList);
    Resource->Address = __builtin_return_address(0);
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ExReinitializeResourceLite(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExReinitializeResourceLite);
    KipFree(Resource->OwnerTable);
    memset(Resource, 0, sizeof *Resource);
    InitializeListHead(&Resource->SystemResourcesList);
    Resource->Address = __builtin_return_address(0);
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ExDeleteResourceLite(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExDeleteResourceLite);
    KipFree(Resource->OwnerTable);
    Resource->OwnerTable = NULL;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI ExAcquireResourceExclusiveLite(PERESOURCE Resource, BOOLEAN Wait)
{
    KI_CHECK_IRQL(ExAcquireResourceExclusiveLite);
    return ExpAcquireExclusive(Resource, Wait);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI ExTryToAcquireResourceExclusiveLite(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExTryToAcquireResourceExclusiveLite);
    return ExpAcquireExclusive(Resource, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI ExAcquireResourceSharedLite(PERESOURCE Resource, BOOLEAN Wait)
{
    KI_CHECK_IRQL(ExAcquireResourceSharedLite);
    return ExpAcquireShared(Resource, Wait, ExpShared);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI ExAcquireSharedStarveExclusive(PERESOURCE Resource, BOOLEAN Wait)
{
    KI_CHECK_IRQL(ExAcquireSharedStarveExclusive);
    return ExpAcquireShared(Resource, Wait, ExpSharedStarveExclusive);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI ExAcquireSharedWaitForExclusive(PERESOURCE Resource, BOOLEAN Wait)
{
    KI_CHECK_IRQL(ExAcquireSharedWaitForExclusive);
    return ExpAcquireShared(Resource, Wait, ExpSharedWaitForExclusive);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExReleaseResourceForThreadLite(PERESOURCE Resource, ERESOURCE_THREAD ResourceThreadId)
{
    KI_CHECK_IRQL(ExReleaseResourceForThreadLite);
    PERESOURCE r = Resource;
    ExpLockResource(r);
    if (ExpOwnedExclusive(r)) {
        if (r->OwnerEntry.OwnerThread != ResourceThreadId)
            KiBugCheckAt(RESOURCE_NOT_OWNED, (ULONG_PTR)r, ResourceThreadId, (ULONG_PTR)r->OwnerTable, 0, NULL,
                         "an ERESOURCE released for a thread that does not own it");
        if (--r->OwnerEntry.OwnerCount == 0) {
            r->OwnerEntry.OwnerThread = 0;
            r->Flag &= ~ResourceOwnedExclusive;
            r->ActiveEntries = 0;
            r->ActiveCount = 0;
            ExpHandOff(r, TRUE);
        }
    } else {
        POWNER_ENTRY e = ResourceThreadId ? ExpFindOwner(r, ResourceThreadId) : NULL;
        if (!e)
            KiBugCheckAt(RESOURCE_NOT_OWNED, (ULONG_PTR)r, ResourceThreadId, (ULONG_PTR)r->OwnerTable, 0, NULL,
                         "an ERESOURCE released for a thread that does not own it");
        if (--e->OwnerCount == 0) {
            e->OwnerThread = 0;
            e->TableSize = 0;
            r->ActiveEntries--;
            r->ActiveCount = (SHORT)r->ActiveEntries;
            if (r->ActiveEntries == 0)
                ExpHandOff(r, FALSE);
        }
    }
    ExpUnlockResource(r);
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL ExReleaseResourceLite(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExReleaseResourceLite);
    ExReleaseResourceForThreadLite(Resource, ExpCurrentThread());
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExConvertExclusiveToSharedLite(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExConvertExclusiveToSharedLite);
    PERESOURCE r = Resource;
    ExpLockResource(r);
    if (!ExpOwnedExclusive(r) || r->OwnerEntry.OwnerThread != ExpCurrentThread())
        KiBugCheckAt(RESOURCE_NOT_OWNED, (ULONG_PTR)r, ExpCurrentThread(), (ULONG_PTR)r->OwnerTable, 0, NULL,
                     "ExConvertExclusiveToSharedLite by a thread that does not own the resource exclusively");
    /* The owner keeps its count, now shared; shared waiters join it. */
    r->Flag &= ~ResourceOwnedExclusive;
    if (ExpSharedWaiters(r))
        ExpGrantAllShared(r);
    ExpUnlockResource(r);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI ExIsResourceAcquiredExclusiveLite(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExIsResourceAcquiredExclusiveLite);
    ExpLockResource(Resource);
    BOOLEAN mine = ExpOwnedExclusive(Resource) && Resource->OwnerEntry.OwnerThread == ExpCurrentThread();
    ExpUnlockResource(Resource);
    return mine;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI ExIsResourceAcquiredSharedLite(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExIsResourceAcquiredSharedLite);
    ExpLockResource(Resource);
    POWNER_ENTRY e = Resource->ActiveEntries ? ExpFindOwner(Resource, ExpCurrentThread()) : NULL;
    ULONG count = e ? e->OwnerCount : 0;
    ExpUnlockResource(Resource);
    return count;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI ExIsResourceAcquiredLite(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExIsResourceAcquiredLite);
    return ExIsResourceAcquiredSharedLite(Resource);
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI ExGetExclusiveWaiterCount(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExGetExclusiveWaiterCount);
    ExpLockResource(Resource);
    ULONG n = Resource->NumberOfExclusiveWaiters;
    ExpUnlockResource(Resource);
    return n;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI ExGetSharedWaiterCount(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExGetSharedWaiterCount);
    ExpLockResource(Resource);
    ULONG n = Resource->NumberOfSharedWaiters;
    ExpUnlockResource(Resource);
    return n;
}

/* Windows returns the thread's Win32Thread pointer; kernel threads here
 * have none. */
/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExEnterCriticalRegionAndAcquireResourceExclusive(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExEnterCriticalRegionAndAcquireResourceExclusive);
    KeEnterCriticalRegion();
    ExpAcquireExclusive(Resource, TRUE);
    return NULL;
}

/* @implemented */
DECLSPEC_EXPORT PVOID NTAPI ExEnterCriticalRegionAndAcquireResourceShared(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExEnterCriticalRegionAndAcquireResourceShared);
    KeEnterCriticalRegion();
    ExpAcquireShared(Resource, TRUE, ExpShared);
    return NULL;
}

/* @implemented */
DECLSPEC_EXPORT VOID FASTCALL ExReleaseResourceAndLeaveCriticalRegion(PERESOURCE Resource)
{
    KI_CHECK_IRQL(ExReleaseResourceAndLeaveCriticalRegion);
    ExReleaseResourceForThreadLite(Resource, ExpCurrentThread());
    KeLeaveCriticalRegion();
}
