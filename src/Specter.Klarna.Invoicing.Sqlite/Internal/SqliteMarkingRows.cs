using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Specter.Klarna.Invoicing.Sqlite.Internal;

/// <summary>Maps payouts, payment markings and booking lines to and from their rows (instants as in <see cref="SqliteRows"/>).</summary>
internal static class SqliteMarkingRows
{
    internal const string MarkingColumns =
        "payment_reference, kind, document_number, amount, currency, payout_date, matched_by, klarna_order_id, klarna_id, expected_amount";

    internal const string LineColumns =
        "type, detailed_type, amount, vat, vat_rate, settled_separately, invoice_number, klarna_order_id, capture_id, comment";

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    internal static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseInstant(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc));

    internal static void BindMarking(SqliteCommand command, PaymentMarking marking)
    {
        var p = command.Parameters;
        p.AddWithValue("$payment_reference", marking.PaymentReference);
        p.AddWithValue("$kind", (long)marking.Kind);
        p.AddWithValue("$document_number", marking.DocumentNumber);
        p.AddWithValue("$amount", marking.Amount.MinorUnits);
        p.AddWithValue("$currency", marking.Amount.Currency.Code);
        p.AddWithValue("$payout_date", Instant(marking.PayoutDate));
        p.AddWithValue("$matched_by", (long)marking.MatchedBy);
        p.AddWithValue("$klarna_order_id", (object?)marking.KlarnaOrderId ?? DBNull.Value);
        p.AddWithValue("$klarna_id", (object?)marking.KlarnaId ?? DBNull.Value);
        p.AddWithValue("$expected_amount", marking.ExpectedAmount is { } e ? e.MinorUnits : DBNull.Value);
    }

    internal static PaymentMarking ReadMarking(SqliteDataReader r)
    {
        var currency = Currency.FromCode(r.GetString(4));
        return new PaymentMarking
        {
            PaymentReference = r.GetString(0),
            Kind = (PaymentMarkingKind)r.GetInt32(1),
            DocumentNumber = r.GetString(2),
            Amount = new Money(r.GetInt64(3), currency),
            PayoutDate = ParseInstant(r.GetString(5)),
            MatchedBy = (PaymentMatch)r.GetInt32(6),
            KlarnaOrderId = r.IsDBNull(7) ? null : r.GetString(7),
            KlarnaId = r.IsDBNull(8) ? null : r.GetString(8),
            ExpectedAmount = r.IsDBNull(9) ? null : new Money(r.GetInt64(9), currency),
        };
    }

    internal static void BindLine(SqliteCommand command, string paymentReference, int lineNumber, PayoutBookingLine line)
    {
        var p = command.Parameters;
        p.AddWithValue("$payment_reference", paymentReference);
        p.AddWithValue("$line_number", (long)lineNumber);
        p.AddWithValue("$type", line.Type.Value);
        p.AddWithValue("$detailed_type", (object?)line.DetailedType ?? DBNull.Value);
        p.AddWithValue("$amount", line.Amount.MinorUnits);
        p.AddWithValue("$vat", line.Vat.MinorUnits);
        p.AddWithValue("$vat_rate", line.VatRate is { } rate ? rate : DBNull.Value);
        p.AddWithValue("$settled_separately", line.SettledSeparately ? 1L : 0L);
        p.AddWithValue("$invoice_number", (object?)line.InvoiceNumber ?? DBNull.Value);
        p.AddWithValue("$klarna_order_id", (object?)line.KlarnaOrderId ?? DBNull.Value);
        p.AddWithValue("$capture_id", (object?)line.CaptureId ?? DBNull.Value);
        p.AddWithValue("$comment", (object?)line.Comment ?? DBNull.Value);
    }

    internal static PayoutBookingLine ReadLine(SqliteDataReader r, Currency currency) => new()
    {
        Type = new KlarnaTransactionType(r.GetString(0)),
        DetailedType = r.IsDBNull(1) ? null : r.GetString(1),
        Amount = new Money(r.GetInt64(2), currency),
        Vat = new Money(r.GetInt64(3), currency),
        VatRate = r.IsDBNull(4) ? null : r.GetInt64(4),
        SettledSeparately = r.GetInt64(5) != 0,
        InvoiceNumber = r.IsDBNull(6) ? null : r.GetString(6),
        KlarnaOrderId = r.IsDBNull(7) ? null : r.GetString(7),
        CaptureId = r.IsDBNull(8) ? null : r.GetString(8),
        Comment = r.IsDBNull(9) ? null : r.GetString(9),
    };
}
