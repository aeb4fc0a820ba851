/*
 * notimpl.c - the loud side of "not implemented yet": a kernel routine that
 * meets a case ntk does not support returns STATUS_NOT_IMPLEMENTED and says
 * so on standard error, naming the routine and the case.
 */
#include <internal/ke.h>
#include <string.h>

NTSTATUS KiNotImplemented(const char *Routine, const char *Case)
{
    static const char prefix[] = "ntk: not implemented yet: ";
    ntkhost->write_err(prefix, sizeof prefix - 1);
    ntkhost->write_err(Routine, strlen(Routine));
    ntkhost->write_err(" (", 2);
    ntkhost->write_err(Case, strlen(Case));
    ntkhost->write_err(")\n", 2);
    return STATUS_NOT_IMPLEMENTED;
}
