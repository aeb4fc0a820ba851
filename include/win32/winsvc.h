/* winsvc.h - (being written) */
#ifndef _WINSVC_
#define _WINSVC_

#include <windows.h>

#endif
