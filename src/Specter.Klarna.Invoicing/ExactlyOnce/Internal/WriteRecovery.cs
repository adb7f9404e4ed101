using Microsoft.Extensions.Logging;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>Settles a write whose outcome is open (its process died, or Klarna's answer was ambiguous).</summary>
/// <remarks>
/// In order:
/// <list type="number">
/// <item>a pending write younger than the grace period is left alone (its process may still be sending it);</item>
/// <item>Klarna's own records are read first: a write found there is recorded as made;</item>
/// <item>with nothing at Klarna and no send of it possibly in flight, a write that must no longer be sent (a stale plan) is taken back;</item>
/// <item>within the key's lifetime, and not before Klarna's retry schedule allows, the stored bytes are re-sent under the stored key;</item>
/// <item>after it, and with no send possibly in flight, nothing can still happen under the key: the write failed and a new attempt is safe.</item>
/// </list>
/// Every re-send is preceded by a compare-and-swap that records it, so two servers never both send, and no server
/// concludes anything while another's send may still be in flight.
/// </remarks>
internal sealed class WriteRecovery(IKlarnaInvoiceLedger ledger, WriteSender sender, WriteTransitions transitions, ExactlyOnceLimits limits, TimeProvider time, ILogger logger)
{
    public async Task<LedgerInvoice> SettleAsync(LedgerInvoice record, IKlarnaWriteKind kind, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (record.State == ActivationState.Pending && now - record.UpdatedAt < limits.GracePeriod)
        {
            return record;
        }

        KlarnaWriteFound? found;
        try
        {
            found = await kind.FindAtKlarnaAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KlarnaApiException or HttpRequestException or Polly.Timeout.TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return record; // Klarna could not be read now: decide nothing, try next run.
        }

        ExactlyOnceLog.Reconciled(logger, record.InvoiceNumber, kind.Name, found is not null);
        if (found is not null)
        {
            return await SettleFoundAsync(record, found).ConfigureAwait(false);
        }

        var lastSent = record.LastSentAt ?? record.FirstSentAt ?? record.CreatedAt;
        bool mayBeInFlight = now - lastSent < limits.InFlightBound;
        if (!mayBeInFlight && await kind.WhyNotSendAsync(record, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            ExactlyOnceLog.TakenBack(logger, record.InvoiceNumber, reason);
            return await transitions.ChangeAsync(record, r => r with { State = ActivationState.Failed, LastFailure = WriteFailures.Library(reason) }).ConfigureAwait(false);
        }

        var firstSent = record.FirstSentAt ?? record.CreatedAt;
        if (now - firstSent < limits.KeyLifetime)
        {
            return now - lastSent < ExactlyOnceLimits.Backoff(record.RecoveryAttempts)
                ? record
                : await ResendAsync(record, kind, now, cancellationToken).ConfigureAwait(false);
        }

        if (mayBeInFlight)
        {
            return record;
        }

        return await transitions.ChangeAsync(record, r => r with
        {
            State = ActivationState.Failed,
            LastFailure = WriteFailures.Library($"Klarna holds no {kind.Name} for this invoice, its idempotency window has passed and no send of it can still be in flight: nothing was made, so a new attempt is safe."),
        }).ConfigureAwait(false);
    }

    private async Task<LedgerInvoice> SettleFoundAsync(LedgerInvoice record, KlarnaWriteFound found)
    {
        if (found.MatchesAmount)
        {
            return await transitions.MadeAsync(record, found.Id, found.KlarnaReference, found.At ?? time.GetUtcNow()).ConfigureAwait(false);
        }

        // Someone used this reference for another amount (by hand in Klarna's portal?): no machine may settle that.
        ExactlyOnceLog.ReferenceUsedForAnotherAmount(logger, record.InvoiceNumber, found.Id, found.Amount, found.RecordedAmount);
        var message = $"Klarna holds {found.Id} with this invoice's reference for {found.Amount} minor units, not {found.RecordedAmount}: a person must settle it.";
        return record.LastFailure?.ErrorMessages is [var last] && last == message
            ? record
            : await transitions.ChangeAsync(record, r => r with { State = ActivationState.Unknown, LastFailure = WriteFailures.Library(message) }).ConfigureAwait(false);
    }

    private async Task<LedgerInvoice> ResendAsync(LedgerInvoice record, IKlarnaWriteKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Claim the re-send first: of several servers, only the one whose compare-and-swap wins sends.
        var claimed = await ledger.TryUpdateAsync(record with { RecoveryAttempts = record.RecoveryAttempts + 1, LastSentAt = now, UpdatedAt = now }, record.Version, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return await ledger.FindAsync(record.InvoiceNumber, cancellationToken).ConfigureAwait(false) ?? record;
        }

        ExactlyOnceLog.KeyReused(logger, record.InvoiceNumber, kind.Name, record.Attempt, claimed.RecoveryAttempts);
        return await sender.SendAsync(claimed, kind, isRepeat: true, cancellationToken).ConfigureAwait(false);
    }
}
