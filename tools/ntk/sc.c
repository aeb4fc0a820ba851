/*
 * sc.c - ntk sc: sc.exe's verbs for the service control manager of a
 * running application (create, start, stop, delete, query, qc), with
 * sc.exe's option syntax ("type= kernel": the '=' belongs to the option
 * name and the value is the next word; "type=kernel" is accepted too) and
 * its output. The verbs run in the application's kernel over its control
 * socket (inspect.c; docs/TOOLS.md, docs/SERVICES.md).
 */
#include "commands.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void print_sc_help(void)
{
    printf("Usage: ntk sc [--control SOCKET] create NAME binpath= PATH [type= kernel|filesys]\n"
           "                 [start= boot|system|auto|demand|disabled] [error= normal|severe|critical|ignore]\n"
           "                 [displayname= TEXT] [group= G] [tag= T] [depend= D]\n"
           "       ntk sc [--control SOCKET] start|stop|delete|qc NAME\n"
           "       ntk sc [--control SOCKET] query [NAME]\n"
           "\n"
           "Drives the service control manager of a running application (ntk run\n"
           "--control SOCKET; NTK_CONTROL_SOCKET names it) as sc.exe does, and prints\n"
           "what sc.exe prints. Only driver services exist in ntk.\n"
           "\n"
           "Exit status: 0 on success, 1 when the SCM refuses (sc.exe's exit status is\n"
           "the Win32 error, printed in its FAILED line), 2 for a usage error.\n");
}

struct keyword {
    const char *name;
    unsigned value;
};

static int parse_keyword(const char *option, const char *text, const struct keyword *table, size_t count,
                         unsigned *value)
{
    for (size_t i = 0; i < count; i++)
        if (!strcasecmp(text, table[i].name)) {
            *value = table[i].value;
            return NTK_TOOL_EXIT_OK;
        }
    return ntk_usage_error("%s %s: not a value ntk's SCM knows", option, text);
}

int ntk_sc_main(int argc, char **argv)
{
    const char *control = getenv("NTK_CONTROL_SOCKET");
    int i = 1;
    for (int k = 1; k < argc; k++)
        if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h") || !strcmp(argv[k], "/?")) {
            print_sc_help();
            return NTK_TOOL_EXIT_OK;
        }
    if (i + 1 < argc && !strcmp(argv[i], "--control")) {
        control = argv[i + 1];
        i += 2;
    }
    if (i >= argc)
        return ntk_usage_error("missing verb (create, start, stop, delete, query, qc)");
    const char *verb = argv[i++];
    if (!strcasecmp(verb, "query")) {
        if (i < argc - 1)
            return ntk_usage_error("query takes at most one service name");
        char *words[] = {"sc", "query", i < argc ? argv[i] : NULL};
        return ntk_control_request(control, i < argc ? 3 : 2, words);
    }
    if (!strcasecmp(verb, "start") || !strcasecmp(verb, "stop") || !strcasecmp(verb, "delete") ||
        !strcasecmp(verb, "qc")) {
        if (i != argc - 1)
            return ntk_usage_error("%s takes one service name", verb);
        char lower[16];
        size_t n = 0;
        for (; verb[n] && n < sizeof lower - 1; n++)
            lower[n] = (char)(verb[n] | 0x20);
        lower[n] = 0;
        char *words[] = {"sc", lower, argv[i]};
        return ntk_control_request(control, 3, words);
    }
    if (strcasecmp(verb, "create"))
        return ntk_usage_error("unknown verb '%s' (create, start, stop, delete, query, qc)", verb);
    if (i >= argc)
        return ntk_usage_error("create needs a service name");
    const char *name = argv[i++];
    static const struct keyword types[] = {{"kernel", 1}, {"filesys", 2}};
    static const struct keyword starts[] = {{"boot", 0}, {"system", 1}, {"auto", 2}, {"demand", 3}, {"disabled", 4}};
    static const struct keyword errors[] = {{"ignore", 0}, {"normal", 1}, {"severe", 2}, {"critical", 3}};
    unsigned type = 1, start = 3, error = 1;
    const char *binpath = NULL, *display = "";
    while (i < argc) {
        const char *opt = argv[i];
        const char *eq = strchr(opt, '=');
        if (!eq)
            return ntk_usage_error("create: '%s' is not an option (options are written 'name= value')", opt);
        char key[32];
        size_t klen = (size_t)(eq - opt);
        if (klen >= sizeof key)
            return ntk_usage_error("create: unknown option '%s'", opt);
        memcpy(key, opt, klen);
        key[klen] = 0;
        const char *value;
        if (eq[1]) {
            value = eq + 1;
            i++;
        } else {
            if (i + 1 >= argc)
                return ntk_usage_error("create: option %s needs a value", opt);
            value = argv[i + 1];
            i += 2;
        }
        int st = NTK_TOOL_EXIT_OK;
        if (!strcasecmp(key, "type")) {
            if (!strcasecmp(value, "own") || !strcasecmp(value, "share") || !strcasecmp(value, "interact") ||
                !strcasecmp(value, "userown") || !strcasecmp(value, "usershare")) {
                ntk_error("create: type= %s: ntk's SCM has driver services only (kernel, filesys)", value);
                return NTK_TOOL_EXIT_USAGE;
            }
            st = parse_keyword("type=", value, types, sizeof types / sizeof *types, &type);
        } else if (!strcasecmp(key, "start")) {
            st = parse_keyword("start=", value, starts, sizeof starts / sizeof *starts, &start);
        } else if (!strcasecmp(key, "error")) {
            st = parse_keyword("error=", value, errors, sizeof errors / sizeof *errors, &error);
        } else if (!strcasecmp(key, "binpath") || !strcasecmp(key, "binPath")) {
            binpath = value;
        } else if (!strcasecmp(key, "displayname")) {
            display = value;
        } else if (!strcasecmp(key, "group") || !strcasecmp(key, "tag") || !strcasecmp(key, "depend") ||
                   !strcasecmp(key, "obj") || !strcasecmp(key, "password")) {
            /* Boot ordering and accounts: recorded by Windows, meaningless without a boot. */
        } else {
            return ntk_usage_error("create: unknown option '%s='", key);
        }
        if (st != NTK_TOOL_EXIT_OK)
            return st;
    }
    if (!binpath)
        return ntk_usage_error("create: binpath= is required");
    char t[8], s[8], e[8];
    snprintf(t, sizeof t, "%u", type);
    snprintf(s, sizeof s, "%u", start);
    snprintf(e, sizeof e, "%u", error);
    char *words[] = {"sc", "create", (char *)name, t, s, e, (char *)binpath, (char *)display};
    return ntk_control_request(control, 8, words);
}
