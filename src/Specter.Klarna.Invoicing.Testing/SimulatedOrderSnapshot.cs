namespace Specter.Klarna.Invoicing.Testing;

/// <summary>A consistent snapshot of one simulated order, for inspection.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="Merchant">The username of the owning merchant.</param>
/// <param name="Status">The status as Klarna reports it, for example <c>PART_CAPTURED</c>.</param>
/// <param name="OrderAmount">The authorized order amount in minor units.</param>
/// <param name="CapturedAmount">The sum of all captures in minor units.</param>
/// <param name="RefundedAmount">The sum of all refunds in minor units.</param>
/// <param name="RemainingAuthorizedAmount">The amount that can still be captured, in minor units.</param>
/// <param name="ExpiresAt">The authorization expiry.</param>
/// <param name="MerchantReference1">The merchant's order number.</param>
/// <param name="MerchantReference2">The merchant's internal reference.</param>
/// <param name="Captures">The captures, oldest first.</param>
public sealed record SimulatedOrderSnapshot(
    string OrderId,
    string Merchant,
    string Status,
    long OrderAmount,
    long CapturedAmount,
    long RefundedAmount,
    long RemainingAuthorizedAmount,
    DateTimeOffset ExpiresAt,
    string? MerchantReference1,
    string? MerchantReference2,
    IReadOnlyList<SimulatedCapture> Captures);
