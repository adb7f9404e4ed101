using Specter.Klarna.Invoicing.Sqlite;

namespace Specter.Klarna.Invoicing.Cli.Ledger;

/// <summary>Chooses the ledger implementation of the CLI: the embedded SQLite ledger at <c>--ledger PATH</c>.</summary>
internal static class LedgerFactories
{
    public static ILedgerFactory Default { get; } = new SqliteLedgerFactory();
}

/// <summary>Opens (creating or migrating) the SQLite ledger; its stored installation namespace keeps idempotency keys stable across runs.</summary>
internal sealed class SqliteLedgerFactory : ILedgerFactory
{
    public async Task<CliLedger> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        SqliteKlarnaInvoiceLedger ledger;
        try
        {
            ledger = new SqliteKlarnaInvoiceLedger(databasePath);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliUsageException("--ledger: " + ex.Message);
        }


        await ledger.InitializeAsync(cancellationToken).ConfigureAwait(false);
        Guid installation = await ledger.GetOrCreateInstallationNamespaceAsync(cancellationToken).ConfigureAwait(false);
        return new CliLedger(ledger, installation, Notice: null) { MarkingStore = new SqliteKlarnaPaymentMarkingStore(databasePath) };
    }
}
