/*
 * util.h - helpers shared by the ntk subcommands: diagnostics, string
 * vectors, running child processes without a shell, temporary directories,
 * paths, and inspecting ELF files.
 *
 * This is host-side Linux code (normal 32-bit wchar_t, POSIX headers).
 */
#ifndef NTK_TOOL_UTIL_H
#define NTK_TOOL_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses of the tool itself (ntk run passes the app's through). */
#define NTK_TOOL_EXIT_OK 0
#define NTK_TOOL_EXIT_FAILURE 1 /* a compiler or linker failed, or an I/O error */
#define NTK_TOOL_EXIT_USAGE 2   /* bad command line or bad input files */

/* ---- diagnostics ------------------------------------------------------ */

/* Name used to prefix messages ("ntk", "ntk cc", ...); not copied. */
void ntk_set_program_name(const char *name);
const char *ntk_program_name(void);

/* "<program>: error: <message>\n" on stderr. */
void ntk_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ntk_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "<program>: <message>\n" on stderr (verbose output, notes). */
void ntk_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints a usage error, a pointer to --help, and returns NTK_TOOL_EXIT_USAGE. */
int ntk_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- memory (out of memory is fatal: a tool has nothing better to do) -- */

void *ntk_xmalloc(size_t size);
void *ntk_xrealloc(void *ptr, size_t size);
char *ntk_xstrdup(const char *s);
char *ntk_xstrndup(const char *s, size_t n);
char *ntk_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- growable strings (always NUL-terminated once something is added) - */

struct ntk_text {
    char *data;
    size_t length, capacity;
};

void ntk_text_add(struct ntk_text *t, const char *s, size_t n); /* n bytes of s */
void ntk_text_puts(struct ntk_text *t, const char *s);

/* ---- string vectors (always NULL-terminated, usable as argv) ---------- */

struct ntk_strvec {
    char **items;
    size_t count;
    size_t capacity;
};

void ntk_strvec_push(struct ntk_strvec *vec, const char *s); /* copies s */
void ntk_strvec_pushf(struct ntk_strvec *vec, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ntk_strvec_append(struct ntk_strvec *vec, const struct ntk_strvec *more);
bool ntk_strvec_contains(const struct ntk_strvec *vec, const char *s);
void ntk_strvec_free(struct ntk_strvec *vec);
/* The NULL-terminated array (never NULL, even when empty). */
char **ntk_strvec_argv(struct ntk_strvec *vec);

/* ---- child processes -------------------------------------------------- */

#define NTK_SPAWN_FAILED (-1)   /* could not be started (message printed) */
#define NTK_SPAWN_SIGNALED (-2) /* died from a signal (message printed) */

/* Installs SIGINT/SIGTERM/SIGHUP handlers that forward the signal to the
 * running child and remember it, so that callers can clean up (temporary
 * files) before dying from it with ntk_exit_if_interrupted(). */
void ntk_install_interrupt_handlers(void);
/* If a forwarded signal arrived: restores its default action and raises it
 * again. Call after cleaning up. */
void ntk_exit_if_interrupted(void);

/* Runs argv[0] (searched in PATH if it has no slash) with the tool's
 * environment, no shell involved, and waits for it. When echo is set the
 * command is printed on stderr first. Returns the exit status (0-255),
 * NTK_SPAWN_FAILED or NTK_SPAWN_SIGNALED. */
int ntk_spawn_and_wait(char *const argv[], bool echo);

/* Prints argv on one line, quoted so that a POSIX shell would accept it. */
void ntk_print_command(FILE *out, char *const argv[]);
/* Writes s to out quoted for a POSIX shell when it needs it. */
void ntk_print_shell_word(FILE *out, const char *s);

/* ---- temporary directories -------------------------------------------- */

/* Creates a fresh private directory under $TMPDIR (or /tmp) named after
 * purpose; returns its path (malloc'd) or NULL after printing an error. */
char *ntk_make_temp_dir(const char *purpose);
/* Removes a directory tree, never following symbolic links. Returns 0 or
 * -1 after printing an error. */
int ntk_remove_tree(const char *path);

/* ---- paths and files -------------------------------------------------- */

/* The part after the last '/' (points into path). */
const char *ntk_path_basename(const char *path);
/* The part before the last '/' ("." if none); malloc'd. */
char *ntk_path_dirname(const char *path);
/* a "/" b, or b alone when it is absolute; malloc'd. */
char *ntk_path_join(const char *a, const char *b);
/* An absolute spelling of path: its directory is resolved with realpath()
 * but the last component is kept as given (so a symlinked file keeps its
 * own name). NULL, with errno set, if the directory does not exist. */
char *ntk_absolute_path(const char *path);

bool ntk_has_suffix(const char *s, const char *suffix);
bool ntk_has_suffix_nocase(const char *s, const char *suffix);
bool ntk_has_prefix(const char *s, const char *prefix);

/* Reads a whole file into a NUL-terminated buffer (malloc'd); the length
 * without the NUL goes to *length when not NULL. NULL with errno set on
 * failure. */
char *ntk_read_file(const char *path, size_t *length);

/* ---- ELF inspection --------------------------------------------------- */

enum ntk_elf_kind {
    NTK_ELF_NOT_ELF,          /* not an ELF file at all (or truncated) */
    NTK_ELF_FOREIGN,          /* ELF for another class or machine */
    NTK_ELF_RELOCATABLE,      /* an object file */
    NTK_ELF_SHARED_OBJECT,    /* ET_DYN without an interpreter */
    NTK_ELF_EXECUTABLE,       /* ET_EXEC, or ET_DYN with PT_INTERP (PIE) */
    NTK_ELF_OTHER,            /* core files and the like */
};

struct ntk_elf_info {
    enum ntk_elf_kind kind;
    struct ntk_strvec needed; /* DT_NEEDED entries, in order */
    char *soname;             /* DT_SONAME or NULL */
    char problem[160];        /* why kind is NOT_ELF/FOREIGN, for messages */
};

/* Inspects an x86-64 ELF file. Returns 0, or -1 with errno set when the
 * file cannot be opened or read (kind is then meaningless). Release with
 * ntk_elf_info_free(). */
int ntk_elf_inspect(const char *path, struct ntk_elf_info *info);
void ntk_elf_info_free(struct ntk_elf_info *info);
const char *ntk_elf_kind_name(enum ntk_elf_kind kind);

#endif /* NTK_TOOL_UTIL_H */
