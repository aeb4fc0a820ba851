/* winreg.h - (being written) */
#ifndef _WINREG_
#define _WINREG_

#include <windows.h>

#endif
