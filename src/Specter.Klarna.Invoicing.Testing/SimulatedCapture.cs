namespace Specter.Klarna.Invoicing.Testing;

/// <summary>A capture stored by the simulator, for inspection.</summary>
/// <param name="CaptureId">The capture id returned in the <c>Capture-Id</c> header.</param>
/// <param name="OrderId">The order id.</param>
/// <param name="Reference">The capture's <c>reference</c>, or <see langword="null"/>.</param>
/// <param name="CapturedAmount">The captured amount in minor units.</param>
/// <param name="RefundedAmount">The amount refunded from this capture, in minor units.</param>
/// <param name="IdempotencyKey">The <c>Klarna-Idempotency-Key</c> of the request that created it, or <see langword="null"/>.</param>
/// <param name="CapturedAt">When the capture was created (simulator clock).</param>
public sealed record SimulatedCapture(
    string CaptureId,
    string OrderId,
    string? Reference,
    long CapturedAmount,
    long RefundedAmount,
    string? IdempotencyKey,
    DateTimeOffset CapturedAt);
