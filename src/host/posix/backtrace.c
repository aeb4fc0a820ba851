/*
 * backtrace.c - the host's stack walker and symbolizer (host ops backtrace
 * and symbolize), used by bug-check reports and diagnostics.
 *
 * Walking: glibc's backtrace(), which unwinds with the CFI tables of each
 * object and recognises the kernel's signal trampoline, so a walk started in
 * a fault handler on the alternate signal stack continues through the
 * signal frame into the interrupted code.
 *
 * Symbolizing: elfutils' libdwfl over the modules loaded into this process
 * (the dynamic linker's list). Drivers are dlopen'ed after start-up, so the
 * module list is read again whenever an address falls outside every known
 * module or the host announces that modules changed. Output follows the
 * Windows debugger: "example!Example_IoControl+0x3a (example.c:123)".
 *
 * This code runs after faults, on whatever thread faulted. It takes no lock
 * that other code could hold except the allocator's (libdwfl allocates);
 * its own lock is only tried, with a bounded wait, and never re-entered by
 * the thread that holds it, so a fault inside the symbolizer degrades the
 * output to raw addresses instead of deadlocking. libdw needs far more stack
 * than a signal stack offers (reading a line table alone takes about 150 KB),
 * so the lookups run on a private stack of their own.
 */
#define _GNU_SOURCE
#include "posix.h"

#include <elfutils/libdwfl.h>
#include <execinfo.h>
#include <gelf.h>
#include <link.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------------------
 * Walking the stack.
 */

int ntkhost_posix_backtrace(void **pcs, int max)
{
    if (pcs == NULL || max <= 0)
        return 0;

    /* The walk starts inside this function (or inside a sanitizer's wrapper
     * of backtrace): drop the entries up to our own return address, so the
     * result starts in our caller as the host interface promises. Walking
     * straight into the caller's array keeps this frame small for signal
     * stacks, at the price of the deepest frames when the stack is deeper
     * than max. Working after the call also keeps it from being a tail call. */
    const void *return_address = __builtin_return_address(0);
    int count = backtrace(pcs, max);
    int skip = 1;
    for (int i = 0; i < count; i++) {
        if (pcs[i] == return_address) {
            skip = i;
            break;
        }
    }
    if (count <= skip)
        return 0;
    memmove(pcs, pcs + skip, (size_t)(count - skip) * sizeof(pcs[0]));
    return count - skip;
}

/* ---------------------------------------------------------------------------
 * The symbolizer's lock.
 */

/* Kernel thread id of the holder, 0 when free. */
static pid_t symbolizer_owner;

static pid_t current_thread_id(void)
{
    return (pid_t)syscall(SYS_gettid);
}

/* Takes the lock and returns 1, or returns 0 if the lock cannot be had:
 * held by this very thread (a fault inside the symbolizer is now being
 * reported) or held by another thread for about a second (it may have
 * crashed or been stopped mid-way). */
static int symbolizer_lock(void)
{
    const pid_t self = current_thread_id();

    if (__atomic_load_n(&symbolizer_owner, __ATOMIC_RELAXED) == self)
        return 0;
    for (int attempt = 0; attempt < 1100; attempt++) {
        pid_t expected = 0;
        if (__atomic_compare_exchange_n(&symbolizer_owner, &expected, self, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return 1;
        if (attempt < 100) {
            sched_yield();
        } else {
            const struct timespec millisecond = { 0, 1000000 };
            nanosleep(&millisecond, NULL);
        }
    }
    return 0;
}

static void symbolizer_unlock(void)
{
    __atomic_store_n(&symbolizer_owner, 0, __ATOMIC_RELEASE);
}

/* ---------------------------------------------------------------------------
 * The module list.
 */

static Dwfl *symbolizer_dwfl;
static int symbolizer_unavailable;
/* Bumped by ntkhost_posix_modules_changed; compared with the value at the
 * last reading of the module list. */
static unsigned module_generation;
static unsigned reported_generation;

/* Separate debug information is searched on this machine only. A debuginfod
 * server (DEBUGINFOD_URLS) is never asked: a crash report must not wait on
 * the network. ntk and drivers carry their DWARF in the image anyway. */
static int find_local_debuginfo(Dwfl_Module *mod, void **userdata, const char *modname, Dwarf_Addr base,
                                const char *file_name, const char *debuglink_file, GElf_Word debuglink_crc,
                                char **debuginfo_file_name)
{
    const char *servers = getenv("DEBUGINFOD_URLS");
    if (servers != NULL && servers[0] != '\0')
        return -1;
    return dwfl_standard_find_debuginfo(mod, userdata, modname, base, file_name, debuglink_file, debuglink_crc,
                                        debuginfo_file_name);
}

static const Dwfl_Callbacks symbolizer_callbacks = {
    .find_elf = dwfl_linux_proc_find_elf,
    .find_debuginfo = find_local_debuginfo,
};

/*
 * Which modules are where. The dynamic linker's list (dl_iterate_phdr) gives
 * each loaded object and the exact extent of its segments; /proc/self/maps
 * gives the canonical path of the file behind each. libdwfl's own reader of
 * /proc/self/maps is not used: it merges every mapping of a file into one
 * module, and libelf maps each file it reads once more, so after the first
 * lookup the executable would seem to cover everything up to that copy.
 */

#define MAX_REPORTED_OBJECTS 256
#define MAX_OBJECT_PATH 768

struct loaded_object {
    uintptr_t bias;  /* load bias: run-time address minus link-time address */
    uintptr_t start; /* extent of its PT_LOAD segments */
    uintptr_t end;
    int is_vdso;
    char path[MAX_OBJECT_PATH];
};

/* Static rather than on a stack (some 200 KB); used only with the
 * symbolizer's lock held. */
static struct loaded_object loaded_objects[MAX_REPORTED_OBJECTS];
static int loaded_object_count;
static char maps_line[MAX_OBJECT_PATH + 256];

static int collect_loaded_object(struct dl_phdr_info *info, size_t size, void *data)
{
    uintptr_t start = UINTPTR_MAX, end = 0;

    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD)
            continue;
        uintptr_t segment_start = info->dlpi_addr + segment->p_vaddr;
        if (segment_start < start)
            start = segment_start;
        if (segment_start + segment->p_memsz > end)
            end = segment_start + segment->p_memsz;
    }
    if (start >= end || loaded_object_count == MAX_REPORTED_OBJECTS)
        return 0;

    struct loaded_object *object = &loaded_objects[loaded_object_count++];
    object->bias = info->dlpi_addr;
    object->start = start;
    object->end = end;
    object->is_vdso = 0;
    /* The main program has no name here; a dlopen'ed object has the name it
     * was opened by, possibly relative. /proc/self/maps may do better. */
    if (info->dlpi_name != NULL && info->dlpi_name[0] == '/')
        snprintf(object->path, sizeof(object->path), "%s", info->dlpi_name);
    else
        object->path[0] = '\0';
    return 0;
}

/* Replaces each object's path by the one /proc/self/maps shows for the
 * mapping at its start (absolute, symbolic links resolved), and recognises
 * the vDSO. */
static void find_object_paths(void)
{
    FILE *maps = fopen("/proc/self/maps", "re");
    if (maps == NULL)
        return;

    while (fgets(maps_line, sizeof(maps_line), maps) != NULL) {
        unsigned long start, end;
        int path_offset = 0;
        if (sscanf(maps_line, "%lx-%lx %*s %*s %*s %*s %n", &start, &end, &path_offset) < 2 || path_offset == 0)
            continue;
        char *path = maps_line + path_offset;
        path[strcspn(path, "\n")] = '\0';

        for (int i = 0; i < loaded_object_count; i++) {
            struct loaded_object *object = &loaded_objects[i];
            if (object->start < start || object->start >= end)
                continue;
            if (path[0] == '/')
                snprintf(object->path, sizeof(object->path), "%s", path);
            else if (strcmp(path, "[vdso]") == 0)
                object->is_vdso = 1;
        }
    }
    fclose(maps);
}

/* The modules libdwfl knows, as last reported. A module reported again must
 * be reported with exactly its old name and extent to keep its loaded
 * symbols (dwfl_report_elf would reject it as an overlap and drop it). */
struct known_module {
    Dwfl_Module *module;
    uintptr_t bias;
    Dwarf_Addr start;
    Dwarf_Addr end;
};

static struct known_module known_modules[MAX_REPORTED_OBJECTS];
static int known_module_count;
static struct known_module next_known_modules[MAX_REPORTED_OBJECTS];

static Dwfl_Module *report_file_module(const struct loaded_object *object)
{
    for (int i = 0; i < known_module_count; i++) {
        const struct known_module *known = &known_modules[i];
        const char *name = dwfl_module_info(known->module, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        if (known->bias == object->bias && name != NULL && strcmp(name, object->path) == 0)
            return dwfl_report_module(symbolizer_dwfl, object->path, known->start, known->end);
    }
    return dwfl_report_elf(symbolizer_dwfl, object->path, object->path, -1, object->bias, false);
}

/* Reads the module list again. Modules still loaded where they were keep
 * their already loaded symbols; unloaded ones are dropped. */
static void report_modules(void)
{
    reported_generation = __atomic_load_n(&module_generation, __ATOMIC_ACQUIRE);

    loaded_object_count = 0;
    dl_iterate_phdr(collect_loaded_object, NULL);
    find_object_paths();

    int next_count = 0;
    dwfl_report_begin(symbolizer_dwfl);
    for (int i = 0; i < loaded_object_count; i++) {
        const struct loaded_object *object = &loaded_objects[i];
        if (object->is_vdso) {
            /* libdwfl reads this one from memory. */
            char name[64];
            snprintf(name, sizeof(name), "[vdso: %d]", (int)getpid());
            dwfl_report_module(symbolizer_dwfl, name, object->start, object->end);
            continue;
        }
        if (object->path[0] != '/')
            continue;
        Dwfl_Module *module = report_file_module(object);
        if (module == NULL)
            continue;
        struct known_module *known = &next_known_modules[next_count++];
        known->module = module;
        known->bias = object->bias;
        dwfl_module_info(module, NULL, &known->start, &known->end, NULL, NULL, NULL, NULL);
    }
    dwfl_report_end(symbolizer_dwfl, NULL, NULL);

    memcpy(known_modules, next_known_modules, (size_t)next_count * sizeof(known_modules[0]));
    known_module_count = next_count;
}

/* Called with the lock held. */
static int symbolizer_ready(void)
{
    if (symbolizer_dwfl != NULL)
        return 1;
    if (symbolizer_unavailable)
        return 0;
    symbolizer_dwfl = dwfl_begin(&symbolizer_callbacks);
    if (symbolizer_dwfl == NULL) {
        symbolizer_unavailable = 1;
        return 0;
    }
    report_modules();
    return 1;
}

void ntkhost_posix_modules_changed(void)
{
    __atomic_add_fetch(&module_generation, 1, __ATOMIC_RELEASE);
}

static Dwfl_Module *find_module(Dwarf_Addr address)
{
    int fresh = 0;

    if (__atomic_load_n(&module_generation, __ATOMIC_ACQUIRE) != reported_generation) {
        report_modules();
        fresh = 1;
    }
    Dwfl_Module *module = dwfl_addrmodule(symbolizer_dwfl, address);
    if (module == NULL && !fresh) {
        /* Perhaps mapped since the last reading (a dlopen the host did not
         * announce). */
        report_modules();
        module = dwfl_addrmodule(symbolizer_dwfl, address);
    }
    return module;
}

/* ---------------------------------------------------------------------------
 * Formatting.
 */

static const char *last_path_component(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

/* "example" for /x/example.sys, "libc" for libc.so.6, "vdso" for "[vdso: 42]".
 * The ntk runtime (libntk.so) reads "ntk", the way Windows' kernel reads "nt". */
static void module_display_name(const char *module_name, char *out, size_t out_len)
{
    const char *name = last_path_component(module_name);
    size_t length = strlen(name);

    if (name[0] == '[') {
        name++;
        length = strcspn(name, ":]");
    } else {
        const char *so = strstr(name, ".so");
        while (so != NULL && so[3] != '\0' && so[3] != '.')
            so = strstr(so + 1, ".so");
        if (so != NULL) {
            length = (size_t)(so - name);
        } else {
            const char *dot = strrchr(name, '.');
            if (dot != NULL && dot != name)
                length = (size_t)(dot - name);
        }
    }
    if (length == 6 && memcmp(name, "libntk", 6) == 0) {
        name += 3;
        length = 3;
    }
    snprintf(out, out_len, "%.*s", (int)length, name);
}

/* Functions, and untyped symbols (assembly labels); not data objects. */
static int is_code_symbol(const GElf_Sym *symbol)
{
    switch (GELF_ST_TYPE(symbol->st_info)) {
    case STT_FUNC:
    case STT_GNU_IFUNC:
    case STT_NOTYPE:
        return 1;
    default:
        return 0;
    }
}

/* Called with the lock held and the symbolizer ready. */
static void describe_address(Dwarf_Addr address, char *buf, size_t len)
{
    Dwfl_Module *module = find_module(address);
    if (module == NULL)
        return;

    Dwarf_Addr module_start = 0;
    const char *module_name = dwfl_module_info(module, NULL, &module_start, NULL, NULL, NULL, NULL, NULL);
    char display_name[128];
    module_display_name(module_name != NULL ? module_name : "?", display_name, sizeof(display_name));

    GElf_Off offset = 0;
    GElf_Sym symbol;
    const char *function = dwfl_module_addrinfo(module, address, &offset, &symbol, NULL, NULL, NULL);
    if (function == NULL || function[0] == '\0' || !is_code_symbol(&symbol)) {
        snprintf(buf, len, "%s+0x%llx", display_name, (unsigned long long)(address - module_start));
        return;
    }

    /* "memcpy@@GLIBC_2.14" reads "memcpy": the version is noise here. */
    int function_length = (int)strcspn(function, "@");
    int used = offset != 0 ? snprintf(buf, len, "%s!%.*s+0x%llx", display_name, function_length, function,
                                      (unsigned long long)offset)
                           : snprintf(buf, len, "%s!%.*s", display_name, function_length, function);
    if (used < 0 || (size_t)used >= len)
        return;

    Dwfl_Line *line = dwfl_module_getsrc(module, address);
    int line_number = 0;
    const char *source = line != NULL ? dwfl_lineinfo(line, NULL, &line_number, NULL, NULL, NULL) : NULL;
    if (source != NULL)
        snprintf(buf + used, len - (size_t)used, " (%s:%d)", last_path_component(source), line_number);
}

/* ---------------------------------------------------------------------------
 * The private stack the lookups run on. Used only with the lock held.
 */

#define SYMBOLIZER_STACK_SIZE (1024 * 1024)

static char *symbolizer_stack;

/* The lookup in progress; the private stack's entry point takes no arguments. */
static struct {
    int prepare_only; /* just map the stack and read the module list */
    Dwarf_Addr address;
    char text[512];
} symbolizer_job;

#if defined(__SANITIZE_ADDRESS__)
/* AddressSanitizer must be told about the switch, or it mistakes the private
 * stack's frames for overflows of the thread's own stack. */
#include <sanitizer/common_interface_defs.h>
static const void *caller_stack_bottom;
static size_t caller_stack_size;
#define ENTERING_PRIVATE_STACK(fake_stack)                                                     \
    __sanitizer_start_switch_fiber(&(fake_stack), symbolizer_stack, SYMBOLIZER_STACK_SIZE)
#define ENTERED_PRIVATE_STACK() __sanitizer_finish_switch_fiber(NULL, &caller_stack_bottom, &caller_stack_size)
#define LEAVING_PRIVATE_STACK() __sanitizer_start_switch_fiber(NULL, caller_stack_bottom, caller_stack_size)
#define LEFT_PRIVATE_STACK(fake_stack) __sanitizer_finish_switch_fiber((fake_stack), NULL, NULL)
#else
#define ENTERING_PRIVATE_STACK(fake_stack) ((void)(fake_stack))
#define ENTERED_PRIVATE_STACK() ((void)0)
#define LEAVING_PRIVATE_STACK() ((void)0)
#define LEFT_PRIVATE_STACK(fake_stack) ((void)(fake_stack))
#endif

static void run_symbolizer_job(void)
{
    ENTERED_PRIVATE_STACK();
    symbolizer_job.text[0] = '\0';
    if (symbolizer_ready() && !symbolizer_job.prepare_only)
        describe_address(symbolizer_job.address, symbolizer_job.text, sizeof(symbolizer_job.text));
    LEAVING_PRIVATE_STACK();
}

/* Calls function with the stack pointer at stack_top. A plain call through
 * inline assembly rather than swapcontext: nothing but the stack changes,
 * no signal mask system calls, and sanitizers do not object. Every register
 * the ABI lets function clobber is declared clobbered; rbx keeps the old
 * stack pointer across the call. */
static void call_on_stack(void (*function)(void), void *stack_top)
{
    __asm__ volatile("mov %%rsp, %%rbx\n\t"
                     "mov %[top], %%rsp\n\t"
                     "call *%[function]\n\t"
                     "mov %%rbx, %%rsp"
                     :
                     : [top] "r"(stack_top), [function] "r"(function)
                     : "rbx", "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "xmm0", "xmm1", "xmm2",
                       "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13",
                       "xmm14", "xmm15", "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)", "st(7)",
                       "memory", "cc");
}

/* Called with the lock held. The stack is mapped on first use, which may be
 * inside a fault handler: mmap is safe there. A guard page below it turns
 * an overflow into a fault rather than corruption. */
static int symbolizer_stack_ready(void)
{
    if (symbolizer_stack != NULL)
        return 1;
    const size_t guard = (size_t)sysconf(_SC_PAGESIZE);
    char *mapping = mmap(NULL, SYMBOLIZER_STACK_SIZE + guard, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (mapping == MAP_FAILED)
        return 0;
    mprotect(mapping, guard, PROT_NONE);
    symbolizer_stack = mapping + guard;
    return 1;
}

/* Called with the lock held. */
static void run_on_symbolizer_stack(void)
{
    symbolizer_job.text[0] = '\0';
    if (!symbolizer_stack_ready())
        return;
    void *fake_stack = NULL;
    ENTERING_PRIVATE_STACK(fake_stack);
    /* The top is page aligned, so the stack is 16-byte aligned at the call
     * as the ABI requires. */
    call_on_stack(run_symbolizer_job, symbolizer_stack + SYMBOLIZER_STACK_SIZE);
    LEFT_PRIVATE_STACK(fake_stack);
}

void ntkhost_posix_symbolize(void *pc, char *buf, size_t len)
{
    if (buf == NULL || len == 0)
        return;

    /* Whatever happens below, the raw address is a valid answer. */
    snprintf(buf, len, "0x%016llx", (unsigned long long)(uintptr_t)pc);
    if (!symbolizer_lock())
        return;
    symbolizer_job.prepare_only = 0;
    symbolizer_job.address = (Dwarf_Addr)(uintptr_t)pc;
    run_on_symbolizer_stack();
    if (symbolizer_job.text[0] != '\0')
        snprintf(buf, len, "%s", symbolizer_job.text);
    symbolizer_unlock();
}

void ntkhost_posix_backtrace_init(void)
{
    /* The first walk loads the unwinder (libgcc_s) through dlopen, which must
     * not first happen inside a fault handler. */
    void *warm_up[4];
    backtrace(warm_up, 4);

    /* Map the private stack and read the module list now. */
    if (symbolizer_lock()) {
        symbolizer_job.prepare_only = 1;
        run_on_symbolizer_stack();
        symbolizer_unlock();
    }
}
