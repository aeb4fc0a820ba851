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
int ntk_reg_main(int argc, char **argv); /* reg.c */
int ntk_sc_main(int argc, char **argv);       /* sc.c */
int ntk_objdir_main(int argc, char **argv);   /* inspect.c */
int ntk_devstack_main(int argc, char **argv); /* inspect.c */
int ntk_drvobj_main(int argc, char **argv);   /* inspect.c */

/* inspect.c: the client of a running kernel's control socket
 * (NTK_CONTROL_SOCKET, or --control PATH among args). */
int ntk_ioctl_send(const char *device, unsigned code, int argc, char **argv);
/* Sends words[0..count) to the kernel, copies its output to stdout and
 * returns the status it gives (or 1 when the socket cannot be reached). */
int ntk_control_request(const char *socket_path, int count, char **words);

#endif /* NTK_TOOL_COMMANDS_H */
