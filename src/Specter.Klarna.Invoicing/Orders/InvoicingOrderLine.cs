namespace Specter.Klarna.Invoicing;

/// <summary>One line of an <see cref="InvoicingOrder"/>.</summary>
/// <remarks>Every member the order JSON requires is <c>required</c>: a line without a VAT rate would otherwise be planned at 0 %.
/// <see cref="DeliveredQuantity"/>, <see cref="DiscountPercent"/> and <see cref="Kind"/> default to 0, 0 and goods, as in the JSON.</remarks>
public sealed record InvoicingOrderLine
{
    /// <summary>Gets the line id, unique within the order.</summary>
    public required string LineId { get; init; }

    /// <summary>Gets the article number (SKU), sent to Klarna as the line reference so refunds can be allocated.</summary>
    public string? ArticleNumber { get; init; }

    /// <summary>Gets the line text.</summary>
    public required string Description { get; init; }

    /// <summary>Gets what the line is.</summary>
    /// <value>The default value is <see cref="OrderLineKind.Goods"/>.</value>
    public OrderLineKind Kind { get; init; } = OrderLineKind.Goods;

    /// <summary>Gets the ordered quantity; may be fractional (2.5 kg).</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Gets the quantity delivered so far (invoiced or not).</summary>
    public decimal DeliveredQuantity { get; init; }

    /// <summary>Gets the unit, for example <c>st</c> or <c>kg</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>Gets the unit price in the currency's major unit, including or excluding VAT per <see cref="InvoicingOrder.PricesIncludeVat"/>.</summary>
    public required decimal UnitPrice { get; init; }

    /// <summary>Gets the VAT rate in percent, for example 25, 12, 6, 0 or 25.5. Required, even when it is 0.</summary>
    public required decimal VatRate { get; init; }

    /// <summary>Gets the line discount in percent (0–100).</summary>
    public decimal DiscountPercent { get; init; }
}
