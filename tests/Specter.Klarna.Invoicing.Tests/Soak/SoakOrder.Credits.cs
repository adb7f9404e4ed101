using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>
/// Credits in the soak: whole-invoice and partial-line credit invoices of activated invoices, on random servers (sometimes
/// the same credit on two servers at once, or while another server recovers), under the step's refund faults.
/// </summary>
internal sealed partial class SoakOrder
{
    private static readonly HashSet<KlarnaInvoicingRule> LegalCreditRefusals =
    [
        KlarnaInvoicingRule.ActivationInProgress,
        KlarnaInvoicingRule.CreditExceedsInvoice,
        KlarnaInvoicingRule.CreditExceedsOrder,
        KlarnaInvoicingRule.NothingToCredit,
        KlarnaInvoicingRule.PrepaymentAlreadyNetted,
        KlarnaInvoicingRule.InvoiceLocked,
        KlarnaInvoicingRule.InvalidInvoiceNumber,
    ];

    private int _creditCounter;

    /// <summary>Credits a random activated invoice of the order, if there is one; returns false when there is none.</summary>
    /// <remarks>
    /// Prepayments too, while no later invoice has netted them off (else <c>PrepaymentAlreadyNetted</c>): a refunded
    /// prepayment is no longer netted, so the rest of the order needs more than Klarna still holds (a refund does not restore
    /// the authorization). The next invoice is then refused with <c>AuthorizationSpentByCreditedPrepayment</c>, and the soak
    /// does what that text says: it updates the reservation (<see cref="MakeRoomAsync"/>) and goes on (docs/corrections.md).
    /// </remarks>
    private async Task<bool> CreditStepAsync(int step)
    {
        var activated = (await cluster.Ledger.GetByOrderAsync(_order.OrderNumber))
            .Where(i => i.DocumentKind == LedgerDocumentKind.Invoice && i.State == ActivationState.Activated).ToList();
        if (activated.Count == 0)
        {
            return false;
        }

        // A prepayment can be credited only until a later invoice nets it off, so it is picked more often while it exists.
        var prepayments = activated.Where(i => i.Plan.Type == InvoiceType.Prepayment).ToList();
        var invoice = prepayments.Count > 0 && _random.Next(2) == 0 ? prepayments[_random.Next(prepayments.Count)] : activated[_random.Next(activated.Count)];
        var request = RandomCredit(invoice, $"{_order.OrderNumber}-K{++_creditCounter}");
        string what = request.Lines is null ? "whole" : "lines " + string.Join(", ", request.Lines.Select(l => $"{l.OrderLineId}×{l.Quantity}"));
        var faults = ArmFaults(SimulatedOperation.CreateRefund);
        int shape = _random.Next(100);
        if (shape < 15)
        {
            var servers = DistinctServers(2);
            Log($"step {step}: credit {request.CreditNumber} of {invoice.InvoiceNumber} ({what}) on servers {string.Join("+", servers)} at once (same credit)");
            figures.Add("duplicate credit calls");
            await Task.WhenAll(servers.Select(s => Task.Run(() => CreditAsync(s, request))));
        }
        else if (shape < 30)
        {
            var servers = DistinctServers(2);
            Log($"step {step}: credit {request.CreditNumber} of {invoice.InvoiceNumber} ({what}) on server {servers[0]} while server {servers[1]} recovers");
            figures.Add("credits racing recovery");
            await Task.WhenAll(Task.Run(() => CreditAsync(servers[0], request)), Task.Run(() => RecoverAsync(servers[1])));
        }
        else
        {
            int server = RandomServer();
            Log($"step {step}: credit {request.CreditNumber} of {invoice.InvoiceNumber} ({what}) on server {server}");
            await CreditAsync(server, request);
        }

        Disarm(faults);
        return true;
    }

    private CreateCreditRequest RandomCredit(LedgerInvoice invoice, string number)
    {
        var goods = invoice.Plan.Lines.Where(l => l.Kind == InvoicePlanLineKind.OrderLine && l.Quantity > 0 && l.OrderLineId is not null).ToList();
        if (goods.Count == 0 || _random.Next(3) == 0)
        {
            return new CreateCreditRequest { InvoiceNumber = invoice.InvoiceNumber, CreditNumber = number };
        }

        var lines = goods.OrderBy(_ => _random.Next()).Take(_random.Next(1, Math.Min(goods.Count, 2) + 1)).Select(l =>
        {
            // Shipping and fees are credited by amount, so whole only: asking for part of one is a malformed request (InvalidCredit), not a soak case.
            if (l.OrderLineKind is not (OrderLineKind.Goods or OrderLineKind.Service))
            {
                return new CreditLineRequest(l.OrderLineId!, l.Quantity);
            }

            decimal unit = decimal.Truncate(l.Quantity) == l.Quantity ? 1m : 0.5m;
            int units = (int)(l.Quantity / unit);
            return new CreditLineRequest(l.OrderLineId!, unit * _random.Next(1, Math.Max(1, units) + 1));
        });
        return new CreateCreditRequest { InvoiceNumber = invoice.InvoiceNumber, CreditNumber = number, Lines = [.. lines] };
    }

    private async Task CreditAsync(int server, CreateCreditRequest request)
    {
        try
        {
            figures.Add("credit calls");
            var result = await CallAsync(server, s => s.CreateCreditAsync(request), "credit");
            Log($"  {request.CreditNumber} on server {server}: {result.Status.State} {result.Plan.Total.MinorUnits}");
            figures.Add("credit outcome " + result.Status.State + (result.Plan.Lines.Any(l => l.Kind == InvoicePlanLineKind.Prepayment) ? " (prepayment)" : string.Empty));
            if (result.Status.State == ActivationState.Activated)
            {
                var refunds = (await cluster.RefundsAsync(KlarnaOrderId)).Where(r => r.Reference == request.CreditNumber).ToList();
                refunds.Should().ContainSingle($"refunded credit {request.CreditNumber} is refunded exactly once");
                refunds[0].Amount.Should().Be(result.Plan.Total.MinorUnits);

                // As docs/corrections.md advises: make room for the rest of the order at once, while Klarna still allows an update (not fully captured).
                if (result.Plan.Lines.Any(l => l.Kind == InvoicePlanLineKind.Prepayment))
                {
                    await MakeRoomAsync(server);
                }
            }
        }
        catch (KlarnaInvoicingRuleException ex) when (ex.Rule is { } rule && LegalCreditRefusals.Contains(rule))
        {
            Log($"  {request.CreditNumber} on server {server}: refused {rule}");
            figures.Add("refused " + rule);
        }
        catch (IOException ex) when (ex.Message == SoakFaults.CrashMessage)
        {
            Log($"  {request.CreditNumber} on server {server}: crashed after Klarna's 201");
        }
    }

    /// <summary>
    /// The end state of the order's credits: no credit Pending or Unknown; each refund at Klarna appears once and is exactly one
    /// refunded (Activated) credit with that reference and amount; refunded per capture ≤ captured; Klarna's refunded amount = Σ refunded credits.
    /// </summary>
    /// <returns>How many of the order's credits are refunded and how many failed (Klarna refused, or nothing was refunded and the key window passed).</returns>
    public async Task<(int Refunded, int Failed)> AssertCreditsSettledAsync()
    {
        var rows = await cluster.Ledger.GetByOrderAsync(_order.OrderNumber);
        var credits = rows.Where(r => r.DocumentKind == LedgerDocumentKind.Credit).ToList();
        credits.Where(c => c.State is not (ActivationState.Activated or ActivationState.Failed)).Should().BeEmpty("no credit is left Pending or Unknown");
        var refunded = credits.Where(c => c.State == ActivationState.Activated).ToList();
        var refunds = await cluster.RefundsAsync(KlarnaOrderId);
        foreach (var group in refunds.GroupBy(r => r.Reference))
        {
            group.Should().ContainSingle($"refund {group.Key} appears once at Klarna");
            var matches = refunded.Where(c => c.InvoiceNumber == group.Key).ToList();
            matches.Should().ContainSingle($"Klarna's refund {group.Key} is exactly one refunded credit in the ledger");
            group.Single().Amount.Should().Be(matches[0].Plan.Total.MinorUnits, $"refund {group.Key} refunds exactly its credit");
        }

        refunds.Count.Should().Be(refunded.Count, "every refunded credit is a refund at Klarna");
        var snapshot = cluster.Klarna.GetOrder(KlarnaOrderId);
        snapshot.Captures.Where(c => c.RefundedAmount > c.CapturedAmount).Should().BeEmpty("no capture is refunded beyond what it captured");
        snapshot.RefundedAmount.Should().Be(refunded.Sum(c => c.Plan.Total.MinorUnits), "Klarna's refunded amount is Σ refunded credits");
        return (refunded.Count, credits.Count - refunded.Count);
    }
}
