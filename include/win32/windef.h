/* windef.h - basic Win32 types (LLP64: DWORD is 32 bits). */
#ifndef _WINDEF_
#define _WINDEF_

#include <ntk_basetypes.h>

typedef unsigned int DWORD, *PDWORD, *LPDWORD;
typedef int BOOL, *PBOOL, *LPBOOL;
typedef unsigned char BYTE, *PBYTE, *LPBYTE;
typedef unsigned short WORD, *PWORD, *LPWORD;
typedef int *LPINT;
typedef LONG *LPLONG;
typedef float *PFLOAT;
typedef ULONG_PTR WPARAM;
typedef LONG_PTR LPARAM, LRESULT;
typedef WORD ATOM;
typedef DWORD COLORREF;
typedef void *HGLOBAL, *HLOCAL, *HWND, *HINSTANCE, *HMODULE, *HKEY, *HICON, *HMENU, *HDC, *HBRUSH, *HRGN;
typedef HANDLE *LPHANDLE;
typedef HKEY *PHKEY;
typedef int (*FARPROC)(void);
typedef int (*NEARPROC)(void);
typedef int (*PROC)(void);
typedef struct tagRECT {
    LONG left, top, right, bottom;
} RECT, *PRECT, *LPRECT;
typedef struct tagPOINT {
    LONG x, y;
} POINT, *PPOINT, *LPPOINT;
typedef struct _FILETIME {
    DWORD dwLowDateTime;
    DWORD dwHighDateTime;
} FILETIME, *PFILETIME, *LPFILETIME;

#define far
#define near
#define FAR
#define NEAR
#define PASCAL
#define CDECL
#define WINAPI_INLINE WINAPI
#define MAX_PATH 260
#define MAKEWORD(a, b) ((WORD)(((BYTE)((DWORD_PTR)(a) & 0xff)) | ((WORD)((BYTE)((DWORD_PTR)(b) & 0xff))) << 8))

#endif
