using Specter.Klarna.Invoicing.Tests.Capture;
using Specter.Klarna.Invoicing.Tests.TestDoubles;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Edges;

/// <summary>The big-quantity worked examples of docs/capture-math.md: every line sent is one Klarna accepts, amounts exact.</summary>
public sealed class BigQuantityWorkedExampleTests
{
    [Fact]
    public void QuantityAboveKlarnasLineLimit_IsSentAsQuantityOne_WithTheRealQuantityInTheName()
    {
        // B1: Skruv 150 000 st × 0.35 @25 % = 5 250 000 (VAT 1 050 000); 150 000 > 100 000 → quantity 1, "Skruv (150 000 st)".
        var order = Order(Line("S", OrderLineKind.Goods, 150_000, 0.35m, 25, delivered: 150_000, unit: "st") with { Description = "Skruv" });

        var plan = PlanOk(order, []);

        plan.Total.Minor().Should().Be(5_250_000);
        plan.Capture!.Lines.Single().Should().BeEquivalentTo(new { Quantity = 1L, Name = "Skruv (150 000 st)", UnitPrice = 5_250_000L, TotalAmount = 5_250_000L, TotalTaxAmount = 1_050_000L, QuantityUnit = (string?)null });
        KlarnaFormulas.AssertValid(plan.Capture, plan.Total);
    }

    [Fact]
    public void PartialDeliveryWithinTheLimit_KeepsTheQuantityAndUnitPrice()
    {
        // B2: deliver 100 000 of the 150 000 first: 100 000 × 35 = 3 500 000 (quantity 100 000 is within the limit); then 50 000 × 35 = 1 750 000.
        var order = Order(Line("S", OrderLineKind.Goods, 150_000, 0.35m, 25, delivered: 100_000, unit: "st") with { Description = "Skruv" });
        var prior = new List<InvoicePlan>();

        var first = PlanOk(order, prior);
        var rest = PlanOk(Deliver(order, ("S", 150_000)), prior);

        first.Capture!.Lines.Single().Should().BeEquivalentTo(new { Quantity = 100_000L, UnitPrice = 35L, TotalAmount = 3_500_000L, QuantityUnit = "st" });
        rest.Capture!.Lines.Single().Should().BeEquivalentTo(new { Quantity = 50_000L, UnitPrice = 35L, TotalAmount = 1_750_000L });
    }

    [Fact]
    public void LineAmountAboveKlarnasLineLimit_IsSplitIntoEqualParts_WhenTheCaptureFits()
    {
        // B3: Maskin 2 500 000.00 @25 % (250 000 000, VAT 50 000 000) and a gift card −1 000 000.00: capture 150 000 000.
        // 250 000 000 > 200 000 000 per line → two parts of 125 000 000 (tax 25 000 000 each); gift card −100 000 000.
        var order = Order(
            Line("M", OrderLineKind.Goods, 1, 2_500_000m, 25, delivered: 1) with { Description = "Maskin" },
            Line("G", OrderLineKind.GiftCard, 1, -1_000_000m, 0) with { Description = "Presentkort" });

        var plan = PlanOk(order, []);

        plan.Total.Minor().Should().Be(150_000_000);
        plan.Capture!.Lines.Select(l => (l.Name, l.TotalAmount, l.TotalTaxAmount)).Should().Equal(
            ("Maskin (1/2)", 125_000_000L, 25_000_000L), ("Maskin (2/2)", 125_000_000L, 25_000_000L), ("Presentkort", -100_000_000L, 0L));
        KlarnaFormulas.AssertValid(plan.Capture, plan.Total);
    }

    [Fact]
    public async Task HundredFiftyThousandScrews_AreCapturedByTheSimulator()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(Order(Line("S", OrderLineKind.Goods, 150_000, 0.35m, 25, delivered: 150_000, unit: "st") with { Description = "Skruv" }) with { OrderNumber = "B-1" });

        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "B-F1" });

        result.Status.State.Should().Be(ActivationState.Activated);
        h.Klarna.AssertCapturedExactlyOnce(order.KlarnaOrderId!, "B-F1").CapturedAmount.Should().Be(5_250_000);
    }

    [Fact]
    public async Task CaptureAboveKlarnasMaximum_IsATypedRuleErrorAtProposeTime()
    {
        // B4: 2 × 1 100 000.00 = 220 000 000 > 200 000 000 for one capture: no form of the lines helps.
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(Order(Line("M", OrderLineKind.Goods, 2, 1_100_000m, 25, delivered: 2)) with { OrderNumber = "B-2" }, authorizedAmount: 200_000_000);

        var proposal = await h.Invoicing.ProposeAsync(order, new InvoiceProposalRequest { InvoiceNumber = "B-F2" });

        proposal.CanCreate.Should().BeFalse();
        proposal.Violations.Should().ContainSingle(v => v.Rule == KlarnaInvoicingRule.CaptureTooLarge);
    }
}
