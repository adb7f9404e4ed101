using Specter.Klarna.Invoicing.Activation.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

internal sealed partial class KlarnaInvoicingService
{
    /// <summary>
    /// After an ERP order's last invoice (made now, settled by recovery, or capturing nothing): releases what Klarna still
    /// holds when <see cref="ReleaseRule"/> proves it safe; otherwise leaves it and says how much is still reserved.
    /// </summary>
    /// <param name="merchant">The merchant profile.</param>
    /// <param name="orderNumber">The ERP order number.</param>
    /// <param name="invoices">Every invoice of the ERP order, the last one included, as settled.</param>
    /// <param name="klarnaOrder">Klarna's order as read.</param>
    /// <param name="captureAfterRead">The last invoice's capture when it was made after <paramref name="klarnaOrder"/> was read.</param>
    /// <param name="lastInvoiceNumber">The last invoice's number (names the release's idempotency key).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    private async Task<(bool Released, IReadOnlyList<ProposalWarning> Warnings)> ReleaseIfLastInvoiceAsync(
        string? merchant, string orderNumber, IReadOnlyList<LedgerInvoice> invoices, KlarnaOrder klarnaOrder, long captureAfterRead, string lastInvoiceNumber, CancellationToken cancellationToken)
    {
        // Credit invoices refund; they neither hold nor need the authorization (a refund does not give it back).
        invoices = [.. invoices.Where(i => i.DocumentKind == LedgerDocumentKind.Invoice)];

        // A failed or unsettled invoice still needs the authorization; an order with something left to invoice is not closed.
        var last = invoices[^1];
        if (!last.Plan.CompletesOrder || invoices.Any(i => i.State is not (ActivationState.Activated or ActivationState.NotKlarna)))
        {
            return (false, []);
        }

        long invoiced = invoices.Sum(i => i.Plan.Total.MinorUnits);
        long capturedWhenRead = invoices.Where(i => i.State == ActivationState.Activated).Sum(i => i.Plan.Capture?.CapturedAmount.MinorUnits ?? 0) - captureAfterRead;
        var (stillReserved, safe) = ReleaseRule.Decide(klarnaOrder, invoiced, capturedWhenRead, captureAfterRead);
        var reserved = new Money(stillReserved, last.Plan.Total.Currency);
        if (stillReserved <= 0 || !Options.ReleaseRemainingAuthorizationAfterLastInvoice)
        {
            return (false, []);
        }

        if (!safe)
        {
            InvoicingLog.ReleaseNotSafe(logger, klarnaOrder.OrderId, orderNumber, stillReserved);
            return (false, [ReleaseRule.StillReserved(reserved, klarnaOrder.OrderId)]);
        }

        try
        {
            var key = IdempotencyKeys.ForOrderOperation(Options.IdempotencyNamespace, klarnaOrder.OrderId, "release", lastInvoiceNumber);
            await klarna.ReleaseRemainingAuthorizationAsync(merchant, klarnaOrder.OrderId, key, cancellationToken).ConfigureAwait(false);
            InvoicingLog.Released(logger, klarnaOrder.OrderId, stillReserved);
            return (true, []);
        }
        catch (Exception ex) when (ex is KlarnaApiException || ActivationOutcomeClassifier.IsTransport(ex))
        {
            // The invoice stands either way; an unreleased authorization simply expires at Klarna.
            InvoicingLog.ReleaseFailed(logger, klarnaOrder.OrderId, ex);
            return (false, [ReleaseRule.StillReserved(reserved, klarnaOrder.OrderId)]);
        }
    }

    /// <summary>Recovery settled an ERP order's last invoice as activated: the same release rule as when it is made directly.</summary>
    private async Task ReleaseAfterRecoveryAsync(LedgerInvoice settled, CancellationToken cancellationToken)
    {
        if (!settled.Plan.CompletesOrder || settled.KlarnaOrderId is null)
        {
            return;
        }

        try
        {
            var invoices = (await ledger.GetByOrderAsync(settled.OrderNumber, cancellationToken).ConfigureAwait(false))
                .Where(i => !string.Equals(i.InvoiceNumber, settled.InvoiceNumber, StringComparison.Ordinal)).Append(settled).ToList();
            var klarnaOrder = await klarna.GetOrderAsync(settled.Merchant, settled.KlarnaOrderId, cancellationToken).ConfigureAwait(false);
            await ReleaseIfLastInvoiceAsync(settled.Merchant, settled.OrderNumber, invoices, klarnaOrder, captureAfterRead: 0, settled.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KlarnaApiException || ActivationOutcomeClassifier.IsTransport(ex))
        {
            InvoicingLog.ReleaseFailed(logger, settled.KlarnaOrderId, ex);
        }
    }
}
