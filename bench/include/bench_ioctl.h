/*
 * bench_ioctl.h - what the benchmark drivers and the benchmark app share:
 * device names, I/O control codes and the request layouts.
 *
 * Drivers (loaded in this order by "make bench"):
 *
 *   bench_noop.sys        service BenchNoop: no-op devices (table below)
 *   bench_passfilter.sys  service BenchPassFilter: pass-through filters
 *                         (IoSkipCurrentIrpStackLocation + IoCallDriver)
 *   bench_complfilter.sys service BenchComplFilter: filters that copy the
 *                         stack location and set a completion routine
 *   bench_export.sys      service BenchExport: offers a direct-call
 *                         interface and the same operation as an IRP
 *   bench_client.sys      service BenchClient: calls BenchExport both ways
 *
 * The filter drivers need no registry: each attaches its filter devices in
 * DriverEntry to the named no-op devices (BENCH_STACKS), so that opening
 * \\.\BenchPass4 reaches a stack 4 devices deep.
 */
#ifndef BENCH_IOCTL_H
#define BENCH_IOCTL_H

#define BENCH_DEVICE_TYPE 0x8B00

/* No-op requests: complete at once with Information = the output length
 * (METHOD_BUFFERED: the I/O manager copies that many bytes back). */
#define IOCTL_BENCH_NOOP_BUFFERED CTL_CODE(BENCH_DEVICE_TYPE, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_BENCH_NOOP_IN_DIRECT CTL_CODE(BENCH_DEVICE_TYPE, 0x801, METHOD_IN_DIRECT, FILE_ANY_ACCESS)
#define IOCTL_BENCH_NOOP_OUT_DIRECT CTL_CODE(BENCH_DEVICE_TYPE, 0x802, METHOD_OUT_DIRECT, FILE_ANY_ACCESS)
#define IOCTL_BENCH_NOOP_NEITHER CTL_CODE(BENCH_DEVICE_TYPE, 0x803, METHOD_NEITHER, FILE_ANY_ACCESS)
/* Pended: the driver marks the IRP pending, queues it under the device
 * extension's spin lock and returns STATUS_PENDING; then, with Information =
 * the output length,
 *   PEND_BUFFERED    a work item (IoQueueWorkItem, the system worker thread)
 *   PEND_DPC         a DPC (KeInsertQueueDpc, queued at DISPATCH_LEVEL for
 *                    the caller's processor: it runs when the dispatch
 *                    routine lowers the IRQL)
 *   PEND_DPC_REMOTE  a DPC targeted at another processor (its DPC thread);
 *                    fails with STATUS_NOT_SUPPORTED on one processor
 * completes it. */
#define IOCTL_BENCH_PEND_BUFFERED CTL_CODE(BENCH_DEVICE_TYPE, 0x804, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_BENCH_PEND_DPC CTL_CODE(BENCH_DEVICE_TYPE, 0x805, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_BENCH_PEND_DPC_REMOTE CTL_CODE(BENCH_DEVICE_TYPE, 0x806, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* BenchClient: run Count calls of one kind inside one request.
 * Input BENCH_CLIENT_RUN, output BENCH_CLIENT_RESULT. */
#define IOCTL_BENCH_CLIENT_RUN CTL_CODE(BENCH_DEVICE_TYPE, 0x810, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define BENCH_CLIENT_MODE_DIRECT_CALL 0 /* the function pointer from BenchExport */
#define BENCH_CLIENT_MODE_REUSED_IRP 1  /* one IoAllocateIrp, IoReuseIrp per call */
#define BENCH_CLIENT_MODE_NEW_IRP 2     /* IoAllocateIrp + IoFreeIrp per call */

typedef struct _BENCH_CLIENT_RUN {
    unsigned int Mode;
    unsigned int Count;
} BENCH_CLIENT_RUN;

typedef struct _BENCH_CLIENT_RESULT {
    unsigned int Done;   /* calls that succeeded */
    int Status;          /* the first failure's NTSTATUS, or 0 */
    unsigned int Check;  /* a byte the copies produced, so none is optimized away */
    unsigned int Reserved;
} BENCH_CLIENT_RESULT;

/* BenchExport, IRP_MJ_INTERNAL_DEVICE_CONTROL (kernel callers only):
 *   GET_INTERFACE  METHOD_NEITHER, Irp->UserBuffer -> BENCH_EXPORT_INTERFACE
 *   COPY           METHOD_NEITHER, copies InputBufferLength bytes from
 *                  Type3InputBuffer to Irp->UserBuffer. */
#define IOCTL_BENCH_EXPORT_GET_INTERFACE CTL_CODE(BENCH_DEVICE_TYPE, 0x820, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_BENCH_EXPORT_COPY CTL_CODE(BENCH_DEVICE_TYPE, 0x821, METHOD_NEITHER, FILE_ANY_ACCESS)

#define BENCH_EXPORT_INTERFACE_VERSION 1

typedef int (*PBENCH_EXPORT_COPY)(void *Context, const void *Input, void *Output, unsigned int Length);

typedef struct _BENCH_EXPORT_INTERFACE {
    unsigned short Size;
    unsigned short Version;
    void *Context;
    PBENCH_EXPORT_COPY Copy; /* returns 0 (STATUS_SUCCESS) or an NTSTATUS */
} BENCH_EXPORT_INTERFACE;

/* The devices of bench_noop.sys, and how many filters of each kind are
 * attached to them (depth of the stack = filters + 1). */
#define BENCH_NOOP_DEVICES(X)                   \
    X(BenchBuffered, DO_BUFFERED_IO, 0, 0)      \
    X(BenchDirect, DO_DIRECT_IO, 0, 0)          \
    X(BenchNeither, 0, 0, 0)                    \
    X(BenchPass2, DO_BUFFERED_IO, 1, 0)         \
    X(BenchPass4, DO_BUFFERED_IO, 3, 0)         \
    X(BenchPass8, DO_BUFFERED_IO, 7, 0)         \
    X(BenchCompl2, DO_BUFFERED_IO, 0, 1)        \
    X(BenchCompl4, DO_BUFFERED_IO, 0, 3)        \
    X(BenchCompl8, DO_BUFFERED_IO, 0, 7)        \
    X(BenchSeedPass, DO_BUFFERED_IO, 2, 0)      \
    X(BenchSeedCompl, DO_BUFFERED_IO, 0, 2)

/* L"NAME" from the bare NAME of a BENCH_NOOP_DEVICES entry. */
#define BENCH_WIDE_(s) L##s
#define BENCH_WIDE_NAME(name) BENCH_WIDE_(#name)

#define BENCH_EXPORT_DEVICE L"\\Device\\BenchExport"
#define BENCH_CLIENT_DEVICE L"\\Device\\BenchClient"
#define BENCH_CLIENT_LINK L"\\DosDevices\\BenchClient"

#endif
