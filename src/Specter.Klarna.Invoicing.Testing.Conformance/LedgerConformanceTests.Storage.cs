using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing.Internal;
using Xunit;

namespace Specter.Klarna.Invoicing.Testing;

/// <content>Storage: every property verbatim, through add, update and every read.</content>
public abstract partial class LedgerConformanceTests
{
    /// <summary>An invoice with every property set (amounts at the <see cref="long"/> edges, non-ASCII text, failure, timestamps) reads back verbatim from every read.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task AddedInvoiceReadsBackVerbatim()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var invoice = LedgerSamples.Rich(Number("Å-日本"), Order("åäö"), KlarnaOrder(), ActivationState.Unknown);

        Assert.Equal(LedgerAddStatus.Added, (await ledger.TryAddAsync(invoice).ConfigureAwait(false)).Status);

        AssertSameContent(invoice, await ledger.FindAsync(invoice.InvoiceNumber).ConfigureAwait(false));
        AssertSameContent(invoice, Assert.Single(await ledger.GetByOrderAsync(invoice.OrderNumber).ConfigureAwait(false)));
        AssertSameContent(invoice, Assert.Single((await ledger.ListUnsettledAsync().ConfigureAwait(false)).Invoices.Where(IsMine)));
    }

    /// <summary><see cref="IKlarnaInvoiceLedger.TryAddAsync"/> returns the invoice as stored, with the version a later compare-and-swap must name.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task AddReturnsTheStoredInvoiceWithItsVersion()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var invoice = LedgerSamples.Rich(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending);

        var added = await ledger.TryAddAsync(invoice).ConfigureAwait(false);

        Assert.Equal(LedgerAddStatus.Added, added.Status);
        var read = await ledger.FindAsync(invoice.InvoiceNumber).ConfigureAwait(false);
        Assert.NotNull(read);
        Assert.NotNull(added.Stored);
        Assert.Equal(read.Version, added.Stored.Version);
        AssertSameContent(invoice, added.Stored);
        Assert.NotNull(await ledger.TryUpdateAsync(added.Stored with { State = ActivationState.Unknown }, added.Stored.Version).ConfigureAwait(false));
        Assert.Null((await ledger.TryAddAsync(invoice).ConfigureAwait(false)).Stored);
    }

    /// <summary>
    /// The ledger never enlists in the host's ambient <see cref="System.Transactions.TransactionScope"/>: a host that rolls
    /// back its own work must not erase the record of a capture Klarna made.
    /// </summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task AmbientTransactionRolledBackErasesNothing()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var invoice = LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending);

        using (new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled))
        {
            var added = await AddAsync(ledger, invoice).ConfigureAwait(false);
            Assert.NotNull(await ledger.TryUpdateAsync(added with { State = ActivationState.Activated, CaptureId = "captured" }, added.Version).ConfigureAwait(false));

            // Disposed without Complete(): the host's transaction rolls back.
        }

        var stored = await ledger.FindAsync(invoice.InvoiceNumber).ConfigureAwait(false);
        Assert.NotNull(stored);
        Assert.Equal(ActivationState.Activated, stored.State);
        Assert.Equal("captured", stored.CaptureId);
    }

    /// <summary>An invoice with every optional property <see langword="null"/> reads back with them <see langword="null"/>.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task AddedMinimalInvoiceReadsBackWithNulls()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var invoice = LedgerSamples.Minimal(Number("1"), Order(), klarnaOrderId: null, ActivationState.NotKlarna);

        await AddAsync(ledger, invoice).ConfigureAwait(false);

        AssertSameContent(invoice, await ledger.FindAsync(invoice.InvoiceNumber).ConfigureAwait(false));
        Assert.Null(await ledger.FindAsync(Number("missing")).ConfigureAwait(false));
        Assert.Empty(await ledger.GetByOrderAsync(Order("missing")).ConfigureAwait(false));
    }

    /// <summary>The request body and its hash are stored byte for byte (escapes, CR LF and trailing spaces included): a retry re-sends exactly these bytes.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task RequestBodyAndHashAreStoredVerbatim()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var invoice = LedgerSamples.Rich(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending);

        await AddAsync(ledger, invoice).ConfigureAwait(false);
        var stored = await ledger.FindAsync(invoice.InvoiceNumber).ConfigureAwait(false);

        Assert.Equal(invoice.RequestBody, stored!.RequestBody, StringComparer.Ordinal);
        Assert.Equal(invoice.RequestBodyHash, stored.RequestBodyHash, StringComparer.Ordinal);
        Assert.Equal(invoice.IdempotencyKey, stored.IdempotencyKey, StringComparer.Ordinal);
    }

    /// <summary>Instants keep at least microsecond precision (the offset may be normalised to UTC).</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task TimestampsKeepMicrosecondPrecision()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var invoice = LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Activated) with
        {
            CreatedAt = LedgerSamples.T0,
            FirstSentAt = LedgerSamples.T0.AddTicks(10),
            UpdatedAt = LedgerSamples.T0.AddTicks(-10),
            ActivatedAt = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_990),
        };

        await AddAsync(ledger, invoice).ConfigureAwait(false);
        var stored = (await ledger.FindAsync(invoice.InvoiceNumber).ConfigureAwait(false))!;

        Assert.Equal(invoice.CreatedAt.UtcTicks, stored.CreatedAt.UtcTicks);
        Assert.Equal(invoice.FirstSentAt!.Value.UtcTicks, stored.FirstSentAt!.Value.UtcTicks);
        Assert.Equal(invoice.UpdatedAt.UtcTicks, stored.UpdatedAt.UtcTicks);
        Assert.Equal(invoice.ActivatedAt!.Value.UtcTicks, stored.ActivatedAt!.Value.UtcTicks);
    }

    /// <summary>A successful update stores every property verbatim and returns the stored invoice with a new version.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task TryUpdateStoresEveryPropertyAndReturnsNewVersion()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var stored = await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending)).ConfigureAwait(false);
        var changed = LedgerSamples.Rich(stored.InvoiceNumber, stored.OrderNumber, KlarnaOrder(), ActivationState.Activated);

        var updated = await ledger.TryUpdateAsync(changed, stored.Version).ConfigureAwait(false);

        Assert.NotNull(updated);
        Assert.NotEqual(stored.Version, updated.Version);
        AssertSameContent(changed, updated);
        var reread = await ledger.FindAsync(stored.InvoiceNumber).ConfigureAwait(false);
        AssertSameContent(changed, reread);
        Assert.Equal(updated.Version, reread!.Version);
    }

    /// <summary>Updating back to <see langword="null"/> optional values clears them.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task TryUpdateClearsOptionalProperties()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var stored = await AddAsync(ledger, LedgerSamples.Rich(Number("1"), Order(), KlarnaOrder(), ActivationState.Failed)).ConfigureAwait(false);
        var cleared = LedgerSamples.Minimal(stored.InvoiceNumber, stored.OrderNumber, klarnaOrderId: null, ActivationState.NotKlarna);

        var updated = await ledger.TryUpdateAsync(cleared, stored.Version).ConfigureAwait(false);

        AssertSameContent(cleared, updated);
        AssertSameContent(cleared, await ledger.FindAsync(stored.InvoiceNumber).ConfigureAwait(false));
    }
}
