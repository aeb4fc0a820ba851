/*
 * bench.c - the ntk benchmark: the cost of an IOCTL, of a driver layer and
 * of the seed scenario (600,000 IOCTLs through a three-deep stack), with
 * Linux itself measured in the same run for comparison.
 *
 *   bench [--quick] [--reps N] [--json FILE]
 *
 * Run it with the benchmark drivers loaded (see "make bench" and
 * docs/BENCHMARKS.md). Each case is run --reps times (5; 3 with --quick)
 * after a warm-up; the table gives the median, minimum and maximum of the
 * repetitions, and the heap allocations per operation counted during the
 * measured loops. The cases:
 *
 *   1  no-op METHOD_BUFFERED IOCTL, 64 B in and out, one device
 *   2  Linux: ioctl(FIONREAD) on a pipe, syscall(SYS_getppid), an indirect
 *      call copying 64 bytes
 *   3  stacks 1, 2, 4, 8 deep of pass-through and of completion-routine
 *      filters: the cost added per layer (least-squares slope)
 *   4  600,000 IOCTLs through a three-deep stack, total time
 *   5  METHOD_IN_DIRECT/OUT_DIRECT/NEITHER (and BUFFERED) IOCTLs and ReadFile
 *      on buffered, direct and neither devices at 64 B, 4 KiB, 64 KiB
 *   6  throughput with 1 and 2 threads on separate handles, and the
 *      machine's own scaling measured in turn with them in every repetition
 *      (IOCTL-like work per thread sharing nothing: benchhost.c), so that
 *      the two-thread target can be judged against what this machine can
 *      do; IRPs pended and completed by a DPC (on the caller's processor,
 *      and on another processor) and by a work item on the system worker
 *      thread
 *   7  a driver calling another: IoCallDriver with its own IRP (reused with
 *      IoReuseIrp, or allocated per call) vs. a function pointer
 *
 * Exit status 0 when every case ran (targets missed are reported, not
 * failed: this is a benchmark, not a test), 1 when a request failed.
 */
#include <windows.h>
#include <winioctl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_ioctl.h"
#include "benchhost.h"

#define MAX_REPS 15
#define MAX_RESULTS 64
#define SEED_IOCTLS 600000ull

typedef struct RESULT {
    char Id[48];
    char Label[96];
    const char *Unit;      /* "ns/op", "ms", "Mops/s" */
    double Samples[MAX_REPS];
    int Count;
    double Median, Min, Max;
    double AllocsPerOp;    /* heap allocation calls per operation, measured loops */
    unsigned long long Allocs;
    unsigned long long Ops;
} RESULT;

static RESULT Results[MAX_RESULTS];
static int ResultCount;
static int Reps = 5;
static int Quick;
static int Scale = 1; /* iterations are divided by this with --quick */

static unsigned char InBuffer[65536] __attribute__((aligned(4096)));
static unsigned char OutBuffer[65536] __attribute__((aligned(4096)));

/* ---- results ---------------------------------------------------------------- */

static int CompareDoubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static RESULT *NewResult(const char *id, const char *label, const char *unit)
{
    if (ResultCount == MAX_RESULTS) {
        fprintf(stderr, "bench: too many results\n");
        exit(1);
    }
    RESULT *r = &Results[ResultCount++];
    memset(r, 0, sizeof *r);
    snprintf(r->Id, sizeof r->Id, "%s", id);
    snprintf(r->Label, sizeof r->Label, "%s", label);
    r->Unit = unit;
    return r;
}

static void FinishResult(RESULT *r)
{
    double sorted[MAX_REPS];
    memcpy(sorted, r->Samples, sizeof(double) * r->Count);
    qsort(sorted, r->Count, sizeof(double), CompareDoubles);
    r->Min = sorted[0];
    r->Max = sorted[r->Count - 1];
    r->Median = r->Count % 2 ? sorted[r->Count / 2] : (sorted[r->Count / 2 - 1] + sorted[r->Count / 2]) / 2;
    r->AllocsPerOp = r->Ops ? (double)r->Allocs / (double)r->Ops : 0;
    printf("  %-52s %10.1f %10.1f %10.1f  %-7s %6.2f\n", r->Label, r->Median, r->Min, r->Max, r->Unit,
           r->AllocsPerOp);
    fflush(stdout);
}

static RESULT *FindResult(const char *id)
{
    for (int i = 0; i < ResultCount; i++)
        if (strcmp(Results[i].Id, id) == 0)
            return &Results[i];
    return NULL;
}

static double Median(const char *id)
{
    RESULT *r = FindResult(id);
    return r ? r->Median : 0;
}

/* A note under a section's table: indented, wrapped at 100 columns. */
static void Note(const char *format, ...)
{
    char text[512];
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(text, sizeof text, format, arguments);
    va_end(arguments);
    const char *p = text;
    while (*p) {
        int length = (int)strlen(p);
        if (length > 98) {
            length = 98;
            while (length > 0 && p[length] != ' ')
                length--;
            if (length == 0)
                length = 98;
        }
        printf("  %.*s\n", length, p);
        p += length;
        while (*p == ' ')
            p++;
    }
}

static void Section(const char *title)
{
    printf("\n%s\n  %-52s %10s %10s %10s  %-7s %6s\n", title, "case", "median", "min", "max", "unit", "allocs");
}

/* ---- running a loop -------------------------------------------------------- */

/* An operation run Count times; returns nothing, exits on a failure. */
typedef void (*LOOP)(void *context, unsigned long long count);

/* Warms up, then runs the loop Reps times, recording ns per operation. */
static RESULT *Measure(const char *id, const char *label, LOOP loop, void *context, unsigned long long count)
{
    RESULT *r = NewResult(id, label, "ns/op");
    count = count / Scale ? count / Scale : 1;
    loop(context, count / 10 + 1);
    for (int i = 0; i < Reps; i++) {
        unsigned long long allocs = bh_malloc_calls();
        unsigned long long begin = bh_now_ns();
        loop(context, count);
        unsigned long long end = bh_now_ns();
        r->Allocs += bh_malloc_calls() - allocs;
        r->Ops += count;
        r->Samples[r->Count++] = (double)(end - begin) / (double)count;
    }
    FinishResult(r);
    return r;
}

static void Fail(const char *what)
{
    fprintf(stderr, "bench: %s failed: error %lu\n", what, GetLastError());
    exit(1);
}

static HANDLE OpenDevice(const char *name)
{
    char path[64];
    snprintf(path, sizeof path, "\\\\.\\%s", name);
    HANDLE h = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "bench: cannot open %s (error %lu): are the benchmark drivers loaded? (make bench)\n", path,
                GetLastError());
        exit(1);
    }
    return h;
}

typedef struct IOCTL_LOOP {
    HANDLE Device;
    DWORD Code;
    DWORD InLength, OutLength;
    void *In, *Out;
} IOCTL_LOOP;

static void IoctlLoop(void *context, unsigned long long count)
{
    IOCTL_LOOP *c = context;
    for (unsigned long long i = 0; i < count; i++) {
        DWORD returned;
        if (!DeviceIoControl(c->Device, c->Code, c->In, c->InLength, c->Out, c->OutLength, &returned, NULL) ||
            returned != c->OutLength)
            Fail("DeviceIoControl");
    }
}

typedef struct READ_LOOP {
    HANDLE Device;
    DWORD Length;
} READ_LOOP;

static void ReadLoop(void *context, unsigned long long count)
{
    READ_LOOP *c = context;
    for (unsigned long long i = 0; i < count; i++) {
        DWORD returned;
        if (!ReadFile(c->Device, OutBuffer, c->Length, &returned, NULL) || returned != c->Length)
            Fail("ReadFile");
    }
}

static RESULT *MeasureIoctl(const char *id, const char *label, HANDLE device, DWORD code, DWORD in, DWORD out,
                            unsigned long long count)
{
    IOCTL_LOOP c = {device, code, in, out, InBuffer, OutBuffer};
    return Measure(id, label, IoctlLoop, &c, count);
}

/* ---- case 2: Linux ------------------------------------------------------------ */

static void LinuxIoctlLoop(void *context, unsigned long long count)
{
    if (bh_linux_ioctl_fionread(*(int *)context, count) != 0) {
        fprintf(stderr, "bench: ioctl(FIONREAD) failed\n");
        exit(1);
    }
}

static void LinuxGetppidLoop(void *context, unsigned long long count)
{
    (void)context;
    bh_linux_getppid(count);
}

static void IndirectCopyLoop(void *context, unsigned long long count)
{
    (void)context;
    bh_indirect_copy64(count);
}

/* ---- case 6: threads ---------------------------------------------------------- */

/* One per thread, each on its own cache lines (128 bytes: adjacent-line
 * prefetch pairs them): with a thread's output buffer on the line of the
 * other's handle, every copy-back would stall the other thread. */
typedef struct DECLSPEC_ALIGN(128) THREAD_WORK {
    HANDLE Device;
    unsigned long long Count;
    unsigned char In[64], Out[64];
} THREAD_WORK;

static void ThreadRoutine(void *argument, int measured)
{
    THREAD_WORK *w = argument;
    unsigned long long count = measured ? w->Count : w->Count / 10 + 1;
    for (unsigned long long i = 0; i < count; i++) {
        DWORD returned;
        if (!DeviceIoControl(w->Device, IOCTL_BENCH_NOOP_BUFFERED, w->In, 64, w->Out, 64, &returned, NULL) ||
            returned != 64)
            Fail("DeviceIoControl (thread)");
    }
}

/* One repetition of Threads threads, each on its own handle (work[i]),
 * each doing work[i].Count IOCTLs: a throughput sample (Mops/s) in r.
 * Returns the wall time (ns). */
static unsigned long long SampleThreads(RESULT *r, int threads, THREAD_WORK *work)
{
    void *arguments[2];
    unsigned long long ops = 0;
    for (int t = 0; t < threads; t++) {
        arguments[t] = &work[t];
        ops += work[t].Count;
    }
    unsigned long long allocs = bh_malloc_calls();
    unsigned long long ns = bh_run_threads(threads, ThreadRoutine, arguments);
    r->Allocs += bh_malloc_calls() - allocs; /* includes the threads' start and warm-up */
    r->Ops += ops;
    r->Samples[r->Count++] = (double)ops * 1000.0 / (double)ns;
    return ns;
}

/* One repetition of the machine's own loop (bh_machine_threads), Count
 * iterations per thread: a throughput sample (M iterations/s) in r. */
static void SampleMachine(RESULT *r, int threads, unsigned long long count)
{
    unsigned long long allocs = bh_malloc_calls();
    unsigned long long ns = bh_machine_threads(threads, count);
    r->Allocs += bh_malloc_calls() - allocs;
    r->Ops += count * threads;
    r->Samples[r->Count++] = (double)(count * threads) * 1000.0 / (double)ns;
}

/* ---- case 7: driver to driver ---------------------------------------------------- */

typedef struct CLIENT_LOOP {
    HANDLE Client;
    unsigned Mode;
} CLIENT_LOOP;

static void ClientLoop(void *context, unsigned long long count)
{
    CLIENT_LOOP *c = context;
    while (count) {
        unsigned chunk = count > 0x7fffffff ? 0x7fffffff : (unsigned)count;
        BENCH_CLIENT_RUN run = {c->Mode, chunk};
        BENCH_CLIENT_RESULT result;
        DWORD returned;
        if (!DeviceIoControl(c->Client, IOCTL_BENCH_CLIENT_RUN, &run, sizeof run, &result, sizeof result, &returned,
                             NULL))
            Fail("DeviceIoControl (BenchClient)");
        if (result.Done != chunk) {
            fprintf(stderr, "bench: BenchClient mode %u: %u of %u calls done, status 0x%08X\n", c->Mode,
                    result.Done, chunk, (unsigned)result.Status);
            exit(1);
        }
        count -= chunk;
    }
}

/* ---- the summary ------------------------------------------------------------------ */

typedef struct TARGET {
    const char *Name;
    double Value;
    const char *Comparison; /* "<=", "<", ">=", "==" */
    double Limit;
    const char *Unit;
    int Met;                /* Value meets Limit */
    const char *Verdict;    /* "met", "missed", "inconclusive", "not counted" */
    char Text[160];         /* the verdict as printed */
    /* Targets judged against the machine's own figure (HasMachine): the
     * machine's value of the same measure, and Value / Machine. */
    int HasMachine;
    double Machine;
    double VsMachine;
} TARGET;

/* The part of the machine's own scaling ntk must reach to be said to
 * scale as well as the machine does. */
#define MACHINE_SHARE 0.9

static TARGET Targets[8];
static int TargetCount;

static TARGET *AddTarget(const char *name, double value, const char *comparison, double limit, const char *unit)
{
    TARGET *t = &Targets[TargetCount++];
    memset(t, 0, sizeof *t);
    t->Name = name;
    t->Value = value;
    t->Comparison = comparison;
    t->Limit = limit;
    t->Unit = unit;
    if (strcmp(comparison, "<=") == 0)
        t->Met = value <= limit;
    else if (strcmp(comparison, "<") == 0)
        t->Met = value < limit;
    else if (strcmp(comparison, ">=") == 0)
        t->Met = value >= limit;
    else
        t->Met = value == limit;
    t->Verdict = t->Met ? "met" : "missed";
    snprintf(t->Text, sizeof t->Text, "%s", t->Met ? "met" : "MISSED");
    return t;
}

/* A ">=" target on a scaling figure that the machine itself may not reach:
 * missed only when the machine does reach the limit; else inconclusive.
 * Either way, says how much of the machine's own scaling ntk reaches. */
static void JudgeAgainstMachine(TARGET *t, double machine)
{
    t->HasMachine = 1;
    t->Machine = machine;
    t->VsMachine = machine > 0 ? t->Value / machine : 0;
    int n;
    if (t->Met) {
        n = snprintf(t->Text, sizeof t->Text, "met");
    } else if (machine < t->Limit) {
        t->Verdict = "inconclusive";
        n = snprintf(t->Text, sizeof t->Text, "inconclusive (this machine scales %.2fx)", machine);
    } else {
        n = snprintf(t->Text, sizeof t->Text, "MISSED");
    }
    if (n > 0 && (size_t)n < sizeof t->Text)
        snprintf(t->Text + n, sizeof t->Text - (size_t)n, "; ntk reaches %.2f of the machine's own scaling%s",
                 t->VsMachine,
                 t->VsMachine >= MACHINE_SHARE ? " (>= 0.9: it scales as well as the machine)" : " (below 0.9)");
}

/* Least-squares slope of the medians of ids over x. */
static double Slope(const double *x, const char *const *ids, int n)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
        double y = Median(ids[i]);
        sx += x[i];
        sy += y;
        sxx += x[i] * x[i];
        sxy += x[i] * y;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

static void WriteJsonString(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            fprintf(f, "\\u%04x", (unsigned char)*s);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

/* How much CPU time other processes used over a stretch of time. */
typedef struct OTHER_LOAD {
    unsigned long long Wall, Busy, Self;
} OTHER_LOAD;

static void StartOtherLoad(OTHER_LOAD *l)
{
    l->Wall = bh_now_ns();
    l->Busy = bh_machine_busy_ns();
    l->Self = bh_process_cpu_ns();
}

/* CPUs' worth of other work since StartOtherLoad (0 when it cannot tell). */
static double OtherLoad(const OTHER_LOAD *l)
{
    unsigned long long wall = bh_now_ns() - l->Wall;
    double busy = (double)(bh_machine_busy_ns() - l->Busy);
    double self = (double)(bh_process_cpu_ns() - l->Self);
    if (!l->Busy || !wall || busy < self)
        return 0;
    return (busy - self) / (double)wall;
}

typedef struct MACHINE {
    int Cpus;
    double OtherCpus;   /* CPUs' worth of other work during the whole run */
    double ThreadsOtherCpus; /* ... during the thread cases */
    char Cpu[128];
    char Kernel[128];
    char Date[32];
} MACHINE;

typedef struct RATIO {
    const char *Name;
    double Value;
} RATIO;

/* How each pended case's IRPs are completed (printed, and in the JSON). */
typedef struct PENDED {
    const char *Id;
    const char *How;
} PENDED;

static void WriteJson(const char *path, const MACHINE *m, const RATIO *ratios, int ratioCount,
                      unsigned long long case1Allocs, unsigned long long case1Ops, const PENDED *pended,
                      int pendedCount)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "bench: cannot write %s\n", path);
        exit(1);
    }
    fprintf(f, "{\n  \"date\": ");
    WriteJsonString(f, m->Date);
    fprintf(f, ",\n  \"machine\": {\"cpus\": %d, \"cpu\": ", m->Cpus);
    WriteJsonString(f, m->Cpu);
    fprintf(f, ", \"kernel\": ");
    WriteJsonString(f, m->Kernel);
    fprintf(f, ", \"compiler\": ");
    WriteJsonString(f, bh_compiler());
    fprintf(f, "},\n  \"other_load_cpus\": {\"run\": %.2f, \"threads\": %.2f},\n", m->OtherCpus,
            m->ThreadsOtherCpus);
    fprintf(f, "  \"quick\": %s,\n  \"repetitions\": %d,\n", Quick ? "true" : "false", Reps);
    fprintf(f, "  \"pended_completion\": {");
    for (int i = 0; i < pendedCount; i++) {
        fprintf(f, "%s\n    ", i ? "," : "");
        WriteJsonString(f, pended[i].Id);
        fprintf(f, ": ");
        WriteJsonString(f, pended[i].How);
    }
    fprintf(f, "\n  },\n  \"malloc_counting\": %s,\n", bh_malloc_counting() ? "true" : "false");
    fprintf(f, "  \"case1_heap_allocations\": %llu,\n  \"case1_operations\": %llu,\n", case1Allocs, case1Ops);
    fprintf(f, "  \"cases\": [\n");
    for (int i = 0; i < ResultCount; i++) {
        RESULT *r = &Results[i];
        fprintf(f, "    {\"id\": ");
        WriteJsonString(f, r->Id);
        fprintf(f, ", \"label\": ");
        WriteJsonString(f, r->Label);
        fprintf(f, ", \"unit\": ");
        WriteJsonString(f, r->Unit);
        fprintf(f, ", \"median\": %.3f, \"min\": %.3f, \"max\": %.3f, \"allocs_per_op\": %.4f, \"samples\": [",
                r->Median, r->Min, r->Max, r->AllocsPerOp);
        for (int j = 0; j < r->Count; j++)
            fprintf(f, "%s%.3f", j ? ", " : "", r->Samples[j]);
        fprintf(f, "]}%s\n", i + 1 < ResultCount ? "," : "");
    }
    fprintf(f, "  ],\n  \"ratios\": {");
    for (int i = 0; i < ratioCount; i++) {
        fprintf(f, "%s\n    ", i ? "," : "");
        WriteJsonString(f, ratios[i].Name);
        fprintf(f, ": %.4f", ratios[i].Value);
    }
    fprintf(f, "\n  },\n  \"targets\": [\n");
    for (int i = 0; i < TargetCount; i++) {
        TARGET *t = &Targets[i];
        fprintf(f, "    {\"name\": ");
        WriteJsonString(f, t->Name);
        fprintf(f, ", \"value\": %.4f, \"comparison\": ", t->Value);
        WriteJsonString(f, t->Comparison);
        fprintf(f, ", \"limit\": %.4f, \"unit\": ", t->Limit);
        WriteJsonString(f, t->Unit);
        fprintf(f, ", \"met\": %s, \"verdict\": ", t->Met ? "true" : "false");
        WriteJsonString(f, t->Verdict);
        fprintf(f, ", \"text\": ");
        WriteJsonString(f, t->Text);
        if (t->HasMachine)
            fprintf(f, ", \"machine_value\": %.4f, \"vs_machine\": %.4f, \"vs_machine_share\": %.2f, "
                       "\"as_well_as_machine\": %s",
                    t->Machine, t->VsMachine, MACHINE_SHARE, t->VsMachine >= MACHINE_SHARE ? "true" : "false");
        fprintf(f, "}%s\n", i + 1 < TargetCount ? "," : "");
    }
    fprintf(f, "  ]\n}\n");
    fclose(f);
}

static void Usage(void)
{
    fprintf(stderr, "usage: bench [--quick] [--reps N] [--json FILE]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *jsonPath = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            Quick = 1;
        } else if (strcmp(argv[i], "--json") == 0 && i + 1 < argc) {
            jsonPath = argv[++i];
        } else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) {
            Reps = atoi(argv[++i]);
            if (Reps < 1 || Reps > MAX_REPS)
                Usage();
        } else {
            Usage();
        }
    }
    if (Quick) {
        Scale = 4;
        if (Reps == 5)
            Reps = 3;
    }

    MACHINE m;
    m.Cpus = bh_cpu_count();
    bh_cpu_model(m.Cpu, sizeof m.Cpu);
    bh_kernel_release(m.Kernel, sizeof m.Kernel);
    bh_date(m.Date, sizeof m.Date);
    OTHER_LOAD runLoad;
    StartOtherLoad(&runLoad);
    printf("ntk benchmark%s: %d repetitions per case; median, min, max of the repetitions;\n"
           "allocs = heap allocation calls per operation in the measured loops%s\n",
           Quick ? " (quick)" : "", Reps, bh_malloc_counting() ? "" : " (not counted in this build)");
    printf("machine: %d CPUs, %s, %s, %s, %s\n", m.Cpus, m.Cpu, m.Kernel, bh_compiler(), m.Date);

    memset(InBuffer, 0x5A, sizeof InBuffer);
    HANDLE buffered = OpenDevice("BenchBuffered");
    HANDLE direct = OpenDevice("BenchDirect");
    HANDLE neither = OpenDevice("BenchNeither");

    /* 1 */
    Section("1. No-op IOCTL, METHOD_BUFFERED, 64 B in / 64 B out, one device, in-process");
    RESULT *noop = MeasureIoctl("ioctl.buffered.64", "DeviceIoControl no-op (buffered, 64 B)", buffered,
                                IOCTL_BENCH_NOOP_BUFFERED, 64, 64, 400000);
    unsigned long long case1Allocs = noop->Allocs, case1Ops = noop->Ops;

    /* 2 */
    Section("2. Linux baselines, same process");
    int pipeFd = bh_pipe_open();
    if (pipeFd < 0) {
        fprintf(stderr, "bench: pipe failed\n");
        return 1;
    }
    Measure("linux.ioctl.fionread", "Linux ioctl(FIONREAD) on a pipe", LinuxIoctlLoop, &pipeFd, 400000);
    bh_pipe_close(pipeFd);
    Measure("linux.getppid", "Linux syscall(SYS_getppid)", LinuxGetppidLoop, NULL, 400000);
    Measure("linux.indirect_copy64", "indirect call copying 64 bytes", IndirectCopyLoop, NULL, 20000000);

    /* 3 */
    Section("3. Stacks of filters: no-op IOCTL (buffered, 64 B) through the stack");
    static const char *const passIds[] = {"stack.pass.1", "stack.pass.2", "stack.pass.4", "stack.pass.8"};
    static const char *const complIds[] = {"stack.compl.1", "stack.compl.2", "stack.compl.4", "stack.compl.8"};
    static const double depths[] = {1, 2, 4, 8};
    static const char *const passDevices[] = {"BenchBuffered", "BenchPass2", "BenchPass4", "BenchPass8"};
    static const char *const complDevices[] = {"BenchBuffered", "BenchCompl2", "BenchCompl4", "BenchCompl8"};
    /* The depths are measured in turn within each repetition, so that a
     * drift of the machine spreads over all of them instead of tilting the
     * slope. */
    RESULT *stack[2][4];
    HANDLE stackHandles[2][4];
    IOCTL_LOOP stackLoops[2][4];
    for (int kind = 0; kind < 2; kind++) {
        for (int i = 0; i < 4; i++) {
            char label[96];
            snprintf(label, sizeof label, "depth %d, %s filters", (int)depths[i],
                     kind ? "completion-routine" : "pass-through");
            stack[kind][i] = NewResult(kind ? complIds[i] : passIds[i], label, "ns/op");
            stackHandles[kind][i] = OpenDevice(kind ? complDevices[i] : passDevices[i]);
            stackLoops[kind][i] = (IOCTL_LOOP){stackHandles[kind][i], IOCTL_BENCH_NOOP_BUFFERED, 64, 64, InBuffer,
                                               OutBuffer};
            IoctlLoop(&stackLoops[kind][i], 20000);
        }
    }
    unsigned long long stackCount = 200000 / Scale;
    for (int rep = 0; rep < Reps; rep++) {
        for (int kind = 0; kind < 2; kind++) {
            for (int i = 0; i < 4; i++) {
                RESULT *r = stack[kind][i];
                unsigned long long allocs = bh_malloc_calls();
                unsigned long long begin = bh_now_ns();
                IoctlLoop(&stackLoops[kind][i], stackCount);
                unsigned long long end = bh_now_ns();
                r->Allocs += bh_malloc_calls() - allocs;
                r->Ops += stackCount;
                r->Samples[r->Count++] = (double)(end - begin) / (double)stackCount;
            }
        }
    }
    for (int kind = 0; kind < 2; kind++) {
        for (int i = 0; i < 4; i++) {
            FinishResult(stack[kind][i]);
            CloseHandle(stackHandles[kind][i]);
        }
    }
    double passSlope = Slope(depths, passIds, 4);
    double complSlope = Slope(depths, complIds, 4);
    printf("  per layer (least-squares slope): pass-through %.1f ns, completion-routine %.1f ns\n", passSlope,
           complSlope);

    /* 4 */
    Section("4. Seed scenario: 600,000 no-op IOCTLs (buffered, 64 B) through a three-deep stack");
    static const char *const seedDevices[] = {"BenchSeedPass", "BenchSeedCompl"};
    static const char *const seedIds[] = {"seed.pass", "seed.compl"};
    static const char *const seedLabels[] = {"600,000 IOCTLs, device + 2 pass-through filters",
                                             "600,000 IOCTLs, device + 2 completion filters"};
    for (int kind = 0; kind < 2; kind++) {
        HANDLE h = OpenDevice(seedDevices[kind]);
        IOCTL_LOOP c = {h, IOCTL_BENCH_NOOP_BUFFERED, 64, 64, InBuffer, OutBuffer};
        RESULT *r = NewResult(seedIds[kind], seedLabels[kind], "ms");
        IoctlLoop(&c, SEED_IOCTLS / 10);
        for (int i = 0; i < Reps; i++) {
            unsigned long long allocs = bh_malloc_calls();
            unsigned long long begin = bh_now_ns();
            IoctlLoop(&c, SEED_IOCTLS);
            unsigned long long end = bh_now_ns();
            r->Allocs += bh_malloc_calls() - allocs;
            r->Ops += SEED_IOCTLS;
            r->Samples[r->Count++] = (double)(end - begin) / 1e6;
        }
        FinishResult(r);
        CloseHandle(h);
    }

    /* 5 */
    Section("5. Transfer methods and ReadFile at 64 B, 4 KiB, 64 KiB");
    static const DWORD sizes[] = {64, 4096, 65536};
    static const char *const sizeNames[] = {"64 B", "4 KiB", "64 KiB"};
    static const char *const sizeIds[] = {"64", "4k", "64k"};
    static const unsigned long long sizeCounts[] = {200000, 100000, 20000};
    static const struct {
        const char *Id, *Name;
        DWORD Code;
        int InToo; /* the size applies to the input as well (buffered: max(in, out)) */
    } methods[] = {
        {"ioctl.buffered", "IOCTL METHOD_BUFFERED", IOCTL_BENCH_NOOP_BUFFERED, 1},
        {"ioctl.in_direct", "IOCTL METHOD_IN_DIRECT", IOCTL_BENCH_NOOP_IN_DIRECT, 0},
        {"ioctl.out_direct", "IOCTL METHOD_OUT_DIRECT", IOCTL_BENCH_NOOP_OUT_DIRECT, 0},
        {"ioctl.neither", "IOCTL METHOD_NEITHER", IOCTL_BENCH_NOOP_NEITHER, 1},
    };
    for (int m5 = 0; m5 < 4; m5++) {
        for (int s = 0; s < 3; s++) {
            char id[48], label[96];
            snprintf(id, sizeof id, "%s.%s", methods[m5].Id, sizeIds[s]);
            snprintf(label, sizeof label, "%s, %s out, %s in", methods[m5].Name, sizeNames[s],
                     methods[m5].InToo ? sizeNames[s] : "64 B");
            MeasureIoctl(id, label, methods[m5].Code == (DWORD)IOCTL_BENCH_NOOP_NEITHER ? neither : buffered,
                         methods[m5].Code, methods[m5].InToo ? sizes[s] : 64, sizes[s], sizeCounts[s]);
        }
    }
    static const struct {
        const char *Id, *Name;
    } reads[] = {{"read.buffered", "ReadFile, DO_BUFFERED_IO device"},
                 {"read.direct", "ReadFile, DO_DIRECT_IO device"},
                 {"read.neither", "ReadFile, neither device"}};
    HANDLE readDevices[] = {buffered, direct, neither};
    for (int k = 0; k < 3; k++) {
        for (int s = 0; s < 3; s++) {
            char id[48], label[96];
            snprintf(id, sizeof id, "%s.%s", reads[k].Id, sizeIds[s]);
            snprintf(label, sizeof label, "%s, %s", reads[k].Name, sizeNames[s]);
            READ_LOOP c = {readDevices[k], sizes[s]};
            Measure(id, label, ReadLoop, &c, sizeCounts[s]);
        }
    }

    /* 6 */
    Section("6. Threads (no-op buffered IOCTL, 64 B, one handle per thread), the machine's own scaling, pended "
            "IRPs");
    /* ntk's 1- and 2-thread cases and the machine's own loop with 1 and 2
     * threads are measured in turn within each repetition, so that a drift
     * of the machine affects both ratios alike. The machine's loop is sized
     * in the first repetition to last as long as ntk's 1-thread case. */
    THREAD_WORK work[2];
    for (int t = 0; t < 2; t++) {
        work[t].Device = OpenDevice("BenchBuffered");
        work[t].Count = 1000000 / Scale;
    }
    RESULT *one = NewResult("threads.1", "1 thread, throughput", "Mops/s");
    RESULT *two = NewResult("threads.2", "2 threads, separate handles, total throughput", "Mops/s");
    RESULT *machineOne = NewResult("machine.threads.1", "machine baseline, 1 thread", "Mops/s");
    RESULT *machineTwo = NewResult("machine.threads.2", "machine baseline, 2 threads", "Mops/s");
    unsigned long long probe = 4000000;
    double machineNsPerIteration = (double)bh_machine_threads(1, probe) / (double)probe;
    unsigned long long machineCount = 0;
    OTHER_LOAD threadsLoad;
    StartOtherLoad(&threadsLoad);
    for (int rep = 0; rep < Reps; rep++) {
        unsigned long long ns = SampleThreads(one, 1, work);
        if (rep == 0) {
            machineCount = (unsigned long long)((double)ns / machineNsPerIteration);
            if (machineCount < 1000000)
                machineCount = 1000000;
        }
        SampleMachine(machineOne, 1, machineCount);
        SampleThreads(two, 2, work);
        SampleMachine(machineTwo, 2, machineCount);
    }
    m.ThreadsOtherCpus = OtherLoad(&threadsLoad);
    FinishResult(one);
    FinishResult(two);
    FinishResult(machineOne);
    FinishResult(machineTwo);
    CloseHandle(work[0].Device);
    CloseHandle(work[1].Device);
    double ntkScaling = two->Median / one->Median;
    double machineScaling = machineTwo->Median / machineOne->Median;
    Note("machine baseline: IOCTL-like work per thread sharing nothing (a 64-byte copy through a function "
         "pointer, an atomic add, a store into a private 4 KiB block; op = one iteration; %llu per "
         "thread, sized to last as long as ntk's 1-thread case), measured in turn with ntk's cases in each "
         "repetition",
         machineCount);
    Note("2 threads / 1 thread: ntk %.2fx, this machine %.2fx; ntk / machine %.2f", ntkScaling, machineScaling,
         ntkScaling / machineScaling);

    PENDED pended[3];
    int pendedCount = 0;
    MeasureIoctl("pended.dpc", "pended IOCTL completed by a DPC", buffered, IOCTL_BENCH_PEND_DPC, 64, 64, 200000);
    pended[pendedCount++] = (PENDED){"pended.dpc", "a DPC queued at DISPATCH_LEVEL for the caller's processor "
                                                   "(KeInsertQueueDpc under the spin lock): it runs on the calling "
                                                   "thread when the dispatch routine releases the lock"};
    DWORD returned;
    if (DeviceIoControl(buffered, IOCTL_BENCH_PEND_DPC_REMOTE, InBuffer, 64, OutBuffer, 64, &returned, NULL)) {
        MeasureIoctl("pended.dpc_remote", "pended IOCTL completed by a DPC on another CPU", buffered,
                     IOCTL_BENCH_PEND_DPC_REMOTE, 64, 64, 20000);
        pended[pendedCount++] = (PENDED){"pended.dpc_remote", "a DPC targeted at another processor "
                                                              "(KeSetTargetProcessorDpc): that processor's DPC "
                                                              "thread runs it"};
    } else if (GetLastError() == ERROR_NOT_SUPPORTED) {
        Note("(pended IOCTL completed by a DPC on another CPU: skipped, ntk has one processor)");
    } else {
        Fail("DeviceIoControl (IOCTL_BENCH_PEND_DPC_REMOTE)");
    }
    MeasureIoctl("pended.workitem", "pended IOCTL completed by a work item", buffered, IOCTL_BENCH_PEND_BUFFERED,
                 64, 64, 20000);
    pended[pendedCount++] =
        (PENDED){"pended.workitem", "a work item (IoQueueWorkItem) on the system worker thread"};
    for (int i = 0; i < pendedCount; i++)
        Note("%s: completed by %s", pended[i].Id, pended[i].How);

    /* 7 */
    Section("7. Driver to driver, one 64-byte copy per call (Count calls inside one IOCTL)");
    HANDLE client = OpenDevice("BenchClient");
    CLIENT_LOOP direct7 = {client, BENCH_CLIENT_MODE_DIRECT_CALL};
    CLIENT_LOOP reused7 = {client, BENCH_CLIENT_MODE_REUSED_IRP};
    CLIENT_LOOP new7 = {client, BENCH_CLIENT_MODE_NEW_IRP};
    Measure("d2d.direct_call", "function pointer from the other driver", ClientLoop, &direct7, 20000000);
    Measure("d2d.irp_reused", "IoCallDriver, own IRP, IoReuseIrp", ClientLoop, &reused7, 2000000);
    Measure("d2d.irp_new", "IoCallDriver, IoAllocateIrp/IoFreeIrp per call", ClientLoop, &new7, 2000000);
    CloseHandle(client);

    CloseHandle(buffered);
    CloseHandle(direct);
    CloseHandle(neither);

    /* Summary. */
    m.OtherCpus = OtherLoad(&runLoad);
    printf("\nother work on the machine during the run: %.2f CPUs on average (%.2f during the thread cases)%s\n",
           m.OtherCpus, m.ThreadsOtherCpus,
           m.ThreadsOtherCpus > 0.2 ? ": the figures, thread scaling above all, are disturbed" : "");
    double linuxIoctl = Median("linux.ioctl.fionread");
    RATIO ratios[12];
    int ratioCount = 0;
    ratios[ratioCount++] = (RATIO){"ioctl_vs_linux_ioctl", noop->Median / linuxIoctl};
    ratios[ratioCount++] = (RATIO){"ioctl_vs_getppid", noop->Median / Median("linux.getppid")};
    ratios[ratioCount++] = (RATIO){"pass_through_ns_per_layer", passSlope};
    ratios[ratioCount++] = (RATIO){"completion_routine_ns_per_layer", complSlope};
    ratios[ratioCount++] = (RATIO){"two_threads_vs_one", ntkScaling};
    ratios[ratioCount++] = (RATIO){"machine_two_threads_vs_one", machineScaling};
    ratios[ratioCount++] = (RATIO){"two_threads_vs_machine", ntkScaling / machineScaling};
    ratios[ratioCount++] = (RATIO){"irp_reused_vs_direct_call", Median("d2d.irp_reused") / Median("d2d.direct_call")};
    /* pended_vs_synchronous: the work item, as before the DPC cases. */
    ratios[ratioCount++] = (RATIO){"pended_vs_synchronous", Median("pended.workitem") / noop->Median};
    ratios[ratioCount++] = (RATIO){"pended_dpc_vs_synchronous", Median("pended.dpc") / noop->Median};
    if (FindResult("pended.dpc_remote"))
        ratios[ratioCount++] =
            (RATIO){"pended_dpc_remote_vs_synchronous", Median("pended.dpc_remote") / noop->Median};
    printf("\nRatios\n");
    for (int i = 0; i < ratioCount; i++)
        printf("  %-40s %8.2f\n", ratios[i].Name, ratios[i].Value);

    AddTarget("in-process no-op IOCTL / Linux ioctl()", noop->Median / linuxIoctl, "<=", 1.0, "x");
    AddTarget("pass-through filter, ns per layer", passSlope, "<", 10.0, "ns");
    AddTarget("600,000 IOCTLs through three pass-through layers", Median("seed.pass"), "<", 100.0, "ms");
    JudgeAgainstMachine(AddTarget("2 threads / 1 thread throughput", ntkScaling, ">=", 1.7, "x"), machineScaling);
    TARGET *allocTarget =
        AddTarget("heap allocations in the measured loops of case 1", (double)case1Allocs, "==", 0, "calls");
    if (!bh_malloc_counting()) {
        allocTarget->Verdict = "not counted";
        snprintf(allocTarget->Text, sizeof allocTarget->Text, "NOT COUNTED");
    }
    printf("\nTargets\n");
    for (int i = 0; i < TargetCount; i++) {
        TARGET *t = &Targets[i];
        char machine[48] = "";
        if (t->HasMachine)
            snprintf(machine, sizeof machine, "; this machine %.2f%s", t->Machine, t->Unit);
        printf("  %-52s %10.2f %-5s (target %s %g%s)  %s\n", t->Name, t->Value, t->Unit, t->Comparison, t->Limit,
               machine, t->Text);
    }
    printf("  (heap allocations during case 1: %llu in %llu calls)\n", case1Allocs, case1Ops);

    if (jsonPath) {
        WriteJson(jsonPath, &m, ratios, ratioCount, case1Allocs, case1Ops, pended, pendedCount);
        printf("\nwrote %s\n", jsonPath);
    }
    return 0;
}
