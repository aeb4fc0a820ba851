/*
 * registry.c - advapi32's registry functions (the Reg* subset) over the
 * native key services: predefined keys, open/create (RegCreateKeyEx makes
 * the missing keys along the path), values with the buffer-size protocol
 * (ERROR_MORE_DATA with the size needed; NULL data to ask for the size),
 * enumeration, deletion, and RegGetValue's type filters. The A forms
 * convert names and string data between the ANSI code page and UTF-16.
 * Reg* functions return their Win32 error; they leave GetLastError alone.
 *
 * Predefined keys: HKEY_LOCAL_MACHINE is \Registry\Machine, HKEY_USERS
 * \Registry\User, HKEY_CURRENT_USER \Registry\User\.DEFAULT (made on first
 * use: ntk has one user), HKEY_CLASSES_ROOT \Registry\Machine\Software\Classes
 * and HKEY_CURRENT_CONFIG
 * \Registry\Machine\System\CurrentControlSet\Hardware Profiles\Current.
 */
#include "win32.h"
#include <stdlib.h>
#include <string.h>

#ifndef ERROR_UNSUPPORTED_TYPE
#define ERROR_UNSUPPORTED_TYPE 1630L
#endif

/* The native services the subset uses (winternl.h does not declare them). */
typedef enum { Win32KeyNodeInformation = 1 } WIN32_KEY_INFORMATION_CLASS;
typedef enum { Win32KeyValueFullInformation = 1, Win32KeyValuePartialInformation = 2 } WIN32_KEY_VALUE_CLASS;
typedef struct {
    LARGE_INTEGER LastWriteTime;
    ULONG TitleIndex, ClassOffset, ClassLength, NameLength;
    WCHAR Name[1];
} WIN32_KEY_NODE_INFORMATION;
typedef struct {
    ULONG TitleIndex, Type, DataOffset, DataLength, NameLength;
    WCHAR Name[1];
} WIN32_KEY_VALUE_FULL_INFORMATION;
typedef struct {
    ULONG TitleIndex, Type, DataLength;
    UCHAR Data[1];
} WIN32_KEY_VALUE_PARTIAL_INFORMATION;

NTSYSAPI NTSTATUS NTAPI NtCreateKey(PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                                    ULONG TitleIndex, PUNICODE_STRING Class, ULONG CreateOptions, PULONG Disposition);
NTSYSAPI NTSTATUS NTAPI NtOpenKeyEx(PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                                    ULONG OpenOptions);
NTSYSAPI NTSTATUS NTAPI NtDeleteKey(HANDLE KeyHandle);
NTSYSAPI NTSTATUS NTAPI NtFlushKey(HANDLE KeyHandle);
NTSYSAPI NTSTATUS NTAPI NtEnumerateKey(HANDLE KeyHandle, ULONG Index, ULONG KeyInformationClass, PVOID KeyInformation,
                                       ULONG Length, PULONG ResultLength);
NTSYSAPI NTSTATUS NTAPI NtQueryValueKey(HANDLE KeyHandle, PUNICODE_STRING ValueName, ULONG KeyValueInformationClass,
                                        PVOID KeyValueInformation, ULONG Length, PULONG ResultLength);
NTSYSAPI NTSTATUS NTAPI NtEnumerateValueKey(HANDLE KeyHandle, ULONG Index, ULONG KeyValueInformationClass,
                                            PVOID KeyValueInformation, ULONG Length, PULONG ResultLength);
NTSYSAPI NTSTATUS NTAPI NtSetValueKey(HANDLE KeyHandle, PUNICODE_STRING ValueName, ULONG TitleIndex, ULONG Type,
                                      PVOID Data, ULONG DataSize);
NTSYSAPI NTSTATUS NTAPI NtDeleteValueKey(HANDLE KeyHandle, PUNICODE_STRING ValueName);
NTSYSAPI NTSTATUS NTAPI RtlUnicodeStringToAnsiString(PANSI_STRING DestinationString, PCUNICODE_STRING SourceString,
                                                    BOOLEAN AllocateDestinationString);
NTSYSAPI VOID NTAPI RtlFreeUnicodeString(PUNICODE_STRING UnicodeString);
NTSYSAPI VOID NTAPI RtlFreeAnsiString(PANSI_STRING AnsiString);

#define REG_PREDEFINED_FIRST 0x80000000u
#define REG_PREDEFINED_COUNT 6

static HANDLE RegPredefined[REG_PREDEFINED_COUNT];

static LSTATUS RegError(NTSTATUS status)
{
    return NT_SUCCESS(status) ? ERROR_SUCCESS : (LSTATUS)RtlNtStatusToDosError(status);
}

static SIZE_T RegWideLength(const WCHAR *s)
{
    SIZE_T n = 0;
    while (s && s[n])
        n++;
    return n;
}

static BOOL RegIsPredefined(HKEY hKey)
{
    ULONG_PTR v = (ULONG_PTR)hKey;
    return v >= (ULONG_PTR)HKEY_CLASSES_ROOT && v < (ULONG_PTR)HKEY_CLASSES_ROOT + REG_PREDEFINED_COUNT + 1;
}

static LSTATUS RegCreatePath(HANDLE Root, const WCHAR *Path, SIZE_T Chars, ULONG Options, ACCESS_MASK Access,
                             PUNICODE_STRING Class, HANDLE *Result, DWORD *Disposition);

/* The handle behind hKey: a predefined key's is opened once. */
static LSTATUS RegResolve(HKEY hKey, HANDLE *Handle)
{
    if (!hKey)
        return ERROR_INVALID_HANDLE;
    if (!RegIsPredefined(hKey)) {
        *Handle = (HANDLE)hKey;
        return ERROR_SUCCESS;
    }
    ULONG index = (ULONG)((ULONG_PTR)hKey - (ULONG_PTR)HKEY_CLASSES_ROOT);
    if (index == 4 || index == 6) { /* HKEY_PERFORMANCE_DATA, HKEY_DYN_DATA */
        Win32Unsupported("the registry key HKEY_PERFORMANCE_DATA/HKEY_DYN_DATA");
        return ERROR_NOT_SUPPORTED;
    }
    HANDLE h = __atomic_load_n(&RegPredefined[index], __ATOMIC_ACQUIRE);
    if (h) {
        *Handle = h;
        return ERROR_SUCCESS;
    }
    static const WCHAR *const paths[] = {
        L"\\Registry\\Machine\\Software\\Classes", L"\\Registry\\User\\.DEFAULT", L"\\Registry\\Machine",
        L"\\Registry\\User", NULL,
        L"\\Registry\\Machine\\System\\CurrentControlSet\\Hardware Profiles\\Current"};
    const WCHAR *path = paths[index];
    /* Made if missing: create from \Registry down (an existing key opens). */
    UNICODE_STRING rootName;
    OBJECT_ATTRIBUTES oa;
    HANDLE root;
    RtlInitUnicodeString(&rootName, L"\\Registry");
    InitializeObjectAttributes(&oa, &rootName, OBJ_CASE_INSENSITIVE, NULL, NULL);
    NTSTATUS status = NtOpenKeyEx(&root, KEY_ALL_ACCESS, &oa, 0);
    if (!NT_SUCCESS(status))
        return RegError(status);
    LSTATUS err = RegCreatePath(root, path + 10, RegWideLength(path + 10), 0, KEY_ALL_ACCESS, NULL, &h, NULL);
    NtClose(root);
    if (err)
        return err;
    HANDLE expected = NULL;
    if (!__atomic_compare_exchange_n(&RegPredefined[index], &expected, h, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        NtClose(h); /* another thread was first */
        h = expected;
    }
    *Handle = h;
    return ERROR_SUCCESS;
}

static LSTATUS RegOpenRelative(HANDLE Root, const WCHAR *Path, SIZE_T Chars, ULONG Options, ACCESS_MASK Access,
                               HANDLE *Result)
{
    if (Chars * sizeof(WCHAR) > 0xFFFE)
        return ERROR_INVALID_PARAMETER;
    UNICODE_STRING name = {(USHORT)(Chars * sizeof(WCHAR)), (USHORT)(Chars * sizeof(WCHAR)), (PWSTR)Path};
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, Root, NULL);
    return RegError(NtOpenKeyEx(Result, Access, &oa, Options));
}

/* Creates each missing key along Path below Root (RegCreateKeyEx). */
static LSTATUS RegCreatePath(HANDLE Root, const WCHAR *Path, SIZE_T Chars, ULONG Options, ACCESS_MASK Access,
                             PUNICODE_STRING Class, HANDLE *Result, DWORD *Disposition)
{
    HANDLE current = Root;
    SIZE_T pos = 0;
    ULONG disposition = REG_OPENED_EXISTING_KEY;
    while (pos < Chars && Path[pos] == L'\\')
        pos++;
    if (pos >= Chars) {
        LSTATUS err = RegOpenRelative(Root, L"", 0, 0, Access, Result);
        if (!err && Disposition)
            *Disposition = REG_OPENED_EXISTING_KEY;
        return err;
    }
    while (pos < Chars) {
        SIZE_T start = pos;
        while (pos < Chars && Path[pos] != L'\\')
            pos++;
        SIZE_T end = pos;
        while (pos < Chars && Path[pos] == L'\\')
            pos++;
        BOOL last = pos >= Chars;
        UNICODE_STRING name = {(USHORT)((end - start) * sizeof(WCHAR)), (USHORT)((end - start) * sizeof(WCHAR)),
                               (PWSTR)Path + start};
        OBJECT_ATTRIBUTES oa;
        InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, current, NULL);
        HANDLE next;
        NTSTATUS status = NtCreateKey(&next, last ? Access : KEY_CREATE_SUB_KEY | KEY_QUERY_VALUE, &oa, 0,
                                      last ? Class : NULL, Options, &disposition);
        if (current != Root)
            NtClose(current);
        if (!NT_SUCCESS(status))
            return RegError(status);
        current = next;
    }
    *Result = current;
    if (Disposition)
        *Disposition = disposition;
    return ERROR_SUCCESS;
}

/* ANSI (NUL-terminated or counted) -> UTF-16 in a new buffer (free). */
static WCHAR *RegWiden(const char *s, SIZE_T bytes, SIZE_T *chars)
{
    if (!s) {
        *chars = 0;
        return NULL;
    }
    ANSI_STRING a = {(USHORT)bytes, (USHORT)bytes, (PCHAR)s};
    UNICODE_STRING u;
    if (bytes > 0xFFFE || !NT_SUCCESS(RtlAnsiStringToUnicodeString(&u, &a, TRUE)))
        return NULL;
    WCHAR *out = malloc(u.Length + sizeof(WCHAR));
    if (out) {
        memcpy(out, u.Buffer, u.Length);
        out[u.Length / sizeof(WCHAR)] = 0;
        *chars = u.Length / sizeof(WCHAR);
    }
    RtlFreeUnicodeString(&u);
    return out;
}

/* UTF-16 -> ANSI in a new buffer (free), with its length in bytes. */
static char *RegNarrow(const WCHAR *s, SIZE_T chars, SIZE_T *bytes)
{
    if (chars * sizeof(WCHAR) > 0xFFFE)
        return NULL;
    UNICODE_STRING u = {(USHORT)(chars * sizeof(WCHAR)), (USHORT)(chars * sizeof(WCHAR)), (PWSTR)s};
    ANSI_STRING a;
    if (!NT_SUCCESS(RtlUnicodeStringToAnsiString(&a, &u, TRUE)))
        return NULL;
    char *out = malloc((SIZE_T)a.Length + 1);
    if (out) {
        memcpy(out, a.Buffer, a.Length);
        out[a.Length] = 0;
        *bytes = a.Length;
    }
    RtlFreeAnsiString(&a);
    return out;
}

#define REG_WIDEN_NAME(var, text)                                                                              \
    SIZE_T var##Chars = 0;                                                                                     \
    WCHAR *var = (text) ? RegWiden((text), strlen(text), &var##Chars) : NULL;                                  \
    if ((text) && !var)                                                                                        \
        return ERROR_NOT_ENOUGH_MEMORY;

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegCloseKey(HKEY hKey)
{
    if (RegIsPredefined(hKey))
        return ERROR_SUCCESS; /* predefined handles stay open */
    if (!hKey)
        return ERROR_INVALID_HANDLE;
    return RegError(NtClose((HANDLE)hKey));
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegOpenKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD ulOptions, REGSAM samDesired,
                                            PHKEY phkResult)
{
    if (!phkResult)
        return ERROR_INVALID_PARAMETER;
    if (ulOptions & ~(DWORD)REG_OPTION_OPEN_LINK)
        return ERROR_INVALID_PARAMETER;
    HANDLE root, h;
    LSTATUS err = RegResolve(hKey, &root);
    if (err)
        return err;
    SIZE_T chars = RegWideLength(lpSubKey);
    if (chars == 0 && RegIsPredefined(hKey)) {
        *phkResult = hKey; /* Windows hands the predefined key back */
        return ERROR_SUCCESS;
    }
    err = RegOpenRelative(root, lpSubKey ? lpSubKey : L"", chars, ulOptions, samDesired & ~KEY_WOW64_RES, &h);
    if (!err)
        *phkResult = (HKEY)h;
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegOpenKeyExA(HKEY hKey, LPCSTR lpSubKey, DWORD ulOptions, REGSAM samDesired,
                                            PHKEY phkResult)
{
    REG_WIDEN_NAME(sub, lpSubKey);
    LSTATUS err = RegOpenKeyExW(hKey, sub, ulOptions, samDesired, phkResult);
    free(sub);
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegCreateKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD Reserved, LPWSTR lpClass,
                                              DWORD dwOptions, REGSAM samDesired,
                                              LPSECURITY_ATTRIBUTES lpSecurityAttributes, PHKEY phkResult,
                                              LPDWORD lpdwDisposition)
{
    if (!phkResult || (dwOptions & ~(DWORD)REG_LEGAL_OPTION))
        return ERROR_INVALID_PARAMETER;
    HANDLE root, h;
    LSTATUS err = RegResolve(hKey, &root);
    if (err)
        return err;
    UNICODE_STRING cls, *pcls = NULL;
    if (lpClass && *lpClass) {
        RtlInitUnicodeString(&cls, lpClass);
        pcls = &cls;
    }
    err = RegCreatePath(root, lpSubKey ? lpSubKey : L"", RegWideLength(lpSubKey), dwOptions,
                        samDesired & ~KEY_WOW64_RES, pcls, &h, lpdwDisposition);
    if (!err)
        *phkResult = (HKEY)h;
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegCreateKeyExA(HKEY hKey, LPCSTR lpSubKey, DWORD Reserved, LPSTR lpClass,
                                              DWORD dwOptions, REGSAM samDesired,
                                              LPSECURITY_ATTRIBUTES lpSecurityAttributes, PHKEY phkResult,
                                              LPDWORD lpdwDisposition)
{
    REG_WIDEN_NAME(sub, lpSubKey);
    SIZE_T classChars = 0;
    WCHAR *cls = lpClass ? RegWiden(lpClass, strlen(lpClass), &classChars) : NULL;
    LSTATUS err = RegCreateKeyExW(hKey, sub ? sub : L"", Reserved, cls, dwOptions, samDesired, lpSecurityAttributes,
                                  phkResult, lpdwDisposition);
    free(sub);
    free(cls);
    return err;
}

/* What RegQueryGrowing asks the key for. */
typedef enum REG_QUERY_KIND {
    RegQueryValueByName,    /* partial information of the named value */
    RegQuerySubkeyByIndex,  /* node information of a subkey */
    RegQueryValueByIndex,   /* full information of a value */
} REG_QUERY_KIND;

/* One answer of the registry services in a malloc'ed buffer grown until it
 * fits. */
static LSTATUS RegQueryGrowing(HANDLE Key, REG_QUERY_KIND Kind, PUNICODE_STRING Name, ULONG Index, ULONG Size,
                               void **Info)
{
    for (;;) {
        void *info = malloc(Size);
        if (!info)
            return ERROR_NOT_ENOUGH_MEMORY;
        ULONG needed = 0;
        NTSTATUS status;
        switch (Kind) {
        case RegQueryValueByName:
            status = NtQueryValueKey(Key, Name, Win32KeyValuePartialInformation, info, Size, &needed);
            break;
        case RegQuerySubkeyByIndex:
            status = NtEnumerateKey(Key, Index, Win32KeyNodeInformation, info, Size, &needed);
            break;
        default:
            status = NtEnumerateValueKey(Key, Index, Win32KeyValueFullInformation, info, Size, &needed);
            break;
        }
        if (NT_SUCCESS(status)) {
            *Info = info;
            return ERROR_SUCCESS;
        }
        free(info);
        if (status != STATUS_BUFFER_OVERFLOW && status != STATUS_BUFFER_TOO_SMALL)
            return status == STATUS_NO_MORE_ENTRIES ? ERROR_NO_MORE_ITEMS : RegError(status);
        Size = needed;
    }
}

/* A whole value: malloc'ed partial information. */
static LSTATUS RegReadValue(HANDLE Key, const WCHAR *Name, WIN32_KEY_VALUE_PARTIAL_INFORMATION **Info)
{
    SIZE_T chars = RegWideLength(Name);
    if (chars * sizeof(WCHAR) > 0xFFFE)
        return ERROR_INVALID_PARAMETER;
    UNICODE_STRING name = {(USHORT)(chars * sizeof(WCHAR)), (USHORT)(chars * sizeof(WCHAR)), (PWSTR)Name};
    void *info = NULL;
    LSTATUS err = RegQueryGrowing(Key, RegQueryValueByName, &name, 0, 256, &info);
    *Info = info;
    return err;
}

static BOOL RegIsString(DWORD Type)
{
    return Type == REG_SZ || Type == REG_EXPAND_SZ || Type == REG_MULTI_SZ;
}

/* The size protocol of RegQueryValueEx/RegEnumValue: NULL data asks for
 * the size; too small a buffer is ERROR_MORE_DATA with the size needed. */
static LSTATUS RegReturnData(const void *Data, DWORD Size, LPBYTE lpData, LPDWORD lpcbData)
{
    if (!lpcbData)
        return ERROR_SUCCESS;
    if (!lpData) {
        *lpcbData = Size;
        return ERROR_SUCCESS;
    }
    if (*lpcbData < Size) {
        *lpcbData = Size;
        return ERROR_MORE_DATA;
    }
    memcpy(lpData, Data, Size);
    *lpcbData = Size;
    return ERROR_SUCCESS;
}

/* String data in the ANSI form (new buffer), for the A functions. */
static char *RegNarrowData(DWORD Type, const void *Data, DWORD Size, DWORD *Bytes)
{
    SIZE_T bytes = 0;
    char *out = RegNarrow(Data, Size / sizeof(WCHAR), &bytes);
    *Bytes = (DWORD)bytes;
    return out;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegQueryValueExW(HKEY hKey, LPCWSTR lpValueName, LPDWORD lpReserved, LPDWORD lpType,
                                               LPBYTE lpData, LPDWORD lpcbData)
{
    if (lpReserved || (lpData && !lpcbData))
        return ERROR_INVALID_PARAMETER;
    HANDLE key;
    WIN32_KEY_VALUE_PARTIAL_INFORMATION *info;
    LSTATUS err = RegResolve(hKey, &key);
    if (!err)
        err = RegReadValue(key, lpValueName, &info);
    if (err)
        return err;
    if (lpType)
        *lpType = info->Type;
    err = RegReturnData(info->Data, info->DataLength, lpData, lpcbData);
    free(info);
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegQueryValueExA(HKEY hKey, LPCSTR lpValueName, LPDWORD lpReserved, LPDWORD lpType,
                                               LPBYTE lpData, LPDWORD lpcbData)
{
    if (lpReserved || (lpData && !lpcbData))
        return ERROR_INVALID_PARAMETER;
    REG_WIDEN_NAME(name, lpValueName);
    HANDLE key;
    WIN32_KEY_VALUE_PARTIAL_INFORMATION *info = NULL;
    LSTATUS err = RegResolve(hKey, &key);
    if (!err)
        err = RegReadValue(key, name ? name : L"", &info);
    free(name);
    if (err)
        return err;
    if (lpType)
        *lpType = info->Type;
    if (RegIsString(info->Type)) {
        DWORD bytes;
        char *narrow = RegNarrowData(info->Type, info->Data, info->DataLength, &bytes);
        err = narrow ? RegReturnData(narrow, bytes, lpData, lpcbData) : ERROR_NOT_ENOUGH_MEMORY;
        free(narrow);
    } else {
        err = RegReturnData(info->Data, info->DataLength, lpData, lpcbData);
    }
    free(info);
    return err;
}

static LSTATUS RegSetValue(HKEY hKey, const WCHAR *Name, DWORD Type, const void *Data, DWORD Size)
{
    HANDLE key;
    LSTATUS err = RegResolve(hKey, &key);
    if (err)
        return err;
    SIZE_T chars = RegWideLength(Name);
    if (chars > 16383)
        return ERROR_INVALID_PARAMETER;
    UNICODE_STRING name = {(USHORT)(chars * sizeof(WCHAR)), (USHORT)(chars * sizeof(WCHAR)), (PWSTR)Name};
    return RegError(NtSetValueKey(key, &name, 0, Type, (PVOID)Data, Size));
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegSetValueExW(HKEY hKey, LPCWSTR lpValueName, DWORD Reserved, DWORD dwType,
                                             const BYTE *lpData, DWORD cbData)
{
    if (cbData && !lpData)
        return ERROR_NOACCESS;
    return RegSetValue(hKey, lpValueName, dwType, lpData, cbData);
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegSetValueExA(HKEY hKey, LPCSTR lpValueName, DWORD Reserved, DWORD dwType,
                                             const BYTE *lpData, DWORD cbData)
{
    if (cbData && !lpData)
        return ERROR_NOACCESS;
    REG_WIDEN_NAME(name, lpValueName);
    LSTATUS err;
    if (RegIsString(dwType) && cbData) {
        SIZE_T chars;
        WCHAR *wide = RegWiden((const char *)lpData, cbData, &chars);
        err = wide ? RegSetValue(hKey, name, dwType, wide, (DWORD)(chars * sizeof(WCHAR))) : ERROR_NOT_ENOUGH_MEMORY;
        free(wide);
    } else {
        err = RegSetValue(hKey, name, dwType, lpData, cbData);
    }
    free(name);
    return err;
}

/* One subkey or value by index (Kind RegQuerySubkeyByIndex or
 * RegQueryValueByIndex): its information, malloc'ed. */
static void *RegEnumByIndex(HKEY hKey, REG_QUERY_KIND Kind, DWORD Index, ULONG Size, LSTATUS *Error)
{
    HANDLE key;
    void *info = NULL;
    *Error = RegResolve(hKey, &key);
    if (!*Error)
        *Error = RegQueryGrowing(key, Kind, NULL, Index, Size, &info);
    return info;
}

static void RegLastWriteTime(const LARGE_INTEGER *Time, PFILETIME Out)
{
    if (Out) {
        Out->dwLowDateTime = (DWORD)Time->QuadPart;
        Out->dwHighDateTime = (DWORD)(Time->QuadPart >> 32);
    }
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegEnumKeyExW(HKEY hKey, DWORD dwIndex, LPWSTR lpName, LPDWORD lpcchName,
                                            LPDWORD lpReserved, LPWSTR lpClass, LPDWORD lpcchClass,
                                            PFILETIME lpftLastWriteTime)
{
    if (!lpName || !lpcchName || lpReserved || (lpClass && !lpcchClass))
        return ERROR_INVALID_PARAMETER;
    LSTATUS err;
    WIN32_KEY_NODE_INFORMATION *info = RegEnumByIndex(hKey, RegQuerySubkeyByIndex, dwIndex, 256, &err);
    if (err)
        return err;
    DWORD chars = info->NameLength / sizeof(WCHAR);
    DWORD classChars = info->ClassOffset == 0xFFFFFFFF ? 0 : info->ClassLength / sizeof(WCHAR);
    if (chars + 1 > *lpcchName || (lpClass && classChars + 1 > *lpcchClass)) {
        err = ERROR_MORE_DATA;
    } else {
        memcpy(lpName, info->Name, chars * sizeof(WCHAR));
        lpName[chars] = 0;
        *lpcchName = chars;
        if (lpClass) {
            if (classChars)
                memcpy(lpClass, (PUCHAR)info + info->ClassOffset, classChars * sizeof(WCHAR));
            lpClass[classChars] = 0;
            *lpcchClass = classChars;
        }
        RegLastWriteTime(&info->LastWriteTime, lpftLastWriteTime);
    }
    free(info);
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegEnumKeyExA(HKEY hKey, DWORD dwIndex, LPSTR lpName, LPDWORD lpcchName,
                                            LPDWORD lpReserved, LPSTR lpClass, LPDWORD lpcchClass,
                                            PFILETIME lpftLastWriteTime)
{
    if (!lpName || !lpcchName || lpReserved || (lpClass && !lpcchClass))
        return ERROR_INVALID_PARAMETER;
    LSTATUS err;
    WIN32_KEY_NODE_INFORMATION *info = RegEnumByIndex(hKey, RegQuerySubkeyByIndex, dwIndex, 256, &err);
    if (err)
        return err;
    SIZE_T bytes = 0, classBytes = 0;
    char *name = RegNarrow(info->Name, info->NameLength / sizeof(WCHAR), &bytes);
    char *cls = info->ClassOffset == 0xFFFFFFFF
                    ? RegNarrow(L"", 0, &classBytes)
                    : RegNarrow((WCHAR *)((PUCHAR)info + info->ClassOffset), info->ClassLength / sizeof(WCHAR),
                                &classBytes);
    if (!name || !cls) {
        err = ERROR_NOT_ENOUGH_MEMORY;
    } else if (bytes + 1 > *lpcchName || (lpClass && classBytes + 1 > *lpcchClass)) {
        err = ERROR_MORE_DATA;
    } else {
        memcpy(lpName, name, bytes + 1);
        *lpcchName = (DWORD)bytes;
        if (lpClass) {
            memcpy(lpClass, cls, classBytes + 1);
            *lpcchClass = (DWORD)classBytes;
        }
        RegLastWriteTime(&info->LastWriteTime, lpftLastWriteTime);
    }
    free(name);
    free(cls);
    free(info);
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegEnumValueW(HKEY hKey, DWORD dwIndex, LPWSTR lpValueName, LPDWORD lpcchValueName,
                                            LPDWORD lpReserved, LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData)
{
    if (!lpValueName || !lpcchValueName || lpReserved || (lpData && !lpcbData))
        return ERROR_INVALID_PARAMETER;
    LSTATUS err;
    WIN32_KEY_VALUE_FULL_INFORMATION *info = RegEnumByIndex(hKey, RegQueryValueByIndex, dwIndex, 512, &err);
    if (err)
        return err;
    DWORD chars = info->NameLength / sizeof(WCHAR);
    if (chars + 1 > *lpcchValueName) {
        err = ERROR_MORE_DATA;
    } else {
        memcpy(lpValueName, info->Name, chars * sizeof(WCHAR));
        lpValueName[chars] = 0;
        *lpcchValueName = chars;
        if (lpType)
            *lpType = info->Type;
        err = RegReturnData((PUCHAR)info + info->DataOffset, info->DataLength, lpData, lpcbData);
    }
    free(info);
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegEnumValueA(HKEY hKey, DWORD dwIndex, LPSTR lpValueName, LPDWORD lpcchValueName,
                                            LPDWORD lpReserved, LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData)
{
    if (!lpValueName || !lpcchValueName || lpReserved || (lpData && !lpcbData))
        return ERROR_INVALID_PARAMETER;
    LSTATUS err;
    WIN32_KEY_VALUE_FULL_INFORMATION *info = RegEnumByIndex(hKey, RegQueryValueByIndex, dwIndex, 512, &err);
    if (err)
        return err;
    SIZE_T bytes = 0;
    char *name = RegNarrow(info->Name, info->NameLength / sizeof(WCHAR), &bytes);
    if (!name) {
        err = ERROR_NOT_ENOUGH_MEMORY;
    } else if (bytes + 1 > *lpcchValueName) {
        err = ERROR_MORE_DATA;
    } else {
        memcpy(lpValueName, name, bytes + 1);
        *lpcchValueName = (DWORD)bytes;
        if (lpType)
            *lpType = info->Type;
        PUCHAR data = (PUCHAR)info + info->DataOffset;
        if (RegIsString(info->Type)) {
            DWORD n;
            char *narrow = RegNarrowData(info->Type, data, info->DataLength, &n);
            err = narrow ? RegReturnData(narrow, n, lpData, lpcbData) : ERROR_NOT_ENOUGH_MEMORY;
            free(narrow);
        } else {
            err = RegReturnData(data, info->DataLength, lpData, lpcbData);
        }
    }
    free(name);
    free(info);
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegDeleteKeyW(HKEY hKey, LPCWSTR lpSubKey)
{
    if (!lpSubKey)
        return ERROR_INVALID_PARAMETER;
    HANDLE root, h;
    LSTATUS err = RegResolve(hKey, &root);
    if (!err)
        err = RegOpenRelative(root, lpSubKey, RegWideLength(lpSubKey), 0, DELETE, &h);
    if (err)
        return err;
    err = RegError(NtDeleteKey(h));
    NtClose(h);
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegDeleteKeyA(HKEY hKey, LPCSTR lpSubKey)
{
    if (!lpSubKey)
        return ERROR_INVALID_PARAMETER;
    REG_WIDEN_NAME(sub, lpSubKey);
    LSTATUS err = RegDeleteKeyW(hKey, sub);
    free(sub);
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegDeleteValueW(HKEY hKey, LPCWSTR lpValueName)
{
    HANDLE key;
    LSTATUS err = RegResolve(hKey, &key);
    if (err)
        return err;
    SIZE_T chars = RegWideLength(lpValueName);
    if (chars > 16383)
        return ERROR_INVALID_PARAMETER;
    UNICODE_STRING name = {(USHORT)(chars * sizeof(WCHAR)), (USHORT)(chars * sizeof(WCHAR)), (PWSTR)lpValueName};
    return RegError(NtDeleteValueKey(key, &name));
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegDeleteValueA(HKEY hKey, LPCSTR lpValueName)
{
    REG_WIDEN_NAME(name, lpValueName);
    LSTATUS err = RegDeleteValueW(hKey, name);
    free(name);
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegFlushKey(HKEY hKey)
{
    HANDLE key;
    LSTATUS err = RegResolve(hKey, &key);
    return err ? err : RegError(NtFlushKey(key));
}

/* %NAME% from the process environment (RegGetValue without RRF_NOEXPAND);
 * an unknown name stays as it is. A new NUL-terminated buffer. */
static WCHAR *RegExpand(const WCHAR *Text, SIZE_T Chars, DWORD *Bytes)
{
    SIZE_T cap = Chars + 1, n = 0;
    WCHAR *out = malloc(cap * sizeof(WCHAR));
    for (SIZE_T i = 0; out && i < Chars && Text[i];) {
        const WCHAR *add = Text + i;
        WCHAR *value = NULL;
        SIZE_T addLen = 1, consumed = 1;
        if (Text[i] == L'%') {
            SIZE_T j = i + 1;
            while (j < Chars && Text[j] && Text[j] != L'%')
                j++;
            if (j < Chars && Text[j] == L'%' && j > i + 1) {
                SIZE_T bytes;
                char *name = RegNarrow(Text + i + 1, j - i - 1, &bytes);
                const char *env = name ? getenv(name) : NULL;
                free(name);
                SIZE_T vchars;
                value = env ? RegWiden(env, strlen(env), &vchars) : NULL;
                if (value) {
                    add = value;
                    addLen = vchars;
                    consumed = j + 1 - i;
                }
            }
        }
        if (n + addLen + 1 > cap) {
            cap = (n + addLen + 1) * 2;
            WCHAR *grown = realloc(out, cap * sizeof(WCHAR));
            if (!grown)
                free(out);
            out = grown;
        }
        if (out)
            memcpy(out + n, add, addLen * sizeof(WCHAR));
        n += addLen;
        i += consumed;
        free(value);
    }
    if (!out)
        return NULL;
    out[n] = 0;
    *Bytes = (DWORD)((n + 1) * sizeof(WCHAR));
    return out;
}

static DWORD RegTypeFilterBit(DWORD Type, DWORD Size)
{
    switch (Type) {
    case REG_NONE:
        return RRF_RT_REG_NONE;
    case REG_SZ:
        return RRF_RT_REG_SZ;
    case REG_EXPAND_SZ:
        return RRF_RT_REG_EXPAND_SZ;
    case REG_BINARY:
        /* RRF_RT_DWORD and RRF_RT_QWORD take REG_BINARY of their size. */
        return RRF_RT_REG_BINARY | (Size == 4 ? RRF_RT_REG_DWORD : 0) | (Size == 8 ? RRF_RT_REG_QWORD : 0);
    case REG_DWORD:
        return RRF_RT_REG_DWORD;
    case REG_MULTI_SZ:
        return RRF_RT_REG_MULTI_SZ;
    case REG_QWORD:
        return RRF_RT_REG_QWORD;
    default:
        return 0;
    }
}

/* RegGetValue with the value already in UTF-16 (Narrow: the A form). */
static LSTATUS RegGetValueCommon(HKEY hkey, const WCHAR *SubKey, const WCHAR *Value, DWORD dwFlags, LPDWORD pdwType,
                                 PVOID pvData, LPDWORD pcbData, BOOL Narrow)
{
    if ((pvData && !pcbData) || !(dwFlags & RRF_RT_ANY))
        return ERROR_INVALID_PARAMETER;
    if ((dwFlags & RRF_RT_REG_EXPAND_SZ) && !(dwFlags & RRF_NOEXPAND) && (dwFlags & RRF_RT_ANY) != RRF_RT_ANY)
        return ERROR_INVALID_PARAMETER;
    HKEY key = hkey;
    LSTATUS err = ERROR_SUCCESS;
    if (SubKey && *SubKey)
        err = RegOpenKeyExW(hkey, SubKey, 0, KEY_QUERY_VALUE, &key);
    HANDLE handle;
    WIN32_KEY_VALUE_PARTIAL_INFORMATION *info = NULL;
    if (!err)
        err = RegResolve(key, &handle);
    if (!err)
        err = RegReadValue(handle, Value ? Value : L"", &info);
    if (key != hkey)
        RegCloseKey(key);
    void *data = NULL, *owned = NULL;
    DWORD type = 0, size = 0;
    if (!err) {
        type = info->Type;
        data = info->Data;
        size = info->DataLength;
        if (type == REG_EXPAND_SZ && !(dwFlags & RRF_NOEXPAND)) {
            owned = RegExpand(data, size / sizeof(WCHAR), &size);
            data = owned;
            type = REG_SZ;
            if (!owned)
                err = ERROR_NOT_ENOUGH_MEMORY;
        }
    }
    if (!err && (dwFlags & RRF_RT_ANY) != RRF_RT_ANY && !(RegTypeFilterBit(type, size) & dwFlags))
        err = ERROR_UNSUPPORTED_TYPE;
    if (!err && RegIsString(type)) {
        /* Strings come back terminated (a double NUL for REG_MULTI_SZ). */
        SIZE_T chars = size / sizeof(WCHAR);
        const WCHAR *w = data;
        SIZE_T want = type == REG_MULTI_SZ ? 2 : 1, have = 0;
        while (have < want && have < chars && w[chars - 1 - have] == 0)
            have++;
        if (type == REG_MULTI_SZ && chars == 1 && have == 1)
            want = 1; /* an empty list is a single NUL */
        WCHAR *terminated = malloc((chars + want) * sizeof(WCHAR));
        if (!terminated) {
            err = ERROR_NOT_ENOUGH_MEMORY;
        } else {
            memcpy(terminated, w, chars * sizeof(WCHAR));
            for (SIZE_T i = have; i < want; i++)
                terminated[chars++] = 0;
            free(owned);
            owned = terminated;
            data = terminated;
            size = (DWORD)(chars * sizeof(WCHAR));
        }
        if (!err && Narrow) {
            DWORD bytes;
            char *narrow = RegNarrowData(type, data, size, &bytes);
            free(owned);
            owned = narrow;
            data = narrow;
            size = bytes;
            if (!narrow)
                err = ERROR_NOT_ENOUGH_MEMORY;
        }
    }
    if (!err) {
        if (pdwType)
            *pdwType = type;
        err = RegReturnData(data, size, pvData, pcbData);
    }
    if (err && err != ERROR_MORE_DATA && pcbData && pvData && (dwFlags & RRF_ZEROONFAILURE))
        memset(pvData, 0, *pcbData);
    free(owned);
    free(info);
    return err;
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegGetValueW(HKEY hkey, LPCWSTR lpSubKey, LPCWSTR lpValue, DWORD dwFlags,
                                           LPDWORD pdwType, PVOID pvData, LPDWORD pcbData)
{
    return RegGetValueCommon(hkey, lpSubKey, lpValue, dwFlags, pdwType, pvData, pcbData, FALSE);
}

/* @implemented */
DECLSPEC_EXPORT LSTATUS WINAPI RegGetValueA(HKEY hkey, LPCSTR lpSubKey, LPCSTR lpValue, DWORD dwFlags,
                                           LPDWORD pdwType, PVOID pvData, LPDWORD pcbData)
{
    REG_WIDEN_NAME(sub, lpSubKey);
    SIZE_T valueChars = 0;
    WCHAR *value = lpValue ? RegWiden(lpValue, strlen(lpValue), &valueChars) : NULL;
    LSTATUS err = (lpValue && !value)
                      ? ERROR_NOT_ENOUGH_MEMORY
                      : RegGetValueCommon(hkey, sub, value, dwFlags, pdwType, pvData, pcbData, TRUE);
    free(sub);
    free(value);
    return err;
}
