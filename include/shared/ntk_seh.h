/*
 * ntk_seh.h - structured exception handling (__try/__except/__finally/__leave)
 * for GCC, on top of _setjmp and ntk's exception dispatcher (ke/except.c).
 *
 * A __try pushes a frame on the current thread's handler chain and records a
 * resume point. A raise (an invalid memory access delivered by the host as a
 * fault, ExRaiseStatus, RtlRaiseStatus) pops the innermost frame and resumes
 * there; the __except filter is then evaluated with GetExceptionCode() and
 * either runs the handler, or passes the exception on to the next frame.
 * A __finally block runs when its __try body ends normally, by __leave, or
 * while an exception passes through it.
 *
 * Differences from MSVC, documented in docs/SEH.md:
 *  - filters run after the frames inside them are unwound, not before;
 *  - `return`, `break`, `continue` or `goto` out of a __try body pop the frame
 *    (so later exceptions go to the right handler) but do not run a
 *    __finally block; `break`/`continue` directly inside a __try body act on
 *    the __try (end it) rather than on an enclosing loop;
 *  - EXCEPTION_CONTINUE_EXECUTION is refused loudly (no resumption).
 *  - locals modified inside __try and read in the handler should be volatile
 *    when the code is optimised (the setjmp rule).
 */
#ifndef NTK_SEH_H
#define NTK_SEH_H

#include <setjmp.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_CONTINUE_SEARCH 0
#define EXCEPTION_CONTINUE_EXECUTION (-1)

typedef struct _EXCEPTION_RECORD {
    int ExceptionCode;                           /* NTSTATUS */
    unsigned int ExceptionFlags;
    struct _EXCEPTION_RECORD *ExceptionRecord;
    void *ExceptionAddress;
    unsigned int NumberParameters;
    unsigned long long ExceptionInformation[15]; /* ULONG_PTR */
} EXCEPTION_RECORD, *PEXCEPTION_RECORD;

struct _CONTEXT;
typedef struct _EXCEPTION_POINTERS {
    PEXCEPTION_RECORD ExceptionRecord;
    struct _CONTEXT *ContextRecord; /* not captured by ntk: NULL */
} EXCEPTION_POINTERS, *PEXCEPTION_POINTERS;

#define EXCEPTION_NONCONTINUABLE 0x1
#define EXCEPTION_MAXIMUM_PARAMETERS 15

/* Frame states. */
enum {
    NTK_SEH_ENTERING = 0, /* frame not yet pushed */
    NTK_SEH_TRYING,       /* body running, frame on the chain */
    NTK_SEH_CAUGHT,       /* an exception arrived; frame popped */
    NTK_SEH_ENDED,        /* body ended normally or by __leave; frame popped */
    NTK_SEH_DONE,         /* construct finished */
};

typedef struct ntk_seh_frame {
    struct ntk_seh_frame *next;
    struct ntk_seh_frame **chain; /* the owning thread's chain head */
    int state;
    int finally_ran;
    jmp_buf resume;
    EXCEPTION_RECORD record;      /* filled only when an exception arrives */
    EXCEPTION_POINTERS pointers;
} ntk_seh_frame;

/* Implemented in the kernel library (ke/except.c). */
ntk_seh_frame **ntk_seh_chain(void);
void ntk_seh_unlink_slow(ntk_seh_frame *frame);
int ntk_seh_after_caught(ntk_seh_frame *frame);
int ntk_seh_filter(ntk_seh_frame *frame, long disposition);
__attribute__((noreturn)) void ntk_seh_leave(ntk_seh_frame *frame);

/* The common path of a __try stays inline: one call to find the thread's
 * chain when entering, none when leaving. Only the state and the chain
 * links are initialised; the exception record is written when one arrives. */
static inline ntk_seh_frame *ntk_seh_init(ntk_seh_frame *frame)
{
    frame->state = NTK_SEH_ENTERING;
    frame->finally_ran = 0;
    return frame;
}

static inline void ntk_seh_unlink(ntk_seh_frame *frame)
{
    if (*frame->chain == frame)
        *frame->chain = frame->next;
    else
        ntk_seh_unlink_slow(frame);
}

/* The loop condition of a __try: advances the construct's state. */
static inline int ntk_seh_next(ntk_seh_frame *frame)
{
    switch (frame->state) {
    case NTK_SEH_ENTERING:
        frame->chain = ntk_seh_chain();
        frame->next = *frame->chain;
        *frame->chain = frame;
        frame->state = NTK_SEH_TRYING;
        return 1;
    case NTK_SEH_TRYING: /* body ended normally: give a __finally its turn */
        ntk_seh_unlink(frame);
        frame->state = NTK_SEH_ENDED;
        return 1;
    case NTK_SEH_CAUGHT:
        return ntk_seh_after_caught(frame);
    default:
        frame->state = NTK_SEH_DONE;
        return 0;
    }
}

static inline int ntk_seh_finally(ntk_seh_frame *frame)
{
    if (frame->finally_ran || (frame->state != NTK_SEH_ENDED && frame->state != NTK_SEH_CAUGHT))
        return 0;
    frame->finally_ran = 1;
    return 1;
}

/* Left by return/break/goto while the body ran: unregister the frame. */
static inline void ntk_seh_scope_exit(ntk_seh_frame *frame)
{
    if (frame->state == NTK_SEH_TRYING)
        ntk_seh_unlink(frame);
}

#define __try                                                                                  \
    for (ntk_seh_frame __ntk_seh __attribute__((cleanup(ntk_seh_scope_exit))),                 \
         *__ntk_seh_initialized __attribute__((unused)) = ntk_seh_init(&__ntk_seh);            \
         ntk_seh_next(&__ntk_seh);)                                                            \
        if (__ntk_seh.state == NTK_SEH_TRYING && _setjmp(__ntk_seh.resume) == 0)

#define __except(filter) \
    else if (__ntk_seh.state == NTK_SEH_CAUGHT && ntk_seh_filter(&__ntk_seh, (long)(filter)))

#define __finally else if (ntk_seh_finally(&__ntk_seh))

#define __leave ntk_seh_leave(&__ntk_seh)

#define _try __try
#define _except __except
#define _finally __finally
#define _leave __leave
/* The old keywords without underscores, which MSVC's excpt.h provides for
 * C (older WDK samples still use them). */
#ifndef __cplusplus
#define try __try
#define except __except
#define finally __finally
#define leave __leave
#endif

/* Typed like the codes each side compares it with, so comparisons neither
 * change meaning nor warn: NTSTATUS in drivers, DWORD (as MSVC's
 * unsigned long) in applications. */
#ifdef _KERNEL_MODE
#define GetExceptionCode() ((int)__ntk_seh.record.ExceptionCode)
#else
#define GetExceptionCode() ((unsigned int)__ntk_seh.record.ExceptionCode)
#endif
#define _exception_code() GetExceptionCode()
#define exception_code() GetExceptionCode()
#define GetExceptionInformation() (&__ntk_seh.pointers)
#define _exception_info() GetExceptionInformation()
#define exception_info() GetExceptionInformation()
#define AbnormalTermination() (__ntk_seh.state == NTK_SEH_CAUGHT)
#define _abnormal_termination() AbnormalTermination()

#ifdef __cplusplus
}
#endif

#endif /* NTK_SEH_H */
