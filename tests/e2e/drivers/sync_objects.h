/*
 * sync_objects.h - interface of the sync_objects test driver: semaphore and
 * thread handles an application made, used by the driver, and a system
 * thread the driver starts and waits for.
 */
#ifndef E2E_SYNC_OBJECTS_H
#define E2E_SYNC_OBJECTS_H

#define SYNC_DEVICE_NAME L"\\Device\\E2eSyncObjects"
#define SYNC_LINK_NAME L"\\DosDevices\\E2eSyncObjects"
#define SYNC_WIN32_NAME "\\\\.\\E2eSyncObjects"

/* Input: a semaphore HANDLE. The driver references it (SEMAPHORE_MODIFY_STATE,
 * *ExSemaphoreObjectType, the requestor's mode) and releases it once.
 * Output: SYNC_RESULT {status of the reference, previous count}. */
#define IOCTL_SYNC_RELEASE_SEMAPHORE CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA10, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* Input: a thread HANDLE. The driver references it (SYNCHRONIZE,
 * *PsThreadType) and waits for it (5 s at most). Output: SYNC_RESULT
 * {status of the reference, status of the wait}. */
#define IOCTL_SYNC_WAIT_THREAD CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA11, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* No input. The driver starts a system thread, which checks its context
 * (PASSIVE_LEVEL, KernelMode, System process) and ends with
 * PsTerminateSystemThread; the driver waits for it through its handle.
 * Output: SYNC_RESULT {status of the wait, what the thread saw (1 = all
 * as documented)}. */
#define IOCTL_SYNC_SYSTEM_THREAD CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA12, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _SYNC_RESULT {
    LONG First;
    LONG Second;
} SYNC_RESULT;

#endif
