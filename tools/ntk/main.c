/*
 * main.c - the ntk command-line tool: dispatches "ntk COMMAND ..." to the
 * subcommand that implements it and answers --help and --version.
 *
 * To add a subcommand: write tools/ntk/NAME.c with an entry point
 * "int ntk_NAME_main(int argc, char **argv)", declare it in commands.h and
 * add a row to the table below. The subcommand must answer --help itself.
 */
#include "commands.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

/* Build-time configuration: the tool is tied to one ntk tree and build. */
#if !defined(NTK_SOURCE_DIR) || !defined(NTK_BUILD_DIR) || !defined(NTK_CC) || !defined(NTK_SANITIZE_FLAGS)
#error "define NTK_SOURCE_DIR, NTK_BUILD_DIR, NTK_CC and NTK_SANITIZE_FLAGS (the CMake target ntk_tool does)"
#endif

#ifndef NTK_VERSION
#define NTK_VERSION "0.1.0"
#endif

struct ntk_command {
    const char *name;
    int (*main)(int argc, char **argv);
    const char *summary;
};

static const struct ntk_command commands[] = {
    {"cc", ntk_cc_main, "compile and link a Windows driver (.sys) or Win32 console app"},
    {"run", ntk_run_main, "run an app with drivers loaded into its kernel"},
    {"build", ntk_build_main, "build a WDK project (.vcxproj, sources file, or a folder of them)"},
    {"ioctl", ntk_ioctl_main, "decode, encode or send an I/O control code (CTL_CODE)"},
    {"sc", ntk_sc_main, "the service control manager of a running app (sc.exe's verbs)"},
    {"objdir", ntk_objdir_main, "list the object namespace of a running app (like WinObj)"},
    {"devstack", ntk_devstack_main, "show a device stack of a running app (!devstack)"},
    {"drvobj", ntk_drvobj_main, "show a driver object of a running app (!drvobj)"},
    {"reg", ntk_reg_main, "import, export or query the registry store (.reg files)"},
};

static void print_help(FILE *out)
{
    fprintf(out,
            "Usage: ntk COMMAND [ARGS...]\n"
            "       ntk --help | --version\n"
            "\n"
            "Builds and runs Windows kernel drivers and their Win32 console apps\n"
            "on Linux.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(out,
            "\n"
            "Run 'ntk COMMAND --help' (or 'ntk help COMMAND') for a command's options.\n"
            "\n"
            "Exit status: a command's own status; 2 for a usage error.\n");
}

static const struct ntk_command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int run_command(const struct ntk_command *command, int argc, char **argv)
{
    static char program_name[64];
    snprintf(program_name, sizeof(program_name), "ntk %s", command->name);
    ntk_set_program_name(program_name);
    return command->main(argc, argv);
}

int main(int argc, char **argv)
{
    ntk_set_program_name("ntk");
    if (argc < 2)
        return ntk_usage_error("missing command");

    const char *first = argv[1];
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0) {
        print_help(stdout);
        return NTK_TOOL_EXIT_OK;
    }
    if (strcmp(first, "--version") == 0) {
        printf("ntk %s\n", NTK_VERSION);
        return NTK_TOOL_EXIT_OK;
    }
    if (strcmp(first, "help") == 0) {
        if (argc == 2) {
            print_help(stdout);
            return NTK_TOOL_EXIT_OK;
        }
        const struct ntk_command *command = find_command(argv[2]);
        if (!command)
            return ntk_usage_error("unknown command '%s'", argv[2]);
        char *help_argv[] = {argv[2], "--help", NULL};
        return run_command(command, 2, help_argv);
    }
    if (first[0] == '-')
        return ntk_usage_error("unknown option '%s' (options go after the command)", first);

    const struct ntk_command *command = find_command(first);
    if (!command)
        return ntk_usage_error("unknown command '%s'", first);
    return run_command(command, argc - 1, argv + 1);
}
