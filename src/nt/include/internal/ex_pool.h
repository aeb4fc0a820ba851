/*
 * ex_pool.h - the executive pool's internal interface (src/nt/ex/pool.c):
 * allocations attributed to a caller, the per-driver usage table and the
 * leak report made when a driver unloads.
 */
#ifndef NTK_INTERNAL_EX_POOL_H
#define NTK_INTERNAL_EX_POOL_H

#include <wdm.h>

/* Allocates and frees pool as ExAllocatePoolWithTag/ExFreePoolWithTag do,
 * charging the driver whose image contains Caller (lookaside lists pass
 * their own caller through). Tag 0 on free: no tag check. */
PVOID ExpAllocatePoolForCaller(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag, const void *Caller);
VOID ExpFreePoolForCaller(PVOID P, ULONG Tag, const void *Caller);

/* Writes a "!poolused"-like table (one line per driver and tag: allocations,
 * frees, outstanding allocations and bytes, nonpaged and paged) through Line,
 * one line per call, no newline. */
void ExpDumpPoolUsage(void (*Line)(const char *Text));

/* Called when a driver has unloaded (after DriverUnload, before its image
 * goes): reports the pool it still holds, per tag, on standard error, then
 * bug checks 0xC4/0x62 unless NTK_POOL_LEAKS says otherwise ("report": the
 * report only; "off": nothing). */
void ExpReportPoolLeaks(PDRIVER_OBJECT DriverObject);

#endif
