namespace Specter.Klarna.Invoicing.Testing;

/// <summary>An order line of a seeded order, amounts in minor units (for example öre).</summary>
public sealed class SimulatedOrderLine
{
    /// <summary>Gets the line type, for example <c>physical</c>.</summary>
    public string Type { get; init; } = "physical";

    /// <summary>Gets the article number (SKU).</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the line name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the quantity.</summary>
    public long Quantity { get; init; } = 1;

    /// <summary>Gets the unit price including tax, in minor units.</summary>
    public required long UnitPrice { get; init; }

    /// <summary>Gets the tax rate in basis points (2500 = 25 %).</summary>
    public int TaxRate { get; init; }

    /// <summary>Gets the total discount including tax, in minor units.</summary>
    public long TotalDiscountAmount { get; init; }

    /// <summary>Gets the total amount including tax and discounts; when <see langword="null"/>, <c>quantity * unit_price - total_discount_amount</c>.</summary>
    public long? TotalAmount { get; init; }

    /// <summary>Gets the total tax amount; when <see langword="null"/>, computed from the total amount and tax rate.</summary>
    public long? TotalTaxAmount { get; init; }
}
