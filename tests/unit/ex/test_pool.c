/*
 * test_pool.c - the executive pool: allocators and their flags, tags,
 * alignment, zero-byte blocks, usage accounting, and the bug checks for a
 * wrong tag, a double free, a bad address and a bad IRQL (in children).
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <internal/ex_pool.h>
#include <ntk/ntk.h>

/* Runs Body in a child with stderr captured; returns its exit status and
 * the report in Output. */
static char Output[65536];
static int RunChild(void (*Body)(void))
{
    return ntk_test_run_child(Body, Output, sizeof Output);
}

static void test_allocate_and_free_with_tag(void **state)
{
    (void)state;
    char *p = ExAllocatePoolWithTag(NonPagedPoolNx, 100, 'tseT');
    assert_non_null(p);
    assert_int_equal((ULONG_PTR)p % 16, 0);
    memset(p, 0xAB, 100);
    ExFreePoolWithTag(p, 'tseT');
    p = ExAllocatePoolWithTag(PagedPool, 10, 'tseT');
    assert_non_null(p);
    ExFreePool(p); /* no tag: not checked */
    p = ExAllocatePool(NonPagedPool, 8);
    assert_non_null(p);
    ExFreePoolWithTag(p, 'enoN');
}

static void test_cache_aligned(void **state)
{
    (void)state;
    void *p = ExAllocatePoolWithTag(NonPagedPoolCacheAligned, 33, 'nlAC');
    void *q = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_CACHE_ALIGNED, 200, 'nlAC');
    assert_int_equal((ULONG_PTR)p % 64, 0);
    assert_int_equal((ULONG_PTR)q % 64, 0);
    ExFreePoolWithTag(p, 'nlAC');
    ExFreePoolWithTag(q, 'nlAC');
}

static void test_zero_byte_allocation_is_a_unique_block(void **state)
{
    (void)state;
    void *a = ExAllocatePoolWithTag(NonPagedPoolNx, 0, 'oreZ');
    void *b = ExAllocatePoolWithTag(NonPagedPoolNx, 0, 'oreZ');
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    ExFreePoolWithTag(a, 'oreZ');
    ExFreePoolWithTag(b, 'oreZ');
}

static void test_pool2_zeroes_unless_uninitialized(void **state)
{
    (void)state;
    /* Dirty a block, free it, and ask again: Pool2 must hand out zeroes. */
    for (int i = 0; i < 16; i++) {
        unsigned char *p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 256, 'orZ2');
        assert_non_null(p);
        for (int j = 0; j < 256; j++)
            assert_int_equal(p[j], 0);
        memset(p, 0xCC, 256);
        ExFreePoolWithTag(p, 'orZ2');
    }
    unsigned char *z = ExAllocatePoolZero(PagedPool, 64, 'orZ2');
    for (int j = 0; j < 64; j++)
        assert_int_equal(z[j], 0);
    ExFreePool(z);
    void *u = ExAllocatePool2(POOL_FLAG_PAGED | POOL_FLAG_UNINITIALIZED, 64, 'orZ2');
    assert_non_null(u);
    ExFreePool(u);
}

static void test_pool2_rejects_bad_flags_and_tag_zero(void **state)
{
    (void)state;
    assert_null(ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 0));
    assert_null(ExAllocatePool2(0, 16, 'galF'));
    assert_null(ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_PAGED, 16, 'galF'));
    assert_null(ExAllocatePool2(POOL_FLAG_NON_PAGED | 0x10000ull, 16, 'galF')); /* unknown required bit */
    void *p = ExAllocatePool2(POOL_FLAG_NON_PAGED | 0x100000000ull, 16, 'galF'); /* optional bits are ignored */
    assert_non_null(p);
    ExFreePool(p);
}

static void test_pool2_raise_on_failure(void **state)
{
    (void)state;
    volatile NTSTATUS caught = 0;
    __try {
        ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_RAISE_ON_FAILURE, 16, 0);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        caught = GetExceptionCode();
    }
    assert_int_equal(caught, STATUS_INSUFFICIENT_RESOURCES);
}

static void test_pool3_parameters(void **state)
{
    (void)state;
    POOL_EXTENDED_PARAMETER prio = {0};
    prio.Type = PoolExtendedParameterPriority;
    prio.Priority = HighPoolPriority;
    void *p = ExAllocatePool3(POOL_FLAG_NON_PAGED, 48, '3loP', &prio, 1);
    assert_non_null(p);
    ExFreePoolWithTag(p, '3loP');
    p = ExAllocatePool3(POOL_FLAG_PAGED, 48, '3loP', NULL, 0);
    assert_non_null(p);
    ExFreePoolWithTag(p, '3loP');
    POOL_EXTENDED_PARAMETER secure = {0};
    secure.Type = PoolExtendedParameterSecurePool;
    assert_null(ExAllocatePool3(POOL_FLAG_NON_PAGED, 48, '3loP', &secure, 1));
    secure.Optional = 1; /* an optional one that cannot be honoured is ignored */
    p = ExAllocatePool3(POOL_FLAG_NON_PAGED, 48, '3loP', &secure, 1);
    assert_non_null(p);
    ExFreePool(p);
}

static void test_quota_variants(void **state)
{
    (void)state;
    void *p = ExAllocatePoolWithQuotaTag(NonPagedPoolNx, 32, 'touQ');
    assert_non_null(p);
    ExFreePoolWithTag(p, 'touQ');
    unsigned char *z = ExAllocatePoolQuotaZero(PagedPool, 32, 'touQ');
    for (int i = 0; i < 32; i++)
        assert_int_equal(z[i], 0);
    ExFreePool(z);
    p = ExAllocatePoolWithQuota(NonPagedPool, 8);
    assert_non_null(p);
    ExFreePool(p);
}

static char Dump[16384];
static void DumpLine(const char *text)
{
    strncat(Dump, text, sizeof Dump - strlen(Dump) - 2);
    strcat(Dump, "\n");
}

static void test_usage_table_counts_per_tag(void **state)
{
    (void)state;
    void *p[3];
    for (int i = 0; i < 3; i++)
        p[i] = ExAllocatePoolWithTag(NonPagedPoolNx, 100, 'desU');
    ExFreePool(p[0]);
    void *q = ExAllocatePoolWithTag(PagedPool, 7, 'desU');
    Dump[0] = 0;
    ExpDumpPoolUsage(DumpLine);
    const char *row = strstr(Dump, " Used ");
    assert_non_null(row);
    long long na, nf, nd, nb, pa, pf, pd, pb;
    char owner[64];
    assert_int_equal(sscanf(row, " Used %63s %lld %lld %lld %lld %lld %lld %lld %lld", owner, &na, &nf, &nd, &nb, &pa,
                            &pf, &pd, &pb),
                     9);
    assert_int_equal(na, 3);
    assert_int_equal(nf, 1);
    assert_int_equal(nd, 2);
    assert_int_equal(nb, 200);
    assert_int_equal(pa, 1);
    assert_int_equal(pf, 0);
    assert_int_equal(pb, 7);
    ExFreePool(p[1]);
    ExFreePool(p[2]);
    ExFreePool(q);
}

static void WrongTag(void)
{
    void *p = ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'enO1');
    ExFreePoolWithTag(p, 'owT2');
}

static void test_wrong_tag_is_bad_pool_caller_0a(void **state)
{
    (void)state;
    assert_int_equal(RunChild(WrongTag), 200);
    assert_non_null(strstr(Output, "BAD_POOL_CALLER"));
    assert_non_null(strstr(Output, "0x000000c2 (0x000000000000000A,"));
    char expect[64];
    snprintf(expect, sizeof expect, ",0x%016llX,0x%016llX)", (unsigned long long)'enO1', (unsigned long long)'owT2');
    assert_non_null(strstr(Output, expect));
}

static void ProtectedWithoutTag(void)
{
    void *p = ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'torP' | PROTECTED_POOL);
    ExFreePool(p);
}

static void test_protected_tag_needs_the_tag(void **state)
{
    (void)state;
    assert_int_equal(RunChild(ProtectedWithoutTag), 200);
    assert_non_null(strstr(Output, "0x000000c2 (0x000000000000000A,"));
}

static void DoubleFree(void)
{
    void *p = ExAllocatePoolWithTag(NonPagedPoolNx, 64, 'lbuD');
    ExFreePoolWithTag(p, 'lbuD');
    ExFreePoolWithTag(p, 'lbuD');
}

static void test_double_free_is_bad_pool_caller_07(void **state)
{
    (void)state;
    assert_int_equal(RunChild(DoubleFree), 200);
    assert_non_null(strstr(Output, "0x000000c2 (0x0000000000000007,"));
    char expect[64];
    snprintf(expect, sizeof expect, ",0x%016llX,", (unsigned long long)'lbuD');
    assert_non_null(strstr(Output, expect));
}

static void FreeNonPool(void)
{
    static char notpool[64] __attribute__((aligned(16)));
    ExFreePool(notpool + 32);
}

static void test_free_of_non_pool_address(void **state)
{
    (void)state;
    assert_int_equal(RunChild(FreeNonPool), 200);
    assert_non_null(strstr(Output, "0x000000c2 (0x0000000000000046,"));
}

static void PagedAtDispatch(void)
{
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    ExAllocatePoolWithTag(PagedPool, 16, 'QRI1');
}

static void NonPagedAtHigh(void)
{
    KIRQL old;
    KeRaiseIrql(HIGH_LEVEL, &old);
    ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'QRI2');
}

static void FreePagedAtDispatch(void)
{
    void *p = ExAllocatePoolWithTag(PagedPool, 16, 'QRI3');
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    ExFreePool(p);
}

static void FreeNonPagedAtHigh(void)
{
    void *p = ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'QRI4');
    KIRQL old;
    KeRaiseIrql(HIGH_LEVEL, &old);
    ExFreePool(p);
}

static void test_irql_violations(void **state)
{
    (void)state;
    assert_int_equal(RunChild(PagedAtDispatch), 200);
    assert_non_null(strstr(Output, "0x000000c4 (0x0000000000000001,0x0000000000000002,"));
    assert_int_equal(RunChild(NonPagedAtHigh), 200);
    assert_non_null(strstr(Output, "0x000000c4 (0x0000000000000002,0x000000000000000F,"));
    assert_int_equal(RunChild(FreePagedAtDispatch), 200);
    assert_non_null(strstr(Output, "0x000000c4 (0x0000000000000011,0x0000000000000002,"));
    assert_int_equal(RunChild(FreeNonPagedAtHigh), 200);
    assert_non_null(strstr(Output, "0x000000c4 (0x0000000000000012,0x000000000000000F,"));
}

static void test_nonpaged_at_dispatch_is_fine(void **state)
{
    (void)state;
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    void *p = ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'HCSD');
    assert_non_null(p);
    ExFreePoolWithTag(p, 'HCSD');
    KeLowerIrql(old);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_allocate_and_free_with_tag),
        cmocka_unit_test(test_cache_aligned),
        cmocka_unit_test(test_zero_byte_allocation_is_a_unique_block),
        cmocka_unit_test(test_pool2_zeroes_unless_uninitialized),
        cmocka_unit_test(test_pool2_rejects_bad_flags_and_tag_zero),
        cmocka_unit_test(test_pool2_raise_on_failure),
        cmocka_unit_test(test_pool3_parameters),
        cmocka_unit_test(test_quota_variants),
        cmocka_unit_test(test_usage_table_counts_per_tag),
        cmocka_unit_test(test_wrong_tag_is_bad_pool_caller_0a),
        cmocka_unit_test(test_protected_tag_needs_the_tag),
        cmocka_unit_test(test_double_free_is_bad_pool_caller_07),
        cmocka_unit_test(test_free_of_non_pool_address),
        cmocka_unit_test(test_irql_violations),
        cmocka_unit_test(test_nonpaged_at_dispatch_is_fine),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
