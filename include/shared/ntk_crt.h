/*
 * ntk_crt.h - definitions shared by ntk's C-runtime headers (<stdio.h>,
 * <stdlib.h>, <string.h>, <wchar.h>, <wctype.h>, <ctype.h>, <malloc.h>,
 * <conio.h>, <strsafe.h>, <ntstrsafe.h>). Windows code does not include it
 * by name.
 *
 * Why ntk has its own C-runtime headers at all: Windows code is compiled
 * here with -fshort-wchar (wchar_t is 16-bit UTF-16, as on Windows) but runs
 * on glibc, whose wide-character functions assume a 32-bit wchar_t, and
 * whose printf family reads %ld/%lx as 64 bits where Windows reads 32. The
 * headers in include/shared shadow the system ones: they #include_next the
 * glibc parts that are right (FILE, fopen, fputs, puts, scanf, memcpy,
 * strlen, ...) and send the rest to ntk's implementations in libntk.so.
 *
 * The naming scheme:
 *   - A function that glibc (or GCC's builtin knowledge) also has under the
 *     same name, with the wrong semantics for Windows code, is exported by
 *     libntk.so as ntk_<name> and the header maps the name with an
 *     object-like macro:  #define wcslen ntk_wcslen.  Calls, declarations
 *     and &wcslen all reach ntk's function, and because GCC never sees the
 *     name `wcslen` it applies no builtin folding (which would assume a
 *     4-byte wchar_t), no glibc-format -Wformat checking of MS format strings
 *     and no printf-return-value folding with glibc semantics.
 *   - A Microsoft-only function (_snprintf, _wcsicmp, strcpy_s, ...) is
 *     exported under its own name; glibc has no such symbol.
 *
 * Consequences to know: `#undef printf` gets glibc's printf back (don't);
 * a GCC format attribute must be spelled __printf__ (format(printf, ...)
 * would read format(ntk_printf, ...)), and an MS-format function should not
 * carry one at all. ntk's own code that really wants glibc's printf family
 * defines NTK_HOST_STDIO before including <stdio.h>.
 */
#ifndef NTK_CRT_H
#define NTK_CRT_H

#include <ntk_msvc.h>
#include <stddef.h>
#include <stdarg.h>

/* Every CRT function declared by ntk's headers is exported by libntk.so. */
#define NTK_CRTIMP __attribute__((visibility("default")))

#ifndef _ERRNO_T_DEFINED
#define _ERRNO_T_DEFINED
typedef int errno_t;
#endif

#ifndef _RSIZE_T_DEFINED
#define _RSIZE_T_DEFINED
typedef size_t rsize_t;
#endif

/* wint_t is 16-bit on Windows and WEOF is 0xFFFF. Defining it here first
 * keeps GCC's <stddef.h> (__need_wint_t) and glibc's <bits/types/wint_t.h>
 * from defining their 32-bit one afterwards. */
#if !defined(_WCTYPE_T_DEFINED)
#define _WCTYPE_T_DEFINED
#define _WINT_T
#define __wint_t_defined 1
typedef unsigned short wint_t;
typedef unsigned short wctype_t;
#endif
#ifndef WEOF
#define WEOF ((wint_t)(0xFFFF))
#endif

/* Count argument meaning "truncate to fit" for the *_s functions. */
#ifndef _TRUNCATE
#define _TRUNCATE ((size_t)-1)
#endif
/* errno_t returned by strncpy_s & co. when they truncated (MS value). */
#ifndef STRUNCATE
#define STRUNCATE 80
#endif

#ifndef _countof
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
#endif

#endif /* NTK_CRT_H */
