/*
 * util.c - helpers shared by the ntk subcommands (see util.h).
 */
#define _GNU_SOURCE /* nftw flags, vasprintf */
#include "util.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* ---- diagnostics ------------------------------------------------------ */

static const char *program_name = "ntk";

void ntk_set_program_name(const char *name) { program_name = name; }
const char *ntk_program_name(void) { return program_name; }

static void print_message(const char *kind, const char *fmt, va_list ap)
{
    fflush(stdout); /* keep our messages after anything already printed */
    fprintf(stderr, "%s: %s", program_name, kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void ntk_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_message("error: ", fmt, ap);
    va_end(ap);
}

void ntk_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_message("warning: ", fmt, ap);
    va_end(ap);
}

void ntk_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_message("", fmt, ap);
    va_end(ap);
}

int ntk_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_message("error: ", fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try '%s --help' for more information.\n", program_name);
    return NTK_TOOL_EXIT_USAGE;
}

/* ---- memory ----------------------------------------------------------- */

static _Noreturn void out_of_memory(void)
{
    static const char message[] = "ntk: out of memory\n";
    /* Nothing that could allocate: write(2) directly. */
    ssize_t ignored = write(STDERR_FILENO, message, sizeof(message) - 1);
    (void)ignored;
    _exit(NTK_TOOL_EXIT_FAILURE);
}

void *ntk_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *ntk_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *ntk_xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        out_of_memory();
    return p;
}

char *ntk_xstrndup(const char *s, size_t n)
{
    char *p = strndup(s, n);
    if (!p)
        out_of_memory();
    return p;
}

static char *xvasprintf(const char *fmt, va_list ap)
{
    char *s;
    if (vasprintf(&s, fmt, ap) < 0)
        out_of_memory();
    return s;
}

char *ntk_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    return s;
}

/* ---- string vectors --------------------------------------------------- */

static void strvec_push_owned(struct ntk_strvec *vec, char *s)
{
    /* One spare slot so the array stays NULL-terminated. */
    if (vec->count + 2 > vec->capacity) {
        vec->capacity = vec->capacity ? vec->capacity * 2 : 8;
        vec->items = ntk_xrealloc(vec->items, vec->capacity * sizeof(*vec->items));
    }
    vec->items[vec->count++] = s;
    vec->items[vec->count] = NULL;
}

void ntk_text_add(struct ntk_text *t, const char *s, size_t n)
{
    if (t->length + n + 1 > t->capacity) {
        t->capacity = (t->length + n + 1) * 2;
        t->data = ntk_xrealloc(t->data, t->capacity);
    }
    memcpy(t->data + t->length, s, n);
    t->length += n;
    t->data[t->length] = '\0';
}

void ntk_text_puts(struct ntk_text *t, const char *s)
{
    ntk_text_add(t, s, strlen(s));
}

void ntk_strvec_push(struct ntk_strvec *vec, const char *s)
{
    strvec_push_owned(vec, ntk_xstrdup(s));
}

void ntk_strvec_pushf(struct ntk_strvec *vec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strvec_push_owned(vec, xvasprintf(fmt, ap));
    va_end(ap);
}

void ntk_strvec_append(struct ntk_strvec *vec, const struct ntk_strvec *more)
{
    for (size_t i = 0; i < more->count; i++)
        ntk_strvec_push(vec, more->items[i]);
}

bool ntk_strvec_contains(const struct ntk_strvec *vec, const char *s)
{
    for (size_t i = 0; i < vec->count; i++)
        if (strcmp(vec->items[i], s) == 0)
            return true;
    return false;
}

void ntk_strvec_free(struct ntk_strvec *vec)
{
    for (size_t i = 0; i < vec->count; i++)
        free(vec->items[i]);
    free(vec->items);
    vec->items = NULL;
    vec->count = vec->capacity = 0;
}

char **ntk_strvec_argv(struct ntk_strvec *vec)
{
    if (!vec->items) {
        vec->capacity = 8;
        vec->items = ntk_xmalloc(vec->capacity * sizeof(*vec->items));
        vec->items[0] = NULL;
    }
    return vec->items;
}

/* ---- child processes -------------------------------------------------- */

static volatile sig_atomic_t running_child_pid;
static volatile sig_atomic_t pending_signal;
/* The signals we handle; the child gets their default action back. */
static sigset_t forwarded_signals;

static void forward_interrupt(int sig)
{
    pending_signal = sig;
    pid_t child = running_child_pid;
    if (child > 0)
        kill(child, sig);
}

void ntk_install_interrupt_handlers(void)
{
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    sigemptyset(&forwarded_signals);
    for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        /* A signal ignored when we started (nohup, a background job) stays
         * ignored, for us and for the compiler alike. */
        struct sigaction previous;
        if (sigaction(signals[i], NULL, &previous) == 0 && previous.sa_handler == SIG_IGN)
            continue;
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = forward_interrupt;
        sigemptyset(&action.sa_mask);
        if (sigaction(signals[i], &action, NULL) == 0)
            sigaddset(&forwarded_signals, signals[i]);
    }
}

void ntk_exit_if_interrupted(void)
{
    int sig = pending_signal;
    if (!sig)
        return;
    signal(sig, SIG_DFL);
    raise(sig);
    _exit(128 + sig); /* only if the signal was blocked */
}

int ntk_spawn_and_wait(char *const argv[], bool echo)
{
    if (echo) {
        fflush(stdout);
        ntk_print_command(stderr, argv);
    }
    if (pending_signal)
        return NTK_SPAWN_SIGNALED;

    /* The child gets default signal handling back, not our forwarder. */
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setsigdefault(&attr, &forwarded_signals);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);

    fflush(NULL);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], NULL, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        ntk_error("cannot run %s: %s", argv[0], strerror(rc));
        return NTK_SPAWN_FAILED;
    }
    running_child_pid = pid;

    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            ntk_error("waiting for %s: %s", argv[0], strerror(errno));
            running_child_pid = 0;
            return NTK_SPAWN_FAILED;
        }
    }
    running_child_pid = 0;

    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) {
        if (!pending_signal) /* an interrupt the user caused needs no comment */
            ntk_error("%s was killed by signal %d (%s)", argv[0], WTERMSIG(status), strsignal(WTERMSIG(status)));
        return NTK_SPAWN_SIGNALED;
    }
    ntk_error("%s ended with unexpected status 0x%x", argv[0], (unsigned)status);
    return NTK_SPAWN_FAILED;
}

static bool needs_shell_quoting(const char *s)
{
    if (!*s)
        return true;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') &&
            !strchr("-_./=+,:@%^", c) && c < 0x80)
            return true;
    }
    return false;
}

void ntk_print_shell_word(FILE *out, const char *s)
{
    if (!needs_shell_quoting(s)) {
        fputs(s, out);
        return;
    }
    fputc('\'', out);
    for (const char *p = s; *p; p++) {
        if (*p == '\'')
            fputs("'\\''", out);
        else
            fputc(*p, out);
    }
    fputc('\'', out);
}

void ntk_print_command(FILE *out, char *const argv[])
{
    for (size_t i = 0; argv[i]; i++) {
        if (i)
            fputc(' ', out);
        ntk_print_shell_word(out, argv[i]);
    }
    fputc('\n', out);
    fflush(out);
}

/* ---- temporary directories -------------------------------------------- */

char *ntk_make_temp_dir(const char *purpose)
{
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    char *path = ntk_xasprintf("%s/ntk-%s.XXXXXX", base, purpose);
    if (!mkdtemp(path)) {
        ntk_error("cannot create a temporary directory in %s: %s", base, strerror(errno));
        free(path);
        return NULL;
    }
    return path;
}

static int remove_tree_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    int rc = (type == FTW_DP) ? rmdir(path) : unlink(path);
    if (rc != 0 && errno != ENOENT) {
        ntk_error("cannot remove %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int ntk_remove_tree(const char *path)
{
    if (nftw(path, remove_tree_entry, 16, FTW_DEPTH | FTW_PHYS) != 0) {
        if (errno == ENOENT)
            return 0;
        ntk_error("cannot remove %s", path);
        return -1;
    }
    return 0;
}

/* ---- paths and files -------------------------------------------------- */

const char *ntk_path_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

char *ntk_path_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ntk_xstrdup(".");
    if (slash == path)
        return ntk_xstrdup("/");
    return ntk_xstrndup(path, (size_t)(slash - path));
}

char *ntk_path_join(const char *a, const char *b)
{
    if (b[0] == '/' || a[0] == '\0')
        return ntk_xstrdup(b);
    size_t la = strlen(a);
    return ntk_xasprintf("%s%s%s", a, a[la - 1] == '/' ? "" : "/", b);
}

char *ntk_absolute_path(const char *path)
{
    char *dir = ntk_path_dirname(path);
    const char *name = ntk_path_basename(path);
    char *real_dir = realpath(dir, NULL);
    int saved_errno = errno;
    free(dir);
    if (!real_dir) {
        errno = saved_errno;
        return NULL;
    }
    char *result;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || name[0] == '\0')
        result = realpath(path, NULL);
    else
        result = ntk_path_join(real_dir, name);
    free(real_dir);
    return result;
}

bool ntk_has_suffix(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && memcmp(s + ls - lx, suffix, lx) == 0;
}

bool ntk_has_suffix_nocase(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcasecmp(s + ls - lx, suffix) == 0;
}

bool ntk_has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

char *ntk_read_file(const char *path, size_t *length)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t capacity = 4096, used = 0;
    char *buffer = ntk_xmalloc(capacity);
    for (;;) {
        if (used + 1 >= capacity) {
            capacity *= 2;
            buffer = ntk_xrealloc(buffer, capacity);
        }
        ssize_t n = read(fd, buffer + used, capacity - used - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int saved_errno = errno;
            close(fd);
            free(buffer);
            errno = saved_errno;
            return NULL;
        }
        if (n == 0)
            break;
        used += (size_t)n;
    }
    close(fd);
    buffer[used] = '\0';
    if (length)
        *length = used;
    return buffer;
}

/* ---- ELF inspection --------------------------------------------------- */

const char *ntk_elf_kind_name(enum ntk_elf_kind kind)
{
    switch (kind) {
    case NTK_ELF_NOT_ELF: return "not an ELF file";
    case NTK_ELF_FOREIGN: return "an ELF file for another machine";
    case NTK_ELF_RELOCATABLE: return "an object file";
    case NTK_ELF_SHARED_OBJECT: return "a shared object";
    case NTK_ELF_EXECUTABLE: return "an executable";
    case NTK_ELF_OTHER: return "an ELF file that is neither executable nor shared object";
    }
    return "?";
}

/* Is [offset, offset + size) inside a file of file_size bytes? */
static bool in_file(uint64_t offset, uint64_t size, size_t file_size)
{
    return offset <= file_size && size <= file_size - offset;
}

/* Maps a virtual address to a file offset through the PT_LOAD segments. */
static bool vaddr_to_offset(const Elf64_Phdr *phdrs, size_t count, uint64_t vaddr, uint64_t *offset)
{
    for (size_t i = 0; i < count; i++) {
        const Elf64_Phdr *ph = &phdrs[i];
        if (ph->p_type == PT_LOAD && vaddr >= ph->p_vaddr && vaddr - ph->p_vaddr < ph->p_filesz) {
            *offset = ph->p_offset + (vaddr - ph->p_vaddr);
            return true;
        }
    }
    return false;
}

/* A NUL-terminated string at strtab + index, or NULL if out of bounds. */
static const char *dynamic_string(const unsigned char *image, size_t size, uint64_t strtab, uint64_t strsz,
                                  uint64_t index)
{
    if (index >= strsz || !in_file(strtab, strsz, size))
        return NULL;
    const char *s = (const char *)image + strtab + index;
    if (!memchr(s, '\0', strsz - index))
        return NULL;
    return s;
}

static void read_dynamic_section(const unsigned char *image, size_t size, const Elf64_Phdr *phdrs, size_t phnum,
                                 const Elf64_Phdr *dynamic, struct ntk_elf_info *info)
{
    if (!in_file(dynamic->p_offset, dynamic->p_filesz, size))
        return;
    const Elf64_Dyn *dyn = (const Elf64_Dyn *)(image + dynamic->p_offset);
    size_t count = dynamic->p_filesz / sizeof(Elf64_Dyn);
    uint64_t strtab_vaddr = 0, strsz = 0, soname_index = 0;
    bool have_strtab = false, have_soname = false;
    for (size_t i = 0; i < count && dyn[i].d_tag != DT_NULL; i++) {
        if (dyn[i].d_tag == DT_STRTAB) {
            strtab_vaddr = dyn[i].d_un.d_ptr;
            have_strtab = true;
        } else if (dyn[i].d_tag == DT_STRSZ) {
            strsz = dyn[i].d_un.d_val;
        } else if (dyn[i].d_tag == DT_SONAME) {
            soname_index = dyn[i].d_un.d_val;
            have_soname = true;
        }
    }
    uint64_t strtab;
    if (!have_strtab || !vaddr_to_offset(phdrs, phnum, strtab_vaddr, &strtab))
        return;
    for (size_t i = 0; i < count && dyn[i].d_tag != DT_NULL; i++) {
        if (dyn[i].d_tag != DT_NEEDED)
            continue;
        const char *name = dynamic_string(image, size, strtab, strsz, dyn[i].d_un.d_val);
        if (name)
            ntk_strvec_push(&info->needed, name);
    }
    if (have_soname) {
        const char *name = dynamic_string(image, size, strtab, strsz, soname_index);
        if (name)
            info->soname = ntk_xstrdup(name);
    }
}

static void classify_image(const unsigned char *image, size_t size, struct ntk_elf_info *info)
{
    info->kind = NTK_ELF_NOT_ELF;
    if (size < EI_NIDENT || memcmp(image, ELFMAG, SELFMAG) != 0) {
        snprintf(info->problem, sizeof(info->problem), "it does not start with the ELF magic number");
        return;
    }
    if (size < sizeof(Elf64_Ehdr)) {
        snprintf(info->problem, sizeof(info->problem), "its ELF header is truncated");
        return;
    }
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)image;
    if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_machine != EM_X86_64) {
        info->kind = NTK_ELF_FOREIGN;
        snprintf(info->problem, sizeof(info->problem), "it is not a 64-bit x86-64 ELF file (class %u, machine %u)",
                 eh->e_ident[EI_CLASS], eh->e_machine);
        return;
    }
    if (eh->e_type == ET_REL) {
        info->kind = NTK_ELF_RELOCATABLE;
        return;
    }
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN) {
        info->kind = NTK_ELF_OTHER;
        return;
    }

    const Elf64_Phdr *phdrs = NULL;
    size_t phnum = eh->e_phnum;
    if (phnum && (eh->e_phentsize != sizeof(Elf64_Phdr) || !in_file(eh->e_phoff, phnum * sizeof(Elf64_Phdr), size))) {
        info->kind = NTK_ELF_NOT_ELF;
        snprintf(info->problem, sizeof(info->problem), "its program headers are damaged");
        return;
    }
    if (phnum)
        phdrs = (const Elf64_Phdr *)(image + eh->e_phoff);

    bool has_interpreter = false;
    const Elf64_Phdr *dynamic = NULL;
    for (size_t i = 0; i < phnum; i++) {
        if (phdrs[i].p_type == PT_INTERP)
            has_interpreter = true;
        else if (phdrs[i].p_type == PT_DYNAMIC)
            dynamic = &phdrs[i];
    }
    if (eh->e_type == ET_EXEC || has_interpreter)
        info->kind = NTK_ELF_EXECUTABLE;
    else
        info->kind = NTK_ELF_SHARED_OBJECT;
    if (dynamic)
        read_dynamic_section(image, size, phdrs, phnum, dynamic, info);
}

int ntk_elf_inspect(const char *path, struct ntk_elf_info *info)
{
    memset(info, 0, sizeof(*info));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved_errno = errno;
        close(fd);
        errno = saved_errno;
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        return -1;
    }
    if (st.st_size == 0) {
        close(fd);
        info->kind = NTK_ELF_NOT_ELF;
        snprintf(info->problem, sizeof(info->problem), "it is empty");
        return 0;
    }
    size_t size = (size_t)st.st_size;
    void *image = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    int saved_errno = errno;
    close(fd);
    if (image == MAP_FAILED) {
        errno = saved_errno;
        return -1;
    }
    classify_image(image, size, info);
    munmap(image, size);
    return 0;
}

void ntk_elf_info_free(struct ntk_elf_info *info)
{
    ntk_strvec_free(&info->needed);
    free(info->soname);
    info->soname = NULL;
}
