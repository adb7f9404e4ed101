using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Internal;

/// <summary>Every bad input gets a clear, typed error before any money moves, and nothing is written.</summary>
public sealed class KlarnaInvoicingServiceBadInputTests
{
    [Theory]
    [InlineData("", KlarnaInvoicingRule.InvalidInvoiceNumber)]
    [InlineData("   ", KlarnaInvoicingRule.InvalidInvoiceNumber)]
    public async Task CreateInvoice_BlankInvoiceNumber_IsATypedRuleViolation(string invoiceNumber, KlarnaInvoicingRule rule)
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        var act = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = invoiceNumber });

        (await act.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(rule);
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(0);
        (await h.Ledger.GetByOrderAsync(order.OrderNumber)).Should().BeEmpty();
    }

    [Fact]
    public async Task CreateInvoice_InvoiceNumberLongerThanKlarnasReferenceLimit_IsRefused()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        var act = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = new string('9', 256) });

        (await act.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvalidInvoiceNumber);
        (await h.Ledger.GetByOrderAsync(order.OrderNumber)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.01)]
    public async Task CreateInvoice_PrepaymentPercentOutsideRange_IsRefused(double percent)
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        var act = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "P-9", Type = InvoiceType.Prepayment, PrepaymentPercent = (decimal)percent });

        (await act.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvalidPrepaymentPercent);
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(0);
    }

    [Fact]
    public async Task CreateInvoice_DeliveryRequestedButNothingDelivered_IsRefusedWithTheAllowedTypes()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        var act = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "D-9", Type = InvoiceType.Delivery });

        (await act.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvoiceTypeNotAllowed);
    }

    [Fact]
    public async Task PublicEntryPoints_NullArguments_ThrowArgumentExceptions()
    {
        await using var h = InvoicingHarness.Create();

        await FluentActions.Awaiting(() => h.Invoicing.CreateInvoiceAsync(null!, new CreateInvoiceRequest { InvoiceNumber = "1" })).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => h.Invoicing.CreateInvoiceAsync(SampleOrders.Simple(), null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => h.Invoicing.ProposeAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => h.Invoicing.GetActivationStatusAsync(" ")).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => h.Invoicing.GetKlarnaOrderAsync(null, "")).Should().ThrowAsync<ArgumentException>();
    }
}
