/*
 * scm_driver.h - the interface of scm_driver.c, a driver installed through
 * the service control manager by scm_app.c.
 */
#ifndef SCM_DRIVER_H
#define SCM_DRIVER_H

#define SCM_DRIVER_DEVICE_NAME L"\\Device\\E2eScm"
#define SCM_DRIVER_LINK_NAME L"\\??\\E2eScm"
#define SCM_DRIVER_WIN32_NAME "\\\\.\\E2eScm"

/* Input: a ULONG; output: the ULONG + 1 and the service name DriverEntry's
 * registry path ends with (as WCHARs). */
#define IOCTL_SCM_DRIVER_ADD_ONE CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)

#endif
