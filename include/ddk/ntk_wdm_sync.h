/*
 * ntk_wdm_sync.h - part of wdm.h (included by it only): see the comment on its include line.
 *
 * Dispatcher objects beyond events (semaphores, mutexes), waiting on one or
 * several of them, and system threads.
 */
#ifndef NTK_WDM_SYNC_H
#define NTK_WDM_SYNC_H

/* ---------------------------------------------------------------- Waits */

/* One object a thread waits on; the thread has THREAD_WAIT_OBJECTS of its
 * own, more need a caller-provided array. Windows x64 layout. */
typedef struct _KWAIT_BLOCK {
    LIST_ENTRY WaitListEntry;
    UCHAR WaitType;
    volatile UCHAR BlockState;
    USHORT WaitKey;
    LONG SpareLong;
    union {
        struct _KTHREAD *Thread;
        struct _KQUEUE *NotificationQueue;
    };
    PVOID Object;
    PVOID SparePtr;
} KWAIT_BLOCK, *PKWAIT_BLOCK, *PRKWAIT_BLOCK;

_Static_assert(sizeof(KWAIT_BLOCK) == 0x30, "KWAIT_BLOCK is 0x30 bytes on x64");
_Static_assert(__builtin_offsetof(KWAIT_BLOCK, Thread) == 0x18, "KWAIT_BLOCK.Thread");
_Static_assert(__builtin_offsetof(KWAIT_BLOCK, Object) == 0x20, "KWAIT_BLOCK.Object");

#define THREAD_WAIT_OBJECTS 3

NTKERNELAPI NTSTATUS NTAPI KeWaitForMultipleObjects(ULONG Count, PVOID Object[], WAIT_TYPE WaitType,
                                                    KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                                                    BOOLEAN Alertable, PLARGE_INTEGER Timeout,
                                                    PKWAIT_BLOCK WaitBlockArray);
NTKERNELAPI LONG NTAPI KePulseEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait);

/* ----------------------------------------------------------- Semaphores */

NTKERNELAPI VOID NTAPI KeInitializeSemaphore(PRKSEMAPHORE Semaphore, LONG Count, LONG Limit);
NTKERNELAPI LONG NTAPI KeReleaseSemaphore(PRKSEMAPHORE Semaphore, KPRIORITY Increment, LONG Adjustment,
                                          BOOLEAN Wait);
NTKERNELAPI LONG NTAPI KeReadStateSemaphore(PRKSEMAPHORE Semaphore);

/* -------------------------------------------------------------- Mutexes */

_Static_assert(sizeof(KMUTEX) == 0x38, "KMUTEX is 0x38 bytes on x64");
_Static_assert(__builtin_offsetof(KMUTEX, MutantListEntry) == 0x18, "KMUTEX.MutantListEntry");
_Static_assert(__builtin_offsetof(KMUTEX, OwnerThread) == 0x28, "KMUTEX.OwnerThread");
_Static_assert(__builtin_offsetof(KMUTEX, Abandoned) == 0x30, "KMUTEX.Abandoned");
_Static_assert(__builtin_offsetof(KMUTEX, ApcDisable) == 0x31, "KMUTEX.ApcDisable");

#define MUTANT_INCREMENT 1

NTKERNELAPI VOID NTAPI KeInitializeMutex(PRKMUTEX Mutex, ULONG Level);
NTKERNELAPI LONG NTAPI KeReleaseMutex(PRKMUTEX Mutex, BOOLEAN Wait);
NTKERNELAPI LONG NTAPI KeReadStateMutex(PRKMUTEX Mutex);

/* -------------------------------------------------------------- Threads */

#ifndef _CLIENT_ID_DEFINED
#define _CLIENT_ID_DEFINED
typedef struct _CLIENT_ID {
    HANDLE UniqueProcess;
    HANDLE UniqueThread;
} CLIENT_ID, *PCLIENT_ID;
#endif

typedef VOID NTAPI KSTART_ROUTINE(PVOID StartContext);
typedef KSTART_ROUTINE *PKSTART_ROUTINE;

#define LOW_PRIORITY 0
#define LOW_REALTIME_PRIORITY 16
#define HIGH_PRIORITY 31
#define MAXIMUM_PRIORITY 32

#ifndef THREAD_ALL_ACCESS
#define THREAD_TERMINATE 0x0001
#define THREAD_SUSPEND_RESUME 0x0002
#define THREAD_GET_CONTEXT 0x0008
#define THREAD_SET_CONTEXT 0x0010
#define THREAD_QUERY_INFORMATION 0x0040
#define THREAD_SET_INFORMATION 0x0020
#define THREAD_SET_THREAD_TOKEN 0x0080
#define THREAD_IMPERSONATE 0x0100
#define THREAD_DIRECT_IMPERSONATION 0x0200
#define THREAD_SET_LIMITED_INFORMATION 0x0400
#define THREAD_QUERY_LIMITED_INFORMATION 0x0800
#define THREAD_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFFF)
#endif

NTKERNELAPI NTSTATUS NTAPI PsCreateSystemThread(PHANDLE ThreadHandle, ULONG DesiredAccess,
                                                POBJECT_ATTRIBUTES ObjectAttributes, HANDLE ProcessHandle,
                                                PCLIENT_ID ClientId, PKSTART_ROUTINE StartRoutine,
                                                PVOID StartContext);
NTKERNELAPI NTSTATUS NTAPI PsTerminateSystemThread(NTSTATUS ExitStatus);
NTKERNELAPI NTSTATUS NTAPI PsLookupThreadByThreadId(HANDLE ThreadId, PETHREAD *Thread);
NTKERNELAPI HANDLE NTAPI PsGetThreadId(PETHREAD Thread);
NTKERNELAPI KPRIORITY NTAPI KeSetPriorityThread(PKTHREAD Thread, KPRIORITY Priority);
NTKERNELAPI KPRIORITY NTAPI KeQueryPriorityThread(PKTHREAD Thread);

#endif
