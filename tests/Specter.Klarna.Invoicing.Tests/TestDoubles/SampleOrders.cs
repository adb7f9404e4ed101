namespace Specter.Klarna.Invoicing.Tests.TestDoubles;

/// <summary>ERP orders used across orchestration tests.</summary>
internal static class SampleOrders
{
    /// <summary>The example: 3 T-shirts (2 delivered, 10 % off), shipping, an order discount; prices incl. VAT.</summary>
    public static InvoicingOrder Example(string orderNumber = "100234") => new()
    {
        OrderNumber = orderNumber,
        Currency = "SEK",
        PricesIncludeVat = true,
        Lines =
        [
            new() { LineId = "1", ArticleNumber = "TS-001", Description = "T-shirt", Kind = OrderLineKind.Goods, Quantity = 3, DeliveredQuantity = 2, Unit = "st", UnitPrice = 199.00m, VatRate = 25, DiscountPercent = 10 },
            new() { LineId = "2", ArticleNumber = "FRAKT", Description = "Frakt", Kind = OrderLineKind.Shipping, Quantity = 1, DeliveredQuantity = 1, UnitPrice = 49.00m, VatRate = 25 },
            new() { LineId = "3", ArticleNumber = "RABATT", Description = "Kampanjrabatt", Kind = OrderLineKind.Discount, Quantity = 1, DeliveredQuantity = 0, UnitPrice = -50.00m, VatRate = 25 },
        ],
    };

    /// <summary>A simple order: two goods lines, nothing delivered.</summary>
    public static InvoicingOrder Simple(string orderNumber = "200001", decimal delivered = 0) => new()
    {
        OrderNumber = orderNumber,
        Currency = "SEK",
        PricesIncludeVat = true,
        Lines =
        [
            new() { LineId = "1", ArticleNumber = "A-1", Description = "Stol", Quantity = 4, DeliveredQuantity = delivered, UnitPrice = 1234.50m, VatRate = 25 },
            new() { LineId = "2", ArticleNumber = "B-2", Description = "Bok", Quantity = 2, DeliveredQuantity = 0, UnitPrice = 300.00m, VatRate = 6 },
        ],
    };

    public static InvoicingOrder Deliver(InvoicingOrder order, string lineId, decimal deliveredQuantity) =>
        order with { Lines = order.Lines.Select(l => l.LineId == lineId ? l with { DeliveredQuantity = deliveredQuantity } : l).ToList() };

    public static InvoicingOrder DeliverAll(InvoicingOrder order) =>
        order with { Lines = order.Lines.Select(l => l with { DeliveredQuantity = l.Quantity }).ToList() };
}
