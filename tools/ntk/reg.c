/*
 * reg.c - "ntk reg": the registry store a kernel persists to
 * (NTK_REGISTRY=FILE), read and edited from the command line.
 *   import FILE.reg     apply a regedit file (REGEDIT5 or REGEDIT4; UTF-16LE
 *                       with a BOM as regedit writes, or UTF-8/ASCII)
 *   export KEY FILE.reg write KEY and everything below it as regedit does
 *                       (UTF-16LE with a BOM)
 *   query KEY           list KEY's values and subkeys like reg.exe query
 * The store is --store FILE or NTK_REGISTRY.
 *
 * The tool works on the SQLite store itself, through the host's own store
 * code (src/host/posix/regstore.c, compiled in): it needs no kernel, no
 * drivers and no application, and edits a store no process has open as well
 * as one a running kernel uses (SQLite serializes the writers; a running
 * kernel sees the changes at its next start). Names compare without regard
 * to case with the kernel's upcasing rules.
 */
#define _GNU_SOURCE
#include "commands.h"
#include "util.h"
#include "posix_core.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define REG_NONE 0
#define REG_SZ 1
#define REG_EXPAND_SZ 2
#define REG_BINARY 3
#define REG_DWORD 4
#define REG_DWORD_BIG_ENDIAN 5
#define REG_LINK 6
#define REG_MULTI_SZ 7
#define REG_QWORD 11

struct reg_value {
    char *name;
    uint32_t type;
    unsigned char *data;
    size_t size;
};

struct reg_key {
    int64_t id; /* 0: not in the store (the invisible root) */
    char *name;
    struct reg_key *parent;
    struct reg_key **subkeys;
    size_t nsubkeys;
    struct reg_value *values;
    size_t nvalues;
};

static struct reg_key reg_root;
static struct ntkhost_regstore *reg_store;

static int64_t reg_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 10000000 + ts.tv_nsec / 100 + 116444736000000000LL;
}

/* ---- UTF-8 / UTF-16 and the kernel's case rules ----------------------- */

static uint32_t utf8_next(const char **p)
{
    const unsigned char *s = (const unsigned char *)*p;
    uint32_t c = s[0];
    int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    if (n)
        c &= 0x3F >> n;
    for (int i = 1; i <= n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *p += i;
            return 0xFFFD;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *p += n + 1;
    return c;
}

/* RtlUpcaseUnicodeChar's table. */
static uint32_t reg_upcase(uint32_t c)
{
    if (c >= 'a' && c <= 'z')
        return c - 32;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
        return c - 32;
    if (c == 0xFF)
        return 0x178;
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2)
        return c - 32;
    if (c >= 0x430 && c <= 0x44F)
        return c - 32;
    if (c >= 0x450 && c <= 0x45F)
        return c - 80;
    return c;
}

static int reg_compare(const char *a, size_t alen, const char *b, size_t blen)
{
    const char *ae = a + alen, *be = b + blen;
    while (a < ae && b < be) {
        uint32_t x = reg_upcase(utf8_next(&a)), y = reg_upcase(utf8_next(&b));
        if (x != y)
            return x < y ? -1 : 1;
    }
    return (a < ae) - (b < be);
}

static void put_utf16(unsigned char **out, size_t *len, size_t *cap, uint32_t c)
{
    if (*len + 4 > *cap) {
        *cap = *cap * 2 + 64;
        *out = ntk_xrealloc(*out, *cap);
    }
    if (c >= 0x10000) {
        c -= 0x10000;
        uint32_t hi = 0xD800 + (c >> 10), lo = 0xDC00 + (c & 0x3FF);
        (*out)[(*len)++] = hi & 0xFF;
        (*out)[(*len)++] = hi >> 8;
        (*out)[(*len)++] = lo & 0xFF;
        (*out)[(*len)++] = lo >> 8;
    } else {
        (*out)[(*len)++] = c & 0xFF;
        (*out)[(*len)++] = c >> 8;
    }
}

/* UTF-8 (n bytes) -> UTF-16LE bytes, with a NUL unit when terminate. */
static unsigned char *utf8_to_utf16(const char *s, size_t n, int terminate, size_t *bytes)
{
    unsigned char *out = NULL;
    size_t len = 0, cap = 0;
    const char *e = s + n;
    while (s < e)
        put_utf16(&out, &len, &cap, utf8_next(&s));
    if (terminate || !out)
        put_utf16(&out, &len, &cap, 0);
    if (!terminate)
        len -= 2;
    *bytes = len;
    return out;
}

/* UTF-16LE bytes -> UTF-8 (NUL units kept as they are). */
static char *utf16_to_utf8(const unsigned char *s, size_t bytes, size_t *outlen)
{
    size_t cap = bytes * 2 + 1, len = 0;
    char *out = ntk_xmalloc(cap);
    for (size_t i = 0; i + 1 < bytes; i += 2) {
        uint32_t c = s[i] | (s[i + 1] << 8);
        if (c >= 0xD800 && c < 0xDC00 && i + 3 < bytes) {
            uint32_t lo = s[i + 2] | (s[i + 3] << 8);
            if (lo >= 0xDC00 && lo < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (c < 0x80) {
            out[len++] = (char)c;
        } else if (c < 0x800) {
            out[len++] = (char)(0xC0 | (c >> 6));
            out[len++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[len++] = (char)(0xE0 | (c >> 12));
            out[len++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[len++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[len++] = (char)(0xF0 | (c >> 18));
            out[len++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[len++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[len++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[len] = 0;
    if (outlen)
        *outlen = len;
    return out;
}

/* ---- the tree, loaded from the store ------------------------------------ */

static struct reg_key *find_subkey(struct reg_key *k, const char *name, size_t len)
{
    for (size_t i = 0; i < k->nsubkeys; i++)
        if (reg_compare(k->subkeys[i]->name, strlen(k->subkeys[i]->name), name, len) == 0)
            return k->subkeys[i];
    return NULL;
}

static struct reg_value *find_value(struct reg_key *k, const char *name)
{
    for (size_t i = 0; i < k->nvalues; i++)
        if (reg_compare(k->values[i].name, strlen(k->values[i].name), name, strlen(name)) == 0)
            return &k->values[i];
    return NULL;
}

static struct reg_key *link_key(struct reg_key *parent, int64_t id, const char *name, size_t len)
{
    struct reg_key *k = calloc(1, sizeof *k);
    if (!k)
        abort();
    k->id = id;
    k->name = ntk_xstrndup(name, len);
    k->parent = parent;
    /* Sorted without case, as the kernel enumerates. */
    size_t at = 0;
    while (at < parent->nsubkeys &&
           reg_compare(parent->subkeys[at]->name, strlen(parent->subkeys[at]->name), name, len) < 0)
        at++;
    parent->subkeys = ntk_xrealloc(parent->subkeys, (parent->nsubkeys + 1) * sizeof *parent->subkeys);
    memmove(parent->subkeys + at + 1, parent->subkeys + at, (parent->nsubkeys - at) * sizeof *parent->subkeys);
    parent->subkeys[at] = k;
    parent->nsubkeys++;
    return k;
}

struct load_map {
    int64_t *ids;
    struct reg_key **keys;
    size_t count;
};

static struct reg_key *load_find(struct load_map *m, int64_t id)
{
    if (id == 0)
        return &reg_root;
    size_t lo = 0, hi = m->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->ids[mid] == id)
            return m->keys[mid];
        if (m->ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int load_key(void *ctx, int64_t id, int64_t parent, const char *name, const void *cls, size_t cls_size,
                    int64_t last_write)
{
    struct load_map *m = ctx;
    struct reg_key *p = load_find(m, parent);
    if (!p || !name)
        return 0;
    struct reg_key *k = link_key(p, id, name, strlen(name));
    m->ids = ntk_xrealloc(m->ids, (m->count + 1) * sizeof *m->ids);
    m->keys = ntk_xrealloc(m->keys, (m->count + 1) * sizeof *m->keys);
    m->ids[m->count] = id;
    m->keys[m->count] = k;
    m->count++;
    return 0;
}

static void add_value_mem(struct reg_key *k, const char *name, uint32_t type, const void *data, size_t size)
{
    k->values = ntk_xrealloc(k->values, (k->nvalues + 1) * sizeof *k->values);
    struct reg_value *v = &k->values[k->nvalues++];
    v->name = ntk_xstrdup(name);
    v->type = type;
    v->size = size;
    v->data = ntk_xmalloc(size ? size : 1);
    if (size)
        memcpy(v->data, data, size);
}

static int load_value(void *ctx, int64_t key, const char *name, uint32_t type, const void *data, size_t size)
{
    struct reg_key *k = load_find(ctx, key);
    if (k && k != &reg_root && name)
        add_value_mem(k, name, type, data, size);
    return 0;
}

static int open_store(const char *path, int create)
{
    if (!create && access(path, F_OK) != 0) {
        ntk_error("registry store '%s' does not exist", path);
        return -1;
    }
    int err = ntkhost_posix_reg_open(path, &reg_store);
    if (err) {
        ntk_error("cannot open registry store '%s': %s", path, strerror(err));
        return -1;
    }
    struct load_map m = {0};
    err = ntkhost_posix_reg_load(reg_store, load_key, load_value, &m);
    free(m.ids);
    free(m.keys);
    if (err) {
        ntk_error("cannot read registry store '%s': %s", path, strerror(err));
        return -1;
    }
    return 0;
}

/* ---- key names ---------------------------------------------------------- */

/* The root a name starts with: the store path it stands for. */
static const struct {
    const char *name, *alias, *path;
} reg_roots[] = {
    {"HKEY_LOCAL_MACHINE", "HKLM", "MACHINE"},
    {"HKEY_CURRENT_USER", "HKCU", "USER\\.DEFAULT"},
    {"HKEY_USERS", "HKU", "USER"},
    {"HKEY_CLASSES_ROOT", "HKCR", "MACHINE\\Software\\Classes"},
    {"HKEY_CURRENT_CONFIG", "HKCC", "MACHINE\\System\\CurrentControlSet\\Hardware Profiles\\Current"},
    {"\\Registry", NULL, ""},
};

/* "HKLM\A\B" -> "MACHINE\A\B" (new string), or NULL for an unknown root. */
static char *store_path(const char *key)
{
    for (size_t i = 0; i < sizeof reg_roots / sizeof reg_roots[0]; i++) {
        const char *names[2] = {reg_roots[i].name, reg_roots[i].alias};
        for (int j = 0; j < 2; j++) {
            size_t n = names[j] ? strlen(names[j]) : 0;
            if (n && strncasecmp(key, names[j], n) == 0 && (key[n] == 0 || key[n] == '\\')) {
                const char *rest = key[n] ? key + n + 1 : "";
                if (!*reg_roots[i].path)
                    return ntk_xstrdup(rest);
                return *rest ? ntk_xasprintf("%s\\%s", reg_roots[i].path, rest) : ntk_xstrdup(reg_roots[i].path);
            }
        }
    }
    return NULL;
}

/* The display name of a key: HKEY_LOCAL_MACHINE\... or HKEY_USERS\... */
static char *display_name(struct reg_key *k)
{
    if (k == &reg_root)
        return ntk_xstrdup("\\Registry");
    if (k->parent == &reg_root) {
        if (strcasecmp(k->name, "MACHINE") == 0)
            return ntk_xstrdup("HKEY_LOCAL_MACHINE");
        if (strcasecmp(k->name, "USER") == 0)
            return ntk_xstrdup("HKEY_USERS");
        return ntk_xasprintf("\\Registry\\%s", k->name);
    }
    char *parent = display_name(k->parent);
    char *s = ntk_xasprintf("%s\\%s", parent, k->name);
    free(parent);
    return s;
}

/* Walks a store path; creates missing keys when create. */
static struct reg_key *walk(const char *path, int create, int *failed)
{
    struct reg_key *k = &reg_root;
    *failed = 0;
    const char *p = path;
    while (*p) {
        while (*p == '\\')
            p++;
        if (!*p)
            break;
        const char *e = strchr(p, '\\');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        struct reg_key *next = find_subkey(k, p, len);
        if (!next) {
            if (!create)
                return NULL;
            int64_t id;
            char *name = ntk_xstrndup(p, len);
            int err = ntkhost_posix_reg_add_key(reg_store, k == &reg_root ? 0 : k->id, name, NULL, 0, reg_now(), &id);
            free(name);
            if (err) {
                ntk_error("cannot add a key to the store: %s", strerror(err));
                *failed = 1;
                return NULL;
            }
            next = link_key(k, id, p, len);
        }
        k = next;
        p += len;
    }
    return k;
}

static void free_key(struct reg_key *k)
{
    for (size_t i = 0; i < k->nsubkeys; i++)
        free_key(k->subkeys[i]);
    for (size_t i = 0; i < k->nvalues; i++) {
        free(k->values[i].name);
        free(k->values[i].data);
    }
    free(k->subkeys);
    free(k->values);
    free(k->name);
    if (k != &reg_root)
        free(k);
}

static void unlink_key(struct reg_key *k)
{
    struct reg_key *p = k->parent;
    for (size_t i = 0; i < p->nsubkeys; i++)
        if (p->subkeys[i] == k) {
            memmove(p->subkeys + i, p->subkeys + i + 1, (p->nsubkeys - i - 1) * sizeof *p->subkeys);
            p->nsubkeys--;
            break;
        }
}

/* ---- query -------------------------------------------------------------- */

static const char *type_name(uint32_t type)
{
    static const char *names[] = {"REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD",
                                  "REG_DWORD_BIG_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST",
                                  "REG_FULL_RESOURCE_DESCRIPTOR", "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD"};
    return type < sizeof names / sizeof names[0] ? names[type] : "REG_UNKNOWN";
}

static void print_value(FILE *out, const struct reg_value *v)
{
    fprintf(out, "    %s    %s    ", *v->name ? v->name : "(Default)", type_name(v->type));
    if ((v->type == REG_SZ || v->type == REG_EXPAND_SZ) && v->size) {
        char *s = utf16_to_utf8(v->data, v->size, NULL);
        fputs(s, out); /* stops at the terminator */
        free(s);
    } else if (v->type == REG_MULTI_SZ) {
        size_t len;
        char *s = utf16_to_utf8(v->data, v->size, &len);
        while (len && s[len - 1] == 0)
            len--;
        for (size_t i = 0; i < len; i++)
            fputs(s[i] ? (char[]){s[i], 0} : "\\0", out);
        free(s);
    } else if (v->type == REG_DWORD && v->size == 4) {
        fprintf(out, "0x%x", (unsigned)(v->data[0] | v->data[1] << 8 | v->data[2] << 16 | (uint32_t)v->data[3] << 24));
    } else if (v->type == REG_QWORD && v->size == 8) {
        uint64_t q = 0;
        for (int i = 7; i >= 0; i--)
            q = q << 8 | v->data[i];
        fprintf(out, "0x%llx", (unsigned long long)q);
    } else {
        for (size_t i = 0; i < v->size; i++)
            fprintf(out, "%02X", v->data[i]);
    }
    fputc('\n', out);
}

static int do_query(const char *key)
{
    char *path = store_path(key);
    if (!path)
        return ntk_usage_error("'%s' does not start with a registry root (HKEY_LOCAL_MACHINE, HKLM, ...)", key);
    int failed;
    struct reg_key *k = walk(path, 0, &failed);
    free(path);
    if (!k) {
        fprintf(stderr, "ERROR: The system was unable to find the specified registry key or value.\n");
        return 1;
    }
    char *name = display_name(k);
    printf("\n%s\n", name);
    for (size_t i = 0; i < k->nvalues; i++)
        print_value(stdout, &k->values[i]);
    if (k->nsubkeys)
        printf("\n");
    for (size_t i = 0; i < k->nsubkeys; i++)
        printf("%s\\%s\n", name, k->subkeys[i]->name);
    free(name);
    return 0;
}

/* ---- export ------------------------------------------------------------- */

static void text_quoted(struct ntk_text *t, const char *s, size_t n)
{
    ntk_text_puts(t, "\"");
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' || s[i] == '"')
            ntk_text_add(t, "\\", 1);
        ntk_text_add(t, s + i, 1);
    }
    ntk_text_puts(t, "\"");
}

/* hex:xx,xx,... wrapped as regedit wraps (lines up to 80 columns). */
static void text_hex(struct ntk_text *t, size_t column, const unsigned char *d, size_t n)
{
    char byte[4];
    for (size_t i = 0; i < n; i++) {
        snprintf(byte, sizeof byte, "%02x%s", d[i], i + 1 < n ? "," : "");
        if (column + strlen(byte) > 79 && i + 1 < n) {
            ntk_text_puts(t, "\\\r\n  ");
            column = 2;
        }
        ntk_text_puts(t, byte);
        column += strlen(byte);
    }
}

static void export_key(struct ntk_text *t, struct reg_key *k)
{
    char *name = display_name(k);
    ntk_text_puts(t, "[");
    ntk_text_puts(t, name);
    ntk_text_puts(t, "]\r\n");
    free(name);
    for (size_t i = 0; i < k->nvalues; i++) {
        struct reg_value *v = &k->values[i];
        size_t start = t->length;
        if (*v->name)
            text_quoted(t, v->name, strlen(v->name));
        else
            ntk_text_puts(t, "@");
        ntk_text_puts(t, "=");
        size_t len;
        char *s;
        /* A REG_SZ is a quoted string when it is one clean string. */
        if (v->type == REG_SZ && v->size >= 2 && v->size % 2 == 0 && !v->data[v->size - 1] && !v->data[v->size - 2] &&
            (s = utf16_to_utf8(v->data, v->size - 2, &len)) != NULL) {
            if (memchr(s, 0, len)) {
                free(s);
                goto hex;
            }
            text_quoted(t, s, len);
            free(s);
        } else if (v->type == REG_DWORD && v->size == 4) {
            char buf[16];
            snprintf(buf, sizeof buf, "dword:%08x",
                     (unsigned)(v->data[0] | v->data[1] << 8 | v->data[2] << 16 | (uint32_t)v->data[3] << 24));
            ntk_text_puts(t, buf);
        } else {
        hex:;
            char prefix[16];
            if (v->type == REG_BINARY)
                snprintf(prefix, sizeof prefix, "hex:");
            else
                snprintf(prefix, sizeof prefix, "hex(%x):", (unsigned)v->type);
            ntk_text_puts(t, prefix);
            text_hex(t, t->length - start, v->data, v->size);
        }
        ntk_text_puts(t, "\r\n");
    }
    ntk_text_puts(t, "\r\n");
    for (size_t i = 0; i < k->nsubkeys; i++)
        export_key(t, k->subkeys[i]);
}

static int do_export(const char *key, const char *file)
{
    char *path = store_path(key);
    if (!path)
        return ntk_usage_error("'%s' does not start with a registry root (HKEY_LOCAL_MACHINE, HKLM, ...)", key);
    int failed;
    struct reg_key *k = walk(path, 0, &failed);
    free(path);
    if (!k) {
        ntk_error("key '%s' does not exist", key);
        return 1;
    }
    struct ntk_text t = {0};
    ntk_text_puts(&t, "Windows Registry Editor Version 5.00\r\n\r\n");
    export_key(&t, k);
    size_t bytes;
    unsigned char *u16 = utf8_to_utf16(t.data, t.length, 0, &bytes);
    free(t.data);
    FILE *f = fopen(file, "wb");
    if (!f) {
        ntk_error("cannot write '%s': %s", file, strerror(errno));
        free(u16);
        return 1;
    }
    static const unsigned char bom[2] = {0xFF, 0xFE};
    int ok = fwrite(bom, 1, 2, f) == 2 && fwrite(u16, 1, bytes, f) == bytes;
    ok = fclose(f) == 0 && ok;
    free(u16);
    if (!ok) {
        ntk_error("cannot write '%s'", file);
        return 1;
    }
    return 0;
}

/* ---- import ------------------------------------------------------------- */

static int import_error(const char *file, int line, const char *what)
{
    ntk_error("%s:%d: %s", file, line, what);
    return NTK_TOOL_EXIT_USAGE;
}

/* Parses a quoted string at *p (after the opening quote); new string. */
static char *parse_quoted(const char **p, size_t *len)
{
    struct ntk_text t = {0};
    ntk_text_add(&t, "", 0);
    const char *s = *p;
    while (*s && *s != '"') {
        if (*s == '\\' && s[1])
            s++;
        ntk_text_add(&t, s, 1);
        s++;
    }
    if (*s != '"') {
        free(t.data);
        return NULL;
    }
    *p = s + 1;
    *len = t.length;
    return t.data;
}

static unsigned char *parse_hex(const char *s, size_t *n)
{
    unsigned char *out = ntk_xmalloc(strlen(s) / 2 + 1);
    size_t len = 0;
    while (*s) {
        while (*s == ' ' || *s == '\t' || *s == ',')
            s++;
        if (!*s)
            break;
        if (!isxdigit((unsigned char)s[0]) || !isxdigit((unsigned char)s[1]) ||
            (s[2] && s[2] != ',' && s[2] != ' ' && s[2] != '\t')) {
            free(out);
            return NULL;
        }
        char byte[3] = {s[0], s[1], 0};
        out[len++] = (unsigned char)strtoul(byte, NULL, 16);
        s += 2;
    }
    *n = len;
    return out;
}

static int set_value(struct reg_key *k, const char *name, uint32_t type, const unsigned char *data, size_t size)
{
    struct reg_value *v = find_value(k, name);
    const char *stored = v ? v->name : name; /* an existing value keeps its spelling */
    int err = ntkhost_posix_reg_set_value(reg_store, k->id, stored, type, data, size, reg_now());
    if (err) {
        ntk_error("cannot write a value to the store: %s", strerror(err));
        return -1;
    }
    if (v) {
        free(v->data);
        v->data = ntk_xmalloc(size ? size : 1);
        memcpy(v->data, data, size);
        v->size = size;
        v->type = type;
    } else {
        add_value_mem(k, name, type, data, size);
    }
    return 0;
}

static int delete_value(struct reg_key *k, const char *name)
{
    struct reg_value *v = find_value(k, name);
    if (!v)
        return 0; /* regedit ignores deleting what is not there */
    int err = ntkhost_posix_reg_delete_value(reg_store, k->id, v->name, reg_now());
    if (err) {
        ntk_error("cannot delete a value in the store: %s", strerror(err));
        return -1;
    }
    free(v->name);
    free(v->data);
    size_t i = (size_t)(v - k->values);
    memmove(v, v + 1, (k->nvalues - i - 1) * sizeof *v);
    k->nvalues--;
    return 0;
}

static int import_lines(const char *file, char *text, struct ntk_text *joined)
{
    struct reg_key *current = NULL;
    int line_no = 0, header = 0, skip_section = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        line_no++;
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            line[--n] = 0;
        /* A trailing backslash continues a hex list on the next line; the
         * continuation is indented. */
        char *l = line;
        if (joined->length)
            while (*l == ' ' || *l == '\t')
                l++;
        if (n && line[n - 1] == '\\') {
            ntk_text_add(joined, l, strlen(l) - 1);
            continue;
        }
        if (joined->length) {
            ntk_text_add(joined, l, strlen(l));
            l = joined->data;
        }
        while (*l == ' ' || *l == '\t')
            l++;
        int status = 0;
        if (!*l || *l == ';') {
            /* blank or comment */
        } else if (!header) {
            if (strcmp(l, "Windows Registry Editor Version 5.00") != 0 && strcmp(l, "REGEDIT4") != 0)
                return import_error(file, line_no, "not a registry file (no \"Windows Registry Editor Version 5.00\")");
            header = 1;
        } else if (*l == '[') {
            char *end = strrchr(l, ']');
            if (!end)
                return import_error(file, line_no, "a key line without ']'");
            *end = 0;
            int remove = l[1] == '-';
            char *path = store_path(l + 1 + remove);
            if (!path)
                return import_error(file, line_no, "a key outside HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_USERS");
            int failed;
            if (remove) {
                struct reg_key *k = walk(path, 0, &failed);
                if (k && k->parent != &reg_root) {
                    status = ntkhost_posix_reg_delete_key(reg_store, k->id) ? -1 : 0;
                    if (!status) {
                        unlink_key(k);
                        free_key(k);
                    }
                }
                current = NULL;
                skip_section = 1;
            } else {
                current = walk(path, 1, &failed);
                status = failed ? -1 : 0;
                skip_section = 0;
            }
            free(path);
        } else if (*l == '"' || *l == '@') {
            if (skip_section)
                goto next;
            if (!current)
                return import_error(file, line_no, "a value before any key");
            char *name;
            size_t namelen;
            const char *p = l + 1;
            if (*l == '@') {
                name = ntk_xstrdup("");
            } else if (!(name = parse_quoted(&p, &namelen))) {
                return import_error(file, line_no, "an unterminated value name");
            }
            while (*p == ' ' || *p == '\t')
                p++;
            if (*p != '=') {
                free(name);
                return import_error(file, line_no, "no '=' after the value name");
            }
            p++;
            while (*p == ' ' || *p == '\t')
                p++;
            if (*p == '-' && !p[1]) {
                status = delete_value(current, name);
            } else if (*p == '"') {
                p++;
                size_t len, bytes;
                char *s = parse_quoted(&p, &len);
                if (!s) {
                    free(name);
                    return import_error(file, line_no, "an unterminated string");
                }
                unsigned char *u16 = utf8_to_utf16(s, len, 1, &bytes);
                status = set_value(current, name, REG_SZ, u16, bytes);
                free(u16);
                free(s);
            } else if (strncasecmp(p, "dword:", 6) == 0) {
                char *end;
                unsigned long v = strtoul(p + 6, &end, 16);
                if (end == p + 6 || *end || strlen(p + 6) > 8) {
                    free(name);
                    return import_error(file, line_no, "a bad dword value");
                }
                unsigned char d[4] = {v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >> 24) & 0xFF};
                status = set_value(current, name, REG_DWORD, d, 4);
            } else if (strncasecmp(p, "hex", 3) == 0) {
                uint32_t type = REG_BINARY;
                p += 3;
                if (*p == '(') {
                    char *end;
                    type = (uint32_t)strtoul(p + 1, &end, 16);
                    if (*end != ')') {
                        free(name);
                        return import_error(file, line_no, "a bad hex(type)");
                    }
                    p = end + 1;
                }
                if (*p != ':') {
                    free(name);
                    return import_error(file, line_no, "no ':' after hex");
                }
                size_t size;
                unsigned char *data = parse_hex(p + 1, &size);
                if (!data) {
                    free(name);
                    return import_error(file, line_no, "bad hexadecimal bytes");
                }
                status = set_value(current, name, type, data, size);
                free(data);
            } else {
                free(name);
                return import_error(file, line_no, "a value of an unknown form");
            }
            free(name);
        } else {
            return import_error(file, line_no, "a line that is neither a key nor a value");
        }
        if (status)
            return NTK_TOOL_EXIT_FAILURE;
    next:
        joined->length = 0;
    }
    if (!header)
        return import_error(file, line_no, "empty file");
    return 0;
}

static int import_text(const char *file, char *text)
{
    struct ntk_text joined = {0};
    int status = import_lines(file, text, &joined);
    free(joined.data);
    return status;
}

static int do_import(const char *file)
{
    FILE *f = fopen(file, "rb");
    if (!f) {
        ntk_error("cannot read '%s': %s", file, strerror(errno));
        return NTK_TOOL_EXIT_USAGE;
    }
    size_t cap = 65536, len = 0, n;
    unsigned char *buf = ntk_xmalloc(cap);
    while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap)
            buf = ntk_xrealloc(buf, cap *= 2);
    }
    fclose(f);
    char *text;
    if (len >= 2 && buf[0] == 0xFF && buf[1] == 0xFE) {
        text = utf16_to_utf8(buf + 2, len - 2, NULL); /* regedit's own files */
    } else {
        size_t skip = len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF ? 3 : 0;
        text = ntk_xstrndup((char *)buf + skip, len - skip);
    }
    free(buf);
    int status = import_text(file, text);
    free(text);
    return status;
}

static void print_help(FILE *out)
{
    fprintf(out,
            "Usage: ntk reg [--store FILE] import FILE.reg\n"
            "       ntk reg [--store FILE] export KEY FILE.reg\n"
            "       ntk reg [--store FILE] query KEY\n"
            "\n"
            "Reads and edits the registry store a kernel keeps with NTK_REGISTRY=FILE.\n"
            "The store is --store FILE, else $NTK_REGISTRY.\n"
            "\n"
            "  import  apply a regedit file: [KEY] creates, [-KEY] deletes a key and its\n"
            "          subkeys, \"name\"=\"text\" | dword:XXXXXXXX | hex:.. | hex(N):.. sets,\n"
            "          \"name\"=- deletes; @ is the default value. UTF-16LE with a BOM (as\n"
            "          regedit writes) or UTF-8/ASCII.\n"
            "  export  write KEY and everything below it as regedit does (UTF-16LE, BOM)\n"
            "  query   list KEY's values and subkeys as reg.exe query does\n"
            "\n"
            "KEY starts with HKEY_LOCAL_MACHINE (HKLM), HKEY_CURRENT_USER (HKCU, which is\n"
            "HKEY_USERS\\.DEFAULT), HKEY_USERS (HKU) or HKEY_CLASSES_ROOT (HKCR).\n"
            "\n"
            "Exit status: 0; 1 if the key does not exist or the store failed; 2 for a\n"
            "usage error or a malformed .reg file.\n");
}

int ntk_reg_main(int argc, char **argv)
{
    const char *store = getenv("NTK_REGISTRY");
    const char *args[4];
    int nargs = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_help(stdout);
            return 0;
        }
        if (strcmp(argv[i], "--store") == 0) {
            if (++i >= argc)
                return ntk_usage_error("option --store needs an argument");
            store = argv[i];
        } else if (strncmp(argv[i], "--store=", 8) == 0) {
            store = argv[i] + 8;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return ntk_usage_error("unknown option '%s'", argv[i]);
        } else if (nargs < 4) {
            args[nargs++] = argv[i];
        } else {
            return ntk_usage_error("too many arguments");
        }
    }
    if (nargs == 0)
        return ntk_usage_error("missing action (import, export or query)");
    const char *action = args[0];
    int want = strcmp(action, "import") == 0 ? 2 : strcmp(action, "export") == 0 ? 3 : strcmp(action, "query") == 0 ? 2 : 0;
    if (!want)
        return ntk_usage_error("unknown action '%s'", action);
    if (nargs != want)
        return ntk_usage_error("%s takes %d argument%s", action, want - 1, want == 2 ? "" : "s");
    if (!store || !*store)
        return ntk_usage_error("no registry store: give --store FILE or set NTK_REGISTRY");
    if (open_store(store, strcmp(action, "import") == 0) != 0)
        return NTK_TOOL_EXIT_FAILURE;
    int status;
    if (strcmp(action, "import") == 0)
        status = do_import(args[1]);
    else if (strcmp(action, "export") == 0)
        status = do_export(args[1], args[2]);
    else
        status = do_query(args[1]);
    ntkhost_posix_reg_close(reg_store);
    free_key(&reg_root);
    return status;
}
