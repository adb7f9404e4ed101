using System.Transactions;
using Npgsql;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.PostgreSql.Internal;

namespace Specter.Klarna.Invoicing.PostgreSql;

/// <summary>An <see cref="IKlarnaInvoiceLedger"/> in PostgreSQL, for hosts running several app servers against one database.</summary>
/// <remarks>
/// <para>Every rule is enforced by the database, never by a process-local lock: invoice numbers are the primary key; updates and deletes are
/// single compare-and-swap statements on a version column (new versions come from a sequence, so they are never reused); and
/// "one unsettled invoice per Klarna order" is the unique partial index <c>ux_klarna_invoices_one_unsettled_per_klarna_order</c>.
/// Statements run in autocommit at READ COMMITTED.</para>
/// <para>The tables live in the connection's search path (set <c>Search Path</c> in the connection string to use another schema).
/// <see cref="InitializeAsync"/> creates or migrates them under an advisory lock (app servers may start at once); every method runs it on
/// first use. A database migrated by a newer package is refused with <see cref="KlarnaLedgerSchemaException"/>.</para>
/// <para>Instants are stored as <c>timestamptz</c>: exact to the microsecond (the last tick digit is dropped), read back with offset zero.
/// PostgreSQL text cannot hold U+0000.</para>
/// </remarks>
public sealed class PostgreSqlKlarnaInvoiceLedger : IKlarnaInvoiceLedger, IAsyncDisposable, IDisposable
{
    private const string InstallationNamespaceKey = "installation_namespace";
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly Lock _gate = new();
    private Task? _initialization;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlKlarnaInvoiceLedger"/> class over a data source the host owns (and disposes).</summary>
    /// <param name="dataSource">The data source.</param>
    public PostgreSqlKlarnaInvoiceLedger(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlKlarnaInvoiceLedger"/> class with its own data source (disposed with the ledger).</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public PostgreSqlKlarnaInvoiceLedger(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Never enlist in a host's TransactionScope: a rollback there must not erase the record of money Klarna took.
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Enlist = false });
        _ownsDataSource = true;
    }

    /// <summary>Creates the schema, or migrates it to the version this package knows. Safe to call from several servers at once.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the schema is ready.</returns>
    /// <exception cref="KlarnaLedgerSchemaException">The database was migrated by a newer version of the package.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                using var noAmbientTransaction = new TransactionScope(TransactionScopeOption.Suppress, TransactionScopeAsyncFlowOption.Enabled);
                _initialization = PostgreSqlSchema.MigrateAsync(_dataSource, CancellationToken.None);
            }

            return _initialization.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Returns this installation's random idempotency namespace, creating and storing it on the first call.</summary>
    /// <remarks>Use it as <c>KlarnaInvoicingOptions.IdempotencyNamespace</c>: it must never change for a database, or retries would use new keys.</remarks>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The namespace; the same for every call and every server using this database.</returns>
    public async Task<Guid> GetOrCreateInstallationNamespaceAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using (var insert = new NpgsqlCommand("INSERT INTO klarna_ledger_metadata (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING;", connection))
            {
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = InstallationNamespaceKey });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Guid.NewGuid().ToString("D") });
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var select = new NpgsqlCommand("SELECT value FROM klarna_ledger_metadata WHERE key = $1;", connection);
            select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = InstallationNamespaceKey });
            return Guid.Parse((string)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
        }
    }

    /// <inheritdoc/>
    public async Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var insert = new NpgsqlCommand(
                $"INSERT INTO klarna_invoices ({PostgreSqlRows.Columns}) VALUES ({PostgreSqlRows.Values}, nextval('klarna_invoice_version_seq')) RETURNING version;",
                connection);
            PostgreSqlRows.Bind(insert, invoice);
            try
            {
                long version = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                return new LedgerAddResult(LedgerAddStatus.Added, invoice with { Version = version });
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // A row breaking both rules may report either constraint first: the number decides.
                return await ExistsAsync(connection, invoice.InvoiceNumber, cancellationToken).ConfigureAwait(false)
                    ? new LedgerAddResult(LedgerAddStatus.DuplicateInvoiceNumber)
                    : new LedgerAddResult(LedgerAddStatus.KlarnaOrderHasUnsettledCapture);
            }
        }
    }

    /// <inheritdoc/>
    public async Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var update = new NpgsqlCommand(
                $"UPDATE klarna_invoices SET {PostgreSqlRows.Assignments}, version = nextval('klarna_invoice_version_seq') "
                + "WHERE invoice_number = $1 AND version = $23 RETURNING version;",
                connection);
            PostgreSqlRows.Bind(update, invoice);
            update.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
            try
            {
                return await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version
                    ? invoice with { Version = version }
                    : null;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return null;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var delete = new NpgsqlCommand("DELETE FROM klarna_invoices WHERE invoice_number = $1 AND version = $2;", connection);
            delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = invoiceNumber });
            delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc/>
    public async Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        var rows = await QueryAsync("WHERE invoice_number = $1", invoiceNumber, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return await QueryAsync("WHERE order_number = $1", orderNumber, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default)
    {
        var unreadable = new List<UnreadableLedgerRow>();
        var invoices = await QueryAsync("WHERE state IN (1, 4)", null, cancellationToken, unreadable).ConfigureAwait(false);
        return new LedgerUnsettledScan(invoices, unreadable);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string invoiceNumber, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("SELECT 1 FROM klarna_invoices WHERE invoice_number = $1;", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = invoiceNumber });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private async Task<List<LedgerInvoice>> QueryAsync(string where, string? parameter, CancellationToken cancellationToken, List<UnreadableLedgerRow>? unreadable = null)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand($"SELECT {PostgreSqlRows.Columns} FROM klarna_invoices {where} ORDER BY seq;", connection);
            if (parameter is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = parameter });
            }

            var result = new List<LedgerInvoice>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        result.Add(PostgreSqlRows.Read(reader));
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

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);

        // A host data source may have Enlist=true (Npgsql's default): suppressing the ambient transaction while opening keeps
        // the connection out of it, so a host rollback can never erase the record of a capture Klarna made.
        using var noAmbientTransaction = new TransactionScope(TransactionScopeOption.Suppress, TransactionScopeAsyncFlowOption.Enabled);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }
}
