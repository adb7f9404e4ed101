namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>The per-line field rules of <see cref="OrderValidator"/>: texts, quantities, rates and signs.</summary>
internal static class LineRules
{
    public static void Check(List<OrderValidationError> errors, InvoicingOrderLine line, string id)
    {
        if (line is null)
        {
            errors.Add(new(OrderValidationErrorCode.MissingField, "lines", id, $"Line {id}: the line is null."));
            return;
        }

        OrderValidator.RequireText(errors, line.LineId, "lineId", id, OrderValidator.MaxTextLength);
        OrderValidator.RequireText(errors, line.Description, "description", id, OrderValidator.MaxTextLength);
        OrderValidator.OptionalText(errors, line.ArticleNumber, "articleNumber", id, OrderValidator.MaxTextLength);
        OrderValidator.OptionalText(errors, line.Unit, "unit", id, OrderValidator.MaxUnitLength);

        if (line.Quantity < 0)
        {
            errors.Add(new(OrderValidationErrorCode.NegativeQuantity, "quantity", id, $"Line {id}: quantity {OrderValidator.Invariant(line.Quantity)} is negative; it must be 0 or more (credit returns instead)."));
        }

        if (line.DeliveredQuantity < 0)
        {
            errors.Add(new(OrderValidationErrorCode.NegativeQuantity, "deliveredQuantity", id, $"Line {id}: delivered quantity {OrderValidator.Invariant(line.DeliveredQuantity)} is negative; it must be 0 or more."));
        }
        else if (line.DeliveredQuantity > line.Quantity && line.Quantity >= 0)
        {
            errors.Add(new(OrderValidationErrorCode.DeliveredExceedsOrdered, "deliveredQuantity", id,
                $"Line {id}: delivered quantity {OrderValidator.Invariant(line.DeliveredQuantity)} exceeds the ordered quantity {OrderValidator.Invariant(line.Quantity)}; it may be at most the ordered quantity."));
        }

        if (line.VatRate < 0 || line.VatRate > 100 || line.VatRate.Scale > 2 && decimal.Round(line.VatRate, 2, MidpointRounding.AwayFromZero) != line.VatRate)
        {
            errors.Add(new(OrderValidationErrorCode.VatRateOutOfRange, "vatRate", id, $"Line {id}: VAT rate {OrderValidator.Invariant(line.VatRate)} % is not allowed; it must be 0–100 with at most two decimals (for example 25, 12, 6, 0 or 25.5)."));
        }

        if (line.DiscountPercent < 0 || line.DiscountPercent > 100)
        {
            errors.Add(new(OrderValidationErrorCode.DiscountPercentOutOfRange, "discountPercent", id, $"Line {id}: discount {OrderValidator.Invariant(line.DiscountPercent)} % is not allowed; it must be 0–100."));
        }

        CheckSign(errors, line, id);
    }

    private static void CheckSign(List<OrderValidationError> errors, InvoicingOrderLine line, string id)
    {
        switch (line.Kind)
        {
            case OrderLineKind.Goods or OrderLineKind.Service or OrderLineKind.Shipping or OrderLineKind.Fee when line.UnitPrice < 0:
                errors.Add(new(OrderValidationErrorCode.NegativePrice, "unitPrice", id,
                    $"Line {id}: a {line.Kind} line has the negative unit price {OrderValidator.Invariant(line.UnitPrice)}; it must be 0 or more (use a discount line for reductions)."));
                break;
            case OrderLineKind.Discount or OrderLineKind.GiftCard when line.UnitPrice > 0:
                errors.Add(new(OrderValidationErrorCode.PositiveDiscount, "unitPrice", id,
                    $"Line {id}: a {line.Kind} line has the positive unit price {OrderValidator.Invariant(line.UnitPrice)}; it must be negative (or 0)."));
                break;
            case OrderLineKind.Goods or OrderLineKind.Service or OrderLineKind.Shipping or OrderLineKind.Fee or OrderLineKind.Discount or OrderLineKind.GiftCard:
                break;
            default:
                errors.Add(new(OrderValidationErrorCode.MalformedJson, "kind", id, $"Line {id}: kind {(int)line.Kind} is unknown; allowed: goods, service, shipping, fee, discount, giftCard."));
                break;
        }

        if (line.Kind == OrderLineKind.GiftCard && line.VatRate != 0)
        {
            errors.Add(new(OrderValidationErrorCode.GiftCardWithVat, "vatRate", id, $"Line {id}: a gift card is a means of payment and carries no VAT; its VAT rate must be 0 (was {OrderValidator.Invariant(line.VatRate)})."));
        }
    }
}
