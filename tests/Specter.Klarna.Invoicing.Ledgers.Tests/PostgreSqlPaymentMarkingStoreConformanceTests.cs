using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.PostgreSql;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Ledgers.Tests;

/// <summary>The PostgreSQL payment-marking store passes the conformance kit; each store has its own data source, as app servers would.</summary>
[RequiresPostgreSql]
public sealed class PostgreSqlPaymentMarkingStoreConformanceTests : PaymentMarkingStoreConformanceTests, IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    protected override async Task<(IKlarnaInvoiceLedger Ledger, IKlarnaPaymentMarkingStore Store)> CreateStoreAsync()
    {
        var ledger = new PostgreSqlKlarnaInvoiceLedger(PostgreSqlEnvironment.RequireConnectionString());
        await ledger.InitializeAsync();
        _owned.Add(ledger);
        return (ledger, await CreateSecondConnectionStoreAsync());
    }

    protected override Task<IKlarnaPaymentMarkingStore> CreateSecondConnectionStoreAsync()
    {
        var store = new PostgreSqlKlarnaPaymentMarkingStore(PostgreSqlEnvironment.RequireConnectionString());
        _owned.Add(store);
        return Task.FromResult<IKlarnaPaymentMarkingStore>(store);
    }
}
