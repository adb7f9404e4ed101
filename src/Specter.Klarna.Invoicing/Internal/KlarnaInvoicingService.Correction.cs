using Specter.Klarna.Invoicing.Credit.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

internal sealed partial class KlarnaInvoicingService
{
    public async Task<CorrectionProposal> ProposeCorrectionAsync(InvoicingOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ThrowIfUnknownMerchant(order);
        var rows = await ledger.GetByOrderAsync(order.OrderNumber, cancellationToken).ConfigureAwait(false);
        var invoices = rows.Where(r => r.DocumentKind == LedgerDocumentKind.Invoice && r.State is ActivationState.Activated or ActivationState.NotKlarna).ToList();
        var left = new List<InvoiceCredit>();
        foreach (var invoice in invoices)
        {
            var credits = LedgerDocuments.CreditsOf(rows, invoice.InvoiceNumber).Select(c => c.Plan).ToList();
            long leftTotal = CreditTally.Of(invoice.Plan, credits).LeftTotal;
            if (leftTotal > 0)
            {
                left.Add(new InvoiceCredit(invoice.InvoiceNumber, new Money(leftTotal, invoice.Plan.Total.Currency), invoice.State));
            }
        }

        var klarnaOrder = order.KlarnaOrderId is { } id ? await klarna.GetOrderAsync(order.Merchant, id, cancellationToken).ConfigureAwait(false) : null;
        var amounts = klarnaOrder is null ? (CorrectionAdvisor.ReservationAmounts?)null : new CorrectionAdvisor.ReservationAmounts(
            klarnaOrder.Status != KlarnaOrderStatus.Cancelled && klarnaOrder.Status != KlarnaOrderStatus.Closed && klarnaOrder.Status != KlarnaOrderStatus.Expired,
            klarnaOrder.CapturedAmount.MinorUnits,
            klarnaOrder.RefundedAmount.MinorUnits,
            klarnaOrder.RemainingAuthorizedAmount.MinorUnits);
        var (kind, release) = CorrectionAdvisor.Decide(left, amounts);
        return new CorrectionProposal { OrderNumber = order.OrderNumber, KlarnaOrderId = order.KlarnaOrderId, Kind = kind, InvoicesToCredit = left, ReleaseRemaining = release };
    }
}
