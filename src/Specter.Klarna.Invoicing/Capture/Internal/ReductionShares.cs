using Specter.Klarna.Invoicing.Amounts.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>
/// How much of the order's discounts and gift cards is invoiced through a goods value, cumulatively, as ONE rounding:
/// <c>R = round(ΣD × G / Gt)</c>, split over the lines. Rounding each line on its own could take a little more than the
/// goods (three −1 öre shares on 2 öre of goods), leaving a −1 öre invoice when the reductions equal the goods; one
/// rounding never passes <c>G</c>, and each invoice takes <c>R(G) − R(G')</c> ≤ <c>G − G'</c>.
/// </summary>
internal static class ReductionShares
{
    /// <summary>Returns, per order-line index of each discount or gift card, its cumulative amount (negative) through goods value <paramref name="goodsThrough"/>.</summary>
    public static Dictionary<int, long> Through(PricedOrder order, EarlierInvoices ledger, long goodsThrough)
    {
        var lines = new List<PricedLine>();
        var result = new Dictionary<int, long>();
        foreach (ref readonly var l in order.LineSpan)
        {
            if (l.IsSpreadOverGoods && l.Total < 0)
            {
                lines.Add(l);
            }
            else if (l.IsSpreadOverGoods)
            {
                result.Add(l.Index, 0L);
            }
        }

        if (lines.Count == 0)
        {
            return result;
        }

        // Magnitudes: what each line may still take (room) and what the one rounding says all lines have taken by now.
        long[] whole = [.. lines.Select(l => -l.Total)];
        long[] taken = [.. lines.Select(l => Math.Clamp(-ledger.For(l.Line.LineId).Amount, 0, -l.Total))];
        long sum = whole.Sum();
        long through = MinorUnitMath.MulDivRound(sum, goodsThrough, order.GoodsTotal);
        long due = through - taken.Sum();
        long[] parts = new long[lines.Count];
        if (due > 0)
        {
            // Each line's fair share of the running total, never backwards and never past the line: a line ahead of its share waits.
            long[] fair = MinorUnitMath.Allocate(through, whole);
            long[] wanted = new long[lines.Count];
            for (int i = 0; i < lines.Count; i++)
            {
                wanted[i] = Math.Clamp(fair[i] - taken[i], 0, whole[i] - taken[i]);
            }

            long[] room = [.. whole.Select((w, i) => w - taken[i])];
            long[] weights = wanted.Sum() >= due ? wanted : room;
            if (weights.Sum() > 0)
            {
                parts = MinorUnitMath.Allocate(Math.Min(due, weights.Sum()), weights);
            }
        }

        for (int i = 0; i < lines.Count; i++)
        {
            result[lines[i].Index] = -(taken[i] + parts[i]);
        }

        return result;
    }
}
