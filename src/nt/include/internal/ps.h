/*
 * ps.h - processes: the System process, the application's process, and the
 * application's life (drivers loaded before its main, unloaded after).
 */
#ifndef NTK_INTERNAL_PS_H
#define NTK_INTERNAL_PS_H

#include <internal/ob.h>

extern POBJECT_TYPE PspThreadObjectType, PspProcessObjectType;
void PspInitializeProcesses(void);
/* References up to Max threads of Process (ke/thread.c). */
ULONG PspReferenceProcessThreads(PEPROCESS Process, PKTHREAD *Threads, ULONG Max);

#endif
