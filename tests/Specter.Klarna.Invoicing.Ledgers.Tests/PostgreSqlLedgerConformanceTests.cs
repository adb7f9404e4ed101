using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.PostgreSql;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Ledgers.Tests;

/// <summary>The PostgreSQL ledger passes the conformance kit; each ledger has its own data source (its own connections), as app servers would.</summary>
[RequiresPostgreSql]
public sealed class PostgreSqlLedgerConformanceTests : LedgerConformanceTests
{
    protected override async Task<IKlarnaInvoiceLedger> CreateLedgerAsync()
    {
        var ledger = new PostgreSqlKlarnaInvoiceLedger(PostgreSqlEnvironment.RequireConnectionString());
        await ledger.InitializeAsync();
        return ledger;
    }

    protected override Task<IKlarnaInvoiceLedger> CreateSecondConnectionLedgerAsync() => CreateLedgerAsync();
}
