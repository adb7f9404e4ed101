namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>A Klarna order line in a request (capture, refund, update authorization). Amounts in minor units.</summary>
internal sealed record KlarnaOrderLine
{
    public required string Type { get; init; }

    public string? Reference { get; init; }

    public required string Name { get; init; }

    public required long Quantity { get; init; }

    public string? QuantityUnit { get; init; }

    public required long UnitPrice { get; init; }

    public required int TaxRate { get; init; }

    public required long TotalAmount { get; init; }

    public long TotalDiscountAmount { get; init; }

    public required long TotalTaxAmount { get; init; }
}
