/*
 * service.c - the service control manager for driver services: OpenSCManager,
 * CreateService, OpenService, StartService, ControlService, QueryServiceStatus(Ex),
 * DeleteService, CloseServiceHandle, EnumServicesStatus. The records live in
 * the kernel (io/scm.c, shared with `ntk sc`); starting a service is
 * ZwLoadDriver on its key and stopping it ZwUnloadDriver (docs/SERVICES.md).
 * Services that are processes (SERVICE_WIN32_*) are not supported.
 *
 * An SC_HANDLE is a small block of this library, as on Windows it is a
 * handle of the SCM's own (not a kernel object handle).
 */
#include "win32_path.h"
#include <winsvc.h>
#include <stdlib.h>
#include <string.h>

/* io/scm.c (Win32 error codes). */
NTSYSAPI ULONG ntk_scm_create(const WCHAR *Name, const WCHAR *DisplayName, ULONG Type, ULONG Start,
                              ULONG ErrorControl, const WCHAR *ImagePath, void **Service);
NTSYSAPI ULONG ntk_scm_open(const WCHAR *Name, void **Service);
NTSYSAPI void ntk_scm_close(void *Service);
NTSYSAPI ULONG ntk_scm_delete(void *Service);
NTSYSAPI void ntk_scm_query(void *Service, ULONG *Status);
NTSYSAPI ULONG ntk_scm_start(void *Service);
NTSYSAPI ULONG ntk_scm_stop(void *Service, ULONG *Status);
NTSYSAPI ULONG ntk_scm_enum(ULONG Index, WCHAR *Name, ULONG NameChars, WCHAR *Display, ULONG DisplayChars,
                            ULONG *Status);

#define WIN32_SC_MAGIC_MANAGER 0x4d435353u /* 'SSCM' */
#define WIN32_SC_MAGIC_SERVICE 0x43565353u /* 'SSVC' */

typedef struct WIN32_SC_OBJECT {
    ULONG Magic;
    ACCESS_MASK Access;
    void *Record; /* services */
} WIN32_SC_OBJECT;

static WIN32_SC_OBJECT *Win32ScObject(SC_HANDLE h, ULONG magic)
{
    WIN32_SC_OBJECT *o = (WIN32_SC_OBJECT *)h;
    if (!o || o->Magic != magic) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return o;
}

static ACCESS_MASK Win32ScMapAccess(ACCESS_MASK a, BOOL manager)
{
    ACCESS_MASK all = manager ? SC_MANAGER_ALL_ACCESS : SERVICE_ALL_ACCESS;
    if (a & (GENERIC_ALL | MAXIMUM_ALLOWED))
        a |= all;
    if (a & GENERIC_READ)
        a |= manager ? (SC_MANAGER_ENUMERATE_SERVICE | SC_MANAGER_QUERY_LOCK_STATUS)
                     : (SERVICE_QUERY_CONFIG | SERVICE_QUERY_STATUS | SERVICE_ENUMERATE_DEPENDENTS);
    if (a & GENERIC_WRITE)
        a |= manager ? (SC_MANAGER_CREATE_SERVICE | SC_MANAGER_MODIFY_BOOT_CONFIG) : SERVICE_CHANGE_CONFIG;
    if (a & GENERIC_EXECUTE)
        a |= manager ? (SC_MANAGER_CONNECT | SC_MANAGER_LOCK)
                     : (SERVICE_START | SERVICE_STOP | SERVICE_PAUSE_CONTINUE | SERVICE_USER_DEFINED_CONTROL);
    return a & all;
}

static SC_HANDLE Win32ScNew(ULONG magic, ACCESS_MASK access, void *record)
{
    WIN32_SC_OBJECT *o = malloc(sizeof *o);
    if (!o) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    o->Magic = magic;
    o->Access = access;
    o->Record = record;
    return (SC_HANDLE)o;
}

static BOOL Win32ScFail(ULONG error)
{
    SetLastError(error);
    return FALSE;
}

/* @implemented: the local SCM only (NULL, "" or this machine as "."). */
DECLSPEC_EXPORT SC_HANDLE WINAPI OpenSCManagerW(LPCWSTR lpMachineName, LPCWSTR lpDatabaseName, DWORD dwDesiredAccess)
{
    if (lpMachineName && lpMachineName[0] && !(lpMachineName[0] == L'.' && !lpMachineName[1])) {
        Win32Unsupported("OpenSCManager of another machine");
        return NULL;
    }
    if (lpDatabaseName && wcscmp(lpDatabaseName, SERVICES_ACTIVE_DATABASEW) != 0) {
        SetLastError(wcscmp(lpDatabaseName, SERVICES_FAILED_DATABASEW) == 0 ? ERROR_ACCESS_DENIED
                                                                             : ERROR_DATABASE_DOES_NOT_EXIST);
        return NULL;
    }
    return Win32ScNew(WIN32_SC_MAGIC_MANAGER, Win32ScMapAccess(dwDesiredAccess, TRUE) | SC_MANAGER_CONNECT, NULL);
}

/* @implemented */
DECLSPEC_EXPORT SC_HANDLE WINAPI OpenSCManagerA(LPCSTR lpMachineName, LPCSTR lpDatabaseName, DWORD dwDesiredAccess)
{
    WCHAR *m = lpMachineName ? Win32Utf8ToWide(lpMachineName) : NULL;
    WCHAR *d = lpDatabaseName ? Win32Utf8ToWide(lpDatabaseName) : NULL;
    SC_HANDLE h = NULL;
    if ((lpMachineName && !m) || (lpDatabaseName && !d))
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    else
        h = OpenSCManagerW(m, d, dwDesiredAccess);
    free(m);
    free(d);
    return h;
}

/* @implemented: driver services (SERVICE_KERNEL_DRIVER,
 * SERVICE_FILE_SYSTEM_DRIVER). Load-order groups, tags and dependencies
 * order drivers at boot, which ntk does not have: they are accepted and
 * not used. */
DECLSPEC_EXPORT SC_HANDLE WINAPI CreateServiceW(SC_HANDLE hSCManager, LPCWSTR lpServiceName, LPCWSTR lpDisplayName,
                                               DWORD dwDesiredAccess, DWORD dwServiceType, DWORD dwStartType,
                                               DWORD dwErrorControl, LPCWSTR lpBinaryPathName,
                                               LPCWSTR lpLoadOrderGroup, LPDWORD lpdwTagId, LPCWSTR lpDependencies,
                                               LPCWSTR lpServiceStartName, LPCWSTR lpPassword)
{
    (void)lpDependencies;
    (void)lpServiceStartName;
    (void)lpPassword;
    WIN32_SC_OBJECT *m = Win32ScObject(hSCManager, WIN32_SC_MAGIC_MANAGER);
    if (!m)
        return NULL;
    if (!(m->Access & SC_MANAGER_CREATE_SERVICE)) {
        Win32ScFail(ERROR_ACCESS_DENIED);
        return NULL;
    }
    if (!lpServiceName || !lpBinaryPathName) {
        Win32ScFail(lpServiceName ? ERROR_INVALID_PARAMETER : ERROR_INVALID_ADDRESS);
        return NULL;
    }
    if (dwServiceType & SERVICE_WIN32) {
        Win32Unsupported("CreateService of a service that is a process (SERVICE_WIN32_*): only drivers");
        return NULL;
    }
    if (lpdwTagId && (!lpLoadOrderGroup || !lpLoadOrderGroup[0])) {
        Win32ScFail(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (lpdwTagId)
        *lpdwTagId = 0;
    void *record;
    ULONG error = ntk_scm_create(lpServiceName, lpDisplayName, dwServiceType, dwStartType, dwErrorControl,
                                 lpBinaryPathName, &record);
    if (error) {
        Win32ScFail(error);
        return NULL;
    }
    SC_HANDLE h = Win32ScNew(WIN32_SC_MAGIC_SERVICE, Win32ScMapAccess(dwDesiredAccess, FALSE), record);
    if (!h)
        ntk_scm_close(record);
    else
        SetLastError(ERROR_SUCCESS);
    return h;
}

static WCHAR *Win32ScWide(LPCSTR s, BOOL *failed)
{
    if (!s)
        return NULL;
    WCHAR *w = Win32Utf8ToWide(s);
    if (!w)
        *failed = TRUE;
    return w;
}

/* @implemented */
DECLSPEC_EXPORT SC_HANDLE WINAPI CreateServiceA(SC_HANDLE hSCManager, LPCSTR lpServiceName, LPCSTR lpDisplayName,
                                               DWORD dwDesiredAccess, DWORD dwServiceType, DWORD dwStartType,
                                               DWORD dwErrorControl, LPCSTR lpBinaryPathName, LPCSTR lpLoadOrderGroup,
                                               LPDWORD lpdwTagId, LPCSTR lpDependencies, LPCSTR lpServiceStartName,
                                               LPCSTR lpPassword)
{
    (void)lpDependencies;
    (void)lpServiceStartName;
    (void)lpPassword;
    BOOL failed = FALSE;
    WCHAR *name = Win32ScWide(lpServiceName, &failed), *display = Win32ScWide(lpDisplayName, &failed);
    WCHAR *bin = Win32ScWide(lpBinaryPathName, &failed), *group = Win32ScWide(lpLoadOrderGroup, &failed);
    SC_HANDLE h = NULL;
    if (failed)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    else
        h = CreateServiceW(hSCManager, name, display, dwDesiredAccess, dwServiceType, dwStartType, dwErrorControl,
                           bin, group, lpdwTagId, NULL, NULL, NULL);
    free(name);
    free(display);
    free(bin);
    free(group);
    return h;
}

/* @implemented */
DECLSPEC_EXPORT SC_HANDLE WINAPI OpenServiceW(SC_HANDLE hSCManager, LPCWSTR lpServiceName, DWORD dwDesiredAccess)
{
    if (!Win32ScObject(hSCManager, WIN32_SC_MAGIC_MANAGER))
        return NULL;
    if (!lpServiceName) {
        Win32ScFail(ERROR_INVALID_ADDRESS);
        return NULL;
    }
    void *record;
    ULONG error = ntk_scm_open(lpServiceName, &record);
    if (error) {
        Win32ScFail(error);
        return NULL;
    }
    SC_HANDLE h = Win32ScNew(WIN32_SC_MAGIC_SERVICE, Win32ScMapAccess(dwDesiredAccess, FALSE), record);
    if (!h)
        ntk_scm_close(record);
    return h;
}

/* @implemented */
DECLSPEC_EXPORT SC_HANDLE WINAPI OpenServiceA(SC_HANDLE hSCManager, LPCSTR lpServiceName, DWORD dwDesiredAccess)
{
    BOOL failed = FALSE;
    WCHAR *name = Win32ScWide(lpServiceName, &failed);
    SC_HANDLE h = NULL;
    if (failed)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    else
        h = OpenServiceW(hSCManager, name, dwDesiredAccess);
    free(name);
    return h;
}

static WIN32_SC_OBJECT *Win32ScService(SC_HANDLE h, ACCESS_MASK needed)
{
    WIN32_SC_OBJECT *s = Win32ScObject(h, WIN32_SC_MAGIC_SERVICE);
    if (s && (s->Access & needed) != needed) {
        SetLastError(ERROR_ACCESS_DENIED);
        return NULL;
    }
    return s;
}

/* @implemented: loads the driver (ZwLoadDriver) and runs its DriverEntry;
 * a failure is the Win32 form of its status (ERROR_FILE_NOT_FOUND for a
 * missing image). Arguments are not passed to drivers, as on Windows. */
DECLSPEC_EXPORT BOOL WINAPI StartServiceW(SC_HANDLE hService, DWORD dwNumServiceArgs, LPCWSTR *lpServiceArgVectors)
{
    (void)dwNumServiceArgs;
    (void)lpServiceArgVectors;
    WIN32_SC_OBJECT *s = Win32ScService(hService, SERVICE_START);
    if (!s)
        return FALSE;
    ULONG error = ntk_scm_start(s->Record);
    return error ? Win32ScFail(error) : TRUE;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI StartServiceA(SC_HANDLE hService, DWORD dwNumServiceArgs, LPCSTR *lpServiceArgVectors)
{
    (void)dwNumServiceArgs;
    (void)lpServiceArgVectors;
    return StartServiceW(hService, 0, NULL);
}

/* @implemented: a driver takes SERVICE_CONTROL_STOP (DriverUnload, through
 * ZwUnloadDriver; ERROR_INVALID_SERVICE_CONTROL when it has none) and
 * SERVICE_CONTROL_INTERROGATE; other controls are not valid for drivers. */
DECLSPEC_EXPORT BOOL WINAPI ControlService(SC_HANDLE hService, DWORD dwControl, LPSERVICE_STATUS lpServiceStatus)
{
    ACCESS_MASK needed = dwControl == SERVICE_CONTROL_STOP ? SERVICE_STOP
                         : dwControl == SERVICE_CONTROL_INTERROGATE ? SERVICE_INTERROGATE
                         : dwControl == SERVICE_CONTROL_PAUSE || dwControl == SERVICE_CONTROL_CONTINUE ||
                                   dwControl == SERVICE_CONTROL_PARAMCHANGE
                             ? SERVICE_PAUSE_CONTINUE
                             : SERVICE_USER_DEFINED_CONTROL;
    WIN32_SC_OBJECT *s = Win32ScService(hService, needed);
    if (!s)
        return FALSE;
    if (!lpServiceStatus)
        return Win32ScFail(ERROR_INVALID_ADDRESS);
    ULONG st[7], error = 0;
    if (dwControl == SERVICE_CONTROL_STOP) {
        error = ntk_scm_stop(s->Record, st);
    } else {
        ntk_scm_query(s->Record, st);
        if (st[1] == SERVICE_STOPPED)
            error = ERROR_SERVICE_NOT_ACTIVE;
        else if (st[1] != SERVICE_RUNNING)
            error = ERROR_SERVICE_CANNOT_ACCEPT_CTRL; /* a stop is pending */
        else if (dwControl != SERVICE_CONTROL_INTERROGATE)
            error = ERROR_INVALID_SERVICE_CONTROL;
    }
    memcpy(lpServiceStatus, st, sizeof *lpServiceStatus);
    return error ? Win32ScFail(error) : TRUE;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI QueryServiceStatus(SC_HANDLE hService, LPSERVICE_STATUS lpServiceStatus)
{
    WIN32_SC_OBJECT *s = Win32ScService(hService, SERVICE_QUERY_STATUS);
    if (!s)
        return FALSE;
    if (!lpServiceStatus)
        return Win32ScFail(ERROR_INVALID_ADDRESS);
    ULONG st[7];
    ntk_scm_query(s->Record, st);
    memcpy(lpServiceStatus, st, sizeof *lpServiceStatus);
    return TRUE;
}

/* @implemented: SC_STATUS_PROCESS_INFO; drivers have process id 0. */
DECLSPEC_EXPORT BOOL WINAPI QueryServiceStatusEx(SC_HANDLE hService, SC_STATUS_TYPE InfoLevel, LPBYTE lpBuffer,
                                                DWORD cbBufSize, LPDWORD pcbBytesNeeded)
{
    WIN32_SC_OBJECT *s = Win32ScService(hService, SERVICE_QUERY_STATUS);
    if (!s)
        return FALSE;
    if (InfoLevel != SC_STATUS_PROCESS_INFO)
        return Win32ScFail(ERROR_INVALID_LEVEL);
    if (!pcbBytesNeeded)
        return Win32ScFail(ERROR_INVALID_ADDRESS);
    *pcbBytesNeeded = sizeof(SERVICE_STATUS_PROCESS);
    if (cbBufSize < sizeof(SERVICE_STATUS_PROCESS) || !lpBuffer)
        return Win32ScFail(ERROR_INSUFFICIENT_BUFFER);
    ULONG st[7];
    ntk_scm_query(s->Record, st);
    SERVICE_STATUS_PROCESS p;
    memcpy(&p, st, sizeof st);
    p.dwProcessId = 0;
    p.dwServiceFlags = 0;
    memcpy(lpBuffer, &p, sizeof p);
    return TRUE;
}

/* @implemented: marked for delete; the service goes when its last handle
 * is closed and its driver is stopped. */
DECLSPEC_EXPORT BOOL WINAPI DeleteService(SC_HANDLE hService)
{
    WIN32_SC_OBJECT *s = Win32ScService(hService, DELETE);
    if (!s)
        return FALSE;
    ULONG error = ntk_scm_delete(s->Record);
    return error ? Win32ScFail(error) : TRUE;
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI CloseServiceHandle(SC_HANDLE hSCObject)
{
    WIN32_SC_OBJECT *o = (WIN32_SC_OBJECT *)hSCObject;
    if (!o || (o->Magic != WIN32_SC_MAGIC_MANAGER && o->Magic != WIN32_SC_MAGIC_SERVICE))
        return Win32ScFail(ERROR_INVALID_HANDLE);
    if (o->Magic == WIN32_SC_MAGIC_SERVICE)
        ntk_scm_close(o->Record);
    o->Magic = 0;
    free(o);
    return TRUE;
}

/* One matching service of the enumeration. */
typedef struct WIN32_SC_ENTRY {
    WCHAR Name[260], Display[260];
    ULONG Status[7];
} WIN32_SC_ENTRY;

/* Collects the services of type and state from index *Resume on. */
static WIN32_SC_ENTRY *Win32ScCollect(DWORD Type, DWORD State, DWORD Start, DWORD *Count)
{
    WIN32_SC_ENTRY *all = NULL;
    DWORD n = 0, cap = 0;
    WIN32_SC_ENTRY e;
    for (ULONG i = Start; ntk_scm_enum(i, e.Name, 260, e.Display, 260, e.Status) == 0; i++) {
        if (!(e.Status[0] & Type))
            continue;
        BOOL active = e.Status[1] != SERVICE_STOPPED;
        if (!((active && (State & SERVICE_ACTIVE)) || (!active && (State & SERVICE_INACTIVE))))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            WIN32_SC_ENTRY *bigger = realloc(all, cap * sizeof *all);
            if (!bigger) {
                free(all);
                return NULL;
            }
            all = bigger;
        }
        all[n++] = e;
    }
    *Count = n;
    return all ? all : malloc(sizeof *all);
}

static BOOL Win32ScEnum(BOOL Wide, SC_HANDLE hSCManager, DWORD dwServiceType, DWORD dwServiceState, LPVOID Buffer,
                        DWORD cbBufSize, LPDWORD pcbBytesNeeded, LPDWORD lpServicesReturned,
                        LPDWORD lpResumeHandle)
{
    WIN32_SC_OBJECT *m = Win32ScObject(hSCManager, WIN32_SC_MAGIC_MANAGER);
    if (!m)
        return FALSE;
    if (!(m->Access & SC_MANAGER_ENUMERATE_SERVICE))
        return Win32ScFail(ERROR_ACCESS_DENIED);
    if (!pcbBytesNeeded || !lpServicesReturned)
        return Win32ScFail(ERROR_INVALID_ADDRESS);
    if (!(dwServiceType & SERVICE_TYPE_ALL) || !dwServiceState || (dwServiceState & ~SERVICE_STATE_ALL))
        return Win32ScFail(ERROR_INVALID_PARAMETER);
    DWORD count, start = lpResumeHandle ? *lpResumeHandle : 0;
    /* The resume handle counts entries of the whole list. */
    WIN32_SC_ENTRY *all = Win32ScCollect(dwServiceType & SERVICE_DRIVER, dwServiceState, 0, &count);
    if (!all)
        return Win32ScFail(ERROR_NOT_ENOUGH_MEMORY);
    size_t entrySize = Wide ? sizeof(ENUM_SERVICE_STATUSW) : sizeof(ENUM_SERVICE_STATUSA);
    size_t used = 0, tail = cbBufSize;
    DWORD returned = 0, i = start;
    BOOL full = FALSE;
    size_t needed = 0;
    for (; i < count; i++) {
        char *n8 = NULL, *d8 = NULL;
        size_t ns, ds;
        if (Wide) {
            ns = (wcslen(all[i].Name) + 1) * sizeof(WCHAR);
            ds = (wcslen(all[i].Display) + 1) * sizeof(WCHAR);
        } else {
            n8 = Win32WideToUtf8(all[i].Name);
            d8 = Win32WideToUtf8(all[i].Display);
            if (!n8 || !d8) {
                free(n8);
                free(d8);
                free(all);
                return Win32ScFail(ERROR_NOT_ENOUGH_MEMORY);
            }
            ns = strlen(n8) + 1;
            ds = strlen(d8) + 1;
        }
        size_t size = entrySize + ((ns + 1) & ~(size_t)1) + ((ds + 1) & ~(size_t)1);
        if (full || used + size > tail) {
            full = TRUE;
            needed += size;
        } else {
            /* Entries from the start, strings from the end. */
            char *base = Buffer;
            tail -= (ds + 1) & ~(size_t)1;
            char *dp = base + tail;
            tail -= (ns + 1) & ~(size_t)1;
            char *np = base + tail;
            memcpy(np, Wide ? (void *)all[i].Name : n8, ns);
            memcpy(dp, Wide ? (void *)all[i].Display : d8, ds);
            if (Wide) {
                ENUM_SERVICE_STATUSW *e = (ENUM_SERVICE_STATUSW *)(base + used);
                e->lpServiceName = (LPWSTR)np;
                e->lpDisplayName = (LPWSTR)dp;
                memcpy(&e->ServiceStatus, all[i].Status, sizeof e->ServiceStatus);
            } else {
                ENUM_SERVICE_STATUSA *e = (ENUM_SERVICE_STATUSA *)(base + used);
                e->lpServiceName = np;
                e->lpDisplayName = dp;
                memcpy(&e->ServiceStatus, all[i].Status, sizeof e->ServiceStatus);
            }
            used += entrySize;
            returned++;
        }
        free(n8);
        free(d8);
    }
    free(all);
    *lpServicesReturned = returned;
    *pcbBytesNeeded = (DWORD)needed;
    if (lpResumeHandle)
        *lpResumeHandle = full ? start + returned : 0;
    if (full)
        return Win32ScFail(ERROR_MORE_DATA);
    return TRUE;
}

/* @implemented: driver services (SERVICE_DRIVER bits of dwServiceType). */
DECLSPEC_EXPORT BOOL WINAPI EnumServicesStatusW(SC_HANDLE hSCManager, DWORD dwServiceType, DWORD dwServiceState,
                                               LPENUM_SERVICE_STATUSW lpServices, DWORD cbBufSize,
                                               LPDWORD pcbBytesNeeded, LPDWORD lpServicesReturned,
                                               LPDWORD lpResumeHandle)
{
    return Win32ScEnum(TRUE, hSCManager, dwServiceType, dwServiceState, lpServices, cbBufSize, pcbBytesNeeded,
                       lpServicesReturned, lpResumeHandle);
}

/* @implemented */
DECLSPEC_EXPORT BOOL WINAPI EnumServicesStatusA(SC_HANDLE hSCManager, DWORD dwServiceType, DWORD dwServiceState,
                                               LPENUM_SERVICE_STATUSA lpServices, DWORD cbBufSize,
                                               LPDWORD pcbBytesNeeded, LPDWORD lpServicesReturned,
                                               LPDWORD lpResumeHandle)
{
    return Win32ScEnum(FALSE, hSCManager, dwServiceType, dwServiceState, lpServices, cbBufSize, pcbBytesNeeded,
                       lpServicesReturned, lpResumeHandle);
}
