/*
 * win32_path.h - Win32 path handling shared by path.c, fileio.c and
 * service.c (docs/PATHS.md).
 */
#ifndef NTK_WIN32_PATH_H
#define NTK_WIN32_PATH_H

#include "win32.h"

#define WIN32_PATH_MAX 4096 /* characters, with the NUL */

/* The full Win32 path of Name (GetFullPathName's rules) into Out (chars);
 * returns its length, or 0 with the last error set. */
DWORD Win32FullPath(LPCWSTR Name, LPWSTR Out, DWORD OutChars);
/* The NT path "\??\C:\..." of an ordinary file name into a new buffer
 * (free with free()); NULL with the last error set (ERROR_PATH_NOT_FOUND
 * for another drive). */
WCHAR *Win32NtPathOfFile(LPCWSTR Name, UNICODE_STRING *NtPath);
/* UTF-16 -> newly allocated UTF-8 (free with free()); NULL on failure. */
char *Win32WideToUtf8(LPCWSTR s);
/* Copies a wide result into an ANSI (UTF-8) buffer with the A routines'
 * return convention: the length without NUL, or the size needed with it. */
DWORD Win32ReturnAnsi(LPCWSTR Wide, LPSTR Buffer, DWORD Size);
/* CreateFile's dwCreationDisposition as NtCreateFile's CreateDisposition;
 * 0 (FILE_SUPERSEDE, which CreateFile never asks for) if it is none of the
 * five (fileio.c). */
ULONG Win32NtDisposition(DWORD CreationDisposition);
/* CreateFile for a name that is not a device (fileio.c). */
HANDLE Win32CreateOrdinaryFile(LPCWSTR Name, DWORD Access, DWORD Share, DWORD Disposition, DWORD FlagsAndAttributes);

NTSYSAPI ULONG NTAPI RtlGetCurrentDirectory_U(ULONG Length, PWSTR Buffer);
NTSYSAPI NTSTATUS NTAPI RtlSetCurrentDirectory_U(PUNICODE_STRING Path);
NTSYSAPI NTSTATUS NTAPI RtlUnicodeStringToAnsiString(PANSI_STRING DestinationString, PCUNICODE_STRING SourceString,
                                                    BOOLEAN AllocateDestinationString);
/* Win32 path of the program (Module NULL) or of the loaded image holding
 * Module; the length in characters, 0 if there is none. */
NTSYSAPI ULONG NTAPI ntk_module_path(const void *Module, PWSTR Buffer, ULONG Chars);

#endif
