using Npgsql;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.PostgreSql;

namespace Specter.Klarna.Invoicing.Ledgers.Tests;

/// <summary>Schema tests in a fresh PostgreSQL schema each (set through the search path), so they never disturb the shared tables.</summary>
public sealed class PostgreSqlSchemaTests : IAsyncLifetime
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
    private NpgsqlDataSource? _dataSource;

    private NpgsqlDataSource DataSource => _dataSource!;

    public async Task InitializeAsync()
    {
        if (PostgreSqlEnvironment.SkipReason is not null)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgreSqlEnvironment.RequireConnectionString()) { SearchPath = _schema };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var command = _dataSource.CreateCommand($"CREATE SCHEMA {_schema};");
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await using (var command = _dataSource.CreateCommand($"DROP SCHEMA {_schema} CASCADE;"))
            {
                await command.ExecuteNonQueryAsync();
            }

            await _dataSource.DisposeAsync();
        }
    }

    [PostgreSqlFact]
    public async Task InitializeFromManyServersAtOnce_CreatesOneSchemaVersion()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new PostgreSqlKlarnaInvoiceLedger(DataSource).InitializeAsync())));

        await using var command = DataSource.CreateCommand("SELECT version FROM klarna_ledger_schema;");
        (await command.ExecuteScalarAsync()).Should().Be(4);
    }

    [PostgreSqlFact]
    public async Task NewerSchema_IsRefusedWithTypedError()
    {
        await new PostgreSqlKlarnaInvoiceLedger(DataSource).InitializeAsync();
        await using (var command = DataSource.CreateCommand("UPDATE klarna_ledger_schema SET version = 7;"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var act = () => new PostgreSqlKlarnaInvoiceLedger(DataSource).ListUnsettledAsync();

        var error = (await act.Should().ThrowAsync<KlarnaLedgerSchemaException>()).Which;
        error.DatabaseVersion.Should().Be(7);
        error.SupportedVersion.Should().Be(4);
    }

    [PostgreSqlFact]
    public async Task UnsettledRule_IsAUniquePartialIndexInTheDatabase()
    {
        await new PostgreSqlKlarnaInvoiceLedger(DataSource).InitializeAsync();

        await using var command = DataSource.CreateCommand("SELECT indexdef FROM pg_indexes WHERE indexname = 'ux_klarna_invoices_one_unsettled_per_klarna_order' AND schemaname = current_schema();");
        var definition = (string?)await command.ExecuteScalarAsync();

        definition.Should().Contain("CREATE UNIQUE INDEX").And.Contain("(klarna_order_id)").And.Contain("WHERE (state = ANY (ARRAY[1, 4]))");
    }

    [PostgreSqlFact]
    public async Task InstallationNamespace_IsCreatedOnce()
    {
        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new PostgreSqlKlarnaInvoiceLedger(DataSource).GetOrCreateInstallationNamespaceAsync())));

        all.Distinct().Should().ContainSingle().Which.Should().NotBe(Guid.Empty);
    }

    [PostgreSqlFact]
    public async Task HostDataSourceThatEnlists_StillKeepsRowsWhenTheHostsTransactionRollsBack()
    {
        var builder = new NpgsqlConnectionStringBuilder(DataSource.ConnectionString) { Enlist = true };
        await using var enlisting = NpgsqlDataSource.Create(builder.ConnectionString);
        var ledger = new PostgreSqlKlarnaInvoiceLedger(enlisting);
        await ledger.InitializeAsync();

        using (new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled))
        {
            var invoice = new LedgerInvoice
            {
                InvoiceNumber = "TX-1",
                OrderNumber = "O",
                KlarnaOrderId = "K",
                State = ActivationState.Pending,
                CreatedAt = DateTimeOffset.UnixEpoch,
                UpdatedAt = DateTimeOffset.UnixEpoch,
                Plan = InvoicePlanJson.Deserialize(LedgerRows.PlanJson),
            };
            (await ledger.TryAddAsync(invoice)).Status.Should().Be(LedgerAddStatus.Added);

            // Disposed without Complete(): the host rolls back its own work.
        }

        (await ledger.FindAsync("TX-1")).Should().NotBeNull("the record of a capture intent must survive the host's rollback");
    }

    [PostgreSqlFact]
    public async Task UnreadableRows_AreTypedErrors_AndListedApartFromTheReadableOnes()
    {
        var ledger = new PostgreSqlKlarnaInvoiceLedger(DataSource);
        await ledger.InitializeAsync();
        const string columns = "invoice_number, order_number, klarna_order_id, state, attempt, created_at, updated_at, recovery_attempts, plan, version";
        await using (var insert = DataSource.CreateCommand(
            $"INSERT INTO klarna_invoices ({columns}) VALUES "
            + "('GOOD', 'O', 'K1', 4, 1, now(), now(), 0, $1::jsonb, nextval('klarna_invoice_version_seq')), "
            + "('BAD-PLAN', 'O', 'K2', 1, 1, now(), now(), 0, '{\"currency\": 1}'::jsonb, nextval('klarna_invoice_version_seq')), "
            + "('NEWER', 'O', 'K3', 9, 1, now(), now(), 0, $1::jsonb, nextval('klarna_invoice_version_seq'));"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = LedgerRows.PlanJson });
            await insert.ExecuteNonQueryAsync();
        }

        var scan = await ledger.ListUnsettledAsync();

        scan.Invoices.Should().ContainSingle().Which.InvoiceNumber.Should().Be("GOOD");
        scan.Unreadable.Should().ContainSingle().Which.InvoiceNumber.Should().Be("BAD-PLAN");
        var newer = () => ledger.FindAsync("NEWER");
        (await newer.Should().ThrowAsync<KlarnaLedgerRowException>()).Which.Message.Should().Contain("NEWER").And.Contain("state 9");
    }
}
