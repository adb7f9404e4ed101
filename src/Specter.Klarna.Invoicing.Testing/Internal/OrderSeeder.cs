using System.Globalization;
using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Builds <see cref="OrderState"/> from code or from a GET-order shaped JSON document.</summary>
internal static class OrderSeeder
{
    public static OrderState FromCode(SimulatedOrder seed, string merchant, KlarnaSimulatorOptions options)
    {
        var lines = new JsonArray();
        long sum = 0;
        foreach (var line in seed.OrderLines)
        {
            var total = line.TotalAmount ?? (line.Quantity * line.UnitPrice) - line.TotalDiscountAmount;
            var tax = line.TotalTaxAmount ?? (long)Math.Round(total - (total * 10000m / (10000m + line.TaxRate)), MidpointRounding.AwayFromZero);
            sum += total;
            var node = new JsonObject { ["type"] = line.Type };
            if (line.Reference is not null)
            {
                node["reference"] = line.Reference;
            }

            node["name"] = line.Name;
            node["quantity"] = line.Quantity;
            node["unit_price"] = line.UnitPrice;
            node["tax_rate"] = line.TaxRate;
            node["total_amount"] = total;
            node["total_discount_amount"] = line.TotalDiscountAmount;
            node["total_tax_amount"] = tax;
            lines.Add(node);
        }

        var createdAt = seed.CreatedAt ?? options.TimeProvider.GetUtcNow();
        var amount = seed.OrderAmount ?? sum;
        return new OrderState
        {
            OrderId = seed.OrderId ?? Guid.NewGuid().ToString(),
            Merchant = merchant,
            Currency = seed.Currency,
            Country = seed.Country,
            Locale = seed.Locale,
            FraudStatus = seed.FraudStatus,
            PaymentMethod = seed.PaymentMethod,
            KlarnaReference = seed.KlarnaReference ?? NewKlarnaReference(),
            OriginalOrderAmount = amount,
            OrderAmount = amount,
            CreatedAt = createdAt,
            ExpiresAt = seed.ExpiresAt ?? createdAt + options.AuthorizationPeriod,
            OrderLines = lines,
            MerchantReference1 = seed.MerchantReference1,
            MerchantReference2 = seed.MerchantReference2,
            Cancelled = seed.Status == "CANCELLED",
            Closed = seed.Status == "CLOSED",
            SeededExpired = seed.Status == "EXPIRED",
        };
    }

    public static OrderState FromJson(string json, string merchant, KlarnaSimulatorOptions options)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("The order JSON must be an object.", nameof(json));
        var createdAt = Time(root, "created_at") ?? options.TimeProvider.GetUtcNow();
        var amount = root["order_amount"]?.GetValue<long>() ?? throw new ArgumentException("order_amount is required.", nameof(json));
        var status = root["status"]?.GetValue<string>() ?? "AUTHORIZED";
        var order = new OrderState
        {
            OrderId = root["order_id"]?.GetValue<string>() ?? Guid.NewGuid().ToString(),
            Merchant = merchant,
            Currency = root["purchase_currency"]?.GetValue<string>() ?? "SEK",
            Country = root["purchase_country"]?.GetValue<string>() ?? "SE",
            Locale = root["locale"]?.GetValue<string>() ?? "sv-SE",
            FraudStatus = root["fraud_status"]?.GetValue<string>() ?? "ACCEPTED",
            PaymentMethod = root["initial_payment_method"]?["type"]?.GetValue<string>() ?? "INVOICE",
            KlarnaReference = root["klarna_reference"]?.GetValue<string>() ?? NewKlarnaReference(),
            OriginalOrderAmount = root["original_order_amount"]?.GetValue<long>() ?? amount,
            OrderAmount = amount,
            CreatedAt = createdAt,
            ExpiresAt = Time(root, "expires_at") ?? createdAt + options.AuthorizationPeriod,
            OrderLines = root["order_lines"]?.DeepClone().AsArray() ?? [],
            MerchantReference1 = root["merchant_reference1"]?.GetValue<string>(),
            MerchantReference2 = root["merchant_reference2"]?.GetValue<string>(),
            Cancelled = status == "CANCELLED",
            Closed = status == "CLOSED",
            SeededExpired = status == "EXPIRED",
        };

        foreach (var capture in root["captures"]?.AsArray() ?? [])
        {
            order.Captures.Add(new CaptureState
            {
                CaptureId = capture!["capture_id"]?.GetValue<string>() ?? Guid.NewGuid().ToString(),
                KlarnaReference = capture["klarna_reference"]?.GetValue<string>() ?? $"{order.KlarnaReference}-{order.Captures.Count + 1}",
                CapturedAmount = capture["captured_amount"]!.GetValue<long>(),
                CapturedAt = Time(capture.AsObject(), "captured_at") ?? createdAt,
                Description = capture["description"]?.GetValue<string>(),
                Reference = capture["reference"]?.GetValue<string>(),
                RefundedAmount = capture["refunded_amount"]?.GetValue<long>() ?? 0,
                OrderLines = capture["order_lines"]?.DeepClone().AsArray() ?? [],
                ShippingInfo = capture["shipping_info"]?.DeepClone().AsArray() ?? [],
            });
        }

        return order;
    }

    private static DateTimeOffset? Time(JsonObject node, string name) =>
        node[name]?.GetValue<string>() is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    private static string NewKlarnaReference() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
}
