/*
 * test_iotimer.c - device timers (src/nt/io/iotimer.c): a started timer's
 * routine runs at DISPATCH_LEVEL with its device and context, by the
 * once-a-second clock and on every tick; a stopped one does not run; a
 * deleted device's timer goes with it; a second IoInitializeTimer on a
 * device is bug check 0xC9/0x0A.
 */
#include "ntk_test.h"
#include <internal/io.h>
#include <ntk/ntk.h>
#include <ntk/exitcodes.h>

static DRIVER_OBJECT driver;
static volatile LONG calls;
static volatile KIRQL callIrql;
static PDEVICE_OBJECT volatile callDevice;
static PVOID volatile callContext;

static VOID TimerRoutine(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    callIrql = KeGetCurrentIrql();
    callDevice = DeviceObject;
    callContext = Context;
    __atomic_add_fetch(&calls, 1, __ATOMIC_RELEASE);
}

static PDEVICE_OBJECT NewDevice(void)
{
    PDEVICE_OBJECT device;
    assert_int_equal(IoCreateDevice(&driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &device), STATUS_SUCCESS);
    return device;
}

static void test_started_timer_runs_at_dispatch(void **state)
{
    (void)state;
    PDEVICE_OBJECT device = NewDevice();
    int context;
    assert_int_equal(IoInitializeTimer(device, TimerRoutine, &context), STATUS_SUCCESS);
    assert_non_null(device->Timer);

    /* Not started: a tick does not call it. */
    LONG before = calls;
    IopRunIoTimers();
    assert_int_equal(calls, before);

    IoStartTimer(device);
    IopRunIoTimers();
    assert_int_equal(calls, before + 1);
    assert_int_equal(callIrql, DISPATCH_LEVEL);
    assert_ptr_equal(callDevice, device);
    assert_ptr_equal(callContext, &context);

    /* The clock calls it by itself, once a second (bounded wait). */
    LONG seen = calls;
    for (int i = 0; i < 500 && __atomic_load_n(&calls, __ATOMIC_ACQUIRE) == seen; i++)
        usleep(10000);
    assert_true(__atomic_load_n(&calls, __ATOMIC_ACQUIRE) > seen);

    IoStopTimer(device);
    KeFlushQueuedDpcs(); /* a tick already under way finishes */
    before = calls;
    IopRunIoTimers();
    assert_int_equal(calls, before);

    IoDeleteDevice(device);
}

static void test_deleted_device_timer_goes(void **state)
{
    (void)state;
    PDEVICE_OBJECT device = NewDevice();
    assert_int_equal(IoInitializeTimer(device, TimerRoutine, NULL), STATUS_SUCCESS);
    IoStartTimer(device);
    IoDeleteDevice(device);
    LONG before = calls;
    IopRunIoTimers();
    assert_int_equal(calls, before);
}

static void InitializeTwice(void)
{
    PDEVICE_OBJECT device;
    IoCreateDevice(&driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &device);
    IoInitializeTimer(device, TimerRoutine, NULL);
    IoInitializeTimer(device, TimerRoutine, NULL);
}

static void test_second_initialize_is_a_bug_check(void **state)
{
    (void)state;
    static char out[16384];
    assert_int_equal(ntk_test_run_child(InitializeTwice, out, sizeof out), NTK_EXIT_BUGCHECK);
    assert_non_null(strstr(out, "DRIVER_VERIFIER_IOMANAGER_VIOLATION"));
    assert_non_null(strstr(out, "already has a timer"));
}

int main(void)
{
    ntk_boot();
    driver.Type = IO_TYPE_DRIVER;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_started_timer_runs_at_dispatch),
        cmocka_unit_test(test_deleted_device_timer_goes),
        cmocka_unit_test(test_second_initialize_is_a_bug_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
