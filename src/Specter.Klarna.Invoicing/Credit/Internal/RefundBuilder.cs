using System.Globalization;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Amounts.Internal;
using Specter.Klarna.Invoicing.Resources;

namespace Specter.Klarna.Invoicing.Credit.Internal;

/// <summary>Builds the Klarna refund of a credit invoice: lines with the same <c>reference</c> values as the capture's lines, so
/// Klarna allocates the refund to the right customer invoice, satisfying Klarna's formulas and adding up exactly to the refund.</summary>
internal static class RefundBuilder
{
    public static KlarnaCapturePlan Build(string creditNumber, string? description, IReadOnlyList<InvoicePlanLine> creditLines, Currency currency, CultureInfo language)
    {
        var lines = new List<KlarnaCaptureLine>(creditLines.Count);
        foreach (var line in creditLines)
        {
            if (line.Kind == InvoicePlanLineKind.ReturnFee)
            {
                lines.Add(ReturnFee(line));
            }
            else if (line.Amount.MinorUnits != 0)
            {
                // The same builder as the capture: the reference is the article number, as on the capture's line.
                KlarnaLineBuilder.Build(line, lines, language);
            }
        }

        var merged = KlarnaLineMerger.MergeIfNeeded(lines, language);
        return new KlarnaCapturePlan
        {
            CapturedAmount = new Money(merged.Sum(l => l.TotalAmount), currency),
            Reference = creditNumber,
            Description = KlarnaLineBuilder.Truncate(description ?? KlarnaTexts.Format("Description_Credit", language, creditNumber), KlarnaLimits.MaxText)!,
            Lines = merged,
        };
    }

    private static KlarnaCaptureLine ReturnFee(InvoicePlanLine fee)
    {
        // Klarna: a return fee is a "return_fee" line with negative amounts in the refund.
        int rate = CreditLines.RateOf(fee);
        long amount = fee.Amount.MinorUnits;
        return new KlarnaCaptureLine
        {
            Type = "return_fee",
            Name = KlarnaLineBuilder.Truncate(fee.Description, KlarnaLimits.MaxText)!,
            Quantity = 1,
            UnitPrice = amount,
            TaxRate = rate,
            TotalAmount = amount,
            TotalTaxAmount = KlarnaLineBuilder.Tax(amount, rate, fee.VatAmount.MinorUnits),
        };
    }

    /// <summary>Returns <c>round(amount × rate / (10000 + rate))</c>, half away from zero: the VAT included in an amount.</summary>
    public static long VatOf(long amount, int rate) => MinorUnitMath.MulDivRound(amount, rate, 10_000 + rate);
}
