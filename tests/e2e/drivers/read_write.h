/*
 * read_write.h - interface of the read/write test driver (read_write.c)
 * shared with its application (read_write_app.c).
 *
 * The driver creates three devices that differ only in their I/O type, so
 * that the application can compare how ReadFile and WriteFile buffers reach
 * a driver through each (io-semantics 1.C).
 */
#ifndef E2E_READ_WRITE_H
#define E2E_READ_WRITE_H

#define READ_WRITE_BUFFERED_DEVICE_NAME L"\\Device\\E2eRwBuffered" /* DO_BUFFERED_IO */
#define READ_WRITE_DIRECT_DEVICE_NAME L"\\Device\\E2eRwDirect"     /* DO_DIRECT_IO */
#define READ_WRITE_NEITHER_DEVICE_NAME L"\\Device\\E2eRwNeither"   /* neither */
#define READ_WRITE_BUFFERED_LINK_NAME L"\\DosDevices\\E2eRwBuffered"
#define READ_WRITE_DIRECT_LINK_NAME L"\\DosDevices\\E2eRwDirect"
#define READ_WRITE_NEITHER_LINK_NAME L"\\DosDevices\\E2eRwNeither"
#define READ_WRITE_BUFFERED_WIN32_PATH "\\\\.\\E2eRwBuffered"
#define READ_WRITE_DIRECT_WIN32_PATH "\\\\.\\E2eRwDirect"
#define READ_WRITE_NEITHER_WIN32_PATH "\\\\.\\E2eRwNeither"

/*
 * Input: READ_PLAN, how the device completes the reads that follow. Every
 * read fills the whole buffer (all Length bytes the driver can reach) with
 * READ_WRITE_FILL_BYTE, then completes with {Status, Information}.
 */
#define IOCTL_READ_WRITE_SET_READ_PLAN \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* Output: READ_WRITE_VIEW of the last read or write the device received. */
#define IOCTL_READ_WRITE_GET_LAST_REQUEST \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define READ_WRITE_FILL_BYTE 0x44

typedef struct _READ_PLAN {
    LONG Status;
    ULONG Information;
} READ_PLAN;

#define READ_WRITE_SAVED_BYTES 64

typedef struct _READ_WRITE_VIEW {
    ULONG Sequence;            /* reads and writes received so far, this one included */
    ULONG MajorFunction;       /* IRP_MJ_READ or IRP_MJ_WRITE */
    ULONG Length;              /* Parameters.Read.Length or Parameters.Write.Length */
    ULONG IrpFlags;            /* Irp->Flags */
    ULONG SystemBufferPresent; /* Irp->AssociatedIrp.SystemBuffer != NULL */
    ULONG MdlPresent;          /* Irp->MdlAddress != NULL */
    ULONG MdlByteCount;        /* MmGetMdlByteCount(Irp->MdlAddress) */
    ULONGLONG UserBuffer;      /* Irp->UserBuffer */
    ULONG DataBytes;           /* writes: how many bytes of the data are saved */
    UCHAR Data[READ_WRITE_SAVED_BYTES];
} READ_WRITE_VIEW;

/* wdm.h values the application needs to read a view. */
#ifndef IRP_MJ_READ
#define IRP_MJ_READ 0x03
#define IRP_MJ_WRITE 0x04
#endif
#ifndef IRP_BUFFERED_IO
#define IRP_BUFFERED_IO 0x00000010
#define IRP_DEALLOCATE_BUFFER 0x00000020
#define IRP_INPUT_OPERATION 0x00000040
#endif

#endif /* E2E_READ_WRITE_H */
