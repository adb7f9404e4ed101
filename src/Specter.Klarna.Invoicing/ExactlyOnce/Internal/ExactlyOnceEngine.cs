using System.Text;
using Microsoft.Extensions.Logging;
using Specter.Klarna.Invoicing.Activation.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>
/// "A Klarna write that is recorded before it is sent", exactly once: the intent (key and exact bytes with their hash)
/// is recorded, then sent, the answer classified, the outcome compare-and-swapped, and open outcomes recovered — one
/// path for first send, re-send and reconciliation. Knows nothing of invoices: a <see cref="IKlarnaWriteKind"/> says
/// how to send and how to find the result at Klarna. States: Pending → Activated | Failed | Unknown; Unknown → Activated | Failed.
/// </summary>
internal sealed class ExactlyOnceEngine
{
    private readonly IKlarnaInvoiceLedger _ledger;
    private readonly TimeProvider _time;
    private readonly WriteTransitions _transitions;
    private readonly WriteSender _sender;
    private readonly WriteRecovery _recovery;

    public ExactlyOnceEngine(IKlarnaInvoiceLedger ledger, ExactlyOnceLimits limits, ExactlyOnceMetrics metrics, TimeProvider time, ILogger<ExactlyOnceEngine> logger)
    {
        _ledger = ledger;
        _time = time;
        _transitions = new WriteTransitions(ledger, time, metrics, logger);
        _sender = new WriteSender(_transitions, time, logger);
        _recovery = new WriteRecovery(ledger, _sender, _transitions, limits, time, logger);
    }

    /// <summary>
    /// Records the intent before anything is sent: with a body, state Pending, the key and the exact bytes; without one
    /// (nothing to send to Klarna), the record as given. <paramref name="replacing"/> is the failed attempt a retry replaces.
    /// </summary>
    /// <remarks>
    /// The key names the Klarna order, the operation, the record, its attempt, the moment of the intent and the body's hash,
    /// so a record abandoned and created again never reuses a key Klarna already answered for other bytes.
    /// </remarks>
    public async Task<LedgerAddResult> RecordAsync(LedgerInvoice draft, IKlarnaWriteKind kind, ReadOnlyMemory<byte>? body, Guid keyNamespace, LedgerInvoice? replacing, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var record = draft with { Attempt = replacing is null ? 1 : replacing.Attempt + 1, CreatedAt = replacing?.CreatedAt ?? now, UpdatedAt = now };
        if (body is { } bytes && record.KlarnaOrderId is { } klarnaOrderId)
        {
            string hash = IdempotencyKeys.Sha256Hex(bytes.Span);
            record = record with
            {
                State = ActivationState.Pending,
                IdempotencyKey = IdempotencyKeys.ForWrite(keyNamespace, klarnaOrderId, kind.Name, record.InvoiceNumber, record.Attempt, now, hash),
                RequestBody = Encoding.UTF8.GetString(bytes.Span),
                RequestBodyHash = hash,
                FirstSentAt = now,
                LastSentAt = now,
            };
        }

        if (replacing is null)
        {
            return await _ledger.TryAddAsync(record, cancellationToken).ConfigureAwait(false);
        }

        var updated = await _ledger.TryUpdateAsync(record, replacing.Version, cancellationToken).ConfigureAwait(false);
        return updated is null ? new LedgerAddResult(LedgerAddStatus.KlarnaOrderHasUnsettledCapture) : new LedgerAddResult(LedgerAddStatus.Added, updated);
    }

    /// <summary>Takes back an intent that was never sent: deleted, or the replaced attempt restored.</summary>
    public async Task TakeBackUnsentAsync(LedgerInvoice recorded, LedgerInvoice? replacing)
    {
        bool undone = replacing is null
            ? await _ledger.TryDeleteAsync(recorded.InvoiceNumber, recorded.Version, CancellationToken.None).ConfigureAwait(false)
            : await _ledger.TryUpdateAsync(replacing with { UpdatedAt = _time.GetUtcNow() }, recorded.Version, CancellationToken.None).ConfigureAwait(false) is not null;
        if (!undone)
        {
            throw new InvalidOperationException($"Invoice {recorded.InvoiceNumber}: could not take back an intent that was never sent (the ledger refused).");
        }
    }

    /// <summary>The first send of a freshly recorded intent, re-reading its bytes from the record (and checking their hash).</summary>
    public Task<LedgerInvoice> SendFirstAsync(LedgerInvoice recorded, IKlarnaWriteKind kind, CancellationToken cancellationToken) =>
        _sender.SendAsync(recorded, kind, isRepeat: false, cancellationToken);

    /// <summary>
    /// The first send of a freshly recorded intent, sending <paramref name="recordedBody"/>: the very bytes given to
    /// <see cref="RecordAsync"/> for this record, still in hand. Their hash is in the key already, so they are neither
    /// re-encoded from the stored text nor hashed again (recovery and re-sends still check the stored text against its hash).
    /// </summary>
    public Task<LedgerInvoice> SendFirstAsync(LedgerInvoice recorded, IKlarnaWriteKind kind, ReadOnlyMemory<byte> recordedBody, CancellationToken cancellationToken) =>
        _sender.SendAsync(recorded, kind, recordedBody, isRepeat: false, cancellationToken);

    /// <summary>Settles an open outcome (recovery): see <see cref="WriteRecovery"/>.</summary>
    public Task<LedgerInvoice> SettleAsync(LedgerInvoice record, IKlarnaWriteKind kind, CancellationToken cancellationToken) =>
        _recovery.SettleAsync(record, kind, cancellationToken);

    /// <summary>Records what Klarna was found to hold for a record the ledger had settled otherwise.</summary>
    public Task<LedgerInvoice> RecordFoundAsync(LedgerInvoice record, KlarnaWriteFound found) =>
        _transitions.MadeAsync(record, found.Id, found.KlarnaReference, found.At ?? _time.GetUtcNow());
}
