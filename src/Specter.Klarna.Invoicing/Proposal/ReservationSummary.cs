namespace Specter.Klarna.Invoicing;

/// <summary>The live state of an order's Klarna reservation, as read when proposing.</summary>
public sealed record ReservationSummary
{
    /// <summary>Gets the Klarna order id.</summary>
    public required string KlarnaOrderId { get; init; }

    /// <summary>Gets Klarna's customer-facing reference (<c>klarna_reference</c>): the number the customer sees and quotes, or <see langword="null"/> when Klarna gave none.</summary>
    public string? KlarnaReference { get; init; }

    /// <summary>Gets the order status at Klarna.</summary>
    public required KlarnaOrderStatus Status { get; init; }

    /// <summary>Gets the fraud status at Klarna.</summary>
    public KlarnaFraudStatus FraudStatus { get; init; }

    /// <summary>Gets the amount Klarna still holds authorized, in minor units.</summary>
    public required Money RemainingAuthorized { get; init; }

    /// <summary>Gets the amount already captured at Klarna, in minor units.</summary>
    public required Money Captured { get; init; }

    /// <summary>Gets when the authorization expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
