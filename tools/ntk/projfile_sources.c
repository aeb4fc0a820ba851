/*
 * projfile_sources.c - reads the classic build utility's "sources" file:
 * nmake macro definitions, one per line ("NAME=value"; a backslash at the
 * end of a line continues it; '#' starts a comment), of which ntk uses
 *   TARGETNAME   the output name
 *   TARGETTYPE   DRIVER or EXPORT_DRIVER (a .sys), PROGRAM (a console app)
 *   SOURCES      the sources, separated by blanks
 *   INCLUDES     include directories, separated by ';'
 *   C_DEFINES    -DNAME[=VALUE] or /DNAME[=VALUE] options
 * "$(NAME)" expands to a macro the file defines; the build environment's
 * own ($(DDK_INC_PATH), $(O), ...) are unknown here, and what uses them is
 * dropped with a warning. Preprocessing directives (!if, !include, ...)
 * are not supported: they stop the build with an error naming the line.
 */
#define _GNU_SOURCE
#include "projfile.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct sources_macro {
    char *name;
    char *value;
    unsigned long line;
};

struct sources_file {
    struct ntk_project *project;
    struct sources_macro *macros;
    size_t count;
};

static struct sources_macro *find_macro(struct sources_file *file, const char *name, size_t length)
{
    /* nmake macro names are case-sensitive. */
    for (size_t i = 0; i < file->count; i++)
        if (strlen(file->macros[i].name) == length && strncmp(file->macros[i].name, name, length) == 0)
            return &file->macros[i];
    return NULL;
}

/* Expands $(NAME) references to the file's macros; unknown ones (and
 * substitutions such as $(NAME:a=b)) stay as they are. */
static char *expand(struct sources_file *file, const char *value, int depth)
{
    struct ntk_text out = {0};
    ntk_text_add(&out, "", 0);
    const char *p = value;
    while (*p) {
        if (p[0] == '$' && p[1] == '(') {
            const char *end = strchr(p + 2, ')');
            size_t length = end ? (size_t)(end - (p + 2)) : 0;
            struct sources_macro *macro = end ? find_macro(file, p + 2, length) : NULL;
            if (macro && depth < 16) {
                char *inner = expand(file, macro->value, depth + 1);
                ntk_text_add(&out, inner, strlen(inner));
                free(inner);
                p = end + 1;
                continue;
            }
        }
        ntk_text_add(&out, p, 1);
        p++;
    }
    return out.data;
}

static void define_macro(struct sources_file *file, const char *name, size_t name_length, const char *value,
                         unsigned long line)
{
    struct sources_macro *macro = find_macro(file, name, name_length);
    /* "C_DEFINES=$(C_DEFINES) -DX": the reference is to the old value. */
    char *self = ntk_xasprintf("$(%.*s)", (int)name_length, name);
    char *stored;
    if (macro && strstr(value, self)) {
        struct ntk_text t = {0};
        ntk_text_add(&t, "", 0);
        for (const char *p = value; *p;) {
            if (strncmp(p, self, strlen(self)) == 0) {
                ntk_text_add(&t, macro->value, strlen(macro->value));
                p += strlen(self);
            } else {
                ntk_text_add(&t, p++, 1);
            }
        }
        stored = t.data;
    } else if (!macro && strstr(value, self)) {
        /* A self-reference with no previous value: nothing. */
        struct ntk_text t = {0};
        ntk_text_add(&t, "", 0);
        for (const char *p = value; *p;) {
            if (strncmp(p, self, strlen(self)) == 0)
                p += strlen(self);
            else
                ntk_text_add(&t, p++, 1);
        }
        stored = t.data;
    } else {
        stored = ntk_xstrdup(value);
    }
    free(self);
    if (macro) {
        free(macro->value);
        macro->value = stored;
        macro->line = line;
        return;
    }
    file->macros = ntk_xrealloc(file->macros, (file->count + 1) * sizeof(*file->macros));
    file->macros[file->count++] = (struct sources_macro){ntk_xstrndup(name, name_length), stored, line};
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Removes a comment ('#' not preceded by '^', nmake's escape). */
static void strip_comment(char *line)
{
    for (char *p = line; *p; p++) {
        if (*p == '^' && p[1]) {
            memmove(p, p + 1, strlen(p));
            continue;
        }
        if (*p == '#') {
            *p = '\0';
            return;
        }
    }
}

/* Splits the file into logical lines (continuations joined) and defines
 * its macros. Returns 0 or NTK_TOOL_EXIT_USAGE after an error. */
static int parse_lines(struct sources_file *file, char *text)
{
    struct ntk_project *project = file->project;
    unsigned long line_number = 0;
    char *cursor = text;
    while (*cursor) {
        unsigned long first_line = line_number + 1;
        struct ntk_text logical = {0};
        ntk_text_add(&logical, "", 0);
        bool continued;
        do {
            char *end = strchr(cursor, '\n');
            size_t length = end ? (size_t)(end - cursor) : strlen(cursor);
            char *physical = ntk_xstrndup(cursor, length);
            cursor += length + (end ? 1 : 0);
            line_number++;
            strip_comment(physical);
            size_t n = strlen(physical);
            while (n > 0 && isspace((unsigned char)physical[n - 1]))
                physical[--n] = '\0';
            continued = n > 0 && physical[n - 1] == '\\';
            if (continued)
                physical[n - 1] = ' ';
            ntk_text_add(&logical, physical, strlen(physical));
            ntk_text_add(&logical, " ", 1);
            free(physical);
        } while (continued && *cursor);

        char *line = trim(logical.data);
        int status = 0;
        if (line[0] == '!') {
            size_t word = 1;
            while (isalpha((unsigned char)line[word]))
                word++;
            status = ntk_project_error(project, first_line,
                                       "'%.*s' is not supported: ntk reads sources files without nmake "
                                       "preprocessing directives (conditions, includes)",
                                       (int)word, line);
        } else if (line[0]) {
            size_t name_length = 0;
            while (isalnum((unsigned char)line[name_length]) || line[name_length] == '_')
                name_length++;
            const char *rest = line + name_length;
            while (*rest == ' ' || *rest == '\t')
                rest++;
            if (name_length == 0 || *rest != '=') {
                status = ntk_project_error(project, first_line,
                                           "'%s' is not a macro definition (NAME=value): ntk does not "
                                           "support nmake rules in sources files",
                                           line);
            } else {
                char *value = ntk_xstrdup(rest + 1);
                define_macro(file, line, name_length, trim(value), first_line);
                free(value);
            }
        }
        free(logical.data);
        if (status)
            return status;
    }
    return 0;
}

/* The expanded value of a macro and the line that defined it; NULL when
 * the file does not define it. */
static char *macro_value(struct sources_file *file, const char *name, unsigned long *line)
{
    struct sources_macro *macro = find_macro(file, name, strlen(name));
    if (!macro)
        return NULL;
    *line = macro->line;
    return expand(file, macro->value, 0);
}

static int read_target(struct sources_file *file)
{
    struct ntk_project *project = file->project;
    unsigned long line = 0;
    char *name = macro_value(file, "TARGETNAME", &line);
    if (!name || !*trim(name)) {
        free(name);
        return ntk_project_error(project, 0, "TARGETNAME is not set");
    }
    if (ntk_project_unresolved_macro(name) || strpbrk(trim(name), " \t/\\")) {
        int status = ntk_project_error(project, line, "TARGETNAME '%s' is not a plain file name", trim(name));
        free(name);
        return status;
    }
    free(project->name);
    project->name = ntk_xstrdup(trim(name));
    free(name);

    char *type = macro_value(file, "TARGETTYPE", &line);
    int status = 0;
    if (!type || !*trim(type)) {
        status = ntk_project_error(project, 0, "TARGETTYPE is not set");
    } else {
        const char *t = trim(type);
        if (strcasecmp(t, "DRIVER") == 0 || strcasecmp(t, "EXPORT_DRIVER") == 0)
            project->kind = NTK_PROJECT_DRIVER;
        else if (strcasecmp(t, "PROGRAM") == 0)
            project->kind = NTK_PROJECT_APP;
        else if (strcasecmp(t, "LIBRARY") == 0 || strcasecmp(t, "DRIVER_LIBRARY") == 0 ||
                 strcasecmp(t, "DYNLINK") == 0)
            status = ntk_project_error(project, line,
                                       "TARGETTYPE=%s is not supported yet (ntk builds DRIVER, EXPORT_DRIVER "
                                       "and PROGRAM)",
                                       t);
        else
            status = ntk_project_error(project, line,
                                       "TARGETTYPE=%s is not supported (ntk builds DRIVER, EXPORT_DRIVER and "
                                       "PROGRAM)",
                                       t);
    }
    free(type);
    if (status == 0 && project->kind == NTK_PROJECT_APP) {
        char *umtype = macro_value(file, "UMTYPE", &line);
        if (umtype && *trim(umtype) && strcasecmp(trim(umtype), "console") != 0)
            ntk_project_warning(project, line, "UMTYPE=%s: ntk builds console apps", trim(umtype));
        free(umtype);
    }
    return status;
}

static int read_sources_list(struct sources_file *file)
{
    struct ntk_project *project = file->project;
    unsigned long line = 0;
    char *value = macro_value(file, "SOURCES", &line);
    if (!value)
        return ntk_project_error(project, 0, "SOURCES is not set");
    int status = 0;
    char *saveptr = NULL;
    for (char *word = strtok_r(value, " \t\r\n", &saveptr); word && !status; word = strtok_r(NULL, " \t\r\n", &saveptr))
        status = ntk_project_add_source(project, line, word);
    free(value);
    if (!status && project->sources.count == 0)
        status = ntk_project_error(project, line, "SOURCES lists no C source");
    return status;
}

static void read_includes(struct sources_file *file)
{
    unsigned long line = 0;
    char *value = macro_value(file, "INCLUDES", &line);
    if (!value)
        return;
    char *saveptr = NULL;
    for (char *dir = strtok_r(value, ";", &saveptr); dir; dir = strtok_r(NULL, ";", &saveptr)) {
        dir = trim(dir);
        if (*dir)
            ntk_project_add_include_dir(file->project, line, dir);
    }
    free(value);
}

static void add_define(struct ntk_project *project, unsigned long line, const char *define)
{
    const char *macro = ntk_project_unresolved_macro(define);
    if (macro)
        ntk_project_warning(project, line, "C_DEFINES: '%s' dropped: ntk does not know the macro in it", define);
    else if (*define)
        ntk_strvec_push(&project->defines, define);
}

static void read_defines(struct sources_file *file)
{
    struct ntk_project *project = file->project;
    unsigned long line = 0;
    char *value = macro_value(file, "C_DEFINES", &line);
    if (!value)
        return;
    char *saveptr = NULL;
    for (char *word = strtok_r(value, " \t\r\n", &saveptr); word; word = strtok_r(NULL, " \t\r\n", &saveptr)) {
        if ((word[0] == '-' || word[0] == '/') && word[1] == 'D') {
            const char *define = word + 2;
            if (!*define)
                define = strtok_r(NULL, " \t\r\n", &saveptr);
            if (define)
                add_define(project, line, define);
        } else if (ntk_project_unresolved_macro(word)) {
            ntk_project_warning(project, line, "C_DEFINES: '%s' dropped: ntk does not know it", word);
        } else {
            ntk_project_warning(project, line, "C_DEFINES: '%s' ignored (not a -D option)", word);
        }
    }
    free(value);
}

int ntk_project_read_sources(const char *path, struct ntk_project *project)
{
    int status = ntk_project_init(project, path);
    if (status)
        return status;
    char *text = ntk_read_file(path, NULL);
    if (!text) {
        ntk_error("cannot read '%s': %s", path, strerror(errno));
        return NTK_TOOL_EXIT_USAGE;
    }
    for (char *p = text; *p; p++)
        if (*p == '\r')
            *p = ' ';
    struct sources_file file = {.project = project};
    status = parse_lines(&file, text);
    if (!status)
        status = read_target(&file);
    if (!status) {
        read_includes(&file);
        read_defines(&file);
        status = read_sources_list(&file);
    }
    for (size_t i = 0; i < file.count; i++) {
        free(file.macros[i].name);
        free(file.macros[i].value);
    }
    free(file.macros);
    free(text);
    return status;
}
