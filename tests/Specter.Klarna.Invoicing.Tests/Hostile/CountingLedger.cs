using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>A ledger decorator that counts every write that reaches it, and lists what it holds for a snapshot.</summary>
internal sealed class CountingLedger(IKlarnaInvoiceLedger inner) : IKlarnaInvoiceLedger
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.TryAddAsync(invoice, cancellationToken);
    }

    public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.TryUpdateAsync(invoice, expectedVersion, cancellationToken);
    }

    public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.TryDeleteAsync(invoiceNumber, expectedVersion, cancellationToken);
    }

    public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default) => inner.FindAsync(invoiceNumber, cancellationToken);

    public Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) => inner.GetByOrderAsync(orderNumber, cancellationToken);

    public Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default) => inner.ListUnsettledAsync(cancellationToken);

    /// <summary>Every invoice of the given orders as "number state version captureId", sorted.</summary>
    public async Task<string> SnapshotAsync(params string[] orderNumbers)
    {
        var lines = new List<string>();
        foreach (var orderNumber in orderNumbers)
        {
            lines.AddRange((await inner.GetByOrderAsync(orderNumber)).Select(i => $"{i.OrderNumber} {i.InvoiceNumber} {i.State} v{i.Version} {i.CaptureId}"));
        }

        lines.AddRange((await inner.ListUnsettledAsync()).Invoices.Select(i => "unsettled " + i.InvoiceNumber));
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
