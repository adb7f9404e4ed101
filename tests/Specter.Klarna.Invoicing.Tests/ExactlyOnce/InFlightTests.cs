using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Specter.Klarna.Invoicing.ExactlyOnce.Internal;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.ExactlyOnce;

/// <summary>Issue #10, holes 1 and 2: nothing is concluded while a send may be in flight, and a 201 is never dropped.</summary>
public sealed class InFlightTests
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task RecoveryOnAnotherServer_PastTheKeyLifetime_DoesNotConcludeFailedWhileAReSendIsInFlight()
    {
        var gate = new CaptureGate();
        await using var a = InvoicingHarness.Create(o => o.IdempotencyKeyLifetime = KeyLifetime, wrapHandler: gate.Wrap);
        await using var b = InvoicingHarness.Create(o => o.IdempotencyKeyLifetime = KeyLifetime, sameKlarnaLedgerAndClockAs: a);
        var order = a.Reserve(SampleOrders.Simple());
        a.Klarna.InjectFault(SimulatedFault.Conflict().OnOperation(SimulatedOperation.CreateCapture).Always());
        (await a.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "IF-1" })).Status.State.Should().Be(ActivationState.Unknown);
        a.Klarna.ClearFaults();

        // Server A re-sends just inside the key's lifetime; Klarna is slow to answer.
        a.Clock.Advance(KeyLifetime - TimeSpan.FromMinutes(1));
        gate.Hold();
        var resend = Task.Run(() => a.Invoicing.RecoverAsync());
        await gate.Arrived.WaitAsync(TimeSpan.FromSeconds(30));

        // Server B recovers after the key's lifetime has passed, while A's send is still in flight.
        a.Clock.Advance(TimeSpan.FromMinutes(2));
        var onB = await b.Invoicing.RecoverAsync();

        onB.Settled.Should().BeEmpty("a send of the key may still be in flight, so nothing can be concluded");
        (await a.Ledger.FindAsync("IF-1"))!.State.Should().Be(ActivationState.Unknown);
        gate.Release();
        await resend;
        var stored = (await a.Ledger.FindAsync("IF-1"))!;
        stored.State.Should().Be(ActivationState.Activated);
        stored.CaptureId.Should().Be(a.Klarna.AssertCapturedExactlyOnce(order.KlarnaOrderId!, "IF-1").CaptureId);
        await a.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task Klarnas201_ForARowSettledOtherwiseMeanwhile_IsRecorded_LoggedAsAnErrorAndCounted()
    {
        var gate = new CaptureGate();
        await using var h = InvoicingHarness.Create(
            wrapHandler: gate.Wrap,
            configureServices: services => services.AddFakeLogging(o => o.OutputSink = null));
        var order = h.Reserve(SampleOrders.Simple());
        long conflicts = 0;
        var metrics = h.Services.GetRequiredService<ExactlyOnceMetrics>();
        using var listener = new MeterListener { InstrumentPublished = (i, l) => { if (ReferenceEquals(i, metrics.Conflicts)) { l.EnableMeasurementEvents(i); } } };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref conflicts, value));
        listener.Start();

        gate.Hold();
        var create = Task.Run(() => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "IF-2" }));
        await gate.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        // Meanwhile an older server wrongly concluded that nothing was captured.
        var row = (await h.Ledger.FindAsync("IF-2"))!;
        (await h.Ledger.TryUpdateAsync(row with { State = ActivationState.Failed, LastFailure = new ActivationFailure(null, null, ["concluded elsewhere"], null) }, row.Version)).Should().NotBeNull();
        gate.Release();
        var result = await create;

        result.Status.State.Should().Be(ActivationState.Activated, "Klarna captured it, so the ledger says so");
        result.Status.CaptureId.Should().Be(h.Klarna.AssertCapturedExactlyOnce(order.KlarnaOrderId!, "IF-2").CaptureId);
        Interlocked.Read(ref conflicts).Should().Be(1);
        h.Services.GetFakeLogCollector().GetSnapshot().Should().Contain(r => r.Id.Id == 2011 && r.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task Klarnas201_ForARowAbandonedMeanwhile_BringsTheRecordBack()
    {
        var gate = new CaptureGate();
        await using var h = InvoicingHarness.Create(wrapHandler: gate.Wrap);
        var order = h.Reserve(SampleOrders.Simple());

        gate.Hold();
        var create = Task.Run(() => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "IF-3" }));
        await gate.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        var row = (await h.Ledger.FindAsync("IF-3"))!;
        (await h.Ledger.TryDeleteAsync("IF-3", row.Version)).Should().BeTrue();
        gate.Release();

        (await create).Status.State.Should().Be(ActivationState.Activated);
        (await h.Ledger.FindAsync("IF-3"))!.CaptureId.Should().Be(h.Klarna.AssertCapturedExactlyOnce(order.KlarnaOrderId!, "IF-3").CaptureId);
    }
}
