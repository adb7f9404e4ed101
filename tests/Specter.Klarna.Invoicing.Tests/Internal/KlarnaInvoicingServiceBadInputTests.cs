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

    [Fact]
    public async Task ProposeAndCreate_UnknownMerchantProfile_IsATypedValidationErrorBeforeAnyCall()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple()) with { Merchant = "FI" };
        int requestsBefore = h.Klarna.ReceivedRequests.Count;

        var propose = () => h.Invoicing.ProposeAsync(order);
        var create = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "M-1" });

        (await propose.Should().ThrowAsync<InvoicingOrderValidationException>()).Which.Errors.Should().ContainSingle(e => e.Code == OrderValidationErrorCode.UnknownMerchant && e.Field == "merchant");
        (await create.Should().ThrowAsync<InvoicingOrderValidationException>()).Which.Errors.Should().ContainSingle(e => e.Code == OrderValidationErrorCode.UnknownMerchant);
        h.Klarna.ReceivedRequests.Count.Should().Be(requestsBefore);
    }

    [Theory]
    [InlineData(1e28)]
    [InlineData(2_000_000_000)]
    public async Task CreateInvoice_AbsurdQuantity_IsATypedValidationError_NotAnOverflow(double quantity)
    {
        await using var h = InvoicingHarness.Create();
        var order = SampleOrders.Simple() with { Lines = [SampleOrders.Simple().Lines[0] with { Quantity = (decimal)quantity, DeliveredQuantity = 0 }] };

        var act = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "Q-1" });

        (await act.Should().ThrowAsync<InvoicingOrderValidationException>()).Which.Errors.Should().Contain(e => e.Code == OrderValidationErrorCode.AmountOutOfRange && e.LineId == "1");
    }

    [Theory]
    [InlineData("vatRate", "$.lines[0].vatRate")]
    [InlineData("pricesIncludeVat", "$.pricesIncludeVat")]
    public void OrderJson_MissingVatFields_AreRequired_NotSilentlyDefaulted(string field, string path)
    {
        string json = InvoicingOrderJson.Serialize(SampleOrders.Simple());
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        if (field == "pricesIncludeVat")
        {
            node.Remove(field);
        }
        else
        {
            node["lines"]![0]!.AsObject().Remove(field);
        }

        var act = () => InvoicingOrderJson.Parse(node.ToJsonString());

        act.Should().Throw<InvoicingOrderValidationException>().Which.Errors.Should().Contain(e => e.Code == OrderValidationErrorCode.MissingField && e.Field == path);
    }
}
