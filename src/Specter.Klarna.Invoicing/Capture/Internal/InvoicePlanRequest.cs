namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>What the caller asks the planner for.</summary>
internal sealed record InvoicePlanRequest
{
    /// <summary>Gets the ERP invoice number (becomes the capture reference), at most 255 characters.</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>Gets the requested invoice type, or <see langword="null"/> to use the proposed one.</summary>
    public InvoiceType? Type { get; init; }

    /// <summary>Gets the percent (0 exclusive – 100 inclusive) of the remaining order amount for a prepayment invoice.</summary>
    public decimal? PrepaymentPercent { get; init; }

    /// <summary>Gets how shipping and fees are spread.</summary>
    /// <value>The default value is <see cref="ShippingPolicy.FirstInvoice"/>.</value>
    public ShippingPolicy ShippingPolicy { get; init; } = ShippingPolicy.FirstInvoice;

    /// <summary>Gets the most that may be captured (Klarna's live remaining authorized amount), or <see langword="null"/> when not known.</summary>
    public Money? AuthorizedLimit { get; init; }

    /// <summary>Gets the language of the texts sent to Klarna (description, prepayment and netting line names): the merchant profile's.</summary>
    /// <value>The default value is Swedish.</value>
    public System.Globalization.CultureInfo Language { get; init; } = Resources.KlarnaTexts.Default;

    /// <summary>Gets the capture description shown to the customer, or <see langword="null"/> for a default built from the invoice type and number.</summary>
    public string? Description { get; init; }
}
