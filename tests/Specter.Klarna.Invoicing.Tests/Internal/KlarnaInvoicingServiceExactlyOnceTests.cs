using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Internal;

/// <summary>Every fault point of the capture: after recovery, Klarna's captured amount equals the activated invoices, nothing twice, nothing lost.</summary>
public sealed class KlarnaInvoicingServiceExactlyOnceTests
{
    private static CreateInvoiceRequest Invoice(string number) => new() { InvoiceNumber = number };

    [Fact]
    public async Task FirstSend_SendsTheRecordedBytes_WhoseHashIsStored()
    {
        // The first send uses the serialized bytes in hand (not the stored text re-encoded): they must still be exactly what was recorded.
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        var result = await h.Invoicing.CreateInvoiceAsync(order, Invoice("X-0"));

        result.Status.State.Should().Be(ActivationState.Activated);
        var stored = await h.Ledger.FindAsync("X-0");
        var sent = h.Klarna.ReceivedRequests.Should().ContainSingle(r => r.Operation == SimulatedOperation.CreateCapture).Which;
        sent.Body.Should().Be(stored!.RequestBody);
        sent.IdempotencyKey.Should().Be(stored.IdempotencyKey);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sent.Body))).Should().Be(stored.RequestBodyHash);
    }

    [Fact]
    public async Task FailBeforeApplying_IsRetriedInProcessWithTheSameKey_AndActivates()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.FailBeforeApplying().OnCall(SimulatedOperation.CreateCapture, 1));

        var result = await h.Invoicing.CreateInvoiceAsync(order, Invoice("X-1"));

        result.Status.State.Should().Be(ActivationState.Activated);
        var keys = h.Klarna.ReceivedRequests.Where(r => r.Operation == SimulatedOperation.CreateCapture).Select(r => r.IdempotencyKey).ToList();
        keys.Should().HaveCount(2).And.OnlyContain(k => k == keys[0]);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Theory]
    [InlineData(SimulatedFaultKind.LoseResponseAfterApplying)]
    [InlineData(SimulatedFaultKind.ServerErrorAfterApplying)]
    [InlineData(SimulatedFaultKind.MalformedResponse)]
    public async Task AppliedThenAnswerLostTwice_IsUnknown_ThenRecoverySettlesWithTheSameKey(SimulatedFaultKind kind)
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(Fault(kind).OnOperation(SimulatedOperation.CreateCapture).Always());

        var result = await h.Invoicing.CreateInvoiceAsync(order, Invoice("X-2"));

        result.Status.State.Should().Be(ActivationState.Unknown);
        result.Status.IsLocked.Should().BeFalse();
        var manual = () => h.Invoicing.RetryActivationAsync(order, "X-2");
        (await manual.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.ActivationInProgress);
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(result.Plan.Total.MinorUnits, "Klarna applied it although the answer was lost");

        h.Klarna.ClearFaults();
        var report = await h.Invoicing.RecoverAsync();

        report.Settled.Should().ContainSingle().Which.State.Should().Be(ActivationState.Activated);
        report.StillUnsettled.Should().Be(0);
        h.Klarna.ReceivedRequests.Where(r => r.Operation == SimulatedOperation.CreateCapture).Select(r => r.IdempotencyKey).Distinct().Should().HaveCount(1);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task Conflict409_IsUnknownNotFailed_ThenRecoveryActivates()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.Conflict().OnCall(SimulatedOperation.CreateCapture, 1));

        var result = await h.Invoicing.CreateInvoiceAsync(order, Invoice("X-3"));
        result.Status.State.Should().Be(ActivationState.Unknown);
        await h.RecoverLaterAsync();

        (await h.Invoicing.GetActivationStatusAsync("X-3"))!.State.Should().Be(ActivationState.Activated);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task CrashBetweenKlarnas201AndTheLedgerWrite_RecoveryActivatesTheSameCapture()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await using var h = InvoicingHarness.Create(ledger: new CrashingLedger(ledger));
        var order = h.Reserve(SampleOrders.Simple());

        var act = () => h.Invoicing.CreateInvoiceAsync(order, Invoice("X-4"));
        await act.Should().ThrowAsync<IOException>();
        (await ledger.FindAsync("X-4"))!.State.Should().Be(ActivationState.Pending);
        (await h.Invoicing.RecoverAsync()).Settled.Should().BeEmpty("a pending capture younger than the grace period may still be in flight in its process");

        var report = await h.RecoverLaterAsync();

        report.Settled.Should().ContainSingle().Which.State.Should().Be(ActivationState.Activated);
        var capture = h.Klarna.AssertCapturedExactlyOnce(order.KlarnaOrderId!, "X-4");
        (await ledger.FindAsync("X-4"))!.CaptureId.Should().Be(capture.CaptureId);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task ThirtyTwoConcurrentCallsForTheSameInvoice_CaptureExactlyOnce()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());

        var calls = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await h.Invoicing.CreateInvoiceAsync(order, Invoice("X-5"))).Status.State;
            }
            catch (KlarnaInvoicingRuleException ex) when (ex.Rule is KlarnaInvoicingRule.ActivationInProgress or KlarnaInvoicingRule.InvoiceLocked)
            {
                return (ActivationState?)null;
            }
        }));
        var outcomes = await Task.WhenAll(calls);

        outcomes.Count(o => o == ActivationState.Activated).Should().Be(1);
        outcomes.Count(o => o is null).Should().Be(31);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task TwoInvoicesOfOneOrderAtOnce_NeverInvoiceALineTwice()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.DeliverAll(SampleOrders.Simple()));

        var calls = new[] { "Y-1", "Y-2" }.Select(number => Task.Run(async () =>
        {
            try
            {
                return await h.Invoicing.CreateInvoiceAsync(order, Invoice(number));
            }
            catch (KlarnaInvoicingRuleException ex) when (ex.Rule is KlarnaInvoicingRule.ActivationInProgress or KlarnaInvoicingRule.NothingToInvoice or KlarnaInvoicingRule.ReservationNotCapturable)
            {
                return null;
            }
        }));
        var results = await Task.WhenAll(calls);

        results.Count(r => r?.Status.State == ActivationState.Activated).Should().Be(1);
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(InvoicingHarness.OrderTotal(order).MinorUnits);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task AppliedButUnknownPastTheKeyWindow_ReconciledFromCapturesByReference()
    {
        await using var h = InvoicingHarness.Create(o => o.IdempotencyKeyLifetime = TimeSpan.FromTicks(1));
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        (await h.Invoicing.CreateInvoiceAsync(order, Invoice("X-6"))).Status.State.Should().Be(ActivationState.Unknown);
        h.Klarna.ClearFaults();

        await h.Invoicing.RecoverAsync();

        h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.ListCaptures).Should().Be(1);
        (await h.Invoicing.GetActivationStatusAsync("X-6"))!.State.Should().Be(ActivationState.Activated);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task NeverAppliedAndUnknownPastTheKeyWindow_BecomesFailed_ThenRetryWithANewKeyActivatesOnce()
    {
        await using var h = InvoicingHarness.Create(o => o.IdempotencyKeyLifetime = TimeSpan.FromTicks(1));
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.FailBeforeApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        (await h.Invoicing.CreateInvoiceAsync(order, Invoice("X-7"))).Status.State.Should().Be(ActivationState.Unknown);
        h.Klarna.ClearFaults();

        await h.Invoicing.RecoverAsync();
        (await h.Invoicing.GetActivationStatusAsync("X-7"))!.State.Should().Be(ActivationState.Unknown, "the send may still be in flight: nothing is concluded yet");
        await h.RecoverLaterAsync();
        (await h.Invoicing.GetActivationStatusAsync("X-7"))!.State.Should().Be(ActivationState.Failed);
        var retried = await h.Invoicing.RetryActivationAsync(order, "X-7");

        retried.Status.State.Should().Be(ActivationState.Activated);
        retried.Status.Attempt.Should().Be(2);
        h.Klarna.ReceivedRequests.Where(r => r.Operation == SimulatedOperation.CreateCapture).Select(r => r.IdempotencyKey).Distinct().Should().HaveCount(2);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task HostShortenedWriteTimeout_SlowKlarnaAnswer_IsUnknownNeverFailed_AndRecoverySettlesIt()
    {
        await using var slow = InvoicingHarness.Create(configureHttpClient: client => client.ConfigureKlarnaTimeouts(t => t.WriteAttemptTimeout = TimeSpan.FromMilliseconds(200)));
        var order = slow.Reserve(SampleOrders.Simple());
        slow.Klarna.InjectFault(SimulatedFault.Delay(TimeSpan.FromSeconds(30)).OnOperation(SimulatedOperation.CreateCapture).Always());

        var result = await slow.Invoicing.CreateInvoiceAsync(order, Invoice("X-8"));

        result.Status.State.Should().Be(ActivationState.Unknown);
        result.Status.Failure!.ErrorMessages.Should().ContainSingle().Which.Should().Contain("timeout");
        slow.Klarna.ClearFaults();
        slow.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture).Should().Be(1, "a write whose attempt timed out is never repeated in-process: Klarna may still be working on it");
        await slow.RecoverLaterAsync();
        (await slow.Invoicing.GetActivationStatusAsync("X-8"))!.State.Should().Be(ActivationState.Activated);
        await slow.AssertKlarnaMatchesLedgerAsync(order);
    }

    private static SimulatedFault Fault(SimulatedFaultKind kind) => kind switch
    {
        SimulatedFaultKind.LoseResponseAfterApplying => SimulatedFault.LoseResponseAfterApplying(),
        SimulatedFaultKind.ServerErrorAfterApplying => SimulatedFault.ServerErrorAfterApplying(),
        SimulatedFaultKind.MalformedResponse => SimulatedFault.MalformedResponse(afterApplying: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
