/*
 * complete.c - the last stage of IRP completion, after every completion
 * routine has run: copy buffered output back, release MDLs, report the
 * status to the caller's I/O status block and events, free the IRP.
 *
 * What reaches the caller depends on the status class exactly as on Windows
 * (docs/IO.md): buffered output is copied back only when the status is not an
 * error; a user-mode caller's IOSB is written and its event set only for
 * non-error statuses or pended requests on non-synchronous file objects;
 * kernel-mode callers always get their IOSB and event.
 */
#include <internal/io.h>

/* Unlocks and frees the IRP's MDL chain (the I/O manager's own, or what a
 * driver chained to it). */
void IopReleaseIrpMdls(PIRP Irp)
{
    for (PMDL mdl = Irp->MdlAddress, next; mdl; mdl = next) {
        next = mdl->Next;
        if (mdl->MdlFlags & MDL_PAGES_LOCKED)
            MmUnlockPages(mdl);
        IoFreeMdl(mdl);
    }
    Irp->MdlAddress = NULL;
}

void IopCompleteRequest(PIRP Irp)
{
    /* Associated IRPs (io/associrp.c): no caller to report to; the last
     * one to finish completes its master. */
    if (Irp->Flags & IRP_ASSOCIATED_IRP) {
        IopCompleteAssociatedIrp(Irp);
        return;
    }
    NTSTATUS status = Irp->IoStatus.Status;
    PFILE_OBJECT file = Irp->Tail.Overlay.OriginalFileObject;

    BOOLEAN copyFaulted = FALSE;
    if (Irp->Flags & IRP_BUFFERED_IO) {
        PVOID system = Irp->AssociatedIrp.SystemBuffer;
        if ((Irp->Flags & IRP_INPUT_OPERATION) && !NT_ERROR(status) && status != STATUS_VERIFY_REQUIRED &&
            Irp->IoStatus.Information && !system) {
            /* A zero-length request whose driver reports data: on Windows the
             * copy back faults, so the caller's I/O status block is not
             * written (io-semantics 1.C.23). */
            copyFaulted = TRUE;
        } else if ((Irp->Flags & IRP_INPUT_OPERATION) && !NT_ERROR(status) && status != STATUS_VERIFY_REQUIRED &&
                   Irp->IoStatus.Information && Irp->UserBuffer) {
            if (Irp->IoStatus.Information > IopSystemBufferCopyLimit(system))
                KiBugCheckAt(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x312, (ULONG_PTR)Irp,
                             Irp->IoStatus.Information, IopSystemBufferCopyLimit(system), NULL,
                             "IoStatus.Information is larger than the caller's output buffer");
            memcpy(Irp->UserBuffer, system, Irp->IoStatus.Information);
        }
        if ((Irp->Flags & IRP_DEALLOCATE_BUFFER) && system)
            IopFreeSystemBuffer(system);
        Irp->AssociatedIrp.SystemBuffer = NULL;
    }

    IopReleaseIrpMdls(Irp);

    BOOLEAN synchronousFile = file && (IopFileFlags(file) & FO_SYNCHRONOUS_IO);
    BOOLEAN report = !copyFaulted && (!NT_ERROR(status) || Irp->RequestorMode == KernelMode ||
                                       (Irp->PendingReturned && !synchronousFile));
    /* A request of the I/O services on a file (not create/cleanup/close):
     * its Event was referenced from the caller's handle. */
    BOOLEAN serviceRequest = file && !(Irp->Flags & IRP_SYNCHRONOUS_API);
    if (report) {
        if (Irp->UserIosb) {
            Irp->UserIosb->Status = status;
            Irp->UserIosb->Information = Irp->IoStatus.Information;
        }
        if (Irp->UserEvent)
            KeSetEvent(Irp->UserEvent, IO_NO_INCREMENT, FALSE);
        /* Overlapped file objects (io-semantics 1.E.36-39): the file object
         * is signalled when no event was passed, and either a completion
         * packet or the caller's APC is queued. */
        if (serviceRequest && !synchronousFile)
            IopReportAsynchronousCompletion(Irp, file, status);
    }
    if (serviceRequest && Irp->UserEvent)
        ObfDereferenceObject(Irp->UserEvent);
    if (synchronousFile && !NT_ERROR(status) && (Irp->Flags & (IRP_READ_OPERATION | IRP_WRITE_OPERATION)))
        file->CurrentByteOffset.QuadPart += Irp->IoStatus.Information;
    /* Signalled even when the driver forgot IoMarkIrpPending, so that a
     * dispatch routine returning STATUS_PENDING never hangs the caller. */
    if (synchronousFile && !(Irp->Flags & IRP_SYNCHRONOUS_API)) {
        file->FinalStatus = copyFaulted ? STATUS_ACCESS_VIOLATION : status;
        KeSetEvent(&file->Event, IO_NO_INCREMENT, FALSE);
    }
    /* An overlapped request kept its file object alive until now (iosvc.c);
     * the last reference dropped in a DPC closes it on a worker thread
     * (ob/obref.c). */
    if (serviceRequest && !synchronousFile)
        ObfDereferenceObject(file);
    IopDequeueThreadIrp(Irp);
    IoFreeIrp(Irp);
}
