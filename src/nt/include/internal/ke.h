/*
 * ke.h - kernel core internals: threads, IRQL, dispatcher objects and waits,
 * exception dispatch. Private to src/nt; drivers see none of this.
 */
#ifndef NTK_INTERNAL_KE_H
#define NTK_INTERNAL_KE_H

#include <wdm.h>
#include <stdint.h>
#include <host.h>

struct ntk_seh_frame;
struct _KI_FP_GUARD;

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
    /* Waits (ke/wait.c). WaitWord is the host park word: for a WaitAny wait
     * 0 while waiting, then KI_WAIT_DONE | status, set once by whoever
     * satisfies or times out the wait (a compare-and-swap); for a WaitAll
     * wait a signaller stores 1 to make the waiter look again. */
    volatile int32_t WaitWord;
    volatile NTSTATUS WaitStatus;      /* status of the last wait */
    BOOLEAN WaitNext;                  /* KeSetEvent(Wait=TRUE): a wait must follow */
    KIRQL WaitIrql;                    /* IRQL to return to when that wait starts */
    KPRIORITY Priority;                /* recorded by KeSetPriorityThread, not enforced */
    KWAIT_BLOCK WaitBlock[THREAD_WAIT_OBJECTS + 1];
    LIST_ENTRY MutantListHead;         /* mutexes owned; touched only by this thread */
    /* Thread life (ke/thread.c, ps/systhread.c). */
    volatile NTSTATUS ExitStatus;      /* STATUS_PENDING while the thread runs */
    LIST_ENTRY ThreadListEntry;        /* all threads, by id (PsLookupThreadByThreadId) */
    struct ntkhost_thread *HostThread; /* threads the kernel started: joined after exit */
    void *ExitFrame;                   /* where PsTerminateSystemThread/ExitThread resume */
    PVOID StartRoutine, StartContext;  /* threads the kernel started */
    struct _KTHREAD *ReapNext;         /* ended, waiting to be joined (ps/systhread.c) */
    LIST_ENTRY IrpList;                /* IRPs issued by this thread; IrpListLock */
    volatile LONG IrpListLock;         /* completions on other threads touch IrpList */
    ULONG_PTR ThreadId;
    ULONG LastErrorValue;              /* the TEB's LastErrorValue */
    NTSTATUS LastStatusValue;          /* the TEB's LastStatusValue */
    struct ntk_seh_frame *SehChain;    /* innermost __try frame */
    ULONG Processor;                   /* the processor it runs on (ke/processor.c) */
    BOOLEAN ProcessorAssigned;         /* Processor is valid */
    UCHAR DpcRoutineActive;            /* > 0 while running a DPC routine (ke/dpc.c) */
    /* System affinity (ke/processor.c): the processors the thread may run
     * on, 0 when it has none; the processor it had before; a move asked for
     * at DISPATCH_LEVEL, made when the IRQL drops below it. */
    KAFFINITY SystemAffinity;
    ULONG UserProcessor;
    ULONG PendingProcessor;
    BOOLEAN ProcessorChangePending;
    struct _KI_FP_GUARD *FpGuard;      /* innermost floating-point guard (internal/ke_fp.h) */
    ULONG FpGuardSerial;               /* guards entered so far */
    /* User APCs (ke/apc.c): queued by any thread under ApcLock, run by this
     * thread in an alertable wait. AlertableWait is set (under ApcLock)
     * while such a wait is under way, so that a queuer may end it. */
    LIST_ENTRY UserApcList;            /* KI_USER_APC; ApcLock; set up on first use */
    volatile LONG ApcLock;
    volatile BOOLEAN UserApcPending;
    volatile BOOLEAN AlertableWait;
    BOOLEAN ApcQueueClosed;            /* the thread ended: no more APCs */
    /* Kernel APCs (ke/apc.c): special ones (no normal routine) first, then
     * normal ones; ApcLock. KernelApcWait is set while the thread waits at
     * PASSIVE_LEVEL, so that an inserter wakes it to run them. */
    LIST_ENTRY KernelApcList;          /* KAPC.ApcListEntry; set up on first use */
    volatile BOOLEAN KernelApcPending;
    volatile BOOLEAN KernelApcWait;
    /* Cancelling this thread's IRPs (io/threadio.c): the IRP a canceller
     * is inside IoCancelIrp for, and that canceller; IrpListLock. Its
     * completion waits for the canceller to let go of it. */
    PIRP CancellingIrp;
    struct _KTHREAD *CancellingThread;
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

/* Busy-waiting in kernel code. ntk's processors are host threads that the
 * host may preempt at any time, even while they hold a spin lock "at
 * DISPATCH_LEVEL", and several may share one CPU: a waiter that only spun
 * would burn its whole time slice while the holder waits for the CPU. So
 * every busy wait pauses, and yields to the host every 128 tries. */
static inline void KiSpinPause(unsigned *Spins)
{
    if (++*Spins % 128)
        __builtin_ia32_pause();
    else
        ntkhost->thread_yield();
}

/* The kernel's private word locks (an integer lvalue, 0 when free): held
 * for a few instructions around a list or a field. */
#define KiAcquireWordLock(Lock)                                                                                   \
    do {                                                                                                       \
        unsigned spins_ = 0;                                                                                   \
        while (__atomic_exchange_n((Lock), 1, __ATOMIC_ACQUIRE))                                               \
            while (__atomic_load_n((Lock), __ATOMIC_RELAXED))                                                  \
                KiSpinPause(&spins_);                                                                          \
    } while (0)
#define KiReleaseWordLock(Lock) __atomic_store_n((Lock), 0, __ATOMIC_RELEASE)

/* A processor change asked for at DISPATCH_LEVEL (ke/processor.c): made by
 * KeLowerIrql once the thread's DPCs on its old processor have run. */
void KiApplyProcessorChange(PKTHREAD Thread);

/* The calling thread's KTHREAD, created on first use for threads the kernel
 * did not create (the application's threads). */
PKTHREAD KeGetCurrentThreadFast(void);
PKTHREAD KiBecomeSystemThread(void);
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
/* The mode a service is called from: kernel code (a driver, or ntk on its
 * behalf) is already inside a service. */
static inline KPROCESSOR_MODE KiCallerMode(PKTHREAD t)
{
    return t->KernelDepth > 0 ? KernelMode : UserMode;
}
/* The value of `call` (an NTSTATUS) made with KernelMode as the previous
 * mode: how the Zw form of a service calls its Nt form, so that a driver's
 * own buffers and handles are not probed as a caller's. */
#define KI_AS_KERNEL_CALLER(call)                                       \
    ({                                                                  \
        PKTHREAD thread_ = KiThread();                                  \
        KPROCESSOR_MODE saved_ = KiEnterService(thread_, KernelMode);   \
        NTSTATUS status_ = (call);                                      \
        KiLeaveService(thread_, saved_);                                \
        status_;                                                        \
    })

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
#define KI_WAIT_DONE 0x40000000
/* The per-object lock (bit 7 of Lock) and, called with it held, satisfying
 * the waiters the object's state now allows. */
void KiAcquireDispatcherObject(PDISPATCHER_HEADER h);
void KiReleaseDispatcherObject(PDISPATCHER_HEADER h);
void KiWakeWaiters(PDISPATCHER_HEADER h);
/* KeSetEvent & co. with Wait=TRUE: raise to DISPATCH_LEVEL until the wait
 * that must follow. */
void KiSetWaitNext(PKTHREAD t);
/* The wait that follows a Wait=TRUE signal: back to the IRQL before it. */
void KiEndWaitNext(PKTHREAD t);
/* A wait made t the owner of mutant m the first time (ke/mutex.c). */
void KiMutantAcquired(PKTHREAD t, PKMUTANT m);
NTSTATUS KiWaitForMultipleObjects(ULONG Count, PVOID Object[], WAIT_TYPE WaitType, BOOLEAN Alertable,
                                  PLARGE_INTEGER Timeout, PKWAIT_BLOCK WaitBlockArray);
/* Mutants (ke/mutex.c): Abandon releases on behalf of an ending owner; with
 * Raise, a release by a non-owner raises, otherwise *Status tells. */
LONG KiReleaseMutant(PKMUTANT Mutant, BOOLEAN Abandon, BOOLEAN Raise, NTSTATUS *Status);
void KiInitializeMutant(PKMUTANT Mutant, BOOLEAN InitialOwner, UCHAR ApcDisable);
/* A thread is ending: abandon the mutexes it owns, record its exit status,
 * signal it (ke/thread.c). */
void KiRundownThread(PKTHREAD Thread, NTSTATUS ExitStatus);
/* A new thread object with the reference its running thread holds, and
 * making it findable by id (ke/thread.c). */
PKTHREAD PspCreateThreadObject(struct _EPROCESS *Process, BOOLEAN SystemThread);
void PspInsertThread(PKTHREAD Thread);

/* User APCs (ke/apc.c). A queued APC runs once, in the target thread's
 * next alertable wait, which then returns STATUS_USER_APC; Free (if any)
 * releases it after it ran or when the thread ends without running it. */
typedef VOID NTAPI KI_USER_APC_ROUTINE(PVOID Context, PVOID Argument1, PVOID Argument2);
typedef struct _KI_USER_APC {
    LIST_ENTRY Entry;
    KI_USER_APC_ROUTINE *Routine;
    PVOID Context, Argument1, Argument2;
    void (*Free)(struct _KI_USER_APC *Apc);
    BOOLEAN Ran;                       /* set before Free: it ran (or was dropped) */
} KI_USER_APC, *PKI_USER_APC;
/* Queues Apc to Thread; FALSE if the thread has ended (Apc not queued). */
BOOLEAN KiInsertUserApc(PKTHREAD Thread, PKI_USER_APC Apc);
/* For waits: arms the alertable state (STATUS_USER_APC ends the wait at
 * once if an APC is pending), disarms it, and runs the pending APCs. */
void KiArmAlertableWait(PKTHREAD Thread);
void KiDisarmAlertableWait(PKTHREAD Thread);
void KiDeliverUserApcs(PKTHREAD Thread);
/* A thread is ending: its kernel APCs run, its user APCs that never ran
 * are released. */
void KiFlushUserApcs(PKTHREAD Thread);
/* Waits (any, not only alertable ones) at PASSIVE_LEVEL: whether a kernel
 * APC may run now (then the wait ends with STATUS_KERNEL_APC, they run and
 * the wait goes on), arming and disarming the wake-up, and running them. */
BOOLEAN KiKernelApcDeliverable(PKTHREAD Thread);
void KiArmKernelApcWait(PKTHREAD Thread);
void KiDisarmKernelApcWait(PKTHREAD Thread);
void KiDeliverKernelApcs(PKTHREAD Thread);
/* NtDelayExecution: a wait on no object (NULL Interval: for ever). */
NTSTATUS KiDelayExecution(BOOLEAN Alertable, PLARGE_INTEGER Interval);

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

/* Processors, DPCs, timers and clocks (ke/processor.c, dpc.c, timer.c). */
#include <internal/ke_dpc.h>

#endif
