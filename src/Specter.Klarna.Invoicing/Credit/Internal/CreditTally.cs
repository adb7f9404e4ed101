using System.Globalization;

namespace Specter.Klarna.Invoicing.Credit.Internal;

/// <summary>What is left to credit of each line of an invoice, after its earlier credits.</summary>
/// <remarks>A credit line keeps its source line's kind, order line id and VAT rate, so earlier credits are matched to their lines by that key.</remarks>
internal sealed class CreditTally
{
    private CreditTally(List<LeftOfLine> lines) => Lines = lines;

    /// <summary>Gets the credited invoice's lines with what is left of each, in invoice order.</summary>
    public IReadOnlyList<LeftOfLine> Lines { get; }

    /// <summary>Gets the sum of what is left on every line, in minor units.</summary>
    public long LeftTotal => Lines.Sum(l => l.Amount);

    public static CreditTally Of(InvoicePlan invoice, IReadOnlyList<InvoicePlan> earlierCredits)
    {
        var credited = new Dictionary<string, (decimal Quantity, long Amount, long Vat, long Discount)>(StringComparer.Ordinal);
        foreach (var line in earlierCredits.SelectMany(c => c.Lines).Where(l => l.Kind != InvoicePlanLineKind.ReturnFee))
        {
            var sum = credited.GetValueOrDefault(KeyOf(line));
            credited[KeyOf(line)] = (sum.Quantity + line.Quantity, sum.Amount + line.Amount.MinorUnits, sum.Vat + line.VatAmount.MinorUnits, sum.Discount + (line.DiscountAmount?.MinorUnits ?? 0));
        }

        var lines = invoice.Lines.Select(line =>
        {
            var taken = credited.GetValueOrDefault(KeyOf(line));
            return new LeftOfLine(
                line,
                line.Quantity - taken.Quantity,
                line.Amount.MinorUnits - taken.Amount,
                line.VatAmount.MinorUnits - taken.Vat,
                (line.DiscountAmount?.MinorUnits ?? 0) - taken.Discount);
        }).ToList();
        return new CreditTally(lines);
    }

    /// <summary>The key that ties a credit line to the invoice line it credits.</summary>
    public static string KeyOf(InvoicePlanLine line) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)line.Kind}|{line.OrderLineId}|{line.VatRate:0.######}");

    /// <summary>One invoice line and what is left of it to credit.</summary>
    internal sealed record LeftOfLine(InvoicePlanLine Source, decimal Quantity, long Amount, long Vat, long Discount)
    {
        /// <summary>Gets a value indicating whether the line is credited by amount only (shipping, fees, discounts, gift cards, prepayments and shares invoiced with quantity 0).</summary>
        public bool IsAmountOnly => Source.Quantity == 0 || Source.Kind != InvoicePlanLineKind.OrderLine
            || Source.OrderLineKind is not (OrderLineKind.Goods or OrderLineKind.Service);
    }
}
