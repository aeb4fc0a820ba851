/*
 * scm_filter.c - a filter attached above scm_driver.c's device
 * (\Device\E2eScm): it passes every request down, and in DriverUnload
 * detaches and deletes its device. While attached it keeps the driver
 * below from unloading (a stop of that driver stays pending); its detach
 * lets that unload happen.
 */
#include <ntddk.h>
#include "scm_driver.h"

typedef struct _SCM_FILTER_EXTENSION {
    PDEVICE_OBJECT Lower;
} SCM_FILTER_EXTENSION, *PSCM_FILTER_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD ScmFilter_Unload;
DRIVER_DISPATCH ScmFilter_PassDown;

NTSTATUS ScmFilter_PassDown(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PSCM_FILTER_EXTENSION ext = DeviceObject->DeviceExtension;
    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(ext->Lower, Irp);
}

VOID ScmFilter_Unload(PDRIVER_OBJECT DriverObject)
{
    PDEVICE_OBJECT filter = DriverObject->DeviceObject;
    if (filter) {
        PSCM_FILTER_EXTENSION ext = filter->DeviceExtension;
        IoDetachDevice(ext->Lower);
        IoDeleteDevice(filter);
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING targetName = RTL_CONSTANT_STRING(SCM_DRIVER_DEVICE_NAME);
    PFILE_OBJECT file;
    PDEVICE_OBJECT target, filter;
    PSCM_FILTER_EXTENSION ext;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);

    for (int i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        DriverObject->MajorFunction[i] = ScmFilter_PassDown;
    DriverObject->DriverUnload = ScmFilter_Unload;

    status = IoGetDeviceObjectPointer(&targetName, FILE_READ_DATA, &file, &target);
    if (!NT_SUCCESS(status))
        return status;
    status = IoCreateDevice(DriverObject, sizeof(SCM_FILTER_EXTENSION), NULL, target->DeviceType,
                            target->Characteristics, FALSE, &filter);
    if (NT_SUCCESS(status)) {
        ext = filter->DeviceExtension;
        ext->Lower = IoAttachDeviceToDeviceStack(filter, target);
        if (!ext->Lower) {
            IoDeleteDevice(filter);
            status = STATUS_NO_SUCH_DEVICE;
        } else {
            filter->Flags |= target->Flags & (DO_BUFFERED_IO | DO_DIRECT_IO);
            filter->Flags &= ~DO_DEVICE_INITIALIZING;
        }
    }
    /* The attachment, not the file object, is what keeps the lower driver. */
    ObDereferenceObject(file);
    return status;
}
