/* A driver with no Windows header, built with ntk_add_driver() to test the
 * CMake helpers end to end. */
#include "driver_defines.h"

#if NTK_MINIMAL != 1 || DRIVER_DEFINES_FROM_HEADER != 42
#error "ntk_add_driver() DEFINES/INCLUDES not applied"
#endif

long DriverEntry(void *driver_object, void *registry_path)
{
    (void)driver_object;
    (void)registry_path;
    return 0; /* STATUS_SUCCESS */
}
