/*
 * regstore.c - the registry's persistent store: an SQLite database with one
 * row per key and one per value.
 *
 *   keys(id INTEGER PRIMARY KEY, parent INTEGER, name TEXT, class BLOB, last_write INTEGER)
 *   vals(key INTEGER, name TEXT, type INTEGER, data BLOB, PRIMARY KEY(key, name))
 *
 * Names are UTF-8 as the key or value was created (case preserved; the
 * kernel compares them without regard to case). Value data are the bytes a
 * driver wrote (REG_SZ as UTF-16LE). Top-level keys (MACHINE, USER) have
 * parent 0. The database runs in WAL mode with synchronous=FULL: every
 * changing call is one transaction, committed before it returns, so a
 * process killed at any moment loses no change that was reported done.
 * Also compiled into the ntk tool (ntk reg), which reads and edits the same
 * store without a kernel.
 */
#include "host.h"
#include "posix_core.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ntkhost_regstore {
    sqlite3 *db;
};

static const char ntk_reg_schema[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=FULL;"
    "CREATE TABLE IF NOT EXISTS keys(id INTEGER PRIMARY KEY, parent INTEGER NOT NULL, name TEXT NOT NULL,"
    " class BLOB, last_write INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX IF NOT EXISTS keys_parent ON keys(parent);"
    "CREATE TABLE IF NOT EXISTS vals(key INTEGER NOT NULL, name TEXT NOT NULL, type INTEGER NOT NULL,"
    " data BLOB, PRIMARY KEY(key, name));";

/* SQLite result codes to errno values. */
static int ntk_reg_errno(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW:
        return 0;
    case SQLITE_NOMEM:
        return ENOMEM;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return EBUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return EACCES;
    case SQLITE_FULL:
        return ENOSPC;
    case SQLITE_CANTOPEN:
        return ENOENT;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return EINVAL;
    default:
        return EIO;
    }
}

int ntkhost_posix_reg_open(const char *path, struct ntkhost_regstore **out)
{
    *out = NULL;
    struct ntkhost_regstore *s = calloc(1, sizeof *s);
    if (!s)
        return ENOMEM;
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_busy_timeout(s->db, 10000);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s->db, ntk_reg_schema, NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        int err = ntk_reg_errno(rc);
        sqlite3_close(s->db);
        free(s);
        return err ? err : EIO;
    }
    *out = s;
    return 0;
}

void ntkhost_posix_reg_close(struct ntkhost_regstore *store)
{
    if (!store)
        return;
    sqlite3_close(store->db);
    free(store);
}

int ntkhost_posix_reg_load(struct ntkhost_regstore *store, ntkhost_reg_key_fn *key_fn,
                           ntkhost_reg_value_fn *value_fn, void *ctx)
{
    sqlite3_stmt *st = NULL;
    int stop = 0;
    /* One read transaction: keys and values from the same snapshot. Ids
     * grow, and a key is created after its parent, so ascending ids list
     * parents first. */
    int rc = sqlite3_exec(store->db, "BEGIN", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return ntk_reg_errno(rc);
    rc = sqlite3_prepare_v2(store->db, "SELECT id, parent, name, class, last_write FROM keys ORDER BY id", -1, &st,
                            NULL);
    while (rc == SQLITE_OK && !stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        stop = key_fn(ctx, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                      (const char *)sqlite3_column_text(st, 2), sqlite3_column_blob(st, 3),
                      (size_t)sqlite3_column_bytes(st, 3), sqlite3_column_int64(st, 4));
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (!stop && (rc == SQLITE_OK || rc == SQLITE_DONE))
        rc = sqlite3_prepare_v2(store->db, "SELECT key, name, type, data FROM vals ORDER BY rowid", -1, &st, NULL);
    while (!stop && rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        stop = value_fn(ctx, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
                        (uint32_t)sqlite3_column_int64(st, 2), sqlite3_column_blob(st, 3),
                        (size_t)sqlite3_column_bytes(st, 3));
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
    if (stop)
        return stop;
    return ntk_reg_errno(rc);
}

/* Runs a prepared statement to completion inside its own transaction. */
static int ntk_reg_step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : ntk_reg_errno(rc);
}

int ntkhost_posix_reg_add_key(struct ntkhost_regstore *store, int64_t parent, const char *name, const void *cls,
                              size_t cls_size, int64_t last_write, int64_t *id)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(store->db, "INSERT INTO keys(parent, name, class, last_write) VALUES(?,?,?,?)", -1,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return ntk_reg_errno(rc);
    sqlite3_bind_int64(st, 1, parent);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    if (cls && cls_size)
        sqlite3_bind_blob(st, 3, cls, (int)cls_size, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, last_write);
    int err = ntk_reg_step_done(st);
    if (!err)
        *id = sqlite3_last_insert_rowid(store->db);
    return err;
}

int ntkhost_posix_reg_delete_key(struct ntkhost_regstore *store, int64_t id)
{
    char sql[512];
    /* The subtree in one statement each, in one transaction. */
    snprintf(sql, sizeof sql,
             "BEGIN IMMEDIATE;"
             "CREATE TEMP TABLE IF NOT EXISTS doomed(id INTEGER PRIMARY KEY);"
             "DELETE FROM doomed;"
             "WITH RECURSIVE t(id) AS (SELECT %lld UNION ALL SELECT k.id FROM keys k JOIN t ON k.parent = t.id)"
             " INSERT INTO doomed SELECT id FROM t;"
             "DELETE FROM vals WHERE key IN (SELECT id FROM doomed);"
             "DELETE FROM keys WHERE id IN (SELECT id FROM doomed);"
             "COMMIT;",
             (long long)id);
    int rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
        return ntk_reg_errno(rc);
    }
    return 0;
}

static int ntk_reg_touch(struct ntkhost_regstore *store, int64_t key, int64_t last_write)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(store->db, "UPDATE keys SET last_write=? WHERE id=?", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return ntk_reg_errno(rc);
    sqlite3_bind_int64(st, 1, last_write);
    sqlite3_bind_int64(st, 2, key);
    return ntk_reg_step_done(st);
}

/* BEGIN IMMEDIATE, one change plus the key's time, COMMIT (or ROLLBACK). */
static int ntk_reg_change(struct ntkhost_regstore *store, sqlite3_stmt *st, int64_t key, int64_t last_write)
{
    int rc = sqlite3_exec(store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(st);
        return ntk_reg_errno(rc);
    }
    int err = ntk_reg_step_done(st);
    if (!err)
        err = ntk_reg_touch(store, key, last_write);
    if (!err) {
        rc = sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
        err = ntk_reg_errno(rc);
    }
    if (err)
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    return err;
}

int ntkhost_posix_reg_set_value(struct ntkhost_regstore *store, int64_t key, const char *name, uint32_t type,
                                const void *data, size_t size, int64_t last_write)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(store->db, "INSERT INTO vals(key, name, type, data) VALUES(?,?,?,?)"
                                " ON CONFLICT(key, name) DO UPDATE SET type=excluded.type, data=excluded.data", -1,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return ntk_reg_errno(rc);
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, type);
    sqlite3_bind_blob(st, 4, size ? data : "", (int)size, SQLITE_TRANSIENT);
    return ntk_reg_change(store, st, key, last_write);
}

int ntkhost_posix_reg_delete_value(struct ntkhost_regstore *store, int64_t key, const char *name,
                                   int64_t last_write)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(store->db, "DELETE FROM vals WHERE key=? AND name=?", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return ntk_reg_errno(rc);
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    return ntk_reg_change(store, st, key, last_write);
}
