/*
 * event.c - dispatcher objects as seen through handles: events
 * (NtCreateEvent and friends), semaphores and mutants, and waiting on
 * handles (NtWaitForSingleObject, NtWaitForMultipleObjects). Each is an
 * object-manager object whose body is the kernel object (KEVENT, KSEMAPHORE,
 * KMUTANT), so a driver can ObReferenceObjectByHandle a handle an
 * application created with CreateEvent, CreateSemaphore or CreateMutex.
 */
#include <internal/ob.h>


static OBJECT_TYPE ExpEventType = {.Name = "Event", .PoolTag = 'nevE',
                                   .GenericRead = STANDARD_RIGHTS_READ | EVENT_QUERY_STATE,
                                   .GenericWrite = STANDARD_RIGHTS_WRITE | EVENT_MODIFY_STATE,
                                   .GenericExecute = STANDARD_RIGHTS_EXECUTE | SYNCHRONIZE,
                                   .GenericAll = EVENT_ALL_ACCESS};
POBJECT_TYPE ExpEventObjectType = &ExpEventType;
DECLSPEC_EXPORT POBJECT_TYPE *ExEventObjectType = &ExpEventObjectType;


static OBJECT_TYPE ExpSemaphoreType = {.Name = "Semaphore", .PoolTag = 'ameS',
                                       .GenericRead = STANDARD_RIGHTS_READ | SEMAPHORE_QUERY_STATE,
                                       .GenericWrite = STANDARD_RIGHTS_WRITE | SEMAPHORE_MODIFY_STATE,
                                       .GenericExecute = STANDARD_RIGHTS_EXECUTE | SYNCHRONIZE,
                                       .GenericAll = SEMAPHORE_ALL_ACCESS};
POBJECT_TYPE ExpSemaphoreObjectType = &ExpSemaphoreType;
DECLSPEC_EXPORT POBJECT_TYPE *ExSemaphoreObjectType = &ExpSemaphoreObjectType;

static OBJECT_TYPE ExpMutantType = {.Name = "Mutant", .PoolTag = 'atuM',
                                    .GenericRead = STANDARD_RIGHTS_READ | MUTANT_QUERY_STATE,
                                    .GenericWrite = STANDARD_RIGHTS_WRITE,
                                    .GenericExecute = STANDARD_RIGHTS_EXECUTE | SYNCHRONIZE,
                                    .GenericAll = MUTANT_ALL_ACCESS};
POBJECT_TYPE ExpMutantObjectType = &ExpMutantType;

/* Names a new object and gives the caller a handle to it; the creation
 * reference goes either way. */
static NTSTATUS ExpInsertObject(PVOID object, POBJECT_TYPE type, ACCESS_MASK DesiredAccess,
                                POBJECT_ATTRIBUTES ObjectAttributes, PHANDLE Handle)
{
    NTSTATUS status = STATUS_SUCCESS;
    ULONG attributes = ObjectAttributes ? ObjectAttributes->Attributes : 0;
    if (ObjectAttributes && ObjectAttributes->ObjectName && ObjectAttributes->ObjectName->Length)
        status = ObpInsertObjectName(object, ObjectAttributes->ObjectName, attributes);
    if (NT_SUCCESS(status)) {
        PEPROCESS process = (attributes & OBJ_KERNEL_HANDLE) ? PsInitialSystemProcess : KiThread()->Process;
        status = ObpCreateHandle(process, object, ObpMapGenericAccess(type, DesiredAccess),
                                 attributes & OBJ_KERNEL_HANDLE, Handle);
    }
    ObfDereferenceObject(object);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtCreateEvent(PHANDLE EventHandle, ACCESS_MASK DesiredAccess,
                                            POBJECT_ATTRIBUTES ObjectAttributes, EVENT_TYPE EventType,
                                            BOOLEAN InitialState)
{
    if (EventType != NotificationEvent && EventType != SynchronizationEvent)
        return STATUS_INVALID_PARAMETER;
    PVOID object;
    NTSTATUS status = ObpCreateObject(&ExpEventType, sizeof(KEVENT), &object);
    if (!NT_SUCCESS(status))
        return status;
    KeInitializeEvent(object, EventType, InitialState);
    return ExpInsertObject(object, &ExpEventType, DesiredAccess, ObjectAttributes, EventHandle);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtCreateSemaphore(PHANDLE SemaphoreHandle, ACCESS_MASK DesiredAccess,
                                                POBJECT_ATTRIBUTES ObjectAttributes, LONG InitialCount,
                                                LONG MaximumCount)
{
    if (MaximumCount <= 0 || InitialCount < 0 || InitialCount > MaximumCount)
        return STATUS_INVALID_PARAMETER;
    PVOID object;
    NTSTATUS status = ObpCreateObject(&ExpSemaphoreType, sizeof(KSEMAPHORE), &object);
    if (!NT_SUCCESS(status))
        return status;
    KeInitializeSemaphore(object, InitialCount, MaximumCount);
    return ExpInsertObject(object, &ExpSemaphoreType, DesiredAccess, ObjectAttributes, SemaphoreHandle);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtReleaseSemaphore(HANDLE SemaphoreHandle, LONG ReleaseCount, PLONG PreviousCount)
{
    if (ReleaseCount <= 0)
        return STATUS_INVALID_PARAMETER;
    PVOID object;
    NTSTATUS status = ObReferenceObjectByHandle(SemaphoreHandle, SEMAPHORE_MODIFY_STATE, ExpSemaphoreObjectType,
                                                KiCallerMode(KiThread()), &object, NULL);
    if (!NT_SUCCESS(status))
        return status;
    PKSEMAPHORE semaphore = object;
    PDISPATCHER_HEADER h = &semaphore->Header;
    /* The service returns the status where KeReleaseSemaphore raises. */
    KiAcquireDispatcherObject(h);
    LONG previous = __atomic_load_n(&h->SignalState, __ATOMIC_RELAXED), next;
    if (__builtin_add_overflow(previous, ReleaseCount, &next) || next > semaphore->Limit) {
        status = STATUS_SEMAPHORE_LIMIT_EXCEEDED;
    } else {
        __atomic_store_n(&h->SignalState, next, __ATOMIC_RELEASE);
        KiWakeWaiters(h);
    }
    KiReleaseDispatcherObject(h);
    ObfDereferenceObject(object);
    if (NT_SUCCESS(status) && PreviousCount)
        *PreviousCount = previous;
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtCreateMutant(PHANDLE MutantHandle, ACCESS_MASK DesiredAccess,
                                             POBJECT_ATTRIBUTES ObjectAttributes, BOOLEAN InitialOwner)
{
    PVOID object;
    NTSTATUS status = ObpCreateObject(&ExpMutantType, sizeof(KMUTANT), &object);
    if (!NT_SUCCESS(status))
        return status;
    /* No APC disabling: see ke/mutex.c. */
    KiInitializeMutant(object, InitialOwner, 0);
    return ExpInsertObject(object, &ExpMutantType, DesiredAccess, ObjectAttributes, MutantHandle);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtReleaseMutant(HANDLE MutantHandle, PLONG PreviousCount)
{
    PVOID object;
    NTSTATUS status = ObReferenceObjectByHandle(MutantHandle, 0, ExpMutantObjectType, KiCallerMode(KiThread()), &object,
                                                NULL);
    if (!NT_SUCCESS(status))
        return status;
    LONG previous = KiReleaseMutant(object, FALSE, FALSE, &status);
    ObfDereferenceObject(object);
    if (NT_SUCCESS(status) && PreviousCount)
        *PreviousCount = previous;
    return status;
}

static NTSTATUS ExpEventOperation(HANDLE EventHandle, ACCESS_MASK Access, int Operation, PLONG PreviousState)
{
    PVOID object;
    NTSTATUS status = ObReferenceObjectByHandle(EventHandle, Access, ExpEventObjectType, KiCallerMode(KiThread()),
                                                &object, NULL);
    if (!NT_SUCCESS(status))
        return status;
    LONG previous = 0;
    switch (Operation) {
    case 0: previous = KeSetEvent(object, EVENT_INCREMENT, FALSE); break;
    case 1: previous = KeResetEvent(object); break;
    default: KeClearEvent(object); break;
    }
    if (PreviousState)
        *PreviousState = previous;
    ObfDereferenceObject(object);
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtSetEvent(HANDLE EventHandle, PLONG PreviousState)
{
    return ExpEventOperation(EventHandle, EVENT_MODIFY_STATE, 0, PreviousState);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtResetEvent(HANDLE EventHandle, PLONG PreviousState)
{
    return ExpEventOperation(EventHandle, EVENT_MODIFY_STATE, 1, PreviousState);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtClearEvent(HANDLE EventHandle)
{
    return ExpEventOperation(EventHandle, EVENT_MODIFY_STATE, 2, NULL);
}

/* The dispatcher object a waitable object's handle stands for, or NULL. */
static PDISPATCHER_HEADER ExpWaitableHeader(PVOID object)
{
    POBJECT_TYPE type = OBJECT_TO_OBJECT_HEADER(object)->Type;
    if (type == ExpEventObjectType || type == ExpSemaphoreObjectType || type == ExpMutantObjectType ||
        type == *PsThreadType || type == *PsProcessType)
        return object;
    if (type == *IoFileObjectType)
        return &((PFILE_OBJECT)object)->Event.Header;
    return NULL;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtWaitForSingleObject(HANDLE Handle, BOOLEAN Alertable, PLARGE_INTEGER Timeout)
{
    PVOID object;
    NTSTATUS status = ObReferenceObjectByHandle(Handle, SYNCHRONIZE, NULL, KiCallerMode(KiThread()), &object, NULL);
    if (!NT_SUCCESS(status))
        return status;
    PDISPATCHER_HEADER header = ExpWaitableHeader(object);
    status = header ? KiWaitForObject(header, Alertable, Timeout) : STATUS_OBJECT_TYPE_MISMATCH;
    ObfDereferenceObject(object);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtWaitForMultipleObjects(ULONG Count, HANDLE Handles[], WAIT_TYPE WaitType,
                                                       BOOLEAN Alertable, PLARGE_INTEGER Timeout)
{
    if (Count == 0 || Count > MAXIMUM_WAIT_OBJECTS)
        return STATUS_INVALID_PARAMETER_1;
    if (WaitType != WaitAll && WaitType != WaitAny)
        return STATUS_INVALID_PARAMETER_3;
    PVOID objects[MAXIMUM_WAIT_OBJECTS];
    PVOID headers[MAXIMUM_WAIT_OBJECTS];
    KWAIT_BLOCK blocks[MAXIMUM_WAIT_OBJECTS];
    ULONG referenced = 0;
    NTSTATUS status = STATUS_SUCCESS;
    for (; referenced < Count; referenced++) {
        status = ObReferenceObjectByHandle(Handles[referenced], SYNCHRONIZE, NULL, KiCallerMode(KiThread()),
                                           &objects[referenced], NULL);
        if (!NT_SUCCESS(status))
            break;
        headers[referenced] = ExpWaitableHeader(objects[referenced]);
        if (!headers[referenced]) {
            status = STATUS_OBJECT_TYPE_MISMATCH;
            referenced++;
            break;
        }
        /* Waiting for all of them cannot name one object twice. */
        for (ULONG j = 0; WaitType == WaitAll && j < referenced; j++)
            if (headers[j] == headers[referenced])
                status = STATUS_INVALID_PARAMETER_MIX;
        if (!NT_SUCCESS(status)) {
            referenced++;
            break;
        }
    }
    if (NT_SUCCESS(status))
        status = KiWaitForMultipleObjects(Count, headers, WaitType, Alertable, Timeout, blocks);
    while (referenced > 0)
        ObfDereferenceObject(objects[--referenced]);
    return status;
}

/* @implemented: within the one application process. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtDuplicateObject(HANDLE SourceProcessHandle, HANDLE SourceHandle,
                                                HANDLE TargetProcessHandle, PHANDLE TargetHandle,
                                                ACCESS_MASK DesiredAccess, ULONG HandleAttributes, ULONG Options)
{
    PVOID object;
    OBJECT_HANDLE_INFORMATION info;
    KPROCESSOR_MODE mode = KiCallerMode(KiThread());
    NTSTATUS status = ObReferenceObjectByHandle(SourceHandle, 0, NULL, mode, &object, &info);
    if (!NT_SUCCESS(status))
        return status;
    ACCESS_MASK access = (Options & 0x2 /* DUPLICATE_SAME_ACCESS */)
                             ? info.GrantedAccess
                             : ObpMapGenericAccess(OBJECT_TO_OBJECT_HEADER(object)->Type, DesiredAccess);
    if (TargetHandle)
        status = ObpCreateHandle(KiThread()->Process, object, access, 0, TargetHandle);
    ObfDereferenceObject(object);
    if (NT_SUCCESS(status) && (Options & 0x1 /* DUPLICATE_CLOSE_SOURCE */))
        ObpCloseHandle(SourceHandle, mode);
    return status;
}
