/*
 * app.c - a console application that talks to the Example driver.
 *
 * It opens \\.\Example, writes a string to the driver, reads the driver's
 * greeting, sends a message with each of the four I/O control codes and
 * prints the replies, then shows what a caller sees when its buffer is too
 * small: one case for ReadFile and one per transfer method.
 *
 * Every answer is compared with what the driver is known to send
 * (public.h); the exit status is 0 when everything matched, 1 otherwise.
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include <string.h>

#include "public.h"

/* Written to *lpBytesReturned before a call that should fail, to show that
 * DeviceIoControl leaves it alone then. */
#define NOT_WRITTEN 0xFFFFFFFFu

typedef struct _EXAMPLE_IOCTL {
    const char *MethodName;
    DWORD Code;
    const char *Message;
    const char *ExpectedReply;
} EXAMPLE_IOCTL;

static const EXAMPLE_IOCTL ExampleIoctls[] = {
    {"METHOD_IN_DIRECT", IOCTL_EXAMPLE_SAMPLE_DIRECT_IN_IO, "Hello from user mode (direct in)",
     EXAMPLE_REPLY_DIRECT_IN},
    {"METHOD_OUT_DIRECT", IOCTL_EXAMPLE_SAMPLE_DIRECT_OUT_IO, "Hello from user mode (direct out)",
     EXAMPLE_REPLY_DIRECT_OUT},
    {"METHOD_BUFFERED", IOCTL_EXAMPLE_SAMPLE_BUFFERED_IO, "Hello from user mode (buffered)",
     EXAMPLE_REPLY_BUFFERED},
    {"METHOD_NEITHER", IOCTL_EXAMPLE_SAMPLE_NEITHER_IO, "Hello from user mode (neither)",
     EXAMPLE_REPLY_NEITHER},
};

static unsigned Checks;
static unsigned Mismatches;

/* Counts one comparison; prints the ones that do not hold. */
static void Expect(BOOL holds, const char *what)
{
    Checks++;
    if (!holds) {
        Mismatches++;
        printf("    MISMATCH: %s\n", what);
    }
}

static void WriteGreetingToDriver(HANDLE device)
{
    static const char message[] = "Hello from user mode!";
    DWORD bytesWritten = 0;
    BOOL ok;

    ok = WriteFile(device, message, sizeof(message), &bytesWritten, NULL);
    printf("  WriteFile  sent \"%s\" (%lu bytes) -> %s, %lu bytes written\n", message,
           (unsigned long)sizeof(message), ok ? "ok" : "FAILED", (unsigned long)bytesWritten);
    if (!ok) {
        printf("    GetLastError() = %lu\n", (unsigned long)GetLastError());
    }
    Expect(ok, "WriteFile should succeed");
    Expect(bytesWritten == sizeof(message), "the driver should take the whole string");
}

static void ReadGreetingFromDriver(HANDLE device)
{
    char greeting[64];
    DWORD bytesRead = 0;
    BOOL ok;

    ZeroMemory(greeting, sizeof(greeting));
    ok = ReadFile(device, greeting, sizeof(greeting), &bytesRead, NULL);
    printf("  ReadFile   got \"%s\" (%lu bytes) -> %s\n", greeting, (unsigned long)bytesRead,
           ok ? "ok" : "FAILED");
    if (!ok) {
        printf("    GetLastError() = %lu\n", (unsigned long)GetLastError());
    }
    Expect(ok, "ReadFile should succeed");
    Expect(bytesRead == sizeof(EXAMPLE_GREETING), "ReadFile should return the whole greeting");
    Expect(strcmp(greeting, EXAMPLE_GREETING) == 0, "the greeting should be the driver's");
}

static void SendMessageWithIoctl(HANDLE device, const EXAMPLE_IOCTL *ioctl)
{
    char reply[128];
    DWORD bytesReturned = 0;
    BOOL ok;

    ZeroMemory(reply, sizeof(reply));
    ok = DeviceIoControl(device, ioctl->Code, (LPVOID)ioctl->Message,
                         (DWORD)strlen(ioctl->Message) + 1, reply, sizeof(reply), &bytesReturned,
                         NULL);
    printf("  %-18s -> %lu bytes: \"%s\"\n", ioctl->MethodName, (unsigned long)bytesReturned,
           reply);
    if (!ok) {
        printf("    DeviceIoControl failed, GetLastError() = %lu\n", (unsigned long)GetLastError());
    }
    Expect(ok, "DeviceIoControl should succeed");
    Expect(bytesReturned == strlen(ioctl->ExpectedReply) + 1,
           "bytes returned should be the reply's size");
    Expect(strcmp(reply, ioctl->ExpectedReply) == 0, "the reply should be the driver's");
}

/* ReadFile into a buffer smaller than the greeting: the driver fails the
 * read, ReadFile returns FALSE and reports 0 bytes read. */
static void ReadIntoSmallBuffer(HANDLE device)
{
    char small[8];
    DWORD bytesRead = NOT_WRITTEN;
    DWORD error;
    BOOL ok;

    memset(small, '-', sizeof(small));
    ok = ReadFile(device, small, sizeof(small), &bytesRead, NULL);
    error = ok ? ERROR_SUCCESS : GetLastError();
    printf("  %-31s -> %s, GetLastError() = %lu, %lu bytes read\n", "ReadFile into 8 bytes",
           ok ? "TRUE" : "FALSE", (unsigned long)error, (unsigned long)bytesRead);
    Expect(!ok, "ReadFile should fail");
    Expect(error == ERROR_INSUFFICIENT_BUFFER, "the error should be ERROR_INSUFFICIENT_BUFFER");
    Expect(bytesRead == 0, "ReadFile sets the byte count to 0 before it starts");
    Expect(small[0] == '-', "nothing should be written to the buffer");
}

/* An I/O control whose output buffer is too small for the reply: the
 * driver completes it with STATUS_BUFFER_TOO_SMALL, so nothing comes back,
 * not even the byte count, and DeviceIoControl fails. */
static void SendWithSmallReplyBuffer(HANDLE device, const EXAMPLE_IOCTL *ioctl)
{
    char small[8];
    char label[64];
    DWORD bytesReturned = NOT_WRITTEN;
    DWORD error;
    BOOL ok;

    memset(small, '-', sizeof(small));
    ok = DeviceIoControl(device, ioctl->Code, (LPVOID)ioctl->Message,
                         (DWORD)strlen(ioctl->Message) + 1, small, sizeof(small), &bytesReturned,
                         NULL);
    error = ok ? ERROR_SUCCESS : GetLastError();
    sprintf(label, "%s into %lu bytes", ioctl->MethodName, (unsigned long)sizeof(small));
    printf("  %-31s -> %s, GetLastError() = %lu, bytes returned %s\n", label,
           ok ? "TRUE" : "FALSE", (unsigned long)error,
           bytesReturned == NOT_WRITTEN ? "not written" : "WRITTEN");
    Expect(!ok, "DeviceIoControl should fail");
    Expect(error == ERROR_INSUFFICIENT_BUFFER, "the error should be ERROR_INSUFFICIENT_BUFFER");
    Expect(bytesReturned == NOT_WRITTEN, "a failed request writes no byte count");
    Expect(small[0] == '-', "nothing should be written to the buffer");
}

int main(void)
{
    HANDLE device;
    size_t i;

    printf("Opening %s\n", EXAMPLE_WIN32_PATH);
    device = CreateFileA(EXAMPLE_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, NULL);
    if (device == INVALID_HANDLE_VALUE) {
        printf("  CreateFile failed, GetLastError() = %lu: is the Example driver loaded?\n",
               (unsigned long)GetLastError());
        return 1;
    }

    printf("\nReading and writing:\n");
    WriteGreetingToDriver(device);
    ReadGreetingFromDriver(device);

    printf("\nI/O control codes, one per transfer method:\n");
    for (i = 0; i < sizeof(ExampleIoctls) / sizeof(ExampleIoctls[0]); i++) {
        SendMessageWithIoctl(device, &ExampleIoctls[i]);
    }

    printf("\nBuffers too small for the answer:\n");
    ReadIntoSmallBuffer(device);
    for (i = 0; i < sizeof(ExampleIoctls) / sizeof(ExampleIoctls[0]); i++) {
        SendWithSmallReplyBuffer(device, &ExampleIoctls[i]);
    }

    CloseHandle(device);

    if (Mismatches != 0) {
        printf("\n%u of %u checks did not match.\n", Mismatches, Checks);
        return 1;
    }
    printf("\nClosed %s. All %u checks matched.\n", EXAMPLE_WIN32_PATH, Checks);
    return 0;
}
