using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>How an order's ledger rows (invoices and credit invoices) are seen by the planner and by the credit math.</summary>
internal static class LedgerDocuments
{
    /// <summary>Whether a credit took, or may have taken, money back: refunded, recorded without Klarna, or still open. A failed one did not.</summary>
    public static bool Counts(LedgerInvoice credit) => credit.State != ActivationState.Failed;

    /// <summary>
    /// The plans the invoice planner nets against: every invoice as planned, and of each credit only its prepayment lines,
    /// negated. A returned or price-reduced line is not invoiced again (the ERP changes the order for that), but a credited
    /// prepayment is no longer there to be netted off: later invoices net off only what is left of it.
    /// </summary>
    public static List<InvoicePlan> PlansForPlanner(IEnumerable<LedgerInvoice> rows)
    {
        var plans = new List<InvoicePlan>();
        foreach (var row in rows)
        {
            if (row.DocumentKind == LedgerDocumentKind.Invoice)
            {
                plans.Add(row.Plan);
                continue;
            }

            var prepaid = row.Plan.Lines.Where(l => l.Kind == InvoicePlanLineKind.Prepayment).ToList();
            if (Counts(row) && prepaid.Count > 0)
            {
                var negated = prepaid.Select(l => l with { Amount = -l.Amount, VatAmount = -l.VatAmount }).ToList();
                plans.Add(row.Plan with
                {
                    Lines = negated,
                    Total = new Money(negated.Sum(l => l.Amount.MinorUnits), row.Plan.Total.Currency),
                    VatTotal = new Money(negated.Sum(l => l.VatAmount.MinorUnits), row.Plan.Total.Currency),
                    Capture = null,
                });
            }
        }

        return plans;
    }

    /// <summary>The credits of an invoice that count against what is left to credit on it.</summary>
    public static List<LedgerInvoice> CreditsOf(IEnumerable<LedgerInvoice> rows, string invoiceNumber) =>
        [.. rows.Where(r => r.DocumentKind == LedgerDocumentKind.Credit && Counts(r) && string.Equals(r.CreditedInvoiceNumber, invoiceNumber, StringComparison.Ordinal))];
}
