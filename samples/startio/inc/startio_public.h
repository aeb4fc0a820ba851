/*
 * startio_public.h - what the StartIo sample driver and its application
 * agree on: names, the one IOCTL and its request and reply.
 */
#ifndef STARTIO_PUBLIC_H
#define STARTIO_PUBLIC_H

#define STARTIO_DEVICE_NAME L"\\Device\\StartIoSample"
#define STARTIO_DOS_DEVICE_NAME L"\\DosDevices\\StartIoSample"
#define STARTIO_WIN32_PATH "\\\\.\\StartIoSample"

#define IOCTL_STARTIO_SQUARE CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _STARTIO_REQUEST {
    LONG Value;
} STARTIO_REQUEST, *PSTARTIO_REQUEST;

typedef struct _STARTIO_REPLY {
    LONG Square;
    LONG Order;     /* 1 for the first request the device served, ... */
    LONG MaxActive; /* most requests the device ever worked on at once */
} STARTIO_REPLY, *PSTARTIO_REPLY;

#endif
