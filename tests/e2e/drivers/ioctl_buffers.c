/*
 * ioctl_buffers.c - a test driver that reports what the I/O manager hands
 * it for each I/O control transfer method (ioctl_buffers.h).
 *
 * For the inspection codes it records the buffer pointers, lengths, IRP
 * flags and MDL it was given, whether the input arrived intact, and what the
 * output buffer held on arrival; then it fills the output. It counts every
 * IRP its dispatch routines receive, so that the application can show that
 * a request refused by the I/O manager never reached it (io-semantics 1.F).
 * It leaves IRP_MJ_READ, IRP_MJ_WRITE and IRP_MJ_FLUSH_BUFFERS to the I/O
 * manager's default routine (1.A.10).
 */
#include <ntddk.h>

#include "ioctl_buffers.h"

typedef struct _BUFFERS_EXTENSION {
    LONG IrpCount;        /* IRPs received by this driver's dispatch routines */
    BUFFER_VIEW LastView; /* the last inspection request, as received */
} BUFFERS_EXTENSION, *PBUFFERS_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD Buffers_Unload;

_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLEANUP) _Dispatch_type_(IRP_MJ_CLOSE)
DRIVER_DISPATCH Buffers_CreateCleanupClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH Buffers_DeviceControl;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, Buffers_Unload)
#pragma alloc_text(PAGE, Buffers_CreateCleanupClose)
#pragma alloc_text(PAGE, Buffers_DeviceControl)
#endif

static NTSTATUS Buffers_Complete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

/* TRUE if the Length bytes at Input are the pattern the application sends. */
static ULONG Buffers_InputMatches(const UCHAR *Input, ULONG Length)
{
    ULONG i;

    if (Length != 0 && Input == NULL) {
        return FALSE;
    }
    for (i = 0; i < Length; i++) {
        if (Input[i] != BUFFERS_INPUT_BYTE(i)) {
            return FALSE;
        }
    }
    return TRUE;
}

/*
 * Records what this inspection request looks like, then fills the output
 * buffer with the driver's pattern. The record goes straight into the
 * device extension (not a local), so that what was learnt before a fault
 * in a METHOD_NEITHER buffer survives the __except.
 */
static NTSTATUS Buffers_Inspect(PBUFFERS_EXTENSION Extension, PIRP Irp, PIO_STACK_LOCATION Stack,
                                PULONG_PTR Information)
{
    BUFFER_VIEW *view = &Extension->LastView;
    ULONG code = Stack->Parameters.DeviceIoControl.IoControlCode;
    ULONG method = METHOD_FROM_CTL_CODE(code);
    ULONG inputLength = Stack->Parameters.DeviceIoControl.InputBufferLength;
    ULONG outputLength = Stack->Parameters.DeviceIoControl.OutputBufferLength;
    UCHAR *input = NULL;
    UCHAR *output = NULL;
    NTSTATUS status = STATUS_SUCCESS;

    RtlZeroMemory(view, sizeof(*view));
    view->IoControlCode = code;
    view->InputBufferLength = inputLength;
    view->OutputBufferLength = outputLength;
    view->IrpFlags = Irp->Flags;
    view->SystemBufferPresent = Irp->AssociatedIrp.SystemBuffer != NULL;
    view->MdlPresent = Irp->MdlAddress != NULL;
    if (Irp->MdlAddress != NULL) {
        view->MdlByteCount = MmGetMdlByteCount(Irp->MdlAddress);
    }

    switch (method) {
    case METHOD_BUFFERED:
        /* One buffer both ways: the input must be read before the output
         * overwrites it. */
        input = Irp->AssociatedIrp.SystemBuffer;
        output = Irp->AssociatedIrp.SystemBuffer;
        break;
    case METHOD_IN_DIRECT:
    case METHOD_OUT_DIRECT:
        input = Irp->AssociatedIrp.SystemBuffer;
        if (Irp->MdlAddress != NULL) {
            output = MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority);
            if (output == NULL) {
                return STATUS_INSUFFICIENT_RESOURCES;
            }
        }
        break;
    default: /* METHOD_NEITHER */
        input = Stack->Parameters.DeviceIoControl.Type3InputBuffer;
        output = Irp->UserBuffer;
        view->Type3InputBuffer = (ULONG_PTR)input;
        view->UserBuffer = (ULONG_PTR)output;
        break;
    }

    __try {
        ULONG i;

        if (method == METHOD_NEITHER) {
            ProbeForRead(input, inputLength, sizeof(UCHAR));
            ProbeForWrite(output, outputLength, sizeof(UCHAR));
        }
        view->InputMatches = Buffers_InputMatches(input, inputLength);

        if ((method == METHOD_IN_DIRECT || method == METHOD_OUT_DIRECT) && output != NULL) {
            view->OutputSeenBytes = min(outputLength, (ULONG)BUFFER_VIEW_SAVED_BYTES);
            RtlCopyMemory(view->OutputSeen, output, view->OutputSeenBytes);
        }

        if (outputLength != 0 && output == NULL) {
            status = STATUS_INVALID_USER_BUFFER;
        } else {
            for (i = 0; i < outputLength; i++) {
                output[i] = BUFFERS_OUTPUT_BYTE(i);
            }
            *Information = outputLength;
        }
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        *Information = 0;
        status = GetExceptionCode();
    }
    return status;
}

NTSTATUS Buffers_DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PBUFFERS_EXTENSION extension = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG outputLength = stack->Parameters.DeviceIoControl.OutputBufferLength;
    ULONG_PTR information = 0;
    LONG irpCount;
    NTSTATUS status;

    PAGED_CODE();

    irpCount = InterlockedIncrement(&extension->IrpCount);

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_BUFFERS_INSPECT_BUFFERED:
    case IOCTL_BUFFERS_INSPECT_IN_DIRECT:
    case IOCTL_BUFFERS_INSPECT_OUT_DIRECT:
    case IOCTL_BUFFERS_INSPECT_NEITHER:
        status = Buffers_Inspect(extension, Irp, stack, &information);
        break;

    case IOCTL_BUFFERS_GET_LAST_VIEW:
        if (outputLength < sizeof(BUFFER_VIEW)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, &extension->LastView, sizeof(BUFFER_VIEW));
        information = sizeof(BUFFER_VIEW);
        status = STATUS_SUCCESS;
        break;

    case IOCTL_BUFFERS_GET_IRP_COUNT:
        if (outputLength < sizeof(ULONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        *(PULONG)Irp->AssociatedIrp.SystemBuffer = (ULONG)irpCount;
        information = sizeof(ULONG);
        status = STATUS_SUCCESS;
        break;

    case IOCTL_BUFFERS_NEEDS_READ:
    case IOCTL_BUFFERS_NEEDS_WRITE:
    case IOCTL_BUFFERS_NEEDS_READ_WRITE:
        status = STATUS_SUCCESS;
        break;

    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    return Buffers_Complete(Irp, status, information);
}

NTSTATUS Buffers_CreateCleanupClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PBUFFERS_EXTENSION extension = DeviceObject->DeviceExtension;

    PAGED_CODE();

    InterlockedIncrement(&extension->IrpCount);
    return Buffers_Complete(Irp, STATUS_SUCCESS, 0);
}

VOID Buffers_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING linkName;

    PAGED_CODE();

    RtlInitUnicodeString(&linkName, IOCTL_BUFFERS_LINK_NAME);
    IoDeleteSymbolicLink(&linkName);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING deviceName;
    UNICODE_STRING linkName;
    PDEVICE_OBJECT device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&deviceName, IOCTL_BUFFERS_DEVICE_NAME);
    status = IoCreateDevice(DriverObject, sizeof(BUFFERS_EXTENSION), &deviceName,
                            FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlZeroMemory(device->DeviceExtension, sizeof(BUFFERS_EXTENSION));

    RtlInitUnicodeString(&linkName, IOCTL_BUFFERS_LINK_NAME);
    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }

    /* IRP_MJ_READ, IRP_MJ_WRITE, IRP_MJ_FLUSH_BUFFERS and the rest stay
     * unset: the I/O manager's default routine answers them. */
    DriverObject->MajorFunction[IRP_MJ_CREATE] = Buffers_CreateCleanupClose;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = Buffers_CreateCleanupClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = Buffers_CreateCleanupClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = Buffers_DeviceControl;
    DriverObject->DriverUnload = Buffers_Unload;
    return STATUS_SUCCESS;
}
