namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>A validated order with every line priced in minor units.</summary>
internal sealed class PricedOrder
{
    public PricedOrder(InvoicingOrder order, Currency currency, IReadOnlyList<PricedLine> lines)
    {
        Order = order;
        Currency = currency;
        Lines = lines;
        Total = lines.Sum(l => l.Total);
        GoodsTotal = lines.Where(l => l.IsQuantityDriven).Sum(l => l.Total);
    }

    public InvoicingOrder Order { get; }

    public Currency Currency { get; }

    public IReadOnlyList<PricedLine> Lines { get; }

    /// <summary>Gets the order total including VAT, in minor units: what all captures of the order sum to.</summary>
    public long Total { get; }

    /// <summary>Gets the value of the goods and service lines: the weight order discounts and netting are spread by.</summary>
    public long GoodsTotal { get; }

    public Money ToMoney(long minorUnits) => new(minorUnits, Currency);
}
