using Microsoft.Data.Sqlite;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Sqlite.Internal;

namespace Specter.Klarna.Invoicing.Sqlite;

/// <summary>An <see cref="IKlarnaPaymentMarkingStore"/> in the same SQLite file as a <see cref="SqliteKlarnaInvoiceLedger"/> (schema version 2 and later).</summary>
/// <remarks>Every recording is one <c>BEGIN IMMEDIATE</c> transaction; markings are unique per (payment reference, kind, document number)
/// in the database, so two processes importing the same payout mark nothing twice.</remarks>
public sealed class SqliteKlarnaPaymentMarkingStore : IKlarnaPaymentMarkingStore
{
    private readonly string _connectionString;
    private readonly Lock _gate = new();
    private Task? _initialization;

    /// <summary>Initializes a new instance of the <see cref="SqliteKlarnaPaymentMarkingStore"/> class.</summary>
    /// <param name="databasePath">The ledger's database file; created and migrated on first use.</param>
    /// <exception cref="ArgumentException"><paramref name="databasePath"/> is empty.</exception>
    public SqliteKlarnaPaymentMarkingStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = SqliteConnections.BuildConnectionString(databasePath);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PaymentMarking>> RecordAsync(RecordedPayout payout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payout);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqliteConnections.InWriteTransactionAsync<IReadOnlyList<PaymentMarking>>(connection, async () =>
            {
                using var upsert = connection.CreateCommand();
                upsert.CommandText = """
                    INSERT INTO klarna_payouts (payment_reference, payout_date, settlement_type, currency, settlement_amount, difference_amount, recorded_at)
                    VALUES ($r, $d, $t, $c, $s, $diff, $at) ON CONFLICT (payment_reference) DO NOTHING;
                    """;
                upsert.Parameters.AddWithValue("$r", payout.PaymentReference);
                upsert.Parameters.AddWithValue("$d", SqliteMarkingRows.Instant(payout.PayoutDate));
                upsert.Parameters.AddWithValue("$t", payout.SettlementType.Value);
                upsert.Parameters.AddWithValue("$c", payout.Settlement.Currency.Code);
                upsert.Parameters.AddWithValue("$s", payout.Settlement.MinorUnits);
                upsert.Parameters.AddWithValue("$diff", payout.Difference.MinorUnits);
                upsert.Parameters.AddWithValue("$at", SqliteMarkingRows.Instant(payout.RecordedAt));
                var isNew = await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
                if (!isNew)
                {
                    using var latest = connection.CreateCommand();
                    latest.CommandText = "UPDATE klarna_payouts SET difference_amount = $diff WHERE payment_reference = $r;";
                    latest.Parameters.AddWithValue("$r", payout.PaymentReference);
                    latest.Parameters.AddWithValue("$diff", payout.Difference.MinorUnits);
                    await latest.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    for (var i = 0; i < payout.BookingLines.Count; i++)
                    {
                        using var line = connection.CreateCommand();
                        line.CommandText = $"INSERT INTO klarna_payout_lines (payment_reference, line_number, {SqliteMarkingRows.LineColumns}) VALUES ($payment_reference, $line_number, $type, $detailed_type, $amount, $vat, $vat_rate, $settled_separately, $invoice_number, $klarna_order_id, $capture_id, $comment);";
                        SqliteMarkingRows.BindLine(line, payout.PaymentReference, i, payout.BookingLines[i]);
                        await line.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                var added = new List<PaymentMarking>();
                foreach (var marking in payout.Markings)
                {
                    using var insert = connection.CreateCommand();
                    insert.CommandText = $"INSERT INTO klarna_payment_markings ({SqliteMarkingRows.MarkingColumns}) VALUES ($payment_reference, $kind, $document_number, $amount, $currency, $payout_date, $matched_by, $klarna_order_id, $klarna_id, $expected_amount) ON CONFLICT DO NOTHING;";
                    SqliteMarkingRows.BindMarking(insert, marking);
                    if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                    {
                        added.Add(marking);
                    }
                }

                return added;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<RecordedPayout?> FindPayoutAsync(string paymentReference, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT payout_date, settlement_type, currency, settlement_amount, difference_amount, recorded_at FROM klarna_payouts WHERE payment_reference = $r;";
            read.Parameters.AddWithValue("$r", paymentReference);
            RecordedPayout payout;
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var currency = Currency.FromCode(reader.GetString(2));
                payout = new RecordedPayout
                {
                    PaymentReference = paymentReference,
                    PayoutDate = SqliteMarkingRows.ParseInstant(reader.GetString(0)),
                    SettlementType = new KlarnaSettlementType(reader.GetString(1)),
                    Settlement = new Money(reader.GetInt64(3), currency),
                    Difference = new Money(reader.GetInt64(4), currency),
                    RecordedAt = SqliteMarkingRows.ParseInstant(reader.GetString(5)),
                    Markings = [],
                    BookingLines = [],
                };
            }

            var markings = await QueryAsync(connection, $"SELECT {SqliteMarkingRows.MarkingColumns} FROM klarna_payment_markings WHERE payment_reference = $p ORDER BY seq;", paymentReference, SqliteMarkingRows.ReadMarking, cancellationToken).ConfigureAwait(false);
            var lines = await QueryAsync(connection, $"SELECT {SqliteMarkingRows.LineColumns} FROM klarna_payout_lines WHERE payment_reference = $p ORDER BY line_number;", paymentReference, r => SqliteMarkingRows.ReadLine(r, payout.Settlement.Currency), cancellationToken).ConfigureAwait(false);
            return payout with { Markings = markings, BookingLines = lines };
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PaymentMarking>> GetMarkingsAsync(string documentNumber, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await QueryAsync(connection, $"SELECT {SqliteMarkingRows.MarkingColumns} FROM klarna_payment_markings WHERE document_number = $p ORDER BY seq;", documentNumber, SqliteMarkingRows.ReadMarking, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<string?> FindInvoiceNumberByCaptureIdAsync(string captureId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var found = await QueryAsync(connection, "SELECT invoice_number FROM klarna_invoices WHERE capture_id = $p ORDER BY seq LIMIT 1;", captureId, r => r.GetString(0), cancellationToken).ConfigureAwait(false);
            return found.Count == 0 ? null : found[0];
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<UnpaidCapture>> ListUnpaidCapturesAsync(DateTimeOffset activatedAtOrBefore, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            const string sql = """
                SELECT i.invoice_number, i.klarna_order_id, i.capture_id, i.activated_at FROM klarna_invoices i
                WHERE i.state = 2 AND i.document_kind = 0 AND i.activated_at IS NOT NULL AND i.activated_at <= $p
                  AND NOT EXISTS (SELECT 1 FROM klarna_payment_markings m WHERE m.kind = 0 AND m.document_number = i.invoice_number)
                ORDER BY i.activated_at, i.seq;
                """;
            return await QueryAsync(connection, sql, SqliteMarkingRows.Instant(activatedAtOrBefore), r => new UnpaidCapture(
                r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), SqliteMarkingRows.ParseInstant(r.GetString(3))), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, string parameter, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
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

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Task initialization;
        lock (_gate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = SqliteSchema.MigrateAsync(_connectionString, CancellationToken.None);
            }

            initialization = _initialization;
        }

        await initialization.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteConnections.OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
    }
}
