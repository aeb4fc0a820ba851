/*
 * dbgprint.c - DbgPrint, DbgPrintEx, vDbgPrintEx, vDbgPrintExWithPrefix,
 * DbgPrintReturnControlC, and the debug output sink (interface in src/nt/include/internal/kd.h).
 *
 * As on Windows, one call formats into a 512-byte buffer (prefix first) and
 * transmits at most those 512 bytes; output that does not fit is cut and
 * its last byte replaced by a newline. Formatting is ntk's MS-semantics
 * engine (%wZ, %ws, %I64x, 32-bit %ld, ...). An unsupported conversion
 * shows up in the output as "(invalid conversion %...)".
 *
 * Every variant passes the Debug Print Filter first (kd/filter.c, with
 * DbgQueryDebugFilterState/DbgSetDebugFilterState): DbgPrint and
 * DbgPrintReturnControlC as component DEFAULT at INFO level, as on Windows
 * Vista and later; a filtered message returns STATUS_SUCCESS unprinted.
 *
 * The sink is described in kd.h. A file named by NTK_DEBUG_OUTPUT is
 * written through the host's debug_write; a host without one reports that
 * once and writes to stderr instead.
 */
#include <string.h>

#include <host.h>
#include <ntstatus.h>
#include <wdm.h>
#include <internal/kd.h>
#include <internal/rtl_format.h>

typedef enum _KDP_SINK {
    KdpSinkUnchosen = 0,
    KdpSinkStderr,
    KdpSinkOff,
    KdpSinkFile,
} KDP_SINK;

static int KdpSink = KdpSinkUnchosen;

/* Writes a diagnostic about ntk itself: always to stderr, never filtered. */
static void KdpReport(const char *Text)
{
    ntkhost->write_err(Text, strlen(Text));
}

/* Once per process per flag; TRUE for the caller that gets to report. */
static BOOLEAN KdpFirstTime(int *Flag)
{
    return __atomic_exchange_n(Flag, 1, __ATOMIC_RELAXED) == 0;
}

static KDP_SINK KdpChooseSink(void)
{
    static int reportedNoFileOutput;
    const char *setting = ntkhost->getenv("NTK_DEBUG_OUTPUT");

    if (setting == NULL || setting[0] == '\0' || strcmp(setting, "stderr") == 0)
        return KdpSinkStderr;
    if (strcmp(setting, "off") == 0)
        return KdpSinkOff;
    if (ntkhost->debug_write != NULL)
        return KdpSinkFile;
    if (KdpFirstTime(&reportedNoFileOutput))
        KdpReport("ntk: NTK_DEBUG_OUTPUT names a file, but this host cannot write debug output to files; "
                  "debug output goes to stderr\n");
    return KdpSinkStderr;
}

void KdpReinitializeDebugOutput(void)
{
    __atomic_store_n(&KdpSink, KdpChooseSink(), __ATOMIC_RELEASE);
}

void KdpWriteDebugOutput(const char *Text, size_t Length)
{
    int sink = __atomic_load_n(&KdpSink, __ATOMIC_ACQUIRE);

    if (sink == KdpSinkUnchosen) {
        int chosen = KdpChooseSink();
        int expected = KdpSinkUnchosen;
        /* Racing first callers agree on whichever choice landed first. */
        sink = __atomic_compare_exchange_n(&KdpSink, &expected, chosen, FALSE, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)
                   ? chosen
                   : expected;
    }
    if (Length == 0)
        return;
    switch (sink) {
    case KdpSinkOff:
        return;
    case KdpSinkFile:
        ntkhost->debug_write(Text, Length);
        return;
    default:
        ntkhost->write_err(Text, Length);
        return;
    }
}

/* The body of every DbgPrint variant. */
static ULONG KdpPrint(PCCH Prefix, PCCH Format, va_list Arguments)
{
    char buffer[KDP_MAX_DEBUG_PRINT];
    size_t prefixLength = 0;
    size_t length;
    RTLP_FORMAT_SINK sink;

    if (Format == NULL) {
        static const char refusal[] = "ntk: DbgPrint called with a NULL format\n";
        KdpWriteDebugOutput(refusal, sizeof(refusal) - 1);
        return STATUS_SUCCESS;
    }
    if (Prefix != NULL) {
        prefixLength = strnlen(Prefix, sizeof(buffer));
        memcpy(buffer, Prefix, prefixLength);
    }
    RtlpFormatSinkInitBuffer(&sink, buffer + prefixLength, sizeof(buffer) - prefixLength);
    /* The status needs no handling: an unsupported conversion has left its
     * marker in the text. */
    (void)RtlpFormatNarrow(&sink, Format, Arguments);
    length = prefixLength + sink.Used;
    if (sink.Total > sink.Used) {
        /* Cut at 512 bytes: Windows ends the cut text with a newline. */
        length = sizeof(buffer);
        buffer[length - 1] = '\n';
    }
    KdpWriteDebugOutput(buffer, length);
    return STATUS_SUCCESS;
}

DECLSPEC_EXPORT ULONG __cdecl DbgPrint(PCSTR Format, ...)
{
    va_list arguments;
    ULONG status;

    if (!KdpIsPrintEnabled(DPFLTR_DEFAULT_ID, DPFLTR_INFO_LEVEL))
        return STATUS_SUCCESS;
    va_start(arguments, Format);
    status = KdpPrint(NULL, Format, arguments);
    va_end(arguments);
    return status;
}

DECLSPEC_EXPORT ULONG __cdecl DbgPrintEx(ULONG ComponentId, ULONG Level, PCSTR Format, ...)
{
    va_list arguments;
    ULONG status;

    if (!KdpIsPrintEnabled(ComponentId, Level))
        return STATUS_SUCCESS;
    va_start(arguments, Format);
    status = KdpPrint(NULL, Format, arguments);
    va_end(arguments);
    return status;
}

DECLSPEC_EXPORT ULONG NTAPI vDbgPrintEx(ULONG ComponentId, ULONG Level, PCCH Format, va_list arglist)
{
    if (!KdpIsPrintEnabled(ComponentId, Level))
        return STATUS_SUCCESS;
    return KdpPrint(NULL, Format, arglist);
}

DECLSPEC_EXPORT ULONG NTAPI vDbgPrintExWithPrefix(PCCH Prefix, ULONG ComponentId, ULONG Level, PCCH Format,
                                                  va_list arglist)
{
    if (!KdpIsPrintEnabled(ComponentId, Level))
        return STATUS_SUCCESS;
    return KdpPrint(Prefix, Format, arglist);
}

/* No debugger can ask to break in, so this is DbgPrint. */
DECLSPEC_EXPORT ULONG __cdecl DbgPrintReturnControlC(PCCH Format, ...)
{
    va_list arguments;
    ULONG status;

    if (!KdpIsPrintEnabled(DPFLTR_DEFAULT_ID, DPFLTR_INFO_LEVEL))
        return STATUS_SUCCESS;
    va_start(arguments, Format);
    status = KdpPrint(NULL, Format, arguments);
    va_end(arguments);
    return status;
}
