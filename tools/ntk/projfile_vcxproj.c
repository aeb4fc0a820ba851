/*
 * projfile_vcxproj.c - reads an MSBuild C project (.vcxproj) as MSBuild
 * would evaluate it for the Debug|x64 configuration, as far as ntk needs:
 *   PropertyGroup        properties, in order (ConfigurationType, TargetName,
 *                        CharacterSet, DriverType, and any the project
 *                        defines for its own use)
 *   ItemDefinitionGroup  ClCompile's AdditionalIncludeDirectories and
 *                        PreprocessorDefinitions ("%(NAME)" is the value so
 *                        far, which starts empty)
 *   ItemGroup            ClCompile items: the sources
 * Conditions are evaluated ('A'=='B', !=, and, or, !, parentheses,
 * Exists(), numeric comparisons); $(Configuration) is Debug and
 * $(Platform) x64 unless the project lists no such configuration.
 * Imports are not followed: properties that would come from Visual Studio's
 * or the WDK's own files stay unknown, and a setting that needs one is
 * dropped with a warning.
 */
#define _GNU_SOURCE
#include "projfile.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <expat.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the document ----------------------------------------------------- */

struct xml_node {
    char *name;
    char *condition; /* attributes ntk uses; NULL when absent */
    char *include;
    char *text; /* character data directly inside, NUL-terminated */
    size_t text_length;
    unsigned long line;
    struct xml_node **children;
    size_t child_count;
    struct xml_node *parent;
};

struct xml_reader {
    XML_Parser parser; /* for line numbers */
    struct xml_node *root;
    struct xml_node *current;
};

static void node_free(struct xml_node *node)
{
    if (!node)
        return;
    for (size_t i = 0; i < node->child_count; i++)
        node_free(node->children[i]);
    free(node->children);
    free(node->name);
    free(node->condition);
    free(node->include);
    free(node->text);
    free(node);
}

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **attributes)
{
    struct xml_reader *reader = data;
    struct xml_node *node = ntk_xmalloc(sizeof(*node));
    memset(node, 0, sizeof(*node));
    node->name = ntk_xstrdup(name);
    node->text = ntk_xstrdup("");
    node->line = XML_GetCurrentLineNumber(reader->parser);
    for (size_t i = 0; attributes[i]; i += 2) {
        if (strcmp(attributes[i], "Condition") == 0)
            node->condition = ntk_xstrdup(attributes[i + 1]);
        else if (strcmp(attributes[i], "Include") == 0)
            node->include = ntk_xstrdup(attributes[i + 1]);
    }
    node->parent = reader->current;
    if (reader->current) {
        struct xml_node *parent = reader->current;
        parent->children = ntk_xrealloc(parent->children, (parent->child_count + 1) * sizeof(*parent->children));
        parent->children[parent->child_count++] = node;
    } else {
        reader->root = node;
    }
    reader->current = node;
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
    (void)name;
    struct xml_reader *reader = data;
    reader->current = reader->current->parent;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int length)
{
    struct xml_reader *reader = data;
    struct xml_node *node = reader->current;
    if (!node || length <= 0)
        return;
    node->text = ntk_xrealloc(node->text, node->text_length + (size_t)length + 1);
    memcpy(node->text + node->text_length, s, (size_t)length);
    node->text_length += (size_t)length;
    node->text[node->text_length] = '\0';
}

/* Parses the file into a tree. Returns the root, or NULL after an error. */
static struct xml_node *parse_document(const struct ntk_project *project)
{
    size_t length = 0;
    char *text = ntk_read_file(project->path, &length);
    if (!text) {
        ntk_error("cannot read '%s': %s", project->path, strerror(errno));
        return NULL;
    }
    XML_Parser parser = XML_ParserCreate(NULL);
    if (!parser) {
        free(text);
        ntk_error("out of memory");
        return NULL;
    }
    struct xml_reader reader = {.parser = parser};
    XML_SetUserData(parser, &reader);
    XML_SetElementHandler(parser, on_start, on_end);
    XML_SetCharacterDataHandler(parser, on_text);
    bool ok = XML_Parse(parser, text, (int)length, XML_TRUE) == XML_STATUS_OK;
    if (!ok) {
        ntk_project_error(project, XML_GetCurrentLineNumber(parser), "not a well-formed XML file: %s",
                          XML_ErrorString(XML_GetErrorCode(parser)));
        node_free(reader.root);
        reader.root = NULL;
    }
    XML_ParserFree(parser);
    free(text);
    return reader.root;
}

/* ---- properties ------------------------------------------------------- */

struct property {
    char *name;
    char *value;
    unsigned long line; /* where the project set it; 0 for MSBuild's own */
};

struct msbuild {
    struct ntk_project *project;
    struct property *properties;
    size_t property_count;
    char *include_dirs; /* ClCompile item definitions */
    unsigned long include_dirs_line;
    char *defines;
    unsigned long defines_line;
    int status;
};

/* MSBuild property names are case-insensitive. */
static struct property *find_property(struct msbuild *mb, const char *name, size_t length)
{
    for (size_t i = 0; i < mb->property_count; i++)
        if (strlen(mb->properties[i].name) == length && strncasecmp(mb->properties[i].name, name, length) == 0)
            return &mb->properties[i];
    return NULL;
}

static void set_property(struct msbuild *mb, const char *name, const char *value, unsigned long line)
{
    struct property *p = find_property(mb, name, strlen(name));
    if (p) {
        free(p->value);
        p->value = ntk_xstrdup(value);
        p->line = line;
        return;
    }
    mb->properties = ntk_xrealloc(mb->properties, (mb->property_count + 1) * sizeof(*mb->properties));
    mb->properties[mb->property_count++] = (struct property){ntk_xstrdup(name), ntk_xstrdup(value), line};
}

static const char *property_value(struct msbuild *mb, const char *name)
{
    struct property *p = find_property(mb, name, strlen(name));
    return p ? p->value : NULL;
}

static unsigned long property_line(struct msbuild *mb, const char *name)
{
    struct property *p = find_property(mb, name, strlen(name));
    return p ? p->line : 0;
}

/* Properties MSBuild itself sets, which a project cannot change. */
static bool is_global_property(const char *name)
{
    return strcasecmp(name, "Configuration") == 0 || strcasecmp(name, "Platform") == 0;
}

/* Expands $(NAME) references. A property nobody defined is empty for
 * MSBuild; with keep_unknown it stays as written so that what uses it can
 * be dropped with a warning (it most likely comes from an import). Property
 * functions ($([...]), $(X.Method())) always stay as written. */
static char *expand_properties(struct msbuild *mb, const char *s, bool keep_unknown)
{
    struct ntk_text out = {0};
    ntk_text_add(&out, "", 0);
    const char *p = s;
    while (*p) {
        if (p[0] == '$' && p[1] == '(') {
            const char *end = strchr(p + 2, ')');
            size_t length = end ? (size_t)(end - (p + 2)) : 0;
            bool simple = end && length > 0;
            for (size_t i = 0; simple && i < length; i++)
                simple = isalnum((unsigned char)p[2 + i]) || p[2 + i] == '_' || p[2 + i] == '-';
            if (simple) {
                struct property *property = find_property(mb, p + 2, length);
                if (property)
                    ntk_text_add(&out, property->value, strlen(property->value));
                else if (keep_unknown)
                    ntk_text_add(&out, p, length + 3);
                p = end + 1;
                continue;
            }
        }
        ntk_text_add(&out, p, 1);
        p++;
    }
    return out.data;
}

/* ---- conditions ------------------------------------------------------- */

struct condition {
    struct msbuild *mb;
    const char *p;
    bool error;
};

static void skip_blanks(struct condition *c)
{
    while (isspace((unsigned char)*c->p))
        c->p++;
}

static bool match_keyword(struct condition *c, const char *word)
{
    skip_blanks(c);
    size_t n = strlen(word);
    if (strncasecmp(c->p, word, n) == 0 && !isalnum((unsigned char)c->p[n]) && c->p[n] != '_') {
        c->p += n;
        return true;
    }
    return false;
}

static bool match_text(struct condition *c, const char *s)
{
    skip_blanks(c);
    if (strncmp(c->p, s, strlen(s)) == 0) {
        c->p += strlen(s);
        return true;
    }
    return false;
}

static bool evaluate_or(struct condition *c);

/* A quoted string, a function call's result, or a bare word; malloc'd. */
static char *operand(struct condition *c)
{
    skip_blanks(c);
    if (*c->p == '\'') {
        const char *end = strchr(c->p + 1, '\'');
        if (!end) {
            c->error = true;
            return ntk_xstrdup("");
        }
        char *raw = ntk_xstrndup(c->p + 1, (size_t)(end - c->p - 1));
        c->p = end + 1;
        char *value = expand_properties(c->mb, raw, false);
        free(raw);
        return value;
    }
    size_t n = 0;
    while (isalnum((unsigned char)c->p[n]) || c->p[n] == '_' || c->p[n] == '.' || c->p[n] == '-')
        n++;
    if (n == 0) {
        c->error = true;
        return ntk_xstrdup("");
    }
    char *word = ntk_xstrndup(c->p, n);
    c->p += n;
    skip_blanks(c);
    if (*c->p != '(')
        return word;
    /* A function: Exists('path') and HasTrailingSlash('path'). */
    c->p++;
    char *argument = operand(c);
    bool result = false;
    if (!match_text(c, ")"))
        c->error = true;
    if (strcasecmp(word, "Exists") == 0) {
        char *path = *argument ? ntk_project_find_path(c->mb->project->dir, argument) : NULL;
        result = path != NULL;
        free(path);
    } else if (strcasecmp(word, "HasTrailingSlash") == 0) {
        size_t length = strlen(argument);
        result = length > 0 && (argument[length - 1] == '\\' || argument[length - 1] == '/');
    } else {
        c->error = true;
    }
    free(word);
    free(argument);
    return ntk_xstrdup(result ? "true" : "false");
}

static bool as_boolean(struct condition *c, const char *value)
{
    if (strcasecmp(value, "true") == 0 || strcasecmp(value, "on") == 0 || strcasecmp(value, "yes") == 0)
        return true;
    if (strcasecmp(value, "false") == 0 || strcasecmp(value, "off") == 0 || strcasecmp(value, "no") == 0)
        return false;
    c->error = true;
    return false;
}

static bool compare_numbers(struct condition *c, const char *a, const char *b, const char *op)
{
    char *end_a, *end_b;
    double x = strtod(a, &end_a), y = strtod(b, &end_b);
    if (!*a || !*b || *end_a || *end_b) {
        c->error = true;
        return false;
    }
    if (strcmp(op, "<") == 0)
        return x < y;
    if (strcmp(op, "<=") == 0)
        return x <= y;
    if (strcmp(op, ">") == 0)
        return x > y;
    return x >= y;
}

static bool evaluate_primary(struct condition *c)
{
    if (match_text(c, "!"))
        return !evaluate_primary(c);
    if (match_text(c, "(")) {
        bool value = evaluate_or(c);
        if (!match_text(c, ")"))
            c->error = true;
        return value;
    }
    char *left = operand(c);
    bool value = false;
    static const char *const operators[] = {"==", "!=", "<=", ">=", "<", ">"};
    const char *op = NULL;
    for (size_t i = 0; i < sizeof(operators) / sizeof(operators[0]) && !op; i++)
        if (match_text(c, operators[i]))
            op = operators[i];
    if (op) {
        char *right = operand(c);
        if (strcmp(op, "==") == 0)
            value = strcasecmp(left, right) == 0;
        else if (strcmp(op, "!=") == 0)
            value = strcasecmp(left, right) != 0;
        else
            value = compare_numbers(c, left, right, op);
        free(right);
    } else {
        value = as_boolean(c, left);
    }
    free(left);
    return value;
}

static bool evaluate_and(struct condition *c)
{
    bool value = evaluate_primary(c);
    while (!c->error && match_keyword(c, "and")) {
        bool right = evaluate_primary(c);
        value = value && right;
    }
    return value;
}

static bool evaluate_or(struct condition *c)
{
    bool value = evaluate_and(c);
    while (!c->error && match_keyword(c, "or")) {
        bool right = evaluate_and(c);
        value = value || right;
    }
    return value;
}

/* Does the node's condition hold? No condition holds; one ntk cannot
 * evaluate does not, with a warning. */
static bool condition_holds(struct msbuild *mb, const struct xml_node *node)
{
    if (!node->condition)
        return true;
    struct condition c = {.mb = mb, .p = node->condition};
    bool value = evaluate_or(&c);
    skip_blanks(&c);
    if (c.error || *c.p) {
        ntk_project_warning(mb->project, node->line, "condition \"%s\" not understood: <%s> ignored",
                            node->condition, node->name);
        return false;
    }
    return value;
}

/* ---- evaluation ------------------------------------------------------- */

static char *trimmed_text(const struct xml_node *node)
{
    const char *s = node->text;
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    return ntk_xstrndup(s, n);
}

/* Replaces %(name) in value with previous (the item definition so far). */
static char *expand_metadata(const char *value, const char *name, const char *previous)
{
    char *reference = ntk_xasprintf("%%(%s)", name);
    size_t reference_length = strlen(reference);
    struct ntk_text out = {0};
    ntk_text_add(&out, "", 0);
    for (const char *p = value; *p;) {
        if (strncasecmp(p, reference, reference_length) == 0) {
            ntk_text_add(&out, previous ? previous : "", previous ? strlen(previous) : 0);
            p += reference_length;
        } else {
            ntk_text_add(&out, p++, 1);
        }
    }
    free(reference);
    return out.data;
}

static void read_property_group(struct msbuild *mb, const struct xml_node *group)
{
    for (size_t i = 0; i < group->child_count; i++) {
        const struct xml_node *node = group->children[i];
        if (is_global_property(node->name) || !condition_holds(mb, node))
            continue;
        char *raw = trimmed_text(node);
        char *value = expand_properties(mb, raw, true);
        set_property(mb, node->name, value, node->line);
        free(value);
        free(raw);
    }
}

static void read_item_definitions(struct msbuild *mb, const struct xml_node *group)
{
    for (size_t i = 0; i < group->child_count; i++) {
        const struct xml_node *tool = group->children[i];
        if (strcmp(tool->name, "ClCompile") != 0 || !condition_holds(mb, tool))
            continue;
        for (size_t k = 0; k < tool->child_count; k++) {
            const struct xml_node *meta = tool->children[k];
            char **slot;
            unsigned long *line;
            if (strcmp(meta->name, "AdditionalIncludeDirectories") == 0) {
                slot = &mb->include_dirs;
                line = &mb->include_dirs_line;
            } else if (strcmp(meta->name, "PreprocessorDefinitions") == 0) {
                slot = &mb->defines;
                line = &mb->defines_line;
            } else {
                continue;
            }
            if (!condition_holds(mb, meta))
                continue;
            char *raw = trimmed_text(meta);
            char *with_properties = expand_properties(mb, raw, true);
            char *value = expand_metadata(with_properties, meta->name, *slot);
            free(*slot);
            *slot = value;
            *line = meta->line;
            free(with_properties);
            free(raw);
        }
    }
}

/* A wildcard item ("*.c", "src\*.c"): the matching files, in name order. */
static int add_wildcard_sources(struct msbuild *mb, const struct xml_node *item, const char *pattern)
{
    char *spelled = ntk_xstrdup(pattern);
    for (char *p = spelled; *p; p++)
        if (*p == '\\')
            *p = '/';
    char *slash = strrchr(spelled, '/');
    const char *file_pattern = slash ? slash + 1 : spelled;
    if (slash)
        *slash = '\0';
    char *dir = slash ? ntk_project_find_path(mb->project->dir, spelled) : ntk_xstrdup(mb->project->dir);
    if (!dir || strpbrk(slash ? spelled : "", "*?")) {
        free(dir);
        free(spelled);
        return ntk_project_error(mb->project, item->line, "ClCompile Include=\"%s\": ntk supports wildcards "
                                 "only in the file name of an existing directory", pattern);
    }
    struct dirent **entries = NULL;
    int count = scandir(dir, &entries, NULL, alphasort);
    int status = 0;
    for (int i = 0; i < count; i++) {
        const char *name = entries[i]->d_name;
        if (status == 0 && name[0] != '.' && fnmatch(file_pattern, name, FNM_CASEFOLD) == 0 &&
            ntk_has_suffix_nocase(name, ".c")) {
            char *path = ntk_path_join(dir, name);
            status = ntk_project_add_source(mb->project, item->line, path);
            free(path);
        }
        free(entries[i]);
    }
    free(entries);
    free(dir);
    free(spelled);
    return status;
}

static int read_compile_item(struct msbuild *mb, const struct xml_node *item)
{
    for (size_t k = 0; k < item->child_count; k++) {
        const struct xml_node *meta = item->children[k];
        if (!condition_holds(mb, meta))
            continue;
        if (strcmp(meta->name, "ExcludedFromBuild") == 0) {
            char *value = trimmed_text(meta);
            bool excluded = strcasecmp(value, "true") == 0;
            free(value);
            if (excluded)
                return 0;
        } else if (strcmp(meta->name, "AdditionalIncludeDirectories") == 0 ||
                   strcmp(meta->name, "PreprocessorDefinitions") == 0) {
            ntk_project_warning(mb->project, meta->line,
                                "per-file %s of \"%s\" ignored: ntk builds every source with the "
                                "project's settings",
                                meta->name, item->include);
        }
    }
    char *expanded = expand_properties(mb, item->include, true);
    int status = 0;
    char *saveptr = NULL;
    for (char *path = strtok_r(expanded, ";", &saveptr); path && !status; path = strtok_r(NULL, ";", &saveptr)) {
        while (isspace((unsigned char)*path))
            path++;
        size_t n = strlen(path);
        while (n > 0 && isspace((unsigned char)path[n - 1]))
            path[--n] = '\0';
        if (!*path)
            continue;
        if (strpbrk(path, "*?"))
            status = add_wildcard_sources(mb, item, path);
        else
            status = ntk_project_add_source(mb->project, item->line, path);
    }
    free(expanded);
    return status;
}

static int read_item_group(struct msbuild *mb, const struct xml_node *group)
{
    int status = 0;
    for (size_t i = 0; i < group->child_count; i++) {
        const struct xml_node *item = group->children[i];
        if (strcmp(item->name, "ClCompile") != 0 || !item->include || !condition_holds(mb, item))
            continue;
        int item_status = read_compile_item(mb, item);
        if (item_status && !status)
            status = item_status;
    }
    return status;
}

/* Chooses Debug|x64, or failing that the project's first Debug
 * configuration, or its first, and sets $(Configuration)/$(Platform). */
static void choose_configuration(struct msbuild *mb, const struct xml_node *root)
{
    char *chosen = NULL;
    char *first = NULL, *first_debug = NULL;
    for (size_t i = 0; i < root->child_count && !chosen; i++) {
        const struct xml_node *group = root->children[i];
        if (strcmp(group->name, "ItemGroup") != 0)
            continue;
        for (size_t k = 0; k < group->child_count; k++) {
            const struct xml_node *item = group->children[k];
            if (strcmp(item->name, "ProjectConfiguration") != 0 || !item->include || !strchr(item->include, '|'))
                continue;
            if (strcasecmp(item->include, "Debug|x64") == 0) {
                free(chosen);
                chosen = ntk_xstrdup(item->include);
                break;
            }
            if (!first)
                first = ntk_xstrdup(item->include);
            if (!first_debug && strncasecmp(item->include, "Debug|", 6) == 0)
                first_debug = ntk_xstrdup(item->include);
        }
    }
    if (!chosen) {
        if (first_debug || first)
            ntk_project_warning(mb->project, 0, "no Debug|x64 configuration: using %s",
                                first_debug ? first_debug : first);
        chosen = ntk_xstrdup(first_debug ? first_debug : first ? first : "Debug|x64");
    }
    char *bar = strchr(chosen, '|');
    *bar = '\0';
    set_property(mb, "Configuration", chosen, 0);
    set_property(mb, "Platform", bar + 1, 0);
    free(chosen);
    free(first);
    free(first_debug);
}

static void set_builtin_properties(struct msbuild *mb)
{
    struct ntk_project *project = mb->project;
    const char *file = ntk_path_basename(project->path);
    char *dir_slash = ntk_xasprintf("%s/", project->dir);
    set_property(mb, "MSBuildProjectName", project->name, 0);
    set_property(mb, "ProjectName", project->name, 0);
    set_property(mb, "TargetName", project->name, 0);
    set_property(mb, "MSBuildProjectFile", file, 0);
    set_property(mb, "ProjectFileName", file, 0);
    set_property(mb, "MSBuildProjectExtension", strrchr(file, '.') ? strrchr(file, '.') : "", 0);
    set_property(mb, "MSBuildProjectDirectory", project->dir, 0);
    set_property(mb, "MSBuildThisFileDirectory", dir_slash, 0);
    set_property(mb, "ProjectDir", dir_slash, 0);
    char *full_path = ntk_path_join(project->dir, file);
    set_property(mb, "MSBuildProjectFullPath", full_path, 0);
    free(full_path);
    free(dir_slash);
}

static int apply_configuration_type(struct msbuild *mb)
{
    struct ntk_project *project = mb->project;
    const char *type = property_value(mb, "ConfigurationType");
    const char *configuration = property_value(mb, "Configuration");
    const char *platform = property_value(mb, "Platform");
    if (!type || !*type) {
        ntk_project_warning(project, 0, "no ConfigurationType for %s|%s: building an Application (MSBuild's default)",
                            configuration, platform);
        type = "Application";
    }
    if (strcasecmp(type, "Driver") == 0) {
        project->kind = NTK_PROJECT_DRIVER;
        const char *driver_type = property_value(mb, "DriverType");
        if (driver_type && (strcasecmp(driver_type, "KMDF") == 0 || strcasecmp(driver_type, "UMDF") == 0))
            return ntk_project_error(project, property_line(mb, "DriverType"),
                                     "DriverType %s is not supported yet: ntk implements WDM, not the "
                                     "Windows Driver Frameworks",
                                     driver_type);
        return 0;
    }
    if (strcasecmp(type, "Application") == 0) {
        project->kind = NTK_PROJECT_APP;
        return 0;
    }
    if (strcasecmp(type, "Utility") == 0 || strcasecmp(type, "Makefile") == 0) {
        if (ntk_project_verbose)
            ntk_note("%s: ConfigurationType %s: nothing to compile", project->path, type);
        return NTK_PROJECT_NOTHING_TO_BUILD;
    }
    if (strcasecmp(type, "DynamicLibrary") == 0 || strcasecmp(type, "StaticLibrary") == 0)
        return ntk_project_error(project, property_line(mb, "ConfigurationType"),
                                 "ConfigurationType %s is not supported yet (ntk builds Driver and "
                                 "Application projects)",
                                 type);
    return ntk_project_error(project, property_line(mb, "ConfigurationType"),
                             "unknown ConfigurationType '%s' (ntk builds Driver and Application projects)", type);
}

static void apply_target_name(struct msbuild *mb)
{
    const char *name = property_value(mb, "TargetName");
    if (!name || !*name)
        return;
    if (ntk_project_unresolved_macro(name) || strpbrk(name, "/\\")) {
        ntk_project_warning(mb->project, property_line(mb, "TargetName"),
                            "TargetName '%s' is not a plain name: using '%s'", name, mb->project->name);
        return;
    }
    free(mb->project->name);
    mb->project->name = ntk_xstrdup(name);
}

static void apply_item_definitions(struct msbuild *mb)
{
    struct ntk_project *project = mb->project;
    if (mb->include_dirs) {
        char *saveptr = NULL;
        for (char *dir = strtok_r(mb->include_dirs, ";", &saveptr); dir; dir = strtok_r(NULL, ";", &saveptr)) {
            while (isspace((unsigned char)*dir))
                dir++;
            size_t n = strlen(dir);
            while (n > 0 && isspace((unsigned char)dir[n - 1]))
                dir[--n] = '\0';
            if (*dir)
                ntk_project_add_include_dir(project, mb->include_dirs_line, dir);
        }
    }
    /* What Visual Studio's CharacterSet setting defines. */
    const char *charset = property_value(mb, "CharacterSet");
    if (charset && strcasecmp(charset, "Unicode") == 0) {
        ntk_strvec_push(&project->defines, "UNICODE");
        ntk_strvec_push(&project->defines, "_UNICODE");
    } else if (charset && strcasecmp(charset, "MultiByte") == 0) {
        ntk_strvec_push(&project->defines, "_MBCS");
    }
    if (mb->defines) {
        char *saveptr = NULL;
        for (char *define = strtok_r(mb->defines, ";", &saveptr); define; define = strtok_r(NULL, ";", &saveptr)) {
            while (isspace((unsigned char)*define))
                define++;
            size_t n = strlen(define);
            while (n > 0 && isspace((unsigned char)define[n - 1]))
                define[--n] = '\0';
            if (!*define)
                continue;
            if (ntk_project_unresolved_macro(define))
                ntk_project_warning(project, mb->defines_line,
                                    "preprocessor definition '%s' dropped: ntk does not know the macro in it",
                                    define);
            else if (!ntk_strvec_contains(&project->defines, define))
                ntk_strvec_push(&project->defines, define);
        }
    }
}

int ntk_project_read_vcxproj(const char *path, struct ntk_project *project)
{
    int status = ntk_project_init(project, path);
    if (status)
        return status;
    struct xml_node *root = parse_document(project);
    if (!root)
        return NTK_TOOL_EXIT_USAGE;
    if (strcmp(root->name, "Project") != 0) {
        status = ntk_project_error(project, root->line, "not an MSBuild project (the root element is <%s>)",
                                   root->name);
        node_free(root);
        return status;
    }

    struct msbuild mb = {.project = project};
    set_builtin_properties(&mb);
    choose_configuration(&mb, root);
    for (size_t i = 0; i < root->child_count; i++) {
        const struct xml_node *node = root->children[i];
        bool property_group = strcmp(node->name, "PropertyGroup") == 0;
        if (strcmp(node->name, "Choose") == 0) {
            ntk_project_warning(project, node->line, "<Choose> is not supported: its settings are ignored");
            continue;
        }
        if (property_group && condition_holds(&mb, node))
            read_property_group(&mb, node);
    }
    /* Then item definitions, then items, as MSBuild evaluates them. */
    for (size_t i = 0; i < root->child_count; i++) {
        const struct xml_node *node = root->children[i];
        if (strcmp(node->name, "ItemDefinitionGroup") == 0 && condition_holds(&mb, node))
            read_item_definitions(&mb, node);
    }
    status = apply_configuration_type(&mb);
    if (status == 0) {
        apply_target_name(&mb);
        apply_item_definitions(&mb);
        for (size_t i = 0; i < root->child_count; i++) {
            const struct xml_node *node = root->children[i];
            if (strcmp(node->name, "ItemGroup") != 0 || !condition_holds(&mb, node))
                continue;
            int group_status = read_item_group(&mb, node);
            if (group_status && !status)
                status = group_status;
        }
        if (status == 0 && project->sources.count == 0)
            status = ntk_project_error(project, 0, "no C sources (ClCompile items) to build");
    }

    for (size_t i = 0; i < mb.property_count; i++) {
        free(mb.properties[i].name);
        free(mb.properties[i].value);
    }
    free(mb.properties);
    free(mb.include_dirs);
    free(mb.defines);
    node_free(root);
    return status;
}
