/*
 * test_cancel_concurrent.c - cancellation racing completion from many
 * threads: issuers pend IRPs in a driver queue and cancel them while
 * completer threads drain the queue. Every IRP must be completed exactly
 * once, by the completer or by its cancel routine, and no cancel routine
 * may run for an IRP already completed. Once with a hand-written cancel
 * routine (the classic queue-lock pattern), once through a cancel-safe
 * queue. Run under ThreadSanitizer by `make test` (label "concurrency").
 */
#include "ntk_test.h"
#include <internal/io.h>
#include <ntk/ntk.h>
#include <pthread.h>

#define ISSUERS 4
#define COMPLETERS 2
#define ROUNDS 3000

typedef struct {
    volatile LONG Completions;
    volatile LONG Cancelled;
} IRP_TRACK;

static DRIVER_OBJECT driver;
static PDEVICE_OBJECT device;
static LIST_ENTRY queue;
static KSPIN_LOCK queue_lock;
static IO_CSQ csq;
static BOOLEAN use_csq;
static volatile LONG stop, violations, cancel_routines, completer_completions;

/* The originator's completion routine: counts, and keeps the IRP for its
 * issuer to free. Registered for success, error and cancel, so that the
 * I/O manager decides by status alone. */
static NTSTATUS count_completion(PDEVICE_OBJECT dev, PIRP irp, PVOID context)
{
    (void)dev, (void)irp;
    IRP_TRACK *track = context;
    if (__atomic_add_fetch(&track->Completions, 1, __ATOMIC_ACQ_REL) != 1)
        __atomic_add_fetch(&violations, 1, __ATOMIC_RELAXED);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static IRP_TRACK *track_of(PIRP irp)
{
    return (IRP_TRACK *)irp->Tail.Overlay.DriverContext[0];
}

static void complete_cancelled(PIRP irp)
{
    IRP_TRACK *track = track_of(irp);
    if (__atomic_load_n(&track->Completions, __ATOMIC_ACQUIRE) != 0)
        __atomic_add_fetch(&violations, 1, __ATOMIC_RELAXED); /* cancel routine after completion */
    __atomic_store_n(&track->Cancelled, 1, __ATOMIC_RELEASE);
    __atomic_add_fetch(&cancel_routines, 1, __ATOMIC_RELAXED);
    irp->IoStatus.Status = STATUS_CANCELLED;
    irp->IoStatus.Information = 0;
    IoCompleteRequest(irp, IO_NO_INCREMENT);
}

/* Hand-written cancel routine: the queue lock decides who owns the IRP. */
static VOID cancel_routine(PDEVICE_OBJECT dev, PIRP irp)
{
    (void)dev;
    IoReleaseCancelSpinLock(irp->CancelIrql);
    KIRQL irql;
    KeAcquireSpinLock(&queue_lock, &irql);
    RemoveEntryList(&irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&queue_lock, irql);
    complete_cancelled(irp);
}

static void pend(PIRP irp)
{
    if (use_csq) {
        IoCsqInsertIrp(&csq, irp, NULL);
        return;
    }
    KIRQL irql;
    KeAcquireSpinLock(&queue_lock, &irql);
    IoMarkIrpPending(irp);
    InsertTailList(&queue, &irp->Tail.Overlay.ListEntry);
    IoSetCancelRoutine(irp, cancel_routine);
    /* Cancelled before the routine was set, and the canceller saw none. */
    if (irp->Cancel && IoSetCancelRoutine(irp, NULL)) {
        RemoveEntryList(&irp->Tail.Overlay.ListEntry);
        KeReleaseSpinLock(&queue_lock, irql);
        complete_cancelled(irp);
        return;
    }
    KeReleaseSpinLock(&queue_lock, irql);
}

/* The next IRP the driver may complete, or NULL. */
static PIRP take(void)
{
    if (use_csq)
        return IoCsqRemoveNextIrp(&csq, NULL);
    PIRP found = NULL;
    KIRQL irql;
    KeAcquireSpinLock(&queue_lock, &irql);
    for (PLIST_ENTRY link = queue.Flink; link != &queue; link = link->Flink) {
        PIRP irp = CONTAINING_RECORD(link, IRP, Tail.Overlay.ListEntry);
        if (IoSetCancelRoutine(irp, NULL)) {
            RemoveEntryList(link);
            found = irp;
            break;
        }
        /* Its cancel routine is running and will remove it. */
    }
    KeReleaseSpinLock(&queue_lock, irql);
    return found;
}

static void *completer(void *arg)
{
    (void)arg;
    while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) {
        PIRP irp = take();
        if (!irp) {
            sched_yield();
            continue;
        }
        irp->IoStatus.Status = STATUS_SUCCESS;
        irp->IoStatus.Information = 1;
        IoCompleteRequest(irp, IO_NO_INCREMENT);
        __atomic_add_fetch(&completer_completions, 1, __ATOMIC_RELAXED);
    }
    return NULL;
}

static void *issuer(void *arg)
{
    unsigned seed = (unsigned)(ULONG_PTR)arg;
    for (int i = 0; i < ROUNDS; i++) {
        IRP_TRACK track = {0};
        PIRP irp = IoAllocateIrp(1, FALSE);
        IoSetCompletionRoutine(irp, count_completion, &track, TRUE, TRUE, TRUE);
        IoSetNextIrpStackLocation(irp);
        IoGetCurrentIrpStackLocation(irp)->DeviceObject = device;
        irp->Tail.Overlay.DriverContext[0] = &track;
        seed = seed * 1103515245 + 12345;
        BOOLEAN early = (seed >> 16) % 8 == 0;
        if (early)
            IoCancelIrp(irp); /* cancelled before the driver queues it */
        pend(irp);
        /* Give the completers a chance some of the time. */
        for (int spin = (int)((seed >> 20) % 4); spin > 0; spin--)
            sched_yield();
        if (!early)
            IoCancelIrp(irp);
        while (__atomic_load_n(&track.Completions, __ATOMIC_ACQUIRE) == 0)
            sched_yield();
        /* Either the driver completed it or it was cancelled: never both. */
        BOOLEAN cancelled = __atomic_load_n(&track.Cancelled, __ATOMIC_ACQUIRE);
        if (cancelled != (irp->IoStatus.Status == STATUS_CANCELLED))
            __atomic_add_fetch(&violations, 1, __ATOMIC_RELAXED);
        IoFreeIrp(irp);
    }
    return NULL;
}

static VOID csq_insert(PIO_CSQ q, PIRP irp)
{
    (void)q;
    InsertTailList(&queue, &irp->Tail.Overlay.ListEntry);
}
static VOID csq_remove(PIO_CSQ q, PIRP irp)
{
    (void)q;
    RemoveEntryList(&irp->Tail.Overlay.ListEntry);
}
static PIRP csq_peek(PIO_CSQ q, PIRP irp, PVOID peek)
{
    (void)q, (void)peek;
    PLIST_ENTRY link = irp ? irp->Tail.Overlay.ListEntry.Flink : queue.Flink;
    return link == &queue ? NULL : CONTAINING_RECORD(link, IRP, Tail.Overlay.ListEntry);
}
static VOID csq_acquire(PIO_CSQ q, PKIRQL irql)
{
    (void)q;
    KeAcquireSpinLock(&queue_lock, irql);
}
static VOID csq_release(PIO_CSQ q, KIRQL irql)
{
    (void)q;
    KeReleaseSpinLock(&queue_lock, irql);
}
static VOID csq_complete_cancelled(PIO_CSQ q, PIRP irp)
{
    (void)q;
    complete_cancelled(irp);
}

static void run_race(BOOLEAN csq_mode)
{
    use_csq = csq_mode;
    InitializeListHead(&queue);
    KeInitializeSpinLock(&queue_lock);
    IoCsqInitialize(&csq, csq_insert, csq_remove, csq_peek, csq_acquire, csq_release, csq_complete_cancelled);
    stop = violations = cancel_routines = completer_completions = 0;
    pthread_t completers[COMPLETERS], issuers[ISSUERS];
    for (int i = 0; i < COMPLETERS; i++)
        assert_int_equal(pthread_create(&completers[i], NULL, completer, NULL), 0);
    for (int i = 0; i < ISSUERS; i++)
        assert_int_equal(pthread_create(&issuers[i], NULL, issuer, (void *)(ULONG_PTR)(i + 1)), 0);
    for (int i = 0; i < ISSUERS; i++)
        pthread_join(issuers[i], NULL);
    __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
    for (int i = 0; i < COMPLETERS; i++)
        pthread_join(completers[i], NULL);
    assert_int_equal(violations, 0);
    /* Every IRP ended one way or the other, and both ways happened. */
    assert_int_equal(cancel_routines + completer_completions, ISSUERS * ROUNDS);
    assert_true(cancel_routines > 0);
    assert_true(IsListEmpty(&queue));
    printf("# %s: %ld cancelled, %ld completed by the driver\n", csq_mode ? "csq" : "cancel routine",
           (long)cancel_routines, (long)completer_completions);
}

static void test_cancel_races_completion(void **state)
{
    (void)state;
    run_race(FALSE);
}

static void test_csq_cancel_races_removal(void **state)
{
    (void)state;
    run_race(TRUE);
}

int main(void)
{
    ntk_boot();
    driver.Type = IO_TYPE_DRIVER;
    if (!NT_SUCCESS(IoCreateDevice(&driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &device)))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cancel_races_completion),
        cmocka_unit_test(test_csq_cancel_races_removal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
