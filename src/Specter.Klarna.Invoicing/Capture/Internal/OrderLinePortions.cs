using Specter.Klarna.Invoicing.Amounts.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>The part of each order line a delivery or final invoice takes, by cumulative rounding so the parts of a line sum to the line.</summary>
internal static class OrderLinePortions
{
    public static List<InvoicePlanLine> Compute(PricedOrder order, EarlierInvoices earlier, InvoiceType type, ShippingPolicy policy)
    {
        var result = new List<(int Index, InvoicePlanLine Line)>(order.Lines.Count);
        bool carriesGoods = false;
        long goodsThisInvoice = 0;
        foreach (var p in order.Lines)
        {
            if (!p.IsQuantityDriven)
            {
                continue;
            }

            var tally = earlier.For(p.Line.LineId);
            decimal through = type == InvoiceType.Final ? p.Line.Quantity : Math.Max(p.Line.DeliveredQuantity, tally.Quantity);
            through = Math.Min(through, p.Line.Quantity);
            if (through <= tally.Quantity)
            {
                continue;
            }

            // The amounts through quantity c are round(x × c / quantity); this invoice takes what the earlier ones did not.
            long amount = MinorUnitMath.Cumulative(p.Total, through, p.Line.Quantity) - tally.Amount;
            long vat = MinorUnitMath.Cumulative(p.Vat, through, p.Line.Quantity) - tally.Vat;
            long discount = MinorUnitMath.Cumulative(p.Discount, through, p.Line.Quantity) - tally.Discount;
            result.Add((p.Index, Line(order, p, through - tally.Quantity, amount, vat, discount)));
            carriesGoods = true;
            goodsThisInvoice += amount;
        }

        int firstAmountDriven = result.Count;
        long goodsThrough = Math.Clamp(earlier.GoodsTotal + goodsThisInvoice, 0, order.GoodsTotal);
        bool isLast = type == InvoiceType.Final;
        foreach (var p in order.Lines)
        {
            if (p.IsQuantityDriven)
            {
                continue;
            }

            var tally = earlier.For(p.Line.LineId);
            bool spread = p.IsSpreadOverGoods || policy == ShippingPolicy.ProRata;
            long amountThrough, vatThrough, discountThrough;
            if (isLast || (carriesGoods && (!spread || order.GoodsTotal == 0)))
            {
                (amountThrough, vatThrough, discountThrough) = (p.Total, p.Vat, p.Discount);
            }
            else if (spread && order.GoodsTotal > 0)
            {
                // Pro rata to the goods value invoiced so far, cumulatively: exact once all goods are invoiced.
                amountThrough = MinorUnitMath.MulDivRound(p.Total, goodsThrough, order.GoodsTotal);
                vatThrough = MinorUnitMath.MulDivRound(p.Vat, goodsThrough, order.GoodsTotal);
                discountThrough = MinorUnitMath.MulDivRound(p.Discount, goodsThrough, order.GoodsTotal);
            }
            else
            {
                continue;
            }

            long amount = amountThrough - tally.Amount;
            long vat = vatThrough - tally.Vat;
            long discount = discountThrough - tally.Discount;

            // Amount-driven lines are tracked by amount; the ordered quantity goes on the invoice that completes the line.
            decimal quantity = amountThrough == p.Total ? Math.Max(0m, p.Line.Quantity - tally.Quantity) : 0m;
            if (amount == 0 && vat == 0 && discount == 0 && quantity == 0)
            {
                continue;
            }

            result.Add((p.Index, Line(order, p, quantity, amount, vat, discount)));
        }

        return InOrderLineOrder(result, firstAmountDriven);
    }

    /// <summary>
    /// Back into order-line order: the quantity-driven lines (before <paramref name="split"/>) and the amount-driven ones
    /// (from it) were each added in order-line order, so one linear merge by line index does it, with no sort.
    /// </summary>
    private static List<InvoicePlanLine> InOrderLineOrder(List<(int Index, InvoicePlanLine Line)> lines, int split)
    {
        var ordered = new List<InvoicePlanLine>(lines.Count + 3); // + room for the netting lines the planner appends
        int a = 0, b = split;
        while (a < split || b < lines.Count)
        {
            bool takeFirst = b == lines.Count || (a < split && lines[a].Index < lines[b].Index);
            ordered.Add(lines[takeFirst ? a++ : b++].Line);
        }

        return ordered;
    }

    private static InvoicePlanLine Line(PricedOrder order, PricedLine p, decimal quantity, long amount, long vat, long discount) => new()
    {
        Kind = InvoicePlanLineKind.OrderLine,
        OrderLineId = p.Line.LineId,
        OrderLineKind = p.Line.Kind,
        ArticleNumber = p.Line.ArticleNumber,
        Description = p.Line.Description,
        Quantity = quantity,
        Unit = p.Line.Unit,
        VatRate = p.Line.VatRate,
        Amount = order.ToMoney(amount),
        VatAmount = order.ToMoney(vat),
        DiscountAmount = discount == 0 ? null : order.ToMoney(discount),
    };
}
