/*
 * ntk_basetypes.h - the scalar and list types that winnt.h (applications)
 * and ntdef.h (drivers) both define on Windows. Kept in one place so that
 * code including both sides sees a single definition.
 */
#ifndef NTK_BASETYPES_H
#define NTK_BASETYPES_H

#include <ntk_msvc.h>
#include <basetsd.h>
#include <stddef.h>

#ifndef VOID
#define VOID void
typedef char CHAR;
typedef short SHORT;
typedef int LONG;
#endif
typedef unsigned char UCHAR, *PUCHAR;
typedef unsigned short USHORT, *PUSHORT;
typedef unsigned int ULONG, *PULONG;
typedef signed char SCHAR, *PSCHAR;
typedef CHAR *PCHAR, *LPCH, *PCH, *NPSTR, *LPSTR, *PSTR;
typedef const CHAR *LPCCH, *PCCH, *LPCSTR, *PCSTR;
typedef SHORT *PSHORT;
typedef LONG *PLONG;
typedef void *PVOID, *LPVOID;
typedef const void *PCVOID, *LPCVOID;
typedef PVOID *PPVOID;
typedef int INT, *PINT;
typedef unsigned int UINT, *PUINT;
typedef long long LONGLONG, *PLONGLONG;
typedef unsigned long long ULONGLONG, *PULONGLONG;
typedef LONGLONG USN;
typedef double DOUBLE;
typedef float FLOAT, *PFLOAT;

/* WCHAR is UTF-16; ntk builds with -fshort-wchar so L"" literals match. */
typedef __WCHAR_TYPE__ WCHAR;
typedef WCHAR *PWCHAR, *LPWCH, *PWCH, *NWPSTR, *LPWSTR, *PWSTR;
typedef const WCHAR *LPCWCH, *PCWCH, *LPCWSTR, *PCWSTR;
typedef WCHAR *PZZWSTR;
typedef const WCHAR *PCZZWSTR;
typedef CHAR *PZZSTR;
typedef const CHAR *PCZZSTR;

typedef UCHAR BOOLEAN, *PBOOLEAN;
typedef CHAR CCHAR, *PCCHAR;
typedef SHORT CSHORT, *PCSHORT;
typedef ULONG CLONG, *PCLONG;
typedef ULONG LOGICAL, *PLOGICAL;
typedef void *HANDLE, **PHANDLE;
typedef LONG NTSTATUS, *PNTSTATUS;
typedef LONG HRESULT;
typedef ULONG ACCESS_MASK, *PACCESS_MASK;
typedef UCHAR KIRQL, *PKIRQL;
typedef CCHAR KPROCESSOR_MODE;
typedef USHORT LANGID;
typedef ULONG LCID;
typedef ULONGLONG DWORDLONG, *PDWORDLONG;
typedef ULONG_PTR ERESOURCE_THREAD;

#ifndef FALSE
#define FALSE 0
#endif
#ifndef TRUE
#define TRUE 1
#endif
#ifndef NULL
#define NULL ((void *)0)
#endif

#define CONST const
#define MAXCHAR 0x7f
#define MINCHAR 0x80
#define MAXSHORT 0x7fff
#define MINSHORT 0x8000
#define MAXLONG 0x7fffffff
#define MINLONG 0x80000000
#define MAXUCHAR 0xff
#define MAXUSHORT 0xffff
#define MAXULONG 0xffffffff
#define MAXLONGLONG (0x7fffffffffffffffLL)
#define MAXULONGLONG (0xffffffffffffffffULL)

typedef union _LARGE_INTEGER {
    struct {
        ULONG LowPart;
        LONG HighPart;
    };
    struct {
        ULONG LowPart;
        LONG HighPart;
    } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
    struct {
        ULONG LowPart;
        ULONG HighPart;
    };
    struct {
        ULONG LowPart;
        ULONG HighPart;
    } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef struct _LUID {
    ULONG LowPart;
    LONG HighPart;
} LUID, *PLUID;

typedef struct _LIST_ENTRY {
    struct _LIST_ENTRY *Flink;
    struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY, *PRLIST_ENTRY;

typedef struct _SINGLE_LIST_ENTRY {
    struct _SINGLE_LIST_ENTRY *Next;
} SINGLE_LIST_ENTRY, *PSINGLE_LIST_ENTRY;

typedef struct _LIST_ENTRY32 { ULONG Flink, Blink; } LIST_ENTRY32, *PLIST_ENTRY32;
typedef struct _LIST_ENTRY64 { ULONGLONG Flink, Blink; } LIST_ENTRY64, *PLIST_ENTRY64;

typedef struct _GUID {
    ULONG Data1;
    USHORT Data2;
    USHORT Data3;
    UCHAR Data4[8];
} GUID, *PGUID, *LPGUID;
typedef const GUID *LPCGUID, *PCGUID;
typedef GUID IID, CLSID;
#define REFGUID const GUID *
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    static const GUID name __attribute__((unused)) = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
#define IsEqualGUID(a, b) (__builtin_memcmp((a), (b), sizeof(GUID)) == 0)
#define InlineIsEqualGUID IsEqualGUID

/* Layout helpers. */
#define FIELD_OFFSET(type, field) ((LONG)__builtin_offsetof(type, field))
#define UFIELD_OFFSET(type, field) ((ULONG)__builtin_offsetof(type, field))
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#define RTL_SIZEOF_THROUGH_FIELD(type, field) (FIELD_OFFSET(type, field) + RTL_FIELD_SIZE(type, field))
#define RTL_CONTAINS_FIELD(Struct, Size, Field) \
    ((((PCHAR)(&(Struct)->Field)) + sizeof((Struct)->Field)) <= (((PCHAR)(Struct)) + (Size)))
#define RTL_NUMBER_OF_V1(A) (sizeof(A) / sizeof((A)[0]))
#define RTL_NUMBER_OF_V2(A) RTL_NUMBER_OF_V1(A)
#define RTL_NUMBER_OF(A) RTL_NUMBER_OF_V1(A)
#define ARRAYSIZE(A) RTL_NUMBER_OF_V2(A)
#define _ARRAYSIZE(A) RTL_NUMBER_OF_V1(A)
#define RTL_NUMBER_OF_FIELD(type, field) (RTL_NUMBER_OF(RTL_FIELD_TYPE(type, field)))
#define RTL_FIELD_TYPE(type, field) (((type *)0)->field)
#define CONTAINING_RECORD(address, type, field) \
    ((type *)((PCHAR)(address) - (ULONG_PTR)(&((type *)0)->field)))
#define TYPE_ALIGNMENT(t) __alignof__(t)
#define PROBE_ALIGNMENT(_s) TYPE_ALIGNMENT(ULONG)
#define ALIGN_DOWN_BY(length, alignment) ((ULONG_PTR)(length) & ~((ULONG_PTR)(alignment) - 1))
#define ALIGN_UP_BY(length, alignment) (ALIGN_DOWN_BY(((ULONG_PTR)(length) + (alignment) - 1), alignment))
#define ALIGN_DOWN_POINTER_BY(address, alignment) ((PVOID)((ULONG_PTR)(address) & ~((ULONG_PTR)(alignment) - 1)))
#define ALIGN_UP_POINTER_BY(address, alignment) (ALIGN_DOWN_POINTER_BY(((ULONG_PTR)(address) + (alignment) - 1), alignment))
#define ALIGN_DOWN(length, type) ALIGN_DOWN_BY(length, sizeof(type))
#define ALIGN_UP(length, type) ALIGN_UP_BY(length, sizeof(type))
#define C_ASSERT(e) _Static_assert(e, #e)
#define UNREFERENCED_PARAMETER(P) ((void)(P))
#define DBG_UNREFERENCED_PARAMETER(P) ((void)(P))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(V) ((void)(V))
#define UNREFERENCED_LOCAL_VARIABLE(V) ((void)(V))
#define ARGUMENT_PRESENT(ArgumentPointer) ((CHAR *)((ULONG_PTR)(ArgumentPointer)) != (CHAR *)NULL)
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#define MAKELONG(a, b) ((LONG)(((USHORT)((ULONG_PTR)(a) & 0xffff)) | ((ULONG)((USHORT)((ULONG_PTR)(b) & 0xffff))) << 16))
#define LOWORD(l) ((USHORT)(((ULONG_PTR)(l)) & 0xffff))
#define HIWORD(l) ((USHORT)((((ULONG_PTR)(l)) >> 16) & 0xffff))
#define LOBYTE(w) ((UCHAR)(((ULONG_PTR)(w)) & 0xff))
#define HIBYTE(w) ((UCHAR)((((ULONG_PTR)(w)) >> 8) & 0xff))

#define DECLSPEC_ALIGN(x) __attribute__((aligned(x)))
#define DECLSPEC_NORETURN __attribute__((noreturn))
#define DECLSPEC_NOINLINE __attribute__((noinline))
#define DECLSPEC_IMPORT
#define DECLSPEC_EXPORT __attribute__((visibility("default")))
#define DECLSPEC_NOTHROW
#define DECLSPEC_SELECTANY __attribute__((weak))
#define DECLSPEC_DEPRECATED
#define DECLSPEC_DEPRECATED_DDK
#define DECLSPEC_CACHEALIGN DECLSPEC_ALIGN(64)
#define DECLSPEC_NOVTABLE
#define DECLSPEC_ADDRSAFE
#define DECLSPEC_GUARDNOCF
#define DECLSPEC_RESTRICT
#define DECLSPEC_SAFEBUFFERS
#define DECLSPEC_ALLOCATOR
#define DECLSPEC_UUID(x)
#define FORCEINLINE static inline __attribute__((always_inline))
#define NTAPI
#define NTAPI_INLINE
#define WINAPI
#define APIENTRY
#define CALLBACK
#define WINAPIV
#define STDAPICALLTYPE
#define STDMETHODCALLTYPE
#define FASTCALL
#define NTSYSAPI
#define NTSYSCALLAPI
#define NTKRNLVISTAAPI
#define MEMORY_ALLOCATION_ALIGNMENT 16
#define SYSTEM_CACHE_ALIGNMENT_SIZE 64
#define POINTER_ALIGNMENT DECLSPEC_ALIGN(8)
#define ANYSIZE_ARRAY 1
#define RESTRICTED_POINTER
#define UNALIGNED
#define UNALIGNED64
#define POINTER_64
#define POINTER_32
#define POINTER_SIGNED
#define POINTER_UNSIGNED
#define SPOINTER_32
#define UPOINTER_32
#define TEXT_ALIGN 0

#endif /* NTK_BASETYPES_H */
