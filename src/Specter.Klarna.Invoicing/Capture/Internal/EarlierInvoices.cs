using Specter.Klarna.Invoicing.Amounts.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>What the invoices already made on an order have taken: per order line, per prepayment VAT rate, and in total.</summary>
/// <remarks>Built from the prior plans' lines, so later invoices net off what was actually invoiced rather than recomputing it.</remarks>
internal sealed class EarlierInvoices
{
    private static readonly LineTally Nothing = new();
    private readonly Dictionary<string, LineTally> _lines = new(StringComparer.Ordinal);

    private EarlierInvoices()
    {
    }

    /// <summary>Gets prepayments per VAT rate (basis points): amount and VAT prepaid, amount and VAT netted off so far (negative).</summary>
    public SortedDictionary<int, PrepaymentTally> Prepayments { get; } = [];

    /// <summary>Gets the sum of the order-line amounts invoiced (everything except prepayment and netting lines).</summary>
    public long BaseTotal { get; private set; }

    /// <summary>Gets the value of the goods and service lines invoiced.</summary>
    public long GoodsTotal { get; private set; }

    /// <summary>Gets the sum of the invoice totals (what was captured, prepayments included).</summary>
    public long InvoicedTotal { get; private set; }

    /// <summary>Gets the invoice numbers already used.</summary>
    public HashSet<string> InvoiceNumbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the unnetted prepayment over all rates.</summary>
    public long Unnetted => Prepayments.Values.Sum(p => p.Unnetted);

    public static EarlierInvoices From(IReadOnlyList<InvoicePlan> priorInvoices)
    {
        ArgumentNullException.ThrowIfNull(priorInvoices);
        var earlier = new EarlierInvoices();
        foreach (var plan in priorInvoices)
        {
            earlier.InvoiceNumbers.Add(plan.InvoiceNumber);
            earlier.InvoicedTotal += plan.Total.MinorUnits;
            foreach (var line in plan.Lines)
            {
                earlier.Add(line);
            }
        }

        return earlier;
    }

    public LineTally For(string lineId) => _lines.TryGetValue(lineId, out var tally) ? tally : Nothing;

    private void Add(InvoicePlanLine line)
    {
        switch (line.Kind)
        {
            case InvoicePlanLineKind.OrderLine when line.OrderLineId is not null:
                if (!_lines.TryGetValue(line.OrderLineId, out var tally))
                {
                    _lines[line.OrderLineId] = tally = new LineTally();
                }

                tally.Quantity += line.Quantity;
                tally.Amount += line.Amount.MinorUnits;
                tally.Vat += line.VatAmount.MinorUnits;
                tally.Discount += line.DiscountAmount?.MinorUnits ?? 0;
                BaseTotal += line.Amount.MinorUnits;
                if (line.OrderLineKind is OrderLineKind.Goods or OrderLineKind.Service)
                {
                    GoodsTotal += line.Amount.MinorUnits;
                }

                break;
            case InvoicePlanLineKind.Prepayment or InvoicePlanLineKind.PrepaymentNetting:
                _ = MinorUnitMath.TryToBasisPoints(line.VatRate, out int rate);
                if (!Prepayments.TryGetValue(rate, out var prepaid))
                {
                    Prepayments[rate] = prepaid = new PrepaymentTally();
                }

                prepaid.Amount += line.Amount.MinorUnits;
                prepaid.Vat += line.VatAmount.MinorUnits;
                break;
            default:
                // Merged lines only ever appear in Klarna captures, never in plans this planner makes.
                BaseTotal += line.Amount.MinorUnits;
                break;
        }
    }

    /// <summary>What has been invoiced of one order line.</summary>
    internal sealed class LineTally
    {
        public decimal Quantity { get; set; }

        public long Amount { get; set; }

        public long Vat { get; set; }

        public long Discount { get; set; }
    }

    /// <summary>Prepaid minus netted, per VAT rate.</summary>
    internal sealed class PrepaymentTally
    {
        public long Amount { get; set; }

        public long Vat { get; set; }

        public long Unnetted => Amount;
    }
}
