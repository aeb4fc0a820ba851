/*
 * faults_app.c - asks the faulty driver (faults.c) to commit one fatal
 * mistake. The run is expected to end in a bug check, which the test checks
 * through ntk's exit status and report; if the request returns instead, the
 * application says so and exits 1.
 *
 * Usage: faults_app complete-twice|bugcheck|no-stack-location
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include <string.h>

#include "e2e.h"
#include "faults.h"

typedef struct _FAULT {
    const char *Name;
    DWORD Code;
    const char *Expected;
} FAULT;

static const FAULT Faults[] = {
    {"complete-twice", IOCTL_FAULTS_COMPLETE_TWICE, "MULTIPLE_IRP_COMPLETE_REQUESTS"},
    {"bugcheck", IOCTL_FAULTS_BUGCHECK, "bug check 0xDEAD (1, 2, 3, 4)"},
    {"no-stack-location", IOCTL_FAULTS_NO_STACK_LOCATION, "NO_MORE_IRP_STACK_LOCATIONS"},
};

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "";
    const FAULT *fault = NULL;
    DWORD bytes = 0;
    HANDLE device;
    size_t i;
    BOOL ok;

    for (i = 0; i < sizeof(Faults) / sizeof(Faults[0]); i++) {
        if (strcmp(name, Faults[i].Name) == 0) {
            fault = &Faults[i];
        }
    }
    if (fault == NULL) {
        CHECK(FALSE, "usage: faults_app complete-twice|bugcheck|no-stack-location");
        return e2e_finish();
    }

    device = CreateFileA(FAULTS_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, NULL);
    if (!CHECK(device != INVALID_HANDLE_VALUE, "open %s (error %lu)", FAULTS_WIN32_PATH,
               (unsigned long)GetLastError())) {
        return e2e_finish();
    }

    printf("Asking the driver to fail with %s.\n", fault->Expected);
    fflush(stdout);
    ok = DeviceIoControl(device, fault->Code, NULL, 0, NULL, 0, &bytes, NULL);

    /* Only reached if the mistake went unnoticed. */
    CHECK(FALSE, "the driver's mistake should have ended in %s (the request returned %s, error "
                 "%lu)", fault->Expected, ok ? "TRUE" : "FALSE",
          ok ? 0ul : (unsigned long)GetLastError());
    CloseHandle(device);
    e2e_finish();
    return 1;
}
