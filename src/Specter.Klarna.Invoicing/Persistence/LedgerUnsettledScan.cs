namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>The answer of <see cref="IKlarnaInvoiceLedger.ListUnsettledAsync"/>: every unsettled invoice the ledger could read, and the rows it could not.</summary>
/// <param name="Invoices">The unsettled invoices, oldest first.</param>
/// <param name="Unreadable">Unsettled rows that could not be read (an unknown state written by a newer version, bad JSON, an unknown currency): recovery reports them and settles the rest.</param>
public sealed record LedgerUnsettledScan(IReadOnlyList<LedgerInvoice> Invoices, IReadOnlyList<UnreadableLedgerRow> Unreadable);
