/* ntifs.h - the installable-file-system kit header: ntddk.h plus the file
 * system routines (those ntk implements are declared as they arrive). */
#ifndef _NTIFS_
#define _NTIFS_
#include <ntddk.h>
#endif
