/*
 * projfile.h - Windows build projects as "ntk build" sees them: what to
 * build (a driver or a console app), from which C sources, with which
 * include directories and macros, under which name.
 *
 * Two readers fill the same description: projfile_vcxproj.c for MSBuild
 * project files (.vcxproj, what Visual Studio and the WDK use today) and
 * projfile_sources.c for the classic build utility's "sources" files.
 * projfile.c holds what they share: the description itself and finding a
 * file named the Windows way (backslashes, any case) on Linux.
 *
 * Readers report problems themselves ("FILE:LINE: error: ...") and return
 * NTK_TOOL_EXIT_USAGE; warnings (a macro ntk cannot resolve, a setting it
 * ignores) go to stderr and do not stop the build.
 */
#ifndef NTK_TOOL_PROJFILE_H
#define NTK_TOOL_PROJFILE_H

#include "util.h"

enum ntk_project_kind {
    NTK_PROJECT_DRIVER, /* ntk cc --driver, NAME.sys */
    NTK_PROJECT_APP,    /* ntk cc --app, NAME.exe */
};

struct ntk_project {
    char *path;                     /* the project file, as found */
    char *dir;                      /* its directory, absolute */
    char *name;                     /* output name without extension */
    enum ntk_project_kind kind;
    struct ntk_strvec sources;      /* C sources, real paths on disk */
    struct ntk_strvec include_dirs; /* in order, real paths on disk */
    struct ntk_strvec defines;      /* NAME or NAME=VALUE, in order */
};

/* A reader's answer for a project with nothing to compile (an MSBuild
 * Utility project, such as a driver package): not an error in a folder. */
#define NTK_PROJECT_NOTHING_TO_BUILD (-1)

/* Reads an MSBuild project file (projfile_vcxproj.c), in its Debug|x64
 * configuration. Returns 0, NTK_PROJECT_NOTHING_TO_BUILD, or
 * NTK_TOOL_EXIT_USAGE after printing why the project cannot be built. */
int ntk_project_read_vcxproj(const char *path, struct ntk_project *project);

/* Reads a build utility "sources" file (projfile_sources.c). Same contract. */
int ntk_project_read_sources(const char *path, struct ntk_project *project);

/* Sets path, dir and a default name (the file name without its extension);
 * returns 0, or NTK_TOOL_EXIT_USAGE after an error (missing directory). */
int ntk_project_init(struct ntk_project *project, const char *path);
void ntk_project_free(struct ntk_project *project);

/* "FILE:LINE: error: ..." / "FILE:LINE: warning: ..." on stderr (no line
 * number when line is 0). The error form returns NTK_TOOL_EXIT_USAGE. */
int ntk_project_error(const struct ntk_project *project, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ntk_project_warning(const struct ntk_project *project, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The file or directory a Windows path names, relative to base_dir:
 * backslashes are separators and each component matches case-insensitively
 * when no entry has its exact spelling. Returns the Linux path (malloc'd)
 * or NULL when nothing matches (or the path is a drive-letter path). */
char *ntk_project_find_path(const char *base_dir, const char *windows_path);

/* Does s still hold a macro reference ntk could not expand ("$(NAME)",
 * "%(NAME)", "@(NAME)")? Returns a pointer to it or NULL. */
const char *ntk_project_unresolved_macro(const char *s);

/* Adds an include directory (a Windows path relative to the project's
 * directory) after dropping, with a warning, one that holds an unresolved
 * macro or does not exist. */
void ntk_project_add_include_dir(struct ntk_project *project, unsigned long line, const char *windows_dir);

/* Adds a C source (a Windows path relative to the project's directory).
 * Returns 0, or NTK_TOOL_EXIT_USAGE after an error: missing file, a C++
 * source, an unresolved macro. Resource scripts (.rc) and message files
 * (.mc) are skipped with a note under verbose. */
int ntk_project_add_source(struct ntk_project *project, unsigned long line, const char *windows_path);

/* Whether readers print notes about what they skip (set by ntk build -v). */
extern bool ntk_project_verbose;

#endif /* NTK_TOOL_PROJFILE_H */
