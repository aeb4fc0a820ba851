/*
 * interlocked_list.c - doubly and singly linked lists whose every change is
 * made under a caller-supplied spin lock (ExInterlocked*List). Windows takes
 * the lock with interrupts disabled and leaves the IRQL alone, so these may
 * be called at any IRQL; here the lock is taken as a plain spin lock, the
 * same representation as KeAcquireSpinLock's.
 */
#include <internal/ke.h>

static void ExpLockList(PKSPIN_LOCK Lock)
{
    KiAcquireWordLock(Lock);
}

static void ExpUnlockList(PKSPIN_LOCK Lock)
{
    KiReleaseWordLock(Lock);
}

/* @implemented */
DECLSPEC_EXPORT PLIST_ENTRY FASTCALL ExInterlockedInsertHeadList(PLIST_ENTRY ListHead, PLIST_ENTRY ListEntry,
                                                                 PKSPIN_LOCK Lock)
{
    ExpLockList(Lock);
    PLIST_ENTRY first = IsListEmpty(ListHead) ? NULL : ListHead->Flink;
    InsertHeadList(ListHead, ListEntry);
    ExpUnlockList(Lock);
    return first;
}

/* @implemented */
DECLSPEC_EXPORT PLIST_ENTRY FASTCALL ExInterlockedInsertTailList(PLIST_ENTRY ListHead, PLIST_ENTRY ListEntry,
                                                                 PKSPIN_LOCK Lock)
{
    ExpLockList(Lock);
    PLIST_ENTRY last = IsListEmpty(ListHead) ? NULL : ListHead->Blink;
    InsertTailList(ListHead, ListEntry);
    ExpUnlockList(Lock);
    return last;
}

/* @implemented */
DECLSPEC_EXPORT PLIST_ENTRY FASTCALL ExInterlockedRemoveHeadList(PLIST_ENTRY ListHead, PKSPIN_LOCK Lock)
{
    ExpLockList(Lock);
    PLIST_ENTRY first = IsListEmpty(ListHead) ? NULL : RemoveHeadList(ListHead);
    ExpUnlockList(Lock);
    return first;
}

/* @implemented */
DECLSPEC_EXPORT PSINGLE_LIST_ENTRY FASTCALL ExInterlockedPushEntryList(PSINGLE_LIST_ENTRY ListHead,
                                                                       PSINGLE_LIST_ENTRY ListEntry, PKSPIN_LOCK Lock)
{
    ExpLockList(Lock);
    PSINGLE_LIST_ENTRY first = ListHead->Next;
    PushEntryList(ListHead, ListEntry);
    ExpUnlockList(Lock);
    return first;
}

/* @implemented */
DECLSPEC_EXPORT PSINGLE_LIST_ENTRY FASTCALL ExInterlockedPopEntryList(PSINGLE_LIST_ENTRY ListHead, PKSPIN_LOCK Lock)
{
    ExpLockList(Lock);
    PSINGLE_LIST_ENTRY first = PopEntryList(ListHead);
    ExpUnlockList(Lock);
    return first;
}
