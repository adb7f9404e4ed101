using System.Globalization;
using System.Text.Json;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Credit;

/// <summary>Credit invoices end to end against the simulator: refunded exactly once through the engine, with faults.</summary>
public sealed class CreditFlowTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Invoice 1 (D-1) takes 1 of line 1, invoice 2 (F-2) the other 3 and line 2: line 1 is split over two invoices.</summary>
    private static async Task<InvoicingOrder> SplitLineAsync(InvoicingHarness h)
    {
        var order = h.Reserve(SampleOrders.Simple());
        await h.Invoicing.CreateInvoiceAsync(SampleOrders.Deliver(order, "1", 1), new CreateInvoiceRequest { InvoiceNumber = "D-1" });
        await h.Invoicing.CreateInvoiceAsync(SampleOrders.DeliverAll(order), new CreateInvoiceRequest { InvoiceNumber = "F-2" });
        return order;
    }

    private static IEnumerable<SimulatedRequest> Refunds(InvoicingHarness h) => h.Klarna.ReceivedRequests.Where(r => r.Operation == SimulatedOperation.CreateRefund);

    [Fact]
    public async Task APartialReturnOfASplitLine_IsRefundedOnceWithTheCapturesLineReference_AndLocked()
    {
        await using var h = InvoicingHarness.Create();
        var order = await SplitLineAsync(h);

        var result = await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "F-2", CreditNumber = "K-1", Lines = [new CreditLineRequest("1", 2)] });

        result.Status.State.Should().Be(ActivationState.Activated);
        result.Status.IsLocked.Should().BeTrue();
        result.Status.IsCredit.Should().BeTrue();
        result.Plan.Total.Should().Be(new Money(246_900, Currency.SEK), "2 × 1 234,50 kr");
        var body = JsonDocument.Parse(Refunds(h).Single().Body).RootElement;
        body.GetProperty("reference").GetString().Should().Be("K-1");
        body.GetProperty("refunded_amount").GetInt64().Should().Be(246_900);
        body.GetProperty("order_lines").EnumerateArray().Select(l => l.GetProperty("reference").GetString()).Should().Equal("A-1");
        h.Klarna.GetOrder(order.KlarnaOrderId!).Captures.Select(c => c.RefundedAmount).Should().Equal(0L, 246_900L);
        await h.AssertKlarnaMatchesLedgerAsync(order);

        var tooMuch = () => h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "F-2", CreditNumber = "K-2", Lines = [new CreditLineRequest("1", 2)] });
        (await tooMuch.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.CreditExceedsInvoice);
        Refunds(h).Should().HaveCount(1, "a refused credit sends nothing");
        var edit = () => h.Invoicing.EnsureAllowedAsync("K-1", InvoiceAction.Edit);
        (await edit.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.InvoiceLocked);
    }

    [Fact]
    public async Task TheProposal_ShowsRefundedPerVatRate_AndWhatIsLeftOnInvoiceAndOrder()
    {
        await using var h = InvoicingHarness.Create();
        await SplitLineAsync(h);

        var proposal = await h.Invoicing.ProposeCreditAsync(new CreditProposalRequest { InvoiceNumber = "F-2", Amounts = [new CreditAmountRequest(6, new Money(10_000, Currency.SEK))] });

        proposal.CanCreate.Should().BeTrue();
        proposal.RefundedPerVatRate.Should().ContainSingle().Which.Should().Be(new CreditVatAmount(6, new Money(10_000, Currency.SEK), new Money(566, Currency.SEK)));
        proposal.LeftOnInvoice.Should().Be(new Money(370_350 + 60_000 - 10_000, Currency.SEK), "F-2 holds 3 × 1 234,50 + 2 × 300,00 kr");
        proposal.LeftOnOrder.Should().Be(new Money(493_800 + 60_000 - 10_000, Currency.SEK));
        Refunds(h).Should().BeEmpty("a proposal writes and sends nothing");
    }

    [Fact]
    public async Task ALostAnswer_IsUnknown_ThenRecoveryFindsTheRefundByReference_WithoutSendingAgain()
    {
        await using var h = InvoicingHarness.Create();
        var order = await SplitLineAsync(h);
        h.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateRefund).Always());

        var result = await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "D-1", CreditNumber = "K-3" });

        result.Status.State.Should().Be(ActivationState.Unknown);
        int sent = Refunds(h).Count();
        h.Klarna.ClearFaults();
        var report = await h.Invoicing.RecoverAsync();

        report.Settled.Should().ContainSingle().Which.State.Should().Be(ActivationState.Activated);
        Refunds(h).Should().HaveCount(sent, "recovery read the order's refunds first and found it by its reference");
        Refunds(h).Select(r => r.IdempotencyKey).Distinct().Should().HaveCount(1);
        h.Klarna.GetOrder(order.KlarnaOrderId!).RefundedAmount.Should().Be(123_450);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task A5xxBeforeApplying_IsUnknown_ThenRecoveryResendsTheSameBytesWithTheSameKey()
    {
        await using var h = InvoicingHarness.Create();
        var order = await SplitLineAsync(h);
        h.Klarna.InjectFault(SimulatedFault.FailBeforeApplying().OnOperation(SimulatedOperation.CreateRefund).Always());

        var result = await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "D-1", CreditNumber = "K-4" });

        result.Status.State.Should().Be(ActivationState.Unknown);
        h.Klarna.GetOrder(order.KlarnaOrderId!).RefundedAmount.Should().Be(0);
        h.Klarna.ClearFaults();
        var report = await h.RecoverLaterAsync();

        report.Settled.Should().ContainSingle().Which.State.Should().Be(ActivationState.Activated);
        Refunds(h).Select(r => r.IdempotencyKey).Distinct().Should().HaveCount(1);
        Refunds(h).Select(r => r.Body).Distinct().Should().HaveCount(1);
        h.Klarna.GetOrder(order.KlarnaOrderId!).RefundedAmount.Should().Be(123_450);
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    [Fact]
    public async Task KlarnasRefusal_IsFailed_WithKlarnasOwnWords()
    {
        await using var h = InvoicingHarness.Create();
        await SplitLineAsync(h);
        h.Klarna.InjectFault(SimulatedFault.RefuseRefund("Over refund is not allowed. Refund not possible.").OnCall(SimulatedOperation.CreateRefund, 1));

        var result = await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "D-1", CreditNumber = "K-5" });

        result.Status.State.Should().Be(ActivationState.Failed);
        result.Status.Failure!.ErrorCode.Should().Be("REFUND_NOT_ALLOWED");
        result.Status.GetTooltip(CultureInfo.InvariantCulture).Should().Contain("REFUND_NOT_ALLOWED: Over refund is not allowed. Refund not possible.");
        result.Status.GetText(Swedish).Should().Be("Återbetalningen hos Klarna misslyckades");
    }

    [Fact]
    public async Task TheOriginalInvoicesTooltip_SaysHowMuchWasCreditedAndByWhichCredit()
    {
        await using var h = InvoicingHarness.Create();
        await SplitLineAsync(h);
        await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "F-2", CreditNumber = "K-6", Lines = [new CreditLineRequest("2", 1)] });

        var status = (await h.Invoicing.GetActivationStatusAsync("F-2"))!;

        status.Credits.Should().ContainSingle().Which.Should().Be(new InvoiceCredit("K-6", new Money(30_000, Currency.SEK), ActivationState.Activated));
        status.GetTooltip(CultureInfo.InvariantCulture).Should().EndWith(" Credited SEK 300.00 by K-6.");
        status.GetTooltip(Swedish).Should().EndWith(" Krediterad med 300,00 kr genom K-6.");
        var credit = (await h.Invoicing.GetActivationStatusAsync("K-6"))!;
        credit.GetText(CultureInfo.InvariantCulture).Should().Be("The credit invoice is refunded at Klarna");
        credit.GetTooltip(Swedish).Should().Contain("krediterar faktura F-2");
    }

    [Fact]
    public async Task AnInvoiceThatIsNotActivated_CannotBeCredited()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        h.Klarna.InjectFault(SimulatedFault.RefuseCapture().OnCall(SimulatedOperation.CreateCapture, 1));
        (await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F-9" })).Status.State.Should().Be(ActivationState.Failed);

        var credit = () => h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "F-9", CreditNumber = "K-9" });

        (await credit.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.NotActivated);
        (await h.Ledger.FindAsync("K-9")).Should().BeNull();
    }

    [Fact]
    public async Task AnInvoiceOfAnOrderWithoutReservation_IsCreditedWithNothingSent()
    {
        await using var h = InvoicingHarness.Create();
        await h.Invoicing.CreateInvoiceAsync(SampleOrders.Simple("300001"), new CreateInvoiceRequest { InvoiceNumber = "N-1" });

        var result = await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "N-1", CreditNumber = "NK-1", Lines = [new CreditLineRequest("2", 2)] });

        result.Status.State.Should().Be(ActivationState.NotKlarna);
        result.Plan.Total.Should().Be(new Money(60_000, Currency.SEK));
        result.Plan.Capture.Should().BeNull();
        h.Klarna.ReceivedRequests.Should().BeEmpty();
        (await h.Ledger.FindAsync("NK-1"))!.DocumentKind.Should().Be(LedgerDocumentKind.Credit);
    }

    [Fact]
    public async Task APrepaymentCreditedBeforeNetting_LeavesTheFinalInvoiceLessToNetOff_AndAfterNettingItIsRefused()
    {
        await using var h = InvoicingHarness.Create();

        // A refund does not give the authorization back: the reservation must hold the order plus the credited prepayment (docs/corrections.md).
        var order = h.Reserve(SampleOrders.Simple(), authorizedAmount: 553_800 + 166_140);
        var prepayment = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "P-1", Type = InvoiceType.Prepayment, PrepaymentPercent = 30 });
        prepayment.Plan.Total.Should().Be(new Money(166_140, Currency.SEK), "30 % of 5 538,00 kr");
        var credited = await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "P-1", CreditNumber = "PK-1" });
        credited.Plan.Total.Should().Be(prepayment.Plan.Total);

        var final = await h.Invoicing.CreateInvoiceAsync(SampleOrders.DeliverAll(order), new CreateInvoiceRequest { InvoiceNumber = "F-1" });

        final.Plan.Total.Should().Be(new Money(553_800, Currency.SEK), "nothing is left of the prepayment to net off: the final invoice is the whole order");
        var snapshot = h.Klarna.GetOrder(order.KlarnaOrderId!);
        (snapshot.CapturedAmount - snapshot.RefundedAmount).Should().Be(553_800, "captured less refunded is the order total");
        await h.AssertKlarnaMatchesLedgerAsync(order);

        var again = () => h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "P-1", CreditNumber = "PK-2" });
        (await again.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.NothingToCredit);
    }

    [Fact]
    public async Task APrepaymentNettedOffByTheFinalInvoice_CannotBeCredited()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "P-2", Type = InvoiceType.Prepayment, PrepaymentPercent = 30 });
        await h.Invoicing.CreateInvoiceAsync(SampleOrders.DeliverAll(order), new CreateInvoiceRequest { InvoiceNumber = "F-2" });

        var credit = () => h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "P-2", CreditNumber = "PK-3" });

        (await credit.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.PrepaymentAlreadyNetted);
        Refunds(h).Should().BeEmpty();
    }

    [Fact]
    public async Task AfterAPrepaymentCredit_TheFinalInvoiceNeedsMoreThanIsAuthorized_AndUpdatingTheReservationOnceMakesRoom()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple());
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "P-3", Type = InvoiceType.Prepayment, PrepaymentPercent = 30 });
        await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "P-3", CreditNumber = "PK-4" });
        var delivered = SampleOrders.DeliverAll(order);

        var proposal = await h.Invoicing.ProposeAsync(delivered);
        var warning = proposal.Warnings.Should().ContainSingle(w => w.Code == ProposalWarningCode.AuthorizationSpentByCreditedPrepayment).Subject;
        warning.IsBlocking.Should().BeTrue();
        warning.GetMessage(CultureInfo.InvariantCulture).Should().Be(
            "The invoice (SEK 5,538.00) needs SEK 1,661.40 more than Klarna still holds authorized (SEK 3,876.60): prepayment invoice P-3 was credited "
            + "(SEK 1,661.40 refunded by PK-4), and Klarna does not give the authorization back for a refund. The goods are still owed in full, "
            + "so update the reservation first (Klarna allows an increase only for some payment methods), or invoice less.");
        warning.GetMessage(Swedish).Should().StartWith("Fakturan (").And.Contain("förskottsfaktura P-3 har krediterats").And.Contain("genom PK-4");
        var refused = () => h.Invoicing.CreateInvoiceAsync(delivered, new CreateInvoiceRequest { InvoiceNumber = "F-3" });
        var violation = (await refused.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Violation!;
        violation.Rule.Should().Be(KlarnaInvoicingRule.ExceedsAuthorizedAmount);
        violation.GetMessage(CultureInfo.InvariantCulture).Should().Be(warning.GetMessage(CultureInfo.InvariantCulture), "creating says what the proposal said");
        (await h.Ledger.FindAsync("F-3")).Should().BeNull();

        var updated = await h.Invoicing.UpdateReservationAsync(delivered);
        await h.Invoicing.UpdateReservationAsync(delivered);

        updated.OrderAmount.Should().Be(new Money(553_800 + 166_140, Currency.SEK), "the order plus what was refunded, which Klarna keeps counted as captured");
        updated.RemainingAuthorizedAmount.Should().Be(new Money(553_800, Currency.SEK));
        var keys = h.Klarna.ReceivedRequests.Where(r => r.Operation == SimulatedOperation.UpdateAuthorization).Select(r => r.IdempotencyKey).ToList();
        keys.Should().HaveCount(2).And.OnlyContain(k => k == keys[0], "the same update is sent under the same key");
        (await h.Invoicing.CreateInvoiceAsync(delivered, new CreateInvoiceRequest { InvoiceNumber = "F-3" })).Status.State.Should().Be(ActivationState.Activated);
        await h.AssertKlarnaMatchesLedgerAsync(order);

        var tooLate = () => h.Invoicing.UpdateReservationAsync(delivered with { Lines = [.. delivered.Lines.Select(l => l with { Quantity = l.Quantity + 1 })] });
        (await tooLate.Should().ThrowAsync<KlarnaApiException>()).Which.ErrorMessages.Should().Equal("Update not allowed.");
    }
}
