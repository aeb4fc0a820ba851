/*
 * test_generic_call_dpc_concurrent.c - KeGenericCallDpc runs the routine once on every
 * processor at DISPATCH_LEVEL; KeSignalCallDpcSynchronize is a barrier
 * (no processor passes it before all have reached it) that returns TRUE on
 * exactly one; KeGenericCallDpc returns once every processor has called
 * KeSignalCallDpcDone. Run with NTK_PROCESSORS=4 (tests/CMakeLists.txt),
 * and under ThreadSanitizer by make test.
 * The three routines are not in the WDK's headers: drivers declare them.
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>

NTKERNELAPI VOID NTAPI KeGenericCallDpc(PKDEFERRED_ROUTINE Routine, PVOID Context);
NTKERNELAPI VOID NTAPI KeSignalCallDpcDone(PVOID SystemArgument1);
NTKERNELAPI LOGICAL NTAPI KeSignalCallDpcSynchronize(PVOID SystemArgument2);

static volatile LONG processorsSeen, arrived, earlyLeavers, winners, notAtDispatch, calls, wrongContext;

static VOID PerProcessor(PKDPC Dpc, PVOID Context, PVOID SystemArgument1, PVOID SystemArgument2)
{
    (void)Dpc;
    if (Context != (PVOID)&processorsSeen) /* no cmocka assert off the test's thread */
        __atomic_add_fetch(&wrongContext, 1, __ATOMIC_RELAXED);
    if (KeGetCurrentIrql() != DISPATCH_LEVEL)
        __atomic_add_fetch(&notAtDispatch, 1, __ATOMIC_RELAXED);
    __atomic_fetch_or(&processorsSeen, 1L << KeGetCurrentProcessorNumber(), __ATOMIC_RELAXED);
    __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
    __atomic_add_fetch(&arrived, 1, __ATOMIC_ACQ_REL);
    if (KeSignalCallDpcSynchronize(SystemArgument2))
        __atomic_add_fetch(&winners, 1, __ATOMIC_RELAXED);
    if (__atomic_load_n(&arrived, __ATOMIC_ACQUIRE) != 4)
        __atomic_add_fetch(&earlyLeavers, 1, __ATOMIC_RELAXED);
    /* A second barrier in the same call works as well. */
    KeSignalCallDpcSynchronize(SystemArgument2);
    KeSignalCallDpcDone(SystemArgument1);
}

static void test_every_processor_once(void **state)
{
    (void)state;
    assert_int_equal(KeQueryActiveProcessorCount(NULL), 4);
    for (int round = 0; round < 20; round++) {
        processorsSeen = arrived = earlyLeavers = winners = notAtDispatch = calls = wrongContext = 0;
        KeGenericCallDpc(PerProcessor, (PVOID)&processorsSeen);
        assert_int_equal(calls, 4);
        assert_int_equal(processorsSeen, 0xF);
        assert_int_equal(notAtDispatch, 0);
        assert_int_equal(earlyLeavers, 0);
        assert_int_equal(winners, 1);
        assert_int_equal(wrongContext, 0);
    }
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_processor_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
