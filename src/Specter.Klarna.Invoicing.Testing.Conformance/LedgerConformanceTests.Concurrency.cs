using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing.Internal;
using Xunit;

namespace Specter.Klarna.Invoicing.Testing;

/// <content>The rules under contention: many tasks at once, on one ledger and across two connections.</content>
public abstract partial class LedgerConformanceTests
{
    /// <summary>Many concurrent adds of pending invoices on one Klarna order leave exactly one unsettled; the rest are refused, none throws.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task ConcurrentAddsOnOneKlarnaOrderLeaveExactlyOneUnsettled()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);

        var results = await RaceAsync(i => ledger.TryAddAsync(LedgerSamples.Minimal(Number("N" + i), Order(), KlarnaOrder(), ActivationState.Pending))).ConfigureAwait(false);

        Assert.Equal(1, results.Count(r => r.Status == LedgerAddStatus.Added));
        Assert.Equal(ContentionTasks - 1, results.Count(r => r.Status == LedgerAddStatus.KlarnaOrderHasUnsettledCapture));
        Assert.Single((await ledger.ListUnsettledAsync().ConfigureAwait(false)).Invoices.Where(IsMine));
        Assert.Single(await ledger.GetByOrderAsync(Order()).ConfigureAwait(false));
    }

    /// <summary>Many concurrent adds of one invoice number let exactly one win.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task ConcurrentAddsOfOneNumberLetExactlyOneWin()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);

        var results = await RaceAsync(i => ledger.TryAddAsync(LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ActivationState.Pending))).ConfigureAwait(false);

        Assert.Equal(1, results.Count(r => r.Status == LedgerAddStatus.Added));
        Assert.Equal(ContentionTasks - 1, results.Count(r => r.Status == LedgerAddStatus.DuplicateInvoiceNumber));
    }

    /// <summary>Many failed invoices of one Klarna order concurrently moving to pending (new attempts) leave exactly one unsettled.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task ConcurrentUpdatesToUnsettledLeaveExactlyOne()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var failed = new LedgerInvoice[ContentionTasks];
        for (int i = 0; i < failed.Length; i++)
        {
            failed[i] = await AddAsync(ledger, LedgerSamples.Minimal(Number("N" + i), Order(), KlarnaOrder(), ActivationState.Failed)).ConfigureAwait(false);
        }

        var results = await RaceAsync(i => ledger.TryUpdateAsync(failed[i] with { State = ActivationState.Pending, Attempt = 2 }, failed[i].Version)).ConfigureAwait(false);

        Assert.Single(results, r => r is not null);
        Assert.Single((await ledger.ListUnsettledAsync().ConfigureAwait(false)).Invoices.Where(IsMine));
    }

    /// <summary>Many concurrent updates of one invoice from the same read let exactly one win (compare-and-swap).</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task ConcurrentUpdatesFromOneReadLetExactlyOneWin()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var read = await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending)).ConfigureAwait(false);

        var results = await RaceAsync(i => ledger.TryUpdateAsync(read with { RecoveryAttempts = i + 1 }, read.Version)).ConfigureAwait(false);

        var winner = Assert.Single(results, r => r is not null);
        var stored = await ledger.FindAsync(read.InvoiceNumber).ConfigureAwait(false);
        Assert.Equal(winner!.RecoveryAttempts, stored!.RecoveryAttempts);
        Assert.Equal(winner.Version, stored.Version);
    }

    /// <summary>Two ledger instances (connections, as two app servers) see each other's writes, and a version read through one is stale for the other after an update.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task SecondConnectionSeesWritesAndHonoursVersions()
    {
        var first = await LedgerAsync().ConfigureAwait(false);
        var second = await SecondLedgerAsync().ConfigureAwait(false);
        var added = LedgerSamples.Rich(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending);
        Assert.Equal(LedgerAddStatus.Added, (await first.TryAddAsync(added).ConfigureAwait(false)).Status);

        var seen = await second.FindAsync(added.InvoiceNumber).ConfigureAwait(false);
        AssertSameContent(added, seen);
        Assert.Equal(LedgerAddStatus.KlarnaOrderHasUnsettledCapture, (await second.TryAddAsync(LedgerSamples.Minimal(Number("2"), Order(), KlarnaOrder(), ActivationState.Pending)).ConfigureAwait(false)).Status);
        Assert.NotNull(await second.TryUpdateAsync(seen! with { State = ActivationState.Activated }, seen!.Version).ConfigureAwait(false));

        Assert.Null(await first.TryUpdateAsync(seen with { State = ActivationState.Unknown }, seen.Version).ConfigureAwait(false));
        Assert.Equal(ActivationState.Activated, (await first.FindAsync(added.InvoiceNumber).ConfigureAwait(false))!.State);
    }

    /// <summary>Concurrent adds on one Klarna order split across two connections leave exactly one unsettled.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task ConcurrentAddsAcrossTwoConnectionsLeaveExactlyOneUnsettled()
    {
        var first = await LedgerAsync().ConfigureAwait(false);
        var second = await SecondLedgerAsync().ConfigureAwait(false);

        var results = await RaceAsync(i => (i % 2 == 0 ? first : second).TryAddAsync(LedgerSamples.Minimal(Number("N" + i), Order(), KlarnaOrder(), ActivationState.Pending))).ConfigureAwait(false);

        Assert.Equal(1, results.Count(r => r.Status == LedgerAddStatus.Added));
        Assert.Single((await second.ListUnsettledAsync().ConfigureAwait(false)).Invoices.Where(IsMine));
    }

    /// <summary>Concurrent compare-and-swap updates from one read split across two connections let exactly one win.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task ConcurrentUpdatesAcrossTwoConnectionsLetExactlyOneWin()
    {
        var first = await LedgerAsync().ConfigureAwait(false);
        var second = await SecondLedgerAsync().ConfigureAwait(false);
        var read = await AddAsync(first, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending)).ConfigureAwait(false);

        var results = await RaceAsync(i => (i % 2 == 0 ? first : second).TryUpdateAsync(read with { RecoveryAttempts = i + 1 }, read.Version)).ConfigureAwait(false);

        Assert.Single(results, r => r is not null);
    }

    /// <summary>Starts <see cref="ContentionTasks"/> operations released at the same moment on thread-pool threads.</summary>
    private async Task<T[]> RaceAsync<T>(Func<int, Task<T>> operation)
    {
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, ContentionTasks)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await operation(i).ConfigureAwait(false);
            }))
            .ToArray();
        start.Set();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
