/*
 * io.h - I/O manager internals: private parts of device, driver and file
 * objects, the IRP life-cycle hooks, IRP and buffer caches, and the system
 * services' common code.
 */
#ifndef NTK_INTERNAL_IO_H
#define NTK_INTERNAL_IO_H

#include <internal/ob.h>

struct ldr_image;

/* What follows the public DEVOBJ_EXTENSION fields (private to ntk). */
typedef struct _IOP_DEVOBJ_EXTENSION {
    DEVOBJ_EXTENSION Public;      /* Type 13, Size, DeviceObject */
    ULONG ExtensionFlags;         /* DOE_* */
    PDEVICE_OBJECT AttachedTo;    /* the device this one is attached on top of */
    /* StartIo (io/startio.c): nesting depth of DriverStartIo in the low
     * bits plus a deferred IoStartNextPacket request, in one atomic word;
     * the key of a deferred by-key request. */
    volatile LONG StartIoState;
    ULONG StartIoKey;
} IOP_DEVOBJ_EXTENSION, *PIOP_DEVOBJ_EXTENSION;

#define IopDeviceExtension(d) ((PIOP_DEVOBJ_EXTENSION)(d)->DeviceObjectExtension)

/* Follows DRIVER_OBJECT + DRIVER_EXTENSION in the driver object's body. */
typedef struct _IOP_DRIVER_PRIVATE {
    struct ldr_image *Image;
    UNICODE_STRING RegistryPath;  /* what DriverEntry was given */
    PUNICODE_STRING RegistryPathAllocation;
    char ServiceNameA[64];
    LIST_ENTRY LoadedEntry;       /* IopLoadedDrivers */
    volatile LONG UnloadState;    /* IOP_DRIVER_LOADED, _UNLOAD_PENDING, _UNLOADING; UnloadLock */
    volatile LONG UnloadLock;
} IOP_DRIVER_PRIVATE, *PIOP_DRIVER_PRIVATE;

/* A driver's way out: ZwUnloadDriver on a driver with files open on its
 * devices (or another driver attached to one) marks it unload pending and
 * returns; the unload happens when the last of those files is closed.
 * Whoever moves a driver to UNLOADING (ZwUnloadDriver, the last close, the
 * application's exit) unloads it, exactly once. */
#define IOP_DRIVER_LOADED 0
#define IOP_DRIVER_UNLOAD_PENDING 1
#define IOP_DRIVER_UNLOADING 2

typedef struct _IOP_DRIVER_OBJECT {
    DRIVER_OBJECT Driver;
    DRIVER_EXTENSION Extension;
    IOP_DRIVER_PRIVATE Private;
} IOP_DRIVER_OBJECT, *PIOP_DRIVER_OBJECT;

/* Parameters of an open, passed to the device's parse procedure. */
typedef struct _IOP_OPEN_PACKET {
    ACCESS_MASK DesiredAccess;
    ULONG Disposition;
    ULONG CreateOptions;
    ULONG ShareAccess;
    ULONG FileAttributes;
    KPROCESSOR_MODE AccessMode;
    IO_STATUS_BLOCK IoStatus;     /* the create IRP's result */
    BOOLEAN Parsed;               /* the parse procedure ran */
} IOP_OPEN_PACKET, *PIOP_OPEN_PACKET;

extern POBJECT_TYPE IopDeviceObjectType, IopDriverObjectType, IopFileObjectType;

/* IRP life-cycle: every IRP passes through these points, so that tracing
 * and verification can hook one place. Observers are off by default; the
 * check is one predictable branch. */
typedef enum _IOP_IRP_EVENT {
    IopIrpAllocated,
    IopIrpCallDriver,      /* arg: the device called */
    IopIrpDispatchReturned,/* arg: the status returned (cast) */
    IopIrpCompletionRoutine,/* arg: the routine about to run */
    IopIrpCompleted,       /* IoCompleteRequest entered */
    IopIrpFreed,
} IOP_IRP_EVENT;
typedef void IOP_IRP_OBSERVER(IOP_IRP_EVENT Event, PIRP Irp, PVOID Arg);
extern IOP_IRP_OBSERVER *volatile IopIrpObserver;
static inline void IopNotifyIrp(IOP_IRP_EVENT Event, PIRP Irp, PVOID Arg)
{
    IOP_IRP_OBSERVER *observer = IopIrpObserver;
    if (__builtin_expect(observer != NULL, 0))
        observer(Event, Irp, Arg);
}

/* IRPs and system buffers from per-thread caches (no lock, no malloc on
 * the fast path). */
PIRP IopAllocateIrp(CCHAR StackSize, BOOLEAN ChargeQuota);
PVOID IopAllocateSystemBuffer(SIZE_T Length);
void IopFreeSystemBuffer(PVOID Buffer);
/* The caller's output length: IoStatus.Information beyond it would overrun
 * the caller's buffer on copy-back. */
void IopSetSystemBufferCopyLimit(PVOID Buffer, SIZE_T Limit);
SIZE_T IopSystemBufferCopyLimit(PVOID Buffer);

/* The issuing thread's list of its IRPs (cancelled if it exits). */
void IopQueueThreadIrp(PIRP Irp);
void IopDequeueThreadIrp(PIRP Irp);

/* Calls an IRP's cancel routine as IoCancelIrp does (io/cancel.c): the
 * caller holds the cancel spin lock, acquired from CancelIrql, and has taken
 * the routine out of the IRP; a routine that returns still holding the lock
 * is a bug check. */
void IopCallCancelRoutine(PDEVICE_OBJECT DeviceObject, PIRP Irp, PDRIVER_CANCEL Routine, KIRQL CancelIrql);

/* The final stage for an associated IRP: free it, and complete its master
 * when it was the last (io/associrp.c). */
void IopCompleteAssociatedIrp(PIRP Irp);

/* Unlocks and frees an IRP's MDL chain (io/complete.c). */
void IopReleaseIrpMdls(PIRP Irp);
/* Final stage of completion (buffers, IOSB, events). */
void IopCompleteRequest(PIRP Irp);

/* File object flags change while requests run (FO_CLEANUP_COMPLETE):
 * read them atomically. */
static inline ULONG IopFileFlags(PFILE_OBJECT File)
{
    return __atomic_load_n(&File->Flags, __ATOMIC_RELAXED);
}

/* Waits until queued work items have run (ex/work.c). */
void ExpFlushWorkQueue(void);

/* Devices and drivers. */
NTSTATUS IopInvalidDeviceRequest(PDEVICE_OBJECT DeviceObject, PIRP Irp);
void IopInitialize(void);
NTSTATUS IopLoadDriver(const char *Path, const char *ServiceName, PDRIVER_OBJECT *DriverObject);
void IopUnloadAllDrivers(void);
/* The last file object on one of the devices of DriverObject was closed:
 * an unload pending for it happens now. */
void IopDeviceReleased(PDEVICE_OBJECT DeviceObject);
/* DriverObject as ntk made it (loaded or built in, with its private part),
 * or NULL for a DRIVER_OBJECT made elsewhere (a unit test's own). */
PIOP_DRIVER_OBJECT IopKnownDriver(PDRIVER_OBJECT DriverObject);
/* Its unload was asked for: it waits for its files to close, or is under
 * way (the SCM shows STOP_PENDING until the driver object is gone). */
BOOLEAN IopDriverUnloadRequested(PDRIVER_OBJECT DriverObject);
/* Device timers (io/iotimer.c): one tick now, at DISPATCH_LEVEL from the
 * caller's IRQL (the clock's DPC calls it once a second; tests call it to
 * tick without waiting); a deleted device's timer goes. */
void IopRunIoTimers(void);
void IopDeleteIoTimer(PDEVICE_OBJECT DeviceObject);
/* The SCM (io/scm.c) hears that a driver was unloaded. */
void IopServicesDriverUnloaded(void);
PDRIVER_OBJECT IopDriverForAddress(const void *Address);

/* File objects and the synchronous service tail. */
NTSTATUS IopCreateFile(PHANDLE FileHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                       PIO_STATUS_BLOCK IoStatusBlock, ULONG FileAttributes, ULONG ShareAccess,
                       ULONG Disposition, ULONG CreateOptions, KPROCESSOR_MODE AccessMode);
NTSTATUS IopSynchronousCall(PDEVICE_OBJECT Device, PIRP Irp, PFILE_OBJECT FileObject, PKEVENT Event);

/* Overlapped I/O, completion ports and cancelling a thread's I/O
 * (io/iocomp.c, io/threadio.c). */
extern POBJECT_TYPE IopCompletionObjectType;
NTSTATUS IopQueueCompletionPacket(PVOID Port, PVOID Key, PVOID ApcContext, NTSTATUS Status,
                                  ULONG_PTR Information);
/* What an overlapped request's completion reports beyond the IOSB and
 * event: the file object's event, the port packet or the user APC. */
void IopReportAsynchronousCompletion(PIRP Irp, PFILE_OBJECT File, NTSTATUS Status);
/* A thread is ending: cancel its IRPs and wait (bounded) for them. */
void IopCancelThreadIo(PKTHREAD Thread);
/* The process is exiting: the same for every thread of the application. */
void IopCancelProcessIo(void);
/* How long exiting waits for I/O to drain (NTK_IO_CANCEL_TIMEOUT). */
int64_t IopCancelTimeoutNs(void);
/* A file object is going away: its completion context goes too. */
void IopFreeCompletionContext(PFILE_OBJECT File);
NTSTATUS IopSetFileCompletion(PFILE_OBJECT File, HANDLE Port, PVOID Key, KPROCESSOR_MODE Mode);
/* NtSetInformationFile's FileCompletionInformation (30) and
 * FileIoCompletionNotificationInformation (41). */
NTSTATUS IopSetCompletionInformation(PFILE_OBJECT File, ULONG Class, PVOID Information, ULONG Length,
                                     KPROCESSOR_MODE Mode);

#endif
