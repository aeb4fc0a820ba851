/*
 * handles.h - interface of the handles test driver: an application's event
 * handle passed in an IOCTL, referenced and signalled by the driver.
 */
#ifndef E2E_HANDLES_H
#define E2E_HANDLES_H

#define HANDLES_DEVICE_NAME L"\\Device\\E2eHandles"
#define HANDLES_LINK_NAME L"\\DosDevices\\E2eHandles"
#define HANDLES_WIN32_NAME "\\\\.\\E2eHandles"

/* Input: the HANDLE of an event. The driver references it as an event with
 * EVENT_MODIFY_STATE in UserMode and sets it; output: the NTSTATUS of the
 * reference (ULONG). */
#define IOCTL_HANDLES_SIGNAL_EVENT CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA00, METHOD_BUFFERED, FILE_ANY_ACCESS)

#endif
