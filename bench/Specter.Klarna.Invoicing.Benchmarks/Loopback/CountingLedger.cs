using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Benchmarks.Loopback;

/// <summary>Counts the writes (each one durable commit in a database ledger) the library makes per invoice.</summary>
internal sealed class CountingLedger(IKlarnaInvoiceLedger inner) : IKlarnaInvoiceLedger
{
    public int Writes { get; private set; }

    public Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default)
    {
        Writes++;
        return inner.TryAddAsync(invoice, cancellationToken);
    }

    public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Writes++;
        return inner.TryUpdateAsync(invoice, expectedVersion, cancellationToken);
    }

    public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Writes++;
        return inner.TryDeleteAsync(invoiceNumber, expectedVersion, cancellationToken);
    }

    public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        inner.FindAsync(invoiceNumber, cancellationToken);

    public Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) =>
        inner.GetByOrderAsync(orderNumber, cancellationToken);

    public Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default) =>
        inner.ListUnsettledAsync(cancellationToken);
}
