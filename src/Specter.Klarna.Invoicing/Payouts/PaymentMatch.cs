namespace Specter.Klarna.Invoicing;

/// <summary>How a payout transaction was matched to an ERP document.</summary>
public enum PaymentMatch
{
    /// <summary>By the reference we sent (capture <c>reference</c> = invoice number, refund <c>reference</c> = credit number).</summary>
    Reference = 0,

    /// <summary>By Klarna's capture or refund id stored in the ledger (the reference was missing or unknown).</summary>
    KlarnaId = 1,
}
