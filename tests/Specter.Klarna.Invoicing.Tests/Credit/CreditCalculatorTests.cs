using FluentAssertions;
using Specter.Klarna.Invoicing.Credit.Internal;
using Specter.Klarna.Invoicing.Tests.Capture;
using static Specter.Klarna.Invoicing.Tests.Credit.CreditExamples;

namespace Specter.Klarna.Invoicing.Tests.Credit;

/// <summary>The credit math against the hand-computed worked examples of docs/corrections.md.</summary>
public sealed class CreditCalculatorTests
{
    private static CreditInput Input(InvoicePlan invoice, string creditNumber, params InvoicePlan[] earlier) => new()
    {
        Invoice = invoice,
        EarlierCredits = earlier,
        CreditNumber = creditNumber,
        Refunds = true,
        LeftOnOrder = 10_000_000,
    };

    private static InvoicePlan PlanOk(CreditInput input)
    {
        var outcome = CreditCalculator.Plan(input);
        outcome.Violations.Should().BeEmpty();
        KlarnaFormulas.AssertValid(outcome.Plan!.Capture!, outcome.Plan.Total);
        return outcome.Plan!;
    }

    [Fact]
    public void Example1_PartialReturnOfASplitLine_TakesItsShareOfWhatIsLeft_AndTheLastReturnTakesTheRest()
    {
        var invoice = SplitLineSecondInvoice();
        var first = PlanOk(Input(invoice, "K1") with { Lines = [new CreditLineRequest("L1", 2)] });

        first.Total.Should().Be(Sek(76_467));
        first.VatTotal.Should().Be(Sek(15_293));
        var refund = first.Capture!;
        refund.Reference.Should().Be("K1");
        refund.CapturedAmount.Should().Be(Sek(76_467));
        refund.Lines.Should().ContainSingle().Which.Should().BeEquivalentTo(new KlarnaCaptureLine
        {
            Type = "physical", Reference = "A1", Name = "Stol", Quantity = 2, UnitPrice = 39_900, TaxRate = 2500,
            TotalAmount = 76_467, TotalDiscountAmount = 3_333, TotalTaxAmount = 15_293,
        });

        var second = PlanOk(Input(invoice, "K2", first) with { Lines = [new CreditLineRequest("L1", 1)] });
        second.Capture!.Lines.Should().ContainSingle().Which.Should().BeEquivalentTo(new KlarnaCaptureLine
        {
            Type = "physical", Reference = "A1", Name = "Stol", Quantity = 1, UnitPrice = 39_900, TaxRate = 2500,
            TotalAmount = 38_233, TotalDiscountAmount = 1_667, TotalTaxAmount = 7_647,
        });
        (first.Total.MinorUnits + second.Total.MinorUnits).Should().Be(114_700, "the credits of a line add up exactly to the line");
        (first.VatTotal.MinorUnits + second.VatTotal.MinorUnits).Should().Be(22_940);
    }

    [Fact]
    public void Example1_ReturningMoreThanTheInvoiceHoldsOfTheLine_IsRefused_EvenThoughTheOrderHasMore()
    {
        var outcome = CreditCalculator.Plan(Input(SplitLineSecondInvoice(), "K1") with { Lines = [new CreditLineRequest("L1", 4)] });

        outcome.Plan.Should().BeNull();
        outcome.Violations.Should().ContainSingle().Which.Rule.Should().Be(KlarnaInvoicingRule.CreditExceedsInvoice);
        outcome.LeftOnInvoice.Should().Be(114_700);
    }

    [Fact]
    public void Example2_PriceReductionAt25Percent_IsSpreadOverThatRatesLines_ByLargestRemainder_WithExactVat()
    {
        var plan = PlanOk(Input(MixedVat(), "K3") with { Amounts = [new CreditAmountRequest(25, Sek(10_000))] });

        plan.Lines.Select(l => (l.OrderLineId, l.Amount.MinorUnits, l.VatAmount.MinorUnits)).Should().Equal(
            ("C1", 7_704L, 1_541L), ("C2", 1_918L, 384L), ("S", 378L, 75L));
        plan.Capture!.Lines.Select(l => (l.Reference, l.Quantity, l.UnitPrice, l.TotalAmount)).Should().Equal(
            ("C1", 1L, 7_704L, 7_704L), ("C2", 1L, 1_918L, 1_918L), ("FRAKT", 1L, 378L, 378L));
        plan.Total.Should().Be(Sek(10_000));
        plan.VatTotal.Should().Be(Sek(2_000));
    }

    [Fact]
    public void Example2_MoreThanIsLeftAtARate_IsRefused_AndTheWholeCreditAfterAReductionTakesTheRest()
    {
        var invoice = MixedVat();
        CreditCalculator.Plan(Input(invoice, "K3") with { Amounts = [new CreditAmountRequest(6, Sek(49_801))] })
            .Violations.Should().ContainSingle().Which.Rule.Should().Be(KlarnaInvoicingRule.CreditExceedsInvoice);

        var reduction = PlanOk(Input(invoice, "K3") with { Amounts = [new CreditAmountRequest(25, Sek(10_000)), new CreditAmountRequest(6, Sek(5_000))] });
        reduction.VatTotal.Should().Be(Sek(2_000 + 283));
        var rest = CreditCalculator.Plan(Input(invoice, "K4", reduction));

        rest.Plan!.Total.Should().Be(Sek(179_600 - 15_000));
        rest.Plan.VatTotal.Should().Be(Sek(28_779 - 2_283));
        rest.LeftOnInvoice.Should().Be(0);
        CreditCalculator.Plan(Input(invoice, "K5", reduction, rest.Plan)).Violations.Should().ContainSingle()
            .Which.Rule.Should().Be(KlarnaInvoicingRule.NothingToCredit);
    }

    [Fact]
    public void Example2_ShippingIsCreditedWhole_OrNotAtAll()
    {
        CreditCalculator.Plan(Input(MixedVat(), "K6") with { Lines = [new CreditLineRequest("S", 0.5m)] })
            .Violations.Should().ContainSingle().Which.Rule.Should().Be(KlarnaInvoicingRule.InvalidCredit);
        PlanOk(Input(MixedVat(), "K6") with { Lines = [new CreditLineRequest("S", 1)] }).Total.Should().Be(Sek(4_900));
    }

    [Fact]
    public void Example2_ShippingAlreadyCreditedWhole_ExceedsTheInvoice_AndSaysWhatIsLeft()
    {
        var first = PlanOk(Input(MixedVat(), "K6") with { Lines = [new CreditLineRequest("S", 1)] });

        var again = CreditCalculator.Plan(Input(MixedVat(), "K6b", first) with { Lines = [new CreditLineRequest("S", 1)] });

        var violation = again.Violations.Should().ContainSingle().Subject;
        violation.Rule.Should().Be(KlarnaInvoicingRule.CreditExceedsInvoice, "a line already credited in full is more than is left, not a malformed request");
        violation.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Be(
            "Order line S was already credited in full on invoice 2001: nothing of it is left to credit. SEK 1,747.00 is left to credit on the invoice.",
            "1 796,00 − 49,00 kr shipping = 1 747,00 kr");
        violation.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("sv-SE")).Replace('\u00A0', ' ').Replace('\u202F', ' ').Should().Be(
            "Orderrad S är redan krediterad i sin helhet på faktura 2001: inget av den återstår att kreditera. 1 747,00 kr återstår att kreditera på fakturan.");
    }

    [Fact]
    public void Example3_APrepaymentIsCreditedOnlyAsFarAsLaterInvoicesHaveNotNettedItOff()
    {
        var invoice = PrepaymentInvoice();
        var before = PlanOk(Input(invoice, "K7") with { UnnettedPrepayments = new Dictionary<int, long> { [2500] = 300_000 } });
        before.Total.Should().Be(Sek(300_000));
        before.VatTotal.Should().Be(Sek(60_000));
        before.Capture!.Lines.Should().ContainSingle().Which.Reference.Should().BeNull("the capture's prepayment line carried no reference either");

        var partlyNetted = CreditCalculator.Plan(Input(invoice, "K7") with { UnnettedPrepayments = new Dictionary<int, long> { [2500] = 180_000 } });
        partlyNetted.Violations.Should().ContainSingle().Which.Rule.Should().Be(KlarnaInvoicingRule.PrepaymentAlreadyNetted);

        var whatIsLeft = PlanOk(Input(invoice, "K7") with
        {
            Amounts = [new CreditAmountRequest(25, Sek(180_000))],
            UnnettedPrepayments = new Dictionary<int, long> { [2500] = 180_000 },
        });
        whatIsLeft.VatTotal.Should().Be(Sek(36_000));
    }

    [Fact]
    public void TheCreditNeverExceedsWhatKlarnaHasLeftToRefundOnTheOrder()
    {
        var outcome = CreditCalculator.Plan(Input(MixedVat(), "K8") with { LeftOnOrder = 179_599 });

        outcome.Violations.Should().ContainSingle().Which.Rule.Should().Be(KlarnaInvoicingRule.CreditExceedsOrder);
    }

    [Fact]
    public void AReturnFee_IsANegativeReturnFeeLine_LoweringTheRefund_OnlyWhereKlarnaAllowsIt()
    {
        var request = Input(MixedVat(), "K9") with { Lines = [new CreditLineRequest("C1", 1)], ReturnFee = new CreditReturnFee(25, Sek(5_000)) };
        CreditCalculator.Plan(request).Violations.Should().ContainSingle().Which.Rule.Should().Be(KlarnaInvoicingRule.ReturnFeeNotAllowed);

        var plan = PlanOk(request with { ReturnFeeAllowed = true });
        plan.Total.Should().Be(Sek(95_000));
        plan.VatTotal.Should().Be(Sek(19_000));
        plan.Capture!.Lines.Should().HaveCount(2);
        plan.Capture.Lines[1].Should().BeEquivalentTo(new KlarnaCaptureLine
        {
            Type = "return_fee", Name = "Returavgift", Quantity = 1, UnitPrice = -5_000, TaxRate = 2500, TotalAmount = -5_000, TotalTaxAmount = -1_000,
        });
    }

    [Theory]
    [InlineData("X", 1)]
    [InlineData("C1", 0)]
    [InlineData("C1", -1)]
    public void BadLinesAreTypedErrors(string lineId, int quantity)
    {
        CreditCalculator.Plan(Input(MixedVat(), "K10") with { Lines = [new CreditLineRequest(lineId, quantity)] })
            .Violations.Should().ContainSingle().Which.Rule.Should().Be(KlarnaInvoicingRule.InvalidCredit);
    }

    [Fact]
    public void LinesAndAmountsTogether_AreRefused()
    {
        CreditCalculator.Plan(Input(MixedVat(), "K11") with { Lines = [new CreditLineRequest("C1", 1)], Amounts = [new CreditAmountRequest(25, Sek(100))] })
            .Violations.Should().ContainSingle().Which.Rule.Should().Be(KlarnaInvoicingRule.InvalidCredit);
    }

    [Fact]
    public void WithoutAReservation_NothingIsRefunded()
    {
        var plan = CreditCalculator.Plan(Input(MixedVat(), "K12") with { Refunds = false, LeftOnOrder = null }).Plan!;

        plan.Total.Should().Be(Sek(179_600));
        plan.Capture.Should().BeNull();
    }
}
