/*
 * pool_leak.h - interface of the pool leak test driver: each IOCTL
 * allocates one block tagged 'kaeL' that the driver never frees.
 */
#ifndef E2E_POOL_LEAK_H
#define E2E_POOL_LEAK_H

#define POOL_LEAK_DEVICE_NAME L"\\Device\\E2ePoolLeak"
#define POOL_LEAK_LINK_NAME L"\\DosDevices\\E2ePoolLeak"
#define POOL_LEAK_WIN32_NAME "\\\\.\\E2ePoolLeak"

/* Allocates (and drops) one 64-byte 'kaeL' block; output: the number of
 * blocks leaked so far (ULONG). */
#define IOCTL_POOL_LEAK_ALLOCATE CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA10, METHOD_BUFFERED, FILE_ANY_ACCESS)

#endif
