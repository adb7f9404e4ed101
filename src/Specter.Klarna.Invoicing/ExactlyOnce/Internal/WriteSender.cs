using System.Text;
using Microsoft.Extensions.Logging;
using Specter.Klarna.Invoicing.Activation.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>Sends a recorded write's stored bytes under its stored key once, and records what the answer proves.</summary>
/// <remarks>
/// Only the first send of a key can prove by a refusal that nothing happened. A refusal of a repeat (a recovery re-send,
/// or the client's in-process retry after an ambiguous answer) leaves the outcome open: the earlier send may have been
/// executed, and only Klarna's own records may settle it.
/// </remarks>
internal sealed class WriteSender(WriteTransitions transitions, TimeProvider time, ILogger logger)
{
    /// <summary>Sends the stored text's bytes, after checking them against the stored hash.</summary>
    public Task<LedgerInvoice> SendAsync(LedgerInvoice record, IKlarnaWriteKind kind, bool isRepeat, CancellationToken cancellationToken)
    {
        byte[] body = Encoding.UTF8.GetBytes(record.RequestBody!);
        if (!string.Equals(IdempotencyKeys.Sha256Hex(body), record.RequestBodyHash, StringComparison.Ordinal))
        {
            // Klarna matches on the key alone: other bytes under this key would be silently ignored, or replayed wrongly.
            ExactlyOnceLog.StoredBodyTampered(logger, record.InvoiceNumber);
            throw new InvalidOperationException($"The stored {kind.Name} body of invoice {record.InvoiceNumber} does not match its hash; it was not sent.");
        }

        return SendAsync(record, kind, body, isRepeat, cancellationToken);
    }

    /// <summary>Sends <paramref name="body"/>, which the caller holds as the very bytes whose hash is in the record's key.</summary>
    public async Task<LedgerInvoice> SendAsync(LedgerInvoice record, IKlarnaWriteKind kind, ReadOnlyMemory<byte> body, bool isRepeat, CancellationToken cancellationToken)
    {
        KlarnaCreated created;
        try
        {
            created = await kind.SendAsync(record, body, cancellationToken).ConfigureAwait(false);
        }
        catch (KlarnaApiException ex) when (ex.FailureKind == KlarnaFailureKind.Definitive && !isRepeat && !ex.AnswersRepeat)
        {
            return await transitions.ChangeAsync(record, r => r with { State = ActivationState.Failed, LastFailure = WriteFailures.From(ex) }).ConfigureAwait(false);
        }
        catch (ArgumentException ex) when (!isRepeat)
        {
            // The client refused the request before anything left the process: this first send definitely did nothing.
            return await transitions.ChangeAsync(record, r => r with { State = ActivationState.Failed, LastFailure = WriteFailures.NotSent(ex) }).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var failure = WriteFailures.From(ex);
            ExactlyOnceLog.OutcomeUnknown(logger, record.InvoiceNumber, record.KlarnaOrderId, failure.ErrorMessages.Count > 0 ? failure.ErrorMessages[0] : ex.GetType().Name);
            var unknown = await transitions.ChangeAsync(record, r => r with { State = ActivationState.Unknown, LastFailure = failure }).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested && ex is OperationCanceledException)
            {
                throw;
            }

            return unknown;
        }

        try
        {
            return await transitions.MadeAsync(record, created.Id, null, time.GetUtcNow()).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Klarna has it; the ledger does not know yet. Recovery finds it at Klarna by reference, or re-sends the same key.
            ExactlyOnceLog.ActivatedButNotRecorded(logger, record.InvoiceNumber, created.Id, ex);
            throw;
        }
    }
}
