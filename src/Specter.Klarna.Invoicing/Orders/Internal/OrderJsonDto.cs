namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>The order JSON as read and written (camelCase); everything nullable so missing fields become typed errors.</summary>
internal sealed class OrderJsonDto
{
    public string? OrderNumber { get; set; }

    public string? Merchant { get; set; }

    public string? Currency { get; set; }

    public bool? PricesIncludeVat { get; set; }

    public string? KlarnaOrderId { get; set; }

    public List<OrderLineJsonDto?>? Lines { get; set; }
}

/// <summary>One order line in the order JSON.</summary>
internal sealed class OrderLineJsonDto
{
    public string? LineId { get; set; }

    public string? ArticleNumber { get; set; }

    public string? Description { get; set; }

    public string? Kind { get; set; }

    public decimal? Quantity { get; set; }

    public decimal? DeliveredQuantity { get; set; }

    public string? Unit { get; set; }

    public decimal? UnitPrice { get; set; }

    public decimal? VatRate { get; set; }

    public decimal? DiscountPercent { get; set; }
}
