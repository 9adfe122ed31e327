#!/bin/bash
# What the de-duplication index costs SQLite by itself (docs/benchmarks.md, ingest): 1,000,000 rows shaped like
# usage_events inserted in one transaction with the sqlite3 CLI (page size 16 KB, 32 MB cache, WAL, synchronous=NORMAL,
# as the store uses), from a source table of random 64-bit keys and random 32-hex-digit ids, under each schema:
#   none    no index (the floor)
#   text    a unique index on (council_code, event_id), ids in random order
#   key     a unique index on a 64-bit key (what the store does now), keys in random order
#   sorted  the same, each batch of 4,096 rows sorted by key (what the ingest does now)
#   after   no index while loading, the unique index on the key built after, in one pass
# usage: scripts/bench-sqlite-key.sh [WORKDIR] [CASE ...]   (default: every case, in /tmp/bench-sqlite-key)
set -euo pipefail
work=${1:-/tmp/bench-sqlite-key}; shift || true
cases=${*:-none text key sorted after}
mkdir -p "$work"; cd "$work"
if [ ! -f src.db ]; then
  sqlite3 src.db "CREATE TABLE src(n INTEGER PRIMARY KEY, k INTEGER, eid TEXT);
    INSERT INTO src SELECT value, random(), lower(hex(randomblob(16))) FROM generate_series(1, 1000000);
    CREATE TABLE src_sorted(n INTEGER PRIMARY KEY, k INTEGER, eid TEXT);
    INSERT INTO src_sorted(k, eid) SELECT k, eid FROM src ORDER BY n / 4096, k;"
fi
run() { # name, index before, index after, source table
  rm -f t.db t.db-wal t.db-shm
  sqlite3 t.db >/dev/null <<SQL
PRAGMA page_size=16384; PRAGMA journal_mode=WAL;
CREATE TABLE e (id INTEGER PRIMARY KEY, event_key INTEGER, event_id TEXT, council_code TEXT, service TEXT, channel TEXT,
  event_type TEXT, occurred_at_ms INTEGER, case_id TEXT, user_ref TEXT, quantity INTEGER, duration_seconds REAL, file_id INTEGER,
  rating INTEGER);
$2
SQL
  /usr/bin/time -f "$1: %e s" sqlite3 t.db >/dev/null <<SQL
PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY; PRAGMA synchronous=NORMAL;
ATTACH 'src.db' AS s;
BEGIN;
INSERT OR IGNORE INTO e (event_key, event_id, council_code, service, channel, event_type, occurred_at_ms, quantity, file_id)
  SELECT k, eid, 'W06000001', 'garden-waste', 'web', 'transaction_completed', 1650000000000 + n, 1, 7 FROM s.$4 ORDER BY n;
$3
COMMIT;
SQL
}
for c in $cases; do
  case $c in
    none) run none "" "" src ;;
    text) run text "CREATE UNIQUE INDEX i ON e(council_code, event_id);" "" src ;;
    key) run key "CREATE UNIQUE INDEX i ON e(event_key);" "" src ;;
    sorted) run sorted "CREATE UNIQUE INDEX i ON e(event_key);" "" src_sorted ;;
    after) run after "" "CREATE UNIQUE INDEX i ON e(event_key);" src ;;
    *) echo "unknown case $c" >&2; exit 2 ;;
  esac
done
