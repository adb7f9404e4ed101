using System.Globalization;
using Specter.Klarna.Invoicing.Amounts.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Keeps a capture within Klarna's 1000 lines by merging lines per VAT rate, exactly (each merged line stays within Klarna's amount limit).</summary>
internal static class KlarnaLineMerger
{
    public const int MaxLines = 1000;

    /// <summary>Returns how many Klarna lines <paramref name="count"/> lines need after merging.</summary>
    /// <param name="count">The number of lines.</param>
    /// <param name="rateAndTotal">The VAT rate (basis points) and total of line <c>i</c>; read only when merging is needed.</param>
    public static int CountAfterMerging(int count, Func<int, (int TaxRate, long Total)> rateAndTotal) =>
        count <= MaxLines ? count : Pack(count, rateAndTotal).Count;

    /// <summary>The order's error when even merging per VAT rate leaves more lines than Klarna allows; cheap (a count) unless the order has more than 1000 lines.</summary>
    public static OrderValidationError? CheckLineCount(IReadOnlyList<PricedLine> priced)
    {
        int klarnaLines = CountAfterMerging(priced.Count, i => (priced[i].TaxRate, priced[i].Total));
        return klarnaLines <= MaxLines ? null : new(OrderValidationErrorCode.TooManyLines, "lines", null,
            $"The order needs {klarnaLines} Klarna lines even after merging per VAT rate; Klarna allows at most {MaxLines}.");
    }

    public static IReadOnlyList<KlarnaCaptureLine> MergeIfNeeded(List<KlarnaCaptureLine> lines)
    {
        if (lines.Count <= MaxLines)
        {
            return lines;
        }

        var groups = Pack(lines.Count, i => (lines[i].TaxRate, lines[i].TotalAmount));
        var merged = new List<KlarnaCaptureLine>(groups.Count);
        foreach (var group in groups)
        {
            var first = lines[group[0]];
            string type = first.Type;
            long total = 0, tax = 0;
            foreach (int i in group)
            {
                var member = lines[i];
                total += member.TotalAmount;
                tax += member.TotalTaxAmount;
                type = member.Type == type ? type : "physical";
            }

            int rate = first.TaxRate;
            merged.Add(new KlarnaCaptureLine
            {
                Type = type,
                Name = $"Artiklar, moms {(rate / 100m).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',')} % ({group.Count.ToString(CultureInfo.InvariantCulture)} rader)",
                Quantity = 1,
                UnitPrice = total,
                TaxRate = rate,
                TotalAmount = total,
                TotalTaxAmount = KlarnaLineBuilder.Tax(total, rate, tax),
            });
        }

        return merged;
    }

    /// <summary>Groups line indexes per VAT rate, starting a new group when the running total would pass Klarna's line limit.</summary>
    private static List<List<int>> Pack(int count, Func<int, (int TaxRate, long Total)> rateAndTotal)
    {
        var groups = new List<List<int>>();
        var open = new Dictionary<int, (List<int> Group, long Sum)>();
        for (int i = 0; i < count; i++)
        {
            var (rate, total) = rateAndTotal(i);
            if (!open.TryGetValue(rate, out var current) || Math.Abs(current.Sum + total) > MinorUnitMath.KlarnaMaxAmount)
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
