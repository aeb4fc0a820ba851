/*
 * build.c - "ntk build": builds a Windows driver sample as it comes, from
 * its project files: MSBuild .vcxproj files (projfile_vcxproj.c) or the
 * classic build utility's "sources" files (projfile_sources.c). A folder
 * builds every project under it. Each project is compiled and linked by
 * ntk cc (its entry point is called with the options the project implies),
 * into OUTDIR/NAME.sys for a driver and OUTDIR/NAME.exe for an app.
 */
#define _GNU_SOURCE
#include "commands.h"
#include "projfile.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static void print_build_help(void)
{
    printf("Usage: ntk build PATH [-o OUTDIR] [-v] [-n]\n"
           "\n"
           "Builds a Windows driver project from its unmodified project files with\n"
           "ntk cc. PATH is one of:\n"
           "  PROJECT.vcxproj  an MSBuild project (Visual Studio, the WDK)\n"
           "  sources          a project of the classic build utility (WDK 7 and older)\n"
           "  FOLDER           every project under it, recursively (a sample's sys/ and\n"
           "                   exe/); a .vcxproj is preferred to a sources file in the\n"
           "                   same folder\n"
           "\n"
           "Outputs: OUTDIR/NAME.sys for a driver and OUTDIR/NAME.exe for a console app\n"
           "(Linux ELF files named the Windows way), NAME being the project's TargetName\n"
           "(or TARGETNAME) or the project file's name.\n"
           "\n"
           "From a .vcxproj (the Debug|x64 configuration): ConfigurationType Driver or\n"
           "Application, ClCompile items, ClCompile's AdditionalIncludeDirectories and\n"
           "PreprocessorDefinitions, CharacterSet (Unicode defines UNICODE and _UNICODE),\n"
           "TargetName. From a sources file: TARGETNAME, TARGETTYPE (DRIVER,\n"
           "EXPORT_DRIVER, PROGRAM), SOURCES, INCLUDES, C_DEFINES. Macros that come from\n"
           "Visual Studio's or the WDK's own files ($(DDK_INC_PATH), $(IntDir), ...)\n"
           "are unknown to ntk: what uses one is dropped with a warning.\n"
           "See docs/BUILD.md.\n"
           "\n"
           "Options:\n"
           "  -o OUTDIR      where the outputs go (default: the current directory;\n"
           "                 created if missing)\n"
           "  -v, --verbose  print what is read and the ntk cc and compiler commands\n"
           "  -n, --dry-run  read the projects and print the ntk cc commands without\n"
           "                 running them\n"
           "  -h, --help     show this help\n"
           "\n"
           "Exit status: 0 on success; 2 for a usage error or a project ntk cannot\n"
           "build (the message names the file, the line and the construct); otherwise\n"
           "ntk cc's status for the first project that failed to compile or link.\n");
}

enum project_format { FORMAT_VCXPROJ, FORMAT_SOURCES };

struct project_file {
    char *path;
    enum project_format format;
};

struct project_list {
    struct project_file *items;
    size_t count;
};

static void list_add(struct project_list *list, const char *path, enum project_format format)
{
    list->items = ntk_xrealloc(list->items, (list->count + 1) * sizeof(*list->items));
    list->items[list->count++] = (struct project_file){ntk_xstrdup(path), format};
}

static bool is_vcxproj_name(const char *name)
{
    return ntk_has_suffix_nocase(name, ".vcxproj") && strlen(name) > strlen(".vcxproj");
}

static bool is_sources_name(const char *name)
{
    return strcasecmp(name, "sources") == 0;
}

/* Finds the projects under dir: its .vcxproj files, or else its sources
 * file; then those of its subfolders, in name order. Hidden folders and
 * symbolic links to folders are not entered. */
static int collect_projects(const char *dir, struct project_list *list)
{
    struct dirent **entries = NULL;
    int count = scandir(dir, &entries, NULL, alphasort);
    if (count < 0) {
        ntk_error("cannot read folder '%s': %s", dir, strerror(errno));
        return NTK_TOOL_EXIT_USAGE;
    }
    bool has_vcxproj = false;
    const char *sources = NULL;
    for (int i = 0; i < count; i++) {
        const char *name = entries[i]->d_name;
        char *path = ntk_path_join(dir, name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            if (is_vcxproj_name(name)) {
                list_add(list, path, FORMAT_VCXPROJ);
                has_vcxproj = true;
            } else if (is_sources_name(name) && !sources) {
                sources = name;
            }
        }
        free(path);
    }
    if (sources && !has_vcxproj) {
        char *path = ntk_path_join(dir, sources);
        list_add(list, path, FORMAT_SOURCES);
        free(path);
    }
    int status = 0;
    for (int i = 0; i < count; i++) {
        const char *name = entries[i]->d_name;
        char *path = ntk_path_join(dir, name);
        struct stat st;
        if (status == 0 && name[0] != '.' && lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            status = collect_projects(path, list);
        free(path);
    }
    for (int i = 0; i < count; i++)
        free(entries[i]);
    free(entries);
    return status;
}

/* What PATH names: one project, or a folder of them. */
static int find_projects(const char *path, struct project_list *list)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        ntk_error("cannot read '%s': %s", path, strerror(errno));
        return NTK_TOOL_EXIT_USAGE;
    }
    if (S_ISDIR(st.st_mode)) {
        int status = collect_projects(path, list);
        if (status == 0 && list->count == 0) {
            ntk_error("no project under '%s' (looked for .vcxproj and sources files)", path);
            return NTK_TOOL_EXIT_USAGE;
        }
        return status;
    }
    const char *name = ntk_path_basename(path);
    if (is_vcxproj_name(name)) {
        list_add(list, path, FORMAT_VCXPROJ);
        return 0;
    }
    if (is_sources_name(name)) {
        list_add(list, path, FORMAT_SOURCES);
        return 0;
    }
    if (ntk_has_suffix_nocase(name, ".sln")) {
        ntk_error("'%s': solution files are not read; pass the folder that holds the projects", path);
        return NTK_TOOL_EXIT_USAGE;
    }
    ntk_error("'%s' is not a project: expected a folder, a .vcxproj file or a sources file", path);
    return NTK_TOOL_EXIT_USAGE;
}

/* mkdir -p */
static int make_directories(const char *path)
{
    char *copy = ntk_xstrdup(path);
    int status = 0;
    for (char *p = copy + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        struct stat st;
        if (stat(copy, &st) != 0 && mkdir(copy, 0777) != 0 && errno != EEXIST) {
            ntk_error("cannot create '%s': %s", copy, strerror(errno));
            status = NTK_TOOL_EXIT_USAGE;
            break;
        }
        *p = saved;
        if (saved == '\0')
            break;
    }
    if (status == 0) {
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
            ntk_error("output '%s' is not a directory", path);
            status = NTK_TOOL_EXIT_USAGE;
        }
    }
    free(copy);
    return status;
}

static char *output_path(const struct ntk_project *project, const char *out_dir)
{
    return ntk_xasprintf("%s/%s%s", out_dir, project->name, project->kind == NTK_PROJECT_DRIVER ? ".sys" : ".exe");
}

/* Compiles and links one project with ntk cc. Returns ntk cc's status. */
static int build_project(const struct ntk_project *project, const char *out_dir, bool verbose, bool dry_run)
{
    char *output = output_path(project, out_dir);
    struct ntk_strvec argv = {0};
    ntk_strvec_push(&argv, "cc");
    ntk_strvec_push(&argv, project->kind == NTK_PROJECT_DRIVER ? "--driver" : "--app");
    if (verbose)
        ntk_strvec_push(&argv, "-v");
    ntk_strvec_push(&argv, "-o");
    ntk_strvec_push(&argv, output);
    for (size_t i = 0; i < project->include_dirs.count; i++) {
        ntk_strvec_push(&argv, "-I");
        ntk_strvec_push(&argv, project->include_dirs.items[i]);
    }
    for (size_t i = 0; i < project->defines.count; i++) {
        ntk_strvec_push(&argv, "-D");
        ntk_strvec_push(&argv, project->defines.items[i]);
    }
    ntk_strvec_append(&argv, &project->sources);
    if (dry_run) {
        printf("ntk ");
        ntk_print_command(stdout, ntk_strvec_argv(&argv));
        fflush(stdout);
        ntk_strvec_free(&argv);
        free(output);
        return NTK_TOOL_EXIT_OK;
    }
    if (verbose) {
        fflush(stdout);
        fprintf(stderr, "%s: ntk ", ntk_program_name());
        ntk_print_command(stderr, ntk_strvec_argv(&argv));
    }
    int status = ntk_cc_main((int)argv.count, ntk_strvec_argv(&argv));
    if (status == NTK_TOOL_EXIT_OK)
        printf("%s -> %s\n", project->path, output);
    fflush(stdout);
    ntk_strvec_free(&argv);
    free(output);
    return status;
}

static int read_project(const struct project_file *file, struct ntk_project *project)
{
    if (ntk_project_verbose)
        ntk_note("reading %s", file->path);
    return file->format == FORMAT_VCXPROJ ? ntk_project_read_vcxproj(file->path, project)
                                          : ntk_project_read_sources(file->path, project);
}

static int build_all(const struct project_list *list, const char *out_dir, bool single, bool verbose,
                     bool dry_run)
{
    struct ntk_project *projects = ntk_xmalloc((list->count ? list->count : 1) * sizeof(*projects));
    bool *usable = ntk_xmalloc((list->count ? list->count : 1) * sizeof(*usable));
    int status = 0;
    size_t usable_count = 0;

    /* Read every project first: all of their errors at once, before any
     * compiler runs. */
    for (size_t i = 0; i < list->count; i++) {
        int rc = read_project(&list->items[i], &projects[i]);
        usable[i] = rc == 0;
        if (rc == NTK_PROJECT_NOTHING_TO_BUILD && single) {
            ntk_error("'%s' has nothing to compile (a Utility or Makefile project)", list->items[i].path);
            rc = NTK_TOOL_EXIT_USAGE;
        }
        if (rc > 0 && status == 0)
            status = rc;
        usable_count += usable[i];
    }
    for (size_t i = 0; status == 0 && i < list->count; i++) {
        for (size_t k = 0; usable[i] && k < i; k++) {
            if (!usable[k] || projects[k].kind != projects[i].kind ||
                strcasecmp(projects[k].name, projects[i].name) != 0)
                continue;
            char *output = output_path(&projects[i], out_dir);
            ntk_error("'%s' and '%s' both build %s", projects[k].path, projects[i].path, output);
            free(output);
            status = NTK_TOOL_EXIT_USAGE;
            break;
        }
    }
    if (status == 0 && usable_count == 0) {
        ntk_error("nothing to compile: every project found is a Utility or Makefile project");
        status = NTK_TOOL_EXIT_USAGE;
    }
    if (status == 0 && !dry_run)
        status = make_directories(out_dir);

    /* Then build them all, even after a failure, to report every error. */
    for (size_t i = 0; status == 0 && i < list->count; i++) {
        if (!usable[i])
            continue;
        int rc = build_project(&projects[i], out_dir, verbose, dry_run);
        if (rc != NTK_TOOL_EXIT_OK) {
            status = rc;
            for (size_t k = i + 1; k < list->count; k++)
                if (usable[k])
                    build_project(&projects[k], out_dir, verbose, dry_run);
            break;
        }
    }
    for (size_t i = 0; i < list->count; i++)
        ntk_project_free(&projects[i]);
    free(projects);
    free(usable);
    return status;
}

int ntk_build_main(int argc, char **argv)
{
    const char *path = NULL;
    const char *out_dir = NULL;
    bool verbose = false, dry_run = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            print_build_help();
            return NTK_TOOL_EXIT_OK;
        } else if (strcmp(arg, "-v") == 0 || strcmp(arg, "--verbose") == 0) {
            verbose = true;
        } else if (strcmp(arg, "-n") == 0 || strcmp(arg, "--dry-run") == 0) {
            dry_run = true;
        } else if (ntk_has_prefix(arg, "-o")) {
            const char *value = arg[2] ? arg + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!value || !*value)
                return ntk_usage_error("option -o needs an argument");
            if (out_dir)
                return ntk_usage_error("more than one output folder (-o %s, -o %s)", out_dir, value);
            out_dir = value;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            return ntk_usage_error("unknown option '%s'", arg);
        } else if (path) {
            return ntk_usage_error("more than one PATH ('%s', '%s')", path, arg);
        } else {
            path = arg;
        }
    }
    if (!path)
        return ntk_usage_error("missing PATH (a folder, a .vcxproj file or a sources file)");
    if (!out_dir)
        out_dir = ".";

    ntk_project_verbose = verbose;
    struct project_list list = {0};
    int status = find_projects(path, &list);
    bool single = list.count == 1 && status == 0;
    struct stat st;
    if (single && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        single = false;
    if (status == 0)
        status = build_all(&list, out_dir, single, verbose, dry_run);
    for (size_t i = 0; i < list.count; i++)
        free(list.items[i].path);
    free(list.items);
    return status;
}
