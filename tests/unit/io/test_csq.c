/*
 * test_csq.c - cancel-safe IRP queues (io-semantics 1.I item 61): insertion
 * marks the IRP pending and makes it cancelable; removal hands out IRPs
 * that can no longer be cancelled; cancellation removes the IRP through the
 * driver's callbacks and completes it through CsqCompleteCanceledIrp; an
 * IRP cancelled before insertion goes straight to CsqCompleteCanceledIrp;
 * IoCsqInsertIrpEx passes the driver's failure back; peek contexts select.
 */
#include "ntk_test.h"
#include <internal/io.h>
#include <ntk/ntk.h>

static IO_CSQ csq;
static LIST_ENTRY queue;
static KSPIN_LOCK queue_lock;
static int locked, inserts, removes, completes_cancelled;
static NTSTATUS insert_ex_status;
static PDEVICE_OBJECT device;
static DRIVER_OBJECT driver;

static VOID csq_insert(PIO_CSQ q, PIRP irp)
{
    assert_ptr_equal(q, &csq);
    assert_int_equal(locked, 1);
    inserts++;
    InsertTailList(&queue, &irp->Tail.Overlay.ListEntry);
}

static NTSTATUS csq_insert_ex(PIO_CSQ q, PIRP irp, PVOID context)
{
    if (!NT_SUCCESS(insert_ex_status))
        return insert_ex_status;
    assert_ptr_equal(context, (PVOID)0x5A);
    csq_insert(q, irp);
    return STATUS_SUCCESS;
}

static VOID csq_remove(PIO_CSQ q, PIRP irp)
{
    (void)q;
    assert_int_equal(locked, 1);
    removes++;
    RemoveEntryList(&irp->Tail.Overlay.ListEntry);
}

/* The next IRP after irp (or the first) whose file object is the peek
 * context, when one is given. */
static PIRP csq_peek(PIO_CSQ q, PIRP irp, PVOID peek)
{
    (void)q;
    assert_int_equal(locked, 1);
    PLIST_ENTRY link = irp ? irp->Tail.Overlay.ListEntry.Flink : queue.Flink;
    for (; link != &queue; link = link->Flink) {
        PIRP next = CONTAINING_RECORD(link, IRP, Tail.Overlay.ListEntry);
        if (!peek || IoGetCurrentIrpStackLocation(next)->FileObject == peek)
            return next;
    }
    return NULL;
}

static VOID csq_acquire(PIO_CSQ q, PKIRQL irql)
{
    (void)q;
    KeAcquireSpinLock(&queue_lock, irql);
    locked++;
}

static VOID csq_release(PIO_CSQ q, KIRQL irql)
{
    (void)q;
    locked--;
    KeReleaseSpinLock(&queue_lock, irql);
}

static VOID csq_complete_cancelled(PIO_CSQ q, PIRP irp)
{
    (void)q;
    assert_int_equal(locked, 0);
    completes_cancelled++;
    irp->IoStatus.Status = STATUS_CANCELLED;
    irp->IoStatus.Information = 0;
    IoCompleteRequest(irp, IO_NO_INCREMENT);
}

static int setup_group(void **state)
{
    (void)state;
    driver.Type = IO_TYPE_DRIVER;
    return NT_SUCCESS(IoCreateDevice(&driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &device)) ? 0 : -1;
}

static int setup_plain(void **state)
{
    (void)state;
    InitializeListHead(&queue);
    KeInitializeSpinLock(&queue_lock);
    locked = inserts = removes = completes_cancelled = 0;
    insert_ex_status = STATUS_SUCCESS;
    return NT_SUCCESS(IoCsqInitialize(&csq, csq_insert, csq_remove, csq_peek, csq_acquire, csq_release,
                                      csq_complete_cancelled)) ? 0 : -1;
}

static int setup_ex(void **state)
{
    setup_plain(state);
    return NT_SUCCESS(IoCsqInitializeEx(&csq, csq_insert_ex, csq_remove, csq_peek, csq_acquire, csq_release,
                                        csq_complete_cancelled)) ? 0 : -1;
}

static PIRP new_irp(PFILE_OBJECT file)
{
    PIRP irp = IoAllocateIrp(1, FALSE);
    IoSetNextIrpStackLocation(irp);
    IoGetCurrentIrpStackLocation(irp)->DeviceObject = device;
    IoGetCurrentIrpStackLocation(irp)->FileObject = file;
    return irp;
}

static void finish(PIRP irp)
{
    assert_null(irp->CancelRoutine);
    irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(irp, IO_NO_INCREMENT);
}

static void test_initialize_fills_the_structure(void **state)
{
    (void)state;
    assert_int_equal(csq.Type, IO_TYPE_CSQ);
    assert_ptr_equal(csq.CsqInsertIrp, csq_insert);
    assert_ptr_equal(csq.CsqRemoveIrp, csq_remove);
    assert_ptr_equal(csq.CsqPeekNextIrp, csq_peek);
    assert_ptr_equal(csq.CsqAcquireLock, csq_acquire);
    assert_ptr_equal(csq.CsqReleaseLock, csq_release);
    assert_ptr_equal(csq.CsqCompleteCanceledIrp, csq_complete_cancelled);
    assert_null(csq.ReservePointer);
}

static void test_insert_then_remove_next_in_order(void **state)
{
    (void)state;
    PIRP a = new_irp(NULL), b = new_irp(NULL);
    IO_CSQ_IRP_CONTEXT ctx;
    IoCsqInsertIrp(&csq, a, &ctx);
    IoCsqInsertIrp(&csq, b, NULL);
    assert_int_equal(inserts, 2);
    assert_int_equal(locked, 0);
    assert_true(IoGetCurrentIrpStackLocation(a)->Control & SL_PENDING_RETURNED);
    assert_non_null(a->CancelRoutine);
    assert_ptr_equal(a->Tail.Overlay.DriverContext[3], &ctx);
    assert_ptr_equal(b->Tail.Overlay.DriverContext[3], &csq);
    assert_int_equal(ctx.Type, IO_TYPE_CSQ_IRP_CONTEXT);
    assert_ptr_equal(ctx.Irp, a);
    assert_ptr_equal(ctx.Csq, &csq);
    assert_ptr_equal(IoCsqRemoveNextIrp(&csq, NULL), a);
    assert_null(a->CancelRoutine);
    assert_null(ctx.Irp);
    assert_ptr_equal(IoCsqRemoveNextIrp(&csq, NULL), b);
    assert_null(IoCsqRemoveNextIrp(&csq, NULL));
    assert_int_equal(removes, 2);
    /* Removed IRPs are the driver's: cancelling one calls nothing. */
    assert_false(IoCancelIrp(a));
    assert_int_equal(completes_cancelled, 0);
    finish(a);
    finish(b);
}

static void test_cancel_queued_irp(void **state)
{
    (void)state;
    PIRP a = new_irp(NULL), b = new_irp(NULL);
    IO_CSQ_IRP_CONTEXT ctx;
    KEVENT event;
    IO_STATUS_BLOCK iosb = {0};
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    a->UserEvent = &event;
    a->UserIosb = &iosb;
    IoCsqInsertIrp(&csq, a, &ctx);
    IoCsqInsertIrp(&csq, b, NULL);
    assert_true(IoCancelIrp(a));
    assert_int_equal(removes, 1);
    assert_int_equal(completes_cancelled, 1);
    assert_null(ctx.Irp);
    assert_int_equal(iosb.Status, STATUS_CANCELLED);
    assert_int_equal(KeReadStateEvent(&event), 1);
    /* The context no longer names an IRP: removal by context finds none. */
    assert_null(IoCsqRemoveIrp(&csq, &ctx));
    assert_ptr_equal(IoCsqRemoveNextIrp(&csq, NULL), b);
    assert_null(IoCsqRemoveNextIrp(&csq, NULL));
    finish(b);
}

static void test_remove_by_context_once(void **state)
{
    (void)state;
    PIRP a = new_irp(NULL);
    IO_CSQ_IRP_CONTEXT ctx;
    IoCsqInsertIrp(&csq, a, &ctx);
    assert_ptr_equal(IoCsqRemoveIrp(&csq, &ctx), a);
    assert_null(a->CancelRoutine);
    assert_null(IoCsqRemoveIrp(&csq, &ctx));
    assert_true(IsListEmpty(&queue));
    finish(a);
}

static void test_insert_of_cancelled_irp_completes_it(void **state)
{
    (void)state;
    PIRP a = new_irp(NULL);
    IO_CSQ_IRP_CONTEXT ctx;
    a->Cancel = TRUE;
    IoCsqInsertIrp(&csq, a, &ctx);
    assert_int_equal(completes_cancelled, 1);
    assert_true(IsListEmpty(&queue));
    assert_null(ctx.Irp);
    assert_null(IoCsqRemoveNextIrp(&csq, NULL));
}

static void test_peek_context_selects(void **state)
{
    (void)state;
    FILE_OBJECT f1, f2;
    PIRP a = new_irp(&f1), b = new_irp(&f2), c = new_irp(&f1);
    IoCsqInsertIrp(&csq, a, NULL);
    IoCsqInsertIrp(&csq, b, NULL);
    IoCsqInsertIrp(&csq, c, NULL);
    assert_ptr_equal(IoCsqRemoveNextIrp(&csq, &f2), b);
    assert_null(IoCsqRemoveNextIrp(&csq, &f2));
    assert_ptr_equal(IoCsqRemoveNextIrp(&csq, &f1), a);
    assert_ptr_equal(IoCsqRemoveNextIrp(&csq, &f1), c);
    finish(a);
    finish(b);
    finish(c);
}

static void test_insert_ex_passes_context_and_status(void **state)
{
    (void)state;
    assert_int_equal(csq.Type, IO_TYPE_CSQ_EX);
    PIRP a = new_irp(NULL), b = new_irp(NULL);
    assert_int_equal(IoCsqInsertIrpEx(&csq, a, NULL, (PVOID)0x5A), STATUS_SUCCESS);
    insert_ex_status = STATUS_INSUFFICIENT_RESOURCES;
    assert_int_equal(IoCsqInsertIrpEx(&csq, b, NULL, (PVOID)0x5A), STATUS_INSUFFICIENT_RESOURCES);
    assert_null(b->CancelRoutine);
    assert_false(IoGetCurrentIrpStackLocation(b)->Control & SL_PENDING_RETURNED);
    assert_int_equal(locked, 0);
    assert_ptr_equal(IoCsqRemoveNextIrp(&csq, NULL), a);
    assert_null(IoCsqRemoveNextIrp(&csq, NULL));
    finish(a);
    finish(b);
}

#define P(f) cmocka_unit_test_setup(f, setup_plain)
#define X(f) cmocka_unit_test_setup(f, setup_ex)

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        P(test_initialize_fills_the_structure),
        P(test_insert_then_remove_next_in_order),
        P(test_cancel_queued_irp),
        P(test_remove_by_context_once),
        P(test_insert_of_cancelled_irp_completes_it),
        P(test_peek_context_selects),
        X(test_insert_ex_passes_context_and_status),
    };
    return cmocka_run_group_tests(tests, setup_group, NULL);
}
