/*
 * wait.c - dispatcher objects and waiting on them.
 *
 * Each object is guarded by a lock bit in its DISPATCHER_HEADER (as on
 * Windows, bit 7 of Lock), never by a global dispatcher lock. A waiting
 * thread links a wait block into the object's WaitListHead and parks on its
 * own futex word; a signaller removes the block under the object lock,
 * stores the wait status and unparks the thread.
 */
#include <internal/ke.h>

#define KIP_HEADER_LOCK 0x80

typedef struct KIP_WAIT_BLOCK {
    LIST_ENTRY WaitListEntry;
    PKTHREAD Thread;
} KIP_WAIT_BLOCK;

static void KipLockHeader(PDISPATCHER_HEADER h)
{
    while (__atomic_fetch_or(&h->Lock, KIP_HEADER_LOCK, __ATOMIC_ACQUIRE) & KIP_HEADER_LOCK)
        while (__atomic_load_n(&h->Lock, __ATOMIC_RELAXED) & KIP_HEADER_LOCK)
            __builtin_ia32_pause();
}

static void KipUnlockHeader(PDISPATCHER_HEADER h)
{
    __atomic_fetch_and(&h->Lock, ~KIP_HEADER_LOCK, __ATOMIC_RELEASE);
}

void KiInitializeDispatcherHeader(PDISPATCHER_HEADER h, UCHAR type, UCHAR size, LONG signal)
{
    h->Lock = 0;
    h->Type = type;
    h->Size = size;
    h->SignalState = signal;
    InitializeListHead(&h->WaitListHead);
}

/* Object type after masking the lock bit. */
static UCHAR KipType(PDISPATCHER_HEADER h)
{
    return (UCHAR)(h->Type & ~KIP_HEADER_LOCK);
}

/* Takes what a satisfied wait consumes (synchronization objects reset). */
static void KipConsume(PDISPATCHER_HEADER h)
{
    switch (KipType(h)) {
    case EventSynchronizationObject:
    case TimerSynchronizationObject:
        __atomic_store_n(&h->SignalState, 0, __ATOMIC_RELAXED);
        break;
    case SemaphoreObject:
        __atomic_sub_fetch(&h->SignalState, 1, __ATOMIC_RELAXED);
        break;
    default:
        break;
    }
}

/* Wakes waiters while the object stays signalled. Called locked. */
static void KipWakeWaiters(PDISPATCHER_HEADER h, NTSTATUS status)
{
    while (__atomic_load_n(&h->SignalState, __ATOMIC_RELAXED) > 0 && !IsListEmpty(&h->WaitListHead)) {
        KIP_WAIT_BLOCK *wb = CONTAINING_RECORD(RemoveHeadList(&h->WaitListHead), KIP_WAIT_BLOCK, WaitListEntry);
        PKTHREAD t = wb->Thread;
        KipConsume(h);
        t->WaitStatus = status;
        __atomic_store_n(&t->WaitWord, 1, __ATOMIC_RELEASE);
        ntkhost->unpark(&t->WaitWord, 1);
    }
}

/* Converts an NT timeout (negative relative, positive absolute, 100 ns) to
 * a monotonic deadline in ns. */
static int64_t KipDeadline(PLARGE_INTEGER timeout)
{
    int64_t now = ntkhost->monotonic_ns();
    LONGLONG t = timeout->QuadPart;
    if (t < 0)
        return now + (-t) * 100;
    /* Absolute: 100 ns since 1601-01-01. */
    int64_t unix_ns = (t - 116444736000000000LL) * 100;
    return now + (unix_ns - ntkhost->realtime_ns());
}

NTSTATUS KiWaitForObject(PDISPATCHER_HEADER h, BOOLEAN alertable, PLARGE_INTEGER timeout)
{
    PKTHREAD t = KiThread();
    KipLockHeader(h);
    if (__atomic_load_n(&h->SignalState, __ATOMIC_RELAXED) > 0) {
        KipConsume(h);
        KipUnlockHeader(h);
        return STATUS_WAIT_0;
    }
    if (timeout && timeout->QuadPart == 0) {
        KipUnlockHeader(h);
        return STATUS_TIMEOUT;
    }
    KIP_WAIT_BLOCK wb = {.Thread = t};
    t->WaitWord = 0;
    t->WaitStatus = STATUS_PENDING;
    InsertTailList(&h->WaitListHead, &wb.WaitListEntry);
    KipUnlockHeader(h);

    int64_t deadline = timeout ? KipDeadline(timeout) : -1;
    while (!__atomic_load_n(&t->WaitWord, __ATOMIC_ACQUIRE)) {
        int64_t left = -1;
        if (deadline >= 0) {
            left = deadline - ntkhost->monotonic_ns();
            if (left <= 0) {
                KipLockHeader(h);
                if (!__atomic_load_n(&t->WaitWord, __ATOMIC_ACQUIRE)) {
                    RemoveEntryList(&wb.WaitListEntry);
                    KipUnlockHeader(h);
                    return STATUS_TIMEOUT;
                }
                KipUnlockHeader(h);
                break;
            }
        }
        ntkhost->park(&t->WaitWord, 0, left);
    }
    return t->WaitStatus;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                                                    BOOLEAN Alertable, PLARGE_INTEGER Timeout)
{
    PKTHREAD t = KiThread();
    if (t->Irql > DISPATCH_LEVEL || (t->Irql == DISPATCH_LEVEL && (!Timeout || Timeout->QuadPart != 0)))
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION,
                     t->Irql > DISPATCH_LEVEL ? 0x120 : (!Timeout ? 0x121 : 0x122), (ULONG_PTR)Object,
                     t->Irql, (ULONG_PTR)Timeout, NULL, "KeWaitForSingleObject at raised IRQL");
    return KiWaitForObject((PDISPATCHER_HEADER)Object, Alertable, Timeout);
}

void KiSignalObject(PDISPATCHER_HEADER h, LONG SignalState)
{
    KipLockHeader(h);
    __atomic_store_n(&h->SignalState, SignalState, __ATOMIC_RELEASE);
    KipWakeWaiters(h, STATUS_WAIT_0);
    KipUnlockHeader(h);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeEvent(PRKEVENT Event, EVENT_TYPE Type, BOOLEAN State)
{
    KiInitializeDispatcherHeader(&Event->Header,
                                 Type == NotificationEvent ? EventNotificationObject : EventSynchronizationObject,
                                 sizeof(KEVENT) / sizeof(LONG), State ? 1 : 0);
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KeSetEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait)
{
    KI_CHECK_IRQL(KeSetEvent);
    PDISPATCHER_HEADER h = &Event->Header;
    KipLockHeader(h);
    LONG previous = h->SignalState;
    __atomic_store_n(&h->SignalState, 1, __ATOMIC_RELEASE);
    KipWakeWaiters(h, STATUS_WAIT_0);
    KipUnlockHeader(h);
    return previous;
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KeResetEvent(PRKEVENT Event)
{
    PDISPATCHER_HEADER h = &Event->Header;
    KipLockHeader(h);
    LONG previous = h->SignalState;
    __atomic_store_n(&h->SignalState, 0, __ATOMIC_RELEASE);
    KipUnlockHeader(h);
    return previous;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeClearEvent(PRKEVENT Event)
{
    __atomic_store_n(&Event->Header.SignalState, 0, __ATOMIC_RELEASE);
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KeReadStateEvent(PRKEVENT Event)
{
    return __atomic_load_n(&Event->Header.SignalState, __ATOMIC_ACQUIRE);
}
