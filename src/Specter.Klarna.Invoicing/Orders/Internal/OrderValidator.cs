using System.Globalization;
using Specter.Klarna.Invoicing.Amounts.Internal;

// Longer than ~150 lines on purpose: one pass that collects every error of an order, so a host sees all of its mistakes at
// once; the per-line rules live in LineRules and Klarna's line count is checked where the capture is planned.
namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>Checks an <see cref="InvoicingOrder"/> against every rule the planner and Klarna rely on, collecting all errors.</summary>
/// <remarks>Klarna's 1000-line limit after merging per VAT rate is checked where the capture is planned (<c>KlarnaLineMerger.CheckLineCount</c>), so the order layer needs nothing of the capture layer.</remarks>
internal static class OrderValidator
{
    private const decimal MaxQuantity = 1_000_000_000m;
    private const decimal MaxUnitPrice = 1_000_000_000_000m;

    public const int MaxTextLength = 255;
    public const int MaxUnitLength = 10;

    public static IReadOnlyList<OrderValidationError> Validate(InvoicingOrder order) => Validate(order, out _);

    /// <summary>Validates <paramref name="order"/>; checking the amounts prices every line, so those prices are handed back.</summary>
    /// <param name="order">The order.</param>
    /// <param name="priced">The lines priced so far; when no error is returned, every line of the order, in order.</param>
    /// <returns>The errors, empty when the order is valid.</returns>
    public static List<OrderValidationError> Validate(InvoicingOrder order, out List<PricedLine> priced)
    {
        ArgumentNullException.ThrowIfNull(order);
        var errors = new List<OrderValidationError>();
        priced = [];
        RequireText(errors, order.OrderNumber, "orderNumber", null, MaxTextLength);
        OptionalText(errors, order.Merchant, "merchant", null, MaxTextLength);
        if (order.KlarnaOrderId is not null && KlarnaOrderIdRules.Check(order.KlarnaOrderId) is { } idProblem)
        {
            errors.Add(order.KlarnaOrderId.Length > KlarnaOrderIdRules.MaxLength
                ? new(OrderValidationErrorCode.FieldTooLong, "klarnaOrderId", null, $"klarnaOrderId {idProblem}.")
                : new(OrderValidationErrorCode.InvalidKlarnaOrderId, "klarnaOrderId", null, $"klarnaOrderId {idProblem}."));
        }

        bool knownCurrency = Currency.TryFromCode(order.Currency, out var currency);
        if (!knownCurrency)
        {
            errors.Add(new(OrderValidationErrorCode.UnknownCurrency, "currency", null,
                $"Currency '{order.Currency}' is not a supported ISO 4217 code; allowed: {string.Join(", ", CurrencyTable.Codes)}."));
        }

        var lines = order.Lines ?? [];
        if (lines.Count == 0)
        {
            errors.Add(new(OrderValidationErrorCode.EmptyOrder, "lines", null, "The order has no lines; at least one line is required."));
            return errors;
        }

        var seen = new HashSet<string>(lines.Count, StringComparer.Ordinal);
        priced = new List<PricedLine>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            string id = string.IsNullOrWhiteSpace(line.LineId) ? $"#{i + 1}" : line.LineId;
            if (!string.IsNullOrWhiteSpace(line.LineId) && !seen.Add(line.LineId))
            {
                errors.Add(new(OrderValidationErrorCode.DuplicateLineId, "lineId", id, $"Line {id}: the line id is used by an earlier line; line ids must be unique within the order."));
            }

            int before = errors.Count;
            LineRules.Check(errors, line, id);
            long unitPrice = 0;
            if (errors.Count == before && knownCurrency && !MinorUnitMath.TryToMinorUnitsExact(line.UnitPrice, currency.MinorUnitDigits, out unitPrice))
            {
                errors.Add(new(OrderValidationErrorCode.TooManyDecimals, "unitPrice", id,
                    $"Line {id}: unit price {Invariant(line.UnitPrice)} has more decimals than {currency} allows ({currency.MinorUnitDigits}); ERP prices must be whole minor units."));
            }

            if (errors.Count == before && (Math.Abs(line.Quantity) > MaxQuantity || Math.Abs(line.UnitPrice) > MaxUnitPrice))
            {
                // Far beyond any Klarna line; checked first so the exact arithmetic below cannot overflow.
                errors.Add(new(OrderValidationErrorCode.AmountOutOfRange, Math.Abs(line.Quantity) > MaxQuantity ? "quantity" : "unitPrice", id,
                    $"Line {id}: quantity {Invariant(line.Quantity)} × unit price {Invariant(line.UnitPrice)} is far beyond the limit of what one line can carry; quantity may be at most {Invariant(MaxQuantity)} and unit price at most {Invariant(MaxUnitPrice)}."));
            }

            if (errors.Count == before && knownCurrency)
            {
                // The unit price converted just above, so each line's decimals become minor units once.
                var p = OrderPricing.TryPrice(i, line, unitPrice, order.PricesIncludeVat);
                if (p is null)
                {
                    errors.Add(new(OrderValidationErrorCode.TooManyDecimals, "unitPrice", id,
                        $"Line {id}: unit price {Invariant(line.UnitPrice)} or VAT rate {Invariant(line.VatRate)} cannot be priced in whole minor units of {currency}."));
                }
                else
                {
                    // No per-line Klarna limit here: a line beyond one is sent in a form Klarna accepts (KlarnaLineBuilder),
                    // and what no form can meet (a capture above Klarna's maximum) is a rule error of the invoice that needs it.
                    priced.Add(p.Value);
                }
            }
        }

        if (errors.Count == 0)
        {
            CheckOrderTotals(errors, priced);
        }

        return errors;
    }

    public static void ThrowIfInvalid(InvoicingOrder order)
    {
        var errors = Validate(order);
        if (errors.Count > 0)
        {
            throw new InvoicingOrderValidationException(errors);
        }
    }

    internal static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static void RequireText(List<OrderValidationError> errors, string? value, string field, string? lineId, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(OrderValidationErrorCode.MissingField, field, lineId, $"{Where(lineId)}{field} is missing; a non-blank value of at most {max} characters is required."));
            return;
        }

        OptionalText(errors, value, field, lineId, max);
    }

    internal static void OptionalText(List<OrderValidationError> errors, string? value, string field, string? lineId, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(OrderValidationErrorCode.FieldTooLong, field, lineId, $"{Where(lineId)}{field} is {value.Length} characters; at most {max} are allowed."));
        }
    }

    internal static string Where(string? lineId) => lineId is null ? string.Empty : $"Line {lineId}: ";

    private static void CheckOrderTotals(List<OrderValidationError> errors, List<PricedLine> priced)
    {
        long goods = 0, reductions = 0;
        foreach (var p in priced)
        {
            if (p.IsQuantityDriven)
            {
                goods += p.Total;
            }
            else if (p.IsSpreadOverGoods)
            {
                reductions -= p.Total;
            }
        }

        if (reductions > goods)
        {
            errors.Add(new(OrderValidationErrorCode.DiscountsExceedGoods, "lines", null,
                $"The order's discounts and gift cards ({reductions} minor units) exceed its goods and services ({goods} minor units); they are spread over the goods invoiced and may not exceed them."));
        }
    }
}
