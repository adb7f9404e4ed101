using System.Globalization;
using System.Text.Json;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Writes payouts, transactions, summaries and pagination in the Settlements API v1 wire shape (snake_case, minor units, ISO 8601 UTC).</summary>
internal static class SettlementsJsonWriter
{
    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void WritePayout(Utf8JsonWriter w, PayoutState payout, string apiBase)
    {
        w.WriteStartObject();
        w.WriteStartObject("totals");
        w.WriteNumber("commission_amount", 0);
        w.WriteNumber("repay_amount", 0);
        w.WriteNumber("sale_amount", payout.SaleAmount);
        w.WriteNumber("holdback_amount", 0);
        w.WriteNumber("tax_amount", payout.TaxAmount);
        w.WriteNumber("settlement_amount", payout.SettlementAmount);
        w.WriteNumber("fee_correction_amount", 0);
        w.WriteNumber("reversal_amount", 0);
        w.WriteNumber("release_amount", 0);
        w.WriteNumber("return_amount", payout.ReturnAmount);
        w.WriteNumber("fee_amount", payout.FeeAmount);
        w.WriteNumber("charge_amount", 0);
        w.WriteNumber("credit_amount", 0);
        w.WriteNumber("fee_refund_amount", 0);
        w.WriteNumber("tax_refund_amount", 0);
        w.WriteNumber("deposit_amount", 0);
        w.WriteNumber("opening_debt_balance_amount", 0);
        w.WriteNumber("closing_debt_balance_amount", 0);
        w.WriteEndObject();
        w.WriteString("payment_reference", payout.PaymentReference);
        w.WriteString("payout_date", FormatTime(payout.PayoutDate));
        w.WriteString("currency_code", payout.Currency);
        w.WriteString("merchant_settlement_type", payout.SettlementType);
        w.WriteString("merchant_id", payout.Merchant);
        w.WriteString("transactions", apiBase + "transactions?payment_reference=" + Uri.EscapeDataString(payout.PaymentReference));
        w.WriteEndObject();
    }

    public static void WriteTransaction(Utf8JsonWriter w, PayoutState payout, SettlementTransactionState t, string apiBase)
    {
        w.WriteStartObject();
        w.WriteNumber("amount", t.Amount);
        w.WriteString("capture_id", t.CaptureId);
        Optional(w, "merchant_reference1", t.MerchantReference1);
        Optional(w, "merchant_reference2", t.MerchantReference2);
        w.WriteString("sale_date", FormatTime(t.SaleDate));
        w.WriteString("type", t.Type);
        w.WriteString("capture_date", FormatTime(t.CaptureDate));
        w.WriteString("payment_reference", payout.PaymentReference);
        w.WriteString("order_id", t.OrderId);
        w.WriteString("payout", apiBase + "payouts/" + Uri.EscapeDataString(payout.PaymentReference));
        Optional(w, "refund_id", t.RefundId);
        w.WriteString("currency_code", t.Currency);
        w.WriteString("purchase_country", t.PurchaseCountry);
        if (t.VatRate is { } rate)
        {
            w.WriteNumber("vat_rate", rate);
        }

        if (t.VatAmount is { } vat)
        {
            w.WriteNumber("vat_amount", vat);
        }

        w.WriteString("detailed_type", t.DetailedType);
        Optional(w, "merchant_capture_reference", t.MerchantCaptureReference);
        Optional(w, "merchant_refund_reference", t.MerchantRefundReference);
        Optional(w, "klarna_comment", t.KlarnaComment);
        w.WriteEndObject();
    }

    public static void WriteSummary(Utf8JsonWriter w, string currency, IReadOnlyList<PayoutState> payouts, DateTimeOffset start, DateTimeOffset end)
    {
        w.WriteStartObject();
        w.WriteNumber("summary_total_fee_correction_amount", 0);
        w.WriteString("summary_payout_date_start", FormatTime(start));
        w.WriteNumber("summary_total_release_amount", 0);
        w.WriteString("summary_settlement_currency", currency);
        w.WriteString("summary_payout_date_end", FormatTime(end));
        w.WriteNumber("summary_total_tax_amount", payouts.Sum(p => p.TaxAmount));
        w.WriteNumber("summary_total_settlement_amount", payouts.Sum(p => p.SettlementAmount));
        w.WriteNumber("summary_total_holdback_amount", 0);
        w.WriteNumber("summary_total_reversal_amount", 0);
        w.WriteNumber("summary_total_return_amount", payouts.Sum(p => p.ReturnAmount));
        w.WriteNumber("summary_total_fee_amount", payouts.Sum(p => p.FeeAmount));
        w.WriteNumber("summary_total_commission_amount", 0);
        w.WriteNumber("summary_total_sale_amount", payouts.Sum(p => p.SaleAmount));
        w.WriteNumber("summary_total_repay_amount", 0);
        w.WriteEndObject();
    }

    /// <summary>Klarna's pagination object; <c>next</c> only while elements remain, <c>prev</c> only past the first page.</summary>
    public static void WritePagination(Utf8JsonWriter w, SettlementsQuery query, Uri request, int count, int total, int offset, int size)
    {
        w.WriteStartObject("pagination");
        w.WriteNumber("count", count);
        w.WriteNumber("total", total);
        w.WriteNumber("offset", offset);
        if (offset + count < total)
        {
            w.WriteString("next", query.Link(request, offset + count, size));
        }

        if (offset > 0)
        {
            w.WriteString("prev", query.Link(request, Math.Max(0, offset - size), size));
        }

        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
