using Microsoft.Data.Sqlite;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Sqlite;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Ledgers.Tests;

/// <summary>The SQLite payment-marking store passes the conformance kit; a second "connection" is a second store on the same file.</summary>
public sealed class SqlitePaymentMarkingStoreConformanceTests : PaymentMarkingStoreConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specter-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "ledger.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected override async Task<(IKlarnaInvoiceLedger Ledger, IKlarnaPaymentMarkingStore Store)> CreateStoreAsync()
    {
        var ledger = new SqliteKlarnaInvoiceLedger(DatabasePath);
        await ledger.InitializeAsync();
        return (ledger, new SqliteKlarnaPaymentMarkingStore(DatabasePath));
    }

    protected override Task<IKlarnaPaymentMarkingStore> CreateSecondConnectionStoreAsync() =>
        Task.FromResult<IKlarnaPaymentMarkingStore>(new SqliteKlarnaPaymentMarkingStore(DatabasePath));
}
