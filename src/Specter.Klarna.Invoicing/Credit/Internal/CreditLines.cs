using Specter.Klarna.Invoicing.Amounts.Internal;

namespace Specter.Klarna.Invoicing.Credit.Internal;

/// <summary>Turns a credit selection (everything, lines and quantities, or amounts per VAT rate) into credit lines, exactly.</summary>
/// <remarks>
/// A partial quantity takes its share of what is left of the line (<c>round(left × q / left quantity)</c>, half away from
/// zero), so the credits of a line add up exactly to the line; the last takes the rest. An amount per VAT rate is spread
/// over the lines at that rate in proportion to what is left of each (largest remainder), so each part keeps its line's reference.
/// </remarks>
internal static class CreditLines
{
    public static List<InvoicePlanLine> Everything(CreditTally tally) =>
        [.. tally.Lines.Where(l => l.Amount != 0 || l.Quantity > 0).Select(l => Take(l, l.Quantity))];

    public static List<InvoicePlanLine> Chosen(CreditTally tally, IReadOnlyList<CreditLineRequest> chosen, string invoiceNumber, List<KlarnaInvoicingRuleViolation> violations)
    {
        var result = new List<InvoicePlanLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in chosen)
        {
            if (request is null || string.IsNullOrEmpty(request.OrderLineId) || !seen.Add(request.OrderLineId))
            {
                violations.Add(CreditViolations.LineTwice(request?.OrderLineId ?? string.Empty));
                continue;
            }

            var left = tally.Lines.FirstOrDefault(l => l.Source.Kind == InvoicePlanLineKind.OrderLine && string.Equals(l.Source.OrderLineId, request.OrderLineId, StringComparison.Ordinal));
            if (left is null)
            {
                violations.Add(CreditViolations.LineNotOnInvoice(invoiceNumber, request.OrderLineId));
            }
            else if (left.IsAmountOnly && left.Amount == 0)
            {
                violations.Add(CreditViolations.AlreadyCredited(request.OrderLineId, invoiceNumber, new Money(tally.LeftTotal, left.Source.Amount.Currency)));
            }
            else if (left.IsAmountOnly && request.Quantity != left.Quantity)
            {
                violations.Add(CreditViolations.WholeLineOnly(request.OrderLineId, left.Quantity));
            }
            else if (!left.IsAmountOnly && request.Quantity <= 0)
            {
                violations.Add(CreditViolations.BadQuantity(request.OrderLineId, request.Quantity, left.Quantity));
            }
            else if (request.Quantity > left.Quantity)
            {
                violations.Add(CreditViolations.QuantityExceeds(request.OrderLineId, request.Quantity, left.Quantity));
            }
            else
            {
                result.Add(Take(left, request.Quantity));
            }
        }

        return result;
    }

    public static List<InvoicePlanLine> Amounts(CreditTally tally, IReadOnlyList<CreditAmountRequest> amounts, Currency currency, List<KlarnaInvoicingRuleViolation> violations)
    {
        var result = new List<InvoicePlanLine>();
        var seen = new HashSet<int>();
        foreach (var request in amounts)
        {
            if (request is null || !MinorUnitMath.TryToBasisPoints(request.VatRate, out int rate) || request.Amount.Currency != currency || request.Amount.MinorUnits <= 0)
            {
                violations.Add(CreditViolations.BadAmount(request?.VatRate ?? 0));
                continue;
            }

            if (!seen.Add(rate))
            {
                violations.Add(CreditViolations.RateTwice(request.VatRate));
                continue;
            }

            var atRate = tally.Lines.Where(l => l.Source.Kind != InvoicePlanLineKind.ReturnFee && RateOf(l.Source) == rate).ToList();
            long left = atRate.Sum(l => l.Amount);
            long wanted = request.Amount.MinorUnits;
            if (wanted > left)
            {
                violations.Add(CreditViolations.AmountExceeds(request.VatRate, request.Amount, new Money(Math.Max(0, left), currency)));
                continue;
            }

            // Spread over the lines with something left; a negative line (a discount) is never reduced further.
            // The VAT is that of the whole reduction at its rate, spread like the amount: the credit's VAT per rate is exact.
            long[] parts = MinorUnitMath.Allocate(wanted, [.. atRate.Select(l => Math.Max(0, l.Amount))]);
            long[] vats = MinorUnitMath.Allocate(MinorUnitMath.MulDivRound(wanted, rate, 10_000 + rate), parts);
            for (int i = 0; i < atRate.Count; i++)
            {
                if (parts[i] != 0)
                {
                    var source = atRate[i].Source;
                    result.Add(Line(source, 0, parts[i], vats[i], 0) with { Description = "Prisavdrag " + source.Description });
                }
            }
        }

        return result;
    }

    public static int RateOf(InvoicePlanLine line) => MinorUnitMath.TryToBasisPoints(line.VatRate, out int rate) ? rate : 0;

    private static InvoicePlanLine Take(CreditTally.LeftOfLine left, decimal quantity) => Line(
        left.Source,
        quantity,
        MinorUnitMath.Cumulative(left.Amount, quantity, left.Quantity),
        MinorUnitMath.Cumulative(left.Vat, quantity, left.Quantity),
        MinorUnitMath.Cumulative(left.Discount, quantity, left.Quantity));

    private static InvoicePlanLine Line(InvoicePlanLine source, decimal quantity, long amount, long vat, long discount) => source with
    {
        Quantity = quantity,
        Amount = new Money(amount, source.Amount.Currency),
        VatAmount = new Money(vat, source.Amount.Currency),
        DiscountAmount = discount == 0 ? null : new Money(discount, source.Amount.Currency),
    };
}
