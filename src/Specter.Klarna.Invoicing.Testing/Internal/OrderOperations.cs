using System.Text.Json;
using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Applies one Order Management operation to the state. Always called under the engine lock.</summary>
internal sealed partial class OrderOperations(SimulatorState state)
{
    private static readonly HashSet<string> CaptureFields = ["captured_amount", "description", "reference", "order_lines", "shipping_info", "shipping_delay"];
    private static readonly HashSet<string> RefundFields = ["refunded_amount", "description", "reference", "order_lines"];
    private static readonly HashSet<string> AuthorizationFields = ["order_amount", "description", "order_lines"];
    private static readonly HashSet<string> MerchantReferenceFields = ["merchant_reference1", "merchant_reference2"];
    private static readonly HashSet<string> ShippingInfoBodyFields = ["shipping_info"];

    private DateTimeOffset Now => state.Time.GetUtcNow();

    public SimHttpResponse Apply(SimulatedOperation operation, Route route, SimHttpRequest request, string merchant, string? key)
    {
        var orderId = route.OrderId!;
        if (!state.Orders.TryGetValue(orderId, out var order) || order.Merchant != merchant)
        {
            // Another merchant's order is indistinguishable from a missing one.
            return operation is SimulatedOperation.CreateRefund or SimulatedOperation.GetRefund
                ? ErrorResponses.Create(404, "NOT_FOUND", $"Order {orderId} cannot be found.")
                : ErrorResponses.NoSuchOrder(orderId);
        }

        return operation switch
        {
            SimulatedOperation.GetOrder => Ok(w => OrderJsonWriter.WriteOrder(w, order, Now)),
            SimulatedOperation.CreateCapture => CreateCapture(order, request, key),
            SimulatedOperation.ListCaptures => Ok(w =>
            {
                w.WriteStartArray();
                order.Captures.ForEach(c => OrderJsonWriter.WriteCapture(w, c));
                w.WriteEndArray();
            }),
            SimulatedOperation.GetCapture => FindCapture(order, route.SubId!) is { } capture
                ? Ok(w => OrderJsonWriter.WriteCapture(w, capture))
                : NoSuchCapture(route.SubId!),
            SimulatedOperation.AddShippingInfo => AddShippingInfo(order, route.SubId!, request),
            SimulatedOperation.TriggerSendOut => FindCapture(order, route.SubId!) is null ? NoSuchCapture(route.SubId!) : SimHttpResponse.Empty(204),
            SimulatedOperation.CreateRefund => CreateRefund(order, request, key),
            SimulatedOperation.GetRefund => order.Refunds.Find(r => r.RefundId == route.SubId) is { } refund
                ? Ok(w => OrderJsonWriter.WriteRefund(w, refund))
                : ErrorResponses.Create(404, "NOT_FOUND", $"Refund {route.SubId} cannot be found for order {orderId}."),
            SimulatedOperation.CancelOrder => Cancel(order),
            SimulatedOperation.ReleaseRemainingAuthorization => Release(order),
            SimulatedOperation.ExtendAuthorizationTime => Extend(order),
            SimulatedOperation.UpdateMerchantReferences => UpdateMerchantReferences(order, request),
            SimulatedOperation.UpdateAuthorization => UpdateAuthorization(order, request),
            _ => throw new InvalidOperationException("Unrouted operation " + operation),
        };
    }

    private static SimHttpResponse Ok(Action<Utf8JsonWriter> write) => SimHttpResponse.Json(200, OrderJsonWriter.Write(write));

    private static SimHttpResponse NoSuchCapture(string captureId) =>
        ErrorResponses.Create(404, "NO_SUCH_CAPTURE", $"Capture {captureId} could not be found.");

    private static CaptureState? FindCapture(OrderState order, string captureId) => order.Captures.Find(c => c.CaptureId == captureId);

    private static string Location(SimHttpRequest request, string orderId, string kind, string id) =>
        $"{request.Uri.GetLeftPart(UriPartial.Authority)}/ordermanagement/v1/orders/{Uri.EscapeDataString(orderId)}/{kind}/{id}";

    private static bool TryReadBody(SimHttpRequest request, out JsonDocument document, out SimHttpResponse error)
    {
        document = null!;
        error = null!;
        if (request.Body.Length == 0)
        {
            error = ErrorResponses.BadValue(["Bad value: request body (required)"]);
            return false;
        }

        try
        {
            document = JsonDocument.Parse(request.Body);
        }
        catch (JsonException)
        {
            error = ErrorResponses.BadValue(["Bad value: request body (malformed JSON)"]);
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            error = ErrorResponses.BadValue(["Bad value: request body (must be a JSON object)"]);
            return false;
        }

        return true;
    }

    private static JsonArray CloneArray(JsonElement? element) =>
        element is { } e ? JsonNode.Parse(e.GetRawText())!.AsArray() : [];
}
