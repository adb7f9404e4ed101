using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Tests.TestDoubles;

/// <summary>A ledger whose write of the "activated" outcome fails once: the process "crashes" between Klarna's 201 and the ledger write.</summary>
internal sealed class CrashingLedger(IKlarnaInvoiceLedger inner) : IKlarnaInvoiceLedger
{
    private int _crashes = 1;

    public Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default) => inner.TryAddAsync(invoice, cancellationToken);

    public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (invoice.State == ActivationState.Activated && Interlocked.Exchange(ref _crashes, 0) == 1)
        {
            throw new IOException("Simulated crash: the database connection died before the activation was written.");
        }

        return inner.TryUpdateAsync(invoice, expectedVersion, cancellationToken);
    }

    public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default) => inner.TryDeleteAsync(invoiceNumber, expectedVersion, cancellationToken);

    public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default) => inner.FindAsync(invoiceNumber, cancellationToken);

    public Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) => inner.GetByOrderAsync(orderNumber, cancellationToken);

    public Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default) => inner.ListUnsettledAsync(cancellationToken);
}
