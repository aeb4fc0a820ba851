/*
 * device.c - device objects: creation and deletion, device stacks
 * (attach/detach), and symbolic links to devices.
 */
#include <internal/io.h>
#include <internal/ntk_alloc.h>

/* A device keeps its driver object alive (as on Windows): whoever still
 * holds the device after the driver unloaded (an open that lost the race
 * with the unload) may look at it. */
static void IopDeleteDeviceObject(PVOID Object)
{
    PDEVICE_OBJECT device = Object;
    if (IopKnownDriver(device->DriverObject))
        ObfDereferenceObject(device->DriverObject);
}

static OBP_PARSE_PROCEDURE IopParseDevice;
static OBJECT_TYPE IopDeviceType = {.Name = "Device", .PoolTag = 'iveD', .GenericRead = 0x120089,
                                    .GenericWrite = 0x120116, .GenericExecute = 0x1200a0, .GenericAll = 0x1f01ff,
                                    .Parse = IopParseDevice, .Delete = IopDeleteDeviceObject};
POBJECT_TYPE IopDeviceObjectType = &IopDeviceType;
DECLSPEC_EXPORT POBJECT_TYPE *IoDeviceObjectType = &IopDeviceObjectType;

NTSTATUS IopParseDeviceForOpen(PDEVICE_OBJECT Device, PUNICODE_STRING RemainingName, PIOP_OPEN_PACKET Open,
                               KPROCESSOR_MODE AccessMode, ULONG Attributes, PVOID *Result);

static NTSTATUS IopParseDevice(PVOID Object, PUNICODE_STRING RemainingName, PVOID ParseContext,
                               KPROCESSOR_MODE AccessMode, ULONG Attributes, PVOID *Result)
{
    if (!ParseContext)
        return STATUS_OBJECT_PATH_NOT_FOUND; /* a path through a device that is not an open */
    return IopParseDeviceForOpen(Object, RemainingName, ParseContext, AccessMode, Attributes, Result);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoCreateDevice(PDRIVER_OBJECT DriverObject, ULONG DeviceExtensionSize,
                                             PUNICODE_STRING DeviceName, DEVICE_TYPE DeviceType,
                                             ULONG DeviceCharacteristics, BOOLEAN Exclusive,
                                             PDEVICE_OBJECT *DeviceObject)
{
    KI_CHECK_IRQL(IoCreateDevice);
    ULONG extension = ALIGN_UP_BY(DeviceExtensionSize, 16);
    ULONG size = sizeof(DEVICE_OBJECT) + extension + sizeof(IOP_DEVOBJ_EXTENSION);
    PVOID object;
    *DeviceObject = NULL;
    NTSTATUS status = ObpCreateObject(&IopDeviceType, size, &object);
    if (!NT_SUCCESS(status))
        return status;
    PDEVICE_OBJECT device = object;
    PIOP_DEVOBJ_EXTENSION doe = (PIOP_DEVOBJ_EXTENSION)((PUCHAR)object + sizeof(DEVICE_OBJECT) + extension);
    device->Type = IO_TYPE_DEVICE;
    device->Size = (USHORT)(sizeof(DEVICE_OBJECT) + DeviceExtensionSize);
    device->DriverObject = DriverObject;
    if (IopKnownDriver(DriverObject))
        ObfReferenceObject(DriverObject);
    device->Flags = DO_DEVICE_INITIALIZING | (Exclusive ? DO_EXCLUSIVE : 0) | (DeviceName ? DO_DEVICE_HAS_NAME : 0);
    device->Characteristics = DeviceCharacteristics;
    device->DeviceExtension = DeviceExtensionSize ? (PUCHAR)object + sizeof(DEVICE_OBJECT) : NULL;
    device->DeviceType = DeviceType;
    device->StackSize = 1;
    device->AlignmentRequirement = 0;
    device->SectorSize = 0;
    device->DeviceQueue.Type = DeviceQueueObject;
    device->DeviceQueue.Size = sizeof(KDEVICE_QUEUE);
    InitializeListHead(&device->DeviceQueue.DeviceListHead);
    KeInitializeEvent(&device->DeviceLock, SynchronizationEvent, TRUE);
    doe->Public.Type = IO_TYPE_DEVICE_OBJECT_EXTENSION;
    doe->Public.Size = sizeof(IOP_DEVOBJ_EXTENSION);
    doe->Public.DeviceObject = device;
    device->DeviceObjectExtension = &doe->Public;

    if (DeviceName && DeviceName->Length) {
        status = ObpInsertObjectName(object, DeviceName, OBJ_PERMANENT);
        if (!NT_SUCCESS(status)) {
            ObfDereferenceObject(object);
            return status;
        }
    }
    device->NextDevice = DriverObject->DeviceObject;
    DriverObject->DeviceObject = device;
    *DeviceObject = device;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoDeleteDevice(PDEVICE_OBJECT DeviceObject)
{
    KI_CHECK_IRQL(IoDeleteDevice);
    PIOP_DEVOBJ_EXTENSION doe = IopDeviceExtension(DeviceObject);
    if (__atomic_load_n(&doe->ExtensionFlags, __ATOMIC_RELAXED) & DOE_DELETE_PENDING)
        KiBugCheckAt(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x240, (ULONG_PTR)DeviceObject, 0, 0, NULL,
                     "IoDeleteDevice called twice for the same device object");
    __atomic_fetch_or(&doe->ExtensionFlags, DOE_DELETE_PENDING, __ATOMIC_RELAXED); /* opens read it */
    PDRIVER_OBJECT driver = DeviceObject->DriverObject;
    for (PDEVICE_OBJECT *link = &driver->DeviceObject; *link; link = &(*link)->NextDevice) {
        if (*link == DeviceObject) {
            *link = DeviceObject->NextDevice;
            break;
        }
    }
    IopDeleteIoTimer(DeviceObject);
    ObpRemoveObjectName(DeviceObject);
    ObfDereferenceObject(DeviceObject);
}

/* @implemented */
DECLSPEC_EXPORT PDEVICE_OBJECT NTAPI IoGetAttachedDevice(PDEVICE_OBJECT DeviceObject)
{
    while (DeviceObject->AttachedDevice)
        DeviceObject = DeviceObject->AttachedDevice;
    return DeviceObject;
}

/* @implemented */
DECLSPEC_EXPORT PDEVICE_OBJECT NTAPI IoGetAttachedDeviceReference(PDEVICE_OBJECT DeviceObject)
{
    PDEVICE_OBJECT top = IoGetAttachedDevice(DeviceObject);
    ObfReferenceObject(top);
    return top;
}

/* @implemented */
DECLSPEC_EXPORT PDEVICE_OBJECT NTAPI IoGetLowerDeviceObject(PDEVICE_OBJECT DeviceObject)
{
    PDEVICE_OBJECT lower = IopDeviceExtension(DeviceObject)->AttachedTo;
    if (lower)
        ObfReferenceObject(lower);
    return lower;
}

/* @implemented */
DECLSPEC_EXPORT PDEVICE_OBJECT NTAPI IoGetDeviceAttachmentBaseRef(PDEVICE_OBJECT DeviceObject)
{
    while (IopDeviceExtension(DeviceObject)->AttachedTo)
        DeviceObject = IopDeviceExtension(DeviceObject)->AttachedTo;
    ObfReferenceObject(DeviceObject);
    return DeviceObject;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoAttachDeviceToDeviceStackSafe(PDEVICE_OBJECT SourceDevice,
                                                              PDEVICE_OBJECT TargetDevice,
                                                              PDEVICE_OBJECT *AttachedToDeviceObject)
{
    PDEVICE_OBJECT top = IoGetAttachedDevice(TargetDevice);
    if (__atomic_load_n(&IopDeviceExtension(top)->ExtensionFlags, __ATOMIC_RELAXED) &
        (DOE_DELETE_PENDING | DOE_UNLOAD_PENDING)) {
        *AttachedToDeviceObject = NULL;
        return STATUS_NO_SUCH_DEVICE;
    }
    top->AttachedDevice = SourceDevice;
    SourceDevice->StackSize = (CCHAR)(top->StackSize + 1);
    SourceDevice->AlignmentRequirement = top->AlignmentRequirement;
    SourceDevice->SectorSize = top->SectorSize;
    IopDeviceExtension(SourceDevice)->AttachedTo = top;
    ObfReferenceObject(top);
    *AttachedToDeviceObject = top;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT PDEVICE_OBJECT NTAPI IoAttachDeviceToDeviceStack(PDEVICE_OBJECT SourceDevice,
                                                                PDEVICE_OBJECT TargetDevice)
{
    PDEVICE_OBJECT attached;
    return NT_SUCCESS(IoAttachDeviceToDeviceStackSafe(SourceDevice, TargetDevice, &attached)) ? attached : NULL;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoAttachDevice(PDEVICE_OBJECT SourceDevice, PUNICODE_STRING TargetDevice,
                                             PDEVICE_OBJECT *AttachedDevice)
{
    PVOID target;
    NTSTATUS status = ObReferenceObjectByName(TargetDevice, OBJ_CASE_INSENSITIVE, NULL, 0, IopDeviceObjectType,
                                              KernelMode, NULL, &target);
    if (!NT_SUCCESS(status))
        return status;
    status = IoAttachDeviceToDeviceStackSafe(SourceDevice, target, AttachedDevice);
    ObfDereferenceObject(target);
    return status;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI IoDetachDevice(PDEVICE_OBJECT TargetDevice)
{
    PDEVICE_OBJECT upper = TargetDevice->AttachedDevice;
    TargetDevice->AttachedDevice = NULL;
    if (upper && IopDeviceExtension(upper)->AttachedTo == TargetDevice) {
        IopDeviceExtension(upper)->AttachedTo = NULL;
        IopDeviceReleased(TargetDevice); /* its driver may be waiting to unload */
        ObfDereferenceObject(TargetDevice);
    }
}

/* @implemented */
DECLSPEC_EXPORT PDEVICE_OBJECT NTAPI IoGetRelatedDeviceObject(PFILE_OBJECT FileObject)
{
    return IoGetAttachedDevice(FileObject->DeviceObject);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoCreateSymbolicLink(PUNICODE_STRING SymbolicLinkName, PUNICODE_STRING DeviceName)
{
    KI_CHECK_IRQL(IoCreateSymbolicLink);
    return ObpCreateSymbolicLink(SymbolicLinkName, DeviceName, OBJ_PERMANENT | OBJ_CASE_INSENSITIVE, NULL);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoCreateUnprotectedSymbolicLink(PUNICODE_STRING SymbolicLinkName,
                                                              PUNICODE_STRING DeviceName)
{
    return IoCreateSymbolicLink(SymbolicLinkName, DeviceName);
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI IoDeleteSymbolicLink(PUNICODE_STRING SymbolicLinkName)
{
    KI_CHECK_IRQL(IoDeleteSymbolicLink);
    PVOID link;
    NTSTATUS status = ObpLookupObjectName(SymbolicLinkName, OBJ_CASE_INSENSITIVE | OBJ_OPENLINK,
                                          ObpSymbolicLinkObjectType, NULL, KernelMode, &link);
    if (!NT_SUCCESS(status))
        return status;
    OBJECT_TO_OBJECT_HEADER(link)->Flags &= ~OB_FLAG_PERMANENT;
    ObpRemoveObjectName(link);
    ObfDereferenceObject(link);
    return STATUS_SUCCESS;
}
