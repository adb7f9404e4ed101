namespace Specter.Klarna.Invoicing;

/// <summary>One Klarna order line of a planned capture, already satisfying Klarna's line rules.</summary>
/// <remarks>
/// All amounts are in minor units (for example öre). <c>TotalAmount = Quantity × UnitPrice − TotalDiscountAmount</c>,
/// <c>TotalDiscountAmount ≥ 0</c>, and <c>TotalTaxAmount</c> is within ±1 of
/// <c>TotalAmount − TotalAmount × 10000 / (10000 + TaxRate)</c>.
/// </remarks>
public sealed record KlarnaCaptureLine
{
    /// <summary>Gets Klarna's line type: <c>physical</c>, <c>digital</c>, <c>shipping_fee</c>, <c>surcharge</c>, <c>discount</c>, <c>gift_card</c> or <c>store_credit</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the line reference (article number), at most 255 characters.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the line name, at most 255 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the whole-number quantity.</summary>
    public required long Quantity { get; init; }

    /// <summary>Gets the quantity unit, at most 10 characters.</summary>
    public string? QuantityUnit { get; init; }

    /// <summary>Gets the unit price including VAT, before discount, in minor units.</summary>
    public required long UnitPrice { get; init; }

    /// <summary>Gets the VAT rate in basis points (2500 = 25 %).</summary>
    public required int TaxRate { get; init; }

    /// <summary>Gets the line total including VAT and after discount, in minor units.</summary>
    public required long TotalAmount { get; init; }

    /// <summary>Gets the discount including VAT, in minor units (zero or positive).</summary>
    public long TotalDiscountAmount { get; init; }

    /// <summary>Gets the VAT included in <see cref="TotalAmount"/>, in minor units.</summary>
    public required long TotalTaxAmount { get; init; }
}
