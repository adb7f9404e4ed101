using Specter.Klarna.Invoicing.Capture.Internal;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Capture;

/// <summary>The worked examples of docs/capture-math.md; every number below is computed by hand there.</summary>
public sealed class WorkedExampleTests
{
    [Fact]
    public void Plan_FullOrderDelivered_CapturesOrderTotalInOneInvoice()
    {
        var order = Deliver(IssueExample(), ("1", 3));
        var prior = new List<InvoicePlan>();

        var plan = PlanOk(order, prior);

        plan.Type.Should().Be(InvoiceType.Delivery);
        plan.Total.Minor().Should().Be(53630);
        plan.VatTotal.Minor().Should().Be(10746 + 980 - 1000);
        var lines = plan.Capture!.Lines;
        lines.Should().HaveCount(3);
        lines[0].Should().BeEquivalentTo(new { Type = "physical", Name = "T-shirt", Reference = "TS-001", Quantity = 3L, QuantityUnit = "st", UnitPrice = 19900L, TotalDiscountAmount = 5970L, TotalAmount = 53730L, TotalTaxAmount = 10746L, TaxRate = 2500 });
        lines[1].Should().BeEquivalentTo(new { Type = "shipping_fee", Quantity = 1L, UnitPrice = 4900L, TotalAmount = 4900L, TotalTaxAmount = 980L });
        lines[2].Should().BeEquivalentTo(new { Type = "discount", Quantity = 1L, UnitPrice = -5000L, TotalAmount = -5000L, TotalTaxAmount = -1000L, TotalDiscountAmount = 0L });
        plan.Capture.Reference.Should().Be("10045");
        plan.Capture.Description.Should().Be("Leveransfaktura 10045");
        KlarnaFormulas.AssertValid(plan.Capture, plan.Total);
    }

    [Fact]
    public void Plan_TwoThenOne_SplitsLineAndDiscountExactly()
    {
        var order = IssueExample();
        var prior = new List<InvoicePlan>();

        var first = PlanOk(order, prior);
        var second = PlanOk(Deliver(order, ("1", 3)), prior);

        first.For("1").Amount.Minor().Should().Be(35820);
        first.For("1").VatAmount.Minor().Should().Be(7164);
        first.For("1").DiscountAmount!.Value.Minor().Should().Be(3980);
        first.For("2").Amount.Minor().Should().Be(4900);
        first.For("3").Amount.Minor().Should().Be(-3333);
        first.For("3").VatAmount.Minor().Should().Be(-667);
        first.Total.Minor().Should().Be(37387);
        second.For("1").Amount.Minor().Should().Be(17910);
        second.For("3").Amount.Minor().Should().Be(-1667);
        second.For("3").VatAmount.Minor().Should().Be(-333);
        second.Lines.Should().NotContain(l => l.OrderLineId == "2");
        second.Total.Minor().Should().Be(16243);
        (first.Total + second.Total).Minor().Should().Be(53630);
        KlarnaFormulas.AssertValid(first.Capture!, first.Total);
        KlarnaFormulas.AssertValid(second.Capture!, second.Total);
    }

    [Fact]
    public void Plan_OneThenTwo_SumsToSameOrderTotal()
    {
        var order = Deliver(IssueExample(), ("1", 1));
        var prior = new List<InvoicePlan>();

        var first = PlanOk(order, prior);
        var second = PlanOk(Deliver(order, ("1", 3)), prior);

        first.For("1").Amount.Minor().Should().Be(17910);
        first.For("3").Amount.Minor().Should().Be(-1667);
        first.Total.Minor().Should().Be(21143);
        second.For("1").Amount.Minor().Should().Be(35820);
        second.For("3").Amount.Minor().Should().Be(-3333);
        second.Total.Minor().Should().Be(32487);
        (first.Total + second.Total).Minor().Should().Be(53630);
    }

    [Fact]
    public void Plan_ThirtyPercentPrepaymentThenFinal_NetsPrepaymentExactly()
    {
        var order = Order(Line("A", OrderLineKind.Goods, 1, 1000.00m, 25), Line("B", OrderLineKind.Goods, 2, 150.00m, 12));
        var prior = new List<InvoicePlan>();

        var prepayment = PlanOk(order, prior, InvoiceType.Prepayment, 30);
        var final = PlanOk(order, prior);

        prepayment.Total.Minor().Should().Be(39000);
        prepayment.Lines.Select(l => (l.VatRate, l.Amount.MinorUnits, l.VatAmount.MinorUnits))
            .Should().Equal((25m, 30000L, 6000L), (12m, 9000L, 964L));
        prepayment.Capture!.Description.Should().Be("Förskottsfaktura 10045");
        final.Type.Should().Be(InvoiceType.Final);
        final.Lines.Where(l => l.Kind == InvoicePlanLineKind.PrepaymentNetting).Select(l => (l.VatRate, l.Amount.MinorUnits, l.VatAmount.MinorUnits))
            .Should().Equal((25m, -30000L, -6000L), (12m, -9000L, -964L));
        final.Total.Minor().Should().Be(91000);
        final.VatTotal.Minor().Should().Be(20000 + 3214 - 6000 - 964);
        (prepayment.Total + final.Total).Minor().Should().Be(130000);
        KlarnaFormulas.AssertValid(prepayment.Capture, prepayment.Total);
        KlarnaFormulas.AssertValid(final.Capture!, final.Total);
    }

    [Fact]
    public void Plan_MixedVatWithOrderDiscountAndShipping_SpreadsDiscountOverGoods()
    {
        var order = Order(
            Line("1", OrderLineKind.Goods, 2, 100.00m, 25, delivered: 2),
            Line("2", OrderLineKind.Goods, 1, 50.00m, 12),
            Line("3", OrderLineKind.Goods, 1, 30.00m, 6),
            Line("4", OrderLineKind.Shipping, 1, 49.00m, 25),
            Line("5", OrderLineKind.Discount, 1, -10.00m, 25));
        var prior = new List<InvoicePlan>();

        var first = PlanOk(order, prior);
        var final = PlanOk(order, prior, InvoiceType.Final);

        first.Lines.Select(l => (l.OrderLineId, l.Amount.MinorUnits, l.VatAmount.MinorUnits))
            .Should().Equal(("1", 20000L, 4000L), ("4", 4900L, 980L), ("5", -714L, -143L));
        first.Total.Minor().Should().Be(24186);
        final.Lines.Select(l => (l.OrderLineId, l.Amount.MinorUnits, l.VatAmount.MinorUnits))
            .Should().Equal(("2", 5000L, 536L), ("3", 3000L, 170L), ("5", -286L, -57L));
        final.Total.Minor().Should().Be(7714);
        (first.Total + final.Total).Minor().Should().Be(31900);
    }

    [Fact]
    public void Plan_PricesExcludingVat_ComputesGrossAndResidueDiscount()
    {
        var order = Order(
            Line("1", OrderLineKind.Goods, 3, 80.00m, 25, delivered: 3),
            Line("2", OrderLineKind.Goods, 1, 99.99m, 12, delivered: 1),
            Line("3", OrderLineKind.Goods, 3, 33.33m, 25, delivered: 3)) with { PricesIncludeVat = false };

        var plan = PlanOk(order, []);

        plan.Lines.Select(l => (l.Amount.MinorUnits, l.VatAmount.MinorUnits)).Should().Equal((30000L, 6000L), (11199L, 1200L), (12499L, 2500L));
        plan.Total.Minor().Should().Be(53698);
        var k = plan.Capture!.Lines;
        k[0].Should().BeEquivalentTo(new { Quantity = 3L, UnitPrice = 10000L, TotalDiscountAmount = 0L, TotalTaxAmount = 6000L });
        k[1].Should().BeEquivalentTo(new { Quantity = 1L, UnitPrice = 11199L, TotalTaxAmount = 1200L, TaxRate = 1200 });
        k[2].Should().BeEquivalentTo(new { Quantity = 3L, UnitPrice = 4167L, TotalDiscountAmount = 2L, TotalAmount = 12499L, TotalTaxAmount = 2500L });
        KlarnaFormulas.AssertValid(plan.Capture, plan.Total);
    }

    [Fact]
    public void Plan_FractionalQuantity_BecomesQuantityOneNamedWithAmount()
    {
        var order = Order(Line("1", OrderLineKind.Goods, 2.5m, 39.90m, 12, delivered: 2.5m, unit: "kg") with { Description = "Äpplen" });

        var plan = PlanOk(order, []);

        plan.Total.Minor().Should().Be(9975);
        plan.VatTotal.Minor().Should().Be(1069);
        plan.Capture!.Lines.Single().Should().BeEquivalentTo(new { Name = "Äpplen (2,5 kg)", Quantity = 1L, QuantityUnit = (string?)null, UnitPrice = 9975L, TotalAmount = 9975L, TotalTaxAmount = 1069L });
    }

    [Fact]
    public void Plan_MoreThanThousandLines_MergesPerVatRateExactly()
    {
        var lines = Enumerable.Range(1, 1200).Select(i => Line($"a{i}", OrderLineKind.Goods, 1, 10.00m, 25, delivered: 1))
            .Concat(Enumerable.Range(1, 300).Select(i => Line($"b{i}", OrderLineKind.Goods, 1, 5.00m, 12, delivered: 1)));
        var order = Order([.. lines]);

        var plan = PlanOk(order, []);

        plan.Lines.Should().HaveCount(1500);
        plan.Total.Minor().Should().Be(1_350_000);
        plan.VatTotal.Minor().Should().Be(240_000 + 16_200);
        // The 25 % lines merge into one (their VAT is exact); the 12 % lines (54 each, 0.43 over the formula) merge in pairs,
        // so each merged line's VAT stays within Klarna's ±1 and the rate keeps the ERP's 16 200.
        plan.Capture!.Lines.Should().HaveCount(151);
        plan.Capture.Lines[0].Should().BeEquivalentTo(new { TaxRate = 2500, TotalAmount = 1_200_000L, TotalTaxAmount = 240_000L });
        plan.Capture.Lines.Skip(1).Should().AllSatisfy(l => l.Should().BeEquivalentTo(new { TaxRate = 1200, TotalAmount = 1_000L, TotalTaxAmount = 108L, Quantity = 1L }));
        plan.VatTotals.Should().Equal(
            new VatRateTotal(25m, Sek(960_000), Sek(240_000), Sek(1_200_000)),
            new VatRateTotal(12m, Sek(133_800), Sek(16_200), Sek(150_000)));
        KlarnaFormulas.AssertValid(plan.Capture, plan.Total);
    }

    [Fact]
    public void Plan_Jpy_HasNoDecimals()
    {
        var order = Order(Line("1", OrderLineKind.Goods, 3, 1980m, 10, delivered: 2)) with { Currency = "JPY" };
        var prior = new List<InvoicePlan>();

        var first = PlanOk(order, prior);
        var final = PlanOk(order, prior, InvoiceType.Final);

        first.Total.Should().Be(new Money(3960, Currency.JPY));
        first.VatTotal.Minor().Should().Be(360);
        final.Total.Minor().Should().Be(1980);
        final.VatTotal.Minor().Should().Be(180);
        first.Capture!.Lines.Single().Should().BeEquivalentTo(new { Quantity = 2L, UnitPrice = 1980L, TotalTaxAmount = 360L, TaxRate = 1000 });
    }

    private static Money Sek(long minor) => new(minor, Currency.SEK);
}
