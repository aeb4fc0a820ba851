/*
 * event_notify_public.h - what the event-notification sample driver and its
 * application agree on: names, the control codes, the registration and the
 * reply of a notification, and the driver's counters.
 */
#ifndef EVENT_NOTIFY_PUBLIC_H
#define EVENT_NOTIFY_PUBLIC_H

#define NOTIFY_DEVICE_NAME L"\\Device\\EventNotify"
#define NOTIFY_DOS_DEVICE_NAME L"\\DosDevices\\EventNotify"
#define NOTIFY_WIN32_PATH "\\\\.\\EventNotify"

/* Input: NOTIFY_REGISTRATION. IRP-based: the request itself stays pending
 * until the notification and then returns a NOTIFY_REPLY (output buffer).
 * Event-based: the request completes at once and the driver sets the event
 * when the notification is due. */
#define IOCTL_NOTIFY_REGISTER CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* Output: NOTIFY_STATS. */
#define IOCTL_NOTIFY_GET_STATS CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef enum _NOTIFY_TYPE {
    NOTIFY_IRP_BASED = 1,
    NOTIFY_EVENT_BASED = 2,
} NOTIFY_TYPE;

typedef struct _NOTIFY_REGISTRATION {
    ULONG Type;    /* NOTIFY_TYPE */
    ULONG DelayMs; /* when the notification is due, from now */
    HANDLE Event;  /* NOTIFY_EVENT_BASED: an event the caller may modify */
} NOTIFY_REGISTRATION, *PNOTIFY_REGISTRATION;

/* What an IRP-based notification returns. */
typedef struct _NOTIFY_REPLY {
    ULONG Sequence;        /* 1 for the first notification the driver delivered, ... */
    ULONG CompletionIrql;  /* the IRQL the driver completed the request at */
    ULONGLONG ElapsedTime; /* from registration to notification, in 100 ns (interrupt time) */
} NOTIFY_REPLY, *PNOTIFY_REPLY;

typedef struct _NOTIFY_STATS {
    LONG Outstanding;        /* notifications registered and not yet delivered or cancelled */
    LONG Delivered;          /* IRPs completed and events set by the timer's DPC */
    LONG CancelledByIo;      /* pending IRPs cancelled through IoCancelIrp (CancelIo*) */
    LONG CancelledByCleanup; /* notifications dropped by IRP_MJ_CLEANUP */
} NOTIFY_STATS, *PNOTIFY_STATS;

#endif
