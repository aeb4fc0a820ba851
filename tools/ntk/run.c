/*
 * run.c - "ntk run": runs an app built with "ntk cc --app" with drivers
 * loaded into its kernel first.
 *
 * The drivers are handed to the runtime inside the app through the
 * environment, then the app replaces this process (execv), so its exit
 * status is the command's:
 *   NTK_DRIVER_COUNT=N
 *   NTK_DRIVER_<i>=<absolute path of the .sys>          for i in 0..N-1
 *   NTK_DRIVER_<i>_SERVICE=<service name>
 * The runtime loads them in that order before the app's main and unloads
 * them in reverse order after it. Every input is checked first, so that a
 * wrong file gives a clear message here rather than a puzzling failure in
 * the app.
 */
#define _GNU_SOURCE
#include "commands.h"
#include "util.h"

#include <ntk/exitcodes.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

#define DRIVER_ENV_PREFIX "NTK_DRIVER_"
#define KERNEL_LIBRARY "libntk.so"

struct driver_spec {
    const char *given; /* as on the command line, for messages */
    char *path;        /* absolute */
    char *service;
};

struct run_request {
    struct driver_spec *drivers;
    size_t driver_count;
    bool verbose;
    bool dry_run;
    char **app_argv; /* APP and its arguments, from our argv */
    char *app_path;  /* APP resolved through PATH */
    const char *control; /* --control SOCKET, or NULL */
    const char *registry; /* --registry FILE, or NULL */
};

static void print_run_help(void)
{
    printf("Usage: ntk run [OPTIONS] [--driver PATH.sys[=SERVICE]]... [--] APP [ARGS...]\n"
           "\n"
           "Runs APP, built with 'ntk cc --app', with the given drivers loaded into its\n"
           "kernel first (DriverEntry, in order) and unloaded after it returns (in\n"
           "reverse order).\n"
           "\n"
           "Options:\n"
           "  --driver PATH.sys[=SERVICE]\n"
           "                  load the driver under service name SERVICE (default: the\n"
           "                  file name without .sys); repeat for several drivers\n"
           "  --control SOCKET\n"
           "                  the app's kernel serves the Unix-domain socket SOCKET, through\n"
           "                  which ntk sc, objdir, devstack, drvobj and ioctl send reach\n"
           "                  it (NTK_CONTROL_SOCKET=SOCKET is set for the app)\n"
           "  --registry FILE\n"
           "                  keep the registry in the SQLite store FILE across runs\n"
           "                  (NTK_REGISTRY=FILE is set for the app); without it the\n"
           "                  registry lives in memory\n"
           "  -n, --dry-run   check everything, print the environment and the command,\n"
           "                  but do not run the app\n"
           "  -v, --verbose   print the environment and the command before running\n"
           "  -h, --help      show this help\n"
           "\n"
           "The drivers reach the app's runtime through the environment:\n"
           "  NTK_DRIVER_COUNT=N, and for i in 0..N-1 NTK_DRIVER_<i>=<absolute path>\n"
           "  and NTK_DRIVER_<i>_SERVICE=<service name>.\n"
           "\n"
           "Exit status: the app's own, or\n"
           "  %3d  a bug check ended the process (the report is on stderr)\n"
           "  %3d  a driver failed to load or its DriverEntry failed\n"
           "    2  a usage error, or a driver or APP that is not what ntk cc builds\n",
           NTK_EXIT_BUGCHECK, NTK_EXIT_DRIVER_LOAD_FAILED);
}

/* ---- command line ----------------------------------------------------- */

/* Splits "PATH.sys=SERVICE". The '=' that follows ".sys" separates them, so
 * that paths containing '=' still work; without a ".sys=" the last '='
 * separates, unless the whole value names an existing file. */
static void split_driver_value(const char *value, char **path, char **service)
{
    const char *separator = NULL;
    for (const char *p = value; (p = strcasestr(p, ".sys=")) != NULL; p++)
        separator = p + 4;
    if (!separator && access(value, F_OK) != 0)
        separator = strrchr(value, '=');
    if (separator) {
        *path = ntk_xstrndup(value, (size_t)(separator - value));
        *service = ntk_xstrdup(separator + 1);
    } else {
        *path = ntk_xstrdup(value);
        *service = NULL;
    }
}

static char *default_service_name(const char *path)
{
    const char *name = ntk_path_basename(path);
    size_t length = strlen(name);
    if (ntk_has_suffix_nocase(name, ".sys"))
        length -= 4;
    return ntk_xstrndup(name, length);
}

static int add_driver(struct run_request *req, const char *value)
{
    char *path, *service;
    split_driver_value(value, &path, &service);
    if (!*path) {
        free(path);
        free(service);
        return ntk_usage_error("--driver '%s': missing the driver's path", value);
    }
    if (!service)
        service = default_service_name(path);
    if (!*service || strpbrk(service, "/\\")) {
        int status = ntk_usage_error("--driver '%s': '%s' is not a valid service name", value, service);
        free(path);
        free(service);
        return status;
    }
    for (size_t i = 0; i < req->driver_count; i++) {
        if (strcasecmp(req->drivers[i].service, service) == 0) {
            int status = ntk_usage_error("service name '%s' is used by two drivers (%s and %s); "
                                         "give one another name with --driver PATH.sys=SERVICE",
                                         service, req->drivers[i].given, value);
            free(path);
            free(service);
            return status;
        }
    }
    req->drivers = ntk_xrealloc(req->drivers, (req->driver_count + 1) * sizeof(*req->drivers));
    req->drivers[req->driver_count++] = (struct driver_spec){.given = value, .path = path, .service = service};
    return NTK_TOOL_EXIT_OK;
}

/* Returns -1 when --help was answered, otherwise an exit status. */
static int parse_command_line(int argc, char **argv, struct run_request *req)
{
    int status;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            print_run_help();
            return -1;
        } else if (strcmp(arg, "-v") == 0 || strcmp(arg, "--verbose") == 0) {
            req->verbose = true;
        } else if (strcmp(arg, "-n") == 0 || strcmp(arg, "--dry-run") == 0) {
            req->dry_run = true;
        } else if (strcmp(arg, "--control") == 0 || ntk_has_prefix(arg, "--control=")) {
            if (arg[9] == '=')
                req->control = arg + 10;
            else if (i + 1 >= argc)
                return ntk_usage_error("option --control needs a socket path");
            else
                req->control = argv[++i];
            if (!req->control[0])
                return ntk_usage_error("option --control needs a socket path");
        } else if (strcmp(arg, "--registry") == 0 || ntk_has_prefix(arg, "--registry=")) {
            if (arg[10] == '=')
                req->registry = arg + 11;
            else if (i + 1 >= argc)
                return ntk_usage_error("option --registry needs a file path");
            else
                req->registry = argv[++i];
            if (!req->registry[0])
                return ntk_usage_error("option --registry needs a file path");
        } else if (strcmp(arg, "--driver") == 0) {
            if (i + 1 >= argc)
                return ntk_usage_error("option --driver needs an argument");
            if ((status = add_driver(req, argv[++i])) != NTK_TOOL_EXIT_OK)
                return status;
        } else if (ntk_has_prefix(arg, "--driver=")) {
            if ((status = add_driver(req, arg + strlen("--driver="))) != NTK_TOOL_EXIT_OK)
                return status;
        } else if (strcmp(arg, "--") == 0) {
            if (i + 1 >= argc)
                return ntk_usage_error("missing APP after --");
            req->app_argv = &argv[i + 1];
            return NTK_TOOL_EXIT_OK;
        } else if (arg[0] == '-') {
            return ntk_usage_error("unknown option '%s'", arg);
        } else {
            req->app_argv = &argv[i]; /* the app's own options follow it */
            return NTK_TOOL_EXIT_OK;
        }
    }
    return ntk_usage_error("missing APP to run");
}

/* ---- checks ----------------------------------------------------------- */

static int check_driver(struct driver_spec *driver)
{
    struct stat st;
    if (stat(driver->path, &st) != 0) {
        ntk_error("driver '%s': %s", driver->path, strerror(errno));
        return NTK_TOOL_EXIT_USAGE;
    }
    struct ntk_elf_info info;
    if (ntk_elf_inspect(driver->path, &info) != 0) {
        ntk_error("driver '%s': %s", driver->path, strerror(errno));
        return NTK_TOOL_EXIT_USAGE;
    }
    int status = NTK_TOOL_EXIT_OK;
    if (info.kind != NTK_ELF_SHARED_OBJECT) {
        ntk_error("driver '%s' was not built with ntk cc --driver (it is %s%s%s)", driver->path,
                  ntk_elf_kind_name(info.kind), info.problem[0] ? ": " : "", info.problem);
        status = NTK_TOOL_EXIT_USAGE;
    }
    ntk_elf_info_free(&info);
    if (status != NTK_TOOL_EXIT_OK)
        return status;

    char *absolute = ntk_absolute_path(driver->path);
    if (!absolute) {
        ntk_error("driver '%s': %s", driver->path, strerror(errno));
        return NTK_TOOL_EXIT_USAGE;
    }
    free(driver->path);
    driver->path = absolute;
    return NTK_TOOL_EXIT_OK;
}

/* Finds an executable file for name the way execvp would. */
static char *search_path(const char *name)
{
    if (strchr(name, '/'))
        return ntk_xstrdup(name);
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    char *dirs = ntk_xstrdup(path);
    char *found = NULL;
    char *cursor = dirs;
    for (char *dir; !found && (dir = strsep(&cursor, ":")) != NULL;) {
        char *candidate = ntk_path_join(*dir ? dir : ".", name);
        struct stat st;
        if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode) && access(candidate, X_OK) == 0)
            found = candidate;
        else
            free(candidate);
    }
    free(dirs);
    return found;
}

static bool needs_kernel_library(const struct ntk_elf_info *info)
{
    for (size_t i = 0; i < info->needed.count; i++) {
        const char *name = info->needed.items[i];
        if (strcmp(name, KERNEL_LIBRARY) == 0 || ntk_has_prefix(name, KERNEL_LIBRARY "."))
            return true;
    }
    return false;
}

static int check_app(struct run_request *req)
{
    const char *app = req->app_argv[0];
    if (!*app)
        return ntk_usage_error("APP is an empty string");
    req->app_path = search_path(app);
    if (!req->app_path) {
        if (access(app, F_OK) == 0)
            ntk_error("cannot run '%s': not found in PATH (write ./%s for the file in the current directory)", app,
                      app);
        else
            ntk_error("cannot run '%s': not found in PATH", app);
        return NTK_TOOL_EXIT_USAGE;
    }
    struct stat st;
    if (stat(req->app_path, &st) != 0) {
        ntk_error("cannot run '%s': %s", app, strerror(errno));
        return NTK_TOOL_EXIT_USAGE;
    }
    if (!S_ISREG(st.st_mode) || access(req->app_path, X_OK) != 0) {
        ntk_error("cannot run '%s': %s", app, S_ISREG(st.st_mode) ? "not executable" : "not a regular file");
        return NTK_TOOL_EXIT_USAGE;
    }
    struct ntk_elf_info info;
    if (ntk_elf_inspect(req->app_path, &info) != 0) {
        ntk_error("cannot run '%s': %s", app, strerror(errno));
        return NTK_TOOL_EXIT_USAGE;
    }
    char *why = NULL;
    if (info.kind != NTK_ELF_EXECUTABLE)
        why = ntk_xasprintf("it is %s%s%s", ntk_elf_kind_name(info.kind), info.problem[0] ? ": " : "", info.problem);
    else if (!needs_kernel_library(&info))
        why = ntk_xstrdup("it does not link " KERNEL_LIBRARY);
    if (why)
        ntk_error("%s was not built with ntk cc --app: drivers cannot be loaded into it (%s)", app, why);
    ntk_elf_info_free(&info);
    int status = why ? NTK_TOOL_EXIT_USAGE : NTK_TOOL_EXIT_OK;
    free(why);
    return status;
}

/* ---- environment ------------------------------------------------------ */

/* Drops NTK_DRIVER_* inherited from an outer "ntk run", so that only this
 * command's drivers are seen. */
static void clear_inherited_driver_variables(void)
{
    struct ntk_strvec names = {0};
    for (char **env = environ; *env; env++) {
        if (!ntk_has_prefix(*env, DRIVER_ENV_PREFIX))
            continue;
        const char *equals = strchr(*env, '=');
        char *name = equals ? ntk_xstrndup(*env, (size_t)(equals - *env)) : ntk_xstrdup(*env);
        ntk_strvec_push(&names, name);
        free(name);
    }
    for (size_t i = 0; i < names.count; i++)
        unsetenv(names.items[i]);
    ntk_strvec_free(&names);
}

static int set_variable(const char *name, const char *value, FILE *echo)
{
    if (setenv(name, value, 1) != 0) {
        ntk_error("cannot set %s: %s", name, strerror(errno));
        return NTK_TOOL_EXIT_FAILURE;
    }
    if (echo) {
        fprintf(echo, "%s=", name);
        ntk_print_shell_word(echo, value);
        fputc('\n', echo);
    }
    return NTK_TOOL_EXIT_OK;
}

static int export_drivers(const struct run_request *req, FILE *echo)
{
    clear_inherited_driver_variables();
    char buffer[32];
    snprintf(buffer, sizeof(buffer), "%zu", req->driver_count);
    if (set_variable(DRIVER_ENV_PREFIX "COUNT", buffer, echo) != NTK_TOOL_EXIT_OK)
        return NTK_TOOL_EXIT_FAILURE;
    for (size_t i = 0; i < req->driver_count; i++) {
        char name[64];
        snprintf(name, sizeof(name), DRIVER_ENV_PREFIX "%zu", i);
        if (set_variable(name, req->drivers[i].path, echo) != NTK_TOOL_EXIT_OK)
            return NTK_TOOL_EXIT_FAILURE;
        snprintf(name, sizeof(name), DRIVER_ENV_PREFIX "%zu_SERVICE", i);
        if (set_variable(name, req->drivers[i].service, echo) != NTK_TOOL_EXIT_OK)
            return NTK_TOOL_EXIT_FAILURE;
    }
    return NTK_TOOL_EXIT_OK;
}

static int run(struct run_request *req)
{
    for (size_t i = 0; i < req->driver_count; i++) {
        int status = check_driver(&req->drivers[i]);
        if (status != NTK_TOOL_EXIT_OK)
            return status;
    }
    int status = check_app(req);
    if (status != NTK_TOOL_EXIT_OK)
        return status;

    FILE *echo = req->dry_run ? stdout : req->verbose ? stderr : NULL;
    if ((status = export_drivers(req, echo)) != NTK_TOOL_EXIT_OK)
        return status;
    if (req->control) {
        /* A fresh socket: not the one an enclosing app already serves. */
        unsetenv("NTK_CONTROL_SERVED");
        if (set_variable("NTK_CONTROL_SOCKET", req->control, echo) != NTK_TOOL_EXIT_OK)
            return NTK_TOOL_EXIT_FAILURE;
    }
    if (req->registry && set_variable("NTK_REGISTRY", req->registry, echo) != NTK_TOOL_EXIT_OK)
        return NTK_TOOL_EXIT_FAILURE;
    if (echo)
        ntk_print_command(echo, req->app_argv);
    if (req->dry_run)
        return NTK_TOOL_EXIT_OK;

    fflush(NULL);
    execv(req->app_path, req->app_argv);
    ntk_error("cannot run '%s': %s", req->app_argv[0], strerror(errno));
    return NTK_TOOL_EXIT_USAGE;
}

int ntk_run_main(int argc, char **argv)
{
    struct run_request req = {0};
    int status = parse_command_line(argc, argv, &req);
    if (status == NTK_TOOL_EXIT_OK)
        status = run(&req);
    for (size_t i = 0; i < req.driver_count; i++) {
        free(req.drivers[i].path);
        free(req.drivers[i].service);
    }
    free(req.drivers);
    free(req.app_path);
    return status < 0 ? NTK_TOOL_EXIT_OK : status;
}
