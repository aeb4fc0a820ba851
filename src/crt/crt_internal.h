/*
 * crt_internal.h - what the CRT implementation files in src/crt share.
 *
 * The CRT is compiled like the rest of the Windows side (16-bit wchar_t,
 * ntk's shadowing headers), so inside src/crt `wchar_t` is UTF-16 and the
 * names printf, wcslen, ... already mean ntk's functions.
 */
#ifndef NTK_CRT_INTERNAL_H
#define NTK_CRT_INTERNAL_H

#include <ntk_crt.h>
#include <internal/rtl_format.h>

/* The invalid-parameter path of the MS CRT: a call broke a documented
 * constraint. ntk behaves as if a returning handler were installed: one line
 * "ntk: <function>: invalid parameter: <problem>" on stderr, after which the
 * caller sets errno and returns the documented failure value. */
void CrtpInvalidParameter(const char *Function, const char *Problem);

#endif /* NTK_CRT_INTERNAL_H */
