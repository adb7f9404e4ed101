namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>A validated order with every line priced in minor units.</summary>
internal sealed class PricedOrder
{
    private readonly List<PricedLine> _lines;

    public PricedOrder(InvoicingOrder order, Currency currency, List<PricedLine> lines)
    {
        Order = order;
        Currency = currency;
        _lines = lines;
        long total = 0, goods = 0;
        foreach (ref readonly var line in LineSpan)
        {
            total = checked(total + line.Total);
            goods = checked(goods + (line.IsQuantityDriven ? line.Total : 0));
        }

        Total = total;
        GoodsTotal = goods;
    }

    public InvoicingOrder Order { get; }

    public Currency Currency { get; }

    public IReadOnlyList<PricedLine> Lines => _lines;

    /// <summary>Gets the lines for the hot loops of planning: read in place, without an enumerator or a copy of each line.</summary>
    public ReadOnlySpan<PricedLine> LineSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_lines);

    /// <summary>Gets the order total including VAT, in minor units: what all captures of the order sum to.</summary>
    public long Total { get; }

    /// <summary>Gets the value of the goods and service lines: the weight order discounts and netting are spread by.</summary>
    public long GoodsTotal { get; }

    public Money ToMoney(long minorUnits) => new(minorUnits, Currency);
}
