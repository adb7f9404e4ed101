namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>
/// Klarna Order Management API v1. Knows nothing of invoices. <c>merchant</c> names a merchant profile
/// (<see langword="null"/> = the default profile). Every mutating call requires the caller's idempotency key,
/// which the caller has persisted before the first send.
/// </summary>
/// <remarks>
/// A non-success answer throws <c>KlarnaApiException</c>. Transport failures propagate unchanged:
/// <see cref="HttpRequestException"/>, Polly's <c>TimeoutRejectedException</c>, <see cref="OperationCanceledException"/>.
/// </remarks>
internal interface IKlarnaOrderManagementClient
{
    Task<KlarnaOrder> GetOrderAsync(string? merchant, string orderId, CancellationToken cancellationToken);

    /// <summary>Sends exactly <paramref name="body"/> (from <c>KlarnaRequestBodies.Capture</c>) so the caller can hash the bytes it persisted.</summary>
    Task<KlarnaCreated> CreateCaptureAsync(string? merchant, string orderId, ReadOnlyMemory<byte> body, string idempotencyKey, CancellationToken cancellationToken);

    Task<KlarnaCapture> GetCaptureAsync(string? merchant, string orderId, string captureId, CancellationToken cancellationToken);

    Task<IReadOnlyList<KlarnaCapture>> ListCapturesAsync(string? merchant, string orderId, CancellationToken cancellationToken);

    Task<KlarnaCreated> CreateRefundAsync(string? merchant, string orderId, KlarnaRefundRequest request, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Sends exactly <paramref name="body"/> (from <c>KlarnaRequestBodies.Refund</c>) so the caller can hash the bytes it persisted.</summary>
    Task<KlarnaCreated> CreateRefundAsync(string? merchant, string orderId, ReadOnlyMemory<byte> body, string idempotencyKey, CancellationToken cancellationToken);

    Task<KlarnaRefund> GetRefundAsync(string? merchant, string orderId, string refundId, CancellationToken cancellationToken);

    Task CancelOrderAsync(string? merchant, string orderId, string idempotencyKey, CancellationToken cancellationToken);

    Task ReleaseRemainingAuthorizationAsync(string? merchant, string orderId, string idempotencyKey, CancellationToken cancellationToken);

    Task ExtendAuthorizationTimeAsync(string? merchant, string orderId, string idempotencyKey, CancellationToken cancellationToken);

    Task UpdateMerchantReferencesAsync(string? merchant, string orderId, string? merchantReference1, string? merchantReference2, string idempotencyKey, CancellationToken cancellationToken);

    Task AddShippingInfoAsync(string? merchant, string orderId, string captureId, IReadOnlyList<KlarnaShippingInfo> shippingInfo, string idempotencyKey, CancellationToken cancellationToken);

    Task TriggerSendOutAsync(string? merchant, string orderId, string captureId, string idempotencyKey, CancellationToken cancellationToken);

    Task UpdateAuthorizationAsync(string? merchant, string orderId, KlarnaUpdateAuthorizationRequest request, string idempotencyKey, CancellationToken cancellationToken);
}
