/* ntddk.h - wdm.h plus the routines only non-WDM (legacy) drivers use. */
#ifndef _NTDDK_
#define _NTDDK_
#include <wdm.h>

/* File information classes that ntddk.h adds to wdm.h's. */
typedef struct _FILE_END_OF_FILE_INFORMATION {
    LARGE_INTEGER EndOfFile;
} FILE_END_OF_FILE_INFORMATION, *PFILE_END_OF_FILE_INFORMATION;

typedef struct _FILE_DISPOSITION_INFORMATION {
    BOOLEAN DeleteFile;
} FILE_DISPOSITION_INFORMATION, *PFILE_DISPOSITION_INFORMATION;
#endif
