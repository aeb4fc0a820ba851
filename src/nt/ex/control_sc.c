/*
 * control_sc.c - `ntk sc` in the running kernel: the service control
 * manager's verbs over the control socket, printed as sc.exe prints them.
 * The tool (tools/ntk/sc.c) has already turned sc.exe's "type= kernel"
 * options into numbers: the request is
 *   sc create NAME TYPE START ERROR BINPATH DISPLAYNAME
 *   sc start|stop|delete|qc NAME
 *   sc query [NAME]
 */
#include <internal/io_host.h>
#include <internal/rtl.h>
#include <internal/ntk_alloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static void __attribute__((format(__printf__, 2, 3))) ExpScOut(void *Conn, const char *format, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(line, sizeof line, format, ap);
    va_end(ap);
    if (n > 0)
        ntkhost->control_reply(Conn, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

static const char *ExpScMessage(ULONG Error)
{
    switch (Error) {
    case 2: return "The system cannot find the file specified.";
    case 3: return "The system cannot find the path specified.";
    case 5: return "Access is denied.";
    case 8: return "Not enough memory resources are available to process this command.";
    case 31: return "A device attached to the system is not functioning.";
    case 50: return "The request is not supported.";
    case 87: return "The parameter is incorrect.";
    case 123: return "The filename, directory name, or volume label syntax is incorrect.";
    case 127: return "The specified procedure could not be found.";
    case 183: return "Cannot create a file when that file already exists.";
    case 193: return "%1 is not a valid Win32 application.";
    case 1052: return "The requested control is not valid for this service.";
    case 1056: return "An instance of the service is already running.";
    case 1058: return "The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.";
    case 1060: return "The specified service does not exist as an installed service.";
    case 1062: return "The service has not been started.";
    case 1072: return "The specified service has been marked for deletion.";
    case 1073: return "The specified service already exists.";
    case 1275: return "This driver has been blocked from loading.";
    default: return NULL;
    }
}

static int ExpScFailed(void *Conn, const char *Call, ULONG Error)
{
    const char *text = ExpScMessage(Error);
    ExpScOut(Conn, "[SC] %s FAILED %lu:\n\n%s\n\n", Call, (unsigned long)Error, text ? text : "");
    return 1;
}

static void ExpScName(const WCHAR *w, char *out, size_t size)
{
    UNICODE_STRING u;
    RtlInitUnicodeString(&u, w);
    ANSI_STRING a = {0, (USHORT)size, out};
    if (!NT_SUCCESS(RtlpUtf16ToUtf8String(&a, &u)) || a.Length >= size)
        a.Length = 0;
    out[a.Length] = 0;
}

/* The status block of sc query / sc start / sc stop. */
static void ExpScStatus(void *Conn, const char *Name, const ULONG *s, BOOLEAN Start)
{
    static const char *states[] = {"", "STOPPED", "START_PENDING", "STOP_PENDING", "RUNNING",
                                   "CONTINUE_PENDING", "PAUSE_PENDING", "PAUSED"};
    ExpScOut(Conn, "\nSERVICE_NAME: %s \n", Name);
    ExpScOut(Conn, "        TYPE               : %lx  %s  \n", (unsigned long)s[0],
             s[0] == 1 ? "KERNEL_DRIVER" : s[0] == 2 ? "FILE_SYSTEM_DRIVER" : "");
    ExpScOut(Conn, "        STATE              : %lu  %s \n", (unsigned long)s[1], s[1] < 8 ? states[s[1]] : "");
    ExpScOut(Conn, "                                (%s, NOT_PAUSABLE, IGNORES_SHUTDOWN)\n",
             (s[2] & 1) ? "STOPPABLE" : "NOT_STOPPABLE");
    ExpScOut(Conn, "        WIN32_EXIT_CODE    : %lu  (0x%lx)\n", (unsigned long)s[3], (unsigned long)s[3]);
    ExpScOut(Conn, "        SERVICE_EXIT_CODE  : %lu  (0x%lx)\n", (unsigned long)s[4], (unsigned long)s[4]);
    ExpScOut(Conn, "        CHECKPOINT         : 0x%lx\n", (unsigned long)s[5]);
    ExpScOut(Conn, "        WAIT_HINT          : 0x%lx\n", (unsigned long)s[6]);
    if (Start) {
        ExpScOut(Conn, "        PID                : 0\n");
        ExpScOut(Conn, "        FLAGS              : \n");
    }
}

static WCHAR *ExpScWide(const char *s)
{
    size_t n = strlen(s);
    WCHAR *w = KipAlloc((n + 1) * sizeof(WCHAR));
    if (!w)
        return NULL;
    UNICODE_STRING u = {0, (USHORT)((n + 1) * sizeof(WCHAR)), w};
    ANSI_STRING a = {(USHORT)n, (USHORT)(n + 1), (PCHAR)s};
    if (n > 30000 || !NT_SUCCESS(RtlpUtf8ToUtf16String(&u, &a))) {
        KipFree(w);
        return NULL;
    }
    w[u.Length / sizeof(WCHAR)] = 0;
    return w;
}

int ExpScCommand(void *Conn, int argc, char **argv)
{
    if (argc < 2) {
        ExpScOut(Conn, "ntk sc: missing verb\n");
        return 2;
    }
    const char *verb = argv[1];
    if (!strcmp(verb, "query") && argc == 2) {
        WCHAR name[260], display[260];
        ULONG s[7];
        for (ULONG i = 0; ntk_scm_enum(i, name, 260, display, 260, s) == 0; i++) {
            char n8[600];
            ExpScName(name, n8, sizeof n8);
            ExpScStatus(Conn, n8, s, FALSE);
        }
        return 0;
    }
    if (argc < 3) {
        ExpScOut(Conn, "ntk sc %s: missing service name\n", verb);
        return 2;
    }
    WCHAR *name = ExpScWide(argv[2]);
    if (!name)
        return ExpScFailed(Conn, "OpenService", 123);
    void *svc = NULL;
    ULONG err;
    int result = 0;
    if (!strcmp(verb, "create")) {
        if (argc < 8) {
            KipFree(name);
            ExpScOut(Conn, "ntk sc create: malformed request\n");
            return 2;
        }
        WCHAR *bin = ExpScWide(argv[6]), *display = ExpScWide(argv[7]);
        err = bin && display ? ntk_scm_create(name, display[0] ? display : NULL, (ULONG)strtoul(argv[3], NULL, 0),
                                              (ULONG)strtoul(argv[4], NULL, 0), (ULONG)strtoul(argv[5], NULL, 0), bin,
                                              &svc)
                             : 8;
        KipFree(bin);
        KipFree(display);
        if (err)
            result = ExpScFailed(Conn, "CreateService", err);
        else
            ExpScOut(Conn, "[SC] CreateService SUCCESS\n");
    } else {
        err = ntk_scm_open(name, &svc);
        if (err) {
            KipFree(name);
            return ExpScFailed(Conn, "OpenService", err);
        }
        ULONG s[7];
        if (!strcmp(verb, "start")) {
            err = ntk_scm_start(svc);
            if (err) {
                result = ExpScFailed(Conn, "StartService", err);
            } else {
                ntk_scm_query(svc, s);
                ExpScStatus(Conn, argv[2], s, TRUE);
            }
        } else if (!strcmp(verb, "stop")) {
            err = ntk_scm_stop(svc, s);
            if (err)
                result = ExpScFailed(Conn, "ControlService", err);
            else
                ExpScStatus(Conn, argv[2], s, FALSE);
        } else if (!strcmp(verb, "delete")) {
            err = ntk_scm_delete(svc);
            if (err)
                result = ExpScFailed(Conn, "DeleteService", err);
            else
                ExpScOut(Conn, "[SC] DeleteService SUCCESS\n");
        } else if (!strcmp(verb, "query")) {
            ntk_scm_query(svc, s);
            ExpScStatus(Conn, argv[2], s, FALSE);
        } else if (!strcmp(verb, "qc")) {
            ULONG c[3];
            WCHAR image[1024], display[260];
            char i8[3100], d8[800];
            static const char *starts[] = {"BOOT_START", "SYSTEM_START", "AUTO_START", "DEMAND_START", "DISABLED"};
            static const char *errors[] = {"IGNORE", "NORMAL", "SEVERE", "CRITICAL"};
            ntk_scm_config(svc, c, image, 1024, display, 260);
            ExpScName(image, i8, sizeof i8);
            ExpScName(display, d8, sizeof d8);
            ExpScOut(Conn, "[SC] QueryServiceConfig SUCCESS\n\nSERVICE_NAME: %s\n", argv[2]);
            ExpScOut(Conn, "        TYPE               : %lx  %s\n", (unsigned long)c[0],
                     c[0] == 1 ? "KERNEL_DRIVER" : "FILE_SYSTEM_DRIVER");
            ExpScOut(Conn, "        START_TYPE         : %lu   %s\n", (unsigned long)c[1], c[1] < 5 ? starts[c[1]] : "");
            ExpScOut(Conn, "        ERROR_CONTROL      : %lu   %s\n", (unsigned long)c[2], c[2] < 4 ? errors[c[2]] : "");
            ExpScOut(Conn, "        BINARY_PATH_NAME   : %s\n", i8);
            ExpScOut(Conn, "        LOAD_ORDER_GROUP   : \n        TAG                : 0\n");
            ExpScOut(Conn, "        DISPLAY_NAME       : %s\n        DEPENDENCIES       : \n", d8);
            ExpScOut(Conn, "        SERVICE_START_NAME : \n");
        } else {
            ExpScOut(Conn, "ntk sc: unknown verb %s\n", verb);
            result = 2;
        }
    }
    if (svc)
        ntk_scm_close(svc);
    KipFree(name);
    return result;
}
