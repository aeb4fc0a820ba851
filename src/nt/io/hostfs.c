/*
 * hostfs.c - the host file system: \Device\HostFs, a file-system device of
 * the built-in driver \FileSystem\HostFs, with the drive link \??\C: to it.
 * An open of \??\C:\tmp\x reaches its IRP_MJ_CREATE with the file name
 * \tmp\x, which is the host file /tmp/x (docs/PATHS.md). Each file object
 * holds one open host file; reads, writes, information queries and
 * delete-on-close work as the FAT/NTFS drivers do for a synchronous open.
 * Share modes are not enforced (the host has none).
 */
#include <internal/io_host.h>
#include <internal/ntk_alloc.h>
#include <errno.h>

#ifndef FILE_ATTRIBUTE_READONLY
#define FILE_ATTRIBUTE_READONLY 0x00000001
#endif
#ifndef FILE_ATTRIBUTE_DIRECTORY
#define FILE_ATTRIBUTE_DIRECTORY 0x00000010
#endif


typedef struct IOP_HOST_FILE {
    intptr_t Handle;
    BOOLEAN Directory;
    BOOLEAN DeletePending;
    char Path[];
} IOP_HOST_FILE;

static PDEVICE_OBJECT IopHostFsDevice;

static NTSTATUS IopHostComplete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

static NTSTATUS IopHostCreate(PIRP Irp, PIO_STACK_LOCATION sp)
{
    PFILE_OBJECT file = sp->FileObject;
    char path[IOP_HOST_PATH_MAX];
    NTSTATUS status = IopHostPathFromVolume(file->FileName.Buffer, file->FileName.Length / sizeof(WCHAR), path,
                                            sizeof path);
    if (!NT_SUCCESS(status))
        return IopHostComplete(Irp, status, 0);
    ULONG disposition = sp->Parameters.Create.Options >> 24, options = sp->Parameters.Create.Options & 0xFFFFFF;
    ACCESS_MASK access = sp->Parameters.Create.SecurityContext->DesiredAccess;

    struct ntkhost_file_info info;
    int err = ntkhost->file_info(-1, path, &info);
    BOOLEAN exists = err == 0;
    if (err && err != ENOENT)
        return IopHostComplete(Irp, IopStatusFromErrno(err), 0);
    if (!exists) {
        /* A missing folder on the way is a path error, as on Windows. */
        char parent[IOP_HOST_PATH_MAX];
        strcpy(parent, path);
        char *slash = strrchr(parent, '/');
        if (slash && slash != parent) {
            *slash = 0;
            struct ntkhost_file_info pinfo;
            if (ntkhost->file_info(-1, parent, &pinfo) != 0 || !pinfo.is_directory)
                return IopHostComplete(Irp, STATUS_OBJECT_PATH_NOT_FOUND, 0);
        }
    }
    if (exists && info.is_directory && (options & FILE_NON_DIRECTORY_FILE))
        return IopHostComplete(Irp, STATUS_FILE_IS_A_DIRECTORY, 0);
    if (exists && !info.is_directory && (options & FILE_DIRECTORY_FILE))
        return IopHostComplete(Irp, STATUS_NOT_A_DIRECTORY, 0);
    if (!exists && (options & FILE_DIRECTORY_FILE) && disposition != FILE_OPEN)
        return IopHostComplete(Irp, KiNotImplemented("NtCreateFile", "creating a directory on C:"), 0);

    unsigned flags = 0;
    ULONG_PTR result;
    switch (disposition) {
    case FILE_OPEN:
        if (!exists)
            return IopHostComplete(Irp, STATUS_OBJECT_NAME_NOT_FOUND, 0);
        result = FILE_OPENED;
        break;
    case FILE_CREATE:
        if (exists)
            return IopHostComplete(Irp, STATUS_OBJECT_NAME_COLLISION, 0);
        flags = NTKHOST_OPEN_CREATE | NTKHOST_OPEN_EXCL;
        result = FILE_CREATED;
        break;
    case FILE_OPEN_IF:
        flags = NTKHOST_OPEN_CREATE;
        result = exists ? FILE_OPENED : FILE_CREATED;
        break;
    case FILE_OVERWRITE:
        if (!exists)
            return IopHostComplete(Irp, STATUS_OBJECT_NAME_NOT_FOUND, 0);
        flags = NTKHOST_OPEN_TRUNC;
        result = FILE_OVERWRITTEN;
        break;
    case FILE_OVERWRITE_IF:
    case FILE_SUPERSEDE:
        flags = NTKHOST_OPEN_CREATE | NTKHOST_OPEN_TRUNC;
        result = exists ? (disposition == FILE_SUPERSEDE ? FILE_SUPERSEDED : FILE_OVERWRITTEN) : FILE_CREATED;
        break;
    default:
        return IopHostComplete(Irp, STATUS_INVALID_PARAMETER, 0);
    }
    if (exists && info.is_directory) {
        if (flags & NTKHOST_OPEN_TRUNC)
            return IopHostComplete(Irp, STATUS_FILE_IS_A_DIRECTORY, 0);
        flags = NTKHOST_OPEN_DIRECTORY;
    } else {
        if (access & (FILE_READ_DATA | FILE_EXECUTE | GENERIC_READ | GENERIC_ALL | MAXIMUM_ALLOWED))
            flags |= NTKHOST_OPEN_READ;
        if (access & (FILE_WRITE_DATA | FILE_APPEND_DATA | GENERIC_WRITE | GENERIC_ALL) ||
            (flags & NTKHOST_OPEN_TRUNC))
            flags |= NTKHOST_OPEN_WRITE;
        if (!(flags & (NTKHOST_OPEN_READ | NTKHOST_OPEN_WRITE)))
            flags |= NTKHOST_OPEN_READ; /* attributes-only opens still need a host file */
        if (exists && info.read_only && (flags & NTKHOST_OPEN_WRITE))
            return IopHostComplete(Irp, STATUS_ACCESS_DENIED, 0);
        if ((options & FILE_DELETE_ON_CLOSE) && exists && info.read_only)
            return IopHostComplete(Irp, STATUS_CANNOT_DELETE, 0);
    }
    size_t plen = strlen(path);
    IOP_HOST_FILE *ctx = KipAlloc(sizeof *ctx + plen + 1);
    if (!ctx)
        return IopHostComplete(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
    err = ntkhost->file_open(path, flags, &ctx->Handle);
    if (err == EACCES && (flags & NTKHOST_OPEN_READ) && !(access & (FILE_READ_DATA | GENERIC_READ)) &&
        !(flags & NTKHOST_OPEN_WRITE)) {
        /* Attribute-only open of an unreadable file. */
        ctx->Handle = -1;
        err = 0;
    }
    if (err) {
        KipFree(ctx);
        return IopHostComplete(Irp, IopStatusFromErrno(err), 0);
    }
    ctx->Directory = exists && info.is_directory;
    ctx->DeletePending = (options & FILE_DELETE_ON_CLOSE) != 0;
    memcpy(ctx->Path, path, plen + 1);
    file->FsContext = ctx;
    return IopHostComplete(Irp, STATUS_SUCCESS, result);
}

static NTSTATUS IopHostReadWrite(PIRP Irp, PIO_STACK_LOCATION sp, BOOLEAN Write)
{
    IOP_HOST_FILE *ctx = sp->FileObject->FsContext;
    if (ctx->Directory || ctx->Handle < 0)
        return IopHostComplete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    ULONG length = sp->Parameters.Read.Length;
    LARGE_INTEGER offset = sp->Parameters.Read.ByteOffset;
    struct ntkhost_file_info info;
    if (Write && offset.LowPart == FILE_WRITE_TO_END_OF_FILE && offset.HighPart == -1) {
        if (ntkhost->file_info(ctx->Handle, NULL, &info) == 0)
            offset.QuadPart = (LONGLONG)info.size;
    }
    if (offset.QuadPart < 0)
        return IopHostComplete(Irp, STATUS_INVALID_PARAMETER, 0);
    size_t done = 0;
    int err;
    if (Write) {
        err = ntkhost->file_pwrite(ctx->Handle, Irp->UserBuffer, length, (uint64_t)offset.QuadPart, &done);
    } else {
        err = ntkhost->file_pread(ctx->Handle, Irp->UserBuffer, length, (uint64_t)offset.QuadPart, &done);
        if (!err && done == 0 && length)
            return IopHostComplete(Irp, STATUS_END_OF_FILE, 0);
    }
    if (err && !done)
        return IopHostComplete(Irp, IopStatusFromErrno(err), 0);
    /* The file pointer moves to the end of this transfer (the I/O manager
     * adds the count on completion). */
    sp->FileObject->CurrentByteOffset = offset;
    return IopHostComplete(Irp, STATUS_SUCCESS, done);
}

static LARGE_INTEGER IopHostTime(int64_t ns)
{
    /* 100 ns units since 1601. */
    LARGE_INTEGER t;
    t.QuadPart = ns / 100 + 116444736000000000LL;
    return t;
}

static NTSTATUS IopHostQueryInformation(PIRP Irp, PIO_STACK_LOCATION sp)
{
    IOP_HOST_FILE *ctx = sp->FileObject->FsContext;
    struct ntkhost_file_info info;
    int err = ntkhost->file_info(ctx->Handle, ctx->Path, &info);
    if (err)
        return IopHostComplete(Irp, IopStatusFromErrno(err), 0);
    ULONG attributes = (info.is_directory ? FILE_ATTRIBUTE_DIRECTORY : 0) | (info.read_only ? FILE_ATTRIBUTE_READONLY : 0);
    if (!attributes)
        attributes = FILE_ATTRIBUTE_NORMAL;
    PVOID out = Irp->AssociatedIrp.SystemBuffer;
    ULONG length = sp->Parameters.QueryFile.Length;
    LONGLONG allocation = (LONGLONG)((info.size + 4095) & ~4095ull);
    switch (sp->Parameters.QueryFile.FileInformationClass) {
    case FileBasicInformation: {
        if (length < sizeof(FILE_BASIC_INFORMATION))
            return IopHostComplete(Irp, STATUS_INFO_LENGTH_MISMATCH, 0);
        FILE_BASIC_INFORMATION *b = out;
        memset(b, 0, sizeof *b);
        b->CreationTime = IopHostTime(info.ctime_ns);
        b->LastAccessTime = IopHostTime(info.atime_ns);
        b->LastWriteTime = IopHostTime(info.mtime_ns);
        b->ChangeTime = IopHostTime(info.ctime_ns);
        b->FileAttributes = attributes;
        return IopHostComplete(Irp, STATUS_SUCCESS, sizeof *b);
    }
    case FileStandardInformation: {
        if (length < sizeof(FILE_STANDARD_INFORMATION))
            return IopHostComplete(Irp, STATUS_INFO_LENGTH_MISMATCH, 0);
        FILE_STANDARD_INFORMATION *s = out;
        memset(s, 0, sizeof *s);
        s->AllocationSize.QuadPart = allocation;
        s->EndOfFile.QuadPart = (LONGLONG)info.size;
        s->NumberOfLinks = 1;
        s->DeletePending = ctx->DeletePending;
        s->Directory = (BOOLEAN)info.is_directory;
        return IopHostComplete(Irp, STATUS_SUCCESS, sizeof *s);
    }
    case FileNetworkOpenInformation: {
        if (length < sizeof(FILE_NETWORK_OPEN_INFORMATION))
            return IopHostComplete(Irp, STATUS_INFO_LENGTH_MISMATCH, 0);
        FILE_NETWORK_OPEN_INFORMATION *n = out;
        memset(n, 0, sizeof *n);
        n->CreationTime = IopHostTime(info.ctime_ns);
        n->LastAccessTime = IopHostTime(info.atime_ns);
        n->LastWriteTime = IopHostTime(info.mtime_ns);
        n->ChangeTime = IopHostTime(info.ctime_ns);
        n->AllocationSize.QuadPart = allocation;
        n->EndOfFile.QuadPart = (LONGLONG)info.size;
        n->FileAttributes = attributes;
        return IopHostComplete(Irp, STATUS_SUCCESS, sizeof *n);
    }
    default:
        return IopHostComplete(Irp, STATUS_INVALID_PARAMETER, 0);
    }
}

static NTSTATUS IopHostSetInformation(PIRP Irp, PIO_STACK_LOCATION sp)
{
    IOP_HOST_FILE *ctx = sp->FileObject->FsContext;
    PVOID in = Irp->AssociatedIrp.SystemBuffer;
    ULONG length = sp->Parameters.SetFile.Length;
    switch (sp->Parameters.SetFile.FileInformationClass) {
    case FileDispositionInformation: {
        if (length < sizeof(BOOLEAN))
            return IopHostComplete(Irp, STATUS_INFO_LENGTH_MISMATCH, 0);
        BOOLEAN del = *(BOOLEAN *)in;
        if (del) {
            struct ntkhost_file_info info;
            if (ntkhost->file_info(ctx->Handle, ctx->Path, &info) == 0 && info.read_only)
                return IopHostComplete(Irp, STATUS_CANNOT_DELETE, 0);
        }
        ctx->DeletePending = del;
        return IopHostComplete(Irp, STATUS_SUCCESS, 0);
    }
    case FileEndOfFileInformation:
    case FileAllocationInformation: {
        if (length < sizeof(LARGE_INTEGER))
            return IopHostComplete(Irp, STATUS_INFO_LENGTH_MISMATCH, 0);
        if (ctx->Directory || ctx->Handle < 0)
            return IopHostComplete(Irp, STATUS_INVALID_PARAMETER, 0);
        LONGLONG size = ((LARGE_INTEGER *)in)->QuadPart;
        if (size < 0)
            return IopHostComplete(Irp, STATUS_INVALID_PARAMETER, 0);
        if (sp->Parameters.SetFile.FileInformationClass == FileAllocationInformation) {
            /* Allocation below the end of file truncates; above it changes nothing visible. */
            struct ntkhost_file_info info;
            if (ntkhost->file_info(ctx->Handle, NULL, &info) != 0 || (uint64_t)size >= info.size)
                return IopHostComplete(Irp, STATUS_SUCCESS, 0);
        }
        return IopHostComplete(Irp, IopStatusFromErrno(ntkhost->file_truncate(ctx->Handle, (uint64_t)size)), 0);
    }
    default:
        return IopHostComplete(Irp, STATUS_INVALID_PARAMETER, 0);
    }
}

static NTSTATUS IopHostDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    (void)DeviceObject;
    if (sp->MajorFunction == IRP_MJ_CREATE)
        return IopHostCreate(Irp, sp);
    IOP_HOST_FILE *ctx = sp->FileObject ? sp->FileObject->FsContext : NULL;
    if (!ctx)
        return IopHostComplete(Irp, sp->MajorFunction == IRP_MJ_CLOSE || sp->MajorFunction == IRP_MJ_CLEANUP
                                        ? STATUS_SUCCESS : STATUS_INVALID_DEVICE_REQUEST, 0);
    switch (sp->MajorFunction) {
    case IRP_MJ_READ: return IopHostReadWrite(Irp, sp, FALSE);
    case IRP_MJ_WRITE: return IopHostReadWrite(Irp, sp, TRUE);
    case IRP_MJ_QUERY_INFORMATION: return IopHostQueryInformation(Irp, sp);
    case IRP_MJ_SET_INFORMATION: return IopHostSetInformation(Irp, sp);
    case IRP_MJ_FLUSH_BUFFERS: return IopHostComplete(Irp, STATUS_SUCCESS, 0);
    case IRP_MJ_CLEANUP:
        /* The last handle is gone: a delete takes effect now. */
        if (ctx->DeletePending) {
            if (ctx->Handle >= 0)
                ntkhost->file_close(ctx->Handle);
            ctx->Handle = -1;
            ntkhost->file_remove(ctx->Path);
        }
        return IopHostComplete(Irp, STATUS_SUCCESS, 0);
    case IRP_MJ_CLOSE:
        if (ctx->Handle >= 0)
            ntkhost->file_close(ctx->Handle);
        sp->FileObject->FsContext = NULL;
        KipFree(ctx);
        return IopHostComplete(Irp, STATUS_SUCCESS, 0);
    default:
        return IopHostComplete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

static NTSTATUS IopHostFsEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    (void)RegistryPath;
    for (int i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        DriverObject->MajorFunction[i] = IopHostDispatch;
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\HostFs");
    NTSTATUS status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_DISK_FILE_SYSTEM, 0, FALSE, &IopHostFsDevice);
    if (!NT_SUCCESS(status))
        return status;
    IopHostFsDevice->Flags &= ~DO_DEVICE_INITIALIZING;
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\??\\C:");
    return IoCreateSymbolicLink(&link, &name);
}

void IopInitializeHostFileSystem(void)
{
    UNICODE_STRING dir = RTL_CONSTANT_STRING(L"\\FileSystem");
    ObpCreateDirectory(&dir, NULL);
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\FileSystem\\HostFs");
    PDRIVER_OBJECT driver;
    NTSTATUS status = IopCreateBuiltinDriver(&name, IopHostFsEntry, &driver);
    if (!NT_SUCCESS(status))
        KiBugCheckAt(0x5D /* PHASE0_INITIALIZATION_FAILED */, 1, (ULONG_PTR)status, 0, 0, NULL,
                     "host file system");
}
