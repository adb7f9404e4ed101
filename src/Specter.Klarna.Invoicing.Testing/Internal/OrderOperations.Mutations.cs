using System.Text.Json;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>The mutating operations, each: validate (400/422), check the state (403), apply.</summary>
internal sealed partial class OrderOperations
{
    private SimHttpResponse CreateCapture(OrderState order, SimHttpRequest request, string? key)
    {
        if (!TryReadBody(request, out var document, out var error))
        {
            return error;
        }

        using (document)
        {
            var root = document.RootElement;
            var v = new RequestValidator(state.Options.RejectUnknownFields);
            v.Fields(root, string.Empty, CaptureFields);
            var amount = v.Amount(root, string.Empty, "captured_amount", required: true, min: 0);
            var description = v.Text(root, string.Empty, "description", 255);
            var reference = v.Text(root, string.Empty, "reference", 255);
            v.Amount(root, string.Empty, "shipping_delay", required: false, min: 0, max: long.MaxValue);
            var lines = v.Array(root, "order_lines", 1000);
            var shipping = v.Array(root, "shipping_info", 500);
            CheckLineSum(v, "captured_amount", amount, lines);
            if (shipping is { } s)
            {
                v.ShippingInfo(s);
            }

            if (!v.IsValid)
            {
                return v.ToResponse();
            }

            var now = Now;
            if (order.Cancelled || order.Closed || order.IsExpired(now))
            {
                return ErrorResponses.Create(403, "CAPTURE_NOT_ALLOWED", $"Capture not allowed. The order is {order.Status(now).ToLowerInvariant()}.");
            }

            if (amount!.Value > order.RemainingAuthorizedAmount(now))
            {
                return ErrorResponses.Create(403, "CAPTURE_NOT_ALLOWED", "Captured amount is higher than the remaining authorized amount. Capture not possible.");
            }

            var capture = new CaptureState
            {
                CaptureId = Guid.NewGuid().ToString(),
                KlarnaReference = $"{order.KlarnaReference}-{order.Captures.Count + 1}",
                CapturedAmount = amount.Value,
                CapturedAt = now,
                Description = description,
                Reference = reference,
                IdempotencyKey = key,
                OrderLines = CloneArray(lines),
                ShippingInfo = CloneArray(shipping),
            };
            order.Captures.Add(capture);
            return SimHttpResponse.Empty(
                201,
                new("Capture-Id", capture.CaptureId),
                new("Location", Location(request, order.OrderId, "captures", capture.CaptureId)));
        }
    }

    private SimHttpResponse CreateRefund(OrderState order, SimHttpRequest request, string? key)
    {
        if (!TryReadBody(request, out var document, out var error))
        {
            return error;
        }

        using (document)
        {
            var root = document.RootElement;
            var v = new RequestValidator(state.Options.RejectUnknownFields);
            v.Fields(root, string.Empty, RefundFields);
            var amount = v.Amount(root, string.Empty, "refunded_amount", required: true, min: 0);
            var description = v.Text(root, string.Empty, "description", 255);
            var reference = v.Text(root, string.Empty, "reference", 255);
            var lines = v.Array(root, "order_lines", 1000);
            CheckLineSum(v, "refunded_amount", amount, lines);
            if (!v.IsValid)
            {
                return v.ToResponse();
            }

            if (order.Captures.Count == 0)
            {
                return ErrorResponses.Create(403, "REFUND_NOT_ALLOWED", "Order has no captures. Refund not possible.");
            }

            if (order.RefundedAmount + amount!.Value > order.CapturedAmount)
            {
                return ErrorResponses.Create(403, "REFUND_NOT_ALLOWED", "Over refund is not allowed. Refund not possible.");
            }

            // Klarna: a return fee only when the order was captured in full in a single capture.
            if (RefundAllocation.HasReturnFee(lines) && (order.Captures.Count != 1 || order.CapturedAmount < order.OrderAmount))
            {
                return ErrorResponses.Create(403, "REFUND_NOT_ALLOWED", "Return fee is only allowed when the order is fully captured in a single capture. Refund not possible.");
            }

            RefundAllocation.Allocate(order.Captures, amount.Value, lines);
            var refund = new RefundState
            {
                RefundId = Guid.NewGuid().ToString(),
                RefundedAmount = amount.Value,
                RefundedAt = Now,
                Description = description,
                Reference = reference,
                IdempotencyKey = key,
                OrderLines = CloneArray(lines),
            };
            order.Refunds.Add(refund);
            return SimHttpResponse.Empty(
                201,
                new("Refund-Id", refund.RefundId),
                new("Location", Location(request, order.OrderId, "refunds", refund.RefundId)));
        }
    }

    private SimHttpResponse AddShippingInfo(OrderState order, string captureId, SimHttpRequest request)
    {
        if (FindCapture(order, captureId) is not { } capture)
        {
            return ErrorResponses.Create(404, "NO_SUCH_CAPTURE", $"Capture could not be found. Shipping info cannot be added to capture {captureId}.");
        }

        if (!TryReadBody(request, out var document, out var error))
        {
            return error;
        }

        using (document)
        {
            var v = new RequestValidator(state.Options.RejectUnknownFields);
            v.Fields(document.RootElement, string.Empty, ShippingInfoBodyFields);
            var items = v.Array(document.RootElement, "shipping_info", 500, minItems: 1, required: true);
            if (items is { } i)
            {
                v.ShippingInfo(i);
            }

            if (!v.IsValid)
            {
                return v.ToResponse();
            }

            foreach (var item in CloneArray(items))
            {
                capture.ShippingInfo.Add(item?.DeepClone());
            }

            return SimHttpResponse.Empty(204);
        }
    }

    private static void CheckLineSum(RequestValidator v, string amountField, long? amount, JsonElement? lines)
    {
        if (lines is not { } l)
        {
            return;
        }

        var sum = v.OrderLines(l);
        if (amount is { } a && sum is { } s && l.GetArrayLength() > 0 && s != a)
        {
            v.Add($"Bad value: {amountField} (must equal the sum of order_lines[].total_amount, {s})");
        }
    }
}
