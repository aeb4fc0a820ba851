/*
 * process.c - environment, standard error, process exit, and whole-file
 * reads for the kernel.
 */
#define _GNU_SOURCE
#include "posix_core.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

void ntkhost_posix_write_err(const char *s, size_t len)
{
    while (len > 0) {
        ssize_t n = write(2, s, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        s += n;
        len -= (size_t)n;
    }
}

const char *ntkhost_posix_getenv(const char *name)
{
    return getenv(name);
}

void ntkhost_posix_exit_process(int status)
{
    /* The application's stdio may hold output it printed before a bug
     * check; flush it without taking locks another thread may hold. */
    fflush_unlocked(stdout);
    _exit(status);
}

void ntkhost_posix_abort_process(void)
{
    fflush_unlocked(stdout);
    abort();
}

int ntkhost_posix_file_read_all(const char *path, void **data, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return e;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    if (!buf) {
        close(fd);
        return ENOMEM;
    }
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n <= 0) {
            int e = n < 0 ? errno : EIO;
            if (n < 0 && e == EINTR)
                continue;
            free(buf);
            close(fd);
            return e;
        }
        got += (size_t)n;
    }
    close(fd);
    buf[got] = 0;
    *data = buf;
    *size = got;
    return 0;
}
