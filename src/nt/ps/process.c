/*
 * process.c - process objects: the System process (kernel handles, system
 * threads) and the application's process (its handle table).
 */
#include <internal/ps.h>

static OBJECT_TYPE PspProcessType = {.Name = "Process", .PoolTag = 'corP', .GenericRead = 0x20410,
                                     .GenericWrite = 0x20bea, .GenericExecute = 0x121000,
                                     .GenericAll = 0x1FFFFF};
POBJECT_TYPE PspProcessObjectType = &PspProcessType;
DECLSPEC_EXPORT POBJECT_TYPE *PsProcessType = &PspProcessObjectType;

DECLSPEC_EXPORT PEPROCESS PsInitialSystemProcess;
PEPROCESS PspApplicationProcess;

static PEPROCESS PspCreateProcess(ULONG_PTR id, BOOLEAN system)
{
    PVOID object;
    if (!NT_SUCCESS(ObpCreateObject(&PspProcessType, sizeof(EPROCESS), &object)))
        return NULL;
    PEPROCESS p = object;
    KiInitializeDispatcherHeader(&p->Pcb.Header, ProcessObject, sizeof(EPROCESS) / sizeof(LONG), 0);
    p->UniqueProcessId = id;
    p->SystemProcess = system;
    p->ObjectTable = ObpCreateHandleTable(system);
    if (!p->ObjectTable) {
        ObfDereferenceObject(p);
        return NULL;
    }
    return p;
}

void PspInitializeProcesses(void)
{
    PsInitialSystemProcess = PspCreateProcess(4, TRUE);
    PspApplicationProcess = PspCreateProcess(ntkhost->thread_id(), FALSE);
    if (!PsInitialSystemProcess || !PspApplicationProcess)
        KiBugCheckAt(0x5D, 2, 0, 0, 0, NULL, "out of memory creating processes");
}

/* @implemented */
DECLSPEC_EXPORT PEPROCESS NTAPI PsGetCurrentProcess(VOID)
{
    return KiThread()->Process;
}

/* @implemented */
DECLSPEC_EXPORT PEPROCESS NTAPI IoGetCurrentProcess(VOID)
{
    return KiThread()->Process;
}

/* @implemented */
DECLSPEC_EXPORT HANDLE NTAPI PsGetCurrentProcessId(VOID)
{
    return (HANDLE)KiThread()->Process->UniqueProcessId;
}

/* @implemented */
DECLSPEC_EXPORT PEPROCESS NTAPI IoGetRequestorProcess(PIRP Irp)
{
    PKTHREAD t = (PKTHREAD)Irp->Tail.Overlay.Thread;
    return t ? t->Process : NULL;
}

/* @implemented */
DECLSPEC_EXPORT ULONG NTAPI IoGetRequestorProcessId(PIRP Irp)
{
    PEPROCESS p = IoGetRequestorProcess(Irp);
    return p ? (ULONG)p->UniqueProcessId : 0;
}

/* @implemented: every ntk application is a 64-bit process (32-bit clients
 * come with the multi-process kernel). */
DECLSPEC_EXPORT BOOLEAN NTAPI IoIs32bitProcess(PIRP Irp)
{
    return FALSE;
}
