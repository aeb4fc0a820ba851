/*
 * example_bad_input.c - the Example sample driver (samples/example) given
 * bad input: strings without a terminator, missing buffers, output buffers
 * one byte too small or exactly large enough, and bad pointers, for each of
 * its four I/O control codes, its write and its read. Run against each of
 * the three builds of the driver (buffered, direct, neither).
 *
 * The driver answers an unterminated string with STATUS_INVALID_PARAMETER
 * and a short output buffer with STATUS_BUFFER_TOO_SMALL. For an error the
 * I/O manager writes nothing back: DeviceIoControl leaves the buffer and
 * *lpBytesReturned alone (io-semantics 1.E.35, 1.D.29-31); ReadFile and
 * WriteFile report 0 bytes.
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include <string.h>

#include "e2e.h"
#include "public.h"

#define BYTES_SENTINEL 0xdeadbeef
#define UNTOUCHED '-'
#define TINY_POINTER ((PVOID)(ULONG_PTR)0x10)

typedef struct _EXAMPLE_IOCTL {
    const char *Name;
    DWORD Code;
    const char *Reply;
    DWORD ReplySize;
    const char *Rule; /* what reaches the caller's buffer for this method */
} EXAMPLE_IOCTL;

static const EXAMPLE_IOCTL Ioctls[] = {
    {"METHOD_IN_DIRECT", IOCTL_EXAMPLE_SAMPLE_DIRECT_IN_IO, EXAMPLE_REPLY_DIRECT_IN,
     sizeof(EXAMPLE_REPLY_DIRECT_IN), "1.D.30"},
    {"METHOD_OUT_DIRECT", IOCTL_EXAMPLE_SAMPLE_DIRECT_OUT_IO, EXAMPLE_REPLY_DIRECT_OUT,
     sizeof(EXAMPLE_REPLY_DIRECT_OUT), "1.D.30"},
    {"METHOD_BUFFERED", IOCTL_EXAMPLE_SAMPLE_BUFFERED_IO, EXAMPLE_REPLY_BUFFERED,
     sizeof(EXAMPLE_REPLY_BUFFERED), "1.D.29"},
    {"METHOD_NEITHER", IOCTL_EXAMPLE_SAMPLE_NEITHER_IO, EXAMPLE_REPLY_NEITHER,
     sizeof(EXAMPLE_REPLY_NEITHER), "1.D.31"},
};

static HANDLE Device;

static BOOL IsUntouched(const char *buffer, DWORD length)
{
    DWORD i;

    for (i = 0; i < length; i++) {
        if (buffer[i] != UNTOUCHED) {
            return FALSE;
        }
    }
    return TRUE;
}

/* Sends an I/O control that must fail with expectedError and leave the
 * output buffer and *lpBytesReturned alone. */
static void ExpectIoctlFails(const EXAMPLE_IOCTL *ioctl, const void *input, DWORD inputLength,
                            DWORD outputLength, BOOL nullOutput, DWORD expectedError,
                            const char *what)
{
    char output[128];
    DWORD bytes = BYTES_SENTINEL;
    DWORD error;
    BOOL ok;

    memset(output, UNTOUCHED, sizeof(output));
    SetLastError(ERROR_SUCCESS);
    ok = DeviceIoControl(Device, ioctl->Code, (LPVOID)input, inputLength,
                         nullOutput ? NULL : output, outputLength, &bytes, NULL);
    error = GetLastError();
    CHECK(!ok, "[%s, %s] the request fails", ioctl->Name, what);
    CHECK_EQ(error, expectedError, "io-semantics 2.1.2, 2.2 [%s, %s]: GetLastError()", ioctl->Name,
             what);
    CHECK_EQ_HEX(bytes, BYTES_SENTINEL,
                 "io-semantics 1.E.35 [%s, %s]: *lpBytesReturned untouched for an error",
                 ioctl->Name, what);
    CHECK(IsUntouched(output, sizeof(output)),
          "io-semantics %s [%s, %s]: nothing was written to the output buffer", ioctl->Rule,
          ioctl->Name, what);
}

static void TestIoctl(const EXAMPLE_IOCTL *ioctl)
{
    static const char unterminated[8] = {'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'};
    static const char message[] = "a good message";
    char output[128];
    DWORD bytes;
    BOOL ok;

    e2e_section(ioctl->Name);

    ExpectIoctlFails(ioctl, unterminated, sizeof(unterminated), sizeof(output), FALSE,
                     ERROR_INVALID_PARAMETER, "input without a terminator");
    ExpectIoctlFails(ioctl, message, sizeof(message) - 1, sizeof(output), FALSE,
                     ERROR_INVALID_PARAMETER, "terminator just past InputBufferLength");
    ExpectIoctlFails(ioctl, NULL, 0, sizeof(output), FALSE, ERROR_INVALID_PARAMETER, "no input");
    ExpectIoctlFails(ioctl, message, sizeof(message), ioctl->ReplySize - 1, FALSE,
                     ERROR_INSUFFICIENT_BUFFER, "output one byte too small");
    ExpectIoctlFails(ioctl, message, sizeof(message), 0, TRUE, ERROR_INSUFFICIENT_BUFFER,
                     "no output buffer");

    /* Exactly large enough. */
    memset(output, UNTOUCHED, sizeof(output));
    bytes = BYTES_SENTINEL;
    ok = DeviceIoControl(Device, ioctl->Code, (LPVOID)message, sizeof(message), output,
                         ioctl->ReplySize, &bytes, NULL);
    CHECK(ok, "[%s, output exactly the reply's size] the request succeeds (error %lu)",
          ioctl->Name, ok ? 0ul : (unsigned long)GetLastError());
    CHECK_EQ(bytes, ioctl->ReplySize, "[%s, output exactly the reply's size] bytes returned",
             ioctl->Name);
    CHECK_MEM(output, ioctl->Reply, ioctl->ReplySize, "[%s, output exactly the reply's size] reply",
              ioctl->Name);
    CHECK(IsUntouched(output + ioctl->ReplySize, sizeof(output) - ioctl->ReplySize),
          "io-semantics %s [%s]: nothing past the reply", ioctl->Rule, ioctl->Name);

    if (ioctl->Code == IOCTL_EXAMPLE_SAMPLE_NEITHER_IO) {
        /* The driver's own pointers: its __except turns the fault into the
         * request's status (io-semantics 1.D.31, 2.2 #14). */
        ExpectIoctlFails(ioctl, TINY_POINTER, 16, sizeof(output), FALSE, ERROR_NOACCESS,
                         "input pointer 0x10");
        bytes = BYTES_SENTINEL;
        ok = DeviceIoControl(Device, ioctl->Code, (LPVOID)message, sizeof(message), TINY_POINTER,
                             sizeof(output), &bytes, NULL);
        CHECK(!ok && GetLastError() == ERROR_NOACCESS,
              "io-semantics 1.D.31, 2.2 #14 [%s, output pointer 0x10]: ERROR_NOACCESS (error %lu)",
              ioctl->Name, ok ? 0ul : (unsigned long)GetLastError());
        CHECK_EQ_HEX(bytes, BYTES_SENTINEL,
                     "io-semantics 1.E.35 [%s, output pointer 0x10]: *lpBytesReturned untouched",
                     ioctl->Name);
    }
}

static void TestWrite(void)
{
    static const char unterminated[8] = {'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'};
    static const char embedded[] = {'a', 'b', '\0', 'c', 'd'};
    static const char message[] = "a good message";
    DWORD written;
    BOOL ok;

    e2e_section("WriteFile");

    written = BYTES_SENTINEL;
    SetLastError(ERROR_SUCCESS);
    ok = WriteFile(Device, unterminated, sizeof(unterminated), &written, NULL);
    CHECK(!ok, "[WriteFile without a terminator] fails");
    CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER,
             "io-semantics 2.2 #5 [WriteFile without a terminator]: ERROR_INVALID_PARAMETER");
    CHECK_EQ(written, 0, "[WriteFile without a terminator] 0 bytes written");

    written = BYTES_SENTINEL;
    SetLastError(ERROR_SUCCESS);
    ok = WriteFile(Device, message, 0, &written, NULL);
    CHECK(!ok, "[WriteFile of 0 bytes] fails: there is no string");
    CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER,
             "io-semantics 2.2 #5 [WriteFile of 0 bytes]: ERROR_INVALID_PARAMETER");
    CHECK_EQ(written, 0, "[WriteFile of 0 bytes] 0 bytes written");

    written = BYTES_SENTINEL;
    ok = WriteFile(Device, embedded, sizeof(embedded), &written, NULL);
    CHECK(ok, "[WriteFile with a NUL inside] succeeds (error %lu)",
          ok ? 0ul : (unsigned long)GetLastError());
    CHECK_EQ(written, sizeof(embedded), "[WriteFile with a NUL inside] all bytes taken");

    written = BYTES_SENTINEL;
    ok = WriteFile(Device, message, sizeof(message), &written, NULL);
    CHECK(ok, "[WriteFile of a string] succeeds (error %lu)",
          ok ? 0ul : (unsigned long)GetLastError());
    CHECK_EQ(written, sizeof(message), "[WriteFile of a string] all bytes taken");

    written = BYTES_SENTINEL;
    SetLastError(ERROR_SUCCESS);
    ok = WriteFile(Device, NULL, 16, &written, NULL);
    CHECK(!ok && GetLastError() == ERROR_NOACCESS,
          "io-semantics 1.C.27 [WriteFile from NULL]: refused with ERROR_NOACCESS (error %lu)",
          ok ? 0ul : (unsigned long)GetLastError());
}

static void ExpectReadTooSmall(DWORD length, const char *what)
{
    char buffer[64];
    DWORD bytesRead = BYTES_SENTINEL;
    BOOL ok;

    memset(buffer, UNTOUCHED, sizeof(buffer));
    SetLastError(ERROR_SUCCESS);
    ok = ReadFile(Device, buffer, length, &bytesRead, NULL);
    CHECK(!ok, "[ReadFile into %s] fails", what);
    CHECK_EQ(GetLastError(), ERROR_INSUFFICIENT_BUFFER,
             "io-semantics 2.2 #4 [ReadFile into %s]: ERROR_INSUFFICIENT_BUFFER", what);
    CHECK_EQ(bytesRead, 0, "[ReadFile into %s] 0 bytes read", what);
    CHECK(IsUntouched(buffer, sizeof(buffer)), "io-semantics 1.C.22 [ReadFile into %s]: nothing "
          "written to the buffer", what);
}

static void TestRead(void)
{
    char buffer[64];
    DWORD bytesRead;
    BOOL ok;

    e2e_section("ReadFile");
    ExpectReadTooSmall(8, "8 bytes");
    ExpectReadTooSmall(sizeof(EXAMPLE_GREETING) - 1, "one byte less than the greeting");
    ExpectReadTooSmall(0, "0 bytes");

    memset(buffer, UNTOUCHED, sizeof(buffer));
    bytesRead = BYTES_SENTINEL;
    ok = ReadFile(Device, buffer, sizeof(EXAMPLE_GREETING), &bytesRead, NULL);
    CHECK(ok, "[ReadFile into exactly the greeting's size] succeeds (error %lu)",
          ok ? 0ul : (unsigned long)GetLastError());
    CHECK_EQ(bytesRead, sizeof(EXAMPLE_GREETING), "[ReadFile into exactly the greeting's size] bytes");
    CHECK_MEM(buffer, EXAMPLE_GREETING, sizeof(EXAMPLE_GREETING),
              "[ReadFile into exactly the greeting's size] the greeting");

    bytesRead = BYTES_SENTINEL;
    SetLastError(ERROR_SUCCESS);
    ok = ReadFile(Device, NULL, sizeof(buffer), &bytesRead, NULL);
    CHECK(!ok && GetLastError() == ERROR_NOACCESS,
          "io-semantics 1.C.27 [ReadFile into NULL]: refused with ERROR_NOACCESS (error %lu)",
          ok ? 0ul : (unsigned long)GetLastError());
}

int main(void)
{
    size_t i;

    Device = CreateFileA(EXAMPLE_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, NULL);
    if (!CHECK(Device != INVALID_HANDLE_VALUE, "open %s (error %lu)", EXAMPLE_WIN32_PATH,
               (unsigned long)GetLastError())) {
        return e2e_finish();
    }

    for (i = 0; i < sizeof(Ioctls) / sizeof(Ioctls[0]); i++) {
        TestIoctl(&Ioctls[i]);
    }
    TestWrite();
    TestRead();

    CloseHandle(Device);
    return e2e_finish();
}
