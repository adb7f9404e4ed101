using Specter.Klarna.Invoicing.ExactlyOnce.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>A credit invoice's refund as an exactly-once write: its reference is the credit number, its amount the planned refund.</summary>
/// <remarks>Klarna has no list-refunds call; the order itself lists its refunds, so recovery reads the order and matches on <c>reference</c>.</remarks>
internal sealed class RefundWrite(IKlarnaOrderManagementClient klarna, IKlarnaInvoiceLedger ledger) : IKlarnaWriteKind
{
    public string Name => "refund";

    public Task<KlarnaCreated> SendAsync(LedgerInvoice record, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        klarna.CreateRefundAsync(record.Merchant, record.KlarnaOrderId!, body, record.IdempotencyKey!, cancellationToken);

    public async Task<KlarnaWriteFound?> FindAtKlarnaAsync(LedgerInvoice record, CancellationToken cancellationToken)
    {
        long recorded = record.Plan.Capture?.CapturedAmount.MinorUnits ?? 0;
        var order = await klarna.GetOrderAsync(record.Merchant, record.KlarnaOrderId!, cancellationToken).ConfigureAwait(false);
        var mine = order.Refunds.Where(r => string.Equals(r.Reference, record.InvoiceNumber, StringComparison.Ordinal)).ToList();
        var refund = mine.FirstOrDefault(r => r.RefundedAmount == recorded) ?? mine.FirstOrDefault();
        return refund is null ? null : new KlarnaWriteFound(refund.RefundId, null, refund.RefundedAt, refund.RefundedAmount, recorded);
    }

    public async Task<string?> WhyNotSendAsync(LedgerInvoice record, CancellationToken cancellationToken)
    {
        if (record.PlannedFrom is null)
        {
            return null;
        }

        // The credit was planned from the order's other rows (earlier credits of the invoice, netting of prepayments): if they changed, it may credit twice.
        var others = (await ledger.GetByOrderAsync(record.OrderNumber, cancellationToken).ConfigureAwait(false))
            .Where(i => !string.Equals(i.InvoiceNumber, record.InvoiceNumber, StringComparison.Ordinal));
        return string.Equals(PlanFingerprint.Of(others), record.PlannedFrom, StringComparison.Ordinal)
            ? null
            : $"The invoices or credits of order {record.OrderNumber} changed after credit {record.InvoiceNumber} was planned, so it may credit the same goods twice; nothing was refunded. Create the credit again to plan it anew.";
    }
}
