/*
 * test_concurrent_ioctl.c - the IOCTL path from several threads at once:
 * per-thread IRP caches, lock-free handle lookups racing handle closes, and
 * reference counts that end where they started. Run under ThreadSanitizer
 * by `make test` (label "concurrency").
 */
#include "ntk_test.h"
#include <internal/io.h>
#include <ntk/ntk.h>
#include <pthread.h>

NTSTATUS NTAPI NtDeviceIoControlFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, ULONG, PVOID, ULONG,
                                     PVOID, ULONG);
NTSTATUS NTAPI NtCreateFile(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, PIO_STATUS_BLOCK, PLARGE_INTEGER, ULONG, ULONG,
                            ULONG, ULONG, PVOID, ULONG);
NTSTATUS NTAPI NtClose(HANDLE);

#define IOCTL_ECHO CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define THREADS 4
#define CALLS 20000

static DRIVER_OBJECT driver;
static PDEVICE_OBJECT device;
static volatile LONG dispatched;

static NTSTATUS echo_dispatch(PDEVICE_OBJECT dev, PIRP irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(irp);
    NTSTATUS status = STATUS_SUCCESS;
    ULONG_PTR info = 0;
    if (sp->MajorFunction == IRP_MJ_DEVICE_CONTROL) {
        __atomic_add_fetch(&dispatched, 1, __ATOMIC_RELAXED);
        /* Reply with the input plus one, through the shared system buffer. */
        PULONG value = irp->AssociatedIrp.SystemBuffer;
        *value += 1;
        info = sizeof(ULONG);
    }
    irp->IoStatus.Status = status;
    irp->IoStatus.Information = info;
    IoCompleteRequest(irp, IO_NO_INCREMENT);
    return status;
}

static HANDLE open_device(void)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\??\\ConcurrentEcho");
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    HANDLE h = NULL;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtCreateFile(&h, GENERIC_READ | GENERIC_WRITE, &oa, &iosb, NULL, 0, 0, FILE_OPEN,
                                   FILE_SYNCHRONOUS_IO_NONALERT, NULL, 0);
    return NT_SUCCESS(status) ? h : NULL;
}

static void *caller(void *arg)
{
    HANDLE h = open_device();
    long failures = h == NULL;
    for (ULONG i = 0; h && i < CALLS; i++) {
        ULONG value = i;
        IO_STATUS_BLOCK iosb = {0};
        NTSTATUS status = NtDeviceIoControlFile(h, NULL, NULL, NULL, &iosb, IOCTL_ECHO, &value, sizeof value,
                                                &value, sizeof value);
        if (status != STATUS_SUCCESS || value != i + 1 || iosb.Information != sizeof(ULONG))
            failures++;
    }
    if (h)
        NtClose(h);
    return (void *)failures;
}

static void test_threads_share_the_fast_path(void **state)
{
    pthread_t threads[THREADS];
    LONG before = device->ReferenceCount;
    for (int i = 0; i < THREADS; i++)
        pthread_create(&threads[i], NULL, caller, NULL);
    long failures = 0;
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(threads[i], &r);
        failures += (long)r;
    }
    assert_int_equal(failures, 0);
    assert_int_equal(dispatched, THREADS * CALLS);
    assert_int_equal(device->ReferenceCount, before);
}

static HANDLE volatile shared_handle;

static void *racer(void *arg)
{
    long ok = 0;
    for (int i = 0; i < CALLS / 4; i++) {
        ULONG value = 1;
        IO_STATUS_BLOCK iosb = {0};
        NTSTATUS status = NtDeviceIoControlFile(shared_handle, NULL, NULL, NULL, &iosb, IOCTL_ECHO, &value,
                                                sizeof value, &value, sizeof value);
        /* Either the handle was still open and the call worked, or it was
         * closed and the call failed cleanly; never anything else. */
        if (status == STATUS_SUCCESS ? value == 2 : status == STATUS_INVALID_HANDLE)
            ok++;
    }
    return (void *)ok;
}

static void test_close_races_lookups(void **state)
{
    shared_handle = open_device();
    assert_non_null(shared_handle);
    pthread_t threads[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&threads[i], NULL, racer, NULL);
    ntkhost->sleep_ns(1000000);
    assert_int_equal(NtClose(shared_handle), STATUS_SUCCESS);
    long ok = 0;
    for (int i = 0; i < 2; i++) {
        void *r;
        pthread_join(threads[i], &r);
        ok += (long)r;
    }
    assert_int_equal(ok, 2 * (CALLS / 4));
}

static int setup(void **state)
{
    ntk_boot();
    driver.Type = IO_TYPE_DRIVER;
    for (int i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        driver.MajorFunction[i] = echo_dispatch;
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\ConcurrentEcho");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\??\\ConcurrentEcho");
    if (!NT_SUCCESS(IoCreateDevice(&driver, 0, &name, FILE_DEVICE_UNKNOWN, 0, FALSE, &device)) ||
        !NT_SUCCESS(IoCreateSymbolicLink(&link, &name)))
        return -1;
    device->Flags = (device->Flags | DO_BUFFERED_IO) & ~DO_DEVICE_INITIALIZING;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_share_the_fast_path),
        cmocka_unit_test(test_close_races_lookups),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
