using System.Globalization;
using System.Text.Json;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Activation;

/// <summary>A description the host gives replaces the merchant-language default as it is; longer than Klarna's 255 characters it is a typed error before any money moves.</summary>
public sealed class CaptureDescriptionTests
{
    private static string CaptureDescription(InvoicingHarness h) =>
        JsonDocument.Parse(h.Klarna.ReceivedRequests.Single(r => r.Operation == SimulatedOperation.CreateCapture).Body).RootElement.GetProperty("description").GetString()!;

    [Fact]
    public async Task AGivenDescription_ReplacesTheProfilesLanguageDefault_AsItIs()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        string given = "Order 200001 — shipped in full " + new string('x', 255 - 31);
        given.Length.Should().Be(255);

        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-1", Description = given });

        result.Status.State.Should().Be(ActivationState.Activated);
        CaptureDescription(h).Should().Be(given, "exactly Klarna's limit is sent whole, not the Swedish default 'Slutfaktura F-1'");
    }

    [Fact]
    public async Task WithoutADescription_TheDefaultIsInTheProfilesLanguage()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-1" });

        CaptureDescription(h).Should().Be("Slutfaktura F-1");
    }

    [Fact]
    public async Task ADescriptionLongerThanKlarnaAccepts_IsATypedErrorBeforeAnythingIsWrittenOrSent()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        var create = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-1", Description = new string('x', 256) });

        var violation = (await create.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Violation!;
        violation.Rule.Should().Be(KlarnaInvoicingRule.InvalidDescription);
        violation.GetMessage(CultureInfo.InvariantCulture).Should().Be("The description for Klarna is 256 characters; Klarna accepts at most 255 (the customer reads it on Klarna's invoice).");
        (await h.Ledger.FindAsync("F-1")).Should().BeNull();
        h.Klarna.ReceivedRequests.Should().BeEmpty("not even the order is read");
    }

    [Fact]
    public async Task ACreditsDescription_IsCheckedTheSameWay()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-1" });

        var credit = () => h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "F-1", CreditNumber = "K-1", Description = new string('x', 300) });

        (await credit.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvalidDescription);
        (await h.Ledger.FindAsync("K-1")).Should().BeNull();
        h.Klarna.ReceivedRequests.Should().NotContain(r => r.Operation == SimulatedOperation.CreateRefund);
    }
}
