/*
 * scm.c - the service records of the service control manager: what
 * CreateService records (type, start type, error control, display name,
 * ImagePath) and their run-time state (handles open, marked for delete,
 * last exit code). The Win32 SCM (src/win32/service.c) and `ntk sc` (over
 * the control socket) share them; ZwLoadDriver reads a service's ImagePath
 * from the service's key. As on Windows, each record is also written to
 * \Registry\Machine\System\CurrentControlSet\Services\NAME (Type, Start,
 * ErrorControl, ImagePath, DisplayName), which goes when the service is
 * deleted; ZwLoadDriver reads ImagePath from that key (docs/SERVICES.md).
 *
 * The ntk_scm_* routines return Win32 error codes (the SCM's own
 * currency): ERROR_SUCCESS or the error GetLastError reports.
 */
#include <internal/io_host.h>
#include <internal/ntk_alloc.h>

#define IOP_SERVICE_KERNEL_DRIVER 0x1
#define IOP_SERVICE_FILE_SYSTEM_DRIVER 0x2
#define IOP_SERVICE_STOPPED 0x1
#define IOP_SERVICE_STOP_PENDING 0x3
#define IOP_SERVICE_RUNNING 0x4
#define IOP_SERVICE_ACCEPT_STOP 0x1
#define IOP_SERVICE_DISABLED 0x4

#define ERROR_SUCCESS_ 0

static size_t IopWideLength(const WCHAR *s)
{
    size_t n = 0;
    while (s && s[n])
        n++;
    return n;
}
#define W_ERROR_INVALID_PARAMETER 87
#define W_ERROR_INVALID_NAME 123
#define W_ERROR_NO_MORE_ITEMS 259
#define W_ERROR_INVALID_SERVICE_CONTROL 1052
#define W_ERROR_SERVICE_ALREADY_RUNNING 1056
#define W_ERROR_SERVICE_DISABLED 1058
#define W_ERROR_SERVICE_DOES_NOT_EXIST 1060
#define W_ERROR_SERVICE_NOT_ACTIVE 1062
#define W_ERROR_SERVICE_CANNOT_ACCEPT_CTRL 1061
#define W_ERROR_SERVICE_MARKED_FOR_DELETE 1072
#define W_ERROR_SERVICE_EXISTS 1073
#define W_ERROR_SERVICE_NEVER_STARTED 1077
#define W_ERROR_NOT_ENOUGH_MEMORY 8
#define W_ERROR_NOT_SUPPORTED 50

struct IOP_SERVICE_RECORD {
    LIST_ENTRY Entry;
    LONG Handles;
    BOOLEAN DeletePending;
    BOOLEAN Removed;
    ULONG Type, Start, ErrorControl;
    ULONG ExitCode;
    WCHAR *Name, *DisplayName, *ImagePath;
};

#define IOP_SERVICES_KEY L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\"

/* Opens (or creates) the service's key; a kernel handle. */
static NTSTATUS IopOpenServiceKey(const WCHAR *Name, size_t Chars, BOOLEAN Create, HANDLE *Key)
{
    WCHAR path[400];
    size_t p = RTL_NUMBER_OF(IOP_SERVICES_KEY) - 1;
    if (p + Chars >= RTL_NUMBER_OF(path))
        return STATUS_NAME_TOO_LONG;
    memcpy(path, IOP_SERVICES_KEY, p * sizeof(WCHAR));
    memcpy(path + p, Name, Chars * sizeof(WCHAR));
    UNICODE_STRING u = {(USHORT)((p + Chars) * sizeof(WCHAR)), (USHORT)((p + Chars) * sizeof(WCHAR)), path};
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &u, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, NULL);
    return Create ? ZwCreateKey(Key, KEY_ALL_ACCESS, &oa, 0, NULL, 0, NULL) : ZwOpenKey(Key, KEY_READ | DELETE, &oa);
}

static void IopSetServiceValue(HANDLE Key, const WCHAR *Name, ULONG Type, const void *Data, ULONG Size)
{
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, Name);
    ZwSetValueKey(Key, &name, 0, Type, (PVOID)Data, Size);
}

/* The record's values in its key (CreateService writes them there). */
static void IopWriteServiceKey(IOP_SERVICE_RECORD *r)
{
    HANDLE key;
    if (!NT_SUCCESS(IopOpenServiceKey(r->Name, IopWideLength(r->Name), TRUE, &key)))
        return;
    IopSetServiceValue(key, L"Type", REG_DWORD, &r->Type, sizeof(ULONG));
    IopSetServiceValue(key, L"Start", REG_DWORD, &r->Start, sizeof(ULONG));
    IopSetServiceValue(key, L"ErrorControl", REG_DWORD, &r->ErrorControl, sizeof(ULONG));
    IopSetServiceValue(key, L"ImagePath", REG_EXPAND_SZ, r->ImagePath,
                       (ULONG)((IopWideLength(r->ImagePath) + 1) * sizeof(WCHAR)));
    IopSetServiceValue(key, L"DisplayName", REG_SZ, r->DisplayName,
                       (ULONG)((IopWideLength(r->DisplayName) + 1) * sizeof(WCHAR)));
    ZwClose(key);
}

static void IopDeleteServiceKey(const WCHAR *Name)
{
    HANDLE key;
    if (!NT_SUCCESS(IopOpenServiceKey(Name, IopWideLength(Name), FALSE, &key)))
        return;
    ZwDeleteKey(key);
    ZwClose(key);
}

static LIST_ENTRY IopServices = {&IopServices, &IopServices};
static OBP_LOCK IopServicesLock;

static WCHAR *IopWideDup(const WCHAR *s, size_t n)
{
    WCHAR *d = KipAlloc((n + 1) * sizeof(WCHAR));
    if (d) {
        memcpy(d, s, n * sizeof(WCHAR));
        d[n] = 0;
    }
    return d;
}

static BOOLEAN IopWideEqualNoCase(const WCHAR *a, size_t an, const WCHAR *b)
{
    size_t bn = IopWideLength(b);
    if (an != bn)
        return FALSE;
    for (size_t i = 0; i < an; i++)
        if (RtlUpcaseUnicodeChar(a[i]) != RtlUpcaseUnicodeChar(b[i]))
            return FALSE;
    return TRUE;
}

/* Caller holds the lock. */
static IOP_SERVICE_RECORD *IopFindService(const WCHAR *Name, size_t Chars)
{
    for (PLIST_ENTRY e = IopServices.Flink; e != &IopServices; e = e->Flink) {
        IOP_SERVICE_RECORD *r = CONTAINING_RECORD(e, IOP_SERVICE_RECORD, Entry);
        if (IopWideEqualNoCase(Name, Chars, r->Name))
            return r;
    }
    return NULL;
}

static void IopFreeService(IOP_SERVICE_RECORD *r)
{
    KipFree(r->Name);
    KipFree(r->DisplayName);
    KipFree(r->ImagePath);
    KipFree(r);
}

/* The loaded driver object of a service, referenced, or NULL. */
static PDRIVER_OBJECT IopServiceDriver(const WCHAR *Name)
{
    WCHAR buffer[300];
    static const WCHAR prefix[] = L"\\Driver\\";
    size_t p = RTL_NUMBER_OF(prefix) - 1, n = IopWideLength(Name);
    if (p + n >= RTL_NUMBER_OF(buffer))
        return NULL;
    memcpy(buffer, prefix, p * sizeof(WCHAR));
    memcpy(buffer + p, Name, n * sizeof(WCHAR));
    UNICODE_STRING name = {(USHORT)((p + n) * sizeof(WCHAR)), (USHORT)((p + n) * sizeof(WCHAR)), buffer};
    PVOID driver;
    if (!NT_SUCCESS(ObpLookupObjectName(&name, OBJ_CASE_INSENSITIVE, IopDriverObjectType, NULL, KernelMode, &driver)))
        return NULL;
    return driver;
}

/* Removes a record marked for delete once no handle is open and its
 * driver is not running. Caller holds the lock. */
static void IopMaybeRemoveService(IOP_SERVICE_RECORD *r)
{
    if (!r->DeletePending || r->Handles > 0 || r->Removed)
        return;
    PDRIVER_OBJECT driver = IopServiceDriver(r->Name);
    if (driver) {
        ObfDereferenceObject(driver);
        return;
    }
    r->Removed = TRUE;
    RemoveEntryList(&r->Entry);
    IopDeleteServiceKey(r->Name);
    IopFreeService(r);
}

/* A driver was unloaded (its stop may have waited for its last file to
 * close): services marked for delete that waited for it go now. */
void IopServicesDriverUnloaded(void)
{
    ObpAcquireLock(&IopServicesLock);
    for (PLIST_ENTRY e = IopServices.Flink, next; e != &IopServices; e = next) {
        next = e->Flink;
        IopMaybeRemoveService(CONTAINING_RECORD(e, IOP_SERVICE_RECORD, Entry));
    }
    ObpReleaseLock(&IopServicesLock);
}

/* SERVICE_STATUS: type, state, controls accepted, Win32 exit code,
 * service exit code, check point, wait hint. */
static void IopServiceStatus(IOP_SERVICE_RECORD *r, ULONG Status[7])
{
    PDRIVER_OBJECT driver = IopServiceDriver(r->Name);
    BOOLEAN stopping = driver && IopDriverUnloadRequested(driver);
    Status[0] = r->Type;
    Status[1] = !driver ? IOP_SERVICE_STOPPED : stopping ? IOP_SERVICE_STOP_PENDING : IOP_SERVICE_RUNNING;
    /* Windows' sc shows a driver stuck in STOP_PENDING as STOPPABLE still. */
    Status[2] = driver && driver->DriverUnload ? IOP_SERVICE_ACCEPT_STOP : 0;
    Status[3] = driver ? 0 : r->ExitCode;
    Status[4] = 0;
    Status[5] = 0;
    Status[6] = 0;
    if (driver)
        ObfDereferenceObject(driver);
}

/* One value of a service key into Buffer; its type, or 0 if missing. */
static ULONG IopQueryServiceValue(HANDLE Key, const WCHAR *Name, void *Buffer, ULONG Size, ULONG *Length)
{
    UCHAR raw[sizeof(KEY_VALUE_PARTIAL_INFORMATION) + 2048];
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, Name);
    ULONG got = 0;
    NTSTATUS status = ZwQueryValueKey(Key, &name, KeyValuePartialInformation, raw, sizeof raw, &got);
    PKEY_VALUE_PARTIAL_INFORMATION v = (PKEY_VALUE_PARTIAL_INFORMATION)raw;
    if (!NT_SUCCESS(status) || v->DataLength > Size)
        return 0;
    memcpy(Buffer, v->Data, v->DataLength);
    *Length = v->DataLength;
    return v->Type;
}

/* The SCM's database is the registry: a driver service whose key exists
 * (one `ntk run --driver` loaded, or one a persistent registry kept) but
 * that this SCM has no record of yet gets one, read from the key. */
static IOP_SERVICE_RECORD *IopImportService(const WCHAR *Name, size_t Chars)
{
    HANDLE key;
    if (!NT_SUCCESS(IopOpenServiceKey(Name, Chars, FALSE, &key)))
        return NULL;
    ULONG type = 0, start = 3, error = 1, length;
    WCHAR image[1024], display[260];
    IOP_SERVICE_RECORD *r = NULL;
    BOOLEAN driver = IopQueryServiceValue(key, L"Type", &type, sizeof type, &length) == REG_DWORD &&
                     (type == IOP_SERVICE_KERNEL_DRIVER || type == IOP_SERVICE_FILE_SYSTEM_DRIVER);
    if (driver) {
        IopQueryServiceValue(key, L"Start", &start, sizeof start, &length);
        IopQueryServiceValue(key, L"ErrorControl", &error, sizeof error, &length);
        ULONG imageType = IopQueryServiceValue(key, L"ImagePath", image, sizeof image - sizeof(WCHAR), &length);
        if (imageType != REG_SZ && imageType != REG_EXPAND_SZ)
            length = 0;
        image[length / sizeof(WCHAR)] = 0;
        ULONG displayType = IopQueryServiceValue(key, L"DisplayName", display, sizeof display - sizeof(WCHAR), &length);
        if (displayType != REG_SZ)
            length = 0;
        display[length / sizeof(WCHAR)] = 0;
        r = KipAlloc(sizeof *r);
    }
    ZwClose(key);
    if (!r)
        return NULL;
    memset(r, 0, sizeof *r);
    r->Name = IopWideDup(Name, Chars);
    r->DisplayName = display[0] ? IopWideDup(display, IopWideLength(display)) : IopWideDup(Name, Chars);
    r->ImagePath = IopWideDup(image, IopWideLength(image));
    r->Type = type;
    r->Start = start;
    r->ErrorControl = error;
    r->ExitCode = W_ERROR_SERVICE_NEVER_STARTED;
    if (!r->Name || !r->DisplayName || !r->ImagePath) {
        IopFreeService(r);
        return NULL;
    }
    PDRIVER_OBJECT loaded = IopServiceDriver(r->Name);
    if (loaded) {
        r->ExitCode = 0;
        ObfDereferenceObject(loaded);
    }
    return r;
}

/* The record of Name, imported from the registry when there is only a key;
 * with the lock held on return. */
static IOP_SERVICE_RECORD *IopFindOrImportService(const WCHAR *Name, size_t Chars)
{
    ObpAcquireLock(&IopServicesLock);
    IOP_SERVICE_RECORD *r = IopFindService(Name, Chars);
    if (r)
        return r;
    ObpReleaseLock(&IopServicesLock);
    IOP_SERVICE_RECORD *imported = IopImportService(Name, Chars);
    ObpAcquireLock(&IopServicesLock);
    r = IopFindService(Name, Chars);
    if (r || !imported) {
        if (imported)
            IopFreeService(imported);
        return r;
    }
    InsertTailList(&IopServices, &imported->Entry);
    return imported;
}

/* @implemented: CreateService's records. ImagePath as given; a Win32 path
 * of a driver ("C:\x\y.sys") is stored as the NT path "\??\C:\x\y.sys",
 * as the SCM does. */
DECLSPEC_EXPORT ULONG ntk_scm_create(const WCHAR *Name, const WCHAR *DisplayName, ULONG Type, ULONG Start,
                                     ULONG ErrorControl, const WCHAR *ImagePath, void **Service)
{
    size_t n = IopWideLength(Name);
    *Service = NULL;
    if (n == 0 || n > 256)
        return W_ERROR_INVALID_NAME;
    for (size_t i = 0; i < n; i++)
        if (Name[i] == L'\\' || Name[i] == L'/')
            return W_ERROR_INVALID_NAME;
    if (Type != IOP_SERVICE_KERNEL_DRIVER && Type != IOP_SERVICE_FILE_SYSTEM_DRIVER)
        return W_ERROR_NOT_SUPPORTED;
    if (Start > IOP_SERVICE_DISABLED || ErrorControl > 3 || !ImagePath || !ImagePath[0])
        return W_ERROR_INVALID_PARAMETER;
    size_t in = IopWideLength(ImagePath), dn = IopWideLength(DisplayName);
    BOOLEAN dos = in >= 3 && ImagePath[1] == L':' && (ImagePath[2] == L'\\' || ImagePath[2] == L'/');
    IOP_SERVICE_RECORD *r = KipAlloc(sizeof *r);
    WCHAR *image = KipAlloc((in + 5) * sizeof(WCHAR));
    if (!r || !image) {
        KipFree(r);
        KipFree(image);
        return W_ERROR_NOT_ENOUGH_MEMORY;
    }
    memset(r, 0, sizeof *r);
    size_t k = 0;
    if (dos) {
        memcpy(image, L"\\??\\", 4 * sizeof(WCHAR));
        k = 4;
    }
    memcpy(image + k, ImagePath, in * sizeof(WCHAR));
    image[k + in] = 0;
    r->ImagePath = image;
    r->Name = IopWideDup(Name, n);
    r->DisplayName = IopWideDup(dn ? DisplayName : Name, dn ? dn : n);
    r->Type = Type;
    r->Start = Start;
    r->ErrorControl = ErrorControl;
    r->ExitCode = W_ERROR_SERVICE_NEVER_STARTED;
    r->Handles = 1;
    if (!r->Name || !r->DisplayName) {
        IopFreeService(r);
        return W_ERROR_NOT_ENOUGH_MEMORY;
    }
    IOP_SERVICE_RECORD *old = IopFindOrImportService(Name, n);
    if (old) {
        ULONG err = old->DeletePending ? W_ERROR_SERVICE_MARKED_FOR_DELETE : W_ERROR_SERVICE_EXISTS;
        ObpReleaseLock(&IopServicesLock);
        IopFreeService(r);
        return err;
    }
    InsertTailList(&IopServices, &r->Entry);
    IopWriteServiceKey(r);
    ObpReleaseLock(&IopServicesLock);
    *Service = r;
    return ERROR_SUCCESS_;
}

/* @implemented: OpenService's lookup; the record counts the handle. */
DECLSPEC_EXPORT ULONG ntk_scm_open(const WCHAR *Name, void **Service)
{
    *Service = NULL;
    size_t n = IopWideLength(Name);
    if (n == 0)
        return W_ERROR_INVALID_NAME;
    IOP_SERVICE_RECORD *r = IopFindOrImportService(Name, n);
    ULONG err = !r ? W_ERROR_SERVICE_DOES_NOT_EXIST : r->DeletePending ? W_ERROR_SERVICE_MARKED_FOR_DELETE : 0;
    if (!err) {
        r->Handles++;
        *Service = r;
    }
    ObpReleaseLock(&IopServicesLock);
    return err;
}

/* @implemented: CloseServiceHandle of a service handle. */
DECLSPEC_EXPORT void ntk_scm_close(void *Service)
{
    IOP_SERVICE_RECORD *r = Service;
    ObpAcquireLock(&IopServicesLock);
    r->Handles--;
    IopMaybeRemoveService(r);
    ObpReleaseLock(&IopServicesLock);
}

/* @implemented: DeleteService: marked now, removed when the last handle is
 * closed and the driver is stopped. */
DECLSPEC_EXPORT ULONG ntk_scm_delete(void *Service)
{
    IOP_SERVICE_RECORD *r = Service;
    ObpAcquireLock(&IopServicesLock);
    ULONG err = r->DeletePending ? W_ERROR_SERVICE_MARKED_FOR_DELETE : 0;
    r->DeletePending = TRUE;
    ObpReleaseLock(&IopServicesLock);
    return err;
}

/* @implemented: QueryServiceStatus: the SERVICE_STATUS fields in order. */
DECLSPEC_EXPORT void ntk_scm_query(void *Service, ULONG *Status)
{
    ObpAcquireLock(&IopServicesLock);
    IopServiceStatus(Service, Status);
    ObpReleaseLock(&IopServicesLock);
}

/* @implemented: the configuration (sc qc): type, start, error control,
 * and copies of the image path and display name (truncated to Chars). */
DECLSPEC_EXPORT void ntk_scm_config(void *Service, ULONG *Config, WCHAR *Image, ULONG ImageChars, WCHAR *Display,
                                    ULONG DisplayChars)
{
    IOP_SERVICE_RECORD *r = Service;
    ObpAcquireLock(&IopServicesLock);
    Config[0] = r->Type;
    Config[1] = r->Start;
    Config[2] = r->ErrorControl;
    size_t n = IopWideLength(r->ImagePath);
    if (ImageChars) {
        n = n < ImageChars - 1 ? n : ImageChars - 1;
        memcpy(Image, r->ImagePath, n * sizeof(WCHAR));
        Image[n] = 0;
    }
    n = IopWideLength(r->DisplayName);
    if (DisplayChars) {
        n = n < DisplayChars - 1 ? n : DisplayChars - 1;
        memcpy(Display, r->DisplayName, n * sizeof(WCHAR));
        Display[n] = 0;
    }
    ObpReleaseLock(&IopServicesLock);
}

/* @implemented: StartService of a driver: ZwLoadDriver on its key. */
DECLSPEC_EXPORT ULONG ntk_scm_start(void *Service)
{
    IOP_SERVICE_RECORD *r = Service;
    WCHAR key[400];
    static const WCHAR prefix[] = L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\";
    size_t p = RTL_NUMBER_OF(prefix) - 1;
    ObpAcquireLock(&IopServicesLock);
    ULONG err = r->DeletePending ? W_ERROR_SERVICE_MARKED_FOR_DELETE
                : r->Start == IOP_SERVICE_DISABLED ? W_ERROR_SERVICE_DISABLED : 0;
    size_t n = IopWideLength(r->Name);
    if (!err && p + n < RTL_NUMBER_OF(key)) {
        memcpy(key, prefix, p * sizeof(WCHAR));
        memcpy(key + p, r->Name, n * sizeof(WCHAR));
    }
    r->Handles++; /* kept while the driver starts without the lock */
    ObpReleaseLock(&IopServicesLock);
    if (!err) {
        UNICODE_STRING k = {(USHORT)((p + n) * sizeof(WCHAR)), (USHORT)((p + n) * sizeof(WCHAR)), key};
        NTSTATUS status = ZwLoadDriver(&k);
        err = NT_SUCCESS(status) ? 0 : RtlNtStatusToDosError(status);
        if (status == STATUS_IMAGE_ALREADY_LOADED)
            err = W_ERROR_SERVICE_ALREADY_RUNNING;
        ObpAcquireLock(&IopServicesLock);
        if (err != W_ERROR_SERVICE_ALREADY_RUNNING)
            r->ExitCode = err;
        ObpReleaseLock(&IopServicesLock);
    }
    ntk_scm_close(r);
    return err;
}

/* @implemented: ControlService(SERVICE_CONTROL_STOP) of a driver:
 * ZwUnloadDriver. Status receives the SERVICE_STATUS afterwards. */
DECLSPEC_EXPORT ULONG ntk_scm_stop(void *Service, ULONG *Status)
{
    IOP_SERVICE_RECORD *r = Service;
    ObpAcquireLock(&IopServicesLock);
    PDRIVER_OBJECT driver = IopServiceDriver(r->Name);
    ULONG err = 0;
    if (!driver)
        err = W_ERROR_SERVICE_NOT_ACTIVE;
    else if (!driver->DriverUnload)
        err = W_ERROR_INVALID_SERVICE_CONTROL;
    else if (IopDriverUnloadRequested(driver))
        err = W_ERROR_SERVICE_CANNOT_ACCEPT_CTRL; /* STOP_PENDING until its files close */
    if (driver)
        ObfDereferenceObject(driver);
    r->Handles++;
    WCHAR key[400];
    static const WCHAR prefix[] = L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\";
    size_t p = RTL_NUMBER_OF(prefix) - 1, n = IopWideLength(r->Name);
    if (p + n >= RTL_NUMBER_OF(key) && !err)
        err = W_ERROR_INVALID_NAME;
    if (!err) {
        memcpy(key, prefix, p * sizeof(WCHAR));
        memcpy(key + p, r->Name, n * sizeof(WCHAR));
    }
    ObpReleaseLock(&IopServicesLock);
    if (!err) {
        UNICODE_STRING k = {(USHORT)((p + n) * sizeof(WCHAR)), (USHORT)((p + n) * sizeof(WCHAR)), key};
        NTSTATUS status = ZwUnloadDriver(&k);
        if (!NT_SUCCESS(status))
            err = status == STATUS_OBJECT_NAME_NOT_FOUND ? W_ERROR_SERVICE_NOT_ACTIVE : RtlNtStatusToDosError(status);
        else
            r->ExitCode = 0;
    }
    ObpAcquireLock(&IopServicesLock);
    IopServiceStatus(r, Status);
    r->Handles--;
    IopMaybeRemoveService(r);
    ObpReleaseLock(&IopServicesLock);
    return err;
}

/* @implemented: EnumServicesStatus, one record at a time (Index from 0):
 * its name, display name and status; ERROR_NO_MORE_ITEMS past the end. */
DECLSPEC_EXPORT ULONG ntk_scm_enum(ULONG Index, WCHAR *Name, ULONG NameChars, WCHAR *Display, ULONG DisplayChars,
                                   ULONG *Status)
{
    ULONG err = W_ERROR_NO_MORE_ITEMS;
    ObpAcquireLock(&IopServicesLock);
    for (PLIST_ENTRY e = IopServices.Flink; e != &IopServices; e = e->Flink) {
        if (Index-- > 0)
            continue;
        IOP_SERVICE_RECORD *r = CONTAINING_RECORD(e, IOP_SERVICE_RECORD, Entry);
        size_t n = IopWideLength(r->Name), d = IopWideLength(r->DisplayName);
        if (n >= NameChars || d >= DisplayChars) {
            err = W_ERROR_INVALID_PARAMETER;
            break;
        }
        memcpy(Name, r->Name, (n + 1) * sizeof(WCHAR));
        memcpy(Display, r->DisplayName, (d + 1) * sizeof(WCHAR));
        IopServiceStatus(r, Status);
        err = 0;
        break;
    }
    ObpReleaseLock(&IopServicesLock);
    return err;
}

/* ImagePath of the service's key: STATUS_SUCCESS with the value, or
 * STATUS_OBJECT_NAME_NOT_FOUND when there is no key; a key without the
 * value gives Windows' default, \SystemRoot\System32\drivers\NAME.sys. */
static NTSTATUS IopRegistryImagePath(PCUNICODE_STRING ServiceName, WCHAR *Image, size_t Chars, size_t *Length)
{
    HANDLE key;
    NTSTATUS status = IopOpenServiceKey(ServiceName->Buffer, ServiceName->Length / sizeof(WCHAR), FALSE, &key);
    if (!NT_SUCCESS(status))
        return STATUS_OBJECT_NAME_NOT_FOUND;
    UCHAR buffer[sizeof(KEY_VALUE_PARTIAL_INFORMATION) + 2048];
    ULONG got = 0;
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"ImagePath");
    status = ZwQueryValueKey(key, &name, KeyValuePartialInformation, buffer, sizeof buffer, &got);
    ZwClose(key);
    PKEY_VALUE_PARTIAL_INFORMATION v = (PKEY_VALUE_PARTIAL_INFORMATION)buffer;
    if (NT_SUCCESS(status) && (v->Type == REG_SZ || v->Type == REG_EXPAND_SZ)) {
        size_t n = v->DataLength / sizeof(WCHAR);
        while (n && ((WCHAR *)v->Data)[n - 1] == 0)
            n--;
        if (n >= Chars)
            return STATUS_OBJECT_NAME_INVALID;
        memcpy(Image, v->Data, n * sizeof(WCHAR));
        *Length = n;
        return STATUS_SUCCESS;
    }
    static const WCHAR prefix[] = L"\\SystemRoot\\System32\\drivers\\";
    size_t p = RTL_NUMBER_OF(prefix) - 1, sn = ServiceName->Length / sizeof(WCHAR);
    if (p + sn + 4 >= Chars)
        return STATUS_OBJECT_NAME_INVALID;
    memcpy(Image, prefix, p * sizeof(WCHAR));
    memcpy(Image + p, ServiceName->Buffer, sn * sizeof(WCHAR));
    memcpy(Image + p + sn, L".sys", 4 * sizeof(WCHAR));
    *Length = p + sn + 4;
    return STATUS_SUCCESS;
}

NTSTATUS IopServiceImagePath(PCUNICODE_STRING ServiceName, char *HostPath, size_t Size)
{
    WCHAR image[1024];
    size_t n = 0;
    NTSTATUS status = IopRegistryImagePath(ServiceName, image, RTL_NUMBER_OF(image), &n);
    if (status == STATUS_OBJECT_NAME_NOT_FOUND) {
        /* No key (a registry without the service): the SCM's record. */
        ObpAcquireLock(&IopServicesLock);
        IOP_SERVICE_RECORD *r = IopFindService(ServiceName->Buffer, ServiceName->Length / sizeof(WCHAR));
        n = r ? IopWideLength(r->ImagePath) : 0;
        if (r && n < RTL_NUMBER_OF(image))
            memcpy(image, r->ImagePath, n * sizeof(WCHAR));
        ObpReleaseLock(&IopServicesLock);
        if (!r)
            return STATUS_OBJECT_NAME_NOT_FOUND;
        status = n < RTL_NUMBER_OF(image) ? STATUS_SUCCESS : STATUS_OBJECT_NAME_INVALID;
    }
    if (!NT_SUCCESS(status))
        return status;
    status = IopHostPathFromWindows(image, (USHORT)n, HostPath, Size);
    /* A path the mapping refuses (another drive) names no file. */
    if (status == STATUS_OBJECT_PATH_SYNTAX_BAD)
        return STATUS_OBJECT_PATH_NOT_FOUND;
    return status;
}
