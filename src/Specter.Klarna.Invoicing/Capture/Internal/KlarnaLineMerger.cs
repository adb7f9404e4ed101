using System.Globalization;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Keeps a capture within Klarna's 1000 lines by merging lines per VAT rate, exactly (each merged line stays within Klarna's amount limit).</summary>
internal static class KlarnaLineMerger
{
    /// <summary>Returns how many Klarna lines <paramref name="count"/> lines need after merging.</summary>
    /// <param name="count">The number of lines.</param>
    /// <param name="rateAndTotal">The VAT rate (basis points) and total of line <c>i</c>; read only when merging is needed.</param>
    public static int CountAfterMerging(int count, Func<int, (int TaxRate, long Total)> rateAndTotal) =>
        count <= KlarnaLimits.MaxLines ? count : Pack(count, rateAndTotal).Count;

    /// <summary>The order's error when even merging per VAT rate leaves more lines than Klarna allows; cheap (a count) unless the order has more than 1000 lines.</summary>
    public static OrderValidationError? CheckLineCount(IReadOnlyList<PricedLine> priced)
    {
        int klarnaLines = CountAfterMerging(priced.Count, i => (priced[i].TaxRate, priced[i].Total));
        return klarnaLines <= KlarnaLimits.MaxLines ? null : new(OrderValidationErrorCode.TooManyLines, "lines", null,
            $"The order needs {klarnaLines} Klarna lines even after merging per VAT rate; Klarna allows at most {KlarnaLimits.MaxLines}.");
    }

    /// <summary>
    /// Merges per VAT rate when there are more lines than Klarna allows. Each merged line carries the exact sum of its
    /// members' totals, discounts and VAT, so every rate's totals stay the ERP's: a group closes before its VAT would
    /// leave Klarna's ±1 of the formula. Only when that needs more than 1000 lines are groups packed by amount alone and
    /// their VAT recomputed by Klarna's formula (then a rate's VAT can differ from the ERP's by the rounding it absorbed).
    /// </summary>
    public static IReadOnlyList<KlarnaCaptureLine> MergeIfNeeded(List<KlarnaCaptureLine> lines, CultureInfo language)
    {
        if (lines.Count <= KlarnaLimits.MaxLines)
        {
            return lines;
        }

        var groups = Pack(lines, keepVat: true);
        bool keepVat = groups.Count <= KlarnaLimits.MaxLines;
        if (!keepVat)
        {
            groups = Pack(lines.Count, i => (lines[i].TaxRate, lines[i].TotalAmount));
        }

        var merged = new List<KlarnaCaptureLine>(groups.Count);
        foreach (var group in groups)
        {
            var first = lines[group[0]];
            string type = first.Type;
            long total = 0, tax = 0, discount = 0;
            foreach (int i in group)
            {
                var member = lines[i];
                total += member.TotalAmount;
                tax += member.TotalTaxAmount;
                discount += member.TotalDiscountAmount;
                type = member.Type == type ? type : "physical";
            }

            // The members' discounts stay visible when their gross still fits one Klarna unit price.
            bool showDiscount = discount > 0 && total + discount <= KlarnaLimits.MaxAmount;
            int rate = first.TaxRate;
            merged.Add(new KlarnaCaptureLine
            {
                Type = type,
                Name = Resources.KlarnaTexts.Format("Line_Merged", language, Resources.KlarnaTexts.Percent(rate / 100m, language), group.Count),
                Quantity = 1,
                UnitPrice = showDiscount ? total + discount : total,
                TaxRate = rate,
                TotalAmount = total,
                TotalDiscountAmount = showDiscount ? discount : 0,
                TotalTaxAmount = keepVat ? tax : KlarnaLineBuilder.Tax(total, rate, tax),
            });
        }

        return merged;
    }

    /// <summary>Groups per VAT rate, closing a group before its total passes Klarna's amount limit or its summed VAT leaves Klarna's ±1.</summary>
    private static List<List<int>> Pack(List<KlarnaCaptureLine> lines, bool keepVat)
    {
        var groups = new List<List<int>>();
        var open = new Dictionary<int, (List<int> Group, long Sum, long Tax)>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            bool fits = open.TryGetValue(line.TaxRate, out var current)
                && Math.Abs(current.Sum + line.TotalAmount) <= KlarnaLimits.MaxAmount
                && (!keepVat || KlarnaLineBuilder.Tax(current.Sum + line.TotalAmount, line.TaxRate, current.Tax + line.TotalTaxAmount) == current.Tax + line.TotalTaxAmount);
            if (!fits)
            {
                current = ([], 0, 0);
                groups.Add(current.Group);
            }

            current.Group.Add(i);
            open[line.TaxRate] = (current.Group, current.Sum + line.TotalAmount, current.Tax + line.TotalTaxAmount);
        }

        return groups;
    }

    /// <summary>Groups line indexes per VAT rate, starting a new group when the running total would pass Klarna's line limit.</summary>
    private static List<List<int>> Pack(int count, Func<int, (int TaxRate, long Total)> rateAndTotal)
    {
        var groups = new List<List<int>>();
        var open = new Dictionary<int, (List<int> Group, long Sum)>();
        for (int i = 0; i < count; i++)
        {
            var (rate, total) = rateAndTotal(i);
            if (!open.TryGetValue(rate, out var current) || Math.Abs(current.Sum + total) > KlarnaLimits.MaxAmount)
            {
                current = ([], 0);
                groups.Add(current.Group);
            }

            current.Group.Add(i);
            open[rate] = (current.Group, current.Sum + total);
        }

        return groups;
    }
}
