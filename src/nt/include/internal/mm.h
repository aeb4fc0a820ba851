/*
 * mm.h - memory manager internals: validating caller buffers.
 */
#ifndef NTK_INTERNAL_MM_H
#define NTK_INTERNAL_MM_H

#include <internal/ke.h>

/* Checks a user-mode caller's buffer the way the system services do before
 * building an IRP: inside the user range, no wrap-around, and every page
 * readable (and writable if Write). Returns the status to fail with, never
 * raises. */
NTSTATUS MmpProbeUserBuffer(const void *Address, SIZE_T Length, BOOLEAN Write);

#endif
