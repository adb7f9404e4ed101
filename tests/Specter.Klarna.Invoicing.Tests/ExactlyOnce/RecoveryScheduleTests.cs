using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.ExactlyOnce;

/// <summary>Issue #10, holes 4, 5 and 6: what recovery does with a crashed intent, an unreadable row, and an invoice that keeps failing.</summary>
public sealed class RecoveryScheduleTests
{
    [Fact]
    public async Task IntentWhoseProcessDiedBeforeTheStaleCheck_IsTakenBackByRecovery_NeverSent()
    {
        var ledger = new ScriptedLedger(new InMemoryKlarnaInvoiceLedger());
        await using var h = InvoicingHarness.Create(o => o.ReleaseRemainingAuthorizationAfterLastInvoice = false, ledger: ledger);
        var delivered = SampleOrders.DeliverAll(SampleOrders.Simple());
        long total = InvoicingHarness.OrderTotal(delivered).MinorUnits;
        var order = h.Reserve(delivered, authorizedAmount: 2 * total);
        (await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "ST-1" })).Status.State.Should().Be(ActivationState.Activated);

        // ST-2 is planned from a read made before ST-1 existed (so it invoices the same goods), recorded, and its process dies.
        ledger.HideOrderOnNextRead();
        ledger.CrashAfterNextAdd();
        var crashed = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "ST-2" });
        (await crashed.Should().ThrowAsync<IOException>()).Which.Message.Should().Be(ScriptedLedger.CrashMessage);
        (await ledger.FindAsync("ST-2"))!.State.Should().Be(ActivationState.Pending);

        var report = await h.RecoverLaterAsync();

        var taken = (await ledger.FindAsync("ST-2"))!;
        taken.State.Should().Be(ActivationState.Failed);
        taken.LastFailure!.ErrorMessages.Should().ContainSingle().Which.Should().Contain("changed after this invoice was planned");
        report.Settled.Should().ContainSingle().Which.InvoiceNumber.Should().Be("ST-2");
        h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture).Should().Be(1, "only ST-1 was ever sent");
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(total);
    }

    [Fact]
    public async Task UnreadableRow_IsReportedByNumber_AndTheOthersAreSettled()
    {
        var ledger = new ScriptedLedger(new InMemoryKlarnaInvoiceLedger());
        await using var h = InvoicingHarness.Create(ledger: ledger);
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "UR-1" });
        h.Klarna.ClearFaults();
        ledger.Unreadable.Add(new UnreadableLedgerRow("UR-NEWER", "state 9 is unknown to this version of the package"));

        var report = await h.Invoicing.RecoverAsync();

        report.Examined.Should().Be(2);
        report.Errors.Should().ContainSingle().Which.Should().Match<RecoveryError>(e => e.InvoiceNumber == "UR-NEWER" && e.Message.Contains("state 9", StringComparison.Ordinal));
        report.Settled.Should().ContainSingle().Which.InvoiceNumber.Should().Be("UR-1");
        report.StillUnsettled.Should().Be(1);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task InvoiceThatKeepsFailing_IsReSentOnKlarnasSchedule_NotOnEveryRun()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.Conflict().OnOperation(SimulatedOperation.CreateCapture).Always());
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "BO-1" });
        int Sends() => h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture);
        var sends = new List<int> { Sends() };

        foreach (var wait in new[] { TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromHours(4), TimeSpan.FromHours(1), TimeSpan.FromHours(1) })
        {
            h.Clock.Advance(wait);
            await h.Invoicing.RecoverAsync();
            sends.Add(Sends());
        }

        // The first send; +2 s is before Klarna's first retry delay; then 5 s, 5 min and 5 h between re-sends (Klarna's retry policy).
        sends.Should().Equal(1, 1, 2, 2, 3, 3, 4, 4);
        (await h.Ledger.FindAsync("BO-1"))!.RecoveryAttempts.Should().Be(3);
    }
}
