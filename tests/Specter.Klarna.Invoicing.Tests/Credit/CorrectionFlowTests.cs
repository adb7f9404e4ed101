using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Credit;

/// <summary>The correction proposal: cancel while nothing is captured, then credit and release, then release only.</summary>
public sealed class CorrectionFlowTests
{
    [Fact]
    public async Task NothingCaptured_IsCancel_CapturedIsCreditThenRelease_FullyCreditedIsRelease()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        var before = await h.Invoicing.ProposeCorrectionAsync(order);
        before.Kind.Should().Be(CorrectionKind.Cancel);
        before.InvoicesToCredit.Should().BeEmpty();

        await h.Invoicing.CreateInvoiceAsync(SampleOrders.Deliver(order, "1", 1), new CreateInvoiceRequest { InvoiceNumber = "D-1" });
        var captured = await h.Invoicing.ProposeCorrectionAsync(order);
        captured.Kind.Should().Be(CorrectionKind.Credit);
        captured.ReleaseRemaining.Should().BeTrue("Klarna still holds the rest of the order");
        captured.InvoicesToCredit.Should().ContainSingle().Which.Should().Be(new InvoiceCredit("D-1", new Money(123_450, Currency.SEK), ActivationState.Activated));

        await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "D-1", CreditNumber = "K-1" });
        var credited = await h.Invoicing.ProposeCorrectionAsync(order);
        credited.Kind.Should().Be(CorrectionKind.Release);
        credited.InvoicesToCredit.Should().BeEmpty();

        await h.Invoicing.ReleaseRemainingAuthorizationAsync(InvoicingHarness.Merchant, order.KlarnaOrderId!);
        (await h.Invoicing.ProposeCorrectionAsync(order)).Kind.Should().Be(CorrectionKind.Nothing);
    }

    [Fact]
    public async Task WithoutReservation_AnInvoiceIsCreditedInTheErpOnly()
    {
        await using var h = InvoicingHarness.Create();
        var order = SampleOrders.Simple("300002");
        (await h.Invoicing.ProposeCorrectionAsync(order)).Kind.Should().Be(CorrectionKind.Nothing);

        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "N-2" });

        var proposal = await h.Invoicing.ProposeCorrectionAsync(order);
        proposal.Kind.Should().Be(CorrectionKind.Credit);
        proposal.InvoicesToCredit.Should().ContainSingle().Which.Amount.Should().Be(new Money(553_800, Currency.SEK));
        h.Klarna.ReceivedRequests.Should().BeEmpty();
    }
}
