using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Benchmarks.Batch;

/// <summary>A durable ledger for the batch, and the durable half of its floor: one commit of a row the size of a ledger row, on the same database.</summary>
internal interface IBatchStore : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Gets how commits are made durable (printed beside the figures).</summary>
    string Durability { get; }

    IKlarnaInvoiceLedger Ledger { get; }

    Task InitializeAsync();

    /// <summary>Sizes the floor's row after the ledger's row of <paramref name="invoiceNumber"/>.</summary>
    Task SizeFloorRowAsync(string invoiceNumber);

    /// <summary>One durable commit (thread-safe: the batch commits from every worker).</summary>
    Task CommitFloorAsync();
}
