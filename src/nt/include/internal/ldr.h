/*
 * ldr.h - the driver loader's internal interface (src/nt/ldr).
 */
#ifndef NTK_INTERNAL_LDR_H
#define NTK_INTERNAL_LDR_H

#include <wdm.h>

/* Name ("example.sys") of the loaded driver image containing address, or
 * NULL if it lies in no driver. Safe to call from a fault or bug-check
 * path: takes no locks that a driver could hold and does not allocate. */
const char *LdrpDriverNameForAddress(const void *address);

#endif
