using Specter.Klarna.Invoicing.Amounts.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>The part of each order line a delivery or final invoice takes, by cumulative rounding so the parts of a line sum to the line.</summary>
internal static class OrderLinePortions
{
    public static List<InvoicePlanLine> Compute(PricedOrder order, EarlierInvoices earlier, InvoiceType type, ShippingPolicy policy)
    {
        // First what this invoice takes of the goods (amount-driven lines follow the goods), then every line in order-line
        // order: two passes over the lines instead of collecting both kinds and merging them back into order.
        bool carriesGoods = false;
        long goodsThisInvoice = 0;
        foreach (ref readonly var p in order.LineSpan)
        {
            if (!p.IsQuantityDriven)
            {
                continue;
            }

            var tally = earlier.For(p.Line.LineId);
            if (Through(p, tally, type) is { } through)
            {
                goodsThisInvoice += MinorUnitMath.Cumulative(p.Total, through, p.Line.Quantity) - tally.Amount;
                carriesGoods = true;
            }
        }

        long goodsThrough = Math.Clamp(earlier.GoodsTotal + goodsThisInvoice, 0, order.GoodsTotal);
        bool isLast = type == InvoiceType.Final;
        var reductions = isLast || order.GoodsTotal == 0 ? null : ReductionShares.Through(order, earlier, goodsThrough);
        var result = new List<InvoicePlanLine>(order.Lines.Count + 3); // + room for the netting lines the planner appends
        foreach (ref readonly var p in order.LineSpan)
        {
            var tally = earlier.For(p.Line.LineId);
            if (p.IsQuantityDriven)
            {
                if (Through(p, tally, type) is { } through)
                {
                    // The amounts through quantity c are round(x × c / quantity); this invoice takes what the earlier ones did not.
                    // Through the whole quantity they are the line's own (one comparison, not one per amount).
                    bool toTheEnd = through == p.Line.Quantity;
                    long amount = (toTheEnd ? p.Total : MinorUnitMath.Cumulative(p.Total, through, p.Line.Quantity)) - tally.Amount;
                    long vat = (toTheEnd ? p.Vat : MinorUnitMath.Cumulative(p.Vat, through, p.Line.Quantity)) - tally.Vat;
                    long discount = (toTheEnd ? p.Discount : MinorUnitMath.Cumulative(p.Discount, through, p.Line.Quantity)) - tally.Discount;
                    result.Add(Line(order, p, through - tally.Quantity, amount, vat, discount));
                }

                continue;
            }

            bool spread = p.IsSpreadOverGoods || policy == ShippingPolicy.ProRata;
            long amountThrough, vatThrough, discountThrough;
            if (isLast || (carriesGoods && (!spread || order.GoodsTotal == 0)))
            {
                (amountThrough, vatThrough, discountThrough) = (p.Total, p.Vat, p.Discount);
            }
            else if (p.IsSpreadOverGoods && reductions is not null)
            {
                // Discounts and gift cards share one rounding, so together they never take more than the goods they ride on.
                amountThrough = reductions[p.Index];
                vatThrough = p.Total == 0 ? 0 : MinorUnitMath.MulDivRound(p.Vat, amountThrough, p.Total);
                discountThrough = p.Total == 0 ? 0 : MinorUnitMath.MulDivRound(p.Discount, amountThrough, p.Total);
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

            long lineAmount = amountThrough - tally.Amount;
            long lineVat = vatThrough - tally.Vat;
            long lineDiscount = discountThrough - tally.Discount;

            // Amount-driven lines are tracked by amount; the ordered quantity goes on the invoice that completes the line.
            decimal quantity = amountThrough == p.Total ? Math.Max(0m, p.Line.Quantity - tally.Quantity) : 0m;
            if (lineAmount == 0 && lineVat == 0 && lineDiscount == 0 && quantity == 0)
            {
                continue;
            }

            result.Add(Line(order, p, quantity, lineAmount, lineVat, lineDiscount));
        }

        return result;
    }

    /// <summary>The quantity of a goods or service line invoiced through this invoice, or <see langword="null"/> when it takes none of it.</summary>
    private static decimal? Through(in PricedLine p, EarlierInvoices.LineTally tally, InvoiceType type)
    {
        decimal through = type == InvoiceType.Final ? p.Line.Quantity : Math.Max(p.Line.DeliveredQuantity, tally.Quantity);
        through = Math.Min(through, p.Line.Quantity);
        return through <= tally.Quantity ? null : through;
    }

    private static InvoicePlanLine Line(PricedOrder order, in PricedLine p, decimal quantity, long amount, long vat, long discount) => new()
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
