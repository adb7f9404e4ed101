using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Plans one invoice of an order and the Klarna capture that activates it (pure; never throws for business rules).</summary>
internal static class InvoicePlanner
{
    /// <summary>Plans the next invoice of <paramref name="order"/> given the invoices already made on it.</summary>
    /// <returns>The plan, or the violated rules.</returns>
    /// <exception cref="InvoicingOrderValidationException">The order is invalid.</exception>
    public static InvoicePlanOutcome Plan(InvoicingOrder order, IReadOnlyList<InvoicePlan> priorInvoices, InvoicePlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Plan(OrderPricing.Price(order), EarlierInvoices.From(priorInvoices), request);
    }

    /// <summary>Plans the next invoice of an order the caller has already validated and priced (once per call, not once per step).</summary>
    /// <returns>The plan, or the violated rules.</returns>
    /// <exception cref="InvoicingOrderValidationException">The order needs more Klarna lines than Klarna allows, even merged per VAT rate.</exception>
    public static InvoicePlanOutcome Plan(PricedOrder priced, EarlierInvoices earlier, InvoicePlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (KlarnaLineMerger.CheckLineCount(priced.Lines) is { } tooManyLines)
        {
            throw new InvoicingOrderValidationException([tooManyLines]);
        }

        var order = priced.Order;
        var decision = InvoiceTypeSelector.Decide(priced, earlier);
        var violations = CheckRequest(priced, earlier, decision, request);
        if (violations.Count > 0)
        {
            return new InvoicePlanOutcome { Decision = decision, Violations = violations };
        }

        var type = request.Type ?? decision.Proposed!.Value;
        List<InvoicePlanLine> lines;
        if (type == InvoiceType.Prepayment)
        {
            long amount = PrepaymentLines.Amount(priced, earlier, request.PrepaymentPercent!.Value);
            if (amount <= 0)
            {
                return new InvoicePlanOutcome { Decision = decision, Violations = [PlanningViolations.NothingToPrepay(order.OrderNumber)] };
            }

            lines = PrepaymentLines.Prepay(priced, earlier, amount, request.PrepaymentPercent.Value, request.Language);
        }
        else
        {
            lines = OrderLinePortions.Compute(priced, earlier, type, request.ShippingPolicy);
            lines.AddRange(PrepaymentLines.Net(priced, earlier, SumOf(lines).Amount, request.Language));
        }

        var (amountSum, vatSum) = SumOf(lines);
        var total = priced.ToMoney(amountSum);
        violations = CheckPlan(total, request, hasReservation: order.KlarnaOrderId is not null);
        if (violations.Count > 0)
        {
            return new InvoicePlanOutcome { Decision = decision, Violations = violations };
        }

        var plan = new InvoicePlan
        {
            InvoiceNumber = request.InvoiceNumber,
            OrderNumber = order.OrderNumber,
            Type = type,
            PrepaymentPercent = type == InvoiceType.Prepayment ? request.PrepaymentPercent : null,
            Lines = lines,
            Total = total,
            VatTotal = priced.ToMoney(vatSum),
        };
        var capture = KlarnaCaptureBuilder.Build(order, plan, request);
        return new InvoicePlanOutcome { Decision = decision, Plan = plan with { Capture = capture, VatTotals = VatTotals.Of(plan, capture) } };
    }

    private static (long Amount, long Vat) SumOf(List<InvoicePlanLine> lines)
    {
        long amount = 0, vat = 0;
        foreach (var line in lines)
        {
            amount = checked(amount + line.Amount.MinorUnits);
            vat = checked(vat + line.VatAmount.MinorUnits);
        }

        return (amount, vat);
    }

    private static List<KlarnaInvoicingRuleViolation> CheckRequest(PricedOrder order, EarlierInvoices earlier, InvoiceTypeDecision decision, InvoicePlanRequest request)
    {
        var violations = new List<KlarnaInvoicingRuleViolation>();
        if (InvoiceRequestRules.CheckInvoiceNumber(request.InvoiceNumber) is { } invoiceNumberViolation)
        {
            violations.Add(invoiceNumberViolation);
        }
        else if (earlier.InvoiceNumbers.Contains(request.InvoiceNumber))
        {
            violations.Add(PlanningViolations.InvoiceNumberUsed(request.InvoiceNumber, order.Order.OrderNumber));
        }

        foreach (ref readonly var p in order.LineSpan)
        {
            var tally = earlier.For(p.Line.LineId);
            if (tally.Quantity > p.Line.Quantity)
            {
                violations.Add(PlanningViolations.ExceedsOrdered(p.Line.LineId, tally.Quantity, p.Line.Quantity));
            }
            else if (!p.IsQuantityDriven && (p.Total >= 0 ? tally.Amount > p.Total : tally.Amount < p.Total))
            {
                violations.Add(PlanningViolations.ExceedsOrdered(p.Line.LineId, new Money(tally.Amount, order.Currency), new Money(p.Total, order.Currency)));
            }
        }

        if (decision.Proposed is null)
        {
            violations.Add(PlanningViolations.NothingToInvoice(order.Order.OrderNumber));
            return violations;
        }

        var type = request.Type ?? decision.Proposed.Value;
        if (!decision.Allowed.Contains(type))
        {
            violations.Add(PlanningViolations.TypeNotAllowed(type, decision));
        }

        bool isPrepayment = type == InvoiceType.Prepayment;
        if (isPrepayment ? request.PrepaymentPercent is not (> 0 and <= 100) : request.PrepaymentPercent is not null)
        {
            violations.Add(PlanningViolations.InvalidPrepaymentPercent(request.PrepaymentPercent, isPrepayment));
        }

        return violations;
    }

    private static List<KlarnaInvoicingRuleViolation> CheckPlan(Money total, InvoicePlanRequest request, bool hasReservation)
    {
        var violations = new List<KlarnaInvoicingRuleViolation>();
        if (hasReservation && total.MinorUnits > KlarnaLimits.MaxAmount)
        {
            violations.Add(PlanningViolations.CaptureTooLarge(total));
        }

        if (total.MinorUnits < 0)
        {
            violations.Add(PlanningViolations.NegativeCapture(total));
        }

        if (request.AuthorizedLimit is { } limit && total > limit)
        {
            violations.Add(PlanningViolations.ExceedsAuthorized(total, limit));
        }

        return violations;
    }
}
