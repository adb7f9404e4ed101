using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>A payout import as JSON (<c>--json</c>): markings, booking lines, the balance check and what did not match.</summary>
internal static class PayoutJson
{
    public static JsonObject Import(PayoutImportResult result)
    {
        var r = result.Reconciliation;
        var added = result.NewMarkings.Select(Key).ToHashSet();
        return new JsonObject
        {
            ["paymentReference"] = r.Payout.PaymentReference,
            ["payoutDate"] = r.Payout.PayoutDate,
            ["settlementType"] = r.Payout.SettlementType.Value,
            ["settlementAmount"] = JsonViews.Money(r.Payout.Totals.Settlement),
            ["reconciled"] = JsonViews.Money(r.Reconciled),
            ["difference"] = JsonViews.Money(r.Difference),
            ["balanced"] = r.IsBalanced,
            ["markings"] = new JsonArray([.. r.Markings.Select(m => (JsonNode)new JsonObject
            {
                ["kind"] = m.Kind.ToString(),
                ["documentNumber"] = m.DocumentNumber,
                ["amount"] = JsonViews.Money(m.Amount),
                ["matchedBy"] = m.MatchedBy.ToString(),
                ["new"] = added.Contains(Key(m)),
            })]),
            ["bookingLines"] = new JsonArray([.. r.BookingLines.Select(l => (JsonNode)new JsonObject
            {
                ["type"] = l.Type.Value,
                ["detailedType"] = l.DetailedType,
                ["amount"] = JsonViews.Money(l.Amount),
                ["vat"] = JsonViews.Money(l.Vat),
                ["vatRate"] = l.VatRate,
                ["settledSeparately"] = l.SettledSeparately,
                ["invoiceNumber"] = l.InvoiceNumber,
            })]),
            ["unmatched"] = new JsonArray([.. r.Unmatched.Select(u => (JsonNode)new JsonObject
            {
                ["reason"] = u.Reason.ToString(),
                ["type"] = u.Transaction.Type.Value,
                ["amount"] = JsonViews.Money(u.Transaction.Amount),
                ["reference"] = u.Transaction.MerchantCaptureReference ?? u.Transaction.MerchantRefundReference,
                ["captureId"] = u.Transaction.CaptureId,
                ["klarnaOrderId"] = u.Transaction.OrderId,
            })]),
            ["totalsWarnings"] = new JsonArray([.. r.TotalsWarnings.Select(w => (JsonNode)JsonValue.Create(w)!)]),
        };
    }

    private static (PaymentMarkingKind, string) Key(PaymentMarking m) => (m.Kind, m.DocumentNumber);
}
