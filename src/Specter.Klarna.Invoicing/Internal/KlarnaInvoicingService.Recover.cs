using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

internal sealed partial class KlarnaInvoicingService
{
    public async Task<RecoveryReport> RecoverAsync(CancellationToken cancellationToken = default)
    {
        using var activity = InvoicingTelemetry.Source.StartActivity("klarna_invoicing.recover");
        var unsettled = await ledger.ListUnsettledAsync(cancellationToken).ConfigureAwait(false);
        var settled = new List<InvoiceActivationStatus>();
        var errors = new List<RecoveryError>();
        int still = 0;

        foreach (var invoice in unsettled)
        {
            LedgerInvoice after;
            try
            {
                after = await SettleAsync(invoice, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // One invoice that cannot be settled now must not keep recovery from settling the others.
                InvoicingLog.RecoveryFailed(logger, invoice.InvoiceNumber, ex);
                errors.Add(new RecoveryError(invoice.InvoiceNumber, ex.Message));
                still++;
                continue;
            }

            if (after.IsUnsettled)
            {
                still++;
            }

            if (after.State != invoice.State)
            {
                settled.Add(StatusOf(after));
                telemetry.Record(after.State, after.Plan.Capture?.CapturedAmount, TimeSpan.Zero);
            }
        }

        return new RecoveryReport { Examined = unsettled.Count, Settled = settled, StillUnsettled = still, Errors = errors };
    }

    private async Task<LedgerInvoice> SettleAsync(LedgerInvoice invoice, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (invoice.State == ActivationState.Pending && now - invoice.UpdatedAt < Options.RecoveryGracePeriod)
        {
            return invoice; // Possibly still in flight in the process that recorded it.
        }

        var sentAt = invoice.FirstSentAt ?? invoice.CreatedAt;
        if (now - sentAt < Options.IdempotencyKeyLifetime)
        {
            InvoicingLog.KeyReused(logger, invoice.InvoiceNumber, invoice.Attempt, invoice.RecoveryAttempts + 1);
            var counted = await ledger.TryUpdateAsync(invoice with { RecoveryAttempts = invoice.RecoveryAttempts + 1, UpdatedAt = now }, invoice.Version, cancellationToken).ConfigureAwait(false);
            return counted is null ? invoice : await SendCaptureAsync(counted, cancellationToken).ConfigureAwait(false);
        }

        return await ReconcileFromCapturesAsync(invoice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Klarna no longer honours the key: the order's captures (matched on reference = invoice number, and amount) tell what happened.</summary>
    private async Task<LedgerInvoice> ReconcileFromCapturesAsync(LedgerInvoice invoice, CancellationToken cancellationToken)
    {
        IReadOnlyList<KlarnaCapture> captures;
        try
        {
            captures = await klarna.ListCapturesAsync(invoice.Merchant, invoice.KlarnaOrderId!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KlarnaApiException || (ActivationOutcomeClassifier.IsTransport(ex) && !cancellationToken.IsCancellationRequested))
        {
            return invoice;
        }

        long amount = invoice.Plan.Capture!.CapturedAmount.MinorUnits;
        var match = captures.FirstOrDefault(c => string.Equals(c.Reference, invoice.InvoiceNumber, StringComparison.Ordinal) && c.CapturedAmount == amount);
        InvoicingLog.Reconciled(logger, invoice.InvoiceNumber, match is not null);

        return match is not null
            ? await TransitionAsync(invoice, s => s with
            {
                State = ActivationState.Activated,
                CaptureId = match.CaptureId,
                KlarnaReference = match.KlarnaReference,
                ActivatedAt = match.CapturedAt ?? time.GetUtcNow(),
                LastFailure = null,
            }).ConfigureAwait(false)
            : await TransitionAsync(invoice, s => s with
            {
                State = ActivationState.Failed,
                LastFailure = new ActivationFailure(null, null, ["Klarna has no capture for this invoice; the idempotency window has passed, so a new attempt is safe."], null),
            }).ConfigureAwait(false);
    }
}
