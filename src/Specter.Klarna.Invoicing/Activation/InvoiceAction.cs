namespace Specter.Klarna.Invoicing;

/// <summary>What a user or the ERP wants to do with an invoice; checked against its <see cref="ActivationState"/> by the lock rules.</summary>
public enum InvoiceAction
{
    /// <summary>Change the invoice's lines or amounts.</summary>
    Edit = 0,

    /// <summary>Delete the invoice.</summary>
    Delete = 1,

    /// <summary>Activate the invoice: capture its amount at Klarna.</summary>
    Activate = 2,

    /// <summary>Plan the invoice again (recompute its lines and capture).</summary>
    Replan = 3,

    /// <summary>Credit the invoice (refund at Klarna).</summary>
    Credit = 4,
}
