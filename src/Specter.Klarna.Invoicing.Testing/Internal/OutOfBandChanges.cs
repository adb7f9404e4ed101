namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>What a fault changes "at Klarna" behind the client's back, before the request is applied. Called under the engine lock.</summary>
internal static class OutOfBandChanges
{
    public static void Apply(SimulatorState state, SimulatedFaultKind kind, string? orderId, string merchant)
    {
        if (orderId is null || !state.Orders.TryGetValue(orderId, out var order) || order.Merchant != merchant)
        {
            return; // the request itself answers "no such order"
        }

        switch (kind)
        {
            // Klarna refuses to cancel an order with captures; a merchant-portal user closes it instead.
            case SimulatedFaultKind.CancelOrderBeforeApplying when order.Captures.Count > 0:
                order.Closed = true;
                break;
            case SimulatedFaultKind.CancelOrderBeforeApplying:
                order.Cancelled = true;
                break;
            case SimulatedFaultKind.ExpireOrderBeforeApplying:
                order.SeededExpired = true;
                break;
        }
    }
}
