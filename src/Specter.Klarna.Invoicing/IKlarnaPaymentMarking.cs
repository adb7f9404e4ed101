using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing;

/// <summary>
/// Marks ERP invoices paid from Klarna's payouts (återläsning): imports payouts from Klarna's Settlements API, reconciles
/// them against the ledger and records the payment markings the ERP books. The sibling of <see cref="IKlarnaInvoicing"/>;
/// registered by <c>AddPaymentMarking()</c> on the invoicing builder.
/// </summary>
/// <remarks>Klarna's refusals throw <see cref="KlarnaApiException"/>; transport failures are not wrapped. Importing the same payout
/// again marks nothing twice. A payout that does not balance is recorded with what did match and reported, never forced.</remarks>
public interface IKlarnaPaymentMarking
{
    /// <summary>Imports one payout: reads it and its transactions, reconciles, records the new markings.</summary>
    /// <param name="paymentReference">The payout's payment reference (on the bank statement).</param>
    /// <param name="merchant">The merchant profile, or <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The reconciliation and the markings this import added.</returns>
    Task<PayoutImportResult> ImportPayoutAsync(string paymentReference, string? merchant = null, CancellationToken cancellationToken = default);

    /// <summary>Imports every payout whose payout date lies in the range (all currencies), oldest first as Klarna lists them.</summary>
    /// <param name="payoutDateFrom">The first instant.</param>
    /// <param name="payoutDateTo">The last instant (inclusive; use the end of the day).</param>
    /// <param name="merchant">The merchant profile, or <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>One result per payout.</returns>
    Task<IReadOnlyList<PayoutImportResult>> ImportPayoutsAsync(DateTimeOffset payoutDateFrom, DateTimeOffset payoutDateTo, string? merchant = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the markings of an invoice or credit invoice, oldest first.</summary>
    /// <param name="documentNumber">The invoice or credit number.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The markings.</returns>
    Task<IReadOnlyList<PaymentMarking>> GetMarkingsAsync(string documentNumber, CancellationToken cancellationToken = default);

    /// <summary>Gets an invoice's payment status for the ERP's list ("paid by Klarna" and its tooltip).</summary>
    /// <param name="invoiceNumber">The invoice number.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The status (not paid when no payout has paid it yet).</returns>
    Task<InvoicePaymentStatus> GetPaymentStatusAsync(string invoiceNumber, CancellationToken cancellationToken = default);

    /// <summary>Lists invoices captured longer ago than <see cref="KlarnaPaymentMarkingOptions.UnpaidAfter"/> that no imported payout has paid.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The invoices, oldest capture first.</returns>
    Task<IReadOnlyList<UnpaidCapture>> ListUnpaidCapturesAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the sales in the range's payouts for captures the ledger does not know (made in Klarna's portal or by another system). Records nothing.</summary>
    /// <param name="payoutDateFrom">The first instant.</param>
    /// <param name="payoutDateTo">The last instant.</param>
    /// <param name="merchant">The merchant profile, or <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The transactions.</returns>
    Task<IReadOnlyList<KlarnaSettlementTransaction>> ListUnknownCapturesAsync(DateTimeOffset payoutDateFrom, DateTimeOffset payoutDateTo, string? merchant = null, CancellationToken cancellationToken = default);
}
