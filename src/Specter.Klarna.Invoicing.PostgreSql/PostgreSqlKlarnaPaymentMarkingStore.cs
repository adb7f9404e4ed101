using Npgsql;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.PostgreSql.Internal;

namespace Specter.Klarna.Invoicing.PostgreSql;

/// <summary>An <see cref="IKlarnaPaymentMarkingStore"/> in the same PostgreSQL database as a <see cref="PostgreSqlKlarnaInvoiceLedger"/> (schema version 2 and later).</summary>
/// <remarks>A recording is one transaction; markings are unique per (payment reference, kind, document number) by a unique constraint, so
/// app servers importing the same payout at once mark nothing twice.</remarks>
public sealed class PostgreSqlKlarnaPaymentMarkingStore : IKlarnaPaymentMarkingStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly Lock _gate = new();
    private Task? _initialization;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlKlarnaPaymentMarkingStore"/> class over a data source the host owns (and disposes).</summary>
    /// <param name="dataSource">The data source.</param>
    public PostgreSqlKlarnaPaymentMarkingStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlKlarnaPaymentMarkingStore"/> class with its own data source (disposed with the store).</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public PostgreSqlKlarnaPaymentMarkingStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _ownsDataSource = true;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PaymentMarking>> RecordAsync(RecordedPayout payout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payout);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using var insert = new NpgsqlCommand(
                    "INSERT INTO klarna_payouts (payment_reference, payout_date, settlement_type, currency, settlement_amount, difference_amount, recorded_at) "
                    + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (payment_reference) DO NOTHING;", connection, transaction);
                insert.Parameters.Add(PostgreSqlMarkingRows.Text(payout.PaymentReference));
                insert.Parameters.Add(PostgreSqlMarkingRows.Instant(payout.PayoutDate));
                insert.Parameters.Add(PostgreSqlMarkingRows.Text(payout.SettlementType.Value));
                insert.Parameters.Add(PostgreSqlMarkingRows.Text(payout.Settlement.Currency.Code));
                insert.Parameters.Add(PostgreSqlMarkingRows.Long(payout.Settlement.MinorUnits));
                insert.Parameters.Add(PostgreSqlMarkingRows.Long(payout.Difference.MinorUnits));
                insert.Parameters.Add(PostgreSqlMarkingRows.Instant(payout.RecordedAt));
                if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    for (var i = 0; i < payout.BookingLines.Count; i++)
                    {
                        using var line = new NpgsqlCommand(
                            $"INSERT INTO klarna_payout_lines (payment_reference, line_number, {PostgreSqlMarkingRows.LineColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);",
                            connection, transaction);
                        PostgreSqlMarkingRows.BindLine(line, payout.PaymentReference, i, payout.BookingLines[i]);
                        await line.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    using var latest = new NpgsqlCommand("UPDATE klarna_payouts SET difference_amount = $2 WHERE payment_reference = $1;", connection, transaction);
                    latest.Parameters.Add(PostgreSqlMarkingRows.Text(payout.PaymentReference));
                    latest.Parameters.Add(PostgreSqlMarkingRows.Long(payout.Difference.MinorUnits));
                    await latest.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var added = new List<PaymentMarking>();
                foreach (var marking in payout.Markings)
                {
                    using var mark = new NpgsqlCommand(
                        $"INSERT INTO klarna_payment_markings ({PostgreSqlMarkingRows.MarkingColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING;",
                        connection, transaction);
                    PostgreSqlMarkingRows.BindMarking(mark, marking);
                    if (await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                    {
                        added.Add(marking);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return added;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<RecordedPayout?> FindPayoutAsync(string paymentReference, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var payouts = await QueryAsync(connection, "SELECT payout_date, settlement_type, currency, settlement_amount, difference_amount, recorded_at FROM klarna_payouts WHERE payment_reference = $1;", paymentReference, r =>
            {
                var currency = Currency.FromCode(r.GetString(2));
                return new RecordedPayout
                {
                    PaymentReference = paymentReference,
                    PayoutDate = r.GetFieldValue<DateTimeOffset>(0),
                    SettlementType = new KlarnaSettlementType(r.GetString(1)),
                    Settlement = new Money(r.GetInt64(3), currency),
                    Difference = new Money(r.GetInt64(4), currency),
                    RecordedAt = r.GetFieldValue<DateTimeOffset>(5),
                    Markings = [],
                    BookingLines = [],
                };
            }, cancellationToken).ConfigureAwait(false);
            if (payouts.Count == 0)
            {
                return null;
            }

            var payout = payouts[0];
            var markings = await QueryAsync(connection, $"SELECT {PostgreSqlMarkingRows.MarkingColumns} FROM klarna_payment_markings WHERE payment_reference = $1 ORDER BY seq;", paymentReference, PostgreSqlMarkingRows.ReadMarking, cancellationToken).ConfigureAwait(false);
            var lines = await QueryAsync(connection, $"SELECT {PostgreSqlMarkingRows.LineColumns} FROM klarna_payout_lines WHERE payment_reference = $1 ORDER BY line_number;", paymentReference, r => PostgreSqlMarkingRows.ReadLine(r, payout.Settlement.Currency), cancellationToken).ConfigureAwait(false);
            return payout with { Markings = markings, BookingLines = lines };
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PaymentMarking>> GetMarkingsAsync(string documentNumber, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await QueryAsync(connection, $"SELECT {PostgreSqlMarkingRows.MarkingColumns} FROM klarna_payment_markings WHERE document_number = $1 ORDER BY seq;", documentNumber, PostgreSqlMarkingRows.ReadMarking, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<string?> FindInvoiceNumberByCaptureIdAsync(string captureId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var found = await QueryAsync(connection, "SELECT invoice_number FROM klarna_invoices WHERE capture_id = $1 ORDER BY seq LIMIT 1;", captureId, r => r.GetString(0), cancellationToken).ConfigureAwait(false);
            return found.Count == 0 ? null : found[0];
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<UnpaidCapture>> ListUnpaidCapturesAsync(DateTimeOffset activatedAtOrBefore, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand("""
                SELECT i.invoice_number, i.klarna_order_id, i.capture_id, i.activated_at FROM klarna_invoices i
                WHERE i.state = 2 AND i.document_kind = 0 AND i.activated_at IS NOT NULL AND i.activated_at <= $1
                  AND NOT EXISTS (SELECT 1 FROM klarna_payment_markings m WHERE m.kind = 0 AND m.document_number = i.invoice_number)
                ORDER BY i.activated_at, i.seq;
                """, connection);
            command.Parameters.Add(PostgreSqlMarkingRows.Instant(activatedAtOrBefore));
            var result = new List<UnpaidCapture>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    result.Add(new UnpaidCapture(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
                }
            }

            return result;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, string parameter, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(PostgreSqlMarkingRows.Text(parameter));
        var result = new List<T>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(read(reader));
            }
        }

        return result;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Task initialization;
        lock (_gate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = PostgreSqlSchema.MigrateAsync(_dataSource, CancellationToken.None);
            }

            initialization = _initialization;
        }

        await initialization.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }
}
