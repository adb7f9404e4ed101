using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Writes orders, captures and refunds in the OM wire shape (snake_case, minor units, ISO 8601 UTC).</summary>
internal static class OrderJsonWriter
{
    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    public static void WriteOrder(Utf8JsonWriter writer, OrderState order, DateTimeOffset now)
    {
        writer.WriteStartObject();
        writer.WriteString("order_id", order.OrderId);
        writer.WriteString("status", order.Status(now));
        writer.WriteString("fraud_status", order.FraudStatus);
        writer.WriteNumber("order_amount", order.OrderAmount);
        writer.WriteNumber("original_order_amount", order.OriginalOrderAmount);
        writer.WriteNumber("captured_amount", order.CapturedAmount);
        writer.WriteNumber("refunded_amount", order.RefundedAmount);
        writer.WriteNumber("remaining_authorized_amount", order.RemainingAuthorizedAmount(now));
        writer.WriteString("purchase_currency", order.Currency);
        writer.WriteString("locale", order.Locale);
        WriteArray(writer, "order_lines", order.OrderLines);
        writer.WriteString("klarna_reference", order.KlarnaReference);
        if (order.MerchantReference1 is not null)
        {
            writer.WriteString("merchant_reference1", order.MerchantReference1);
        }

        if (order.MerchantReference2 is not null)
        {
            writer.WriteString("merchant_reference2", order.MerchantReference2);
        }

        writer.WriteString("created_at", FormatTime(order.CreatedAt));
        writer.WriteString("purchase_country", order.Country);
        writer.WriteStartObject("initial_payment_method");
        writer.WriteString("type", order.PaymentMethod);
        writer.WriteEndObject();
        writer.WriteString("expires_at", FormatTime(order.ExpiresAt));
        writer.WriteStartArray("captures");
        foreach (var capture in order.Captures)
        {
            WriteCapture(writer, capture);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("refunds");
        foreach (var refund in order.Refunds)
        {
            WriteRefund(writer, refund);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteCapture(Utf8JsonWriter writer, CaptureState capture)
    {
        writer.WriteStartObject();
        writer.WriteString("capture_id", capture.CaptureId);
        writer.WriteString("klarna_reference", capture.KlarnaReference);
        writer.WriteNumber("captured_amount", capture.CapturedAmount);
        writer.WriteString("captured_at", FormatTime(capture.CapturedAt));
        writer.WriteString("description", capture.Description ?? string.Empty);
        if (capture.Reference is not null)
        {
            writer.WriteString("reference", capture.Reference);
        }

        WriteArray(writer, "order_lines", capture.OrderLines);
        writer.WriteNumber("refunded_amount", capture.RefundedAmount);
        WriteArray(writer, "shipping_info", capture.ShippingInfo);
        writer.WriteEndObject();
    }

    public static void WriteRefund(Utf8JsonWriter writer, RefundState refund)
    {
        writer.WriteStartObject();
        writer.WriteString("refund_id", refund.RefundId);
        writer.WriteNumber("refunded_amount", refund.RefundedAmount);
        writer.WriteString("refunded_at", FormatTime(refund.RefundedAt));
        writer.WriteString("description", refund.Description ?? string.Empty);
        if (refund.Reference is not null)
        {
            writer.WriteString("reference", refund.Reference);
        }

        WriteArray(writer, "order_lines", refund.OrderLines);
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, JsonArray items)
    {
        writer.WritePropertyName(name);
        items.WriteTo(writer);
    }
}
