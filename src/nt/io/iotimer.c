/*
 * iotimer.c - device timers: IoInitializeTimer, IoStartTimer, IoStopTimer.
 *
 * One kernel timer with a one-second period, set up on the first
 * IoInitializeTimer, runs a DPC that calls the routine of every started
 * device timer at DISPATCH_LEVEL. IoDeleteDevice takes the device's timer
 * off the list (IopDeleteIoTimer).
 */
#include <internal/io.h>
#include <internal/ke_fp.h>
#include <internal/ntk_alloc.h>

typedef struct _IO_TIMER {
    LIST_ENTRY TimerList;          /* IopIoTimers; IopIoTimerLock */
    PDEVICE_OBJECT DeviceObject;
    PIO_TIMER_ROUTINE TimerRoutine;
    PVOID Context;
    volatile LONG Enabled;         /* IoStartTimer/IoStopTimer, no lock */
} IO_TIMER;

static LIST_ENTRY IopIoTimers = {&IopIoTimers, &IopIoTimers};
static KSPIN_LOCK IopIoTimerLock;
static KTIMER IopIoTimerClock;
static KDPC IopIoTimerDpc;
static volatile LONG IopIoTimerClockSet;

void IopRunIoTimers(void)
{
    PKTHREAD thread = KiThread();
    KIRQL irql;
    KeAcquireSpinLock(&IopIoTimerLock, &irql);
    for (PLIST_ENTRY e = IopIoTimers.Flink; e != &IopIoTimers; e = e->Flink) {
        IO_TIMER *timer = CONTAINING_RECORD(e, IO_TIMER, TimerList);
        if (!__atomic_load_n(&timer->Enabled, __ATOMIC_ACQUIRE))
            continue;
        KI_FP_GUARD fp;
        KiFpGuardEnter(thread, &fp);
        timer->TimerRoutine(timer->DeviceObject, timer->Context);
        KiFpGuardLeave(thread, &fp, (const void *)timer->TimerRoutine, "IoTimer routine");
        if (thread->Irql != DISPATCH_LEVEL)
            KiBugCheckAt(IRQL_NOT_GREATER_OR_EQUAL, thread->Irql, DISPATCH_LEVEL, (ULONG_PTR)timer->TimerRoutine, 0,
                         NULL, "an IoTimer routine returned at an IRQL other than DISPATCH_LEVEL");
    }
    KeReleaseSpinLock(&IopIoTimerLock, irql);
}

static VOID NTAPI IopIoTimerTick(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Dpc;
    (void)Context;
    (void)Argument1;
    (void)Argument2;
    IopRunIoTimers();
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoInitializeTimer(PDEVICE_OBJECT DeviceObject, PIO_TIMER_ROUTINE TimerRoutine,
                                                PVOID Context)
{
    KI_CHECK_IRQL(IoInitializeTimer);
    if (DeviceObject->Timer)
        KiBugCheckAt(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x0A, (ULONG_PTR)DeviceObject, 0, 0, NULL,
                     "IoInitializeTimer on a device object that already has a timer");
    IO_TIMER *timer = KipAllocZero(sizeof *timer);
    if (!timer)
        return STATUS_INSUFFICIENT_RESOURCES;
    timer->DeviceObject = DeviceObject;
    timer->TimerRoutine = TimerRoutine;
    timer->Context = Context;
    if (!__atomic_exchange_n(&IopIoTimerClockSet, 1, __ATOMIC_ACQ_REL)) {
        LARGE_INTEGER second = {.QuadPart = -10000000LL};
        KeInitializeDpc(&IopIoTimerDpc, IopIoTimerTick, NULL);
        KeInitializeTimerEx(&IopIoTimerClock, NotificationTimer);
        KeSetTimerEx(&IopIoTimerClock, second, 1000, &IopIoTimerDpc);
    }
    KIRQL irql;
    KeAcquireSpinLock(&IopIoTimerLock, &irql);
    InsertTailList(&IopIoTimers, &timer->TimerList);
    DeviceObject->Timer = timer;
    KeReleaseSpinLock(&IopIoTimerLock, irql);
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoStartTimer(PDEVICE_OBJECT DeviceObject)
{
    KI_CHECK_IRQL(IoStartTimer);
    if (DeviceObject->Timer)
        __atomic_store_n(&DeviceObject->Timer->Enabled, 1, __ATOMIC_RELEASE);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoStopTimer(PDEVICE_OBJECT DeviceObject)
{
    KI_CHECK_IRQL(IoStopTimer);
    if (DeviceObject->Timer)
        __atomic_store_n(&DeviceObject->Timer->Enabled, 0, __ATOMIC_RELEASE);
}

void IopDeleteIoTimer(PDEVICE_OBJECT DeviceObject)
{
    IO_TIMER *timer = DeviceObject->Timer;
    if (!timer)
        return;
    KIRQL irql;
    KeAcquireSpinLock(&IopIoTimerLock, &irql);
    RemoveEntryList(&timer->TimerList);
    DeviceObject->Timer = NULL;
    KeReleaseSpinLock(&IopIoTimerLock, irql);
    KipFree(timer);
}
