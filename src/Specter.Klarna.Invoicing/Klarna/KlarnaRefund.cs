namespace Specter.Klarna.Invoicing;

/// <summary>A refund on a Klarna order.</summary>
/// <remarks>The amount stays minor units (<see langword="long"/>) in the order's <see cref="KlarnaOrder.Currency"/>: Klarna's refund answers carry no currency of their own, so a refund read alone cannot be <see cref="Money"/>.</remarks>
public sealed record KlarnaRefund
{
    /// <summary>Gets Klarna's refund id.</summary>
    public required string RefundId { get; init; }

    /// <summary>Gets the refunded amount in minor units.</summary>
    public required long RefundedAmount { get; init; }

    /// <summary>Gets when the refund was made.</summary>
    public DateTimeOffset? RefundedAt { get; init; }

    /// <summary>Gets the merchant's reference of the refund.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the refund description.</summary>
    public string? Description { get; init; }
}
