using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Internal;

/// <summary>Interleavings and sequences that must never cost money: stale plans, stranded failed invoices, wrong-order retries, one bad row in recovery.</summary>
public sealed class KlarnaInvoicingServiceConsistencyTests
{
    [Fact]
    public async Task InvoiceCreatedAndSettledWhileAnotherIsBeingPlanned_TheStalePlanIsTakenBackAndNothingIsCapturedTwice()
    {
        KlarnaSimulatorHandlerHook? hook = null;
        await using var h = InvoicingHarness.Create(wrapHandler: inner => hook = new KlarnaSimulatorHandlerHook(inner));
        var order = h.Reserve(SampleOrders.Simple(delivered: 1));
        _ = h.Invoicing;
        InvoiceResult? first = null;
        // B has read the order's invoices (none) and now reads Klarna; meanwhile A invoices the same delivered chair.
        hook!.BeforeFirstOrderRead = async () => first = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "A" });

        var second = () => h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "B" });

        (await second.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.ActivationInProgress);
        first!.Status.State.Should().Be(ActivationState.Activated);
        (await h.Invoicing.GetActivationStatusAsync("B")).Should().BeNull("the stale intent was taken back before anything was sent");
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(123450, "the one delivered chair is captured once");
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task LastInvoiceWhileAnEarlierOneFailed_DoesNotReleaseTheAuthorizationTheFailedOneNeeds()
    {
        KlarnaSimulatorHandlerHook? hook = null;
        await using var h = InvoicingHarness.Create(wrapHandler: inner => hook = new KlarnaSimulatorHandlerHook(inner) { RefuseFirstCapture = true });
        var partly = h.Reserve(SampleOrders.Simple(delivered: 1), authorizedAmount: 553800 + 10000);
        var all = SampleOrders.DeliverAll(partly);

        var failed = await h.Invoicing.CreateInvoiceAsync(partly, new CreateInvoiceRequest { InvoiceNumber = "D-1" });
        var rest = await h.Invoicing.CreateInvoiceAsync(all, new CreateInvoiceRequest { InvoiceNumber = "D-2" });
        var retried = await h.Invoicing.RetryActivationAsync(all, "D-1");

        failed.Status.State.Should().Be(ActivationState.Failed);
        failed.Status.Failure!.ErrorMessages.Should().Equal("Captured amount is higher than the remaining authorized amount. Capture not possible.");
        rest.RemainingAuthorizationReleased.Should().BeFalse("invoice D-1 still needs its part of the authorization");
        retried.Status.State.Should().Be(ActivationState.Activated);
        rest.Warnings.Should().BeEmpty("the order is not closed while D-1 is failed");
        retried.RemainingAuthorizationReleased.Should().BeFalse("the order does not account for Klarna's whole reservation: the rest may belong to a back-order");
        retried.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.AuthorizationStillReserved);
        var snapshot = h.Klarna.GetOrder(partly.KlarnaOrderId!);
        snapshot.CapturedAmount.Should().Be(553800);
        snapshot.RemainingAuthorizedAmount.Should().Be(10000);
        await h.AssertKlarnaMatchesLedgerAsync(partly);
    }

    [Fact]
    public async Task RetryActivation_WithAnotherOrder_IsRefusedAndMovesNothing()
    {
        KlarnaSimulatorHandlerHook? hook = null;
        await using var h = InvoicingHarness.Create(wrapHandler: inner => hook = new KlarnaSimulatorHandlerHook(inner) { RefuseFirstCapture = true });
        var one = h.Reserve(SampleOrders.Simple("O-1"));
        var two = h.Reserve(SampleOrders.Simple("O-2"));
        (await h.Invoicing.CreateInvoiceAsync(one, new CreateInvoiceRequest { InvoiceNumber = "R-1" })).Status.State.Should().Be(ActivationState.Failed);

        var act = () => h.Invoicing.RetryActivationAsync(two, "R-1");

        (await act.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvalidInvoiceNumber);
        (await h.Invoicing.GetActivationStatusAsync("R-1"))!.State.Should().Be(ActivationState.Failed);
        (await h.Ledger.FindAsync("R-1"))!.OrderNumber.Should().Be("O-1");
        h.Klarna.GetOrder(two.KlarnaOrderId!).CapturedAmount.Should().Be(0);
    }

    [Fact]
    public async Task Recover_OneInvoiceThatCannotBeSettled_DoesNotStopTheOthers()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await using var h = InvoicingHarness.Create(ledger: ledger);
        var broken = h.Reserve(SampleOrders.Simple("B-1"));
        var healthy = h.Reserve(SampleOrders.Simple("H-1"));
        // B-F never reaches Klarna (so recovery must re-send it, and its tampered body stops that); H-F was applied, its answer lost.
        h.Klarna.InjectFault(SimulatedFault.FailBeforeApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        await h.Invoicing.CreateInvoiceAsync(broken, new CreateInvoiceRequest { InvoiceNumber = "B-F" });
        h.Klarna.ClearFaults();
        h.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        await h.Invoicing.CreateInvoiceAsync(healthy, new CreateInvoiceRequest { InvoiceNumber = "H-F" });
        h.Klarna.ClearFaults();
        var stored = (await ledger.FindAsync("B-F"))!;
        await ledger.TryUpdateAsync(stored with { RequestBodyHash = new string('0', 64) }, stored.Version);

        var report = await h.RecoverLaterAsync();

        report.Examined.Should().Be(2);
        report.Errors.Should().ContainSingle().Which.InvoiceNumber.Should().Be("B-F");
        report.Settled.Should().ContainSingle().Which.InvoiceNumber.Should().Be("H-F");
        (await h.Invoicing.GetActivationStatusAsync("H-F"))!.State.Should().Be(ActivationState.Activated);
        await h.AssertKlarnaMatchesLedgerAsync(healthy);
    }
}
