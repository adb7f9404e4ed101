using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// The library's <see cref="InMemoryKlarnaInvoiceLedger"/>, replaced by an empty one every <see cref="Capacity"/> invoices.
/// </summary>
/// <remarks>
/// The in-memory ledger scans every stored invoice on add and on "invoices of this order" (it is meant for tests and
/// demos), so after a million benchmark invocations each call would cost a million comparisons and we would measure the
/// ledger's growth, not the library. Rotating bounds it at <see cref="Capacity"/> invoices, the size of a busy day's
/// working set; the rotation itself (one empty ledger per <see cref="Capacity"/> calls) is amortized to nothing.
/// Only <see cref="Rotate"/> swaps the instance, and the benchmark calls it between invocations, never inside one.
/// </remarks>
internal sealed class RotatingLedger : IKlarnaInvoiceLedger
{
    public const int Capacity = 256;

    private InMemoryKlarnaInvoiceLedger _current = new();
    private int _added;

    public void Rotate()
    {
        if (_added >= Capacity)
        {
            _current = new InMemoryKlarnaInvoiceLedger();
            _added = 0;
        }
    }

    public Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default)
    {
        _added++;
        return _current.TryAddAsync(invoice, cancellationToken);
    }

    public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default) =>
        _current.TryUpdateAsync(invoice, expectedVersion, cancellationToken);

    public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default) =>
        _current.TryDeleteAsync(invoiceNumber, expectedVersion, cancellationToken);

    public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        _current.FindAsync(invoiceNumber, cancellationToken);

    public Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) =>
        _current.GetByOrderAsync(orderNumber, cancellationToken);

    public Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default) =>
        _current.ListUnsettledAsync(cancellationToken);
}
