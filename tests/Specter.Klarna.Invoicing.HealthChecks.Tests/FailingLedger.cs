using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.HealthChecks.Tests;

/// <summary>A ledger whose database is gone: every call fails as a driver would.</summary>
internal sealed class FailingLedger : IKlarnaInvoiceLedger
{
    public int Calls { get; private set; }

    public Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default) => Fail<LedgerAddResult>();

    public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default) => Fail<LedgerInvoice?>();

    public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default) => Fail<LedgerInvoice?>();

    public Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<LedgerInvoice>>();

    public Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default) => Fail<LedgerUnsettledScan>();

    private Task<T> Fail<T>()
    {
        Calls++;
        return Task.FromException<T>(new IOException("connection refused: the ledger database is down"));
    }
}
