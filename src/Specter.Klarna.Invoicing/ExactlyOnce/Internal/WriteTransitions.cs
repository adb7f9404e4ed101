using Microsoft.Extensions.Logging;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>Records outcomes by compare-and-swap. Outcomes of calls that already happened are written even if the caller gave up waiting.</summary>
internal sealed class WriteTransitions(IKlarnaInvoiceLedger ledger, TimeProvider time, ExactlyOnceMetrics metrics, ILogger logger)
{
    private const int MaxTries = 5;

    /// <summary>Moves the record on from the state this call owns; if someone else settled it (or moved to another attempt) first, their result stands.</summary>
    public async Task<LedgerInvoice> ChangeAsync(LedgerInvoice from, Func<LedgerInvoice, LedgerInvoice> change)
    {
        var current = from;
        for (int i = 0; i < MaxTries; i++)
        {
            var saved = await ledger.TryUpdateAsync(change(current) with { UpdatedAt = time.GetUtcNow() }, current.Version, CancellationToken.None).ConfigureAwait(false);
            if (saved is not null)
            {
                Logged(current, saved);
                return saved;
            }

            var reread = await ReadAsync(from.InvoiceNumber).ConfigureAwait(false);
            if (!reread.IsUnsettled || !SameKey(reread, from))
            {
                return reread;
            }

            current = reread;
        }

        throw new InvalidOperationException($"Invoice {from.InvoiceNumber}: the ledger kept refusing the update (version conflict).");
    }

    /// <summary>
    /// Klarna says it made the write sent as <paramref name="sent"/>: the ledger says so too, whatever happened to the row
    /// meanwhile. A row settled otherwise (recovery concluded Failed, a new attempt started) is overwritten with what Klarna
    /// did, logged as an error and counted; a row already recording another Klarna id is a double write for a person.
    /// </summary>
    public async Task<LedgerInvoice> MadeAsync(LedgerInvoice sent, string klarnaId, string? klarnaReference, DateTimeOffset at)
    {
        var current = sent;
        for (int i = 0; i < MaxTries; i++)
        {
            if (current.State == ActivationState.Activated)
            {
                if (!string.Equals(current.CaptureId, klarnaId, StringComparison.Ordinal))
                {
                    ExactlyOnceLog.MadeTwice(logger, sent.InvoiceNumber, klarnaId, current.CaptureId ?? "?");
                    metrics.Conflict("made_twice");
                }

                return current;
            }

            if (!current.IsUnsettled || !SameKey(current, sent))
            {
                ExactlyOnceLog.OutcomeConflict(logger, sent.InvoiceNumber, klarnaId, sent.Attempt, current.State, current.Attempt);
                metrics.Conflict("settled_meanwhile");
            }

            // The record of what was sent (its attempt, key, body and plan) is what Klarna made.
            var made = sent with
            {
                State = ActivationState.Activated,
                CaptureId = klarnaId,
                KlarnaReference = klarnaReference ?? current.KlarnaReference,
                ActivatedAt = at,
                LastFailure = null,
                RecoveryAttempts = current.RecoveryAttempts,
                LastSentAt = current.LastSentAt ?? sent.LastSentAt,
                UpdatedAt = time.GetUtcNow(),
            };
            var saved = await ledger.TryUpdateAsync(made, current.Version, CancellationToken.None).ConfigureAwait(false);
            if (saved is not null)
            {
                Logged(current, saved);
                return saved;
            }

            var reread = await ledger.FindAsync(sent.InvoiceNumber, CancellationToken.None).ConfigureAwait(false);
            if (reread is null)
            {
                // Abandoned meanwhile: the record of money Klarna took comes back rather than being lost.
                var added = await ledger.TryAddAsync(made, CancellationToken.None).ConfigureAwait(false);
                if (added.Stored is { } restored)
                {
                    ExactlyOnceLog.OutcomeConflict(logger, sent.InvoiceNumber, klarnaId, sent.Attempt, ActivationState.NotKlarna, 0);
                    metrics.Conflict("abandoned_meanwhile");
                    return restored;
                }

                continue;
            }

            current = reread;
        }

        throw new InvalidOperationException($"Invoice {sent.InvoiceNumber}: Klarna made {klarnaId} but the ledger kept refusing the update (version conflict).");
    }

    private static bool SameKey(LedgerInvoice a, LedgerInvoice b) => string.Equals(a.IdempotencyKey, b.IdempotencyKey, StringComparison.Ordinal);

    private async Task<LedgerInvoice> ReadAsync(string invoiceNumber) =>
        await ledger.FindAsync(invoiceNumber, CancellationToken.None).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Invoice {invoiceNumber} disappeared from the ledger while its Klarna write was open.");

    private void Logged(LedgerInvoice from, LedgerInvoice to)
    {
        if (from.State != to.State)
        {
            ExactlyOnceLog.StateChanged(logger, to.InvoiceNumber, to.KlarnaOrderId, from.State, to.State, to.Attempt);
        }
    }
}
