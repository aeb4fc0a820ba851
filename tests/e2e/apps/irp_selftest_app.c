/*
 * irp_selftest_app.c - runs one group of the kernel-side IRP checks inside
 * the self-test driver (irp_selftest.c) and reports them: how many ran, how
 * many failed, and the driver's description of each failure (rule and
 * values). The driver's checks count in the summary line.
 *
 * Usage: irp_selftest_app allocation|completion|build-request|device-stack|
 *                         driver-object|dispatch-context
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include <string.h>

#include "e2e.h"
#include "irp_selftest.h"

typedef struct _GROUP {
    const char *Name;
    ULONG Number;
    const char *Rules;
} GROUP;

static const GROUP Groups[] = {
    {"allocation", SELFTEST_GROUP_ALLOCATION, "1.A.1-3, 1.B.11, 1.B.15"},
    {"completion", SELFTEST_GROUP_COMPLETION, "1.A.4, 1.B.11-17"},
    {"build-request", SELFTEST_GROUP_BUILD_REQUEST, "1.A.5, 1.A.6, 1.B.15, 1.B.20"},
    {"device-stack", SELFTEST_GROUP_DEVICE_STACK, "1.A.7"},
    {"driver-object", SELFTEST_GROUP_DRIVER_OBJECT, "1.A.10"},
    {"dispatch-context", SELFTEST_GROUP_DISPATCH_CONTEXT, "1.A.8, 1.A.9"},
};

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "";
    const GROUP *group = NULL;
    SELFTEST_REPORT report;
    DWORD bytes = 0;
    HANDLE device;
    ULONG i;
    BOOL ok;

    for (i = 0; i < sizeof(Groups) / sizeof(Groups[0]); i++) {
        if (strcmp(name, Groups[i].Name) == 0) {
            group = &Groups[i];
        }
    }
    if (group == NULL) {
        CHECK(FALSE, "usage: irp_selftest_app allocation|completion|build-request|device-stack|"
                     "driver-object|dispatch-context");
        return e2e_finish();
    }

    device = CreateFileA(IRP_SELFTEST_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL,
                         OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (!CHECK(device != INVALID_HANDLE_VALUE, "open %s (error %lu)", IRP_SELFTEST_WIN32_PATH,
               (unsigned long)GetLastError())) {
        return e2e_finish();
    }

    e2e_section(group->Name);
    memset(&report, 0, sizeof(report));
    ok = DeviceIoControl(device, IOCTL_IRP_SELFTEST_RUN, (LPVOID)&group->Number, sizeof(group->Number),
                         &report, sizeof(report), &bytes, NULL);
    CloseHandle(device);
    if (!CHECK(ok && bytes == sizeof(report), "the driver ran the %s checks (error %lu, %lu bytes)",
               group->Name, ok ? 0ul : (unsigned long)GetLastError(), (unsigned long)bytes)) {
        return e2e_finish();
    }

    printf("  the driver ran %lu checks of io-semantics %s: %lu failed\n",
           (unsigned long)report.ChecksRun, group->Rules, (unsigned long)report.ChecksFailed);
    for (i = 0; i < report.FailuresKept && i < SELFTEST_MAX_FAILURES; i++) {
        report.Failures[i][SELFTEST_MESSAGE_CHARS - 1] = '\0';
        printf("  FAIL  io-semantics %s  (in the driver)\n", report.Failures[i]);
    }
    if (report.ChecksFailed > report.FailuresKept) {
        printf("  ... and %lu more failures (see the driver's debug output)\n",
               (unsigned long)(report.ChecksFailed - report.FailuresKept));
    }

    CHECK(report.Group == group->Number, "the report is for group %lu",
          (unsigned long)group->Number);
    CHECK(report.ChecksRun > 0, "the driver ran at least one check");
    if (CHECK(report.ChecksFailed <= report.ChecksRun, "the report is consistent")) {
        e2e_add_results(report.ChecksRun - report.ChecksFailed, report.ChecksFailed);
    }
    return e2e_finish();
}
