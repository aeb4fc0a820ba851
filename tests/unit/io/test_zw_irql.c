/*
 * test_zw_irql.c - ZwCreateFile and ZwOpenFile called above PASSIVE_LEVEL
 * are bug check 0xA reports naming the service and the IRQL, before they
 * touch their arguments (ke/irqlmax.def).
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>
#include <ntk/exitcodes.h>

void ntk_boot(void);

static void CreateAtDispatch(void)
{
    HANDLE handle;
    IO_STATUS_BLOCK iosb;
    KeRaiseIrqlToDpcLevel();
    ZwCreateFile(&handle, GENERIC_READ, NULL, &iosb, NULL, 0, 0, FILE_OPEN, 0, NULL, 0);
}

static void OpenAtApc(void)
{
    HANDLE handle;
    IO_STATUS_BLOCK iosb;
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    ZwOpenFile(&handle, GENERIC_READ, NULL, &iosb, 0, 0);
}

/* Body runs in a child: it must end in bug check 0xA with Detail. */
static void ExpectIrqlReport(void (*Body)(void), const char *Detail)
{
    static char out[16384];
    int status = ntk_test_run_child(Body, out, sizeof out);
    assert_int_equal(status, NTK_EXIT_BUGCHECK);
    assert_non_null(strstr(out, "IRQL_NOT_LESS_OR_EQUAL"));
    assert_non_null(strstr(out, Detail));
}

static void test_create_file_above_passive(void **state)
{
    (void)state;
    ExpectIrqlReport(CreateAtDispatch, "ZwCreateFile called at IRQL 2, above its maximum 0");
}

static void test_open_file_above_passive(void **state)
{
    (void)state;
    ExpectIrqlReport(OpenAtApc, "ZwOpenFile called at IRQL 1, above its maximum 0");
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_file_above_passive),
        cmocka_unit_test(test_open_file_above_passive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
