#!/usr/bin/env bash
# Ingest benchmark on PostgreSQL, in one run on one server and one file (docs/benchmarks.md):
#   1. psql \copy of the CSV into a plain table (no index): the reference;
#   2. psql \copy into the same table with a unique index on (council_code, event_id): like for like;
#   3. benefits ingest --db postgres: of the same file (validation, de-duplication, partitions, rollups, one transaction).
# Usage: scripts/bench-postgres.sh [CSV]   (default: a seeded 1,000,000-event file made with `benefits bench ingest`)
# Needs a running server that trusts local logins at 127.0.0.1:$PORT (default 55433) as user postgres, e.g.
#   initdb -D /tmp/pgb/data -U postgres --auth=trust && pg_ctl -D /tmp/pgb/data -o "-p 55433 -k /tmp/pgb" -w start
# (as root: mkdir /tmp/pgb && chown postgres /tmp/pgb, and run both through `runuser -u postgres --`; stop it after with
#  pg_ctl -D /tmp/pgb/data stop). PORT=... picks another port.
# and `benefits` built in Release ($B, default src/BenefitsTracker.Cli/bin/Release/net10.0/benefits).
# R2R=DIR also times the ReadyToRun publish in DIR (the deployed form, docs/deployment.md), in the same run, made with
#   dotnet publish src/BenefitsTracker.Cli -c Release -r linux-x64 -p:PublishReadyToRun=true -o DIR
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-55433}
B=${B:-$PWD/src/BenefitsTracker.Cli/bin/Release/net10.0/benefits}
CSV=${1:-}
if [ -z "$CSV" ]; then
  work=$(mktemp -d)
  "$B" bench ingest --events 1000000 --work "$work" >/dev/null
  CSV="$work/bench-events-1000000-text.csv"   # the name `benefits bench ingest` gives it (text event ids)
fi
PSQL="psql -h 127.0.0.1 -p $PORT -U postgres -v ON_ERROR_STOP=1 -q"
now() { date +%s.%N; }
$PSQL -d postgres -c "DROP DATABASE IF EXISTS bench_psql" -c "CREATE DATABASE bench_psql" 2>/dev/null
columns="event_id text, council_code text, service text, channel text, event_type text, occurred_at timestamptz,
  case_id text, user_ref text, quantity bigint, duration_seconds double precision"
$PSQL -d bench_psql -c "CREATE TABLE plain ($columns)" -c "CREATE TABLE indexed ($columns)" \
  -c "CREATE UNIQUE INDEX ON indexed (council_code, event_id)"
rows=$(($(wc -l < "$CSV") - 1))
for table in plain indexed; do
  s=$(now); $PSQL -d bench_psql -c "\copy $table FROM '$CSV' WITH (FORMAT csv, HEADER true)"; e=$(now)
  t=$(echo "$e - $s" | bc); eval "t_$table=$t"
  printf 'psql \\copy into %-8s %6.2f s  %9.0f rows/s\n' "$table:" "$t" "$(echo "$rows / $t" | bc -l)"
done
echo "load: $(uptime)"
ours() { # $1 label, $2 benefits binary, $3 database
  local db="postgres:Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$3" s e t stored
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $3" -c "CREATE DATABASE $3" 2>/dev/null
  "$2" db migrate --db "$db" >/dev/null
  s=$(now)
  /usr/bin/time -f "%M KB, %U s user, %S s system" -o /tmp/bench-postgres.mem "$2" ingest "$CSV" --kind events --db "$db" \
    | grep -E "read" || true
  e=$(now)
  t=$(echo "$e - $s" | bc)
  stored=$($PSQL -d "$3" -At -c "SELECT count(*) FROM usage_events")
  printf '%-24s %6.2f s  %9.0f rows/s  (%s rows stored; peak memory %s)\n' "$1:" "$t" "$(echo "$rows / $t" | bc -l)" "$stored" \
    "$(cat /tmp/bench-postgres.mem)"
  printf '  ratio to psql plain:   %.2f (goal >= 0.9, floor 0.5)\n' "$(echo "$t_plain / $t" | bc -l)"
  printf '  ratio to psql indexed: %.2f (like for like: psql into a table with the unique index on (council_code, event_id))\n' \
    "$(echo "$t_indexed / $t" | bc -l)"
}
ours "benefits ingest" "$B" bench_ours
if [ -n "${R2R:-}" ]; then ours "benefits ingest (R2R)" "$R2R/benefits" bench_ours_r2r; fi
echo "load: $(uptime)"
