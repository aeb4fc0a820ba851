/* winioctl.h - device types and I/O control code macros for applications. */
#ifndef _WINIOCTL_
#define _WINIOCTL_

#include <windows.h>
#include <devioctl.h>

#endif
