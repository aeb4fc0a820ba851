/*
 * public.h - what the Example driver and the programs that talk to it agree
 * on: the device's names, its four I/O control codes, and the strings the
 * driver answers with (so that a caller can tell a right answer from a
 * wrong one).
 *
 * Included by the driver (after wdm.h/ntddk.h) and by applications (after
 * windows.h and winioctl.h); both provide CTL_CODE and the METHOD_* and
 * FILE_*_DATA constants used here.
 */
#ifndef EXAMPLE_PUBLIC_H
#define EXAMPLE_PUBLIC_H

/* The device object's name in the object manager, the symbolic link that
 * makes it reachable from Win32, and the path an application opens. */
#define EXAMPLE_DEVICE_NAME L"\\Device\\Example"
#define EXAMPLE_DOS_DEVICE_NAME L"\\DosDevices\\Example"
#define EXAMPLE_WIN32_PATH "\\\\.\\Example"

/*
 * An I/O control code packs four fields (see CTL_CODE):
 *
 *   31 30..............16 15....14 13 12..............2 1......0
 *   [C][   device type   ][access ][F][ function code  ][method ]
 *
 *   C       set for vendor device types (0x8000 and up)
 *   access  what the handle must have been opened for; the I/O manager
 *           refuses the request otherwise, before the driver sees it
 *   F       set for vendor function codes (0x800 and up)
 *   method  how the I/O manager hands the buffers to the driver
 *
 * The four codes below differ only in the transfer method, so that the
 * driver can show each one. All four need read and write access.
 */
#define IOCTL_EXAMPLE_SAMPLE_DIRECT_IN_IO \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_IN_DIRECT, FILE_READ_DATA | FILE_WRITE_DATA)
#define IOCTL_EXAMPLE_SAMPLE_DIRECT_OUT_IO \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_OUT_DIRECT, FILE_READ_DATA | FILE_WRITE_DATA)
#define IOCTL_EXAMPLE_SAMPLE_BUFFERED_IO \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_BUFFERED, FILE_READ_DATA | FILE_WRITE_DATA)
#define IOCTL_EXAMPLE_SAMPLE_NEITHER_IO \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x803, METHOD_NEITHER, FILE_READ_DATA | FILE_WRITE_DATA)

/* What ReadFile returns, and what each I/O control code replies with. The
 * driver sends each string with its terminating NUL, so the byte counts the
 * caller sees are sizeof(string). */
#define EXAMPLE_GREETING "Hello from the Example driver!"
#define EXAMPLE_REPLY_DIRECT_IN "Example driver: reply through METHOD_IN_DIRECT"
#define EXAMPLE_REPLY_DIRECT_OUT "Example driver: reply through METHOD_OUT_DIRECT"
#define EXAMPLE_REPLY_BUFFERED "Example driver: reply through METHOD_BUFFERED"
#define EXAMPLE_REPLY_NEITHER "Example driver: reply through METHOD_NEITHER"

#endif /* EXAMPLE_PUBLIC_H */
