/* Mini_Ioctl.h - what the mini driver and its app agree on. */
#ifndef MINI_IOCTL_H
#define MINI_IOCTL_H

#define MINI_DEVICE_NAME L"\\Device\\NtkBuildMini"
#define MINI_DOS_DEVICE_NAME L"\\DosDevices\\NtkBuildMini"
#define MINI_WIN32_PATH "\\\\.\\NtkBuildMini"

/* Adds the driver's MINI_DELTA to a ULONG. */
#define IOCTL_MINI_ADD CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)

#endif
