namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>A thread-safe, process-local <see cref="IKlarnaInvoiceLedger"/> for tests, demos and single-process hosts.</summary>
/// <remarks>Everything is lost when the process ends; production hosts use a database-backed ledger.</remarks>
public sealed class InMemoryKlarnaInvoiceLedger : IKlarnaInvoiceLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LedgerInvoice> _invoices = new(StringComparer.Ordinal);
    private readonly List<string> _insertionOrder = [];
    private long _nextVersion;

    /// <inheritdoc/>
    public Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        lock (_gate)
        {
            if (_invoices.ContainsKey(invoice.InvoiceNumber))
            {
                return Task.FromResult(new LedgerAddResult(LedgerAddStatus.DuplicateInvoiceNumber));
            }

            if (invoice.IsUnsettled && HasOtherUnsettled(invoice))
            {
                return Task.FromResult(new LedgerAddResult(LedgerAddStatus.KlarnaOrderHasUnsettledCapture));
            }

            var stored = invoice with { Version = ++_nextVersion };
            _invoices[invoice.InvoiceNumber] = stored;
            _insertionOrder.Add(invoice.InvoiceNumber);
            return Task.FromResult(new LedgerAddResult(LedgerAddStatus.Added, stored));
        }
    }

    /// <inheritdoc/>
    public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        lock (_gate)
        {
            if (!_invoices.TryGetValue(invoice.InvoiceNumber, out var stored)
                || stored.Version != expectedVersion
                || (invoice.IsUnsettled && HasOtherUnsettled(invoice)))
            {
                return Task.FromResult<LedgerInvoice?>(null);
            }

            var updated = invoice with { Version = ++_nextVersion };
            _invoices[invoice.InvoiceNumber] = updated;
            return Task.FromResult<LedgerInvoice?>(updated);
        }
    }

    /// <inheritdoc/>
    public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_invoices.TryGetValue(invoiceNumber, out var stored) || stored.Version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            _invoices.Remove(invoiceNumber);
            _insertionOrder.Remove(invoiceNumber);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_invoices.GetValueOrDefault(invoiceNumber));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LedgerInvoice>>(Select(i => string.Equals(i.OrderNumber, orderNumber, StringComparison.Ordinal)));

    /// <inheritdoc/>
    public Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new LedgerUnsettledScan(Select(i => i.IsUnsettled), []));

    private List<LedgerInvoice> Select(Func<LedgerInvoice, bool> predicate)
    {
        lock (_gate)
        {
            return _insertionOrder.Select(n => _invoices[n]).Where(predicate).ToList();
        }
    }

    private bool HasOtherUnsettled(LedgerInvoice invoice) =>
        invoice.KlarnaOrderId is { } klarnaOrderId
        && _invoices.Values.Any(other => other.IsUnsettled
            && !string.Equals(other.InvoiceNumber, invoice.InvoiceNumber, StringComparison.Ordinal)
            && string.Equals(other.KlarnaOrderId, klarnaOrderId, StringComparison.Ordinal));
}
