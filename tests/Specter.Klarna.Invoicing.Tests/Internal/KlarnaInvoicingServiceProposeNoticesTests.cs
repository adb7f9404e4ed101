using System.Globalization;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Internal;

/// <summary>The proposal says what will happen before it happens: wrong credentials, a final invoice of undelivered goods, the preview placeholder.</summary>
public sealed class KlarnaInvoicingServiceProposeNoticesTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task Propose_WrongPassword_BlocksWithKlarnaRefusedOurCredentials_NotKlarnaUnavailable()
    {
        await using var h = InvoicingHarness.Create(configure: o => o.Merchants[InvoicingHarness.Merchant].Password = "a-wrong-password");
        var order = h.Reserve(SampleOrders.Simple(delivered: 1));

        var proposal = await h.Invoicing.ProposeAsync(order);

        proposal.CanCreate.Should().BeFalse();
        proposal.Warnings.Should().NotContain(w => w.Code == ProposalWarningCode.KlarnaUnavailable);
        var warning = proposal.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.KlarnaCredentialsRefused).Which;
        warning.IsBlocking.Should().BeTrue();
        warning.GetMessage(English).Should().Be("Klarna refused our credentials for merchant profile SE (HTTP 401); check the API username and password. Nothing can be activated until they are corrected.");
        warning.GetMessage(Swedish).Should().StartWith("Klarna godtog inte våra inloggningsuppgifter för handlarprofil SE (HTTP 401)");
    }

    [Fact]
    public async Task Propose_Klarna403OnReadingTheOrder_IsACredentialsProblemToo()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(delivered: 1));
        h.Klarna.InjectFault(SimulatedFault.Refuse(403, "FORBIDDEN", "Access denied.").OnOperation(SimulatedOperation.GetOrder));

        var proposal = await h.Invoicing.ProposeAsync(order);

        proposal.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.KlarnaCredentialsRefused && w.IsBlocking)
            .Which.Arguments.Should().Equal("SE", 403);
    }

    [Fact]
    public async Task Propose_KlarnaServerError_IsStillANonBlockingKlarnaUnavailable()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(delivered: 1));
        h.Klarna.InjectFault(SimulatedFault.FailBeforeApplying().OnOperation(SimulatedOperation.GetOrder).Always());

        var proposal = await h.Invoicing.ProposeAsync(order);

        proposal.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.KlarnaUnavailable).Which.IsBlocking.Should().BeFalse();
        proposal.CanCreate.Should().BeTrue();
    }

    [Fact]
    public async Task Propose_FinalInvoiceWithNothingDelivered_WarnsThatItCapturesUndeliveredGoods_WithoutBlocking()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple()); // 4 × 1 234,50 + 2 × 300,00 = 5 538,00 kr, nothing delivered

        var proposal = await h.Invoicing.ProposeAsync(order, new InvoiceProposalRequest { Type = InvoiceType.Final });

        proposal.CanCreate.Should().BeTrue();
        var warning = proposal.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.FinalInvoiceCapturesUndelivered).Which;
        warning.IsBlocking.Should().BeFalse();
        warning.GetMessage(English).Should().Be("Nothing on the order is delivered yet: this final invoice captures SEK 5,538.00 for goods not yet shipped.");
        warning.GetMessage(Swedish).Should().Be("Inget på ordern är levererat ännu: slutfakturan drar 5 538,00 kr för varor som inte har skickats.");
    }

    [Fact]
    public async Task Propose_FinalInvoiceAfterADelivery_HasNoUndeliveredWarning()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(delivered: 1));

        var proposal = await h.Invoicing.ProposeAsync(order, new InvoiceProposalRequest { Type = InvoiceType.Final });

        proposal.Warnings.Should().NotContain(w => w.Code == ProposalWarningCode.FinalInvoiceCapturesUndelivered);
    }

    [Fact]
    public async Task Propose_WithoutAnInvoiceNumber_IsAPreview_WithThePlaceholderInNumberReferenceAndDescription()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(delivered: 1));

        var preview = await h.Invoicing.ProposeAsync(order);
        var numbered = await h.Invoicing.ProposeAsync(order, new InvoiceProposalRequest { InvoiceNumber = "F-77" });

        preview.IsPreview.Should().BeTrue();
        InvoiceProposal.PreviewInvoiceNumber.Should().Be("PREVIEW");
        preview.Plan!.InvoiceNumber.Should().Be("PREVIEW");
        preview.Plan.Capture!.Reference.Should().Be("PREVIEW");
        preview.Plan.Capture.Description.Should().Contain("PREVIEW");
        numbered.IsPreview.Should().BeFalse();
        numbered.Plan!.InvoiceNumber.Should().Be("F-77");
        numbered.Plan.Capture!.Reference.Should().Be("F-77");
    }
}
