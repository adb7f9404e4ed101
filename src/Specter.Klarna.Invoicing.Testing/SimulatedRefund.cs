namespace Specter.Klarna.Invoicing.Testing;

/// <summary>A refund stored by the simulator, for inspection.</summary>
/// <param name="RefundId">The refund id returned in the <c>Refund-Id</c> header.</param>
/// <param name="OrderId">The order id.</param>
/// <param name="Reference">The refund's <c>reference</c> (for example the credit invoice number), or <see langword="null"/>.</param>
/// <param name="RefundedAmount">The refunded amount in minor units.</param>
/// <param name="IdempotencyKey">The <c>Klarna-Idempotency-Key</c> of the request that created it, or <see langword="null"/>.</param>
/// <param name="RefundedAt">When the refund was created (simulator clock).</param>
public sealed record SimulatedRefund(
    string RefundId,
    string OrderId,
    string? Reference,
    long RefundedAmount,
    string? IdempotencyKey,
    DateTimeOffset RefundedAt);
