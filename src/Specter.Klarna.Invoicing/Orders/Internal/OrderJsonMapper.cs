namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>Maps the order JSON DTOs to and from <see cref="InvoicingOrder"/>, turning missing fields and unknown kinds into typed errors.</summary>
internal static class OrderJsonMapper
{
    private static readonly (string Name, OrderLineKind Kind)[] Kinds =
    [
        ("goods", OrderLineKind.Goods), ("service", OrderLineKind.Service), ("shipping", OrderLineKind.Shipping),
        ("fee", OrderLineKind.Fee), ("discount", OrderLineKind.Discount), ("giftCard", OrderLineKind.GiftCard),
    ];

    public static InvoicingOrder ToOrder(OrderJsonDto dto, List<OrderValidationError> errors)
    {
        var lines = new List<InvoicingOrderLine>();
        if (dto.Lines is null)
        {
            errors.Add(Missing("$.lines", null));
        }
        else
        {
            for (int i = 0; i < dto.Lines.Count; i++)
            {
                if (dto.Lines[i] is { } line)
                {
                    lines.Add(ToLine(line, $"$.lines[{i}]", errors));
                }
                else
                {
                    errors.Add(new(OrderValidationErrorCode.MalformedJson, $"$.lines[{i}]", null, $"$.lines[{i}] is null; an order line object is required."));
                }
            }
        }

        if (dto.OrderNumber is null)
        {
            errors.Add(Missing("$.orderNumber", null));
        }

        if (dto.Currency is null)
        {
            errors.Add(Missing("$.currency", null));
        }

        // Required although the C# model has a default: a net-price export that omits it would be under-invoiced by the VAT.
        if (dto.PricesIncludeVat is null)
        {
            errors.Add(Missing("$.pricesIncludeVat", null));
        }

        return new InvoicingOrder
        {
            OrderNumber = dto.OrderNumber ?? string.Empty,
            Merchant = dto.Merchant,
            Currency = dto.Currency ?? string.Empty,
            PricesIncludeVat = dto.PricesIncludeVat ?? true,
            KlarnaOrderId = dto.KlarnaOrderId,
            Lines = lines,
        };
    }

    public static OrderJsonDto FromOrder(InvoicingOrder order) => new()
    {
        OrderNumber = order.OrderNumber,
        Merchant = order.Merchant,
        Currency = order.Currency,
        PricesIncludeVat = order.PricesIncludeVat,
        KlarnaOrderId = order.KlarnaOrderId,
        Lines = [.. order.Lines.Select(l => new OrderLineJsonDto
        {
            LineId = l.LineId,
            ArticleNumber = l.ArticleNumber,
            Description = l.Description,
            Kind = Array.Find(Kinds, k => k.Kind == l.Kind).Name ?? throw new ArgumentException($"Line {l.LineId}: {l.Kind} is not a line kind.", nameof(order)),
            Quantity = l.Quantity,
            DeliveredQuantity = l.DeliveredQuantity,
            Unit = l.Unit,
            UnitPrice = l.UnitPrice,
            VatRate = l.VatRate,
            DiscountPercent = l.DiscountPercent == 0 ? null : l.DiscountPercent,
        })],
    };

    private static InvoicingOrderLine ToLine(OrderLineJsonDto dto, string path, List<OrderValidationError> errors)
    {
        var kind = OrderLineKind.Goods;
        if (dto.Kind is not null)
        {
            int match = Array.FindIndex(Kinds, k => k.Name == dto.Kind);
            if (match < 0)
            {
                errors.Add(new(OrderValidationErrorCode.MalformedJson, path + ".kind", dto.LineId,
                    $"{path}.kind: '{dto.Kind}' is not a line kind; allowed: {string.Join(", ", Kinds.Select(k => k.Name))}."));
            }
            else
            {
                kind = Kinds[match].Kind;
            }
        }

        foreach (var (value, name) in new[] { ((object?)dto.LineId, "lineId"), (dto.Description, "description"), (dto.Quantity, "quantity"), (dto.UnitPrice, "unitPrice"), (dto.VatRate, "vatRate") })
        {
            if (value is null)
            {
                errors.Add(Missing($"{path}.{name}", dto.LineId));
            }
        }

        return new InvoicingOrderLine
        {
            LineId = dto.LineId ?? string.Empty,
            ArticleNumber = dto.ArticleNumber,
            Description = dto.Description ?? string.Empty,
            Kind = kind,
            Quantity = dto.Quantity ?? 0,
            DeliveredQuantity = dto.DeliveredQuantity ?? 0,
            Unit = dto.Unit,
            UnitPrice = dto.UnitPrice ?? 0,
            VatRate = dto.VatRate ?? 0,
            DiscountPercent = dto.DiscountPercent ?? 0,
        };
    }

    private static OrderValidationError Missing(string path, string? lineId) =>
        new(OrderValidationErrorCode.MissingField, path, lineId, $"{path} is missing; it is required.");
}
