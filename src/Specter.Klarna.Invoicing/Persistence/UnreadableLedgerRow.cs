namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>A ledger row that could not be read into a <see cref="LedgerInvoice"/>.</summary>
/// <param name="InvoiceNumber">The invoice number of the row.</param>
/// <param name="Reason">What could not be read (no customer data, no request body).</param>
public sealed record UnreadableLedgerRow(string InvoiceNumber, string Reason);
