namespace Specter.Klarna.Invoicing;

/// <summary>An ERP order as the host sees it: the input to proposing and creating invoices.</summary>
/// <remarks>
/// Amounts are decimals in the currency's major unit, as ERPs store them; the library converts them to whole
/// minor units once, rounding half away from zero. The JSON form uses exactly these property names in camelCase, and
/// the members the JSON requires are <c>required</c> here too. It is a record: a delivery is <c>order with { Lines = … }</c>.
/// </remarks>
public sealed record InvoicingOrder
{
    /// <summary>Gets the ERP's order number.</summary>
    public required string OrderNumber { get; init; }

    /// <summary>Gets the name of the Klarna merchant profile (shop or market) the reservation belongs to, or <see langword="null"/> for the default profile.</summary>
    public string? Merchant { get; init; }

    /// <summary>Gets the ISO 4217 currency code, for example <c>SEK</c>.</summary>
    public required string Currency { get; init; }

    /// <summary>Gets a value indicating whether <see cref="InvoicingOrderLine.UnitPrice"/> includes VAT.</summary>
    /// <remarks>Required, with no default: a net-price order read as gross would be under-invoiced by the VAT.</remarks>
    public required bool PricesIncludeVat { get; init; }

    /// <summary>Gets the Klarna order id of the reservation, or <see langword="null"/> when the order has no Klarna reservation.</summary>
    public string? KlarnaOrderId { get; init; }

    /// <summary>Gets the order lines.</summary>
    public required IReadOnlyList<InvoicingOrderLine> Lines { get; init; }
}
