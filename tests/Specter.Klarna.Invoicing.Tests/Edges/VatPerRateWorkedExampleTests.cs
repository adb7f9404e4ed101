using Specter.Klarna.Invoicing.Tests.Capture;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Edges;

/// <summary>VAT per rate on the plan (the proposal and result carry the plan) equals Σ of the Klarna lines per rate; worked examples in docs/capture-math.md.</summary>
public sealed class VatPerRateWorkedExampleTests
{
    [Fact]
    public void MixedRates_TotalsPerRate_AreTheKlarnaLinesSums()
    {
        // V1 (worked example 4, deliver the 25 % line): 20 000 (VAT 4 000), Frakt 4 900 (980), Rabatt −714 (−143), all 25 %:
        // gross 24 186, VAT 4 837, net 19 349.
        var order = Order(
            Line("1", OrderLineKind.Goods, 2, 100.00m, 25, delivered: 2),
            Line("2", OrderLineKind.Goods, 1, 50.00m, 12),
            Line("3", OrderLineKind.Goods, 1, 30.00m, 6),
            Line("4", OrderLineKind.Shipping, 1, 49.00m, 25, delivered: 1),
            Line("5", OrderLineKind.Discount, 1, -10.00m, 25));
        var prior = new List<InvoicePlan>();

        var first = PlanOk(order, prior);
        var final = PlanOk(Deliver(order, ("2", 1), ("3", 1)), prior);

        first.VatTotals.Should().Equal(new VatRateTotal(25m, Sek(19_349), Sek(4_837), Sek(24_186)));
        // Final: 5 000 @12 (VAT 536), 3 000 @6 (VAT 170), Rabatt −286 @25 (VAT −57).
        final.VatTotals.Should().Equal(
            new VatRateTotal(25m, Sek(-229), Sek(-57), Sek(-286)),
            new VatRateTotal(12m, Sek(4_464), Sek(536), Sek(5_000)),
            new VatRateTotal(6m, Sek(2_830), Sek(170), Sek(3_000)));
        foreach (var plan in new[] { first, final })
        {
            foreach (var rate in plan.VatTotals)
            {
                long klarnaTax = plan.Capture!.Lines.Where(l => l.TaxRate == (int)(rate.Rate * 100)).Sum(l => l.TotalTaxAmount);
                rate.Vat.MinorUnits.Should().Be(klarnaTax);
            }
        }
    }

    [Fact]
    public void MergedLines_KeepTheLineDiscountVisible_AndTheRatesVat()
    {
        // V2: 1 001 lines of 2 × 10.00 @25 % with 10 % off: gross 2 000, discount 200, total 1 800, VAT 360 each.
        // Merged (one group per rate): unit price 2 002 000, discount 200 200, total 1 801 800, VAT 360 360 (exact).
        var order = Order([.. Enumerable.Range(1, 1001).Select(i => Line($"a{i}", OrderLineKind.Goods, 2, 10.00m, 25, delivered: 2, discountPercent: 10))]);

        var plan = PlanOk(order, []);

        plan.Capture!.Lines.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Quantity = 1L, UnitPrice = 2_002_000L, TotalDiscountAmount = 200_200L, TotalAmount = 1_801_800L, TotalTaxAmount = 360_360L });
        plan.VatTotals.Should().Equal(new VatRateTotal(25m, Sek(1_441_440), Sek(360_360), Sek(1_801_800)));
        KlarnaFormulas.AssertValid(plan.Capture, plan.Total);
    }

    private static Money Sek(long minor) => new(minor, Currency.SEK);
}
