using System.Globalization;
using System.Text;
using Specter.Klarna.Invoicing.Testing.Internal;

namespace Specter.Klarna.Invoicing.Testing;

/// <summary>Inspecting refunds: the counterpart of <see cref="CapturesFor"/> and <see cref="AssertCapturedExactlyOnce"/>.</summary>
public sealed partial class KlarnaSimulator
{
    /// <summary>Gets the refunds of an order whose <c>reference</c> equals <paramref name="reference"/> (ordinal).</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="reference">The refund reference, for example the ERP credit invoice number.</param>
    /// <returns>The matching refunds, oldest first; empty when the order does not exist.</returns>
    public IReadOnlyList<SimulatedRefund> RefundsFor(string orderId, string reference)
    {
        lock (_state.Gate)
        {
            return _state.Orders.TryGetValue(orderId, out var order)
                ? [.. order.Refunds.Where(r => r.Reference == reference).Select(r => ToPublic(order, r))]
                : [];
        }
    }

    /// <summary>Asserts that the order has exactly one refund with the given reference.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="reference">The refund reference, for example the ERP credit invoice number.</param>
    /// <returns>The single refund.</returns>
    /// <exception cref="KlarnaSimulatorAssertionException">The order has zero or several such refunds; the message lists the order's refunds and the refund requests received.</exception>
    public SimulatedRefund AssertRefundedExactlyOnce(string orderId, string reference)
    {
        List<SimulatedRefund> all;
        lock (_state.Gate)
        {
            all = _state.Orders.TryGetValue(orderId, out var order) ? [.. order.Refunds.Select(r => ToPublic(order, r))] : [];
        }

        var matches = all.Where(r => r.Reference == reference).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Expected order {orderId} to be refunded exactly once for reference '{reference}', but found {matches.Count} such refunds. Refunds:");
        foreach (var r in all)
        {
            message.AppendLine().Append(CultureInfo.InvariantCulture, $"  {r.RefundId} reference='{r.Reference}' amount={r.RefundedAmount} key={r.IdempotencyKey ?? "(none)"} at {r.RefundedAt:O}");
        }

        message.AppendLine().Append("Refund requests received:");
        foreach (var r in ReceivedRequests.Where(r => r.OrderId == orderId && r.Operation == SimulatedOperation.CreateRefund))
        {
            message.AppendLine().Append(CultureInfo.InvariantCulture, $"  #{r.Sequence} key={r.IdempotencyKey ?? "(none)"} merchant={r.Merchant}");
        }

        throw new KlarnaSimulatorAssertionException(message.ToString());
    }

    private static SimulatedRefund ToPublic(OrderState order, RefundState r) =>
        new(r.RefundId, order.OrderId, r.Reference, r.RefundedAmount, r.IdempotencyKey, r.RefundedAt);
}
