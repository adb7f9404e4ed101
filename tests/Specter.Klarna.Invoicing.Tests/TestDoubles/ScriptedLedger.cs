using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Tests.TestDoubles;

/// <summary>A ledger that can show one stale read of an order, die right after recording an invoice, or hold unreadable rows.</summary>
internal sealed class ScriptedLedger(IKlarnaInvoiceLedger inner) : IKlarnaInvoiceLedger
{
    public const string CrashMessage = "Simulated crash: the process died right after recording the intent.";

    private int _hideNextOrderRead;
    private int _crashAfterNextAdd;

    /// <summary>Gets the rows reported as unreadable (as a newer version's row, or one with bad JSON, would be).</summary>
    public List<UnreadableLedgerRow> Unreadable { get; } = [];

    /// <summary>The next read of an order's invoices sees none (as if read before the others were created).</summary>
    public void HideOrderOnNextRead() => Volatile.Write(ref _hideNextOrderRead, 1);

    /// <summary>The next add is stored, then the process "dies" (the call throws).</summary>
    public void CrashAfterNextAdd() => Volatile.Write(ref _crashAfterNextAdd, 1);

    public async Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default)
    {
        var result = await inner.TryAddAsync(invoice, cancellationToken);
        return Interlocked.Exchange(ref _crashAfterNextAdd, 0) == 1 ? throw new IOException(CrashMessage) : result;
    }

    public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default) => inner.TryUpdateAsync(invoice, expectedVersion, cancellationToken);

    public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default) => inner.TryDeleteAsync(invoiceNumber, expectedVersion, cancellationToken);

    public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        Unreadable.Any(u => u.InvoiceNumber == invoiceNumber)
            ? throw new KlarnaLedgerRowException(invoiceNumber, "state 9 is unknown to this version of the package", null)
            : inner.FindAsync(invoiceNumber, cancellationToken);

    public async Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) =>
        Interlocked.Exchange(ref _hideNextOrderRead, 0) == 1 ? [] : await inner.GetByOrderAsync(orderNumber, cancellationToken);

    public async Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default)
    {
        var scan = await inner.ListUnsettledAsync(cancellationToken);
        return scan with { Unreadable = [.. scan.Unreadable, .. Unreadable] };
    }
}
