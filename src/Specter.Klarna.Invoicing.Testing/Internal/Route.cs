namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>The operation and ids parsed from a request path.</summary>
internal sealed record Route(SimulatedOperation? Operation, string? OrderId, string? SubId, bool MethodMismatch)
{
    private const string Prefix = "/ordermanagement/v1/orders/";
    private const string SettlementsPrefix = "/settlements/v1/";

    public bool IsSettlements => Operation is >= SimulatedOperation.ListPayouts;

    public static Route Parse(string method, string path)
    {
        if (path.StartsWith(SettlementsPrefix, StringComparison.Ordinal))
        {
            return ParseSettlements(method, path[SettlementsPrefix.Length..]);
        }

        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new Route(null, null, null, false);
        }

        var parts = path[Prefix.Length..].Split('/');
        var orderId = Uri.UnescapeDataString(parts[0]);
        if (orderId.Length == 0)
        {
            return new Route(null, null, null, false);
        }

        (SimulatedOperation Op, string Method)? match = parts.Length switch
        {
            1 => method == "GET" ? (SimulatedOperation.GetOrder, "GET") : null,
            2 => parts[1] switch
            {
                "captures" => method == "GET" ? (SimulatedOperation.ListCaptures, "GET") : (SimulatedOperation.CreateCapture, "POST"),
                "refunds" => (SimulatedOperation.CreateRefund, "POST"),
                "cancel" => (SimulatedOperation.CancelOrder, "POST"),
                "release-remaining-authorization" => (SimulatedOperation.ReleaseRemainingAuthorization, "POST"),
                "extend-authorization-time" => (SimulatedOperation.ExtendAuthorizationTime, "POST"),
                "merchant-references" => (SimulatedOperation.UpdateMerchantReferences, "PATCH"),
                "authorization" => (SimulatedOperation.UpdateAuthorization, "PATCH"),
                _ => null,
            },
            3 => parts[1] switch
            {
                "captures" => (SimulatedOperation.GetCapture, "GET"),
                "refunds" => (SimulatedOperation.GetRefund, "GET"),
                _ => null,
            },
            4 when parts[1] == "captures" => parts[3] switch
            {
                "shipping-info" => (SimulatedOperation.AddShippingInfo, "POST"),
                "trigger-send-out" => (SimulatedOperation.TriggerSendOut, "POST"),
                _ => null,
            },
            _ => null,
        };

        if (match is not { } m)
        {
            return new Route(null, orderId, null, false);
        }

        var subId = parts.Length >= 3 ? Uri.UnescapeDataString(parts[2]) : null;
        return new Route(m.Op, orderId, subId, !string.Equals(method, m.Method, StringComparison.Ordinal));
    }

    // Settlements is read only: every operation is a GET. The report endpoints (CSV, PDF) are not simulated.
    private static Route ParseSettlements(string method, string rest)
    {
        var parts = rest.Split('/');
        SimulatedOperation? operation = parts switch
        {
            ["payouts"] => SimulatedOperation.ListPayouts,
            ["payouts", "summary"] => SimulatedOperation.GetPayoutSummary,
            ["payouts", { Length: > 0 }] => SimulatedOperation.GetPayout,
            ["transactions"] => SimulatedOperation.ListTransactions,
            _ => null,
        };
        var subId = operation == SimulatedOperation.GetPayout ? Uri.UnescapeDataString(parts[1]) : null;
        return new Route(operation, null, subId, operation is not null && !string.Equals(method, "GET", StringComparison.Ordinal));
    }
}
