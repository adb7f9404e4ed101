using Specter.Klarna.Invoicing.Persistence;
using Xunit;

namespace Specter.Klarna.Invoicing.Testing;

/// <summary>
/// The conformance kit for <see cref="IKlarnaInvoiceLedger"/>: inherit it in an xunit test project, override <see cref="CreateLedgerAsync"/>,
/// and every rule of the ledger contract runs against your implementation.
/// </summary>
/// <remarks>
/// <para>Each test uses invoice numbers, order numbers and Klarna order ids unique to the test, so the ledgers may share one database
/// (rows are not cleaned up). Ledgers the kit created are disposed after each test when they implement <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>.</para>
/// <para>Guarantees checked: every property reads back verbatim (text ordinal-equal, including non-ASCII; amounts exact at the <see cref="long"/> edges;
/// <see cref="DateTimeOffset"/> instants exact to at least one microsecond, the offset may come back normalised to UTC); invoice numbers are unique;
/// updates and deletes are compare-and-swap on <see cref="LedgerInvoice.Version"/>, and versions are never reused for an invoice number (a delete and
/// re-add does not revive an old version); at most one unsettled invoice per Klarna order, on add and on update, under contention and across connections;
/// reads are oldest first.</para>
/// </remarks>
public abstract partial class LedgerConformanceTests : IAsyncLifetime
{
    private readonly List<IKlarnaInvoiceLedger> _ledgers = [];
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Gets how many concurrent tasks the contention tests start.</summary>
    /// <value>The default value is 32.</value>
    protected virtual int ContentionTasks => 32;

    /// <inheritdoc/>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public virtual async Task DisposeAsync()
    {
        foreach (var ledger in _ledgers.Distinct())
        {
            switch (ledger)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>Creates the ledger under test (with its schema ready), on a new connection to the database.</summary>
    /// <returns>The ledger.</returns>
    protected abstract Task<IKlarnaInvoiceLedger> CreateLedgerAsync();

    /// <summary>Creates a second ledger instance over the same store as <see cref="CreateLedgerAsync"/>, on its own connection (as another app server would).</summary>
    /// <remarks>Override it for database ledgers. The default returns the first instance, which is right only for process-local ledgers.</remarks>
    /// <returns>The second ledger.</returns>
    protected virtual Task<IKlarnaInvoiceLedger> CreateSecondConnectionLedgerAsync() =>
        _ledgers.Count > 0 ? Task.FromResult(_ledgers[0]) : CreateLedgerAsync();

    private async Task<IKlarnaInvoiceLedger> LedgerAsync()
    {
        var ledger = await CreateLedgerAsync().ConfigureAwait(false);
        _ledgers.Add(ledger);
        return ledger;
    }

    private async Task<IKlarnaInvoiceLedger> SecondLedgerAsync()
    {
        var ledger = await CreateSecondConnectionLedgerAsync().ConfigureAwait(false);
        _ledgers.Add(ledger);
        return ledger;
    }

    private string Number(string name) => "F-" + _run + "-" + name;

    private string Order(string name = "1") => "O-" + _run + "-" + name;

    private string KlarnaOrder(string name = "1") => "K-" + _run + "-" + name;

    private bool IsMine(LedgerInvoice invoice) => invoice.InvoiceNumber.StartsWith("F-" + _run + "-", StringComparison.Ordinal);

    private static async Task<LedgerInvoice> AddAsync(IKlarnaInvoiceLedger ledger, LedgerInvoice invoice)
    {
        var added = await ledger.TryAddAsync(invoice).ConfigureAwait(false);
        Assert.Equal(LedgerAddStatus.Added, added.Status);
        Assert.NotNull(added.Stored);
        return added.Stored;
    }

    /// <summary>Asserts that <paramref name="actual"/> holds exactly the content of <paramref name="expected"/> (versions aside).</summary>
    private static void AssertSameContent(LedgerInvoice expected, LedgerInvoice? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(InvoicePlanJson.Serialize(expected.Plan), InvoicePlanJson.Serialize(actual.Plan));
        if (expected.LastFailure is null)
        {
            Assert.Null(actual.LastFailure);
        }
        else
        {
            Assert.NotNull(actual.LastFailure);
            Assert.Equal(expected.LastFailure.HttpStatus, actual.LastFailure.HttpStatus);
            Assert.Equal(expected.LastFailure.ErrorCode, actual.LastFailure.ErrorCode);
            Assert.Equal(expected.LastFailure.ErrorMessages, actual.LastFailure.ErrorMessages);
            Assert.Equal(expected.LastFailure.CorrelationId, actual.LastFailure.CorrelationId);
        }

        // DateTimeOffset equality compares instants, so a ledger may normalise offsets to UTC.
        Assert.Equal(expected, actual with { Plan = expected.Plan, LastFailure = expected.LastFailure, Version = expected.Version });
    }
}
