/*
 * work.c - system worker threads: ExQueueWorkItem and the I/O manager's
 * work items (IoAllocateWorkItem/IoQueueWorkItem), whose device object stays
 * referenced while the item is queued.
 *
 * One system worker thread, started on first use, runs items in order at
 * PASSIVE_LEVEL in the System process with a kernel previous mode. (Several
 * queues with priorities belong to the executive-services work.)
 */
#include <internal/io.h>
#include <internal/ntk_alloc.h>
#include <internal/ke_fp.h>

typedef struct _IO_WORKITEM {
    WORK_QUEUE_ITEM Item;
    PDEVICE_OBJECT DeviceObject;
    PIO_WORKITEM_ROUTINE Routine;
    PIO_WORKITEM_ROUTINE_EX RoutineEx;
    PVOID Context;
} IO_WORKITEM;

static OBP_LOCK ExpWorkLock;
static LIST_ENTRY ExpWorkQueue = {&ExpWorkQueue, &ExpWorkQueue};
static KEVENT ExpWorkAvailable;
static volatile LONG ExpWorkPending; /* queued or running */
static volatile int ExpWorkerStarted;
static struct ntkhost_thread *ExpWorker;

static void IopRunWorkItem(PVOID Parameter);

static void ExpWorkerThread(void *unused)
{
    PKTHREAD self = KiBecomeSystemThread();
    self->PreviousMode = KernelMode;
    for (;;) {
        KiWaitForObject(&ExpWorkAvailable.Header, FALSE, NULL);
        for (;;) {
            ObpAcquireLock(&ExpWorkLock);
            PLIST_ENTRY entry = IsListEmpty(&ExpWorkQueue) ? NULL : RemoveHeadList(&ExpWorkQueue);
            ObpReleaseLock(&ExpWorkLock);
            if (!entry)
                break;
            PWORK_QUEUE_ITEM item = CONTAINING_RECORD(entry, WORK_QUEUE_ITEM, List);
            item->List.Flink = NULL;
            KPROCESSOR_MODE saved = KiEnterService(self, KernelMode);
            PWORKER_THREAD_ROUTINE routine = item->WorkerRoutine;
            if (routine == IopRunWorkItem) {
                routine(item->Parameter); /* guards the driver's routine itself */
            } else {
                KI_FP_GUARD fp;
                KiFpGuardEnter(self, &fp);
                routine(item->Parameter);
                KiFpGuardLeave(self, &fp, (const void *)routine, "work item");
            }
            KiLeaveService(self, saved);
            if (self->Irql != PASSIVE_LEVEL)
                KiBugCheckAt(WORKER_THREAD_RETURNED_AT_BAD_IRQL, (ULONG_PTR)routine, self->Irql,
                             (ULONG_PTR)item, 0, NULL, "a work item returned at a raised IRQL");
            __atomic_sub_fetch(&ExpWorkPending, 1, __ATOMIC_RELEASE);
        }
    }
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExQueueWorkItem(PWORK_QUEUE_ITEM WorkItem, WORK_QUEUE_TYPE QueueType)
{
    if (!__atomic_exchange_n(&ExpWorkerStarted, 1, __ATOMIC_ACQ_REL)) {
        KeInitializeEvent(&ExpWorkAvailable, SynchronizationEvent, FALSE);
        if (ntkhost->thread_create(ExpWorkerThread, NULL, &ExpWorker) != 0)
            KiBugCheckAt(0x5D, 3, 0, 0, 0, NULL, "cannot start the system worker thread");
    }
    __atomic_add_fetch(&ExpWorkPending, 1, __ATOMIC_ACQUIRE);
    ObpAcquireLock(&ExpWorkLock);
    InsertTailList(&ExpWorkQueue, &WorkItem->List);
    ObpReleaseLock(&ExpWorkLock);
    KeSetEvent(&ExpWorkAvailable, IO_NO_INCREMENT, FALSE);
}

/* Waits until every queued work item has run (before drivers unload). */
void ExpFlushWorkQueue(void)
{
    while (__atomic_load_n(&ExpWorkPending, __ATOMIC_ACQUIRE) > 0)
        ntkhost->sleep_ns(100000);
}

static void IopRunWorkItem(PVOID Parameter)
{
    PIO_WORKITEM item = Parameter;
    PDEVICE_OBJECT device = item->DeviceObject;
    const void *routine = item->RoutineEx ? (const void *)item->RoutineEx : (const void *)item->Routine;
    PKTHREAD thread = KiThread();
    KI_FP_GUARD fp;
    KiFpGuardEnter(thread, &fp);
    if (item->RoutineEx)
        item->RoutineEx(device, item->Context, item);
    else
        item->Routine(device, item->Context);
    KiFpGuardLeave(thread, &fp, routine, "work item");
    ObfDereferenceObject(device);
}

/* @implemented */
DECLSPEC_EXPORT PIO_WORKITEM NTAPI IoAllocateWorkItem(PDEVICE_OBJECT DeviceObject)
{
    PIO_WORKITEM item = KipAllocZero(sizeof *item);
    if (item)
        item->DeviceObject = DeviceObject;
    return item;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoFreeWorkItem(PIO_WORKITEM IoWorkItem)
{
    KipFree(IoWorkItem);
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI IoSizeofWorkItem(VOID)
{
    return sizeof(IO_WORKITEM);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoQueueWorkItem(PIO_WORKITEM IoWorkItem, PIO_WORKITEM_ROUTINE WorkerRoutine,
                                          WORK_QUEUE_TYPE QueueType, PVOID Context)
{
    ObfReferenceObject(IoWorkItem->DeviceObject);
    IoWorkItem->Routine = WorkerRoutine;
    IoWorkItem->RoutineEx = NULL;
    IoWorkItem->Context = Context;
    ExInitializeWorkItem(&IoWorkItem->Item, IopRunWorkItem, IoWorkItem);
    ExQueueWorkItem(&IoWorkItem->Item, QueueType);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoQueueWorkItemEx(PIO_WORKITEM IoWorkItem, PIO_WORKITEM_ROUTINE_EX WorkerRoutine,
                                            WORK_QUEUE_TYPE QueueType, PVOID Context)
{
    ObfReferenceObject(IoWorkItem->DeviceObject);
    IoWorkItem->Routine = NULL;
    IoWorkItem->RoutineEx = WorkerRoutine;
    IoWorkItem->Context = Context;
    ExInitializeWorkItem(&IoWorkItem->Item, IopRunWorkItem, IoWorkItem);
    ExQueueWorkItem(&IoWorkItem->Item, QueueType);
}
