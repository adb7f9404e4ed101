using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Capture;

public sealed class InvoicePlannerRuleTests
{
    [Theory]
    [InlineData("", "Fakturanummer saknas.")]
    [InlineData("10045", "Fakturanummer 10045 används redan på order 100234.")]
    public void Plan_BadInvoiceNumber_IsInvalidInvoiceNumber(string number, string swedish)
    {
        var order = IssueExample();
        var prior = new List<InvoicePlan>();
        PlanOk(Deliver(order, ("1", 1)), prior);

        var outcome = InvoicePlanner.Plan(order, prior, new InvoicePlanRequest { InvoiceNumber = number });

        outcome.IsAllowed.Should().BeFalse();
        outcome.Violations.Should().ContainSingle().Which.Should().Match<KlarnaInvoicingRuleViolation>(v => v.Rule == KlarnaInvoicingRule.InvalidInvoiceNumber && v.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("sv")) == swedish);
    }

    [Fact]
    public void Plan_InvoiceNumberOver255_IsInvalid() =>
        Plan(IssueExample(), new string('9', 256)).Violations.Single().Rule.Should().Be(KlarnaInvoicingRule.InvalidInvoiceNumber);

    [Fact]
    public void Plan_FullyInvoiced_IsNothingToInvoice()
    {
        var prior = new List<InvoicePlan>();
        PlanOk(IssueExample(), prior, InvoiceType.Final);

        InvoicePlanner.Plan(IssueExample(), prior, new InvoicePlanRequest { InvoiceNumber = "2" }).Violations.Single().Rule.Should().Be(KlarnaInvoicingRule.NothingToInvoice);
    }

    [Fact]
    public void Plan_PrepaymentWhileDeliveredNotInvoiced_IsTypeNotAllowed() =>
        Plan(IssueExample(), "1", InvoiceType.Prepayment, 30).Violations.Single().Rule.Should().Be(KlarnaInvoicingRule.InvoiceTypeNotAllowed);

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("100.01")]
    public void Plan_PrepaymentPercentOutOfRange_IsInvalid(string? percent) =>
        Plan(Deliver(IssueExample(), ("1", 0)), "1", InvoiceType.Prepayment, percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture))
            .Violations.Single().Rule.Should().Be(KlarnaInvoicingRule.InvalidPrepaymentPercent);

    [Fact]
    public void Plan_OverAuthorizedLimit_SaysByHowMuch()
    {
        var outcome = InvoicePlanner.Plan(IssueExample(), [], new InvoicePlanRequest { InvoiceNumber = "1", AuthorizedLimit = new Money(37000, Currency.SEK) });

        outcome.Violations.Single().Should().Match<KlarnaInvoicingRuleViolation>(v => v.Rule == KlarnaInvoicingRule.ExceedsAuthorizedAmount
            && v.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("en")) == "The invoice total SEK 373.87 exceeds the amount Klarna still has authorized (SEK 370.00) by SEK 3.87."
            && v.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("sv")) == "Fakturabeloppet 373,87 kr överstiger beloppet som fortfarande är reserverat hos Klarna (370,00 kr) med 3,87 kr.");
    }

    [Fact]
    public void Plan_OrderReducedBelowInvoiced_IsExceedsOrderedQuantity()
    {
        var prior = new List<InvoicePlan>();
        PlanOk(IssueExample(), prior);
        var reduced = IssueExample() with { Lines = [.. IssueExample().Lines.Select(l => l.LineId == "1" ? l with { Quantity = 1, DeliveredQuantity = 1 } : l)] };

        Plan(reduced, "2", InvoiceType.Final, null, prior).Violations.Should().Contain(v => v.Rule == KlarnaInvoicingRule.ExceedsOrderedQuantity && v.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("en")).StartsWith("Line 1: 2 is already invoiced", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_FullyPrepaidFinal_NetsToZero_NoCapture()
    {
        var order = Deliver(IssueExample(), ("1", 0));
        var prior = new List<InvoicePlan>();
        PlanOk(order, prior, InvoiceType.Prepayment, 100);

        var final = PlanOk(order, prior);

        final.Total.Minor().Should().Be(0);
        final.Capture.Should().BeNull();
        prior.Sum(p => p.Total.MinorUnits).Should().Be(53630);
    }

    [Fact]
    public void Plan_NoKlarnaOrderId_PlansInvoiceWithoutCapture()
    {
        var plan = PlanOk(IssueExample() with { KlarnaOrderId = null }, []);

        plan.Total.Minor().Should().Be(37387);
        plan.Capture.Should().BeNull();
    }

    [Fact]
    public void Plan_InvalidOrder_ThrowsValidationException() =>
        FluentActions.Invoking(() => Plan(IssueExample() with { Currency = "XXX" }, "1")).Should().Throw<InvoicingOrderValidationException>();

    [Fact]
    public void Plan_ProRataShipping_SpreadsShippingOverGoods()
    {
        var prior = new List<InvoicePlan>();

        var first = PlanOk(IssueExample(), prior, policy: ShippingPolicy.ProRata);

        first.For("2").Amount.Minor().Should().Be(3267); // 4900 × 35820 / 53730 = 3266.67
        PlanOk(Deliver(IssueExample(), ("1", 3)), prior, policy: ShippingPolicy.ProRata).For("2").Amount.Minor().Should().Be(1633);
    }

    [Fact]
    public void Plan_TooManyKlarnaLinesAfterMerging_IsAnInvalidOrder()
    {
        // Each line is near Klarna's per-line limit, so merging per VAT rate cannot get below 1000 lines.
        var order = Order([.. Enumerable.Range(1, 1001).Select(i => Line($"x{i}", OrderLineKind.Goods, 1, 750_000m, 25))]);

        OrderValidator.Validate(order).Should().BeEmpty("the order itself is valid; the capture's line count is the planner's check");
        FluentActions.Invoking(() => Plan(order, "1", InvoiceType.Final))
            .Should().Throw<InvoicingOrderValidationException>()
            .Which.Errors.Should().ContainSingle(e => e.Code == OrderValidationErrorCode.TooManyLines);
    }

    private static InvoicePlanOutcome Plan(InvoicingOrder order, string number, InvoiceType? type = null, decimal? percent = null, List<InvoicePlan>? prior = null) =>
        InvoicePlanner.Plan(order, prior ?? [], new InvoicePlanRequest { InvoiceNumber = number, Type = type, PrepaymentPercent = percent });
}
