/*
 * benchhost.h - the benchmark app's Linux-native helper (benchhost.c,
 * built as plain Linux C and linked into the Win32 app): the clock, the
 * Linux baselines, threads and the machine's own thread scaling, the
 * machine's description and the count of heap allocations. Only plain C types here: the app includes this next to
 * <windows.h>.
 */
#ifndef BENCHHOST_H
#define BENCHHOST_H

/* CLOCK_MONOTONIC in nanoseconds. */
unsigned long long bh_now_ns(void);

/* Linux baselines, each run Count times. */
int bh_pipe_open(void); /* the read end of a fresh pipe, or -1 */
void bh_pipe_close(int fd);
int bh_linux_ioctl_fionread(int fd, unsigned long long count); /* 0 on success */
void bh_linux_getppid(unsigned long long count);
unsigned bh_indirect_copy64(unsigned long long count);

/* Runs Routine(Argument[i], 0) (a warm-up) on Threads new threads, then
 * releases them together into Routine(Argument[i], 1); returns the wall
 * time from the release to the last one's end (ns). */
typedef void (*bh_thread_routine)(void *argument, int measured);
unsigned long long bh_run_threads(int threads, bh_thread_routine routine, void **arguments);

/* The machine's own scaling: Threads threads (at most 64) each run
 * Iterations iterations of IOCTL-like work (a 64-byte copy through a
 * function pointer, an atomic add, a store into a 4 KiB block) on data of
 * their own (nothing shared is written), through
 * bh_run_threads (warm-up: a tenth as many). Returns bh_run_threads' wall
 * time (ns). */
unsigned long long bh_machine_threads(int threads, unsigned long long iterations);

/* Heap allocation calls (malloc, calloc, realloc, posix_memalign,
 * aligned_alloc, memalign) made by anyone in the process so far.
 * bh_malloc_counting() is 0 when the build cannot count them (sanitizers
 * bring their own allocator). */
int bh_malloc_counting(void);
unsigned long long bh_malloc_calls(void);

/* The machine: online CPUs, CPU model, kernel release, C compiler. */
int bh_cpu_count(void);
void bh_cpu_model(char *buffer, unsigned size);
void bh_kernel_release(char *buffer, unsigned size);
const char *bh_compiler(void);

/* CPU time (ns) spent by everything on the machine (from /proc/stat) and
 * by this process, so that the app can tell how much other work competed
 * for the CPUs during a stretch of time. */
unsigned long long bh_machine_busy_ns(void);
unsigned long long bh_process_cpu_ns(void);

/* Today's date, YYYY-MM-DD (UTC). */
void bh_date(char *buffer, unsigned size);

#endif
