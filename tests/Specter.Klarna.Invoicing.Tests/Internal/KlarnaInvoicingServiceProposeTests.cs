using System.Globalization;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Internal;

public sealed class KlarnaInvoicingServiceProposeTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public async Task Propose_DeliveredOrder_ShowsDeliveryInvoiceReservationAndDefaultsPrintAndEmailOff()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(delivered: 1));

        var proposal = await h.Invoicing.ProposeAsync(order);

        proposal.Decision.Proposed.Should().Be(InvoiceType.Delivery);
        proposal.Decision.Reason.Should().Be(InvoiceTypeReason.DeliveredNotInvoiced);
        proposal.DeliveryCount.Should().Be(1);
        proposal.Plan!.Total.MinorUnits.Should().Be(123450);
        proposal.CanCreate.Should().BeTrue();
        proposal.PrintByDefault.Should().BeFalse();
        proposal.EmailByDefault.Should().BeFalse();
        proposal.Reservation!.RemainingAuthorizedAmount.MinorUnits.Should().Be(553800);
        var reference = proposal.Reservation!.KlarnaReference;
        proposal.GetReservationText(Swedish).Should().Be($"Reservation {order.KlarnaOrderId} (Klarnas referens {reference}) kommer att aktiveras med 1 234,50 kr.");
        proposal.GetReservationText(English).Should().Be($"Reservation {order.KlarnaOrderId} (Klarna reference {reference}) will be activated for SEK 1,234.50.");
        (await h.Invoicing.GetOrderActivationStatusesAsync(order.OrderNumber)).Should().BeEmpty("proposing writes nothing");
        h.Klarna.ReceivedRequests.Should().OnlyContain(r => r.Method == "GET");
    }

    [Fact]
    public async Task Propose_NoReservation_SaysNothingHappensAtKlarna_AndPrintDefaultsOn()
    {
        await using var h = InvoicingHarness.Create();

        var proposal = await h.Invoicing.ProposeAsync(SampleOrders.Simple());

        proposal.Decision.Proposed.Should().Be(InvoiceType.Final);
        proposal.Decision.Allowed.Should().Contain(InvoiceType.Prepayment);
        proposal.GetReservationText(Swedish).Should().Be("Ordern har ingen Klarna-reservation: inget kommer att hända hos Klarna.");
        proposal.PrintByDefault.Should().BeTrue();
        h.Klarna.ReceivedRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task Propose_ReservationProblems_AreReportedBeforeTheUserConfirms()
    {
        await using var h = InvoicingHarness.Create(o => o.ExpiryWarningDays = 10);
        var soon = h.Reserve(SampleOrders.Simple("300001"), expiresAt: DateTimeOffset.UtcNow.AddDays(3));
        var expired = h.Reserve(SampleOrders.Simple("300002"), status: "EXPIRED");
        var fraud = h.Reserve(SampleOrders.Simple("300003"), fraudStatus: "PENDING");
        var small = h.Reserve(SampleOrders.Simple("300004"), authorizedAmount: 500000);

        var soonProposal = await h.Invoicing.ProposeAsync(soon);
        var expiredProposal = await h.Invoicing.ProposeAsync(expired);
        var fraudProposal = await h.Invoicing.ProposeAsync(fraud);
        var smallProposal = await h.Invoicing.ProposeAsync(small);

        soonProposal.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.ReservationExpiresSoon && !w.IsBlocking);
        soonProposal.CanCreate.Should().BeTrue();
        expiredProposal.Warnings.Should().Contain(w => w.Code == ProposalWarningCode.ReservationExpired && w.IsBlocking);
        expiredProposal.CanCreate.Should().BeFalse();
        fraudProposal.Warnings.Should().Contain(w => w.Code == ProposalWarningCode.FraudReviewPending && w.IsBlocking);
        var over = smallProposal.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.ExceedsRemainingAuthorized).Subject;
        over.GetMessage(Swedish).Should().Contain("med 538,00 kr");
        over.GetMessage(English).Should().Contain("by SEK 538.00");
    }

    [Fact]
    public async Task Propose_PrepaymentNotEnabledForMerchant_IsBlockingAndSaysWhy()
    {
        await using var h = InvoicingHarness.Create(o => o.Merchants[InvoicingHarness.Merchant].AllowPrepaymentCapture = false);
        var order = h.Reserve(SampleOrders.Simple());

        var proposal = await h.Invoicing.ProposeAsync(order, new InvoiceProposalRequest { Type = InvoiceType.Prepayment, PrepaymentPercent = 30 });
        var create = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "P-1", Type = InvoiceType.Prepayment, PrepaymentPercent = 30 });

        proposal.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.PrepaymentNotEnabled && w.IsBlocking)
            .Which.GetMessage(Swedish).Should().Contain("Förskottsdragning");
        (await create.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.PrepaymentNotEnabled);
    }

    [Fact]
    public async Task Propose_FullyInvoicedOrder_SaysNothingToInvoice()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-1" });

        var proposal = await h.Invoicing.ProposeAsync(order);

        proposal.Decision.HasSomethingToInvoice.Should().BeFalse();
        proposal.Decision.Reason.Should().Be(InvoiceTypeReason.FullyInvoiced);
        proposal.Plan.Should().BeNull();
        proposal.CanCreate.Should().BeFalse();
    }
}
