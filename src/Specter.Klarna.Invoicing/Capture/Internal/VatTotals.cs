namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>An invoice's totals per VAT rate: from the Klarna lines when there is a capture (what the customer reads), else from the invoice lines.</summary>
internal static class VatTotals
{
    public static IReadOnlyList<VatRateTotal> Of(InvoicePlan plan, KlarnaCapturePlan? capture)
    {
        var currency = plan.Total.Currency;
        IEnumerable<(decimal Rate, long Gross, long Vat)> rows = capture is not null
            ? capture.Lines.Select(l => (l.TaxRate / 100m, l.TotalAmount, l.TotalTaxAmount))
            : plan.Lines.Select(l => (l.VatRate, l.Amount.MinorUnits, l.VatAmount.MinorUnits));
        return rows
            .GroupBy(r => r.Rate)
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                long gross = g.Sum(r => r.Gross), vat = g.Sum(r => r.Vat);
                return new VatRateTotal(g.Key, new Money(gross - vat, currency), new Money(vat, currency), new Money(gross, currency));
            })
            .ToList();
    }
}
