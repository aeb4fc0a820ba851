/*
 * probe.c - ProbeForRead / ProbeForWrite and the services' own buffer
 * checks.
 *
 * ntk's "user space" is the whole Linux user address space below
 * MmUserProbeAddress. ProbeForRead only checks the range (as on Windows);
 * ProbeForWrite also touches every page with a write of the byte already
 * there, so an unmapped or read-only page raises STATUS_ACCESS_VIOLATION in
 * the caller's __try.
 */
#include <internal/mm.h>

DECLSPEC_EXPORT ULONG_PTR MmUserProbeAddress = 0x7FFFFFFF0000ULL;
DECLSPEC_EXPORT PVOID MmHighestUserAddress = (PVOID)0x7FFFFFFEFFFFULL;
DECLSPEC_EXPORT PVOID MmSystemRangeStart = (PVOID)0xFFFF800000000000ULL;

static void MmpCheckRange(const volatile void *Address, SIZE_T Length, ULONG Alignment)
{
    ULONG_PTR start = (ULONG_PTR)Address, end = start + Length;
    if (Alignment != 1 && Alignment != 2 && Alignment != 4 && Alignment != 8 && Alignment != 16)
        ExRaiseDatatypeMisalignment();
    if (start & (Alignment - 1))
        ExRaiseDatatypeMisalignment();
    if (end < start || end > MmUserProbeAddress)
        ExRaiseAccessViolation();
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ProbeForRead(const volatile VOID *Address, SIZE_T Length, ULONG Alignment)
{
    KI_CHECK_IRQL(ProbeForRead);
    if (Length == 0)
        return;
    MmpCheckRange(Address, Length, Alignment);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ProbeForWrite(volatile VOID *Address, SIZE_T Length, ULONG Alignment)
{
    KI_CHECK_IRQL(ProbeForWrite);
    if (Length == 0)
        return;
    MmpCheckRange(Address, Length, Alignment);
    volatile UCHAR *p = (volatile UCHAR *)Address;
    volatile UCHAR *last = p + Length - 1;
    for (;;) {
        *p = *p;
        volatile UCHAR *next = (volatile UCHAR *)(((ULONG_PTR)p & ~(ULONG_PTR)(PAGE_SIZE - 1)) + PAGE_SIZE);
        if (next > last || next <= p)
            break;
        p = next;
    }
    *last = *last;
}

NTSTATUS MmpProbeUserBuffer(const void *Address, SIZE_T Length, BOOLEAN Write)
{
    if (Length == 0)
        return STATUS_SUCCESS;
    ULONG_PTR start = (ULONG_PTR)Address, end = start + Length;
    if (end < start || end > MmUserProbeAddress)
        return STATUS_ACCESS_VIOLATION;
    volatile NTSTATUS status = STATUS_SUCCESS;
    __try {
        volatile const UCHAR *p = Address;
        for (ULONG_PTR page = start & ~(ULONG_PTR)(PAGE_SIZE - 1); page < end; page += PAGE_SIZE) {
            volatile UCHAR *at = (volatile UCHAR *)(page < start ? start : page);
            UCHAR v = *at;
            if (Write)
                *at = v;
        }
        (void)p;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    return status;
}
