using System.Globalization;
using System.Runtime.InteropServices;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Keeps a capture within Klarna's 1000 lines by merging lines per VAT rate, exactly (each merged line stays within Klarna's amount limit).</summary>
internal static class KlarnaLineMerger
{
    /// <summary>Returns how many Klarna lines <paramref name="count"/> lines need after merging.</summary>
    /// <param name="count">The number of lines.</param>
    /// <param name="rateAndTotal">The VAT rate (basis points) and total of line <c>i</c>; read only when merging is needed.</param>
    public static int CountAfterMerging(int count, Func<int, (int TaxRate, long Total)> rateAndTotal) =>
        count <= KlarnaLimits.MaxLines ? count : CountGroups(count, rateAndTotal);

    /// <summary>The order's error when even merging per VAT rate leaves more lines than Klarna allows; cheap (a count) unless the order has more than 1000 lines.</summary>
    public static OrderValidationError? CheckLineCount(IReadOnlyList<PricedLine> priced)
    {
        int klarnaLines = CountAfterMerging(priced.Count, i => (priced[i].TaxRate, priced[i].Total));
        return klarnaLines <= KlarnaLimits.MaxLines ? null : new(OrderValidationErrorCode.TooManyLines, "lines", null,
            $"The order needs {klarnaLines} Klarna lines even after merging per VAT rate; Klarna allows at most {KlarnaLimits.MaxLines}.");
    }

    /// <summary>Returns <paramref name="lines"/> when Klarna allows that many, else <see cref="Merge"/> of their sums (refunds build their lines first).</summary>
    public static IReadOnlyList<KlarnaCaptureLine> MergeIfNeeded(List<KlarnaCaptureLine> lines, CultureInfo language)
    {
        if (lines.Count <= KlarnaLimits.MaxLines)
        {
            return lines;
        }

        return Merge(
            packer =>
            {
                foreach (var line in lines)
                {
                    packer.Add(new KlarnaLineSum(line.Type, line.TaxRate, line.TotalAmount, line.TotalDiscountAmount, line.TotalTaxAmount));
                }
            },
            language);
    }

    /// <summary>
    /// Merges per VAT rate, for a capture with more lines than Klarna allows. Each merged line carries the exact sum of its
    /// members' totals, discounts and VAT, so every rate's totals stay the ERP's: a group closes before its VAT would
    /// leave Klarna's ±1 of the formula. Only when that needs more than 1000 lines are groups packed by amount alone and
    /// their VAT recomputed by Klarna's formula (then a rate's VAT can differ from the ERP's by the rounding it absorbed).
    /// </summary>
    /// <param name="feed">Adds the sums of the Klarna lines the capture would have unmerged (<see cref="KlarnaLineBuilder.Sum"/>), in order, to the packer it is given; called a second time only when the lines must be packed by amount alone.</param>
    /// <param name="language">The language of the merged lines' names.</param>
    public static List<KlarnaCaptureLine> Merge(Action<Packer> feed, CultureInfo language)
    {
        var packer = new Packer(keepVat: true);
        feed(packer);
        bool keepVat = packer.Groups.Count <= KlarnaLimits.MaxLines;
        if (!keepVat)
        {
            packer = new Packer(keepVat: false);
            feed(packer);
        }

        var groups = packer.Groups;

        var merged = new List<KlarnaCaptureLine>(groups.Count);
        foreach (var group in groups)
        {
            // The members' discounts stay visible when their gross still fits one Klarna unit price.
            long total = group.Total, discount = group.Discount;
            bool showDiscount = discount > 0 && total + discount <= KlarnaLimits.MaxAmount;
            int rate = group.TaxRate;
            merged.Add(new KlarnaCaptureLine
            {
                Type = group.Type,
                Name = Resources.KlarnaTexts.Format("Line_Merged", language, Resources.KlarnaTexts.Percent(rate / 100m, language), group.Count),
                Quantity = 1,
                UnitPrice = showDiscount ? total + discount : total,
                TaxRate = rate,
                TotalAmount = total,
                TotalDiscountAmount = showDiscount ? discount : 0,
                TotalTaxAmount = keepVat ? group.Tax : KlarnaLineBuilder.Tax(total, rate, group.Tax),
            });
        }

        return merged;
    }

    /// <summary>Counts the groups per VAT rate when a new group starts each time the running total would pass Klarna's line limit.</summary>
    private static int CountGroups(int count, Func<int, (int TaxRate, long Total)> rateAndTotal)
    {
        int groups = 0;
        var open = new Dictionary<int, long>(); // VAT rate → running total of its open group
        for (int i = 0; i < count; i++)
        {
            var (rate, total) = rateAndTotal(i);
            if (!open.TryGetValue(rate, out long sum) || Math.Abs(sum + total) > KlarnaLimits.MaxAmount)
            {
                groups++;
                sum = 0;
            }

            open[rate] = sum + total;
        }

        return groups;
    }

    /// <summary>
    /// Groups lines per VAT rate as they arrive, in line order, closing a group before its total passes Klarna's amount
    /// limit or (keeping VAT) its summed VAT leaves Klarna's ±1; a group keeps running sums, not its members, and no list
    /// of the lines themselves is kept.
    /// </summary>
    internal sealed class Packer(bool keepVat)
    {
        private readonly Dictionary<int, int> _open = []; // VAT rate → index of its open group

        public List<Group> Groups { get; } = [];

        public void Add(in KlarnaLineSum line)
        {
            var groups = Groups;
            bool fits = _open.TryGetValue(line.TaxRate, out int at)
                && Math.Abs(groups[at].Total + line.TotalAmount) <= KlarnaLimits.MaxAmount
                && (!keepVat || KlarnaLineBuilder.Tax(groups[at].Total + line.TotalAmount, line.TaxRate, groups[at].Tax + line.TotalTaxAmount) == groups[at].Tax + line.TotalTaxAmount);
            if (!fits)
            {
                at = groups.Count;
                groups.Add(new Group { Type = line.Type, TaxRate = line.TaxRate });
                _open[line.TaxRate] = at;
            }

            ref var group = ref CollectionsMarshal.AsSpan(groups)[at];
            group.Total += line.TotalAmount;
            group.Tax += line.TotalTaxAmount;
            group.Discount += line.TotalDiscountAmount;
            group.Count++;
            group.Type = line.Type == group.Type ? group.Type : "physical";
        }
    }

    /// <summary>One merged line being filled: its members' summed amounts, how many there are and their common type.</summary>
    internal struct Group
    {
        public string Type;
        public int TaxRate;
        public long Total;
        public long Tax;
        public long Discount;
        public int Count;
    }
}
