/*
 * ioctl.c - "ntk ioctl": I/O control codes taken apart and put together.
 *   decode CODE                          like the kernel debugger's !ioctldecode
 *   encode DEVICE FUNCTION METHOD ACCESS like CTL_CODE
 * The device types, methods and access values are those of ntk's own
 * <devioctl.h>, included here so that the names and numbers cannot drift.
 */
#define _GNU_SOURCE
#include "commands.h"
#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* devioctl.h is a Windows-side header; its macros need only ULONG. */
#define ULONG uint32_t
#include "../../include/shared/devioctl.h"
#undef ULONG

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

struct named_value {
    const char *name;
    uint32_t value;
};

#define NAMED(x) {#x, (uint32_t)(x)}

static const struct named_value device_types[] = {
    NAMED(FILE_DEVICE_BEEP),
    NAMED(FILE_DEVICE_CD_ROM),
    NAMED(FILE_DEVICE_CD_ROM_FILE_SYSTEM),
    NAMED(FILE_DEVICE_CONTROLLER),
    NAMED(FILE_DEVICE_DATALINK),
    NAMED(FILE_DEVICE_DFS),
    NAMED(FILE_DEVICE_DISK),
    NAMED(FILE_DEVICE_DISK_FILE_SYSTEM),
    NAMED(FILE_DEVICE_FILE_SYSTEM),
    NAMED(FILE_DEVICE_INPORT_PORT),
    NAMED(FILE_DEVICE_KEYBOARD),
    NAMED(FILE_DEVICE_MAILSLOT),
    NAMED(FILE_DEVICE_MIDI_IN),
    NAMED(FILE_DEVICE_MIDI_OUT),
    NAMED(FILE_DEVICE_MOUSE),
    NAMED(FILE_DEVICE_MULTI_UNC_PROVIDER),
    NAMED(FILE_DEVICE_NAMED_PIPE),
    NAMED(FILE_DEVICE_NETWORK),
    NAMED(FILE_DEVICE_NETWORK_BROWSER),
    NAMED(FILE_DEVICE_NETWORK_FILE_SYSTEM),
    NAMED(FILE_DEVICE_NULL),
    NAMED(FILE_DEVICE_PARALLEL_PORT),
    NAMED(FILE_DEVICE_PHYSICAL_NETCARD),
    NAMED(FILE_DEVICE_PRINTER),
    NAMED(FILE_DEVICE_SCANNER),
    NAMED(FILE_DEVICE_SERIAL_MOUSE_PORT),
    NAMED(FILE_DEVICE_SERIAL_PORT),
    NAMED(FILE_DEVICE_SCREEN),
    NAMED(FILE_DEVICE_SOUND),
    NAMED(FILE_DEVICE_STREAMS),
    NAMED(FILE_DEVICE_TAPE),
    NAMED(FILE_DEVICE_TAPE_FILE_SYSTEM),
    NAMED(FILE_DEVICE_TRANSPORT),
    NAMED(FILE_DEVICE_UNKNOWN),
    NAMED(FILE_DEVICE_VIDEO),
    NAMED(FILE_DEVICE_VIRTUAL_DISK),
    NAMED(FILE_DEVICE_WAVE_IN),
    NAMED(FILE_DEVICE_WAVE_OUT),
    NAMED(FILE_DEVICE_8042_PORT),
    NAMED(FILE_DEVICE_NETWORK_REDIRECTOR),
    NAMED(FILE_DEVICE_BATTERY),
    NAMED(FILE_DEVICE_BUS_EXTENDER),
    NAMED(FILE_DEVICE_MODEM),
    NAMED(FILE_DEVICE_VDM),
    NAMED(FILE_DEVICE_MASS_STORAGE),
    NAMED(FILE_DEVICE_SMB),
    NAMED(FILE_DEVICE_KS),
    NAMED(FILE_DEVICE_CHANGER),
    NAMED(FILE_DEVICE_SMARTCARD),
    NAMED(FILE_DEVICE_ACPI),
    NAMED(FILE_DEVICE_DVD),
    NAMED(FILE_DEVICE_FULLSCREEN_VIDEO),
    NAMED(FILE_DEVICE_DFS_FILE_SYSTEM),
    NAMED(FILE_DEVICE_DFS_VOLUME),
    NAMED(FILE_DEVICE_SERENUM),
    NAMED(FILE_DEVICE_TERMSRV),
    NAMED(FILE_DEVICE_KSEC),
    NAMED(FILE_DEVICE_FIPS),
    NAMED(FILE_DEVICE_INFINIBAND),
    NAMED(FILE_DEVICE_VMBUS),
    NAMED(FILE_DEVICE_CRYPT_PROVIDER),
    NAMED(FILE_DEVICE_WPD),
    NAMED(FILE_DEVICE_BLUETOOTH),
    NAMED(FILE_DEVICE_MT_COMPOSITE),
    NAMED(FILE_DEVICE_MT_TRANSPORT),
    NAMED(FILE_DEVICE_BIOMETRIC),
    NAMED(FILE_DEVICE_PMI),
    NAMED(FILE_DEVICE_EHSTOR),
    NAMED(FILE_DEVICE_DEVAPI),
    NAMED(FILE_DEVICE_GPIO),
    NAMED(FILE_DEVICE_USBEX),
    NAMED(FILE_DEVICE_CONSOLE),
    NAMED(FILE_DEVICE_NFP),
    NAMED(FILE_DEVICE_SYSENV),
    NAMED(FILE_DEVICE_VIRTUAL_BLOCK),
    NAMED(FILE_DEVICE_POINT_OF_SERVICE),
    NAMED(FILE_DEVICE_STORAGE_REPLICATION),
    NAMED(FILE_DEVICE_TRUST_ENV),
    NAMED(FILE_DEVICE_UCM),
    NAMED(FILE_DEVICE_UCMTCPCI),
    NAMED(FILE_DEVICE_PERSISTENT_MEMORY),
    NAMED(FILE_DEVICE_NVDIMM),
    NAMED(FILE_DEVICE_HOLOGRAPHIC),
    NAMED(FILE_DEVICE_SDFXHCI),
    NAMED(FILE_DEVICE_UCMUCSI),
    NAMED(FILE_DEVICE_PRM),
    NAMED(FILE_DEVICE_EVENT_COLLECTOR),
    NAMED(FILE_DEVICE_USB4),
    NAMED(FILE_DEVICE_SOUNDWIRE),
};

/* The first name of each value is the one decode prints. */
static const struct named_value methods[] = {
    NAMED(METHOD_BUFFERED),
    NAMED(METHOD_IN_DIRECT),
    NAMED(METHOD_OUT_DIRECT),
    NAMED(METHOD_NEITHER),
    NAMED(METHOD_DIRECT_TO_HARDWARE),
    NAMED(METHOD_DIRECT_FROM_HARDWARE),
};

static const struct named_value accesses[] = {
    NAMED(FILE_ANY_ACCESS),
    NAMED(FILE_READ_ACCESS),
    NAMED(FILE_WRITE_ACCESS),
    NAMED(FILE_SPECIAL_ACCESS),
};

/* Common system I/O control codes, built from their definitions in the
 * Windows SDK's headers (device type, function, method, access). */
#define SYSTEM_IOCTL(name, device, function, method, access) {#name, CTL_CODE(device, function, method, access)}
#define FILE_RW_ACCESS (FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_VOLUME_BASE 0x56 /* 'V' */
#define MOUNTMGRCONTROLTYPE 0x6D /* 'm' */
static const struct named_value system_ioctls[] = {
    SYSTEM_IOCTL(IOCTL_DISK_GET_DRIVE_GEOMETRY, FILE_DEVICE_DISK, 0x0000, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_DISK_GET_PARTITION_INFO, FILE_DEVICE_DISK, 0x0001, METHOD_BUFFERED, FILE_READ_ACCESS),
    SYSTEM_IOCTL(IOCTL_DISK_GET_DRIVE_LAYOUT, FILE_DEVICE_DISK, 0x0003, METHOD_BUFFERED, FILE_READ_ACCESS),
    SYSTEM_IOCTL(IOCTL_DISK_VERIFY, FILE_DEVICE_DISK, 0x0005, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_DISK_GET_PARTITION_INFO_EX, FILE_DEVICE_DISK, 0x0012, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_DISK_GET_DRIVE_LAYOUT_EX, FILE_DEVICE_DISK, 0x0014, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_DISK_GET_LENGTH_INFO, FILE_DEVICE_DISK, 0x0017, METHOD_BUFFERED, FILE_READ_ACCESS),
    SYSTEM_IOCTL(IOCTL_DISK_GET_DRIVE_GEOMETRY_EX, FILE_DEVICE_DISK, 0x0028, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_STORAGE_CHECK_VERIFY, FILE_DEVICE_MASS_STORAGE, 0x0200, METHOD_BUFFERED, FILE_READ_ACCESS),
    SYSTEM_IOCTL(IOCTL_STORAGE_EJECT_MEDIA, FILE_DEVICE_MASS_STORAGE, 0x0202, METHOD_BUFFERED, FILE_READ_ACCESS),
    SYSTEM_IOCTL(IOCTL_STORAGE_GET_DEVICE_NUMBER, FILE_DEVICE_MASS_STORAGE, 0x0420, METHOD_BUFFERED,
                 FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_STORAGE_QUERY_PROPERTY, FILE_DEVICE_MASS_STORAGE, 0x0500, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_SCSI_PASS_THROUGH, FILE_DEVICE_CONTROLLER, 0x0401, METHOD_BUFFERED, FILE_RW_ACCESS),
    SYSTEM_IOCTL(IOCTL_SCSI_MINIPORT, FILE_DEVICE_CONTROLLER, 0x0402, METHOD_BUFFERED, FILE_RW_ACCESS),
    SYSTEM_IOCTL(IOCTL_SCSI_GET_INQUIRY_DATA, FILE_DEVICE_CONTROLLER, 0x0403, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_SCSI_GET_CAPABILITIES, FILE_DEVICE_CONTROLLER, 0x0404, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_SCSI_PASS_THROUGH_DIRECT, FILE_DEVICE_CONTROLLER, 0x0405, METHOD_BUFFERED, FILE_RW_ACCESS),
    SYSTEM_IOCTL(IOCTL_SCSI_GET_ADDRESS, FILE_DEVICE_CONTROLLER, 0x0406, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_VOLUME_GET_VOLUME_DISK_EXTENTS, IOCTL_VOLUME_BASE, 0, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_MOUNTMGR_QUERY_POINTS, MOUNTMGRCONTROLTYPE, 2, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(FSCTL_LOCK_VOLUME, FILE_DEVICE_FILE_SYSTEM, 6, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(FSCTL_UNLOCK_VOLUME, FILE_DEVICE_FILE_SYSTEM, 7, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(FSCTL_DISMOUNT_VOLUME, FILE_DEVICE_FILE_SYSTEM, 8, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(FSCTL_GET_COMPRESSION, FILE_DEVICE_FILE_SYSTEM, 15, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(FSCTL_SET_COMPRESSION, FILE_DEVICE_FILE_SYSTEM, 16, METHOD_BUFFERED, FILE_RW_ACCESS),
    SYSTEM_IOCTL(FSCTL_GET_NTFS_VOLUME_DATA, FILE_DEVICE_FILE_SYSTEM, 25, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(FSCTL_GET_RETRIEVAL_POINTERS, FILE_DEVICE_FILE_SYSTEM, 28, METHOD_NEITHER, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(FSCTL_SET_REPARSE_POINT, FILE_DEVICE_FILE_SYSTEM, 41, METHOD_BUFFERED, FILE_SPECIAL_ACCESS),
    SYSTEM_IOCTL(FSCTL_GET_REPARSE_POINT, FILE_DEVICE_FILE_SYSTEM, 42, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(FSCTL_DELETE_REPARSE_POINT, FILE_DEVICE_FILE_SYSTEM, 43, METHOD_BUFFERED, FILE_SPECIAL_ACCESS),
    SYSTEM_IOCTL(IOCTL_SERIAL_SET_BAUD_RATE, FILE_DEVICE_SERIAL_PORT, 1, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_SERIAL_GET_BAUD_RATE, FILE_DEVICE_SERIAL_PORT, 20, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_KEYBOARD_QUERY_ATTRIBUTES, FILE_DEVICE_KEYBOARD, 0x0000, METHOD_BUFFERED, FILE_ANY_ACCESS),
    SYSTEM_IOCTL(IOCTL_MOUSE_QUERY_ATTRIBUTES, FILE_DEVICE_MOUSE, 0x0000, METHOD_BUFFERED, FILE_ANY_ACCESS),
};

static void print_ioctl_help(void)
{
    printf("Usage: ntk ioctl decode CODE\n"
           "       ntk ioctl encode DEVICE FUNCTION METHOD ACCESS\n"
           "       ntk ioctl send DEVICE CODE [--in HEX|@FILE] [--out-size N] [--control SOCKET]\n"
           "\n"
           "decode takes an I/O control code apart as the kernel debugger's\n"
           "!ioctldecode does: device type (with its FILE_DEVICE_* name), function,\n"
           "transfer method, required access, and the name of a common system IOCTL\n"
           "it is.\n"
           "\n"
           "encode puts one together as CTL_CODE does and prints it in hex. Each\n"
           "argument is a number (decimal, 0x hex or 0 octal) or a name:\n"
           "  DEVICE    FILE_DEVICE_UNKNOWN, ... (0 to 0xFFFF; 0x8000 and up are\n"
           "            vendor-defined)\n"
           "  FUNCTION  0 to 0xFFF (0x800 and up are vendor-defined)\n"
           "  METHOD    METHOD_BUFFERED, METHOD_IN_DIRECT, METHOD_OUT_DIRECT,\n"
           "            METHOD_NEITHER (0 to 3)\n"
           "  ACCESS    FILE_ANY_ACCESS, FILE_READ_ACCESS, FILE_WRITE_ACCESS,\n"
           "            FILE_SPECIAL_ACCESS, or READ|WRITE combined with '|' (0 to 3)\n"
           "Names are matched without regard to case; the FILE_DEVICE_, METHOD_ and\n"
           "FILE_..._ACCESS parts may be left out (UNKNOWN 0x800 NEITHER ANY).\n"
           "\n"
           "Example: ntk ioctl encode FILE_DEVICE_UNKNOWN 0x800 METHOD_BUFFERED FILE_ANY_ACCESS\n"
           "         0x00222000\n"
           "\n"
           "send opens DEVICE (\\\\.\\NAME, NAME, or an NT path) in a running application's\n"
           "kernel (ntk run --control SOCKET; NTK_CONTROL_SOCKET names it), sends CODE\n"
           "with the input bytes (hex, or @FILE for a file's bytes) and an output\n"
           "buffer of N bytes (default 0), and prints the status, the Win32 error, the\n"
           "byte count and the output bytes (docs/TOOLS.md).\n"
           "\n"
           "Exit status: 0 on success, 1 when send's request fails, 2 for a usage error\n"
           "or a value out of range.\n");
}

static const char *name_of(const struct named_value *table, size_t count, uint32_t value)
{
    for (size_t i = 0; i < count; i++)
        if (table[i].value == value)
            return table[i].name;
    return NULL;
}

/* A name from table, compared without case and with or without prefix
 * and suffix ("FILE_DEVICE_DISK", "disk"; "FILE_READ_ACCESS", "read"). */
static bool lookup_name(const struct named_value *table, size_t count, const char *prefix, const char *suffix,
                        const char *text, uint32_t *value)
{
    for (size_t i = 0; i < count; i++) {
        const char *name = table[i].name;
        if (strcasecmp(name, text) == 0) {
            *value = table[i].value;
            return true;
        }
        size_t prefix_length = strlen(prefix), suffix_length = strlen(suffix);
        size_t core_length = strlen(name) - prefix_length - suffix_length;
        if (strncmp(name, prefix, prefix_length) == 0 && strlen(text) == core_length &&
            strncasecmp(name + prefix_length, text, core_length) == 0) {
            *value = table[i].value;
            return true;
        }
    }
    return false;
}

static bool parse_number(const char *text, uint32_t *value)
{
    if (!*text || *text == '-' || *text == '+')
        return false;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(text, &end, 0);
    if (errno || *end || n > UINT32_MAX)
        return false;
    *value = (uint32_t)n;
    return true;
}

static int parse_field(const char *what, const char *text, const struct named_value *table, size_t count,
                       const char *prefix, const char *suffix, uint32_t maximum, uint32_t *value)
{
    if (!parse_number(text, value) && !lookup_name(table, count, prefix, suffix, text, value))
        return ntk_usage_error("%s '%s' is neither a number nor a known name", what, text);
    if (*value > maximum)
        return ntk_usage_error("%s %s is out of range (0 to 0x%X)", what, text, maximum);
    return NTK_TOOL_EXIT_OK;
}

/* ACCESS may combine values with '|' (FILE_READ_ACCESS|FILE_WRITE_ACCESS). */
static int parse_access(const char *text, uint32_t *value)
{
    char *copy = ntk_xstrdup(text);
    char *saveptr = NULL;
    int status = NTK_TOOL_EXIT_OK;
    *value = 0;
    int parts = 0;
    for (char *part = strtok_r(copy, "|", &saveptr); part && status == 0; part = strtok_r(NULL, "|", &saveptr)) {
        while (*part == ' ')
            part++;
        size_t n = strlen(part);
        while (n > 0 && part[n - 1] == ' ')
            part[--n] = '\0';
        uint32_t one;
        status = parse_field("access", part, accesses, COUNT_OF(accesses), "FILE_", "_ACCESS", 3, &one);
        *value |= one;
        parts++;
    }
    free(copy);
    if (status == 0 && parts == 0)
        status = ntk_usage_error("access '%s' is empty", text);
    return status;
}

static const char *access_name(uint32_t access)
{
    static const char *const names[] = {"FILE_ANY_ACCESS", "FILE_READ_ACCESS", "FILE_WRITE_ACCESS",
                                        "FILE_READ_ACCESS | FILE_WRITE_ACCESS"};
    return names[access & 3];
}

static int decode(const char *text)
{
    uint32_t code;
    if (!parse_number(text, &code)) {
        uint32_t named = 0;
        if (!lookup_name(system_ioctls, COUNT_OF(system_ioctls), "", "", text, &named))
            return ntk_usage_error("'%s' is not an I/O control code (a 32-bit number, or a system IOCTL's name)",
                                   text);
        code = named;
    }
    uint32_t device = code >> 16;
    uint32_t access = (code >> 14) & 3;
    uint32_t function = (code >> 2) & 0xFFF;
    uint32_t method = code & 3;
    const char *ioctl_name = name_of(system_ioctls, COUNT_OF(system_ioctls), code);
    const char *device_name = name_of(device_types, COUNT_OF(device_types), device);

    printf("%-14s : 0x%x\n", ioctl_name ? ioctl_name : "Unknown IOCTL", code);
    printf("\n");
    if (device_name)
        printf("Device Type    : 0x%x (%s)\n", device, device_name);
    else
        printf("Device Type    : 0x%x (%s)\n", device, device & 0x8000 ? "vendor-defined" : "unknown device type");
    printf("Method         : 0x%x %s\n", method, name_of(methods, COUNT_OF(methods), method));
    printf("Access         : %s\n", access_name(access));
    printf("Function       : 0x%x%s\n", function, function & 0x800 ? " (vendor-defined)" : "");
    return NTK_TOOL_EXIT_OK;
}

static int encode(char **args)
{
    uint32_t device, function, method, access;
    int status;
    if ((status = parse_field("device type", args[0], device_types, COUNT_OF(device_types), "FILE_DEVICE_", "",
                              0xFFFF, &device)) != 0)
        return status;
    if ((status = parse_field("function", args[1], NULL, 0, "", "", 0xFFF, &function)) != 0)
        return status;
    if ((status = parse_field("method", args[2], methods, COUNT_OF(methods), "METHOD_", "", 3, &method)) != 0)
        return status;
    if ((status = parse_access(args[3], &access)) != 0)
        return status;
    printf("0x%08x\n", (uint32_t)CTL_CODE(device, function, method, access));
    return NTK_TOOL_EXIT_OK;
}

int ntk_ioctl_main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_ioctl_help();
            return NTK_TOOL_EXIT_OK;
        }
    }
    if (argc < 2)
        return ntk_usage_error("missing subcommand (decode, encode)");
    const char *command = argv[1];
    if (strcmp(command, "decode") == 0) {
        if (argc != 3)
            return ntk_usage_error("decode takes one CODE");
        return decode(argv[2]);
    }
    if (strcmp(command, "encode") == 0) {
        if (argc != 6)
            return ntk_usage_error("encode takes DEVICE FUNCTION METHOD ACCESS");
        return encode(argv + 2);
    }
    if (strcmp(command, "send") == 0) {
        if (argc < 4)
            return ntk_usage_error("send takes DEVICE CODE [--in HEX|@FILE] [--out-size N]");
        uint32_t code;
        if (!parse_number(argv[3], &code) && !lookup_name(system_ioctls, COUNT_OF(system_ioctls), "", "", argv[3], &code))
            return ntk_usage_error("'%s' is not an I/O control code (a 32-bit number, or a system IOCTL's name)",
                                   argv[3]);
        return ntk_ioctl_send(argv[2], code, argc - 4, argv + 4);
    }
    return ntk_usage_error("unknown subcommand '%s' (decode, encode, send)", command);
}
