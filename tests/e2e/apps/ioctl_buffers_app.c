/*
 * ioctl_buffers_app.c - how the I/O manager passes I/O control buffers to a
 * driver, which requests it refuses before the driver sees them, and what
 * an application gets for requests nobody implements (driver:
 * ioctl_buffers.c).
 *
 * Usage: ioctl_buffers_app [buffered|direct|neither|access|errors]
 *        (default: all of them)
 *   buffered  METHOD_BUFFERED: one system buffer, max(in, out), input copied
 *             in, Information bytes copied out; NULL for no data (1.D.29)
 *   direct    METHOD_IN_DIRECT/OUT_DIRECT: input copied, output described by
 *             an MDL over the caller's own memory (1.D.30)
 *   neither   METHOD_NEITHER: the caller's raw pointers (1.D.31)
 *   access    the required access in the code is checked against the handle
 *             before an IRP exists (1.F.42, 1.F.43)
 *   errors    missing device, unknown code, default dispatch routine, bad
 *             user pointers (2.2, 1.A.10, 1.D.32)
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include <string.h>

#include "e2e.h"
#include "ioctl_buffers.h"

#define LAST_ERROR_SENTINEL 0xdeadf00d
#define BYTES_SENTINEL 0xdeadbeef
#define UNTOUCHED_BYTE 0x5a /* what the application puts in output buffers */

static HANDLE OpenDevice(DWORD access)
{
    return CreateFileA(IOCTL_BUFFERS_WIN32_PATH, access, 0, NULL, OPEN_EXISTING,
                       FILE_ATTRIBUTE_NORMAL, NULL);
}

static void FillInput(UCHAR *buffer, DWORD length)
{
    DWORD i;

    for (i = 0; i < length; i++) {
        buffer[i] = BUFFERS_INPUT_BYTE(i);
    }
}

/* TRUE if the first Length bytes are the driver's output pattern. */
static BOOL IsDriverOutput(const UCHAR *buffer, DWORD length)
{
    DWORD i;

    for (i = 0; i < length; i++) {
        if (buffer[i] != BUFFERS_OUTPUT_BYTE(i)) {
            return FALSE;
        }
    }
    return TRUE;
}

static BOOL IsUntouched(const UCHAR *buffer, DWORD length)
{
    DWORD i;

    for (i = 0; i < length; i++) {
        if (buffer[i] != UNTOUCHED_BYTE) {
            return FALSE;
        }
    }
    return TRUE;
}

static BUFFER_VIEW GetLastView(HANDLE device)
{
    BUFFER_VIEW view;
    DWORD bytes = 0;

    memset(&view, 0xcc, sizeof(view));
    if (!DeviceIoControl(device, IOCTL_BUFFERS_GET_LAST_VIEW, NULL, 0, &view, sizeof(view), &bytes,
                         NULL) ||
        bytes != sizeof(view)) {
        CHECK(FALSE, "fetch the driver's view of the last request (error %lu)",
              (unsigned long)GetLastError());
    }
    return view;
}

static ULONG GetIrpCount(HANDLE device)
{
    ULONG count = 0;
    DWORD bytes = 0;

    if (!DeviceIoControl(device, IOCTL_BUFFERS_GET_IRP_COUNT, NULL, 0, &count, sizeof(count),
                         &bytes, NULL)) {
        CHECK(FALSE, "fetch the driver's IRP count (error %lu)", (unsigned long)GetLastError());
    }
    return count;
}

/* ------------------------------------------------------------- buffered */

/* One METHOD_BUFFERED request with the given lengths (a length of 0 passes
 * a NULL pointer), checked end to end. */
static void BufferedCase(HANDLE device, DWORD inLength, DWORD outLength, const char *label)
{
    UCHAR input[64];
    UCHAR output[64];
    DWORD bytes = BYTES_SENTINEL;
    BUFFER_VIEW view;
    BOOL ok;

    FillInput(input, sizeof(input));
    memset(output, UNTOUCHED_BYTE, sizeof(output));
    ok = DeviceIoControl(device, IOCTL_BUFFERS_INSPECT_BUFFERED, inLength ? input : NULL, inLength,
                         outLength ? output : NULL, outLength, &bytes, NULL);
    CHECK(ok, "[%s] DeviceIoControl succeeds (error %lu)", label,
          ok ? 0ul : (unsigned long)GetLastError());
    CHECK_EQ(bytes, outLength, "io-semantics 1.D.29 [%s]: bytes returned is Information", label);
    CHECK(IsDriverOutput(output, outLength) &&
              IsUntouched(output + outLength, sizeof(output) - outLength),
          "io-semantics 1.D.29 [%s]: exactly Information bytes copied back", label);
    CHECK(inLength == 0 || (input[0] == BUFFERS_INPUT_BYTE(0) &&
                            input[inLength - 1] == BUFFERS_INPUT_BYTE(inLength - 1)),
          "io-semantics 1.D.29 [%s]: the caller's input buffer is a copy's source, not "
          "overwritten", label);

    view = GetLastView(device);
    CHECK_EQ(view.InputBufferLength, inLength, "io-semantics 1.D.29 [%s]: InputBufferLength",
             label);
    CHECK_EQ(view.OutputBufferLength, outLength, "io-semantics 1.D.29 [%s]: OutputBufferLength",
             label);
    if (inLength == 0 && outLength == 0) {
        CHECK(!view.SystemBufferPresent, "io-semantics 1.D.29 [%s]: no system buffer", label);
        CHECK_EQ_HEX(view.IrpFlags & (IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER | IRP_INPUT_OPERATION),
                     0, "io-semantics 1.D.29 [%s]: no buffering flags", label);
    } else {
        CHECK(view.SystemBufferPresent, "io-semantics 1.D.29 [%s]: a system buffer", label);
        /* The driver read all InputBufferLength bytes and wrote all
         * OutputBufferLength bytes of one buffer: it is max(in, out). */
        CHECK(view.InputMatches,
              "io-semantics 1.D.29 [%s]: the whole input was copied into the system buffer",
              label);
        CHECK_EQ((view.IrpFlags & IRP_INPUT_OPERATION) != 0, outLength != 0,
                 "io-semantics 1.D.29 [%s]: IRP_INPUT_OPERATION only with an output buffer",
                 label);
    }
}

static void TestBufferedMethod(HANDLE device)
{
    UCHAR input[8];
    DWORD bytes = BYTES_SENTINEL;
    BUFFER_VIEW view;
    BOOL ok;

    e2e_section("METHOD_BUFFERED");
    BufferedCase(device, 8, 32, "in 8, out 32");
    BufferedCase(device, 32, 4, "in 32, out 4");
    BufferedCase(device, 0, 0, "no buffers");
    BufferedCase(device, 0, 16, "no input, out 16");
    BufferedCase(device, 8, 0, "in 8, no output");

    /* A NULL output pointer with a length: the length is dropped. */
    FillInput(input, sizeof(input));
    ok = DeviceIoControl(device, IOCTL_BUFFERS_INSPECT_BUFFERED, input, sizeof(input), NULL, 16,
                         &bytes, NULL);
    CHECK(ok, "[NULL output, length 16] DeviceIoControl succeeds");
    CHECK_EQ(bytes, 0, "[NULL output, length 16] nothing returned");
    view = GetLastView(device);
    CHECK_EQ(view.OutputBufferLength, 0,
             "io-semantics 1.D.29 [NULL output, length 16]: a NULL output pointer forces "
             "OutputBufferLength to 0");
}

/* --------------------------------------------------------------- direct */

static void DirectCase(HANDLE device, DWORD code, const char *method, DWORD inLength,
                       DWORD outLength)
{
    UCHAR input[32];
    UCHAR output[48];
    UCHAR prefill[BUFFER_VIEW_SAVED_BYTES];
    DWORD bytes = BYTES_SENTINEL;
    char label[80];
    BUFFER_VIEW view;
    BOOL ok;

    snprintf(label, sizeof(label), "%s, in %lu, out %lu", method, (unsigned long)inLength,
             (unsigned long)outLength);
    FillInput(input, sizeof(input));
    memset(output, UNTOUCHED_BYTE, sizeof(output));
    memset(prefill, UNTOUCHED_BYTE, sizeof(prefill));

    ok = DeviceIoControl(device, code, inLength ? input : NULL, inLength,
                         outLength ? output : NULL, outLength, &bytes, NULL);
    CHECK(ok, "[%s] DeviceIoControl succeeds (error %lu)", label,
          ok ? 0ul : (unsigned long)GetLastError());
    CHECK_EQ(bytes, outLength, "[%s] bytes returned is Information", label);
    CHECK(IsDriverOutput(output, outLength) &&
              IsUntouched(output + outLength, sizeof(output) - outLength),
          "io-semantics 1.D.30 [%s]: the driver's writes are in the caller's buffer", label);

    view = GetLastView(device);
    CHECK_EQ(view.SystemBufferPresent, inLength != 0,
             "io-semantics 1.D.30 [%s]: a system buffer exactly when there is input", label);
    CHECK(view.InputMatches, "io-semantics 1.D.30 [%s]: the input was copied", label);
    CHECK_EQ(view.MdlPresent, outLength != 0,
             "io-semantics 1.D.30 [%s]: an MDL exactly when there is an output buffer", label);
    if (outLength != 0) {
        CHECK_EQ(view.MdlByteCount, outLength,
                 "io-semantics 1.D.30 [%s]: the MDL's byte count is OutputBufferLength", label);
        CHECK_EQ(view.OutputSeenBytes, min(outLength, (DWORD)BUFFER_VIEW_SAVED_BYTES),
                 "[%s] the driver looked at the output buffer", label);
        CHECK_MEM(view.OutputSeen, prefill, view.OutputSeenBytes,
                  "io-semantics 1.D.30 [%s]: the MDL maps the caller's own memory (the driver "
                  "found its contents)", label);
    }
}

static void TestDirectMethods(HANDLE device)
{
    e2e_section("METHOD_IN_DIRECT and METHOD_OUT_DIRECT");
    DirectCase(device, IOCTL_BUFFERS_INSPECT_IN_DIRECT, "METHOD_IN_DIRECT", 8, 32);
    DirectCase(device, IOCTL_BUFFERS_INSPECT_OUT_DIRECT, "METHOD_OUT_DIRECT", 8, 32);
    DirectCase(device, IOCTL_BUFFERS_INSPECT_IN_DIRECT, "METHOD_IN_DIRECT", 0, 16);
    DirectCase(device, IOCTL_BUFFERS_INSPECT_OUT_DIRECT, "METHOD_OUT_DIRECT", 8, 0);
}

/* -------------------------------------------------------------- neither */

static void TestNeitherMethod(HANDLE device)
{
    UCHAR input[8];
    UCHAR output[24];
    DWORD bytes = BYTES_SENTINEL;
    BUFFER_VIEW view;
    BOOL ok;

    e2e_section("METHOD_NEITHER");
    FillInput(input, sizeof(input));
    memset(output, UNTOUCHED_BYTE, sizeof(output));
    ok = DeviceIoControl(device, IOCTL_BUFFERS_INSPECT_NEITHER, input, sizeof(input), output, 16,
                         &bytes, NULL);
    CHECK(ok, "[in 8, out 16] DeviceIoControl succeeds");
    CHECK_EQ(bytes, 16, "[in 8, out 16] bytes returned is Information");
    CHECK(IsDriverOutput(output, 16) && IsUntouched(output + 16, sizeof(output) - 16),
          "io-semantics 1.D.31 [in 8, out 16]: the driver wrote the caller's buffer");

    view = GetLastView(device);
    CHECK_EQ_HEX(view.Type3InputBuffer, (ULONG_PTR)input,
                 "io-semantics 1.D.31: Type3InputBuffer is the caller's input pointer");
    CHECK_EQ_HEX(view.UserBuffer, (ULONG_PTR)output,
                 "io-semantics 1.D.31: Irp->UserBuffer is the caller's output pointer");
    CHECK(!view.SystemBufferPresent && !view.MdlPresent,
          "io-semantics 1.D.31: no system buffer and no MDL (nothing copied or mapped)");
    CHECK(view.InputMatches, "io-semantics 1.D.31: the driver read the caller's input in place");
    CHECK_EQ(view.InputBufferLength, sizeof(input), "io-semantics 1.D.31: InputBufferLength");
    CHECK_EQ(view.OutputBufferLength, 16, "io-semantics 1.D.31: OutputBufferLength");

    ok = DeviceIoControl(device, IOCTL_BUFFERS_INSPECT_NEITHER, NULL, 0, NULL, 0, &bytes, NULL);
    CHECK(ok, "[no buffers] DeviceIoControl succeeds");
    view = GetLastView(device);
    CHECK(view.Type3InputBuffer == 0 && view.UserBuffer == 0,
          "io-semantics 1.D.31 [no buffers]: both pointers are NULL");
}

/* --------------------------------------------------------------- access */

typedef struct _ACCESS_CASE {
    DWORD HandleAccess;
    const char *HandleName;
    DWORD Code;
    const char *CodeName;
    BOOL Allowed;
} ACCESS_CASE;

static void TestAccessChecks(void)
{
    static const ACCESS_CASE cases[] = {
        {GENERIC_READ, "GENERIC_READ", IOCTL_BUFFERS_NEEDS_READ, "FILE_READ_ACCESS", TRUE},
        {GENERIC_READ, "GENERIC_READ", IOCTL_BUFFERS_NEEDS_WRITE, "FILE_WRITE_ACCESS", FALSE},
        {GENERIC_READ, "GENERIC_READ", IOCTL_BUFFERS_NEEDS_READ_WRITE, "read|write access", FALSE},
        {GENERIC_WRITE, "GENERIC_WRITE", IOCTL_BUFFERS_NEEDS_READ, "FILE_READ_ACCESS", FALSE},
        {GENERIC_WRITE, "GENERIC_WRITE", IOCTL_BUFFERS_NEEDS_WRITE, "FILE_WRITE_ACCESS", TRUE},
        {GENERIC_READ | GENERIC_WRITE, "GENERIC_READ|GENERIC_WRITE", IOCTL_BUFFERS_NEEDS_READ_WRITE,
         "read|write access", TRUE},
        {0, "no access", IOCTL_BUFFERS_NEEDS_READ, "FILE_READ_ACCESS", FALSE},
        {0, "no access", IOCTL_BUFFERS_NEEDS_WRITE, "FILE_WRITE_ACCESS", FALSE},
        {0, "no access", IOCTL_BUFFERS_GET_IRP_COUNT, "FILE_ANY_ACCESS", TRUE},
    };
    HANDLE control;
    size_t i;

    e2e_section("required access of I/O control codes");

    /* Counts are read through a handle of its own; each count query is
     * itself one IRP. */
    control = OpenDevice(GENERIC_READ | GENERIC_WRITE);
    if (!CHECK(control != INVALID_HANDLE_VALUE, "open a control handle")) {
        return;
    }

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const ACCESS_CASE *c = &cases[i];
        ULONG outputCount = 0;
        DWORD bytes = BYTES_SENTINEL;
        ULONG before, after;
        HANDLE handle;
        DWORD error;
        BOOL ok;

        handle = OpenDevice(c->HandleAccess);
        if (!CHECK(handle != INVALID_HANDLE_VALUE, "open a handle with %s (error %lu)",
                   c->HandleName, (unsigned long)GetLastError())) {
            continue;
        }

        before = GetIrpCount(control);
        SetLastError(LAST_ERROR_SENTINEL);
        ok = DeviceIoControl(handle, c->Code, NULL, 0, &outputCount, sizeof(outputCount), &bytes,
                             NULL);
        error = GetLastError();
        after = GetIrpCount(control);

        if (c->Allowed) {
            CHECK(ok, "io-semantics %s: a %s code on a %s handle succeeds (error %lu)",
                  c->Code == IOCTL_BUFFERS_GET_IRP_COUNT ? "1.F.43" : "1.F.42", c->CodeName,
                  c->HandleName, ok ? 0ul : (unsigned long)error);
            CHECK_EQ(after, before + 2,
                     "io-semantics 1.F.42 [%s on %s]: the driver received the request",
                     c->CodeName, c->HandleName);
        } else {
            CHECK(!ok, "io-semantics 1.F.42: a %s code on a %s handle is refused", c->CodeName,
                  c->HandleName);
            CHECK_EQ(error, ERROR_ACCESS_DENIED,
                     "io-semantics 1.F.42, 2.2 [%s on %s]: ERROR_ACCESS_DENIED", c->CodeName,
                     c->HandleName);
            CHECK_EQ_HEX(bytes, BYTES_SENTINEL,
                         "io-semantics 1.E.35 [%s on %s]: *lpBytesReturned untouched", c->CodeName,
                         c->HandleName);
            CHECK_EQ(after, before + 1,
                     "io-semantics 1.F.42 [%s on %s]: the driver never saw the request",
                     c->CodeName, c->HandleName);
        }
        CloseHandle(handle);
    }
    CloseHandle(control);
}

/* --------------------------------------------------------------- errors */

static void TestErrors(HANDLE device)
{
    UCHAR output[16];
    DWORD bytes;
    ULONG before, after;
    HANDLE missing;
    BOOL ok;

    e2e_section("errors");

    SetLastError(LAST_ERROR_SENTINEL);
    missing = CreateFileA("\\\\.\\E2eNoSuchDevice", GENERIC_READ | GENERIC_WRITE, 0, NULL,
                          OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(missing == INVALID_HANDLE_VALUE, "opening a device name nobody created fails");
    CHECK_EQ(GetLastError(), ERROR_FILE_NOT_FOUND,
             "io-semantics 2.2 #16: STATUS_OBJECT_NAME_NOT_FOUND is ERROR_FILE_NOT_FOUND");
    if (missing != INVALID_HANDLE_VALUE) {
        CloseHandle(missing);
    }

    before = GetIrpCount(device);
    bytes = BYTES_SENTINEL;
    SetLastError(LAST_ERROR_SENTINEL);
    ok = DeviceIoControl(device, IOCTL_BUFFERS_UNKNOWN, NULL, 0, output, sizeof(output), &bytes,
                         NULL);
    CHECK(!ok, "an I/O control code the driver does not know fails");
    CHECK_EQ(GetLastError(), ERROR_INVALID_FUNCTION,
             "io-semantics 2.2 #6: STATUS_INVALID_DEVICE_REQUEST is ERROR_INVALID_FUNCTION");
    CHECK_EQ_HEX(bytes, BYTES_SENTINEL, "io-semantics 1.E.35: *lpBytesReturned untouched");
    after = GetIrpCount(device);
    CHECK_EQ(after, before + 2, "the driver itself refused the unknown code");

    before = GetIrpCount(device);
    SetLastError(LAST_ERROR_SENTINEL);
    ok = FlushFileBuffers(device);
    CHECK(!ok, "io-semantics 1.A.10: FlushFileBuffers on a driver without IRP_MJ_FLUSH_BUFFERS "
               "fails");
    CHECK_EQ(GetLastError(), ERROR_INVALID_FUNCTION,
             "io-semantics 1.A.10, 2.2 #6: the default dispatch routine's "
             "STATUS_INVALID_DEVICE_REQUEST is ERROR_INVALID_FUNCTION");
    after = GetIrpCount(device);
    CHECK_EQ(after, before + 1,
             "io-semantics 1.A.10: the default routine, not the driver, answered the flush");

    before = GetIrpCount(device);
    bytes = BYTES_SENTINEL;
    SetLastError(LAST_ERROR_SENTINEL);
    ok = ReadFile(device, output, sizeof(output), &bytes, NULL);
    CHECK(!ok, "io-semantics 1.A.10: ReadFile on a driver without IRP_MJ_READ fails");
    CHECK_EQ(GetLastError(), ERROR_INVALID_FUNCTION,
             "io-semantics 1.A.10, 2.2 #6: ReadFile's error is ERROR_INVALID_FUNCTION");
    CHECK_EQ(bytes, 0, "ReadFile reports 0 bytes read for a failed read");
    after = GetIrpCount(device);
    CHECK_EQ(after, before + 1,
             "io-semantics 1.A.10: the default routine, not the driver, answered the read");

    /* For the copying methods the I/O manager itself reads the caller's
     * buffers, so it probes them first and returns the fault as the status;
     * no IRP is built. */
    before = GetIrpCount(device);
    bytes = BYTES_SENTINEL;
    SetLastError(LAST_ERROR_SENTINEL);
    ok = DeviceIoControl(device, IOCTL_BUFFERS_INSPECT_BUFFERED, (PVOID)0x10, 16, output,
                         sizeof(output), &bytes, NULL);
    CHECK(!ok, "io-semantics 1.D.32: METHOD_BUFFERED with an invalid input pointer fails");
    CHECK_EQ(GetLastError(), ERROR_NOACCESS,
             "io-semantics 1.D.32, 2.2 #14: STATUS_ACCESS_VIOLATION is ERROR_NOACCESS");
    after = GetIrpCount(device);
    CHECK_EQ(after, before + 1, "io-semantics 1.D.32: the driver never saw the request");

    before = GetIrpCount(device);
    bytes = BYTES_SENTINEL;
    SetLastError(LAST_ERROR_SENTINEL);
    ok = DeviceIoControl(device, IOCTL_BUFFERS_INSPECT_OUT_DIRECT, NULL, 0, (PVOID)0x10, 16,
                         &bytes, NULL);
    CHECK(!ok, "io-semantics 1.D.32: METHOD_OUT_DIRECT with an invalid output pointer fails");
    CHECK_EQ(GetLastError(), ERROR_NOACCESS,
             "io-semantics 1.D.32, 2.2 #14: the MDL cannot be locked, ERROR_NOACCESS");
    after = GetIrpCount(device);
    CHECK_EQ(after, before + 1, "io-semantics 1.D.32: the driver never saw the request");
}

int main(int argc, char **argv)
{
    const char *which = argc > 1 ? argv[1] : "all";
    BOOL all = strcmp(which, "all") == 0;
    BOOL known = all;
    HANDLE device;

    device = OpenDevice(GENERIC_READ | GENERIC_WRITE);
    if (!CHECK(device != INVALID_HANDLE_VALUE, "open %s (error %lu)", IOCTL_BUFFERS_WIN32_PATH,
               (unsigned long)GetLastError())) {
        return e2e_finish();
    }

    if (all || strcmp(which, "buffered") == 0) {
        TestBufferedMethod(device);
        known = TRUE;
    }
    if (all || strcmp(which, "direct") == 0) {
        TestDirectMethods(device);
        known = TRUE;
    }
    if (all || strcmp(which, "neither") == 0) {
        TestNeitherMethod(device);
        known = TRUE;
    }
    if (all || strcmp(which, "access") == 0) {
        TestAccessChecks();
        known = TRUE;
    }
    if (all || strcmp(which, "errors") == 0) {
        TestErrors(device);
        known = TRUE;
    }
    if (!known) {
        CHECK(FALSE, "unknown group '%s' (buffered, direct, neither, access or errors)", which);
    }

    CloseHandle(device);
    return e2e_finish();
}
