using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Cli.Ledger;

/// <summary>Chooses the ledger implementation of the CLI. <b>The single place to switch to SQLite.</b></summary>
internal static class LedgerFactories
{
    // ──────────────────────────────────────────────────────────────────────────────────────────────────────────
    // SWITCH TO SQLITE HERE (when branch `ledger` is merged):
    //   1. add <ProjectReference Include="..\Specter.Klarna.Invoicing.Sqlite\Specter.Klarna.Invoicing.Sqlite.csproj" />
    //      to Specter.Klarna.Invoicing.Cli.csproj;
    //   2. replace the line below with:  public static ILedgerFactory Default { get; } = new SqliteLedgerFactory();
    //      and un-comment SqliteLedgerFactory at the end of this file.
    // Nothing else in the CLI names a ledger type.
    // ──────────────────────────────────────────────────────────────────────────────────────────────────────────
    public static ILedgerFactory Default { get; } = new InMemoryLedgerFactory();
}

/// <summary>The interim ledger: process-local memory. Invoices are forgotten when the process ends, so <c>status</c> and
/// <c>recover</c> only see invoices made in the same run (the demo and <c>invoice-all</c>).</summary>
internal sealed class InMemoryLedgerFactory : ILedgerFactory
{
    public Task<CliLedger> OpenAsync(string databasePath, CancellationToken cancellationToken) =>
        Task.FromResult(new CliLedger(
            new InMemoryKlarnaInvoiceLedger(),
            Guid.NewGuid(),
            $"note: this build keeps the ledger in memory (the SQLite ledger is not wired yet), so '{databasePath}' is not used and nothing is remembered after this run."));
}

// internal sealed class SqliteLedgerFactory : ILedgerFactory
// {
//     public async Task<CliLedger> OpenAsync(string databasePath, CancellationToken cancellationToken)
//     {
//         var ledger = new Specter.Klarna.Invoicing.Sqlite.SqliteKlarnaInvoiceLedger(databasePath);
//         await ledger.InitializeAsync(cancellationToken).ConfigureAwait(false);
//         Guid installation = await ledger.GetOrCreateInstallationNamespaceAsync(cancellationToken).ConfigureAwait(false);
//         return new CliLedger(ledger, installation, Notice: null);
//     }
// }
