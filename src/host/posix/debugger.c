/*
 * debugger.c - is a debugger attached, and stopping in it: the host ops
 * behind KD_DEBUGGER_NOT_PRESENT and DbgBreakPoint (src/nt/kd/debugger.c).
 *
 * Linux has no kernel debugger for a user process; a tracer (gdb, lldb)
 * plays that part. TracerPid in /proc/self/status is non-zero while one
 * is attached; a SIGTRAP then stops the process in it, and continuing
 * returns from raise() (debuggers do not pass SIGTRAP on by default).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "posix_core.h"

int ntkhost_posix_debugger_attached(void)
{
    char buf[4096];
    size_t used = 0;
    int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return 0;
    while (used < sizeof(buf) - 1) {
        ssize_t n = read(fd, buf + used, sizeof(buf) - 1 - used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        used += (size_t)n;
    }
    close(fd);
    buf[used] = '\0';
    const char *line = strstr(buf, "\nTracerPid:");
    if (line == NULL)
        return 0;
    return strtol(line + strlen("\nTracerPid:"), NULL, 10) != 0;
}

void ntkhost_posix_debug_break(void)
{
    raise(SIGTRAP);
}
