using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Payouts and activated invoices for the payment-marking conformance kit.</summary>
internal static class MarkingSamples
{
    internal static RecordedPayout Payout(string paymentReference, string invoiceNumber, string creditNumber, long difference = 0)
    {
        var at = LedgerSamples.T0;
        Money Sek(long minor) => new(minor, Currency.SEK);
        return new RecordedPayout
        {
            PaymentReference = paymentReference,
            PayoutDate = at,
            SettlementType = KlarnaSettlementType.Net,
            Settlement = Sek(long.MaxValue - 1),
            Difference = Sek(difference),
            RecordedAt = at.AddHours(1),
            Markings =
            [
                new PaymentMarking
                {
                    Kind = PaymentMarkingKind.InvoicePayment, DocumentNumber = invoiceNumber, Amount = Sek(long.MaxValue), PaymentReference = paymentReference,
                    PayoutDate = at, MatchedBy = PaymentMatch.KlarnaId, KlarnaOrderId = "order-" + LedgerSamples.NonAsciiText, KlarnaId = "cap-1", ExpectedAmount = Sek(long.MaxValue - 7),
                },
                new PaymentMarking
                {
                    Kind = PaymentMarkingKind.CreditRefund, DocumentNumber = creditNumber, Amount = Sek(long.MinValue), PaymentReference = paymentReference,
                    PayoutDate = at, MatchedBy = PaymentMatch.Reference,
                },
            ],
            BookingLines =
            [
                new PayoutBookingLine
                {
                    Type = KlarnaTransactionType.Fee, DetailedType = "PURCHASE_FEE_PERCENTAGE", Amount = Sek(-37_375), Vat = Sek(-9_344), VatRate = 2500,
                    InvoiceNumber = invoiceNumber, KlarnaOrderId = "order-1", CaptureId = "cap-1", Comment = LedgerSamples.NonAsciiText,
                },
                new PayoutBookingLine { Type = new KlarnaTransactionType("SOMETHING_NEW"), Amount = Sek(1), Vat = Sek(0), SettledSeparately = true },
            ],
        };
    }

    internal static LedgerInvoice Activated(string invoiceNumber, string captureId, DateTimeOffset activatedAt) =>
        LedgerSamples.Minimal(invoiceNumber, "O-" + invoiceNumber, "K-" + invoiceNumber, ActivationState.Activated) with
        {
            CaptureId = captureId,
            ActivatedAt = activatedAt,
        };
}
