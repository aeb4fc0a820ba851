/*
 * filter.c - the Debug Print Filter: which DbgPrintEx/vDbgPrintEx/KdPrintEx
 * messages are shown, DbgQueryDebugFilterState and DbgSetDebugFilterState.
 *
 * Windows' rule: each component (DPFLTR_TYPE) has a 32-bit mask (the
 * registry's Kd_<NAME>_Mask); a Level of 0-31 stands for the bit
 * 1 << Level, a Level of 32 or more is itself a bit mask (DPFLTR_MASK, the
 * top bit, only marks it as one). A message is shown when its bits meet
 * the component's mask or the WIN2000 mask (default 0x1: errors are always
 * shown). Plain DbgPrint/KdPrint is component DEFAULT at INFO level, so
 * Windows hides it by default.
 *
 * ntk's users expect to see their DbgPrint output, so ntk's default is a
 * developer's machine: every component's mask is 0xFFFFFFFF (everything
 * shown; DbgSetDebugFilterState can still turn levels off). The
 * environment variable NTK_DEBUG_FILTER, read on first use, changes that;
 * it is a comma-separated list of:
 *   all           every component mask 0xFFFFFFFF, WIN2000 0x1 (the default)
 *   windows       Windows' defaults: every component mask 0, WIN2000 0x1
 *   NAME:MASK     one component's mask; NAME is the DPFLTR name without
 *                 DPFLTR_ and _ID (IHVDRIVER, DEFAULT, ...; any case), or
 *                 WIN2000, or a component number; MASK is decimal or 0x hex
 * Items apply in order. A list that starts with NAME:MASK starts from
 * Windows' defaults, as the registry's Debug Print Filter key does:
 * NTK_DEBUG_FILTER=IHVDRIVER:0xF,DEFAULT:0x3 shows IHVDRIVER's levels 0-3
 * and DEFAULT's 0-1 and otherwise only errors ("all,IHVDRIVER:0x1" keeps
 * everything else shown). An item that cannot be read is reported once on
 * stderr and ignored.
 *
 * Masks are read and changed with atomic operations: no lock on the
 * DbgPrint path.
 */
#include <string.h>

#include <host.h>
#include <ntstatus.h>
#include <wdm.h>
#include <internal/kd.h>

#define KDP_COMPONENTS DPFLTR_ENDOFTABLE_ID
#define KDP_WIN2000_DEFAULT 0x1u

/* DPFLTR_<name>_ID, by number. */
static const char *const KdpComponentNames[KDP_COMPONENTS] = {
    "SYSTEM", "SMSS", "SETUP", "NTFS", "FSTUB", "CRASHDUMP", "CDAUDIO", "CDROM", "CLASSPNP", "DISK", "REDBOOK",
    "STORPROP", "SCSIPORT", "SCSIMINIPORT", "CONFIG", "I8042PRT", "SERMOUSE", "LSERMOUS", "KBDHID", "MOUHID",
    "KBDCLASS", "MOUCLASS", "TWOTRACK", "WMILIB", "ACPI", "AMLI", "HALIA64", "VIDEO", "SVCHOST", "VIDEOPRT",
    "TCPIP", "DMSYNTH", "NTOSPNP", "FASTFAT", "SAMSS", "PNPMGR", "NETAPI", "SCSERVER", "SCCLIENT", "SERIAL",
    "SERENUM", "UHCD", "RPCPROXY", "AUTOCHK", "DCOMSS", "UNIMODEM", "SIS", "FLTMGR", "WMICORE", "BURNENG",
    "IMAPI", "SXS", "FUSION", "IDLETASK", "SOFTPCI", "TAPE", "MCHGR", "IDEP", "PCIIDE", "FLOPPY", "FDC",
    "TERMSRV", "W32TIME", "PREFETCHER", "RSFILTER", "FCPORT", "PCI", "DMIO", "DMCONFIG", "DMADMIN",
    "WSOCKTRANSPORT", "VSS", "PNPMEM", "PROCESSOR", "DMSERVER", "SR", "INFINIBAND", "IHVDRIVER", "IHVVIDEO",
    "IHVAUDIO", "IHVNETWORK", "IHVSTREAMING", "IHVBUS", "HPS", "RTLTHREADPOOL", "LDR", "TCPIP6", "ISAPNP",
    "SHPC", "STORPORT", "STORMINIPORT", "PRINTSPOOLER", "VSSDYNDISK", "VERIFIER", "VDS", "VDSBAS", "VDSDYN",
    "VDSDYNDR", "VDSLDR", "VDSUTIL", "DFRGIFC", "DEFAULT", "MM", "DFSC", "WOW64", "ALPC", "WDI", "PERFLIB",
    "KTM", "IOSTRESS", "HEAP", "WHEA", "USERGDI", "MMCSS", "TPM", "THREADORDER", "ENVIRON", "EMS", "WDT",
    "FVEVOL", "NDIS", "NVCTRACE", "LUAFV", "APPCOMPAT", "USBSTOR", "SBP2PORT", "COVERAGE", "CACHEMGR",
    "MOUNTMGR", "CFR", "TXF", "KSECDD", "FLTREGRESS", "MPIO", "MSDSM", "UDFS", "PSHED", "STORVSP", "LSASS",
    "SSPICLI", "CNG", "EXFAT", "FILETRACE", "XSAVE", "SE", "DRIVEEXTENDER", "POWER", "CRASHDUMPXHCI", "GPIO",
    "REFS", "WER", "CAPIMG", "VPCI", "STORAGECLASSMEMORY", "FSLIB",
};
_Static_assert(sizeof(KdpComponentNames) / sizeof(KdpComponentNames[0]) == KDP_COMPONENTS,
               "one name per DPFLTR component");

static ULONG KdpComponentMask[KDP_COMPONENTS];
static ULONG KdpWin2000Mask;
static int KdpFilterState; /* 0 not read, 1 being read, 2 ready */

/* The id that stands for the WIN2000 mask itself (Windows uses ~0). */
#define KDP_WIN2000_ID 0xFFFFFFFFu

static void KdpSetAllMasks(ULONG Mask)
{
    for (ULONG i = 0; i < KDP_COMPONENTS; i++)
        __atomic_store_n(&KdpComponentMask[i], Mask, __ATOMIC_RELAXED);
    __atomic_store_n(&KdpWin2000Mask, KDP_WIN2000_DEFAULT, __ATOMIC_RELAXED);
}

static BOOLEAN KdpSameName(const char *Text, size_t Length, const char *Name)
{
    size_t i;

    for (i = 0; i < Length; i++) {
        char c = Text[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        if (Name[i] == '\0' || c != Name[i])
            return FALSE;
    }
    return Name[i] == '\0';
}

/* Decimal or 0x hex; FALSE unless the whole text is a number. */
static BOOLEAN KdpParseNumber(const char *Text, size_t Length, ULONG *Value)
{
    ULONGLONG v = 0;
    ULONG base = 10;
    size_t i = 0;

    if (Length > 2 && Text[0] == '0' && (Text[1] == 'x' || Text[1] == 'X')) {
        base = 16;
        i = 2;
    }
    if (i == Length)
        return FALSE;
    for (; i < Length; i++) {
        char c = Text[i];
        ULONG d = c >= '0' && c <= '9' ? (ULONG)(c - '0')
                  : c >= 'a' && c <= 'f' ? (ULONG)(c - 'a' + 10)
                  : c >= 'A' && c <= 'F' ? (ULONG)(c - 'A' + 10)
                                         : 99;
        if (d >= base)
            return FALSE;
        v = v * base + d;
        if (v > 0xFFFFFFFFull)
            return FALSE;
    }
    *Value = (ULONG)v;
    return TRUE;
}

/* A component by name or number: its id, KDP_WIN2000_ID, or FALSE. */
static BOOLEAN KdpParseComponent(const char *Text, size_t Length, ULONG *Id)
{
    if (KdpSameName(Text, Length, "WIN2000")) {
        *Id = KDP_WIN2000_ID;
        return TRUE;
    }
    for (ULONG i = 0; i < KDP_COMPONENTS; i++) {
        if (KdpSameName(Text, Length, KdpComponentNames[i])) {
            *Id = i;
            return TRUE;
        }
    }
    return KdpParseNumber(Text, Length, Id) && *Id < KDP_COMPONENTS;
}

static void KdpReportBadItem(const char *Item, size_t Length)
{
    char line[256];
    int n = __builtin_snprintf(line, sizeof(line),
                               "ntk: NTK_DEBUG_FILTER: ignoring \"%.*s\" (expected all, windows or NAME:MASK, "
                               "e.g. IHVDRIVER:0xF)\n",
                               (int)(Length > 100 ? 100 : Length), Item);
    if (n > 0)
        ntkhost->write_err(line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

static void KdpApplySetting(const char *Setting)
{
    const char *p = Setting;
    BOOLEAN first = TRUE;

    KdpSetAllMasks(0xFFFFFFFFu);
    if (Setting == NULL)
        return;
    while (*p != '\0') {
        const char *end = strchr(p, ',');
        size_t length = end ? (size_t)(end - p) : strlen(p);
        const char *colon = memchr(p, ':', length);
        ULONG id, mask;

        while (length > 0 && (*p == ' ' || *p == '\t')) {
            p++;
            length--;
        }
        while (length > 0 && (p[length - 1] == ' ' || p[length - 1] == '\t'))
            length--;
        if (length == 0) {
            /* empty item: nothing */
        } else if (KdpSameName(p, length, "ALL")) {
            KdpSetAllMasks(0xFFFFFFFFu);
        } else if (KdpSameName(p, length, "WINDOWS")) {
            KdpSetAllMasks(0);
        } else if (colon != NULL && KdpParseComponent(p, (size_t)(colon - p), &id) &&
                   KdpParseNumber(colon + 1, length - (size_t)(colon + 1 - p), &mask)) {
            if (first)
                KdpSetAllMasks(0);
            __atomic_store_n(id == KDP_WIN2000_ID ? &KdpWin2000Mask : &KdpComponentMask[id], mask,
                             __ATOMIC_RELAXED);
        } else {
            KdpReportBadItem(p, length);
        }
        if (length != 0)
            first = FALSE;
        if (end == NULL)
            break;
        p = end + 1;
    }
}

static void KdpEnsureFilter(void)
{
    int expected = 0;

    if (__builtin_expect(__atomic_load_n(&KdpFilterState, __ATOMIC_ACQUIRE) == 2, 1))
        return;
    if (__atomic_compare_exchange_n(&KdpFilterState, &expected, 1, FALSE, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        KdpApplySetting(ntkhost->getenv ? ntkhost->getenv("NTK_DEBUG_FILTER") : NULL);
        __atomic_store_n(&KdpFilterState, 2, __ATOMIC_RELEASE);
        return;
    }
    while (__atomic_load_n(&KdpFilterState, __ATOMIC_ACQUIRE) != 2)
        ntkhost->thread_yield ? ntkhost->thread_yield() : (void)0;
}

void KdpReinitializeDebugFilter(void)
{
    __atomic_store_n(&KdpFilterState, 0, __ATOMIC_RELEASE);
    KdpEnsureFilter();
}

static ULONG KdpLevelBits(ULONG Level)
{
    return Level < 32 ? 1u << Level : Level & ~(ULONG)DPFLTR_MASK;
}

/* The mask word of ComponentId, or NULL for an unknown one. */
static ULONG *KdpMaskOf(ULONG ComponentId)
{
    if (ComponentId < KDP_COMPONENTS)
        return &KdpComponentMask[ComponentId];
    if (ComponentId == KDP_WIN2000_ID)
        return &KdpWin2000Mask;
    return NULL;
}

BOOLEAN KdpIsPrintEnabled(ULONG ComponentId, ULONG Level)
{
    return DbgQueryDebugFilterState(ComponentId, Level) == (NTSTATUS)TRUE;
}

/* @implemented: TRUE or FALSE (as an NTSTATUS), or
 * STATUS_INVALID_PARAMETER_1 for an unknown component. */
DECLSPEC_EXPORT NTSTATUS NTAPI DbgQueryDebugFilterState(ULONG ComponentId, ULONG Level)
{
    ULONG *mask;
    ULONG bits = KdpLevelBits(Level);

    KdpEnsureFilter();
    mask = KdpMaskOf(ComponentId);
    if (mask == NULL)
        return STATUS_INVALID_PARAMETER_1;
    if ((__atomic_load_n(&KdpWin2000Mask, __ATOMIC_RELAXED) & bits) != 0 ||
        (__atomic_load_n(mask, __ATOMIC_RELAXED) & bits) != 0)
        return (NTSTATUS)TRUE;
    return (NTSTATUS)FALSE;
}

/* @implemented */
DECLSPEC_EXPORT NTSTATUS NTAPI DbgSetDebugFilterState(ULONG ComponentId, ULONG Level, BOOLEAN State)
{
    ULONG *mask;
    ULONG bits = KdpLevelBits(Level);

    KdpEnsureFilter();
    mask = KdpMaskOf(ComponentId);
    if (mask == NULL)
        return STATUS_INVALID_PARAMETER_1;
    if (State)
        __atomic_or_fetch(mask, bits, __ATOMIC_RELAXED);
    else
        __atomic_and_fetch(mask, ~bits, __ATOMIC_RELAXED);
    return STATUS_SUCCESS;
}
