/*
 * debugout.c - the POSIX host's debug output file: where DbgPrint output
 * goes when NTK_DEBUG_OUTPUT names a file (the sink is chosen in
 * src/nt/kd/dbgprint.c).
 *
 *   void ntkhost_posix_debug_write(const char *s, size_t len);
 *
 * is meant for the host table's debug_write op. The first call opens the
 * file named by NTK_DEBUG_OUTPUT for appending (created 0644 if missing);
 * every call then appends its bytes with one write(2) on an O_APPEND
 * descriptor, so concurrent callers' lines stay whole. If the file cannot
 * be opened, that is reported once on stderr and output goes to stderr.
 * ("stderr" and "off" are honoured too, should the op be called for them.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "host.h"

#define DEBUG_OUTPUT_DISCARD (-2)

static int DebugOutputFd = -1;
static pthread_once_t DebugOutputOnce = PTHREAD_ONCE_INIT;

static void WriteAll(int Fd, const char *Text, size_t Length)
{
    while (Length > 0) {
        ssize_t written = write(Fd, Text, Length);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return; /* nowhere left to report a failing debug sink */
        }
        Text += written;
        Length -= (size_t)written;
    }
}

static void OpenDebugOutput(void)
{
    const char *path = getenv("NTK_DEBUG_OUTPUT");
    char message[512];
    int fd, length;

    if (path == NULL || path[0] == '\0' || strcmp(path, "stderr") == 0) {
        DebugOutputFd = STDERR_FILENO;
        return;
    }
    if (strcmp(path, "off") == 0) {
        DebugOutputFd = DEBUG_OUTPUT_DISCARD;
        return;
    }
    fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd >= 0) {
        DebugOutputFd = fd;
        return;
    }
    length = snprintf(message, sizeof(message),
                      "ntk: cannot open NTK_DEBUG_OUTPUT file '%s': %s; debug output goes to stderr\n", path,
                      strerror(errno));
    if (length > 0)
        WriteAll(STDERR_FILENO, message, (size_t)length < sizeof(message) ? (size_t)length : sizeof(message) - 1);
    DebugOutputFd = STDERR_FILENO;
}

void ntkhost_posix_debug_write(const char *s, size_t len)
{
    pthread_once(&DebugOutputOnce, OpenDebugOutput);
    if (DebugOutputFd != DEBUG_OUTPUT_DISCARD)
        WriteAll(DebugOutputFd, s, len);
}
