using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing.Internal;

namespace Specter.Klarna.Invoicing.Testing;

/// <summary>A thread-safe, process-local <see cref="IKlarnaInvoiceLedger"/> for tests, demos and benchmarks.</summary>
/// <remarks>
/// Everything is lost when the process ends, so it is not for production: a host that captures money needs a durable
/// ledger (its own, or the SQLite/PostgreSQL packages). Every call is indexed (by invoice number, by order, by Klarna
/// order id and the unsettled set), so its cost does not grow with the number of invoices held.
/// </remarks>
public sealed class InMemoryKlarnaInvoiceLedger : IKlarnaInvoiceLedger
{
    private static readonly Task<LedgerAddResult> Duplicate = Task.FromResult(new LedgerAddResult(LedgerAddStatus.DuplicateInvoiceNumber));
    private static readonly Task<LedgerAddResult> Unsettled = Task.FromResult(new LedgerAddResult(LedgerAddStatus.KlarnaOrderHasUnsettledCapture));
    private static readonly Task<LedgerInvoice?> None = Task.FromResult<LedgerInvoice?>(null);

    private readonly Lock _gate = new();
    private readonly InMemoryLedgerIndex _index = new();
    private long _nextVersion;

    /// <inheritdoc/>
    public Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        lock (_gate)
        {
            if (_index.Find(invoice.InvoiceNumber) is not null)
            {
                return Duplicate;
            }

            if (_index.HasOtherUnsettled(invoice))
            {
                return Unsettled;
            }

            var stored = invoice with { Version = ++_nextVersion };
            _index.Add(stored);
            return Task.FromResult(new LedgerAddResult(LedgerAddStatus.Added, stored));
        }
    }

    /// <inheritdoc/>
    public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        lock (_gate)
        {
            var slot = _index.Find(invoice.InvoiceNumber);
            if (slot is null || slot.Invoice.Version != expectedVersion || _index.HasOtherUnsettled(invoice))
            {
                return None;
            }

            var updated = invoice with { Version = ++_nextVersion };
            _index.Replace(slot, updated);
            return Task.FromResult<LedgerInvoice?>(updated);
        }
    }

    /// <inheritdoc/>
    public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        lock (_gate)
        {
            var slot = _index.Find(invoiceNumber);
            if (slot is null || slot.Invoice.Version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            _index.Remove(slot);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        lock (_gate)
        {
            return _index.Find(invoiceNumber) is { } slot ? Task.FromResult<LedgerInvoice?>(slot.Invoice) : None;
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        lock (_gate)
        {
            return Task.FromResult(_index.ByOrder(orderNumber));
        }
    }

    /// <inheritdoc/>
    public Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // Rows held as objects are always readable.
            return Task.FromResult(new LedgerUnsettledScan(_index.Unsettled(), []));
        }
    }
}
