/*
 * commands.h - the entry points of the ntk subcommands.
 *
 * Each subcommand lives in its own file (cc.c, run.c, ...) and is listed in
 * the dispatch table in main.c. An entry point receives the arguments after
 * "ntk", so argv[0] is the subcommand's name, and returns the exit status.
 */
#ifndef NTK_TOOL_COMMANDS_H
#define NTK_TOOL_COMMANDS_H

int ntk_cc_main(int argc, char **argv);  /* cc.c */
int ntk_run_main(int argc, char **argv); /* run.c */
int ntk_build_main(int argc, char **argv); /* build.c */
int ntk_ioctl_main(int argc, char **argv); /* ioctl.c */

#endif /* NTK_TOOL_COMMANDS_H */
