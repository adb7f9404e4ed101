using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Testing;

/// <summary>A thread-safe, process-local <see cref="IKlarnaPaymentMarkingStore"/> beside an <see cref="InMemoryKlarnaInvoiceLedger"/> (tests, demos).</summary>
/// <param name="ledger">The ledger whose invoices the capture-id and unpaid reads look at.</param>
public sealed class InMemoryKlarnaPaymentMarkingStore(InMemoryKlarnaInvoiceLedger ledger) : IKlarnaPaymentMarkingStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RecordedPayout> _payouts = new(StringComparer.Ordinal);
    private readonly List<PaymentMarking> _markings = [];

    /// <inheritdoc/>
    public Task<IReadOnlyList<PaymentMarking>> RecordAsync(RecordedPayout payout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payout);
        lock (_gate)
        {
            var added = payout.Markings
                .Where(m => !_markings.Exists(s => SameKey(s, m)))
                .DistinctBy(m => (m.PaymentReference, m.Kind, m.DocumentNumber))
                .ToList();
            _markings.AddRange(added);
            _payouts[payout.PaymentReference] = _payouts.TryGetValue(payout.PaymentReference, out var first)
                ? first with { Difference = payout.Difference }
                : payout with { Markings = [] };
            return Task.FromResult<IReadOnlyList<PaymentMarking>>(added);
        }
    }

    /// <inheritdoc/>
    public Task<RecordedPayout?> FindPayoutAsync(string paymentReference, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_payouts.TryGetValue(paymentReference, out var payout)
                ? payout with { Markings = [.. _markings.Where(m => string.Equals(m.PaymentReference, paymentReference, StringComparison.Ordinal))] }
                : null);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PaymentMarking>> GetMarkingsAsync(string documentNumber, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PaymentMarking>>([.. _markings.Where(m => string.Equals(m.DocumentNumber, documentNumber, StringComparison.Ordinal))]);
        }
    }

    /// <inheritdoc/>
    public Task<string?> FindInvoiceNumberByCaptureIdAsync(string captureId, CancellationToken cancellationToken = default) =>
        Task.FromResult(ledger.Snapshot().FirstOrDefault(i => string.Equals(i.CaptureId, captureId, StringComparison.Ordinal))?.InvoiceNumber);

    /// <inheritdoc/>
    public Task<IReadOnlyList<UnpaidCapture>> ListUnpaidCapturesAsync(DateTimeOffset activatedAtOrBefore, CancellationToken cancellationToken = default)
    {
        HashSet<string> paid;
        lock (_gate)
        {
            paid = [.. _markings.Where(m => m.Kind == PaymentMarkingKind.InvoicePayment).Select(m => m.DocumentNumber)];
        }

        return Task.FromResult<IReadOnlyList<UnpaidCapture>>([.. ledger.Snapshot()
            .Where(i => i.State == ActivationState.Activated && i.DocumentKind == LedgerDocumentKind.Invoice && i.ActivatedAt is { } at && at <= activatedAtOrBefore && !paid.Contains(i.InvoiceNumber))
            .OrderBy(i => i.ActivatedAt)
            .Select(i => new UnpaidCapture(i.InvoiceNumber, i.KlarnaOrderId, i.CaptureId, i.ActivatedAt!.Value))]);
    }

    private static bool SameKey(PaymentMarking a, PaymentMarking b) =>
        a.Kind == b.Kind
        && string.Equals(a.PaymentReference, b.PaymentReference, StringComparison.Ordinal)
        && string.Equals(a.DocumentNumber, b.DocumentNumber, StringComparison.Ordinal);
}
