/*
 * ntk_msvc.h - the MSVC spellings that Windows sources use, mapped onto GCC.
 *
 * Included first by every public header (ntdef.h, windows.h, ...). Windows
 * code never includes it by name.
 */
#ifndef NTK_MSVC_H
#define NTK_MSVC_H

#if !defined(__x86_64__)
#error "ntk targets x86-64 (the Windows x64 data model)"
#endif
#if !defined(__SIZEOF_WCHAR_T__) || __SIZEOF_WCHAR_T__ != 2
#error "ntk headers need a 16-bit wchar_t: compile with -fshort-wchar (ntk cc does)"
#endif

/* What MSVC and the WDK build environment predefine; ntk cc passes them too,
 * these only cover a compiler driven by hand. */
#ifndef _WIN32
#define _WIN32 1
#endif
#ifndef _WIN64
#define _WIN64 1
#endif
#ifndef _M_AMD64
#define _M_AMD64 100
#endif
#ifndef _M_X64
#define _M_X64 100
#endif
#ifndef _AMD64_
#define _AMD64_ 1
#endif
#ifndef _MSC_EXTENSIONS
#define _MSC_EXTENSIONS 1
#endif

#define __int8  char
#define __int16 short
#define __int32 int
#define __int64 long long

#define __cdecl
#define _cdecl
#define __stdcall
#define _stdcall
#define __fastcall
#define _fastcall
#define __thiscall
#define __vectorcall
#define __clrcall
#define __ptr64
#define __ptr32
#define __unaligned
#define __restrict_ptr
#define __w64

#ifndef __inline
#define __inline inline
#endif
#define _inline inline
#define __forceinline inline __attribute__((always_inline))

/* __declspec(x) -> one GCC attribute per known x, nothing for the rest. */
#define __declspec(x) __ntk_declspec_##x
#define __ntk_declspec_noinline __attribute__((noinline))
#define __ntk_declspec_noreturn __attribute__((noreturn))
#define __ntk_declspec_dllimport
#define __ntk_declspec_dllexport __attribute__((visibility("default")))
#define __ntk_declspec_naked __attribute__((naked))
#define __ntk_declspec_nothrow
#define __ntk_declspec_novtable
#define __ntk_declspec_selectany __attribute__((weak))
#define __ntk_declspec_thread __thread
#define __ntk_declspec_restrict
#define __ntk_declspec_noalias
#define __ntk_declspec_deprecated __attribute__((deprecated))
#define __ntk_declspec_allocator
#define __ntk_declspec_safebuffers
#define __ntk_declspec_guard(x)
#define __ntk_declspec_code_seg(x)
#define __ntk_declspec_align(n) __attribute__((aligned(n)))
#define __ntk_declspec_allocate(s)
#define __ntk_declspec_uuid(s)
#define __ntk_declspec_property(...)

#define __debugbreak() __builtin_trap()
#define _ReturnAddress() __builtin_return_address(0)
#define _AddressOfReturnAddress() ((void *)((char *)__builtin_frame_address(0) + sizeof(void *)))
#define __noop(...) ((void)0)
#define __pragma(x)
#define __assume(e) ((void)0)
#define __analysis_assume(e) ((void)0)
#define _Static_assert_msvc(e, m) _Static_assert(e, m)

#ifndef _countof
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* MSVC's predefined function-name macros. */
#ifndef __FUNCTION__
#define __FUNCTION__ __func__
#endif

#include <sal.h>
#include <ntk_seh.h>

#endif /* NTK_MSVC_H */
