/*
 * zw_file.h - interface of the zw_file test driver: a driver doing file I/O
 * of its own through the Zw services.
 */
#ifndef E2E_ZW_FILE_H
#define E2E_ZW_FILE_H

#define ZW_FILE_DEVICE_NAME L"\\Device\\E2eZwFile"
#define ZW_FILE_LINK_NAME L"\\DosDevices\\E2eZwFile"
#define ZW_FILE_WIN32_NAME "\\\\.\\E2eZwFile"

/* Input: a full Windows path (NUL-terminated WCHARs) of a file to create.
 * Output: ZW_FILE_RESULT. */
#define IOCTL_ZW_FILE_ROUND_TRIP CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA10, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* Echo of 4 bytes, which the driver sends to itself with ZwDeviceIoControlFile. */
#define IOCTL_ZW_FILE_ECHO CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA11, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define ZW_FILE_CONTENT "written by ZwWriteFile"

/* The steps in order; Step is the first that failed, or ZwStepDone. */
enum {
    ZwStepCreate = 1,
    ZwStepWrite,
    ZwStepFlush,
    ZwStepQueryStandard,
    ZwStepSetPosition,
    ZwStepRead,
    ZwStepQueryPosition,
    ZwStepReopen,
    ZwStepReadAt,
    ZwStepOpenDevice,
    ZwStepDeviceIoControl,
    ZwStepDone
};

typedef struct ZW_FILE_RESULT {
    ULONG Step;
    LONG Status;
    LONGLONG EndOfFile;
    LONGLONG PositionAfterRead;
    ULONG BytesRead;
    ULONG BytesReadAt;
    ULONG Echo;
    char Data[32];
    char DataAt[8];
} ZW_FILE_RESULT;

#endif
