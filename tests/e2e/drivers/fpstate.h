/*
 * fpstate.h - interface of the floating-point test driver (fpstate.c)
 * shared with its application (fpstate_app.c).
 *
 * Every request is METHOD_BUFFERED with a FP_STATE_REPLY (at least) as
 * output; the driver reports the SSE control/status register it saw.
 */
#ifndef E2E_FPSTATE_H
#define E2E_FPSTATE_H

#define FP_STATE_DEVICE_NAME L"\\Device\\E2eFpState"
#define FP_STATE_LINK_NAME L"\\DosDevices\\E2eFpState"
#define FP_STATE_WIN32_PATH "\\\\.\\E2eFpState"

/* The dispatch routine sets the SSE rounding mode to "up" and returns
 * without restoring it (a driver bug). */
#define IOCTL_FP_STATE_LEAVE_ROUND_UP \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* The dispatch routine saves the state with KeSaveExtendedProcessorState
 * and KeSaveFloatingPointState, rounds up, and restores: Reply.Mxcsr is
 * the register after the restores, Reply.Value1/Value2 are 1/3 rounded up
 * and after the restore. */
#define IOCTL_FP_STATE_SAVE_RESTORE \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* A work item sets the rounding mode to "down" and completes the IRP
 * without restoring it. */
#define IOCTL_FP_STATE_WORK_ROUND_DOWN \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x902, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* A work item completes the IRP with the register it was entered with. */
#define IOCTL_FP_STATE_WORK_QUERY \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x903, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _FP_STATE_REPLY {
    ULONG Mxcsr;
    ULONG Reserved;
    double Value1;
    double Value2;
} FP_STATE_REPLY;

#define FP_MXCSR_ROUNDING 0x6000u
#define FP_MXCSR_ROUND_UP 0x4000u
#define FP_MXCSR_ROUND_DOWN 0x2000u

#endif /* E2E_FPSTATE_H */
