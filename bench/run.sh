#!/usr/bin/env bash
# Runs every benchmark and writes a results table (machine, date, commit, each figure, its baseline and the ratio) into
# docs/performance.md between the "bench-results" markers.
# Usage: bench/run.sh           short job (3 warm-ups, 3 iterations): minutes; a reading, not a reference
#        bench/run.sh --full    BenchmarkDotNet's default job: the real run (run it on a quiet machine)
#        bench/run.sh --dry     each benchmark once (CI: proves they build and run; writes nothing, no timing gate)
# Extra arguments go to BenchmarkDotNet (for example --filter '*Planning*').
set -euo pipefail
cd "$(dirname "$0")/.."
job=short
write=1
args=()
for arg in "$@"; do
  case "$arg" in
    --full) job=default ;;
    --dry) job=dry; write=0 ;;
    *) args+=("$arg") ;;
  esac
done
[ ${#args[@]} -gt 0 ] || args=(--filter '*')

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
project=bench/Specter.Klarna.Invoicing.Benchmarks
dotnet build "$project" -c Release --nologo -v quiet
artifacts=$(mktemp -d "${TMPDIR:-/tmp}/specter-bench.XXXXXX")
trap 'rm -rf "$artifacts"' EXIT
# In-process: no per-class project generation and build (minutes on a small machine); same JIT, same GC settings.
dotnet "$project/bin/Release/net10.0/Specter.Klarna.Invoicing.Benchmarks.dll" \
  --job "$job" --inProcess --exporters json --artifacts "$artifacts" --stopOnFirstError "${args[@]}"

results=("$artifacts"/results/*-report-full-compressed.json)
[ -e "${results[0]}" ] || { echo "no benchmark results in $artifacts" >&2; exit 1; }
if [ "$write" = 0 ]; then
  echo "dry run: ${#results[@]} benchmark classes ran; docs/performance.md not touched"
  exit 0
fi
python3 bench/results-table.py "$job" "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '+local changes')" \
  docs/performance.md "${results[@]}"
echo "results written to docs/performance.md"
