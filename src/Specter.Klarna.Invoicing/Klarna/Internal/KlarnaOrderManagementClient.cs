using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>
/// The typed Klarna Order Management v1 client (see <see cref="IKlarnaOrderManagementClient"/>): one line per call.
/// Sending lives in <c>KlarnaOrderManagementClient.Send.cs</c>, answers are read by <see cref="KlarnaResponseReader"/>,
/// mapped by <see cref="KlarnaResponseMapper"/>, refusals parsed by <see cref="KlarnaErrorParser"/>, and each call's
/// span, log line and metrics are kept by <see cref="KlarnaCallTelemetry"/>.
/// </summary>
internal sealed partial class KlarnaOrderManagementClient(
    HttpClient httpClient,
    KlarnaMerchantResolver merchants,
    TimeProvider timeProvider,
    IOptionsMonitor<KlarnaTimeoutOptions> timeouts,
    KlarnaTelemetry telemetry,
    ILogger<KlarnaOrderManagementClient> logger) : IKlarnaOrderManagementClient
{
    /// <summary>The largest success body read (see <see cref="KlarnaResponseReader.MaxResponseBodyBytes"/>).</summary>
    internal const int MaxResponseBodyBytes = KlarnaResponseReader.MaxResponseBodyBytes;

    public Task<KlarnaOrder> GetOrderAsync(string? merchant, string orderId, CancellationToken cancellationToken) =>
        SendAsync("GetOrder", merchant, orderId, HttpMethod.Get, string.Empty, null, null, HttpStatusCode.OK,
            async (response, ct) => KlarnaResponseMapper.MapOrder(await ReadAsync(response, KlarnaJsonContext.Default.OrderDto, ct).ConfigureAwait(false), orderId),
            cancellationToken);

    public Task<KlarnaCreated> CreateCaptureAsync(string? merchant, string orderId, ReadOnlyMemory<byte> body, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync("CreateCapture", merchant, orderId, HttpMethod.Post, "/captures", body, idempotencyKey, HttpStatusCode.Created,
            (response, _) => Task.FromResult(KlarnaResponseReader.Created(response, "Capture-Id")), cancellationToken);

    public Task<KlarnaCapture> GetCaptureAsync(string? merchant, string orderId, string captureId, CancellationToken cancellationToken) =>
        SendAsync("GetCapture", merchant, orderId, HttpMethod.Get, "/captures/" + Segment(captureId, nameof(captureId)), null, null, HttpStatusCode.OK,
            async (response, ct) => KlarnaResponseMapper.MapCapture(await ReadAsync(response, KlarnaJsonContext.Default.CaptureDto, ct).ConfigureAwait(false)),
            cancellationToken);

    public Task<IReadOnlyList<KlarnaCapture>> ListCapturesAsync(string? merchant, string orderId, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<KlarnaCapture>>("ListCaptures", merchant, orderId, HttpMethod.Get, "/captures", null, null, HttpStatusCode.OK,
            async (response, ct) => [.. (await ReadAsync(response, KlarnaJsonContext.Default.ListCaptureDto, ct).ConfigureAwait(false)).Select(KlarnaResponseMapper.MapCapture)],
            cancellationToken);

    public Task<KlarnaCreated> CreateRefundAsync(string? merchant, string orderId, KlarnaRefundRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        CreateRefundAsync(merchant, orderId, KlarnaRequestBodies.Refund(request), idempotencyKey, cancellationToken);

    public Task<KlarnaCreated> CreateRefundAsync(string? merchant, string orderId, ReadOnlyMemory<byte> body, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync("CreateRefund", merchant, orderId, HttpMethod.Post, "/refunds", body, idempotencyKey, HttpStatusCode.Created,
            (response, _) => Task.FromResult(KlarnaResponseReader.Created(response, "Refund-Id")), cancellationToken);

    public Task<KlarnaRefund> GetRefundAsync(string? merchant, string orderId, string refundId, CancellationToken cancellationToken) =>
        SendAsync("GetRefund", merchant, orderId, HttpMethod.Get, "/refunds/" + Segment(refundId, nameof(refundId)), null, null, HttpStatusCode.OK,
            async (response, ct) => KlarnaResponseMapper.MapRefund(await ReadAsync(response, KlarnaJsonContext.Default.RefundDto, ct).ConfigureAwait(false)),
            cancellationToken);

    public Task CancelOrderAsync(string? merchant, string orderId, string idempotencyKey, CancellationToken cancellationToken) =>
        NoContentAsync("CancelOrder", merchant, orderId, HttpMethod.Post, "/cancel", null, idempotencyKey, cancellationToken);

    public Task ReleaseRemainingAuthorizationAsync(string? merchant, string orderId, string idempotencyKey, CancellationToken cancellationToken) =>
        NoContentAsync("ReleaseRemainingAuthorization", merchant, orderId, HttpMethod.Post, "/release-remaining-authorization", null, idempotencyKey, cancellationToken);

    public Task ExtendAuthorizationTimeAsync(string? merchant, string orderId, string idempotencyKey, CancellationToken cancellationToken) =>
        NoContentAsync("ExtendAuthorizationTime", merchant, orderId, HttpMethod.Post, "/extend-authorization-time", null, idempotencyKey, cancellationToken);

    public Task UpdateMerchantReferencesAsync(string? merchant, string orderId, string? merchantReference1, string? merchantReference2, string idempotencyKey, CancellationToken cancellationToken) =>
        NoContentAsync("UpdateMerchantReferences", merchant, orderId, HttpMethod.Patch, "/merchant-references",
            KlarnaRequestBodies.MerchantReferences(merchantReference1, merchantReference2), idempotencyKey, cancellationToken);

    public Task AddShippingInfoAsync(string? merchant, string orderId, string captureId, IReadOnlyList<KlarnaShippingInfo> shippingInfo, string idempotencyKey, CancellationToken cancellationToken) =>
        NoContentAsync("AddShippingInfo", merchant, orderId, HttpMethod.Post, "/captures/" + Segment(captureId, nameof(captureId)) + "/shipping-info",
            KlarnaRequestBodies.ShippingInfo(shippingInfo), idempotencyKey, cancellationToken);

    public Task TriggerSendOutAsync(string? merchant, string orderId, string captureId, string idempotencyKey, CancellationToken cancellationToken) =>
        NoContentAsync("TriggerSendOut", merchant, orderId, HttpMethod.Post, "/captures/" + Segment(captureId, nameof(captureId)) + "/trigger-send-out", null, idempotencyKey, cancellationToken);

    public Task UpdateAuthorizationAsync(string? merchant, string orderId, KlarnaUpdateAuthorizationRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        NoContentAsync("UpdateAuthorization", merchant, orderId, HttpMethod.Patch, "/authorization",
            KlarnaRequestBodies.UpdateAuthorization(request), idempotencyKey, cancellationToken);

    private Task<bool> NoContentAsync(string operation, string? merchant, string orderId, HttpMethod method, string path, ReadOnlyMemory<byte>? body, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(operation, merchant, orderId, method, path, body, idempotencyKey, HttpStatusCode.NoContent, static (_, _) => Task.FromResult(true), cancellationToken);
}
