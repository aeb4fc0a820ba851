/*
 * test_affinity.c - a thread's system affinity (src/nt/ke/processor.c):
 * KeSetSystemAffinityThreadEx moves the thread to a processor of the set
 * and returns the previous system affinity (0 the first time), an invalid
 * set has no effect, KeRevertToUserAffinityThreadEx goes back step by step
 * and to the thread's own processor with 0; at DISPATCH_LEVEL the move
 * waits until the IRQL drops; the group forms and the old pair work too.
 * Run with NTK_PROCESSORS=4 (tests/CMakeLists.txt).
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>

static void test_set_and_revert(void **state)
{
    (void)state;
    assert_int_equal(KeQueryActiveProcessorCount(NULL), 4);
    ULONG own = KeGetCurrentProcessorNumber();
    ULONG other = (own + 2) % 4;

    assert_int_equal(KeSetSystemAffinityThreadEx((KAFFINITY)1 << other), 0);
    assert_int_equal(KeGetCurrentProcessorNumber(), other);
    /* A set that holds the current processor keeps it. */
    KAFFINITY both = ((KAFFINITY)1 << other) | ((KAFFINITY)1 << ((other + 1) % 4));
    assert_int_equal(KeSetSystemAffinityThreadEx(both), (KAFFINITY)1 << other);
    assert_int_equal(KeGetCurrentProcessorNumber(), other);
    /* Nested: the previous set comes back, then the thread's own processor. */
    assert_int_equal(KeSetSystemAffinityThreadEx((KAFFINITY)1 << ((other + 1) % 4)), both);
    assert_int_equal(KeGetCurrentProcessorNumber(), (other + 1) % 4);
    KeRevertToUserAffinityThreadEx(both);
    assert_int_equal(KeGetCurrentProcessorNumber(), (other + 1) % 4);
    KeRevertToUserAffinityThreadEx((KAFFINITY)1 << other);
    assert_int_equal(KeGetCurrentProcessorNumber(), other);
    KeRevertToUserAffinityThreadEx(0);
    assert_int_equal(KeGetCurrentProcessorNumber(), own);
    /* Without a system affinity a revert does nothing. */
    KeRevertToUserAffinityThreadEx((KAFFINITY)1 << other);
    assert_int_equal(KeGetCurrentProcessorNumber(), own);
}

static void test_invalid_sets_have_no_effect(void **state)
{
    (void)state;
    ULONG own = KeGetCurrentProcessorNumber();
    assert_int_equal(KeSetSystemAffinityThreadEx(0), 0);
    assert_int_equal(KeSetSystemAffinityThreadEx((KAFFINITY)1 << 10), 0); /* no processor 10 */
    assert_int_equal(KeSetSystemAffinityThreadEx(((KAFFINITY)1 << 10) | 1), 0);
    assert_int_equal(KeGetCurrentProcessorNumber(), own);
}

static void test_move_at_dispatch_waits_for_lower_irql(void **state)
{
    (void)state;
    ULONG own = KeGetCurrentProcessorNumber();
    ULONG other = (own + 1) % 4;
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    KeSetSystemAffinityThreadEx((KAFFINITY)1 << other);
    assert_int_equal(KeGetCurrentProcessorNumber(), own);
    KeLowerIrql(old);
    assert_int_equal(KeGetCurrentProcessorNumber(), other);
    KeRevertToUserAffinityThreadEx(0);
    assert_int_equal(KeGetCurrentProcessorNumber(), own);
}

static volatile ULONG dpcProcessor;
static VOID RecordProcessor(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Dpc;
    (void)Context;
    (void)Argument1;
    (void)Argument2;
    dpcProcessor = KeGetCurrentProcessorNumber();
}

/* A DPC queued on the old processor before the move still runs there. */
static void test_dpcs_of_the_old_processor_run_first(void **state)
{
    (void)state;
    ULONG own = KeGetCurrentProcessorNumber();
    ULONG other = (own + 1) % 4;
    KDPC dpc;
    KIRQL old;
    KeInitializeDpc(&dpc, RecordProcessor, NULL);
    dpcProcessor = 99;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    assert_true(KeInsertQueueDpc(&dpc, NULL, NULL));
    KeSetSystemAffinityThreadEx((KAFFINITY)1 << other);
    KeLowerIrql(old);
    KeFlushQueuedDpcs();
    assert_int_equal(dpcProcessor, own);
    assert_int_equal(KeGetCurrentProcessorNumber(), other);
    KeRevertToUserAffinityThreadEx(0);
}

static void test_old_and_group_forms(void **state)
{
    (void)state;
    ULONG own = KeGetCurrentProcessorNumber();
    ULONG other = (own + 3) % 4;
    KeSetSystemAffinityThread((KAFFINITY)1 << other);
    assert_int_equal(KeGetCurrentProcessorNumber(), other);
    KeRevertToUserAffinityThread();
    assert_int_equal(KeGetCurrentProcessorNumber(), own);

    GROUP_AFFINITY set = {.Mask = (KAFFINITY)1 << other, .Group = 0};
    GROUP_AFFINITY previous;
    memset(&previous, 0xcc, sizeof previous);
    KeSetSystemGroupAffinityThread(&set, &previous);
    assert_int_equal(KeGetCurrentProcessorNumber(), other);
    assert_int_equal(previous.Mask, 0);
    assert_int_equal(previous.Group, 0);
    GROUP_AFFINITY elsewhere = {.Mask = 1, .Group = 1}; /* no group 1 */
    GROUP_AFFINITY unchanged;
    KeSetSystemGroupAffinityThread(&elsewhere, &unchanged);
    assert_int_equal(KeGetCurrentProcessorNumber(), other);
    KeRevertToUserGroupAffinityThread(&previous);
    assert_int_equal(KeGetCurrentProcessorNumber(), own);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_and_revert),
        cmocka_unit_test(test_invalid_sets_have_no_effect),
        cmocka_unit_test(test_move_at_dispatch_waits_for_lower_irql),
        cmocka_unit_test(test_dpcs_of_the_old_processor_run_first),
        cmocka_unit_test(test_old_and_group_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
