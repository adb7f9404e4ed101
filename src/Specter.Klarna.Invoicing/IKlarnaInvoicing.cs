namespace Specter.Klarna.Invoicing;

/// <summary>
/// Invoices ERP orders paid with Klarna: the one call behind "create invoice", the order list's invoice icon and
/// "deliver and invoice". Creating an invoice activates (captures) the Klarna reservation exactly once and locks it.
/// </summary>
/// <remarks>
/// <para>Errors: an invalid order throws <see cref="InvoicingOrderValidationException"/>; a broken rule (locked invoice,
/// activation in progress, nothing to invoice, over the authorized amount…) throws <see cref="KlarnaInvoicingRuleException"/>;
/// both before anything is written or sent. Klarna's refusal of a capture is not an exception: the result's status is
/// <see cref="ActivationState.Failed"/> with Klarna's messages. A lost answer gives <see cref="ActivationState.Unknown"/>,
/// settled by <see cref="RecoverAsync"/>.</para>
/// <para>Transport failures while reading Klarna before anything is written propagate as <see cref="HttpRequestException"/>,
/// <c>Polly.Timeout.TimeoutRejectedException</c> or <see cref="OperationCanceledException"/>; Klarna's refusals of
/// non-capture calls throw <see cref="KlarnaApiException"/>.</para>
/// </remarks>
public interface IKlarnaInvoicing
{
    /// <summary>Proposes the invoice the dialog shows: type and why, alternatives, lines, amounts, deliveries, and the reservation. Writes nothing.</summary>
    /// <param name="order">The ERP order.</param>
    /// <param name="request">What to preview, or <see langword="null"/> for the proposed type.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The proposal.</returns>
    Task<InvoiceProposal> ProposeAsync(InvoicingOrder order, InvoiceProposalRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Creates the invoice: validates, records it with its capture intent, captures at Klarna, records the outcome.</summary>
    /// <param name="order">The ERP order.</param>
    /// <param name="request">The invoice number, and optionally type, percent and description.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The invoice and its activation status.</returns>
    Task<InvoiceResult> CreateInvoiceAsync(InvoicingOrder order, CreateInvoiceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Makes a new activation attempt (with a new idempotency key) for a <see cref="ActivationState.Failed"/> invoice, re-planned from the order.</summary>
    /// <param name="order">The ERP order (possibly corrected since the failure).</param>
    /// <param name="invoiceNumber">The failed invoice.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The invoice and its new activation status.</returns>
    Task<InvoiceResult> RetryActivationAsync(InvoicingOrder order, string invoiceNumber, CancellationToken cancellationToken = default);

    /// <summary>Proposes a credit invoice against an invoice: what it would credit and refund per VAT rate, what is left to credit
    /// on the invoice and to refund on the Klarna order, and the rules it breaks. Reads Klarna; writes nothing.</summary>
    /// <param name="request">The invoice to credit and what to credit of it (everything, lines and quantities, or amounts per VAT rate).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The proposal.</returns>
    /// <exception cref="KlarnaInvoicingRuleException">The invoice is not in the ledger.</exception>
    Task<CreditProposal> ProposeCreditAsync(CreditProposalRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a credit invoice against an activated invoice and refunds it at Klarna exactly once: recorded with its
    /// refund intent (key and exact bytes) before it is sent, the outcome recorded, and an unknown outcome settled by
    /// <see cref="RecoverAsync"/>. The refund's reference is the credit number and its lines carry the capture's line references,
    /// so Klarna allocates it to the right customer invoice. Without a reservation the credit is recorded with nothing sent.</summary>
    /// <param name="request">The invoice, the credit number and what to credit.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The credit invoice and its refund status (<see cref="ActivationState.Activated"/> = refunded and locked).</returns>
    /// <exception cref="KlarnaInvoicingRuleException">A rule is broken (not activated, more than is left, a malformed request); nothing was written or sent.</exception>
    /// <exception cref="KlarnaApiException">Klarna could not be read before the credit was recorded; nothing was written or sent.</exception>
    Task<CreditResult> CreateCreditAsync(CreateCreditRequest request, CancellationToken cancellationToken = default);

    /// <summary>Says how to undo an order the ERP cancels: cancel the Klarna order while nothing is captured, otherwise credit what
    /// is left on its invoices (listed) and release what Klarna still holds. Reads the ledger and Klarna; writes nothing.</summary>
    /// <param name="order">The ERP order, with its Klarna order id when it has a reservation.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The proposal.</returns>
    Task<CorrectionProposal> ProposeCorrectionAsync(InvoicingOrder order, CancellationToken cancellationToken = default);

    /// <summary>Abandons a failed (or non-Klarna) invoice so the ERP can delete it; its lines become invoiceable again.</summary>
    /// <param name="invoiceNumber">The invoice number.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the invoice is removed from the ledger.</returns>
    Task AbandonInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="KlarnaInvoicingRuleException"/> when the invoice may not be changed in the given way (for example edited after activation).</summary>
    /// <param name="invoiceNumber">The invoice number.</param>
    /// <param name="action">What the ERP user is about to do.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the action is allowed.</returns>
    Task EnsureAllowedAsync(string invoiceNumber, InvoiceAction action, CancellationToken cancellationToken = default);

    /// <summary>Gets an invoice's activation status for the Klarna icon and tooltip.</summary>
    /// <param name="invoiceNumber">The invoice number.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The status, or <see langword="null"/> when the ledger does not know the invoice.</returns>
    Task<InvoiceActivationStatus?> GetActivationStatusAsync(string invoiceNumber, CancellationToken cancellationToken = default);

    /// <summary>Gets the activation status of every invoice of an ERP order, oldest first.</summary>
    /// <param name="orderNumber">The ERP order number.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The statuses.</returns>
    Task<IReadOnlyList<InvoiceActivationStatus>> GetOrderActivationStatusesAsync(string orderNumber, CancellationToken cancellationToken = default);

    /// <summary>Settles every pending or unknown activation (after a crash, timeout or 5xx): same key within Klarna's window, else by reading the order's captures.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What was settled.</returns>
    Task<RecoveryReport> RecoverAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a Klarna order (status, amounts, expiry, captures).</summary>
    /// <param name="merchant">The merchant profile, or <see langword="null"/> for the default.</param>
    /// <param name="klarnaOrderId">The Klarna order id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The order.</returns>
    Task<KlarnaOrder> GetKlarnaOrderAsync(string? merchant, string klarnaOrderId, CancellationToken cancellationToken = default);

    /// <summary>Cancels a Klarna reservation that has no captures.</summary>
    /// <param name="merchant">The merchant profile, or <see langword="null"/> for the default.</param>
    /// <param name="klarnaOrderId">The Klarna order id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when Klarna has cancelled the order.</returns>
    Task CancelReservationAsync(string? merchant, string klarnaOrderId, CancellationToken cancellationToken = default);

    /// <summary>Releases the remaining authorization of a partly captured Klarna order.</summary>
    /// <param name="merchant">The merchant profile, or <see langword="null"/> for the default.</param>
    /// <param name="klarnaOrderId">The Klarna order id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when Klarna has released it.</returns>
    Task ReleaseRemainingAuthorizationAsync(string? merchant, string klarnaOrderId, CancellationToken cancellationToken = default);

    /// <summary>Changes the Klarna reservation to the ERP order as it is now (new order amount and all its lines, <c>PATCH …/authorization</c>),
    /// when the customer changed the order before delivery. Sent once per new content: a repeat uses the same idempotency key.</summary>
    /// <param name="order">The ERP order as changed, with its Klarna order id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The Klarna order after the update.</returns>
    /// <exception cref="KlarnaApiException">Klarna refused, in its own words: for example an increase not allowed for the payment method, an order
    /// fully captured, cancelled or expired, or an amount below what is already captured (<c>NOT_ALLOWED</c>).</exception>
    Task<KlarnaOrder> UpdateReservationAsync(InvoicingOrder order, CancellationToken cancellationToken = default);

    /// <summary>Extends the authorization time of a Klarna order (today plus the account's period, within 180 days of purchase).</summary>
    /// <param name="merchant">The merchant profile, or <see langword="null"/> for the default.</param>
    /// <param name="klarnaOrderId">The Klarna order id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The order after the extension, with its new expiry.</returns>
    Task<KlarnaOrder> ExtendReservationAsync(string? merchant, string klarnaOrderId, CancellationToken cancellationToken = default);
}
