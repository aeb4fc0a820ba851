/* Include spellings that only resolve on Windows: backslashes, the wrong
 * case, and a header found through the include stack. ntk cc must make
 * them resolve without changing this file. */
#include <sys\ioctl_public.h>
#include "..\inc\shared_header.h"
#include "../INC/shared_header.h"
#include "Public.h"

#if IOCTL_PUBLIC_VALUE + FROM_INCLUDER_VALUE + SHARED_VALUE + PUBLIC_VALUE != 14
#error "include spellings resolved to the wrong files"
#endif

long DriverEntry(void *driver_object, void *registry_path)
{
    (void)driver_object;
    (void)registry_path;
    return 0;
}
