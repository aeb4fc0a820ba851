/*
 * inspect.c - the control socket of a running kernel: when the application
 * starts with NTK_CONTROL_SOCKET set (`ntk run --control PATH`), a host
 * thread serves that Unix-domain socket, and the `ntk` tools connect to it
 * to look at the object namespace (objdir), device stacks (devstack),
 * driver objects (drvobj), send I/O control codes (ioctl send) and drive
 * the service control manager (sc). docs/TOOLS.md describes the protocol:
 * a request is the command's words, each ended by a NUL byte; the reply is
 * the command's output, then a NUL byte and the tool's exit status in
 * decimal.
 */
#include <internal/io_host.h>
#include <internal/rtl.h>
#include <internal/rtl_status.h>
#include <internal/ntk_alloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct EXP_REPLY {
    void *Conn;
} EXP_REPLY;

static void __attribute__((format(__printf__, 2, 3))) ExpOut(EXP_REPLY *r, const char *format, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(line, sizeof line, format, ap);
    va_end(ap);
    if (n < 0)
        return;
    ntkhost->control_reply(r->Conn, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* UTF-16 name to UTF-8 for output. */
static const char *ExpName(PCUNICODE_STRING Name, char *Buffer, size_t Size)
{
    ANSI_STRING a = {0, (USHORT)(Size > 0xFFFF ? 0xFFFF : Size), Buffer};
    if (!Name || !Name->Length || !NT_SUCCESS(RtlpUtf16ToUtf8String(&a, Name)) || a.Length >= Size)
        a.Length = 0;
    Buffer[a.Length] = 0;
    return Buffer;
}

static NTSTATUS ExpWide(const char *s, UNICODE_STRING *u)
{
    size_t n = strlen(s);
    if (n > 2000)
        return STATUS_NAME_TOO_LONG;
    u->Buffer = KipAlloc((n + 1) * sizeof(WCHAR));
    if (!u->Buffer)
        return STATUS_INSUFFICIENT_RESOURCES;
    u->Length = 0;
    u->MaximumLength = (USHORT)((n + 1) * sizeof(WCHAR));
    ANSI_STRING a = {(USHORT)n, (USHORT)(n + 1), (PCHAR)s};
    NTSTATUS status = RtlpUtf8ToUtf16String(u, &a);
    if (!NT_SUCCESS(status))
        KipFree(u->Buffer);
    return status;
}

/* Looks a name up; a bare name gets Prefix ("\Device\"), as the debugger's
 * extensions do. */
static NTSTATUS ExpLookup(const char *Name, const char *Prefix, POBJECT_TYPE Type, ULONG Attributes, PVOID *Object,
                          char *Full, size_t FullSize)
{
    snprintf(Full, FullSize, "%s%s", Name[0] == '\\' ? "" : Prefix, Name);
    UNICODE_STRING u;
    NTSTATUS status = ExpWide(Full, &u);
    if (!NT_SUCCESS(status))
        return status;
    status = ObpLookupObjectName(&u, OBJ_CASE_INSENSITIVE | Attributes, Type, NULL, KernelMode, Object);
    KipFree(u.Buffer);
    return status;
}

static const char *ExpStatusName(NTSTATUS Status)
{
    const char *name = RtlpNtStatusName(Status);
    return name ? name : "unknown status";
}

static void ExpFailure(EXP_REPLY *r, const char *what, const char *name, NTSTATUS status)
{
    ExpOut(r, "ntk: %s %s: %s (0x%08X)\n", what, name, ExpStatusName(status), (unsigned)status);
}

/* ---- objdir --------------------------------------------------------- */

typedef struct EXP_DIR_ENTRY {
    PVOID Object;
    char Name[256];
} EXP_DIR_ENTRY;

typedef struct EXP_DIR_SCAN {
    EXP_DIR_ENTRY *Entries;
    ULONG Count, Capacity;
} EXP_DIR_SCAN;

static void ExpCollect(PVOID Object, void *Context)
{
    EXP_DIR_SCAN *scan = Context;
    if (scan->Count == scan->Capacity) {
        ULONG cap = scan->Capacity ? scan->Capacity * 2 : 32;
        EXP_DIR_ENTRY *bigger = KipAlloc(cap * sizeof *bigger);
        if (!bigger)
            return;
        if (scan->Count)
            memcpy(bigger, scan->Entries, scan->Count * sizeof *bigger);
        KipFree(scan->Entries);
        scan->Entries = bigger;
        scan->Capacity = cap;
    }
    ObfReferenceObject(Object);
    EXP_DIR_ENTRY *e = &scan->Entries[scan->Count++];
    e->Object = Object;
    ExpName(&OBJECT_TO_OBJECT_HEADER(Object)->Name, e->Name, sizeof e->Name);
}

static int ExpCompareEntries(const void *a, const void *b)
{
    return strcasecmp(((const EXP_DIR_ENTRY *)a)->Name, ((const EXP_DIR_ENTRY *)b)->Name);
}

static const char *ExpTypeName(PVOID Object)
{
    POBJECT_TYPE t = OBJECT_TO_OBJECT_HEADER(Object)->Type;
    if (t == ObpSymbolicLinkObjectType)
        return "SymbolicLink";
    return t && t->Name ? t->Name : "?";
}

static int ExpObjdir(EXP_REPLY *r, int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "\\";
    char full[1024], text[1024];
    PVOID object;
    NTSTATUS status = ExpLookup(path, "\\", NULL, OBJ_OPENLINK, &object, full, sizeof full);
    if (!NT_SUCCESS(status)) {
        ExpFailure(r, "objdir: cannot find", full, status);
        return 1;
    }
    POBJECT_HEADER h = OBJECT_TO_OBJECT_HEADER(object);
    ExpOut(r, "Object: %p  Type: (%p) %s\n", object, (void *)h->Type, ExpTypeName(object));
    ExpOut(r, "    ObjectHeader: %p\n", (void *)h);
    ExpOut(r, "    HandleCount: %ld  PointerCount: %ld\n", (long)h->HandleCount, (long)h->PointerCount - 1);
    ExpOut(r, "    Name: %s\n", full);
    if (h->Type == ObpSymbolicLinkObjectType) {
        ExpOut(r, "    Target String is '%s'\n", ExpName(ObpSymbolicLinkTarget(object), text, sizeof text));
    } else if (h->Type == ObpDirectoryObjectType) {
        EXP_DIR_SCAN scan = {0};
        ObpEnumerateDirectory(object, ExpCollect, &scan);
        qsort(scan.Entries, scan.Count, sizeof *scan.Entries, ExpCompareEntries);
        ExpOut(r, "\n    %-16s  %-20s  %s\n", "Address", "Type", "Name");
        ExpOut(r, "    %-16s  %-20s  %s\n", "-------", "----", "----");
        for (ULONG i = 0; i < scan.Count; i++) {
            PVOID o = scan.Entries[i].Object;
            if (OBJECT_TO_OBJECT_HEADER(o)->Type == ObpSymbolicLinkObjectType)
                ExpOut(r, "    %p  %-20s  %s -> %s\n", o, ExpTypeName(o), scan.Entries[i].Name,
                       ExpName(ObpSymbolicLinkTarget(o), text, sizeof text));
            else
                ExpOut(r, "    %p  %-20s  %s\n", o, ExpTypeName(o), scan.Entries[i].Name);
            ObfDereferenceObject(o);
        }
        ExpOut(r, "\n    %lu entries\n", (unsigned long)scan.Count);
        KipFree(scan.Entries);
    }
    ObfDereferenceObject(object);
    return 0;
}

/* ---- devstack / drvobj ---------------------------------------------- */

static const char *ExpObjectName(PVOID Object, char *Buffer, size_t Size)
{
    return ExpName(&OBJECT_TO_OBJECT_HEADER(Object)->Name, Buffer, Size);
}

static int ExpDevstack(EXP_REPLY *r, int argc, char **argv)
{
    char full[1024], name[256], driver[256];
    if (argc < 2) {
        ExpOut(r, "usage: ntk devstack DEVICE\n");
        return 2;
    }
    PVOID object;
    NTSTATUS status = ExpLookup(argv[1], "\\Device\\", IopDeviceObjectType, 0, &object, full, sizeof full);
    if (!NT_SUCCESS(status)) {
        ExpFailure(r, "devstack: cannot find device", full, status);
        return 1;
    }
    PDEVICE_OBJECT queried = object;
    ExpOut(r, "  %-17s %-24s %-17s %s\n", "!DevObj", "!DrvObj", "!DevExt", "ObjectName");
    for (PDEVICE_OBJECT d = IoGetAttachedDevice(queried); d; d = IopDeviceExtension(d)->AttachedTo)
        ExpOut(r, "%c %p  %-24s %p  %s\n", d == queried ? '>' : ' ', (void *)d,
               ExpName(&d->DriverObject->DriverName, driver, sizeof driver), d->DeviceExtension,
               ExpObjectName(d, name, sizeof name));
    ObfDereferenceObject(object);
    return 0;
}

static const char *const ExpMajorNames[] = {
    "IRP_MJ_CREATE", "IRP_MJ_CREATE_NAMED_PIPE", "IRP_MJ_CLOSE", "IRP_MJ_READ", "IRP_MJ_WRITE",
    "IRP_MJ_QUERY_INFORMATION", "IRP_MJ_SET_INFORMATION", "IRP_MJ_QUERY_EA", "IRP_MJ_SET_EA",
    "IRP_MJ_FLUSH_BUFFERS", "IRP_MJ_QUERY_VOLUME_INFORMATION", "IRP_MJ_SET_VOLUME_INFORMATION",
    "IRP_MJ_DIRECTORY_CONTROL", "IRP_MJ_FILE_SYSTEM_CONTROL", "IRP_MJ_DEVICE_CONTROL",
    "IRP_MJ_INTERNAL_DEVICE_CONTROL", "IRP_MJ_SHUTDOWN", "IRP_MJ_LOCK_CONTROL", "IRP_MJ_CLEANUP",
    "IRP_MJ_CREATE_MAILSLOT", "IRP_MJ_QUERY_SECURITY", "IRP_MJ_SET_SECURITY", "IRP_MJ_POWER",
    "IRP_MJ_SYSTEM_CONTROL", "IRP_MJ_DEVICE_CHANGE", "IRP_MJ_QUERY_QUOTA", "IRP_MJ_SET_QUOTA", "IRP_MJ_PNP",
};
_Static_assert(sizeof ExpMajorNames / sizeof *ExpMajorNames == IRP_MJ_MAXIMUM_FUNCTION + 1, "major names");

static void ExpRoutine(EXP_REPLY *r, const char *label, PVOID routine)
{
    char sym[512];
    if (!routine) {
        ExpOut(r, "%-40s 0000000000000000\n", label);
        return;
    }
    if (routine == (PVOID)IopInvalidDeviceRequest)
        snprintf(sym, sizeof sym, "nt!IopInvalidDeviceRequest");
    else
        ntkhost->symbolize(routine, sym, sizeof sym);
    ExpOut(r, "%-40s %p\t%s\n", label, routine, sym);
}

static int ExpDrvobj(EXP_REPLY *r, int argc, char **argv)
{
    char full[1024], name[256];
    if (argc < 2) {
        ExpOut(r, "usage: ntk drvobj DRIVER [FLAGS]\n");
        return 2;
    }
    ULONG flags = argc > 2 ? (ULONG)strtoul(argv[2], NULL, 0) : 0x1;
    PVOID object;
    NTSTATUS status = ExpLookup(argv[1], "\\Driver\\", IopDriverObjectType, 0, &object, full, sizeof full);
    if (!NT_SUCCESS(status) && argv[1][0] != '\\') {
        /* File systems live in \FileSystem. */
        NTSTATUS again = ExpLookup(argv[1], "\\FileSystem\\", IopDriverObjectType, 0, &object, full, sizeof full);
        if (NT_SUCCESS(again))
            status = again;
    }
    if (!NT_SUCCESS(status)) {
        ExpFailure(r, "drvobj: cannot find driver", full, status);
        return 1;
    }
    PDRIVER_OBJECT driver = object;
    ExpOut(r, "Driver object (%p) is for:\n %s\n\n", object, ExpName(&driver->DriverName, name, sizeof name));
    ExpOut(r, "Driver Extension List: (id , addr)\n\n");
    ExpOut(r, "Device Object list:\n");
    for (PDEVICE_OBJECT d = driver->DeviceObject; d; d = d->NextDevice) {
        if (flags & 0x4)
            ExpOut(r, "%p  %s  (Flags 0x%08x, Type 0x%x, StackSize %d)\n", (void *)d, ExpObjectName(d, name, sizeof name),
                   (unsigned)d->Flags, (unsigned)d->DeviceType, d->StackSize);
        else
            ExpOut(r, "%p  %s\n", (void *)d, ExpObjectName(d, name, sizeof name));
    }
    if (flags & 0x2) {
        ExpOut(r, "\n");
        ExpRoutine(r, "DriverEntry:", (PVOID)driver->DriverInit);
        ExpRoutine(r, "DriverStartIo:", (PVOID)driver->DriverStartIo);
        ExpRoutine(r, "DriverUnload:", (PVOID)driver->DriverUnload);
        ExpRoutine(r, "AddDevice:", driver->DriverExtension ? (PVOID)driver->DriverExtension->AddDevice : NULL);
        ExpOut(r, "\nDispatch routines:\n");
        for (int i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
            char label[64];
            snprintf(label, sizeof label, "[%02x] %s", i, ExpMajorNames[i]);
            ExpRoutine(r, label, (PVOID)driver->MajorFunction[i]);
        }
    }
    ObfDereferenceObject(object);
    return 0;
}

/* ---- ioctl send ----------------------------------------------------- */

static int ExpHexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

NTSYSAPI NTSTATUS NTAPI NtDeviceIoControlFile(HANDLE FileHandle, HANDLE Event, PIO_APC_ROUTINE ApcRoutine,
                                              PVOID ApcContext, PIO_STATUS_BLOCK IoStatusBlock, ULONG IoControlCode,
                                              PVOID InputBuffer, ULONG InputBufferLength, PVOID OutputBuffer,
                                              ULONG OutputBufferLength);
NTSYSAPI NTSTATUS NTAPI NtCreateFile(PHANDLE FileHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                                     PIO_STATUS_BLOCK IoStatusBlock, PLARGE_INTEGER AllocationSize, ULONG FileAttributes,
                                     ULONG ShareAccess, ULONG CreateDisposition, ULONG CreateOptions, PVOID EaBuffer,
                                     ULONG EaLength);
NTSYSAPI NTSTATUS NTAPI NtClose(HANDLE Handle);

/* ioctl DEVICE CODE INPUT-HEX OUTPUT-SIZE: opens \??\DEVICE (or an NT path)
 * for read and write as an application does, sends the code, prints the
 * status, the count and the output bytes. */
static int ExpIoctl(EXP_REPLY *r, int argc, char **argv)
{
    char full[1024];
    if (argc < 5) {
        ExpOut(r, "usage: ntk ioctl send DEVICE CODE [--in HEX|@FILE] [--out-size N]\n");
        return 2;
    }
    const char *dev = argv[1];
    if (!strncmp(dev, "\\\\.\\", 4))
        dev += 4;
    snprintf(full, sizeof full, "%s%s", dev[0] == '\\' ? "" : "\\??\\", dev);
    ULONG code = (ULONG)strtoul(argv[2], NULL, 0);
    size_t hexlen = strlen(argv[3]);
    ULONG inLength = (ULONG)(hexlen / 2), outLength = (ULONG)strtoul(argv[4], NULL, 0);
    if (outLength > (1u << 24)) {
        ExpOut(r, "ntk ioctl send: --out-size %lu is too large\n", (unsigned long)outLength);
        return 2;
    }
    /* The application's buffers: ordinary memory of the process. */
    UCHAR *in = inLength ? malloc(inLength) : NULL, *out = outLength ? malloc(outLength) : NULL;
    for (ULONG i = 0; in && i < inLength; i++)
        in[i] = (UCHAR)(ExpHexValue(argv[3][2 * i]) << 4 | ExpHexValue(argv[3][2 * i + 1]));
    UNICODE_STRING u;
    NTSTATUS status = ExpWide(full, &u);
    HANDLE h = NULL;
    IO_STATUS_BLOCK iosb = {0};
    if (NT_SUCCESS(status)) {
        OBJECT_ATTRIBUTES oa;
        InitializeObjectAttributes(&oa, &u, OBJ_CASE_INSENSITIVE, NULL, NULL);
        status = NtCreateFile(&h, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, &oa, &iosb, NULL, 0,
                              FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_OPEN,
                              FILE_NON_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT, NULL, 0);
        KipFree(u.Buffer);
    }
    if (!NT_SUCCESS(status)) {
        ExpFailure(r, "ioctl send: cannot open", full, status);
        free(in);
        free(out);
        return 1;
    }
    iosb.Status = 0;
    iosb.Information = 0;
    status = NtDeviceIoControlFile(h, NULL, NULL, NULL, &iosb, code, in, inLength, out, outLength);
    NtClose(h);
    ULONG_PTR returned = NT_ERROR(status) ? 0 : iosb.Information;
    ExpOut(r, "Status      : 0x%08X (%s)\n", (unsigned)status, ExpStatusName(status));
    ExpOut(r, "Win32 error : %lu\n", NT_SUCCESS(status) ? 0ul : (unsigned long)RtlNtStatusToDosError(status));
    ExpOut(r, "Returned    : %lu bytes\n", (unsigned long)returned);
    if (returned > outLength)
        returned = outLength;
    for (ULONG_PTR off = 0; off < returned; off += 16) {
        char hex[64] = "", ascii[20] = "";
        for (ULONG_PTR i = 0; i < 16; i++) {
            if (off + i < returned) {
                snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%02x ", out[off + i]);
                ascii[i] = out[off + i] >= 0x20 && out[off + i] < 0x7F ? (char)out[off + i] : '.';
            } else {
                strcat(hex, "   ");
                ascii[i] = 0;
            }
        }
        ascii[16] = 0;
        ExpOut(r, "%04lx  %s |%s|\n", (unsigned long)off, hex, ascii);
    }
    free(in);
    free(out);
    return NT_ERROR(status) ? 1 : 0;
}

/* ---- dispatch ------------------------------------------------------- */

int ExpScCommand(void *Conn, int argc, char **argv);

static void ExpControlRequest(void *Context, const char *Request, size_t Length, void *Conn)
{
    (void)Context;
    char *argv[32];
    int argc = 0;
    for (size_t i = 0; i < Length && argc < 32;) {
        argv[argc++] = (char *)Request + i;
        i += strlen(Request + i) + 1;
    }
    EXP_REPLY r = {Conn};
    int status;
    if (argc == 0)
        status = 2;
    else if (!strcmp(argv[0], "objdir"))
        status = ExpObjdir(&r, argc, argv);
    else if (!strcmp(argv[0], "devstack"))
        status = ExpDevstack(&r, argc, argv);
    else if (!strcmp(argv[0], "drvobj"))
        status = ExpDrvobj(&r, argc, argv);
    else if (!strcmp(argv[0], "ioctl"))
        status = ExpIoctl(&r, argc, argv);
    else if (!strcmp(argv[0], "sc"))
        status = ExpScCommand(Conn, argc, argv);
    else {
        ExpOut(&r, "ntk: the kernel does not know the command '%s'\n", argv[0]);
        status = 2;
    }
    char trailer[16];
    int n = snprintf(trailer, sizeof trailer, "%c%d", 0, status);
    ntkhost->control_reply(Conn, trailer, (size_t)n);
}

void ExpStartControlServer(void)
{
    const char *path = ntkhost->getenv("NTK_CONTROL_SOCKET");
    /* An application started by this one inherits the variable (so that
     * the tools it runs find this kernel) but does not serve it. */
    if (!path || !*path || ntkhost->getenv("NTK_CONTROL_SERVED"))
        return;
    int err = ntkhost->control_listen(path, ExpControlRequest, NULL);
    if (!err)
        setenv("NTK_CONTROL_SERVED", "1", 1);
    if (err) {
        char line[600];
        snprintf(line, sizeof line, "ntk: cannot serve the control socket %s (error %d)\n", path, err);
        ntkhost->write_err(line, strlen(line));
    }
}
