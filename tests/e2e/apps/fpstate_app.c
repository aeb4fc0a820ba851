/*
 * fpstate_app.c - the application keeps its floating-point rounding when
 * a driver routine changes it and forgets to restore it (driver:
 * fpstate.c). ntk reports such a routine once on stderr and restores the
 * state the routine was entered with; KeSave/RestoreExtendedProcessorState
 * and KeSave/RestoreFloatingPointState really restore a changed rounding
 * mode.
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include <xmmintrin.h>

#include "e2e.h"
#include "fpstate.h"

static volatile double One = 1.0;
static volatile double Three = 3.0;

static BOOL Call(HANDLE Device, DWORD Code, FP_STATE_REPLY *Reply)
{
    DWORD bytes = 0;
    BOOL ok;

    memset(Reply, 0, sizeof(*Reply));
    ok = DeviceIoControl(Device, Code, NULL, 0, Reply, sizeof(*Reply), &bytes, NULL);
    return ok && bytes == sizeof(*Reply);
}

int main(void)
{
    HANDLE device;
    FP_STATE_REPLY reply;
    double nearest, after;
    int i;

    nearest = One / Three;
    device = CreateFileA(FP_STATE_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(device != INVALID_HANDLE_VALUE, "the device opens");
    if (device == INVALID_HANDLE_VALUE)
        return e2e_finish();

    for (i = 0; i < 2; i++) {
        CHECK(Call(device, IOCTL_FP_STATE_LEAVE_ROUND_UP, &reply), "the rounding-up request succeeds (%d)", i);
        CHECK_EQ_HEX(reply.Mxcsr & FP_MXCSR_ROUNDING, 0, "the dispatch routine is entered rounding to nearest");
        CHECK_EQ_HEX(_mm_getcsr() & FP_MXCSR_ROUNDING, 0,
                     "after the call the application still rounds to nearest (MXCSR)");
        after = One / Three;
        CHECK(after == nearest, "1/3 still rounds to nearest after the driver changed the mode");
    }

    CHECK(Call(device, IOCTL_FP_STATE_SAVE_RESTORE, &reply), "the save/restore request succeeds");
    CHECK(reply.Value1 > nearest, "the driver's 1/3 rounded up is above the nearest value");
    CHECK(reply.Value2 == nearest, "KeRestoreFloatingPointState brought rounding to nearest back");
    CHECK_EQ_HEX(reply.Mxcsr & FP_MXCSR_ROUNDING, 0, "KeRestoreExtendedProcessorState restored the rounding");

    CHECK(Call(device, IOCTL_FP_STATE_WORK_ROUND_DOWN, &reply), "the work item's request succeeds");
    CHECK_EQ_HEX(reply.Mxcsr & FP_MXCSR_ROUNDING, 0, "the first work item is entered rounding to nearest");
    CHECK(Call(device, IOCTL_FP_STATE_WORK_QUERY, &reply), "the next work item's request succeeds");
    CHECK_EQ_HEX(reply.Mxcsr & FP_MXCSR_ROUNDING, 0,
                 "the next work item on the worker thread is entered rounding to nearest again");

    CloseHandle(device);
    after = One / Three;
    CHECK(after == nearest, "1/3 rounds to nearest at the end");
    return e2e_finish();
}
