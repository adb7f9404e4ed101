namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of <c>order_line</c>. In requests <c>type</c>, <c>tax_rate</c>, <c>total_tax_amount</c> and <c>total_discount_amount</c> are always sent (Klarna's 2020 spec requires the first three).</summary>
internal sealed class OrderLineDto
{
    public string? Type { get; set; }

    public string? Reference { get; set; }

    public string? Name { get; set; }

    public long Quantity { get; set; }

    public string? QuantityUnit { get; set; }

    public long UnitPrice { get; set; }

    public int TaxRate { get; set; }

    public long TotalAmount { get; set; }

    public long TotalDiscountAmount { get; set; }

    public long TotalTaxAmount { get; set; }
}
