/*
 * test_sync.c - the Win32 synchronization subset as an application sees it:
 * semaphores, mutexes (ownership, abandonment), threads (exit codes,
 * ExitThread, ids), WaitForSingleObject(Ex) and WaitForMultipleObjects(Ex)
 * with their WAIT_* results and last errors.
 */
#include "ntk_test.h"
#include <windows.h>
#include <ntk/ntk.h>

static void test_semaphores(void **state)
{
    HANDLE s = CreateSemaphoreA(NULL, 1, 2, NULL);
    assert_non_null(s);
    LONG previous = -1;
    assert_true(ReleaseSemaphore(s, 1, &previous));
    assert_int_equal(previous, 1);
    assert_false(ReleaseSemaphore(s, 1, &previous));
    assert_int_equal(GetLastError(), ERROR_TOO_MANY_POSTS);
    assert_int_equal(WaitForSingleObject(s, 0), WAIT_OBJECT_0);
    assert_int_equal(WaitForSingleObjectEx(s, 10, TRUE), WAIT_OBJECT_0);
    assert_int_equal(WaitForSingleObject(s, 0), WAIT_TIMEOUT);
    assert_true(CloseHandle(s));

    assert_null(CreateSemaphoreW(NULL, 3, 2, NULL));
    assert_int_equal(GetLastError(), ERROR_INVALID_PARAMETER);
    assert_null(CreateSemaphoreW(NULL, 0, 0, NULL));
    assert_int_equal(GetLastError(), ERROR_INVALID_PARAMETER);
}

static HANDLE SharedMutex;

static DWORD WINAPI ReleaseNotOwned(LPVOID p)
{
    return ReleaseMutex(SharedMutex) ? 0 : GetLastError();
}

static DWORD WINAPI TakeAndReturn(LPVOID p)
{
    return WaitForSingleObject(SharedMutex, INFINITE);
}

static void test_mutexes(void **state)
{
    SharedMutex = CreateMutexA(NULL, TRUE, NULL);
    assert_non_null(SharedMutex);
    assert_int_equal(WaitForSingleObject(SharedMutex, 0), WAIT_OBJECT_0); /* recursive */
    HANDLE t = CreateThread(NULL, 0, ReleaseNotOwned, NULL, 0, NULL);
    assert_non_null(t);
    assert_int_equal(WaitForSingleObject(t, INFINITE), WAIT_OBJECT_0);
    DWORD code = 0;
    assert_true(GetExitCodeThread(t, &code));
    assert_int_equal(code, ERROR_NOT_OWNER);
    CloseHandle(t);
    assert_true(ReleaseMutex(SharedMutex));
    assert_true(ReleaseMutex(SharedMutex));
    assert_false(ReleaseMutex(SharedMutex));
    assert_int_equal(GetLastError(), ERROR_NOT_OWNER);

    /* A thread that ends owning it abandons it. */
    t = CreateThread(NULL, 0, TakeAndReturn, NULL, 0, NULL);
    assert_int_equal(WaitForSingleObject(t, INFINITE), WAIT_OBJECT_0);
    assert_true(GetExitCodeThread(t, &code));
    assert_int_equal(code, WAIT_OBJECT_0);
    HANDLE event = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE both[2] = {event, SharedMutex};
    assert_int_equal(WaitForMultipleObjects(2, both, FALSE, INFINITE), WAIT_ABANDONED_0 + 1);
    assert_int_equal(WaitForSingleObject(SharedMutex, 0), WAIT_OBJECT_0);
    assert_true(ReleaseMutex(SharedMutex));
    assert_true(ReleaseMutex(SharedMutex));
    CloseHandle(t);
    CloseHandle(event);
    CloseHandle(SharedMutex);
}

static HANDLE Go;

static DWORD WINAPI WaitThenReturn(LPVOID p)
{
    WaitForSingleObject(Go, INFINITE);
    return (DWORD)(ULONG_PTR)p;
}

static volatile int Depth = 3;

static void __attribute__((noinline)) Nested(int depth)
{
    if (depth > 0)
        Nested(depth - 1);
    else if (Depth)
        ExitThread(7);
}

static DWORD WINAPI Exits(LPVOID p)
{
    Nested(Depth);
    return 1;
}

static void test_threads(void **state)
{
    Go = CreateEventW(NULL, TRUE, FALSE, NULL);
    DWORD id = 0, code = 0;
    HANDLE t = CreateThread(NULL, 0, WaitThenReturn, (LPVOID)42, 0, &id);
    assert_non_null(t);
    assert_int_not_equal(id, 0);
    assert_int_equal(GetThreadId(t), id);
    assert_true(GetExitCodeThread(t, &code));
    assert_int_equal(code, STILL_ACTIVE);
    assert_int_equal(WaitForSingleObject(t, 5), WAIT_TIMEOUT);
    SetEvent(Go);
    assert_int_equal(WaitForSingleObject(t, INFINITE), WAIT_OBJECT_0);
    assert_true(GetExitCodeThread(t, &code));
    assert_int_equal(code, 42);
    CloseHandle(t);

    t = CreateThread(NULL, 0, Exits, NULL, 0, NULL);
    assert_int_equal(WaitForSingleObject(t, INFINITE), WAIT_OBJECT_0);
    assert_true(GetExitCodeThread(t, &code));
    assert_int_equal(code, 7);
    CloseHandle(t);
    CloseHandle(Go);
}

static HANDLE EvA, EvB;

static DWORD WINAPI SetLater(LPVOID p)
{
    Sleep(10);
    SetEvent(EvA);
    Sleep(10);
    SetEvent(EvB);
    return 0;
}

static void test_wait_multiple(void **state)
{
    EvA = CreateEventA(NULL, FALSE, FALSE, NULL);
    EvB = CreateEventA(NULL, FALSE, FALSE, NULL);
    HANDLE both[2] = {EvA, EvB};
    HANDLE t = CreateThread(NULL, 0, SetLater, NULL, 0, NULL);
    assert_int_equal(WaitForMultipleObjectsEx(2, both, TRUE, INFINITE, FALSE), WAIT_OBJECT_0);
    assert_int_equal(WaitForSingleObject(t, INFINITE), WAIT_OBJECT_0);
    CloseHandle(t);

    /* WaitAny: the first signalled in array order. */
    SetEvent(EvB);
    SetEvent(EvA);
    assert_int_equal(WaitForMultipleObjects(2, both, FALSE, 0), WAIT_OBJECT_0);
    assert_int_equal(WaitForMultipleObjects(2, both, FALSE, 0), WAIT_OBJECT_0 + 1);
    assert_int_equal(WaitForMultipleObjects(2, both, FALSE, 10), WAIT_TIMEOUT);

    assert_int_equal(WaitForMultipleObjects(0, both, FALSE, 0), WAIT_FAILED);
    assert_int_equal(GetLastError(), ERROR_INVALID_PARAMETER);
    HANDLE same[2] = {EvA, EvA};
    assert_int_equal(WaitForMultipleObjects(2, same, TRUE, 0), WAIT_FAILED);
    assert_int_equal(GetLastError(), ERROR_INVALID_PARAMETER);
    HANDLE bad[2] = {EvA, (HANDLE)(ULONG_PTR)0x7770};
    assert_int_equal(WaitForMultipleObjects(2, bad, FALSE, 0), WAIT_FAILED);
    assert_int_equal(GetLastError(), ERROR_INVALID_HANDLE);
    assert_int_equal(WaitForSingleObject((HANDLE)(ULONG_PTR)0x7770, 0), WAIT_FAILED);
    assert_int_equal(GetLastError(), ERROR_INVALID_HANDLE);
    assert_int_equal(SleepEx(1, TRUE), 0);
    CloseHandle(EvA);
    CloseHandle(EvB);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_semaphores),
        cmocka_unit_test(test_mutexes),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_wait_multiple),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
