/*
 * include_fixup.c - makes Windows include spellings resolve under GCC
 * (see include_fixup.h for what and why).
 *
 * The scan is deliberately lexical: it looks at every #include line whether
 * or not an #if would skip it, and ignores includes it cannot resolve (GCC
 * reports those itself if they matter). A link that is never used costs
 * nothing, because the link directory is searched after every other one.
 */
#define _GNU_SOURCE
#include "include_fixup.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* The links live this many directories below the top of their tree, so
 * that spellings starting with "../" (in the wrong case) stay inside it. */
#define SHIM_DEPTH 4

struct scan_context {
    struct ntk_include_fixups *fixups;
    const char *temp_dir;
    const struct ntk_strvec *user_dirs;
    const struct ntk_strvec *system_dirs;
    struct ntk_strvec real_system_dirs;
    bool verbose;
    bool failed;
};

static bool is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* dir/name if it exists exactly, else the entry of dir whose name matches
 * name ignoring case (as on a Windows file system). malloc'd or NULL. */
static char *find_entry_nocase(const char *dir, const char *name)
{
    char *exact = ntk_path_join(dir, name);
    struct stat st;
    if (stat(exact, &st) == 0)
        return exact;
    free(exact);

    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char *match = NULL;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (strcasecmp(entry->d_name, name) == 0) {
            match = ntk_path_join(dir, entry->d_name);
            break;
        }
    }
    closedir(d);
    return match;
}

/* Resolves relative path rel (with '/' separators) under dir one component
 * at a time, ignoring case. Returns the path of a regular file or NULL. */
static char *resolve_nocase(const char *dir, const char *rel)
{
    char *copy = ntk_xstrdup(rel);
    char *current = ntk_xstrdup(dir);
    char *save = NULL;
    for (char *part = strtok_r(copy, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
        char *next;
        if (strcmp(part, ".") == 0)
            continue;
        if (strcmp(part, "..") == 0)
            next = ntk_path_join(current, "..");
        else
            next = find_entry_nocase(current, part);
        free(current);
        current = next;
        if (!current)
            break;
    }
    free(copy);
    if (current && !is_regular_file(current)) {
        free(current);
        current = NULL;
    }
    return current;
}

/* Would GCC find spelling exactly as written in dir? */
static bool exists_exactly(const char *dir, const char *spelling)
{
    char *path = ntk_path_join(dir, spelling);
    bool found = is_regular_file(path);
    free(path);
    return found;
}

static bool gcc_finds(const struct scan_context *ctx, const char *spelling, bool quoted, const char *includer_dir)
{
    if (strchr(spelling, '\\'))
        return false; /* a backslash is an ordinary file name character on Linux */
    if (quoted && exists_exactly(includer_dir, spelling))
        return true;
    for (size_t i = 0; i < ctx->user_dirs->count; i++)
        if (exists_exactly(ctx->user_dirs->items[i], spelling))
            return true;
    for (size_t i = 0; i < ctx->system_dirs->count; i++)
        if (exists_exactly(ctx->system_dirs->items[i], spelling))
            return true;
    return false;
}

/* Where MSVC would find the include: for the quoted form the directories of
 * the files on the include stack, innermost first, then the /I directories,
 * then the system ones; each file name matched ignoring case. */
static char *msvc_finds(const struct scan_context *ctx, const char *spelling, bool quoted,
                        const struct ntk_strvec *include_stack_dirs)
{
    char *normalized = ntk_xstrdup(spelling);
    for (char *p = normalized; *p; p++)
        if (*p == '\\')
            *p = '/';

    char *found = NULL;
    if (normalized[0] == '/') {
        found = resolve_nocase("/", normalized + 1);
    } else {
        for (size_t i = include_stack_dirs->count; quoted && !found && i-- > 0;)
            found = resolve_nocase(include_stack_dirs->items[i], normalized);
        for (size_t i = 0; !found && i < ctx->user_dirs->count; i++)
            found = resolve_nocase(ctx->user_dirs->items[i], normalized);
        for (size_t i = 0; !found && i < ctx->system_dirs->count; i++)
            found = resolve_nocase(ctx->system_dirs->items[i], normalized);
    }
    free(normalized);
    return found;
}

static bool inside_system_dir(const struct scan_context *ctx, const char *real_path)
{
    for (size_t i = 0; i < ctx->real_system_dirs.count; i++) {
        const char *dir = ctx->real_system_dirs.items[i];
        size_t length = strlen(dir);
        if (strncmp(real_path, dir, length) == 0 && real_path[length] == '/')
            return true;
    }
    return false;
}

static int make_shim_dir(struct ntk_include_fixups *fixups, const char *temp_dir)
{
    if (fixups->shim_dir)
        return 0;
    fixups->shim_base = ntk_path_join(temp_dir, "includes");
    char *dir = ntk_xstrdup(fixups->shim_base);
    for (int level = 0;; level++) {
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            ntk_error("cannot create %s: %s", dir, strerror(errno));
            free(dir);
            return -1;
        }
        if (level == SHIM_DEPTH)
            break;
        char *deeper = ntk_path_join(dir, "d");
        free(dir);
        dir = deeper;
    }
    fixups->shim_dir = dir;
    return 0;
}

/* Creates shim_dir/spelling -> target. The spelling's '/' separated parts
 * become directories; backslashes stay part of the names. */
static void add_link(struct scan_context *ctx, const char *spelling, const char *target)
{
    struct ntk_include_fixups *fixups = ctx->fixups;
    if (make_shim_dir(fixups, ctx->temp_dir) != 0) {
        ctx->failed = true;
        return;
    }
    char *real_target = realpath(target, NULL);
    if (!real_target) {
        ntk_error("cannot resolve %s: %s", target, strerror(errno));
        ctx->failed = true;
        return;
    }

    char *parts = ntk_xstrdup(spelling);
    char *current = ntk_xstrdup(fixups->shim_dir);
    int depth = SHIM_DEPTH; /* how far below shim_base current is */
    char *save = NULL;
    char *part = strtok_r(parts, "/", &save);
    while (part) {
        char *next_part = strtok_r(NULL, "/", &save);
        if (!next_part)
            break; /* part is the file name */
        if (strcmp(part, ".") != 0) {
            char *next;
            if (strcmp(part, "..") == 0) {
                if (--depth < 0)
                    goto done; /* would leave the tree: MSVC could not mean this either */
                next = ntk_path_dirname(current);
            } else {
                next = ntk_path_join(current, part);
                depth++;
                if (mkdir(next, 0700) != 0 && errno != EEXIST) {
                    ntk_error("cannot create %s: %s", next, strerror(errno));
                    ctx->failed = true;
                    free(next);
                    goto done;
                }
            }
            free(current);
            current = next;
        }
        part = next_part;
    }
    if (!part || strcmp(part, ".") == 0 || strcmp(part, "..") == 0)
        goto done;

    char *link_path = ntk_path_join(current, part);
    if (symlink(real_target, link_path) == 0) {
        fixups->link_count++;
        if (ctx->verbose)
            ntk_note("include spelling \"%s\" resolves to %s", spelling, real_target);
    } else if (errno == EEXIST) {
        /* Same spelling seen before; two different files under one spelling
         * cannot both be served: the first wins, as documented. */
        char *existing = realpath(link_path, NULL);
        if (ctx->verbose && (!existing || strcmp(existing, real_target) != 0))
            ntk_note("include spelling \"%s\" already resolves to %s, not %s", spelling,
                     existing ? existing : "?", real_target);
        free(existing);
    } else {
        ntk_error("cannot create %s: %s", link_path, strerror(errno));
        ctx->failed = true;
    }
    free(link_path);

    /* GCC searches a linked header's own directory for its quoted includes
     * in the link directory, not where the header really is. */
    char *real_dir = ntk_path_dirname(real_target);
    if (!ntk_strvec_contains(&fixups->fallback_dirs, real_dir))
        ntk_strvec_push(&fixups->fallback_dirs, real_dir);
    free(real_dir);
done:
    free(current);
    free(parts);
    free(real_target);
}

/* Parses one line: "#  include  <x>" or "# include "x"". Returns the
 * spelling (malloc'd) or NULL. */
static char *parse_include_line(const char *line, const char *end, bool *quoted)
{
    const char *p = line;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= end || *p != '#')
        return NULL;
    p++;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if ((size_t)(end - p) < 7 || strncmp(p, "include", 7) != 0)
        return NULL;
    p += 7;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= end || (*p != '"' && *p != '<'))
        return NULL;
    char close = (*p == '"') ? '"' : '>';
    *quoted = (*p == '"');
    const char *start = ++p;
    while (p < end && *p != close)
        p++;
    if (p >= end || p == start)
        return NULL;
    return ntk_xstrndup(start, (size_t)(p - start));
}

static void scan_file(struct scan_context *ctx, const char *path, struct ntk_strvec *include_stack_dirs);

static void scan_include(struct scan_context *ctx, const char *spelling, bool quoted, const char *includer_dir,
                         struct ntk_strvec *include_stack_dirs)
{
    char *found = msvc_finds(ctx, spelling, quoted, include_stack_dirs);
    if (!found)
        return; /* a system header, or missing: GCC decides */
    if (!gcc_finds(ctx, spelling, quoted, includer_dir))
        add_link(ctx, spelling, found);

    char *real = realpath(found, NULL);
    if (real && !inside_system_dir(ctx, real))
        scan_file(ctx, real, include_stack_dirs);
    free(real);
    free(found);
}

static void scan_file(struct scan_context *ctx, const char *path, struct ntk_strvec *include_stack_dirs)
{
    char *real = realpath(path, NULL);
    if (!real)
        return; /* unreadable sources are reported by the caller */
    if (ntk_strvec_contains(&ctx->fixups->visited, real)) {
        free(real);
        return;
    }
    ntk_strvec_push(&ctx->fixups->visited, real);

    char *text = ntk_read_file(real, NULL);
    if (!text) {
        free(real);
        return;
    }
    char *dir = ntk_path_dirname(real);
    ntk_strvec_push(include_stack_dirs, dir);

    for (char *line = text; *line && !ctx->failed;) {
        char *end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        bool quoted = false;
        char *spelling = parse_include_line(line, end, &quoted);
        if (spelling) {
            scan_include(ctx, spelling, quoted, dir, include_stack_dirs);
            free(spelling);
        }
        line = *end ? end + 1 : end;
    }

    /* Pop this file's directory off the include stack. */
    free(include_stack_dirs->items[--include_stack_dirs->count]);
    include_stack_dirs->items[include_stack_dirs->count] = NULL;
    free(dir);
    free(text);
    free(real);
}

int ntk_include_fixups_prepare(struct ntk_include_fixups *fixups, const char *temp_dir,
                               const struct ntk_strvec *sources, const struct ntk_strvec *user_dirs,
                               const struct ntk_strvec *system_dirs, bool verbose)
{
    memset(fixups, 0, sizeof(*fixups));
    struct scan_context ctx = {
        .fixups = fixups,
        .temp_dir = temp_dir,
        .user_dirs = user_dirs,
        .system_dirs = system_dirs,
        .verbose = verbose,
    };
    for (size_t i = 0; i < system_dirs->count; i++) {
        char *real = realpath(system_dirs->items[i], NULL);
        if (real && is_directory(real))
            ntk_strvec_push(&ctx.real_system_dirs, real);
        free(real);
    }
    struct ntk_strvec include_stack_dirs = {0};
    for (size_t i = 0; i < sources->count && !ctx.failed; i++)
        scan_file(&ctx, sources->items[i], &include_stack_dirs);
    ntk_strvec_free(&include_stack_dirs);
    ntk_strvec_free(&ctx.real_system_dirs);
    return ctx.failed ? -1 : 0;
}

void ntk_include_fixups_add_flags(const struct ntk_include_fixups *fixups, struct ntk_strvec *argv)
{
    if (!fixups->link_count)
        return;
    ntk_strvec_push(argv, "-idirafter");
    ntk_strvec_push(argv, fixups->shim_dir);
    for (size_t i = 0; i < fixups->fallback_dirs.count; i++) {
        ntk_strvec_push(argv, "-idirafter");
        ntk_strvec_push(argv, fixups->fallback_dirs.items[i]);
    }
}

void ntk_include_fixups_free(struct ntk_include_fixups *fixups)
{
    free(fixups->shim_dir);
    free(fixups->shim_base);
    ntk_strvec_free(&fixups->fallback_dirs);
    ntk_strvec_free(&fixups->visited);
    memset(fixups, 0, sizeof(*fixups));
}
