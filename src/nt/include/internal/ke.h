/*
 * ke.h - kernel core internals: threads, IRQL, dispatcher objects and waits,
 * exception dispatch. Private to src/nt; drivers see none of this.
 */
#ifndef NTK_INTERNAL_KE_H
#define NTK_INTERNAL_KE_H

#include <wdm.h>
#include <stdint.h>
#include <host.h>

struct iop_irp_cache;
struct ntk_seh_frame;

/* The kernel part of a thread. Drivers treat PKTHREAD as opaque, so this
 * layout is ntk's own. Fields are touched only by the owning thread unless
 * marked otherwise. */
typedef struct _KTHREAD {
    DISPATCHER_HEADER Header;          /* signalled when the thread ends */
    struct _EPROCESS *Process;
    KIRQL Irql;                        /* current IRQL */
    KPROCESSOR_MODE PreviousMode;      /* mode of the current service's caller */
    UCHAR KernelDepth;                 /* > 0 while running kernel code for a service */
    BOOLEAN SystemThread;
    SHORT KernelApcDisable;
    volatile int32_t WaitWord;         /* host park word; written by wakers */
    volatile NTSTATUS WaitStatus;      /* written by wakers under the object lock */
    LIST_ENTRY IrpList;                /* IRPs issued by this thread; IrpListLock */
    volatile LONG IrpListLock;         /* completions on other threads touch IrpList */
    ULONG_PTR ThreadId;
    ULONG LastErrorValue;              /* the TEB's LastErrorValue */
    NTSTATUS LastStatusValue;          /* the TEB's LastStatusValue */
    struct iop_irp_cache *IrpCache;    /* per-thread IRP lookaside */
    struct ntk_seh_frame *SehChain;    /* innermost __try frame */
} KTHREAD;

typedef struct _ETHREAD {
    KTHREAD Tcb;
} ETHREAD;

typedef struct _KPROCESS {
    DISPATCHER_HEADER Header;
} KPROCESS;

struct obp_handle_table;

typedef struct _EPROCESS {
    KPROCESS Pcb;
    ULONG_PTR UniqueProcessId;
    struct obp_handle_table *ObjectTable;
    BOOLEAN SystemProcess;
} EPROCESS;

/* The calling thread's KTHREAD, created on first use for threads the kernel
 * did not create (the application's threads). */
PKTHREAD KeGetCurrentThreadFast(void);
extern __thread PKTHREAD KiCurrentThread __attribute__((tls_model("initial-exec")));
static inline PKTHREAD KiThread(void)
{
    PKTHREAD t = KiCurrentThread;
    return t ? t : KeGetCurrentThreadFast();
}

/* Entering and leaving kernel code on behalf of a system service. */
static inline KPROCESSOR_MODE KiEnterService(PKTHREAD t, KPROCESSOR_MODE previous)
{
    KPROCESSOR_MODE saved = t->PreviousMode;
    t->KernelDepth++;
    t->PreviousMode = previous;
    return saved;
}
static inline void KiLeaveService(PKTHREAD t, KPROCESSOR_MODE saved)
{
    t->KernelDepth--;
    t->PreviousMode = saved;
}

/* IRQL rules. Each checked routine's maximum IRQL is a line of
 * ke/irqlmax.def; a routine starts with KI_CHECK_IRQL(ItsName), and a call
 * above the maximum is a bug check naming the routine and its caller. */
enum {
#define KI_IRQL_MAX(Routine, Maximum) KiMaxIrql_##Routine = (Maximum),
#include "../../ke/irqlmax.def"
#undef KI_IRQL_MAX
};
void KiIrqlTooHigh(const char *Routine, KIRQL Maximum, const void *Caller) __attribute__((noreturn));
#define KI_CHECK_IRQL(Routine)                                                        \
    do {                                                                              \
        if (__builtin_expect(KiThread()->Irql > KiMaxIrql_##Routine, 0))              \
            KiIrqlTooHigh(#Routine, KiMaxIrql_##Routine, __builtin_return_address(0)); \
    } while (0)

/* Dispatcher objects. */
void KiInitializeDispatcherHeader(PDISPATCHER_HEADER h, UCHAR type, UCHAR size, LONG signal);
NTSTATUS KiWaitForObject(PDISPATCHER_HEADER h, BOOLEAN alertable, PLARGE_INTEGER timeout);
/* Sets an object's SignalState under its lock and satisfies the waiters it
 * now can (a timer expiring, a thread ending). */
void KiSignalObject(PDISPATCHER_HEADER h, LONG SignalState);

/* Exceptions (ke/except.c). */
void KiInitializeExceptions(void);
__attribute__((noreturn)) void KiRaiseException(NTSTATUS code, void *address, ULONG nparams,
                                                 const ULONG_PTR *params);

/* Returns STATUS_NOT_IMPLEMENTED after a diagnostic naming the routine
 * and the unsupported case (ke/notimpl.c). */
NTSTATUS KiNotImplemented(const char *Routine, const char *Case);

/* Boot. */
void KiInitializeKernel(void);

/* Bug checks (ke/bugcheck.c). */
#include <internal/ke_bugcheck.h>

#endif
