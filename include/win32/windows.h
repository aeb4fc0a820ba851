/* windows.h - the Win32 subset ntk implements. */
#ifndef _WINDOWS_
#define _WINDOWS_

#include <ntk_msvc.h>
#include <stdarg.h>
#include <windef.h>
#include <winnt.h>
#include <winbase.h>
#include <winerror.h>
#include <winreg.h>
#include <winsvc.h>

#endif
