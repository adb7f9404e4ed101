using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>The part of each order line a delivery or final invoice takes, by cumulative rounding so the parts of a line sum to the line.</summary>
internal static class OrderLinePortions
{
    public static List<InvoicePlanLine> Compute(PricedOrder order, InvoiceLedger ledger, InvoiceType type, ShippingPolicy policy)
    {
        var result = new List<InvoicePlanLine>();
        bool carriesGoods = false;
        long goodsThisInvoice = 0;
        foreach (var p in order.Lines.Where(l => l.IsQuantityDriven))
        {
            var tally = ledger.For(p.Line.LineId);
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
            result.Add(Line(order, p, through - tally.Quantity, amount, vat, discount));
            carriesGoods = true;
            goodsThisInvoice += amount;
        }

        long goodsThrough = Math.Clamp(ledger.GoodsTotal + goodsThisInvoice, 0, order.GoodsTotal);
        bool isLast = type == InvoiceType.Final;
        foreach (var p in order.Lines.Where(l => !l.IsQuantityDriven))
        {
            var tally = ledger.For(p.Line.LineId);
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

            result.Add(Line(order, p, quantity, amount, vat, discount));
        }

        // Back into order-line order; ids are unique (validated), so one lookup table keeps the sort O(n log n).
        var position = new Dictionary<string, int>(order.Lines.Count, StringComparer.Ordinal);
        for (int i = 0; i < order.Lines.Count; i++)
        {
            position[order.Lines[i].Line.LineId] = i;
        }

        result.Sort((a, b) => Position(position, a).CompareTo(Position(position, b)));
        return result;
    }

    private static int Position(Dictionary<string, int> position, InvoicePlanLine line) =>
        line.OrderLineId is { } id && position.TryGetValue(id, out int index) ? index : int.MaxValue;

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
