/*
 * example.c - the Example driver: a first WDM driver, showing how a Win32
 * application's CreateFile, WriteFile, ReadFile and DeviceIoControl reach a
 * driver as IRPs, and how the I/O manager hands over the caller's buffers.
 *
 * DriverEntry creates \Device\Example and the symbolic link
 * \DosDevices\Example, through which applications open \\.\Example. Then:
 *
 *   IRP_MJ_CREATE, IRP_MJ_CLOSE   succeed;
 *   IRP_MJ_WRITE                  takes a NUL-terminated string and prints it;
 *   IRP_MJ_READ                   returns a greeting, or STATUS_BUFFER_TOO_SMALL;
 *   IRP_MJ_DEVICE_CONTROL         answers four I/O control codes, one per
 *                                 transfer method (public.h): each prints the
 *                                 caller's message and sends a reply back.
 *
 * How reads and writes receive the caller's buffer depends on the device's
 * I/O type, chosen when the driver is built:
 *
 *   -DEXAMPLE_IO_TYPE=EXAMPLE_IO_BUFFERED   (the default) DO_BUFFERED_IO
 *   -DEXAMPLE_IO_TYPE=EXAMPLE_IO_DIRECT     DO_DIRECT_IO
 *   -DEXAMPLE_IO_TYPE=EXAMPLE_IO_NEITHER    neither flag
 *
 * The I/O control codes carry their own transfer method, whatever the
 * device's I/O type.
 */
#include <ntddk.h>

#include "public.h"

#define EXAMPLE_IO_BUFFERED 1
#define EXAMPLE_IO_DIRECT 2
#define EXAMPLE_IO_NEITHER 3

#ifndef EXAMPLE_IO_TYPE
#define EXAMPLE_IO_TYPE EXAMPLE_IO_BUFFERED
#endif

#if EXAMPLE_IO_TYPE == EXAMPLE_IO_BUFFERED
#define EXAMPLE_DEVICE_IO_FLAGS DO_BUFFERED_IO
#define EXAMPLE_IO_TYPE_NAME "buffered"
#elif EXAMPLE_IO_TYPE == EXAMPLE_IO_DIRECT
#define EXAMPLE_DEVICE_IO_FLAGS DO_DIRECT_IO
#define EXAMPLE_IO_TYPE_NAME "direct"
#elif EXAMPLE_IO_TYPE == EXAMPLE_IO_NEITHER
#define EXAMPLE_DEVICE_IO_FLAGS 0
#define EXAMPLE_IO_TYPE_NAME "neither"
#else
#error "EXAMPLE_IO_TYPE must be EXAMPLE_IO_BUFFERED, EXAMPLE_IO_DIRECT or EXAMPLE_IO_NEITHER"
#endif

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD Example_Unload;

_Dispatch_type_(IRP_MJ_CREATE) DRIVER_DISPATCH Example_Create;
_Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH Example_Close;
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH Example_Read;
_Dispatch_type_(IRP_MJ_WRITE) DRIVER_DISPATCH Example_Write;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH Example_IoControl;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, Example_Unload)
#pragma alloc_text(PAGE, Example_Create)
#pragma alloc_text(PAGE, Example_Close)
#pragma alloc_text(PAGE, Example_Read)
#pragma alloc_text(PAGE, Example_Write)
#pragma alloc_text(PAGE, Example_IoControl)
#endif

/*
 * TRUE if String holds a NUL within its first Length bytes. Only then may
 * the driver treat it as a C string: the caller chooses both the bytes and
 * the length, and nothing else guarantees a terminator.
 */
static BOOLEAN Example_IsStringTerminated(const CHAR *String, ULONG Length)
{
    ULONG index;

    for (index = 0; index < Length; index++) {
        if (String[index] == '\0') {
            return TRUE;
        }
    }
    return FALSE;
}

/* Prints a string the application sent, after checking that it is one. */
static NTSTATUS Example_PrintMessage(const CHAR *Text, ULONG Length, PCSTR Source)
{
    if (Text == NULL || !Example_IsStringTerminated(Text, Length)) {
        DbgPrint("Example: %s: the data is not a NUL-terminated string\n", Source);
        return STATUS_INVALID_PARAMETER;
    }
    DbgPrint("Example: %s: the application says \"%s\"\n", Source, Text);
    return STATUS_SUCCESS;
}

/* ------------------------------------------------------------ read, write */

/*
 * Where the caller's read or write buffer is depends on the device's I/O
 * type:
 *
 *  buffered  The I/O manager allocated a system buffer of the request's
 *            length. For a write it holds a copy of the caller's data; for a
 *            read, Information bytes of it are copied back to the caller
 *            when the request completes without an error.
 *  direct    The caller's pages are locked and described by the MDL at
 *            Irp->MdlAddress; the driver maps them into system space and
 *            reads or writes the caller's memory itself. There is no MDL
 *            for a zero-length request.
 *  neither   The driver gets the caller's own pointer, Irp->UserBuffer. It
 *            is valid only in the caller's process and only as far as the
 *            caller made it valid, so the driver probes it and touches it
 *            inside __try, turning a bad pointer into an error status.
 */

/* Copies Size bytes of Data to the caller's read buffer of Length >= Size
 * bytes. */
static NTSTATUS Example_CopyToReadBuffer(PIRP Irp, ULONG Length, const VOID *Data, ULONG Size)
{
#if EXAMPLE_IO_TYPE == EXAMPLE_IO_BUFFERED
    UNREFERENCED_PARAMETER(Length);

    RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, Data, Size);
    return STATUS_SUCCESS;
#elif EXAMPLE_IO_TYPE == EXAMPLE_IO_DIRECT
    PVOID buffer;

    UNREFERENCED_PARAMETER(Length);

    buffer = MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority);
    if (buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(buffer, Data, Size);
    return STATUS_SUCCESS;
#else
    NTSTATUS status = STATUS_SUCCESS;

    __try {
        ProbeForWrite(Irp->UserBuffer, Length, sizeof(UCHAR));
        RtlCopyMemory(Irp->UserBuffer, Data, Size);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    return status;
#endif
}

/* Checks and prints the string in the caller's write buffer of Length
 * bytes. */
static NTSTATUS Example_PrintWriteBuffer(PIRP Irp, ULONG Length)
{
#if EXAMPLE_IO_TYPE == EXAMPLE_IO_BUFFERED
    return Example_PrintMessage(Irp->AssociatedIrp.SystemBuffer, Length, "WriteFile");
#elif EXAMPLE_IO_TYPE == EXAMPLE_IO_DIRECT
    const CHAR *text;

    if (Irp->MdlAddress == NULL) {
        return Example_PrintMessage(NULL, 0, "WriteFile");
    }
    text = MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority);
    if (text == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return Example_PrintMessage(text, Length, "WriteFile");
#else
    NTSTATUS status = STATUS_UNSUCCESSFUL;

    __try {
        ProbeForRead(Irp->UserBuffer, Length, sizeof(UCHAR));
        status = Example_PrintMessage(Irp->UserBuffer, Length, "WriteFile");
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    return status;
#endif
}

NTSTATUS Example_Read(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG length = stack->Parameters.Read.Length;
    ULONG_PTR bytesRead = 0;
    NTSTATUS status;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    if (length < sizeof(EXAMPLE_GREETING)) {
        DbgPrint("Example: ReadFile: %u bytes is too small for the greeting (%u)\n", length,
                 (ULONG)sizeof(EXAMPLE_GREETING));
        status = STATUS_BUFFER_TOO_SMALL;
    } else {
        status = Example_CopyToReadBuffer(Irp, length, EXAMPLE_GREETING, sizeof(EXAMPLE_GREETING));
        if (NT_SUCCESS(status)) {
            bytesRead = sizeof(EXAMPLE_GREETING);
        }
    }

    /* Information is what ReadFile reports as bytes read, and for buffered
     * I/O also how much of the system buffer is copied back. */
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = bytesRead;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS Example_Write(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG length = stack->Parameters.Write.Length;
    NTSTATUS status;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    status = Example_PrintWriteBuffer(Irp, length);

    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = NT_SUCCESS(status) ? length : 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

/* ------------------------------------------------------ I/O control codes */

/*
 * What the four I/O control codes have in common: check that the caller's
 * message is a string, print it, and put Reply (ReplySize bytes, NUL
 * included) in the output buffer. Output may be NULL when it is too small
 * to be used anyway.
 */
static NTSTATUS Example_AnswerMessage(const CHAR *Message, ULONG MessageLength, CHAR *Output,
                                      ULONG OutputLength, const CHAR *Reply, ULONG ReplySize,
                                      PCSTR MethodName, PULONG_PTR Information)
{
    NTSTATUS status;

    status = Example_PrintMessage(Message, MessageLength, MethodName);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    if (OutputLength < ReplySize) {
        /*
         * Say how much room the reply needs. A caller using DeviceIoControl
         * never sees this number, though: for an error status the I/O
         * manager writes nothing back, neither data nor byte count, and
         * DeviceIoControl fails with ERROR_INSUFFICIENT_BUFFER. (A driver
         * that wants the caller to learn the size returns the warning
         * STATUS_BUFFER_OVERFLOW with a partial reply instead.)
         */
        *Information = ReplySize;
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (Output == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    RtlCopyMemory(Output, Reply, ReplySize);
    *Information = ReplySize;
    return STATUS_SUCCESS;
}

/*
 * METHOD_IN_DIRECT and METHOD_OUT_DIRECT: the input buffer was copied into
 * Irp->AssociatedIrp.SystemBuffer; the output buffer stays where the caller
 * has it, locked and described by the MDL at Irp->MdlAddress (none when its
 * length is 0). OUT_DIRECT locks it for the device to write to; IN_DIRECT
 * locks it for the device to read from, a second input buffer for large
 * amounts of data. This sample replies through both: the pages are the
 * caller's own, so whatever the driver writes there the caller sees,
 * without any copy.
 */
static NTSTATUS Example_HandleDirectIo(PIRP Irp, PIO_STACK_LOCATION Stack, const CHAR *Reply,
                                       ULONG ReplySize, PCSTR MethodName, PULONG_PTR Information)
{
    CHAR *output = NULL;

    if (Irp->MdlAddress != NULL) {
        output = MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority);
    }
    return Example_AnswerMessage(Irp->AssociatedIrp.SystemBuffer,
                                 Stack->Parameters.DeviceIoControl.InputBufferLength, output,
                                 Stack->Parameters.DeviceIoControl.OutputBufferLength, Reply,
                                 ReplySize, MethodName, Information);
}

/*
 * METHOD_BUFFERED: one system buffer of max(input, output) bytes serves both
 * ways. It arrives holding a copy of the input; the driver overwrites it
 * with its output (after it has finished reading the input), and the I/O
 * manager copies Information bytes back to the caller's output buffer.
 */
static NTSTATUS Example_HandleBufferedIo(PIRP Irp, PIO_STACK_LOCATION Stack,
                                         PULONG_PTR Information)
{
    return Example_AnswerMessage(Irp->AssociatedIrp.SystemBuffer,
                                 Stack->Parameters.DeviceIoControl.InputBufferLength,
                                 Irp->AssociatedIrp.SystemBuffer,
                                 Stack->Parameters.DeviceIoControl.OutputBufferLength,
                                 EXAMPLE_REPLY_BUFFERED, sizeof(EXAMPLE_REPLY_BUFFERED),
                                 "METHOD_BUFFERED", Information);
}

/*
 * METHOD_NEITHER: the driver gets the caller's own pointers,
 * Parameters.DeviceIoControl.Type3InputBuffer and Irp->UserBuffer, unchecked.
 * They are valid only in the caller's process (this driver is called
 * directly by the application's thread), and only as far as the caller
 * made them valid: probe them and use them inside __try, so that a bad
 * pointer becomes an error status for the caller instead of a crash.
 */
static NTSTATUS Example_HandleNeitherIo(PIRP Irp, PIO_STACK_LOCATION Stack,
                                        PULONG_PTR Information)
{
    const CHAR *message = Stack->Parameters.DeviceIoControl.Type3InputBuffer;
    ULONG messageLength = Stack->Parameters.DeviceIoControl.InputBufferLength;
    CHAR *output = Irp->UserBuffer;
    ULONG outputLength = Stack->Parameters.DeviceIoControl.OutputBufferLength;
    NTSTATUS status = STATUS_UNSUCCESSFUL;

    __try {
        ProbeForRead(message, messageLength, sizeof(UCHAR));
        ProbeForWrite(output, outputLength, sizeof(UCHAR));
        status = Example_AnswerMessage(message, messageLength, output, outputLength,
                                       EXAMPLE_REPLY_NEITHER, sizeof(EXAMPLE_REPLY_NEITHER),
                                       "METHOD_NEITHER", Information);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        *Information = 0;
        status = GetExceptionCode();
    }
    return status;
}

NTSTATUS Example_IoControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG_PTR information = 0;
    NTSTATUS status;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_EXAMPLE_SAMPLE_DIRECT_IN_IO:
        status = Example_HandleDirectIo(Irp, stack, EXAMPLE_REPLY_DIRECT_IN,
                                        sizeof(EXAMPLE_REPLY_DIRECT_IN), "METHOD_IN_DIRECT",
                                        &information);
        break;
    case IOCTL_EXAMPLE_SAMPLE_DIRECT_OUT_IO:
        status = Example_HandleDirectIo(Irp, stack, EXAMPLE_REPLY_DIRECT_OUT,
                                        sizeof(EXAMPLE_REPLY_DIRECT_OUT), "METHOD_OUT_DIRECT",
                                        &information);
        break;
    case IOCTL_EXAMPLE_SAMPLE_BUFFERED_IO:
        status = Example_HandleBufferedIo(Irp, stack, &information);
        break;
    case IOCTL_EXAMPLE_SAMPLE_NEITHER_IO:
        status = Example_HandleNeitherIo(Irp, stack, &information);
        break;
    default:
        /* Not ours: the caller sees ERROR_INVALID_FUNCTION. */
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

/* ------------------------------------------------------- open, close, load */

NTSTATUS Example_Create(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    KdPrint(("Example: IRP_MJ_CREATE\n"));
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS Example_Close(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    KdPrint(("Example: IRP_MJ_CLOSE\n"));
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID Example_Unload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING dosDeviceName;

    PAGED_CODE();

    DbgPrint("Example: unloading\n");
    RtlInitUnicodeString(&dosDeviceName, EXAMPLE_DOS_DEVICE_NAME);
    IoDeleteSymbolicLink(&dosDeviceName);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING deviceName;
    UNICODE_STRING dosDeviceName;
    PDEVICE_OBJECT deviceObject = NULL;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);

    DbgPrint("Example: DriverEntry (%s I/O)\n", EXAMPLE_IO_TYPE_NAME);

    RtlInitUnicodeString(&deviceName, EXAMPLE_DEVICE_NAME);
    status = IoCreateDevice(DriverObject, 0, &deviceName, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        DbgPrint("Example: IoCreateDevice failed with 0x%08X\n", status);
        return status;
    }

    /* How reads and writes get their buffers (see Example_CopyToReadBuffer). */
    deviceObject->Flags |= EXAMPLE_DEVICE_IO_FLAGS;

    RtlInitUnicodeString(&dosDeviceName, EXAMPLE_DOS_DEVICE_NAME);
    status = IoCreateSymbolicLink(&dosDeviceName, &deviceName);
    if (!NT_SUCCESS(status)) {
        DbgPrint("Example: IoCreateSymbolicLink failed with 0x%08X\n", status);
        IoDeleteDevice(deviceObject);
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = Example_Create;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = Example_Close;
    DriverObject->MajorFunction[IRP_MJ_READ] = Example_Read;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = Example_Write;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = Example_IoControl;
    DriverObject->DriverUnload = Example_Unload;

    /* DO_DEVICE_INITIALIZING stays set: the I/O manager clears it for
     * devices created in DriverEntry once DriverEntry returns. */
    return STATUS_SUCCESS;
}
