#!/usr/bin/env bash
# Consumer test: packs the shipped packages and the tool into a temporary local feed, then builds and runs a tiny
# console app that references the *packages* (not the projects) and whose Program.cs is the C# of docs/getting-started.md:
# it activates an invoice against the Klarna simulator, then shows Klarna's own refusal text through the simulator's
# refusal fault. Also installs the tool from the feed and runs its demo.
# Usage: eng/pack-and-consume.sh      (called by .ci/run after the README's test command)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/klarna-consumer.XXXXXX")
# A version no earlier run used, so the global packages folder can never serve a stale copy.
version="0.0.0-consumer.$(date +%s).$$"
cleanup() {
  rm -rf "$work"
  for id in specter.klarna.invoicing specter.klarna.invoicing.testing specter.klarna.invoicing.testing.conformance specter.klarna.invoicing.sqlite specter.klarna.invoicing.postgresql specter.klarna.invoicing.healthchecks specter.klarna.invoicing.cli; do
    rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$id/$version"
  done
}
trap cleanup EXIT
feed="$work/feed"
mkdir -p "$feed"

projects=(src/Specter.Klarna.Invoicing src/Specter.Klarna.Invoicing.Testing src/Specter.Klarna.Invoicing.Testing.Conformance)
[ -d "$root/src/Specter.Klarna.Invoicing.Sqlite" ] && projects+=(src/Specter.Klarna.Invoicing.Sqlite)
[ -d "$root/src/Specter.Klarna.Invoicing.PostgreSql" ] && projects+=(src/Specter.Klarna.Invoicing.PostgreSql)
[ -d "$root/src/Specter.Klarna.Invoicing.HealthChecks" ] && projects+=(src/Specter.Klarna.Invoicing.HealthChecks)
projects+=(src/Specter.Klarna.Invoicing.Cli)

for project in "${projects[@]}"; do
  echo "pack: $project ($version)"
  dotnet pack "$root/$project" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet
done

# Every package: a .snupkg beside it, a README, a license expression and repository metadata.
for project in "${projects[@]}"; do
  id=$(basename "$project")
  nupkg="$feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || { echo "missing $nupkg" >&2; exit 1; }
  [ -f "$feed/$id.$version.snupkg" ] || { echo "missing symbols package for $id" >&2; exit 1; }
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || { echo "$id: no package README" >&2; exit 1; }
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || { echo "$id: no license expression" >&2; exit 1; }
  grep -q '<repository type="git"' <<<"$nuspec" || { echo "$id: no repository metadata" >&2; exit 1; }
  listing=$(unzip -l "$nupkg")
  grep -q ' README.md$' <<<"$listing" || { echo "$id: README.md not in the package" >&2; exit 1; }
done
echo "packages: ${#projects[@]} packed with symbols, README, license and repository metadata"

consumer="$work/consumer"
mkdir -p "$consumer"
# The local feed for Specter.*, everything else from the standard "nuget.org" source of the user's NuGet configuration
# (the address is never spelled out in the repository).
cat > "$consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="Specter.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
cat > "$consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Specter.Klarna.Invoicing" Version="$version" />
    <PackageReference Include="Specter.Klarna.Invoicing.Testing" Version="$version" />
    <PackageReference Include="Specter.Klarna.Invoicing.HealthChecks" Version="$version" />
  </ItemGroup>
</Project>
XML
# The program is docs/getting-started.md's C# blocks, verbatim and in order: the docs are what a newcomer copies.
python3 - "$root/docs/getting-started.md" > "$consumer/Program.cs" <<'PY'
import re, sys
blocks = re.findall(r"```csharp\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), re.S)
if len(blocks) < 2:
    sys.exit("docs/getting-started.md: expected the C# blocks of sections 3 and 4")
print("".join(blocks))
PY

echo "consumer: restore, build and run against the local feed"
(cd "$consumer" && dotnet run -c Release --nologo -v quiet) | tee "$work/consumer.out"
grep -qx 'Activated' "$work/consumer.out" || { echo "the getting-started program did not activate its invoice" >&2; exit 1; }
grep -qx 'Failed' "$work/consumer.out" || { echo "the getting-started program's refused invoice is not Failed" >&2; exit 1; }
grep -q '^Klarna refused the activation: CAPTURE_NOT_ALLOWED: Capture not allowed. The order is under review.' "$work/consumer.out" \
  || { echo "the getting-started program does not show Klarna's refusal text" >&2; exit 1; }

echo "tool: install from the local feed and run the demo"
# From the consumer folder, so its nuget.config (local feed + the user's "nuget.org") applies.
(cd "$consumer" && dotnet tool install Specter.Klarna.Invoicing.Cli --version "$version" --tool-path "$work/tools" >/dev/null)
"$work/tools/klarna-invoicing" demo --lang en > "$work/demo.out"
grep -q 'Demo finished' "$work/demo.out"
tail -n 1 "$work/demo.out"
echo "pack-and-consume: OK"
