using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing.Internal;
using Xunit;

namespace Specter.Klarna.Invoicing.Testing;

/// <summary>
/// The conformance kit for <see cref="IKlarnaPaymentMarkingStore"/>: inherit it in an xunit test project, override
/// <see cref="CreateStoreAsync"/>, and every rule of the store contract runs against your implementation (beside your ledger).
/// </summary>
/// <remarks>
/// Each test uses payment references, invoice numbers and capture ids unique to the test, so stores may share one database.
/// Guarantees checked: payouts, markings and booking lines read back verbatim; recording the same payout again — sequentially
/// or concurrently from several connections — marks nothing twice; a re-import adds only the new markings and keeps the first
/// booking lines; capture-id lookups and the captured-but-unpaid list read the ledger's invoices.
/// </remarks>
public abstract class PaymentMarkingStoreConformanceTests
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Gets how many concurrent recordings the contention test starts.</summary>
    /// <value>The default value is 16.</value>
    protected virtual int ContentionTasks => 16;

    /// <summary>Creates a ledger and the payment-marking store beside it (same database, schema ready), on new connections.</summary>
    /// <returns>The ledger and the store.</returns>
    protected abstract Task<(IKlarnaInvoiceLedger Ledger, IKlarnaPaymentMarkingStore Store)> CreateStoreAsync();

    /// <summary>Creates a second store over the same database, on its own connections (as another app server would).</summary>
    /// <remarks>Override it for database stores. The default creates a new pair, which is right only when they share state.</remarks>
    /// <returns>The store.</returns>
    protected virtual async Task<IKlarnaPaymentMarkingStore> CreateSecondConnectionStoreAsync() => (await CreateStoreAsync().ConfigureAwait(false)).Store;

    /// <summary>A recorded payout reads back verbatim: its totals, every marking and every booking line.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task RecordedPayoutReadsBackVerbatim()
    {
        var (_, store) = await CreateStoreAsync().ConfigureAwait(false);
        var payout = MarkingSamples.Payout(Name("PR"), Name("INV-Å"), Name("CN"));

        var added = await store.RecordAsync(payout).ConfigureAwait(false);

        Assert.Equal(payout.Markings, added);
        var read = await store.FindPayoutAsync(payout.PaymentReference).ConfigureAwait(false);
        Assert.NotNull(read);
        Assert.Equal(payout.Markings, read.Markings);
        Assert.Equal(payout.BookingLines, read.BookingLines);
        Assert.Equal(payout with { Markings = read.Markings, BookingLines = read.BookingLines }, read);
        Assert.Equal([payout.Markings[0]], await store.GetMarkingsAsync(Name("INV-Å")).ConfigureAwait(false));
        Assert.Equal([payout.Markings[1]], await store.GetMarkingsAsync(Name("CN")).ConfigureAwait(false));
        Assert.Null(await store.FindPayoutAsync(Name("missing")).ConfigureAwait(false));
        Assert.Empty(await store.GetMarkingsAsync(Name("missing")).ConfigureAwait(false));
    }

    /// <summary>Recording the same payout twice adds nothing the second time.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task RecordingTwiceMarksNothingTwice()
    {
        var (_, store) = await CreateStoreAsync().ConfigureAwait(false);
        var payout = MarkingSamples.Payout(Name("PR"), Name("INV"), Name("CN"));
        await store.RecordAsync(payout).ConfigureAwait(false);

        var second = await store.RecordAsync(payout).ConfigureAwait(false);

        Assert.Empty(second);
        Assert.Single(await store.GetMarkingsAsync(Name("INV")).ConfigureAwait(false));
        var read = await store.FindPayoutAsync(payout.PaymentReference).ConfigureAwait(false);
        Assert.Equal(2, read!.Markings.Count);
        Assert.Equal(payout.BookingLines.Count, read.BookingLines.Count);
    }

    /// <summary>A re-import that matches more (the ledger learned a capture) adds only the new marking, keeps the first booking lines and the latest difference.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task ReimportAddsOnlyNewMarkings()
    {
        var (_, store) = await CreateStoreAsync().ConfigureAwait(false);
        var first = MarkingSamples.Payout(Name("PR"), Name("INV-1"), Name("CN"), difference: 5_000);
        await store.RecordAsync(first).ConfigureAwait(false);
        var newMarking = first.Markings[0] with { DocumentNumber = Name("INV-2"), Amount = new Money(5_000, Currency.SEK) };
        var again = first with { Markings = [.. first.Markings, newMarking], BookingLines = [], Difference = new Money(0, Currency.SEK) };

        var added = await store.RecordAsync(again).ConfigureAwait(false);

        Assert.Equal([newMarking], added);
        var read = await store.FindPayoutAsync(first.PaymentReference).ConfigureAwait(false);
        Assert.Equal(3, read!.Markings.Count);
        Assert.Equal(first.BookingLines, read.BookingLines);
        Assert.Equal(0, read.Difference.MinorUnits);
    }

    /// <summary>The same payout recorded concurrently from several connections is marked exactly once.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task ConcurrentRecordingsMarkExactlyOnce()
    {
        var stores = new List<IKlarnaPaymentMarkingStore> { (await CreateStoreAsync().ConfigureAwait(false)).Store };
        for (var i = 1; i < ContentionTasks; i++)
        {
            stores.Add(i % 2 == 0 ? stores[0] : await CreateSecondConnectionStoreAsync().ConfigureAwait(false));
        }

        var payout = MarkingSamples.Payout(Name("PR"), Name("INV"), Name("CN"));
        using var start = new ManualResetEventSlim();
        var tasks = stores.Select(s => Task.Run(async () =>
        {
            start.Wait();
            return await s.RecordAsync(payout).ConfigureAwait(false);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);

        Assert.Equal(payout.Markings.Count, results.Sum(r => r.Count));
        Assert.Single(await stores[0].GetMarkingsAsync(Name("INV")).ConfigureAwait(false));
    }

    /// <summary>Capture ids and the captured-but-unpaid list come from the ledger's activated invoices.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task CaptureIdLookupAndUnpaidListReadTheLedger()
    {
        var (ledger, store) = await CreateStoreAsync().ConfigureAwait(false);
        var t0 = LedgerSamples.T0;
        var old = MarkingSamples.Activated(Name("OLD"), Name("cap-old"), t0);
        var paid = MarkingSamples.Activated(Name("PAID"), Name("cap-paid"), t0.AddMinutes(1));
        var recent = MarkingSamples.Activated(Name("NEW"), Name("cap-new"), t0.AddDays(30));
        var pending = LedgerSamples.Minimal(Name("PEND"), Name("O-PEND"), Name("K-PEND"), ActivationState.Pending);
        foreach (var invoice in new[] { old, paid, recent, pending })
        {
            Assert.Equal(LedgerAddStatus.Added, (await ledger.TryAddAsync(invoice).ConfigureAwait(false)).Status);
        }

        await store.RecordAsync(MarkingSamples.Payout(Name("PR"), paid.InvoiceNumber, Name("CN"))).ConfigureAwait(false);

        Assert.Equal(old.InvoiceNumber, await store.FindInvoiceNumberByCaptureIdAsync(Name("cap-old")).ConfigureAwait(false));
        Assert.Null(await store.FindInvoiceNumberByCaptureIdAsync(Name("cap-missing")).ConfigureAwait(false));
        var unpaid = (await store.ListUnpaidCapturesAsync(t0.AddDays(1)).ConfigureAwait(false))
            .Where(u => u.InvoiceNumber.Contains(_run, StringComparison.Ordinal)).ToList();
        var only = Assert.Single(unpaid);
        Assert.Equal(new UnpaidCapture(old.InvoiceNumber, old.KlarnaOrderId, Name("cap-old"), t0), only);
    }

    private string Name(string name) => name + "-" + _run;
}
