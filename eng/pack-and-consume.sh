#!/usr/bin/env bash
# Consumer test: packs the shipped packages and the tool into a temporary local feed, then builds and runs a tiny
# console app that references the *packages* (not the projects): it registers AddKlarnaInvoicing and the health checks,
# starts the Klarna simulator and activates an invoice, checks health, printing "activated". Also installs the tool from the feed and runs its demo.
# Usage: eng/pack-and-consume.sh      (called by .ci/run after the README's test command)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/klarna-consumer.XXXXXX")
# A version no earlier run used, so the global packages folder can never serve a stale copy.
version="0.0.0-consumer.$(date +%s).$$"
cleanup() {
  rm -rf "$work"
  for id in specter.klarna.invoicing specter.klarna.invoicing.testing specter.klarna.invoicing.sqlite specter.klarna.invoicing.postgresql specter.klarna.invoicing.healthchecks specter.klarna.invoicing.cli; do
    rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$id/$version"
  done
}
trap cleanup EXIT
feed="$work/feed"
mkdir -p "$feed"

projects=(src/Specter.Klarna.Invoicing src/Specter.Klarna.Invoicing.Testing)
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
cat > "$consumer/Program.cs" <<'CS'
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing;
using Specter.Klarna.Invoicing.Testing;

await using var klarna = new KlarnaSimulator().AddMerchant("PK_consumer", "consumer-secret");
Uri baseUrl = await klarna.StartServerAsync();

var services = new ServiceCollection();
services.AddLogging();
services
    .AddKlarnaInvoicing(o =>
    {
        o.IdempotencyNamespace = Guid.NewGuid();
        o.Merchants["SE"] = new KlarnaMerchantOptions { BaseAddress = baseUrl, Username = "PK_consumer", Password = "consumer-secret" };
    })
    .UseInMemoryLedger(); // from Specter.Klarna.Invoicing.Testing
services.AddHealthChecks().AddKlarnaInvoicingHealthChecks(o => o.CheckKlarna = true);
await using var provider = services.BuildServiceProvider();
var invoicing = provider.GetRequiredService<IKlarnaInvoicing>();

string klarnaOrderId = klarna.SeedOrder(new SimulatedOrder
{
    Currency = "SEK",
    OrderAmount = 25_000,
    OrderLines = [new SimulatedOrderLine { Name = "Stol", Quantity = 1, UnitPrice = 25_000 }],
});
var order = new InvoicingOrder
{
    OrderNumber = "C-1",
    Currency = "SEK",
    KlarnaOrderId = klarnaOrderId,
    Lines = [new InvoicingOrderLine { LineId = "1", Description = "Stol", Quantity = 1, DeliveredQuantity = 1, UnitPrice = 250.00m, VatRate = 25 }],
};

var proposal = await invoicing.ProposeAsync(order);
var result = await invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "C-1001" });
klarna.AssertCapturedExactlyOnce(klarnaOrderId, "C-1001");
if (result.Status.State != ActivationState.Activated || proposal.Plan?.Total != result.Plan.Total)
{
    Console.Error.WriteLine($"expected activated, got {result.Status.State}: {result.Status.GetTooltip()}");
    return 1;
}

var health = await provider.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();
if (health.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
{
    Console.Error.WriteLine($"expected healthy, got {health.Status}");
    return 1;
}

Console.WriteLine("activated");
return 0;
CS

echo "consumer: restore, build and run against the local feed"
(cd "$consumer" && dotnet run -c Release --nologo -v quiet) | tee "$work/consumer.out"
grep -qx 'activated' "$work/consumer.out"

echo "tool: install from the local feed and run the demo"
# From the consumer folder, so its nuget.config (local feed + the user's "nuget.org") applies.
(cd "$consumer" && dotnet tool install Specter.Klarna.Invoicing.Cli --version "$version" --tool-path "$work/tools" >/dev/null)
"$work/tools/klarna-invoicing" demo --lang en > "$work/demo.out"
grep -q 'Demo finished' "$work/demo.out"
tail -n 1 "$work/demo.out"
echo "pack-and-consume: OK"
