/*
 * app.c - drives the StartIo sample from several threads at once: every
 * request must come back with the right square, each with its own place in
 * the device's order, and the device must never have worked on two at once.
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include "startio_public.h"

#define THREADS 4
#define CALLS 25

static HANDLE device;
static LONG failures;
static LONG seen[THREADS * CALLS + 1];

static DWORD WINAPI Worker(LPVOID param)
{
    LONG base = (LONG)(ULONG_PTR)param * 1000;
    for (LONG i = 0; i < CALLS; i++) {
        STARTIO_REQUEST request = {base + i};
        STARTIO_REPLY reply = {0};
        DWORD bytes = 0;
        if (!DeviceIoControl(device, IOCTL_STARTIO_SQUARE, &request, sizeof request, &reply, sizeof reply, &bytes,
                             NULL) ||
            bytes != sizeof reply || reply.Square != request.Value * request.Value || reply.Order < 1 ||
            reply.Order > THREADS * CALLS || reply.MaxActive != 1) {
            printf("request %ld: error %lu, %lu bytes, square %ld, order %ld, max active %ld\n", request.Value,
                   GetLastError(), bytes, reply.Square, reply.Order, reply.MaxActive);
            InterlockedIncrement(&failures);
            continue;
        }
        if (InterlockedIncrement(&seen[reply.Order]) != 1)
            InterlockedIncrement(&failures);
    }
    return 0;
}

int main(void)
{
    device = CreateFileA(STARTIO_WIN32_PATH, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (device == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: %lu\n", GetLastError());
        return 1;
    }
    HANDLE threads[THREADS];
    for (int i = 0; i < THREADS; i++)
        threads[i] = CreateThread(NULL, 0, Worker, (LPVOID)(ULONG_PTR)(i + 1), 0, NULL);
    WaitForMultipleObjects(THREADS, threads, TRUE, INFINITE);
    for (int i = 0; i < THREADS; i++)
        CloseHandle(threads[i]);
    CloseHandle(device);
    printf("%d requests served one at a time, %ld failures\n", THREADS * CALLS, failures);
    return failures ? 1 : 0;
}
