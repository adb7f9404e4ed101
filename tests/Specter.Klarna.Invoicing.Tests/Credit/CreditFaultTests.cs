using System.Globalization;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Credit;

/// <summary>
/// A credit under each refund fault ends exactly once: the outcome is <c>Unknown</c> when the answer is lost, and recovery
/// settles it by finding the refund by its reference (Klarna applied it) or by re-sending the same bytes under the same key
/// (Klarna did not). Proved from what the simulator recorded, never by waiting.
/// </summary>
public sealed class CreditFaultTests
{
    /// <summary>Invoice D-1 of the sample order: 1 × 1 234,50 kr (line 1, 25 %), credited whole by K-1.</summary>
    private const long Credited = 123_450;

    public static TheoryData<string> AppliedButUnanswered => ["500 after refunding", "timeout after refunding"];

    [Theory]
    [MemberData(nameof(AppliedButUnanswered))]
    public async Task KlarnaRefundedButTheAnswerWasLost_IsUnknown_ThenRecoveryFindsTheRefundByReference_WithoutSendingAgain(string fault)
    {
        await using var h = InvoicingHarness.Create(configureHttpClient: c => c.ConfigureKlarnaTimeouts(t => t.WriteAttemptTimeout = TimeSpan.FromMilliseconds(300)));
        var order = await InvoicedAsync(h);
        h.Klarna.InjectFault((fault.StartsWith("500", StringComparison.Ordinal)
            ? SimulatedFault.ServerErrorAfterRefunding()
            : SimulatedFault.TimeOutAfterRefunding(TimeSpan.FromMinutes(10))).Always());

        var result = await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "D-1", CreditNumber = "K-1" });

        result.Status.State.Should().Be(ActivationState.Unknown, "Klarna may have refunded: the library does not guess");
        h.Klarna.AssertRefundedExactlyOnce(order.KlarnaOrderId!, "K-1").RefundedAmount.Should().Be(Credited, "the simulator applied it before the fault");
        int sent = Refunds(h).Count;
        var report = await h.RecoverLaterAsync();

        report.Settled.Should().ContainSingle().Which.State.Should().Be(ActivationState.Activated);
        Refunds(h).Should().HaveCount(sent, "recovery read the order's refunds first and found K-1 by its reference");
        await AssertEndedExactlyOnceAsync(h, order);
    }

    [Fact]
    public async Task A5xxBeforeKlarnaRefunded_IsUnknown_ThenRecoveryResendsTheSameBytesUnderTheSameKey()
    {
        await using var h = InvoicingHarness.Create();
        var order = await InvoicedAsync(h);
        var fault = h.Klarna.InjectFault(SimulatedFault.FailRefundBeforeApplying().Always());

        var result = await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "D-1", CreditNumber = "K-1" });

        result.Status.State.Should().Be(ActivationState.Unknown);
        h.Klarna.RefundsFor(order.KlarnaOrderId!, "K-1").Should().BeEmpty("Klarna answered 503 without refunding");
        fault.TimesTriggered.Should().Be(Refunds(h).Count, "every refund request met the fault");
        h.Klarna.ClearFaults();
        var report = await h.RecoverLaterAsync();

        report.Settled.Should().ContainSingle().Which.State.Should().Be(ActivationState.Activated);
        Refunds(h).Select(r => r.Body).Distinct().Should().ContainSingle("the stored bytes are re-sent, never rebuilt");
        await AssertEndedExactlyOnceAsync(h, order);
    }

    [Fact]
    public async Task RefundNotAllowed_IsFailedWithKlarnasOwnWords_NothingIsRefunded_AndRecoveryLeavesItSo()
    {
        await using var h = InvoicingHarness.Create();
        var order = await InvoicedAsync(h);
        h.Klarna.InjectFault(SimulatedFault.RefuseRefund("Over refund is not allowed. Refund not possible."));

        var result = await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "D-1", CreditNumber = "K-1" });

        result.Status.State.Should().Be(ActivationState.Failed);
        result.Status.Failure!.ErrorCode.Should().Be("REFUND_NOT_ALLOWED");
        result.Status.GetTooltip(CultureInfo.InvariantCulture).Should().Contain("REFUND_NOT_ALLOWED: Over refund is not allowed. Refund not possible.");
        (await h.RecoverLaterAsync()).Examined.Should().Be(0, "a refusal is settled: nothing is left open");
        Refunds(h).Should().ContainSingle("a 4xx is never retried");
        h.Klarna.RefundsFor(order.KlarnaOrderId!, "K-1").Should().BeEmpty();
        h.Klarna.GetOrder(order.KlarnaOrderId!).RefundedAmount.Should().Be(0);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    private static List<SimulatedRequest> Refunds(InvoicingHarness h) => [.. h.Klarna.ReceivedRequests.Where(r => r.Operation == SimulatedOperation.CreateRefund)];

    private static async Task<InvoicingOrder> InvoicedAsync(InvoicingHarness h)
    {
        var order = h.Reserve(SampleOrders.Simple());
        (await h.Invoicing.CreateInvoiceAsync(SampleOrders.Deliver(order, "1", 1), new CreateInvoiceRequest { InvoiceNumber = "D-1" })).Status.State.Should().Be(ActivationState.Activated);
        return order;
    }

    private static async Task AssertEndedExactlyOnceAsync(InvoicingHarness h, InvoicingOrder order)
    {
        var refund = h.Klarna.AssertRefundedExactlyOnce(order.KlarnaOrderId!, "K-1");
        refund.RefundedAmount.Should().Be(Credited);
        Refunds(h).Select(r => r.IdempotencyKey).Distinct().Should().ContainSingle().Which.Should().Be(refund.IdempotencyKey, "one key for the credit, whatever happened");
        (await h.Invoicing.GetActivationStatusAsync("K-1"))!.State.Should().Be(ActivationState.Activated);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }
}
