/*
 * io_host.h - the host side of the I/O manager: the one mapping between
 * Windows paths and host paths (C:\ is the host's /), the host file system
 * device behind \??\C:, the service records of the service control manager
 * and driver loading by service name.
 */
#ifndef NTK_INTERNAL_IO_HOST_H
#define NTK_INTERNAL_IO_HOST_H

#include <internal/io.h>

/* Maximum host path ntk builds (bytes, with the NUL). */
#define IOP_HOST_PATH_MAX 4096

/* A Win32 or NT path naming a file on C: to its host path:
 * "C:\x", "\??\C:\x", "\DosDevices\C:\x", "\GLOBAL??\C:\x",
 * "\Device\HostFs\x", "\SystemRoot\x" (C:\Windows\x), "System32\x"
 * (relative to \SystemRoot, as ImagePath values are), "/x" (rooted on C:,
 * as `ntk run --driver` records ImagePath). Other drives:
 * STATUS_OBJECT_PATH_NOT_FOUND; relative paths: STATUS_OBJECT_PATH_SYNTAX_BAD. */
NTSTATUS IopHostPathFromWindows(const WCHAR *Path, USHORT Chars, char *Out, size_t OutSize);
/* A host path of the file system part after the device ("\tmp\x") to "/tmp/x". */
NTSTATUS IopHostPathFromVolume(const WCHAR *Path, USHORT Chars, char *Out, size_t OutSize);
/* errno value -> NTSTATUS for file operations. */
NTSTATUS IopStatusFromErrno(int Error);

/* \Device\HostFs and the \??\C: link (boot). */
void IopInitializeHostFileSystem(void);

/* The image of a service for ZwLoadDriver: its host path, from the service
 * records. STATUS_OBJECT_NAME_NOT_FOUND when there is no such service. */
NTSTATUS IopServiceImagePath(PCUNICODE_STRING ServiceName, char *HostPath, size_t Size);

/* Loads the driver of service ServiceName (the last component of its key)
 * from HostPath, as ZwLoadDriver does. */
NTSTATUS IopLoadServiceDriver(PCUNICODE_STRING ServiceName);

/* A driver object with no image (IoCreateDriver): Name is its full name
 * ("\FileSystem\HostFs"); Init runs as its DriverEntry. Never unloaded. */
NTSTATUS IopCreateBuiltinDriver(PCUNICODE_STRING Name, PDRIVER_INITIALIZE Init, PDRIVER_OBJECT *DriverObject);

/* The service control manager's records (io/scm.c), used by the Win32 SCM
 * (ntk_scm_* exports) and the control socket (ntk sc). */
typedef struct IOP_SERVICE_RECORD IOP_SERVICE_RECORD;
ULONG ntk_scm_create(const WCHAR *Name, const WCHAR *DisplayName, ULONG Type, ULONG Start, ULONG ErrorControl,
                     const WCHAR *ImagePath, void **Service);
ULONG ntk_scm_open(const WCHAR *Name, void **Service);
void ntk_scm_close(void *Service);
ULONG ntk_scm_delete(void *Service);
void ntk_scm_query(void *Service, ULONG *Status);
void ntk_scm_config(void *Service, ULONG *Config, WCHAR *Image, ULONG ImageChars, WCHAR *Display,
                    ULONG DisplayChars);
ULONG ntk_scm_start(void *Service);
ULONG ntk_scm_stop(void *Service, ULONG *Status);
ULONG ntk_scm_enum(ULONG Index, WCHAR *Name, ULONG NameChars, WCHAR *Display, ULONG DisplayChars, ULONG *Status);

/* The control socket (ex/inspect.c): started at boot when
 * NTK_CONTROL_SOCKET names a path; ex/control_sc.c answers `ntk sc`. */
void ExpStartControlServer(void);
int ExpScCommand(void *Conn, int argc, char **argv);

#endif
