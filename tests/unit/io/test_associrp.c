/*
 * test_associrp.c - associated IRPs: IoMakeAssociatedIrp links to the
 * master; each associated IRP is freed when completed; the master completes
 * (its completion routines run, its IOSB is written) only when the last one
 * completes, with the status the driver left in it.
 */
#include "ntk_test.h"
#include <internal/io.h>
#include <ntk/ntk.h>

static int master_completions;
static NTSTATUS master_done(PDEVICE_OBJECT dev, PIRP irp, PVOID context)
{
    (void)dev, (void)irp, (void)context;
    master_completions++;
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static int assoc_completions;
static NTSTATUS assoc_done(PDEVICE_OBJECT dev, PIRP irp, PVOID context)
{
    (void)dev, (void)irp, (void)context;
    assoc_completions++;
    return STATUS_SUCCESS;
}

static void test_master_completes_with_last_associated(void **state)
{
    (void)state;
    PIRP master = IoAllocateIrp(1, FALSE);
    IoSetCompletionRoutine(master, master_done, NULL, TRUE, TRUE, TRUE);
    IoSetNextIrpStackLocation(master);
    PIRP parts[3];
    for (int i = 0; i < 3; i++) {
        parts[i] = IoMakeAssociatedIrp(master, 2);
        assert_non_null(parts[i]);
        assert_true(parts[i]->Flags & IRP_ASSOCIATED_IRP);
        assert_ptr_equal(parts[i]->AssociatedIrp.MasterIrp, master);
        assert_int_equal(parts[i]->StackCount, 2);
        IoSetCompletionRoutine(parts[i], assoc_done, NULL, TRUE, TRUE, TRUE);
        IoSetNextIrpStackLocation(parts[i]);
    }
    master->AssociatedIrp.IrpCount = 3;
    master->IoStatus.Status = STATUS_SUCCESS;
    master->IoStatus.Information = 300;
    for (int i = 0; i < 3; i++) {
        parts[i]->IoStatus.Status = STATUS_SUCCESS;
        IoCompleteRequest(parts[i], IO_NO_INCREMENT);
        assert_int_equal(assoc_completions, i + 1);
        assert_int_equal(master_completions, i == 2 ? 1 : 0);
        assert_int_equal(master->AssociatedIrp.IrpCount, 2 - i);
    }
    assert_int_equal(master->IoStatus.Information, 300);
    IoFreeIrp(master);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_master_completes_with_last_associated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
