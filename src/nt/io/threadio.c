/*
 * threadio.c - cancelling the I/O a thread issued: NtCancelIoFile (CancelIo:
 * the calling thread's requests on a file), NtCancelIoFileEx (CancelIoEx:
 * one request or all of the process's on a file), NtCancelSynchronousIoFile
 * (CancelSynchronousIo), and the end of a thread or of the process, which
 * cancel every outstanding request and wait for it, as Windows does.
 *
 * Every IRP of the I/O services is on its issuing thread's IrpList until its
 * completion has run. A canceller finds an IRP under the list's lock, marks
 * it as the one it is cancelling (KTHREAD.CancellingIrp) and calls
 * IoCancelIrp without the lock; a completion of that IRP on another thread
 * waits in IopDequeueThreadIrp until the canceller lets go, so the IRP
 * cannot be freed under IoCancelIrp.
 *
 * An ending thread waits at most IopCancelTimeout seconds (Windows: 5
 * minutes, IO_DRIVER_CANCEL_TIMEOUT; here NTK_IO_CANCEL_TIMEOUT, default 5)
 * for its cancelled IRPs; those still outstanding are reported against
 * their driver and disassociated from the thread (Tail.Overlay.Thread =
 * NULL: their completion queues no APC), and the thread object is kept so
 * that a late completion never touches freed memory.
 */
#include <internal/io.h>
#include <internal/ps.h>
#include <internal/ntk_alloc.h>
#include <stdio.h>
#include <stdlib.h>

#define IOP_MAX_THREADS 1024

typedef BOOLEAN IOP_IRP_FILTER(PIRP Irp, PVOID Context);

/* Cancels every IRP of t's list the filter accepts; returns how many the
 * filter accepted (cancelled now or already). */
static ULONG IopCancelIrpsOfThread(PKTHREAD t, IOP_IRP_FILTER *Filter, PVOID Context)
{
    PKTHREAD me = KiThread();
    ULONG found = 0;
    KiAcquireWordLock(&t->IrpListLock);
    for (;;) {
        PIRP victim = NULL;
        ULONG matching = 0;
        for (PLIST_ENTRY e = t->IrpList.Flink; e != &t->IrpList; e = e->Flink) {
            PIRP irp = CONTAINING_RECORD(e, IRP, ThreadListEntry);
            if (Filter && !Filter(irp, Context))
                continue;
            matching++;
            if (!victim && !__atomic_load_n(&irp->Cancel, __ATOMIC_ACQUIRE))
                victim = irp;
        }
        if (matching > found)
            found = matching;
        if (!victim)
            break;
        if (t->CancellingIrp) {
            /* Another canceller is inside IoCancelIrp for this thread. */
            KiReleaseWordLock(&t->IrpListLock);
            ntkhost->thread_yield();
            KiAcquireWordLock(&t->IrpListLock);
            continue;
        }
        t->CancellingIrp = victim;
        t->CancellingThread = me;
        KiReleaseWordLock(&t->IrpListLock);
        IoCancelIrp(victim);
        KiAcquireWordLock(&t->IrpListLock);
        t->CancellingIrp = NULL;
        t->CancellingThread = NULL;
    }
    KiReleaseWordLock(&t->IrpListLock);
    return found;
}

static BOOLEAN IopAnyIrpOfThread(PKTHREAD t, IOP_IRP_FILTER *Filter, PVOID Context)
{
    BOOLEAN any = FALSE;
    KiAcquireWordLock(&t->IrpListLock);
    for (PLIST_ENTRY e = t->IrpList.Flink; e != &t->IrpList && !any; e = e->Flink)
        any = !Filter || Filter(CONTAINING_RECORD(e, IRP, ThreadListEntry), Context);
    KiReleaseWordLock(&t->IrpListLock);
    return any;
}

int64_t IopCancelTimeoutNs(void)
{
    static volatile int64_t cached = -1;
    int64_t ns = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (ns < 0) {
        const char *text = ntkhost->getenv("NTK_IO_CANCEL_TIMEOUT");
        double seconds = text && *text ? strtod(text, NULL) : 5.0;
        if (seconds < 0)
            seconds = 0;
        ns = (int64_t)(seconds * 1e9);
        __atomic_store_n(&cached, ns, __ATOMIC_RELAXED);
    }
    return ns;
}

/* Waits until no IRP of t the filter accepts is left, or the deadline. */
static BOOLEAN IopWaitIrpsOfThread(PKTHREAD t, IOP_IRP_FILTER *Filter, PVOID Context, int64_t Deadline)
{
    while (IopAnyIrpOfThread(t, Filter, Context)) {
        if (ntkhost->monotonic_ns() >= Deadline)
            return FALSE;
        ntkhost->sleep_ns(1000000);
    }
    return TRUE;
}

/* The IRPs still outstanding after the wait: reported, and cut loose. */
static void IopDisassociateThreadIrps(PKTHREAD t)
{
    ULONG n = 0;
    KiAcquireWordLock(&t->IrpListLock);
    while (!IsListEmpty(&t->IrpList)) {
        PIRP irp = CONTAINING_RECORD(RemoveHeadList(&t->IrpList), IRP, ThreadListEntry);
        InitializeListHead(&irp->ThreadListEntry);
        __atomic_store_n(&irp->Tail.Overlay.Thread, NULL, __ATOMIC_RELEASE);
        PDEVICE_OBJECT device =
            irp->CurrentLocation <= irp->StackCount ? IoGetCurrentIrpStackLocation(irp)->DeviceObject : NULL;
        const char *driver = device && device->DriverObject
                                 ? ((PIOP_DRIVER_OBJECT)device->DriverObject)->Private.ServiceNameA
                                 : "?";
        char line[256];
        snprintf(line, sizeof line,
                 "ntk: IO_DRIVER_CANCEL_TIMEOUT: driver %s did not complete cancelled IRP %p (major 0x%02x) "
                 "within %.1f s; it is disassociated from thread %lu\n",
                 driver, (void *)irp, irp->CurrentLocation <= irp->StackCount
                                          ? IoGetCurrentIrpStackLocation(irp)->MajorFunction
                                          : 0xFF,
                 (double)IopCancelTimeoutNs() / 1e9, (unsigned long)t->ThreadId);
        ntkhost->write_err(line, strlen(line));
        n++;
    }
    KiReleaseWordLock(&t->IrpListLock);
    /* A completion that read the thread before it was cleared may still
     * lock its list: the thread object stays. */
    if (n)
        ObfReferenceObject(t);
}

void IopCancelThreadIo(PKTHREAD Thread)
{
    if (!IopAnyIrpOfThread(Thread, NULL, NULL))
        return;
    IopCancelIrpsOfThread(Thread, NULL, NULL);
    if (!IopWaitIrpsOfThread(Thread, NULL, NULL, ntkhost->monotonic_ns() + IopCancelTimeoutNs()))
        IopDisassociateThreadIrps(Thread);
}

/* The application's threads, referenced. */
static ULONG IopApplicationThreads(PKTHREAD *Threads, ULONG Max)
{
    return PspReferenceProcessThreads(PspApplicationProcess, Threads, Max);
}

void IopCancelProcessIo(void)
{
    PKTHREAD *threads = KipAlloc(IOP_MAX_THREADS * sizeof *threads);
    if (!threads)
        return;
    ULONG n = IopApplicationThreads(threads, IOP_MAX_THREADS);
    for (ULONG i = 0; i < n; i++)
        IopCancelIrpsOfThread(threads[i], NULL, NULL);
    int64_t deadline = ntkhost->monotonic_ns() + IopCancelTimeoutNs();
    for (ULONG i = 0; i < n; i++) {
        if (!IopWaitIrpsOfThread(threads[i], NULL, NULL, deadline))
            IopDisassociateThreadIrps(threads[i]);
        ObfDereferenceObject(threads[i]);
    }
    KipFree(threads);
}

typedef struct IOP_CANCEL_MATCH {
    PFILE_OBJECT File;
    PIO_STATUS_BLOCK Request; /* NULL: any */
    BOOLEAN SynchronousOnly;
} IOP_CANCEL_MATCH;

static BOOLEAN IopMatchIrp(PIRP Irp, PVOID Context)
{
    IOP_CANCEL_MATCH *m = Context;
    if (m->File && Irp->Tail.Overlay.OriginalFileObject != m->File)
        return FALSE;
    if (m->Request && Irp->UserIosb != m->Request)
        return FALSE;
    if (m->SynchronousOnly) {
        PFILE_OBJECT file = Irp->Tail.Overlay.OriginalFileObject;
        if (!(Irp->Flags & IRP_SYNCHRONOUS_API) && !(file && (IopFileFlags(file) & FO_SYNCHRONOUS_IO)))
            return FALSE;
    }
    return TRUE;
}

/* @implemented: cancels the calling thread's requests on the file and
 * waits (bounded) for them to complete. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtCancelIoFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock)
{
    PVOID file;
    NTSTATUS status =
        ObReferenceObjectByHandle(FileHandle, 0, IopFileObjectType, KiCallerMode(KiThread()), &file, NULL);
    if (!NT_SUCCESS(status))
        return status;
    PKTHREAD t = KiThread();
    IOP_CANCEL_MATCH m = {.File = file};
    if (IopCancelIrpsOfThread(t, IopMatchIrp, &m))
        IopWaitIrpsOfThread(t, IopMatchIrp, &m, ntkhost->monotonic_ns() + IopCancelTimeoutNs());
    ObfDereferenceObject(file);
    IoStatusBlock->Status = STATUS_SUCCESS;
    IoStatusBlock->Information = 0;
    return STATUS_SUCCESS;
}

/* @implemented: cancels the process's requests on the file (only the one
 * issued with IoRequestToCancel, if given), from any thread; does not wait.
 * STATUS_NOT_FOUND if there was none. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtCancelIoFileEx(HANDLE FileHandle, PIO_STATUS_BLOCK IoRequestToCancel,
                                               PIO_STATUS_BLOCK IoStatusBlock)
{
    PVOID file;
    NTSTATUS status =
        ObReferenceObjectByHandle(FileHandle, 0, IopFileObjectType, KiCallerMode(KiThread()), &file, NULL);
    if (!NT_SUCCESS(status))
        return status;
    PKTHREAD *threads = KipAlloc(IOP_MAX_THREADS * sizeof *threads);
    if (!threads) {
        ObfDereferenceObject(file);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IOP_CANCEL_MATCH m = {.File = file, .Request = IoRequestToCancel};
    ULONG found = 0;
    ULONG n = IopApplicationThreads(threads, IOP_MAX_THREADS);
    for (ULONG i = 0; i < n; i++) {
        found += IopCancelIrpsOfThread(threads[i], IopMatchIrp, &m);
        ObfDereferenceObject(threads[i]);
    }
    KipFree(threads);
    ObfDereferenceObject(file);
    IoStatusBlock->Status = found ? STATUS_SUCCESS : STATUS_NOT_FOUND;
    IoStatusBlock->Information = 0;
    return found ? STATUS_SUCCESS : STATUS_NOT_FOUND;
}

/* @implemented: cancels the synchronous request(s) the thread is waiting
 * for; STATUS_NOT_FOUND if there is none. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtCancelSynchronousIoFile(HANDLE ThreadHandle, PIO_STATUS_BLOCK IoRequestToCancel,
                                                        PIO_STATUS_BLOCK IoStatusBlock)
{
    PVOID thread;
    NTSTATUS status = ObReferenceObjectByHandle(ThreadHandle, 0x0001 /* THREAD_TERMINATE */, PspThreadObjectType,
                                                KiCallerMode(KiThread()), &thread, NULL);
    if (!NT_SUCCESS(status))
        return status;
    IOP_CANCEL_MATCH m = {.Request = IoRequestToCancel, .SynchronousOnly = TRUE};
    ULONG found = ((PKTHREAD)thread)->IrpList.Flink ? IopCancelIrpsOfThread(thread, IopMatchIrp, &m) : 0;
    ObfDereferenceObject(thread);
    IoStatusBlock->Status = found ? STATUS_SUCCESS : STATUS_NOT_FOUND;
    IoStatusBlock->Information = 0;
    return found ? STATUS_SUCCESS : STATUS_NOT_FOUND;
}
