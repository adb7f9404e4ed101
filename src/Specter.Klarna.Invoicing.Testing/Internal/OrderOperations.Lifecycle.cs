using System.Globalization;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Cancel, release, extend and the two PATCH updates.</summary>
internal sealed partial class OrderOperations
{
    private static SimHttpResponse Cancel(OrderState order)
    {
        if (order.Captures.Count > 0)
        {
            return ErrorResponses.Create(403, "CANCEL_NOT_ALLOWED", "Order has previous captures. Cancel not possible.");
        }

        if (order.Cancelled || order.Closed)
        {
            return ErrorResponses.Create(403, "CANCEL_NOT_ALLOWED", "Order is cancelled or closed. Cancel not possible.");
        }

        order.Cancelled = true;
        return SimHttpResponse.Empty(204);
    }

    private static SimHttpResponse Release(OrderState order)
    {
        if (order.Cancelled || order.Closed || order.Captures.Count == 0)
        {
            return ErrorResponses.NotAllowed("Can not release when order is cancelled or has no captures.");
        }

        if (order.RemainingReleased || order.CapturedAmount >= order.OrderAmount)
        {
            return ErrorResponses.NotAllowed("Order is fully captured. Remaining authorization cannot be released.");
        }

        order.RemainingReleased = true;
        return SimHttpResponse.Empty(204);
    }

    private SimHttpResponse Extend(OrderState order)
    {
        var now = Now;
        if (order.Cancelled || order.Closed)
        {
            return ErrorResponses.NotAllowed("Order is cancelled. Authorization time cannot be extended.");
        }

        if (order.IsExpired(now))
        {
            return ErrorResponses.NotAllowed("Order is expired. Authorization time cannot be extended.");
        }

        if (now - order.CreatedAt > state.Options.MaximumAuthorizationExtensionWindow)
        {
            return ErrorResponses.NotAllowed(string.Create(
                CultureInfo.InvariantCulture,
                $"Authorization time can only be extended within {state.Options.MaximumAuthorizationExtensionWindow.TotalDays} days of order creation."));
        }

        // Klarna: the new expiry is the day of the call plus the account period, so repeated calls on one day agree.
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        order.ExpiresAt = today + state.Options.AuthorizationPeriod;
        return SimHttpResponse.Empty(204);
    }

    private SimHttpResponse UpdateMerchantReferences(OrderState order, SimHttpRequest request)
    {
        if (!TryReadBody(request, out var document, out var error))
        {
            return error;
        }

        using (document)
        {
            var root = document.RootElement;
            var v = new RequestValidator(state.Options.RejectUnknownFields);
            v.Fields(root, string.Empty, MerchantReferenceFields);
            var first = v.Text(root, string.Empty, "merchant_reference1", 255);
            var second = v.Text(root, string.Empty, "merchant_reference2", 255);
            if (!v.IsValid)
            {
                return v.ToResponse();
            }

            if (order.Cancelled)
            {
                return ErrorResponses.NotAllowed("Can not update a cancelled order.");
            }

            order.MerchantReference1 = first ?? order.MerchantReference1;
            order.MerchantReference2 = second ?? order.MerchantReference2;
            return SimHttpResponse.Empty(204);
        }
    }

    private SimHttpResponse UpdateAuthorization(OrderState order, SimHttpRequest request)
    {
        if (!TryReadBody(request, out var document, out var error))
        {
            return error;
        }

        using (document)
        {
            var root = document.RootElement;
            var v = new RequestValidator(state.Options.RejectUnknownFields);
            v.Fields(root, string.Empty, AuthorizationFields);
            var amount = v.Amount(root, string.Empty, "order_amount", required: true, min: 0);
            v.Text(root, string.Empty, "description", 255);
            var lines = v.Array(root, "order_lines", 1000);
            CheckLineSum(v, "order_amount", amount, lines);
            if (!v.IsValid)
            {
                return v.ToResponse();
            }

            var now = Now;
            if (order.Cancelled || order.Closed || order.IsExpired(now) || order.RemainingReleased
                || (order.Captures.Count > 0 && order.CapturedAmount >= order.OrderAmount))
            {
                return ErrorResponses.NotAllowed("Update not allowed.");
            }

            if (amount!.Value < order.CapturedAmount)
            {
                return ErrorResponses.NotAllowed(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Resulting authorization amount {amount.Value} cannot be less than the captured amount {order.CapturedAmount} for order. Order authorization cannot be updated"));
            }

            // Klarna: an increase needs a new risk assessment, offered only for some payment methods and markets.
            if (amount.Value > order.OrderAmount && !AuthorizationIncreases.Allowed(order.PaymentMethod, order.Country))
            {
                return ErrorResponses.NotAllowed(AuthorizationIncreases.RefusalMessage);
            }

            order.OrderAmount = amount.Value;

            // Klarna: "The original order lines will be deleted if you don't send order lines in this call."
            order.OrderLines = CloneArray(lines);
            return SimHttpResponse.Empty(204);
        }
    }
}
