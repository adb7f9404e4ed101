// Usage: LedgerHost <sqlite|postgres> <database path or connection string> <simulator base address> <rounds file> <start unix ms> <round interval ms>
// The rounds file has one line per round: the Klarna order's ERP order as JSON (InvoicingOrderJson), a tab, the invoice number.
// Every process given the same arguments calls CreateInvoiceAsync for round i at start + i × interval, so processes race each round.
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.PostgreSql;
using Specter.Klarna.Invoicing.Sqlite;

string kind = args[0];
string location = args[1];
var baseAddress = new Uri(args[2]);
var rounds = File.ReadAllLines(args[3]).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[4], CultureInfo.InvariantCulture));
var interval = TimeSpan.FromMilliseconds(int.Parse(args[5], CultureInfo.InvariantCulture));

IKlarnaInvoiceLedger ledger;
Guid idempotencyNamespace;
if (kind == "sqlite")
{
    var sqlite = new SqliteKlarnaInvoiceLedger(location);
    idempotencyNamespace = await sqlite.GetOrCreateInstallationNamespaceAsync();
    ledger = sqlite;
}
else
{
    var postgres = new PostgreSqlKlarnaInvoiceLedger(location);
    idempotencyNamespace = await postgres.GetOrCreateInstallationNamespaceAsync();
    ledger = postgres;
}

var services = new ServiceCollection();
services.AddLogging();
services.AddKlarnaInvoicing(o =>
    {
        o.IdempotencyNamespace = idempotencyNamespace;
        o.Merchants["SE"] = new KlarnaMerchantOptions { BaseAddress = baseAddress, Username = "PK_SE_user", Password = "se-secret-password" };
    })
    .AddLedger(_ => ledger);
await using var provider = services.BuildServiceProvider();
var invoicing = provider.GetRequiredService<IKlarnaInvoicing>();

for (int i = 0; i < rounds.Count; i++)
{
    var order = InvoicingOrderJson.Parse(rounds[i][0]);
    var wait = start + (interval * i) - TimeProvider.System.GetUtcNow();
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }

    try
    {
        var result = await invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = rounds[i][1] });
        Console.WriteLine($"{i}\t{result.Status.State}");
    }
    catch (KlarnaInvoicingRuleException e)
    {
        Console.WriteLine($"{i}\trefused:{e.Rule}");
    }
}

if (ledger is IAsyncDisposable disposable)
{
    await disposable.DisposeAsync();
}
