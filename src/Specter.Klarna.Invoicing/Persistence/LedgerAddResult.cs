namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>The answer of <see cref="IKlarnaInvoiceLedger.TryAddAsync"/>: what happened and, when added, the stored invoice with its version.</summary>
/// <param name="Status">Whether the invoice was added, or why not.</param>
/// <param name="Stored">The invoice as stored (with the <see cref="LedgerInvoice.Version"/> the ledger gave it) when <paramref name="Status"/> is <see cref="LedgerAddStatus.Added"/>; otherwise <see langword="null"/>.</param>
public sealed record LedgerAddResult(LedgerAddStatus Status, LedgerInvoice? Stored = null);
