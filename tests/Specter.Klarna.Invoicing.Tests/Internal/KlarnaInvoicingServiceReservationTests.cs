using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Internal;

public sealed class KlarnaInvoicingServiceReservationTests
{
    [Fact]
    public async Task CancelReservation_NoCaptures_CancelsAtKlarna()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        await h.Invoicing.CancelReservationAsync(InvoicingHarness.Merchant, order.KlarnaOrderId!);

        h.Klarna.GetOrder(order.KlarnaOrderId!).Status.Should().Be("CANCELLED");
        var proposal = await h.Invoicing.ProposeAsync(order);
        proposal.Warnings.Should().Contain(w => w.Code == ProposalWarningCode.ReservationCancelled && w.IsBlocking);
    }

    [Fact]
    public async Task CancelReservation_WithCaptures_SurfacesKlarnasRefusal()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(delivered: 1));
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "D-1" });

        var act = () => h.Invoicing.CancelReservationAsync(null, order.KlarnaOrderId!);

        (await act.Should().ThrowAsync<KlarnaApiException>()).Which.ErrorCode.Should().Be("CANCEL_NOT_ALLOWED");
    }

    [Fact]
    public async Task ExtendReservation_MovesExpiryForward_AndReleaseAfterPartialCaptureZeroesRemaining()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(delivered: 1), expiresAt: DateTimeOffset.UtcNow.AddDays(2));

        var extended = await h.Invoicing.ExtendReservationAsync(null, order.KlarnaOrderId!);
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "D-1" });
        await h.Invoicing.ReleaseRemainingAuthorizationAsync(null, order.KlarnaOrderId!);

        extended.ExpiresAt.Should().BeAfter(DateTimeOffset.UtcNow.AddDays(20));
        var snapshot = h.Klarna.GetOrder(order.KlarnaOrderId!);
        snapshot.RemainingAuthorizedAmount.Should().Be(0);
        snapshot.CapturedAmount.Should().Be(123450);
    }

    [Fact]
    public async Task GetKlarnaOrder_ReportsAmountsAndCaptures()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(delivered: 1));
        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "D-1" });

        var klarnaOrder = await h.Invoicing.GetKlarnaOrderAsync(null, order.KlarnaOrderId!);

        klarnaOrder.Status.Should().Be(KlarnaOrderStatus.PartCaptured);
        klarnaOrder.CapturedAmount.Should().Be(new Money(123450, Currency.SEK));
        klarnaOrder.RemainingAuthorizedAmount.Should().Be(new Money(553800 - 123450, Currency.SEK));
        klarnaOrder.Captures.Should().ContainSingle().Which.CaptureId.Should().Be(result.Status.CaptureId);
        klarnaOrder.Captures[0].Reference.Should().Be("D-1", "the invoice number is the capture reference used for payment matching");
    }

    [Fact]
    public async Task Recover_StoredBodyNoLongerMatchesItsHash_IsNeverResent()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await using var h = InvoicingHarness.Create(ledger: ledger);
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.FailBeforeApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "T-1" });
        h.Klarna.ClearFaults();
        var stored = (await ledger.FindAsync("T-1"))!;
        await ledger.TryUpdateAsync(stored with { RequestBody = stored.RequestBody!.Replace("553800", "999999", StringComparison.Ordinal) }, stored.Version);
        int capturesBefore = h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture);

        var report = await h.RecoverLaterAsync();

        report.Errors.Should().ContainSingle().Which.Message.Should().Contain("does not match its hash");
        report.StillUnsettled.Should().Be(1);
        (await ledger.FindAsync("T-1"))!.State.Should().Be(ActivationState.Unknown);
        h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture).Should().Be(capturesBefore);
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(0);
    }

    [Fact]
    public async Task RecoveryService_SettlesUnknownInvoicesOnItsSchedule()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        (await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "R-1" })).Status.State.Should().Be(ActivationState.Unknown);
        h.Klarna.ClearFaults();

        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(o =>
            {
                o.IdempotencyNamespace = Guid.Parse("6f1c2a57-93a4-4f0e-8d3b-2a9f3c1d7e55");
                o.Merchants[InvoicingHarness.Merchant] = new KlarnaMerchantOptions { BaseAddress = new Uri("http://127.0.0.1:5999/"), Username = InvoicingHarness.Username, Password = InvoicingHarness.Password };
            })
            .AddLedger(_ => h.Ledger)
            .AddRecoveryService(TimeSpan.FromMilliseconds(50))
            .HttpClient.ConfigurePrimaryHttpMessageHandler(() => h.Klarna.CreateHandler());
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().Should().ContainSingle().Subject;

        await hosted.StartAsync(CancellationToken.None);
        for (int i = 0; i < 600 && (await h.Invoicing.GetActivationStatusAsync("R-1"))!.State != ActivationState.Activated; i++)
        {
            await Task.Delay(50);
        }

        await hosted.StopAsync(CancellationToken.None);
        (await h.Invoicing.GetActivationStatusAsync("R-1"))!.State.Should().Be(ActivationState.Activated);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }
}
