/*
 * files.c - ordinary host files for the host file system behind C:, the
 * process's current directory, and the path of the running program.
 */
#define _GNU_SOURCE
#include "host.h"
#include "posix.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>
#include <strings.h>

int ntkhost_posix_file_open(const char *path, unsigned flags, intptr_t *handle)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!(flags & NTKHOST_OPEN_DIRECTORY))
            return EISDIR;
        if ((flags & NTKHOST_OPEN_CREATE) && (flags & NTKHOST_OPEN_EXCL))
            return EEXIST;
        int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return errno;
        *handle = fd;
        return 0;
    }
    int mode = (flags & NTKHOST_OPEN_WRITE) ? ((flags & NTKHOST_OPEN_READ) ? O_RDWR : O_WRONLY) : O_RDONLY;
    if (flags & NTKHOST_OPEN_CREATE)
        mode |= O_CREAT;
    if (flags & NTKHOST_OPEN_EXCL)
        mode |= O_EXCL;
    if (flags & NTKHOST_OPEN_TRUNC)
        mode |= O_TRUNC;
    int fd = open(path, mode | O_CLOEXEC, 0666);
    if (fd < 0)
        return errno;
    *handle = fd;
    return 0;
}

int ntkhost_posix_file_close(intptr_t handle)
{
    return close((int)handle) == 0 ? 0 : errno;
}

int ntkhost_posix_file_pread(intptr_t handle, void *buf, size_t len, uint64_t offset, size_t *done)
{
    size_t got = 0;
    while (got < len) {
        ssize_t n = pread((int)handle, (char *)buf + got, len - got, (off_t)(offset + got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *done = got;
            return errno;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    *done = got;
    return 0;
}

int ntkhost_posix_file_pwrite(intptr_t handle, const void *buf, size_t len, uint64_t offset, size_t *done)
{
    size_t put = 0;
    while (put < len) {
        ssize_t n = pwrite((int)handle, (const char *)buf + put, len - put, (off_t)(offset + put));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *done = put;
            return n < 0 ? errno : EIO;
        }
        put += (size_t)n;
    }
    *done = put;
    return 0;
}

int ntkhost_posix_file_truncate(intptr_t handle, uint64_t size)
{
    return ftruncate((int)handle, (off_t)size) == 0 ? 0 : errno;
}

int ntkhost_posix_file_info(intptr_t handle, const char *path, struct ntkhost_file_info *info)
{
    struct stat st;
    if ((handle >= 0 ? fstat((int)handle, &st) : stat(path, &st)) != 0)
        return errno;
    info->size = S_ISDIR(st.st_mode) ? 0 : (uint64_t)st.st_size;
    info->is_directory = S_ISDIR(st.st_mode) != 0;
    info->read_only = !(st.st_mode & S_IWUSR);
    info->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    info->atime_ns = (int64_t)st.st_atim.tv_sec * 1000000000 + st.st_atim.tv_nsec;
    info->ctime_ns = (int64_t)st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec;
    return 0;
}

int ntkhost_posix_file_remove(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno;
    return (S_ISDIR(st.st_mode) ? rmdir(path) : unlink(path)) == 0 ? 0 : errno;
}

int ntkhost_posix_cwd_get(char *buf, size_t len)
{
    return getcwd(buf, len) ? 0 : errno;
}

int ntkhost_posix_cwd_set(const char *path)
{
    return chdir(path) == 0 ? 0 : errno;
}

int ntkhost_posix_program_path(char *buf, size_t len)
{
    ssize_t n = readlink("/proc/self/exe", buf, len);
    if (n < 0)
        return errno;
    if ((size_t)n >= len)
        return ENAMETOOLONG;
    buf[n] = 0;
    return 0;
}

int ntkhost_posix_dir_find_nocase(const char *dir, const char *name, char *out, size_t len)
{
    DIR *d = opendir(dir[0] ? dir : "/");
    if (!d)
        return errno;
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcasecmp(e->d_name, name) != 0)
            continue;
        if (found++) {
            closedir(d);
            return ENOTUNIQ;
        }
        if (strlen(e->d_name) >= len) {
            closedir(d);
            return ENAMETOOLONG;
        }
        strcpy(out, e->d_name);
    }
    closedir(d);
    return found ? 0 : ENOENT;
}
