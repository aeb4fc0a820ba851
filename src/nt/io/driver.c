/*
 * driver.c - driver objects: loading a driver and calling its DriverEntry,
 * unloading it with DriverUnload, and reporting what it left behind.
 */
#include <internal/io.h>
#include <internal/cm.h>
#include <internal/io_host.h>
#include <internal/ex_pool.h>
#include <internal/ldr_image.h>
#include <internal/ntk_alloc.h>
#include <stdio.h>

static void IopDeleteDriverObject(PVOID Object)
{
    PIOP_DRIVER_OBJECT d = Object;
    KipFree(d->Private.RegistryPathAllocation);
    KipFree(d->Driver.DriverName.Buffer);
    KipFree(d->Extension.ServiceKeyName.Buffer);
}

static OBJECT_TYPE IopDriverType = {.Name = "Driver", .PoolTag = 'virD', .GenericRead = 0x20000,
                                    .GenericWrite = 0x20000, .GenericExecute = 0x20000, .GenericAll = 0x1f01ff,
                                    .Delete = IopDeleteDriverObject};
POBJECT_TYPE IopDriverObjectType = &IopDriverType;
DECLSPEC_EXPORT POBJECT_TYPE *IoDriverObjectType = &IopDriverObjectType;

static LIST_ENTRY IopLoadedDrivers = {&IopLoadedDrivers, &IopLoadedDrivers};
static OBP_LOCK IopLoadedDriversLock;

static void IopReport(const char *text)
{
    ntkhost->write_err(text, strlen(text));
}

/* UTF-16 copy of an ASCII string (paths and service names are ASCII). */
static NTSTATUS IopMakeUnicode(UNICODE_STRING *dst, const char *prefix, const char *name)
{
    size_t n1 = strlen(prefix), n2 = strlen(name);
    if ((n1 + n2) * 2 >= UNICODE_STRING_MAX_BYTES)
        return STATUS_NAME_TOO_LONG;
    dst->Buffer = KipAlloc((n1 + n2 + 1) * sizeof(WCHAR));
    if (!dst->Buffer)
        return STATUS_INSUFFICIENT_RESOURCES;
    for (size_t i = 0; i < n1; i++)
        dst->Buffer[i] = (WCHAR)(unsigned char)prefix[i];
    for (size_t i = 0; i < n2; i++)
        dst->Buffer[n1 + i] = (WCHAR)(unsigned char)name[i];
    dst->Buffer[n1 + n2] = 0;
    dst->Length = (USHORT)((n1 + n2) * sizeof(WCHAR));
    dst->MaximumLength = (USHORT)(dst->Length + sizeof(WCHAR));
    return STATUS_SUCCESS;
}

PDRIVER_OBJECT IopDriverForAddress(const void *Address)
{
    PDRIVER_OBJECT found = NULL;
    ObpAcquireLock(&IopLoadedDriversLock);
    for (PLIST_ENTRY e = IopLoadedDrivers.Flink; e != &IopLoadedDrivers; e = e->Flink) {
        PIOP_DRIVER_OBJECT d = CONTAINING_RECORD(e, IOP_DRIVER_OBJECT, Private.LoadedEntry);
        ULONG_PTR a = (ULONG_PTR)Address, base = (ULONG_PTR)d->Driver.DriverStart;
        if (a >= base && a < base + d->Driver.DriverSize) {
            found = &d->Driver;
            break;
        }
    }
    ObpReleaseLock(&IopLoadedDriversLock);
    return found;
}

/* Takes a driver off the loaded list (it is then neither found by name
 * nor unloaded at exit). */
static void IopForgetLoadedDriver(PIOP_DRIVER_OBJECT d)
{
    ObpAcquireLock(&IopLoadedDriversLock);
    RemoveEntryList(&d->Private.LoadedEntry);
    InitializeListHead(&d->Private.LoadedEntry);
    ObpReleaseLock(&IopLoadedDriversLock);
}

NTSTATUS IopLoadDriver(const char *Path, const char *ServiceName, PDRIVER_OBJECT *DriverObject)
{
    char reason[512], line[768];
    LDR_IMAGE *image;
    PDRIVER_INITIALIZE entry;
    *DriverObject = NULL;
    NTSTATUS status = LdrpLoadDriverImage(Path, &image, &entry, reason, sizeof reason);
    if (!NT_SUCCESS(status)) {
        snprintf(line, sizeof line, "ntk: cannot load driver %s: %s (status 0x%08X)\n", Path, reason,
                 (unsigned)status);
        IopReport(line);
        return status;
    }

    PVOID object;
    status = ObpCreateObject(&IopDriverType, sizeof(IOP_DRIVER_OBJECT), &object);
    if (!NT_SUCCESS(status)) {
        LdrpUnloadDriverImage(image);
        return status;
    }
    PIOP_DRIVER_OBJECT d = object;
    PDRIVER_OBJECT driver = &d->Driver;
    driver->Type = IO_TYPE_DRIVER;
    driver->Size = sizeof(DRIVER_OBJECT);
    driver->Flags = DRVO_LEGACY_DRIVER;
    driver->DriverStart = (PVOID)image->Base;
    driver->DriverSize = (ULONG)image->Size;
    driver->DriverSection = image;
    driver->DriverExtension = &d->Extension;
    driver->DriverInit = entry;
    d->Extension.DriverObject = driver;
    d->Private.Image = image;
    snprintf(d->Private.ServiceNameA, sizeof d->Private.ServiceNameA, "%s", ServiceName);
    for (int i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        driver->MajorFunction[i] = IopInvalidDeviceRequest;

    status = IopMakeUnicode(&driver->DriverName, "\\Driver\\", ServiceName);
    if (NT_SUCCESS(status))
        status = IopMakeUnicode(&d->Extension.ServiceKeyName, "", ServiceName);
    /* The registry path: page-aligned, the buffer right after the
     * UNICODE_STRING, MaximumLength == Length (as Windows hands it over). */
    UNICODE_STRING path = {0};
    if (NT_SUCCESS(status))
        status = IopMakeUnicode(&path, "\\Registry\\Machine\\System\\CurrentControlSet\\Services\\", ServiceName);
    if (NT_SUCCESS(status)) {
        PUNICODE_STRING rp = ntkhost->mem_alloc(sizeof(UNICODE_STRING) + path.MaximumLength, PAGE_SIZE);
        if (rp) {
            rp->Buffer = (PWCH)(rp + 1);
            memcpy(rp->Buffer, path.Buffer, path.MaximumLength);
            rp->Length = rp->MaximumLength = path.Length;
            d->Private.RegistryPathAllocation = rp;
        } else {
            status = STATUS_INSUFFICIENT_RESOURCES;
        }
        KipFree(path.Buffer);
    }
    if (NT_SUCCESS(status))
        status = ObpInsertObjectName(object, &driver->DriverName, OBJ_PERMANENT);
    if (!NT_SUCCESS(status)) {
        ObfDereferenceObject(object);
        LdrpUnloadDriverImage(image);
        return status;
    }
    ObpAcquireLock(&IopLoadedDriversLock);
    InsertTailList(&IopLoadedDrivers, &d->Private.LoadedEntry);
    ObpReleaseLock(&IopLoadedDriversLock);

    /* The service key the RegistryPath names (Type, Start, ImagePath). */
    CmpEnsureServiceKey(ServiceName, Path);
    PKTHREAD thread = KiThread();
    KPROCESSOR_MODE saved = KiEnterService(thread, KernelMode);
    status = entry(driver, d->Private.RegistryPathAllocation);
    KiLeaveService(thread, saved);
    if (thread->Irql != PASSIVE_LEVEL)
        KiBugCheckAt(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x0002001D, (ULONG_PTR)entry, thread->Irql, 0, NULL,
                     "DriverEntry returned at an IRQL above PASSIVE_LEVEL");
    if (!NT_SUCCESS(status)) {
        snprintf(line, sizeof line, "ntk: DriverEntry of %s failed with status 0x%08X\n", image->Name,
                 (unsigned)status);
        IopReport(line);
        /* Windows unloads a driver whose DriverEntry failed without calling
         * DriverUnload; what it created is its own to have cleaned up. */
        IopForgetLoadedDriver(d);
        ObpRemoveObjectName(object);
        ObfDereferenceObject(object);
        LdrpUnloadDriverImage(image);
        return status;
    }
    for (int i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        if (!driver->MajorFunction[i])
            driver->MajorFunction[i] = IopInvalidDeviceRequest;
    for (PDEVICE_OBJECT dev = driver->DeviceObject; dev; dev = dev->NextDevice)
        dev->Flags &= ~DO_DEVICE_INITIALIZING;
    driver->Flags |= DRVO_INITIALIZED;
    *DriverObject = driver;
    return STATUS_SUCCESS;
}

/* Symbolic links in \?? that still point at one of the driver's devices. */
typedef struct IOP_LEFTOVER_SCAN {
    PDRIVER_OBJECT Driver;
    PVOID Links[32];
    ULONG Count;
} IOP_LEFTOVER_SCAN;

static void IopScanLink(PVOID Object, void *ctx)
{
    IOP_LEFTOVER_SCAN *scan = ctx;
    if (OBJECT_TO_OBJECT_HEADER(Object)->Type != ObpSymbolicLinkObjectType || scan->Count >= 32)
        return;
    PCUNICODE_STRING target = ObpSymbolicLinkTarget(Object);
    for (PDEVICE_OBJECT dev = scan->Driver->DeviceObject; dev; dev = dev->NextDevice) {
        PUNICODE_STRING name = &OBJECT_TO_OBJECT_HEADER(dev)->Name;
        /* Targets are "\Device\<name>"; compare the last component. */
        USHORT tn = target->Length / sizeof(WCHAR), nn = name->Length / sizeof(WCHAR);
        if (nn && tn > nn && target->Buffer[tn - nn - 1] == L'\\' &&
            !memcmp(target->Buffer + tn - nn, name->Buffer, name->Length)) {
            ObfReferenceObject(Object);
            scan->Links[scan->Count++] = Object;
            return;
        }
    }
}

static void IopAppendName(char *out, size_t size, PCUNICODE_STRING name)
{
    size_t n = strlen(out);
    for (USHORT i = 0; i < name->Length / sizeof(WCHAR) && n + 1 < size; i++)
        out[n++] = name->Buffer[i] < 128 ? (char)name->Buffer[i] : '?';
    out[n] = 0;
}

/* The driver object as ntk made it (loaded or built in), or NULL for one
 * made elsewhere (a test's own DRIVER_OBJECT): only ntk's have the private
 * part, and their DriverExtension follows the DRIVER_OBJECT. */
PIOP_DRIVER_OBJECT IopKnownDriver(PDRIVER_OBJECT DriverObject)
{
    PIOP_DRIVER_OBJECT d = CONTAINING_RECORD(DriverObject, IOP_DRIVER_OBJECT, Driver);
    return DriverObject && DriverObject->DriverExtension == &d->Extension ? d : NULL;
}

/* The unload decision. UnloadState changes under the driver's UnloadLock,
 * and the device list is walked there only while no unload is under way
 * (an unload deletes devices). Opens do not take the lock: they count
 * their file (ReferenceCount) before looking at DOE_UNLOAD_PENDING again,
 * and the unload sets that flag before it counts files, both sequentially
 * consistent, so an open either is counted or sees the flag and fails. */

/* Files open on its devices, or another driver's device attached to one:
 * Windows does not call DriverUnload yet. UnloadLock held. */
static BOOLEAN IopDriverBusy(PDRIVER_OBJECT DriverObject)
{
    for (PDEVICE_OBJECT dev = DriverObject->DeviceObject; dev; dev = dev->NextDevice)
        if (__atomic_load_n(&dev->ReferenceCount, __ATOMIC_SEQ_CST) > 0 || dev->AttachedDevice)
            return TRUE;
    return FALSE;
}

/* ZwUnloadDriver: marks the devices unload pending (new opens fail) and
 * the driver UNLOAD_PENDING; FALSE if an unload was asked for already. */
static BOOLEAN IopRequestUnload(PIOP_DRIVER_OBJECT d)
{
    BOOLEAN first = FALSE;
    KiAcquireWordLock(&d->Private.UnloadLock);
    if (d->Private.UnloadState == IOP_DRIVER_LOADED) {
        for (PDEVICE_OBJECT dev = d->Driver.DeviceObject; dev; dev = dev->NextDevice)
            __atomic_fetch_or(&IopDeviceExtension(dev)->ExtensionFlags, DOE_UNLOAD_PENDING, __ATOMIC_SEQ_CST);
        __atomic_store_n(&d->Private.UnloadState, IOP_DRIVER_UNLOAD_PENDING, __ATOMIC_SEQ_CST);
        first = TRUE;
    }
    KiReleaseWordLock(&d->Private.UnloadLock);
    return first;
}

/* TRUE for the one caller that moves the driver to UNLOADING: it carries
 * out the unload. WhenIdle: only a pending unload with nothing open (a
 * last close, ZwUnloadDriver); otherwise any state but UNLOADING (the
 * application's exit, which waits for open files itself). */
static BOOLEAN IopClaimUnload(PIOP_DRIVER_OBJECT d, BOOLEAN WhenIdle)
{
    BOOLEAN claimed;
    KiAcquireWordLock(&d->Private.UnloadLock);
    if (WhenIdle)
        claimed = d->Private.UnloadState == IOP_DRIVER_UNLOAD_PENDING && !IopDriverBusy(&d->Driver);
    else
        claimed = d->Private.UnloadState != IOP_DRIVER_UNLOADING;
    if (claimed)
        __atomic_store_n(&d->Private.UnloadState, IOP_DRIVER_UNLOADING, __ATOMIC_SEQ_CST);
    KiReleaseWordLock(&d->Private.UnloadLock);
    return claimed;
}

BOOLEAN IopDriverUnloadRequested(PDRIVER_OBJECT DriverObject)
{
    PIOP_DRIVER_OBJECT d = IopKnownDriver(DriverObject);
    return d && __atomic_load_n(&d->Private.UnloadState, __ATOMIC_SEQ_CST) != IOP_DRIVER_LOADED;
}

/* Calls DriverUnload, reports and removes what the driver left behind, and
 * unmaps its image. The caller has claimed the unload (IopClaimUnload). */
static void IopUnloadDriver(PDRIVER_OBJECT DriverObject)
{
    PIOP_DRIVER_OBJECT d = CONTAINING_RECORD(DriverObject, IOP_DRIVER_OBJECT, Driver);
    char line[512];
    if (DriverObject->DriverUnload) {
        DriverObject->Flags |= DRVO_UNLOAD_INVOKED;
        for (PDEVICE_OBJECT dev = DriverObject->DeviceObject; dev; dev = dev->NextDevice)
            __atomic_fetch_or(&IopDeviceExtension(dev)->ExtensionFlags, DOE_UNLOAD_PENDING, __ATOMIC_SEQ_CST);
        PKTHREAD thread = KiThread();
        KPROCESSOR_MODE saved = KiEnterService(thread, KernelMode);
        DriverObject->DriverUnload(DriverObject);
        KiLeaveService(thread, saved);
    } else {
        snprintf(line, sizeof line, "ntk: %s has no DriverUnload routine; unloading it anyway at exit\n",
                 d->Private.Image->Name);
        IopReport(line);
    }

    /* What the driver left behind is reported, then removed so that nothing
     * points into the unmapped image. */
    IOP_LEFTOVER_SCAN scan = {.Driver = DriverObject};
    UNICODE_STRING dosDevices = RTL_CONSTANT_STRING(L"\\??");
    PVOID dir;
    if (DriverObject->DeviceObject &&
        NT_SUCCESS(ObpLookupObjectName(&dosDevices, OBJ_CASE_INSENSITIVE, NULL, NULL, KernelMode, &dir))) {
        ObpEnumerateDirectory(dir, IopScanLink, &scan);
        ObfDereferenceObject(dir);
    }
    for (ULONG i = 0; i < scan.Count; i++) {
        snprintf(line, sizeof line, "ntk: %s left symbolic link \\??\\", d->Private.Image->Name);
        IopAppendName(line, sizeof line, &OBJECT_TO_OBJECT_HEADER(scan.Links[i])->Name);
        strncat(line, " behind after unload\n", sizeof line - strlen(line) - 1);
        IopReport(line);
        OBJECT_TO_OBJECT_HEADER(scan.Links[i])->Flags &= ~OB_FLAG_PERMANENT;
        ObpRemoveObjectName(scan.Links[i]);
        ObfDereferenceObject(scan.Links[i]);
    }
    while (DriverObject->DeviceObject) {
        PDEVICE_OBJECT dev = DriverObject->DeviceObject;
        snprintf(line, sizeof line, "ntk: %s left device object %p", d->Private.Image->Name, (void *)dev);
        if (OBJECT_TO_OBJECT_HEADER(dev)->Name.Length) {
            strncat(line, " (\\Device\\", sizeof line - strlen(line) - 1);
            IopAppendName(line, sizeof line, &OBJECT_TO_OBJECT_HEADER(dev)->Name);
            strncat(line, ")", sizeof line - strlen(line) - 1);
        }
        strncat(line, " behind after unload\n", sizeof line - strlen(line) - 1);
        IopReport(line);
        IoDeleteDevice(dev);
    }

    /* Pool it still holds: reported (and a bug check by default). */
    ExpReportPoolLeaks(DriverObject);

    IopForgetLoadedDriver(d);
    LDR_IMAGE *image = d->Private.Image;
    ObpRemoveObjectName(DriverObject);
    ObfDereferenceObject(DriverObject);
    LdrpUnloadDriverImage(image);
    IopServicesDriverUnloaded();
}

static LONG IopOpenFilesOnDriver(PDRIVER_OBJECT DriverObject)
{
    LONG open = 0;
    for (PDEVICE_OBJECT dev = DriverObject->DeviceObject; dev; dev = dev->NextDevice)
        open += __atomic_load_n(&dev->ReferenceCount, __ATOMIC_ACQUIRE);
    return open;
}

/* At exit an application thread may still be on its way out of an I/O
 * service, holding the file object whose close goes to the driver. As on
 * Windows, a driver with files open on its devices is not unloaded: ntk
 * waits (bounded) for them to close, and past the deadline reports the
 * driver and leaves it loaded rather than call into freed objects. */
static BOOLEAN IopWaitForOpenFiles(PDRIVER_OBJECT DriverObject, int64_t deadline)
{
    LONG open;
    while ((open = IopOpenFilesOnDriver(DriverObject)) > 0) {
        if (ntkhost->monotonic_ns() >= deadline) {
            PIOP_DRIVER_OBJECT d = CONTAINING_RECORD(DriverObject, IOP_DRIVER_OBJECT, Driver);
            char line[512];
            snprintf(line, sizeof line,
                     "ntk: %s still has %ld file object(s) open on its devices %.1f s after exit began; "
                     "not unloading it\n",
                     d->Private.Image->Name, (long)open, (double)IopCancelTimeoutNs() / 1e9);
            IopReport(line);
            return FALSE;
        }
        ntkhost->sleep_ns(1000000);
    }
    return TRUE;
}

void IopUnloadAllDrivers(void)
{
    /* Work a driver queued must run before its image goes away. */
    ExpFlushWorkQueue();
    int64_t deadline = ntkhost->monotonic_ns() + IopCancelTimeoutNs();
    for (;;) {
        ObpAcquireLock(&IopLoadedDriversLock);
        PDRIVER_OBJECT last = NULL;
        if (!IsListEmpty(&IopLoadedDrivers)) {
            last = &CONTAINING_RECORD(IopLoadedDrivers.Blink, IOP_DRIVER_OBJECT, Private.LoadedEntry)->Driver;
            ObfReferenceObject(last);
        }
        ObpReleaseLock(&IopLoadedDriversLock);
        if (!last)
            return;
        /* Claimed before waiting: a file closed meanwhile must not start a
         * pending unload of it on another thread. */
        if (!IopClaimUnload(CONTAINING_RECORD(last, IOP_DRIVER_OBJECT, Driver), FALSE)) {
            /* A deferred unload is under way on another thread (its last
             * file was just closed); it takes the driver off the list. */
            ObfDereferenceObject(last);
            ExpFlushWorkQueue();
            ntkhost->sleep_ns(1000000);
            continue;
        }
        if (IopWaitForOpenFiles(last, deadline))
            IopUnloadDriver(last);
        else
            IopForgetLoadedDriver(CONTAINING_RECORD(last, IOP_DRIVER_OBJECT, Driver));
        ObfDereferenceObject(last);
    }
}

/* The service name at the end of a "\Registry\Machine\System\...\Services\NAME"
 * path, as "\Driver\NAME", or FALSE if the path has another shape. */
static BOOLEAN IopDriverNameForService(PUNICODE_STRING ServicePath, WCHAR *out, USHORT outChars,
                                       UNICODE_STRING *name)
{
    static const WCHAR prefix[] = L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\";
    USHORT n = ServicePath->Length / sizeof(WCHAR), p = RTL_NUMBER_OF(prefix) - 1;
    if (n <= p)
        return FALSE;
    for (USHORT i = 0; i < p; i++)
        if (RtlUpcaseUnicodeChar(ServicePath->Buffer[i]) != RtlUpcaseUnicodeChar(prefix[i]))
            return FALSE;
    static const WCHAR driverDir[] = L"\\Driver\\";
    USHORT d = RTL_NUMBER_OF(driverDir) - 1;
    if (d + n - p >= outChars)
        return FALSE;
    memcpy(out, driverDir, d * sizeof(WCHAR));
    memcpy(out + d, ServicePath->Buffer + p, (n - p) * sizeof(WCHAR));
    name->Buffer = out;
    name->Length = name->MaximumLength = (USHORT)((d + n - p) * sizeof(WCHAR));
    return TRUE;
}

static PDRIVER_OBJECT IopFindLoadedDriver(PUNICODE_STRING DriverServiceName)
{
    WCHAR buffer[300];
    UNICODE_STRING name;
    PVOID driver;
    if (!DriverServiceName || !IopDriverNameForService(DriverServiceName, buffer, RTL_NUMBER_OF(buffer), &name))
        return NULL;
    if (!NT_SUCCESS(ObpLookupObjectName(&name, OBJ_CASE_INSENSITIVE, IopDriverObjectType, NULL, KernelMode, &driver)))
        return NULL;
    return driver;
}

/* @implemented: DriverServiceName is the service's key,
 * \Registry\Machine\System\CurrentControlSet\Services\NAME; the image
 * is the service's ImagePath (docs/SERVICES.md). A loaded driver gives
 * STATUS_IMAGE_ALREADY_LOADED, a service that does not exist
 * STATUS_OBJECT_NAME_NOT_FOUND, a missing image file
 * STATUS_OBJECT_NAME_NOT_FOUND (ERROR_FILE_NOT_FOUND), a failing
 * DriverEntry its status. */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwLoadDriver(PUNICODE_STRING DriverServiceName)
{
    KI_CHECK_IRQL(ZwLoadDriver);
    PDRIVER_OBJECT driver = IopFindLoadedDriver(DriverServiceName);
    if (driver) {
        ObfDereferenceObject(driver);
        return STATUS_IMAGE_ALREADY_LOADED;
    }
    WCHAR buffer[300];
    UNICODE_STRING name;
    if (!DriverServiceName || !IopDriverNameForService(DriverServiceName, buffer, RTL_NUMBER_OF(buffer), &name))
        return STATUS_OBJECT_NAME_NOT_FOUND;
    UNICODE_STRING service = {(USHORT)(name.Length - 8 * sizeof(WCHAR)), (USHORT)(name.Length - 8 * sizeof(WCHAR)),
                              name.Buffer + 8};
    return IopLoadServiceDriver(&service);
}

NTSTATUS IopLoadServiceDriver(PCUNICODE_STRING ServiceName)
{
    char path[IOP_HOST_PATH_MAX], nameA[64];
    USHORT n = ServiceName->Length / sizeof(WCHAR);
    if (n == 0 || n >= sizeof nameA)
        return STATUS_OBJECT_NAME_INVALID;
    for (USHORT i = 0; i < n; i++) {
        WCHAR c = ServiceName->Buffer[i];
        if (c >= 128 || c == L'\\' || c == L'/')
            return STATUS_OBJECT_NAME_INVALID;
        nameA[i] = (char)c;
    }
    nameA[n] = 0;
    NTSTATUS status = IopServiceImagePath(ServiceName, path, sizeof path);
    if (!NT_SUCCESS(status))
        return status;
    PDRIVER_OBJECT driver;
    return IopLoadDriver(path, nameA, &driver);
}

NTSTATUS IopCreateBuiltinDriver(PCUNICODE_STRING Name, PDRIVER_INITIALIZE Init, PDRIVER_OBJECT *DriverObject)
{
    PVOID object;
    NTSTATUS status = ObpCreateObject(&IopDriverType, sizeof(IOP_DRIVER_OBJECT), &object);
    if (!NT_SUCCESS(status))
        return status;
    PIOP_DRIVER_OBJECT d = object;
    PDRIVER_OBJECT driver = &d->Driver;
    driver->Type = IO_TYPE_DRIVER;
    driver->Size = sizeof(DRIVER_OBJECT);
    driver->DriverExtension = &d->Extension;
    driver->DriverInit = Init;
    d->Extension.DriverObject = driver;
    InitializeListHead(&d->Private.LoadedEntry);
    driver->DriverName.Buffer = KipAlloc(Name->Length + sizeof(WCHAR));
    if (!driver->DriverName.Buffer) {
        ObfDereferenceObject(object);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    memcpy(driver->DriverName.Buffer, Name->Buffer, Name->Length);
    driver->DriverName.Buffer[Name->Length / sizeof(WCHAR)] = 0;
    driver->DriverName.Length = Name->Length;
    driver->DriverName.MaximumLength = (USHORT)(Name->Length + sizeof(WCHAR));
    for (int i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        driver->MajorFunction[i] = IopInvalidDeviceRequest;
    status = ObpInsertObjectName(object, &driver->DriverName, OBJ_PERMANENT);
    if (NT_SUCCESS(status))
        status = Init(driver, NULL);
    if (!NT_SUCCESS(status)) {
        ObfDereferenceObject(object);
        return status;
    }
    for (PDEVICE_OBJECT dev = driver->DeviceObject; dev; dev = dev->NextDevice)
        dev->Flags &= ~DO_DEVICE_INITIALIZING;
    driver->Flags |= DRVO_INITIALIZED | DRVO_BUILTIN_DRIVER;
    *DriverObject = driver;
    return STATUS_SUCCESS;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI ZwUnloadDriver(PUNICODE_STRING DriverServiceName)
{
    KI_CHECK_IRQL(ZwUnloadDriver);
    PDRIVER_OBJECT driver = IopFindLoadedDriver(DriverServiceName);
    if (!driver)
        return STATUS_OBJECT_NAME_NOT_FOUND;
    NTSTATUS status = STATUS_SUCCESS;
    if (!driver->DriverUnload)
        status = STATUS_INVALID_DEVICE_REQUEST;
    else if (IopDriverForAddress(__builtin_return_address(0)) == driver)
        status = STATUS_INVALID_DEVICE_REQUEST; /* a driver cannot unload itself from its own code */
    if (NT_SUCCESS(status)) {
        /* A second request while the first waits for files: nothing more
         * to do. */
        PIOP_DRIVER_OBJECT d = CONTAINING_RECORD(driver, IOP_DRIVER_OBJECT, Driver);
        if (IopRequestUnload(d) && IopClaimUnload(d, TRUE))
            IopUnloadDriver(driver);
    }
    ObfDereferenceObject(driver);
    return status;
}

typedef struct _IOP_DEFERRED_UNLOAD {
    WORK_QUEUE_ITEM Item;
    PDRIVER_OBJECT Driver; /* referenced */
} IOP_DEFERRED_UNLOAD;

static void IopDeferredUnload(PVOID Context)
{
    IOP_DEFERRED_UNLOAD *work = Context;
    PDRIVER_OBJECT driver = work->Driver;
    KipFree(work);
    IopUnloadDriver(driver);
    ObfDereferenceObject(driver);
}

void IopDeviceReleased(PDEVICE_OBJECT DeviceObject)
{
    PDRIVER_OBJECT driver = DeviceObject->DriverObject;
    PIOP_DRIVER_OBJECT known = IopKnownDriver(driver);
    if (!known || __atomic_load_n(&known->Private.UnloadState, __ATOMIC_SEQ_CST) != IOP_DRIVER_UNLOAD_PENDING ||
        !IopClaimUnload(known, TRUE))
        return;
    if (KiThread()->Irql == PASSIVE_LEVEL) {
        IopUnloadDriver(driver);
        return;
    }
    /* Released above PASSIVE_LEVEL (a detach under a spin lock; file
     * objects are always deleted at PASSIVE_LEVEL, ob/obref.c):
     * DriverUnload runs at PASSIVE_LEVEL on the system worker thread. */
    IOP_DEFERRED_UNLOAD *work = KipAlloc(sizeof *work);
    if (!work) {
        IopReport("ntk: out of memory queueing a deferred driver unload; the driver stays loaded until exit\n");
        __atomic_store_n(&known->Private.UnloadState, IOP_DRIVER_UNLOAD_PENDING, __ATOMIC_SEQ_CST);
        return;
    }
    ObfReferenceObject(driver);
    work->Driver = driver;
    ExInitializeWorkItem(&work->Item, IopDeferredUnload, work);
    ExQueueWorkItem(&work->Item, DelayedWorkQueue);
}
