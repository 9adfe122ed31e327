#!/usr/bin/env bash
# Runs every test of BenefitsTracker on a fresh machine: installs what the tests need when it is
# missing (LibreOffice recalculates the workbook, Chromium renders the pages with a font, sqlite3
# is the benchmark reference, PostgreSQL's server runs throwaway clusters for the second provider),
# then `dotnet test` over the whole solution.
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

# The tests that drive LibreOffice, Chromium and PostgreSQL fail, rather than skip, when this is set.
export BENEFITS_REQUIRE_TOOLS=1
log=$(mktemp)
set +e
dotnet test BenefitsTracker.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over the test projects ("Failed!  - Failed:     1, Passed: ..." splits into
# "Failed!-Failed" and "1": the first count's name carries the line's prefix).
awk -F'[:,]' '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(/ /, "", $i);
    if ($i ~ /(^|-)Failed$/) f += $(i+1); if ($i ~ /(^|-)Passed$/) p += $(i+1); if ($i ~ /(^|-)Skipped$/) s += $(i+1) } }
    END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
