using System.Globalization;
using Specter.Klarna.Invoicing.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Keeps a capture within Klarna's 1000 lines by merging lines per VAT rate, exactly (each merged line stays within Klarna's amount limit).</summary>
internal static class KlarnaLineMerger
{
    public const int MaxLines = 1000;

    /// <summary>Returns how many Klarna lines lines with these (rate, total) pairs need after merging.</summary>
    public static int CountAfterMerging(IReadOnlyList<(int TaxRate, long Total)> lines) =>
        lines.Count <= MaxLines ? lines.Count : Pack(lines).Count;

    public static IReadOnlyList<KlarnaCaptureLine> MergeIfNeeded(IReadOnlyList<KlarnaCaptureLine> lines)
    {
        if (lines.Count <= MaxLines)
        {
            return lines;
        }

        var groups = Pack([.. lines.Select(l => (l.TaxRate, l.TotalAmount))]);
        var merged = new List<KlarnaCaptureLine>(groups.Count);
        foreach (var group in groups)
        {
            var members = group.Select(i => lines[i]).ToList();
            long total = members.Sum(l => l.TotalAmount);
            int rate = members[0].TaxRate;
            merged.Add(new KlarnaCaptureLine
            {
                Type = members.All(l => l.Type == members[0].Type) ? members[0].Type : "physical",
                Name = $"Artiklar, moms {(rate / 100m).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',')} % ({members.Count.ToString(CultureInfo.InvariantCulture)} rader)",
                Quantity = 1,
                UnitPrice = total,
                TaxRate = rate,
                TotalAmount = total,
                TotalTaxAmount = KlarnaLineBuilder.Tax(total, rate, members.Sum(l => l.TotalTaxAmount)),
            });
        }

        return merged;
    }

    /// <summary>Groups line indexes per VAT rate, starting a new group when the running total would pass Klarna's line limit.</summary>
    private static List<List<int>> Pack(IReadOnlyList<(int TaxRate, long Total)> lines)
    {
        var groups = new List<List<int>>();
        var open = new Dictionary<int, (List<int> Group, long Sum)>();
        for (int i = 0; i < lines.Count; i++)
        {
            var (rate, total) = lines[i];
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
