/*
 * layout.c - compile-time proof that the structures drivers touch have the
 * Windows x64 layout (sizes and the offsets of the fields drivers use), so
 * that driver binaries built for Windows could one day use them as they are.
 */
#include <internal/io.h>
#include <ntddk.h>

#define LAYOUT(type, size) _Static_assert(sizeof(type) == (size), #type " must be " #size " bytes as on Windows x64")
#define OFFSET(type, field, off) \
    _Static_assert(__builtin_offsetof(type, field) == (off), #type "." #field " must be at " #off)

LAYOUT(LIST_ENTRY, 0x10);
LAYOUT(UNICODE_STRING, 0x10);
LAYOUT(LARGE_INTEGER, 0x8);
LAYOUT(IO_STATUS_BLOCK, 0x10);
LAYOUT(DISPATCHER_HEADER, 0x18);
LAYOUT(KEVENT, 0x18);
LAYOUT(KSEMAPHORE, 0x20);
LAYOUT(KDPC, 0x40);
LAYOUT(KAPC, 0x58);
LAYOUT(KDEVICE_QUEUE, 0x28);
LAYOUT(KDEVICE_QUEUE_ENTRY, 0x18);
LAYOUT(WAIT_CONTEXT_BLOCK, 0x48);
LAYOUT(MDL, 0x30);
LAYOUT(IRP, 0xD0);
LAYOUT(IO_STACK_LOCATION, 0x48);
LAYOUT(DEVICE_OBJECT, 0x150);
LAYOUT(DRIVER_OBJECT, 0x150);
LAYOUT(FILE_OBJECT, 0xD8);
LAYOUT(OBJECT_ATTRIBUTES, 0x30);
LAYOUT(KLOCK_QUEUE_HANDLE, 0x18);
LAYOUT(FILE_BASIC_INFORMATION, 0x28);
LAYOUT(FILE_STANDARD_INFORMATION, 0x18);
LAYOUT(FILE_POSITION_INFORMATION, 0x8);
LAYOUT(FILE_NETWORK_OPEN_INFORMATION, 0x38);
LAYOUT(FILE_END_OF_FILE_INFORMATION, 0x8);
LAYOUT(FILE_DISPOSITION_INFORMATION, 0x1);
OFFSET(FILE_STANDARD_INFORMATION, NumberOfLinks, 0x10);
OFFSET(FILE_STANDARD_INFORMATION, Directory, 0x15);
OFFSET(FILE_BASIC_INFORMATION, FileAttributes, 0x20);

OFFSET(DISPATCHER_HEADER, SignalState, 0x04);
OFFSET(DISPATCHER_HEADER, WaitListHead, 0x08);
OFFSET(KDPC, DeferredRoutine, 0x18);
OFFSET(KDPC, DeferredContext, 0x20);
OFFSET(KDPC, DpcData, 0x38);

OFFSET(MDL, MdlFlags, 0x0A);
OFFSET(MDL, MappedSystemVa, 0x18);
OFFSET(MDL, StartVa, 0x20);
OFFSET(MDL, ByteCount, 0x28);
OFFSET(MDL, ByteOffset, 0x2C);

OFFSET(IRP, MdlAddress, 0x08);
OFFSET(IRP, Flags, 0x10);
OFFSET(IRP, AssociatedIrp.SystemBuffer, 0x18);
OFFSET(IRP, ThreadListEntry, 0x20);
OFFSET(IRP, IoStatus, 0x30);
OFFSET(IRP, RequestorMode, 0x40);
OFFSET(IRP, PendingReturned, 0x41);
OFFSET(IRP, StackCount, 0x42);
OFFSET(IRP, CurrentLocation, 0x43);
OFFSET(IRP, Cancel, 0x44);
OFFSET(IRP, CancelIrql, 0x45);
OFFSET(IRP, AllocationFlags, 0x47);
OFFSET(IRP, UserIosb, 0x48);
OFFSET(IRP, UserEvent, 0x50);
OFFSET(IRP, Overlay, 0x58);
OFFSET(IRP, CancelRoutine, 0x68);
OFFSET(IRP, UserBuffer, 0x70);
OFFSET(IRP, Tail.Overlay.DeviceQueueEntry, 0x78);
OFFSET(IRP, Tail.Overlay.DriverContext, 0x78);
OFFSET(IRP, Tail.Overlay.Thread, 0x98);
OFFSET(IRP, Tail.Overlay.AuxiliaryBuffer, 0xA0);
OFFSET(IRP, Tail.Overlay.ListEntry, 0xA8);
OFFSET(IRP, Tail.Overlay.CurrentStackLocation, 0xB8);
OFFSET(IRP, Tail.Overlay.OriginalFileObject, 0xC0);
OFFSET(IRP, Tail.Apc, 0x78);

OFFSET(IO_STACK_LOCATION, Control, 0x03);
OFFSET(IO_STACK_LOCATION, Parameters, 0x08);
OFFSET(IO_STACK_LOCATION, Parameters.Create.Options, 0x10);
OFFSET(IO_STACK_LOCATION, Parameters.Create.FileAttributes, 0x18);
OFFSET(IO_STACK_LOCATION, Parameters.Create.EaLength, 0x20);
OFFSET(IO_STACK_LOCATION, Parameters.Read.Key, 0x10);
OFFSET(IO_STACK_LOCATION, Parameters.Read.ByteOffset, 0x18);
OFFSET(IO_STACK_LOCATION, Parameters.DeviceIoControl.OutputBufferLength, 0x08);
OFFSET(IO_STACK_LOCATION, Parameters.DeviceIoControl.InputBufferLength, 0x10);
OFFSET(IO_STACK_LOCATION, Parameters.DeviceIoControl.IoControlCode, 0x18);
OFFSET(IO_STACK_LOCATION, Parameters.DeviceIoControl.Type3InputBuffer, 0x20);
OFFSET(IO_STACK_LOCATION, DeviceObject, 0x28);
OFFSET(IO_STACK_LOCATION, FileObject, 0x30);
OFFSET(IO_STACK_LOCATION, CompletionRoutine, 0x38);
OFFSET(IO_STACK_LOCATION, Context, 0x40);

OFFSET(DEVICE_OBJECT, ReferenceCount, 0x04);
OFFSET(DEVICE_OBJECT, DriverObject, 0x08);
OFFSET(DEVICE_OBJECT, NextDevice, 0x10);
OFFSET(DEVICE_OBJECT, AttachedDevice, 0x18);
OFFSET(DEVICE_OBJECT, CurrentIrp, 0x20);
OFFSET(DEVICE_OBJECT, Flags, 0x30);
OFFSET(DEVICE_OBJECT, Characteristics, 0x34);
OFFSET(DEVICE_OBJECT, DeviceExtension, 0x40);
OFFSET(DEVICE_OBJECT, DeviceType, 0x48);
OFFSET(DEVICE_OBJECT, StackSize, 0x4C);
OFFSET(DEVICE_OBJECT, Queue, 0x50);
OFFSET(DEVICE_OBJECT, AlignmentRequirement, 0x98);
OFFSET(DEVICE_OBJECT, DeviceQueue, 0xA0);
OFFSET(DEVICE_OBJECT, Dpc, 0xC8);
OFFSET(DEVICE_OBJECT, DeviceLock, 0x118);
OFFSET(DEVICE_OBJECT, DeviceObjectExtension, 0x138);

OFFSET(DRIVER_OBJECT, DeviceObject, 0x08);
OFFSET(DRIVER_OBJECT, Flags, 0x10);
OFFSET(DRIVER_OBJECT, DriverStart, 0x18);
OFFSET(DRIVER_OBJECT, DriverExtension, 0x30);
OFFSET(DRIVER_OBJECT, DriverName, 0x38);
OFFSET(DRIVER_OBJECT, FastIoDispatch, 0x50);
OFFSET(DRIVER_OBJECT, DriverInit, 0x58);
OFFSET(DRIVER_OBJECT, DriverStartIo, 0x60);
OFFSET(DRIVER_OBJECT, DriverUnload, 0x68);
OFFSET(DRIVER_OBJECT, MajorFunction, 0x70);

OFFSET(FILE_OBJECT, DeviceObject, 0x08);
OFFSET(FILE_OBJECT, FsContext, 0x18);
OFFSET(FILE_OBJECT, FsContext2, 0x20);
OFFSET(FILE_OBJECT, FinalStatus, 0x38);
OFFSET(FILE_OBJECT, Flags, 0x50);
OFFSET(FILE_OBJECT, FileName, 0x58);
OFFSET(FILE_OBJECT, CurrentByteOffset, 0x68);
OFFSET(FILE_OBJECT, Lock, 0x80);
OFFSET(FILE_OBJECT, Event, 0x98);
OFFSET(FILE_OBJECT, CompletionContext, 0xB0);
OFFSET(FILE_OBJECT, IrpList, 0xC0);
OFFSET(FILE_OBJECT, FileObjectExtension, 0xD0);
