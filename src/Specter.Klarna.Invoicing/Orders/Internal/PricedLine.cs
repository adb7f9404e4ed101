namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>An order line priced in exact minor units, including VAT, after its line discount.</summary>
/// <remarks>A struct: a 1000-line order keeps its priced lines in one array instead of 1000 small objects.</remarks>
/// <param name="Index">The line's position in the order.</param>
/// <param name="Line">The ERP line.</param>
/// <param name="TaxRate">The VAT rate in basis points (2500 = 25 %).</param>
/// <param name="Gross">The line amount including VAT before the line discount.</param>
/// <param name="Discount">The line discount including VAT (<c>Gross − Total</c>).</param>
/// <param name="Total">The line amount including VAT after the line discount.</param>
/// <param name="Vat">The VAT included in <paramref name="Total"/>.</param>
internal readonly record struct PricedLine(int Index, InvoicingOrderLine Line, int TaxRate, long Gross, long Discount, long Total, long Vat)
{
    /// <summary>Gets a value indicating whether the line is invoiced by quantity as it is delivered (goods, services).</summary>
    public bool IsQuantityDriven => Line.Kind is OrderLineKind.Goods or OrderLineKind.Service;

    /// <summary>Gets a value indicating whether the line is spread over the goods invoiced (order discounts, gift cards).</summary>
    public bool IsSpreadOverGoods => Line.Kind is OrderLineKind.Discount or OrderLineKind.GiftCard;
}
