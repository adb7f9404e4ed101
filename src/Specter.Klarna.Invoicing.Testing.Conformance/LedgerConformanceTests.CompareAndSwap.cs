using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing.Internal;
using Xunit;

namespace Specter.Klarna.Invoicing.Testing;

/// <content>Uniqueness of invoice numbers and compare-and-swap on the version.</content>
public abstract partial class LedgerConformanceTests
{
    /// <summary>A second invoice with the same number is refused and the original is kept.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task TryAddRefusesDuplicateInvoiceNumberAndKeepsOriginal()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var original = await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.NotKlarna)).ConfigureAwait(false);

        var result = await ledger.TryAddAsync(LedgerSamples.Rich(Number("1"), Order("other"), KlarnaOrder("other"), ActivationState.Failed)).ConfigureAwait(false);

        Assert.Equal(LedgerAddStatus.DuplicateInvoiceNumber, result.Status);
        var stored = await ledger.FindAsync(Number("1")).ConfigureAwait(false);
        AssertSameContent(original, stored);
        Assert.Equal(original.Version, stored!.Version);
        Assert.Empty(await ledger.GetByOrderAsync(Order("other")).ConfigureAwait(false));
    }

    /// <summary>A duplicate number is reported as such even when the new invoice would also be a second unsettled one.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task TryAddReportsDuplicateNumberBeforeUnsettledConflict()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending)).ConfigureAwait(false);

        var result = await ledger.TryAddAsync(LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending)).ConfigureAwait(false);

        Assert.Equal(LedgerAddStatus.DuplicateInvoiceNumber, result.Status);
    }

    /// <summary>An update with a stale version returns <see langword="null"/> and changes nothing.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task TryUpdateWithStaleVersionChangesNothing()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var read = await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending)).ConfigureAwait(false);
        var first = await ledger.TryUpdateAsync(read with { State = ActivationState.Activated, CaptureId = "c1" }, read.Version).ConfigureAwait(false);
        Assert.NotNull(first);

        var stale = await ledger.TryUpdateAsync(read with { State = ActivationState.Failed, CaptureId = "c2" }, read.Version).ConfigureAwait(false);

        Assert.Null(stale);
        var stored = await ledger.FindAsync(read.InvoiceNumber).ConfigureAwait(false);
        Assert.Equal(ActivationState.Activated, stored!.State);
        Assert.Equal("c1", stored.CaptureId);
        Assert.Equal(first.Version, stored.Version);
    }

    /// <summary>An update of an invoice that does not exist returns <see langword="null"/> and creates nothing.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task TryUpdateOfMissingInvoiceReturnsNull()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);

        var result = await ledger.TryUpdateAsync(LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Pending), 1).ConfigureAwait(false);

        Assert.Null(result);
        Assert.Null(await ledger.FindAsync(Number("1")).ConfigureAwait(false));
    }

    /// <summary>A delete is compare-and-swap: a stale version deletes nothing, the current one deletes, a second delete finds nothing.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task TryDeleteIsCompareAndSwap()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var read = await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Failed)).ConfigureAwait(false);
        var updated = await ledger.TryUpdateAsync(read with { Attempt = 2 }, read.Version).ConfigureAwait(false);
        Assert.NotNull(updated);

        Assert.False(await ledger.TryDeleteAsync(read.InvoiceNumber, read.Version).ConfigureAwait(false));
        Assert.NotNull(await ledger.FindAsync(read.InvoiceNumber).ConfigureAwait(false));
        Assert.True(await ledger.TryDeleteAsync(read.InvoiceNumber, updated.Version).ConfigureAwait(false));

        Assert.Null(await ledger.FindAsync(read.InvoiceNumber).ConfigureAwait(false));
        Assert.False(await ledger.TryDeleteAsync(read.InvoiceNumber, updated.Version).ConfigureAwait(false));
        Assert.False(await ledger.TryDeleteAsync(Number("missing"), 1).ConfigureAwait(false));
    }

    /// <summary>After a delete and a re-add with the same number, versions read before the delete are stale (versions are never reused for a number).</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task ReAddedInvoiceDoesNotAcceptVersionsFromBeforeTheDelete()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var old = await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Failed)).ConfigureAwait(false);
        Assert.True(await ledger.TryDeleteAsync(old.InvoiceNumber, old.Version).ConfigureAwait(false));
        var fresh = await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.NotKlarna)).ConfigureAwait(false);

        var staleUpdate = await ledger.TryUpdateAsync(old with { State = ActivationState.Activated }, old.Version).ConfigureAwait(false);
        var staleDelete = await ledger.TryDeleteAsync(old.InvoiceNumber, old.Version).ConfigureAwait(false);

        Assert.NotEqual(old.Version, fresh.Version);
        Assert.Null(staleUpdate);
        Assert.False(staleDelete);
        Assert.Equal(ActivationState.NotKlarna, (await ledger.FindAsync(old.InvoiceNumber).ConfigureAwait(false))!.State);
    }
}
