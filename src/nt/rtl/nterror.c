/*
 * nterror.c - RtlNtStatusToDosError and RtlNtStatusToDosErrorNoTeb: the
 * translation of an NTSTATUS into the Win32 error code GetLastError reports.
 *
 * The rules are Windows': STATUS_SUCCESS gives 0; a customer code (bit 29)
 * passes through unchanged; 0xDxxxxxxx (an NTSTATUS carried in an HRESULT)
 * counts as 0xCxxxxxxx; codes of facility 1 (RPC, 0xC001) and facility 7
 * (a Win32 error wrapped as 0x8007 or 0xC007) give their low word; anything
 * else is looked up in the table built from ntstatus.def, and a code the
 * table does not know gives ERROR_MR_MID_NOT_FOUND.
 */
#include <ntdef.h>
#include <ntstatus.h>
#include <winerror.h>

#include <internal/rtl_status.h>

/* Each line of the list has to agree with ntstatus.h, so a mistyped value in
 * either place stops the build instead of producing a wrong translation. */
#define NTK_STATUS(name, value, win32) _Static_assert((NTSTATUS)(value) == (name), #name " differs from ntstatus.h");
#include "ntstatus.def"
#undef NTK_STATUS

const RTLP_STATUS_ENTRY RtlpStatusTable[] = {
#define NTK_STATUS(name, value, win32) {(ULONG)(value), (ULONG)(win32), #name},
#include "ntstatus.def"
#undef NTK_STATUS
};

const ULONG RtlpStatusTableCount = sizeof(RtlpStatusTable) / sizeof(RtlpStatusTable[0]);

const RTLP_STATUS_ENTRY *RtlpLookupStatus(NTSTATUS Status)
{
    ULONG code = (ULONG)Status;
    ULONG low = 0, high = RtlpStatusTableCount;

    while (low < high) {
        ULONG mid = low + (high - low) / 2;

        if (RtlpStatusTable[mid].Status == code)
            return &RtlpStatusTable[mid];
        if (RtlpStatusTable[mid].Status < code)
            low = mid + 1;
        else
            high = mid;
    }
    return NULL;
}

DECLSPEC_EXPORT ULONG NTAPI RtlNtStatusToDosErrorNoTeb(NTSTATUS Status)
{
    ULONG code = (ULONG)Status;
    ULONG facility_and_class;
    const RTLP_STATUS_ENTRY *entry;

    if (code == 0)
        return ERROR_SUCCESS;
    /* Codes a driver or application made up are not Windows' to translate. */
    if (code & APPLICATION_ERROR_MASK)
        return code;
    /* HRESULT_FROM_NT sets bit 28, turning 0xC... into 0xD...; undo it. */
    if ((code & 0xF0000000u) == 0xD0000000u)
        code &= ~0x10000000u;

    facility_and_class = code >> 16;
    if (facility_and_class == 0xC001 || facility_and_class == 0x8007 || facility_and_class == 0xC007)
        return code & 0xFFFF;

    entry = RtlpLookupStatus((NTSTATUS)code);
    if (entry != NULL && entry->Win32Error != 0)
        return entry->Win32Error;
    return ERROR_MR_MID_NOT_FOUND;
}

/* Windows also records Status as the thread's last status value; ntk keeps
 * no such per-thread field, so the two entry points behave alike. */
DECLSPEC_EXPORT ULONG NTAPI RtlNtStatusToDosError(NTSTATUS Status)
{
    return RtlNtStatusToDosErrorNoTeb(Status);
}
