using Npgsql;
using NpgsqlTypes;

namespace Specter.Klarna.Invoicing.PostgreSql.Internal;

/// <summary>Maps payment markings and booking lines to and from their rows; parameters are positional in column order.</summary>
internal static class PostgreSqlMarkingRows
{
    internal const string MarkingColumns =
        "payment_reference, kind, document_number, amount, currency, payout_date, matched_by, klarna_order_id, klarna_id, expected_amount";

    internal const string LineColumns =
        "type, detailed_type, amount, vat, vat_rate, settled_separately, invoice_number, klarna_order_id, capture_id, comment";

    internal static void BindMarking(NpgsqlCommand command, PaymentMarking marking)
    {
        var p = command.Parameters;
        p.Add(Text(marking.PaymentReference));
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)marking.Kind });
        p.Add(Text(marking.DocumentNumber));
        p.Add(new NpgsqlParameter<long> { TypedValue = marking.Amount.MinorUnits });
        p.Add(Text(marking.Amount.Currency.Code));
        p.Add(Instant(marking.PayoutDate));
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)marking.MatchedBy });
        p.Add(Text(marking.KlarnaOrderId));
        p.Add(Text(marking.KlarnaId));
        p.Add(Long(marking.ExpectedAmount?.MinorUnits));
    }

    internal static PaymentMarking ReadMarking(NpgsqlDataReader r)
    {
        var currency = Currency.FromCode(r.GetString(4));
        return new PaymentMarking
        {
            PaymentReference = r.GetString(0),
            Kind = (PaymentMarkingKind)r.GetInt16(1),
            DocumentNumber = r.GetString(2),
            Amount = new Money(r.GetInt64(3), currency),
            PayoutDate = r.GetFieldValue<DateTimeOffset>(5),
            MatchedBy = (PaymentMatch)r.GetInt16(6),
            KlarnaOrderId = r.IsDBNull(7) ? null : r.GetString(7),
            KlarnaId = r.IsDBNull(8) ? null : r.GetString(8),
            ExpectedAmount = r.IsDBNull(9) ? null : new Money(r.GetInt64(9), currency),
        };
    }

    internal static void BindLine(NpgsqlCommand command, string paymentReference, int lineNumber, PayoutBookingLine line)
    {
        var p = command.Parameters;
        p.Add(Text(paymentReference));
        p.Add(new NpgsqlParameter<int> { TypedValue = lineNumber });
        p.Add(Text(line.Type.Value));
        p.Add(Text(line.DetailedType));
        p.Add(new NpgsqlParameter<long> { TypedValue = line.Amount.MinorUnits });
        p.Add(new NpgsqlParameter<long> { TypedValue = line.Vat.MinorUnits });
        p.Add(Long(line.VatRate));
        p.Add(new NpgsqlParameter<bool> { TypedValue = line.SettledSeparately });
        p.Add(Text(line.InvoiceNumber));
        p.Add(Text(line.KlarnaOrderId));
        p.Add(Text(line.CaptureId));
        p.Add(Text(line.Comment));
    }

    internal static PayoutBookingLine ReadLine(NpgsqlDataReader r, Currency currency) => new()
    {
        Type = new KlarnaTransactionType(r.GetString(0)),
        DetailedType = r.IsDBNull(1) ? null : r.GetString(1),
        Amount = new Money(r.GetInt64(2), currency),
        Vat = new Money(r.GetInt64(3), currency),
        VatRate = r.IsDBNull(4) ? null : r.GetInt64(4),
        SettledSeparately = r.GetBoolean(5),
        InvoiceNumber = r.IsDBNull(6) ? null : r.GetString(6),
        KlarnaOrderId = r.IsDBNull(7) ? null : r.GetString(7),
        CaptureId = r.IsDBNull(8) ? null : r.GetString(8),
        Comment = r.IsDBNull(9) ? null : r.GetString(9),
    };

    internal static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    internal static NpgsqlParameter Long(long? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value is { } v ? v : DBNull.Value };

    // timestamptz takes UTC only; PostgreSQL keeps microseconds.
    internal static NpgsqlParameter Instant(DateTimeOffset value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value.ToUniversalTime() };
}
