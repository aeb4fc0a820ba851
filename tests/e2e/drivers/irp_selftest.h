/*
 * irp_selftest.h - interface of the kernel-side IRP self-test driver
 * (irp_selftest.c) shared with its application (irp_selftest_app.c).
 *
 * The application names a group of checks; the driver runs them inside its
 * dispatch routine, against IRPs and devices of its own, and reports how
 * many ran, how many failed, and what the first failures were.
 */
#ifndef E2E_IRP_SELFTEST_H
#define E2E_IRP_SELFTEST_H

/* The service name the test loads the driver under; the driver checks its
 * own names against it. */
#define IRP_SELFTEST_SERVICE_NAME L"E2eIrpSelftest"

#define IRP_SELFTEST_DEVICE_NAME L"\\Device\\E2eIrpSelftest"
#define IRP_SELFTEST_LINK_NAME L"\\DosDevices\\E2eIrpSelftest"
#define IRP_SELFTEST_WIN32_PATH "\\\\.\\E2eIrpSelftest"

/* Input: ULONG, one of SELFTEST_GROUP_*. Output: SELFTEST_REPORT. */
#define IOCTL_IRP_SELFTEST_RUN \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define SELFTEST_GROUP_ALLOCATION 1       /* io-semantics 1.A.1-3, 1.B.11, 1.B.15 */
#define SELFTEST_GROUP_COMPLETION 2       /* 1.A.4, 1.B.11-17 */
#define SELFTEST_GROUP_BUILD_REQUEST 3    /* 1.A.5, 1.A.6, 1.B.15, 1.B.20, 1.D.29-31 */
#define SELFTEST_GROUP_DEVICE_STACK 4     /* 1.A.7 */
#define SELFTEST_GROUP_DRIVER_OBJECT 5    /* 1.A.10 */
#define SELFTEST_GROUP_DISPATCH_CONTEXT 6 /* 1.A.8, 1.A.9 */

#define SELFTEST_MAX_FAILURES 8
#define SELFTEST_MESSAGE_CHARS 240

typedef struct _SELFTEST_REPORT {
    ULONG Group;
    ULONG ChecksRun;
    ULONG ChecksFailed;
    ULONG FailuresKept; /* the first SELFTEST_MAX_FAILURES failures are described */
    CHAR Failures[SELFTEST_MAX_FAILURES][SELFTEST_MESSAGE_CHARS];
} SELFTEST_REPORT;

#endif /* E2E_IRP_SELFTEST_H */
