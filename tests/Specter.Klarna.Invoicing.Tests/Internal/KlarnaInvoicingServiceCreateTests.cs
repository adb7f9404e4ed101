using System.Globalization;
using Specter.Klarna.Invoicing.Amounts.Internal;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Internal;

public sealed class KlarnaInvoicingServiceCreateTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task CreateInvoice_UndeliveredOrder_CapturesFinalInvoiceOnceAndLocksIt()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-1" });

        result.Plan.Type.Should().Be(InvoiceType.Final);
        result.Status.State.Should().Be(ActivationState.Activated);
        result.Status.IsLocked.Should().BeTrue();
        result.Status.CaptureId.Should().NotBeNullOrEmpty();
        result.Plan.Total.Should().Be(InvoicingHarness.OrderTotal(order));
        var capture = h.Klarna.AssertCapturedExactlyOnce(order.KlarnaOrderId!, "F-1");
        capture.CapturedAmount.Should().Be(4 * 123450 + 2 * 30000);
        h.Klarna.GetOrder(order.KlarnaOrderId!).Status.Should().Be("CAPTURED");
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task CreateInvoice_ActivatedInvoice_CannotBeEditedDeletedOrActivatedAgain()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-1" });

        foreach (var action in new[] { InvoiceAction.Edit, InvoiceAction.Delete, InvoiceAction.Activate, InvoiceAction.Replan })
        {
            var act = () => h.Invoicing.EnsureAllowedAsync("F-1", action);
            (await act.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvoiceLocked);
        }

        await h.Invoicing.EnsureAllowedAsync("F-1", InvoiceAction.Credit);
        var again = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-1" });
        (await again.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvoiceLocked);
        var abandon = () => h.Invoicing.AbandonInvoiceAsync("F-1");
        (await abandon.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvoiceLocked);
        h.Klarna.CapturesFor(order.KlarnaOrderId!, "F-1").Should().HaveCount(1);
    }

    [Fact]
    public async Task CreateInvoice_NoReservation_RecordsInvoiceAndSendsNothingToKlarna()
    {
        await using var h = InvoicingHarness.Create();

        var result = await h.Invoicing.CreateInvoiceAsync(SampleOrders.Simple(), new CreateInvoiceRequest { InvoiceNumber = "F-9" });

        result.Status.State.Should().Be(ActivationState.NotKlarna);
        result.Status.GetText(Swedish).Should().Be("Ingen Klarna-reservation: inget skickades till Klarna");
        h.Klarna.ReceivedRequests.Should().BeEmpty();
        (await h.Invoicing.GetActivationStatusAsync("F-9"))!.State.Should().Be(ActivationState.NotKlarna);
    }

    [Fact]
    public async Task CreateInvoice_TwoPartialDeliveries_KeepReservationThenCaptureTheRestExactly()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        var first = await h.Invoicing.CreateInvoiceAsync(SampleOrders.Deliver(order, "1", 1), new CreateInvoiceRequest { InvoiceNumber = "D-1" });
        h.Klarna.GetOrder(order.KlarnaOrderId!).Status.Should().Be("PART_CAPTURED");
        var second = await h.Invoicing.CreateInvoiceAsync(SampleOrders.DeliverAll(order), new CreateInvoiceRequest { InvoiceNumber = "D-2" });

        first.Plan.Type.Should().Be(InvoiceType.Delivery);
        first.Plan.Total.MinorUnits.Should().Be(123450);
        second.Plan.Type.Should().Be(InvoiceType.Delivery);
        (first.Plan.Total + second.Plan.Total).Should().Be(InvoicingHarness.OrderTotal(order));
        var snapshot = h.Klarna.GetOrder(order.KlarnaOrderId!);
        snapshot.CapturedAmount.Should().Be(snapshot.OrderAmount);
        snapshot.RemainingAuthorizedAmount.Should().Be(0);
        await h.AssertKlarnaMatchesLedgerAsync(order);
        (await h.Invoicing.GetOrderActivationStatusesAsync(order.OrderNumber)).Select(s => s.InvoiceNumber).Should().Equal("D-1", "D-2");
    }

    [Fact]
    public async Task CreateInvoice_PrepaymentThenFinal_CapturesSumToOrderTotal()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Example());
        var undelivered = order with { Lines = order.Lines.Select(l => l with { DeliveredQuantity = 0 }).ToList() };

        var prepayment = await h.Invoicing.CreateInvoiceAsync(undelivered, new CreateInvoiceRequest { InvoiceNumber = "P-1", Type = InvoiceType.Prepayment, PrepaymentPercent = 30 });
        var final = await h.Invoicing.CreateInvoiceAsync(undelivered, new CreateInvoiceRequest { InvoiceNumber = "S-1", Type = InvoiceType.Final });

        var total = InvoicingHarness.OrderTotal(order);
        prepayment.Plan.Capture!.CapturedAmount.MinorUnits.Should().Be((long)Math.Round(total.MinorUnits * 0.30m, MidpointRounding.AwayFromZero));
        (prepayment.Plan.Capture.CapturedAmount + final.Plan.Capture!.CapturedAmount).Should().Be(total);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task CreateInvoice_KlarnaRefusesCapture_FailedWithKlarnasOwnMessage_NotLocked_ThenAbandon()
    {
        // Between the pre-check and the capture the order is cancelled at Klarna, so Klarna itself refuses.
        KlarnaSimulatorHandlerHook? hook = null;
        await using var h = InvoicingHarness.Create(wrapHandler: inner => hook = new KlarnaSimulatorHandlerHook(inner));
        var order = h.Reserve(SampleOrders.Simple());
        _ = h.Invoicing; // builds the HTTP handler chain, and with it the hook
        hook!.BeforeFirstCapture = () => hook.CancelOrderAsync(order.KlarnaOrderId!, InvoicingHarness.Username, InvoicingHarness.Password);

        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-2" });

        result.Status.State.Should().Be(ActivationState.Failed);
        result.Status.IsLocked.Should().BeFalse();
        result.Status.Failure!.ErrorCode.Should().Be("CAPTURE_NOT_ALLOWED");
        result.Status.Failure.CorrelationId.Should().NotBeNullOrEmpty();
        result.Status.GetTooltip(English).Should().Contain("CAPTURE_NOT_ALLOWED").And.Contain(result.Status.Failure.ErrorMessages[0]);
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(0);
        await h.Invoicing.EnsureAllowedAsync("F-2", InvoiceAction.Edit);

        await h.Invoicing.AbandonInvoiceAsync("F-2");

        (await h.Invoicing.GetActivationStatusAsync("F-2")).Should().BeNull();
    }

    [Fact]
    public async Task CreateInvoice_OverRemainingAuthorized_RefusedBeforeAnythingIsWrittenOrSent()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(), authorizedAmount: 1000);

        var act = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-3" });

        (await act.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.ExceedsAuthorizedAmount);
        (await h.Invoicing.GetActivationStatusAsync("F-3")).Should().BeNull();
        h.Klarna.ReceivedRequests.Should().OnlyContain(r => r.Method == "GET");
    }

    [Theory]
    [InlineData("CANCELLED", "ACCEPTED")]
    [InlineData("AUTHORIZED", "PENDING")]
    [InlineData("AUTHORIZED", "REJECTED")]
    public async Task CreateInvoice_ReservationNotCapturable_RefusedWithTypedRule(string status, string fraud)
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(), status: status, fraudStatus: fraud);

        var act = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-4" });

        (await act.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.ReservationNotCapturable);
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(0);
    }

    [Fact]
    public async Task CreateInvoice_InvalidOrder_ThrowsValidationErrorBeforeAnyCall()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple()) with { Currency = "XXX" };

        var act = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-5" });

        await act.Should().ThrowAsync<InvoicingOrderValidationException>();
        h.Klarna.ReceivedRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task CreateInvoice_LastInvoiceOfShrunkOrder_ReleasesRemainingAuthorization()
    {
        await using var h = InvoicingHarness.Create();
        var order = SampleOrders.Simple();
        order = h.Reserve(order, authorizedAmount: InvoicingHarness.OrderTotal(order).MinorUnits + 5000);

        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-6" });

        result.RemainingAuthorizationReleased.Should().BeTrue();
        h.Klarna.GetOrder(order.KlarnaOrderId!).RemainingAuthorizedAmount.Should().Be(0);
    }

    [Fact]
    public async Task CreateInvoice_ReleaseDisabled_KeepsRemainingAuthorization()
    {
        await using var h = InvoicingHarness.Create(o => o.ReleaseRemainingAuthorizationAfterLastInvoice = false);
        var order = SampleOrders.Simple();
        order = h.Reserve(order, authorizedAmount: InvoicingHarness.OrderTotal(order).MinorUnits + 5000);

        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-7" });

        result.RemainingAuthorizationReleased.Should().BeFalse();
        h.Klarna.GetOrder(order.KlarnaOrderId!).RemainingAuthorizedAmount.Should().Be(5000);
    }

    [Fact]
    public async Task Status_ActivatedTooltip_NamesTimeAndCaptureId_InSwedishAndEnglish()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-8" });

        result.Status.GetText(Swedish).Should().Be("Fakturan är aktiverad hos Klarna");
        result.Status.GetText(English).Should().Be("The invoice is activated at Klarna");
        result.Status.GetTooltip(Swedish).Should().Contain(result.Status.CaptureId).And.Contain("5 538,00 kr");
        result.Status.GetTooltip(English).Should().Contain(result.Status.CaptureId).And.Contain("SEK 5,538.00");
    }

    [Fact]
    public async Task CreateInvoice_CaptureOverKlarnasSingleCaptureLimit_RefusedBeforeAnythingIsWritten()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(new InvoicingOrder
        {
            OrderNumber = "BIG-1",
            Currency = "SEK",
            PricesIncludeVat = true,
            Lines =
            [
                new() { LineId = "1", Description = "Maskin", Quantity = 1, UnitPrice = 600_000m, VatRate = 25 },
                new() { LineId = "2", Description = "Maskin", Quantity = 1, UnitPrice = 600_000m, VatRate = 25 },
            ],
        });

        var act = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "BIG-F1" });

        (await act.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.CaptureTooLarge);
        (await h.Invoicing.GetActivationStatusAsync("BIG-F1")).Should().BeNull();
    }

    [Fact]
    public void DomainAndClient_AgreeOnKlarnasAmountLimit()
    {
        MinorUnitMath.KlarnaMaxAmount.Should().Be(Specter.Klarna.Invoicing.Klarna.Internal.KlarnaRequestBodies.MaxAmount);
    }
}
