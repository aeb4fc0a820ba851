/*
 * ntk.h - ntk's own interface for embedding the kernel in a program
 * (not a Windows API). Uses only C types so that any program can include it.
 */
#ifndef NTK_NTK_H
#define NTK_NTK_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NTK_API __attribute__((visibility("default")))

/* How the application's entry point looks (filled by the crt's main). */
struct ntk_app_entry {
    int (*main)(int argc, char **argv, char **envp);
    int (*wmain)(int argc, uint16_t **argv, uint16_t **envp);
    int returns_void; /* `void main`: exit status 0, as with MSVC */
};

/* Boots the kernel, loads the drivers named by the environment (NTK_DRIVER_*,
 * set by `ntk run`), runs the application, unloads the drivers in reverse
 * order and returns the application's exit status. */
NTK_API int ntk_app_run(int argc, char **argv, char **envp, const struct ntk_app_entry *entry);

/* Boots the kernel (idempotent). */
NTK_API void ntk_boot(void);

/* Loads a driver image as service `service`; returns the NTSTATUS. */
NTK_API int32_t ntk_load_driver(const char *path, const char *service);

/* Unloads every loaded driver, newest first. */
NTK_API void ntk_unload_all_drivers(void);

#ifdef __cplusplus
}
#endif

#endif
