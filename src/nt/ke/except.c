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

static void KipPushFrame(PKTHREAD t, ntk_seh_frame *f)
{
    f->next = t->SehChain;
    t->SehChain = f;
}

static void KipUnlinkFrame(PKTHREAD t, ntk_seh_frame *f)
{
    /* Frames leave in LIFO order except when a body is left by return or
     * break while an inner frame of a callee is still registered, which
     * cannot happen: callee frames are gone before their function returns. */
    ntk_seh_frame **link = &t->SehChain;
    while (*link && *link != f)
        link = &(*link)->next;
    if (*link)
        *link = f->next;
}

DECLSPEC_EXPORT void ntk_seh_push(ntk_seh_frame *frame)
{
    frame->next = NULL;
    frame->finally_ran = 0;
    frame->record.ExceptionCode = 0;
    frame->pointers.ExceptionRecord = &frame->record;
    frame->pointers.ContextRecord = NULL;
    KipPushFrame(KiThread(), frame);
}

/* The loop condition of a __try: advances the construct's state. */
DECLSPEC_EXPORT int ntk_seh_next(ntk_seh_frame *frame)
{
    switch (frame->state) {
    case NTK_SEH_ENTERING:
        ntk_seh_push(frame);
        frame->state = NTK_SEH_TRYING;
        return 1;
    case NTK_SEH_TRYING: /* body ended normally: give a __finally its turn */
        KipUnlinkFrame(KiThread(), frame);
        frame->state = NTK_SEH_ENDED;
        return 1;
    case NTK_SEH_CAUGHT:
        if (frame->finally_ran) {
            /* A __finally ran while an exception passed through: go on. */
            frame->state = NTK_SEH_DONE;
            KiRaiseException(frame->record.ExceptionCode, frame->record.ExceptionAddress,
                             frame->record.NumberParameters, (const ULONG_PTR *)frame->record.ExceptionInformation);
        }
        frame->state = NTK_SEH_DONE; /* an __except handler ran */
        return 0;
    default:
        frame->state = NTK_SEH_DONE;
        return 0;
    }
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

DECLSPEC_EXPORT int ntk_seh_finally(ntk_seh_frame *frame)
{
    if (frame->finally_ran || (frame->state != NTK_SEH_ENDED && frame->state != NTK_SEH_CAUGHT))
        return 0;
    frame->finally_ran = 1;
    return 1;
}

DECLSPEC_EXPORT void ntk_seh_scope_exit(ntk_seh_frame *frame)
{
    /* Left by return/break/goto while the body ran: unregister the frame. */
    if (frame->state == NTK_SEH_TRYING)
        KipUnlinkFrame(KiThread(), frame);
}

DECLSPEC_EXPORT void ntk_seh_leave(ntk_seh_frame *frame)
{
    KipUnlinkFrame(KiThread(), frame);
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
