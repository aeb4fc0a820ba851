/*
 * test_seh.c - structured exception handling: faults and raised statuses
 * land in __except with the right code, filters choose, __finally runs on
 * normal exit, __leave and exceptions, frames unwind on return, nesting.
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>

static volatile int sink;

/* An unmapped low address the compiler cannot see through. */
static __attribute__((noinline)) void *bad_address(uintptr_t a)
{
    return (void *)a;
}

static void test_access_violation_lands_in_except(void **state)
{
    NTK_TEST_OWN_FAULTS();
    volatile NTSTATUS code = 0;
    __try {
        sink = *(volatile int *)bad_address(0x10);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, STATUS_ACCESS_VIOLATION);
    /* The chain is empty again. */
    assert_null(KiThread()->SehChain);
}

static void test_exception_record_has_address_and_kind(void **state)
{
    NTK_TEST_OWN_FAULTS();
    volatile ULONG_PTR written = 0, address = 0;
    __try {
        *(volatile int *)bad_address(0x20) = 1;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        PEXCEPTION_POINTERS info = GetExceptionInformation();
        written = info->ExceptionRecord->ExceptionInformation[0];
        address = info->ExceptionRecord->ExceptionInformation[1];
    }
    assert_int_equal(written, 1);
    assert_int_equal(address, 0x20);
}

static void test_raise_status_and_filter_value(void **state)
{
    NTK_TEST_OWN_FAULTS();
    volatile int handled = 0;
    __try {
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
    } __except (GetExceptionCode() == STATUS_INSUFFICIENT_RESOURCES ? EXCEPTION_EXECUTE_HANDLER
                                                                    : EXCEPTION_CONTINUE_SEARCH) {
        handled = 1;
    }
    assert_int_equal(handled, 1);
}

static void test_continue_search_reaches_outer_handler(void **state)
{
    NTK_TEST_OWN_FAULTS();
    volatile int inner = 0, outer = 0;
    __try {
        __try {
            ExRaiseStatus(STATUS_UNSUCCESSFUL);
        } __except (EXCEPTION_CONTINUE_SEARCH) {
            inner = 1;
        }
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        outer = GetExceptionCode() == STATUS_UNSUCCESSFUL;
    }
    assert_int_equal(inner, 0);
    assert_int_equal(outer, 1);
}

static void test_finally_runs_normally_on_leave_and_on_exception(void **state)
{
    NTK_TEST_OWN_FAULTS();
    volatile int finallies = 0, after = 0, caught = 0;
    __try {
        after = 1;
    } __finally {
        finallies++;
    }
    __try {
        __leave;
        after = 2; /* not reached */
    } __finally {
        finallies++;
    }
    __try {
        __try {
            ExRaiseStatus(STATUS_ACCESS_DENIED);
        } __finally {
            finallies++;
        }
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        caught = GetExceptionCode() == STATUS_ACCESS_DENIED;
    }
    assert_int_equal(finallies, 3);
    assert_int_equal(after, 1);
    assert_int_equal(caught, 1);
}

static int return_from_inside_try(void)
{
    __try {
        return 7;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return -1;
    }
    return 0;
}

static void test_return_from_try_unwinds_the_frame(void **state)
{
    NTK_TEST_OWN_FAULTS();
    assert_int_equal(return_from_inside_try(), 7);
    assert_null(KiThread()->SehChain);
    /* A later fault still reaches the right handler. */
    volatile NTSTATUS code = 0;
    __try {
        sink = *(volatile int *)bad_address(0x30);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, STATUS_ACCESS_VIOLATION);
}

/* A real divide instruction: the sanitizer must not turn it into a report. */
static __attribute__((noinline, no_sanitize("undefined"))) int divide(int a, int b)
{
    return a / b;
}

static void fault_in_callee(void)
{
    sink = *(volatile int *)bad_address(0x40);
}

static void test_fault_in_callee_and_divide_by_zero(void **state)
{
    NTK_TEST_OWN_FAULTS();
    volatile NTSTATUS code = 0;
    __try {
        fault_in_callee();
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, STATUS_ACCESS_VIOLATION);
    volatile int zero = 0;
    __try {
        sink = divide(10, zero);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, STATUS_INTEGER_DIVIDE_BY_ZERO);
}

static void test_probe_for_write_and_read(void **state)
{
    NTK_TEST_OWN_FAULTS();
    char buffer[16];
    volatile NTSTATUS code = 0;
    __try {
        ProbeForWrite(buffer, sizeof buffer, 1);
        ProbeForRead(buffer, sizeof buffer, 1);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, 0);
    __try {
        ProbeForRead(buffer + 1, 4, 4);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, STATUS_DATATYPE_MISALIGNMENT);
    __try {
        ProbeForRead((PVOID)(ULONG_PTR)0xFFFFFFFFFFFFF000ULL, 0x2000, 1);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, STATUS_ACCESS_VIOLATION);
    code = 0;
    __try {
        ProbeForWrite((PVOID)(ULONG_PTR)0x1000, 8, 1);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, STATUS_ACCESS_VIOLATION);
    /* Zero length is never checked. */
    code = 0;
    __try {
        ProbeForRead(NULL, 0, 4);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    assert_int_equal(code, 0);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_access_violation_lands_in_except),
        cmocka_unit_test(test_exception_record_has_address_and_kind),
        cmocka_unit_test(test_raise_status_and_filter_value),
        cmocka_unit_test(test_continue_search_reaches_outer_handler),
        cmocka_unit_test(test_finally_runs_normally_on_leave_and_on_exception),
        cmocka_unit_test(test_return_from_try_unwinds_the_frame),
        cmocka_unit_test(test_fault_in_callee_and_divide_by_zero),
        cmocka_unit_test(test_probe_for_write_and_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
