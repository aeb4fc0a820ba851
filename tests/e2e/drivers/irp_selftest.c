/*
 * irp_selftest.c - a test driver that checks the I/O manager's kernel-side
 * rules from inside the kernel (irp_selftest.h): IRP allocation, stack
 * locations, IoCallDriver, completion routines, the IoBuild*Request
 * routines, device stacks, the driver and device objects the I/O manager
 * builds, and the context dispatch routines run in (io-semantics 1.A, 1.B).
 *
 * Devices, all created in DriverEntry:
 *
 *   Opened   \Device\E2eIrpSelftest, the device applications open
 *   Filter   unnamed, attached on top of Opened; every request on a handle
 *            to Opened arrives here, and this is where the checks run
 *   Upper    unnamed, attached on top of Lower: a two-deep stack of our
 *   Lower    own that the checks send IRPs down. Upper forwards with a
 *            completion routine; Lower completes inline or pends, as the
 *            running check planned.
 *
 * Each check that fails records a message naming its io-semantics rule and
 * the values it saw; the application prints them.
 */
#include <ntifs.h>
#include <ntstrsafe.h>

#include "irp_selftest.h"

#define SELFTEST_POOL_TAG 'tSeE'

/* Set by the I/O manager once DriverEntry has returned. Windows' own value;
 * the WDK headers do not name it. */
#ifndef DRVO_INITIALIZED
#define DRVO_INITIALIZED 0x00000010
#endif

#define INVOKE_ALL (SL_INVOKE_ON_SUCCESS | SL_INVOKE_ON_ERROR | SL_INVOKE_ON_CANCEL)

/* Requests the checks send to Lower (never seen by applications). */
#define IOCTL_SELFTEST_PING \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA00, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_SELFTEST_ECHO_BUFFERED \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA01, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_SELFTEST_ECHO_OUT_DIRECT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA02, METHOD_OUT_DIRECT, FILE_ANY_ACCESS)
#define IOCTL_SELFTEST_ECHO_NEITHER \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA03, METHOD_NEITHER, FILE_ANY_ACCESS)

/* What Lower writes for an echo request. */
#define ECHO_OUTPUT "ECHO-OUT"
#define ECHO_OUTPUT_SIZE 8

typedef enum _SELFTEST_ROLE {
    RoleOpened,
    RoleFilter,
    RoleUpper,
    RoleLower,
} SELFTEST_ROLE;

typedef struct _SELFTEST_EXTENSION {
    SELFTEST_ROLE Role;
} SELFTEST_EXTENSION, *PSELFTEST_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD Selftest_Unload;

_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLEANUP) _Dispatch_type_(IRP_MJ_CLOSE)
DRIVER_DISPATCH Selftest_DispatchOpenClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) _Dispatch_type_(IRP_MJ_INTERNAL_DEVICE_CONTROL)
_Dispatch_type_(IRP_MJ_FLUSH_BUFFERS)
DRIVER_DISPATCH Selftest_DispatchIo;

IO_COMPLETION_ROUTINE Selftest_UpperCompletion;
IO_COMPLETION_ROUTINE Selftest_OriginatorCompletion;
IO_WORKITEM_ROUTINE Selftest_ContextWork;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, Selftest_Unload)
#pragma alloc_text(PAGE, Selftest_DispatchOpenClose)
#endif

/* ------------------------------------------------------------- reports */

/* Checks run while DriverEntry executes; reported with the driver-object
 * group. */
static SELFTEST_REPORT EntryReport;

/*
 * Counts one check; when it fails, keeps a description in the report and
 * prints it to the debug output. Returns Condition.
 */
static BOOLEAN Expect(SELFTEST_REPORT *Report, BOOLEAN Condition, _Printf_format_string_ PCSTR Format,
                      ...)
{
    CHAR message[SELFTEST_MESSAGE_CHARS];
    va_list args;

    Report->ChecksRun++;
    if (Condition) {
        return TRUE;
    }

    Report->ChecksFailed++;
    va_start(args, Format);
    RtlStringCbVPrintfA(message, sizeof(message), Format, args);
    va_end(args);
    DbgPrint("E2eIrpSelftest: FAIL %s\n", message);
    if (Report->FailuresKept < SELFTEST_MAX_FAILURES) {
        RtlStringCbCopyA(Report->Failures[Report->FailuresKept], SELFTEST_MESSAGE_CHARS, message);
        Report->FailuresKept++;
    }
    return FALSE;
}

/* Adds the results of Other to Report. */
static VOID MergeReport(SELFTEST_REPORT *Report, const SELFTEST_REPORT *Other)
{
    ULONG i;

    Report->ChecksRun += Other->ChecksRun;
    Report->ChecksFailed += Other->ChecksFailed;
    for (i = 0; i < Other->FailuresKept && Report->FailuresKept < SELFTEST_MAX_FAILURES; i++) {
        RtlCopyMemory(Report->Failures[Report->FailuresKept++], Other->Failures[i],
                      SELFTEST_MESSAGE_CHARS);
    }
}

/* -------------------------------------------------------- driver state */

static PDRIVER_OBJECT SelftestDriver;
static PDEVICE_OBJECT OpenedDevice, FilterDevice, UpperDevice, LowerDevice;

/* MajorFunction[] as the I/O manager filled it before DriverEntry. */
static PDRIVER_DISPATCH DefaultDispatch;

/* A copy of DriverEntry's RegistryPath, which does not outlive DriverEntry. */
static WCHAR RegistryPathBuffer[256];
static UNICODE_STRING RegistryPathCopy;

/* The last IRP_MJ_CREATE that reached the filter. */
static PFILE_OBJECT LastCreateFileObject;
static PDEVICE_OBJECT LastCreateDevice;
static PETHREAD LastCreateIrpThread;
static PETHREAD LastCreateDispatchThread;

/* ------------------------------------------- Upper and Lower, observed */

/* How Lower handles the next IRPs. */
typedef struct _LOWER_PLAN {
    BOOLEAN Pend;         /* mark pending, keep the IRP in LowerPendedIrp */
    NTSTATUS Status;      /* otherwise complete inline with these */
    ULONG_PTR Information;
} LOWER_PLAN;

/* How Upper forwards the next IRPs and what its completion routine does. */
typedef struct _UPPER_PLAN {
    BOOLEAN InvokeOnSuccess;
    BOOLEAN InvokeOnError;
    BOOLEAN InvokeOnCancel;
    BOOLEAN PropagatePending; /* if (Irp->PendingReturned) IoMarkIrpPending(Irp) */
    NTSTATUS RoutineReturns;  /* STATUS_SUCCESS or STATUS_MORE_PROCESSING_REQUIRED */
} UPPER_PLAN;

/* What a dispatch routine saw on entry. */
typedef struct _DISPATCH_RECORD {
    ULONG Calls;
    PDEVICE_OBJECT DeviceObject;      /* its parameter */
    PDEVICE_OBJECT StackDeviceObject; /* the current location's DeviceObject */
    UCHAR MajorFunction;
    CCHAR CurrentLocation;
    BOOLEAN LocationConsistent; /* CurrentStackLocation matches CurrentLocation */
    UCHAR Control;              /* the current location's */
    UCHAR UpperControl;         /* the location above it (0 if none) */
    UCHAR NextControl;          /* the location below it (0 if none) */
    BOOLEAN PendingReturned;
    PETHREAD Thread;
} DISPATCH_RECORD;

/* What a completion routine saw. */
typedef struct _COMPLETION_RECORD {
    ULONG Calls;
    ULONG Order; /* 1 for the first routine to run in this IRP's completion */
    PDEVICE_OBJECT DeviceObject;
    PVOID Context;
    CCHAR CurrentLocation;
    BOOLEAN PendingReturned;
    UCHAR Control[4]; /* Control of each location, lowest first */
    PETHREAD Thread;
} COMPLETION_RECORD;

static LOWER_PLAN LowerPlan;
static UPPER_PLAN UpperPlan;
static PIRP LowerPendedIrp;
static DISPATCH_RECORD LowerSeen, UpperSeen;
static COMPLETION_RECORD UpperCompletionSeen, OriginatorCompletionSeen;
static ULONG CompletionsSoFar;

static VOID ResetObservations(VOID)
{
    RtlZeroMemory(&LowerSeen, sizeof(LowerSeen));
    RtlZeroMemory(&UpperSeen, sizeof(UpperSeen));
    RtlZeroMemory(&UpperCompletionSeen, sizeof(UpperCompletionSeen));
    RtlZeroMemory(&OriginatorCompletionSeen, sizeof(OriginatorCompletionSeen));
    CompletionsSoFar = 0;
    LowerPendedIrp = NULL;
}

static VOID RecordDispatch(DISPATCH_RECORD *Record, PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION current = IoGetCurrentIrpStackLocation(Irp);

    Record->Calls++;
    Record->DeviceObject = DeviceObject;
    Record->StackDeviceObject = current->DeviceObject;
    Record->MajorFunction = current->MajorFunction;
    Record->CurrentLocation = Irp->CurrentLocation;
    Record->LocationConsistent =
        current == (PIO_STACK_LOCATION)(Irp + 1) + (Irp->CurrentLocation - 1);
    Record->Control = current->Control;
    Record->UpperControl = Irp->CurrentLocation < Irp->StackCount ? (current + 1)->Control : 0;
    Record->NextControl = Irp->CurrentLocation > 1 ? (current - 1)->Control : 0;
    Record->PendingReturned = Irp->PendingReturned;
    Record->Thread = PsGetCurrentThread();
}

static VOID RecordCompletion(COMPLETION_RECORD *Record, PDEVICE_OBJECT DeviceObject, PIRP Irp,
                             PVOID Context)
{
    PIO_STACK_LOCATION lowest = (PIO_STACK_LOCATION)(Irp + 1);
    ULONG i;

    Record->Calls++;
    Record->Order = ++CompletionsSoFar;
    Record->DeviceObject = DeviceObject;
    Record->Context = Context;
    Record->CurrentLocation = Irp->CurrentLocation;
    Record->PendingReturned = Irp->PendingReturned;
    for (i = 0; i < (ULONG)Irp->StackCount && i < RTL_NUMBER_OF(Record->Control); i++) {
        Record->Control[i] = lowest[i].Control;
    }
    Record->Thread = PsGetCurrentThread();
}

/* The originator's routine, set on the first location of an IRP a check
 * allocated: it stops completion so that the check can inspect and free
 * the IRP itself. */
NTSTATUS Selftest_OriginatorCompletion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    RecordCompletion(&OriginatorCompletionSeen, DeviceObject, Irp, Context);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

/* Upper's routine, on Lower's location. */
NTSTATUS Selftest_UpperCompletion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    RecordCompletion(&UpperCompletionSeen, DeviceObject, Irp, Context);
    if (Irp->PendingReturned && UpperPlan.PropagatePending) {
        IoMarkIrpPending(Irp);
    }
    return UpperPlan.RoutineReturns;
}

static NTSTATUS Selftest_UpperDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    RecordDispatch(&UpperSeen, DeviceObject, Irp);
    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, Selftest_UpperCompletion, DeviceObject, UpperPlan.InvokeOnSuccess,
                           UpperPlan.InvokeOnError, UpperPlan.InvokeOnCancel);
    return IoCallDriver(LowerDevice, Irp);
}

/* Writes ECHO_OUTPUT into the request's output buffer, wherever its
 * method puts it. The requests come from this driver (KernelMode), so the
 * METHOD_NEITHER pointers are kernel pointers and are used as they are. */
static NTSTATUS Selftest_LowerEcho(PIRP Irp, PIO_STACK_LOCATION Stack)
{
    ULONG code = Stack->Parameters.DeviceIoControl.IoControlCode;
    PVOID output;

    switch (METHOD_FROM_CTL_CODE(code)) {
    case METHOD_BUFFERED:
        output = Irp->AssociatedIrp.SystemBuffer;
        break;
    case METHOD_IN_DIRECT:
    case METHOD_OUT_DIRECT:
        output = Irp->MdlAddress != NULL
                     ? MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority)
                     : NULL;
        break;
    default:
        output = Irp->UserBuffer;
        break;
    }

    if (output == NULL || Stack->Parameters.DeviceIoControl.OutputBufferLength < ECHO_OUTPUT_SIZE) {
        Irp->IoStatus.Status = STATUS_BUFFER_TOO_SMALL;
        Irp->IoStatus.Information = 0;
    } else {
        RtlCopyMemory(output, ECHO_OUTPUT, ECHO_OUTPUT_SIZE);
        Irp->IoStatus.Status = STATUS_SUCCESS;
        Irp->IoStatus.Information = ECHO_OUTPUT_SIZE;
    }
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

static NTSTATUS Selftest_LowerDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;

    RecordDispatch(&LowerSeen, DeviceObject, Irp);

    if ((stack->MajorFunction == IRP_MJ_DEVICE_CONTROL ||
         stack->MajorFunction == IRP_MJ_INTERNAL_DEVICE_CONTROL) &&
        stack->Parameters.DeviceIoControl.IoControlCode != IOCTL_SELFTEST_PING) {
        return Selftest_LowerEcho(Irp, stack);
    }

    if (LowerPlan.Pend) {
        IoMarkIrpPending(Irp);
        LowerPendedIrp = Irp;
        return STATUS_PENDING;
    }

    status = LowerPlan.Status;
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = LowerPlan.Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

/* Allocates an IRP for the Upper/Lower stack with the originator's routine
 * on its first location, ready for IoCallDriver(UpperDevice, ...). */
static PIRP AllocatePingIrp(VOID)
{
    PIRP irp = IoAllocateIrp(UpperDevice->StackSize, FALSE);
    PIO_STACK_LOCATION next;

    if (irp == NULL) {
        return NULL;
    }
    next = IoGetNextIrpStackLocation(irp);
    next->MajorFunction = IRP_MJ_INTERNAL_DEVICE_CONTROL;
    next->Parameters.DeviceIoControl.IoControlCode = IOCTL_SELFTEST_PING;
    IoSetCompletionRoutine(irp, Selftest_OriginatorCompletion, &OriginatorCompletionSeen, TRUE,
                           TRUE, TRUE);
    return irp;
}

static VOID PlanLowerInline(NTSTATUS Status, ULONG_PTR Information)
{
    LowerPlan.Pend = FALSE;
    LowerPlan.Status = Status;
    LowerPlan.Information = Information;
}

static VOID PlanLowerPends(VOID)
{
    LowerPlan.Pend = TRUE;
    LowerPlan.Status = STATUS_PENDING;
    LowerPlan.Information = 0;
}

static VOID PlanUpper(BOOLEAN OnSuccess, BOOLEAN OnError, BOOLEAN PropagatePending,
                      NTSTATUS RoutineReturns)
{
    UpperPlan.InvokeOnSuccess = OnSuccess;
    UpperPlan.InvokeOnError = OnError;
    UpperPlan.InvokeOnCancel = FALSE;
    UpperPlan.PropagatePending = PropagatePending;
    UpperPlan.RoutineReturns = RoutineReturns;
}

/* ---------------------------------------------------- group: allocation */

static VOID CheckNewIrpLayout(SELFTEST_REPORT *R, PIRP Irp, CCHAR StackCount, PCSTR What)
{
    PIO_STACK_LOCATION pastLast = (PIO_STACK_LOCATION)(Irp + 1) + StackCount;

    Expect(R, Irp->Type == IO_TYPE_IRP, "1.A.1 %s: Type is %d, expected %d", What, Irp->Type,
           IO_TYPE_IRP);
    Expect(R, Irp->StackCount == StackCount, "1.A.1 %s: StackCount is %d, expected %d", What,
           Irp->StackCount, StackCount);
    Expect(R, Irp->CurrentLocation == StackCount + 1, "1.A.1 %s: CurrentLocation is %d, expected %d",
           What, Irp->CurrentLocation, StackCount + 1);
    Expect(R, Irp->Tail.Overlay.CurrentStackLocation == pastLast,
           "1.A.1 %s: CurrentStackLocation is %p, expected %p (one past the last location)", What,
           Irp->Tail.Overlay.CurrentStackLocation, pastLast);
    Expect(R, IsListEmpty(&Irp->ThreadListEntry), "1.A.1 %s: ThreadListEntry is not empty", What);
    Expect(R, Irp->Size >= sizeof(IRP) + StackCount * sizeof(IO_STACK_LOCATION),
           "1.A.1 %s: Size is %u, less than %u", What, Irp->Size,
           (ULONG)(sizeof(IRP) + StackCount * sizeof(IO_STACK_LOCATION)));
}

static VOID CheckIoAllocateIrp(SELFTEST_REPORT *R)
{
    PIRP irp;
    PIRP initialized;
    USHORT size;

    irp = IoAllocateIrp(1, FALSE);
    if (Expect(R, irp != NULL, "IoAllocateIrp(1, FALSE) returned NULL")) {
        CheckNewIrpLayout(R, irp, 1, "IoAllocateIrp(1, FALSE)");
        Expect(R, irp->AllocationFlags == IRP_ALLOCATED_FIXED_SIZE,
               "1.A.2 IoAllocateIrp(1, FALSE): AllocationFlags is 0x%02X, expected exactly "
               "IRP_ALLOCATED_FIXED_SIZE (0x%02X)", irp->AllocationFlags, IRP_ALLOCATED_FIXED_SIZE);
        IoFreeIrp(irp);
    }

    irp = IoAllocateIrp(2, FALSE);
    if (Expect(R, irp != NULL, "IoAllocateIrp(2, FALSE) returned NULL")) {
        CheckNewIrpLayout(R, irp, 2, "IoAllocateIrp(2, FALSE)");
        Expect(R, (irp->AllocationFlags & IRP_ALLOCATED_FIXED_SIZE) != 0,
               "1.A.2 IoAllocateIrp(2, FALSE): AllocationFlags 0x%02X lacks IRP_ALLOCATED_FIXED_SIZE",
               irp->AllocationFlags);
        Expect(R, (irp->AllocationFlags & IRP_LOOKASIDE_ALLOCATION) == 0,
               "1.A.2 IoAllocateIrp(2, FALSE): AllocationFlags 0x%02X has IRP_LOOKASIDE_ALLOCATION",
               irp->AllocationFlags);
        IoFreeIrp(irp);
    }

    irp = IoAllocateIrp(2, TRUE);
    if (Expect(R, irp != NULL, "IoAllocateIrp(2, TRUE) returned NULL")) {
        CheckNewIrpLayout(R, irp, 2, "IoAllocateIrp(2, TRUE)");
        Expect(R, (irp->AllocationFlags & (IRP_ALLOCATED_FIXED_SIZE | IRP_LOOKASIDE_ALLOCATION)) ==
                      (IRP_ALLOCATED_FIXED_SIZE | IRP_LOOKASIDE_ALLOCATION),
               "1.A.2 IoAllocateIrp(2, TRUE): AllocationFlags is 0x%02X, expected both "
               "IRP_ALLOCATED_FIXED_SIZE and IRP_LOOKASIDE_ALLOCATION", irp->AllocationFlags);
        IoFreeIrp(irp);
    }

    size = IoSizeOfIrp(5);
    initialized = ExAllocatePool2(POOL_FLAG_NON_PAGED, size, SELFTEST_POOL_TAG);
    if (Expect(R, initialized != NULL, "could not allocate %u bytes for IoInitializeIrp", size)) {
        IoInitializeIrp(initialized, size, 5);
        CheckNewIrpLayout(R, initialized, 5, "IoInitializeIrp(irp, size, 5)");
        Expect(R, initialized->Size == size, "1.A.1 IoInitializeIrp(irp, %u, 5): Size is %u", size,
               initialized->Size);
        ExFreePoolWithTag(initialized, SELFTEST_POOL_TAG);
    }
}

/* A routine returning STATUS_MORE_PROCESSING_REQUIRED gives the IRP back to
 * its owner, who may reuse it and free it (1.B.15, 1.A.3). */
static VOID CheckReuseAfterMoreProcessing(SELFTEST_REPORT *R)
{
    PIRP irp = IoAllocateIrp(LowerDevice->StackSize, FALSE);
    PIO_STACK_LOCATION next;
    UCHAR allocationFlags;
    NTSTATUS status;

    if (!Expect(R, irp != NULL, "IoAllocateIrp(%d, FALSE) returned NULL", LowerDevice->StackSize)) {
        return;
    }

    ResetObservations();
    PlanLowerInline(STATUS_SUCCESS, 0);
    next = IoGetNextIrpStackLocation(irp);
    next->MajorFunction = IRP_MJ_INTERNAL_DEVICE_CONTROL;
    next->Parameters.DeviceIoControl.IoControlCode = IOCTL_SELFTEST_PING;
    IoSetCompletionRoutine(irp, Selftest_OriginatorCompletion, &OriginatorCompletionSeen, TRUE,
                           TRUE, TRUE);
    status = IoCallDriver(LowerDevice, irp);

    Expect(R, status == STATUS_SUCCESS, "1.B.17 IoCallDriver on an inline completion returned 0x%08X",
           (ULONG)status);
    Expect(R, OriginatorCompletionSeen.Calls == 1,
           "1.B.15 the completion routine ran %u times, expected once",
           OriginatorCompletionSeen.Calls);
    Expect(R, OriginatorCompletionSeen.CurrentLocation == 2,
           "1.B.11 the routine of an IoAllocateIrp(1) IRP saw CurrentLocation %d, expected 2",
           OriginatorCompletionSeen.CurrentLocation);
    Expect(R, irp->CurrentLocation == 2,
           "1.B.11 after completing an IoAllocateIrp(1) IRP CurrentLocation is %d, expected 2",
           irp->CurrentLocation);
    Expect(R, OriginatorCompletionSeen.DeviceObject == NULL,
           "1.B.12 the originator's routine got device %p, expected NULL",
           OriginatorCompletionSeen.DeviceObject);

    /* Take the IRP back and use it again. */
    allocationFlags = irp->AllocationFlags;
    IoReuseIrp(irp, STATUS_UNSUCCESSFUL);
    Expect(R, irp->CurrentLocation == irp->StackCount + 1,
           "1.A.3 IoReuseIrp: CurrentLocation is %d, expected StackSize+1 = %d",
           irp->CurrentLocation, irp->StackCount + 1);
    Expect(R, irp->Tail.Overlay.CurrentStackLocation ==
                  (PIO_STACK_LOCATION)(irp + 1) + irp->StackCount,
           "1.A.3 IoReuseIrp: CurrentStackLocation was not reset with CurrentLocation");
    Expect(R, irp->AllocationFlags == allocationFlags,
           "1.A.3 IoReuseIrp: AllocationFlags changed from 0x%02X to 0x%02X", allocationFlags,
           irp->AllocationFlags);
    Expect(R, irp->IoStatus.Status == STATUS_UNSUCCESSFUL,
           "1.A.3 IoReuseIrp(irp, STATUS_UNSUCCESSFUL): IoStatus.Status is 0x%08X",
           (ULONG)irp->IoStatus.Status);

    next = IoGetNextIrpStackLocation(irp);
    next->MajorFunction = IRP_MJ_INTERNAL_DEVICE_CONTROL;
    next->Parameters.DeviceIoControl.IoControlCode = IOCTL_SELFTEST_PING;
    IoSetCompletionRoutine(irp, Selftest_OriginatorCompletion, &OriginatorCompletionSeen, TRUE,
                           TRUE, TRUE);
    status = IoCallDriver(LowerDevice, irp);
    Expect(R, status == STATUS_SUCCESS && OriginatorCompletionSeen.Calls == 2,
           "1.A.3 a reused IRP goes down and completes again (status 0x%08X, routine ran %u times)",
           (ULONG)status, OriginatorCompletionSeen.Calls);

    IoFreeIrp(irp);
}

static VOID RunAllocationGroup(SELFTEST_REPORT *R)
{
    CheckIoAllocateIrp(R);
    CheckReuseAfterMoreProcessing(R);
}

/* ---------------------------------------------------- group: completion */

/*
 * One IRP down Upper and Lower, with the originator's routine on Upper's
 * location and Upper's routine on Lower's. Lower completes inline or pends
 * (then the check completes the IRP itself); Upper's routine re-marks the
 * IRP pending or not.
 */
static VOID CheckCompletionWalk(SELFTEST_REPORT *R, PCSTR Run, BOOLEAN LowerPends,
                                BOOLEAN UpperPropagates)
{
    PETHREAD self = PsGetCurrentThread();
    PIO_STACK_LOCATION next;
    NTSTATUS status;
    PIRP irp;

    ResetObservations();
    if (LowerPends) {
        PlanLowerPends();
    } else {
        PlanLowerInline(STATUS_SUCCESS, 0);
    }
    PlanUpper(TRUE, TRUE, UpperPropagates, STATUS_SUCCESS);
    UpperPlan.InvokeOnCancel = TRUE;

    irp = AllocatePingIrp();
    if (!Expect(R, irp != NULL, "[%s] IoAllocateIrp failed", Run)) {
        return;
    }
    next = IoGetNextIrpStackLocation(irp);
    Expect(R, next->Control == INVOKE_ALL,
           "1.B.14 [%s] IoSetCompletionRoutine(TRUE, TRUE, TRUE) left the next location's Control "
           "0x%02X, expected 0x%02X", Run, next->Control, INVOKE_ALL);

    status = IoCallDriver(UpperDevice, irp);

    /* On the way down (1.A.4, 1.B.14). */
    Expect(R, UpperSeen.Calls == 1 && UpperSeen.DeviceObject == UpperDevice,
           "1.A.4 [%s] Upper's dispatch ran %u times with device %p, expected once with %p", Run,
           UpperSeen.Calls, UpperSeen.DeviceObject, UpperDevice);
    Expect(R, UpperSeen.CurrentLocation == 2 && UpperSeen.LocationConsistent,
           "1.A.4 [%s] in Upper's dispatch CurrentLocation is %d (stack pointer %s), expected 2",
           Run, UpperSeen.CurrentLocation, UpperSeen.LocationConsistent ? "consistent" : "NOT consistent");
    Expect(R, UpperSeen.StackDeviceObject == UpperDevice,
           "1.A.4 [%s] IoCallDriver set the current location's DeviceObject to %p, expected Upper %p",
           Run, UpperSeen.StackDeviceObject, UpperDevice);
    Expect(R, UpperSeen.Thread == self,
           "1.A.4 [%s] Upper's dispatch ran in another thread than the caller's", Run);
    Expect(R, UpperSeen.Control == INVOKE_ALL && UpperSeen.NextControl == 0,
           "1.B.14 [%s] in Upper's dispatch: its location's Control 0x%02X (expected 0x%02X), the "
           "next's 0x%02X (expected 0)", Run, UpperSeen.Control, INVOKE_ALL, UpperSeen.NextControl);
    Expect(R, !UpperSeen.PendingReturned, "1.B.16 [%s] PendingReturned set on the way down", Run);
    Expect(R, LowerSeen.Calls == 1 && LowerSeen.CurrentLocation == 1 && LowerSeen.LocationConsistent,
           "1.A.4 [%s] Lower's dispatch ran %u times at CurrentLocation %d, expected once at 1", Run,
           LowerSeen.Calls, LowerSeen.CurrentLocation);
    Expect(R, LowerSeen.StackDeviceObject == LowerDevice,
           "1.A.4 [%s] in Lower's dispatch the current location's DeviceObject is %p, expected %p",
           Run, LowerSeen.StackDeviceObject, LowerDevice);
    Expect(R, LowerSeen.Control == INVOKE_ALL && LowerSeen.UpperControl == INVOKE_ALL,
           "1.B.14 [%s] in Lower's dispatch: its Control 0x%02X, Upper's 0x%02X, expected both "
           "0x%02X (the upper location keeps its bits while Lower runs)", Run, LowerSeen.Control,
           LowerSeen.UpperControl, INVOKE_ALL);

    if (!LowerPends) {
        Expect(R, status == STATUS_SUCCESS,
               "1.B.17 [%s] IoCallDriver returned 0x%08X, expected STATUS_SUCCESS", Run, (ULONG)status);
        Expect(R, UpperCompletionSeen.Calls == 1 && OriginatorCompletionSeen.Calls == 1,
               "1.B.17 [%s] before IoCallDriver returned, Upper's routine ran %u times and the "
               "originator's %u times, expected once each", Run, UpperCompletionSeen.Calls,
               OriginatorCompletionSeen.Calls);
    } else {
        Expect(R, status == STATUS_PENDING,
               "1.B.17 [%s] IoCallDriver returned 0x%08X, expected STATUS_PENDING", Run, (ULONG)status);
        Expect(R, UpperCompletionSeen.Calls == 0 && OriginatorCompletionSeen.Calls == 0,
               "1.B.17 [%s] completion routines ran before the IRP was completed", Run);
        Expect(R, irp->CurrentLocation == 1,
               "1.B.17 [%s] a pended IRP's CurrentLocation is %d, expected 1", Run,
               irp->CurrentLocation);
        Expect(R, !irp->PendingReturned, "1.B.17 [%s] PendingReturned set before completion", Run);
        if (!Expect(R, LowerPendedIrp == irp, "[%s] Lower did not keep the IRP", Run)) {
            return; /* the IRP is lost; do not touch it */
        }
        LowerPendedIrp = NULL;
        irp->IoStatus.Status = STATUS_SUCCESS;
        irp->IoStatus.Information = 0;
        IoCompleteRequest(irp, IO_NO_INCREMENT);
        Expect(R, UpperCompletionSeen.Calls == 1 && OriginatorCompletionSeen.Calls == 1,
               "1.B.17 [%s] inside IoCompleteRequest, Upper's routine ran %u times and the "
               "originator's %u times, expected once each", Run, UpperCompletionSeen.Calls,
               OriginatorCompletionSeen.Calls);
    }

    /* On the way up (1.B.11, 1.B.12, 1.B.14, 1.B.16). */
    Expect(R, UpperCompletionSeen.Order == 1 && OriginatorCompletionSeen.Order == 2,
           "1.B.11 [%s] routines ran in order Upper %u, originator %u; expected bottom-up (1, 2)",
           Run, UpperCompletionSeen.Order, OriginatorCompletionSeen.Order);
    Expect(R, UpperCompletionSeen.CurrentLocation == 2,
           "1.B.11 [%s] in Upper's routine CurrentLocation is %d, expected 2", Run,
           UpperCompletionSeen.CurrentLocation);
    Expect(R, OriginatorCompletionSeen.CurrentLocation == 3,
           "1.B.11 [%s] in the originator's routine CurrentLocation is %d, expected StackSize+1 = 3",
           Run, OriginatorCompletionSeen.CurrentLocation);
    Expect(R, UpperCompletionSeen.DeviceObject == UpperDevice && UpperCompletionSeen.Context == UpperDevice,
           "1.B.12 [%s] Upper's routine got device %p (context %p), expected Upper %p", Run,
           UpperCompletionSeen.DeviceObject, UpperCompletionSeen.Context, UpperDevice);
    Expect(R, OriginatorCompletionSeen.DeviceObject == NULL,
           "1.B.12 [%s] the originator's routine got device %p, expected NULL", Run,
           OriginatorCompletionSeen.DeviceObject);
    Expect(R, UpperCompletionSeen.Control[0] == 0 && UpperCompletionSeen.Control[1] == INVOKE_ALL,
           "1.B.14 [%s] in Upper's routine: Lower's location Control 0x%02X (expected 0, cleared "
           "first), Upper's 0x%02X (expected 0x%02X)", Run, UpperCompletionSeen.Control[0],
           UpperCompletionSeen.Control[1], INVOKE_ALL);
    Expect(R, OriginatorCompletionSeen.Control[0] == 0 && OriginatorCompletionSeen.Control[1] == 0,
           "1.B.14 [%s] in the originator's routine the locations' Control are 0x%02X, 0x%02X, "
           "expected 0", Run, OriginatorCompletionSeen.Control[0], OriginatorCompletionSeen.Control[1]);
    Expect(R, UpperCompletionSeen.PendingReturned == LowerPends,
           "1.B.16 [%s] Upper's routine saw PendingReturned %d, expected %d (Lower %s)", Run,
           UpperCompletionSeen.PendingReturned, LowerPends, LowerPends ? "pended" : "did not pend");
    Expect(R, OriginatorCompletionSeen.PendingReturned == (LowerPends && UpperPropagates),
           "1.B.16 [%s] the originator's routine saw PendingReturned %d, expected %d", Run,
           OriginatorCompletionSeen.PendingReturned, LowerPends && UpperPropagates);
    Expect(R, UpperCompletionSeen.Thread == self && OriginatorCompletionSeen.Thread == self,
           "1.B.17 [%s] the completion routines ran in another thread than the completing one", Run);

    IoFreeIrp(irp);
}

/* Which routines IoCompleteRequest calls, by SL_INVOKE_* flag and status
 * (1.B.13). Upper registers with the given flags; the originator's routine
 * (all flags) must run in every case. */
static VOID CheckInvokeFlags(SELFTEST_REPORT *R, BOOLEAN OnSuccess, BOOLEAN OnError,
                             NTSTATUS Status, BOOLEAN ExpectInvoked)
{
    NTSTATUS returned;
    PIRP irp;

    ResetObservations();
    PlanLowerInline(Status, 0);
    PlanUpper(OnSuccess, OnError, FALSE, STATUS_SUCCESS);

    irp = AllocatePingIrp();
    if (!Expect(R, irp != NULL, "1.B.13 IoAllocateIrp failed")) {
        return;
    }
    returned = IoCallDriver(UpperDevice, irp);
    Expect(R, (UpperCompletionSeen.Calls == 1) == ExpectInvoked,
           "1.B.13 a routine registered with (Success=%d, Error=%d, Cancel=0) %s for status "
           "0x%08X, expected it %s", OnSuccess, OnError,
           UpperCompletionSeen.Calls ? "was called" : "was not called", (ULONG)Status,
           ExpectInvoked ? "called" : "skipped");
    Expect(R, OriginatorCompletionSeen.Calls == 1,
           "1.B.13 completion did not go on up past a skipped routine (status 0x%08X)",
           (ULONG)Status);
    Expect(R, returned == Status, "IoCallDriver returned 0x%08X, expected Lower's 0x%08X",
           (ULONG)returned, (ULONG)Status);
    IoFreeIrp(irp);
}

/* STATUS_MORE_PROCESSING_REQUIRED from Upper's routine stops completion
 * there; calling IoCompleteRequest again resumes it (1.B.15). */
static VOID CheckMoreProcessingStops(SELFTEST_REPORT *R)
{
    NTSTATUS status;
    PIRP irp;

    ResetObservations();
    PlanLowerInline(STATUS_SUCCESS, 0);
    PlanUpper(TRUE, TRUE, FALSE, STATUS_MORE_PROCESSING_REQUIRED);

    irp = AllocatePingIrp();
    if (!Expect(R, irp != NULL, "1.B.15 IoAllocateIrp failed")) {
        return;
    }
    status = IoCallDriver(UpperDevice, irp);
    Expect(R, UpperCompletionSeen.Calls == 1, "1.B.15 Upper's routine ran %u times, expected once",
           UpperCompletionSeen.Calls);
    Expect(R, OriginatorCompletionSeen.Calls == 0,
           "1.B.15 the originator's routine ran although the routine below it returned "
           "STATUS_MORE_PROCESSING_REQUIRED");
    Expect(R, irp->CurrentLocation == 2,
           "1.B.15 completion stopped with CurrentLocation %d, expected 2 (Upper's location)",
           irp->CurrentLocation);
    UNREFERENCED_PARAMETER(status);

    /* Upper's owner finishes the IRP. */
    IoCompleteRequest(irp, IO_NO_INCREMENT);
    Expect(R, OriginatorCompletionSeen.Calls == 1 && OriginatorCompletionSeen.CurrentLocation == 3,
           "1.B.15 IoCompleteRequest again ran the originator's routine %u times at "
           "CurrentLocation %d, expected once at 3", OriginatorCompletionSeen.Calls,
           OriginatorCompletionSeen.CurrentLocation);
    IoFreeIrp(irp);
}

static VOID RunCompletionGroup(SELFTEST_REPORT *R)
{
    CheckCompletionWalk(R, "inline", FALSE, FALSE);
    CheckCompletionWalk(R, "Lower pends", TRUE, FALSE);
    CheckCompletionWalk(R, "Lower pends, Upper propagates", TRUE, TRUE);

    CheckInvokeFlags(R, TRUE, FALSE, STATUS_SUCCESS, TRUE);
    CheckInvokeFlags(R, TRUE, FALSE, (NTSTATUS)0x4eadbeef, TRUE); /* informational */
    CheckInvokeFlags(R, TRUE, FALSE, STATUS_UNSUCCESSFUL, FALSE);
    CheckInvokeFlags(R, TRUE, FALSE, STATUS_BUFFER_OVERFLOW, FALSE); /* a warning is !NT_SUCCESS */
    CheckInvokeFlags(R, FALSE, TRUE, STATUS_SUCCESS, FALSE);
    CheckInvokeFlags(R, FALSE, TRUE, STATUS_UNSUCCESSFUL, TRUE);
    CheckInvokeFlags(R, FALSE, TRUE, STATUS_BUFFER_OVERFLOW, TRUE);
    /* The SL_INVOKE_ON_CANCEL cases need cancellation, tested with it. */

    CheckMoreProcessingStops(R);
}

/* ------------------------------------------------- group: build request */

#define IOSB_SENTINEL ((NTSTATUS)0xDEADBEEF)

static VOID CheckBuiltIrp(SELFTEST_REPORT *R, PIRP Irp, PIO_STATUS_BLOCK Iosb, PKEVENT Event,
                          UCHAR MajorFunction, CCHAR StackSize, PCSTR What)
{
    PIO_STACK_LOCATION next = IoGetNextIrpStackLocation(Irp);

    Expect(R, Irp->UserIosb == Iosb, "1.A.5 %s: UserIosb is %p, expected the caller's %p", What,
           Irp->UserIosb, Iosb);
    Expect(R, Irp->UserEvent == Event, "1.A.5 %s: UserEvent is %p, expected %p", What,
           Irp->UserEvent, Event);
    Expect(R, !Irp->Cancel && Irp->CancelRoutine == NULL,
           "1.A.5 %s: Cancel %d, CancelRoutine %p, expected FALSE and NULL", What, Irp->Cancel,
           (PVOID)Irp->CancelRoutine);
    Expect(R, Irp->CurrentLocation == StackSize + 1,
           "1.A.5 %s: CurrentLocation is %d, expected StackSize+1 = %d", What,
           Irp->CurrentLocation, StackSize + 1);
    Expect(R, Irp->Tail.Overlay.Thread == PsGetCurrentThread(),
           "1.A.5 %s: Tail.Overlay.Thread is not the current thread", What);
    Expect(R, Irp->IoStatus.Status == 0 && Irp->IoStatus.Information == 0,
           "1.A.5 %s: IoStatus is {0x%08X, %u}, expected zeroed", What,
           (ULONG)Irp->IoStatus.Status, (ULONG)Irp->IoStatus.Information);
    Expect(R, next->MajorFunction == MajorFunction,
           "1.A.5 %s: the next location's MajorFunction is 0x%02X, expected 0x%02X", What,
           next->MajorFunction, MajorFunction);
    Expect(R, next->DeviceObject == NULL && next->FileObject == NULL &&
                  next->CompletionRoutine == NULL,
           "1.A.5 %s: the next location's DeviceObject %p, FileObject %p, CompletionRoutine %p, "
           "expected all NULL", What, next->DeviceObject, next->FileObject,
           (PVOID)next->CompletionRoutine);
    Expect(R, Iosb->Status == IOSB_SENTINEL, "1.A.5 %s: the caller's IOSB was written already",
           What);
}

static VOID CheckFsdRequests(SELFTEST_REPORT *R)
{
    IO_STATUS_BLOCK iosb;
    KEVENT event;
    NTSTATUS status;
    PIRP irp;

    iosb.Status = IOSB_SENTINEL;
    iosb.Information = 0xDEADBEEF;
    irp = IoBuildAsynchronousFsdRequest(IRP_MJ_FLUSH_BUFFERS, LowerDevice, NULL, 0, NULL, &iosb);
    if (Expect(R, irp != NULL, "IoBuildAsynchronousFsdRequest(IRP_MJ_FLUSH_BUFFERS) failed")) {
        CheckBuiltIrp(R, irp, &iosb, NULL, IRP_MJ_FLUSH_BUFFERS, LowerDevice->StackSize,
                      "IoBuildAsynchronousFsdRequest");
        Expect(R, IsListEmpty(&irp->ThreadListEntry),
               "1.A.6 IoBuildAsynchronousFsdRequest queued the IRP to the thread");
        IoFreeIrp(irp);
    }

    ResetObservations();
    PlanLowerPends();
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    iosb.Status = IOSB_SENTINEL;
    iosb.Information = 0xDEADBEEF;
    irp = IoBuildSynchronousFsdRequest(IRP_MJ_FLUSH_BUFFERS, LowerDevice, NULL, 0, NULL, &event,
                                       &iosb);
    if (!Expect(R, irp != NULL, "IoBuildSynchronousFsdRequest(IRP_MJ_FLUSH_BUFFERS) failed")) {
        return;
    }
    CheckBuiltIrp(R, irp, &iosb, &event, IRP_MJ_FLUSH_BUFFERS, LowerDevice->StackSize,
                  "IoBuildSynchronousFsdRequest");
    Expect(R, !IsListEmpty(&irp->ThreadListEntry),
           "1.A.6 IoBuildSynchronousFsdRequest did not queue the IRP to the thread");

    status = IoCallDriver(LowerDevice, irp);
    Expect(R, status == STATUS_PENDING && LowerSeen.MajorFunction == IRP_MJ_FLUSH_BUFFERS,
           "the flush reached Lower (major 0x%02X) and pended (0x%08X)", LowerSeen.MajorFunction,
           (ULONG)status);
    Expect(R, KeReadStateEvent(&event) == 0,
           "1.A.5 the event is signalled although the IRP only pended");
    Expect(R, iosb.Status == IOSB_SENTINEL,
           "1.A.5 the caller's IOSB was written before completion");
    if (!Expect(R, LowerPendedIrp == irp, "Lower did not keep the flush IRP")) {
        return;
    }
    LowerPendedIrp = NULL;

    irp->IoStatus.Status = STATUS_SUCCESS;
    irp->IoStatus.Information = 123;
    IoCompleteRequest(irp, IO_NO_INCREMENT);
    /* The I/O manager owns and frees the IRP now. */
    Expect(R, iosb.Status == STATUS_SUCCESS && iosb.Information == 123,
           "1.A.5, 1.B.20 once IoCompleteRequest returned the IOSB is {0x%08X, %u}, expected "
           "{0, 123}", (ULONG)iosb.Status, (ULONG)iosb.Information);
    Expect(R, KeReadStateEvent(&event) != 0,
           "1.A.5, 1.B.20 the event is not signalled once IoCompleteRequest returned");
}

/* IoBuildDeviceIoControlRequest, sent to Lower's echo: the request arrives
 * built as the system service would build it, and the output comes back
 * (1.A.6, with the buffers of 1.D.29-31). */
static VOID CheckDeviceIoControlRequest(SELFTEST_REPORT *R, ULONG Code, BOOLEAN Internal,
                                        PCSTR What)
{
    static const CHAR input[] = "in";
    CHAR output[16];
    IO_STATUS_BLOCK iosb;
    PIO_STACK_LOCATION next;
    KEVENT event;
    NTSTATUS status;
    ULONG method = METHOD_FROM_CTL_CODE(Code);
    UCHAR expectedMajor = Internal ? IRP_MJ_INTERNAL_DEVICE_CONTROL : IRP_MJ_DEVICE_CONTROL;
    PIRP irp;

    ResetObservations();
    RtlFillMemory(output, sizeof(output), 'o');
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    iosb.Status = IOSB_SENTINEL;
    iosb.Information = 0xDEADBEEF;

    irp = IoBuildDeviceIoControlRequest(Code, LowerDevice, (PVOID)input, sizeof(input), output,
                                        sizeof(output), Internal, &event, &iosb);
    if (!Expect(R, irp != NULL, "IoBuildDeviceIoControlRequest (%s) failed", What)) {
        return;
    }
    next = IoGetNextIrpStackLocation(irp);
    CheckBuiltIrp(R, irp, &iosb, &event, expectedMajor, LowerDevice->StackSize, What);
    Expect(R, next->Parameters.DeviceIoControl.IoControlCode == Code &&
                  next->Parameters.DeviceIoControl.InputBufferLength == sizeof(input) &&
                  next->Parameters.DeviceIoControl.OutputBufferLength == sizeof(output),
           "1.A.6 %s: the next location holds code 0x%08X, lengths %u/%u", What,
           next->Parameters.DeviceIoControl.IoControlCode,
           next->Parameters.DeviceIoControl.InputBufferLength,
           next->Parameters.DeviceIoControl.OutputBufferLength);
    Expect(R, !IsListEmpty(&irp->ThreadListEntry),
           "1.A.6 %s: the IRP is not queued to the calling thread", What);

    switch (method) {
    case METHOD_BUFFERED:
        Expect(R, irp->AssociatedIrp.SystemBuffer != NULL &&
                      irp->AssociatedIrp.SystemBuffer != (PVOID)input &&
                      RtlCompareMemory(irp->AssociatedIrp.SystemBuffer, input, sizeof(input)) ==
                          sizeof(input),
               "1.A.6, 1.D.29 %s: no system buffer holding a copy of the input", What);
        break;
    case METHOD_OUT_DIRECT:
        Expect(R, irp->AssociatedIrp.SystemBuffer != NULL &&
                      RtlCompareMemory(irp->AssociatedIrp.SystemBuffer, input, sizeof(input)) ==
                          sizeof(input),
               "1.A.6, 1.D.30 %s: the input was not copied to a system buffer", What);
        Expect(R, irp->MdlAddress != NULL && MmGetMdlByteCount(irp->MdlAddress) == sizeof(output),
               "1.A.6, 1.D.30 %s: no MDL of the output's length", What);
        break;
    default:
        Expect(R, next->Parameters.DeviceIoControl.Type3InputBuffer == (PVOID)input &&
                      irp->UserBuffer == (PVOID)output,
               "1.A.6, 1.D.31 %s: Type3InputBuffer %p and UserBuffer %p are not the caller's %p "
               "and %p", What, next->Parameters.DeviceIoControl.Type3InputBuffer, irp->UserBuffer,
               input, output);
        break;
    }

    status = IoCallDriver(LowerDevice, irp);
    Expect(R, status == STATUS_SUCCESS && LowerSeen.MajorFunction == expectedMajor,
           "1.A.6 %s: Lower got major 0x%02X (expected 0x%02X), IoCallDriver returned 0x%08X", What,
           LowerSeen.MajorFunction, expectedMajor, (ULONG)status);
    Expect(R, RtlCompareMemory(output, ECHO_OUTPUT, ECHO_OUTPUT_SIZE) == ECHO_OUTPUT_SIZE &&
                  output[ECHO_OUTPUT_SIZE] == 'o',
           "1.A.6 %s: the output buffer does not hold exactly Lower's %u bytes", What,
           ECHO_OUTPUT_SIZE);
    Expect(R, iosb.Status == STATUS_SUCCESS && iosb.Information == ECHO_OUTPUT_SIZE,
           "1.A.6 %s: IOSB is {0x%08X, %u}, expected {0, %u}", What, (ULONG)iosb.Status,
           (ULONG)iosb.Information, ECHO_OUTPUT_SIZE);
    Expect(R, KeReadStateEvent(&event) != 0, "1.A.6 %s: the event is not signalled", What);
}

/* A routine returning STATUS_MORE_PROCESSING_REQUIRED on a threaded IRP:
 * no IOSB, no event until the IRP is completed again (1.B.15, 1.B.20). */
static VOID CheckMoreProcessingKeepsIosb(SELFTEST_REPORT *R)
{
    IO_STATUS_BLOCK iosb;
    KEVENT event;
    PIRP irp;

    ResetObservations();
    PlanLowerInline(STATUS_SUCCESS, 5);
    PlanUpper(TRUE, TRUE, FALSE, STATUS_MORE_PROCESSING_REQUIRED);
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    iosb.Status = IOSB_SENTINEL;
    iosb.Information = 0xDEADBEEF;

    irp = IoBuildDeviceIoControlRequest(IOCTL_SELFTEST_PING, UpperDevice, NULL, 0, NULL, 0, TRUE,
                                        &event, &iosb);
    if (!Expect(R, irp != NULL, "1.B.15 IoBuildDeviceIoControlRequest failed")) {
        return;
    }
    IoCallDriver(UpperDevice, irp);
    Expect(R, UpperCompletionSeen.Calls == 1, "1.B.15 Upper's routine did not run");
    Expect(R, iosb.Status == IOSB_SENTINEL,
           "1.B.15 the IOSB was written although completion stopped");
    Expect(R, KeReadStateEvent(&event) == 0,
           "1.B.15 the event was signalled although completion stopped");

    IoCompleteRequest(irp, IO_NO_INCREMENT);
    Expect(R, iosb.Status == STATUS_SUCCESS && iosb.Information == 5,
           "1.B.15, 1.B.20 after completing again the IOSB is {0x%08X, %u}, expected {0, 5}",
           (ULONG)iosb.Status, (ULONG)iosb.Information);
    Expect(R, KeReadStateEvent(&event) != 0,
           "1.B.15, 1.B.20 after completing again the event is not signalled");
}

static VOID RunBuildRequestGroup(SELFTEST_REPORT *R)
{
    CheckFsdRequests(R);
    CheckDeviceIoControlRequest(R, IOCTL_SELFTEST_ECHO_BUFFERED, TRUE,
                                "IoBuildDeviceIoControlRequest(METHOD_BUFFERED, Internal)");
    CheckDeviceIoControlRequest(R, IOCTL_SELFTEST_ECHO_BUFFERED, FALSE,
                                "IoBuildDeviceIoControlRequest(METHOD_BUFFERED)");
    CheckDeviceIoControlRequest(R, IOCTL_SELFTEST_ECHO_OUT_DIRECT, TRUE,
                                "IoBuildDeviceIoControlRequest(METHOD_OUT_DIRECT, Internal)");
    CheckDeviceIoControlRequest(R, IOCTL_SELFTEST_ECHO_NEITHER, TRUE,
                                "IoBuildDeviceIoControlRequest(METHOD_NEITHER, Internal)");
    CheckMoreProcessingKeepsIosb(R);
}

/* -------------------------------------------------- group: device stack */

static VOID RunDeviceStackGroup(SELFTEST_REPORT *R)
{
    PDEVICE_OBJECT dev1 = NULL, dev2 = NULL, dev3 = NULL;
    PDEVICE_OBJECT returned;
    NTSTATUS status;

    /* The stacks DriverEntry built. */
    Expect(R, OpenedDevice->AttachedDevice == FilterDevice && FilterDevice->StackSize == 2,
           "1.A.7 the filter over the opened device: AttachedDevice %p (expected %p), StackSize %d "
           "(expected 2)", OpenedDevice->AttachedDevice, FilterDevice, FilterDevice->StackSize);
    Expect(R, LowerDevice->AttachedDevice == UpperDevice && UpperDevice->StackSize == 2,
           "1.A.7 Upper over Lower: AttachedDevice %p (expected %p), StackSize %d (expected 2)",
           LowerDevice->AttachedDevice, UpperDevice, UpperDevice->StackSize);

    status = IoCreateDevice(SelftestDriver, 0, NULL, FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN,
                            FALSE, &dev1);
    if (NT_SUCCESS(status)) {
        status = IoCreateDevice(SelftestDriver, 0, NULL, FILE_DEVICE_UNKNOWN,
                                FILE_DEVICE_SECURE_OPEN, FALSE, &dev2);
    }
    if (NT_SUCCESS(status)) {
        status = IoCreateDevice(SelftestDriver, 0, NULL, FILE_DEVICE_UNKNOWN,
                                FILE_DEVICE_SECURE_OPEN, FALSE, &dev3);
    }
    if (!Expect(R, NT_SUCCESS(status), "IoCreateDevice for the stack checks failed: 0x%08X",
                (ULONG)status)) {
        goto cleanup;
    }
    Expect(R, dev1->StackSize == 1, "1.A.7 a new device's StackSize is %d, expected 1",
           dev1->StackSize);

    returned = IoAttachDeviceToDeviceStack(dev2, dev1);
    Expect(R, returned == dev1, "1.A.7 attaching dev2 to dev1 returned %p, expected dev1 %p",
           returned, dev1);
    Expect(R, dev1->AttachedDevice == dev2 && dev2->AttachedDevice == NULL,
           "1.A.7 after attaching dev2: dev1->AttachedDevice %p (expected %p), "
           "dev2->AttachedDevice %p (expected NULL)", dev1->AttachedDevice, dev2,
           dev2->AttachedDevice);
    Expect(R, dev1->StackSize == 1 && dev2->StackSize == 2,
           "1.A.7 after attaching dev2: StackSizes %d, %d, expected 1, 2", dev1->StackSize,
           dev2->StackSize);
    dev2->Flags &= ~DO_DEVICE_INITIALIZING;

    /* Attaching to dev1 again lands on top of the stack, dev2. */
    returned = IoAttachDeviceToDeviceStack(dev3, dev1);
    Expect(R, returned == dev2,
           "1.A.7 attaching dev3 to dev1 returned %p, expected the previous top dev2 %p", returned,
           dev2);
    Expect(R, dev1->AttachedDevice == dev2 && dev2->AttachedDevice == dev3 &&
                  dev3->AttachedDevice == NULL,
           "1.A.7 after attaching dev3: AttachedDevice chain %p -> %p -> %p, expected dev2, dev3, "
           "NULL", dev1->AttachedDevice, dev2->AttachedDevice, dev3->AttachedDevice);
    Expect(R, dev1->StackSize == 1 && dev2->StackSize == 2 && dev3->StackSize == 3,
           "1.A.7 after attaching dev3: StackSizes %d, %d, %d, expected 1, 2, 3", dev1->StackSize,
           dev2->StackSize, dev3->StackSize);
    dev3->Flags &= ~DO_DEVICE_INITIALIZING;

    returned = IoGetLowerDeviceObject(dev3);
    Expect(R, returned == dev2, "1.A.7 IoGetLowerDeviceObject(dev3) is %p, expected dev2 %p",
           returned, dev2);
    if (returned != NULL) {
        ObDereferenceObject(returned);
    }
    returned = IoGetLowerDeviceObject(dev1);
    Expect(R, returned == NULL, "1.A.7 IoGetLowerDeviceObject(dev1) is %p, expected NULL", returned);
    if (returned != NULL) {
        ObDereferenceObject(returned);
    }
    returned = IoGetDeviceAttachmentBaseRef(dev3);
    Expect(R, returned == dev1, "1.A.7 IoGetDeviceAttachmentBaseRef(dev3) is %p, expected dev1 %p",
           returned, dev1);
    if (returned != NULL) {
        ObDereferenceObject(returned);
    }
    returned = IoGetAttachedDeviceReference(dev1);
    Expect(R, returned == dev3, "IoGetAttachedDeviceReference(dev1) is %p, expected the top dev3 %p",
           returned, dev3);
    if (returned != NULL) {
        ObDereferenceObject(returned);
    }

    /* Detaching clears one link and changes no StackSize. */
    IoDetachDevice(dev1);
    Expect(R, dev1->AttachedDevice == NULL && dev2->AttachedDevice == dev3,
           "1.A.7 IoDetachDevice(dev1): dev1->AttachedDevice %p (expected NULL), "
           "dev2->AttachedDevice %p (expected dev3)", dev1->AttachedDevice, dev2->AttachedDevice);
    IoDetachDevice(dev2);
    Expect(R, dev2->AttachedDevice == NULL, "1.A.7 IoDetachDevice(dev2) left AttachedDevice %p",
           dev2->AttachedDevice);
    Expect(R, dev1->StackSize == 1 && dev2->StackSize == 2 && dev3->StackSize == 3,
           "1.A.7 after detaching: StackSizes %d, %d, %d, expected unchanged 1, 2, 3",
           dev1->StackSize, dev2->StackSize, dev3->StackSize);

cleanup:
    if (dev3 != NULL) {
        IoDeleteDevice(dev3);
    }
    if (dev2 != NULL) {
        IoDeleteDevice(dev2);
    }
    if (dev1 != NULL) {
        IoDeleteDevice(dev1);
    }
}

/* ------------------------------------------------- group: driver object */

static BOOLEAN StringIs(PCUNICODE_STRING String, PCWSTR Expected)
{
    UNICODE_STRING expected;

    RtlInitUnicodeString(&expected, Expected);
    return RtlEqualUnicodeString(String, &expected, TRUE);
}

/* TRUE if String ends with "\" Name. */
static BOOLEAN StringEndsWithComponent(PCUNICODE_STRING String, PCWSTR Name)
{
    UNICODE_STRING name;
    UNICODE_STRING tail;

    RtlInitUnicodeString(&name, Name);
    if (String->Length < name.Length + sizeof(WCHAR)) {
        return FALSE;
    }
    tail.Buffer = (PWCH)((PUCHAR)String->Buffer + String->Length - name.Length);
    tail.Length = name.Length;
    tail.MaximumLength = name.Length;
    return tail.Buffer[-1] == L'\\' && RtlEqualUnicodeString(&tail, &name, TRUE);
}

/* The driver object as the I/O manager hands it to DriverEntry (1.A.10).
 * Runs first thing in DriverEntry. */
static VOID CheckDriverObjectBeforeEntry(PDRIVER_OBJECT Driver, PUNICODE_STRING RegistryPath)
{
    SELFTEST_REPORT *R = &EntryReport;
    ULONG i;
    BOOLEAN allSame = TRUE;

    Expect(R, Driver->Type == IO_TYPE_DRIVER, "1.A.10 in DriverEntry: Type is %d, expected %d",
           Driver->Type, IO_TYPE_DRIVER);
    Expect(R, Driver->DeviceObject == NULL, "1.A.10 in DriverEntry: DeviceObject is %p, expected NULL",
           Driver->DeviceObject);
    Expect(R, Driver->Flags == DRVO_LEGACY_DRIVER,
           "1.A.10 in DriverEntry: Flags is 0x%X, expected DRVO_LEGACY_DRIVER (0x%X)",
           Driver->Flags, DRVO_LEGACY_DRIVER);
    Expect(R, Driver->DriverExtension == (PDRIVER_EXTENSION)(Driver + 1),
           "1.A.10 DriverExtension is %p, expected right after the driver object (%p)",
           Driver->DriverExtension, (PVOID)(Driver + 1));
    Expect(R, Driver->DriverExtension != NULL && Driver->DriverExtension->DriverObject == Driver,
           "1.A.10 DriverExtension->DriverObject does not point back to the driver object");
    Expect(R, Driver->DriverInit == DriverEntry, "1.A.10 DriverInit is %p, expected DriverEntry %p",
           (PVOID)Driver->DriverInit, (PVOID)DriverEntry);

    DefaultDispatch = Driver->MajorFunction[0];
    for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
        if (Driver->MajorFunction[i] == NULL || Driver->MajorFunction[i] != DefaultDispatch) {
            allSame = FALSE;
        }
    }
    Expect(R, allSame && DefaultDispatch != NULL,
           "1.A.10 before DriverEntry every MajorFunction slot should hold one shared non-NULL "
           "default routine");

    Expect(R, ((ULONG_PTR)RegistryPath & (PAGE_SIZE - 1)) == 0,
           "1.A.10 RegistryPath %p is not page-aligned", RegistryPath);
    Expect(R, RegistryPath->Buffer == (PWCH)(RegistryPath + 1),
           "1.A.10 RegistryPath->Buffer is %p, expected right after the UNICODE_STRING (%p)",
           RegistryPath->Buffer, (PVOID)(RegistryPath + 1));
    Expect(R, RegistryPath->MaximumLength == RegistryPath->Length,
           "1.A.10 RegistryPath: MaximumLength %u, Length %u, expected equal",
           RegistryPath->MaximumLength, RegistryPath->Length);
    Expect(R, StringEndsWithComponent(RegistryPath, IRP_SELFTEST_SERVICE_NAME),
           "1.A.10 RegistryPath does not end with the service name");
    Expect(R, StringIs(&Driver->DriverName, L"\\Driver\\" IRP_SELFTEST_SERVICE_NAME),
           "1.A.10 DriverName is not \\Driver\\<service> (length %u)", Driver->DriverName.Length);
    Expect(R, Driver->DriverExtension != NULL &&
                  StringIs(&Driver->DriverExtension->ServiceKeyName, IRP_SELFTEST_SERVICE_NAME),
           "1.A.10 DriverExtension->ServiceKeyName is not the service name");
}

/* A device as IoCreateDevice returns it inside DriverEntry (1.A.10). */
static VOID CheckNewDevice(PDEVICE_OBJECT Device, BOOLEAN Named, PCSTR What)
{
    SELFTEST_REPORT *R = &EntryReport;
    ULONG expectedFlags = DO_DEVICE_INITIALIZING | (Named ? DO_DEVICE_HAS_NAME : 0);

    Expect(R, Device->Type == IO_TYPE_DEVICE, "1.A.10 %s: Type is %d, expected %d", What,
           Device->Type, IO_TYPE_DEVICE);
    Expect(R, Device->ReferenceCount == 0, "1.A.10 %s: ReferenceCount is %d, expected 0", What,
           Device->ReferenceCount);
    Expect(R, Device->Flags == expectedFlags, "1.A.10 %s: Flags is 0x%X, expected 0x%X", What,
           Device->Flags, expectedFlags);
    Expect(R, Device->DeviceObjectExtension != NULL &&
                  Device->DeviceObjectExtension->Type == IO_TYPE_DEVICE_OBJECT_EXTENSION &&
                  Device->DeviceObjectExtension->DeviceObject == Device,
           "1.A.10 %s: DeviceObjectExtension is not a type %d extension pointing back at the "
           "device", What, IO_TYPE_DEVICE_OBJECT_EXTENSION);
    Expect(R, Device->DriverObject == SelftestDriver && Device->StackSize == 1 &&
                  Device->AttachedDevice == NULL && Device->DeviceType == FILE_DEVICE_UNKNOWN,
           "1.A.10 %s: DriverObject %p (expected %p), StackSize %d, AttachedDevice %p, DeviceType "
           "0x%X", What, Device->DriverObject, SelftestDriver, Device->StackSize,
           Device->AttachedDevice, Device->DeviceType);
}

static VOID RunDriverObjectGroup(SELFTEST_REPORT *R)
{
    static PDEVICE_OBJECT *const entryDevices[] = {&OpenedDevice, &FilterDevice, &UpperDevice,
                                                   &LowerDevice};
    UNICODE_STRING name;
    PDEVICE_OBJECT device;
    NTSTATUS status;
    ULONG i;

    MergeReport(R, &EntryReport);

    Expect(R, SelftestDriver->Flags == (DRVO_LEGACY_DRIVER | DRVO_INITIALIZED),
           "1.A.10 after DriverEntry: Flags is 0x%X, expected DRVO_LEGACY_DRIVER | DRVO_INITIALIZED "
           "(0x%X)", SelftestDriver->Flags, DRVO_LEGACY_DRIVER | DRVO_INITIALIZED);
    Expect(R, SelftestDriver->DeviceObject != NULL, "1.A.10 after DriverEntry: no DeviceObject");

    for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
        PDRIVER_DISPATCH routine = SelftestDriver->MajorFunction[i];
        BOOLEAN ours = routine == Selftest_DispatchOpenClose || routine == Selftest_DispatchIo;

        Expect(R, routine != NULL, "1.A.10 after DriverEntry MajorFunction[0x%02X] is NULL", i);
        Expect(R, ours || routine == DefaultDispatch,
               "1.A.10 after DriverEntry MajorFunction[0x%02X] is %p, neither the driver's nor the "
               "default %p", i, (PVOID)routine, (PVOID)DefaultDispatch);
    }
    Expect(R, SelftestDriver->MajorFunction[IRP_MJ_READ] == DefaultDispatch &&
                  SelftestDriver->MajorFunction[IRP_MJ_WRITE] == DefaultDispatch,
           "1.A.10 the slots DriverEntry set to NULL were not re-filled with the default routine");

    for (i = 0; i < RTL_NUMBER_OF(entryDevices); i++) {
        device = *entryDevices[i];
        Expect(R, device != NULL && (device->Flags & DO_DEVICE_INITIALIZING) == 0,
               "1.A.10 device %u created in DriverEntry still has DO_DEVICE_INITIALIZING (Flags "
               "0x%X)", i, device != NULL ? device->Flags : 0);
    }

    /* Outside DriverEntry nobody clears DO_DEVICE_INITIALIZING but the
     * driver. */
    RtlInitUnicodeString(&name, L"\\Device\\E2eIrpSelftestLate");
    status = IoCreateDevice(SelftestDriver, 0, &name, FILE_DEVICE_UNKNOWN, 0, TRUE, &device);
    if (Expect(R, NT_SUCCESS(status), "IoCreateDevice(\\Device\\E2eIrpSelftestLate) failed: 0x%08X",
               (ULONG)status)) {
        Expect(R, device->Flags == (DO_DEVICE_HAS_NAME | DO_DEVICE_INITIALIZING | DO_EXCLUSIVE),
               "1.A.10 an exclusive named device: Flags is 0x%X, expected DO_DEVICE_HAS_NAME | "
               "DO_DEVICE_INITIALIZING | DO_EXCLUSIVE (0x%X)", device->Flags,
               DO_DEVICE_HAS_NAME | DO_DEVICE_INITIALIZING | DO_EXCLUSIVE);
        IoDeleteDevice(device);
    }

    RtlInitUnicodeString(&name, L"\\E2eNoSuchDirectory\\E2eDevice");
    status = IoCreateDevice(SelftestDriver, 0, &name, FILE_DEVICE_UNKNOWN, 0, FALSE, &device);
    Expect(R, status == STATUS_OBJECT_PATH_NOT_FOUND,
           "1.A.10 IoCreateDevice in a missing directory returned 0x%08X, expected "
           "STATUS_OBJECT_PATH_NOT_FOUND", (ULONG)status);
    if (NT_SUCCESS(status)) {
        IoDeleteDevice(device);
    }

    status = ZwLoadDriver(&RegistryPathCopy);
    Expect(R, status == STATUS_IMAGE_ALREADY_LOADED,
           "1.A.10 ZwLoadDriver of the driver's own service returned 0x%08X, expected "
           "STATUS_IMAGE_ALREADY_LOADED", (ULONG)status);
    RtlInitUnicodeString(&name,
                         L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\E2eNoSuchService");
    status = ZwLoadDriver(&name);
    Expect(R, status == STATUS_OBJECT_NAME_NOT_FOUND,
           "1.A.10 ZwLoadDriver of a service that does not exist returned 0x%08X, expected "
           "STATUS_OBJECT_NAME_NOT_FOUND", (ULONG)status);
}

/* ---------------------------------------------- group: dispatch context */

typedef struct _WORK_CONTEXT {
    KEVENT Done;
    PETHREAD Thread;
    PEPROCESS Process;
    BOOLEAN SystemThread;
    KPROCESSOR_MODE PreviousMode;
} WORK_CONTEXT;

/* Static, not on the stack: if the wait below times out the work item may
 * still run later. */
static WORK_CONTEXT WorkContext;

VOID Selftest_ContextWork(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    WORK_CONTEXT *work = Context;

    UNREFERENCED_PARAMETER(DeviceObject);

    work->Thread = PsGetCurrentThread();
    work->Process = IoGetCurrentProcess();
    work->SystemThread = PsIsSystemThread(PsGetCurrentThread());
    work->PreviousMode = ExGetPreviousMode();
    KeSetEvent(&work->Done, IO_NO_INCREMENT, FALSE);
}

/* Runs in the filter's dispatch routine, on the application's request. */
static VOID RunDispatchContextGroup(SELFTEST_REPORT *R, PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PETHREAD self = PsGetCurrentThread();
    LARGE_INTEGER timeout;
    PIO_WORKITEM workItem;
    NTSTATUS status;

    /* 1.A.8: a request on a handle to the opened device arrives at the top
     * of its stack, the file object still naming the opened device. */
    Expect(R, DeviceObject == FilterDevice && stack->DeviceObject == FilterDevice,
           "1.A.8 the request arrived at device %p (location says %p), expected the filter %p on "
           "top of the opened device", DeviceObject, stack->DeviceObject, FilterDevice);
    Expect(R, stack->FileObject != NULL && stack->FileObject->DeviceObject == OpenedDevice,
           "1.A.8 FileObject->DeviceObject is %p, expected the opened device %p",
           stack->FileObject != NULL ? (PVOID)stack->FileObject->DeviceObject : NULL, OpenedDevice);
    Expect(R, stack->FileObject == LastCreateFileObject,
           "1.A.8 the request's file object %p is not the one created at open (%p)",
           stack->FileObject, LastCreateFileObject);
    Expect(R, LastCreateDevice == FilterDevice,
           "1.A.8 the open went to device %p, expected the top of the stack %p", LastCreateDevice,
           FilterDevice);

    /* 1.A.9: a top-level driver runs in the caller's context. */
    Expect(R, Irp->Tail.Overlay.Thread == self,
           "1.A.9 Irp->Tail.Overlay.Thread is not the current thread");
    Expect(R, LastCreateIrpThread == self && LastCreateDispatchThread == self,
           "1.A.9 the create IRP's thread (%p) or its dispatch thread (%p) is not this thread (%p)",
           LastCreateIrpThread, LastCreateDispatchThread, self);
    Expect(R, IoGetRequestorProcess(Irp) == IoGetCurrentProcess(),
           "1.A.9 IoGetRequestorProcess %p is not the current process %p",
           IoGetRequestorProcess(Irp), IoGetCurrentProcess());
    Expect(R, IoGetCurrentProcess() != PsInitialSystemProcess,
           "1.A.9 a dispatch routine for an application's request runs in the system process");
    Expect(R, ExGetPreviousMode() == UserMode && Irp->RequestorMode == UserMode,
           "1.A.9 previous mode %d, RequestorMode %d, expected UserMode (%d)", ExGetPreviousMode(),
           Irp->RequestorMode, UserMode);
    Expect(R, !PsIsSystemThread(self), "1.A.9 the dispatch thread is a system thread");
    Expect(R, KeGetCurrentIrql() == PASSIVE_LEVEL, "1.K.65 dispatch runs at IRQL %d, expected "
           "PASSIVE_LEVEL", KeGetCurrentIrql());
    /* KeAreApcsDisabled() is not checked: Windows answers either way here. */

    /* 1.A.9: a work item runs in a system thread of the system process. */
    workItem = IoAllocateWorkItem(DeviceObject);
    if (!Expect(R, workItem != NULL, "IoAllocateWorkItem failed")) {
        return;
    }
    RtlZeroMemory(&WorkContext, sizeof(WorkContext));
    KeInitializeEvent(&WorkContext.Done, NotificationEvent, FALSE);
    IoQueueWorkItem(workItem, Selftest_ContextWork, DelayedWorkQueue, &WorkContext);
    timeout.QuadPart = -5 * 1000 * 10000LL; /* 5 s, relative */
    status = KeWaitForSingleObject(&WorkContext.Done, Executive, KernelMode, FALSE, &timeout);
    if (!Expect(R, status == STATUS_SUCCESS, "1.A.9 the work item did not run within 5 s (0x%08X)",
                (ULONG)status)) {
        return; /* it may still run: leave the work item allocated */
    }
    IoFreeWorkItem(workItem);

    Expect(R, WorkContext.SystemThread && WorkContext.Thread != self,
           "1.A.9 the work item ran in %s thread %p, expected a system thread other than %p",
           WorkContext.SystemThread ? "system" : "non-system", WorkContext.Thread, self);
    Expect(R, WorkContext.Process == PsInitialSystemProcess,
           "1.A.9 the work item ran in process %p, expected PsInitialSystemProcess %p",
           WorkContext.Process, PsInitialSystemProcess);
    Expect(R, WorkContext.PreviousMode == KernelMode,
           "1.A.9 the work item's previous mode is %d, expected KernelMode",
           WorkContext.PreviousMode);
}

/* ------------------------------------------------------------ dispatch */

static NTSTATUS CompleteRequest(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

static NTSTATUS Selftest_Run(PDEVICE_OBJECT DeviceObject, PIRP Irp, PIO_STACK_LOCATION Stack)
{
    SELFTEST_REPORT *report;
    ULONG group;

    if (Stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(ULONG) ||
        Stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(SELFTEST_REPORT)) {
        return CompleteRequest(Irp, STATUS_BUFFER_TOO_SMALL, 0);
    }
    group = *(PULONG)Irp->AssociatedIrp.SystemBuffer;

    report = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(*report), SELFTEST_POOL_TAG);
    if (report == NULL) {
        return CompleteRequest(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
    }
    report->Group = group;

    switch (group) {
    case SELFTEST_GROUP_ALLOCATION:
        RunAllocationGroup(report);
        break;
    case SELFTEST_GROUP_COMPLETION:
        RunCompletionGroup(report);
        break;
    case SELFTEST_GROUP_BUILD_REQUEST:
        RunBuildRequestGroup(report);
        break;
    case SELFTEST_GROUP_DEVICE_STACK:
        RunDeviceStackGroup(report);
        break;
    case SELFTEST_GROUP_DRIVER_OBJECT:
        RunDriverObjectGroup(report);
        break;
    case SELFTEST_GROUP_DISPATCH_CONTEXT:
        RunDispatchContextGroup(report, DeviceObject, Irp);
        break;
    default:
        ExFreePoolWithTag(report, SELFTEST_POOL_TAG);
        return CompleteRequest(Irp, STATUS_INVALID_PARAMETER, 0);
    }

    DbgPrint("E2eIrpSelftest: group %u: %u checks, %u failed\n", group, report->ChecksRun,
             report->ChecksFailed);
    RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, report, sizeof(*report));
    ExFreePoolWithTag(report, SELFTEST_POOL_TAG);
    return CompleteRequest(Irp, STATUS_SUCCESS, sizeof(SELFTEST_REPORT));
}

NTSTATUS Selftest_DispatchIo(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PSELFTEST_EXTENSION extension = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);

    switch (extension->Role) {
    case RoleUpper:
        return Selftest_UpperDispatch(DeviceObject, Irp);
    case RoleLower:
        return Selftest_LowerDispatch(DeviceObject, Irp);
    case RoleFilter:
        if (stack->MajorFunction == IRP_MJ_DEVICE_CONTROL &&
            stack->Parameters.DeviceIoControl.IoControlCode == IOCTL_IRP_SELFTEST_RUN) {
            return Selftest_Run(DeviceObject, Irp, stack);
        }
        return CompleteRequest(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    default:
        return CompleteRequest(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

NTSTATUS Selftest_DispatchOpenClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);

    PAGED_CODE();

    if (stack->MajorFunction == IRP_MJ_CREATE) {
        LastCreateDevice = DeviceObject;
        LastCreateFileObject = stack->FileObject;
        LastCreateIrpThread = Irp->Tail.Overlay.Thread;
        LastCreateDispatchThread = PsGetCurrentThread();
    }
    return CompleteRequest(Irp, STATUS_SUCCESS, 0);
}

/* ------------------------------------------------------- load, unload */

static NTSTATUS CreateRoleDevice(PDRIVER_OBJECT Driver, PCWSTR Name, SELFTEST_ROLE Role,
                                 PDEVICE_OBJECT *Device)
{
    UNICODE_STRING name;
    NTSTATUS status;

    if (Name != NULL) {
        RtlInitUnicodeString(&name, Name);
    }
    status = IoCreateDevice(Driver, sizeof(SELFTEST_EXTENSION), Name != NULL ? &name : NULL,
                            FILE_DEVICE_UNKNOWN, 0, FALSE, Device);
    if (NT_SUCCESS(status)) {
        ((PSELFTEST_EXTENSION)(*Device)->DeviceExtension)->Role = Role;
    }
    return status;
}

static VOID DeleteAllDevices(PDRIVER_OBJECT Driver)
{
    if (OpenedDevice != NULL && FilterDevice != NULL && OpenedDevice->AttachedDevice == FilterDevice) {
        IoDetachDevice(OpenedDevice);
    }
    if (LowerDevice != NULL && UpperDevice != NULL && LowerDevice->AttachedDevice == UpperDevice) {
        IoDetachDevice(LowerDevice);
    }
    if (FilterDevice != NULL) {
        IoDeleteDevice(FilterDevice);
    }
    if (UpperDevice != NULL) {
        IoDeleteDevice(UpperDevice);
    }
    if (LowerDevice != NULL) {
        IoDeleteDevice(LowerDevice);
    }
    if (OpenedDevice != NULL) {
        IoDeleteDevice(OpenedDevice);
    }
    FilterDevice = UpperDevice = LowerDevice = OpenedDevice = NULL;
    UNREFERENCED_PARAMETER(Driver);
}

VOID Selftest_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING linkName;

    PAGED_CODE();

    RtlInitUnicodeString(&linkName, IRP_SELFTEST_LINK_NAME);
    IoDeleteSymbolicLink(&linkName);
    DeleteAllDevices(DriverObject);
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING deviceName;
    UNICODE_STRING linkName;
    NTSTATUS status;

    SelftestDriver = DriverObject;
    CheckDriverObjectBeforeEntry(DriverObject, RegistryPath);

    RegistryPathCopy.Buffer = RegistryPathBuffer;
    RegistryPathCopy.Length = 0;
    RegistryPathCopy.MaximumLength = sizeof(RegistryPathBuffer);
    RtlCopyUnicodeString(&RegistryPathCopy, RegistryPath);

    status = CreateRoleDevice(DriverObject, IRP_SELFTEST_DEVICE_NAME, RoleOpened, &OpenedDevice);
    if (NT_SUCCESS(status)) {
        CheckNewDevice(OpenedDevice, TRUE, "IoCreateDevice(named) in DriverEntry");
        status = CreateRoleDevice(DriverObject, NULL, RoleFilter, &FilterDevice);
    }
    if (NT_SUCCESS(status)) {
        CheckNewDevice(FilterDevice, FALSE, "IoCreateDevice(unnamed) in DriverEntry");
        status = CreateRoleDevice(DriverObject, NULL, RoleLower, &LowerDevice);
    }
    if (NT_SUCCESS(status)) {
        status = CreateRoleDevice(DriverObject, NULL, RoleUpper, &UpperDevice);
    }
    if (!NT_SUCCESS(status)) {
        DeleteAllDevices(DriverObject);
        return status;
    }

    if (IoAttachDeviceToDeviceStack(FilterDevice, OpenedDevice) != OpenedDevice ||
        IoAttachDeviceToDeviceStack(UpperDevice, LowerDevice) != LowerDevice) {
        DeleteAllDevices(DriverObject);
        return STATUS_UNSUCCESSFUL;
    }

    RtlInitUnicodeString(&deviceName, IRP_SELFTEST_DEVICE_NAME);
    RtlInitUnicodeString(&linkName, IRP_SELFTEST_LINK_NAME);
    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (!NT_SUCCESS(status)) {
        DeleteAllDevices(DriverObject);
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = Selftest_DispatchOpenClose;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = Selftest_DispatchOpenClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = Selftest_DispatchOpenClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = Selftest_DispatchIo;
    DriverObject->MajorFunction[IRP_MJ_INTERNAL_DEVICE_CONTROL] = Selftest_DispatchIo;
    DriverObject->MajorFunction[IRP_MJ_FLUSH_BUFFERS] = Selftest_DispatchIo;
    /* Slots a driver clears are given back the default routine once
     * DriverEntry returns (checked by the driver-object group). */
    DriverObject->MajorFunction[IRP_MJ_READ] = NULL;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = NULL;
    DriverObject->DriverUnload = Selftest_Unload;

    /* DO_DEVICE_INITIALIZING is left for the I/O manager to clear. */
    return STATUS_SUCCESS;
}
