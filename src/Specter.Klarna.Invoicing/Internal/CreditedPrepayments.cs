using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>
/// The order's prepayments refunded at Klarna by credit invoices. A refund gives the money back but not Klarna's
/// authorization, while the goods are still owed in full: this is what later invoices need beyond what Klarna holds.
/// </summary>
internal sealed record CreditedPrepayments(string PrepaymentInvoices, string CreditInvoices, Money Refunded, bool IsEmpty)
{
    public static CreditedPrepayments Of(IReadOnlyList<LedgerInvoice> orderRows, Currency currency)
    {
        var prepayments = orderRows
            .Where(r => r.DocumentKind == LedgerDocumentKind.Invoice && r.Plan.Type == InvoiceType.Prepayment)
            .Select(r => r.InvoiceNumber)
            .ToHashSet(StringComparer.Ordinal);

        // Only a refund at Klarna spends authorization; a credit recorded without Klarna, or a failed one, does not.
        var credits = orderRows
            .Where(r => r.DocumentKind == LedgerDocumentKind.Credit && r.State == ActivationState.Activated
                && r.CreditedInvoiceNumber is { } credited && prepayments.Contains(credited) && r.Plan.Capture is not null)
            .ToList();
        return new CreditedPrepayments(
            string.Join(", ", credits.Select(c => c.CreditedInvoiceNumber).Distinct(StringComparer.Ordinal)),
            string.Join(", ", credits.Select(c => c.InvoiceNumber)),
            new Money(credits.Sum(c => c.Plan.Capture!.CapturedAmount.MinorUnits), currency),
            credits.Count == 0);
    }
}
