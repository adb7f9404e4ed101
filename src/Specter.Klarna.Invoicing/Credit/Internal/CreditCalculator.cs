namespace Specter.Klarna.Invoicing.Credit.Internal;

/// <summary>
/// The credit math (pure): what a credit invoice credits and refunds. Never more than is left on each line, at each VAT
/// rate, on the capture and on the Klarna order; a prepayment only as far as later invoices have not netted it off.
/// </summary>
internal static class CreditCalculator
{
    public static CreditOutcome Plan(CreditInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var invoice = input.Invoice;
        var currency = invoice.Total.Currency;
        var tally = CreditTally.Of(invoice, input.EarlierCredits);
        var violations = new List<KlarnaInvoicingRuleViolation>();

        List<InvoicePlanLine> lines;
        if (input.Lines is { Count: > 0 } && input.Amounts is { Count: > 0 })
        {
            violations.Add(CreditViolations.LinesAndAmounts());
            lines = [];
        }
        else if (input.Lines is { Count: > 0 } chosen)
        {
            lines = CreditLines.Chosen(tally, chosen, invoice.InvoiceNumber, violations);
        }
        else if (input.Amounts is { Count: > 0 } amounts)
        {
            lines = CreditLines.Amounts(tally, amounts, currency, violations);
        }
        else
        {
            lines = CreditLines.Everything(tally);
        }

        CheckPrepayments(lines, input.UnnettedPrepayments, currency, violations);
        long credited = lines.Sum(l => l.Amount.MinorUnits);
        if (violations.Count == 0 && credited <= 0)
        {
            violations.Add(CreditViolations.NothingToCredit(invoice.InvoiceNumber));
        }

        if (input.ReturnFee is { } fee)
        {
            AddReturnFee(input, fee, credited, lines, violations);
        }

        long refunded = lines.Sum(l => l.Amount.MinorUnits);
        if (input.Refunds && input.LeftOnCapture is { } leftOnCapture && refunded > leftOnCapture)
        {
            violations.Add(CreditViolations.ExceedsCapture(new Money(refunded, currency), new Money(Math.Max(0, leftOnCapture), currency)));
        }

        if (input.Refunds && input.LeftOnOrder is { } leftOnOrder && refunded > leftOnOrder)
        {
            violations.Add(CreditViolations.ExceedsOrder(new Money(refunded, currency), new Money(Math.Max(0, leftOnOrder), currency)));
        }

        if (violations.Count > 0)
        {
            return new CreditOutcome { Violations = violations, LeftOnInvoice = tally.LeftTotal };
        }

        var plan = new InvoicePlan
        {
            InvoiceNumber = input.CreditNumber,
            OrderNumber = invoice.OrderNumber,
            Type = invoice.Type,
            Lines = lines,
            Total = new Money(refunded, currency),
            VatTotal = new Money(lines.Sum(l => l.VatAmount.MinorUnits), currency),
            Capture = input.Refunds ? RefundBuilder.Build(input.CreditNumber, input.Description, lines, currency, input.Language) : null,
        };
        System.Diagnostics.Debug.Assert(plan.Capture is null || plan.Capture.CapturedAmount == plan.Total, "The refund sums exactly to the credit.");
        return new CreditOutcome { Plan = plan, PerVatRate = PerVatRate(lines, currency), LeftOnInvoice = tally.LeftTotal - credited };
    }

    private static void CheckPrepayments(List<InvoicePlanLine> lines, IReadOnlyDictionary<int, long> unnetted, Currency currency, List<KlarnaInvoicingRuleViolation> violations)
    {
        foreach (var group in lines.Where(l => l.Kind == InvoicePlanLineKind.Prepayment).GroupBy(CreditLines.RateOf))
        {
            long wanted = group.Sum(l => l.Amount.MinorUnits);
            long left = unnetted.GetValueOrDefault(group.Key);
            if (wanted > left)
            {
                violations.Add(CreditViolations.PrepaymentNetted(group.Key / 100m, new Money(wanted, currency), new Money(Math.Max(0, left), currency)));
            }
        }
    }

    private static void AddReturnFee(CreditInput input, CreditReturnFee fee, long credited, List<InvoicePlanLine> lines, List<KlarnaInvoicingRuleViolation> violations)
    {
        var currency = input.Invoice.Total.Currency;
        if (!input.ReturnFeeAllowed)
        {
            violations.Add(CreditViolations.ReturnFeeNotAllowed());
            return;
        }

        if (fee.Amount.Currency != currency || fee.Amount.MinorUnits <= 0 || fee.Amount.MinorUnits >= credited
            || !Amounts.Internal.MinorUnitMath.TryToBasisPoints(fee.VatRate, out int rate))
        {
            violations.Add(CreditViolations.BadReturnFee(fee.Amount, new Money(credited, currency)));
            return;
        }

        long amount = fee.Amount.MinorUnits;
        lines.Add(new InvoicePlanLine
        {
            Kind = InvoicePlanLineKind.ReturnFee,
            OrderLineKind = OrderLineKind.Fee,
            Description = "Returavgift",
            Quantity = 1,
            VatRate = fee.VatRate,
            Amount = new Money(-amount, currency),
            VatAmount = new Money(-RefundBuilder.VatOf(amount, rate), currency),
        });
    }

    private static List<CreditVatAmount> PerVatRate(List<InvoicePlanLine> lines, Currency currency) =>
        [.. lines.GroupBy(CreditLines.RateOf).OrderByDescending(g => g.Key).Select(g => new CreditVatAmount(
            g.Key / 100m,
            new Money(g.Sum(l => l.Amount.MinorUnits), currency),
            new Money(g.Sum(l => l.VatAmount.MinorUnits), currency)))];
}
