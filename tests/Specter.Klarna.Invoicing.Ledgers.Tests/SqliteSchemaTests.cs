using Microsoft.Data.Sqlite;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Sqlite;

namespace Specter.Klarna.Invoicing.Ledgers.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specter-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "ledger.db");

    [Fact]
    public async Task FirstUse_WithoutInitialize_CreatesSchemaInWalMode()
    {
        var ledger = new SqliteKlarnaInvoiceLedger(DatabasePath);

        (await ledger.ListUnsettledAsync()).Invoices.Should().BeEmpty();

        (await ScalarAsync("PRAGMA journal_mode;")).Should().Be("wal");
        (await ScalarAsync("SELECT version FROM klarna_ledger_schema;")).Should().Be(4L);
    }

    [Fact]
    public async Task NewerSchema_IsRefusedWithTypedError()
    {
        await new SqliteKlarnaInvoiceLedger(DatabasePath).InitializeAsync();
        await ScalarAsync("UPDATE klarna_ledger_schema SET version = 99;");

        var act = () => new SqliteKlarnaInvoiceLedger(DatabasePath).FindAsync("1");

        var error = (await act.Should().ThrowAsync<KlarnaLedgerSchemaException>()).Which;
        error.DatabaseVersion.Should().Be(99);
        error.SupportedVersion.Should().Be(4);
        error.Message.Should().Contain("upgrade the package");
    }

    [Fact]
    public async Task Initialize_Twice_AndFromManyInstancesAtOnce_IsIdempotent()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new SqliteKlarnaInvoiceLedger(DatabasePath).InitializeAsync())));
        var ledger = new SqliteKlarnaInvoiceLedger(DatabasePath);
        await ledger.InitializeAsync();
        await ledger.InitializeAsync();

        (await ScalarAsync("SELECT count(*) FROM klarna_ledger_schema;")).Should().Be(1L);
    }

    [Fact]
    public async Task InstallationNamespace_IsCreatedOnce_AndSharedByEveryInstance()
    {
        var first = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new SqliteKlarnaInvoiceLedger(DatabasePath).GetOrCreateInstallationNamespaceAsync())));
        var later = await new SqliteKlarnaInvoiceLedger(DatabasePath).GetOrCreateInstallationNamespaceAsync();

        first.Distinct().Should().ContainSingle().Which.Should().Be(later).And.NotBe(Guid.Empty);
    }

    [Fact]
    public async Task UnsettledRule_IsEnforcedByTheDatabaseItself()
    {
        var ledger = new SqliteKlarnaInvoiceLedger(DatabasePath);
        await ledger.InitializeAsync();
        await ScalarAsync("INSERT INTO klarna_invoices (invoice_number, order_number, klarna_order_id, state, attempt, created_at, updated_at, recovery_attempts, version, plan) VALUES ('1', 'O', 'K', 1, 1, 'x', 'x', 0, 1, '{}');");

        var act = () => ScalarAsync("INSERT INTO klarna_invoices (invoice_number, order_number, klarna_order_id, state, attempt, created_at, updated_at, recovery_attempts, version, plan) VALUES ('2', 'O', 'K', 4, 1, 'x', 'x', 0, 2, '{}');");

        (await act.Should().ThrowAsync<SqliteException>()).Which.Message.Should().Contain("UNIQUE constraint failed: klarna_invoices.klarna_order_id");
    }

    [Fact]
    public async Task VersionOneDatabase_IsMigrated_KeepingItsRows()
    {
        await ScalarAsync(SqliteSchemaSql.VersionTable + SqliteSchemaSql.Version1 + "INSERT INTO klarna_ledger_schema (id, version) VALUES (1, 1);");
        await ScalarAsync("INSERT INTO klarna_invoices (invoice_number, order_number, klarna_order_id, state, attempt, created_at, updated_at, recovery_attempts, version, plan) "
            + $"VALUES ('OLD-1', 'O', 'K', 4, 1, '2026-11-30T10:00:00.0000000Z', '2026-11-30T10:00:00.0000000Z', 0, 1, '{LedgerRows.PlanJson}');");

        var ledger = new SqliteKlarnaInvoiceLedger(DatabasePath);
        var old = await ledger.FindAsync("OLD-1");

        old!.State.Should().Be(ActivationState.Unknown);
        old.LastSentAt.Should().BeNull();
        old.PlannedFrom.Should().BeNull();
        old.DocumentKind.Should().Be(LedgerDocumentKind.Invoice, "rows from before credit invoices are invoices");
        old.CreditedInvoiceNumber.Should().BeNull();
        (await ScalarAsync("SELECT version FROM klarna_ledger_schema;")).Should().Be(4L);
        (await ledger.ListUnsettledAsync()).Invoices.Should().ContainSingle().Which.InvoiceNumber.Should().Be("OLD-1");
    }

    [Fact]
    public async Task UnreadableRows_AreTypedErrors_AndListedApartFromTheReadableOnes()
    {
        var ledger = new SqliteKlarnaInvoiceLedger(DatabasePath);
        await ledger.InitializeAsync();
        await ScalarAsync("INSERT INTO klarna_invoices (invoice_number, order_number, klarna_order_id, state, attempt, created_at, updated_at, recovery_attempts, version, plan) VALUES "
            + $"('GOOD', 'O', 'K1', 4, 1, '2026-11-30T10:00:00.0000000Z', '2026-11-30T10:00:00.0000000Z', 0, 1, '{LedgerRows.PlanJson}'), "
            + "('BAD-JSON', 'O', 'K2', 1, 1, '2026-11-30T10:00:00.0000000Z', '2026-11-30T10:00:00.0000000Z', 0, 2, '{not json'), "
            + $"('NEWER', 'O', 'K3', 9, 1, '2026-11-30T10:00:00.0000000Z', '2026-11-30T10:00:00.0000000Z', 0, 3, '{LedgerRows.PlanJson}');");

        var scan = await ledger.ListUnsettledAsync();

        scan.Invoices.Should().ContainSingle().Which.InvoiceNumber.Should().Be("GOOD");
        scan.Unreadable.Should().ContainSingle().Which.InvoiceNumber.Should().Be("BAD-JSON");
        var newer = () => ledger.FindAsync("NEWER");
        (await newer.Should().ThrowAsync<KlarnaLedgerRowException>()).Which.Message.Should().Contain("NEWER").And.Contain("state 9");
        var byOrder = () => ledger.GetByOrderAsync("O");
        await byOrder.Should().ThrowAsync<KlarnaLedgerRowException>();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
