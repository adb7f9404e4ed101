using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// An <see cref="InMemoryKlarnaInvoiceLedger"/>, replaced by an empty one every <see cref="Capacity"/> invoices.
/// </summary>
/// <remarks>
/// The in-memory ledger is indexed, so its cost does not grow with its size (the loopback benchmarks measure it at
/// 100 000 invoices); this bound is only for memory: a long run makes millions of invoices, each keeping its capture body.
/// Only <see cref="Rotate"/> swaps the instance, and the benchmark calls it between invocations, never inside one.
/// </remarks>
internal sealed class RotatingLedger : IKlarnaInvoiceLedger
{
    public const int Capacity = 50_000;

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
