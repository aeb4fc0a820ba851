/*
 * cc.c - "ntk cc": compiles Windows driver and Win32 console app sources,
 * unmodified, with the host GCC against ntk's headers, and links them:
 *   a driver into an ELF shared object NAME.sys whose imports stay
 *   undefined until the kernel's loader resolves them against its exports;
 *   an app into an ELF executable linked against libntk.so, whose real
 *   main (libntkcrt.a) boots the kernel and then calls the app's main.
 *
 * Each source is compiled into a private temporary directory that is
 * removed afterwards, whatever happens; the compiler runs without a shell.
 */
#define _GNU_SOURCE
#include "commands.h"
#include "include_fixup.h"
#include "util.h"

#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * _MSC_VER and _MSC_FULL_VER are deliberately NOT predefined.
 *
 * In the WDK samples ntk is built for, _MSC_VER only guards
 * "#pragma warning(push/pop/disable)" and "#pragma once": both branches of
 * those tests compile the same under GCC (unknown pragmas are ignored with
 * -Wno-unknown-pragmas, #pragma once is understood), so nothing there needs
 * it. Defining it would instead steer portable code and third-party headers
 * onto their MSVC-only paths: __pragma, __asm blocks, <intrin.h> intrinsics,
 * MSVC-version feature tests and exotic __declspec forms that GCC does not
 * have. GCC compilers that target Windows (MinGW) do not define it either,
 * and ntk's own kernel and Win32 layer are built without it (CMake's
 * NTK_WINDOWS_FLAGS), so drivers and apps see the headers exactly as the
 * kernel does. A source that really needs it can still pass -D _MSC_VER=1930.
 */
struct predefined_macro {
    const char *name;
    const char *value; /* NULL: plain -DNAME */
};

/* What MSVC and the WDK build environment predefine for an x64 target. */
static const struct predefined_macro windows_macros[] = {
    {"_WIN32", NULL},
    {"_WIN64", NULL},
    {"_M_AMD64", "100"},
    {"_M_X64", "100"},
    {"_AMD64_", NULL},
    {"AMD64", NULL},
    {"_INTEGRAL_MAX_BITS", "64"},
    {"_MT", NULL},
    {"_WIN32_WINNT", "0x0A00"},
    {"WINVER", "0x0A00"},
    {"NTDDI_VERSION", "0x0A000000"},
};

/* What the WDK's kernel-mode driver projects add (a checked build). */
static const struct predefined_macro driver_macros[] = {
    {"_KERNEL_MODE", "1"},
    {"WINNT", "1"},
    {"DEPRECATE_DDK_FUNCTIONS", "1"},
    {"POOL_NX_OPTIN", "1"},
    {"DBG", "1"},
};

/* Console apps; main/wmain are renamed so that libntkcrt.a's real main can
 * boot the kernel before calling them. */
static const struct predefined_macro app_macros[] = {
    {"_CONSOLE", NULL},
    {"main", "ntk_user_main"},
    {"wmain", "ntk_user_wmain"},
};

/* Flags every Windows-side translation unit is built with. */
static const char *const windows_compile_flags[] = {
    "-fshort-wchar", "-fms-extensions", "-fno-strict-aliasing", "-Wno-unknown-pragmas", "-Wno-multichar", "-g",
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))
#define DEPFILE_TARGET "ntk-cc-target"

enum cc_mode { CC_MODE_UNSET, CC_MODE_DRIVER, CC_MODE_APP };

struct cc_request {
    enum cc_mode mode;
    bool mode_conflict;
    const char *output;
    const char *depfile;
    bool verbose;
    struct ntk_strvec sources;         /* .c files */
    struct ntk_strvec link_inputs;     /* .o/.a files, -l, -Wl, in command-line order */
    struct ntk_strvec library_dirs;    /* -L, as "-LDIR" */
    struct ntk_strvec include_dirs;    /* -I, in order */
    struct ntk_strvec macro_options;   /* -D/-U, as "-DX=V"/"-UX", in order */
    struct ntk_strvec macro_names;     /* every name the user defined or undefined */
    struct ntk_strvec compile_options; /* -W..., -f..., -g..., -O..., -m..., -std=... */
    struct ntk_strvec link_f_options;  /* the -f... options again, for an app's link */
    bool has_library_options;
    bool user_optimization;
    bool user_std;
};

static void print_cc_help(void)
{
    printf("Usage: ntk cc --driver -o OUT.sys [OPTIONS] SOURCE.c... [OBJ.o|LIB.a...]\n"
           "       ntk cc --app    -o OUT     [OPTIONS] SOURCE.c... [OBJ.o|LIB.a...]\n"
           "\n"
           "Compiles Windows sources, unmodified, against ntk's headers and links them\n"
           "into a driver (an ELF shared object loaded by ntk's kernel) or a Win32\n"
           "console app (an ELF executable linked against libntk.so).\n"
           "Compiler: %s\n"
           "\n"
           "Drivers include <ntddk.h> or <wdm.h>; apps <windows.h>, <winioctl.h>,\n"
           "<strsafe.h>. Include spellings with backslashes or in the wrong case are\n"
           "resolved as the Windows compiler would.\n"
           "\n"
           "Options:\n"
           "  --driver           build a kernel-mode driver\n"
           "  --app              build a Win32 console app (main, wmain or void main)\n"
           "  -o FILE            output file (required)\n"
           "  -I DIR, -IDIR      add DIR to the include path (before ntk's headers)\n"
           "  -D NAME[=VALUE]    define a macro (overrides ntk's predefined one)\n"
           "  -U NAME            undefine a macro (and do not predefine it)\n"
           "  -g..., -O0..-O3, -Os, -Og\n"
           "                     debug information and optimization (drivers default to -O1)\n"
           "  -W..., -f..., -m..., -std=...\n"
           "                     passed to the compiler (-Wl,... to the linker)\n"
           "  -l LIB, -L DIR     libraries for an app (drivers import only from the kernel)\n"
           "  --depfile FILE     write a make-style dependency file for OUT\n"
           "  -v, --verbose      print the commands that are run\n"
           "  -h, --help         show this help\n"
           "\n"
           "Predefined: _WIN32 _WIN64 _M_AMD64=100 _M_X64=100 _AMD64_ AMD64\n"
           "  _INTEGRAL_MAX_BITS=64 _MT _WIN32_WINNT=0x0A00 WINVER=0x0A00\n"
           "  NTDDI_VERSION=0x0A000000; drivers also _KERNEL_MODE=1 WINNT=1\n"
           "  DEPRECATE_DDK_FUNCTIONS=1 POOL_NX_OPTIN=1 DBG=1; apps also _CONSOLE.\n"
           "  _MSC_VER is not defined (GCC is not MSVC; pass -D _MSC_VER=1930 if needed).\n"
           "\n"
           "Exit status: 0 on success, 1 if compiling or linking failed (the compiler's\n"
           "messages come first), 2 for a usage error or an unreadable input.\n",
           NTK_CC);
}

/* ---- command line ----------------------------------------------------- */

/* For an option that takes a value either glued ("-IDIR") or as the next
 * argument ("-I DIR"). Returns the value, or NULL after a usage error. */
static const char *option_value(int argc, char **argv, int *index, const char *option, int *status)
{
    const char *arg = argv[*index];
    size_t length = strlen(option);
    if (arg[length] != '\0')
        return arg + length;
    if (*index + 1 >= argc || argv[*index + 1][0] == '\0') {
        *status = ntk_usage_error("option %s needs an argument", option);
        return NULL;
    }
    return argv[++*index];
}

/* Length of the identifier at the start of s (a macro's name). */
static size_t identifier_length(const char *s)
{
    size_t n = 0;
    if (!((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
        return 0;
    while ((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
           s[n] == '_')
        n++;
    return n;
}

static int add_macro_option(struct cc_request *req, char kind, const char *value)
{
    size_t name_length = identifier_length(value);
    char after = value[name_length];
    bool valid = name_length > 0 && (kind == 'D' ? (after == '\0' || after == '=' || after == '(') : after == '\0');
    if (!valid)
        return ntk_usage_error("-%c %s: '%s' is not a valid macro name", kind, value, value);
    char *name = ntk_xstrndup(value, name_length);
    if (!ntk_strvec_contains(&req->macro_names, name))
        ntk_strvec_push(&req->macro_names, name);
    free(name);
    ntk_strvec_pushf(&req->macro_options, "-%c%s", kind, value);
    return NTK_TOOL_EXIT_OK;
}

static bool is_optimization_option(const char *arg)
{
    static const char *const accepted[] = {"-O", "-O0", "-O1", "-O2", "-O3", "-Os", "-Og"};
    for (size_t i = 0; i < COUNT_OF(accepted); i++)
        if (strcmp(arg, accepted[i]) == 0)
            return true;
    return false;
}

static int add_input_file(struct cc_request *req, const char *path)
{
    /* Windows is case-insensitive: a sample's PCIDRV.C is C (GCC would take
     * .C for C++, hence -x c when compiling). */
    bool is_source = ntk_has_suffix_nocase(path, ".c");
    bool is_link_input = ntk_has_suffix(path, ".o") || ntk_has_suffix(path, ".a");
    if (!is_source && !is_link_input)
        return ntk_usage_error("'%s': unsupported input (expected .c sources, .o objects or .a archives)", path);
    struct stat st;
    const char *problem = NULL;
    if (access(path, R_OK) != 0 || stat(path, &st) != 0)
        problem = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        problem = "not a regular file";
    if (problem) {
        ntk_error("cannot read %s '%s': %s", is_source ? "source" : "input", path, problem);
        return NTK_TOOL_EXIT_USAGE;
    }
    ntk_strvec_push(is_source ? &req->sources : &req->link_inputs, path);
    return NTK_TOOL_EXIT_OK;
}

/* Parses argv into req. Returns -1 when --help was answered, otherwise an
 * exit status (0 to go on). */
static int parse_command_line(int argc, char **argv, struct cc_request *req)
{
    int status = NTK_TOOL_EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value;

        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            print_cc_help();
            return -1;
        } else if (strcmp(arg, "--driver") == 0 || strcmp(arg, "--app") == 0) {
            enum cc_mode mode = arg[2] == 'd' ? CC_MODE_DRIVER : CC_MODE_APP;
            if (req->mode != CC_MODE_UNSET && req->mode != mode)
                req->mode_conflict = true;
            req->mode = mode;
        } else if (strcmp(arg, "-v") == 0 || strcmp(arg, "--verbose") == 0) {
            req->verbose = true;
        } else if (strcmp(arg, "--depfile") == 0 || ntk_has_prefix(arg, "--depfile=")) {
            if (arg[9] == '=')
                value = arg + 10;
            else if (!(value = option_value(argc, argv, &i, "--depfile", &status)))
                return status;
            if (!*value)
                return ntk_usage_error("option --depfile needs an argument");
            req->depfile = value;
        } else if (ntk_has_prefix(arg, "-o")) {
            if (!(value = option_value(argc, argv, &i, "-o", &status)))
                return status;
            if (req->output)
                return ntk_usage_error("more than one output file (-o %s, -o %s)", req->output, value);
            req->output = value;
        } else if (ntk_has_prefix(arg, "-I")) {
            if (!(value = option_value(argc, argv, &i, "-I", &status)))
                return status;
            ntk_strvec_push(&req->include_dirs, value);
        } else if (ntk_has_prefix(arg, "-D") || ntk_has_prefix(arg, "-U")) {
            char kind = arg[1];
            const char option[] = {'-', kind, '\0'};
            if (!(value = option_value(argc, argv, &i, option, &status)))
                return status;
            if ((status = add_macro_option(req, kind, value)) != NTK_TOOL_EXIT_OK)
                return status;
        } else if (ntk_has_prefix(arg, "-L")) {
            if (!(value = option_value(argc, argv, &i, "-L", &status)))
                return status;
            ntk_strvec_pushf(&req->library_dirs, "-L%s", value);
            req->has_library_options = true;
        } else if (ntk_has_prefix(arg, "-l")) {
            if (!(value = option_value(argc, argv, &i, "-l", &status)))
                return status;
            ntk_strvec_pushf(&req->link_inputs, "-l%s", value);
            req->has_library_options = true;
        } else if (ntk_has_prefix(arg, "-Wl,")) {
            ntk_strvec_push(&req->link_inputs, arg);
        } else if (ntk_has_prefix(arg, "-W") || ntk_has_prefix(arg, "-g") || ntk_has_prefix(arg, "-m")) {
            ntk_strvec_push(&req->compile_options, arg);
        } else if (ntk_has_prefix(arg, "-f") && arg[2] != '\0') {
            ntk_strvec_push(&req->compile_options, arg);
            ntk_strvec_push(&req->link_f_options, arg);
        } else if (ntk_has_prefix(arg, "-std=") && arg[5] != '\0') {
            ntk_strvec_push(&req->compile_options, arg);
            req->user_std = true;
        } else if (is_optimization_option(arg)) {
            ntk_strvec_push(&req->compile_options, arg);
            req->user_optimization = true;
        } else if (arg[0] == '-') {
            return ntk_usage_error("unknown option '%s'", arg);
        } else if ((status = add_input_file(req, arg)) != NTK_TOOL_EXIT_OK) {
            return status;
        }
    }
    return NTK_TOOL_EXIT_OK;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int validate_request(const struct cc_request *req)
{
    if (req->mode_conflict)
        return ntk_usage_error("--driver and --app are mutually exclusive");
    if (req->mode == CC_MODE_UNSET)
        return ntk_usage_error("say what to build: --driver or --app");
    if (!req->output)
        return ntk_usage_error("missing -o OUTPUT");
    if (req->sources.count == 0 && req->link_inputs.count == 0)
        return ntk_usage_error("no source files");
    if (req->mode == CC_MODE_DRIVER && req->has_library_options)
        return ntk_usage_error("-l and -L are for apps: a driver imports only from the kernel "
                               "(pass a static library as a .a input instead)");
    char *output_dir = ntk_path_dirname(req->output);
    struct stat st;
    bool dir_ok = stat(output_dir, &st) == 0 && S_ISDIR(st.st_mode);
    if (!dir_ok) {
        ntk_error("cannot write '%s': directory '%s' does not exist", req->output, output_dir);
        free(output_dir);
        return NTK_TOOL_EXIT_USAGE;
    }
    free(output_dir);
    for (size_t i = 0; i < req->sources.count; i++)
        if (same_file(req->output, req->sources.items[i]))
            return ntk_usage_error("output '%s' is also an input", req->output);
    for (size_t i = 0; i < req->link_inputs.count; i++)
        if (req->link_inputs.items[i][0] != '-' && same_file(req->output, req->link_inputs.items[i]))
            return ntk_usage_error("output '%s' is also an input", req->output);
    return NTK_TOOL_EXIT_OK;
}

/* ---- compiler command lines ------------------------------------------- */

static void add_sanitizer_flags(struct ntk_strvec *argv)
{
    const char *sanitizers = NTK_SANITIZE_FLAGS;
    if (!*sanitizers)
        return;
    ntk_strvec_pushf(argv, "-fsanitize=%s", sanitizers);
    ntk_strvec_push(argv, "-fno-omit-frame-pointer");
    if (strstr(sanitizers, "undefined"))
        ntk_strvec_push(argv, "-fno-sanitize-recover=undefined");
}

static void add_predefined_macros(struct ntk_strvec *argv, const struct cc_request *req,
                                  const struct predefined_macro *macros, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        /* The user's -D/-U wins, without a redefinition warning. */
        if (ntk_strvec_contains(&req->macro_names, macros[i].name))
            continue;
        if (macros[i].value)
            ntk_strvec_pushf(argv, "-D%s=%s", macros[i].name, macros[i].value);
        else
            ntk_strvec_pushf(argv, "-D%s", macros[i].name);
    }
}

static void system_include_dirs(enum cc_mode mode, struct ntk_strvec *dirs)
{
    ntk_strvec_push(dirs, mode == CC_MODE_DRIVER ? NTK_SOURCE_DIR "/include/ddk" : NTK_SOURCE_DIR "/include/win32");
    ntk_strvec_push(dirs, NTK_SOURCE_DIR "/include/shared");
}

/* Everything before "-c SOURCE": the same for compiling and preprocessing. */
static void build_compile_flags(const struct cc_request *req, const struct ntk_include_fixups *fixups,
                                struct ntk_strvec *argv)
{
    ntk_strvec_push(argv, NTK_CC);
    if (!req->user_std)
        ntk_strvec_push(argv, "-std=gnu11");
    for (size_t i = 0; i < COUNT_OF(windows_compile_flags); i++)
        ntk_strvec_push(argv, windows_compile_flags[i]);
    add_sanitizer_flags(argv);
    if (req->mode == CC_MODE_DRIVER) {
        ntk_strvec_push(argv, "-fPIC");
        /* __stack_chk_fail is no kernel export; sanitized builds resolve
         * such runtime symbols against the app instead. */
        if (!*NTK_SANITIZE_FLAGS)
            ntk_strvec_push(argv, "-fno-stack-protector");
        if (!req->user_optimization)
            ntk_strvec_push(argv, "-O1");
    }
    ntk_strvec_append(argv, &req->compile_options);

    add_predefined_macros(argv, req, windows_macros, COUNT_OF(windows_macros));
    if (req->mode == CC_MODE_DRIVER)
        add_predefined_macros(argv, req, driver_macros, COUNT_OF(driver_macros));
    else
        add_predefined_macros(argv, req, app_macros, COUNT_OF(app_macros));
    ntk_strvec_append(argv, &req->macro_options);

    for (size_t i = 0; i < req->include_dirs.count; i++)
        ntk_strvec_pushf(argv, "-I%s", req->include_dirs.items[i]);
    struct ntk_strvec system_dirs = {0};
    system_include_dirs(req->mode, &system_dirs);
    for (size_t i = 0; i < system_dirs.count; i++) {
        ntk_strvec_push(argv, "-isystem");
        ntk_strvec_push(argv, system_dirs.items[i]);
    }
    ntk_strvec_free(&system_dirs);
    ntk_include_fixups_add_flags(fixups, argv);
}

/* A compiler's failure status as ours: 2 is reserved for usage errors. */
static int failure_status(int spawn_status)
{
    return (spawn_status > 0 && spawn_status != NTK_TOOL_EXIT_USAGE) ? spawn_status : NTK_TOOL_EXIT_FAILURE;
}

/* ---- void main -------------------------------------------------------- */

/* Skips spaces and the line markers a preprocessor may leave. */
static const char *skip_space(const char *p)
{
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
            p++;
        if (*p != '#')
            return p;
        while (*p && *p != '\n')
            p++;
    }
}

/* Does preprocessed C text define ntk_user_main or ntk_user_wmain (the
 * renamed main/wmain) with return type void? VOID and __cdecl have already
 * expanded to "void" and nothing. Prototypes do not count, definitions
 * (including old-style ones) do. */
static bool defines_void_main(const char *text)
{
    regex_t pattern;
    if (regcomp(&pattern, "(^|[^[:alnum:]_])void[[:space:]]+ntk_user_w?main[[:space:]]*\\(",
                REG_EXTENDED | REG_NEWLINE) != 0)
        return false;
    bool found = false;
    const char *cursor = text;
    regmatch_t match;
    while (!found && regexec(&pattern, cursor, 1, &match, cursor == text ? 0 : REG_NOTBOL) == 0) {
        const char *p = cursor + match.rm_eo; /* just past '(' */
        int depth = 1;
        while (*p && depth > 0) {
            if (*p == '(')
                depth++;
            else if (*p == ')')
                depth--;
            p++;
        }
        p = skip_space(p);
        if (depth == 0 && *p && *p != ';' && *p != ',' && *p != ')')
            found = true;
        cursor += match.rm_eo;
    }
    regfree(&pattern);
    return found;
}

/* ---- dependency files ------------------------------------------------- */

/* A growable string for the dependency-file parser. */
struct name_buffer {
    char *data;
    size_t length;
    size_t capacity;
};

static void name_buffer_add(struct name_buffer *buffer, char c)
{
    if (buffer->length + 2 > buffer->capacity) {
        buffer->capacity = buffer->capacity ? buffer->capacity * 2 : 256;
        buffer->data = ntk_xrealloc(buffer->data, buffer->capacity);
    }
    buffer->data[buffer->length++] = c;
    buffer->data[buffer->length] = '\0';
}

static void name_buffer_flush(struct name_buffer *buffer, struct ntk_strvec *names)
{
    if (buffer->length)
        ntk_strvec_push(names, buffer->data);
    buffer->length = 0;
}

/* Splits the prerequisites of the GCC-written make rule for DEPFILE_TARGET
 * into file names, undoing make's quoting: "\ " is a blank in a name (with
 * 2N+1 backslashes meaning N of them and a blank), "\#" a '#', "$$" a '$',
 * and a backslash before a newline continues the line. */
static void parse_make_prerequisites(const char *text, struct ntk_strvec *names)
{
    const char *p = strstr(text, DEPFILE_TARGET ":");
    if (!p)
        return;
    p += strlen(DEPFILE_TARGET ":");
    struct name_buffer name = {0};
    while (*p && *p != '\n') {
        if (p[0] == '\\' && (p[1] == '\n' || (p[1] == '\r' && p[2] == '\n'))) {
            p += (p[1] == '\r') ? 3 : 2;
            name_buffer_flush(&name, names);
        } else if (p[0] == '\\') {
            size_t run = 0;
            while (p[run] == '\\')
                run++;
            if (p[run] == ' ' || p[run] == '\t') {
                for (size_t k = 0; k < run / 2; k++)
                    name_buffer_add(&name, '\\');
                if (run % 2)
                    name_buffer_add(&name, p[run]);
                else
                    name_buffer_flush(&name, names);
                p += run + 1;
            } else if (run == 1 && p[1] == '#') {
                name_buffer_add(&name, '#');
                p += 2;
            } else {
                for (size_t k = 0; k < run; k++)
                    name_buffer_add(&name, '\\');
                p += run;
            }
        } else if (p[0] == '$' && p[1] == '$') {
            name_buffer_add(&name, '$');
            p += 2;
        } else if (*p == ' ' || *p == '\t' || *p == '\r') {
            name_buffer_flush(&name, names);
            p++;
        } else {
            name_buffer_add(&name, *p++);
        }
    }
    name_buffer_flush(&name, names);
    free(name.data);
}

static void write_make_word(FILE *out, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == ' ' || *p == '\t') {
            for (const char *q = p; q > s && q[-1] == '\\'; q--)
                fputc('\\', out);
            fputc('\\', out);
        } else if (*p == '$') {
            fputc('$', out);
        } else if (*p == '#') {
            fputc('\\', out);
        }
        fputc(*p, out);
    }
}

/* Merges the per-source dependency files into one rule for the output,
 * with absolute paths, and with the include links replaced by the headers
 * they point to (the links disappear with the temporary directory). */
static int write_depfile(const struct cc_request *req, const char *temp_dir, const struct ntk_strvec *dep_paths)
{
    struct ntk_strvec deps = {0};
    char *cwd = getcwd(NULL, 0);
    if (!cwd) {
        ntk_error("getcwd: %s", strerror(errno));
        return NTK_TOOL_EXIT_FAILURE;
    }
    size_t temp_length = strlen(temp_dir);
    for (size_t i = 0; i < dep_paths->count; i++) {
        char *text = ntk_read_file(dep_paths->items[i], NULL);
        if (!text) {
            ntk_error("cannot read %s: %s", dep_paths->items[i], strerror(errno));
            free(cwd);
            ntk_strvec_free(&deps);
            return NTK_TOOL_EXIT_FAILURE;
        }
        struct ntk_strvec names = {0};
        parse_make_prerequisites(text, &names);
        for (size_t k = 0; k < names.count; k++) {
            const char *name = names.items[k];
            char *path;
            if (strncmp(name, temp_dir, temp_length) == 0 && name[temp_length] == '/')
                path = realpath(name, NULL);
            else
                path = ntk_path_join(cwd, name);
            if (path && !ntk_strvec_contains(&deps, path))
                ntk_strvec_push(&deps, path);
            free(path);
        }
        ntk_strvec_free(&names);
        free(text);
    }

    char *target = ntk_path_join(cwd, req->output);
    char *temp_path = ntk_xasprintf("%s.tmp", req->depfile);
    int status = NTK_TOOL_EXIT_OK;
    FILE *out = fopen(temp_path, "w");
    if (!out) {
        ntk_error("cannot write %s: %s", temp_path, strerror(errno));
        status = NTK_TOOL_EXIT_FAILURE;
    } else {
        write_make_word(out, target);
        fputc(':', out);
        for (size_t i = 0; i < deps.count; i++) {
            fputs(" \\\n  ", out);
            write_make_word(out, deps.items[i]);
        }
        fputc('\n', out);
        if (fclose(out) != 0 || rename(temp_path, req->depfile) != 0) {
            ntk_error("cannot write %s: %s", req->depfile, strerror(errno));
            unlink(temp_path);
            status = NTK_TOOL_EXIT_FAILURE;
        }
    }
    free(temp_path);
    free(target);
    free(cwd);
    ntk_strvec_free(&deps);
    return status;
}

/* ---- the build -------------------------------------------------------- */

struct cc_build {
    const struct cc_request *req;
    char *temp_dir;
    struct ntk_include_fixups fixups;
    struct ntk_strvec objects;   /* compiled sources */
    struct ntk_strvec dep_paths; /* their dependency files */
    bool void_main;
};

/* Compiles source number index into the temporary directory. Returns 0 or
 * the failure status. */
static int compile_source(struct cc_build *build, size_t index)
{
    const struct cc_request *req = build->req;
    const char *source = req->sources.items[index];
    const char *name = ntk_path_basename(source);
    char *stem = ntk_xstrndup(name, strlen(name) - 2); /* without ".c" */
    char *object = ntk_xasprintf("%s/%zu-%s.o", build->temp_dir, index, stem);
    char *depfile = ntk_xasprintf("%s/%zu-%s.d", build->temp_dir, index, stem);
    char *preprocessed = ntk_xasprintf("%s/%zu-%s.i", build->temp_dir, index, stem);
    free(stem);

    struct ntk_strvec argv = {0};
    build_compile_flags(req, &build->fixups, &argv);
    if (req->depfile) {
        ntk_strvec_push(&argv, "-MD");
        ntk_strvec_push(&argv, "-MF");
        ntk_strvec_push(&argv, depfile);
        ntk_strvec_push(&argv, "-MT");
        ntk_strvec_push(&argv, DEPFILE_TARGET);
    }
    ntk_strvec_push(&argv, "-c");
    ntk_strvec_push(&argv, "-x");
    ntk_strvec_push(&argv, "c");
    ntk_strvec_push(&argv, source);
    ntk_strvec_push(&argv, "-o");
    ntk_strvec_push(&argv, object);
    int rc = ntk_spawn_and_wait(ntk_strvec_argv(&argv), req->verbose);
    ntk_strvec_free(&argv);
    int status = rc == 0 ? NTK_TOOL_EXIT_OK : failure_status(rc);

    if (status == NTK_TOOL_EXIT_OK) {
        ntk_strvec_push(&build->objects, object);
        if (req->depfile)
            ntk_strvec_push(&build->dep_paths, depfile);
    }

    /* "void main exits 0 as with MSVC": find out from the preprocessed text,
     * where the return type is spelled plainly. */
    if (status == NTK_TOOL_EXIT_OK && req->mode == CC_MODE_APP && !build->void_main) {
        build_compile_flags(req, &build->fixups, &argv);
        ntk_strvec_push(&argv, "-E");
        ntk_strvec_push(&argv, "-P");
        ntk_strvec_push(&argv, "-x");
        ntk_strvec_push(&argv, "c");
        ntk_strvec_push(&argv, source);
        ntk_strvec_push(&argv, "-o");
        ntk_strvec_push(&argv, preprocessed);
        rc = ntk_spawn_and_wait(ntk_strvec_argv(&argv), req->verbose);
        ntk_strvec_free(&argv);
        if (rc != 0) {
            status = failure_status(rc);
        } else {
            char *text = ntk_read_file(preprocessed, NULL);
            if (!text) {
                ntk_error("cannot read %s: %s", preprocessed, strerror(errno));
                status = NTK_TOOL_EXIT_FAILURE;
            } else {
                build->void_main = defines_void_main(text);
                free(text);
            }
        }
    }
    free(object);
    free(depfile);
    free(preprocessed);
    return status;
}

static int link_output(struct cc_build *build)
{
    const struct cc_request *req = build->req;
    struct ntk_strvec argv = {0};
    ntk_strvec_push(&argv, NTK_CC);
    if (req->mode == CC_MODE_DRIVER) {
        /* The driver's own symbols bind locally; its imports stay undefined
         * for the kernel's loader to resolve. No C library, no sanitizer
         * runtime: those symbols resolve against the app it is loaded into. */
        ntk_strvec_push(&argv, "-shared");
        ntk_strvec_push(&argv, "-nostdlib");
        ntk_strvec_push(&argv, "-Wl,-Bsymbolic");
        ntk_strvec_pushf(&argv, "-Wl,-soname,%s", ntk_path_basename(req->output));
        ntk_strvec_push(&argv, "-o");
        ntk_strvec_push(&argv, req->output);
        ntk_strvec_append(&argv, &build->objects);
        ntk_strvec_append(&argv, &req->link_inputs);
        ntk_strvec_push(&argv, "-lgcc");
    } else {
        const char *crt = NTK_BUILD_DIR "/lib/libntkcrt.a";
        const char *kernel = NTK_BUILD_DIR "/lib/libntk.so";
        if (access(crt, R_OK) != 0 || access(kernel, R_OK) != 0) {
            ntk_error("%s or %s is missing: build ntk first (targets ntkcrt and ntkrnl)", crt, kernel);
            ntk_strvec_free(&argv);
            return NTK_TOOL_EXIT_FAILURE;
        }
        add_sanitizer_flags(&argv);
        ntk_strvec_append(&argv, &req->link_f_options);
        ntk_strvec_push(&argv, "-o");
        ntk_strvec_push(&argv, req->output);
        ntk_strvec_append(&argv, &build->objects);
        ntk_strvec_append(&argv, &req->link_inputs);
        ntk_strvec_push(&argv, crt);
        ntk_strvec_append(&argv, &req->library_dirs);
        ntk_strvec_push(&argv, "-L" NTK_BUILD_DIR "/lib");
        /* ntk run requires libntk.so among the NEEDED entries, even where
         * the linker defaults to --as-needed. */
        ntk_strvec_push(&argv, "-Wl,--push-state,--no-as-needed");
        ntk_strvec_push(&argv, "-lntkwin32");
        ntk_strvec_push(&argv, "-lntk");
        ntk_strvec_push(&argv, "-Wl,--pop-state");
        ntk_strvec_push(&argv, "-Wl,-rpath," NTK_BUILD_DIR "/lib");
        ntk_strvec_push(&argv, "-lm");
        if (build->void_main)
            ntk_strvec_push(&argv, "-Wl,--defsym,ntk_user_main_returns_void=1");
    }
    int rc = ntk_spawn_and_wait(ntk_strvec_argv(&argv), req->verbose);
    ntk_strvec_free(&argv);
    return rc == 0 ? NTK_TOOL_EXIT_OK : failure_status(rc);
}

static int run_build(struct cc_build *build)
{
    const struct cc_request *req = build->req;
    struct ntk_strvec user_dirs = {0}, system_dirs = {0};
    ntk_strvec_append(&user_dirs, &req->include_dirs);
    system_include_dirs(req->mode, &system_dirs);
    int rc = ntk_include_fixups_prepare(&build->fixups, build->temp_dir, &req->sources, &user_dirs, &system_dirs,
                                        req->verbose);
    ntk_strvec_free(&user_dirs);
    ntk_strvec_free(&system_dirs);
    if (rc != 0)
        return NTK_TOOL_EXIT_FAILURE;

    /* Compile everything even after a failure, to report all errors at once. */
    int status = NTK_TOOL_EXIT_OK;
    for (size_t i = 0; i < req->sources.count; i++) {
        int source_status = compile_source(build, i);
        if (source_status != NTK_TOOL_EXIT_OK && status == NTK_TOOL_EXIT_OK)
            status = source_status;
    }
    if (status != NTK_TOOL_EXIT_OK)
        return status;
    if ((status = link_output(build)) != NTK_TOOL_EXIT_OK)
        return status;
    if (req->depfile)
        status = write_depfile(req, build->temp_dir, &build->dep_paths);
    return status;
}

int ntk_cc_main(int argc, char **argv)
{
    struct cc_request req = {0};
    int status = parse_command_line(argc, argv, &req);
    if (status == NTK_TOOL_EXIT_OK)
        status = validate_request(&req);
    if (status == NTK_TOOL_EXIT_OK && req.mode == CC_MODE_DRIVER && !ntk_has_suffix_nocase(req.output, ".sys"))
        ntk_warning("driver output '%s' does not end in .sys", req.output);

    if (status == NTK_TOOL_EXIT_OK) {
        ntk_install_interrupt_handlers();
        struct cc_build build = {.req = &req};
        build.temp_dir = ntk_make_temp_dir("cc");
        if (!build.temp_dir) {
            status = NTK_TOOL_EXIT_FAILURE;
        } else {
            status = run_build(&build);
            if (ntk_remove_tree(build.temp_dir) != 0 && status == NTK_TOOL_EXIT_OK)
                status = NTK_TOOL_EXIT_FAILURE;
        }
        ntk_include_fixups_free(&build.fixups);
        ntk_strvec_free(&build.objects);
        ntk_strvec_free(&build.dep_paths);
        free(build.temp_dir);
        ntk_exit_if_interrupted(); /* after the cleanup above */
    }

    ntk_strvec_free(&req.sources);
    ntk_strvec_free(&req.link_inputs);
    ntk_strvec_free(&req.library_dirs);
    ntk_strvec_free(&req.include_dirs);
    ntk_strvec_free(&req.macro_options);
    ntk_strvec_free(&req.macro_names);
    ntk_strvec_free(&req.compile_options);
    ntk_strvec_free(&req.link_f_options);
    return status < 0 ? NTK_TOOL_EXIT_OK : status;
}
