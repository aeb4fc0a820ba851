/*
 * include_fixup.h - lets GCC find headers the way the Windows compiler does.
 *
 * Windows sources spell includes with backslashes ("..\inc\public.h",
 * <sys\sioctl.h>), in the wrong case (<Windows.h>, "Public.h"), and rely on
 * MSVC searching the directories of every file on the include stack for
 * quoted includes. None of that resolves on Linux. Before compiling, ntk cc
 * scans the sources and the project headers they include, resolves each
 * include as MSVC would, and where GCC would not find the same file, creates
 * a symbolic link under that exact spelling in a private directory that is
 * searched last (-idirafter), so sources compile unmodified.
 */
#ifndef NTK_TOOL_INCLUDE_FIXUP_H
#define NTK_TOOL_INCLUDE_FIXUP_H

#include "util.h"

struct ntk_include_fixups {
    char *shim_dir;                  /* where the links live; NULL if none were needed */
    char *shim_base;                 /* shim_dir's top (it is nested, see the .c file) */
    struct ntk_strvec fallback_dirs; /* real directories of headers reached through links */
    struct ntk_strvec visited;       /* real paths of the files already scanned */
    size_t link_count;
};

/* Scans sources (and, recursively, the headers they include that are not in
 * system_dirs) and creates links under temp_dir as needed. user_dirs are the
 * -I directories in order, system_dirs ntk's own include directories. With
 * verbose, each link is reported on stderr. Returns 0, or -1 after printing
 * an error (a link could not be created). */
int ntk_include_fixups_prepare(struct ntk_include_fixups *fixups, const char *temp_dir,
                               const struct ntk_strvec *sources, const struct ntk_strvec *user_dirs,
                               const struct ntk_strvec *system_dirs, bool verbose);

/* Appends the compiler options that make the links visible (nothing if no
 * link was needed). */
void ntk_include_fixups_add_flags(const struct ntk_include_fixups *fixups, struct ntk_strvec *argv);

void ntk_include_fixups_free(struct ntk_include_fixups *fixups);

#endif /* NTK_TOOL_INCLUDE_FIXUP_H */
