#include <ntddk.h>
#include "helper.h"
ULONG SrcDrvHelper(VOID);
ULONG SrcDrvHelper(VOID) { return HELPER_VALUE; }
