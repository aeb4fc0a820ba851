/*
 * bugcheck.c - KeBugCheckEx, KeBugCheck and the bug-check report.
 *
 * A bug check is how ntk turns a driver bug into a report instead of a hang
 * or silent corruption. The report goes to standard error in the shape a
 * Windows kernel debugger prints and "!analyze -v" expands:
 *
 *   *** Fatal System Error: 0x000000c4 (0x0000000000000062,0x...,0x...,0x...)
 *
 *   DRIVER_VERIFIER_DETECTED_VIOLATION (c4)
 *   <description>
 *   <optional detail line from the caller>
 *   Arguments:
 *   Arg1: 0000000000000062, A driver is unloading without freeing its pool allocations.
 *   Arg2: ..., <meaning>
 *   ...
 *
 *   BUGCHECK_STR:  0xc4_62
 *   FAULTING_THREAD:  <host thread id>
 *   IMAGE_NAME:  example.sys
 *   Probably caused by : example.sys ( example!Example_Unload+0x3a )
 *
 *   STACK_TEXT:
 *    #00 example!Example_Unload+0x3a (example.c:210)
 *    #01 ntk!IopUnloadDriver+0x55 (driver.c:120)
 *
 *   <sections of registered reporters>
 *   *** ntk: bug check 0x000000c4: process exits with status 200
 *
 * and then the process ends. How it ends is chosen by the environment
 * variable NTK_BUGCHECK_ACTION:
 *   unset or "exit"  exit with status NTK_EXIT_BUGCHECK (200);
 *   "abort"          abort the process (SIGABRT), so that a core dump is
 *                    written or an attached debugger stops at the scene.
 * Any other value is reported and treated as "exit".
 *
 * Only the first bug check of the process is reported. The report is
 * written by one thread from static buffers and goes straight to the host's
 * unbuffered error output, so it needs no lock that a faulting driver could
 * hold; the symbolizer behind the host may allocate, which is accepted as
 * best effort. The application's stdio buffers are deliberately not flushed
 * here: another thread may hold a stream's lock forever, and ISO C offers no
 * way to try the lock; the host's exit_process decides about that.
 */
/* glibc's snprintf semantics (%lx is 64-bit), not the Microsoft CRT's that
 * ntk's <stdio.h> gives Windows code. */
#define NTK_HOST_STDIO
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <ntdef.h>
#include <bugcodes.h>
#include <ntk/exitcodes.h>
#include <host.h>
#include <internal/ke_bugcheck.h>
#include <internal/ldr.h>

/* ---------------------------------------------------------------------------
 * What each code means: name, description, meaning of each parameter.
 * Wording follows Microsoft's bug check reference, shortened.
 */

/* Codes whose Parameter 1 (or 4) selects the kind of violation carry a
 * table of those values; the selected entry gives all four meanings. */
typedef struct _KI_BUGCHECK_SUBCODE {
    ULONG_PTR Value;
    const char *Arg[4];
} KI_BUGCHECK_SUBCODE;

/* How the BUGCHECK_STR line is formed, as the debugger does it. */
typedef enum _KI_BUGCHECK_STR_STYLE {
    KiStrPlain,     /* 0xD1 */
    KiStrSubcode,   /* 0xc4_62: code and the selecting parameter */
    KiStrException, /* 0x1E_c0000005: code and the exception code */
} KI_BUGCHECK_STR_STYLE;

typedef struct _KI_BUGCHECK_DESCRIPTION {
    ULONG Code;
    const char *Description;
    const char *Arg[4];
    KI_BUGCHECK_STR_STYLE Style;
    UCHAR SelectorArg; /* 0: none, else 1..4: the parameter that selects a subcode */
    const KI_BUGCHECK_SUBCODE *Subcodes;
    ULONG SubcodeCount;
} KI_BUGCHECK_DESCRIPTION;

#define KI_SUBCODES(Table, Selector) Selector, Table, ARRAYSIZE(Table)
#define KI_NO_SUBCODES 0, NULL, 0

/* Parameter 1 selects; the other three follow. */
#define KI_P1(Value, Meaning, A2, A3, A4) { (Value), { (Meaning), (A2), (A3), (A4) } }
/* A DDI compliance rule (C4 0x0002xxxx / 0x0004xxxx). */
#define KI_DDI_RULE(Value, Rule)                                                          \
    KI_P1((Value), "The driver violated the DDI compliance rule " Rule ".",              \
          "Pointer to the text of the violated rule condition", "Address of internal rule state", \
          "Address of supplemental rule states")
/* A "WDM DRIVER ERROR" of I/O verification (C9 0x2xx / 0x3xx). */
#define KI_WDM_ERROR(Value, Meaning)                                                      \
    KI_P1((Value), Meaning, "Address in the driver's code where the error was detected", \
          "Address of the IRP", "Reserved")
#define KI_WDM_ERROR_P4(Value, Meaning, A4)                                               \
    KI_P1((Value), Meaning, "Address in the driver's code where the error was detected", \
          "Address of the IRP", A4)
#define KI_WDM_ERROR_NOARGS(Value, Meaning) KI_P1((Value), Meaning, "Reserved", "Reserved", "Reserved")

static const KI_BUGCHECK_SUBCODE KiDriverVerifierSubcodes[] = {
    /* IRQL and pool requests */
    KI_P1(0x00, "The driver requested a zero-byte pool allocation.", "Current IRQL", "Pool type", "Number of bytes"),
    KI_P1(0x01, "The driver allocated paged pool at IRQL > APC_LEVEL.", "Current IRQL", "Pool type",
          "Size of the allocation in bytes"),
    KI_P1(0x02, "The driver allocated nonpaged pool at IRQL > DISPATCH_LEVEL.", "Current IRQL", "Pool type",
          "Size of the allocation in bytes"),
    KI_P1(0x10, "The driver freed an address that no allocation routine returned.", "Bad address", "0", "0"),
    KI_P1(0x11, "The driver freed paged pool at IRQL > APC_LEVEL.", "Current IRQL", "Pool type", "Address of the pool"),
    KI_P1(0x12, "The driver freed nonpaged pool at IRQL > DISPATCH_LEVEL.", "Current IRQL", "Pool type",
          "Address of the pool"),
    KI_P1(0x13, "The driver freed pool that was already freed.", "Reserved", "Pointer to the pool header",
          "Pool header contents"),
    KI_P1(0x14, "The driver freed pool that was already freed.", "Reserved", "Pointer to the pool header",
          "Pool header contents"),
    KI_P1(0x15, "The pool being freed contains an active timer.", "Timer entry", "Pool type",
          "Address of the pool being freed"),
    KI_P1(0x16, "The driver freed pool at a bad address, or passed invalid parameters to a memory routine.", "Reserved",
          "Pool address", "0"),
    KI_P1(0x17, "The pool being freed contains an active ERESOURCE.", "Resource entry", "Pool type",
          "Address of the pool being freed"),
    KI_P1(0x30, "The driver passed KeRaiseIrql an IRQL lower than the current one or above HIGH_LEVEL.", "Current IRQL",
          "Requested IRQL", "0"),
    KI_P1(0x31, "The driver passed KeLowerIrql an IRQL higher than the current one or above HIGH_LEVEL.",
          "Current IRQL", "Requested IRQL", "0: the new IRQL is bad, 1: the new IRQL is invalid inside a DPC routine"),
    KI_P1(0x32,
          "The driver called KeReleaseSpinLock at an IRQL other than DISPATCH_LEVEL (possibly a double release of the "
          "spin lock).", "Current IRQL", "Address of the spin lock", "0"),
    KI_P1(0x33, "The driver acquired a fast mutex at IRQL > APC_LEVEL.", "Current IRQL", "Address of the fast mutex",
          "0"),
    KI_P1(0x34, "The driver released a fast mutex at an IRQL other than APC_LEVEL.", "Current IRQL",
          "Thread's APC disable count", "Address of the fast mutex"),
    KI_P1(0x35, "A spin lock was released at an IRQL other than DISPATCH_LEVEL.", "Current IRQL",
          "Address of the spin lock", "Old IRQL"),
    KI_P1(0x36, "A queued spin lock was released at an IRQL other than DISPATCH_LEVEL.", "Current IRQL",
          "Spin lock number", "Old IRQL"),
    KI_P1(0x37, "The driver acquired a resource with APCs enabled.", "Current IRQL", "Thread's APC disable count",
          "Address of the resource"),
    KI_P1(0x38, "The driver released a resource with APCs enabled.", "Current IRQL", "Thread's APC disable count",
          "Address of the resource"),
    KI_P1(0x39, "The driver acquired a mutex \"unsafe\" at an IRQL other than APC_LEVEL.", "Current IRQL",
          "Thread's APC disable count", "Address of the mutex"),
    KI_P1(0x3A, "The driver released a mutex \"unsafe\" at an IRQL other than APC_LEVEL.", "Current IRQL",
          "Thread's APC disable count", "Address of the mutex"),
    KI_P1(0x3B, "A KeWaitXxx routine was called at DISPATCH_LEVEL or above.", "Current IRQL", "Object to wait on",
          "Time-out parameter"),
    KI_P1(0x3C, "ObReferenceObjectByHandle was called with a bad handle.", "Handle passed to the routine",
          "Object type", "0"),
    KI_P1(0x3D, "The driver passed a bad (unaligned) resource to ExAcquireResourceExclusive.", "0", "0",
          "Address of the bad resource"),
    KI_P1(0x3E, "KeLeaveCriticalRegion was called for a thread that is not in a critical region.", "0", "0", "0"),
    KI_P1(0x3F, "An object whose reference count is zero was referenced or dereferenced.", "Address of the object",
          "New reference count (-1: dereference, 1: reference)", "0"),
    KI_P1(0x40, "KeAcquireSpinLockAtDpcLevel was called at IRQL < DISPATCH_LEVEL.", "Current IRQL",
          "Address of the spin lock", "0"),
    KI_P1(0x41, "KeReleaseSpinLockFromDpcLevel was called at IRQL < DISPATCH_LEVEL.", "Current IRQL",
          "Address of the spin lock", "0"),
    KI_P1(0x42, "KeAcquireSpinLock was called at IRQL > DISPATCH_LEVEL.", "Current IRQL", "Address of the spin lock",
          "0"),
    /* Overruns found at free, leaks found at unload (Pool Tracking) */
    KI_P1(0x51, "The driver freed memory after writing past the end of the allocation.",
          "Base address of the allocation", "Address of the reference beyond the allocation",
          "Number of charged bytes"),
    KI_P1(0x52, "The driver freed memory after writing past the end of the allocation.",
          "Base address of the allocation", "Hash entry", "Number of charged bytes"),
    KI_P1(0x53, "The driver freed memory after writing past the end of the allocation.",
          "Base address of the allocation", "Header", "Reserved"),
    KI_P1(0x54, "The driver freed memory after writing past the end of the allocation.",
          "Base address of the allocation", "Reserved", "Pool hash size"),
    KI_P1(0x59, "The driver freed memory after writing past the end of the allocation.",
          "Base address of the allocation", "List index", "Reserved"),
    KI_P1(0x60, "A driver is unloading without freeing its pool allocations.", "Bytes allocated from paged pool",
          "Bytes allocated from nonpaged pool", "Total number of allocations not freed"),
    KI_P1(0x61, "A driver thread allocated pool while the driver was unloading.", "Bytes allocated from paged pool",
          "Bytes allocated from nonpaged pool", "Total number of allocations not freed"),
    KI_P1(0x62, "A driver is unloading without freeing its pool allocations.", "Name of the driver", "Reserved",
          "Total number of allocations not freed, paged and nonpaged"),
    /* Memory manager routines */
    KI_P1(0x70, "MmProbeAndLockPages was called at IRQL > DISPATCH_LEVEL.", "Current IRQL", "Address of the MDL",
          "Access mode"),
    KI_P1(0x73, "MmMapIoSpace was called at IRQL > DISPATCH_LEVEL.", "Current IRQL", "Physical address",
          "Number of bytes"),
    KI_P1(0x74, "MmMapLockedPages was called in kernel mode at IRQL > DISPATCH_LEVEL.", "Current IRQL",
          "Address of the MDL", "Access mode"),
    KI_P1(0x76, "MmMapLockedPagesSpecifyCache was called in kernel mode at IRQL > DISPATCH_LEVEL.", "Current IRQL",
          "Address of the MDL", "Access mode"),
    KI_P1(0x78, "MmUnlockPages was called at IRQL > DISPATCH_LEVEL.", "Current IRQL", "Address of the MDL", "0"),
    KI_P1(0x79, "MmUnmapLockedPages was called in kernel mode at IRQL > DISPATCH_LEVEL.", "Current IRQL",
          "Virtual address being unmapped", "Address of the MDL"),
    KI_P1(0x7B, "MmUnmapIoSpace was called at IRQL > APC_LEVEL.", "Current IRQL", "Virtual address being unmapped",
          "Number of bytes"),
    KI_P1(0x7C, "MmUnlockPages was passed an MDL whose pages were never locked.", "Address of the MDL", "MDL flags",
          "0"),
    KI_P1(0x7D, "MmUnlockPages was passed an MDL describing nonpaged pool, which must never be unlocked.",
          "Address of the MDL", "MDL flags", "0"),
    KI_P1(0x80, "KeSetEvent was called at IRQL > DISPATCH_LEVEL.", "Current IRQL", "Address of the event", "0"),
    KI_P1(0xB8, "An MDL was freed with IoFreeMdl while its pages were still mapped.", "Address of the MDL", "MDL flags",
          "Reserved"),
    /* Dispatch routines and interrupts */
    KI_P1(0xC0, "IoCallDriver was called with interrupts disabled.", "Address of the IRP", "0", "Reserved"),
    KI_P1(0xC1, "A dispatch routine returned with interrupts disabled.", "Address of the dispatch routine", "Reserved",
          "Reserved"),
    KI_P1(0xC5,
          "A dispatch routine changed the thread's APC disable count (unbalanced KeEnterCriticalRegion, mutex or "
          "FsRtlEnterFileSystem).", "Address of the dispatch routine", "Current APC disable count",
          "APC disable count before the dispatch routine"),
    /* Lookaside lists, resources, remove locks */
    KI_P1(0xCA, "The driver initialized a lookaside list again.", "Address of the lookaside list", "Reserved",
          "Reserved"),
    KI_P1(0xCB, "The driver deleted a lookaside list that was never initialized.", "Address of the lookaside list",
          "Reserved", "Reserved"),
    KI_P1(0xCC, "The driver freed pool that contains an active lookaside list.", "Address of the lookaside list",
          "Start of the pool allocation", "Size of the pool allocation"),
    KI_P1(0xCD, "The driver created a lookaside list with a block size that is too small.",
          "Address of the lookaside list", "Block size requested", "Minimum supported block size"),
    KI_P1(0xD0, "The driver initialized an ERESOURCE again.", "Address of the ERESOURCE", "Reserved", "Reserved"),
    KI_P1(0xD1, "The driver deleted an ERESOURCE that was never initialized.", "Address of the ERESOURCE", "Reserved",
          "Reserved"),
    KI_P1(0xD2, "The driver freed pool that contains an active ERESOURCE.", "Address of the ERESOURCE",
          "Start of the pool allocation", "Size of the pool allocation"),
    KI_P1(0xD5, "The tag passed to IoReleaseRemoveLock does not match the tag of the acquire.",
          "Address of the remove lock", "Tag passed to IoReleaseRemoveLock", "Reserved"),
    KI_P1(0xD6, "The tag passed to IoReleaseRemoveLockAndWait does not match the tag of the acquire.",
          "Address of the remove lock", "Tag that does not match", "Tag passed to IoAcquireRemoveLock"),
    KI_P1(0xD7, "A remove lock was initialized again.", "Verifier's copy of the remove lock",
          "Address of the driver's remove lock", "Reserved"),
    /* Unload hygiene */
    KI_P1(0xDA, "A driver unloaded without deregistering its WMI callback.", "Start address of the driver",
          "Address of the WMI callback in the driver", "Reserved"),
    KI_P1(0xDB, "A device object was deleted without being deregistered from WMI.", "Address of the device object",
          "Reserved", "Reserved"),
    KI_P1(0xDD, "A driver unloaded without calling EtwUnregister.", "Address of the EtwRegister call",
          "Start address of the unloading driver", "ETW registration handle"),
    /* User addresses and handles */
    KI_P1(0xE0, "A kernel routine was called with a user-mode address as a parameter.", "User-mode address",
          "Size of the address range in bytes", "Reserved"),
    KI_P1(0xE2, "An IRP whose RequestorMode is KernelMode contains a user-mode address.", "Address of the IRP",
          "User-mode address in the IRP", "Reserved"),
    KI_P1(0xE3, "A Zw routine was called from kernel mode with a user-mode address.", "Address of the call",
          "User-mode address passed", "Reserved"),
    KI_P1(0xE4, "A Zw routine was called with a malformed UNICODE_STRING.", "Address of the call",
          "Address of the malformed UNICODE_STRING", "Reserved"),
    KI_P1(0xE5, "A kernel routine was called at an incorrect IRQL.", "Current IRQL", "Reserved", "Reserved"),
    KI_P1(0xE6, "A Zw routine was not called at PASSIVE_LEVEL with special kernel APCs enabled.",
          "Address in the driver making the call", "Current IRQL", "Special kernel APC disable state"),
    KI_P1(0xF0, "memcpy was called with overlapping source and destination buffers.", "Destination buffer",
          "Source buffer", "Number of bytes to copy"),
    KI_P1(0xF5, "ObReferenceObjectByHandle was called with a NULL handle.", "Address of the NULL handle", "Object type",
          "Reserved"),
    KI_P1(0xF6, "A driver referenced a user-mode handle as KernelMode.", "Handle value",
          "Address of the current process", "Address in the driver making the reference"),
    KI_P1(0xF7, "A driver made a UserMode reference to a kernel handle in the system process.", "Handle value",
          "Object type", "Access mode"),
    KI_P1(0xFA, "An IRP completion routine returned at a different IRQL than it was called at.",
          "Address of the completion routine", "IRQL before the call", "IRQL after the call"),
    KI_P1(0xFB, "An IRP completion routine changed the thread's APC disable count.",
          "Address of the completion routine", "Current APC disable count", "APC disable count before the call"),
    KI_P1(0x105, "The driver released an IRP with ExFreePool instead of IoFreeIrp.", "Address of the IRP", "0", "0"),
    KI_P1(0x11A, "KeEnterCriticalRegion was called at IRQL > APC_LEVEL.", "Current IRQL", "0", "0"),
    KI_P1(0x11B, "KeLeaveCriticalRegion was called at IRQL > APC_LEVEL.", "Current IRQL", "0", "0"),
    KI_P1(0x120, "A thread waits at IRQL > DISPATCH_LEVEL.", "Address of the IRQL value", "Object to wait on",
          "Address of the time-out value"),
    KI_P1(0x121, "A thread waits at DISPATCH_LEVEL without a time-out (NULL).", "Address of the IRQL value",
          "Object to wait on", "Address of the time-out value"),
    KI_P1(0x122, "A thread waits at DISPATCH_LEVEL with a nonzero time-out.", "Address of the IRQL value",
          "Object to wait on", "Address of the time-out value"),
    KI_P1(0x123, "A UserMode wait was requested on an object on the kernel stack.", "Object to wait on", "0", "0"),
    KI_P1(0x130, "A work item is in session address space.", "Address of the work item", "0", "0"),
    KI_P1(0x131, "A work item is in pageable memory.", "Address of the work item", "0", "0"),
    KI_P1(0x135, "A cancelled IRP was not completed within the time allowed.", "Address of the IRP",
          "Milliseconds allowed between IoCancelIrp and completion", "0"),
    KI_P1(0x13A, "ExFreePool found Driver Verifier's pool-tracking values corrupted.",
          "Address of the pool block being freed", "Incorrect value", "Address of the incorrect value"),
    KI_P1(0x13B, "ExFreePool found Driver Verifier's pool-tracking values corrupted.",
          "Address of the pool block being freed", "Address of the incorrect value",
          "Pointer to the incorrect memory page"),
    KI_P1(0x13C, "ExFreePool found Driver Verifier's pool-tracking values corrupted.",
          "Address of the pool block being freed", "Incorrect value", "Address of the incorrect value"),
    KI_P1(0x13D, "ExFreePool found Driver Verifier's pool-tracking values corrupted.",
          "Address of the pool block being freed", "Address of the incorrect value", "Value expected"),
    KI_P1(0x13E, "The address passed to ExFreePool differs from the block address Driver Verifier tracks.",
          "Pool block address passed by the caller", "Pool block address tracked", "Pointer to the tracked address"),
    KI_P1(0x13F, "The number of bytes freed by ExFreePool differs from the size Driver Verifier tracks.",
          "Address of the pool block being freed", "Number of bytes being freed", "Pointer to the tracked size"),
    /* Deadlock detection */
    KI_P1(0x1000, "Self-deadlock: the thread acquired exclusively, recursively, a resource it owns shared.",
          "Address of the resource", "Reserved", "Reserved"),
    KI_P1(0x1001, "Deadlock: a lock hierarchy violation was found.",
          "Address of the resource that finally caused the deadlock", "Reserved", "Reserved"),
    KI_P1(0x1002, "A resource was acquired without having been initialized.", "Address of the resource", "Reserved",
          "Reserved"),
    KI_P1(0x1003, "A resource was released out of order.", "Address of the resource being released",
          "Address of the resource that should have been released first", "Reserved"),
    KI_P1(0x1004, "A resource was released by a thread other than the one that acquired it.", "Address of the resource",
          "Thread that acquired the resource", "Current thread"),
    KI_P1(0x1005, "A resource was initialized more than once.", "Address of the resource", "Reserved", "Reserved"),
    KI_P1(0x1007, "A resource was released before it was acquired.", "Address of the resource", "Reserved", "Reserved"),
    KI_P1(0x1008, "A lock was acquired with a routine that does not match its type.", "Address of the lock", "Reserved",
          "Reserved"),
    KI_P1(0x1009, "A lock was released with a routine that does not match its type.", "Address of the lock", "Reserved",
          "Reserved"),
    KI_P1(0x100A, "A thread terminated while owning a lock.", "Address of the owner thread", "Reserved", "Reserved"),
    KI_P1(0x100B, "A deleted lock is still owned by a thread.", "Address of the lock", "Address of the owner thread",
          "Reserved"),
    /* DDI compliance checking */
    KI_DDI_RULE(0x00020002, "IrqlApcLte"),
    KI_DDI_RULE(0x00020003, "IrqlDispatch"),
    KI_DDI_RULE(0x00020004, "IrqlExAllocatePool"),
    KI_DDI_RULE(0x00020005, "IrqlExApcLte1"),
    KI_DDI_RULE(0x00020006, "IrqlExApcLte2"),
    KI_DDI_RULE(0x00020007, "IrqlExApcLte3"),
    KI_DDI_RULE(0x00020008, "IrqlExPassive"),
    KI_DDI_RULE(0x00020009, "IrqlIoApcLte"),
    KI_DDI_RULE(0x0002000A, "IrqlIoPassive1"),
    KI_DDI_RULE(0x0002000B, "IrqlIoPassive2"),
    KI_DDI_RULE(0x0002000C, "IrqlIoPassive3"),
    KI_DDI_RULE(0x0002000D, "IrqlIoPassive4"),
    KI_DDI_RULE(0x0002000E, "IrqlIoPassive5"),
    KI_DDI_RULE(0x0002000F, "IrqlKeApcLte1"),
    KI_DDI_RULE(0x00020010, "IrqlKeApcLte2"),
    KI_DDI_RULE(0x00020011, "IrqlKeDispatchLte"),
    KI_DDI_RULE(0x00020015, "IrqlKeReleaseSpinLock"),
    KI_DDI_RULE(0x00020016, "IrqlKeSetEvent"),
    KI_DDI_RULE(0x00020019, "IrqlMmApcLte"),
    KI_DDI_RULE(0x0002001A, "IrqlMmDispatch"),
    KI_DDI_RULE(0x0002001B, "IrqlObPassive"),
    KI_DDI_RULE(0x0002001C, "IrqlPsPassive"),
    KI_DDI_RULE(0x0002001D, "IrqlReturn"),
    KI_DDI_RULE(0x0002001E, "IrqlRtlPassive"),
    KI_DDI_RULE(0x0002001F, "IrqlZwPassive"),
    KI_DDI_RULE(0x00020022, "IrqlIoDispatch"),
    KI_DDI_RULE(0x00040003, "CriticalRegions"),
    KI_DDI_RULE(0x00040006, "QueuedSpinLock"),
    KI_DDI_RULE(0x00040007, "QueuedSpinLockRelease"),
    KI_DDI_RULE(0x00040009, "SpinLock"),
    KI_DDI_RULE(0x0004000B, "SpinlockRelease"),
    KI_DDI_RULE(0x0004000E, "GuardedRegions"),
    KI_DDI_RULE(0x0004100B, "RequestedPowerIrp"),
    KI_DDI_RULE(0x0004100F, "IoSetCompletionExCompleteIrp"),
    KI_DDI_RULE(0x00043006, "PnpRemove"),
};

static const KI_BUGCHECK_SUBCODE KiIoVerifierSubcodes[] = {
    KI_P1(0x01, "The driver freed an object whose type is not IO_TYPE_IRP.", "Address of the IRP being freed", "0",
          "0"),
    KI_P1(0x02, "The driver freed an IRP that is still associated with a thread.", "Address of the IRP being freed",
          "0", "0"),
    KI_P1(0x03, "The driver passed IoCallDriver an IRP whose Type is not IO_TYPE_IRP.", "Address of the IRP being sent",
          "0", "0"),
    KI_P1(0x04, "The driver passed IoCallDriver an invalid device object.", "Address of the device object", "0", "0"),
    KI_P1(0x05, "The IRQL changed during a call to the driver's dispatch routine.",
          "Address of the device object of the offending driver", "IRQL before IoCallDriver",
          "IRQL after IoCallDriver"),
    KI_P1(0x06, "The driver called IoCompleteRequest with STATUS_PENDING (or -1) as the status.", "IRP status",
          "Address of the IRP being completed", "0"),
    KI_P1(0x07, "The driver called IoCompleteRequest while its cancel routine was still set.",
          "Address of the cancel routine", "Address of the IRP being completed", "0"),
    KI_P1(0x08, "The driver passed IoBuildAsynchronousFsdRequest an invalid buffer.", "Address of the device object",
          "IRP major function code", "Exception status code"),
    KI_P1(0x09, "The driver passed IoBuildDeviceIoControlRequest an invalid buffer.", "Address of the device object",
          "I/O control code", "Exception status code"),
    KI_P1(0x0A, "The driver passed IoInitializeTimer a device object that already has a timer.",
          "Address of the device object", "0", "0"),
    KI_P1(0x0C, "The IRP's I/O status block is on a stack that has already unwound.", "Address of the I/O status block",
          "0", "0"),
    KI_P1(0x0D, "The IRP's user event is on a stack that has already unwound.", "Address of the user event", "0", "0"),
    KI_P1(0x0E, "The driver called IoCompleteRequest at IRQL > DISPATCH_LEVEL.", "Current IRQL", "Address of the IRP",
          "0"),
    KI_P1(0x0F, "The driver sent a create request with a file object that was closed or whose open was cancelled.",
          "Address of the target device object", "Address of the IRP", "Address of the file object"),
    KI_P1(0x10, "IoCallDriver was called above DISPATCH_LEVEL.", "Current IRQL", "Reserved", "Reserved"),
    KI_P1(0x11, "A fast I/O routine was called above DISPATCH_LEVEL.", "Address of the fast I/O routine",
          "IRQL before the call", "Current IRQL"),
    KI_P1(0x12, "A dispatch routine was called above DISPATCH_LEVEL.", "Address of the dispatch routine",
          "IRQL before the call", "Current IRQL"),
    KI_WDM_ERROR(0x200, "An I/O verification error of unknown kind."),
    KI_P1(0x201, "A device is deleting itself while another device is attached beneath it (IoDetachDevice missing).",
          "Address in the driver's code where the error was detected", "Reserved", "Reserved"),
    KI_P1(0x202, "A driver detached from a device object that is not attached to anything (detached twice?).",
          "Address in the driver's code where the error was detected", "Address of the device object", "Reserved"),
    KI_WDM_ERROR(0x203, "The driver called IoCallDriver without setting the IRP's cancel routine to NULL."),
    KI_WDM_ERROR_NOARGS(0x204, "A NULL device object was passed."),
    KI_WDM_ERROR(0x205,
                 "The driver forwarded an IRP that is currently queued beneath it; its STATUS_PENDING handling is "
                 "broken."),
    KI_WDM_ERROR_NOARGS(0x206,
                        "The driver forwarded an IRP without zeroing the Control field; use "
                        "IoCopyCurrentIrpStackLocationToNext or IoSkipCurrentIrpStackLocation."),
    KI_WDM_ERROR(0x207,
                 "The driver copied the stack location by hand, including the upper driver's completion routine."),
    KI_WDM_ERROR(0x208, "The IRP is about to run out of stack locations."),
    KI_WDM_ERROR(0x209,
                 "The driver completed an IRP that is currently queued beneath it; its STATUS_PENDING handling is "
                 "broken."),
    KI_WDM_ERROR_NOARGS(0x20A, "IoFreeIrp was called for an IRP that is still in use."),
    KI_WDM_ERROR(0x20B, "IoFreeIrp was called for an IRP that is still in use."),
    KI_WDM_ERROR(0x20C, "IoFreeIrp was called for an IRP that is still queued against a thread."),
    KI_WDM_ERROR(0x20D, "IoInitializeIrp was called for an IRP allocated with IoAllocateIrp (use IoReuseIrp)."),
    KI_WDM_ERROR(0x20E, "A PnP IRP's status was not initialized to STATUS_NOT_SUPPORTED."),
    KI_WDM_ERROR(0x20F, "A power IRP's status was not initialized to STATUS_NOT_SUPPORTED."),
    KI_WDM_ERROR(0x210, "A WMI IRP's status was not initialized to STATUS_NOT_SUPPORTED."),
    KI_WDM_ERROR(0x211,
                 "The driver forwarded an IRP skipping a device object of the stack (sent to the PDO instead of the "
                 "attached device?)."),
    KI_WDM_ERROR(0x212, "The driver trashed the IRP's stack or did not copy it properly."),
    KI_WDM_ERROR(0x213, "The driver changed the Status field of an IRP it does not understand."),
    KI_WDM_ERROR(0x214, "The driver changed the Information field of an IRP it does not understand."),
    KI_WDM_ERROR(0x215, "A failed IRP_MJ_PNP was passed down instead of being completed."),
    KI_WDM_ERROR(0x216, "An IRP_MJ_PNP status set earlier was converted to STATUS_NOT_SUPPORTED."),
    KI_WDM_ERROR(0x217, "The driver did not handle a required IRP (its status was not updated)."),
    KI_WDM_ERROR(0x218, "The driver responded to an IRP reserved for other device objects of the stack."),
    KI_WDM_ERROR(0x219, "A failed IRP_MJ_POWER was passed down instead of being completed."),
    KI_WDM_ERROR(0x21A, "An IRP_MJ_POWER status set earlier was converted to STATUS_NOT_SUPPORTED."),
    KI_WDM_ERROR(0x21B, "The driver returned a suspicious status (an uninitialized variable?)."),
    KI_WDM_ERROR_NOARGS(0x21C,
                        "The driver copied the IRP stack location but set no completion routine; "
                        "IoSkipCurrentIrpStackLocation is cheaper."),
    KI_WDM_ERROR_P4(0x21D, "On a remove IRP the driver did not detach from the stack below it.",
                    "Address of the device object"),
    KI_WDM_ERROR_P4(0x21E, "On a remove IRP the driver did not delete its device object.",
                    "Address of the device object"),
    KI_WDM_ERROR(0x21F, "The driver has no dispatch routine for a required IRP major function."),
    KI_WDM_ERROR_P4(0x224, "The dispatch routine returned a status that differs from the IRP's IoStatus.Status.",
                    "Expected status"),
    KI_WDM_ERROR_P4(0x225, "The dispatch routine returned the illegal status 0xFFFFFFFF (an uninitialized variable?).",
                    "Status returned"),
    KI_WDM_ERROR(0x226,
                 "The dispatch routine returned without passing down or completing the IRP, or without returning "
                 "STATUS_PENDING."),
    KI_WDM_ERROR(0x227, "An IRP completion routine is in pageable code."),
    KI_WDM_ERROR(0x228,
                 "A completion routine did not call IoMarkIrpPending although PendingReturned was set in the IRP."),
    KI_WDM_ERROR_NOARGS(0x229, "A cancel routine was set on an IRP that drivers lower in the stack are processing."),
    KI_WDM_ERROR_NOARGS(0x237, "The driver sent an IRP that is reserved for system use."),
    KI_WDM_ERROR_NOARGS(0x238, "IoInitializeIrp was called for an IRP allocated with IoAllocateIrp (use IoReuseIrp)."),
    KI_WDM_ERROR_NOARGS(0x239,
                        "The driver completed an IRP that was never forwarded with IoCallDriver or PoCallDriver."),
    KI_WDM_ERROR(0x23A, "The driver forwarded an IRP at an IRQL that is illegal for its major function."),
    KI_WDM_ERROR(0x23B, "The driver changed the Status field of an IRP it does not understand."),
    KI_WDM_ERROR_NOARGS(0x23C, "The driver completed an IRP without setting its cancel routine to NULL."),
    KI_WDM_ERROR_P4(0x23D, "The driver returned STATUS_PENDING without calling IoMarkIrpPending.", "Status returned"),
    KI_WDM_ERROR_P4(0x23E, "The driver marked the IRP pending but did not return STATUS_PENDING.", "Status returned"),
    KI_WDM_ERROR_NOARGS(0x23F, "The driver did not inherit DO_POWER_PAGABLE from the stack it attached to."),
    KI_P1(0x240, "The driver deleted a device object that was already deleted with IoDeleteDevice.",
          "Address in the driver's code where the error was detected", "Reserved", "Reserved"),
    KI_WDM_ERROR_P4(0x241, "The driver detached its device object during a surprise-remove IRP.",
                    "Address of the device object"),
    KI_WDM_ERROR_P4(0x242, "The driver deleted its device object during a surprise-remove IRP.",
                    "Address of the device object"),
    KI_WDM_ERROR_NOARGS(0x243, "The driver did not clear DO_DEVICE_INITIALIZING at the end of AddDevice."),
    KI_WDM_ERROR_NOARGS(0x244,
                        "The driver did not copy DO_BUFFERED_IO or DO_DIRECT_IO from the device object it attached "
                        "to."),
    KI_WDM_ERROR_NOARGS(0x245, "The driver set both DO_BUFFERED_IO and DO_DIRECT_IO."),
    KI_WDM_ERROR_NOARGS(0x246, "The driver did not copy DeviceType from the device object it attached to."),
    KI_WDM_ERROR_NOARGS(0x247, "The driver failed an IRP that cannot legally be failed."),
    KI_P1(0x24A, "The driver called a file I/O routine at an IRQL other than PASSIVE_LEVEL.",
          "Address in the driver's code where the error was detected", "Reserved", "Reserved"),
    KI_WDM_ERROR_P4(0x24C, "The driver returned STATUS_PENDING without calling IoMarkIrpPending.", "Status returned"),
    KI_WDM_ERROR_P4(0x300, "The driver returned a suspicious status (an uninitialized variable?).", "Status returned"),
    KI_WDM_ERROR_P4(0x301, "The driver forwarded an IRP at IRQL > DISPATCH_LEVEL.", "Incorrect IRQL"),
    KI_WDM_ERROR_P4(0x302,
                    "The driver forwarded an IRP at IRQL >= APC_LEVEL; the completion APC cannot run and the caller "
                    "may deadlock.", "Incorrect IRQL"),
    KI_WDM_ERROR(0x306, "The driver completed IRP_MN_REMOVE_DEVICE with a failure status."),
    KI_WDM_ERROR(0x307, "The driver sent a request with an event that was already signaled and got STATUS_PENDING."),
    KI_WDM_ERROR(0x310, "The driver reinitialized an IRP that is still in use."),
    KI_WDM_ERROR(0x311,
                 "The driver reinitialized an IRP built by IoMakeAssociatedIrp or an IoBuildXxxRequest routine."),
    KI_WDM_ERROR(0x312, "IoStatus.Information is larger than the output part of the system buffer."),
};

static const KI_BUGCHECK_SUBCODE KiBadPoolCallerSubcodes[] = {
    KI_P1(0x00, "The current thread requested a zero-byte pool allocation.", "0", "Pool type", "Pool tag"),
    KI_P1(0x01, "The pool header has been corrupted.", "Pointer to the pool header",
          "First part of the pool header contents", "0"),
    KI_P1(0x02, "The pool header has been corrupted.", "Pointer to the pool header",
          "First part of the pool header contents", "0"),
    KI_P1(0x04, "The pool header has been corrupted.", "Pointer to the pool header",
          "First part of the pool header contents", "0"),
    KI_P1(0x06, "The current thread freed pool that was already freed.", "Reserved", "Pointer to the pool header",
          "Pool header contents"),
    KI_P1(0x07, "The current thread freed pool that was already freed.", "Reserved", "Pool header contents",
          "Address of the block being freed"),
    KI_P1(0x08, "The current thread allocated pool at an invalid IRQL.", "Current IRQL", "Pool type",
          "Size of the allocation in bytes"),
    KI_P1(0x09, "The current thread freed pool at an invalid IRQL.", "Current IRQL", "Pool type",
          "Address of the pool"),
    KI_P1(0x0A, "The current thread freed pool with the wrong tag (the memory may belong to another component).",
          "Address of the pool", "Allocator's tag", "Tag used in the free"),
    KI_P1(0x0B, "The current thread released quota on a corrupted pool allocation.", "Address of the pool", "Pool tag",
          "Bad quota process pointer"),
    KI_P1(0x0C, "The current thread released quota on a corrupted pool allocation.", "Address of the pool", "Pool tag",
          "Bad quota process pointer"),
    KI_P1(0x0D, "The current thread released quota on a corrupted pool allocation.", "Address of the pool", "Pool tag",
          "Bad quota process pointer"),
    KI_P1(0x40, "The current thread freed kernel pool at a user-mode address.", "Starting address",
          "Start of system address space", "0"),
    KI_P1(0x41, "The current thread freed a nonpaged pool address that is not allocated.", "Starting address",
          "Physical page frame", "Highest physical page frame"),
    KI_P1(0x42, "The current thread freed an address that was never in any pool.", "Address being freed", "0", "0"),
    KI_P1(0x43, "The current thread freed an address that was never in any pool.", "Address being freed", "0", "0"),
    KI_P1(0x44, "The current thread freed a nonpaged pool address that is not allocated.", "Starting address",
          "Reserved", "0"),
    KI_P1(0x46, "The current thread freed an invalid pool address.", "Starting address", "0", "0"),
    KI_P1(0x47, "The current thread freed a nonpaged pool address that is not allocated.", "Starting address",
          "Physical page frame", "Highest physical page frame"),
    KI_P1(0x48, "The current thread freed a paged pool address that is not allocated.", "Starting address", "Reserved",
          "Reserved"),
    KI_P1(0x50, "The current thread freed a paged pool address that is not allocated.", "Starting address",
          "Start offset in pages from the beginning of paged pool", "Size of paged pool in bytes"),
    KI_P1(0x60, "The current thread freed an invalid contiguous memory address (MmFreeContiguousMemory).",
          "Starting address", "0", "0"),
    KI_P1(0x99, "The current thread freed pool with an invalid address, or the pool header is corrupt.",
          "Address being freed", "0", "0"),
    KI_P1(0x9A, "The current thread requested a MUST_SUCCEED allocation, which is no longer supported.", "Pool type",
          "Number of bytes requested", "Pool tag"),
    KI_P1(0x9B, "The current thread allocated pool with a tag of 0.", "Pool type", "Number of bytes requested",
          "Caller's address"),
    KI_P1(0x9C, "The current thread allocated pool with the tag \"BIG\".", "Pool type", "Number of bytes requested",
          "Caller's address"),
    KI_P1(0x9D, "The current thread allocated pool with a tag that contains no letters or digits.",
          "Incorrect pool tag", "Pool type", "Caller's address"),
    KI_P1(0x41286, "The current thread freed a paged pool address in the middle of an allocation.", "Reserved",
          "Reserved", "Start offset in pages from the beginning of paged pool"),
};

/* SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION: Parameter 4 selects. */
#define KI_P4(Value, A1, A2, A3, Meaning) { (Value), { (A1), (A2), (A3), (Meaning) } }
static const KI_BUGCHECK_SUBCODE KiSpecialPoolSubcodes[] = {
    KI_P4(0x20, "Address the driver tried to free", "Reserved", "0", "The driver freed pool that was not allocated."),
    KI_P4(0x21, "Address the driver tried to free", "Bytes requested",
          "Bytes calculated (actually given to the caller)", "The driver freed a bad address."),
    KI_P4(0x22, "Address the driver tried to free", "Bytes requested",
          "Bytes calculated (actually given to the caller)", "The driver freed a bad address."),
    KI_P4(0x23, "Address the driver tried to free", "Address where bits are corrupted", "Reserved",
          "The driver freed an address, but nearby bytes in the same page were corrupted."),
    KI_P4(0x24, "Address the driver tried to free", "Address where bits are corrupted", "Reserved",
          "The driver freed an address, but bytes after the end of the allocation were overwritten."),
    KI_P4(0x30, "Current IRQL", "Pool type", "Number of bytes", "The driver allocated pool at an incorrect IRQL."),
    KI_P4(0x31, "Current IRQL", "Pool type", "Address the driver tried to free",
          "The driver freed pool at an incorrect IRQL."),
    KI_P4(0x32, "Address the driver tried to free", "Address where one bit is corrupted", "Reserved",
          "The driver freed an address, but nearby bytes in the same page have a single-bit error."),
};

static const KI_BUGCHECK_SUBCODE KiTimerOrDpcSubcodes[] = {
    KI_P1(0x0, "A timer object was found in memory where timers are not permitted.", "Address of the timer object",
          "Start of the memory range being checked", "End of the memory range being checked"),
    KI_P1(0x1, "A DPC object was found in memory where DPCs are not permitted.", "Address of the DPC object",
          "Start of the memory range being checked", "End of the memory range being checked"),
    KI_P1(0x2, "A DPC routine was found in memory where DPC routines are not permitted.", "Address of the DPC routine",
          "Start of the memory range being checked", "End of the memory range being checked"),
    KI_P1(0x3, "The processor number of a DPC object is not correct.", "Address of the DPC object", "Processor number",
          "Number of processors"),
    KI_P1(0x4, "A DPC routine changed the thread's APC disable count.", "Address of the DPC routine",
          "APC disable count before the DPC routine", "APC disable count after the DPC routine"),
    KI_P1(0x5, "A timer DPC routine changed the thread's APC disable count.", "Address of the DPC routine",
          "APC disable count before the DPC routine", "APC disable count after the DPC routine"),
};

static const KI_BUGCHECK_SUBCODE KiBadPoolHeaderSubcodes[] = {
    KI_P1(0x2, "The special pool pattern check failed; the owner has likely corrupted the block.",
          "The pool entry being checked", "Size of the pool block", "0"),
    KI_P1(0x3, "The pool free list is corrupt.", "The pool entry being checked", "Read-back Flink of the free list",
          "Read-back Blink of the free list"),
    KI_P1(0x5, "Two adjacent pool entries have headers that contradict each other.", "One of the pool entries",
          "Reserved", "The other pool entry"),
    KI_P1(0x6, "A pool block header's previous size is too large.", "The incorrectly calculated entry", "Reserved",
          "The bad entry that caused the miscalculation"),
    KI_P1(0x7, "A pool block header's size is corrupt.", "0", "Reserved", "The bad pool entry"),
    KI_P1(0x8, "A pool block header's size is zero.", "0", "Reserved", "The bad pool entry"),
    KI_P1(0x9, "A pool block header's size is corrupt (too large).", "The incorrectly calculated entry", "Reserved",
          "The bad entry that caused the miscalculation"),
    KI_P1(0xA, "A pool block header's size is corrupt.", "The pool entry that should have been found", "Reserved",
          "Virtual address of the page that should have contained it"),
    KI_P1(0xD,
          "The header of a freed pool block was modified after the free (often an overrun of the block before it).",
          "Reserved", "Reserved", "Reserved"),
    KI_P1(0xE,
          "The header of a freed pool block was modified after the free (often an overrun of the block before it).",
          "Reserved", "Reserved", "Reserved"),
    KI_P1(0xF,
          "The header of a freed pool block was modified after the free (often an overrun of the block before it).",
          "Reserved", "Reserved", "Reserved"),
    KI_P1(0x20, "A pool block header's size is corrupt.", "The pool entry that should have been found",
          "The next pool entry", "Reserved"),
    KI_P1(0x21, "The data following the pool block being freed is corrupt: the block was overrun.",
          "The pool pointer being freed", "Number of bytes allocated for the block",
          "The corrupted value found after the block"),
    KI_P1(0x22, "An address being freed has no tracking entry: freed already, or never allocated.",
          "The address being freed", "Reserved", "Reserved"),
    KI_P1(0x23,
          "The header of a freed pool block was modified after the free (often an overrun of the block before it).",
          "Reserved", "Reserved", "Reserved"),
    KI_P1(0x24,
          "The header of a freed pool block was modified after the free (often an overrun of the block before it).",
          "Reserved", "Reserved", "Reserved"),
    KI_P1(0x25,
          "The header of a freed pool block was modified after the free (often an overrun of the block before it).",
          "Reserved", "Reserved", "Reserved"),
};

static const KI_BUGCHECK_SUBCODE KiPowerStateSubcodes[] = {
    KI_P1(0x1, "The device object being freed still has an outstanding power request.", "The device object", "Reserved",
          "Reserved"),
    KI_P1(0x2,
          "The device object completed the IRP for a system power state request without calling PoStartNextPowerIrp.",
          "Target device object, if available", "The device object", "The driver object, if available"),
    KI_P1(0x3, "A device object has been blocking a power IRP for too long.", "Physical device object of the stack",
          "Triage block (nt!_TRIAGE_9F_POWER)", "The blocked IRP"),
    KI_P1(0x4, "The power transition timed out waiting to synchronize with the PnP subsystem.", "Time-out in seconds",
          "Thread holding the PnP lock", "Triage block (nt!_TRIAGE_9F_PNP)"),
    KI_P1(0x5, "The device did not complete a directed power transition in time.",
          "Physical device object of the stack", "The POP_FX_DEVICE object", "Reserved"),
    KI_P1(0x6, "The device did not complete its directed power transition callback successfully.",
          "The POP_FX_DEVICE object", "1: directed power down, 0: power up", "Reserved"),
    KI_P1(0x500,
          "The device object completed the IRP for a system power state request without calling PoStartNextPowerIrp.",
          "Reserved", "Target device object, if available", "The device object"),
};

static const KI_BUGCHECK_SUBCODE KiDpcWatchdogSubcodes[] = {
    KI_P1(0, "A single DPC or ISR exceeded its time allotment.", "DPC time count in ticks",
          "DPC time allotment in ticks", "Triage block (nt!DPC_WATCHDOG_GLOBAL_TRIAGE_BLOCK)"),
    KI_P1(1, "The system spent too long in total at IRQL DISPATCH_LEVEL or above.", "Watchdog period",
          "Triage block (nt!DPC_WATCHDOG_GLOBAL_TRIAGE_BLOCK)", "Reserved"),
};

static const KI_BUGCHECK_SUBCODE KiSecurityCheckSubcodes[] = {
    KI_P1(0, "A stack-based buffer was overrun (legacy /GS violation).", "Address of the trap frame",
          "Address of the exception record", "Reserved"),
    KI_P1(1, "VTGuard found an illegal virtual function table.", "Address of the trap frame",
          "Address of the exception record", "Reserved"),
    KI_P1(2, "A stack cookie check found a stack-based buffer overrun (/GS violation).", "Address of the trap frame",
          "Address of the exception record", "Reserved"),
    KI_P1(3, "A LIST_ENTRY was corrupted (for example an entry removed twice).", "Address of the trap frame",
          "Address of the exception record", "Reserved"),
    KI_P1(5, "An invalid parameter was passed to a routine that treats invalid parameters as fatal.",
          "Address of the trap frame", "Address of the exception record", "Reserved"),
    KI_P1(6, "The stack security cookie was not initialized by the loader.", "Address of the trap frame",
          "Address of the exception record", "Reserved"),
    KI_P1(7, "A fatal program exit was requested.", "Address of the trap frame", "Address of the exception record",
          "Reserved"),
    KI_P1(8, "A compiler-inserted array bounds check found an illegal index.", "Address of the trap frame",
          "Address of the exception record", "Reserved"),
    KI_P1(14, "An object's reference count is invalid.", "Address of the trap frame", "Address of the exception record",
          "Reserved"),
    KI_P1(28, "An out-of-bounds buffer access was detected.", "Address of the trap frame",
          "Address of the exception record", "Reserved"),
};

static const KI_BUGCHECK_SUBCODE KiKernelTrapSubcodes[] = {
    KI_P1(0x0, "Divide error: a DIV instruction with a zero divisor.", "Reserved", "Reserved", "Reserved"),
    KI_P1(0x1, "Debug trap (DEBUG).", "Reserved", "Reserved", "Reserved"),
    KI_P1(0x3, "Breakpoint (INT3).", "Reserved", "Reserved", "Reserved"),
    KI_P1(0x4, "Overflow trap (INTO with OF set).", "Reserved", "Reserved", "Reserved"),
    KI_P1(0x5, "Bounds check fault (BOUND).", "Reserved", "Reserved", "Reserved"),
    KI_P1(0x6, "Invalid opcode: the instruction pointer likely went astray.", "Reserved", "Reserved", "Reserved"),
    KI_P1(0x7, "Coprocessor not available (NPX_NOT_AVAILABLE).", "Reserved", "Reserved", "Reserved"),
    KI_P1(0x8, "Double fault, most often a kernel stack overflow.", "Reserved", "Reserved", "Reserved"),
    KI_P1(0xA, "Invalid task state segment (INVALID_TSS).", "Reserved", "Reserved", "Reserved"),
    KI_P1(0xB, "Segment not present.", "Reserved", "Reserved", "Reserved"),
    KI_P1(0xC, "Stack fault: an access beyond the limits of a stack.", "Reserved", "Reserved", "Reserved"),
    KI_P1(0xD, "General protection fault.", "Reserved", "Reserved", "Reserved"),
    KI_P1(0x10, "Floating-point error (NPX_ERROR).", "Reserved", "Reserved", "Reserved"),
    KI_P1(0x11, "Alignment check.", "Reserved", "Reserved", "Reserved"),
};

#define KI_READ_WRITE_AT(What) "Memory address referenced", "0: read, 1: write", What, "Reserved"

static const KI_BUGCHECK_DESCRIPTION KiBugCheckDescriptions[] = {
    { APC_INDEX_MISMATCH,
      "The thread's APC state index or kernel APC disable count did not match on return from a system call or "
      "worker routine. Usually a driver entered a critical or guarded region (KeEnterCriticalRegion, a mutex, "
      "FsRtlEnterFileSystem) and did not leave it.",
      { "Address of the system call or worker routine", "Thread's ApcStateIndex",
        "Thread's combined APC disable count (SpecialApcDisable << 16 | KernelApcDisable)",
        "Call type: 0 system call, 1 worker routine" },
      KiStrPlain, KI_NO_SUBCODES },
    { INVALID_PROCESS_ATTACH_ATTEMPT,
      "A thread attached to a process where that is not allowed: KeAttachProcess while already attached, or a "
      "return from a call still attached. KeStackAttachProcess saves and restores the APC state correctly.",
      { "Target process object, or the original process if already attached", "Process the thread is attached to",
        "Thread's APC state index", "Nonzero if a DPC is running on the current processor" },
      KiStrPlain, KI_NO_SUBCODES },
    { IRQL_NOT_LESS_OR_EQUAL,
      "Kernel-mode code touched an invalid or pageable address while running at a raised IRQL. Typical causes are "
      "a bad pointer, a routine called at DISPATCH_LEVEL that must not be, a spin lock not released, or pageable "
      "code or data used at raised IRQL.",
      { "Memory referenced", "IRQL at time of reference",
        "Operation: bit 0 set for a write, bit 3 set for an execute (0 read, 1 write, 8 execute)",
        "Address that referenced memory" },
      KiStrPlain, KI_NO_SUBCODES },
    { BAD_POOL_HEADER,
      "A pool block's header is corrupt, usually because a driver wrote past the end (or before the start) of its "
      "allocation, or freed the same block twice.",
      { "Type of corruption", "Depends on Arg1", "Depends on Arg1", "Depends on Arg1" },
      KiStrSubcode, KI_SUBCODES(KiBadPoolHeaderSubcodes, 1) },
    { KMODE_EXCEPTION_NOT_HANDLED,
      "Kernel-mode code raised an exception that no handler caught. The exception address usually pinpoints the "
      "driver and function at fault; for an access violation Arg4 is the address that could not be accessed and "
      "Arg3 is 1 for a write, 0 for a read.",
      { "The exception code that was not handled", "The address that the exception occurred at",
        "Parameter 0 of the exception", "Parameter 1 of the exception" },
      KiStrException, KI_NO_SUBCODES },
    { KERNEL_APC_PENDING_DURING_EXIT,
      "A thread exited with a kernel APC still pending, usually because a driver disabled APCs (a critical region, "
      "a mutex) and never enabled them again.",
      { "Address of the APC found pending", "Thread's APC disable count", "Current IRQL", "Reserved" },
      KiStrPlain, KI_NO_SUBCODES },
    { NO_MORE_IRP_STACK_LOCATIONS,
      "IoCallDriver passed an IRP to a driver, but the IRP had no stack location left for it. The IRP was "
      "allocated with fewer stack locations than the device stack needs, or a driver forwarded it without "
      "skipping or copying its own location.",
      { "Address of the IRP", "Reserved", "Reserved", "Reserved" },
      KiStrPlain, KI_NO_SUBCODES },
    { SYSTEM_SERVICE_EXCEPTION,
      "An exception happened while executing a routine that transitions from non-privileged to privileged code, "
      "such as a system service the application called.",
      { "The exception that caused the bug check", "Address of the instruction that caused the bug check",
        "Address of the context record for the exception", "0 (not used)" },
      KiStrException, KI_NO_SUBCODES },
    { MULTIPLE_IRP_COMPLETE_REQUESTS,
      "IoCompleteRequest was called for an IRP that had already been completed. Usually two drivers each believe "
      "they own the IRP, or one driver completes it twice, for instance in its dispatch routine and again in a "
      "completion routine, cancel routine or DPC.",
      { "Address of the IRP", "Reserved", "Reserved", "Reserved" },
      KiStrPlain, KI_NO_SUBCODES },
    { CANCEL_STATE_IN_COMPLETED_IRP,
      "An IRP that had a cancel routine was completed, and afterwards its cancel routine was called. The driver "
      "must clear the cancel routine (IoSetCancelRoutine(Irp, NULL)) before completing the IRP.",
      { "Address of the IRP", "The cancel routine set by the driver", "Reserved", "Reserved" },
      KiStrPlain, KI_NO_SUBCODES },
    { IRQL_GT_ZERO_AT_SYSTEM_SERVICE,
      "A thread returned from a system call with its IRQL still above PASSIVE_LEVEL: a driver raised the IRQL or "
      "acquired a spin lock and did not lower or release it.",
      { "Address of the system call routine", "Current IRQL", "0", "0" },
      KiStrPlain, KI_NO_SUBCODES },
    { PAGE_FAULT_IN_NONPAGED_AREA,
      "Invalid system memory was referenced: the address is wrong, was never allocated, or points to memory that "
      "has already been freed.",
      { "Memory address referenced", "Operation: 0 read, 2 write, 0x10 execute",
        "Address that referenced memory (if known)", "Type of page fault" },
      KiStrPlain, KI_NO_SUBCODES },
    { SYSTEM_THREAD_EXCEPTION_NOT_HANDLED,
      "A system thread (created with PsCreateSystemThread, or a worker thread running a work item) raised an "
      "exception that no handler caught.",
      { "The exception code that was not handled", "The address that the exception occurred at",
        "Exception record address", "Context record address" },
      KiStrException, KI_NO_SUBCODES },
    { UNEXPECTED_KERNEL_MODE_TRAP,
      "The processor raised a trap that the kernel does not catch, such as a double fault (most often a kernel "
      "stack overflow) or a divide error.",
      { "Trap number", "Reserved", "Reserved", "Reserved" },
      KiStrPlain, KI_SUBCODES(KiKernelTrapSubcodes, 1) },
    { KERNEL_MODE_EXCEPTION_NOT_HANDLED,
      "Kernel-mode code raised an exception that no handler caught.",
      { "The exception code that was not handled", "The address that the exception occurred at", "Trap frame",
        "Reserved" },
      KiStrException, KI_NO_SUBCODES },
    { INVALID_WORK_QUEUE_ITEM,
      "An entry with a NULL link was removed from a work queue: usually a work item queued twice, freed while "
      "still queued, or never initialized.",
      { "Address of the queue entry whose Flink or Blink is NULL", "Address of the queue",
        "Base of the executive worker queue array", "Worker routine that would have been called" },
      KiStrPlain, KI_NO_SUBCODES },
    { DRIVER_POWER_STATE_FAILURE,
      "A driver is in an inconsistent or invalid power state, for example it has been blocking a power IRP for too "
      "long.",
      { "Type of violation", "Depends on Arg1", "Depends on Arg1", "Depends on Arg1" },
      KiStrPlain, KI_SUBCODES(KiPowerStateSubcodes, 1) },
    { SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION,
      "Special pool found that a driver wrote where it must not inside a special-pool page (past the end of its "
      "allocation or into the slack before it), or freed a bad address. Arg4 tells which.",
      { "Depends on Arg4", "Depends on Arg4", "Depends on Arg4", "Type of violation" },
      KiStrSubcode, KI_SUBCODES(KiSpecialPoolSubcodes, 4) },
    { BAD_POOL_CALLER,
      "The current thread made a bad pool request: at a wrong IRQL, a double free, a free with the wrong tag, or a "
      "free of an address that is not pool.",
      { "Type of violation", "Depends on Arg1", "Depends on Arg1", "Depends on Arg1" },
      KiStrSubcode, KI_SUBCODES(KiBadPoolCallerSubcodes, 1) },
    { DRIVER_VERIFIER_DETECTED_VIOLATION,
      "Driver Verifier found a fatal error in a driver it checks. Arg1 identifies the violation; the meaning of "
      "the other arguments depends on it.",
      { "Type of violation", "Depends on Arg1", "Depends on Arg1", "Depends on Arg1" },
      KiStrSubcode, KI_SUBCODES(KiDriverVerifierSubcodes, 1) },
    { DRIVER_CORRUPTED_EXPOOL,
      "The system touched invalid memory at a raised IRQL inside the pool manager: a driver has corrupted the pool, "
      "typically by writing past its allocation or using memory after freeing it.",
      { "Memory referenced", "IRQL at time of reference", "0: read, 1: write", "Address that referenced memory" },
      KiStrPlain, KI_NO_SUBCODES },
    { DRIVER_CAUGHT_MODIFYING_FREED_POOL,
      "A driver accessed pool memory after freeing it.",
      { "Memory referenced", "0: read, 1: write", "0: kernel mode, 1: user mode", "Reserved" },
      KiStrPlain, KI_NO_SUBCODES },
    { TIMER_OR_DPC_INVALID,
      "A kernel timer, DPC object or DPC routine was found in memory where it must not be, such as pool being freed "
      "or a driver image being unloaded: the driver did not cancel the timer or flush the DPC first.",
      { "Type of object", "Depends on Arg1", "Depends on Arg1", "Depends on Arg1" },
      KiStrPlain, KI_SUBCODES(KiTimerOrDpcSubcodes, 1) },
    { DRIVER_VERIFIER_IOMANAGER_VIOLATION,
      "Driver Verifier's I/O verification found a driver misusing an IRP or a device object. Arg1 identifies the "
      "violation; values 0x200 and above are the \"WDM DRIVER ERROR\" checks.",
      { "Type of violation", "Depends on Arg1", "Depends on Arg1", "Depends on Arg1" },
      KiStrSubcode, KI_SUBCODES(KiIoVerifierSubcodes, 1) },
    { DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS,
      "A driver or the I/O manager did not unlock pages it had locked for an I/O operation (MmProbeAndLockPages "
      "without MmUnlockPages).",
      { "Address of the internal lock tracking structure", "0 (reserved)", "Address of the MDL with the locked pages",
        "Number of locked pages" },
      KiStrPlain, KI_NO_SUBCODES },
    { PAGE_FAULT_IN_FREED_SPECIAL_POOL,
      "Memory that had already been freed was referenced. Special pool keeps freed pages inaccessible, so the stale "
      "access faults at once.",
      { KI_READ_WRITE_AT("Address that referenced memory (if known)") },
      KiStrPlain, KI_NO_SUBCODES },
    { PAGE_FAULT_BEYOND_END_OF_ALLOCATION,
      "An access went past the end of a pool allocation, into the inaccessible page special pool places after it.",
      { KI_READ_WRITE_AT("Address that referenced memory (if known)") },
      KiStrPlain, KI_NO_SUBCODES },
    { DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS,
      "A driver unloaded while work of its own was still pending: timers, DPCs, work items, worker threads or "
      "lookaside lists were not cancelled first, and the system later called into the unloaded image.",
      { KI_READ_WRITE_AT("Address that referenced memory (if known)") },
      KiStrPlain, KI_NO_SUBCODES },
    { DRIVER_IRQL_NOT_LESS_OR_EQUAL,
      "A driver accessed pageable or invalid memory at an IRQL that was too high: typically a bad pointer, or "
      "pageable code or data used while holding a spin lock or inside a DPC.",
      { "Memory referenced", "IRQL at time of reference", "0: read, 1: write, 2 or 8: execute",
        "Address that referenced memory" },
      KiStrPlain, KI_NO_SUBCODES },
    { DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL,
      "A driver referenced memory that it had already freed. Special pool keeps freed pages inaccessible, so the "
      "stale access faults at once.",
      { KI_READ_WRITE_AT("Address that referenced memory (if known)") },
      KiStrPlain, KI_NO_SUBCODES },
    { DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION,
      "A driver accessed memory beyond the end of its pool allocation, into the inaccessible page special pool "
      "places after it.",
      { KI_READ_WRITE_AT("Address that referenced memory (if known)") },
      KiStrPlain, KI_NO_SUBCODES },
    { WORKER_THREAD_RETURNED_AT_BAD_IRQL,
      "A work item's routine returned at IRQL DISPATCH_LEVEL or above, usually still holding a spin lock.",
      { "Address of the worker routine", "IRQL the worker routine returned at", "Work item parameter",
        "Work item address" },
      KiStrPlain, KI_NO_SUBCODES },
    { MANUALLY_INITIATED_CRASH,
      "The crash was requested deliberately (from a debugger, the keyboard, or a test).",
      { "Not used", "Not used", "Not used", "Not used" },
      KiStrPlain, KI_NO_SUBCODES },
    { THREAD_STUCK_IN_DEVICE_DRIVER,
      "A thread in a device driver is spinning endlessly, typically waiting for hardware that never becomes idle.",
      { "Pointer to the stuck thread object", "Pointer to the DEFERRED_WATCHDOG object",
        "Pointer to the offending driver name", "Number of times this bug check was hit" },
      KiStrPlain, KI_NO_SUBCODES },
    { CRITICAL_OBJECT_TERMINATION,
      "A process or thread crucial to the system's operation exited or was terminated.",
      { "Type of the terminating object: 3 process, 6 thread", "The terminating object",
        "Image file name of the process", "Pointer to an ASCII explanatory message" },
      KiStrPlain, KI_NO_SUBCODES },
    { DRIVER_OVERRAN_STACK_BUFFER,
      "A driver overran a stack-based buffer: the stack security cookie no longer holds its expected value, so "
      "the return address may have been overwritten as well.",
      { "Actual security check cookie from the stack", "Expected security check cookie",
        "Bit complement of the expected security check cookie", "0" },
      KiStrPlain, KI_NO_SUBCODES },
    { WDF_VIOLATION,
      "The Kernel-Mode Driver Framework found an error in a framework-based driver. Arg1 identifies the error.",
      { "Type of violation", "Depends on Arg1", "Depends on Arg1", "Reserved" },
      KiStrPlain, KI_NO_SUBCODES },
    { DRIVER_RETURNED_HOLDING_CANCEL_LOCK,
      "A driver's cancel routine returned still holding the global cancel spin lock; every later cancellation "
      "would deadlock or bug check. The routine must call IoReleaseCancelSpinLock(Irp->CancelIrql).",
      { "Address of the IRP that was cancelled (may not be valid)", "Address of the cancel routine", "Reserved",
        "Reserved" },
      KiStrPlain, KI_NO_SUBCODES },
    { DPC_WATCHDOG_VIOLATION,
      "A single DPC or ISR ran longer than allowed, or the processor spent too long in total at DISPATCH_LEVEL "
      "or above.",
      { "Type of violation", "Depends on Arg1", "Depends on Arg1", "Depends on Arg1" },
      KiStrPlain, KI_SUBCODES(KiDpcWatchdogSubcodes, 1) },
    { KERNEL_SECURITY_CHECK_FAILURE,
      "The kernel found a critical data structure corrupted: a stack buffer overrun, a corrupt LIST_ENTRY (for "
      "instance an entry removed twice) or a fatal invalid parameter. Arg1 tells which.",
      { "Type of corruption", "Address of the trap frame", "Address of the exception record", "Reserved" },
      KiStrPlain, KI_SUBCODES(KiSecurityCheckSubcodes, 1) },
};

/* Every code Windows defines, for the name line of codes described above
 * only by name. */
typedef struct _KI_BUGCHECK_NAME {
    ULONG Code;
    const char *Name;
} KI_BUGCHECK_NAME;

#define KI_CODE_NAME(Code) { Code, #Code }

static const KI_BUGCHECK_NAME KiBugCheckNames[] = {
    KI_CODE_NAME(APC_INDEX_MISMATCH),
    KI_CODE_NAME(DEVICE_QUEUE_NOT_BUSY),
    KI_CODE_NAME(INVALID_AFFINITY_SET),
    KI_CODE_NAME(INVALID_DATA_ACCESS_TRAP),
    KI_CODE_NAME(INVALID_PROCESS_ATTACH_ATTEMPT),
    KI_CODE_NAME(INVALID_PROCESS_DETACH_ATTEMPT),
    KI_CODE_NAME(INVALID_SOFTWARE_INTERRUPT),
    KI_CODE_NAME(IRQL_NOT_DISPATCH_LEVEL),
    KI_CODE_NAME(IRQL_NOT_GREATER_OR_EQUAL),
    KI_CODE_NAME(IRQL_NOT_LESS_OR_EQUAL),
    KI_CODE_NAME(NO_EXCEPTION_HANDLING_SUPPORT),
    KI_CODE_NAME(MAXIMUM_WAIT_OBJECTS_EXCEEDED),
    KI_CODE_NAME(MUTEX_LEVEL_NUMBER_VIOLATION),
    KI_CODE_NAME(NO_USER_MODE_CONTEXT),
    KI_CODE_NAME(SPIN_LOCK_ALREADY_OWNED),
    KI_CODE_NAME(SPIN_LOCK_NOT_OWNED),
    KI_CODE_NAME(THREAD_NOT_MUTEX_OWNER),
    KI_CODE_NAME(TRAP_CAUSE_UNKNOWN),
    KI_CODE_NAME(EMPTY_THREAD_REAPER_LIST),
    KI_CODE_NAME(CREATE_DELETE_LOCK_NOT_LOCKED),
    KI_CODE_NAME(LAST_CHANCE_CALLED_FROM_KMODE),
    KI_CODE_NAME(CID_HANDLE_CREATION),
    KI_CODE_NAME(CID_HANDLE_DELETION),
    KI_CODE_NAME(REFERENCE_BY_POINTER),
    KI_CODE_NAME(BAD_POOL_HEADER),
    KI_CODE_NAME(MEMORY_MANAGEMENT),
    KI_CODE_NAME(PFN_SHARE_COUNT),
    KI_CODE_NAME(PFN_REFERENCE_COUNT),
    KI_CODE_NAME(NO_SPIN_LOCK_AVAILABLE),
    KI_CODE_NAME(KMODE_EXCEPTION_NOT_HANDLED),
    KI_CODE_NAME(SHARED_RESOURCE_CONV_ERROR),
    KI_CODE_NAME(KERNEL_APC_PENDING_DURING_EXIT),
    KI_CODE_NAME(QUOTA_UNDERFLOW),
    KI_CODE_NAME(FILE_SYSTEM),
    KI_CODE_NAME(FAT_FILE_SYSTEM),
    KI_CODE_NAME(NTFS_FILE_SYSTEM),
    KI_CODE_NAME(NPFS_FILE_SYSTEM),
    KI_CODE_NAME(CDFS_FILE_SYSTEM),
    KI_CODE_NAME(RDR_FILE_SYSTEM),
    KI_CODE_NAME(CORRUPT_ACCESS_TOKEN),
    KI_CODE_NAME(SECURITY_SYSTEM),
    KI_CODE_NAME(INCONSISTENT_IRP),
    KI_CODE_NAME(PANIC_STACK_SWITCH),
    KI_CODE_NAME(PORT_DRIVER_INTERNAL),
    KI_CODE_NAME(SCSI_DISK_DRIVER_INTERNAL),
    KI_CODE_NAME(DATA_BUS_ERROR),
    KI_CODE_NAME(INSTRUCTION_BUS_ERROR),
    KI_CODE_NAME(SET_OF_INVALID_CONTEXT),
    KI_CODE_NAME(PHASE0_INITIALIZATION_FAILED),
    KI_CODE_NAME(PHASE1_INITIALIZATION_FAILED),
    KI_CODE_NAME(UNEXPECTED_INITIALIZATION_CALL),
    KI_CODE_NAME(CACHE_MANAGER),
    KI_CODE_NAME(NO_MORE_IRP_STACK_LOCATIONS),
    KI_CODE_NAME(DEVICE_REFERENCE_COUNT_NOT_ZERO),
    KI_CODE_NAME(FLOPPY_INTERNAL_ERROR),
    KI_CODE_NAME(SERIAL_DRIVER_INTERNAL),
    KI_CODE_NAME(SYSTEM_EXIT_OWNED_MUTEX),
    KI_CODE_NAME(SYSTEM_UNWIND_PREVIOUS_USER),
    KI_CODE_NAME(SYSTEM_SERVICE_EXCEPTION),
    KI_CODE_NAME(INTERRUPT_UNWIND_ATTEMPTED),
    KI_CODE_NAME(INTERRUPT_EXCEPTION_NOT_HANDLED),
    KI_CODE_NAME(MULTIPROCESSOR_CONFIGURATION_NOT_SUPPORTED),
    KI_CODE_NAME(NO_MORE_SYSTEM_PTES),
    KI_CODE_NAME(TARGET_MDL_TOO_SMALL),
    KI_CODE_NAME(MUST_SUCCEED_POOL_EMPTY),
    KI_CODE_NAME(ATDISK_DRIVER_INTERNAL),
    KI_CODE_NAME(NO_SUCH_PARTITION),
    KI_CODE_NAME(MULTIPLE_IRP_COMPLETE_REQUESTS),
    KI_CODE_NAME(INSUFFICIENT_SYSTEM_MAP_REGS),
    KI_CODE_NAME(DEREF_UNKNOWN_LOGON_SESSION),
    KI_CODE_NAME(REF_UNKNOWN_LOGON_SESSION),
    KI_CODE_NAME(CANCEL_STATE_IN_COMPLETED_IRP),
    KI_CODE_NAME(PAGE_FAULT_WITH_INTERRUPTS_OFF),
    KI_CODE_NAME(IRQL_GT_ZERO_AT_SYSTEM_SERVICE),
    KI_CODE_NAME(STREAMS_INTERNAL_ERROR),
    KI_CODE_NAME(FATAL_UNHANDLED_HARD_ERROR),
    KI_CODE_NAME(NO_PAGES_AVAILABLE),
    KI_CODE_NAME(PFN_LIST_CORRUPT),
    KI_CODE_NAME(NDIS_INTERNAL_ERROR),
    KI_CODE_NAME(PAGE_FAULT_IN_NONPAGED_AREA),
    KI_CODE_NAME(REGISTRY_ERROR),
    KI_CODE_NAME(MAILSLOT_FILE_SYSTEM),
    KI_CODE_NAME(NO_BOOT_DEVICE),
    KI_CODE_NAME(LM_SERVER_INTERNAL_ERROR),
    KI_CODE_NAME(DATA_COHERENCY_EXCEPTION),
    KI_CODE_NAME(INSTRUCTION_COHERENCY_EXCEPTION),
    KI_CODE_NAME(XNS_INTERNAL_ERROR),
    KI_CODE_NAME(FTDISK_INTERNAL_ERROR),
    KI_CODE_NAME(PINBALL_FILE_SYSTEM),
    KI_CODE_NAME(CRITICAL_SERVICE_FAILED),
    KI_CODE_NAME(SET_ENV_VAR_FAILED),
    KI_CODE_NAME(HAL_INITIALIZATION_FAILED),
    KI_CODE_NAME(UNSUPPORTED_PROCESSOR),
    KI_CODE_NAME(OBJECT_INITIALIZATION_FAILED),
    KI_CODE_NAME(SECURITY_INITIALIZATION_FAILED),
    KI_CODE_NAME(PROCESS_INITIALIZATION_FAILED),
    KI_CODE_NAME(HAL1_INITIALIZATION_FAILED),
    KI_CODE_NAME(OBJECT1_INITIALIZATION_FAILED),
    KI_CODE_NAME(SECURITY1_INITIALIZATION_FAILED),
    KI_CODE_NAME(SYMBOLIC_INITIALIZATION_FAILED),
    KI_CODE_NAME(MEMORY1_INITIALIZATION_FAILED),
    KI_CODE_NAME(CACHE_INITIALIZATION_FAILED),
    KI_CODE_NAME(CONFIG_INITIALIZATION_FAILED),
    KI_CODE_NAME(FILE_INITIALIZATION_FAILED),
    KI_CODE_NAME(IO1_INITIALIZATION_FAILED),
    KI_CODE_NAME(LPC_INITIALIZATION_FAILED),
    KI_CODE_NAME(PROCESS1_INITIALIZATION_FAILED),
    KI_CODE_NAME(REFMON_INITIALIZATION_FAILED),
    KI_CODE_NAME(SESSION1_INITIALIZATION_FAILED),
    KI_CODE_NAME(SESSION2_INITIALIZATION_FAILED),
    KI_CODE_NAME(SESSION3_INITIALIZATION_FAILED),
    KI_CODE_NAME(SESSION4_INITIALIZATION_FAILED),
    KI_CODE_NAME(SESSION5_INITIALIZATION_FAILED),
    KI_CODE_NAME(ASSIGN_DRIVE_LETTERS_FAILED),
    KI_CODE_NAME(CONFIG_LIST_FAILED),
    KI_CODE_NAME(BAD_SYSTEM_CONFIG_INFO),
    KI_CODE_NAME(CANNOT_WRITE_CONFIGURATION),
    KI_CODE_NAME(PROCESS_HAS_LOCKED_PAGES),
    KI_CODE_NAME(KERNEL_STACK_INPAGE_ERROR),
    KI_CODE_NAME(PHASE0_EXCEPTION),
    KI_CODE_NAME(MISMATCHED_HAL),
    KI_CODE_NAME(KERNEL_DATA_INPAGE_ERROR),
    KI_CODE_NAME(INACCESSIBLE_BOOT_DEVICE),
    KI_CODE_NAME(BUGCODE_NDIS_DRIVER),
    KI_CODE_NAME(INSTALL_MORE_MEMORY),
    KI_CODE_NAME(SYSTEM_THREAD_EXCEPTION_NOT_HANDLED),
    KI_CODE_NAME(UNEXPECTED_KERNEL_MODE_TRAP),
    KI_CODE_NAME(NMI_HARDWARE_FAILURE),
    KI_CODE_NAME(SPIN_LOCK_INIT_FAILURE),
    KI_CODE_NAME(DFS_FILE_SYSTEM),
    KI_CODE_NAME(SETUP_FAILURE),
    KI_CODE_NAME(MBR_CHECKSUM_MISMATCH),
    KI_CODE_NAME(KERNEL_MODE_EXCEPTION_NOT_HANDLED),
    KI_CODE_NAME(PP0_INITIALIZATION_FAILED),
    KI_CODE_NAME(PP1_INITIALIZATION_FAILED),
    KI_CODE_NAME(UP_DRIVER_ON_MP_SYSTEM),
    KI_CODE_NAME(INVALID_KERNEL_HANDLE),
    KI_CODE_NAME(KERNEL_STACK_LOCKED_AT_EXIT),
    KI_CODE_NAME(INVALID_WORK_QUEUE_ITEM),
    KI_CODE_NAME(BOUND_IMAGE_UNSUPPORTED),
    KI_CODE_NAME(END_OF_NT_EVALUATION_PERIOD),
    KI_CODE_NAME(INVALID_REGION_OR_SEGMENT),
    KI_CODE_NAME(SYSTEM_LICENSE_VIOLATION),
    KI_CODE_NAME(UDFS_FILE_SYSTEM),
    KI_CODE_NAME(MACHINE_CHECK_EXCEPTION),
    KI_CODE_NAME(USER_MODE_HEALTH_MONITOR),
    KI_CODE_NAME(DRIVER_POWER_STATE_FAILURE),
    KI_CODE_NAME(INTERNAL_POWER_ERROR),
    KI_CODE_NAME(PCI_BUS_DRIVER_INTERNAL),
    KI_CODE_NAME(MEMORY_IMAGE_CORRUPT),
    KI_CODE_NAME(ACPI_DRIVER_INTERNAL),
    KI_CODE_NAME(CNSS_FILE_SYSTEM_FILTER),
    KI_CODE_NAME(ACPI_BIOS_ERROR),
    KI_CODE_NAME(BAD_EXHANDLE),
    KI_CODE_NAME(HAL_MEMORY_ALLOCATION),
    KI_CODE_NAME(VIDEO_DRIVER_DEBUG_REPORT_REQUEST),
    KI_CODE_NAME(BGI_DETECTED_VIOLATION),
    KI_CODE_NAME(VIDEO_DRIVER_INIT_FAILURE),
    KI_CODE_NAME(ATTEMPTED_SWITCH_FROM_DPC),
    KI_CODE_NAME(CHIPSET_DETECTED_ERROR),
    KI_CODE_NAME(SESSION_HAS_VALID_VIEWS_ON_EXIT),
    KI_CODE_NAME(NETWORK_BOOT_INITIALIZATION_FAILED),
    KI_CODE_NAME(NETWORK_BOOT_DUPLICATE_ADDRESS),
    KI_CODE_NAME(INVALID_HIBERNATED_STATE),
    KI_CODE_NAME(ATTEMPTED_WRITE_TO_READONLY_MEMORY),
    KI_CODE_NAME(MUTEX_ALREADY_OWNED),
    KI_CODE_NAME(SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION),
    KI_CODE_NAME(BAD_POOL_CALLER),
    KI_CODE_NAME(DRIVER_VERIFIER_DETECTED_VIOLATION),
    KI_CODE_NAME(DRIVER_CORRUPTED_EXPOOL),
    KI_CODE_NAME(DRIVER_CAUGHT_MODIFYING_FREED_POOL),
    KI_CODE_NAME(TIMER_OR_DPC_INVALID),
    KI_CODE_NAME(IRQL_UNEXPECTED_VALUE),
    KI_CODE_NAME(DRIVER_VERIFIER_IOMANAGER_VIOLATION),
    KI_CODE_NAME(PNP_DETECTED_FATAL_ERROR),
    KI_CODE_NAME(DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS),
    KI_CODE_NAME(PAGE_FAULT_IN_FREED_SPECIAL_POOL),
    KI_CODE_NAME(PAGE_FAULT_BEYOND_END_OF_ALLOCATION),
    KI_CODE_NAME(DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS),
    KI_CODE_NAME(TERMINAL_SERVER_DRIVER_MADE_INCORRECT_MEMORY_REFERENCE),
    KI_CODE_NAME(DRIVER_CORRUPTED_MMPOOL),
    KI_CODE_NAME(DRIVER_IRQL_NOT_LESS_OR_EQUAL),
    KI_CODE_NAME(BUGCODE_ID_DRIVER),
    KI_CODE_NAME(DRIVER_PORTION_MUST_BE_NONPAGED),
    KI_CODE_NAME(SYSTEM_SCAN_AT_RAISED_IRQL_CAUGHT_IMPROPER_DRIVER_UNLOAD),
    KI_CODE_NAME(DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL),
    KI_CODE_NAME(DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION),
    KI_CODE_NAME(DRIVER_UNMAPPING_INVALID_VIEW),
    KI_CODE_NAME(DRIVER_USED_EXCESSIVE_PTES),
    KI_CODE_NAME(LOCKED_PAGES_TRACKER_CORRUPTION),
    KI_CODE_NAME(SYSTEM_PTE_MISUSE),
    KI_CODE_NAME(DRIVER_CORRUPTED_SYSPTES),
    KI_CODE_NAME(DRIVER_INVALID_STACK_ACCESS),
    KI_CODE_NAME(POOL_CORRUPTION_IN_FILE_AREA),
    KI_CODE_NAME(ACPI_BIOS_FATAL_ERROR),
    KI_CODE_NAME(WORKER_THREAD_RETURNED_AT_BAD_IRQL),
    KI_CODE_NAME(MANUALLY_INITIATED_CRASH),
    KI_CODE_NAME(RESOURCE_NOT_OWNED),
    KI_CODE_NAME(WORKER_INVALID),
    KI_CODE_NAME(DRIVER_VERIFIER_DMA_VIOLATION),
    KI_CODE_NAME(INVALID_FLOATING_POINT_STATE),
    KI_CODE_NAME(INVALID_CANCEL_OF_FILE_OPEN),
    KI_CODE_NAME(ACTIVE_EX_WORKER_THREAD_TERMINATION),
    KI_CODE_NAME(THREAD_STUCK_IN_DEVICE_DRIVER),
    KI_CODE_NAME(DIRTY_MAPPED_PAGES_CONGESTION),
    KI_CODE_NAME(SESSION_HAS_VALID_SPECIAL_POOL_ON_EXIT),
    KI_CODE_NAME(UNMOUNTABLE_BOOT_VOLUME),
    KI_CODE_NAME(CRITICAL_PROCESS_DIED),
    KI_CODE_NAME(STORAGE_MINIPORT_ERROR),
    KI_CODE_NAME(SCSI_VERIFIER_DETECTED_VIOLATION),
    KI_CODE_NAME(HARDWARE_INTERRUPT_STORM),
    KI_CODE_NAME(DISORDERLY_SHUTDOWN),
    KI_CODE_NAME(CRITICAL_OBJECT_TERMINATION),
    KI_CODE_NAME(FLTMGR_FILE_SYSTEM),
    KI_CODE_NAME(PCI_VERIFIER_DETECTED_VIOLATION),
    KI_CODE_NAME(DRIVER_OVERRAN_STACK_BUFFER),
    KI_CODE_NAME(RAMDISK_BOOT_INITIALIZATION_FAILED),
    KI_CODE_NAME(DRIVER_RETURNED_STATUS_REPARSE_FOR_VOLUME_OPEN),
    KI_CODE_NAME(HTTP_DRIVER_CORRUPTED),
    KI_CODE_NAME(ATTEMPTED_EXECUTE_OF_NOEXECUTE_MEMORY),
    KI_CODE_NAME(DIRTY_NOWRITE_PAGES_CONGESTION),
    KI_CODE_NAME(BUGCODE_USB_DRIVER),
    KI_CODE_NAME(RESERVE_QUEUE_OVERFLOW),
    KI_CODE_NAME(LOADER_BLOCK_MISMATCH),
    KI_CODE_NAME(CLOCK_WATCHDOG_TIMEOUT),
    KI_CODE_NAME(DPC_WATCHDOG_TIMEOUT),
    KI_CODE_NAME(MUP_FILE_SYSTEM),
    KI_CODE_NAME(AGP_INVALID_ACCESS),
    KI_CODE_NAME(AGP_GART_CORRUPTION),
    KI_CODE_NAME(AGP_ILLEGALLY_REPROGRAMMED),
    KI_CODE_NAME(THIRD_PARTY_FILE_SYSTEM_FAILURE),
    KI_CODE_NAME(CRITICAL_STRUCTURE_CORRUPTION),
    KI_CODE_NAME(APP_TAGGING_INITIALIZATION_FAILED),
    KI_CODE_NAME(FSRTL_EXTRA_CREATE_PARAMETER_VIOLATION),
    KI_CODE_NAME(WDF_VIOLATION),
    KI_CODE_NAME(VIDEO_MEMORY_MANAGEMENT_INTERNAL),
    KI_CODE_NAME(RESOURCE_MANAGER_EXCEPTION_NOT_HANDLED),
    KI_CODE_NAME(RECURSIVE_NMI),
    KI_CODE_NAME(MSRPC_STATE_VIOLATION),
    KI_CODE_NAME(VIDEO_DXGKRNL_FATAL_ERROR),
    KI_CODE_NAME(VIDEO_SHADOW_DRIVER_FATAL_ERROR),
    KI_CODE_NAME(AGP_INTERNAL),
    KI_CODE_NAME(VIDEO_TDR_FAILURE),
    KI_CODE_NAME(VIDEO_TDR_TIMEOUT_DETECTED),
    KI_CODE_NAME(VIDEO_SCHEDULER_INTERNAL_ERROR),
    KI_CODE_NAME(EM_INITIALIZATION_FAILURE),
    KI_CODE_NAME(DRIVER_RETURNED_HOLDING_CANCEL_LOCK),
    KI_CODE_NAME(ATTEMPTED_WRITE_TO_CM_PROTECTED_STORAGE),
    KI_CODE_NAME(EVENT_TRACING_FATAL_ERROR),
    KI_CODE_NAME(TOO_MANY_RECURSIVE_FAULTS),
    KI_CODE_NAME(INVALID_DRIVER_HANDLE),
    KI_CODE_NAME(BITLOCKER_FATAL_ERROR),
    KI_CODE_NAME(DRIVER_VIOLATION),
    KI_CODE_NAME(WHEA_INTERNAL_ERROR),
    KI_CODE_NAME(CRYPTO_SELF_TEST_FAILURE),
    KI_CODE_NAME(WHEA_UNCORRECTABLE_ERROR),
    KI_CODE_NAME(NMR_INVALID_STATE),
    KI_CODE_NAME(NETIO_INVALID_POOL_CALLER),
    KI_CODE_NAME(PAGE_NOT_ZERO),
    KI_CODE_NAME(WORKER_THREAD_RETURNED_WITH_BAD_IO_PRIORITY),
    KI_CODE_NAME(WORKER_THREAD_RETURNED_WITH_BAD_PAGING_IO_PRIORITY),
    KI_CODE_NAME(MUI_NO_VALID_SYSTEM_LANGUAGE),
    KI_CODE_NAME(FAULTY_HARDWARE_CORRUPTED_PAGE),
    KI_CODE_NAME(EXFAT_FILE_SYSTEM),
    KI_CODE_NAME(VOLSNAP_OVERLAPPED_TABLE_ACCESS),
    KI_CODE_NAME(INVALID_MDL_RANGE),
    KI_CODE_NAME(VHD_BOOT_INITIALIZATION_FAILED),
    KI_CODE_NAME(DYNAMIC_ADD_PROCESSOR_MISMATCH),
    KI_CODE_NAME(INVALID_EXTENDED_PROCESSOR_STATE),
    KI_CODE_NAME(RESOURCE_OWNER_POINTER_INVALID),
    KI_CODE_NAME(DPC_WATCHDOG_VIOLATION),
    KI_CODE_NAME(DRIVE_EXTENDER),
    KI_CODE_NAME(REGISTRY_FILTER_DRIVER_EXCEPTION),
    KI_CODE_NAME(VHD_BOOT_HOST_VOLUME_NOT_ENOUGH_SPACE),
    KI_CODE_NAME(WIN32K_HANDLE_MANAGER),
    KI_CODE_NAME(GPIO_CONTROLLER_DRIVER_ERROR),
    KI_CODE_NAME(KERNEL_SECURITY_CHECK_FAILURE),
    KI_CODE_NAME(KERNEL_MODE_HEAP_CORRUPTION),
    KI_CODE_NAME(PASSIVE_INTERRUPT_ERROR),
    KI_CODE_NAME(INVALID_IO_BOOST_STATE),
    KI_CODE_NAME(CRITICAL_INITIALIZATION_FAILURE),
    KI_CODE_NAME(STORAGE_DEVICE_ABNORMALITY_DETECTED),
    KI_CODE_NAME(PROCESSOR_DRIVER_INTERNAL),
    KI_CODE_NAME(BUGCODE_USB3_DRIVER),
    KI_CODE_NAME(SECURE_BOOT_VIOLATION),
    KI_CODE_NAME(ABNORMAL_RESET_DETECTED),
    KI_CODE_NAME(REFS_FILE_SYSTEM),
    KI_CODE_NAME(KERNEL_WMI_INTERNAL),
    KI_CODE_NAME(SOC_SUBSYSTEM_FAILURE),
    KI_CODE_NAME(FATAL_ABNORMAL_RESET_ERROR),
    KI_CODE_NAME(EXCEPTION_SCOPE_INVALID),
    KI_CODE_NAME(SOC_CRITICAL_DEVICE_REMOVED),
    KI_CODE_NAME(PDC_WATCHDOG_TIMEOUT),
    KI_CODE_NAME(TCPIP_AOAC_NIC_ACTIVE_REFERENCE_LEAK),
    KI_CODE_NAME(UNSUPPORTED_INSTRUCTION_MODE),
    KI_CODE_NAME(INVALID_PUSH_LOCK_FLAGS),
    KI_CODE_NAME(KERNEL_LOCK_ENTRY_LEAKED_ON_THREAD_TERMINATION),
    KI_CODE_NAME(UNEXPECTED_STORE_EXCEPTION),
    KI_CODE_NAME(OS_DATA_TAMPERING),
    KI_CODE_NAME(KERNEL_THREAD_PRIORITY_FLOOR_VIOLATION),
    KI_CODE_NAME(ILLEGAL_IOMMU_PAGE_FAULT),
    KI_CODE_NAME(HAL_ILLEGAL_IOMMU_PAGE_FAULT),
    KI_CODE_NAME(SDBUS_INTERNAL_ERROR),
    KI_CODE_NAME(WORKER_THREAD_RETURNED_WITH_SYSTEM_PAGE_PRIORITY_ACTIVE),
    KI_CODE_NAME(WIN32K_ATOMIC_CHECK_FAILURE),
    KI_CODE_NAME(KERNEL_AUTO_BOOST_INVALID_LOCK_RELEASE),
    KI_CODE_NAME(WORKER_THREAD_TEST_CONDITION),
    KI_CODE_NAME(WIN32K_CRITICAL_FAILURE),
    KI_CODE_NAME(INVALID_RUNDOWN_PROTECTION_FLAGS),
    KI_CODE_NAME(INVALID_SLOT_ALLOCATOR_FLAGS),
    KI_CODE_NAME(ERESOURCE_INVALID_RELEASE),
    KI_CODE_NAME(CLUSTER_CSV_CLUSSVC_DISCONNECT_WATCHDOG),
    KI_CODE_NAME(CRYPTO_LIBRARY_INTERNAL_ERROR),
    KI_CODE_NAME(COREMSGCALL_INTERNAL_ERROR),
    KI_CODE_NAME(COREMSG_INTERNAL_ERROR),
    KI_CODE_NAME(ELAM_DRIVER_DETECTED_FATAL_ERROR),
    KI_CODE_NAME(PROFILER_CONFIGURATION_ILLEGAL),
    KI_CODE_NAME(MICROCODE_REVISION_MISMATCH),
    KI_CODE_NAME(VIDEO_DWMINIT_TIMEOUT_FALLBACK_BDD),
    KI_CODE_NAME(BAD_OBJECT_HEADER),
    KI_CODE_NAME(SECURE_KERNEL_ERROR),
    KI_CODE_NAME(HYPERGUARD_VIOLATION),
    KI_CODE_NAME(SECURE_FAULT_UNHANDLED),
    KI_CODE_NAME(KERNEL_PARTITION_REFERENCE_VIOLATION),
    KI_CODE_NAME(PF_DETECTED_CORRUPTION),
    KI_CODE_NAME(KERNEL_AUTO_BOOST_LOCK_ACQUISITION_WITH_RAISED_IRQL),
    KI_CODE_NAME(LOADER_ROLLBACK_DETECTED),
    KI_CODE_NAME(WIN32K_SECURITY_FAILURE),
    KI_CODE_NAME(KERNEL_STORAGE_SLOT_IN_USE),
    KI_CODE_NAME(WORKER_THREAD_RETURNED_WHILE_ATTACHED_TO_SILO),
    KI_CODE_NAME(TTM_FATAL_ERROR),
    KI_CODE_NAME(WIN32K_POWER_WATCHDOG_TIMEOUT),
    KI_CODE_NAME(TTM_WATCHDOG_TIMEOUT),
    KI_CODE_NAME(WIN32K_CALLOUT_WATCHDOG_BUGCHECK),
    KI_CODE_NAME(EXCEPTION_ON_INVALID_STACK),
    KI_CODE_NAME(UNWIND_ON_INVALID_STACK),
    KI_CODE_NAME(FAST_ERESOURCE_PRECONDITION_VIOLATION),
    KI_CODE_NAME(STORE_DATA_STRUCTURE_CORRUPTION),
    KI_CODE_NAME(MANUALLY_INITIATED_POWER_BUTTON_HOLD),
    KI_CODE_NAME(SYNTHETIC_WATCHDOG_TIMEOUT),
    KI_CODE_NAME(INVALID_SILO_DETACH),
    KI_CODE_NAME(INVALID_CALLBACK_STACK_ADDRESS),
    KI_CODE_NAME(INVALID_KERNEL_STACK_ADDRESS),
    KI_CODE_NAME(HARDWARE_WATCHDOG_TIMEOUT),
    KI_CODE_NAME(CPI_FIRMWARE_WATCHDOG_TIMEOUT),
    KI_CODE_NAME(WORKER_THREAD_INVALID_STATE),
    KI_CODE_NAME(WFP_INVALID_OPERATION),
    KI_CODE_NAME(DRIVER_PNP_WATCHDOG),
    KI_CODE_NAME(WORKER_THREAD_RETURNED_WITH_NON_DEFAULT_WORKLOAD_CLASS),
    KI_CODE_NAME(EFS_FATAL_ERROR),
    KI_CODE_NAME(UCMUCSI_FAILURE),
    KI_CODE_NAME(HAL_IOMMU_INTERNAL_ERROR),
    KI_CODE_NAME(HAL_BLOCKED_PROCESSOR_INTERNAL_ERROR),
    KI_CODE_NAME(IPI_WATCHDOG_TIMEOUT),
    KI_CODE_NAME(DMA_COMMON_BUFFER_VECTOR_ERROR),
    KI_CODE_NAME(BUGCODE_MBBADAPTER_DRIVER),
    KI_CODE_NAME(BUGCODE_WIFIADAPTER_DRIVER),
    KI_CODE_NAME(PROCESSOR_START_TIMEOUT),
    KI_CODE_NAME(VIDEO_DXGKRNL_SYSMM_FATAL_ERROR),
    KI_CODE_NAME(ILLEGAL_ATS_INITIALIZATION),
    KI_CODE_NAME(SECURE_PCI_CONFIG_SPACE_ACCESS_VIOLATION),
    KI_CODE_NAME(DAM_WATCHDOG_TIMEOUT),
    KI_CODE_NAME(HANDLE_ERROR_ON_CRITICAL_THREAD),
    KI_CODE_NAME(KASAN_ENLIGHTENMENT_VIOLATION),
    KI_CODE_NAME(KASAN_ILLEGAL_ACCESS),
    KI_CODE_NAME(XBOX_ERACTRL_CS_TIMEOUT),
    KI_CODE_NAME(BC_BLUETOOTH_VERIFIER_FAULT),
    KI_CODE_NAME(BC_BTHMINI_VERIFIER_FAULT),
    KI_CODE_NAME(HYPERVISOR_ERROR),
    KI_CODE_NAME(SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M),
    KI_CODE_NAME(UNEXPECTED_KERNEL_MODE_TRAP_M),
    KI_CODE_NAME(KERNEL_MODE_EXCEPTION_NOT_HANDLED_M),
    KI_CODE_NAME(THREAD_STUCK_IN_DEVICE_DRIVER_M),
    KI_CODE_NAME(THREAD_TERMINATE_HELD_MUTEX),
    KI_CODE_NAME(MANUALLY_INITIATED_CRASH1),
};

const char *KiBugCheckCodeName(ULONG Code)
{
    ULONG low = 0, high = ARRAYSIZE(KiBugCheckNames);

    /* The table is sorted by code. */
    while (low < high) {
        ULONG middle = low + (high - low) / 2;
        if (KiBugCheckNames[middle].Code == Code)
            return KiBugCheckNames[middle].Name;
        if (KiBugCheckNames[middle].Code < Code)
            low = middle + 1;
        else
            high = middle;
    }
    return NULL;
}

static const KI_BUGCHECK_DESCRIPTION *KiFindBugCheckDescription(ULONG Code)
{
    for (ULONG i = 0; i < ARRAYSIZE(KiBugCheckDescriptions); i++)
        if (KiBugCheckDescriptions[i].Code == Code)
            return &KiBugCheckDescriptions[i];
    return NULL;
}

static const KI_BUGCHECK_SUBCODE *KiFindSubcode(const KI_BUGCHECK_DESCRIPTION *Info, const ULONG_PTR *Parameters)
{
    if (Info == NULL || Info->SelectorArg == 0)
        return NULL;
    ULONG_PTR selector = Parameters[Info->SelectorArg - 1];
    for (ULONG i = 0; i < Info->SubcodeCount; i++)
        if (Info->Subcodes[i].Value == selector)
            return &Info->Subcodes[i];
    return NULL;
}

/* ---------------------------------------------------------------------------
 * Output. One thread writes the report, so plain static buffers will do;
 * nothing here allocates or locks.
 */

static char KiBugCheckLineBuffer[1024];
static char KiBugCheckSymbolBuffer[512];

static void KiBugCheckWrite(const char *Text, size_t Length)
{
    if (ntkhost != NULL && ntkhost->write_err != NULL)
        ntkhost->write_err(Text, Length);
}

/* Prints one line; the newline is added here. Too long a line is cut. */
static void __attribute__((format(__printf__, 1, 2))) KiBugCheckPrint(const char *Format, ...)
{
    va_list arguments;
    va_start(arguments, Format);
    int length = vsnprintf(KiBugCheckLineBuffer, sizeof(KiBugCheckLineBuffer) - 1, Format, arguments);
    va_end(arguments);
    if (length < 0)
        return;
    if ((size_t)length > sizeof(KiBugCheckLineBuffer) - 2)
        length = sizeof(KiBugCheckLineBuffer) - 2;
    KiBugCheckLineBuffer[length] = '\n';
    KiBugCheckWrite(KiBugCheckLineBuffer, (size_t)length + 1);
}

/* The description paragraph, folded at word boundaries like the debugger's. */
static void KiBugCheckPrintParagraph(const char *Text)
{
    const size_t width = 79;

    while (*Text != '\0') {
        size_t take = strlen(Text);
        if (take > width) {
            size_t space = width;
            while (space > 0 && Text[space] != ' ')
                space--;
            take = space > 0 ? space : width;
        }
        KiBugCheckPrint("%.*s", (int)take, Text);
        Text += take;
        while (*Text == ' ')
            Text++;
    }
}

static void KiBugCheckEmitLine(const char *Line)
{
    KiBugCheckPrint("%s", Line != NULL ? Line : "");
}

/* ---------------------------------------------------------------------------
 * Reporters registered by other components.
 */

static KI_BUGCHECK_REPORTER *KiBugCheckReporters[KI_BUGCHECK_MAX_REPORTERS];

void KiRegisterBugCheckReporter(KI_BUGCHECK_REPORTER *Reporter)
{
    if (Reporter == NULL)
        return;
    for (ULONG i = 0; i < KI_BUGCHECK_MAX_REPORTERS; i++) {
        KI_BUGCHECK_REPORTER *expected = NULL;
        if (__atomic_load_n(&KiBugCheckReporters[i], __ATOMIC_ACQUIRE) == Reporter)
            return;
        if (__atomic_compare_exchange_n(&KiBugCheckReporters[i], &expected, Reporter, FALSE, __ATOMIC_RELEASE,
                                        __ATOMIC_ACQUIRE))
            return;
        if (expected == Reporter)
            return;
    }
    static const char full[] = "ntk: bug-check reporter table full; a report section will be missing\n";
    KiBugCheckWrite(full, sizeof(full) - 1);
}

/* ---------------------------------------------------------------------------
 * The stack.
 */

/* Frames captured: enough for the report's 64 plus the frames of the
 * bug-check and fault-handling machinery above them. */
#define KI_BUGCHECK_CAPTURED_FRAMES 96
#define KI_BUGCHECK_PRINTED_FRAMES 64

static void *KiBugCheckFrames[KI_BUGCHECK_CAPTURED_FRAMES];

typedef struct _KI_BUGCHECK_STACK {
    int First;          /* index of the first frame to print */
    int Count;          /* frames captured */
    BOOLEAN FirstExact; /* the first frame's pc is the faulting instruction, not a return address */
} KI_BUGCHECK_STACK;

/* The address to symbolize for frame Index: a return address names the
 * instruction after the call, which may already belong to the next line or
 * even the next function (a call to a noreturn routine ends its function),
 * so the call instruction is looked up instead. */
static const void *KiBugCheckFrameLookupAddress(const KI_BUGCHECK_STACK *Stack, int Index)
{
    const char *pc = KiBugCheckFrames[Index];
    if (Index == Stack->First && Stack->FirstExact)
        return pc;
    return pc != NULL ? pc - 1 : pc;
}

static void KiBugCheckCaptureStack(KI_BUGCHECK_STACK *Stack, const void *TrapPc, const void *CallerReturnAddress)
{
    Stack->Count = 0;
    Stack->First = 0;
    Stack->FirstExact = FALSE;
    if (ntkhost != NULL && ntkhost->backtrace != NULL)
        Stack->Count = ntkhost->backtrace(KiBugCheckFrames, KI_BUGCHECK_CAPTURED_FRAMES);
    if (Stack->Count < 0)
        Stack->Count = 0;

    /* Skip the frames of the bug-check (and fault-dispatch) machinery: the
     * stack of interest starts at the faulting instruction, or at the frame
     * that called KeBugCheckEx/KiBugCheckAt. */
    const void *start = TrapPc != NULL ? TrapPc : CallerReturnAddress;
    for (int i = 0; i < Stack->Count; i++) {
        if (KiBugCheckFrames[i] == start) {
            Stack->First = i;
            Stack->FirstExact = TrapPc != NULL;
            return;
        }
    }

    if (TrapPc != NULL) {
        /* The walk did not get through the signal frame: report the faulting
         * instruction alone rather than the handler's frames. */
        KiBugCheckFrames[0] = (void *)TrapPc;
        Stack->Count = 1;
        Stack->First = 0;
        Stack->FirstExact = TRUE;
    }
    /* Otherwise the caller was not found (an inlined or tail-called path):
     * print the whole walk. */
}

static const char *KiBugCheckSymbolize(const void *Address)
{
    if (ntkhost != NULL && ntkhost->symbolize != NULL)
        ntkhost->symbolize((void *)Address, KiBugCheckSymbolBuffer, sizeof(KiBugCheckSymbolBuffer));
    else
        snprintf(KiBugCheckSymbolBuffer, sizeof(KiBugCheckSymbolBuffer), "0x%016llx",
                 (unsigned long long)(ULONG_PTR)Address);
    return KiBugCheckSymbolBuffer;
}

/* ---------------------------------------------------------------------------
 * The report.
 */

static void KiBugCheckPrintBugCheckString(ULONG Code, const KI_BUGCHECK_DESCRIPTION *Info,
                                          const ULONG_PTR *Parameters)
{
    KI_BUGCHECK_STR_STYLE style = Info != NULL ? Info->Style : KiStrPlain;

    if (style == KiStrSubcode && Info->SelectorArg != 0)
        KiBugCheckPrint("BUGCHECK_STR:  0x%x_%llx", Code, (unsigned long long)Parameters[Info->SelectorArg - 1]);
    else if (style == KiStrException)
        KiBugCheckPrint("BUGCHECK_STR:  0x%X_%x", Code, (ULONG)Parameters[0]);
    else
        KiBugCheckPrint("BUGCHECK_STR:  0x%X", Code);
}

static void KiBugCheckPrintCulprit(const KI_BUGCHECK_STACK *Stack)
{
    int last = Stack->First + KI_BUGCHECK_PRINTED_FRAMES;
    if (last > Stack->Count)
        last = Stack->Count;

    for (int i = Stack->First; i < last; i++) {
        const void *address = KiBugCheckFrameLookupAddress(Stack, i);
        const char *driver = LdrpDriverNameForAddress(address);
        if (driver == NULL)
            continue;

        /* "( example!Function+0x3a )": the frame's symbol without its source line. */
        const char *symbol = KiBugCheckSymbolize(address);
        const char *source = strstr(symbol, " (");
        int symbolLength = source != NULL ? (int)(source - symbol) : (int)strlen(symbol);
        KiBugCheckPrint("IMAGE_NAME:  %s", driver);
        KiBugCheckPrint("Probably caused by : %s ( %.*s )", driver, symbolLength, symbol);
        return;
    }
    KiBugCheckPrint("IMAGE_NAME:  unknown");
    KiBugCheckPrint("Probably caused by : unknown");
}

static void KiBugCheckPrintStack(const KI_BUGCHECK_STACK *Stack)
{
    int last = Stack->First + KI_BUGCHECK_PRINTED_FRAMES;
    if (last > Stack->Count)
        last = Stack->Count;

    KiBugCheckPrint("STACK_TEXT:");
    if (Stack->First >= last)
        KiBugCheckPrint(" (no stack available)");
    for (int i = Stack->First; i < last; i++)
        KiBugCheckPrint(" #%02d %s", i - Stack->First, KiBugCheckSymbolize(KiBugCheckFrameLookupAddress(Stack, i)));
    if (Stack->Count - Stack->First > KI_BUGCHECK_PRINTED_FRAMES)
        KiBugCheckPrint(" ... (deeper frames not shown)");
}

static void KiBugCheckPrintReport(ULONG Code, const ULONG_PTR *Parameters, const KI_BUGCHECK_STACK *Stack,
                                  const char *Detail)
{
    const KI_BUGCHECK_DESCRIPTION *info = KiFindBugCheckDescription(Code);
    const KI_BUGCHECK_SUBCODE *subcode = KiFindSubcode(info, Parameters);
    const char *name = KiBugCheckCodeName(Code);

    /* The line the kernel debugger prints when the system stops. */
    KiBugCheckPrint("*** Fatal System Error: 0x%08x (0x%016llX,0x%016llX,0x%016llX,0x%016llX)", Code,
                    (unsigned long long)Parameters[0], (unsigned long long)Parameters[1],
                    (unsigned long long)Parameters[2], (unsigned long long)Parameters[3]);
    KiBugCheckPrint("%s", "");

    /* What "!analyze -v" expands it to. */
    if (name != NULL)
        KiBugCheckPrint("%s (%x)", name, Code);
    else
        KiBugCheckPrint("Unknown bugcheck code (%x)", Code);
    if (info != NULL)
        KiBugCheckPrintParagraph(info->Description);
    else if (name != NULL)
        KiBugCheckPrint("See the bug check code reference for the meaning of this code and its arguments.");
    else
        KiBugCheckPrint("Unknown bugcheck description");
    if (Detail != NULL && Detail[0] != '\0')
        KiBugCheckPrint("%s", Detail);

    KiBugCheckPrint("Arguments:");
    for (int i = 0; i < 4; i++) {
        const char *meaning = NULL;
        if (subcode != NULL)
            meaning = subcode->Arg[i];
        else if (info != NULL)
            meaning = info->Arg[i];
        if (meaning != NULL)
            KiBugCheckPrint("Arg%d: %016llx, %s", i + 1, (unsigned long long)Parameters[i], meaning);
        else
            KiBugCheckPrint("Arg%d: %016llx", i + 1, (unsigned long long)Parameters[i]);
    }
    KiBugCheckPrint("%s", "");

    KiBugCheckPrintBugCheckString(Code, info, Parameters);
    if (ntkhost != NULL && ntkhost->thread_id != NULL)
        KiBugCheckPrint("FAULTING_THREAD:  %lx", ntkhost->thread_id());
    KiBugCheckPrintCulprit(Stack);
    KiBugCheckPrint("%s", "");

    KiBugCheckPrintStack(Stack);

    for (ULONG i = 0; i < KI_BUGCHECK_MAX_REPORTERS; i++) {
        KI_BUGCHECK_REPORTER *reporter = __atomic_load_n(&KiBugCheckReporters[i], __ATOMIC_ACQUIRE);
        if (reporter != NULL) {
            KiBugCheckPrint("%s", "");
            reporter(KiBugCheckEmitLine);
        }
    }
    KiBugCheckPrint("%s", "");
}

/* ---------------------------------------------------------------------------
 * Ending the process, and keeping it to one report.
 */

/* Host thread id of the thread writing the report; 0 while none is. */
static volatile unsigned long KiBugCheckOwner;
static ULONG KiBugCheckFirstCode;
/* Never changes: threads that lose the race wait on it for good. */
static volatile int32_t KiBugCheckLosersWaitHere;

typedef enum _KI_BUGCHECK_ACTION { KiBugCheckExit, KiBugCheckAbort } KI_BUGCHECK_ACTION;

static KI_BUGCHECK_ACTION KiBugCheckChooseAction(BOOLEAN Announce)
{
    const char *action = ntkhost != NULL && ntkhost->getenv != NULL ? ntkhost->getenv("NTK_BUGCHECK_ACTION") : NULL;

    if (action == NULL || action[0] == '\0' || strcmp(action, "exit") == 0)
        return KiBugCheckExit;
    if (strcmp(action, "abort") == 0)
        return KiBugCheckAbort;
    if (Announce)
        KiBugCheckPrint("*** ntk: NTK_BUGCHECK_ACTION=\"%s\" is not \"exit\" or \"abort\"; using \"exit\"", action);
    return KiBugCheckExit;
}

static DECLSPEC_NORETURN void KiBugCheckEndProcess(ULONG Code, BOOLEAN Announce)
{
    KI_BUGCHECK_ACTION action = KiBugCheckChooseAction(Announce);

    if (action == KiBugCheckAbort) {
        if (Announce)
            KiBugCheckPrint("*** ntk: bug check 0x%08x: aborting the process (NTK_BUGCHECK_ACTION=abort)", Code);
        if (ntkhost != NULL && ntkhost->abort_process != NULL)
            ntkhost->abort_process();
    } else {
        if (Announce)
            KiBugCheckPrint("*** ntk: bug check 0x%08x: process exits with status %d", Code, NTK_EXIT_BUGCHECK);
        if (ntkhost != NULL && ntkhost->exit_process != NULL)
            ntkhost->exit_process(NTK_EXIT_BUGCHECK);
    }
    __builtin_trap();
}

static DECLSPEC_NORETURN void KiBugCheckWaitForever(void)
{
    for (;;) {
        if (ntkhost != NULL && ntkhost->park != NULL)
            ntkhost->park(&KiBugCheckLosersWaitHere, 0, -1);
        else if (ntkhost != NULL && ntkhost->sleep_ns != NULL)
            ntkhost->sleep_ns(1000000000LL);
    }
}

static DECLSPEC_NORETURN void KiBugCheckWorker(ULONG Code, ULONG_PTR P1, ULONG_PTR P2, ULONG_PTR P3, ULONG_PTR P4,
                                               const void *TrapPc, const char *Detail,
                                               const void *CallerReturnAddress)
{
    /* Without a host there is no way to report; stop where a debugger sees it. */
    if (ntkhost == NULL || ntkhost->write_err == NULL)
        __builtin_trap();

    unsigned long self = ntkhost->thread_id != NULL ? ntkhost->thread_id() : 1;
    if (self == 0)
        self = 1;
    unsigned long owner = 0;
    if (!__atomic_compare_exchange_n(&KiBugCheckOwner, &owner, self, FALSE, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        if (owner != self)
            KiBugCheckWaitForever();
        /* The report itself failed (a fault or a check while writing it):
         * say so in one line and stop before anything else can go wrong. */
        KiBugCheckPrint("*** ntk: bug check 0x%08x (0x%016llX,0x%016llX,0x%016llX,0x%016llX) raised while reporting "
                        "bug check 0x%08x; report cut short",
                        Code, (unsigned long long)P1, (unsigned long long)P2, (unsigned long long)P3,
                        (unsigned long long)P4, KiBugCheckFirstCode);
        KiBugCheckEndProcess(KiBugCheckFirstCode, FALSE);
    }
    KiBugCheckFirstCode = Code;

    const ULONG_PTR parameters[4] = { P1, P2, P3, P4 };
    KI_BUGCHECK_STACK stack;
    KiBugCheckCaptureStack(&stack, TrapPc, CallerReturnAddress);
    KiBugCheckPrint("%s", "");
    KiBugCheckPrintReport(Code, parameters, &stack, Detail);
    KiBugCheckEndProcess(Code, TRUE);
}

DECLSPEC_NORETURN VOID KiBugCheckAt(ULONG Code, ULONG_PTR P1, ULONG_PTR P2, ULONG_PTR P3, ULONG_PTR P4,
                                    const void *TrapPc, const char *Detail)
{
    KiBugCheckWorker(Code, P1, P2, P3, P4, TrapPc, Detail, __builtin_return_address(0));
}

DECLSPEC_EXPORT DECLSPEC_NORETURN VOID NTAPI KeBugCheckEx(ULONG BugCheckCode, ULONG_PTR BugCheckParameter1,
                                                          ULONG_PTR BugCheckParameter2, ULONG_PTR BugCheckParameter3,
                                                          ULONG_PTR BugCheckParameter4)
{
    KiBugCheckWorker(BugCheckCode, BugCheckParameter1, BugCheckParameter2, BugCheckParameter3, BugCheckParameter4,
                     NULL, NULL, __builtin_return_address(0));
}

DECLSPEC_EXPORT DECLSPEC_NORETURN VOID NTAPI KeBugCheck(ULONG BugCheckCode)
{
    KiBugCheckWorker(BugCheckCode, 0, 0, 0, 0, NULL, NULL, __builtin_return_address(0));
}
