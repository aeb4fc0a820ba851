/* Reached as <sys\ioctl_public.h>; its own quoted include is found in the
 * directory of the file that included it, as MSVC searches the include stack. */
#include "from_includer.h"
#define IOCTL_PUBLIC_VALUE 5
