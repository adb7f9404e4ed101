namespace Specter.Klarna.Invoicing.Cli.Demo;

/// <summary>The demo's embedded ERP orders (the worked examples of docs/capture-math.md); no files needed.</summary>
internal static class DemoOrders
{
    /// <summary>Everything delivered: one delivery invoice for the whole order.</summary>
    public static InvoicingOrder Full() => new()
    {
        OrderNumber = "10001",
        Currency = "SEK",
        PricesIncludeVat = true,
        Lines =
        [
            new() { LineId = "1", ArticleNumber = "STOL-4", Description = "Stol Ekliden", Quantity = 4, DeliveredQuantity = 4, Unit = "st", UnitPrice = 1234.50m, VatRate = 25 },
            new() { LineId = "2", ArticleNumber = "BOK-9", Description = "Bok: Möbelvård", Quantity = 2, DeliveredQuantity = 2, Unit = "st", UnitPrice = 300.00m, VatRate = 6 },
            new() { LineId = "3", ArticleNumber = "FRAKT", Description = "Frakt", Kind = OrderLineKind.Shipping, Quantity = 1, DeliveredQuantity = 1, UnitPrice = 49.00m, VatRate = 25 },
        ],
    };

    /// <summary>The example: 3 T-shirts (10 % off), 2 delivered first; shipping; an order discount.</summary>
    public static InvoicingOrder Partial(decimal tshirtsDelivered) => new()
    {
        OrderNumber = "10002",
        Currency = "SEK",
        PricesIncludeVat = true,
        Lines =
        [
            new() { LineId = "1", ArticleNumber = "TS-001", Description = "T-shirt", Quantity = 3, DeliveredQuantity = tshirtsDelivered, Unit = "st", UnitPrice = 199.00m, VatRate = 25, DiscountPercent = 10 },
            new() { LineId = "2", ArticleNumber = "FRAKT", Description = "Frakt", Kind = OrderLineKind.Shipping, Quantity = 1, DeliveredQuantity = 1, UnitPrice = 49.00m, VatRate = 25 },
            new() { LineId = "3", ArticleNumber = "RABATT", Description = "Kampanjrabatt", Kind = OrderLineKind.Discount, Quantity = 1, DeliveredQuantity = 0, UnitPrice = -50.00m, VatRate = 25 },
        ],
    };

    /// <summary>Mixed VAT, nothing delivered: 30 % prepayment, then the final invoice.</summary>
    public static InvoicingOrder Prepayment() => new()
    {
        OrderNumber = "10003",
        Currency = "SEK",
        PricesIncludeVat = true,
        Lines =
        [
            new() { LineId = "1", ArticleNumber = "SOFFA", Description = "Soffa Bäckaby", Quantity = 1, Unit = "st", UnitPrice = 1000.00m, VatRate = 25 },
            new() { LineId = "2", ArticleNumber = "KAFFE", Description = "Kaffe 500 g", Quantity = 2, Unit = "st", UnitPrice = 150.00m, VatRate = 12 },
        ],
    };

    /// <summary>An order Klarna will refuse to capture (it is cancelled at Klarna just before the capture).</summary>
    public static InvoicingOrder Refused() => new()
    {
        OrderNumber = "10004",
        Currency = "SEK",
        PricesIncludeVat = true,
        Lines = [new() { LineId = "1", ArticleNumber = "LAMPA", Description = "Lampa Gransäter", Quantity = 1, DeliveredQuantity = 1, Unit = "st", UnitPrice = 799.00m, VatRate = 25 }],
    };

    /// <summary>An order whose capture answer is lost on the way back.</summary>
    public static InvoicingOrder LostAnswer() => new()
    {
        OrderNumber = "10005",
        Currency = "SEK",
        PricesIncludeVat = true,
        Lines = [new() { LineId = "1", ArticleNumber = "MATTA", Description = "Matta Lohals", Quantity = 2, DeliveredQuantity = 2, Unit = "st", UnitPrice = 449.00m, VatRate = 25 }],
    };
}
