using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Cli.Ledger;

/// <summary>The CLI's one seam for the ledger: which <see cref="IKlarnaInvoiceLedger"/> backs <c>--ledger PATH</c>.</summary>
internal interface ILedgerFactory
{
    /// <summary>Opens (creating if needed) the ledger at <paramref name="databasePath"/>.</summary>
    Task<CliLedger> OpenAsync(string databasePath, CancellationToken cancellationToken);
}

/// <summary>An opened ledger and the installation's idempotency namespace that goes with it.</summary>
/// <param name="Ledger">The ledger.</param>
/// <param name="IdempotencyNamespace">The installation's namespace for idempotency keys (stored with the ledger, so it survives restarts).</param>
/// <param name="Notice">A one-line notice for the user about this ledger, or <see langword="null"/>.</param>
internal sealed record CliLedger(IKlarnaInvoiceLedger Ledger, Guid IdempotencyNamespace, string? Notice) : IAsyncDisposable
{
    /// <summary>Gets the payment-marking store beside the ledger (same database), or <see langword="null"/> for the in-memory ledger's own.</summary>
    public IKlarnaPaymentMarkingStore? MarkingStore { get; init; }

    public async ValueTask DisposeAsync()
    {
        switch (Ledger)
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
