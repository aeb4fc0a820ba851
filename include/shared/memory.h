/*
 * memory.h - MS's <memory.h>: the buffer functions of <string.h> (ntk's,
 * which also declares _memicmp and memcpy_s).
 */
#ifndef NTK_MEMORY_H
#define NTK_MEMORY_H

#include <string.h>

#ifndef _INC_MEMORY
#define _INC_MEMORY
#endif

#endif /* NTK_MEMORY_H */
