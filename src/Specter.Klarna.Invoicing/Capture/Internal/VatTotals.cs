namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>An invoice's totals per VAT rate: from the Klarna lines when there is a capture (what the customer reads), else from the invoice lines.</summary>
internal static class VatTotals
{
    public static IReadOnlyList<VatRateTotal> Of(InvoicePlan plan, KlarnaCapturePlan? capture)
    {
        // A handful of rates per invoice: a short list searched linearly beats grouping (no per-line iterators or lookups).
        var rates = new List<(decimal Rate, long Gross, long Vat)>(4);
        if (capture is not null)
        {
            var basisPoints = new List<(int Rate, long Gross, long Vat)>(4);
            foreach (var line in capture.Lines)
            {
                Add(basisPoints, line.TaxRate, line.TotalAmount, line.TotalTaxAmount);
            }

            foreach (var (rate, gross, vat) in basisPoints)
            {
                rates.Add((rate / 100m, gross, vat));
            }
        }
        else
        {
            foreach (var line in plan.Lines)
            {
                Add(rates, line.VatRate, line.Amount.MinorUnits, line.VatAmount.MinorUnits);
            }
        }

        rates.Sort(static (a, b) => b.Rate.CompareTo(a.Rate)); // highest rate first; rates are distinct
        var currency = plan.Total.Currency;
        var totals = new List<VatRateTotal>(rates.Count);
        foreach (var (rate, gross, vat) in rates)
        {
            totals.Add(new VatRateTotal(rate, new Money(gross - vat, currency), new Money(vat, currency), new Money(gross, currency)));
        }

        return totals;
    }

    /// <summary>Adds a line to its rate's sums; a rate keeps the form it was first seen in (25 and 25.00 are one rate).</summary>
    private static void Add<TRate>(List<(TRate Rate, long Gross, long Vat)> rates, TRate rate, long gross, long vat)
        where TRate : IEquatable<TRate>
    {
        for (int i = 0; i < rates.Count; i++)
        {
            if (rates[i].Rate.Equals(rate))
            {
                rates[i] = (rates[i].Rate, checked(rates[i].Gross + gross), checked(rates[i].Vat + vat));
                return;
            }
        }

        rates.Add((rate, gross, vat));
    }
}
