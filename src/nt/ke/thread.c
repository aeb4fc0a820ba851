/*
 * thread.c - the current thread: lazily created KTHREADs for application
 * threads, thread identity, previous mode.
 */
#include <internal/ob.h>
#include <internal/ps.h>
#include <internal/io.h>

__thread PKTHREAD KiCurrentThread __attribute__((tls_model("initial-exec")));

static void PspDeleteThread(PVOID Object)
{
    (void)Object;
}

static OBJECT_TYPE PspThreadType = {.Name = "Thread", .PoolTag = 'erhT', .GenericRead = 0x20048,
                                    .GenericWrite = 0x20037, .GenericExecute = 0x120000,
                                    .GenericAll = 0x1FFFFF, .Delete = PspDeleteThread};
POBJECT_TYPE PspThreadObjectType = &PspThreadType;
DECLSPEC_EXPORT POBJECT_TYPE *PsThreadType = &PspThreadObjectType;

/* A host thread with a KTHREAD is ending: give back what it cached and its
 * reference on its thread object. */
static void KiThreadExit(void *arg)
{
    PKTHREAD t = arg;
    IopFlushThreadCaches();
    KiCurrentThread = NULL;
    ObfDereferenceObject(t);
}

/* Makes a KTHREAD for a host thread that entered the kernel for the first
 * time (the application's main thread and any thread it created). */
PKTHREAD KeGetCurrentThreadFast(void)
{
    PKTHREAD t = KiCurrentThread;
    if (t)
        return t;
    PVOID object;
    if (!NT_SUCCESS(ObpCreateObject(&PspThreadType, sizeof(ETHREAD), &object)))
        KiBugCheckAt(0x5D, 1, 0, 0, 0, NULL, "out of memory creating a thread object");
    t = object;
    KiInitializeDispatcherHeader(&t->Header, ThreadObject, sizeof(ETHREAD) / sizeof(LONG), 0);
    t->Process = PspApplicationProcess ? PspApplicationProcess : PsInitialSystemProcess;
    t->Irql = PASSIVE_LEVEL;
    t->PreviousMode = UserMode;
    t->ThreadId = ntkhost->thread_id();
    InitializeListHead(&t->IrpList);
    ntkhost->thread_prepare_faults();
    KiCurrentThread = t;
    ntkhost->thread_exit_notify(KiThreadExit, t);
    return t;
}

/* @implemented */
DECLSPEC_EXPORT PKTHREAD NTAPI KeGetCurrentThread(VOID)
{
    return KiThread();
}

/* @implemented */
DECLSPEC_EXPORT HANDLE NTAPI PsGetCurrentThreadId(VOID)
{
    return (HANDLE)KiThread()->ThreadId;
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI PsIsSystemThread(PETHREAD Thread)
{
    return ((PKTHREAD)Thread)->SystemThread;
}

/* @implemented */
DECLSPEC_EXPORT KPROCESSOR_MODE NTAPI ExGetPreviousMode(VOID)
{
    return KiThread()->PreviousMode;
}
