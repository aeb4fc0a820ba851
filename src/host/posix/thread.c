/*
 * thread.c - host threads, processors, and futex-based parking.
 */
#define _GNU_SOURCE
#include "posix_core.h"
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

struct ntkhost_thread {
    pthread_t pthread;
    ntkhost_thread_fn *fn;
    void *arg;
};

static void *ntkhost_posix_thread_start(void *p)
{
    struct ntkhost_thread *t = p;
    ntkhost_posix_thread_prepare_faults();
    t->fn(t->arg);
    return NULL;
}

int ntkhost_posix_thread_create(ntkhost_thread_fn *fn, void *arg, struct ntkhost_thread **out)
{
    struct ntkhost_thread *t = malloc(sizeof *t);
    if (!t)
        return ENOMEM;
    t->fn = fn;
    t->arg = arg;
    int err = pthread_create(&t->pthread, NULL, ntkhost_posix_thread_start, t);
    if (err) {
        free(t);
        return err;
    }
    *out = t;
    return 0;
}

int ntkhost_posix_thread_join(struct ntkhost_thread *t)
{
    int err = pthread_join(t->pthread, NULL);
    free(t);
    return err;
}

static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;
static void (*exit_fn)(void *);

static void exit_key_destructor(void *arg)
{
    void (*fn)(void *) = __atomic_load_n(&exit_fn, __ATOMIC_ACQUIRE);
    if (fn)
        fn(arg);
}

static void exit_key_create(void)
{
    pthread_key_create(&exit_key, exit_key_destructor);
}

void ntkhost_posix_thread_exit_notify(void (*fn)(void *arg), void *arg)
{
    pthread_once(&exit_key_once, exit_key_create);
    __atomic_store_n(&exit_fn, fn, __ATOMIC_RELEASE);
    pthread_setspecific(exit_key, arg);
}

void ntkhost_posix_thread_yield(void)
{
    sched_yield();
}

unsigned long ntkhost_posix_thread_id(void)
{
    return (unsigned long)syscall(SYS_gettid);
}

unsigned ntkhost_posix_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

unsigned ntkhost_posix_cpu_current(void)
{
    int c = sched_getcpu();
    return c >= 0 ? (unsigned)c : 0;
}

int ntkhost_posix_park(volatile int32_t *addr, int32_t expected, int64_t timeout_ns)
{
    struct timespec ts, *tsp = NULL;
    if (timeout_ns >= 0) {
        ts.tv_sec = timeout_ns / 1000000000;
        ts.tv_nsec = timeout_ns % 1000000000;
        tsp = &ts;
    }
    long r = syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, expected, tsp, NULL, 0);
    if (r == -1 && errno == ETIMEDOUT)
        return ETIMEDOUT;
    return 0;
}

void ntkhost_posix_unpark(volatile int32_t *addr, int count)
{
    syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, count, NULL, NULL, 0);
}

int64_t ntkhost_posix_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t ntkhost_posix_realtime_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void ntkhost_posix_sleep_ns(int64_t ns)
{
    struct timespec ts = {ns / 1000000000, ns % 1000000000};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}
