using Specter.Klarna.Invoicing.Tests.Capture;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Edges;

/// <summary>The weighed-goods worked examples of docs/capture-math.md; every number is computed by hand there.</summary>
public sealed class WeighedGoodsWorkedExampleTests
{
    [Fact]
    public void WeighedLine_IsRoundedHalfAwayFromZero_AndVatFollowsTheRoundedAmount()
    {
        // W1: 1.234 kg × 89.90 @12 % = 11 093.66 → 11 094; VAT 11 094 × 12/112 = 1 188.64 → 1 189.
        var order = Order(Line("K", OrderLineKind.Goods, 1.234m, 89.90m, 12, delivered: 1.234m, unit: "kg") with { Description = "Ost" });

        var plan = PlanOk(order, []);

        plan.Total.Minor().Should().Be(11_094);
        plan.VatTotal.Minor().Should().Be(1_189);
        plan.Capture!.Lines.Single().Should().BeEquivalentTo(new { Quantity = 1L, Name = "Ost (1,234 kg)", UnitPrice = 11_094L, TotalAmount = 11_094L, TotalTaxAmount = 1_189L, TaxRate = 1200 });
        KlarnaFormulas.AssertValid(plan.Capture, plan.Total);
    }

    [Fact]
    public void WeighedLine_PartialDeliveries_AddUpExactlyToTheRoundedLine()
    {
        // W2: deliver 0.5 kg of the 1.234 kg: 11 094 × 0.5/1.234 = 4 495.14 → 4 495, VAT 1 189 × 0.5/1.234 = 481.77 → 482;
        // the rest: 11 094 − 4 495 = 6 599, VAT 1 189 − 482 = 707.
        var order = Order(Line("K", OrderLineKind.Goods, 1.234m, 89.90m, 12, delivered: 0.5m, unit: "kg"));
        var prior = new List<InvoicePlan>();

        var first = PlanOk(order, prior);
        var rest = PlanOk(Deliver(order, ("K", 1.234m)), prior);

        (first.Total.Minor(), first.VatTotal.Minor()).Should().Be((4_495, 482));
        (rest.Total.Minor(), rest.VatTotal.Minor()).Should().Be((6_599, 707));
        (first.Total + rest.Total).Minor().Should().Be(11_094);
        KlarnaFormulas.AssertValid(first.Capture!, first.Total);
        KlarnaFormulas.AssertValid(rest.Capture!, rest.Total);
    }

    [Fact]
    public void MeasuredLine_AtTheMidpoint_RoundsAwayFromZero()
    {
        // W3: 1.5 m × 33.33 @25 % = 49.995 → 50.00 (half away from zero), VAT 5 000 × 25/125 = 1 000.
        var order = Order(Line("T", OrderLineKind.Goods, 1.5m, 33.33m, 25, delivered: 1.5m, unit: "m"));

        var plan = PlanOk(order, []);

        plan.Total.Minor().Should().Be(5_000);
        plan.VatTotal.Minor().Should().Be(1_000);
    }
}
