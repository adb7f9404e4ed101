namespace Specter.Klarna.Invoicing;

/// <summary>One line of a planned invoice, in exact minor units.</summary>
public sealed record InvoicePlanLine
{
    /// <summary>Gets where the line comes from.</summary>
    public required InvoicePlanLineKind Kind { get; init; }

    /// <summary>Gets the id of the order line this invoices, or <see langword="null"/> for prepayment, netting and merged lines.</summary>
    public string? OrderLineId { get; init; }

    /// <summary>Gets the kind of the order line this invoices (for prepayment and netting lines, <see cref="OrderLineKind.Goods"/>).</summary>
    public OrderLineKind OrderLineKind { get; init; }

    /// <summary>Gets the article number, if any.</summary>
    public string? ArticleNumber { get; init; }

    /// <summary>Gets the line text.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the quantity invoiced on this line (may be fractional).</summary>
    /// <remarks>Shipping, fees, discounts and gift cards are tracked by amount: a partial share has quantity 0 and the invoice completing the line carries its ordered quantity.</remarks>
    public decimal Quantity { get; init; }

    /// <summary>Gets the unit, if any.</summary>
    public string? Unit { get; init; }

    /// <summary>Gets the VAT rate in percent.</summary>
    public decimal VatRate { get; init; }

    /// <summary>Gets the line amount including VAT and after discounts, in minor units.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the VAT part of <see cref="Amount"/>, in minor units.</summary>
    public required Money VatAmount { get; init; }

    /// <summary>Gets the discount given on this line, including VAT (positive), or <see langword="null"/> when the line has no discount (never zero).</summary>
    public Money? DiscountAmount { get; init; }
}
