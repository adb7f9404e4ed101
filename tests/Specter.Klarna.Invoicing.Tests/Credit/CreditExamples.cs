namespace Specter.Klarna.Invoicing.Tests.Credit;

/// <summary>The invoices of the worked examples in docs/corrections.md, written out line by line (amounts in öre).</summary>
internal static class CreditExamples
{
    public static Money Sek(long ore) => new(ore, Currency.SEK);

    public static InvoicePlanLine Goods(string id, string article, string text, decimal quantity, decimal rate, long amount, long vat, long? discount = null) => new()
    {
        Kind = InvoicePlanLineKind.OrderLine,
        OrderLineId = id,
        OrderLineKind = OrderLineKind.Goods,
        ArticleNumber = article,
        Description = text,
        Quantity = quantity,
        VatRate = rate,
        Amount = Sek(amount),
        VatAmount = Sek(vat),
        DiscountAmount = discount is { } d ? Sek(d) : null,
    };

    public static InvoicePlanLine Shipping(string id, decimal rate, long amount, long vat) =>
        Goods(id, "FRAKT", "Frakt", 1, rate, amount, vat) with { OrderLineKind = OrderLineKind.Shipping };

    public static InvoicePlanLine Prepayment(decimal rate, long amount, long vat) => new()
    {
        Kind = InvoicePlanLineKind.Prepayment,
        OrderLineKind = OrderLineKind.Goods,
        Description = "Förskott 30 %, moms 25 %",
        Quantity = 1,
        VatRate = rate,
        Amount = Sek(amount),
        VatAmount = Sek(vat),
    };

    public static InvoicePlan Invoice(string number, InvoiceType type, params InvoicePlanLine[] lines) => new()
    {
        InvoiceNumber = number,
        OrderNumber = "O-1",
        Type = type,
        Lines = lines,
        Total = Sek(lines.Sum(l => l.Amount.MinorUnits)),
        VatTotal = Sek(lines.Sum(l => l.VatAmount.MinorUnits)),
    };

    /// <summary>Example 1: line L1 (article A1, 7 × 399,00 kr, 25 %) split 4 + 3 over invoices 1001 and 1002; 1002 is credited.</summary>
    public static InvoicePlan SplitLineSecondInvoice() =>
        Invoice("1002", InvoiceType.Delivery, Goods("L1", "A1", "Stol", 3, 25, 114_700, 22_940, 5_000));

    /// <summary>Example 2: a mixed-VAT invoice (6 % and 25 %) with shipping; total 1 796,00 kr.</summary>
    public static InvoicePlan MixedVat() => Invoice(
        "2001",
        InvoiceType.Final,
        Goods("B1", "B1", "Bok", 2, 6, 49_800, 2_819),
        Goods("C1", "C1", "Lampa", 1, 25, 100_000, 20_000),
        Goods("C2", "C2", "Kabel", 3, 25, 24_900, 4_980),
        Shipping("S", 25, 4_900, 980));

    /// <summary>Example 3: a 30 % prepayment of a 10 000,00 kr order at 25 %.</summary>
    public static InvoicePlan PrepaymentInvoice() =>
        Invoice("3001", InvoiceType.Prepayment, Prepayment(25, 300_000, 60_000));
}
