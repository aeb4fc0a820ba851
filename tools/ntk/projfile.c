/*
 * projfile.c - what the project readers share: the project description,
 * their diagnostics, and finding files named the Windows way on Linux.
 */
#define _GNU_SOURCE
#include "projfile.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

bool ntk_project_verbose;

int ntk_project_init(struct ntk_project *project, const char *path)
{
    memset(project, 0, sizeof(*project));
    project->path = ntk_xstrdup(path);
    char *absolute = ntk_absolute_path(path);
    if (!absolute) {
        ntk_error("cannot read '%s': %s", path, strerror(errno));
        return NTK_TOOL_EXIT_USAGE;
    }
    project->dir = ntk_path_dirname(absolute);
    free(absolute);
    const char *base = ntk_path_basename(path);
    const char *dot = strrchr(base, '.');
    project->name = dot && dot != base ? ntk_xstrndup(base, (size_t)(dot - base)) : ntk_xstrdup(base);
    return 0;
}

void ntk_project_free(struct ntk_project *project)
{
    free(project->path);
    free(project->dir);
    free(project->name);
    ntk_strvec_free(&project->sources);
    ntk_strvec_free(&project->include_dirs);
    ntk_strvec_free(&project->defines);
    memset(project, 0, sizeof(*project));
}

static void project_message(const struct ntk_project *project, unsigned long line, const char *kind, const char *fmt,
                            va_list ap)
{
    fflush(stdout);
    if (line)
        fprintf(stderr, "%s:%lu: %s: ", project->path, line, kind);
    else
        fprintf(stderr, "%s: %s: ", project->path, kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int ntk_project_error(const struct ntk_project *project, unsigned long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    project_message(project, line, "error", fmt, ap);
    va_end(ap);
    return NTK_TOOL_EXIT_USAGE;
}

void ntk_project_warning(const struct ntk_project *project, unsigned long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    project_message(project, line, "warning", fmt, ap);
    va_end(ap);
}

/* The entry of dir whose name matches name ignoring case (the first in
 * byte order when several do, so that the choice is stable); malloc'd. */
static char *find_entry_nocase(const char *dir, const char *name)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char *best = NULL;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (strcasecmp(entry->d_name, name) != 0)
            continue;
        if (!best || strcmp(entry->d_name, best) < 0) {
            free(best);
            best = ntk_xstrdup(entry->d_name);
        }
    }
    closedir(d);
    return best;
}

char *ntk_project_find_path(const char *base_dir, const char *windows_path)
{
    char *spelled = ntk_xstrdup(windows_path);
    for (char *p = spelled; *p; p++)
        if (*p == '\\')
            *p = '/';
    /* "C:\..." and "\\server\share" name nothing here. */
    if ((((spelled[0] | 0x20) >= 'a' && (spelled[0] | 0x20) <= 'z') && spelled[1] == ':') ||
        (spelled[0] == '/' && spelled[1] == '/')) {
        free(spelled);
        return NULL;
    }
    char *current = ntk_xstrdup(spelled[0] == '/' ? "/" : base_dir);
    char *saveptr = NULL;
    for (char *part = strtok_r(spelled, "/", &saveptr); part; part = strtok_r(NULL, "/", &saveptr)) {
        if (strcmp(part, ".") == 0)
            continue;
        if (strcmp(part, "..") == 0) {
            /* Lexically, as Windows does. */
            char *parent = ntk_path_dirname(current);
            free(current);
            current = parent;
            continue;
        }
        char *candidate = ntk_path_join(current, part);
        struct stat st;
        if (stat(candidate, &st) != 0) {
            char *entry = find_entry_nocase(current, part);
            free(candidate);
            candidate = entry ? ntk_path_join(current, entry) : NULL;
            free(entry);
        }
        free(current);
        current = candidate;
        if (!current)
            break;
    }
    free(spelled);
    struct stat st;
    if (current && stat(current, &st) != 0) {
        free(current);
        current = NULL;
    }
    return current;
}

const char *ntk_project_unresolved_macro(const char *s)
{
    for (const char *p = s; *p; p++)
        if ((*p == '$' || *p == '%' || *p == '@') && p[1] == '(')
            return p;
    return NULL;
}

/* The macro reference at p, up to its ')', for messages; malloc'd. */
static char *macro_text(const char *p)
{
    const char *end = strchr(p, ')');
    return end ? ntk_xstrndup(p, (size_t)(end - p + 1)) : ntk_xstrdup(p);
}

void ntk_project_add_include_dir(struct ntk_project *project, unsigned long line, const char *windows_dir)
{
    const char *macro = ntk_project_unresolved_macro(windows_dir);
    if (macro) {
        char *text = macro_text(macro);
        ntk_project_warning(project, line, "include directory '%s' dropped: ntk does not know %s", windows_dir,
                            text);
        free(text);
        return;
    }
    char *dir = ntk_project_find_path(project->dir, windows_dir);
    struct stat st;
    if (!dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        ntk_project_warning(project, line, "include directory '%s' dropped: no such directory", windows_dir);
    } else if (!ntk_strvec_contains(&project->include_dirs, dir)) {
        ntk_strvec_push(&project->include_dirs, dir);
    }
    free(dir);
}

int ntk_project_add_source(struct ntk_project *project, unsigned long line, const char *windows_path)
{
    const char *macro = ntk_project_unresolved_macro(windows_path);
    if (macro) {
        char *text = macro_text(macro);
        int status = ntk_project_error(project, line, "source '%s': ntk does not know %s", windows_path, text);
        free(text);
        return status;
    }
    if (ntk_has_suffix_nocase(windows_path, ".rc") || ntk_has_suffix_nocase(windows_path, ".mc")) {
        if (ntk_project_verbose)
            ntk_note("%s: skipping '%s' (resources and message files are not compiled)", project->path,
                     windows_path);
        return 0;
    }
    if (ntk_has_suffix_nocase(windows_path, ".cpp") || ntk_has_suffix_nocase(windows_path, ".cxx") ||
        ntk_has_suffix_nocase(windows_path, ".cc"))
        return ntk_project_error(project, line, "source '%s': C++ is not supported (ntk builds C sources)",
                                 windows_path);
    if (!ntk_has_suffix_nocase(windows_path, ".c"))
        return ntk_project_error(project, line, "source '%s': not a C source (ntk builds .c files)", windows_path);
    char *path = ntk_project_find_path(project->dir, windows_path);
    struct stat st;
    if (!path || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        free(path);
        return ntk_project_error(project, line, "source '%s' not found in %s", windows_path, project->dir);
    }
    if (!ntk_strvec_contains(&project->sources, path))
        ntk_strvec_push(&project->sources, path);
    free(path);
    return 0;
}
