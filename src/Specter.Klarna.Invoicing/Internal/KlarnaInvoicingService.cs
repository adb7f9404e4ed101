using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Specter.Klarna.Invoicing.Activation.Internal;
using Specter.Klarna.Invoicing.ExactlyOnce.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>
/// The orchestration: the invoicing decisions (type, plan, staleness, release), joining the pure domain, the Klarna
/// client and the host's ledger. Every capture and every refund goes through the <see cref="ExactlyOnceEngine"/>.
/// </summary>
internal sealed partial class KlarnaInvoicingService(
    IKlarnaOrderManagementClient klarna,
    KlarnaMerchantResolver merchants,
    IKlarnaInvoiceLedger ledger,
    ExactlyOnceEngine engine,
    CaptureWrite captures,
    RefundWrite refunds,
    IOptionsMonitor<KlarnaInvoicingOptions> options,
    TimeProvider time,
    InvoicingTelemetry telemetry,
    ExactlyOnceMetrics exactlyOnceMetrics,
    ILogger<KlarnaInvoicingService> logger) : IKlarnaInvoicing
{
    private KlarnaInvoicingOptions Options => options.CurrentValue;

    public async Task<InvoiceActivationStatus?> GetActivationStatusAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceNumber);
        var stored = await ledger.FindAsync(invoiceNumber, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        // An invoice's tooltip names its credits: they are rows of the same order.
        var rows = stored.DocumentKind == LedgerDocumentKind.Invoice && stored.State is ActivationState.Activated or ActivationState.NotKlarna
            ? await ledger.GetByOrderAsync(stored.OrderNumber, cancellationToken).ConfigureAwait(false)
            : [];
        return StatusOf(stored, rows);
    }

    public async Task<IReadOnlyList<InvoiceActivationStatus>> GetOrderActivationStatusesAsync(string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        var invoices = await ledger.GetByOrderAsync(orderNumber, cancellationToken).ConfigureAwait(false);
        return invoices.Select(i => StatusOf(i, invoices)).ToList();
    }

    public async Task EnsureAllowedAsync(string invoiceNumber, InvoiceAction action, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceNumber);
        var stored = await ledger.FindAsync(invoiceNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new KlarnaInvoicingRuleException(RuleViolations.InvoiceNotFound(invoiceNumber));
        InvoiceLockRules.ThrowIfViolated(LockState(stored), action);
    }

    public async Task AbandonInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceNumber);
        var stored = await ledger.FindAsync(invoiceNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new KlarnaInvoicingRuleException(RuleViolations.InvoiceNotFound(invoiceNumber));
        InvoiceLockRules.ThrowIfViolated(LockState(stored), InvoiceAction.Delete);
        if (!await ledger.TryDeleteAsync(invoiceNumber, stored.Version, cancellationToken).ConfigureAwait(false))
        {
            throw new KlarnaInvoicingRuleException(RuleViolations.ActivationInProgress(invoiceNumber));
        }
    }

    /// <summary>An order with a reservation must name a configured merchant profile: a typed input error, before anything is read or written.</summary>
    private void ThrowIfUnknownMerchant(InvoicingOrder order)
    {
        if (order.KlarnaOrderId is null)
        {
            return;
        }

        try
        {
            merchants.Resolve(order.Merchant);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvoicingOrderValidationException([new OrderValidationError(OrderValidationErrorCode.UnknownMerchant, "merchant", null, ex.Message)]);
        }
    }

    /// <summary>
    /// The state the lock rules read: an invoice of a Klarna order that captured nothing (it nets to zero) is final like an
    /// activated one — it was planned from, and later invoices rely on it — so it is locked too; only a credit may follow.
    /// </summary>
    internal static ActivationState LockState(LedgerInvoice invoice) =>
        invoice.State == ActivationState.NotKlarna && invoice.KlarnaOrderId is not null ? ActivationState.Activated : invoice.State;

    internal static InvoiceActivationStatus StatusOf(LedgerInvoice invoice) => new()
    {
        InvoiceNumber = invoice.InvoiceNumber,
        State = invoice.State,
        KlarnaOrderId = invoice.KlarnaOrderId,
        Amount = invoice.Plan.Capture?.CapturedAmount,
        CaptureId = invoice.CaptureId,
        KlarnaReference = invoice.KlarnaReference,
        ActivatedAt = invoice.ActivatedAt,
        Failure = invoice.LastFailure,
        Attempt = invoice.Attempt,
        CreditedInvoiceNumber = invoice.DocumentKind == LedgerDocumentKind.Credit ? invoice.CreditedInvoiceNumber ?? string.Empty : null,
    };

    internal static InvoiceActivationStatus StatusOf(LedgerInvoice invoice, IReadOnlyList<LedgerInvoice> orderRows) => StatusOf(invoice) with
    {
        Credits = [.. orderRows
            .Where(r => r.DocumentKind == LedgerDocumentKind.Credit && string.Equals(r.CreditedInvoiceNumber, invoice.InvoiceNumber, StringComparison.Ordinal))
            .Select(r => new InvoiceCredit(r.InvoiceNumber, r.Plan.Total, r.State))],
    };

    private async Task<List<LedgerInvoice>> PriorInvoicesAsync(string orderNumber, string? excludingInvoice, CancellationToken cancellationToken)
    {
        var invoices = await ledger.GetByOrderAsync(orderNumber, cancellationToken).ConfigureAwait(false);
        return invoices.Where(i => !string.Equals(i.InvoiceNumber, excludingInvoice, StringComparison.Ordinal)).ToList();
    }
}
