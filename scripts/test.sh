#!/usr/bin/env bash
# Runs every test of BenefitsTracker on a fresh machine: installs what the tests need when it is
# missing (LibreOffice recalculates the workbook, Chromium renders the pages with a font, sqlite3
# is the benchmark reference, PostgreSQL's server runs throwaway clusters for the second provider),
# then builds the solution and runs `dotnet test` over it.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice  >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v sqlite3  >/dev/null 2>&1 || need+=(sqlite3)
# pdftotext reads back the workbook as LibreOffice prints it.
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# Debian keeps initdb and pg_ctl off PATH, under /usr/lib/postgresql/N/bin.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
# Chromium only recommends a font; without one, pages render as empty boxes.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test tools: ${need[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "dotnet (the .NET 10 SDK) is needed: https://dot.net" >&2; exit 1; }

# The build and the tests need room: about 4.5 GB for the build outputs (each test project carries the native
# libraries of every platform its packages ship) and up to 1 GB of temporary stores, workbooks and clusters. A full
# disk shows up only as a copy error deep in the build's output, so say it first, in plain words.
need_kb=$((6 * 1024 * 1024))
for dir in . "${TMPDIR:-/tmp}"; do
  free_kb=$(df -Pk "$dir" | awk 'NR == 2 { print $4 }')
  if [ "${free_kb:-0}" -lt "$need_kb" ]; then
    echo "Not enough disk space to build and test: $((free_kb / 1024)) MB free in $(cd "$dir" && pwd), about 6 GB needed." >&2
    exit 1
  fi
done

# The tests that drive LibreOffice, Chromium and PostgreSQL fail, rather than skip, when this is set.
export BENEFITS_REQUIRE_TOOLS=1
# Built first, with the usual temporary folder: MSBuild's nodes and the compiler server outlive the run.
dotnet build BenefitsTracker.sln -c Release

# Everything the tests write to a temporary folder goes into one folder for this run, removed when the run ends
# (passed, failed or interrupted), so repeated runs do not fill the disk. Its mode lets the postgres user reach the
# throwaway clusters that the PostgreSQL tests start inside it when run as root.
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/benefits-tests-XXXXXX")
export TMPDIR
chmod 711 "$TMPDIR"
# A test host that is ended before its exit handlers run leaves its throwaway PostgreSQL cluster running: stopped
# here (SIGQUIT is the server's immediate shutdown) before its folder goes.
cleanup() {
  for pid_file in "$TMPDIR"/bt-pg-*/data/postmaster.pid; do
    [ -f "$pid_file" ] && kill -QUIT "$(head -n 1 "$pid_file")" 2>/dev/null || true
  done
  rm -rf "$TMPDIR"
}
trap cleanup EXIT

log=$(mktemp)
set +e
dotnet test BenefitsTracker.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over the test projects ("Failed!  - Failed:     1, Passed: ..." splits into
# "Failed!-Failed" and "1": the first count's name carries the line's prefix).
awk -F'[:,]' '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(/ /, "", $i);
    if ($i ~ /(^|-)Failed$/) f += $(i+1); if ($i ~ /(^|-)Passed$/) p += $(i+1); if ($i ~ /(^|-)Skipped$/) s += $(i+1) } }
    END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
