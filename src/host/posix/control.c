/*
 * control.c - the control socket: a Unix-domain stream socket served by one
 * host thread, through which `ntk` tools reach the kernel of a running
 * application (NTK_CONTROL_SOCKET).
 */
#define _GNU_SOURCE
#include "host.h"
#include "posix.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

struct control_server {
    int fd;
    void (*fn)(void *, const char *, size_t, void *);
    void *ctx;
};

struct control_conn {
    int fd;
};

void ntkhost_posix_control_reply(void *conn, const char *s, size_t len)
{
    struct control_conn *c = conn;
    while (len) {
        ssize_t n = send(c->fd, s, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; /* the client went away: the rest is dropped */
        s += n;
        len -= (size_t)n;
    }
}

static void *control_thread(void *arg)
{
    struct control_server *srv = arg;
    sigset_t all;
    sigfillset(&all);
    sigdelset(&all, SIGSEGV);
    sigdelset(&all, SIGBUS);
    sigdelset(&all, SIGFPE);
    sigdelset(&all, SIGILL);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    for (;;) {
        int fd = accept4(srv->fd, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return NULL;
        }
        size_t cap = 4096, len = 0;
        char *req = malloc(cap);
        while (req) {
            if (len + 1 >= cap) {
                if (cap >= (1u << 24))
                    break;
                char *bigger = realloc(req, cap * 2);
                if (!bigger)
                    break;
                req = bigger;
                cap *= 2;
            }
            ssize_t n = recv(fd, req + len, cap - len - 1, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            len += (size_t)n;
        }
        if (req) {
            req[len] = 0;
            struct control_conn conn = {fd};
            srv->fn(srv->ctx, req, len, &conn);
            free(req);
        }
        close(fd);
    }
}

static char control_path[sizeof(((struct sockaddr_un *)0)->sun_path)];

static void control_remove_socket(void)
{
    unlink(control_path);
}

int ntkhost_posix_control_listen(const char *path, void (*fn)(void *, const char *, size_t, void *), void *ctx)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof addr.sun_path)
        return ENAMETOOLONG;
    strcpy(addr.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return errno;
    unlink(path); /* a socket left by an earlier run */
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 8) != 0) {
        int e = errno;
        close(fd);
        return e;
    }
    struct control_server *srv = malloc(sizeof *srv);
    if (!srv) {
        close(fd);
        return ENOMEM;
    }
    srv->fd = fd;
    srv->fn = fn;
    srv->ctx = ctx;
    pthread_t t;
    int err = pthread_create(&t, NULL, control_thread, srv);
    if (err) {
        close(fd);
        free(srv);
        return err;
    }
    pthread_detach(t);
    /* The socket file goes with the process. */
    if (!control_path[0]) {
        strcpy(control_path, path);
        atexit(control_remove_socket);
    }
    return 0;
}
