namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>
/// Where the host stores invoices and their Klarna capture intents. This is where exactly-once lives:
/// implement it on the ERP's own database and prove it with <c>LedgerConformanceTests</c>.
/// </summary>
/// <remarks>
/// <para>Rules every implementation keeps:</para>
/// <list type="bullet">
/// <item>Invoice numbers are unique.</item>
/// <item>At most one unsettled invoice (<see cref="ActivationState.Pending"/> or <see cref="ActivationState.Unknown"/>)
/// per Klarna order id at any time, across processes and servers (a unique partial index or a row lock, not a process-local lock).</item>
/// <item>Updates are compare-and-swap on <see cref="LedgerInvoice.Version"/>: a stale version changes nothing.</item>
/// <item>Every property is stored verbatim (amounts exact, text as given, including non-ASCII).</item>
/// <item>A row that cannot be read (a state value written by a newer version, bad JSON, an unknown currency) never
/// becomes a default value: single reads throw <see cref="KlarnaLedgerRowException"/>, and <see cref="ListUnsettledAsync"/>
/// lists it in <see cref="LedgerUnsettledScan.Unreadable"/> and returns the others.</item>
/// <item>Connections never enlist in the host's ambient transaction (<c>TransactionScope</c>): a host rollback must not
/// erase the record of money Klarna took.</item>
/// </list>
/// </remarks>
public interface IKlarnaInvoiceLedger
{
    /// <summary>Records a new invoice (before anything is sent to Klarna).</summary>
    /// <param name="invoice">The invoice; its <see cref="LedgerInvoice.Version"/> is ignored.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Whether it was added, or why not; when added, the stored invoice with its version (no re-read needed).</returns>
    Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default);

    /// <summary>Replaces an invoice if its stored version still equals <paramref name="expectedVersion"/>.</summary>
    /// <param name="invoice">The new content (same invoice number).</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The stored invoice with its new version, or <see langword="null"/> when the version was stale, the invoice is gone,
    /// or the update would give the Klarna order a second unsettled invoice.</returns>
    Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes an invoice if its stored version still equals <paramref name="expectedVersion"/>.</summary>
    /// <param name="invoiceNumber">The invoice number.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when deleted.</returns>
    Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Reads one invoice.</summary>
    /// <param name="invoiceNumber">The invoice number.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The invoice, or <see langword="null"/>.</returns>
    /// <exception cref="KlarnaLedgerRowException">The stored row cannot be read.</exception>
    Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default);

    /// <summary>Reads the invoices of an ERP order, oldest first.</summary>
    /// <param name="orderNumber">The ERP order number.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The invoices.</returns>
    /// <exception cref="KlarnaLedgerRowException">One of the order's rows cannot be read (nothing may be planned from a partial history).</exception>
    Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default);

    /// <summary>Lists every unsettled invoice (<see cref="ActivationState.Pending"/> or <see cref="ActivationState.Unknown"/>), oldest first.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The readable invoices and the unreadable rows, each oldest first.</returns>
    Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default);
}
