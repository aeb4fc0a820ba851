/*
 * return_status.h - interface of the return-status test driver
 * (return_status.c) shared with its application (return_status_app.c).
 *
 * The driver completes each request with whatever status the caller asks
 * for, so that the application can observe, status by status and method by
 * method, what DeviceIoControl reports (io-semantics 1.D, 1.E, 2).
 */
#ifndef E2E_RETURN_STATUS_H
#define E2E_RETURN_STATUS_H

#define RETURN_STATUS_DEVICE_NAME L"\\Device\\E2eReturnStatus"
#define RETURN_STATUS_LINK_NAME L"\\DosDevices\\E2eReturnStatus"
#define RETURN_STATUS_WIN32_PATH "\\\\.\\E2eReturnStatus"

/*
 * Input: RETURN_STATUS_REQUEST. The driver writes the 6 bytes "ghijkl" to
 * the output buffer (at least 6 bytes) through the code's method, sets
 * Irp->IoStatus to {IoStatus, Information}, completes the IRP and returns
 * ReturnStatus; or, when Pend is nonzero, marks the IRP pending first and
 * returns STATUS_PENDING.
 */
#define IOCTL_RETURN_STATUS_BUFFERED \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_RETURN_STATUS_OUT_DIRECT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_OUT_DIRECT, FILE_ANY_ACCESS)
#define IOCTL_RETURN_STATUS_NEITHER \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x902, METHOD_NEITHER, FILE_ANY_ACCESS)

/* What the driver writes into every output buffer. */
#define RETURN_STATUS_OUTPUT "ghijkl"
#define RETURN_STATUS_OUTPUT_SIZE 6

typedef struct _RETURN_STATUS_REQUEST {
    LONG IoStatus;     /* stored in Irp->IoStatus.Status */
    LONG ReturnStatus; /* returned by the dispatch routine (unless Pend) */
    ULONG Information; /* stored in Irp->IoStatus.Information */
    ULONG Pend;        /* nonzero: IoMarkIrpPending, complete, return STATUS_PENDING */
} RETURN_STATUS_REQUEST;

/*
 * METHOD_BUFFERED. Input: COMPLETE_LATER_REQUEST. The driver marks the IRP
 * pending and returns STATUS_PENDING; a work item waits DelayMs, writes
 * RETURN_STATUS_LATE_OUTPUT into the system buffer and completes the IRP
 * with {Status, Information}.
 */
#define IOCTL_RETURN_STATUS_COMPLETE_LATER \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x903, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define RETURN_STATUS_LATE_OUTPUT "late"
#define RETURN_STATUS_LATE_OUTPUT_SIZE 4

typedef struct _COMPLETE_LATER_REQUEST {
    LONG Status;
    ULONG Information;
    ULONG DelayMs;
} COMPLETE_LATER_REQUEST;

#endif /* E2E_RETURN_STATUS_H */
