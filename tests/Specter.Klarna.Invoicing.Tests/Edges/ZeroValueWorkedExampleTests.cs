using Specter.Klarna.Invoicing.Tests.Capture;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Edges;

/// <summary>The zero-value worked examples of docs/capture-math.md ("Invoices that capture nothing"); every number is computed by hand there.</summary>
public sealed class ZeroValueWorkedExampleTests
{
    [Fact]
    public void FullPrepaymentThenDelivery_DeliveryInvoiceNetsToZero_AndCapturesNothing()
    {
        // Z1: A 2 × 100.00 @25 (20 000, VAT 4 000); 100 % prepayment 20 000 (VAT 4 000); delivery: 20 000 − 20 000 = 0.
        var order = Order(Line("A", OrderLineKind.Goods, 2, 100.00m, 25));
        var prior = new List<InvoicePlan>();

        var prepayment = PlanOk(order, prior, InvoiceType.Prepayment, 100);
        var delivery = PlanOk(Deliver(order, ("A", 2)), prior);

        prepayment.Total.Minor().Should().Be(20_000);
        prepayment.VatTotal.Minor().Should().Be(4_000);
        delivery.Type.Should().Be(InvoiceType.Delivery);
        delivery.For("A").Amount.Minor().Should().Be(20_000);
        delivery.Lines.Single(l => l.Kind == InvoicePlanLineKind.PrepaymentNetting).Amount.Minor().Should().Be(-20_000);
        delivery.Total.Minor().Should().Be(0);
        delivery.VatTotal.Minor().Should().Be(0);
        delivery.Capture.Should().BeNull("an invoice that nets to zero sends nothing to Klarna");
        delivery.CompletesOrder.Should().BeFalse("the planner alone does not mark it; the orchestration does");
    }

    [Fact]
    public void GiftCardsEqualToGoods_PartialDelivery_NeverLeavesMinusOneOre()
    {
        // Z2: goods 3 × 1.00 @25 (300); three gift cards −1.00 each. Deliver 2 (G = 200 of 300):
        // one rounding R = 300 × 200 / 300 = 200, split 67 / 67 / 66 → invoice 200 − 200 = 0 (rounded one by one: 3 × −67 = −201 → −1 öre).
        var order = Order(
            Line("A", OrderLineKind.Goods, 3, 1.00m, 25, delivered: 2),
            Line("G1", OrderLineKind.GiftCard, 1, -1.00m, 0),
            Line("G2", OrderLineKind.GiftCard, 1, -1.00m, 0),
            Line("G3", OrderLineKind.GiftCard, 1, -1.00m, 0));
        var prior = new List<InvoicePlan>();

        var first = PlanOk(order, prior);
        var second = PlanOk(Deliver(order, ("A", 3)), prior);

        first.For("A").Amount.Minor().Should().Be(200);
        first.Lines.Where(l => l.OrderLineKind == OrderLineKind.GiftCard).Select(l => l.Amount.Minor()).Should().Equal(-67, -67, -66);
        first.Total.Minor().Should().Be(0);
        second.For("A").Amount.Minor().Should().Be(100);
        second.Lines.Where(l => l.OrderLineKind == OrderLineKind.GiftCard).Select(l => l.Amount.Minor()).Should().Equal(-33, -33, -34);
        second.Total.Minor().Should().Be(0);
        first.Capture.Should().BeNull();
        second.Capture.Should().BeNull();
    }

    [Fact]
    public void DiscountEqualToGoods_WithShipping_CapturesOnlyTheShipping()
    {
        // Z3: 2 × 50.00 @25 (10 000, VAT 2 000), Rabatt −100.00 @25 (VAT −2 000), Frakt 49.00 @25 (VAT 980).
        // Deliver 1: Rabatt −10 000 × 5 000 / 10 000 = −5 000 (VAT −1 000); invoice 5 000 − 5 000 + 4 900 = 4 900. Final: 5 000 − 5 000 = 0.
        var order = Order(
            Line("A", OrderLineKind.Goods, 2, 50.00m, 25, delivered: 1),
            Line("S", OrderLineKind.Shipping, 1, 49.00m, 25, delivered: 1),
            Line("D", OrderLineKind.Discount, 1, -100.00m, 25));
        var prior = new List<InvoicePlan>();

        var first = PlanOk(order, prior);
        var final = PlanOk(Deliver(order, ("A", 2)), prior);

        first.For("D").Amount.Minor().Should().Be(-5_000);
        first.For("D").VatAmount.Minor().Should().Be(-1_000);
        first.Total.Minor().Should().Be(4_900);
        first.VatTotal.Minor().Should().Be(980);
        KlarnaFormulas.AssertValid(first.Capture!, first.Total);
        final.Total.Minor().Should().Be(0);
        final.Capture.Should().BeNull();
    }
}
