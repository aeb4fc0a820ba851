/*
 * statusname.c - the names of NTSTATUS and Win32 error codes, for ntk's own
 * diagnostics (bug-check reports, traces, test output): RtlpNtStatusName
 * and RtlpWin32ErrorName.  Internal to ntk; nothing here is exported.
 */
#include <ntdef.h>
#include <ntstatus.h>
#include <winerror.h>

#include <internal/rtl_status.h>

/* As for the status list: each line must agree with winerror.h. */
#define NTK_WIN32_ERROR(name, value) _Static_assert((value) == (name), #name " differs from winerror.h");
#include "winerror.def"
#undef NTK_WIN32_ERROR

const RTLP_WIN32_ERROR_ENTRY RtlpWin32ErrorTable[] = {
#define NTK_WIN32_ERROR(name, value) {(ULONG)(value), #name},
#include "winerror.def"
#undef NTK_WIN32_ERROR
};

const ULONG RtlpWin32ErrorTableCount = sizeof(RtlpWin32ErrorTable) / sizeof(RtlpWin32ErrorTable[0]);

const char *RtlpNtStatusName(NTSTATUS Status)
{
    const RTLP_STATUS_ENTRY *entry = RtlpLookupStatus(Status);

    return entry != NULL ? entry->Name : NULL;
}

const char *RtlpWin32ErrorName(ULONG Error)
{
    ULONG low = 0, high = RtlpWin32ErrorTableCount;

    while (low < high) {
        ULONG mid = low + (high - low) / 2;

        if (RtlpWin32ErrorTable[mid].Error == Error)
            return RtlpWin32ErrorTable[mid].Name;
        if (RtlpWin32ErrorTable[mid].Error < Error)
            low = mid + 1;
        else
            high = mid;
    }
    return NULL;
}
