/*
 * faults.h - interface of the faulty test driver (faults.c) shared with its
 * application (faults_app.c). Each I/O control code makes the driver commit
 * one fatal mistake; on Windows each ends in a bug check.
 */
#ifndef E2E_FAULTS_H
#define E2E_FAULTS_H

#define FAULTS_DEVICE_NAME L"\\Device\\E2eFaults"
#define FAULTS_LINK_NAME L"\\DosDevices\\E2eFaults"
#define FAULTS_WIN32_PATH "\\\\.\\E2eFaults"

/* Completes the IRP twice: MULTIPLE_IRP_COMPLETE_REQUESTS (0x44). */
#define IOCTL_FAULTS_COMPLETE_TWICE \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* Calls KeBugCheckEx(FAULTS_BUGCHECK_CODE, 1, 2, 3, 4). */
#define IOCTL_FAULTS_BUGCHECK \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* Passes the IRP to another device with IoCallDriver although it has no
 * stack location left: NO_MORE_IRP_STACK_LOCATIONS (0x35). */
#define IOCTL_FAULTS_NO_STACK_LOCATION \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x902, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define FAULTS_BUGCHECK_CODE 0xDEAD

#endif /* E2E_FAULTS_H */
