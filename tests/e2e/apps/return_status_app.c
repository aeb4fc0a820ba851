/*
 * return_status_app.c - what DeviceIoControl reports, status class by status
 * class and transfer method by transfer method (driver: return_status.c).
 *
 * For each request the driver writes "ghijkl" into a 7-byte output buffer
 * holding "abcdef", sets IoStatus.Information to 3 and completes with the
 * status the request names. The application presets the last error to
 * 0xdeadf00d and *lpBytesReturned to 0xdeadbeef, and checks:
 *   - the BOOL result: NT_SUCCESS of the status the call returns
 *     (io-semantics 1.E.35, 2.1.2);
 *   - the last error: untouched on success, the mapped Win32 error on
 *     failure (2.1.2, 2.2);
 *   - *lpBytesReturned: untouched for an error, Information for success,
 *     informational and warning statuses (1.E.35);
 *   - the buffer: METHOD_BUFFERED copies Information bytes back only when
 *     IoStatus.Status is not an error ("ghidef" vs "abcdef", 1.D.29);
 *     METHOD_OUT_DIRECT and METHOD_NEITHER show the driver's writes whatever
 *     the status ("ghijkl", 1.D.30, 1.D.31).
 *
 * Usage: return_status_app [consistent|mixed|later|mapping]   (default: all)
 *   consistent  IoStatus.Status == returned status, completed inline and
 *               pended (mark pending, complete, return STATUS_PENDING)
 *   mixed       the dispatch routine returns a status other than the one
 *               it completed with
 *   later       pended and completed afterwards from a work item (1.H.51)
 *   mapping     the common NTSTATUS -> Win32 error pairs (2.2), through
 *               METHOD_BUFFERED
 */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winioctl.h>
#include <stdio.h>
#include <string.h>

#include "e2e.h"
#include "return_status.h"

#define LAST_ERROR_SENTINEL 0xdeadf00d
#define BYTES_RETURNED_SENTINEL 0xdeadbeef

typedef struct _STATUS_CASE {
    LONG Status;
    DWORD Win32Error; /* what GetLastError() reports when the call fails */
    const char *Name;
} STATUS_CASE;

/* One status per class, and the Win32 error each maps to (io-semantics
 * 2.2). Codes that are in no mapping table give ERROR_MR_MID_NOT_FOUND. */
static const STATUS_CASE StatusCases[] = {
    {STATUS_SUCCESS, ERROR_SUCCESS, "STATUS_SUCCESS"},
    {(LONG)0x0eadbeef, ERROR_SUCCESS, "0x0eadbeef (success class)"},
    {(LONG)0x4eadbeef, ERROR_SUCCESS, "0x4eadbeef (informational)"},
    {STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA, "STATUS_BUFFER_OVERFLOW (warning)"},
    {(LONG)0x8eadbeef, ERROR_MR_MID_NOT_FOUND, "0x8eadbeef (warning)"},
    {STATUS_NOT_IMPLEMENTED, ERROR_INVALID_FUNCTION, "STATUS_NOT_IMPLEMENTED"},
    {(LONG)0xceadbeef, ERROR_MR_MID_NOT_FOUND, "0xceadbeef (error)"},
    {STATUS_BUFFER_TOO_SMALL, ERROR_INSUFFICIENT_BUFFER, "STATUS_BUFFER_TOO_SMALL"},
};

/* NTSTATUS -> Win32 error pairs drivers commonly produce, as Windows maps
 * them (io-semantics 2.2: the 20 most common pairs, then further ones). */
static const STATUS_CASE StatusMappings[] = {
    {STATUS_INVALID_PARAMETER, ERROR_INVALID_PARAMETER, "STATUS_INVALID_PARAMETER"},
    {STATUS_INVALID_DEVICE_REQUEST, ERROR_INVALID_FUNCTION, "STATUS_INVALID_DEVICE_REQUEST"},
    {STATUS_NOT_IMPLEMENTED, ERROR_INVALID_FUNCTION, "STATUS_NOT_IMPLEMENTED"},
    {STATUS_NOT_SUPPORTED, ERROR_NOT_SUPPORTED, "STATUS_NOT_SUPPORTED"},
    {STATUS_ACCESS_DENIED, ERROR_ACCESS_DENIED, "STATUS_ACCESS_DENIED"},
    {STATUS_CANCELLED, ERROR_OPERATION_ABORTED, "STATUS_CANCELLED"},
    {STATUS_UNSUCCESSFUL, ERROR_GEN_FAILURE, "STATUS_UNSUCCESSFUL"},
    {STATUS_INSUFFICIENT_RESOURCES, ERROR_NO_SYSTEM_RESOURCES, "STATUS_INSUFFICIENT_RESOURCES"},
    {STATUS_NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY, "STATUS_NO_MEMORY"},
    {STATUS_ACCESS_VIOLATION, ERROR_NOACCESS, "STATUS_ACCESS_VIOLATION"},
    {STATUS_INVALID_HANDLE, ERROR_INVALID_HANDLE, "STATUS_INVALID_HANDLE"},
    {STATUS_OBJECT_TYPE_MISMATCH, ERROR_INVALID_HANDLE, "STATUS_OBJECT_TYPE_MISMATCH"},
    {STATUS_OBJECT_NAME_NOT_FOUND, ERROR_FILE_NOT_FOUND, "STATUS_OBJECT_NAME_NOT_FOUND"},
    {STATUS_NO_SUCH_DEVICE, ERROR_NO_SUCH_DEVICE, "STATUS_NO_SUCH_DEVICE"},
    {STATUS_DEVICE_NOT_READY, ERROR_NOT_READY, "STATUS_DEVICE_NOT_READY"},
    {STATUS_DEVICE_BUSY, ERROR_BUSY, "STATUS_DEVICE_BUSY (warning)"},
    {STATUS_IO_TIMEOUT, ERROR_SEM_TIMEOUT, "STATUS_IO_TIMEOUT"},
    {STATUS_DELETE_PENDING, ERROR_ACCESS_DENIED, "STATUS_DELETE_PENDING"},
    {STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA, "STATUS_BUFFER_OVERFLOW (warning)"},
    {STATUS_BUFFER_TOO_SMALL, ERROR_INSUFFICIENT_BUFFER, "STATUS_BUFFER_TOO_SMALL"},
    {STATUS_INVALID_DEVICE_STATE, ERROR_BAD_COMMAND, "STATUS_INVALID_DEVICE_STATE"},
    {STATUS_IO_DEVICE_ERROR, ERROR_IO_DEVICE, "STATUS_IO_DEVICE_ERROR"},
    {STATUS_DEVICE_DOES_NOT_EXIST, ERROR_DEV_NOT_EXIST, "STATUS_DEVICE_DOES_NOT_EXIST"},
    {STATUS_DEVICE_NOT_CONNECTED, ERROR_DEVICE_NOT_CONNECTED, "STATUS_DEVICE_NOT_CONNECTED"},
    {STATUS_DEVICE_REMOVED, ERROR_DEVICE_REMOVED, "STATUS_DEVICE_REMOVED"},
    {STATUS_INVALID_USER_BUFFER, ERROR_INVALID_USER_BUFFER, "STATUS_INVALID_USER_BUFFER"},
    {STATUS_INVALID_BUFFER_SIZE, ERROR_INVALID_USER_BUFFER, "STATUS_INVALID_BUFFER_SIZE"},
    {STATUS_INFO_LENGTH_MISMATCH, ERROR_BAD_LENGTH, "STATUS_INFO_LENGTH_MISMATCH"},
    {STATUS_END_OF_FILE, ERROR_HANDLE_EOF, "STATUS_END_OF_FILE"},
    {STATUS_SHARING_VIOLATION, ERROR_SHARING_VIOLATION, "STATUS_SHARING_VIOLATION"},
    {STATUS_PARTIAL_COPY, ERROR_PARTIAL_COPY, "STATUS_PARTIAL_COPY (warning)"},
    {STATUS_DATATYPE_MISALIGNMENT, ERROR_NOACCESS, "STATUS_DATATYPE_MISALIGNMENT (warning)"},
    {STATUS_IMAGE_ALREADY_LOADED, ERROR_SERVICE_ALREADY_RUNNING, "STATUS_IMAGE_ALREADY_LOADED"},
    {STATUS_OBJECT_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND, "STATUS_OBJECT_PATH_NOT_FOUND"},
    {STATUS_OBJECT_NAME_COLLISION, ERROR_ALREADY_EXISTS, "STATUS_OBJECT_NAME_COLLISION"},
};

typedef struct _METHOD_CASE {
    DWORD Code;
    const char *Name;
    const char *Rule; /* the io-semantics rule for what reaches the buffer */
} METHOD_CASE;

static const METHOD_CASE MethodCases[] = {
    {IOCTL_RETURN_STATUS_BUFFERED, "METHOD_BUFFERED", "1.D.29"},
    {IOCTL_RETURN_STATUS_OUT_DIRECT, "METHOD_OUT_DIRECT", "1.D.30"},
    {IOCTL_RETURN_STATUS_NEITHER, "METHOD_NEITHER", "1.D.31"},
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static const STATUS_CASE *FindStatusCase(LONG status)
{
    size_t i;

    for (i = 0; i < COUNT_OF(StatusCases); i++) {
        if (StatusCases[i].Status == status) {
            return &StatusCases[i];
        }
    }
    return NULL;
}

/*
 * One request: the driver completes with IoStatus and returns Returned (or
 * pends when Pend). Checks everything the caller can observe.
 */
static void RunCase(HANDLE device, const METHOD_CASE *method, const STATUS_CASE *ioStatus,
                    const STATUS_CASE *returned, BOOL pend)
{
    RETURN_STATUS_REQUEST request;
    const STATUS_CASE *seen; /* what NtDeviceIoControlFile returns (1.E.35) */
    const char *expected;
    char label[200];
    char buffer[7];
    DWORD bytesReturned = BYTES_RETURNED_SENTINEL;
    DWORD error;
    BOOL ok;

    request.IoStatus = ioStatus->Status;
    request.ReturnStatus = returned->Status;
    request.Information = 3;
    request.Pend = pend;
    seen = pend ? ioStatus : returned;

    if (pend) {
        snprintf(label, sizeof(label), "%s, completed with %s, pended", method->Name,
                 ioStatus->Name);
    } else if (ioStatus == returned) {
        snprintf(label, sizeof(label), "%s, completed with %s", method->Name, ioStatus->Name);
    } else {
        snprintf(label, sizeof(label), "%s, completed with %s, returned %s", method->Name,
                 ioStatus->Name, returned->Name);
    }

    memcpy(buffer, "abcdef", sizeof(buffer));
    SetLastError(LAST_ERROR_SENTINEL);
    ok = DeviceIoControl(device, method->Code, &request, sizeof(request), buffer, sizeof(buffer),
                         &bytesReturned, NULL);
    error = GetLastError();

    CHECK_EQ(ok, NT_SUCCESS(seen->Status),
             "io-semantics 1.E.35, 2.1.2 [%s]: the result is NT_SUCCESS(status)", label);
    if (NT_SUCCESS(seen->Status)) {
        CHECK_EQ_HEX(error, LAST_ERROR_SENTINEL,
                     "io-semantics 2.1.2 [%s]: success leaves the last error alone", label);
    } else {
        CHECK_EQ(error, seen->Win32Error,
                 "io-semantics 2.1.2, 2.2 [%s]: the last error is the status's Win32 error",
                 label);
    }

    if (NT_ERROR(seen->Status)) {
        CHECK_EQ_HEX(bytesReturned, BYTES_RETURNED_SENTINEL,
                     "io-semantics 1.E.35 [%s]: an error leaves *lpBytesReturned alone", label);
    } else if (!NT_ERROR(ioStatus->Status)) {
        CHECK_EQ(bytesReturned, 3,
                 "io-semantics 1.E.35 [%s]: *lpBytesReturned is Information, even for a warning",
                 label);
    }
    /* Otherwise (a non-error returned over an error IoStatus) Windows
     * reports garbage: nothing to check. */

    if (method->Code != IOCTL_RETURN_STATUS_BUFFERED) {
        expected = "ghijkl"; /* the driver wrote the caller's memory itself */
    } else if (NT_ERROR(ioStatus->Status)) {
        expected = "abcdef"; /* no copy-back for an error */
    } else {
        expected = "ghidef"; /* Information (3) bytes copied back */
    }
    CHECK_MEM(buffer, expected, sizeof(buffer), "io-semantics %s [%s]: output buffer",
              method->Rule, label);
}

static void RunConsistentCases(HANDLE device)
{
    size_t m, s;

    for (m = 0; m < COUNT_OF(MethodCases); m++) {
        e2e_section(MethodCases[m].Name);
        for (s = 0; s < COUNT_OF(StatusCases); s++) {
            RunCase(device, &MethodCases[m], &StatusCases[s], &StatusCases[s], FALSE);
            RunCase(device, &MethodCases[m], &StatusCases[s], &StatusCases[s], TRUE);
        }
    }
}

/* Dispatch routines that return a status other than the one they completed
 * the IRP with: the returned status decides the BOOL and the last error,
 * IoStatus.Status decides the copy-back and the byte count (1.E.35). */
static void RunMixedCases(HANDLE device)
{
    static const LONG pairs[][2] = {
        /* {IoStatus.Status, returned} */
        {STATUS_SUCCESS, STATUS_NOT_IMPLEMENTED},
        {STATUS_NOT_IMPLEMENTED, STATUS_SUCCESS},
        {STATUS_SUCCESS, STATUS_BUFFER_OVERFLOW},
        {STATUS_BUFFER_OVERFLOW, STATUS_SUCCESS},
        {(LONG)0xceadbeef, (LONG)0x4eadbeef},
        {(LONG)0x0eadbeef, (LONG)0xceadbeef},
    };
    size_t m, p;

    for (m = 0; m < COUNT_OF(MethodCases); m++) {
        e2e_section(MethodCases[m].Name);
        for (p = 0; p < COUNT_OF(pairs); p++) {
            RunCase(device, &MethodCases[m], FindStatusCase(pairs[p][0]),
                    FindStatusCase(pairs[p][1]), FALSE);
        }
    }
}

/* Each common status, completed by the driver, as the application sees it
 * (io-semantics 2.2), with everything else RunCase checks. */
static void RunMappingCases(HANDLE device)
{
    size_t i;

    e2e_section("NTSTATUS to Win32 error");
    for (i = 0; i < COUNT_OF(StatusMappings); i++) {
        RunCase(device, &MethodCases[0], &StatusMappings[i], &StatusMappings[i], FALSE);
    }
}

/* A request the driver pends and completes afterwards from a work item:
 * DeviceIoControl on a synchronous handle waits and reports the final
 * status (io-semantics 1.H.51). */
static void RunLaterCase(HANDLE device, LONG status, DWORD win32Error, ULONG information,
                         const char *statusName)
{
    COMPLETE_LATER_REQUEST request;
    char buffer[8];
    char expected[8];
    DWORD bytesReturned = BYTES_RETURNED_SENTINEL;
    DWORD error;
    BOOL ok;

    request.Status = status;
    request.Information = information;
    request.DelayMs = 50;

    memcpy(buffer, "xxxxxxx", sizeof(buffer));
    memcpy(expected, "xxxxxxx", sizeof(expected));
    if (!NT_ERROR(status)) {
        memcpy(expected, RETURN_STATUS_LATE_OUTPUT, information);
    }

    SetLastError(LAST_ERROR_SENTINEL);
    ok = DeviceIoControl(device, IOCTL_RETURN_STATUS_COMPLETE_LATER, &request, sizeof(request),
                         buffer, sizeof(buffer), &bytesReturned, NULL);
    error = GetLastError();

    CHECK_EQ(ok, NT_SUCCESS(status),
             "io-semantics 1.H.51 [completed later with %s, Information %lu]: the result is the "
             "final status's", statusName, (unsigned long)information);
    if (NT_SUCCESS(status)) {
        CHECK_EQ_HEX(error, LAST_ERROR_SENTINEL,
                     "io-semantics 2.1.2 [completed later with %s]: last error untouched",
                     statusName);
    } else {
        CHECK_EQ(error, win32Error, "io-semantics 2.1.2, 2.2 [completed later with %s]: last error",
                 statusName);
    }
    if (NT_ERROR(status)) {
        CHECK_EQ_HEX(bytesReturned, BYTES_RETURNED_SENTINEL,
                     "io-semantics 1.E.35 [completed later with %s]: pended then failed, "
                     "*lpBytesReturned untouched", statusName);
    } else {
        CHECK_EQ(bytesReturned, information,
                 "io-semantics 1.H.51 [completed later with %s]: *lpBytesReturned is the final "
                 "Information", statusName);
    }
    CHECK_MEM(buffer, expected, sizeof(buffer),
              "io-semantics 1.D.29 [completed later with %s, Information %lu]: copy-back after "
              "the wait", statusName, (unsigned long)information);
}

static void RunLaterCases(HANDLE device)
{
    e2e_section("pended, completed later from a work item");
    RunLaterCase(device, STATUS_SUCCESS, ERROR_SUCCESS, 0, "STATUS_SUCCESS");
    RunLaterCase(device, STATUS_SUCCESS, ERROR_SUCCESS, RETURN_STATUS_LATE_OUTPUT_SIZE,
                 "STATUS_SUCCESS");
    RunLaterCase(device, STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA, RETURN_STATUS_LATE_OUTPUT_SIZE,
                 "STATUS_BUFFER_OVERFLOW");
    RunLaterCase(device, STATUS_DEVICE_NOT_READY, ERROR_NOT_READY, 0, "STATUS_DEVICE_NOT_READY");
}

int main(int argc, char **argv)
{
    const char *which = argc > 1 ? argv[1] : "all";
    BOOL all = strcmp(which, "all") == 0;
    HANDLE device;

    device = CreateFileA(RETURN_STATUS_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL,
                         OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (!CHECK(device != INVALID_HANDLE_VALUE, "open %s (error %lu)", RETURN_STATUS_WIN32_PATH,
               (unsigned long)GetLastError())) {
        return e2e_finish();
    }

    if (all || strcmp(which, "consistent") == 0) {
        RunConsistentCases(device);
    }
    if (all || strcmp(which, "mixed") == 0) {
        RunMixedCases(device);
    }
    if (all || strcmp(which, "later") == 0) {
        RunLaterCases(device);
    }
    if (all || strcmp(which, "mapping") == 0) {
        RunMappingCases(device);
    }
    if (!all && strcmp(which, "consistent") != 0 && strcmp(which, "mixed") != 0 &&
        strcmp(which, "later") != 0 && strcmp(which, "mapping") != 0) {
        CHECK(FALSE, "unknown case group '%s' (consistent, mixed, later or mapping)", which);
    }

    CloseHandle(device);
    return e2e_finish();
}
