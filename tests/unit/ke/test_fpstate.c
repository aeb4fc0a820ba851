/*
 * test_fpstate.c - floating-point state (src/nt/ke/fpstate.c):
 * KeSave/RestoreExtendedProcessorState and KeSave/RestoreFloatingPointState
 * really restore a changed rounding mode and x87 control word, nest, and
 * refuse a wrong order; KiCheckFpControl reports a routine that returns
 * with a changed control state once and restores it; the guard around
 * driver routines checks only the outermost one until a change is seen,
 * then every one, and survives guards left behind by an unwind.
 */
#include "ntk_test.h"

#include <wdm.h>
#include <bugcodes.h>
#include <host.h>
#include <ntk/exitcodes.h>
#include <internal/ke_fp.h>

void ntk_boot(void);

#define RC_MASK 0x6000u
#define RC_NEAREST 0x0000u
#define RC_DOWN 0x2000u
#define RC_UP 0x4000u
#define X87_RC_MASK 0x0C00u

/* 1/3 rounded to nearest is rounded down, 1/10 rounded to nearest is
 * rounded up: rounding up shows on 1/3, rounding down on 1/10. */
static volatile double One = 1.0, Three = 3.0, Ten = 10.0;

static unsigned GetMxcsr(void)
{
    unsigned v;
    __asm__ volatile("stmxcsr %0" : "=m"(v));
    return v;
}

static void SetMxcsr(unsigned v)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(v) : "memory");
}

static void SetRounding(unsigned Mode)
{
    SetMxcsr((GetMxcsr() & ~RC_MASK) | Mode);
}

static unsigned short GetX87Cw(void)
{
    unsigned short v;
    __asm__ volatile("fnstcw %0" : "=m"(v));
    return v;
}

static void SetX87Cw(unsigned short v)
{
    __asm__ volatile("fldcw %0" : : "m"(v) : "memory");
}

/* Standard error, captured. */
static char Captured[4096];
static size_t CapturedLength;
static struct ntkhost_ops TestHost;
static const struct ntkhost_ops *SavedHost;

static void CaptureErr(const char *s, size_t len)
{
    if (CapturedLength + len < sizeof(Captured)) {
        memcpy(Captured + CapturedLength, s, len);
        CapturedLength += len;
        Captured[CapturedLength] = '\0';
    }
}

static void test_save_restore_floating_point_state(void **state)
{
    (void)state;
    KFLOATING_SAVE save;
    unsigned short cw = GetX87Cw();
    double nearest = One / Three, up, restored;

    assert_int_equal(GetMxcsr() & RC_MASK, RC_NEAREST);
    assert_int_equal(KeSaveFloatingPointState(&save), STATUS_SUCCESS);
    SetRounding(RC_UP);
    SetX87Cw((unsigned short)((cw & ~X87_RC_MASK) | 0x0800)); /* x87 round up */
    up = One / Three;
    assert_true(up > nearest);
    assert_int_equal(KeRestoreFloatingPointState(&save), STATUS_SUCCESS);
    restored = One / Three;
    assert_true(restored == nearest);
    assert_int_equal(GetMxcsr() & RC_MASK, RC_NEAREST);
    assert_int_equal(GetX87Cw(), cw);
}

static void test_save_restore_extended_state(void **state)
{
    (void)state;
    XSTATE_SAVE outer, inner;
    unsigned short cw = GetX87Cw();
    double nearest = One / Three, nearest2 = One / Ten;

    assert_int_equal(KeSaveExtendedProcessorState(XSTATE_MASK_LEGACY, &outer), STATUS_SUCCESS);
    assert_int_equal(outer.XStateContext.Mask & XSTATE_MASK_LEGACY, XSTATE_MASK_LEGACY);
    assert_non_null(outer.XStateContext.Area);
    assert_int_equal((uintptr_t)outer.XStateContext.Area % 64, 0);
    assert_int_equal(outer.XStateContext.Area->LegacyState.MxCsr & RC_MASK, RC_NEAREST);
    assert_int_equal(outer.XStateContext.Area->LegacyState.ControlWord, cw);
    SetRounding(RC_UP);
    SetX87Cw((unsigned short)(cw | X87_RC_MASK)); /* x87 truncate */

    /* Nested save: restores innermost first. */
    assert_int_equal(KeSaveExtendedProcessorState(XSTATE_MASK_LEGACY | XSTATE_MASK_AVX, &inner), STATUS_SUCCESS);
    assert_ptr_equal(inner.Prev, &outer);
    SetRounding(RC_DOWN);
    assert_true(One / Ten < nearest2);
    KeRestoreExtendedProcessorState(&inner);
    assert_int_equal(GetMxcsr() & RC_MASK, RC_UP);
    assert_true(One / Three > nearest);
    assert_int_equal(GetX87Cw(), (unsigned short)(cw | X87_RC_MASK));

    KeRestoreExtendedProcessorState(&outer);
    assert_int_equal(GetMxcsr() & RC_MASK, RC_NEAREST);
    assert_int_equal(GetX87Cw(), cw);
    assert_true(One / Three == nearest);
    assert_true(One / Ten == nearest2);
    assert_null(outer.XStateContext.Buffer);
}

static void test_restore_out_of_order_is_a_bug_check(void **state)
{
    (void)state;
    int fds[2];
    char report[8192];
    size_t used = 0;
    ssize_t n;
    int status;
    pid_t child;

    assert_int_equal(pipe(fds), 0);
    child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        XSTATE_SAVE a, b;
        close(fds[0]);
        dup2(fds[1], 2);
        KeSaveExtendedProcessorState(XSTATE_MASK_LEGACY, &a);
        KeSaveExtendedProcessorState(XSTATE_MASK_LEGACY, &b);
        KeRestoreExtendedProcessorState(&a); /* b first */
        _exit(0);
    }
    close(fds[1]);
    while ((n = read(fds[0], report + used, sizeof(report) - 1 - used)) > 0)
        used += (size_t)n;
    close(fds[0]);
    report[used] = '\0';
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), NTK_EXIT_BUGCHECK);
    assert_non_null(strstr(report, "INVALID_EXTENDED_PROCESSOR_STATE"));
    assert_non_null(strstr(report, "innermost first"));
}

static void FakeRoutineA(void)
{
}

static void FakeRoutineB(void)
{
}

static void test_check_reports_once_and_restores(void **state)
{
    (void)state;
    KI_FP_CONTROL entered;
    unsigned short cw = GetX87Cw();
    unsigned long before = KiFpControlReportCount();
    double nearest = One / Three;

    TestHost = *SavedHost;
    TestHost.write_err = CaptureErr;
    ntkhost_set_ops(&TestHost);
    CapturedLength = 0;
    Captured[0] = '\0';

    /* Unchanged: nothing. Sticky exception flags do not count. */
    KiCaptureFpControl(&entered);
    (void)(One / Three); /* raises the precision flag */
    SetMxcsr(GetMxcsr() | 0x20);
    KiCheckFpControl(&entered, (const void *)FakeRoutineA, "dispatch routine");
    assert_int_equal(CapturedLength, 0);

    /* Changed rounding: reported, restored. */
    KiCaptureFpControl(&entered);
    SetRounding(RC_UP);
    KiCheckFpControl(&entered, (const void *)FakeRoutineA, "dispatch routine");
    assert_int_equal(GetMxcsr() & RC_MASK, RC_NEAREST);
    assert_true(One / Three == nearest);
    assert_non_null(strstr(Captured, "ntk: warning: dispatch routine"));
    assert_non_null(strstr(Captured, "FakeRoutineA"));
    assert_non_null(strstr(Captured, "-> 0x5f"));
    assert_int_equal(KiFpControlReportCount(), before + 1);

    /* The same routine again: restored, not reported again. */
    CapturedLength = 0;
    Captured[0] = '\0';
    KiCaptureFpControl(&entered);
    SetRounding(RC_DOWN);
    KiCheckFpControl(&entered, (const void *)FakeRoutineA, "dispatch routine");
    assert_int_equal(GetMxcsr() & RC_MASK, RC_NEAREST);
    assert_int_equal(CapturedLength, 0);

    /* Another routine, the x87 control word. */
    KiCaptureFpControl(&entered);
    SetX87Cw((unsigned short)(cw | X87_RC_MASK));
    KiCheckFpControl(&entered, (const void *)FakeRoutineB, "completion routine");
    assert_int_equal(GetX87Cw(), cw);
    assert_non_null(strstr(Captured, "completion routine"));
    assert_non_null(strstr(Captured, "FakeRoutineB"));
    assert_int_equal(KiFpControlReportCount(), before + 2);

    ntkhost_set_ops(SavedHost);
}

static void FakeOuterRoutine(void)
{
}

static void FakeInnerRoutine(void)
{
}

static void FakeLeftRoutine(void)
{
}

static void StartCapture(void)
{
    TestHost = *SavedHost;
    TestHost.write_err = CaptureErr;
    ntkhost_set_ops(&TestHost);
    CapturedLength = 0;
    Captured[0] = '\0';
}

/* A driver routine nested in another (a lower driver's dispatch routine
 * under a filter's): guarded, and changes the rounding to Rounding unless
 * it is RC_NEAREST. */
static __attribute__((noinline)) void InnerCall(unsigned Rounding)
{
    PKTHREAD thread = KeGetCurrentThread();
    KI_FP_GUARD guard;
    KiFpGuardEnter(thread, &guard);
    assert_int_equal(guard.Checked, KiFpGuardMode == KiFpGuardEvery);
    if (Rounding != RC_NEAREST)
        SetRounding(Rounding);
    KiFpGuardLeave(thread, &guard, (const void *)FakeInnerRoutine, "dispatch routine");
}

static __attribute__((noinline)) void OuterCall(unsigned InnerRounding)
{
    PKTHREAD thread = KeGetCurrentThread();
    KI_FP_GUARD guard;
    KiFpGuardEnter(thread, &guard);
    assert_true(guard.Checked);
    InnerCall(InnerRounding);
    KiFpGuardLeave(thread, &guard, (const void *)FakeOuterRoutine, "dispatch routine");
}

static void test_guard_checks_outermost_until_a_change(void **state)
{
    (void)state;
    int savedMode = KiFpGuardMode;
    double nearest = One / Three;

    KiFpGuardMode = KiFpGuardOutermost;
    StartCapture();

    /* Nothing changes: nothing said, the inner guard read nothing. */
    OuterCall(RC_NEAREST);
    assert_int_equal(CapturedLength, 0);
    assert_null(KeGetCurrentThread()->FpGuard);

    /* The inner routine changes the rounding: the outermost guard sees it,
     * names its own routine as possibly not the culprit, restores, and
     * switches to checking every routine. */
    OuterCall(RC_UP);
    assert_int_equal(GetMxcsr() & RC_MASK, RC_NEAREST);
    assert_true(One / Three == nearest);
    assert_non_null(strstr(Captured, "FakeOuterRoutine"));
    assert_non_null(strstr(Captured, "may come from a driver routine that ran inside it"));
    assert_null(strstr(Captured, "FakeInnerRoutine"));
    assert_int_equal(KiFpGuardMode, KiFpGuardEvery);

    /* The next change is caught where it happens and names the routine. */
    CapturedLength = 0;
    Captured[0] = '\0';
    OuterCall(RC_DOWN);
    assert_int_equal(GetMxcsr() & RC_MASK, RC_NEAREST);
    assert_non_null(strstr(Captured, "dispatch routine"));
    assert_non_null(strstr(Captured, "FakeInnerRoutine"));
    assert_null(strstr(Captured, "may come from"));
    assert_null(KeGetCurrentThread()->FpGuard);

    ntkhost_set_ops(SavedHost);
    KiFpGuardMode = savedMode;
}

/* Enters a guard and never leaves it, as when an exception raised in the
 * routine is handled by a __try further out. */
static __attribute__((noinline)) void LeaveGuardBehind(void)
{
    KI_FP_GUARD guard;
    KiFpGuardEnter(KeGetCurrentThread(), &guard);
    __asm__ volatile("" : : "r"(&guard) : "memory");
}

static void test_guard_drops_guards_left_by_an_unwind(void **state)
{
    (void)state;
    int savedMode = KiFpGuardMode;
    PKTHREAD thread = KeGetCurrentThread();

    KiFpGuardMode = KiFpGuardOutermost;
    StartCapture();
    LeaveGuardBehind();
    assert_non_null(thread->FpGuard);

    /* The next guard is the outermost again: it checks, and a change is
     * reported as its routine's own. */
    KI_FP_GUARD guard;
    KiFpGuardEnter(thread, &guard);
    assert_true(guard.Checked);
    assert_null(guard.Outer);
    SetRounding(RC_UP);
    KiFpGuardLeave(thread, &guard, (const void *)FakeLeftRoutine, "completion routine");
    assert_null(thread->FpGuard);
    assert_int_equal(GetMxcsr() & RC_MASK, RC_NEAREST);
    assert_non_null(strstr(Captured, "completion routine"));
    assert_non_null(strstr(Captured, "FakeLeftRoutine"));
    assert_int_equal(KiFpGuardMode, KiFpGuardOutermost);

    ntkhost_set_ops(SavedHost);
    KiFpGuardMode = savedMode;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_restore_floating_point_state),
        cmocka_unit_test(test_save_restore_extended_state),
        cmocka_unit_test(test_restore_out_of_order_is_a_bug_check),
        cmocka_unit_test(test_check_reports_once_and_restores),
        cmocka_unit_test(test_guard_checks_outermost_until_a_change),
        cmocka_unit_test(test_guard_drops_guards_left_by_an_unwind),
    };
    ntk_boot();
    SavedHost = ntkhost;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
