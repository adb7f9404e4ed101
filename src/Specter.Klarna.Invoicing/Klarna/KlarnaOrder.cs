namespace Specter.Klarna.Invoicing;

/// <summary>A Klarna order as the Order Management API reports it: status and amounts (no customer personal data).</summary>
public sealed record KlarnaOrder
{
    /// <summary>Gets the Klarna order id.</summary>
    public required string OrderId { get; init; }

    /// <summary>Gets the order status.</summary>
    public required KlarnaOrderStatus Status { get; init; }

    /// <summary>Gets the fraud status.</summary>
    public KlarnaFraudStatus FraudStatus { get; init; }

    /// <summary>Gets the ISO 4217 purchase currency (upper case).</summary>
    public required string PurchaseCurrency { get; init; }

    /// <summary>Gets the current order amount in minor units.</summary>
    public required long OrderAmount { get; init; }

    /// <summary>Gets the original order amount in minor units.</summary>
    public long OriginalOrderAmount { get; init; }

    /// <summary>Gets the total captured amount in minor units.</summary>
    public long CapturedAmount { get; init; }

    /// <summary>Gets the total refunded amount in minor units.</summary>
    public long RefundedAmount { get; init; }

    /// <summary>Gets the amount still authorized (capturable) in minor units.</summary>
    public long RemainingAuthorizedAmount { get; init; }

    /// <summary>Gets the customer-facing Klarna reference.</summary>
    public string? KlarnaReference { get; init; }

    /// <summary>Gets the merchant's first reference (order number).</summary>
    public string? MerchantReference1 { get; init; }

    /// <summary>Gets the merchant's second reference.</summary>
    public string? MerchantReference2 { get; init; }

    /// <summary>Gets when the order was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the authorization expires; the order can only be captured until then.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets the captures.</summary>
    public IReadOnlyList<KlarnaCapture> Captures { get; init; } = [];

    /// <summary>Gets the refunds.</summary>
    public IReadOnlyList<KlarnaRefund> Refunds { get; init; } = [];
}
