/* Checks, at compile time, the macros ntk cc predefines for drivers and
 * that the user's -D/-U/-I win over them. Built with -Werror, so a macro
 * redefinition warning fails the test too. Includes no Windows header. */
#include "driver_defines.h"

#if !defined(_KERNEL_MODE) || !defined(_WIN64) || !defined(_AMD64_) || _M_AMD64 != 100
#error "missing the predefined Windows/driver macros"
#endif
#if NTDDI_VERSION != 0x0A000000 || _WIN32_WINNT != 0x0A00
#error "wrong target Windows version"
#endif
#if DBG != 0
#error "-D DBG=0 must replace the predefined DBG=1"
#endif
#ifdef WINNT
#error "-U WINNT must remove the predefined WINNT"
#endif
#if NTK_TEST_VALUE != 7 || NTK_GLUED != 1 || DRIVER_DEFINES_FROM_HEADER != 42
#error "user -D/-I not applied"
#endif
#ifdef _MSC_VER
#error "_MSC_VER is deliberately not predefined"
#endif
#ifdef _CONSOLE
#error "_CONSOLE is for apps"
#endif

_Static_assert(sizeof(L"x"[0]) == 2, "wide literals must be UTF-16");

long DriverEntry(void *driver_object, void *registry_path)
{
    (void)driver_object;
    (void)registry_path;
    return 0; /* STATUS_SUCCESS */
}
