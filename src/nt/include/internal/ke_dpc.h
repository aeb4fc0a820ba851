/*
 * ke_dpc.h - processors, DPC queues and the timer queue: what the rest of
 * ke needs from ke/processor.c, ke/dpc.c, ke/timer.c and ke/clock.c.
 * Included by ke.h.
 */
#ifndef NTK_INTERNAL_KE_DPC_H
#define NTK_INTERNAL_KE_DPC_H

/* The processor the calling thread runs on; a thread gets one on first
 * use (round robin) and keeps it (ke/processor.c). */
ULONG KiCurrentProcessor(PKTHREAD Thread);

/* Number of processors (KeNumberProcessors as an unsigned count). */
ULONG KiProcessorCount(void);

/* The thread's IRQL has just dropped below DISPATCH_LEVEL: run the DPCs
 * pending on its processor, as the software interrupt would. */
void KiDispatchPendingDpcs(PKTHREAD Thread);

/* Queues Dpc as KeInsertQueueDpc does but never runs it on the calling
 * thread: a DPC targeted at no processor goes to Processor, and that
 * processor's DPC thread runs it (timer expiry). */
BOOLEAN KiQueueDpcToProcessor(PKDPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2, ULONG Processor);
void KiWaitForTimerExpiry(void);

/* Interrupt time (100 ns since boot) and system time (100 ns since
 * 1601-01-01 UTC) (ke/clock.c). */
ULONGLONG KiInterruptTime(void);
LONGLONG KiSystemTime(void);

#endif
