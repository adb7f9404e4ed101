using Microsoft.Extensions.Options;
using Specter.Klarna.Invoicing.Payouts.Internal;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Settlements.Internal;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Imports payouts: Settlements client → the ledger's invoices → <see cref="PayoutReconciler"/> → the marking store.</summary>
internal sealed class KlarnaPaymentMarkingService(
    IKlarnaSettlementsClient settlements,
    IKlarnaInvoiceLedger ledger,
    IKlarnaPaymentMarkingStore store,
    IOptions<KlarnaPaymentMarkingOptions> options,
    TimeProvider time) : IKlarnaPaymentMarking
{
    public async Task<PayoutImportResult> ImportPayoutAsync(string paymentReference, string? merchant = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentReference);
        var payout = await settlements.GetPayoutAsync(merchant, paymentReference, cancellationToken).ConfigureAwait(false);
        return await ImportAsync(payout, merchant, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PayoutImportResult>> ImportPayoutsAsync(DateTimeOffset payoutDateFrom, DateTimeOffset payoutDateTo, string? merchant = null, CancellationToken cancellationToken = default)
    {
        var payouts = await settlements.ListPayoutsAsync(merchant, payoutDateFrom, payoutDateTo, null, cancellationToken).ConfigureAwait(false);
        var results = new List<PayoutImportResult>(payouts.Count);
        foreach (var payout in payouts.DistinctBy(p => p.PaymentReference, StringComparer.Ordinal))
        {
            results.Add(await ImportAsync(payout, merchant, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    public Task<IReadOnlyList<PaymentMarking>> GetMarkingsAsync(string documentNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentNumber);
        return store.GetMarkingsAsync(documentNumber, cancellationToken);
    }

    public async Task<InvoicePaymentStatus> GetPaymentStatusAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceNumber);
        var markings = await store.GetMarkingsAsync(invoiceNumber, cancellationToken).ConfigureAwait(false);
        return new InvoicePaymentStatus { InvoiceNumber = invoiceNumber, Markings = [.. markings.Where(m => m.Kind == PaymentMarkingKind.InvoicePayment)] };
    }

    public Task<IReadOnlyList<UnpaidCapture>> ListUnpaidCapturesAsync(CancellationToken cancellationToken = default) =>
        store.ListUnpaidCapturesAsync(time.GetUtcNow() - options.Value.UnpaidAfter, cancellationToken);

    public async Task<IReadOnlyList<KlarnaSettlementTransaction>> ListUnknownCapturesAsync(DateTimeOffset payoutDateFrom, DateTimeOffset payoutDateTo, string? merchant = null, CancellationToken cancellationToken = default)
    {
        var payouts = await settlements.ListPayoutsAsync(merchant, payoutDateFrom, payoutDateTo, null, cancellationToken).ConfigureAwait(false);
        var unknown = new List<KlarnaSettlementTransaction>();
        foreach (var payout in payouts.DistinctBy(p => p.PaymentReference, StringComparer.Ordinal))
        {
            var reconciliation = await ReconcileAsync(payout, merchant, cancellationToken).ConfigureAwait(false);
            unknown.AddRange(reconciliation.Unmatched.Where(u => u.Reason == UnmatchedReason.UnknownCapture).Select(u => u.Transaction));
        }

        return unknown;
    }

    private async Task<PayoutImportResult> ImportAsync(KlarnaPayout payout, string? merchant, CancellationToken cancellationToken)
    {
        var reconciliation = await ReconcileAsync(payout, merchant, cancellationToken).ConfigureAwait(false);
        var added = await store.RecordAsync(RecordedPayout.From(reconciliation, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return new PayoutImportResult(reconciliation, added);
    }

    private async Task<PayoutReconciliation> ReconcileAsync(KlarnaPayout payout, string? merchant, CancellationToken cancellationToken)
    {
        var transactions = await settlements.ListTransactionsAsync(merchant, payout.PaymentReference, cancellationToken).ConfigureAwait(false);
        var captures = new Dictionary<string, KnownCapture>(StringComparer.Ordinal);
        foreach (var reference in transactions.Select(t => t.MerchantCaptureReference).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            await AddKnownAsync(captures, reference, cancellationToken).ConfigureAwait(false);
        }

        var knownIds = captures.Values.Select(c => c.CaptureId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var captureId in transactions.Select(t => t.CaptureId).OfType<string>().Distinct(StringComparer.Ordinal).Where(id => !knownIds.Contains(id)))
        {
            if (await store.FindInvoiceNumberByCaptureIdAsync(captureId, cancellationToken).ConfigureAwait(false) is { } invoiceNumber)
            {
                await AddKnownAsync(captures, invoiceNumber, cancellationToken).ConfigureAwait(false);
            }
        }

        return PayoutReconciler.Reconcile(payout, transactions, captures.Values, await KnownRefundsAsync(transactions, cancellationToken).ConfigureAwait(false));
    }

    private async Task<List<KnownRefund>> KnownRefundsAsync(IReadOnlyList<KlarnaSettlementTransaction> transactions, CancellationToken cancellationToken)
    {
        // A RETURN without merchant_refund_reference (made before the reference was sent, or by a retry Klarna stored
        // without it) is matched by its refund id: the ledger keeps a credit invoice's Klarna id where an invoice keeps its capture id.
        var refunds = new List<KnownRefund>();
        foreach (var refundId in transactions.Where(t => t.MerchantRefundReference is null).Select(t => t.RefundId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await store.FindInvoiceNumberByCaptureIdAsync(refundId, cancellationToken).ConfigureAwait(false) is { } number
                && await ledger.FindAsync(number, cancellationToken).ConfigureAwait(false) is { DocumentKind: LedgerDocumentKind.Credit } credit)
            {
                refunds.Add(new KnownRefund(credit.InvoiceNumber, refundId));
            }
        }

        return refunds;
    }

    private async Task AddKnownAsync(Dictionary<string, KnownCapture> captures, string invoiceNumber, CancellationToken cancellationToken)
    {
        // Only invoices sent to Klarna can have been paid by Klarna; NotKlarna invoices are never matched.
        if (!captures.ContainsKey(invoiceNumber)
            && await ledger.FindAsync(invoiceNumber, cancellationToken).ConfigureAwait(false) is { State: not ActivationState.NotKlarna } invoice)
        {
            captures[invoiceNumber] = new KnownCapture(invoice.InvoiceNumber, invoice.CaptureId, invoice.KlarnaOrderId, invoice.Plan.Capture?.CapturedAmount);
        }
    }
}
