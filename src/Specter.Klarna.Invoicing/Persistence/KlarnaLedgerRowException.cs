namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>
/// The exception a ledger throws when a stored row cannot be read into a <see cref="LedgerInvoice"/>: a state value
/// written by a newer version of the package, a plan or failure that is not valid JSON, an unknown currency.
/// </summary>
/// <remarks>Nothing is planned or sent from a row that cannot be read; recovery reports it by invoice number and settles the others.</remarks>
public sealed class KlarnaLedgerRowException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="KlarnaLedgerRowException"/> class.</summary>
    public KlarnaLedgerRowException()
        : this("A ledger row could not be read.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaLedgerRowException"/> class.</summary>
    /// <param name="message">The message.</param>
    public KlarnaLedgerRowException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaLedgerRowException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public KlarnaLedgerRowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaLedgerRowException"/> class for one row.</summary>
    /// <param name="invoiceNumber">The invoice number of the row.</param>
    /// <param name="reason">What could not be read.</param>
    /// <param name="innerException">The error that made it unreadable, if any.</param>
    public KlarnaLedgerRowException(string invoiceNumber, string reason, Exception? innerException)
        : base($"Ledger row of invoice {invoiceNumber} cannot be read: {reason}", innerException)
    {
        InvoiceNumber = invoiceNumber;
        Reason = reason;
    }

    /// <summary>Gets the invoice number of the unreadable row, when known.</summary>
    public string? InvoiceNumber { get; }

    /// <summary>Gets what could not be read.</summary>
    public string? Reason { get; }

    /// <summary>Gets the row as an <see cref="UnreadableLedgerRow"/> for a recovery report.</summary>
    /// <returns>The row.</returns>
    public UnreadableLedgerRow ToUnreadableRow() => new(InvoiceNumber ?? "?", Reason ?? Message);
}
