namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>Whether <see cref="IKlarnaInvoiceLedger.TryAddAsync"/> recorded the invoice, or why not.</summary>
public enum LedgerAddStatus
{
    /// <summary>The invoice was recorded.</summary>
    Added = 0,

    /// <summary>An invoice with the same number already exists; nothing was written.</summary>
    DuplicateInvoiceNumber = 1,

    /// <summary>The Klarna order already has an unsettled (pending or unknown) capture; nothing was written.</summary>
    KlarnaOrderHasUnsettledCapture = 2,
}
