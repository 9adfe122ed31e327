/* Issue 14: what a multi-row INSERT saves SQLite itself, apart from .NET. Loads 999,424 rows shaped like usage_events
 * (random UUID text ids, a random 64-bit event_key under the unique index, each batch of 4,096 sorted by key as the ingest
 * does) and a contact_events row for every tenth, in one transaction (page size 16 KB, WAL, synchronous=NORMAL), with R
 * rows a statement; prints wall and CPU seconds and the commit's share. Link it against the e_sqlite3 the product ships:
 *   dotnet publish src/BenefitsTracker.Cli -c Release -r linux-x64 -p:PublishReadyToRun=true -o /tmp/r2r
 *   gcc -O2 -o /tmp/rows scripts/bench-sqlite-rows.c /tmp/r2r/libe_sqlite3.so -lm -Wl,-rpath,/tmp/r2r
 *   for r in 1 8 32 128; do /tmp/rows $r /tmp/rows.db; done      # optional: 0 (no contact rows), then a cache_size
 * Keys in order (issue 14, sixth session: the key of ids numbered in sequence), the index already holding 1,000,000 random keys:
 *   for i in 1 2 3 4 5; do PREFILL=1 /tmp/rows 32 /tmp/rows.db; PREFILL=1 KEYS=ordered /tmp/rows 32 /tmp/rows.db; done
 * KEYS=ordered gives row i the key (0x5A5A5A << 36) | i, like the keys EventKey gives "ev-000000001", "ev-000000002", ... of
 * one council: one prefix's hash (fixed high bits) above the number. PREFILL=1 first stores 1,000,000 rows with random keys (another council's UUIDs), in a
 * transaction of their own, so that the ordered keys land in the middle of the index, not only at its end.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
static double cpu() {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}
static double now() {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}
static uint64_t s = 88172645463325252ULL;
static uint64_t rnd() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
}
#define N 999424
#define B 4096
static char ids[N][37];
static long long keys[N];
static char users[N][10];
static int cmp(const void *a, const void *b) {
    long long x = keys[*(int *)a], y = keys[*(int *)b];
    return x < y ? -1 : x > y;
}
static const char *svc[] = {"planning-map", "council-tax", "garden-waste", "bins", "parking-permit"};
static const char *ch[] = {"web", "chat", "phone", "other"};
static const char *ty[] = {"page_view", "transaction_completed", "transaction_started", "transaction_failed", "satisfaction_rating"};
int main(int argc, char **argv) {
    int R = atoi(argv[1]);
    const char *path = argv[2];
    int contacts = argc > 3 ? atoi(argv[3]) : 1;
    int ordered = getenv("KEYS") && !strcmp(getenv("KEYS"), "ordered");
    for (int i = 0; i < N; i++) {
        uint64_t a = rnd(), b = rnd();
        sprintf(ids[i], "%08x-%04x-4%03x-%04x-%012llx", (unsigned)a, (unsigned)(a >> 32) & 0xffff, (unsigned)(a >> 48) & 0xfff,
                (unsigned)b & 0xffff, (unsigned long long)(b >> 16) & 0xffffffffffffULL);
        keys[i] = ordered ? (long long)(0x5A5A5AULL << 36 | (unsigned long long)i) : (long long)rnd();
        sprintf(users[i], "u-%06x", (unsigned)(rnd() & 0xffffff));
    }
    unlink(path);
    char w[512];
    sprintf(w, "%s-wal", path);
    unlink(w);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(
        db,
        "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;"
        "CREATE TABLE usage_events (id INTEGER NOT NULL PRIMARY KEY, event_id TEXT NULL, council_code TEXT NOT NULL, service TEXT NOT "
        "NULL, channel TEXT NOT NULL, event_type TEXT NOT NULL, occurred_at_ms INTEGER NOT NULL, case_id TEXT NULL, user_ref TEXT NULL, "
        "quantity INTEGER NOT NULL, duration_seconds REAL NULL, file_id INTEGER NOT NULL, rating INTEGER NULL, event_key INTEGER NULL);"
        "CREATE UNIQUE INDEX k ON usage_events(event_key); CREATE INDEX u ON usage_events(council_code,event_id) WHERE event_key IS NULL "
        "AND event_id IS NOT NULL;"
        "CREATE TABLE contact_events (id INTEGER NOT NULL PRIMARY KEY, council_code TEXT NOT NULL, service TEXT NOT NULL, user_ref TEXT "
        "NOT NULL, channel TEXT NOT NULL, kind INTEGER NOT NULL, occurred_at_ms INTEGER NOT NULL);"
        "CREATE INDEX c ON contact_events(council_code,service);",
        0, 0, 0);
    {
        char p[100];
        sprintf(p, "PRAGMA cache_size=%s", argc > 4 ? argv[4] : "-32768");
        sqlite3_exec(db, p, 0, 0, 0);
    }
    char sql[200000];
    strcpy(sql, "INSERT OR IGNORE INTO usage_events (event_id, council_code, service, channel, event_type, occurred_at_ms, case_id, "
                "user_ref, quantity, duration_seconds, file_id, rating, event_key) VALUES ");
    for (int r = 0; r < R; r++) {
        char v[200];
        int b = r * 13;
        sprintf(v, "%s(?%d,?%d,?%d,?%d,?%d,?%d,?%d,?%d,?%d,?%d,?%d,?%d,?%d)", r ? "," : "", b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7,
                b + 8, b + 9, b + 10, b + 11, b + 12, b + 13);
        strcat(sql, v);
    }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, 0)) {
        printf("%s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_stmt *cs;
    sqlite3_prepare_v2(
        db, "INSERT INTO contact_events (council_code, service, user_ref, channel, kind, occurred_at_ms) VALUES (?1,?2,?3,?4,?5,?6)", -1,
        &cs, 0);
    if (getenv("PREFILL"))
        sqlite3_exec(db,
                     "BEGIN; WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000) "
                     "INSERT INTO usage_events (event_id, council_code, service, channel, event_type, occurred_at_ms, quantity, file_id, "
                     "event_key) SELECT 'x', 'W06000001', 'bins', 'web', 'page_view', 0, 1, 0, random() FROM n; COMMIT;",
                     0, 0, 0);
    static int ord[B];
    double t0 = now(), c0 = cpu();
    sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
    long ins = 0;
    for (int b0 = 0; b0 < N; b0 += B) {
        for (int k = 0; k < B; k++)
            ord[k] = b0 + k;
        qsort(ord, B, sizeof(int), cmp);
        for (int k = 0; k < B;) {
            for (int r = 0; r < R; r++, k++) {
                int i = ord[k];
                int p = r * 13;
                sqlite3_bind_text(st, p + 1, ids[i], 36, SQLITE_STATIC);
                sqlite3_bind_text(st, p + 2, "W06000006", 9, SQLITE_STATIC);
                sqlite3_bind_text(st, p + 3, svc[i % 5], -1, SQLITE_STATIC);
                sqlite3_bind_text(st, p + 4, ch[i % 4], -1, SQLITE_STATIC);
                sqlite3_bind_text(st, p + 5, ty[i % 5], -1, SQLITE_STATIC);
                sqlite3_bind_int64(st, p + 6, 1700000000000LL + i);
                sqlite3_bind_null(st, p + 7);
                if (i % 3)
                    sqlite3_bind_text(st, p + 8, users[i], 8, SQLITE_STATIC);
                else
                    sqlite3_bind_null(st, p + 8);
                sqlite3_bind_int64(st, p + 9, 1);
                sqlite3_bind_null(st, p + 10);
                sqlite3_bind_int64(st, p + 11, 1);
                sqlite3_bind_null(st, p + 12);
                sqlite3_bind_int64(st, p + 13, keys[i]);
            }
            if (sqlite3_step(st) != SQLITE_DONE) {
                printf("err %s\n", sqlite3_errmsg(db));
                return 1;
            }
            ins += sqlite3_changes(db);
            sqlite3_reset(st);
            if (contacts)
                for (int r = k - R; r < k; r++) {
                    int i = ord[r];
                    if (i % 10 == 1) {
                        sqlite3_bind_text(cs, 1, "W06000006", 9, SQLITE_STATIC);
                        sqlite3_bind_text(cs, 2, svc[i % 5], -1, SQLITE_STATIC);
                        sqlite3_bind_text(cs, 3, users[i], 8, SQLITE_STATIC);
                        sqlite3_bind_text(cs, 4, ch[i % 4], -1, SQLITE_STATIC);
                        sqlite3_bind_int64(cs, 5, 1);
                        sqlite3_bind_int64(cs, 6, 1700000000000LL + i);
                        sqlite3_step(cs);
                        sqlite3_changes(db);
                        sqlite3_reset(cs);
                    }
                }
        }
    }
    double tc = now();
    sqlite3_exec(db, "COMMIT", 0, 0, 0);
    double t1 = now(), c1 = cpu();
    printf("rows/stmt %3d cache %s keys %s%s: %.3f s (commit %.3f) cpu %.3f\n", R, argc > 4 ? argv[4] : "-32768",
           ordered ? "ordered" : "random", getenv("PREFILL") ? " (index prefilled)" : "", t1 - t0, t1 - tc, c1 - c0);
    sqlite3_finalize(st);
    sqlite3_finalize(cs);
    sqlite3_close(db);
    unlink(path);
    unlink(w);
    return 0;
}
