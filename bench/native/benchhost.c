/*
 * benchhost.c - the Linux-native half of the benchmark app (see
 * benchhost.h). Built by CMake as an ordinary Linux static library and
 * linked into the app by "ntk cc --app".
 *
 * The machine's own scaling (bh_machine_threads): the same thread harness
 * as the ntk thread cases, running a loop that shares nothing, so that the
 * app can tell how much of a two-thread figure is the machine's (on a
 * small virtual machine such a loop has measured anywhere from 1.6x to
 * 2.4x with two threads from run to run).
 *
 * Counting allocations: the app executable defines malloc and its siblings;
 * libntk.so's calls bind to these definitions (an executable's definitions
 * come first in symbol lookup), which count and forward to glibc's
 * __libc_* entry points (no dlsym, so no recursion through dlsym's own
 * allocations).
 */
#define _GNU_SOURCE
#include "benchhost.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

unsigned long long bh_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

/* ---- Linux baselines ----------------------------------------------------- */

static int bh_pipe_write_end = -1;

int bh_pipe_open(void)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    /* Something to count: FIONREAD then reports 64. */
    char bytes[64] = {0};
    if (write(fds[1], bytes, sizeof bytes) != (ssize_t)sizeof bytes) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    bh_pipe_write_end = fds[1];
    return fds[0];
}

void bh_pipe_close(int fd)
{
    close(fd);
    if (bh_pipe_write_end >= 0)
        close(bh_pipe_write_end);
    bh_pipe_write_end = -1;
}

int bh_linux_ioctl_fionread(int fd, unsigned long long count)
{
    for (unsigned long long i = 0; i < count; i++) {
        int available;
        if (ioctl(fd, FIONREAD, &available) != 0 || available != 64)
            return -1;
    }
    return 0;
}

void bh_linux_getppid(unsigned long long count)
{
    for (unsigned long long i = 0; i < count; i++)
        syscall(SYS_getppid);
}

/* An out-of-line routine reached through a pointer the compiler cannot see
 * through: the cost of a call into another module that copies 64 bytes. */
typedef void (*bh_copy_routine)(void *out, const void *in, size_t length);

__attribute__((noinline)) static void bh_copy(void *out, const void *in, size_t length)
{
    memcpy(out, in, length);
}

static bh_copy_routine volatile bh_copy_pointer = bh_copy;

unsigned bh_indirect_copy64(unsigned long long count)
{
    unsigned char in[64], out[64];
    memset(in, 1, sizeof in);
    memset(out, 0, sizeof out);
    for (unsigned long long i = 0; i < count; i++) {
        in[0] = (unsigned char)i;
        bh_copy_pointer(out, in, sizeof in);
        __asm__ volatile("" : : "r"(out) : "memory");
    }
    return out[0];
}

/* ---- threads ------------------------------------------------------------- */

struct bh_thread {
    pthread_t id;
    bh_thread_routine routine;
    void *argument;
    pthread_barrier_t *start;
    unsigned long long end_ns;
};

static void *bh_thread_main(void *p)
{
    struct bh_thread *t = p;
    t->routine(t->argument, 0);
    pthread_barrier_wait(t->start);
    t->routine(t->argument, 1);
    t->end_ns = bh_now_ns();
    return NULL;
}

unsigned long long bh_run_threads(int threads, bh_thread_routine routine, void **arguments)
{
    if (threads < 1 || threads > 64) {
        fprintf(stderr, "bench: %d threads: out of range\n", threads);
        exit(1);
    }
    struct bh_thread t[64];
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, (unsigned)threads + 1);
    int started = 0;
    for (; started < threads; started++) {
        t[started] = (struct bh_thread){.routine = routine, .argument = arguments[started], .start = &start};
        if (pthread_create(&t[started].id, NULL, bh_thread_main, &t[started]) != 0)
            break;
    }
    if (started < threads) {
        /* Cannot happen on a sane machine; the ones started would wait forever. */
        fprintf(stderr, "bench: cannot start %d threads\n", threads);
        exit(1);
    }
    pthread_barrier_wait(&start); /* every thread has warmed up */
    unsigned long long begin = bh_now_ns();
    unsigned long long end = begin;
    for (int i = 0; i < threads; i++) {
        pthread_join(t[i].id, NULL);
        if (t[i].end_ns > end)
            end = t[i].end_ns;
    }
    pthread_barrier_destroy(&start);
    return end - begin;
}

/* ---- the machine's own scaling ------------------------------------------- */

/* One thread's state. Aligned to 128 bytes, not 64: the adjacent-line
 * prefetcher pairs cache lines, and two threads' states must not share a
 * pair either. */
struct bh_spin {
    unsigned long long iterations;
    unsigned long long counter;      /* an atomic add per iteration */
    unsigned char in[64], out[64];   /* copied through a function pointer */
    unsigned char block[4096];       /* a private working set, as an IRP's */
} __attribute__((aligned(128)));

static struct bh_spin bh_spins[64];

/* Work of the kind an IOCTL does, on data no other thread touches: a
 * 64-byte copy through a pointer the compiler cannot see through, a
 * lock-prefixed add, and stores across a private 4 KiB block. Pure
 * arithmetic would scale perfectly even where two virtual CPUs share one
 * core's load/store units; this loop competes for what ntk competes for. */
static void bh_spin_routine(void *argument, int measured)
{
    struct bh_spin *s = argument;
    unsigned long long count = measured ? s->iterations : s->iterations / 10 + 1;
    for (unsigned long long i = 0; i < count; i++) {
        s->in[0] = (unsigned char)i;
        bh_copy_pointer(s->out, s->in, sizeof s->in);
        __atomic_fetch_add(&s->counter, 1, __ATOMIC_ACQ_REL);
        s->block[(i * 64) & 4095] = s->out[0];
        __asm__ volatile("" : : "r"(s) : "memory");
    }
}

unsigned long long bh_machine_threads(int threads, unsigned long long iterations)
{
    void *arguments[64];
    if (threads < 1 || threads > 64) {
        fprintf(stderr, "bench: %d threads: out of range\n", threads);
        exit(1);
    }
    for (int i = 0; i < threads; i++) {
        bh_spins[i].iterations = iterations;
        arguments[i] = &bh_spins[i];
    }
    return bh_run_threads(threads, bh_spin_routine, arguments);
}

/* ---- counting heap allocations -------------------------------------------- */

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
int bh_malloc_counting(void)
{
    return 0;
}

unsigned long long bh_malloc_calls(void)
{
    return 0;
}
#else
static unsigned long long bh_allocations;

static inline void bh_count(void)
{
    __atomic_fetch_add(&bh_allocations, 1, __ATOMIC_RELAXED);
}

int bh_malloc_counting(void)
{
    return 1;
}

unsigned long long bh_malloc_calls(void)
{
    return __atomic_load_n(&bh_allocations, __ATOMIC_RELAXED);
}

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

#define BH_EXPORT __attribute__((visibility("default")))

BH_EXPORT void *malloc(size_t size)
{
    bh_count();
    return __libc_malloc(size);
}

BH_EXPORT void *calloc(size_t count, size_t size)
{
    bh_count();
    return __libc_calloc(count, size);
}

BH_EXPORT void *realloc(void *p, size_t size)
{
    bh_count();
    return __libc_realloc(p, size);
}

BH_EXPORT void *memalign(size_t alignment, size_t size)
{
    bh_count();
    return __libc_memalign(alignment, size);
}

BH_EXPORT void *aligned_alloc(size_t alignment, size_t size)
{
    bh_count();
    return __libc_memalign(alignment, size);
}

BH_EXPORT int posix_memalign(void **out, size_t alignment, size_t size)
{
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    bh_count();
    void *p = __libc_memalign(alignment, size);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}
#endif

/* ---- the machine ----------------------------------------------------------- */

int bh_cpu_count(void)
{
    return (int)sysconf(_SC_NPROCESSORS_ONLN);
}

void bh_cpu_model(char *buffer, unsigned size)
{
    snprintf(buffer, size, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0) {
            char *value = strchr(line, ':');
            if (value) {
                value++;
                while (*value == ' ' || *value == '\t')
                    value++;
                value[strcspn(value, "\n")] = '\0';
                snprintf(buffer, size, "%s", value);
            }
            break;
        }
    }
    fclose(f);
}

void bh_kernel_release(char *buffer, unsigned size)
{
    struct utsname u;
    if (uname(&u) == 0)
        snprintf(buffer, size, "Linux %s %s", u.release, u.machine);
    else
        snprintf(buffer, size, "unknown");
}

const char *bh_compiler(void)
{
#if defined(__clang__)
    return "clang " __clang_version__;
#elif defined(__GNUC__)
    return "gcc " __VERSION__;
#else
    return "unknown";
#endif
}

unsigned long long bh_machine_busy_ns(void)
{
    unsigned long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    FILE *f = fopen("/proc/stat", "r");
    if (!f)
        return 0;
    int n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &user, &nice, &system, &idle, &iowait, &irq,
                   &softirq, &steal);
    fclose(f);
    if (n < 4)
        return 0;
    long hz = sysconf(_SC_CLK_TCK);
    return (user + nice + system + irq + softirq + steal) * (1000000000ull / (unsigned long long)(hz > 0 ? hz : 100));
}

unsigned long long bh_process_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

void bh_date(char *buffer, unsigned size)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(buffer, size, "%Y-%m-%d", &tm);
}
