using System.Text;
using Specter.Klarna.Invoicing.Activation.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

internal sealed partial class KlarnaInvoicingService
{
    /// <summary>Sends (or re-sends) the stored capture under its stored key and records the outcome.</summary>
    private async Task<LedgerInvoice> SendCaptureAsync(LedgerInvoice stored, CancellationToken cancellationToken)
    {
        byte[] body = Encoding.UTF8.GetBytes(stored.RequestBody!);
        if (!string.Equals(IdempotencyKeys.Sha256Hex(body), stored.RequestBodyHash, StringComparison.Ordinal))
        {
            // Klarna matches on the key alone: sending other bytes under this key would be silently ignored.
            InvoicingLog.StoredBodyTampered(logger, stored.InvoiceNumber);
            throw new InvalidOperationException($"The stored capture body of invoice {stored.InvoiceNumber} does not match its hash; it was not sent.");
        }

        Klarna.Internal.KlarnaCreated created;
        try
        {
            created = await klarna.CreateCaptureAsync(stored.Merchant, stored.KlarnaOrderId!, body, stored.IdempotencyKey!, cancellationToken).ConfigureAwait(false);
        }
        catch (KlarnaApiException ex) when (ActivationOutcomeClassifier.IsDefinitiveRefusal(ex))
        {
            return await TransitionAsync(stored, s => s with { State = ActivationState.Failed, LastFailure = ActivationOutcomeClassifier.ToFailure(ex) }).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            // The client refused the body before sending it: nothing reached Klarna, so this attempt is definitely failed.
            return await TransitionAsync(stored, s => s with { State = ActivationState.Failed, LastFailure = new ActivationFailure(null, null, [ex.Message], null) }).ConfigureAwait(false);
        }
        catch (KlarnaApiException ex)
        {
            InvoicingLog.OutcomeUnknown(logger, stored.InvoiceNumber, stored.KlarnaOrderId, ex.Message);
            return await TransitionAsync(stored, s => s with { State = ActivationState.Unknown, LastFailure = ActivationOutcomeClassifier.ToFailure(ex) }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ActivationOutcomeClassifier.IsTransport(ex))
        {
            var failure = ActivationOutcomeClassifier.ToFailure(ex);
            InvoicingLog.OutcomeUnknown(logger, stored.InvoiceNumber, stored.KlarnaOrderId, failure.ErrorMessages[0]);
            var unknown = await TransitionAsync(stored, s => s with { State = ActivationState.Unknown, LastFailure = failure }).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return unknown;
        }
        catch (Exception ex)
        {
            // Anything else (a rate-limiter rejection, a handler error): whether the request left is not known, so the outcome stays open.
            var failure = new ActivationFailure(null, null, ["unexpected error: " + ex.GetType().Name + ": " + ex.Message], null);
            InvoicingLog.OutcomeUnknown(logger, stored.InvoiceNumber, stored.KlarnaOrderId, failure.ErrorMessages[0]);
            return await TransitionAsync(stored, s => s with { State = ActivationState.Unknown, LastFailure = failure }).ConfigureAwait(false);
        }

        try
        {
            return await TransitionAsync(stored, s => s with
            {
                State = ActivationState.Activated,
                CaptureId = created.Id,
                ActivatedAt = time.GetUtcNow(),
                LastFailure = null,
            }).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Klarna has the money; the ledger does not know yet. Recovery re-sends the same key and gets the same capture back.
            InvoicingLog.ActivatedButNotRecorded(logger, stored.InvoiceNumber, created.Id, ex);
            throw;
        }
    }

    /// <summary>Compare-and-swap from the state this call owns; if someone else (recovery) settled it first, their result stands.</summary>
    private async Task<LedgerInvoice> TransitionAsync(LedgerInvoice from, Func<LedgerInvoice, LedgerInvoice> change)
    {
        var current = from;
        for (int attempt = 0; attempt < 5; attempt++)
        {
            var next = change(current) with { UpdatedAt = time.GetUtcNow() };
            // The outcome of a call that already happened must be recorded even if the caller gave up waiting.
            var saved = await ledger.TryUpdateAsync(next, current.Version, CancellationToken.None).ConfigureAwait(false);
            if (saved is not null)
            {
                LogTransition(current, saved);
                return saved;
            }

            var reread = await ledger.FindAsync(from.InvoiceNumber, CancellationToken.None).ConfigureAwait(false);
            if (reread is null || !reread.IsUnsettled || !string.Equals(reread.IdempotencyKey, from.IdempotencyKey, StringComparison.Ordinal))
            {
                return reread ?? throw new InvalidOperationException($"Invoice {from.InvoiceNumber} disappeared from the ledger while being activated.");
            }

            current = reread;
        }

        throw new InvalidOperationException($"Invoice {from.InvoiceNumber}: the ledger kept refusing the update (version conflict).");
    }
}
