using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing.Internal;
using Xunit;

namespace Specter.Klarna.Invoicing.Testing;

/// <content>One unsettled (pending or unknown) invoice per Klarna order, and the order of reads.</content>
public abstract partial class LedgerConformanceTests
{
    /// <summary>A second pending or unknown invoice on a Klarna order is refused; settled ones, other Klarna orders and invoices without a Klarna order are not limited.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task TryAddRefusesSecondUnsettledOnSameKlarnaOrder()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        ActivationState[] unsettled = [ActivationState.Pending, ActivationState.Unknown];
        int n = 0;
        foreach (var existing in unsettled)
        {
            foreach (var added in unsettled)
            {
                string k = KlarnaOrder("case" + n++);
                await AddAsync(ledger, LedgerSamples.Minimal(Number(k + "-1"), Order(), k, existing)).ConfigureAwait(false);

                var refused = await ledger.TryAddAsync(LedgerSamples.Minimal(Number(k + "-2"), Order(), k, added)).ConfigureAwait(false);

                Assert.Equal(LedgerAddStatus.KlarnaOrderHasUnsettledCapture, refused.Status);
                Assert.Null(await ledger.FindAsync(Number(k + "-2")).ConfigureAwait(false));
                Assert.Equal(LedgerAddStatus.Added, (await ledger.TryAddAsync(LedgerSamples.Minimal(Number(k + "-3"), Order(), k + "-other", added)).ConfigureAwait(false)).Status);
                Assert.Equal(LedgerAddStatus.Added, (await ledger.TryAddAsync(LedgerSamples.Minimal(Number(k + "-4"), Order(), k, ActivationState.Activated)).ConfigureAwait(false)).Status);
                Assert.Equal(LedgerAddStatus.Added, (await ledger.TryAddAsync(LedgerSamples.Minimal(Number(k + "-5"), Order(), k, ActivationState.Failed)).ConfigureAwait(false)).Status);
                Assert.Equal(LedgerAddStatus.Added, (await ledger.TryAddAsync(LedgerSamples.Minimal(Number(k + "-6"), Order(), k, ActivationState.NotKlarna)).ConfigureAwait(false)).Status);
            }
        }
    }

    /// <summary>Invoices without a Klarna order id are never limited by the rule, even when pending.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task UnsettledInvoicesWithoutKlarnaOrderAreNotLimited()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);

        Assert.Equal(LedgerAddStatus.Added, (await ledger.TryAddAsync(LedgerSamples.Minimal(Number("1"), Order(), null, ActivationState.Pending)).ConfigureAwait(false)).Status);
        Assert.Equal(LedgerAddStatus.Added, (await ledger.TryAddAsync(LedgerSamples.Minimal(Number("2"), Order(), null, ActivationState.Pending)).ConfigureAwait(false)).Status);
    }

    /// <summary>Once the unsettled invoice settles, the Klarna order accepts a new unsettled one.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task SettlingFreesTheKlarnaOrderForTheNextInvoice()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var first = await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending)).ConfigureAwait(false);

        Assert.NotNull(await ledger.TryUpdateAsync(first with { State = ActivationState.Activated }, first.Version).ConfigureAwait(false));

        Assert.Equal(LedgerAddStatus.Added, (await ledger.TryAddAsync(LedgerSamples.Minimal(Number("2"), Order(), KlarnaOrder(), ActivationState.Pending)).ConfigureAwait(false)).Status);
    }

    /// <summary>An update that would give the Klarna order a second unsettled invoice returns <see langword="null"/> and changes nothing; the unsettled invoice itself may move between pending and unknown.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task TryUpdateRefusesSecondUnsettledOnSameKlarnaOrder()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var unsettled = await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending)).ConfigureAwait(false);
        var failed = await AddAsync(ledger, LedgerSamples.Minimal(Number("2"), Order(), KlarnaOrder(), ActivationState.Failed)).ConfigureAwait(false);
        var elsewhere = await AddAsync(ledger, LedgerSamples.Minimal(Number("3"), Order(), KlarnaOrder("other"), ActivationState.Failed)).ConfigureAwait(false);

        Assert.Null(await ledger.TryUpdateAsync(failed with { State = ActivationState.Pending, Attempt = 2 }, failed.Version).ConfigureAwait(false));
        Assert.Null(await ledger.TryUpdateAsync(elsewhere with { KlarnaOrderId = KlarnaOrder(), State = ActivationState.Unknown }, elsewhere.Version).ConfigureAwait(false));

        var storedFailed = await ledger.FindAsync(failed.InvoiceNumber).ConfigureAwait(false);
        Assert.Equal(ActivationState.Failed, storedFailed!.State);
        Assert.Equal(1, storedFailed.Attempt);
        Assert.Equal(failed.Version, storedFailed.Version);
        Assert.Equal(KlarnaOrder("other"), (await ledger.FindAsync(elsewhere.InvoiceNumber).ConfigureAwait(false))!.KlarnaOrderId);
        Assert.NotNull(await ledger.TryUpdateAsync(unsettled with { State = ActivationState.Unknown }, unsettled.Version).ConfigureAwait(false));
        Assert.NotNull(await ledger.TryUpdateAsync(elsewhere with { State = ActivationState.Pending }, elsewhere.Version).ConfigureAwait(false));
    }

    /// <summary><see cref="IKlarnaInvoiceLedger.ListUnsettledAsync"/> returns exactly the pending and unknown invoices, oldest first, and an update does not move an invoice.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task ListUnsettledReturnsPendingAndUnknownOldestFirst()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var states = new[] { ActivationState.Unknown, ActivationState.Activated, ActivationState.Pending, ActivationState.Failed, ActivationState.NotKlarna, ActivationState.Pending };
        var added = new List<LedgerInvoice>();
        for (int i = 0; i < states.Length; i++)
        {
            added.Add(await AddAsync(ledger, LedgerSamples.Minimal(Number(i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), Order(), KlarnaOrder(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), states[i], minute: i)).ConfigureAwait(false));
        }

        Assert.NotNull(await ledger.TryUpdateAsync(added[0] with { RecoveryAttempts = 1 }, added[0].Version).ConfigureAwait(false));
        var unsettled = (await ledger.ListUnsettledAsync().ConfigureAwait(false)).Invoices.Where(IsMine).Select(i => i.InvoiceNumber).ToList();

        Assert.Equal([added[0].InvoiceNumber, added[2].InvoiceNumber, added[5].InvoiceNumber], unsettled);
    }

    /// <summary><see cref="IKlarnaInvoiceLedger.GetByOrderAsync"/> returns exactly the order's invoices, oldest first.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task GetByOrderReturnsTheOrdersInvoicesOldestFirst()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        await AddAsync(ledger, LedgerSamples.Minimal(Number("3"), Order("A"), KlarnaOrder("A"), ActivationState.Activated, minute: 0)).ConfigureAwait(false);
        await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order("B"), KlarnaOrder("B"), ActivationState.Activated, minute: 1)).ConfigureAwait(false);
        var second = await AddAsync(ledger, LedgerSamples.Minimal(Number("2"), Order("A"), KlarnaOrder("A"), ActivationState.Failed, minute: 2)).ConfigureAwait(false);
        await AddAsync(ledger, LedgerSamples.Minimal(Number("0"), Order("A"), KlarnaOrder("A"), ActivationState.Pending, minute: 3)).ConfigureAwait(false);
        Assert.NotNull(await ledger.TryUpdateAsync(second with { Attempt = 2 }, second.Version).ConfigureAwait(false));

        var numbers = (await ledger.GetByOrderAsync(Order("A")).ConfigureAwait(false)).Select(i => i.InvoiceNumber).ToList();

        Assert.Equal([Number("3"), Number("2"), Number("0")], numbers);
    }
}
