using System.Globalization;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>Realistic ERP orders: fully delivered goods at 25/12/6 % VAT, some with a line discount, plus shipping.</summary>
internal static class BenchOrders
{
    private static readonly decimal[] VatRates = [25m, 12m, 6m];

    /// <summary>An order of <paramref name="lineCount"/> lines (the last is shipping), fully delivered.</summary>
    public static InvoicingOrder Delivered(int lineCount, string orderNumber = "100234", string? klarnaOrderId = BenchHost.KlarnaOrderId)
    {
        var lines = new List<InvoicingOrderLine>(lineCount);
        for (var i = 1; i < lineCount; i++)
        {
            var quantity = 1 + (i % 4);
            lines.Add(new InvoicingOrderLine
            {
                LineId = i.ToString(CultureInfo.InvariantCulture),
                ArticleNumber = "ART-" + i.ToString(CultureInfo.InvariantCulture),
                Description = "Artikel " + i.ToString(CultureInfo.InvariantCulture),
                Kind = OrderLineKind.Goods,
                Quantity = quantity,
                DeliveredQuantity = quantity,
                Unit = "st",
                UnitPrice = 49.90m + (i % 7 * 10m),
                VatRate = VatRates[i % VatRates.Length],
                DiscountPercent = i % 5 == 0 ? 10m : 0m,
            });
        }

        lines.Add(new InvoicingOrderLine
        {
            LineId = lineCount.ToString(CultureInfo.InvariantCulture),
            ArticleNumber = "FRAKT",
            Description = "Frakt",
            Kind = OrderLineKind.Shipping,
            Quantity = 1,
            DeliveredQuantity = 1,
            UnitPrice = 49m,
            VatRate = 25m,
        });

        return new InvoicingOrder { OrderNumber = orderNumber, Currency = "SEK", Merchant = BenchHost.Merchant, KlarnaOrderId = klarnaOrderId, Lines = lines };
    }

    /// <summary>
    /// The planning workload: an order of <paramref name="lineCount"/> lines at 25/12/6 % VAT (every fifth line 10 % off,
    /// the last line shipping when there are two or more), fully delivered, and a 30 % prepayment already invoiced on
    /// it, so the delivery invoice nets the prepayment off per VAT rate.
    /// </summary>
    public static (InvoicingOrder Order, InvoicePlan Prepayment) WithPrepayment(int lineCount)
    {
        var order = lineCount == 1
            ? Delivered(2) with { Lines = [Delivered(2).Lines[0]] }
            : Delivered(lineCount);
        var undelivered = order with { Lines = [.. order.Lines.Select(l => l with { DeliveredQuantity = 0 })] };
        var prepayment = Capture.Internal.InvoicePlanner.Plan(
            undelivered,
            [],
            new Capture.Internal.InvoicePlanRequest { InvoiceNumber = "F-1", Type = InvoiceType.Prepayment, PrepaymentPercent = 30m }).Plan
            ?? throw new InvalidOperationException("The benchmark prepayment could not be planned.");
        return (order, prepayment);
    }
}
