/*
 * event.c - event objects as seen through handles (NtCreateEvent and
 * friends): an object-manager object whose body is a KEVENT, so a driver can
 * ObReferenceObjectByHandle a handle an application created with CreateEvent.
 */
#include <internal/ob.h>

#define EVENT_QUERY_STATE 0x0001
#define EVENT_MODIFY_STATE 0x0002
#define EVENT_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x3)

static OBJECT_TYPE ExpEventType = {.Name = "Event", .PoolTag = 'nevE',
                                   .GenericRead = STANDARD_RIGHTS_READ | EVENT_QUERY_STATE,
                                   .GenericWrite = STANDARD_RIGHTS_WRITE | EVENT_MODIFY_STATE,
                                   .GenericExecute = STANDARD_RIGHTS_EXECUTE | SYNCHRONIZE,
                                   .GenericAll = EVENT_ALL_ACCESS};
POBJECT_TYPE ExpEventObjectType = &ExpEventType;
DECLSPEC_EXPORT POBJECT_TYPE *ExEventObjectType = &ExpEventObjectType;

static KPROCESSOR_MODE ExpCallerMode(void)
{
    return KiThread()->KernelDepth > 0 ? KernelMode : UserMode;
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
    ULONG attributes = ObjectAttributes ? ObjectAttributes->Attributes : 0;
    if (ObjectAttributes && ObjectAttributes->ObjectName && ObjectAttributes->ObjectName->Length) {
        status = ObpInsertObjectName(object, ObjectAttributes->ObjectName, attributes);
        if (!NT_SUCCESS(status)) {
            ObfDereferenceObject(object);
            return status;
        }
    }
    PEPROCESS process = (attributes & OBJ_KERNEL_HANDLE) ? PsInitialSystemProcess : KiThread()->Process;
    status = ObpCreateHandle(process, object, ObpMapGenericAccess(&ExpEventType, DesiredAccess),
                             attributes & OBJ_KERNEL_HANDLE, EventHandle);
    ObfDereferenceObject(object);
    return status;
}

static NTSTATUS ExpEventOperation(HANDLE EventHandle, ACCESS_MASK Access, int Operation, PLONG PreviousState)
{
    PVOID object;
    NTSTATUS status = ObReferenceObjectByHandle(EventHandle, Access, ExpEventObjectType, ExpCallerMode(), &object,
                                                NULL);
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

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI NtWaitForSingleObject(HANDLE Handle, BOOLEAN Alertable, PLARGE_INTEGER Timeout)
{
    PVOID object;
    NTSTATUS status = ObReferenceObjectByHandle(Handle, SYNCHRONIZE, NULL, ExpCallerMode(), &object, NULL);
    if (!NT_SUCCESS(status))
        return status;
    POBJECT_TYPE type = OBJECT_TO_OBJECT_HEADER(object)->Type;
    PDISPATCHER_HEADER header = NULL;
    if (type == ExpEventObjectType || type == *PsThreadType || type == *PsProcessType)
        header = object;
    else if (type == *IoFileObjectType)
        header = &((PFILE_OBJECT)object)->Event.Header;
    if (!header) {
        ObfDereferenceObject(object);
        return STATUS_OBJECT_TYPE_MISMATCH;
    }
    status = KiWaitForObject(header, Alertable, Timeout);
    ObfDereferenceObject(object);
    return status;
}

/* @implemented: within the one application process. */
DECLSPEC_EXPORT NTSTATUS NTAPI NtDuplicateObject(HANDLE SourceProcessHandle, HANDLE SourceHandle,
                                                HANDLE TargetProcessHandle, PHANDLE TargetHandle,
                                                ACCESS_MASK DesiredAccess, ULONG HandleAttributes, ULONG Options)
{
    PVOID object;
    OBJECT_HANDLE_INFORMATION info;
    KPROCESSOR_MODE mode = ExpCallerMode();
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
