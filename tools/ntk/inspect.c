/*
 * inspect.c - ntk objdir, ntk devstack, ntk drvobj and ntk ioctl send: the
 * client side of a running application's control socket. `ntk run
 * --control PATH` makes the application's kernel serve PATH (and puts it in
 * NTK_CONTROL_SOCKET for the application and what it starts); these
 * commands connect, send their words (each ended by a NUL byte), copy the
 * kernel's output to standard output, and exit with the status that
 * follows the output's NUL byte (docs/TOOLS.md).
 */
#include "commands.h"
#include "util.h"
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int ntk_control_request(const char *socket_path, int count, char **words)
{
    if (!socket_path || !*socket_path) {
        ntk_error("no running kernel: give --control SOCKET or set NTK_CONTROL_SOCKET "
                  "(ntk run --control SOCKET -- APP starts one)");
        return NTK_TOOL_EXIT_FAILURE;
    }
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(socket_path) >= sizeof addr.sun_path) {
        ntk_error("control socket path '%s' is too long", socket_path);
        return NTK_TOOL_EXIT_USAGE;
    }
    strcpy(addr.sun_path, socket_path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        ntk_error("cannot reach the kernel at %s: %s", socket_path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return NTK_TOOL_EXIT_FAILURE;
    }
    for (int i = 0; i < count; i++) {
        size_t len = strlen(words[i]) + 1;
        const char *p = words[i];
        while (len) {
            ssize_t n = write(fd, p, len);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                ntk_error("cannot send to the kernel at %s: %s", socket_path, strerror(errno));
                close(fd);
                return NTK_TOOL_EXIT_FAILURE;
            }
            p += n;
            len -= (size_t)n;
        }
    }
    shutdown(fd, SHUT_WR);
    size_t cap = 8192, len = 0;
    char *reply = ntk_xmalloc(cap);
    for (;;) {
        if (len + 1 >= cap)
            reply = ntk_xrealloc(reply, cap *= 2);
        ssize_t n = read(fd, reply + len, cap - len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    reply[len] = 0;
    /* output, NUL, status */
    char *nul = memchr(reply, 0, len);
    if (!nul) {
        fwrite(reply, 1, len, stdout);
        free(reply);
        ntk_error("the kernel at %s closed the connection before answering (the application ended?)", socket_path);
        return NTK_TOOL_EXIT_FAILURE;
    }
    fwrite(reply, 1, (size_t)(nul - reply), stdout);
    fflush(stdout);
    int status = atoi(nul + 1);
    free(reply);
    return status;
}

/* Takes --control PATH (or --control=PATH) out of argv; the default is
 * NTK_CONTROL_SOCKET. Returns the remaining count. */
static int take_control_option(int argc, char **argv, const char **path)
{
    *path = getenv("NTK_CONTROL_SOCKET");
    int out = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--control") == 0 && i + 1 < argc)
            *path = argv[++i];
        else if (ntk_has_prefix(argv[i], "--control="))
            *path = argv[i] + strlen("--control=");
        else
            argv[out++] = argv[i];
    }
    return out;
}

static int simple_command(int argc, char **argv, int min_args, int max_args, const char *usage)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("Usage: %s\n\nAsks the kernel of a running application (ntk run --control SOCKET, or\n"
                   "NTK_CONTROL_SOCKET) and prints its answer. See docs/TOOLS.md.\n", usage);
            return NTK_TOOL_EXIT_OK;
        }
    const char *path;
    argc = take_control_option(argc, argv, &path);
    if (argc - 1 < min_args || argc - 1 > max_args)
        return ntk_usage_error("usage: %s", usage);
    return ntk_control_request(path, argc, argv);
}

int ntk_objdir_main(int argc, char **argv)
{
    return simple_command(argc, argv, 0, 1, "ntk objdir [PATH] [--control SOCKET]");
}

int ntk_devstack_main(int argc, char **argv)
{
    return simple_command(argc, argv, 1, 1, "ntk devstack DEVICE [--control SOCKET]");
}

int ntk_drvobj_main(int argc, char **argv)
{
    return simple_command(argc, argv, 1, 2, "ntk drvobj DRIVER [FLAGS] [--control SOCKET]");
}

static int hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int ntk_ioctl_send(const char *device, unsigned code, int argc, char **argv)
{
    const char *path;
    argc = take_control_option(argc, argv, &path);
    char *hex = ntk_xstrdup("");
    unsigned long out_size = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--in") && i + 1 < argc) {
            const char *in = argv[++i];
            free(hex);
            if (in[0] == '@') {
                FILE *f = fopen(in + 1, "rb");
                if (!f) {
                    ntk_error("--in %s: %s", in, strerror(errno));
                    return NTK_TOOL_EXIT_USAGE;
                }
                size_t cap = 4096, n = 0;
                hex = ntk_xmalloc(cap);
                int c;
                while ((c = fgetc(f)) != EOF) {
                    if (n + 3 >= cap)
                        hex = ntk_xrealloc(hex, cap *= 2);
                    n += (size_t)snprintf(hex + n, cap - n, "%02x", (unsigned)c);
                }
                hex[n] = 0;
                fclose(f);
            } else {
                /* Hex digits; blanks, ':' and a leading 0x are allowed for reading ease. */
                size_t n = 0;
                hex = ntk_xmalloc(strlen(in) + 1);
                if (in[0] == '0' && (in[1] == 'x' || in[1] == 'X'))
                    in += 2;
                for (const char *p = in; *p; p++) {
                    if (*p == ' ' || *p == ':')
                        continue;
                    if (hex_digit((unsigned char)*p) < 0) {
                        free(hex);
                        return ntk_usage_error("--in '%s': not hex digits (or @FILE)", argv[i]);
                    }
                    hex[n++] = *p;
                }
                hex[n] = 0;
                if (n % 2) {
                    free(hex);
                    return ntk_usage_error("--in '%s': an odd number of hex digits", argv[i]);
                }
            }
        } else if (!strcmp(argv[i], "--out-size") && i + 1 < argc) {
            char *end;
            errno = 0;
            out_size = strtoul(argv[++i], &end, 0);
            if (*end || errno || out_size > (1ul << 24)) {
                free(hex);
                return ntk_usage_error("--out-size '%s': a byte count up to 16 MiB", argv[i]);
            }
        } else {
            free(hex);
            return ntk_usage_error("send: unknown argument '%s'", argv[i]);
        }
    }
    char code_text[16], size_text[24];
    snprintf(code_text, sizeof code_text, "0x%08x", code);
    snprintf(size_text, sizeof size_text, "%lu", out_size);
    char *words[] = {"ioctl", (char *)device, code_text, hex, size_text};
    int status = ntk_control_request(path, 5, words);
    free(hex);
    return status;
}
