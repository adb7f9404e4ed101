using Microsoft.Data.Sqlite;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Sqlite;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Ledgers.Tests;

/// <summary>The SQLite ledger passes the conformance kit; the second "connection" is a second ledger instance on the same file.</summary>
public sealed class SqliteLedgerConformanceTests : LedgerConformanceTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specter-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "ledger.db");

    protected override async Task<IKlarnaInvoiceLedger> CreateLedgerAsync()
    {
        var ledger = new SqliteKlarnaInvoiceLedger(DatabasePath);
        await ledger.InitializeAsync();
        return ledger;
    }

    protected override Task<IKlarnaInvoiceLedger> CreateSecondConnectionLedgerAsync() => CreateLedgerAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
