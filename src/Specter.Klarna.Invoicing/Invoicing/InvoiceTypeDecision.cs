namespace Specter.Klarna.Invoicing;

/// <summary>The invoice type proposed for an order, why, and which alternatives the user may choose instead.</summary>
/// <param name="Proposed">The proposed type, or <see langword="null"/> when there is nothing to invoice.</param>
/// <param name="Reason">Why <paramref name="Proposed"/> was chosen.</param>
/// <param name="Allowed">The types the user may choose (includes <paramref name="Proposed"/>); empty when there is nothing to invoice.</param>
public sealed record InvoiceTypeDecision(InvoiceType? Proposed, InvoiceTypeReason Reason, IReadOnlyList<InvoiceType> Allowed)
{
    /// <summary>Gets a value indicating whether anything is left to invoice.</summary>
    public bool HasSomethingToInvoice => Proposed is not null;
}
