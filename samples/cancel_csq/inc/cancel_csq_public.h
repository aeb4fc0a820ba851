/*
 * cancel_csq_public.h - what the cancel-safe-queue sample driver and its
 * application agree on: names, the control codes, the layout of the data a
 * read returns and the driver's counters.
 */
#ifndef CANCEL_CSQ_PUBLIC_H
#define CANCEL_CSQ_PUBLIC_H

#define CSQ_DEVICE_NAME L"\\Device\\CancelCsq"
#define CSQ_DOS_DEVICE_NAME L"\\DosDevices\\CancelCsq"
#define CSQ_WIN32_PATH "\\\\.\\CancelCsq"

/* The device stops serving reads (they stay queued) / starts again. */
#define IOCTL_CSQ_PAUSE CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_CSQ_RESUME CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* Output: CSQ_STATS. */
#define IOCTL_CSQ_GET_STATS CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* A served read starts with this header; every byte after it, at offset i
 * from the start of the buffer, is CSQ_PATTERN(Serial, i). */
typedef struct _CSQ_READ_HEADER {
    ULONG Serial; /* 1 for the first read the device served, 2, ... */
    ULONG Length; /* the length of the read */
} CSQ_READ_HEADER, *PCSQ_READ_HEADER;

#define CSQ_PATTERN(Serial, i) ((UCHAR)((Serial) * 31u + (i)))

typedef struct _CSQ_STATS {
    LONG Queued;             /* reads in the queue right now */
    LONG Served;             /* reads completed with data */
    LONG CancelledByIo;      /* reads cancelled through IoCancelIrp (CancelIo*) */
    LONG CancelledByCleanup; /* reads cancelled by IRP_MJ_CLEANUP */
} CSQ_STATS, *PCSQ_STATS;

#endif
