namespace Specter.Klarna.Invoicing;

/// <summary>A Klarna order as the Order Management API reports it: status and amounts (no customer personal data).</summary>
/// <remarks>Every amount is <see cref="Money"/> in the order's <see cref="Currency"/> (Klarna's <c>purchase_currency</c>).</remarks>
public sealed record KlarnaOrder
{
    /// <summary>Gets the Klarna order id.</summary>
    public required string OrderId { get; init; }

    /// <summary>Gets the order status.</summary>
    public required KlarnaOrderStatus Status { get; init; }

    /// <summary>Gets the fraud status.</summary>
    public KlarnaFraudStatus FraudStatus { get; init; }

    /// <summary>Gets the purchase currency (Klarna's <c>purchase_currency</c>); every amount of the order is in it.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets the current order amount.</summary>
    public required Money OrderAmount { get; init; }

    /// <summary>Gets the original order amount.</summary>
    public required Money OriginalOrderAmount { get; init; }

    /// <summary>Gets the total captured amount.</summary>
    public required Money CapturedAmount { get; init; }

    /// <summary>Gets the total refunded amount.</summary>
    public required Money RefundedAmount { get; init; }

    /// <summary>Gets the amount still authorized (capturable).</summary>
    public required Money RemainingAuthorizedAmount { get; init; }

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
