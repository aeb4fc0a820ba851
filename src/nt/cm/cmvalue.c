/*
 * cmvalue.c - registry values: a key's list of named, typed byte strings
 * (in creation order, the order ZwEnumerateValueKey reports), their
 * creation, replacement and deletion with write-through to the store, and
 * the KEY_VALUE_*_INFORMATION classes with the documented buffer rules.
 */
#include <internal/cm.h>
#include <internal/ntk_alloc.h>

static BOOLEAN CmpValueNameEqual(PCUNICODE_STRING a, PCUNICODE_STRING b)
{
    USHORT alen = a ? a->Length : 0, blen = b ? b->Length : 0;
    if (alen != blen)
        return FALSE;
    for (USHORT i = 0; i < alen / sizeof(WCHAR); i++)
        if (RtlUpcaseUnicodeChar(a->Buffer[i]) != RtlUpcaseUnicodeChar(b->Buffer[i]))
            return FALSE;
    return TRUE;
}

PCM_KEY_VALUE CmpFindValue(PCM_KEY_NODE Node, PCUNICODE_STRING Name)
{
    for (PLIST_ENTRY e = Node->Values.Flink; e != &Node->Values; e = e->Flink) {
        PCM_KEY_VALUE v = CONTAINING_RECORD(e, CM_KEY_VALUE, Entry);
        if (CmpValueNameEqual(&v->Name, Name))
            return v;
    }
    return NULL;
}

PCM_KEY_VALUE CmpValueAt(PCM_KEY_NODE Node, ULONG Index)
{
    if (Index >= Node->ValueCount)
        return NULL;
    PLIST_ENTRY e = Node->Values.Flink;
    while (Index--)
        e = e->Flink;
    return CONTAINING_RECORD(e, CM_KEY_VALUE, Entry);
}

void CmpFreeValue(PCM_KEY_VALUE Value)
{
    KipFree(Value->Name.Buffer);
    KipFree(Value->Data);
    KipFree(Value);
}

NTSTATUS CmpSetValue(PCM_KEY_NODE Node, PCUNICODE_STRING Name, ULONG Type, const void *Data, ULONG DataLength)
{
    if (Node->Deleted)
        return STATUS_KEY_DELETED;
    PUCHAR copy = KipAlloc(DataLength ? DataLength : 1);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    if (DataLength)
        memcpy(copy, Data, DataLength);
    PCM_KEY_VALUE v = CmpFindValue(Node, Name);
    BOOLEAN fresh = v == NULL;
    if (fresh) {
        v = KipAllocZero(sizeof *v);
        USHORT bytes = Name ? Name->Length : 0;
        WCHAR *name = v ? KipAlloc((size_t)bytes + sizeof(WCHAR)) : NULL;
        if (!name) {
            KipFree(v);
            KipFree(copy);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        if (bytes)
            memcpy(name, Name->Buffer, bytes);
        name[bytes / sizeof(WCHAR)] = 0;
        v->Name.Buffer = name;
        v->Name.Length = bytes;
        v->Name.MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
    }
    /* The store first: a value is changed only once it is committed. The
     * existing value keeps its name's spelling, as on Windows. */
    PUCHAR old = v->Data;
    ULONG oldType = v->Type, oldLength = v->DataLength;
    v->Data = copy;
    v->Type = Type;
    v->DataLength = DataLength;
    NTSTATUS status = Node->Volatile ? STATUS_SUCCESS : CmpStoreSetValue(Node, v);
    if (!NT_SUCCESS(status)) {
        if (fresh) {
            CmpFreeValue(v);
        } else {
            KipFree(copy);
            v->Data = old;
            v->Type = oldType;
            v->DataLength = oldLength;
        }
        return status;
    }
    KipFree(old);
    if (fresh) {
        InsertTailList(&Node->Values, &v->Entry);
        Node->ValueCount++;
    }
    Node->LastWriteTime = CmpNow();
    return STATUS_SUCCESS;
}

NTSTATUS CmpDeleteValue(PCM_KEY_NODE Node, PCUNICODE_STRING Name)
{
    if (Node->Deleted)
        return STATUS_KEY_DELETED;
    PCM_KEY_VALUE v = CmpFindValue(Node, Name);
    if (!v)
        return STATUS_OBJECT_NAME_NOT_FOUND;
    NTSTATUS status = Node->Volatile ? STATUS_SUCCESS : CmpStoreDeleteValue(Node, &v->Name);
    if (!NT_SUCCESS(status))
        return status;
    RemoveEntryList(&v->Entry);
    Node->ValueCount--;
    Node->LastWriteTime = CmpNow();
    CmpFreeValue(v);
    return STATUS_SUCCESS;
}

/* Copies what fits of Src into Buffer at Offset. */
static void CmpCopyPart(PUCHAR Buffer, ULONG Length, ULONG Offset, const void *Src, ULONG Size)
{
    if (Offset >= Length || !Size)
        return;
    memcpy(Buffer + Offset, Src, Size < Length - Offset ? Size : Length - Offset);
}

/*
 * Every class has a fixed part (up to the name or data). A buffer smaller
 * than the fixed part gets nothing: STATUS_BUFFER_TOO_SMALL. A buffer that
 * holds the fixed part but not everything gets the fixed part and as much
 * of the rest as fits: STATUS_BUFFER_OVERFLOW. ResultLength is always the
 * size of the whole answer.
 */
NTSTATUS CmpQueryValueInformation(PCM_KEY_VALUE Value, KEY_VALUE_INFORMATION_CLASS Class, PVOID Buffer,
                                  ULONG Length, PULONG ResultLength)
{
    PUCHAR out = Buffer;
    ULONG nameLength = Value->Name.Length, fixed, needed;
    switch (Class) {
    case KeyValueBasicInformation: {
        fixed = FIELD_OFFSET(KEY_VALUE_BASIC_INFORMATION, Name);
        needed = fixed + nameLength;
        *ResultLength = needed;
        if (Length < fixed)
            return STATUS_BUFFER_TOO_SMALL;
        PKEY_VALUE_BASIC_INFORMATION info = Buffer;
        info->TitleIndex = 0;
        info->Type = Value->Type;
        info->NameLength = nameLength;
        CmpCopyPart(out, Length, fixed, Value->Name.Buffer, nameLength);
        return Length < needed ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
    }
    case KeyValueFullInformation:
    case KeyValueFullInformationAlign64: {
        fixed = FIELD_OFFSET(KEY_VALUE_FULL_INFORMATION, Name);
        ULONG align = Class == KeyValueFullInformationAlign64 ? 8 : 4;
        /* The data start is aligned in memory, where the caller's buffer is. */
        ULONG_PTR dataAddress = ((ULONG_PTR)out + fixed + nameLength + align - 1) & ~(ULONG_PTR)(align - 1);
        ULONG dataOffset = (ULONG)(dataAddress - (ULONG_PTR)out);
        needed = dataOffset + Value->DataLength;
        *ResultLength = needed;
        if (Length < fixed)
            return STATUS_BUFFER_TOO_SMALL;
        PKEY_VALUE_FULL_INFORMATION info = Buffer;
        info->TitleIndex = 0;
        info->Type = Value->Type;
        info->DataOffset = dataOffset;
        info->DataLength = Value->DataLength;
        info->NameLength = nameLength;
        CmpCopyPart(out, Length, fixed, Value->Name.Buffer, nameLength);
        CmpCopyPart(out, Length, dataOffset, Value->Data, Value->DataLength);
        return Length < needed ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
    }
    case KeyValuePartialInformation: {
        fixed = FIELD_OFFSET(KEY_VALUE_PARTIAL_INFORMATION, Data);
        needed = fixed + Value->DataLength;
        *ResultLength = needed;
        if (Length < fixed)
            return STATUS_BUFFER_TOO_SMALL;
        PKEY_VALUE_PARTIAL_INFORMATION info = Buffer;
        info->TitleIndex = 0;
        info->Type = Value->Type;
        info->DataLength = Value->DataLength;
        CmpCopyPart(out, Length, fixed, Value->Data, Value->DataLength);
        return Length < needed ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
    }
    case KeyValuePartialInformationAlign64: {
        fixed = FIELD_OFFSET(KEY_VALUE_PARTIAL_INFORMATION_ALIGN64, Data);
        needed = fixed + Value->DataLength;
        *ResultLength = needed;
        if (Length < fixed)
            return STATUS_BUFFER_TOO_SMALL;
        PKEY_VALUE_PARTIAL_INFORMATION_ALIGN64 info = Buffer;
        info->Type = Value->Type;
        info->DataLength = Value->DataLength;
        CmpCopyPart(out, Length, fixed, Value->Data, Value->DataLength);
        return Length < needed ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
    }
    default:
        return STATUS_INVALID_PARAMETER;
    }
}
