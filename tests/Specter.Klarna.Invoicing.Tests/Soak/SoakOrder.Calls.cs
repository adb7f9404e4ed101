using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>The library calls an order makes, each on one server and under the clock's gate, with the answers the soak accepts.</summary>
internal sealed partial class SoakOrder
{
    private async Task CreateAsync(int server, string number, InvoiceType? type, decimal? percent, bool concurrent = false)
    {
        try
        {
            var result = await CallAsync(server, s => s.CreateInvoiceAsync(_order, new CreateInvoiceRequest { InvoiceNumber = number, Type = type, PrepaymentPercent = percent }), "create");
            Log($"  {number} on server {server}: {result.Status.State} {result.Plan.Type} {result.Plan.Capture?.CapturedAmount.MinorUnits}{(result.RemainingAuthorizationReleased ? " (released the rest)" : string.Empty)}");
            figures.Add("outcome " + result.Status.State);
            CheckResult(result);
        }
        catch (KlarnaInvoicingRuleException ex) when (SpentByCreditedPrepayment(ex))
        {
            Log($"  {number} on server {server}: refused {ex.Rule} (a credited prepayment spent the authorization)");
            await MakeRoomAsync(server);
        }
        catch (KlarnaInvoicingRuleException ex) when (ex.Rule is { } rule && (LegalRefusals.Contains(rule) || (concurrent && rule == KlarnaInvoicingRule.ExceedsAuthorizedAmount)))
        {
            // ExceedsAuthorizedAmount: a concurrent call captured between this call's ledger read and its reservation read (refused, nothing written).
            Log($"  {number} on server {server}: refused {rule}");
            figures.Add("refused " + rule);
        }
        catch (IOException ex) when (ex.Message == SoakFaults.CrashMessage)
        {
            Log($"  {number} on server {server}: crashed after Klarna's 201");
        }
    }

    private async Task RetryOrAbandonFailedAsync(bool mustActivate)
    {
        var failed = (await cluster.Ledger.GetByOrderAsync(_order.OrderNumber)).Where(i => i.DocumentKind == LedgerDocumentKind.Invoice && i.State == ActivationState.Failed).ToList();
        foreach (var invoice in failed)
        {
            int server = RandomServer();
            bool retry = _random.Next(2) == 0 && invoice.Plan.Type != InvoiceType.Prepayment;
            if (retry)
            {
                try
                {
                    var result = await CallAsync(server, s => s.RetryActivationAsync(_order, invoice.InvoiceNumber), "retry");
                    Log($"  retry {invoice.InvoiceNumber} on server {server}: {result.Status.State} attempt {result.Status.Attempt} {result.Plan.Capture?.CapturedAmount.MinorUnits}");
                    figures.Add("outcome " + result.Status.State);
                    CheckResult(result);
                    if (mustActivate)
                    {
                        result.Status.State.Should().Be(ActivationState.Activated, "a retry without faults activates");
                    }

                    continue;
                }
                catch (KlarnaInvoicingRuleException ex) when (SpentByCreditedPrepayment(ex))
                {
                    Log($"  retry {invoice.InvoiceNumber} on server {server}: refused {ex.Rule} (a credited prepayment spent the authorization)");
                    await MakeRoomAsync(server);
                    continue;
                }
                catch (KlarnaInvoicingRuleException ex) when (ex.Rule is { } rule && LegalRefusals.Contains(rule))
                {
                    // For example a failed delivery invoice after a later final invoice took the undelivered rest: only abandoning helps.
                    Log($"  retry {invoice.InvoiceNumber} on server {server}: refused {rule}");
                    figures.Add("refused " + rule);
                    if (!mustActivate)
                    {
                        continue;
                    }
                }
                catch (IOException ex) when (!mustActivate && ex.Message == SoakFaults.CrashMessage)
                {
                    Log($"  retry {invoice.InvoiceNumber} on server {server}: crashed after Klarna's 201");
                    continue;
                }
            }

            try
            {
                await CallAsync(server, async s =>
                {
                    await s.AbandonInvoiceAsync(invoice.InvoiceNumber);
                    return true;
                }, "abandon");
                Log($"  abandon {invoice.InvoiceNumber} on server {server}");
                figures.Add("abandons");
            }
            catch (KlarnaInvoicingRuleException ex) when (!mustActivate && ex.Rule == KlarnaInvoicingRule.ActivationInProgress)
            {
                Log($"  abandon {invoice.InvoiceNumber} on server {server}: refused {ex.Rule}");
            }
        }
    }

    /// <summary>One server's recovery run (it settles every open invoice in the ledger, not only this order's).</summary>
    private async Task RecoverAsync(int server)
    {
        try
        {
            var report = await CallAsync(server, s => s.RecoverAsync(), "recover");
            Log($"  recover on server {server}: examined {report.Examined}, settled {string.Join(", ", report.Settled.Select(s => $"{s.InvoiceNumber}={s.State}"))}, still unsettled {report.StillUnsettled}, errors {report.Errors.Count} {string.Join("; ", report.Errors.Select(e => $"{e.InvoiceNumber}: {e.Message}"))}");
            figures.Recovered(server, report);
        }
        catch (IOException ex) when (ex.Message == SoakFaults.CrashMessage)
        {
            Log($"  recover on server {server}: crashed after Klarna's 201");
        }
    }

    private Task<T> CallAsync<T>(int server, Func<IKlarnaInvoicing, Task<T>> call, string kind)
    {
        figures.Add($"server {server}");
        if (kind is "create" or "retry")
        {
            figures.Add("attempts");
            figures.Add(kind + " calls");
        }

        return cluster.Gate.CallAsync(() => call(cluster.Servers[server]));
    }
}
