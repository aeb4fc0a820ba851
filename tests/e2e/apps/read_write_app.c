/*
 * read_write_app.c - ReadFile and WriteFile against a buffered, a direct
 * and a neither device (driver: read_write.c).
 *
 * For reads the driver fills the whole buffer with 0x44 and completes with
 * the status and Information planned here; the application fills its
 * buffer with 0x55 first and checks which bytes changed:
 *   buffered  Information bytes are copied back, and only when the status
 *             is not an error; warnings copy back (1.C.22); a zero-length
 *             read has no system buffer (1.C.23)
 *   direct    the driver writes the caller's pages itself: everything it
 *             wrote is there, whatever the status (1.C.25)
 *   neither   the driver gets the caller's pointer (1.C.26)
 * Writes deliver the caller's data (1.C.24-26), and a bad buffer is refused
 * before any IRP (1.C.27).
 *
 * Usage: read_write_app buffered|direct|neither|buffered-overclaim
 *   buffered-overclaim runs only the zero-length read whose driver reports
 *   Information 17 (1.C.23).
 */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winioctl.h>
#include <stdio.h>
#include <string.h>

#include "e2e.h"
#include "read_write.h"

#define CALLER_FILL_BYTE 0x55
#define BYTES_SENTINEL 0xdeadbeef
#define LAST_ERROR_SENTINEL 0xdeadf00d
#define READ_LENGTH 32
#define PLANNED_INFORMATION 17

typedef enum _DEVICE_KIND { Buffered, Direct, Neither } DEVICE_KIND;

static HANDLE Device;
static DEVICE_KIND Kind;
static const char *KindName;

static void SetReadPlan(LONG status, ULONG information)
{
    READ_PLAN plan;
    DWORD bytes = 0;

    plan.Status = status;
    plan.Information = information;
    if (!DeviceIoControl(Device, IOCTL_READ_WRITE_SET_READ_PLAN, &plan, sizeof(plan), NULL, 0,
                         &bytes, NULL)) {
        CHECK(FALSE, "set the read plan (error %lu)", (unsigned long)GetLastError());
    }
}

static READ_WRITE_VIEW GetLastRequest(void)
{
    READ_WRITE_VIEW view;
    DWORD bytes = 0;

    memset(&view, 0, sizeof(view));
    if (!DeviceIoControl(Device, IOCTL_READ_WRITE_GET_LAST_REQUEST, NULL, 0, &view, sizeof(view),
                         &bytes, NULL)) {
        CHECK(FALSE, "fetch the last request (error %lu)", (unsigned long)GetLastError());
    }
    return view;
}

/* Counts the bytes from the start of buffer that equal value. */
static DWORD LeadingBytes(const UCHAR *buffer, DWORD length, UCHAR value)
{
    DWORD i;

    for (i = 0; i < length && buffer[i] == value; i++) {
    }
    return i;
}

/* Checks that buffer holds `filled` bytes of the driver's fill byte and the
 * caller's own bytes after them. */
static void CheckReadBuffer(const UCHAR *buffer, DWORD filled, const char *rule, const char *label)
{
    DWORD driverBytes = LeadingBytes(buffer, READ_LENGTH, READ_WRITE_FILL_BYTE);
    DWORD callerBytes = LeadingBytes(buffer + driverBytes, READ_LENGTH - driverBytes,
                                     CALLER_FILL_BYTE);

    CHECK(driverBytes == filled && driverBytes + callerBytes == READ_LENGTH,
          "io-semantics %s [%s read, %s]: the caller sees %lu of the driver's bytes (saw %lu, "
          "then %lu of its own)",
          rule, KindName, label, (unsigned long)filled, (unsigned long)driverBytes,
          (unsigned long)callerBytes);
}

/* The read rule for this device kind. */
static const char *ReadRule(void)
{
    return Kind == Buffered ? "1.C.22" : Kind == Direct ? "1.C.25" : "1.C.26";
}

static void TestReadSucceeds(void)
{
    UCHAR buffer[READ_LENGTH];
    DWORD bytesRead = BYTES_SENTINEL;
    READ_WRITE_VIEW view;
    BOOL ok;

    SetReadPlan(STATUS_SUCCESS, PLANNED_INFORMATION);
    memset(buffer, CALLER_FILL_BYTE, sizeof(buffer));
    ok = ReadFile(Device, buffer, sizeof(buffer), &bytesRead, NULL);
    CHECK(ok, "[%s read, STATUS_SUCCESS] ReadFile succeeds (error %lu)", KindName,
          ok ? 0ul : (unsigned long)GetLastError());
    CHECK_EQ(bytesRead, PLANNED_INFORMATION,
             "io-semantics 1.E.41 [%s read, STATUS_SUCCESS]: bytes read is Information", KindName);
    /* Buffered: only Information bytes come back. Direct and neither: the
     * driver wrote the caller's memory, all of it. */
    CheckReadBuffer(buffer, Kind == Buffered ? PLANNED_INFORMATION : READ_LENGTH, ReadRule(),
                    "STATUS_SUCCESS");

    view = GetLastRequest();
    CHECK_EQ(view.MajorFunction, IRP_MJ_READ, "[%s read] the driver got an IRP_MJ_READ", KindName);
    CHECK_EQ(view.Length, READ_LENGTH, "[%s read] Parameters.Read.Length", KindName);
    switch (Kind) {
    case Buffered:
        CHECK(view.SystemBufferPresent, "io-semantics 1.C.22: a buffered read has a system buffer");
        CHECK_EQ_HEX(view.IrpFlags & (IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER | IRP_INPUT_OPERATION),
                     IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER | IRP_INPUT_OPERATION,
                     "io-semantics 1.C.22: IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER | "
                     "IRP_INPUT_OPERATION");
        CHECK(!view.MdlPresent, "io-semantics 1.C.22: a buffered read has no MDL");
        break;
    case Direct:
        CHECK(view.MdlPresent, "io-semantics 1.C.25: a direct read has an MDL");
        CHECK_EQ(view.MdlByteCount, READ_LENGTH,
                 "io-semantics 1.C.25: the MDL describes the whole buffer");
        CHECK(!view.SystemBufferPresent, "io-semantics 1.C.25: a direct read has no system buffer");
        break;
    case Neither:
        CHECK_EQ_HEX(view.UserBuffer, (ULONG_PTR)buffer,
                     "io-semantics 1.C.26: Irp->UserBuffer is the caller's pointer");
        CHECK(!view.SystemBufferPresent && !view.MdlPresent,
              "io-semantics 1.C.26: no system buffer and no MDL");
        break;
    }
}

static void TestReadFails(void)
{
    UCHAR buffer[READ_LENGTH];
    DWORD bytesRead = BYTES_SENTINEL;
    BOOL ok;

    SetReadPlan(STATUS_UNSUCCESSFUL, PLANNED_INFORMATION);
    memset(buffer, CALLER_FILL_BYTE, sizeof(buffer));
    SetLastError(LAST_ERROR_SENTINEL);
    ok = ReadFile(Device, buffer, sizeof(buffer), &bytesRead, NULL);
    CHECK(!ok, "[%s read, STATUS_UNSUCCESSFUL] ReadFile fails", KindName);
    CHECK_EQ(GetLastError(), ERROR_GEN_FAILURE,
             "io-semantics 2.2 #11 [%s read]: STATUS_UNSUCCESSFUL is ERROR_GEN_FAILURE", KindName);
    CHECK_EQ(bytesRead, 0, "[%s read, STATUS_UNSUCCESSFUL] ReadFile reports 0 bytes read",
             KindName);
    /* Buffered: nothing copied for an error. Direct and neither: the
     * driver's writes are already in the caller's memory. */
    CheckReadBuffer(buffer, Kind == Buffered ? 0 : READ_LENGTH, ReadRule(), "STATUS_UNSUCCESSFUL");
}

static void TestReadWarning(void)
{
    UCHAR buffer[READ_LENGTH];
    DWORD bytesRead = BYTES_SENTINEL;
    BOOL ok;

    SetReadPlan(STATUS_BUFFER_OVERFLOW, PLANNED_INFORMATION);
    memset(buffer, CALLER_FILL_BYTE, sizeof(buffer));
    SetLastError(LAST_ERROR_SENTINEL);
    ok = ReadFile(Device, buffer, sizeof(buffer), &bytesRead, NULL);
    CHECK(!ok, "io-semantics 2.1.2 [%s read, STATUS_BUFFER_OVERFLOW]: a warning fails ReadFile",
          KindName);
    CHECK_EQ(GetLastError(), ERROR_MORE_DATA,
             "io-semantics 2.2 #3 [%s read]: STATUS_BUFFER_OVERFLOW is ERROR_MORE_DATA", KindName);
    CHECK_EQ(bytesRead, PLANNED_INFORMATION,
             "io-semantics 1.E.41 [%s read, STATUS_BUFFER_OVERFLOW]: a warning still reports "
             "Information as bytes read", KindName);
    CheckReadBuffer(buffer, Kind == Buffered ? PLANNED_INFORMATION : READ_LENGTH, ReadRule(),
                    "STATUS_BUFFER_OVERFLOW");
}

static void TestReadEndOfFile(void)
{
    UCHAR buffer[READ_LENGTH];
    DWORD bytesRead = BYTES_SENTINEL;
    BOOL ok;

    /* ReadFile on a synchronous handle turns end of file into success with
     * 0 bytes read. */
    SetReadPlan(STATUS_END_OF_FILE, 0);
    memset(buffer, CALLER_FILL_BYTE, sizeof(buffer));
    ok = ReadFile(Device, buffer, sizeof(buffer), &bytesRead, NULL);
    CHECK(ok, "[%s read, STATUS_END_OF_FILE] ReadFile returns TRUE at end of file", KindName);
    CHECK_EQ(bytesRead, 0, "[%s read, STATUS_END_OF_FILE] with 0 bytes read", KindName);
}

static void TestZeroLengthRead(void)
{
    UCHAR buffer[READ_LENGTH];
    DWORD bytesRead = BYTES_SENTINEL;
    READ_WRITE_VIEW view;
    BOOL ok;

    SetReadPlan(STATUS_SUCCESS, 0);
    memset(buffer, CALLER_FILL_BYTE, sizeof(buffer));
    ok = ReadFile(Device, buffer, 0, &bytesRead, NULL);
    CHECK(ok, "[%s read of 0 bytes] ReadFile succeeds (error %lu)", KindName,
          ok ? 0ul : (unsigned long)GetLastError());
    CHECK_EQ(bytesRead, 0, "[%s read of 0 bytes] 0 bytes read", KindName);
    view = GetLastRequest();
    CHECK(view.MajorFunction == IRP_MJ_READ && view.Length == 0,
          "[%s read of 0 bytes] the driver got a read of length 0", KindName);
    if (Kind == Buffered) {
        CHECK(!view.SystemBufferPresent,
              "io-semantics 1.C.23: a zero-length buffered read has no system buffer");
        CHECK_EQ_HEX(view.IrpFlags & (IRP_BUFFERED_IO | IRP_INPUT_OPERATION),
                     IRP_BUFFERED_IO | IRP_INPUT_OPERATION,
                     "io-semantics 1.C.23: but still IRP_BUFFERED_IO | IRP_INPUT_OPERATION");
    }
}

/*
 * A zero-length buffered read whose driver claims 17 bytes it never had a
 * buffer for: the copy-back faults inside the I/O manager, which returns
 * the driver's status and leaves the caller's memory alone (1.C.23). Run
 * on its own ("buffered-overclaim"): under Driver Verifier the claim is
 * also I/O verification error 0x312.
 */
static void TestZeroLengthOverclaim(void)
{
    UCHAR buffer[READ_LENGTH];
    DWORD bytesRead = BYTES_SENTINEL;
    BOOL ok;

    memset(buffer, CALLER_FILL_BYTE, sizeof(buffer));
    SetReadPlan(STATUS_BUFFER_OVERFLOW, PLANNED_INFORMATION);
    SetLastError(LAST_ERROR_SENTINEL);
    ok = ReadFile(Device, buffer, 0, &bytesRead, NULL);
    CHECK(!ok, "io-semantics 1.C.23: a zero-length read completed with a warning and "
               "Information 17 fails");
    CHECK_EQ(GetLastError(), ERROR_MORE_DATA,
             "io-semantics 1.C.23: with the driver's status, STATUS_BUFFER_OVERFLOW");
    CHECK_EQ(LeadingBytes(buffer, READ_LENGTH, CALLER_FILL_BYTE), READ_LENGTH,
             "io-semantics 1.C.23: nothing is copied to the caller");
}

static void TestWrite(void)
{
    UCHAR data[READ_LENGTH];
    UCHAR copy[READ_LENGTH];
    DWORD bytesWritten = BYTES_SENTINEL;
    READ_WRITE_VIEW view;
    const char *rule = Kind == Buffered ? "1.C.24" : Kind == Direct ? "1.C.25" : "1.C.26";
    DWORD i;
    BOOL ok;

    for (i = 0; i < sizeof(data); i++) {
        data[i] = (UCHAR)(0x80 + i);
    }
    memcpy(copy, data, sizeof(copy));
    ok = WriteFile(Device, data, sizeof(data), &bytesWritten, NULL);
    CHECK(ok, "[%s write] WriteFile succeeds (error %lu)", KindName,
          ok ? 0ul : (unsigned long)GetLastError());
    CHECK_EQ(bytesWritten, sizeof(data), "io-semantics 1.C.24 [%s write]: bytes written is "
             "Information", KindName);
    view = GetLastRequest();
    CHECK_EQ(view.MajorFunction, IRP_MJ_WRITE, "[%s write] the driver got an IRP_MJ_WRITE", KindName);
    CHECK_EQ(view.Length, sizeof(data), "[%s write] Parameters.Write.Length", KindName);
    CHECK_EQ(view.DataBytes, sizeof(data), "[%s write] the driver read the data", KindName);
    CHECK_MEM(view.Data, copy, sizeof(copy), "io-semantics %s [%s write]: the data arrives", rule,
              KindName);
    CHECK_MEM(data, copy, sizeof(copy), "io-semantics %s [%s write]: nothing is copied back",
              rule, KindName);
    switch (Kind) {
    case Buffered:
        CHECK(view.SystemBufferPresent, "io-semantics 1.C.24: the data came in a system buffer");
        break;
    case Direct:
        CHECK(view.MdlPresent && view.MdlByteCount == sizeof(data),
              "io-semantics 1.C.25: the data came through an MDL of the buffer's length");
        break;
    case Neither:
        CHECK_EQ_HEX(view.UserBuffer, (ULONG_PTR)data,
                     "io-semantics 1.C.26: the driver got the caller's pointer");
        break;
    }
}

/* A NULL buffer with a nonzero length: NtReadFile/NtWriteFile probe it for
 * the user-mode caller and return STATUS_ACCESS_VIOLATION; the driver never
 * sees a request. */
static void TestBadBuffers(void)
{
    READ_WRITE_VIEW before, after;
    DWORD bytes;
    BOOL ok;

    SetReadPlan(STATUS_SUCCESS, 0);
    before = GetLastRequest();
    bytes = BYTES_SENTINEL;
    SetLastError(LAST_ERROR_SENTINEL);
    ok = ReadFile(Device, NULL, READ_LENGTH, &bytes, NULL);
    CHECK(!ok, "io-semantics 1.C.27 [%s]: ReadFile into NULL fails", KindName);
    CHECK_EQ(GetLastError(), ERROR_NOACCESS,
             "io-semantics 1.C.27, 2.2 #14 [%s]: with ERROR_NOACCESS", KindName);
    CHECK_EQ(bytes, 0, "[%s] ReadFile reports 0 bytes read", KindName);

    bytes = BYTES_SENTINEL;
    SetLastError(LAST_ERROR_SENTINEL);
    ok = WriteFile(Device, NULL, READ_LENGTH, &bytes, NULL);
    CHECK(!ok, "io-semantics 1.C.27 [%s]: WriteFile from NULL fails", KindName);
    CHECK_EQ(GetLastError(), ERROR_NOACCESS,
             "io-semantics 1.C.27, 2.2 #14 [%s]: with ERROR_NOACCESS", KindName);
    CHECK_EQ(bytes, 0, "[%s] WriteFile reports 0 bytes written", KindName);

    after = GetLastRequest();
    CHECK_EQ(after.Sequence, before.Sequence,
             "io-semantics 1.C.27 [%s]: neither request reached the driver", KindName);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    BOOL overclaim = FALSE;
    const char *path;

    if (strcmp(mode, "buffered") == 0 || strcmp(mode, "buffered-overclaim") == 0) {
        Kind = Buffered;
        KindName = "buffered";
        path = READ_WRITE_BUFFERED_WIN32_PATH;
        overclaim = strcmp(mode, "buffered-overclaim") == 0;
    } else if (strcmp(mode, "direct") == 0) {
        Kind = Direct;
        KindName = "direct";
        path = READ_WRITE_DIRECT_WIN32_PATH;
    } else if (strcmp(mode, "neither") == 0) {
        Kind = Neither;
        KindName = "neither";
        path = READ_WRITE_NEITHER_WIN32_PATH;
    } else {
        CHECK(FALSE, "usage: read_write_app buffered|buffered-overclaim|direct|neither");
        return e2e_finish();
    }

    Device = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, NULL);
    if (!CHECK(Device != INVALID_HANDLE_VALUE, "open %s (error %lu)", path,
               (unsigned long)GetLastError())) {
        return e2e_finish();
    }

    if (overclaim) {
        e2e_section("a zero-length read, Information 17");
        TestZeroLengthOverclaim();
    } else {
        e2e_section("reads");
        TestReadSucceeds();
        TestReadFails();
        TestReadWarning();
        TestReadEndOfFile();
        TestZeroLengthRead();

        e2e_section("writes");
        TestWrite();

        e2e_section("bad buffers");
        TestBadBuffers();
    }

    CloseHandle(Device);
    return e2e_finish();
}
