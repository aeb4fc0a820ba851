/*
 * fault.c - synchronous hardware faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL)
 * handed to the kernel's exception dispatcher.
 *
 * Handlers run on a per-thread alternate stack so that a stack overflow can
 * be reported too. SA_NODEFER keeps the signal unblocked when the kernel
 * leaves the handler by longjmp into a __try frame (no mask to restore, so
 * __try needs no system call). When the kernel returns instead, the default
 * action is restored and the faulting instruction re-executes: the process
 * dies as it would without ntk.
 */
#define _GNU_SOURCE
#include "posix_core.h"
#include "posix.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

static ntkhost_fault_fn *fault_callback;
static __thread void *fault_stack;

#define FAULT_STACK_SIZE (64 * 1024)

void ntkhost_posix_thread_prepare_faults(void)
{
    if (fault_stack)
        return;
    void *p = mmap(NULL, FAULT_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (p == MAP_FAILED)
        return;
    stack_t ss = {.ss_sp = p, .ss_size = FAULT_STACK_SIZE, .ss_flags = 0};
    if (sigaltstack(&ss, NULL) == 0)
        fault_stack = p;
    else
        munmap(p, FAULT_STACK_SIZE);
}

static enum ntkhost_fault_kind fault_kind(int sig, const siginfo_t *si)
{
    switch (sig) {
    case SIGBUS:
        return si->si_code == BUS_ADRALN ? NTKHOST_FAULT_MISALIGNED : NTKHOST_FAULT_ACCESS;
    case SIGFPE:
        if (si->si_code == FPE_INTDIV)
            return NTKHOST_FAULT_INT_DIVIDE;
        if (si->si_code == FPE_INTOVF)
            return NTKHOST_FAULT_INT_OVERFLOW;
        return NTKHOST_FAULT_FLOAT;
    case SIGILL:
        return NTKHOST_FAULT_ILLEGAL;
    default:
        return NTKHOST_FAULT_ACCESS;
    }
}

static void fault_handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    struct ntkhost_fault fault = {
        .kind = fault_kind(sig, si),
        .address = si->si_addr,
        .pc = (void *)uc->uc_mcontext.gregs[REG_RIP],
        .is_write = -1,
    };
    if (sig == SIGSEGV) {
        /* Page-fault error code bit 1: the access was a write. */
        fault.is_write = (uc->uc_mcontext.gregs[REG_ERR] & 2) ? 1 : 0;
        /* A fault just below the stack pointer is a stack overflow. */
        uintptr_t sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
        uintptr_t addr = (uintptr_t)si->si_addr;
        if (addr < sp + 4096 && addr + 65536 > sp)
            fault.kind = NTKHOST_FAULT_STACK;
    }
    if (fault_callback)
        fault_callback(&fault);
    /* Not handled: die with the original signal. */
    signal(sig, SIG_DFL);
}

void ntkhost_posix_fault_handler_install(ntkhost_fault_fn *fn)
{
    fault_callback = fn;
    /* Prepare symbolization now, not for the first time inside a fault. */
    ntkhost_posix_backtrace_init();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    ntkhost_posix_thread_prepare_faults();
}
