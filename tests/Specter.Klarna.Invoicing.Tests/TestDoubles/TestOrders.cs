using Specter.Klarna.Invoicing.Capture.Internal;

namespace Specter.Klarna.Invoicing.Tests.TestDoubles;

/// <summary>Builds orders and runs invoicing sequences for tests.</summary>
internal static class TestOrders
{
    public static InvoicingOrderLine Line(string id, OrderLineKind kind, decimal quantity, decimal unitPrice, decimal vat, decimal delivered = 0, decimal discountPercent = 0, string? unit = null) => new()
    {
        LineId = id,
        ArticleNumber = "ART-" + id,
        Description = "Line " + id,
        Kind = kind,
        Quantity = quantity,
        DeliveredQuantity = delivered,
        Unit = unit,
        UnitPrice = unitPrice,
        VatRate = vat,
        DiscountPercent = discountPercent,
    };

    public static InvoicingOrder Order(params InvoicingOrderLine[] lines) => new()
    {
        OrderNumber = "100234",
        Currency = "SEK",
        PricesIncludeVat = true,
        KlarnaOrderId = "0b1d9815-165e-42e2-8867-35bc03789e00",
        Lines = lines,
    };

    /// <summary>The order of the issue's JSON example.</summary>
    public static InvoicingOrder IssueExample() => Order(
        Line("1", OrderLineKind.Goods, 3, 199.00m, 25, delivered: 2, discountPercent: 10, unit: "st") with { Description = "T-shirt", ArticleNumber = "TS-001" },
        Line("2", OrderLineKind.Shipping, 1, 49.00m, 25, delivered: 1) with { Description = "Frakt", ArticleNumber = "FRAKT" },
        Line("3", OrderLineKind.Discount, 1, -50.00m, 25) with { Description = "Kampanjrabatt", ArticleNumber = "RABATT" });

    public static InvoicingOrder Deliver(InvoicingOrder order, params (string Id, decimal Delivered)[] deliveries) => order with
    {
        Lines = [.. order.Lines.Select(l => deliveries.Any(d => d.Id == l.LineId) ? l with { DeliveredQuantity = deliveries.First(d => d.Id == l.LineId).Delivered } : l)],
    };

    public static InvoicePlan PlanOk(InvoicingOrder order, List<InvoicePlan> prior, InvoiceType? type = null, decimal? percent = null, ShippingPolicy policy = ShippingPolicy.FirstInvoice)
    {
        var outcome = InvoicePlanner.Plan(order, prior, new InvoicePlanRequest
        {
            InvoiceNumber = (10045 + prior.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = type,
            PrepaymentPercent = percent,
            ShippingPolicy = policy,
        });
        outcome.Violations.Should().BeEmpty();
        prior.Add(outcome.Plan!);
        return outcome.Plan!;
    }

    public static InvoicePlanLine For(this InvoicePlan plan, string lineId) => plan.Lines.Single(l => l.OrderLineId == lineId);

    public static long Minor(this Money money) => money.MinorUnits;
}
