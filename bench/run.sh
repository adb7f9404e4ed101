#!/usr/bin/env bash
# Runs every benchmark and writes a results table (machine, date, commit, each figure, its baseline and the ratio) into
# docs/performance.md between the "bench-results" markers.
# Usage: bench/run.sh           short job (3 warm-ups, 3 iterations): minutes; a reading, not a reference
#        bench/run.sh --full    BenchmarkDotNet's default job: the real run (run it on a quiet machine)
#        bench/run.sh --dry     each benchmark once (CI: proves they build and run; writes nothing, no timing gate)
# Extra arguments go to BenchmarkDotNet (for example --filter '*Planning*'); with a --filter, the batch step is skipped.
# Then the batch step (not BenchmarkDotNet: one operation is a whole batch): batch throughput on SQLite (and PostgreSQL
# when SPECTER_KLARNA_POSTGRES is set) against its floor, the rate-limited batch and the cold starts, written between the
# "batch-results" markers. Sizes: --dry 20 invoices over 4 orders; short 1 000 over 200; --full 10 000 over 2 000.
# --batch-only skips BenchmarkDotNet; --no-batch skips the batch step. SPECTER_BENCH_CLI_R2R=DIR adds the tool's cold
# start from a ReadyToRun publish in DIR (--full publishes one itself).
set -euo pipefail
cd "$(dirname "$0")/.."
job=short
write=1
batch=1
bdn=1
args=()
for arg in "$@"; do
  case "$arg" in
    --full) job=default ;;
    --dry) job=dry; write=0 ;;
    --batch-only) bdn=0 ;;
    --no-batch) batch=0 ;;
    *) args+=("$arg") ;;
  esac
done
if [ ${#args[@]} -gt 0 ]; then batch=0; else args=(--filter '*'); fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
project=bench/Specter.Klarna.Invoicing.Benchmarks
dotnet build "$project" -c Release --nologo -v quiet
artifacts=$(mktemp -d "${TMPDIR:-/tmp}/specter-bench.XXXXXX")
trap 'rm -rf "$artifacts"' EXIT
bench_dll="$project/bin/Release/net10.0/Specter.Klarna.Invoicing.Benchmarks.dll"

run_batch() {
  case "$job" in
    dry) sizes=(--invoices 20 --orders 4 --rate-invoices 40 --cold-runs 1) ;;
    short) sizes=(--invoices 1000 --orders 200 --rate-invoices 1000 --cold-runs 3) ;;
    *) sizes=(--invoices 10000 --orders 2000 --rate-invoices 2000 --cold-runs 5) ;;
  esac
  # The tool's cold start needs the tool built (CI's test run has built it already).
  dotnet build src/Specter.Klarna.Invoicing.Cli -c Release --nologo -v quiet
  if [ "$job" = default ] && [ -z "${SPECTER_BENCH_CLI_R2R:-}" ]; then
    export SPECTER_BENCH_CLI_R2R="$artifacts/cli-r2r"
    dotnet publish src/Specter.Klarna.Invoicing.Cli -c Release -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -o "$SPECTER_BENCH_CLI_R2R" --nologo -v quiet
  fi
  dotnet "$bench_dll" --batch "${sizes[@]}" --out "$artifacts/batch.md"
  if [ "$write" = 1 ]; then
    python3 - "$artifacts/batch.md" docs/performance.md <<'PY'
import sys
table = open(sys.argv[1], encoding="utf-8").read().strip()
path = sys.argv[2]
doc = open(path, encoding="utf-8").read()
begin, end = "<!-- batch-results:begin -->", "<!-- batch-results:end -->"
head, rest = doc.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w", encoding="utf-8").write(head + begin + "\n" + table + "\n" + end + tail)
PY
    echo "batch results written to docs/performance.md"
  fi
}

if [ "$bdn" = 0 ]; then
  [ "$batch" = 1 ] && run_batch
  exit 0
fi
# In-process: no per-class project generation and build (minutes on a small machine); same JIT, same GC settings.
dotnet "$bench_dll" \
  --job "$job" --inProcess --exporters json --artifacts "$artifacts" --stopOnFirstError "${args[@]}"

results=("$artifacts"/results/*-report-full-compressed.json)
[ -e "${results[0]}" ] || { echo "no benchmark results in $artifacts" >&2; exit 1; }
if [ "$write" = 0 ]; then
  echo "dry run: ${#results[@]} benchmark classes ran; docs/performance.md not touched"
  [ "$batch" = 1 ] && run_batch
  exit 0
fi
python3 bench/results-table.py "$job" "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '+local changes')" \
  docs/performance.md "${results[@]}"
echo "results written to docs/performance.md"
[ "$batch" = 1 ] && run_batch
exit 0
