using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Credit.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>What a credit is planned from: the credited invoice, the order's rows and the live Klarna order.</summary>
internal sealed record CreditContext(LedgerInvoice Invoice, IReadOnlyList<LedgerInvoice> OrderRows, KlarnaOrder? KlarnaOrder)
{
    // Klarna takes a return fee only in these markets; the purchase currency stands in for the market (EUR covers the listed euro markets).
    private static readonly HashSet<string> ReturnFeeCurrencies = new(StringComparer.Ordinal) { "SEK", "NOK", "DKK", "EUR", "CZK", "AUD" };

    /// <summary>Whether the credit is refunded at Klarna (the invoice was captured there).</summary>
    public bool Refunds => Invoice.KlarnaOrderId is not null && Invoice.State == ActivationState.Activated && Invoice.Plan.Capture is not null;

    /// <summary>What Klarna has left to refund on the order (captured less refunded), or <see langword="null"/> without a reservation.</summary>
    public long? LeftOnOrder => KlarnaOrder is { } o ? o.CapturedAmount.MinorUnits - o.RefundedAmount.MinorUnits : null;

    public CreditInput Input(string creditNumber, string? description, IReadOnlyList<CreditLineRequest>? lines, IReadOnlyList<CreditAmountRequest>? amounts, CreditReturnFee? fee, System.Globalization.CultureInfo language)
    {
        var capture = KlarnaOrder?.Captures.FirstOrDefault(c => string.Equals(c.CaptureId, Invoice.CaptureId, StringComparison.Ordinal));
        var netting = EarlierInvoices.From(LedgerDocuments.PlansForPlanner(OrderRows));
        return new CreditInput
        {
            Invoice = Invoice.Plan,
            EarlierCredits = [.. LedgerDocuments.CreditsOf(OrderRows, Invoice.InvoiceNumber).Where(c => !string.Equals(c.InvoiceNumber, creditNumber, StringComparison.Ordinal)).Select(c => c.Plan)],
            CreditNumber = creditNumber,
            Description = description,
            Lines = lines,
            Amounts = amounts,
            ReturnFee = fee,
            Language = language,
            Refunds = Refunds,
            LeftOnOrder = Refunds ? LeftOnOrder : null,
            LeftOnCapture = Refunds && capture is not null ? capture.CapturedAmount - capture.RefundedAmount : null,
            UnnettedPrepayments = netting.Prepayments.ToDictionary(p => p.Key, p => p.Value.Unnetted),
            ReturnFeeAllowed = Refunds && KlarnaOrder is { Captures.Count: 1 } o && o.CapturedAmount == o.OrderAmount
                && ReturnFeeCurrencies.Contains(o.Currency.Code),
        };
    }

    /// <summary>Why the invoice cannot be credited at all (before any math), or <see langword="null"/>.</summary>
    public KlarnaInvoicingRuleViolation? WhyNotCreditable()
    {
        if (Invoice.DocumentKind == LedgerDocumentKind.Credit)
        {
            return CreditViolations.CreditOfCredit(Invoice.InvoiceNumber);
        }

        if (Activation.Internal.InvoiceLockRules.Check(Invoice.State, InvoiceAction.Credit) is { } locked)
        {
            return locked;
        }

        // An invoice of a Klarna order that captured nothing (it netted to zero): nothing to refund, and the ERP must not think otherwise.
        return Invoice.State == ActivationState.NotKlarna && Invoice.KlarnaOrderId is not null ? CreditViolations.WithoutKlarnaCapture() : null;
    }
}
