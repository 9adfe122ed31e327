#!/usr/bin/env bash
# The service's load benchmark (docs/benchmarks.md, "The service"), on loopback only, bounded in time:
#  1. GET savings with 50 connections for 15 s (wrk), once warm: requests/s, p50, p99, errors;
#  2. events POSTed in bodies of 5,000 (NDJSON) against `benefits ingest` of the same events as one file,
#     each into a fresh store seeded alike: events per second, and the ratio.
# Needs wrk (Debian: wrk), curl and python3. Usage: scripts/bench-service.sh [EVENTS=200000]
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-200000}
for t in wrk curl python3; do command -v $t >/dev/null || { echo "needs $t (apt-get install -y $t)" >&2; exit 1; }; done
work=$(mktemp -d /tmp/bt-bench-service-XXXX)
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null; sleep 1; rm -rf "$work"' EXIT
dotnet build src/BenefitsTracker.Cli -c Release -nologo -v q >/dev/null
bin=src/BenefitsTracker.Cli/bin/Release/net10.0/benefits.dll
B() { dotnet "$bin" "$@"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
url=http://127.0.0.1:$(free_port)
up() { for _ in $(seq 120); do curl -sf "$url/health" >/dev/null && return 0; sleep 0.5; done; echo "the service did not start:" >&2; cat "$1" >&2; exit 1; }
# The benchmark measures the service, not the per-key rate limit (50 a second by default), so the limit is lifted.
export BENEFITS__RATELIMIT__PERMITSPERSECOND=1000000 BENEFITS__RATELIMIT__BURST=1000000

echo "== GET savings: demo store, 50 connections, 15 s"
B demo --out "$work/demo" >/dev/null 2>&1
key=$(B apikey create --council W06000003 --scope read --db "sqlite:$work/demo/demo.db" 2>/dev/null)
dotnet "$bin" serve --db "sqlite:$work/demo/demo.db" --urls "$url" >"$work/serve.log" 2>&1 & echo $! >"$work/pid"   # dotnet itself, so that kill stops it
up "$work/serve.log"
path="/api/v1/councils/W06000003/savings?from=2024-04&to=2025-03"
curl -sf -H "X-Api-Key: $key" "$url$path" >/dev/null   # warm: the result is computed once, then cached
cat >"$work/key.lua" <<LUA
wrk.headers["X-Api-Key"] = "$key"
LUA
wrk -t2 -c50 -d15s --latency -s "$work/key.lua" "$url$path" | tee "$work/wrk.txt"
grep -q "Non-2xx" "$work/wrk.txt" && echo "errors: some answers were not 200 (above)" || echo "errors: 0 (every answer 200)"
kill "$(cat "$work/pid")"; wait 2>/dev/null || true

echo "== POST events: $events generated events of one council, bodies of 5,000, against benefits ingest"
B generate --councils 2 --months 24 --events "$events" --seed 7 --out "$work/gen" >/dev/null
council=$(awk -F, 'NR==2 {print $1}' "$work/gen/councils.csv")
python3 - "$work/gen/events.csv" "$work/one.ndjson" "$work/body" "$council" <<'PY'
import csv, json, sys
src, one, body, council = sys.argv[1:]
rows = [r for r in csv.DictReader(open(src, newline="")) if r["council_code"] == council]
def clean(r): return {k: v for k, v in r.items() if v != ""}
with open(one, "w") as f:
    for r in rows: f.write(json.dumps(clean(r), separators=(",", ":")) + "\n")
for i in range(0, len(rows), 5000):
    with open(f"{body}-{i // 5000:05d}.ndjson", "w") as f:
        for r in rows[i:i + 5000]: f.write(json.dumps(clean(r), separators=(",", ":")) + "\n")
print(len(rows), "events for", council)
PY
n=$(wc -l <"$work/one.ndjson")
seed() { B ingest "$work/gen/councils.csv" "$work/gen/assumptions.json" --db "sqlite:$1" >/dev/null 2>&1; }
seed "$work/file.db"
t0=$(date +%s.%N); B ingest "$work/one.ndjson" --kind events --db "sqlite:$work/file.db" >/dev/null 2>&1; t1=$(date +%s.%N)
seed "$work/http.db"
wkey=$(B apikey create --council "$council" --db "sqlite:$work/http.db" 2>/dev/null)
url=http://127.0.0.1:$(free_port)   # the first service may still be closing its port
dotnet "$bin" serve --db "sqlite:$work/http.db" --urls "$url" >"$work/serve2.log" 2>&1 & echo $! >"$work/pid"
up "$work/serve2.log"
t2=$(date +%s.%N)
for f in "$work"/body-*.ndjson; do
  curl -sf -w "\n" -H "X-Api-Key: $wkey" -H "Content-Type: application/x-ndjson" --data-binary @"$f" "$url/api/v1/events" >"$f.answer"
done
t3=$(date +%s.%N)
accepted=$(cat "$work"/body-*.answer | python3 -c 'import sys, json; print(sum(json.loads(l)["accepted"] for l in sys.stdin if l.strip()))')
python3 - "$n" "$accepted" "$t0" "$t1" "$t2" "$t3" <<'PY'
import sys
n, acc, t0, t1, t2, t3 = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
f, h = n / (t1 - t0), acc / (t3 - t2)
print(f"benefits ingest (one file, {n} events): {t1 - t0:.2f} s, {f:,.0f} events/s")
print(f"POST /api/v1/events (bodies of 5,000; {acc} accepted): {t3 - t2:.2f} s, {h:,.0f} events/s")
print(f"POST against the file ingest: {h / f:.2f}x")
PY
