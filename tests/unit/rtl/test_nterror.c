/*
 * test_nterror.c - NTSTATUS to Win32 error translation
 * (RtlNtStatusToDosError), the status and error tables behind it, the
 * diagnostic name lookups, the HRESULT helpers of winerror.h, and a compile
 * check that WDK-style annotated declarations build against sal.h and
 * driverspecs.h.
 *
 * The expected translations are Windows' own answers (those of current
 * Windows 10/11 ntdll), not merely what the table says.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

/* cmocka.h picks Windows types when _WIN32/_WIN64 are defined, as they are
 * for kernel-side code; the library itself was built for Linux. */
#pragma push_macro("_WIN32")
#pragma push_macro("_WIN64")
#undef _WIN32
#undef _WIN64
#include <cmocka.h>
#pragma pop_macro("_WIN64")
#pragma pop_macro("_WIN32")

#include <ntdef.h>
#include <ntstatus.h>
#include <winerror.h>
#include <specstrings.h>
#include <driverspecs.h>

#include <internal/rtl_status.h>

/* ---- translation: the pairs drivers and applications depend on ---- */

typedef struct {
    NTSTATUS Status;
    ULONG Error;
    const char *What;
} PAIR;

#define P(s, e) {s, e, #s}

static const PAIR required_pairs[] = {
    P(STATUS_SUCCESS, ERROR_SUCCESS),
    P(STATUS_PENDING, ERROR_IO_PENDING),
    P(STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA),
    P(STATUS_BUFFER_TOO_SMALL, ERROR_INSUFFICIENT_BUFFER),
    P(STATUS_INVALID_PARAMETER, ERROR_INVALID_PARAMETER),
    P(STATUS_INVALID_DEVICE_REQUEST, ERROR_INVALID_FUNCTION),
    P(STATUS_NOT_IMPLEMENTED, ERROR_INVALID_FUNCTION),
    P(STATUS_NOT_SUPPORTED, ERROR_NOT_SUPPORTED),
    P(STATUS_ACCESS_DENIED, ERROR_ACCESS_DENIED),
    P(STATUS_CANCELLED, ERROR_OPERATION_ABORTED),
    P(STATUS_UNSUCCESSFUL, ERROR_GEN_FAILURE),
    P(STATUS_INSUFFICIENT_RESOURCES, ERROR_NO_SYSTEM_RESOURCES),
    P(STATUS_NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY),
    P(STATUS_ACCESS_VIOLATION, ERROR_NOACCESS),
    P(STATUS_INVALID_HANDLE, ERROR_INVALID_HANDLE),
    P(STATUS_OBJECT_TYPE_MISMATCH, ERROR_INVALID_HANDLE),
    P(STATUS_OBJECT_NAME_NOT_FOUND, ERROR_FILE_NOT_FOUND),
    P(STATUS_NO_SUCH_DEVICE, ERROR_NO_SUCH_DEVICE),
    P(STATUS_DEVICE_NOT_READY, ERROR_NOT_READY),
    P(STATUS_DEVICE_BUSY, ERROR_BUSY),
    P(STATUS_IO_TIMEOUT, ERROR_SEM_TIMEOUT),
    P(STATUS_DELETE_PENDING, ERROR_ACCESS_DENIED),
    P(STATUS_INVALID_DEVICE_STATE, ERROR_BAD_COMMAND),
    P(STATUS_IO_DEVICE_ERROR, ERROR_IO_DEVICE),
    P(STATUS_DEVICE_DOES_NOT_EXIST, ERROR_DEV_NOT_EXIST),
    P(STATUS_DEVICE_NOT_CONNECTED, ERROR_DEVICE_NOT_CONNECTED),
    P(STATUS_DEVICE_REMOVED, ERROR_DEVICE_REMOVED),
    P(STATUS_INVALID_USER_BUFFER, ERROR_INVALID_USER_BUFFER),
    P(STATUS_INVALID_BUFFER_SIZE, ERROR_INVALID_USER_BUFFER),
    P(STATUS_INFO_LENGTH_MISMATCH, ERROR_BAD_LENGTH),
    P(STATUS_END_OF_FILE, ERROR_HANDLE_EOF),
    P(STATUS_SHARING_VIOLATION, ERROR_SHARING_VIOLATION),
    P(STATUS_PARTIAL_COPY, ERROR_PARTIAL_COPY),
    P(STATUS_DATATYPE_MISALIGNMENT, ERROR_NOACCESS),
    P(STATUS_MORE_PROCESSING_REQUIRED, ERROR_MORE_DATA),
    P(STATUS_IMAGE_ALREADY_LOADED, ERROR_SERVICE_ALREADY_RUNNING),
    P(STATUS_OBJECT_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND),
    P(STATUS_OBJECT_NAME_COLLISION, ERROR_ALREADY_EXISTS),
    /* Windows gives ERROR_TIMEOUT (1460), not WAIT_TIMEOUT (258): the wait
     * functions return STATUS_TIMEOUT's value as is and never translate it. */
    P(STATUS_TIMEOUT, ERROR_TIMEOUT),
};

/* More of Windows' answers, across the table's ranges. */
static const PAIR more_pairs[] = {
    P(STATUS_WAIT_1, ERROR_WAIT_1),
    P(STATUS_WAIT_63, ERROR_WAIT_63),
    P(STATUS_ABANDONED_WAIT_0, ERROR_WAIT_NO_CHILDREN),
    P(STATUS_USER_APC, ERROR_USER_APC),
    P(STATUS_KERNEL_APC, ERROR_KERNEL_APC),
    P(STATUS_ALERTED, ERROR_ALERTED),
    P(STATUS_REPARSE, ERROR_REPARSE),
    P(STATUS_MORE_ENTRIES, ERROR_MORE_DATA),
    P(DBG_CONTINUE, ERROR_DBG_CONTINUE),
    P(STATUS_OBJECT_NAME_EXISTS, ERROR_OBJECT_NAME_EXISTS),
    P(STATUS_IMAGE_NOT_AT_BASE, ERROR_IMAGE_NOT_AT_BASE),
    P(STATUS_NO_MORE_FILES, ERROR_NO_MORE_FILES),
    P(STATUS_NO_MORE_ENTRIES, ERROR_NO_MORE_ITEMS),
    P(STATUS_VERIFY_REQUIRED, ERROR_MEDIA_CHANGED),
    P(STATUS_IN_PAGE_ERROR, ERROR_SWAPERROR),
    P(STATUS_INVALID_INFO_CLASS, ERROR_INVALID_PARAMETER),
    P(STATUS_INVALID_PARAMETER_1, ERROR_INVALID_PARAMETER),
    P(STATUS_INVALID_PARAMETER_12, ERROR_INVALID_PARAMETER),
    P(STATUS_NO_SUCH_FILE, ERROR_FILE_NOT_FOUND),
    P(STATUS_OBJECT_NAME_INVALID, ERROR_INVALID_NAME),
    P(STATUS_OBJECT_PATH_SYNTAX_BAD, ERROR_BAD_PATHNAME),
    P(STATUS_MUTANT_NOT_OWNED, ERROR_NOT_OWNER),
    P(STATUS_SEMAPHORE_LIMIT_EXCEEDED, ERROR_TOO_MANY_POSTS),
    P(STATUS_INTEGER_OVERFLOW, ERROR_ARITHMETIC_OVERFLOW),
    P(STATUS_STACK_OVERFLOW, ERROR_STACK_OVERFLOW),
    P(STATUS_DEVICE_POWER_FAILURE, ERROR_NOT_READY),
    P(STATUS_NOT_FOUND, ERROR_NOT_FOUND),
    P(STATUS_DLL_NOT_FOUND, ERROR_MOD_NOT_FOUND),
    P(STATUS_ENTRYPOINT_NOT_FOUND, ERROR_PROC_NOT_FOUND),
    P(STATUS_DRIVER_ENTRYPOINT_NOT_FOUND, ERROR_PROC_NOT_FOUND),
    P(STATUS_DRIVER_ORDINAL_NOT_FOUND, ERROR_INVALID_ORDINAL),
    P(STATUS_DRIVER_UNABLE_TO_LOAD, ERROR_BAD_DRIVER),
    P(STATUS_INVALID_IMAGE_FORMAT, ERROR_BAD_EXE_FORMAT),
    P(STATUS_FILE_IS_A_DIRECTORY, ERROR_ACCESS_DENIED),
    P(STATUS_NOT_A_DIRECTORY, ERROR_DIRECTORY),
    P(STATUS_DIRECTORY_NOT_EMPTY, ERROR_DIR_NOT_EMPTY),
    P(STATUS_FILE_CLOSED, ERROR_INVALID_HANDLE),
    P(STATUS_INTERNAL_ERROR, ERROR_INTERNAL_ERROR),
    P(STATUS_MEDIA_WRITE_PROTECTED, ERROR_WRITE_PROTECT),
    P(STATUS_NO_MEDIA_IN_DEVICE, ERROR_NOT_READY),
    P(STATUS_WRONG_VOLUME, ERROR_WRONG_DISK),
    P(STATUS_RETRY, ERROR_RETRY),
    P(STATUS_TOO_MANY_OPENED_FILES, ERROR_TOO_MANY_OPEN_FILES),
    P(STATUS_PRIVILEGE_NOT_HELD, ERROR_PRIVILEGE_NOT_HELD),
    P(STATUS_POWER_STATE_INVALID, ERROR_NOT_READY),
    P(STATUS_DATA_ERROR, ERROR_CRC),
    P(STATUS_PIPE_BROKEN, ERROR_BROKEN_PIPE),
    P(STATUS_MUTANT_LIMIT_EXCEEDED, ERROR_MUTANT_LIMIT_EXCEEDED),
    P(STATUS_INVALID_ADDRESS, ERROR_UNEXP_NET_ERR),
    P(STATUS_LPC_REPLY_LOST, ERROR_CONNECTION_ABORTED),
    P(STATUS_DUPLICATE_OBJECTID, ERROR_OBJECT_ALREADY_EXISTS),
    P(STATUS_HEAP_CORRUPTION, ERROR_INTERNAL_ERROR),
    P(STATUS_STACK_BUFFER_OVERRUN, ERROR_STACK_BUFFER_OVERRUN),
    P(STATUS_ASSERTION_FAILURE, ERROR_ASSERTION_FAILURE),
    P(STATUS_SXS_EARLY_DEACTIVATION, ERROR_SXS_EARLY_DEACTIVATION),
    /* Windows has no entry for this one and says so by name. */
    P(STATUS_MESSAGE_NOT_FOUND, ERROR_MR_MID_NOT_FOUND),
};

static void check_pairs(const PAIR *pairs, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        ULONG got = RtlNtStatusToDosError(pairs[i].Status);

        if (got != pairs[i].Error)
            fail_msg("%s (0x%08x): got %u, expected %u", pairs[i].What, (unsigned)pairs[i].Status, (unsigned)got,
                     (unsigned)pairs[i].Error);
        assert_int_equal(RtlNtStatusToDosErrorNoTeb(pairs[i].Status), pairs[i].Error);
    }
}

static void test_required_pairs(void **state)
{
    (void)state;
    check_pairs(required_pairs, sizeof(required_pairs) / sizeof(required_pairs[0]));
}

static void test_more_pairs(void **state)
{
    (void)state;
    check_pairs(more_pairs, sizeof(more_pairs) / sizeof(more_pairs[0]));
}

/* Exception codes translate to themselves. */
static void test_exception_codes_pass_through(void **state)
{
    static const NTSTATUS codes[] = {
        STATUS_GUARD_PAGE_VIOLATION, STATUS_BREAKPOINT,        STATUS_SINGLE_STEP,
        STATUS_ILLEGAL_INSTRUCTION,  STATUS_ARRAY_BOUNDS_EXCEEDED, STATUS_FLOAT_DIVIDE_BY_ZERO,
        STATUS_FLOAT_UNDERFLOW,      STATUS_INTEGER_DIVIDE_BY_ZERO, STATUS_PRIVILEGED_INSTRUCTION,
        STATUS_NONCONTINUABLE_EXCEPTION, STATUS_INVALID_DISPOSITION,
    };
    (void)state;
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
        assert_int_equal(RtlNtStatusToDosError(codes[i]), (ULONG)codes[i]);
}

/* ---- the rules applied before the table ---- */

static void test_special_rules(void **state)
{
    (void)state;
    assert_int_equal(RtlNtStatusToDosError(0), 0);

    /* Customer codes (bit 29) are returned unchanged, whatever the severity. */
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xE0000001), 0xE0000001);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0x20001234), 0x20001234);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xA0070005), 0xA0070005);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xE0000022), 0xE0000022);

    /* 0xD... is 0xC... with HRESULT_FROM_NT's bit: same answer. */
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xD0000005), ERROR_NOACCESS);
    assert_int_equal(RtlNtStatusToDosError(HRESULT_FROM_NT(STATUS_INVALID_PARAMETER)), ERROR_INVALID_PARAMETER);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xD0000103), ERROR_DIRECTORY);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xD000016F), ERROR_MR_MID_NOT_FOUND);

    /* RPC (0xC001) and wrapped Win32 codes (0x8007, 0xC007): the low word. */
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xC0010005), 5);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xC00106A6), 0x06A6);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0x80070005), ERROR_ACCESS_DENIED);
    assert_int_equal(RtlNtStatusToDosError(E_INVALIDARG), ERROR_INVALID_PARAMETER);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xC0070057), ERROR_INVALID_PARAMETER);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xD0070020), ERROR_SHARING_VIOLATION);
    /* ...but not the other severities of facility 7. */
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0x40070005), ERROR_MR_MID_NOT_FOUND);

    /* Codes Windows does not know. */
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xC0FF1234), ERROR_MR_MID_NOT_FOUND);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0x4000FFFF), ERROR_MR_MID_NOT_FOUND);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0x00001104), ERROR_MR_MID_NOT_FOUND);
    assert_int_equal(RtlNtStatusToDosError((NTSTATUS)0xC000016F), ERROR_MR_MID_NOT_FOUND);
}

/* ---- the tables ---- */

static void test_status_table_sorted_and_unique(void **state)
{
    (void)state;
    assert_true(RtlpStatusTableCount > 800);
    assert_int_equal(RtlpStatusTable[0].Status, 0);
    for (ULONG i = 1; i < RtlpStatusTableCount; i++) {
        if (RtlpStatusTable[i - 1].Status >= RtlpStatusTable[i].Status)
            fail_msg("ntstatus.def out of order or duplicated at %s (0x%08x) after %s (0x%08x)", RtlpStatusTable[i].Name,
                     (unsigned)RtlpStatusTable[i].Status, RtlpStatusTable[i - 1].Name,
                     (unsigned)RtlpStatusTable[i - 1].Status);
    }
}

static void test_status_table_entries(void **state)
{
    (void)state;
    for (ULONG i = 0; i < RtlpStatusTableCount; i++) {
        const RTLP_STATUS_ENTRY *e = &RtlpStatusTable[i];
        ULONG expected = e->Win32Error != 0 ? e->Win32Error : ERROR_MR_MID_NOT_FOUND;

        assert_non_null(e->Name);
        assert_true(strncmp(e->Name, "STATUS_", 7) == 0 || strncmp(e->Name, "DBG_", 4) == 0);
        /* ntk names no customer codes, and nothing in the special ranges. */
        assert_int_equal(e->Status & APPLICATION_ERROR_MASK, 0);
        assert_true(e->Status >> 16 != 0xC001 && e->Status >> 16 != 0x8007 && e->Status >> 16 != 0xC007);
        assert_ptr_equal(RtlpLookupStatus((NTSTATUS)e->Status), e);
        if (e->Status != 0)
            assert_int_equal(RtlNtStatusToDosError((NTSTATUS)e->Status), expected);
        /* Every Win32 code the table produces can be named. */
        if (e->Win32Error != 0 && e->Win32Error < 0x10000 && e->Win32Error != e->Status)
            if (RtlpWin32ErrorName(e->Win32Error) == NULL)
                fail_msg("%s maps to %u, which winerror.def does not name", e->Name, (unsigned)e->Win32Error);
    }
}

static void test_win32_error_table_sorted_and_unique(void **state)
{
    (void)state;
    assert_true(RtlpWin32ErrorTableCount > 1000);
    assert_int_equal(RtlpWin32ErrorTable[0].Error, 0);
    for (ULONG i = 1; i < RtlpWin32ErrorTableCount; i++) {
        if (RtlpWin32ErrorTable[i - 1].Error >= RtlpWin32ErrorTable[i].Error)
            fail_msg("winerror.def out of order or duplicated at %s", RtlpWin32ErrorTable[i].Name);
        assert_true(strncmp(RtlpWin32ErrorTable[i].Name, "ERROR_", 6) == 0);
    }
}

/* ---- names ---- */

static void test_status_names(void **state)
{
    (void)state;
    assert_string_equal(RtlpNtStatusName(STATUS_ACCESS_VIOLATION), "STATUS_ACCESS_VIOLATION");
    assert_string_equal(RtlpNtStatusName(STATUS_SUCCESS), "STATUS_SUCCESS");
    assert_string_equal(RtlpNtStatusName(STATUS_PENDING), "STATUS_PENDING");
    assert_string_equal(RtlpNtStatusName(STATUS_BUFFER_OVERFLOW), "STATUS_BUFFER_OVERFLOW");
    assert_string_equal(RtlpNtStatusName(STATUS_INVALID_PARAMETER_12), "STATUS_INVALID_PARAMETER_12");
    assert_string_equal(RtlpNtStatusName(STATUS_DEVICE_HARDWARE_ERROR), "STATUS_DEVICE_HARDWARE_ERROR");
    assert_string_equal(RtlpNtStatusName(DBG_CONTINUE), "DBG_CONTINUE");
    /* An alias is reported under its primary name. */
    assert_string_equal(RtlpNtStatusName(STATUS_ABANDONED), "STATUS_ABANDONED_WAIT_0");
    assert_null(RtlpNtStatusName((NTSTATUS)0xC0FF1234));
    assert_null(RtlpNtStatusName((NTSTATUS)0xE0000001));
    assert_null(RtlpNtStatusName((NTSTATUS)0xFFFFFFFF));
}

static void test_win32_error_names(void **state)
{
    (void)state;
    assert_string_equal(RtlpWin32ErrorName(ERROR_ACCESS_DENIED), "ERROR_ACCESS_DENIED");
    assert_string_equal(RtlpWin32ErrorName(0), "ERROR_SUCCESS");
    assert_string_equal(RtlpWin32ErrorName(ERROR_MR_MID_NOT_FOUND), "ERROR_MR_MID_NOT_FOUND");
    assert_string_equal(RtlpWin32ErrorName(ERROR_NO_SYSTEM_RESOURCES), "ERROR_NO_SYSTEM_RESOURCES");
    assert_string_equal(RtlpWin32ErrorName(1078), "ERROR_DUPLICATE_SERVICE_NAME");
    assert_null(RtlpWin32ErrorName(0x00FFFFFF));
    assert_null(RtlpWin32ErrorName(0xFFFFFFFF));
}

/* ---- winerror.h ---- */

static void test_winerror_values_and_macros(void **state)
{
    (void)state;
    assert_int_equal(NO_ERROR, 0);
    assert_int_equal(WAIT_TIMEOUT, 258);
    assert_int_equal(ERROR_INVALID_USER_BUFFER, 1784);
    assert_int_equal(ERROR_SERVICE_MARKED_FOR_DELETE, 1072);
    assert_int_equal(HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED), E_ACCESSDENIED);
    assert_int_equal(HRESULT_FROM_WIN32(ERROR_OUTOFMEMORY), E_OUTOFMEMORY);
    assert_int_equal(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER), E_INVALIDARG);
    assert_int_equal(HRESULT_FROM_WIN32(ERROR_SUCCESS), S_OK);
    assert_int_equal(HRESULT_FROM_WIN32(E_FAIL), E_FAIL); /* already an HRESULT */
    assert_int_equal(HRESULT_FROM_NT(STATUS_NO_MEMORY), (HRESULT)0xD0000017);
    assert_int_equal(HRESULT_CODE(E_INVALIDARG), ERROR_INVALID_PARAMETER);
    assert_int_equal(HRESULT_FACILITY(E_INVALIDARG), FACILITY_WIN32);
    assert_int_equal(HRESULT_SEVERITY(E_INVALIDARG), SEVERITY_ERROR);
    assert_int_equal(HRESULT_SEVERITY(S_FALSE), SEVERITY_SUCCESS);
    assert_int_equal(MAKE_HRESULT(SEVERITY_ERROR, FACILITY_WIN32, ERROR_ACCESS_DENIED), E_ACCESSDENIED);
    assert_true(SUCCEEDED(S_OK) && SUCCEEDED(S_FALSE) && FAILED(E_FAIL) && FAILED(E_UNEXPECTED));
    assert_true(IS_ERROR(E_POINTER) && !IS_ERROR(S_FALSE));
    assert_true(NT_SUCCESS(STATUS_PENDING) && NT_SUCCESS(STATUS_TIMEOUT) && !NT_SUCCESS(STATUS_BUFFER_OVERFLOW));
    assert_true(NT_WARNING(STATUS_BUFFER_OVERFLOW) && NT_ERROR(STATUS_UNSUCCESSFUL) && NT_INFORMATION(STATUS_OBJECT_NAME_EXISTS));
}

/* ---- annotations: WDK-style declarations must compile and run ---- */

_Create_lock_level_(SalTestLevel);

typedef struct _SAL_BUFFER {
    _Field_range_(0, 4096) ULONG Size;
    _Field_size_bytes_part_(Size, Used) PUCHAR Data;
    ULONG Used;
    KSPIN_LOCK Lock;
    _Guarded_by_(Lock) _Interlocked_ LONG Count;
    _Field_z_ PCSTR Name;
} SAL_BUFFER, *PSAL_BUFFER;

typedef _Struct_size_bytes_(Size) struct _SAL_HEADER {
    ULONG Size;
} SAL_HEADER;

typedef _Enum_is_bitflag_ enum _SAL_FLAGS { SalFlagNone = 0, SalFlagA = 1, SalFlagB = 2 } SAL_FLAGS;

typedef
_Function_class_(SAL_DISPATCH)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_same_
_When_(return >= 0, _Kernel_clear_do_init_(__yes))
NTSTATUS
SAL_DISPATCH(_In_ PVOID DeviceObject, _Inout_ PVOID Irp);
typedef SAL_DISPATCH *PSAL_DISPATCH;

_Dispatch_type_(IRP_MJ_CREATE)
_Dispatch_type_(IRP_MJ_CLOSE)
static SAL_DISPATCH SalDispatchCreateClose;

__drv_dispatchType(IRP_MJ_READ)
__drv_maxIRQL(DISPATCH_LEVEL)
__drv_sameIRQL
__drv_functionClass(SAL_DISPATCH)
static NTSTATUS SalDispatchRead(__in PVOID DeviceObject, __inout PVOID Irp);

_Must_inspect_result_
_Success_(return != FALSE)
_IRQL_requires_max_(PASSIVE_LEVEL)
static BOOLEAN SalCopy(_Out_writes_bytes_to_(Capacity, *Written) PUCHAR Destination, _In_ ULONG Capacity,
                       _In_reads_bytes_(Length) const UCHAR *Source, _In_ ULONG Length,
                       _Out_ _Deref_out_range_(0, Capacity) PULONG Written);

_Acquires_lock_(*Lock)
_Requires_lock_not_held_(*Lock)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_global_(OldIrql, Lock)
static void SalAcquire(_Inout_ PKSPIN_LOCK Lock);

_Releases_lock_(*Lock)
_Requires_lock_held_(*Lock)
_IRQL_restores_global_(OldIrql, Lock)
static void SalRelease(_Inout_ PKSPIN_LOCK Lock);

_Check_return_
_Ret_maybenull_
_Post_writable_byte_size_(Size)
__drv_allocatesMem(Mem)
__drv_when(Size == 0, __drv_reportError("size 0"))
static PVOID SalAllocate(_In_ __drv_strictTypeMatch(__drv_typeExpr) SIZE_T Size);

static void SalFree(_Pre_notnull_ _Post_ptr_invalid_ __drv_freesMem(Mem) _Frees_ptr_opt_ PVOID Block);

_Kernel_float_saved_
_At_(*State, _Kernel_requires_resource_not_held_(FloatState) _Kernel_acquires_resource_(FloatState))
static NTSTATUS SalSaveFloat(_Out_ PULONG State);

__checkReturn
__success(return == 0)
static int SalLegacy(__in_bcount(Length) const void *Source, __out_ecount_opt(Length) char *Destination,
                     __inout_opt int *State, __deref_out_opt PVOID *Out, __in SIZE_T Length);

#ifdef __reserved
static int SalReserved(__reserved PVOID Reserved, _Reserved_ PVOID Reserved2);
#endif

static int SalLog(_In_z_ _Printf_format_string_ PCSTR Format, ...);

static SAL_BUFFER sal_buffer;
static UCHAR sal_storage[16];

_Use_decl_annotations_
static NTSTATUS SalDispatchCreateClose(PVOID DeviceObject, PVOID Irp)
{
    _Analysis_assume_(DeviceObject != NULL);
    return DeviceObject == Irp ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

static NTSTATUS SalDispatchRead(PVOID DeviceObject, PVOID Irp)
{
    _IRQL_limited_to_(DISPATCH_LEVEL);
    return DeviceObject != NULL && Irp != NULL ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

_Use_decl_annotations_
static BOOLEAN SalCopy(PUCHAR Destination, ULONG Capacity, const UCHAR *Source, ULONG Length, PULONG Written)
{
    if (Length > Capacity) {
        *Written = 0;
        return FALSE;
    }
    memcpy(Destination, Source, Length);
    *Written = Length;
    return TRUE;
}

_Use_decl_annotations_
static void SalAcquire(PKSPIN_LOCK Lock)
{
    *Lock = 1;
}

_Use_decl_annotations_
static void SalRelease(PKSPIN_LOCK Lock)
{
    *Lock = 0;
}

_Use_decl_annotations_
static PVOID SalAllocate(SIZE_T Size)
{
    return Size <= sizeof(sal_storage) ? sal_storage : NULL;
}

_Use_decl_annotations_
static void SalFree(PVOID Block)
{
    (void)Block;
}

_Use_decl_annotations_
static NTSTATUS SalSaveFloat(PULONG State)
{
    *State = 1;
    return STATUS_SUCCESS;
}

static int SalLegacy(const void *Source, char *Destination, int *State, PVOID *Out, SIZE_T Length)
{
    if (Destination != NULL)
        memcpy(Destination, Source, Length);
    if (State != NULL)
        (*State)++;
    if (Out != NULL)
        *Out = NULL;
    return 0;
}

#ifdef __reserved
static int SalReserved(PVOID Reserved, PVOID Reserved2)
{
    return Reserved == NULL && Reserved2 == NULL;
}
#endif

static int SalLog(PCSTR Format, ...)
{
    return Format[0] == '%';
}

static void test_annotated_declarations(void **state)
{
    static const UCHAR source[4] = {1, 2, 3, 4};
    PSAL_DISPATCH dispatch = SalDispatchCreateClose;
    SAL_HEADER header = {sizeof(SAL_HEADER)};
    SAL_FLAGS flags = SalFlagA | SalFlagB;
    ULONG written = 99, fp = 0;
    PVOID out = &written;
    char copy[4];
    int legacy_state = 0;
    PUCHAR block;

    (void)state;
    assert_int_equal(dispatch(&sal_buffer, &sal_buffer), STATUS_SUCCESS);
    assert_int_equal(SalDispatchRead(&sal_buffer, &header), STATUS_SUCCESS);

    block = SalAllocate(sizeof(source));
    assert_non_null(block);
    sal_buffer.Data = block;
    sal_buffer.Size = sizeof(sal_storage);
    sal_buffer.Name = "sal";
    assert_true(SalCopy(block, sal_buffer.Size, source, sizeof(source), &written));
    sal_buffer.Used = written;
    assert_int_equal(written, 4);
    assert_false(SalCopy(block, 2, source, sizeof(source), &written));
    assert_int_equal(written, 0);

    SalAcquire(&sal_buffer.Lock);
    _Benign_race_begin_
    {
        sal_buffer.Count++;
    }
    _Benign_race_end_
    SalRelease(&sal_buffer.Lock);
    assert_int_equal(sal_buffer.Count, 1);
    assert_int_equal(sal_buffer.Lock, 0);
    SalFree(block);

    assert_int_equal(SalSaveFloat(&fp), STATUS_SUCCESS);
    assert_int_equal(SalLegacy(source, copy, &legacy_state, &out, sizeof(copy)), 0);
    assert_int_equal(legacy_state, 1);
    assert_null(out);
    assert_memory_equal(copy, source, sizeof(copy));
#ifdef __reserved
    assert_true(SalReserved(NULL, NULL));
#endif
    assert_true(SalLog("%u", 1u));
    assert_int_equal(flags, 3);
    assert_int_equal(header.Size, sizeof(SAL_HEADER));
    assert_int_equal(__drv_typeConst + __drv_typeCond + __drv_typeBitset + __drv_typeExpr, 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_required_pairs),
        cmocka_unit_test(test_more_pairs),
        cmocka_unit_test(test_exception_codes_pass_through),
        cmocka_unit_test(test_special_rules),
        cmocka_unit_test(test_status_table_sorted_and_unique),
        cmocka_unit_test(test_status_table_entries),
        cmocka_unit_test(test_win32_error_table_sorted_and_unique),
        cmocka_unit_test(test_status_names),
        cmocka_unit_test(test_win32_error_names),
        cmocka_unit_test(test_winerror_values_and_macros),
        cmocka_unit_test(test_annotated_declarations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
