/*
 * systhread.c - threads the kernel starts: system threads
 * (PsCreateSystemThread, PsTerminateSystemThread) and the application's
 * threads (NtCreateThreadEx, NtTerminateThread for CreateThread/ExitThread),
 * and what can be asked of a thread (NtQueryInformationThread).
 *
 * Each runs on its own host thread. Ending early (PsTerminateSystemThread,
 * ExitThread) jumps back to the thread's start frame, which ends the thread:
 * owned mutexes abandoned, exit status set, thread object signalled. Host
 * threads that have ended are joined by the next thread creation or at a
 * normal process exit (their thread objects stay referenced until then).
 */
#include <internal/ex_cache.h>
#include <internal/ps.h>
#include <internal/io.h>
#include <setjmp.h>
#include <stdlib.h>

#define PSP_THREAD_BASIC_INFO_CLASS 0
#define PSP_CREATE_SUSPENDED 0x1

typedef struct _PSP_THREAD_BASIC_INFORMATION {
    NTSTATUS ExitStatus;
    PVOID TebBaseAddress;
    CLIENT_ID ClientId;
    KAFFINITY AffinityMask;
    KPRIORITY Priority;
    KPRIORITY BasePriority;
} PSP_THREAD_BASIC_INFORMATION;

typedef ULONG NTAPI PSP_USER_START_ROUTINE(PVOID Parameter);

/* The creator hands a new thread over in two steps on its WaitWord (no
 * wait can be under way yet): the thread reports its id (1), the creator
 * has recorded the host thread and lets it run (2). */
static PKTHREAD PspReapList; /* ended threads not yet joined */
static __thread NTSTATUS PspExitStatus;

static void PspReapThreads(void)
{
    PKTHREAD t = __atomic_exchange_n(&PspReapList, NULL, __ATOMIC_ACQUIRE);
    while (t) {
        PKTHREAD next = t->ReapNext;
        ntkhost->thread_join(t->HostThread);
        ObfDereferenceObject(t);
        t = next;
    }
}

static void PspThreadStartup(void *arg)
{
    PKTHREAD t = arg;
    t->ThreadId = ntkhost->thread_id();
    KiCurrentThread = t;
    __atomic_store_n(&t->WaitWord, 1, __ATOMIC_RELEASE);
    ntkhost->unpark(&t->WaitWord, 1);
    while (__atomic_load_n(&t->WaitWord, __ATOMIC_ACQUIRE) != 2)
        ntkhost->park(&t->WaitWord, 1, -1);

    jmp_buf frame;
    NTSTATUS status;
    t->ExitFrame = &frame;
    if (_setjmp(frame) == 0) {
        if (t->SystemThread) {
            KiEnterService(t, KernelMode);
            ((PKSTART_ROUTINE)t->StartRoutine)(t->StartContext);
            status = STATUS_SUCCESS;
        } else {
            status = (NTSTATUS)((PSP_USER_START_ROUTINE *)t->StartRoutine)(t->StartContext);
        }
    } else {
        status = PspExitStatus;
    }
    t->ExitFrame = NULL;
    t->SehChain = NULL;
    t->KernelDepth = 0;
    /* Listed for joining before anyone can see it ended; the thread's own
     * reference goes when the host thread is joined. */
    PKTHREAD head = __atomic_load_n(&PspReapList, __ATOMIC_RELAXED);
    do
        t->ReapNext = head;
    while (!__atomic_compare_exchange_n(&PspReapList, &head, t, TRUE, __ATOMIC_RELEASE, __ATOMIC_RELAXED));
    KiRundownThread(t, status);
    ExpRetireThreadCache();
    KiCurrentThread = NULL;
}

/* At a normal process exit, the threads that ended are joined too. */
static void PspReapAtExit(void)
{
    PspReapThreads();
}

static NTSTATUS PspCreateThread(PHANDLE ThreadHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                                PEPROCESS Process, BOOLEAN System, PVOID StartRoutine, PVOID StartContext,
                                PCLIENT_ID ClientId)
{
    static volatile int registered;
    if (!__atomic_exchange_n(&registered, 1, __ATOMIC_ACQ_REL))
        atexit(PspReapAtExit);
    PspReapThreads();
    PKTHREAD t = PspCreateThreadObject(Process, System);
    if (!t)
        return STATUS_INSUFFICIENT_RESOURCES;
    t->StartRoutine = StartRoutine;
    t->StartContext = StartContext;
    ULONG attributes = ObjectAttributes ? ObjectAttributes->Attributes : 0;
    PEPROCESS owner = (attributes & OBJ_KERNEL_HANDLE) ? PsInitialSystemProcess : KiThread()->Process;
    HANDLE handle;
    NTSTATUS status = ObpCreateHandle(owner, t, ObpMapGenericAccess(PspThreadObjectType, DesiredAccess),
                                      attributes & OBJ_KERNEL_HANDLE, &handle);
    if (!NT_SUCCESS(status)) {
        ObfDereferenceObject(t);
        return status;
    }
    t->WaitWord = 0;
    if (ntkhost->thread_create(PspThreadStartup, t, &t->HostThread) != 0) {
        ObpCloseHandle(handle, KernelMode);
        ObfDereferenceObject(t);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    while (__atomic_load_n(&t->WaitWord, __ATOMIC_ACQUIRE) != 1)
        ntkhost->park(&t->WaitWord, 0, -1);
    PspInsertThread(t);
    if (ClientId) {
        ClientId->UniqueProcess = (HANDLE)Process->UniqueProcessId;
        ClientId->UniqueThread = (HANDLE)t->ThreadId;
    }
    *ThreadHandle = handle;
    __atomic_store_n(&t->WaitWord, 2, __ATOMIC_RELEASE);
    ntkhost->unpark(&t->WaitWord, 1);
    return STATUS_SUCCESS;
}

/* Ends the calling thread now, from however deep in it. */
static __attribute__((noreturn)) void PspExitCurrentThread(PKTHREAD t, NTSTATUS ExitStatus)
{
    PspExitStatus = ExitStatus;
    _longjmp(*(jmp_buf *)t->ExitFrame, 1);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI PsCreateSystemThread(PHANDLE ThreadHandle, ULONG DesiredAccess,
                                                   POBJECT_ATTRIBUTES ObjectAttributes, HANDLE ProcessHandle,
                                                   PCLIENT_ID ClientId, PKSTART_ROUTINE StartRoutine,
                                                   PVOID StartContext)
{
    KI_CHECK_IRQL(PsCreateSystemThread);
    PEPROCESS process = PsInitialSystemProcess;
    if (ProcessHandle) {
        PVOID object;
        NTSTATUS status = ObReferenceObjectByHandle(ProcessHandle, 0x0002 /* PROCESS_CREATE_THREAD */,
                                                    *PsProcessType, KernelMode, &object, NULL);
        if (!NT_SUCCESS(status))
            return status;
        process = object;
        ObfDereferenceObject(object); /* processes outlive their threads here */
    }
    return PspCreateThread(ThreadHandle, DesiredAccess, ObjectAttributes, process, TRUE, (PVOID)StartRoutine,
                           StartContext, ClientId);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI PsTerminateSystemThread(NTSTATUS ExitStatus)
{
    KI_CHECK_IRQL(PsTerminateSystemThread);
    PKTHREAD t = KiThread();
    if (!t->SystemThread)
        return STATUS_INVALID_PARAMETER;
    if (!t->ExitFrame)
        KiBugCheckAt(ACTIVE_EX_WORKER_THREAD_TERMINATION, (ULONG_PTR)t, 0, 0, 0, NULL,
                     "PsTerminateSystemThread in a system worker thread");
    PspExitCurrentThread(t, ExitStatus);
}

/* @implemented: threads of the application's process (CreateThread). A
 * thread created suspended needs NtResumeThread, which ntk lacks. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtCreateThreadEx(PHANDLE ThreadHandle, ACCESS_MASK DesiredAccess,
                                               POBJECT_ATTRIBUTES ObjectAttributes, HANDLE ProcessHandle,
                                               PVOID StartRoutine, PVOID Argument, ULONG CreateFlags,
                                               SIZE_T ZeroBits, SIZE_T StackSize, SIZE_T MaximumStackSize,
                                               PVOID AttributeList)
{
    if (CreateFlags & PSP_CREATE_SUSPENDED)
        return KiNotImplemented("NtCreateThreadEx", "suspended creation");
    if (!StartRoutine)
        return STATUS_INVALID_PARAMETER;
    PVOID object;
    KPROCESSOR_MODE mode = KiCallerMode(KiThread());
    NTSTATUS status = ObReferenceObjectByHandle(ProcessHandle, 0x0002 /* PROCESS_CREATE_THREAD */,
                                                *PsProcessType, mode, &object, NULL);
    if (!NT_SUCCESS(status))
        return status;
    PEPROCESS process = object;
    ObfDereferenceObject(object);
    return PspCreateThread(ThreadHandle, DesiredAccess, ObjectAttributes, process, process->SystemProcess,
                           StartRoutine, Argument, NULL);
}

/* @implemented: the calling thread only, if the kernel started it (another
 * thread would have to be stopped asynchronously, which needs APCs). */
DECLSPEC_EXPORT NTSTATUS NTAPI NtTerminateThread(HANDLE ThreadHandle, NTSTATUS ExitStatus)
{
    PKTHREAD self = KiThread();
    PVOID object = self;
    if (ThreadHandle && ThreadHandle != (HANDLE)(LONG_PTR)-2) {
        KPROCESSOR_MODE mode = KiCallerMode(self);
        NTSTATUS status = ObReferenceObjectByHandle(ThreadHandle, THREAD_TERMINATE, *PsThreadType, mode, &object,
                                                    NULL);
        if (!NT_SUCCESS(status))
            return status;
        ObfDereferenceObject(object);
    }
    if (object != self || !self->ExitFrame)
        return KiNotImplemented("NtTerminateThread", "ending another thread, or a thread ntk did not start");
    PspExitCurrentThread(self, ExitStatus);
}

/* @implemented: ThreadBasicInformation only. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtQueryInformationThread(HANDLE ThreadHandle, ULONG ThreadInformationClass,
                                                       PVOID ThreadInformation, ULONG ThreadInformationLength,
                                                       PULONG ReturnLength)
{
    if (ThreadInformationClass != PSP_THREAD_BASIC_INFO_CLASS)
        return KiNotImplemented("NtQueryInformationThread", "an information class other than ThreadBasicInformation");
    if (ThreadInformationLength != sizeof(PSP_THREAD_BASIC_INFORMATION))
        return STATUS_INFO_LENGTH_MISMATCH;
    PVOID object;
    KPROCESSOR_MODE mode = KiCallerMode(KiThread());
    NTSTATUS status = ObReferenceObjectByHandle(ThreadHandle, THREAD_QUERY_LIMITED_INFORMATION, *PsThreadType, mode,
                                                &object, NULL);
    if (!NT_SUCCESS(status))
        return status;
    PKTHREAD t = object;
    PSP_THREAD_BASIC_INFORMATION info = {0};
    info.ExitStatus = __atomic_load_n(&t->ExitStatus, __ATOMIC_ACQUIRE);
    info.ClientId.UniqueProcess = (HANDLE)t->Process->UniqueProcessId;
    info.ClientId.UniqueThread = (HANDLE)t->ThreadId;
    info.AffinityMask = ((KAFFINITY)1 << (ntkhost->cpu_count() < 64 ? ntkhost->cpu_count() : 63)) - 1;
    info.Priority = info.BasePriority = __atomic_load_n(&t->Priority, __ATOMIC_RELAXED);
    ObfDereferenceObject(object);
    __builtin_memcpy(ThreadInformation, &info, sizeof info);
    if (ReturnLength)
        *ReturnLength = sizeof info;
    return STATUS_SUCCESS;
}
