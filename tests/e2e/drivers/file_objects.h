/*
 * file_objects.h - interface of the file-object test driver (file_objects.c)
 * shared with its application (file_objects_app.c).
 *
 * The driver logs every IRP_MJ_CREATE, IRP_MJ_CLEANUP and IRP_MJ_CLOSE it
 * receives, with the file object, the open number it keeps in the file
 * object's FsContext, the name remainder, the IRP's flags and the context
 * it ran in (io-semantics 1.G.44, 1.G.45, 1.C.28, 1.A.9).
 */
#ifndef E2E_FILE_OBJECTS_H
#define E2E_FILE_OBJECTS_H

#define FILE_OBJECTS_DEVICE_NAME L"\\Device\\E2eFileObjects"
#define FILE_OBJECTS_LINK_NAME L"\\DosDevices\\E2eFileObjects"
#define FILE_OBJECTS_WIN32_PATH "\\\\.\\E2eFileObjects"

/* Output: ULONG, the open number IRP_MJ_CREATE gave this handle's file
 * object (1, 2, 3... in order of opening). */
#define IOCTL_FILE_OBJECTS_GET_OPEN_ID \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* Output: ULONGLONG, the address of this handle's file object. */
#define IOCTL_FILE_OBJECTS_GET_FILE_OBJECT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* Output: FILE_OBJECTS_LOG. I/O control requests are not logged. */
#define IOCTL_FILE_OBJECTS_GET_LOG \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x902, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* Name remainders (what follows \\.\E2eFileObjects) that IRP_MJ_CREATE
 * treats specially: it reports FILE_OPENED for "\opened" and any other
 * name, FILE_CREATED for "\created", and fails "\denied" with
 * STATUS_ACCESS_DENIED. */
#define FILE_OBJECTS_REMAINDER_OPENED L"\\opened"
#define FILE_OBJECTS_REMAINDER_CREATED L"\\created"
#define FILE_OBJECTS_REMAINDER_DENIED L"\\denied"

#define FILE_OBJECTS_MAX_EVENTS 64
#define FILE_OBJECTS_NAME_CHARS 32

typedef struct _FILE_OBJECT_EVENT {
    ULONG MajorFunction;      /* IRP_MJ_CREATE, IRP_MJ_CLEANUP or IRP_MJ_CLOSE */
    LONG Status;              /* what the driver completed the IRP with */
    ULONG OpenId;             /* from FsContext; 0 if it has none */
    ULONG FileObjectType;     /* FileObject->Type */
    ULONGLONG FileObject;     /* the file object's address */
    ULONG IrpFlags;           /* Irp->Flags */
    ULONG Irql;               /* KeGetCurrentIrql() in the dispatch routine */
    ULONGLONG ProcessId;      /* PsGetCurrentProcessId() */
    ULONGLONG ThreadId;       /* PsGetCurrentThreadId() */
    ULONG IrpThreadIsCurrent; /* Irp->Tail.Overlay.Thread == PsGetCurrentThread() */
    ULONG FileNameLength;     /* FileObject->FileName.Length, in bytes */
    WCHAR FileName[FILE_OBJECTS_NAME_CHARS]; /* its first characters */
} FILE_OBJECT_EVENT;

typedef struct _FILE_OBJECTS_LOG {
    ULONG Count; /* events recorded; only the first FILE_OBJECTS_MAX_EVENTS are kept */
    FILE_OBJECT_EVENT Events[FILE_OBJECTS_MAX_EVENTS];
} FILE_OBJECTS_LOG;

/* wdm.h values the application needs to read the log. */
#ifndef IRP_MJ_CREATE
#define IRP_MJ_CREATE 0x00
#define IRP_MJ_CLOSE 0x02
#define IRP_MJ_CLEANUP 0x12
#define IRP_SYNCHRONOUS_API 0x00000004
#define IRP_CLOSE_OPERATION 0x00000400
#define PASSIVE_LEVEL 0
#endif

#endif /* E2E_FILE_OBJECTS_H */
