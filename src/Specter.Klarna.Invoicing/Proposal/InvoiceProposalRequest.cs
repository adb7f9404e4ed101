namespace Specter.Klarna.Invoicing;

/// <summary>What the invoice dialog asks to preview.</summary>
public sealed record InvoiceProposalRequest
{
    /// <summary>Gets the invoice type to preview, or <see langword="null"/> for the proposed type.</summary>
    public InvoiceType? Type { get; init; }

    /// <summary>Gets the prepayment percent (0 exclusive – 100 inclusive) when previewing a prepayment.</summary>
    public decimal? PrepaymentPercent { get; init; }

    /// <summary>Gets the invoice number the ERP intends to use, or <see langword="null"/> when not yet allocated.</summary>
    public string? InvoiceNumber { get; init; }
}
