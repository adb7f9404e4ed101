#!/usr/bin/env bash
# Adds every symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's PublicAPI.Unshipped.txt
# and drops the ones reported as removed (RS0017). Review the diff: the approval files are the public-API record.
# Usage: eng/update-public-api.sh src/Specter.Klarna.Invoicing
set -euo pipefail
project_dir=${1:?project directory}
unshipped="$project_dir/PublicAPI.Unshipped.txt"
log=$(mktemp)
dotnet build "$project_dir" -c Release --no-incremental -p:TreatWarningsAsErrors=false 2>&1 > "$log" || true
python3 - "$log" "$unshipped" <<'PY'
import re, sys
log, path = sys.argv[1], sys.argv[2]
text = open(log, encoding="utf-8").read()
added = set(re.findall(r"RS0016: Symbol '(.+?)' is not part of the declared public API", text))
removed = set(re.findall(r"RS0017: Symbol '(.+?)' is part of the declared API, but is either not public or could not be found", text))
lines = [l.rstrip("\n") for l in open(path, encoding="utf-8")]
body = [l for l in lines if l and not l.startswith("#") and l not in removed]
body = sorted(set(body) | added, key=lambda s: s.lower())
open(path, "w", encoding="utf-8").write("#nullable enable\n" + "".join(l + "\n" for l in body))
print(f"added {len(added)}, removed {len(removed & set(lines))}")
PY
rm -f "$log"
