using Npgsql;
using NpgsqlTypes;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.PostgreSql.Internal;

/// <summary>Maps <see cref="LedgerInvoice"/> to and from a <c>klarna_invoices</c> row. Parameters are positional: <c>$1</c> … <c>$22</c> in <see cref="Columns"/> order, then the version.</summary>
internal static class PostgreSqlRows
{
    internal const string Columns =
        "invoice_number, order_number, merchant, klarna_order_id, state, attempt, idempotency_key, request_body, request_body_hash, "
        + "created_at, first_sent_at, updated_at, capture_id, klarna_reference, activated_at, last_failure, recovery_attempts, plan, last_sent_at, planned_from, document_kind, credited_invoice_number, version";

    internal const string Values = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22";

    internal const string Assignments =
        "order_number = $2, merchant = $3, klarna_order_id = $4, state = $5, attempt = $6, idempotency_key = $7, request_body = $8, "
        + "request_body_hash = $9, created_at = $10, first_sent_at = $11, updated_at = $12, capture_id = $13, klarna_reference = $14, "
        + "activated_at = $15, last_failure = $16, recovery_attempts = $17, plan = $18, last_sent_at = $19, planned_from = $20, document_kind = $21, credited_invoice_number = $22";

    internal static void Bind(NpgsqlCommand command, LedgerInvoice invoice)
    {
        var p = command.Parameters;
        p.Add(Text(invoice.InvoiceNumber));
        p.Add(Text(invoice.OrderNumber));
        p.Add(Text(invoice.Merchant));
        p.Add(Text(invoice.KlarnaOrderId));
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)invoice.State });
        p.Add(new NpgsqlParameter<int> { TypedValue = invoice.Attempt });
        p.Add(Text(invoice.IdempotencyKey));
        p.Add(Text(invoice.RequestBody));
        p.Add(Text(invoice.RequestBodyHash));
        p.Add(Instant(invoice.CreatedAt));
        p.Add(Instant(invoice.FirstSentAt));
        p.Add(Instant(invoice.UpdatedAt));
        p.Add(Text(invoice.CaptureId));
        p.Add(Text(invoice.KlarnaReference));
        p.Add(Instant(invoice.ActivatedAt));
        p.Add(Json(invoice.LastFailure is null ? null : ActivationFailureJson.Serialize(invoice.LastFailure)));
        p.Add(new NpgsqlParameter<int> { TypedValue = invoice.RecoveryAttempts });
        p.Add(Json(InvoicePlanJson.Serialize(invoice.Plan)));
        p.Add(Instant(invoice.LastSentAt));
        p.Add(Text(invoice.PlannedFrom));
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)invoice.DocumentKind });
        p.Add(Text(invoice.CreditedInvoiceNumber));
    }

    /// <exception cref="KlarnaLedgerRowException">The row cannot be read (an unknown state, bad JSON, an unknown currency).</exception>
    internal static LedgerInvoice Read(NpgsqlDataReader r)
    {
        string invoiceNumber = r.GetString(0);
        return LedgerRowReader.Read(invoiceNumber, () => Map(r, invoiceNumber));
    }

    private static LedgerInvoice Map(NpgsqlDataReader r, string invoiceNumber) => new()
    {
        InvoiceNumber = invoiceNumber,
        OrderNumber = r.GetString(1),
        Merchant = NullableString(r, 2),
        KlarnaOrderId = NullableString(r, 3),
        State = LedgerRowReader.State(invoiceNumber, r.GetInt16(4)),
        Attempt = r.GetInt32(5),
        IdempotencyKey = NullableString(r, 6),
        RequestBody = NullableString(r, 7),
        RequestBodyHash = NullableString(r, 8),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(9),
        FirstSentAt = r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(11),
        CaptureId = NullableString(r, 12),
        KlarnaReference = NullableString(r, 13),
        ActivatedAt = r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14),
        LastFailure = NullableString(r, 15) is { } failure ? ActivationFailureJson.Deserialize(failure) : null,
        RecoveryAttempts = r.GetInt32(16),
        Plan = InvoicePlanJson.Deserialize(r.GetString(17)),
        LastSentAt = r.IsDBNull(18) ? null : r.GetFieldValue<DateTimeOffset>(18),
        PlannedFrom = NullableString(r, 19),
        DocumentKind = LedgerRowReader.DocumentKind(invoiceNumber, r.GetInt16(20)),
        CreditedInvoiceNumber = NullableString(r, 21),
        Version = r.GetInt64(22),
    };

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Json(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)value ?? DBNull.Value };

    // timestamptz takes UTC only; PostgreSQL keeps microseconds (a tick's last digit is dropped).
    private static NpgsqlParameter Instant(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? v.ToUniversalTime() : DBNull.Value };

    private static string? NullableString(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
