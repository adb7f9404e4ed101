using Specter.Klarna.Invoicing.ExactlyOnce.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>An invoice's capture as an exactly-once write: its reference is the invoice number, its amount the plan's capture.</summary>
internal sealed class CaptureWrite(IKlarnaOrderManagementClient klarna, IKlarnaInvoiceLedger ledger) : IKlarnaWriteKind
{
    public string Name => "capture";

    public Task<KlarnaCreated> SendAsync(LedgerInvoice record, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        klarna.CreateCaptureAsync(record.Merchant, record.KlarnaOrderId!, body, record.IdempotencyKey!, cancellationToken);

    public async Task<KlarnaWriteFound?> FindAtKlarnaAsync(LedgerInvoice record, CancellationToken cancellationToken)
    {
        long recorded = record.Plan.Capture?.CapturedAmount.MinorUnits ?? 0;
        var captures = await klarna.ListCapturesAsync(record.Merchant, record.KlarnaOrderId!, cancellationToken).ConfigureAwait(false);
        var mine = captures.Where(c => string.Equals(c.Reference, record.InvoiceNumber, StringComparison.Ordinal)).ToList();
        var capture = mine.FirstOrDefault(c => c.CapturedAmount == recorded) ?? mine.FirstOrDefault();
        return capture is null ? null : new KlarnaWriteFound(capture.CaptureId, capture.KlarnaReference, capture.CapturedAt, capture.CapturedAmount, recorded);
    }

    public async Task<string?> WhyNotSendAsync(LedgerInvoice record, CancellationToken cancellationToken)
    {
        if (record.PlannedFrom is null)
        {
            return null; // Recorded before plans kept their origin: nothing to compare with.
        }

        var others = (await ledger.GetByOrderAsync(record.OrderNumber, cancellationToken).ConfigureAwait(false))
            .Where(i => !string.Equals(i.InvoiceNumber, record.InvoiceNumber, StringComparison.Ordinal));
        return string.Equals(PlanFingerprint.Of(others), record.PlannedFrom, StringComparison.Ordinal)
            ? null
            : $"The invoices of order {record.OrderNumber} changed after this invoice was planned, so its plan may invoice the same goods twice; nothing was sent. Retry it to plan it again.";
    }
}
