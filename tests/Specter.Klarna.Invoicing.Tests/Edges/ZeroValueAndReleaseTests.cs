using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Edges;

/// <summary>Zero-value invoices against the simulator (nothing sent, accepted in any reservation state, locked) and the safe-release rule.</summary>
public sealed class ZeroValueAndReleaseTests
{
    private static InvoicingOrder TwoChairs(string number = "Z-100") => Order(Line("A", OrderLineKind.Goods, 2, 100.00m, 25)) with { OrderNumber = number };

    [Fact]
    public async Task DeliveryAfterFullPrepayment_IsCreatedAndLocked_WithNothingSent_ThoughTheReservationIsFullyCaptured()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(TwoChairs());
        var prepaid = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "P-1", Type = InvoiceType.Prepayment, PrepaymentPercent = 100 });
        prepaid.Status.State.Should().Be(ActivationState.Activated);
        h.Klarna.GetOrder(order.KlarnaOrderId!).RemainingAuthorizedAmount.Should().Be(0);

        var delivery = await h.Invoicing.CreateInvoiceAsync(Deliver(order, ("A", 2)), new CreateInvoiceRequest { InvoiceNumber = "D-1" });

        delivery.Plan.Total.MinorUnits.Should().Be(0);
        delivery.Plan.Capture.Should().BeNull();
        delivery.Plan.CompletesOrder.Should().BeTrue();
        delivery.Status.State.Should().Be(ActivationState.NotKlarna);
        h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture).Should().Be(1, "only the prepayment was captured");
        var edit = () => h.Invoicing.EnsureAllowedAsync("D-1", InvoiceAction.Edit);
        (await edit.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvoiceLocked);
        var delete = () => h.Invoicing.AbandonInvoiceAsync("D-1");
        (await delete.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvoiceLocked);
    }

    [Theory]
    [InlineData("CAPTURED")]
    [InlineData("CLOSED")]
    [InlineData("EXPIRED")]
    [InlineData("CANCELLED")]
    public async Task FreeGoods_AreInvoiced_WithNothingSent_WhateverTheReservationState(string status)
    {
        await using var h = InvoicingHarness.Create();
        var free = h.Reserve(Order(Line("X", OrderLineKind.Goods, 2, 0.00m, 25, delivered: 2)) with { OrderNumber = "Z-300" }, authorizedAmount: 10_000, status: status);

        var result = await h.Invoicing.CreateInvoiceAsync(free, new CreateInvoiceRequest { InvoiceNumber = "N-1" });

        result.Plan.Total.MinorUnits.Should().Be(0);
        result.Plan.Lines.Single().Quantity.Should().Be(2);
        result.Status.State.Should().Be(ActivationState.NotKlarna, result.Status.Failure?.ToString() + string.Join(";", result.Status.Failure?.ErrorMessages ?? []));
        h.Klarna.ReceivedRequests.Should().NotContain(r => r.Operation != SimulatedOperation.GetOrder, "nothing but reading the order reaches Klarna");
    }

    [Fact]
    public async Task ZeroValueProposal_AfterFullCapture_CanBeCreated_AndShowsTheReservationStateWithoutBlocking()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(TwoChairs());
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "P-1", Type = InvoiceType.Prepayment, PrepaymentPercent = 100 });

        var proposal = await h.Invoicing.ProposeAsync(Deliver(order, ("A", 2)), new InvoiceProposalRequest { InvoiceNumber = "D-1" });

        proposal.Plan!.Total.MinorUnits.Should().Be(0);
        proposal.CanCreate.Should().BeTrue();
        proposal.Warnings.Should().Contain(w => w.Code == ProposalWarningCode.ReservationFullyCaptured && !w.IsBlocking);
    }

    [Fact]
    public async Task BackOrderSharingTheKlarnaOrder_ClosingTheFirstOrder_DoesNotRelease_AndWarnsWithTheAmountStillReserved()
    {
        // One Klarna purchase of 2 × 100.00 + 1 × 50.00 = 25 000; the 50.00 line was split off as back-order Z-200.
        await using var h = InvoicingHarness.Create();
        var first = h.Reserve(TwoChairs("Z-100"), authorizedAmount: 25_000);
        var backOrder = Order(Line("B", OrderLineKind.Goods, 1, 50.00m, 25, delivered: 1)) with { OrderNumber = "Z-200", KlarnaOrderId = first.KlarnaOrderId, Merchant = first.Merchant };

        var proposal = await h.Invoicing.ProposeAsync(Deliver(first, ("A", 2)), new InvoiceProposalRequest { InvoiceNumber = "F-1" });
        var closed = await h.Invoicing.CreateInvoiceAsync(Deliver(first, ("A", 2)), new CreateInvoiceRequest { InvoiceNumber = "F-1" });

        proposal.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.AuthorizationStillReserved)
            .Which.Arguments[0].Should().Be(new Money(5_000, Currency.SEK));
        closed.RemainingAuthorizationReleased.Should().BeFalse();
        closed.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.AuthorizationStillReserved)
            .Which.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("en")).Should().Contain("50.00").And.Contain(first.KlarnaOrderId!);
        h.Klarna.GetOrder(first.KlarnaOrderId!).RemainingAuthorizedAmount.Should().Be(5_000);

        var backOrderInvoice = await h.Invoicing.CreateInvoiceAsync(backOrder, new CreateInvoiceRequest { InvoiceNumber = "F-2" });

        backOrderInvoice.Status.State.Should().Be(ActivationState.Activated, "the back-order's reservation was not released");
        h.Klarna.GetOrder(first.KlarnaOrderId!).CapturedAmount.Should().Be(25_000);
    }

    [Fact]
    public async Task OrderAccountingForTheWholeReservation_ReleasesNothingBecauseNothingIsLeft_AndWarnsNothing()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(TwoChairs());

        var result = await h.Invoicing.CreateInvoiceAsync(Deliver(order, ("A", 2)), new CreateInvoiceRequest { InvoiceNumber = "F-1" });

        result.RemainingAuthorizationReleased.Should().BeFalse();
        result.Warnings.Should().BeEmpty();
        h.Klarna.GetOrder(order.KlarnaOrderId!).RemainingAuthorizedAmount.Should().Be(0);
    }

    [Fact]
    public async Task ReservationText_ShowsKlarnasCustomerReference_NextToTheOrderId()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(Deliver(TwoChairs(), ("A", 2)));
        string reference = (await h.Invoicing.GetKlarnaOrderAsync(order.Merchant, order.KlarnaOrderId!)).KlarnaReference!;

        var proposal = await h.Invoicing.ProposeAsync(order);

        reference.Should().NotBeNullOrEmpty();
        proposal.Reservation!.KlarnaReference.Should().Be(reference);
        proposal.GetReservationText(System.Globalization.CultureInfo.GetCultureInfo("en")).Should().Be($"Reservation {order.KlarnaOrderId} (Klarna reference {reference}) will be activated for SEK 200.00.");
        proposal.GetReservationText(System.Globalization.CultureInfo.GetCultureInfo("sv")).Should().Be($"Reservation {order.KlarnaOrderId} (Klarnas referens {reference}) kommer att aktiveras med 200,00 kr.");
    }

    [Fact]
    public async Task LastInvoiceSettledByRecovery_FollowsTheSameRule_TheBackOrdersReservationStays()
    {
        await using var h = InvoicingHarness.Create();
        var first = h.Reserve(Deliver(TwoChairs("Z-400"), ("A", 2)), authorizedAmount: 25_000);
        h.Klarna.InjectFault(Specter.Klarna.Invoicing.Testing.SimulatedFault.LoseResponseAfterApplying().OnOperation(Specter.Klarna.Invoicing.Testing.SimulatedOperation.CreateCapture).Always());

        var lost = await h.Invoicing.CreateInvoiceAsync(first, new CreateInvoiceRequest { InvoiceNumber = "R-1" });
        h.Klarna.ClearFaults();
        var report = await h.RecoverLaterAsync();

        lost.Status.State.Should().Be(ActivationState.Unknown);
        lost.Plan.CompletesOrder.Should().BeTrue();
        report.Settled.Should().ContainSingle(s => s.InvoiceNumber == "R-1" && s.State == ActivationState.Activated);
        h.Klarna.GetOrder(first.KlarnaOrderId!).RemainingAuthorizedAmount.Should().Be(5_000, "the rest may belong to a back-order: recovery does not release it either");
        h.Klarna.ReceivedRequests.Should().NotContain(r => r.Operation == Specter.Klarna.Invoicing.Testing.SimulatedOperation.ReleaseRemainingAuthorization);
    }
}
