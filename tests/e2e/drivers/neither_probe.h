/*
 * neither_probe.h - interface of the METHOD_NEITHER probing test driver
 * (neither_probe.c) shared with its application (neither_probe_app.c).
 *
 * The driver is built twice from one source: e2e_neither_guarded.sys
 * touches the caller's pointers inside __try/__except as it must, and
 * e2e_neither_unguarded.sys does not. Both load under the service name
 * E2eNeither and create the same device.
 */
#ifndef E2E_NEITHER_PROBE_H
#define E2E_NEITHER_PROBE_H

#define NEITHER_PROBE_DEVICE_NAME L"\\Device\\E2eNeither"
#define NEITHER_PROBE_LINK_NAME L"\\DosDevices\\E2eNeither"
#define NEITHER_PROBE_WIN32_PATH "\\\\.\\E2eNeither"

/* Copies the InputBufferLength bytes at Type3InputBuffer to Irp->UserBuffer
 * (OutputBufferLength must be at least as large) and completes with
 * Information = InputBufferLength. */
#define IOCTL_NEITHER_PROBE_COPY \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_NEITHER, FILE_ANY_ACCESS)

#endif /* E2E_NEITHER_PROBE_H */
