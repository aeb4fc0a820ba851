/*
 * rtl_status.h - the run-time library's status tables (src/nt/rtl/nterror.c,
 * src/nt/rtl/statusname.c): NTSTATUS to Win32 error translation and the
 * names of status and error codes for diagnostics.
 *
 * Both tables are built from X-macro lists (src/nt/rtl/ntstatus.def and
 * winerror.def), sorted by value with no value twice, and searched by
 * bisection.
 */
#ifndef NTK_INTERNAL_RTL_STATUS_H
#define NTK_INTERNAL_RTL_STATUS_H

#include <ntdef.h>

/* The public entry points (declared for drivers in wdm.h as well). */
ULONG NTAPI RtlNtStatusToDosError(NTSTATUS Status);
ULONG NTAPI RtlNtStatusToDosErrorNoTeb(NTSTATUS Status);

/* One line of ntstatus.def. */
typedef struct _RTLP_STATUS_ENTRY {
    ULONG Status;     /* the NTSTATUS, as unsigned so the table sorts 0x0... < 0xC... */
    ULONG Win32Error; /* what Windows translates it to; 0 when it has no mapping */
    const char *Name; /* "STATUS_ACCESS_VIOLATION" */
} RTLP_STATUS_ENTRY;

/* One line of winerror.def. */
typedef struct _RTLP_WIN32_ERROR_ENTRY {
    ULONG Error;
    const char *Name; /* "ERROR_ACCESS_DENIED" */
} RTLP_WIN32_ERROR_ENTRY;

extern const RTLP_STATUS_ENTRY RtlpStatusTable[];
extern const ULONG RtlpStatusTableCount;
extern const RTLP_WIN32_ERROR_ENTRY RtlpWin32ErrorTable[];
extern const ULONG RtlpWin32ErrorTableCount;

/* The table line for Status, or NULL if ntk does not know the code. */
const RTLP_STATUS_ENTRY *RtlpLookupStatus(NTSTATUS Status);

/* "STATUS_ACCESS_VIOLATION" for STATUS_ACCESS_VIOLATION, NULL if unknown. */
const char *RtlpNtStatusName(NTSTATUS Status);

/* "ERROR_ACCESS_DENIED" for ERROR_ACCESS_DENIED, NULL if unknown. */
const char *RtlpWin32ErrorName(ULONG Error);

#endif /* NTK_INTERNAL_RTL_STATUS_H */
