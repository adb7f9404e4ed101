using System.Globalization;
using Microsoft.Data.Sqlite;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Sqlite.Internal;

/// <summary>Maps <see cref="LedgerInvoice"/> to and from a <c>klarna_invoices</c> row.</summary>
/// <remarks>Instants are stored as UTC ISO-8601 text with 7 fractional digits: exact to the tick and sortable as text.</remarks>
internal static class SqliteRows
{
    internal const string Columns =
        "invoice_number, order_number, merchant, klarna_order_id, state, attempt, idempotency_key, request_body, request_body_hash, "
        + "created_at, first_sent_at, updated_at, capture_id, klarna_reference, activated_at, last_failure, recovery_attempts, version, plan, last_sent_at, planned_from, document_kind, credited_invoice_number";

    internal const string Values =
        "$invoice_number, $order_number, $merchant, $klarna_order_id, $state, $attempt, $idempotency_key, $request_body, $request_body_hash, "
        + "$created_at, $first_sent_at, $updated_at, $capture_id, $klarna_reference, $activated_at, $last_failure, $recovery_attempts, $version, $plan, $last_sent_at, $planned_from, $document_kind, $credited_invoice_number";

    internal const string Assignments =
        "order_number = $order_number, merchant = $merchant, klarna_order_id = $klarna_order_id, state = $state, attempt = $attempt, "
        + "idempotency_key = $idempotency_key, request_body = $request_body, request_body_hash = $request_body_hash, created_at = $created_at, "
        + "first_sent_at = $first_sent_at, updated_at = $updated_at, capture_id = $capture_id, klarna_reference = $klarna_reference, "
        + "activated_at = $activated_at, last_failure = $last_failure, recovery_attempts = $recovery_attempts, version = $version, plan = $plan, "
        + "last_sent_at = $last_sent_at, planned_from = $planned_from, document_kind = $document_kind, credited_invoice_number = $credited_invoice_number";

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    internal static void Bind(SqliteCommand command, LedgerInvoice invoice, long version)
    {
        var p = command.Parameters;
        p.AddWithValue("$invoice_number", invoice.InvoiceNumber);
        p.AddWithValue("$order_number", invoice.OrderNumber);
        p.AddWithValue("$merchant", (object?)invoice.Merchant ?? DBNull.Value);
        p.AddWithValue("$klarna_order_id", (object?)invoice.KlarnaOrderId ?? DBNull.Value);
        p.AddWithValue("$state", (long)invoice.State);
        p.AddWithValue("$attempt", (long)invoice.Attempt);
        p.AddWithValue("$idempotency_key", (object?)invoice.IdempotencyKey ?? DBNull.Value);
        p.AddWithValue("$request_body", (object?)invoice.RequestBody ?? DBNull.Value);
        p.AddWithValue("$request_body_hash", (object?)invoice.RequestBodyHash ?? DBNull.Value);
        p.AddWithValue("$created_at", Instant(invoice.CreatedAt));
        p.AddWithValue("$first_sent_at", (object?)Instant(invoice.FirstSentAt) ?? DBNull.Value);
        p.AddWithValue("$updated_at", Instant(invoice.UpdatedAt));
        p.AddWithValue("$capture_id", (object?)invoice.CaptureId ?? DBNull.Value);
        p.AddWithValue("$klarna_reference", (object?)invoice.KlarnaReference ?? DBNull.Value);
        p.AddWithValue("$activated_at", (object?)Instant(invoice.ActivatedAt) ?? DBNull.Value);
        p.AddWithValue("$last_failure", invoice.LastFailure is null ? DBNull.Value : ActivationFailureJson.Serialize(invoice.LastFailure));
        p.AddWithValue("$recovery_attempts", (long)invoice.RecoveryAttempts);
        p.AddWithValue("$version", version);
        p.AddWithValue("$plan", InvoicePlanJson.Serialize(invoice.Plan));
        p.AddWithValue("$last_sent_at", (object?)Instant(invoice.LastSentAt) ?? DBNull.Value);
        p.AddWithValue("$planned_from", (object?)invoice.PlannedFrom ?? DBNull.Value);
        p.AddWithValue("$document_kind", (long)invoice.DocumentKind);
        p.AddWithValue("$credited_invoice_number", (object?)invoice.CreditedInvoiceNumber ?? DBNull.Value);
    }

    /// <exception cref="KlarnaLedgerRowException">The row cannot be read (an unknown state, bad JSON, an unknown currency).</exception>
    internal static LedgerInvoice Read(SqliteDataReader r)
    {
        string invoiceNumber = r.GetString(0);
        return LedgerRowReader.Read(invoiceNumber, () => Map(r, invoiceNumber));
    }

    private static LedgerInvoice Map(SqliteDataReader r, string invoiceNumber) => new()
    {
        InvoiceNumber = invoiceNumber,
        OrderNumber = r.GetString(1),
        Merchant = NullableString(r, 2),
        KlarnaOrderId = NullableString(r, 3),
        State = LedgerRowReader.State(invoiceNumber, r.GetInt64(4)),
        Attempt = r.GetInt32(5),
        IdempotencyKey = NullableString(r, 6),
        RequestBody = NullableString(r, 7),
        RequestBodyHash = NullableString(r, 8),
        CreatedAt = ParseInstant(r.GetString(9)),
        FirstSentAt = NullableString(r, 10) is { } firstSent ? ParseInstant(firstSent) : null,
        UpdatedAt = ParseInstant(r.GetString(11)),
        CaptureId = NullableString(r, 12),
        KlarnaReference = NullableString(r, 13),
        ActivatedAt = NullableString(r, 14) is { } activated ? ParseInstant(activated) : null,
        LastFailure = NullableString(r, 15) is { } failure ? ActivationFailureJson.Deserialize(failure) : null,
        RecoveryAttempts = r.GetInt32(16),
        Version = r.GetInt64(17),
        Plan = InvoicePlanJson.Deserialize(r.GetString(18)),
        LastSentAt = NullableString(r, 19) is { } lastSent ? ParseInstant(lastSent) : null,
        PlannedFrom = NullableString(r, 20),
        DocumentKind = LedgerRowReader.DocumentKind(invoiceNumber, r.GetInt64(21)),
        CreditedInvoiceNumber = NullableString(r, 22),
    };

    private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    private static string? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    private static DateTimeOffset ParseInstant(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc));
}
