/*
 * neither_probe_app.c - bad user pointers in a METHOD_NEITHER request
 * (drivers: neither_probe.c, built guarded and unguarded).
 *
 *   neither_probe_app guarded
 *       Against e2e_neither_guarded.sys: a tiny address, a decommitted
 *       page, a buffer running into one, a read-only page (as output) and
 *       a kernel-space address, as input or output, each fail with
 *       ERROR_NOACCESS (STATUS_ACCESS_VIOLATION from the driver's
 *       __except), and the process and the driver carry on (io-semantics
 *       1.D.31, 2.2 #14). Exits 0 when all checks pass.
 *
 *   neither_probe_app unguarded
 *       Against e2e_neither_unguarded.sys: one good request, then the same
 *       request with input pointer 0x10. The driver faults in kernel mode
 *       and the system bug-checks, so this never returns; the test expects
 *       ntk's bug-check exit status and report. Exits 1 if it does return.
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include <string.h>

#include "e2e.h"
#include "neither_probe.h"

#define BYTES_SENTINEL 0xdeadbeef

/* An address in the tiny, never-mapped first page. */
#define TINY_POINTER ((PVOID)(ULONG_PTR)0x10)
/* An address in the kernel half of the x64 address space. */
#define KERNEL_POINTER ((PVOID)(ULONG_PTR)0xFFFF800000001000ull)

static HANDLE Device;

/* Sends the copy request; returns the BOOL and fills error/bytes. */
static BOOL SendCopy(PVOID input, DWORD inputLength, PVOID output, DWORD outputLength,
                     DWORD *bytes, DWORD *error)
{
    BOOL ok;

    *bytes = BYTES_SENTINEL;
    SetLastError(ERROR_SUCCESS);
    ok = DeviceIoControl(Device, IOCTL_NEITHER_PROBE_COPY, input, inputLength, output, outputLength,
                         bytes, NULL);
    *error = ok ? ERROR_SUCCESS : GetLastError();
    return ok;
}

static void CheckGoodCopy(const char *when)
{
    char input[] = "neither method, good buffers";
    char output[64];
    DWORD bytes, error;
    BOOL ok;

    memset(output, 0, sizeof(output));
    ok = SendCopy(input, sizeof(input), output, sizeof(output), &bytes, &error);
    CHECK(ok, "[%s] a request with good buffers succeeds (error %lu)", when, (unsigned long)error);
    CHECK_EQ(bytes, sizeof(input), "[%s] bytes returned is the input's size", when);
    CHECK(strcmp(output, input) == 0, "[%s] the driver copied the input to the output", when);
}

static void CheckBadPointer(const char *what, PVOID input, DWORD inputLength, PVOID output,
                            DWORD outputLength)
{
    DWORD bytes, error;
    BOOL ok;

    ok = SendCopy(input, inputLength, output, outputLength, &bytes, &error);
    CHECK(!ok, "io-semantics 1.D.31 [%s]: the request fails", what);
    CHECK_EQ(error, ERROR_NOACCESS,
             "io-semantics 1.D.31, 2.2 #14 [%s]: the driver's STATUS_ACCESS_VIOLATION is "
             "ERROR_NOACCESS", what);
    CHECK_EQ_HEX(bytes, BYTES_SENTINEL, "io-semantics 1.E.35 [%s]: *lpBytesReturned untouched",
                 what);
}

static int RunGuarded(void)
{
    char input[32] = "bad output pointers";
    char output[32];
    SYSTEM_INFO system;
    char *region;
    char *decommitted = NULL;
    PVOID readOnly;
    DWORD oldProtection;

    GetSystemInfo(&system);

    /* Two pages, the second decommitted: its addresses stay reserved, so
     * nothing else can be mapped there, but touching them faults. */
    region = VirtualAlloc(NULL, 2 * system.dwPageSize, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    CHECK(region != NULL, "allocate two pages");
    if (region != NULL) {
        if (CHECK(VirtualFree(region + system.dwPageSize, system.dwPageSize, MEM_DECOMMIT),
                  "decommit the second page (error %lu)", (unsigned long)GetLastError())) {
            decommitted = region + system.dwPageSize;
            memcpy(decommitted - 8, "crossing", 8);
        }
    }

    /* A page the application may read but not write. */
    readOnly = VirtualAlloc(NULL, system.dwPageSize, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    CHECK(readOnly != NULL, "allocate a page to make read-only");
    if (readOnly != NULL) {
        strcpy((char *)readOnly, "read-only input");
        CHECK(VirtualProtect(readOnly, system.dwPageSize, PAGE_READONLY, &oldProtection),
              "make the page read-only");
    }

    e2e_section("good buffers");
    CheckGoodCopy("first");

    e2e_section("bad input pointers");
    CheckBadPointer("input 0x10", TINY_POINTER, 16, output, sizeof(output));
    if (decommitted != NULL) {
        CheckBadPointer("input in a decommitted page", decommitted, 16, output, sizeof(output));
        CheckBadPointer("input running into a decommitted page", decommitted - 8, 16, output,
                        sizeof(output));
    }
    CheckBadPointer("input at a kernel address", KERNEL_POINTER, 16, output, sizeof(output));

    e2e_section("bad output pointers");
    CheckBadPointer("output 0x10", input, sizeof(input), TINY_POINTER, sizeof(input));
    if (decommitted != NULL) {
        CheckBadPointer("output in a decommitted page", input, sizeof(input), decommitted,
                        sizeof(input));
        CheckBadPointer("output running into a decommitted page", input, sizeof(input),
                        decommitted - 8, sizeof(input));
    }
    if (readOnly != NULL) {
        CheckBadPointer("output in a read-only page", input, sizeof(input), readOnly,
                        sizeof(input));
        CHECK(strcmp((const char *)readOnly, "read-only input") == 0,
              "the read-only page is unchanged");
    }
    CheckBadPointer("output at a kernel address", input, sizeof(input), KERNEL_POINTER,
                    sizeof(input));

    e2e_section("after the faults");
    if (readOnly != NULL) {
        DWORD bytes, error;
        BOOL ok;

        /* Reading from a read-only page is fine. */
        memset(output, 0, sizeof(output));
        ok = SendCopy(readOnly, 16, output, sizeof(output), &bytes, &error);
        CHECK(ok && memcmp(output, "read-only input", 16) == 0,
              "io-semantics 1.D.31: input from a read-only page is copied (error %lu)",
              (unsigned long)error);
    }
    CheckGoodCopy("last");

    if (readOnly != NULL) {
        VirtualFree(readOnly, 0, MEM_RELEASE);
    }
    if (region != NULL) {
        VirtualFree(region, 0, MEM_RELEASE);
    }
    return e2e_finish();
}

static int RunUnguarded(void)
{
    char output[32];
    DWORD bytes, error;
    BOOL ok;

    CheckGoodCopy("before the fault");

    printf("Sending input pointer 0x10 to a driver that does not guard it:"
           " expecting a bug check.\n");
    fflush(stdout);
    ok = SendCopy(TINY_POINTER, 16, output, sizeof(output), &bytes, &error);

    /* Only reached if the fault did not stop the system. */
    CHECK(FALSE, "the unguarded driver's fault should have bug-checked (the request returned %s, "
                 "error %lu)", ok ? "TRUE" : "FALSE", (unsigned long)error);
    e2e_finish();
    return 1;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    int result;

    if (strcmp(mode, "guarded") != 0 && strcmp(mode, "unguarded") != 0) {
        CHECK(FALSE, "usage: neither_probe_app guarded|unguarded");
        return e2e_finish();
    }

    Device = CreateFileA(NEITHER_PROBE_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL,
                         OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (!CHECK(Device != INVALID_HANDLE_VALUE, "open %s (error %lu)", NEITHER_PROBE_WIN32_PATH,
               (unsigned long)GetLastError())) {
        return e2e_finish();
    }

    result = strcmp(mode, "guarded") == 0 ? RunGuarded() : RunUnguarded();
    CloseHandle(Device);
    return result;
}
