/*
 * devqueue.c - device queues (KDEVICE_QUEUE): the busy/idle queue of
 * entries behind IoStartPacket and drivers' own supplemental queues.
 *
 * Rules reproduced (io-semantics 1.J): inserting into an idle queue does
 * not queue the entry but marks the queue Busy and returns FALSE (the
 * caller starts that request itself); inserting into a busy queue appends
 * (or sorts by key) and returns TRUE. Removing from an empty busy queue
 * returns NULL and makes the queue idle. Entries with equal keys keep their
 * arrival order. Each queue has its own spin lock; the routines are meant
 * for DISPATCH_LEVEL and raise to it themselves when called lower, as the
 * in-stack "ForDpc" locks Windows uses for them do.
 */
#include <internal/ke.h>

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeDeviceQueue(PKDEVICE_QUEUE DeviceQueue)
{
    /* Only the documented fields: nothing beyond the structure is written. */
    DeviceQueue->Type = DeviceQueueObject;
    DeviceQueue->Size = sizeof(KDEVICE_QUEUE);
    InitializeListHead(&DeviceQueue->DeviceListHead);
    KeInitializeSpinLock(&DeviceQueue->Lock);
    DeviceQueue->Busy = FALSE;
    DeviceQueue->Hint = 0;
}

static BOOLEAN KipInsertDeviceQueue(PKDEVICE_QUEUE DeviceQueue, PKDEVICE_QUEUE_ENTRY Entry, BOOLEAN ByKey,
                                    ULONG SortKey)
{
    KIRQL irql = KeAcquireSpinLockRaiseToDpc(&DeviceQueue->Lock);
    BOOLEAN inserted = DeviceQueue->Busy;
    if (!inserted) {
        DeviceQueue->Busy = TRUE;
    } else if (!ByKey) {
        InsertTailList(&DeviceQueue->DeviceListHead, &Entry->DeviceListEntry);
    } else {
        /* After the last entry whose key is not greater: equal keys stay FIFO. */
        PLIST_ENTRY pos = DeviceQueue->DeviceListHead.Blink;
        while (pos != &DeviceQueue->DeviceListHead &&
               CONTAINING_RECORD(pos, KDEVICE_QUEUE_ENTRY, DeviceListEntry)->SortKey > SortKey)
            pos = pos->Blink;
        InsertHeadList(pos, &Entry->DeviceListEntry);
    }
    if (ByKey)
        Entry->SortKey = SortKey;
    Entry->Inserted = inserted;
    KeReleaseSpinLock(&DeviceQueue->Lock, irql);
    return inserted;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeInsertDeviceQueue(PKDEVICE_QUEUE DeviceQueue, PKDEVICE_QUEUE_ENTRY DeviceQueueEntry)
{
    KI_CHECK_IRQL(KeInsertDeviceQueue);
    return KipInsertDeviceQueue(DeviceQueue, DeviceQueueEntry, FALSE, 0);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeInsertByKeyDeviceQueue(PKDEVICE_QUEUE DeviceQueue,
                                                      PKDEVICE_QUEUE_ENTRY DeviceQueueEntry, ULONG SortKey)
{
    KI_CHECK_IRQL(KeInsertByKeyDeviceQueue);
    return KipInsertDeviceQueue(DeviceQueue, DeviceQueueEntry, TRUE, SortKey);
}

static PKDEVICE_QUEUE_ENTRY KipUnlinkEntry(PLIST_ENTRY Link)
{
    PKDEVICE_QUEUE_ENTRY entry = CONTAINING_RECORD(Link, KDEVICE_QUEUE_ENTRY, DeviceListEntry);
    RemoveEntryList(Link);
    entry->Inserted = FALSE;
    return entry;
}

/* @implemented */
DECLSPEC_EXPORT PKDEVICE_QUEUE_ENTRY NTAPI KeRemoveDeviceQueue(PKDEVICE_QUEUE DeviceQueue)
{
    KI_CHECK_IRQL(KeRemoveDeviceQueue);
    PKDEVICE_QUEUE_ENTRY entry = NULL;
    KIRQL irql = KeAcquireSpinLockRaiseToDpc(&DeviceQueue->Lock);
    if (IsListEmpty(&DeviceQueue->DeviceListHead))
        DeviceQueue->Busy = FALSE;
    else
        entry = KipUnlinkEntry(DeviceQueue->DeviceListHead.Flink);
    KeReleaseSpinLock(&DeviceQueue->Lock, irql);
    return entry;
}

/* The first entry whose key is >= SortKey, or else the first entry. */
static PKDEVICE_QUEUE_ENTRY KipRemoveByKey(PKDEVICE_QUEUE DeviceQueue, ULONG SortKey)
{
    PLIST_ENTRY head = &DeviceQueue->DeviceListHead;
    for (PLIST_ENTRY link = head->Flink; link != head; link = link->Flink)
        if (CONTAINING_RECORD(link, KDEVICE_QUEUE_ENTRY, DeviceListEntry)->SortKey >= SortKey)
            return KipUnlinkEntry(link);
    return KipUnlinkEntry(head->Flink);
}

/* @implemented */
DECLSPEC_EXPORT PKDEVICE_QUEUE_ENTRY NTAPI KeRemoveByKeyDeviceQueue(PKDEVICE_QUEUE DeviceQueue, ULONG SortKey)
{
    KI_CHECK_IRQL(KeRemoveByKeyDeviceQueue);
    PKDEVICE_QUEUE_ENTRY entry = NULL;
    KIRQL irql = KeAcquireSpinLockRaiseToDpc(&DeviceQueue->Lock);
    if (IsListEmpty(&DeviceQueue->DeviceListHead))
        DeviceQueue->Busy = FALSE;
    else
        entry = KipRemoveByKey(DeviceQueue, SortKey);
    KeReleaseSpinLock(&DeviceQueue->Lock, irql);
    return entry;
}

/* @implemented */
DECLSPEC_EXPORT PKDEVICE_QUEUE_ENTRY NTAPI KeRemoveByKeyDeviceQueueIfBusy(PKDEVICE_QUEUE DeviceQueue, ULONG SortKey)
{
    KI_CHECK_IRQL(KeRemoveByKeyDeviceQueueIfBusy);
    PKDEVICE_QUEUE_ENTRY entry = NULL;
    KIRQL irql = KeAcquireSpinLockRaiseToDpc(&DeviceQueue->Lock);
    if (DeviceQueue->Busy) {
        if (IsListEmpty(&DeviceQueue->DeviceListHead))
            DeviceQueue->Busy = FALSE;
        else
            entry = KipRemoveByKey(DeviceQueue, SortKey);
    }
    KeReleaseSpinLock(&DeviceQueue->Lock, irql);
    return entry;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI KeRemoveEntryDeviceQueue(PKDEVICE_QUEUE DeviceQueue,
                                                      PKDEVICE_QUEUE_ENTRY DeviceQueueEntry)
{
    KI_CHECK_IRQL(KeRemoveEntryDeviceQueue);
    KIRQL irql = KeAcquireSpinLockRaiseToDpc(&DeviceQueue->Lock);
    BOOLEAN removed = DeviceQueueEntry->Inserted;
    if (removed)
        KipUnlinkEntry(&DeviceQueueEntry->DeviceListEntry);
    KeReleaseSpinLock(&DeviceQueue->Lock, irql);
    return removed;
}
