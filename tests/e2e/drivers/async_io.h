/*
 * async_io.h - interface of the asynchronous-I/O test driver (async_io.c)
 * shared with its applications (async_io_app.c, async_io_stress_app.c).
 *
 * The driver completes requests inline or pends them (with a cancel
 * routine, unless asked not to) and completes them later from a periodic
 * timer's DPC, so that the applications can observe what overlapped
 * handles, events, APCs, completion ports and cancellation report
 * (io-semantics 1.E.36-41, 1.H.51-53, 1.I.57-60, 2.1 rules 3-4).
 */
#ifndef E2E_ASYNC_IO_H
#define E2E_ASYNC_IO_H

#define ASYNC_IO_DEVICE_NAME L"\\Device\\E2eAsyncIo"
#define ASYNC_IO_LINK_NAME L"\\DosDevices\\E2eAsyncIo"
#define ASYNC_IO_WIN32_PATH "\\\\.\\E2eAsyncIo"

/*
 * METHOD_BUFFERED. Input: ASYNC_IO_REQUEST; output (if any, >= 6 bytes):
 * "ghijkl" on inline completion, "late!!" on a later one.
 * Pend == 0: complete with {IoStatus, Information} and return ReturnStatus.
 * Pend != 0: IoMarkIrpPending, return STATUS_PENDING; the timer completes
 * the IRP with {IoStatus, Information} after DelayMs (ASYNC_IO_FOREVER:
 * only cancellation ends it). NoCancel: no cancel routine is set.
 */
#define IOCTL_ASYNC_IO_REQUEST CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA00, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* Output: ASYNC_IO_STATS. */
#define IOCTL_ASYNC_IO_STATS CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA01, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define ASYNC_IO_FOREVER 0xFFFFFFFFu
#define ASYNC_IO_INLINE_OUTPUT "ghijkl"
#define ASYNC_IO_LATE_OUTPUT "late!!"
#define ASYNC_IO_OUTPUT_SIZE 6

typedef struct _ASYNC_IO_REQUEST {
    LONG IoStatus;
    LONG ReturnStatus;
    ULONG Information;
    ULONG Pend;
    ULONG DelayMs;
    ULONG NoCancel;
} ASYNC_IO_REQUEST;

typedef struct _ASYNC_IO_STATS {
    LONG CancelRoutineCalls; /* cancel routines run */
    LONG Completed;          /* IRPs completed by the driver (any path) */
    LONG Pending;            /* IRPs pended and not yet completed */
    LONG CleanupCancelled;   /* completed with STATUS_CANCELLED at IRP_MJ_CLEANUP */
} ASYNC_IO_STATS;

/*
 * IRP_MJ_READ (buffered): fills the buffer with 'r' and completes with
 * {STATUS_SUCCESS, Length}, inline when ByteOffset is 0, otherwise pended
 * (cancellable) and completed after ByteOffset.LowPart milliseconds
 * (ASYNC_IO_FOREVER: only by cancellation).
 * IRP_MJ_WRITE: completes inline with {STATUS_SUCCESS, Length}.
 * IRP_MJ_CLEANUP: completes the file object's pending IRPs with
 * STATUS_CANCELLED.
 */

#endif /* E2E_ASYNC_IO_H */
