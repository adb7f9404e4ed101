namespace Specter.Klarna.Invoicing;

/// <summary>What the ERP asks for when the user confirms an invoice.</summary>
public sealed record CreateInvoiceRequest
{
    /// <summary>Gets the ERP invoice number: unique, at most 255 characters; it becomes the Klarna capture reference for payment matching.</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>Gets the invoice type, or <see langword="null"/> for the proposed type.</summary>
    public InvoiceType? Type { get; init; }

    /// <summary>Gets the prepayment percent (0 exclusive – 100 inclusive) for a prepayment invoice.</summary>
    public decimal? PrepaymentPercent { get; init; }

    /// <summary>Gets the capture description shown to the customer on Klarna's invoice, or <see langword="null"/> for the default
    /// (for example "Leveransfaktura 10045", in the merchant profile's language). Given, it replaces the default as it is, in
    /// any language; longer than Klarna's 255 characters it is refused (<see cref="KlarnaInvoicingRule.InvalidDescription"/>)
    /// before anything is written or sent.</summary>
    public string? Description { get; init; }
}
