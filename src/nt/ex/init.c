/*
 * init.c - kernel start-up (once per process) and the application's life:
 * drivers loaded before its main, unloaded after, and its exit status.
 */
#include <internal/io.h>
#include <internal/io_host.h>
#include <internal/ps.h>
#include <internal/rtl.h>
#include <internal/cm.h>
#include <ntk/ntk.h>
#include <ntk/exitcodes.h>
#include <stdio.h>
#include <stdlib.h>

static volatile int ExpBooted;

DECLSPEC_EXPORT void ntk_boot(void)
{
    if (__atomic_exchange_n(&ExpBooted, 1, __ATOMIC_ACQ_REL))
        return;
    KiInitializeExceptions();
    ObpInitializeNamespace();
    CmpInitialize();
    PspInitializeProcesses();
    /* The booting thread is the application's main thread. */
    KiThread()->Process = PspApplicationProcess;
    IopInitializeHostFileSystem();
    ExpStartControlServer();
}

DECLSPEC_EXPORT int32_t ntk_load_driver(const char *path, const char *service)
{
    ntk_boot();
    PDRIVER_OBJECT driver;
    return IopLoadDriver(path, service, &driver);
}

DECLSPEC_EXPORT void ntk_unload_all_drivers(void)
{
    IopUnloadAllDrivers();
}

/* Loads the drivers `ntk run` named in NTK_DRIVER_COUNT / NTK_DRIVER_<i> /
 * NTK_DRIVER_<i>_SERVICE, then removes those variables so that programs the
 * application starts do not load them again. */
static int ExpLoadRunDrivers(void)
{
    const char *count_text = getenv("NTK_DRIVER_COUNT");
    if (!count_text)
        return 0;
    int count = atoi(count_text);
    for (int i = 0; i < count; i++) {
        char name[48], service_name[48];
        snprintf(name, sizeof name, "NTK_DRIVER_%d", i);
        snprintf(service_name, sizeof service_name, "NTK_DRIVER_%d_SERVICE", i);
        const char *path = getenv(name), *service = getenv(service_name);
        if (!path || !service) {
            fprintf(stderr, "ntk: %s or %s is missing from the environment\n", name, service_name);
            return -1;
        }
        if (!NT_SUCCESS(ntk_load_driver(path, service)))
            return -1;
    }
    for (int i = 0; i < count; i++) {
        char name[48];
        snprintf(name, sizeof name, "NTK_DRIVER_%d", i);
        unsetenv(name);
        snprintf(name, sizeof name, "NTK_DRIVER_%d_SERVICE", i);
        unsetenv(name);
    }
    unsetenv("NTK_DRIVER_COUNT");
    return 0;
}

/* UTF-8 argv to UTF-16 (what wmain receives). */
static uint16_t **ExpWideArgv(int argc, char **argv)
{
    uint16_t **wargv = calloc((size_t)argc + 1, sizeof *wargv);
    for (int i = 0; wargv && i < argc; i++) {
        size_t n = strlen(argv[i]);
        wargv[i] = calloc(n + 1, sizeof(uint16_t));
        if (!wargv[i])
            break;
        UNICODE_STRING u = {0, (USHORT)((n + 1) * 2), (PWCH)wargv[i]};
        ANSI_STRING a = {(USHORT)n, (USHORT)(n + 1), argv[i]};
        RtlpUtf8ToUtf16String(&u, &a);
    }
    return wargv;
}

DECLSPEC_EXPORT int ntk_app_run(int argc, char **argv, char **envp, const struct ntk_app_entry *entry)
{
    ntk_boot();
    if (ExpLoadRunDrivers() != 0) {
        IopUnloadAllDrivers();
        return NTK_EXIT_DRIVER_LOAD_FAILED;
    }
    int status;
    fflush(stdout);
    if (entry->wmain) {
        uint16_t **wargv = ExpWideArgv(argc, argv);
        status = entry->wmain(argc, wargv, NULL);
        for (int i = 0; wargv && i < argc; i++)
            free(wargv[i]);
        free(wargv);
    } else {
        status = entry->main(argc, argv, envp);
    }
    if (entry->returns_void)
        status = 0;
    fflush(stdout);
    /* I/O still in flight is cancelled (and waited for, bounded) before the
     * handles go, so that exiting neither hangs nor leaks (io/threadio.c). */
    IopCancelProcessIo();
    ObpSweepHandleTable(PspApplicationProcess->ObjectTable);
    IopUnloadAllDrivers();
    return status;
}

DECLSPEC_EXPORT void ntk_app_exit(int status)
{
    fflush(stdout);
    IopCancelProcessIo();
    ObpSweepHandleTable(PspApplicationProcess->ObjectTable);
    IopUnloadAllDrivers();
    exit(status);
}
