using System.Net;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.ExactlyOnce;

/// <summary>Issue #10, holes 3, 8 and 12: only what proves that nothing happened may mark an invoice failed, and a new attempt never reuses an answered key.</summary>
public sealed class RefusalTests
{
    [Fact]
    public async Task RefusalOfTheInProcessRepeat_AfterAnAmbiguousFirstAttempt_IsUnknownNotFailed()
    {
        var gate = new CaptureGate();
        await using var h = InvoicingHarness.Create(wrapHandler: gate.Wrap);
        var order = h.Reserve(SampleOrders.Simple());
        // The first attempt is applied but answered 503; the repeat is refused (credentials rotated meanwhile).
        gate.Answer((n, _) => n == 2 ? CaptureGate.Refusal(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "Invalid credentials") : null);
        h.Klarna.InjectFault(SimulatedFault.ServerErrorAfterApplying().OnCall(SimulatedOperation.CreateCapture, 1));

        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "RF-1" });

        result.Status.State.Should().Be(ActivationState.Unknown, "the refused repeat proves nothing about the first attempt, which Klarna applied");
        gate.Answer((_, _) => null);
        (await h.RecoverLaterAsync()).Settled.Should().ContainSingle().Which.State.Should().Be(ActivationState.Activated);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task RefusalOfARecoveryReSend_LeavesItUnknown_UntilTheKeyWindowHasPassedAndNothingCanBeInFlight()
    {
        var gate = new CaptureGate();
        await using var h = InvoicingHarness.Create(o => o.IdempotencyKeyLifetime = TimeSpan.FromHours(1), wrapHandler: gate.Wrap);
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.Conflict().OnOperation(SimulatedOperation.CreateCapture).Always());
        (await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "RF-2" })).Status.State.Should().Be(ActivationState.Unknown);
        h.Klarna.ClearFaults();
        gate.Answer((_, _) => CaptureGate.Refusal(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED", "Capture not allowed."));

        await h.RecoverLaterAsync();

        var afterRefusal = (await h.Ledger.FindAsync("RF-2"))!;
        afterRefusal.State.Should().Be(ActivationState.Unknown, "a refused re-send does not prove the first send did nothing");
        afterRefusal.LastFailure!.ErrorCode.Should().Be("CAPTURE_NOT_ALLOWED");
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.Invoicing.RecoverAsync();
        (await h.Ledger.FindAsync("RF-2"))!.State.Should().Be(ActivationState.Failed, "the key's window has passed, nothing is in flight, and Klarna holds no capture");
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(0);
    }

    [Fact]
    public async Task Retry_WhileKlarnaHoldsACaptureWithTheInvoiceNumber_RecordsThatCapture_AndSendsNothingNew()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "RF-3" });
        h.Klarna.ClearFaults();
        var row = (await h.Ledger.FindAsync("RF-3"))!;
        // An older server concluded "failed" although Klarna had captured.
        await h.Ledger.TryUpdateAsync(row with { State = ActivationState.Failed }, row.Version);
        int sends = h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture);

        var result = await h.Invoicing.RetryActivationAsync(order, "RF-3");

        result.Status.State.Should().Be(ActivationState.Activated);
        result.Status.Attempt.Should().Be(1, "no new attempt (and no new key) was made");
        h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture).Should().Be(sends);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task ArgumentErrorRaisedInsideTheHttpPipeline_AfterTheRequestStarted_IsUnknownNotFailed()
    {
        var gate = new CaptureGate();
        await using var h = InvoicingHarness.Create(wrapHandler: gate.Wrap);
        var order = h.Reserve(SampleOrders.Simple());
        gate.Answer((_, _) => throw new ArgumentException("a handler rejected a header value"));

        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "RF-4" });

        result.Status.State.Should().Be(ActivationState.Unknown, "whether the request reached Klarna is not known");
    }

    [Fact]
    public async Task AbandonedFailedInvoice_CreatedAgainWithTheSameNumber_UsesANewKey()
    {
        var gate = new CaptureGate();
        await using var h = InvoicingHarness.Create(wrapHandler: gate.Wrap);
        var order = h.Reserve(SampleOrders.Simple());
        gate.Answer((n, _) => n == 1 ? CaptureGate.Refusal(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED", "Capture not allowed.") : null);
        var first = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "RF-5" });
        first.Status.State.Should().Be(ActivationState.Failed);
        string firstKey = (await h.Ledger.FindAsync("RF-5"))!.IdempotencyKey!;
        await h.Invoicing.AbandonInvoiceAsync("RF-5");
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        var again = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "RF-5" });

        again.Status.State.Should().Be(ActivationState.Activated);
        (await h.Ledger.FindAsync("RF-5"))!.IdempotencyKey.Should().NotBe(firstKey);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }
}
