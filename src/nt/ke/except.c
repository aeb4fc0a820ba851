/*
 * except.c - structured exception dispatch for __try/__except/__finally
 * (include/shared/ntk_seh.h), ExRaiseStatus/RtlRaiseStatus, and the
 * translation of host faults (invalid memory access, divide by zero) into
 * exceptions.
 *
 * Each thread keeps a chain of active __try frames (KTHREAD.SehChain). A raise
 * pops the innermost frame, fills its exception record and resumes at its
 * setjmp point. With no frame left, an exception in kernel code is a bug
 * check (KMODE_EXCEPTION_NOT_HANDLED); in application code it ends the
 * process as an unhandled exception does on Windows.
 */
#include <internal/ke.h>
#include <internal/ldr.h>

DECLSPEC_EXPORT ntk_seh_frame **ntk_seh_chain(void)
{
    return &KiThread()->SehChain;
}

/* A frame left while frames pushed after it are still registered (they
 * belong to the same function's inner __try blocks being left by the same
 * return): unlink it wherever it is. */
DECLSPEC_EXPORT void ntk_seh_unlink_slow(ntk_seh_frame *frame)
{
    ntk_seh_frame **link = frame->chain;
    while (*link && *link != frame)
        link = &(*link)->next;
    if (*link)
        *link = frame->next;
}

/* The loop condition after an exception reached this frame: either its
 * __except handler ran (the construct is done), or its __finally ran while
 * the exception passes through (go on raising). */
DECLSPEC_EXPORT int ntk_seh_after_caught(ntk_seh_frame *frame)
{
    frame->state = NTK_SEH_DONE;
    if (frame->finally_ran)
        KiRaiseException(frame->record.ExceptionCode, frame->record.ExceptionAddress,
                         frame->record.NumberParameters, (const ULONG_PTR *)frame->record.ExceptionInformation);
    return 0;
}

DECLSPEC_EXPORT int ntk_seh_filter(ntk_seh_frame *frame, long disposition)
{
    if (disposition > 0)
        return 1;
    if (disposition < 0) {
        static const char msg[] = "ntk: EXCEPTION_CONTINUE_EXECUTION is not supported; "
                                  "treating it as EXCEPTION_CONTINUE_SEARCH\n";
        ntkhost->write_err(msg, sizeof msg - 1);
    }
    frame->state = NTK_SEH_DONE;
    KiRaiseException(frame->record.ExceptionCode, frame->record.ExceptionAddress, frame->record.NumberParameters,
                     (const ULONG_PTR *)frame->record.ExceptionInformation);
}

DECLSPEC_EXPORT void ntk_seh_leave(ntk_seh_frame *frame)
{
    ntk_seh_unlink(frame);
    frame->state = NTK_SEH_ENDED;
    _longjmp(frame->resume, 2);
}

static __attribute__((noreturn)) void KipUnhandled(PKTHREAD t, NTSTATUS code, void *address, ULONG nparams,
                                                   const ULONG_PTR *params, const void *trap_pc)
{
    if (t->KernelDepth > 0 || t->SystemThread) {
        KiBugCheckAt(KMODE_EXCEPTION_NOT_HANDLED, (ULONG_PTR)(LONG_PTR)code, (ULONG_PTR)address,
                     nparams > 0 ? params[0] : 0, nparams > 1 ? params[1] : 0, trap_pc, NULL);
    }
    static const char hex[] = "0123456789ABCDEF";
    char codebuf[11] = "0x";
    for (int i = 0; i < 8; i++)
        codebuf[2 + i] = hex[((ULONG)code >> (28 - 4 * i)) & 0xF];
    codebuf[10] = 0;
    char where[128];
    ntkhost->symbolize(address, where, sizeof where);
    static const char head[] = "ntk: unhandled exception ";
    ntkhost->write_err(head, sizeof head - 1);
    ntkhost->write_err(codebuf, 10);
    ntkhost->write_err(" in the application at ", 23);
    ntkhost->write_err(where, strlen(where));
    ntkhost->write_err("\n", 1);
    ntkhost->abort_process();
}

static __attribute__((noreturn)) void KipDispatch(NTSTATUS code, void *address, ULONG nparams,
                                                  const ULONG_PTR *params, const void *trap_pc)
{
    PKTHREAD t = KiThread();
    ntk_seh_frame *f = t->SehChain;
    if (!f)
        KipUnhandled(t, code, address, nparams, params, trap_pc);
    t->SehChain = f->next;
    f->state = NTK_SEH_CAUGHT;
    f->pointers.ExceptionRecord = &f->record;
    f->pointers.ContextRecord = NULL;
    f->record.ExceptionCode = code;
    f->record.ExceptionFlags = 0;
    f->record.ExceptionRecord = NULL;
    f->record.ExceptionAddress = address;
    if (nparams > EXCEPTION_MAXIMUM_PARAMETERS)
        nparams = EXCEPTION_MAXIMUM_PARAMETERS;
    f->record.NumberParameters = nparams;
    for (ULONG i = 0; i < nparams; i++)
        f->record.ExceptionInformation[i] = params[i];
    _longjmp(f->resume, 1);
}

void KiRaiseException(NTSTATUS code, void *address, ULONG nparams, const ULONG_PTR *params)
{
    KipDispatch(code, address, nparams, params, NULL);
}

/* Host fault -> exception. Runs on the thread's signal stack. */
static void KipHostFault(const struct ntkhost_fault *fault)
{
    NTSTATUS code;
    ULONG_PTR params[2] = {0, 0};
    ULONG nparams = 0;
    switch (fault->kind) {
    case NTKHOST_FAULT_ACCESS:
        code = STATUS_ACCESS_VIOLATION;
        params[0] = fault->is_write > 0 ? 1 : 0;
        params[1] = (ULONG_PTR)fault->address;
        nparams = 2;
        break;
    case NTKHOST_FAULT_MISALIGNED: code = STATUS_DATATYPE_MISALIGNMENT; break;
    case NTKHOST_FAULT_INT_DIVIDE: code = STATUS_INTEGER_DIVIDE_BY_ZERO; break;
    case NTKHOST_FAULT_INT_OVERFLOW: code = STATUS_INTEGER_OVERFLOW; break;
    case NTKHOST_FAULT_FLOAT: code = STATUS_FLOAT_INVALID_OPERATION; break;
    case NTKHOST_FAULT_ILLEGAL: code = STATUS_ILLEGAL_INSTRUCTION; break;
    case NTKHOST_FAULT_STACK: code = STATUS_STACK_OVERFLOW; break;
    default: return;
    }
    PKTHREAD t = KiCurrentThread;
    if (!t)
        return; /* a thread that never entered ntk: default action */
    if (!t->SehChain && t->KernelDepth == 0 && !t->SystemThread)
        return; /* application crash with no handler: let the host crash it */
    KipDispatch(code, fault->pc, nparams, params, fault->pc);
}

void KiInitializeExceptions(void)
{
    ntkhost->fault_handler_install(KipHostFault);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExRaiseStatus(NTSTATUS Status)
{
    KipDispatch(Status, __builtin_return_address(0), 0, NULL, NULL);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlRaiseStatus(NTSTATUS Status)
{
    KipDispatch(Status, __builtin_return_address(0), 0, NULL, NULL);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExRaiseAccessViolation(VOID)
{
    KipDispatch(STATUS_ACCESS_VIOLATION, __builtin_return_address(0), 0, NULL, NULL);
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI ExRaiseDatatypeMisalignment(VOID)
{
    KipDispatch(STATUS_DATATYPE_MISALIGNMENT, __builtin_return_address(0), 0, NULL, NULL);
}
