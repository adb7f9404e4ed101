namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>What a ledger row records: an invoice (a Klarna capture) or a credit invoice (a Klarna refund).</summary>
/// <remarks>Both live in the same table, so the rule "one unsettled write per Klarna order" serializes refunds and captures alike.</remarks>
public enum LedgerDocumentKind
{
    /// <summary>An invoice; its Klarna write is a capture.</summary>
    Invoice = 0,

    /// <summary>A credit invoice (kreditfaktura) against <see cref="LedgerInvoice.CreditedInvoiceNumber"/>; its Klarna write is a refund.</summary>
    Credit = 1,
}
