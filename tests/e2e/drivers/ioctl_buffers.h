/*
 * ioctl_buffers.h - interface of the buffer-inspection test driver
 * (ioctl_buffers.c) shared with its application (ioctl_buffers_app.c).
 *
 * The driver reports what the I/O manager handed it for each transfer
 * method (io-semantics 1.D), counts every IRP it receives so that the
 * application can prove a refused request never reached it (1.F), and
 * leaves some major functions to the I/O manager's default (1.A.10).
 */
#ifndef E2E_IOCTL_BUFFERS_H
#define E2E_IOCTL_BUFFERS_H

#define IOCTL_BUFFERS_DEVICE_NAME L"\\Device\\E2eIoctlBuffers"
#define IOCTL_BUFFERS_LINK_NAME L"\\DosDevices\\E2eIoctlBuffers"
#define IOCTL_BUFFERS_WIN32_PATH "\\\\.\\E2eIoctlBuffers"

/*
 * The inspection codes. For each, the driver records a BUFFER_VIEW of what
 * it was given (fetch it with IOCTL_BUFFERS_GET_LAST_VIEW), checks the input
 * against BUFFERS_INPUT_BYTE, then fills the whole output buffer with
 * BUFFERS_OUTPUT_BYTE and completes with Information = OutputBufferLength.
 */
#define IOCTL_BUFFERS_INSPECT_BUFFERED \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_BUFFERS_INSPECT_IN_DIRECT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_IN_DIRECT, FILE_ANY_ACCESS)
#define IOCTL_BUFFERS_INSPECT_OUT_DIRECT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x902, METHOD_OUT_DIRECT, FILE_ANY_ACCESS)
#define IOCTL_BUFFERS_INSPECT_NEITHER \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x903, METHOD_NEITHER, FILE_ANY_ACCESS)

/* Output: BUFFER_VIEW of the last inspection request. */
#define IOCTL_BUFFERS_GET_LAST_VIEW \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x904, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* Output: ULONG, the number of IRPs the driver's dispatch routines have
 * received so far, this one included. */
#define IOCTL_BUFFERS_GET_IRP_COUNT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x905, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* Succeed with no data; they differ only in the access they require. */
#define IOCTL_BUFFERS_NEEDS_READ \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x906, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_BUFFERS_NEEDS_WRITE \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x907, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_BUFFERS_NEEDS_READ_WRITE \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x908, METHOD_BUFFERED, FILE_READ_ACCESS | FILE_WRITE_ACCESS)

/* A code the driver does not implement. */
#define IOCTL_BUFFERS_UNKNOWN \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x9ff, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* Byte i of every input the application sends, and of every output the
 * driver writes. */
#define BUFFERS_INPUT_BYTE(i) ((UCHAR)(0x41 + (i) % 26))
#define BUFFERS_OUTPUT_BYTE(i) ((UCHAR)(0xa0 + (i) % 64))

#define BUFFER_VIEW_SAVED_BYTES 16

/* Irp->Flags bits reported in BUFFER_VIEW.IrpFlags (wdm.h values, repeated
 * for the application, which does not see wdm.h). */
#ifndef IRP_BUFFERED_IO
#define IRP_BUFFERED_IO 0x00000010
#define IRP_DEALLOCATE_BUFFER 0x00000020
#define IRP_INPUT_OPERATION 0x00000040
#endif

typedef struct _BUFFER_VIEW {
    ULONG IoControlCode;
    ULONG InputBufferLength;   /* Parameters.DeviceIoControl */
    ULONG OutputBufferLength;
    ULONG IrpFlags;            /* Irp->Flags */
    ULONG SystemBufferPresent; /* Irp->AssociatedIrp.SystemBuffer != NULL */
    ULONG InputMatches;        /* all InputBufferLength bytes were BUFFERS_INPUT_BYTE */
    ULONG MdlPresent;          /* Irp->MdlAddress != NULL */
    ULONG MdlByteCount;        /* MmGetMdlByteCount(Irp->MdlAddress) */
    ULONG OutputSeenBytes;     /* the first bytes of the output buffer as the driver */
    UCHAR OutputSeen[BUFFER_VIEW_SAVED_BYTES]; /* found it (direct methods only) */
    ULONGLONG Type3InputBuffer; /* METHOD_NEITHER: the pointers as received */
    ULONGLONG UserBuffer;
} BUFFER_VIEW;

#endif /* E2E_IOCTL_BUFFERS_H */
