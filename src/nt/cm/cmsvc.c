/*
 * cmsvc.c - the registry's system services, Nt (for the Win32 subset,
 * previous mode from the caller) and Zw (kernel mode): create, open,
 * query, enumerate, set and delete keys and values, flush.
 *
 * Paths are full ("\Registry\Machine\...", through the object manager and
 * \REGISTRY's parse procedure) or relative to a RootDirectory key handle.
 * No ACLs are evaluated: a handle is granted the access it asked for
 * (MAXIMUM_ALLOWED: KEY_ALL_ACCESS), and user-mode handles are checked
 * against it.
 */
#include <internal/cm.h>
#include <internal/mm.h>
#include <internal/ntk_alloc.h>

static BOOLEAN CmpIsRegistryPath(PCUNICODE_STRING Name)
{
    static const WCHAR prefix[] = L"\\REGISTRY";
    USHORT n = Name->Length / sizeof(WCHAR), p = RTL_NUMBER_OF(prefix) - 1;
    if (n < p)
        return FALSE;
    for (USHORT i = 0; i < p; i++)
        if (RtlUpcaseUnicodeChar(Name->Buffer[i]) != prefix[i])
            return FALSE;
    return n == p || Name->Buffer[p] == L'\\';
}

NTSTATUS CmpOpenKey(PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                    PCM_PARSE_CONTEXT Context, KPROCESSOR_MODE Mode)
{
    CmpInitialize();
    if (!KeyHandle || !ObjectAttributes)
        return STATUS_INVALID_PARAMETER;
    *KeyHandle = NULL;
    if (ObjectAttributes->Length != sizeof(OBJECT_ATTRIBUTES))
        return STATUS_INVALID_PARAMETER;
    ULONG attributes = ObjectAttributes->Attributes;
    if (Mode == UserMode)
        attributes &= ~OBJ_KERNEL_HANDLE;
    PUNICODE_STRING name = ObjectAttributes->ObjectName;
    UNICODE_STRING empty = {0, 0, NULL};
    if (!name)
        name = &empty;
    if ((name->Length & 1) || (name->Length && !name->Buffer))
        return STATUS_OBJECT_NAME_INVALID;
    Context->Magic = CMP_PARSE_MAGIC;
    PVOID object = NULL;
    NTSTATUS status;
    if (ObjectAttributes->RootDirectory) {
        if (name->Length && name->Buffer[0] == L'\\')
            return STATUS_OBJECT_PATH_SYNTAX_BAD;
        PVOID root;
        status = ObReferenceObjectByHandle(ObjectAttributes->RootDirectory, 0, CmpKeyObjectType, Mode, &root, NULL);
        if (!NT_SUCCESS(status))
            return status;
        PCM_KEY_NODE node;
        ObpAcquireLock(&CmpRegistryLock);
        status = CmpParsePath(((PCM_KEY_BODY)root)->Node, name, Context, &node);
        if (NT_SUCCESS(status))
            status = CmpCreateKeyBody(node, &object);
        ObpReleaseLock(&CmpRegistryLock);
        ObfDereferenceObject(root);
    } else {
        if (!name->Length)
            return STATUS_OBJECT_PATH_SYNTAX_BAD;
        if (CmpIsRegistryPath(name))
            status = ObpLookupObjectName(name, attributes | OBJ_CASE_INSENSITIVE, CmpKeyObjectType, Context, Mode,
                                         &object);
        else
            status = ObpLookupObjectName(name, attributes, CmpKeyObjectType, NULL, Mode, &object);
    }
    if (!NT_SUCCESS(status))
        return status;
    ACCESS_MASK access = DesiredAccess & MAXIMUM_ALLOWED ? KEY_ALL_ACCESS : 0;
    access |= ObpMapGenericAccess(CmpKeyObjectType, DesiredAccess & ~MAXIMUM_ALLOWED);
    PEPROCESS process = (attributes & OBJ_KERNEL_HANDLE) ? PsInitialSystemProcess : KiThread()->Process;
    status = ObpCreateHandle(process, object, access, attributes & OBJ_KERNEL_HANDLE, KeyHandle);
    ObfDereferenceObject(object);
    return status;
}

static NTSTATUS CmpCreateKey(PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                             PUNICODE_STRING Class, ULONG CreateOptions, PULONG Disposition, KPROCESSOR_MODE Mode)
{
    if (CreateOptions & ~REG_LEGAL_OPTION)
        return STATUS_INVALID_PARAMETER;
    if (CreateOptions & REG_OPTION_CREATE_LINK)
        return KiNotImplemented("ZwCreateKey", "REG_OPTION_CREATE_LINK (symbolic-link keys)");
    CM_PARSE_CONTEXT context = {.Create = TRUE, .CreateOptions = CreateOptions, .Class = Class};
    NTSTATUS status = CmpOpenKey(KeyHandle, DesiredAccess, ObjectAttributes, &context, Mode);
    if (NT_SUCCESS(status) && Disposition)
        *Disposition = context.Disposition;
    return status;
}

/* References the key behind a handle with the access an operation needs. */
static NTSTATUS CmpReferenceKey(HANDLE KeyHandle, ACCESS_MASK Access, KPROCESSOR_MODE Mode, PCM_KEY_BODY *Body)
{
    CmpInitialize();
    return ObReferenceObjectByHandle(KeyHandle, Access, CmpKeyObjectType, Mode, (PVOID *)Body, NULL);
}

static NTSTATUS CmpProbeOutput(PVOID Buffer, ULONG Length, PULONG ResultLength, KPROCESSOR_MODE Mode)
{
    if (!ResultLength)
        return STATUS_INVALID_PARAMETER;
    if (Length && !Buffer)
        return STATUS_ACCESS_VIOLATION;
    if (Mode == UserMode) {
        NTSTATUS status = MmpProbeUserBuffer(ResultLength, sizeof(ULONG), TRUE);
        if (NT_SUCCESS(status) && Length)
            status = MmpProbeUserBuffer(Buffer, Length, TRUE);
        return status;
    }
    return STATUS_SUCCESS;
}

/* The largest name, class and value sizes of a key (KeyFullInformation). */
static void CmpKeyMaxima(PCM_KEY_NODE k, ULONG *MaxName, ULONG *MaxClass, ULONG *MaxValueName, ULONG *MaxValueData)
{
    *MaxName = *MaxClass = *MaxValueName = *MaxValueData = 0;
    for (PLIST_ENTRY e = k->Subkeys.Flink; e != &k->Subkeys; e = e->Flink) {
        PCM_KEY_NODE s = CONTAINING_RECORD(e, CM_KEY_NODE, SiblingEntry);
        if (s->Name.Length > *MaxName)
            *MaxName = s->Name.Length;
        if (s->Class.Length > *MaxClass)
            *MaxClass = s->Class.Length;
    }
    for (PLIST_ENTRY e = k->Values.Flink; e != &k->Values; e = e->Flink) {
        PCM_KEY_VALUE v = CONTAINING_RECORD(e, CM_KEY_VALUE, Entry);
        if (v->Name.Length > *MaxValueName)
            *MaxValueName = v->Name.Length;
        if (v->DataLength > *MaxValueData)
            *MaxValueData = v->DataLength;
    }
}

static void CmpCopyPart(PUCHAR Buffer, ULONG Length, ULONG Offset, const void *Src, ULONG Size)
{
    if (Offset >= Length || !Size)
        return;
    memcpy(Buffer + Offset, Src, Size < Length - Offset ? Size : Length - Offset);
}

/* The KEY_*_INFORMATION classes, with the buffer rules of
 * CmpQueryValueInformation (fixed part or STATUS_BUFFER_TOO_SMALL; partial
 * answer and STATUS_BUFFER_OVERFLOW). */
static NTSTATUS CmpQueryKeyInformation(PCM_KEY_NODE k, KEY_INFORMATION_CLASS Class, PVOID Buffer, ULONG Length,
                                       PULONG ResultLength, BOOLEAN Enumerating)
{
    PUCHAR out = Buffer;
    ULONG fixed, needed, nameLength = k->Name.Length, classLength = k->Class.Length;
    switch (Class) {
    case KeyBasicInformation: {
        fixed = FIELD_OFFSET(KEY_BASIC_INFORMATION, Name);
        needed = fixed + nameLength;
        *ResultLength = needed;
        if (Length < fixed)
            return STATUS_BUFFER_TOO_SMALL;
        PKEY_BASIC_INFORMATION info = Buffer;
        info->LastWriteTime = k->LastWriteTime;
        info->TitleIndex = 0;
        info->NameLength = nameLength;
        CmpCopyPart(out, Length, fixed, k->Name.Buffer, nameLength);
        return Length < needed ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
    }
    case KeyNodeInformation: {
        fixed = FIELD_OFFSET(KEY_NODE_INFORMATION, Name);
        ULONG classOffset = classLength ? ((fixed + nameLength + 3) & ~3u) : 0xFFFFFFFF;
        needed = classLength ? classOffset + classLength : fixed + nameLength;
        *ResultLength = needed;
        if (Length < fixed)
            return STATUS_BUFFER_TOO_SMALL;
        PKEY_NODE_INFORMATION info = Buffer;
        info->LastWriteTime = k->LastWriteTime;
        info->TitleIndex = 0;
        info->ClassOffset = classOffset;
        info->ClassLength = classLength;
        info->NameLength = nameLength;
        CmpCopyPart(out, Length, fixed, k->Name.Buffer, nameLength);
        if (classLength)
            CmpCopyPart(out, Length, classOffset, k->Class.Buffer, classLength);
        return Length < needed ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
    }
    case KeyFullInformation: {
        fixed = FIELD_OFFSET(KEY_FULL_INFORMATION, Class);
        needed = fixed + classLength;
        *ResultLength = needed;
        if (Length < fixed)
            return STATUS_BUFFER_TOO_SMALL;
        PKEY_FULL_INFORMATION info = Buffer;
        info->LastWriteTime = k->LastWriteTime;
        info->TitleIndex = 0;
        info->ClassOffset = classLength ? fixed : 0xFFFFFFFF;
        info->ClassLength = classLength;
        info->SubKeys = k->SubkeyCount;
        info->Values = k->ValueCount;
        CmpKeyMaxima(k, &info->MaxNameLen, &info->MaxClassLen, &info->MaxValueNameLen, &info->MaxValueDataLen);
        CmpCopyPart(out, Length, fixed, k->Class.Buffer, classLength);
        return Length < needed ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
    }
    case KeyCachedInformation: {
        fixed = needed = sizeof(KEY_CACHED_INFORMATION);
        *ResultLength = needed;
        if (Length < fixed)
            return STATUS_BUFFER_TOO_SMALL;
        PKEY_CACHED_INFORMATION info = Buffer;
        ULONG maxClass;
        info->LastWriteTime = k->LastWriteTime;
        info->TitleIndex = 0;
        info->SubKeys = k->SubkeyCount;
        info->Values = k->ValueCount;
        info->NameLength = nameLength;
        CmpKeyMaxima(k, &info->MaxNameLen, &maxClass, &info->MaxValueNameLen, &info->MaxValueDataLen);
        return STATUS_SUCCESS;
    }
    case KeyNameInformation: {
        if (Enumerating)
            return STATUS_INVALID_PARAMETER;
        UNICODE_STRING full;
        NTSTATUS status = CmpFullKeyName(k, &full);
        if (!NT_SUCCESS(status))
            return status;
        fixed = FIELD_OFFSET(KEY_NAME_INFORMATION, Name);
        needed = fixed + full.Length;
        *ResultLength = needed;
        if (Length < fixed) {
            status = STATUS_BUFFER_TOO_SMALL;
        } else {
            ((PKEY_NAME_INFORMATION)Buffer)->NameLength = full.Length;
            CmpCopyPart(out, Length, fixed, full.Buffer, full.Length);
            status = Length < needed ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
        }
        KipFree(full.Buffer);
        return status;
    }
    default:
        return STATUS_INVALID_PARAMETER;
    }
}

static NTSTATUS CmpQueryKey(HANDLE KeyHandle, KEY_INFORMATION_CLASS Class, PVOID Buffer, ULONG Length,
                            PULONG ResultLength, KPROCESSOR_MODE Mode)
{
    NTSTATUS status = CmpProbeOutput(Buffer, Length, ResultLength, Mode);
    if (!NT_SUCCESS(status))
        return status;
    PCM_KEY_BODY body;
    /* The name needs no access right; the rest KEY_QUERY_VALUE. */
    status = CmpReferenceKey(KeyHandle, Class == KeyNameInformation ? 0 : KEY_QUERY_VALUE, Mode, &body);
    if (!NT_SUCCESS(status))
        return status;
    ObpAcquireLock(&CmpRegistryLock);
    if (body->Node->Deleted)
        status = STATUS_KEY_DELETED;
    else
        status = CmpQueryKeyInformation(body->Node, Class, Buffer, Length, ResultLength, FALSE);
    ObpReleaseLock(&CmpRegistryLock);
    ObfDereferenceObject(body);
    return status;
}

static NTSTATUS CmpEnumerateKey(HANDLE KeyHandle, ULONG Index, KEY_INFORMATION_CLASS Class, PVOID Buffer,
                                ULONG Length, PULONG ResultLength, KPROCESSOR_MODE Mode)
{
    NTSTATUS status = CmpProbeOutput(Buffer, Length, ResultLength, Mode);
    if (!NT_SUCCESS(status))
        return status;
    if (Class != KeyBasicInformation && Class != KeyNodeInformation && Class != KeyFullInformation &&
        Class != KeyCachedInformation)
        return STATUS_INVALID_PARAMETER;
    PCM_KEY_BODY body;
    status = CmpReferenceKey(KeyHandle, KEY_ENUMERATE_SUB_KEYS, Mode, &body);
    if (!NT_SUCCESS(status))
        return status;
    ObpAcquireLock(&CmpRegistryLock);
    PCM_KEY_NODE k = body->Node;
    if (k->Deleted) {
        status = STATUS_KEY_DELETED;
    } else if (Index >= k->SubkeyCount) {
        status = STATUS_NO_MORE_ENTRIES;
    } else {
        PLIST_ENTRY e = k->Subkeys.Flink;
        for (ULONG i = 0; i < Index; i++)
            e = e->Flink;
        status = CmpQueryKeyInformation(CONTAINING_RECORD(e, CM_KEY_NODE, SiblingEntry), Class, Buffer, Length,
                                        ResultLength, TRUE);
    }
    ObpReleaseLock(&CmpRegistryLock);
    ObfDereferenceObject(body);
    return status;
}

/* NtQueryValueKey (by name; a NULL name is the default value) and
 * NtEnumerateValueKey (by index): the same checks, lookup and answer. */
static NTSTATUS CmpReadValue(HANDLE KeyHandle, BOOLEAN ByIndex, PUNICODE_STRING ValueName, ULONG Index,
                             KEY_VALUE_INFORMATION_CLASS Class, PVOID Buffer, ULONG Length, PULONG ResultLength,
                             KPROCESSOR_MODE Mode)
{
    NTSTATUS status = CmpProbeOutput(Buffer, Length, ResultLength, Mode);
    if (!NT_SUCCESS(status))
        return status;
    PCM_KEY_BODY body;
    status = CmpReferenceKey(KeyHandle, KEY_QUERY_VALUE, Mode, &body);
    if (!NT_SUCCESS(status))
        return status;
    ObpAcquireLock(&CmpRegistryLock);
    PCM_KEY_NODE node = body->Node;
    PCM_KEY_VALUE v = node->Deleted ? NULL : ByIndex ? CmpValueAt(node, Index) : CmpFindValue(node, ValueName);
    if (node->Deleted)
        status = STATUS_KEY_DELETED;
    else if (!v)
        status = ByIndex ? STATUS_NO_MORE_ENTRIES : STATUS_OBJECT_NAME_NOT_FOUND;
    else
        status = CmpQueryValueInformation(v, Class, Buffer, Length, ResultLength);
    ObpReleaseLock(&CmpRegistryLock);
    ObfDereferenceObject(body);
    return status;
}

static NTSTATUS CmpSetValueKey(HANDLE KeyHandle, PUNICODE_STRING ValueName, ULONG Type, PVOID Data, ULONG DataSize,
                               KPROCESSOR_MODE Mode)
{
    if (DataSize && !Data)
        return STATUS_ACCESS_VIOLATION;
    if (ValueName && ((ValueName->Length & 1) || (ValueName->Length && !ValueName->Buffer) ||
                      ValueName->Length > 16383 * sizeof(WCHAR)))
        return STATUS_INVALID_PARAMETER;
    if (Mode == UserMode && DataSize) {
        NTSTATUS status = MmpProbeUserBuffer(Data, DataSize, FALSE);
        if (!NT_SUCCESS(status))
            return status;
    }
    PCM_KEY_BODY body;
    NTSTATUS status = CmpReferenceKey(KeyHandle, KEY_SET_VALUE, Mode, &body);
    if (!NT_SUCCESS(status))
        return status;
    ObpAcquireLock(&CmpRegistryLock);
    status = CmpSetValue(body->Node, ValueName, Type, Data, DataSize);
    ObpReleaseLock(&CmpRegistryLock);
    ObfDereferenceObject(body);
    return status;
}

static NTSTATUS CmpDeleteValueKey(HANDLE KeyHandle, PUNICODE_STRING ValueName, KPROCESSOR_MODE Mode)
{
    PCM_KEY_BODY body;
    NTSTATUS status = CmpReferenceKey(KeyHandle, KEY_SET_VALUE, Mode, &body);
    if (!NT_SUCCESS(status))
        return status;
    ObpAcquireLock(&CmpRegistryLock);
    status = CmpDeleteValue(body->Node, ValueName);
    ObpReleaseLock(&CmpRegistryLock);
    ObfDereferenceObject(body);
    return status;
}

static NTSTATUS CmpDeleteKey(HANDLE KeyHandle, KPROCESSOR_MODE Mode)
{
    PCM_KEY_BODY body;
    NTSTATUS status = CmpReferenceKey(KeyHandle, DELETE, Mode, &body);
    if (!NT_SUCCESS(status))
        return status;
    ObpAcquireLock(&CmpRegistryLock);
    status = CmpDeleteNode(body->Node);
    ObpReleaseLock(&CmpRegistryLock);
    ObfDereferenceObject(body);
    return status;
}

static NTSTATUS CmpFlushKey(HANDLE KeyHandle, KPROCESSOR_MODE Mode)
{
    PCM_KEY_BODY body;
    NTSTATUS status = CmpReferenceKey(KeyHandle, 0, Mode, &body);
    if (!NT_SUCCESS(status))
        return status;
    /* Every change was committed to the store when it was made. */
    status = body->Node->Deleted ? STATUS_KEY_DELETED : STATUS_SUCCESS;
    ObfDereferenceObject(body);
    return status;
}

/* Each service once for Zw (kernel mode, entered as a service) and once
 * for Nt (the caller's mode). */
#define CMP_SERVICE(zw, nt, call_mode, params, args)                                                           \
    /* @implemented */                                                                                         \
    DECLSPEC_EXPORT NTSTATUS NTAPI zw params                                                                   \
    {                                                                                                          \
        KI_CHECK_IRQL(zw);                                                                                     \
        KPROCESSOR_MODE Mode = KernelMode;                                                                     \
        return KI_AS_KERNEL_CALLER(call_mode args);                                                            \
    }                                                                                                          \
    /* @implemented */                                                                                         \
    DECLSPEC_EXPORT NTSTATUS NTAPI nt params                                                                   \
    {                                                                                                          \
        PKTHREAD t = KiThread();                                                                               \
        KPROCESSOR_MODE Mode = KiCallerMode(t);                                                                \
        KPROCESSOR_MODE saved = KiEnterService(t, Mode);                                                       \
        NTSTATUS status = call_mode args;                                                                      \
        KiLeaveService(t, saved);                                                                              \
        return status;                                                                                         \
    }

static NTSTATUS CmpOpenKeyService(PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                                  ULONG OpenOptions, KPROCESSOR_MODE Mode)
{
    if (OpenOptions & ~(REG_OPTION_OPEN_LINK | REG_OPTION_BACKUP_RESTORE | REG_OPTION_DONT_VIRTUALIZE))
        return STATUS_INVALID_PARAMETER;
    CM_PARSE_CONTEXT context = {.Create = FALSE};
    return CmpOpenKey(KeyHandle, DesiredAccess, ObjectAttributes, &context, Mode);
}

CMP_SERVICE(ZwCreateKey, NtCreateKey, CmpCreateKey,
            (PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes, ULONG TitleIndex,
             PUNICODE_STRING Class, ULONG CreateOptions, PULONG Disposition),
            (KeyHandle, DesiredAccess, ObjectAttributes, Class, CreateOptions, Disposition, Mode))
CMP_SERVICE(ZwOpenKey, NtOpenKey, CmpOpenKeyService,
            (PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes),
            (KeyHandle, DesiredAccess, ObjectAttributes, 0, Mode))
CMP_SERVICE(ZwOpenKeyEx, NtOpenKeyEx, CmpOpenKeyService,
            (PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes, ULONG OpenOptions),
            (KeyHandle, DesiredAccess, ObjectAttributes, OpenOptions, Mode))
CMP_SERVICE(ZwQueryKey, NtQueryKey, CmpQueryKey,
            (HANDLE KeyHandle, KEY_INFORMATION_CLASS KeyInformationClass, PVOID KeyInformation, ULONG Length,
             PULONG ResultLength),
            (KeyHandle, KeyInformationClass, KeyInformation, Length, ResultLength, Mode))
CMP_SERVICE(ZwEnumerateKey, NtEnumerateKey, CmpEnumerateKey,
            (HANDLE KeyHandle, ULONG Index, KEY_INFORMATION_CLASS KeyInformationClass, PVOID KeyInformation,
             ULONG Length, PULONG ResultLength),
            (KeyHandle, Index, KeyInformationClass, KeyInformation, Length, ResultLength, Mode))
CMP_SERVICE(ZwQueryValueKey, NtQueryValueKey, CmpReadValue,
            (HANDLE KeyHandle, PUNICODE_STRING ValueName, KEY_VALUE_INFORMATION_CLASS KeyValueInformationClass,
             PVOID KeyValueInformation, ULONG Length, PULONG ResultLength),
            (KeyHandle, FALSE, ValueName, 0, KeyValueInformationClass, KeyValueInformation, Length, ResultLength, Mode))
CMP_SERVICE(ZwEnumerateValueKey, NtEnumerateValueKey, CmpReadValue,
            (HANDLE KeyHandle, ULONG Index, KEY_VALUE_INFORMATION_CLASS KeyValueInformationClass,
             PVOID KeyValueInformation, ULONG Length, PULONG ResultLength),
            (KeyHandle, TRUE, NULL, Index, KeyValueInformationClass, KeyValueInformation, Length, ResultLength, Mode))
CMP_SERVICE(ZwSetValueKey, NtSetValueKey, CmpSetValueKey,
            (HANDLE KeyHandle, PUNICODE_STRING ValueName, ULONG TitleIndex, ULONG Type, PVOID Data,
             ULONG DataSize),
            (KeyHandle, ValueName, Type, Data, DataSize, Mode))
CMP_SERVICE(ZwDeleteValueKey, NtDeleteValueKey, CmpDeleteValueKey, (HANDLE KeyHandle, PUNICODE_STRING ValueName),
            (KeyHandle, ValueName, Mode))
CMP_SERVICE(ZwDeleteKey, NtDeleteKey, CmpDeleteKey, (HANDLE KeyHandle), (KeyHandle, Mode))
CMP_SERVICE(ZwFlushKey, NtFlushKey, CmpFlushKey, (HANDLE KeyHandle), (KeyHandle, Mode))
