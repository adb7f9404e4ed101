namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>A validated order with every line priced in minor units.</summary>
internal sealed class PricedOrder
{
    public PricedOrder(InvoicingOrder order, Currency currency, IReadOnlyList<PricedLine> lines)
    {
        Order = order;
        Currency = currency;
        Lines = lines;
        long total = 0, goods = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            total = checked(total + line.Total);
            goods = checked(goods + (line.IsQuantityDriven ? line.Total : 0));
        }

        Total = total;
        GoodsTotal = goods;
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
