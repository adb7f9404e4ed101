namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>
/// Where the host stores payment markings from Klarna payouts, beside its <see cref="IKlarnaInvoiceLedger"/> (usually in
/// the same database: two reads join the ledger's invoices). Prove an implementation with <c>PaymentMarkingStoreConformanceTests</c>.
/// </summary>
/// <remarks>
/// <para>Rules every implementation keeps:</para>
/// <list type="bullet">
/// <item>A marking is unique per (payment reference, kind, document number): recording the same payout again adds nothing,
/// across processes and servers (a unique index, not a process-local lock).</item>
/// <item>A payout's booking lines are stored once, with the payout's first recording; the payout's difference is the latest one.</item>
/// <item>One recording is atomic: all of its new markings or none.</item>
/// <item>Every property is stored verbatim (amounts exact, text as given).</item>
/// </list>
/// </remarks>
public interface IKlarnaPaymentMarkingStore
{
    /// <summary>Records a reconciled payout and those of its markings not recorded before.</summary>
    /// <param name="payout">The payout with its markings and booking lines.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The markings this call added (empty when the payout was recorded before with the same markings).</returns>
    Task<IReadOnlyList<PaymentMarking>> RecordAsync(RecordedPayout payout, CancellationToken cancellationToken = default);

    /// <summary>Reads a recorded payout with all of its markings and booking lines.</summary>
    /// <param name="paymentReference">The payout's payment reference.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The payout, or <see langword="null"/> when it was never recorded.</returns>
    Task<RecordedPayout?> FindPayoutAsync(string paymentReference, CancellationToken cancellationToken = default);

    /// <summary>Reads the markings of an ERP invoice or credit invoice, oldest first.</summary>
    /// <param name="documentNumber">The invoice or credit number.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The markings (empty when none).</returns>
    Task<IReadOnlyList<PaymentMarking>> GetMarkingsAsync(string documentNumber, CancellationToken cancellationToken = default);

    /// <summary>Finds the ledger's invoice activated with a Klarna capture id (for payout lines that lack the reference).</summary>
    /// <param name="captureId">Klarna's capture id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The invoice number, or <see langword="null"/>.</returns>
    Task<string?> FindInvoiceNumberByCaptureIdAsync(string captureId, CancellationToken cancellationToken = default);

    /// <summary>Lists the ledger's <see cref="ActivationState.Activated"/> invoices activated at or before <paramref name="activatedAtOrBefore"/> that have no invoice-payment marking, oldest activation first.</summary>
    /// <param name="activatedAtOrBefore">The cut-off instant.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The invoices, with when they were activated.</returns>
    Task<IReadOnlyList<UnpaidCapture>> ListUnpaidCapturesAsync(DateTimeOffset activatedAtOrBefore, CancellationToken cancellationToken = default);
}
