using Microsoft.Data.Sqlite;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Sqlite.Internal;

namespace Specter.Klarna.Invoicing.Sqlite;

/// <summary>An <see cref="IKlarnaInvoiceLedger"/> in an embedded SQLite database file: the default for the CLI, small hosts and tests.</summary>
/// <remarks>
/// <para>Safe for many threads and for several processes on one machine sharing the file: the database runs in WAL mode, every write is one
/// <c>BEGIN IMMEDIATE</c> transaction (waiting up to 30 seconds for another writer), updates and deletes are compare-and-swap on a version
/// column, and "one unsettled invoice per Klarna order" is a unique partial index in the database. Do not put the file on a network share
/// (SQLite's locking is not reliable there); hosts with several app servers use a server database such as PostgreSQL.</para>
/// <para>The schema is created and migrated by <see cref="InitializeAsync"/>, which every method runs on first use if the host did not.
/// A database migrated by a newer version of the package is refused with <see cref="KlarnaLedgerSchemaException"/>.</para>
/// <para>Instants are stored as UTC with full tick precision; the offset of a <see cref="DateTimeOffset"/> is not kept (reads return offset zero, the same instant).</para>
/// </remarks>
public sealed class SqliteKlarnaInvoiceLedger : IKlarnaInvoiceLedger
{
    private const string InstallationNamespaceKey = "installation_namespace";
    private readonly string _connectionString;
    private readonly Lock _gate = new();
    private Task? _initialization;

    /// <summary>Initializes a new instance of the <see cref="SqliteKlarnaInvoiceLedger"/> class.</summary>
    /// <param name="databasePath">The database file; created with its schema on first use if missing.</param>
    /// <exception cref="ArgumentException"><paramref name="databasePath"/> is empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="databasePath"/> does not exist (the file is created, its folder is not).</exception>
    public SqliteKlarnaInvoiceLedger(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        if (Path.GetDirectoryName(Path.GetFullPath(databasePath)) is { } folder && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The ledger folder {folder} does not exist; create it first (the ledger file is created on first use, its folder is not).");
        }

        DatabasePath = databasePath;
        _connectionString = SqliteConnections.BuildConnectionString(databasePath);
    }

    /// <summary>Gets the database file path.</summary>
    public string DatabasePath { get; }

    /// <summary>Creates the schema, or migrates it to the version this package knows, and turns on WAL mode. Safe to call from several processes at once.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the schema is ready.</returns>
    /// <exception cref="KlarnaLedgerSchemaException">The database was migrated by a newer version of the package.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = SqliteSchema.MigrateAsync(_connectionString, CancellationToken.None);
            }

            return _initialization.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Returns this installation's random idempotency namespace, creating and storing it on the first call.</summary>
    /// <remarks>Use it as <c>KlarnaInvoicingOptions.IdempotencyNamespace</c>: it must never change for a database, or retries would use new keys.</remarks>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The namespace; the same for every call and every process using this database.</returns>
    public async Task<Guid> GetOrCreateInstallationNamespaceAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO klarna_ledger_metadata (key, value) VALUES ($key, $value) ON CONFLICT (key) DO NOTHING;
                SELECT value FROM klarna_ledger_metadata WHERE key = $key;
                """;
            command.Parameters.AddWithValue("$key", InstallationNamespaceKey);
            command.Parameters.AddWithValue("$value", Guid.NewGuid().ToString("D"));
            var stored = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return Guid.Parse(stored);
        }
    }

    /// <inheritdoc/>
    public async Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        using var turn = await SqliteWriterGate.EnterAsync(DatabasePath, cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqliteConnections.InWriteTransactionAsync(
                connection,
                async () =>
                {
                    if (await ExistsAsync(connection, invoice.InvoiceNumber, cancellationToken).ConfigureAwait(false))
                    {
                        return new LedgerAddResult(LedgerAddStatus.DuplicateInvoiceNumber);
                    }

                    if (invoice.IsUnsettled && await HasOtherUnsettledAsync(connection, invoice, cancellationToken).ConfigureAwait(false))
                    {
                        return new LedgerAddResult(LedgerAddStatus.KlarnaOrderHasUnsettledCapture);
                    }

                    long version = await NextVersionAsync(connection, cancellationToken).ConfigureAwait(false);
                    using var insert = connection.CreateCommand();
                    insert.CommandText = $"INSERT INTO klarna_invoices ({SqliteRows.Columns}) VALUES ({SqliteRows.Values});";
                    SqliteRows.Bind(insert, invoice, version);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    return new LedgerAddResult(LedgerAddStatus.Added, invoice with { Version = version });
                },
                cancellationToken,
                commit: result => result.Status == LedgerAddStatus.Added).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        using var turn = await SqliteWriterGate.EnterAsync(DatabasePath, cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqliteConnections.InWriteTransactionAsync(
                connection,
                async () =>
                {
                    using var read = connection.CreateCommand();
                    read.CommandText = "SELECT version FROM klarna_invoices WHERE invoice_number = $n;";
                    read.Parameters.AddWithValue("$n", invoice.InvoiceNumber);
                    if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long stored || stored != expectedVersion
                        || (invoice.IsUnsettled && await HasOtherUnsettledAsync(connection, invoice, cancellationToken).ConfigureAwait(false)))
                    {
                        return null;
                    }

                    long version = await NextVersionAsync(connection, cancellationToken).ConfigureAwait(false);
                    using var update = connection.CreateCommand();
                    update.CommandText = $"UPDATE klarna_invoices SET {SqliteRows.Assignments} WHERE invoice_number = $invoice_number AND version = $expected;";
                    SqliteRows.Bind(update, invoice, version);
                    update.Parameters.AddWithValue("$expected", expectedVersion);
                    int rows = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    return rows == 1 ? invoice with { Version = version } : null;
                },
                cancellationToken,
                commit: result => result is not null).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        using var turn = await SqliteWriterGate.EnterAsync(DatabasePath, cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM klarna_invoices WHERE invoice_number = $n AND version = $v;";
            delete.Parameters.AddWithValue("$n", invoiceNumber);
            delete.Parameters.AddWithValue("$v", expectedVersion);
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc/>
    public async Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        var rows = await QueryAsync("WHERE invoice_number = $p", invoiceNumber, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return await QueryAsync("WHERE order_number = $p", orderNumber, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default)
    {
        var unreadable = new List<UnreadableLedgerRow>();
        var invoices = await QueryAsync("WHERE state IN (1, 4)", null, cancellationToken, unreadable).ConfigureAwait(false);
        return new LedgerUnsettledScan(invoices, unreadable);
    }

    private static async Task<bool> ExistsAsync(SqliteConnection connection, string invoiceNumber, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM klarna_invoices WHERE invoice_number = $n;";
        command.Parameters.AddWithValue("$n", invoiceNumber);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private static async Task<bool> HasOtherUnsettledAsync(SqliteConnection connection, LedgerInvoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.KlarnaOrderId is null)
        {
            return false;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM klarna_invoices WHERE klarna_order_id = $k AND state IN (1, 4) AND invoice_number <> $n;";
        command.Parameters.AddWithValue("$k", invoice.KlarnaOrderId);
        command.Parameters.AddWithValue("$n", invoice.InvoiceNumber);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private static async Task<long> NextVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // One counter for the whole ledger: a deleted and re-added invoice never gets a version a stale reader still holds.
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE klarna_ledger_version_counter SET value = value + 1 WHERE id = 1 RETURNING value;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<List<LedgerInvoice>> QueryAsync(string where, string? parameter, CancellationToken cancellationToken, List<UnreadableLedgerRow>? unreadable = null)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {SqliteRows.Columns} FROM klarna_invoices {where} ORDER BY seq;";
            if (parameter is not null)
            {
                command.Parameters.AddWithValue("$p", parameter);
            }

            var result = new List<LedgerInvoice>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        result.Add(SqliteRows.Read(reader));
                    }
                    catch (KlarnaLedgerRowException ex) when (unreadable is not null)
                    {
                        unreadable.Add(ex.ToUnreadableRow());
                    }
                }
            }

            return result;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteConnections.OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
    }
}
