/* ntddk.h - wdm.h plus the routines only non-WDM (legacy) drivers use. */
#ifndef _NTDDK_
#define _NTDDK_
#include <wdm.h>
#endif
