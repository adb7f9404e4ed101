using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using Specter.Klarna.Invoicing.Klarna.Internal.Models;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>The typed Klarna Order Management v1 client (see <see cref="IKlarnaOrderManagementClient"/>).</summary>
internal sealed class KlarnaOrderManagementClient(
    HttpClient httpClient,
    KlarnaMerchantResolver merchants,
    TimeProvider timeProvider,
    IOptionsMonitor<KlarnaTimeoutOptions> timeouts,
    KlarnaTelemetry telemetry,
    ILogger<KlarnaOrderManagementClient> logger) : IKlarnaOrderManagementClient
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>The largest announced Content-Length a body buffer is sized to before any byte arrives.</summary>
    private const int PresizeLimitBytes = 1024 * 1024;

    /// <summary>The largest success body read (an order with 1000 lines and its captures is a few MiB); beyond it the answer is refused, not buffered.</summary>
    internal const int MaxResponseBodyBytes = 16 * 1024 * 1024;

    private const long MaxPlausibleAmount = 1_000_000_000_000_000;
    private const string OrdersPath = "ordermanagement/v1/orders/";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public Task<KlarnaOrder> GetOrderAsync(string? merchant, string orderId, CancellationToken cancellationToken) =>
        SendAsync("GetOrder", merchant, orderId, HttpMethod.Get, string.Empty, null, null, HttpStatusCode.OK,
            async (response, ct) => MapOrder(await ReadAsync(response, KlarnaJsonContext.Default.OrderDto, ct).ConfigureAwait(false), orderId),
            cancellationToken);

    public Task<KlarnaCreated> CreateCaptureAsync(string? merchant, string orderId, ReadOnlyMemory<byte> body, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync("CreateCapture", merchant, orderId, HttpMethod.Post, "/captures", body, idempotencyKey, HttpStatusCode.Created,
            (response, _) => Task.FromResult(Created(response, "Capture-Id")), cancellationToken);

    public Task<KlarnaCapture> GetCaptureAsync(string? merchant, string orderId, string captureId, CancellationToken cancellationToken) =>
        SendAsync("GetCapture", merchant, orderId, HttpMethod.Get, "/captures/" + Segment(captureId, nameof(captureId)), null, null, HttpStatusCode.OK,
            async (response, ct) => MapCapture(await ReadAsync(response, KlarnaJsonContext.Default.CaptureDto, ct).ConfigureAwait(false)),
            cancellationToken);

    public Task<IReadOnlyList<KlarnaCapture>> ListCapturesAsync(string? merchant, string orderId, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<KlarnaCapture>>("ListCaptures", merchant, orderId, HttpMethod.Get, "/captures", null, null, HttpStatusCode.OK,
            async (response, ct) => [.. (await ReadAsync(response, KlarnaJsonContext.Default.ListCaptureDto, ct).ConfigureAwait(false)).Select(MapCapture)],
            cancellationToken);

    public Task<KlarnaCreated> CreateRefundAsync(string? merchant, string orderId, KlarnaRefundRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        CreateRefundAsync(merchant, orderId, KlarnaRequestBodies.Refund(request), idempotencyKey, cancellationToken);

    public Task<KlarnaCreated> CreateRefundAsync(string? merchant, string orderId, ReadOnlyMemory<byte> body, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync("CreateRefund", merchant, orderId, HttpMethod.Post, "/refunds", body, idempotencyKey, HttpStatusCode.Created,
            (response, _) => Task.FromResult(Created(response, "Refund-Id")), cancellationToken);

    public Task<KlarnaRefund> GetRefundAsync(string? merchant, string orderId, string refundId, CancellationToken cancellationToken) =>
        SendAsync("GetRefund", merchant, orderId, HttpMethod.Get, "/refunds/" + Segment(refundId, nameof(refundId)), null, null, HttpStatusCode.OK,
            async (response, ct) => MapRefund(await ReadAsync(response, KlarnaJsonContext.Default.RefundDto, ct).ConfigureAwait(false)),
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

    private async Task<T> SendAsync<T>(
        string operation,
        string? merchant,
        string orderId,
        HttpMethod method,
        string path,
        ReadOnlyMemory<byte>? body,
        string? idempotencyKey,
        HttpStatusCode expected,
        Func<HttpResponseMessage, CancellationToken, Task<T>> onSuccess,
        CancellationToken cancellationToken)
    {
        var orderSegment = Segment(orderId, nameof(orderId));
        var isWrite = KlarnaHttp.IsWrite(method);
        if (isWrite)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
            if (idempotencyKey.Any(char.IsControl) || idempotencyKey.Length > 255)
            {
                throw new ArgumentException("The idempotency key must be at most 255 characters without control characters.", nameof(idempotencyKey));
            }
        }

        var resolved = merchants.Resolve(merchant);
        using var request = new HttpRequestMessage(method, new Uri(resolved.BaseAddress, OrdersPath + orderSegment + path));
        request.Options.Set(KlarnaHttp.Merchant, resolved.Name);
        if (isWrite)
        {
            request.Headers.TryAddWithoutValidation(KlarnaHttp.IdempotencyKeyHeader, idempotencyKey);
        }

        if (body is { } bytes)
        {
            // Re-sendable content: every retry sends exactly these bytes.
            request.Content = new ReadOnlyMemoryContent(bytes);
            request.Content.Headers.ContentType = Json;
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(KlarnaResilience.Retryable, !isWrite || !string.IsNullOrWhiteSpace(idempotencyKey));
        context.Properties.Set(KlarnaResilience.IsWrite, isWrite);
        request.SetResilienceContext(context);

        using var activity = KlarnaTelemetry.ActivitySource.StartActivity("Klarna " + operation, ActivityKind.Client);
        activity?.SetTag("klarna.operation", operation);
        activity?.SetTag("klarna.order_id", orderId);
        activity?.SetTag("klarna.merchant", resolved.Name);
        activity?.SetTag("http.request.method", method.Method);
        var started = timeProvider.GetTimestamp();
        HttpResponseMessage response;
        bool retried = false;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var elapsed = timeProvider.GetElapsedTime(started);
            Log.RequestNoAnswer(logger, operation, orderId, (long)elapsed.TotalMilliseconds, exception.GetType().Name);
            Record(operation, 0, "transport", "no_answer", elapsed);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            if (exception is ArgumentException)
            {
                // Raised inside the HTTP pipeline, after the request was started: whether it reached Klarna is not known.
                // Only the checks above (before anything left the process) may surface as ArgumentException.
                throw new HttpRequestException(HttpRequestError.Unknown, "An argument error was raised inside the HTTP pipeline after the request was started.", exception);
            }

            throw;
        }
        finally
        {
            retried = context.Properties.GetValue(KlarnaResilience.Retried, false);
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var correlationId = Header(response, KlarnaHttp.CorrelationIdHeader);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            KlarnaApiException? failure = null;
            T result = default!;
            if (response.StatusCode == expected)
            {
                try
                {
                    result = await onSuccess(response, cancellationToken).ConfigureAwait(false);
                }
                catch (KlarnaApiException exception)
                {
                    failure = exception;
                }
            }
            else
            {
                failure = await CreateExceptionAsync(response, correlationId, cancellationToken).ConfigureAwait(false);
            }

            if (failure is not null && retried)
            {
                // The answer is to a repeat of the request: a refusal of a repeat does not prove the first attempt did nothing.
                failure.AnswersRepeat = true;
            }

            var duration = timeProvider.GetElapsedTime(started);
            if (failure is null)
            {
                Log.RequestSucceeded(logger, operation, orderId, status, (long)duration.TotalMilliseconds, correlationId);
                Record(operation, status, null, "success", duration);
                return result;
            }

            Log.RequestFailed(logger, operation, orderId, status, failure.ErrorCode, (long)duration.TotalMilliseconds, failure.CorrelationId, failure.FailureKind);
            Record(operation, status, failure.ErrorCode ?? "none", failure.FailureKind == KlarnaFailureKind.Definitive ? "refused" : "ambiguous", duration);
            activity?.SetStatus(ActivityStatusCode.Error, failure.ErrorCode ?? status.ToString(CultureInfo.InvariantCulture));
            activity?.SetTag("klarna.error_code", failure.ErrorCode);
            activity?.SetTag("klarna.correlation_id", failure.CorrelationId);
            throw failure;
        }
    }

    private void Record(string operation, int status, string? errorCode, string outcome, TimeSpan duration) =>
        telemetry.Record(operation, status, errorCode, outcome, duration);

    private static KlarnaCreated Created(HttpResponseMessage response, string idHeader)
    {
        var ids = response.Headers.TryGetValues(idHeader, out var values) ? values.Distinct(StringComparer.Ordinal).ToArray() : [];
        var problem = ids.Length switch
        {
            0 => "is missing",
            1 => KlarnaOrderIdRules.Check(ids[0]) is { } reason ? "is malformed (it " + reason + ")" : null,
            _ => $"appears {ids.Length} times with different values",
        };
        if (problem is not null)
        {
            // Klarna said 201, so money may have moved: never report this as a refusal, and never record an id we cannot trust.
            throw new KlarnaApiException(response.StatusCode, null, [$"The {idHeader} header of Klarna's {(int)response.StatusCode} answer {problem}."], Header(response, KlarnaHttp.CorrelationIdHeader));
        }

        return new KlarnaCreated(ids[0], Location(response));
    }

    private static Uri? Location(HttpResponseMessage response)
    {
        // The id header is what counts; a Location that does not parse is dropped, never thrown.
        try
        {
            return response.Headers.Location;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() is { } value ? Excerpt(value) : null : null;

    private static string Segment(string value, string parameterName) =>
        KlarnaOrderIdRules.ThrowIfInvalid(value, parameterName);

    private async Task<TDto> ReadAsync<TDto>(HttpResponseMessage response, JsonTypeInfo<TDto> typeInfo, CancellationToken cancellationToken)
    {
        var bytes = await ReadBodyAsync(response.Content, MaxResponseBodyBytes + 1, cancellationToken).ConfigureAwait(false);
        if (bytes.Length > MaxResponseBodyBytes)
        {
            throw new KlarnaApiException(response.StatusCode, null, [$"Klarna's {(int)response.StatusCode} answer is larger than {MaxResponseBodyBytes} bytes; it was not read further."], Header(response, KlarnaHttp.CorrelationIdHeader));
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo) ?? throw new JsonException("The body is JSON null.");
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            // Truncated, mistyped, duplicated or not UTF-8: the answer is unusable, and a 200/201 cannot be treated as a refusal.
            throw new KlarnaApiException(response.StatusCode, null, [$"Klarna's {(int)response.StatusCode} answer is not the expected JSON ({exception.Message.Split('.')[0]})."], Header(response, KlarnaHttp.CorrelationIdHeader), exception);
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of a body, within the read attempt timeout (a body that drips or stalls cannot hold the call forever).</summary>
    private Task<byte[]> ReadBodyAsync(HttpContent content, int limit, CancellationToken cancellationToken) =>
        ReadBodyAsync(content, limit, timeouts.Get(KlarnaHttp.ClientName).ReadAttemptTimeout, timeProvider, cancellationToken);

    /// <summary>Reads at most <paramref name="limit"/> bytes of a body within <paramref name="timeout"/> (shared with the Settlements client).</summary>
    internal static async Task<byte[]> ReadBodyAsync(HttpContent content, int limit, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var stream = await content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                // Sized by Content-Length when it is announced (the usual case), so the exact array is returned without a copy;
                // the read chunk is pooled (a 16 KiB array per answer was the largest allocation of an invoice). A large
                // announcement is not trusted up front (a hostile header must not make us allocate 16 MiB): it grows as bytes arrive.
                int expected = content.Headers.ContentLength is { } announced && announced <= Math.Min(limit, PresizeLimitBytes) ? (int)announced : 0;
                using var buffer = new MemoryStream(expected);
                var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
                try
                {
                    int read;
                    while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), linked.Token).ConfigureAwait(false)) > 0)
                    {
                        buffer.Write(chunk, 0, read);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(chunk);
                }

                return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"Klarna's answer body did not arrive within {timeout.TotalSeconds:0.###} s.", timeout);
        }
        catch (IOException exception)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection failed while reading Klarna's answer.", exception);
        }
    }

    private Task<KlarnaApiException> CreateExceptionAsync(HttpResponseMessage response, string? correlationId, CancellationToken cancellationToken) =>
        CreateExceptionAsync(response, correlationId, timeouts.Get(KlarnaHttp.ClientName).ReadAttemptTimeout, timeProvider, cancellationToken);

    /// <summary>Klarna's refusal as <see cref="KlarnaApiException"/>, reading at most 64 KiB of the error body within <paramref name="readTimeout"/> (shared with the Settlements client).</summary>
    internal static async Task<KlarnaApiException> CreateExceptionAsync(HttpResponseMessage response, string? correlationId, TimeSpan readTimeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await ReadBodyAsync(response.Content, MaxErrorBodyBytes, readTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or HttpRequestException)
        {
            // The status is known but not Klarna's reason: without its error JSON the answer stays ambiguous.
            return new KlarnaApiException(response.StatusCode, null, ["(the body could not be read: " + exception.Message + ")"], correlationId, exception);
        }

        Exception? parseError = null;
        if (bytes.Length > 0)
        {
            try
            {
                var error = JsonSerializer.Deserialize(bytes, KlarnaJsonContext.Default.ErrorDto);
                if (error is { ErrorCode: { Length: > 0 } code })
                {
                    var messages = (error.ErrorMessages ?? []).Where(m => m is not null).Select(m => Excerpt(m!)).ToArray();
                    return new KlarnaApiException(response.StatusCode, Excerpt(code), messages, error.CorrelationId is { } bodyId ? Excerpt(bodyId) : correlationId);
                }
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
            {
                parseError = exception;
            }
        }

        var description = bytes.Length == 0 ? "(empty body)" : "(not Klarna error JSON) " + Excerpt(Encoding.UTF8.GetString(bytes));
        return new KlarnaApiException(response.StatusCode, null, [description], correlationId, parseError);
    }

    /// <summary>Keeps at most 512 characters, without control characters.</summary>
    internal static string Excerpt(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, KlarnaApiException.MaxExcerptLength));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (builder.Length >= KlarnaApiException.MaxExcerptLength)
            {
                break;
            }

            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && (lastWasSpace || builder.Length == 0))
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return builder.ToString().TrimEnd();
    }

    private static KlarnaOrder MapOrder(OrderDto dto, string requestedOrderId)
    {
        if (string.IsNullOrEmpty(dto.Status) || string.IsNullOrEmpty(dto.PurchaseCurrency))
        {
            throw new KlarnaApiException(HttpStatusCode.OK, null, ["Klarna's order answer lacks status or purchase_currency."], null);
        }

        if (dto.PurchaseCurrency.Length != 3 || !dto.PurchaseCurrency.All(char.IsAsciiLetter))
        {
            throw Implausible("purchase_currency", Excerpt(dto.PurchaseCurrency));
        }

        foreach (var (name, amount) in new[] { ("order_amount", dto.OrderAmount), ("original_order_amount", dto.OriginalOrderAmount), ("captured_amount", dto.CapturedAmount), ("refunded_amount", dto.RefundedAmount), ("remaining_authorized_amount", dto.RemainingAuthorizedAmount) })
        {
            CheckAmount(name, amount);
        }

        return new KlarnaOrder
        {
            OrderId = dto.OrderId ?? requestedOrderId,
            Status = new KlarnaOrderStatus(dto.Status),
            FraudStatus = dto.FraudStatus is null ? default : new KlarnaFraudStatus(dto.FraudStatus),
            PurchaseCurrency = dto.PurchaseCurrency.ToUpperInvariant(),
            OrderAmount = dto.OrderAmount,
            OriginalOrderAmount = dto.OriginalOrderAmount,
            CapturedAmount = dto.CapturedAmount,
            RefundedAmount = dto.RefundedAmount,
            RemainingAuthorizedAmount = dto.RemainingAuthorizedAmount,
            KlarnaReference = dto.KlarnaReference,
            MerchantReference1 = dto.MerchantReference1,
            MerchantReference2 = dto.MerchantReference2,
            CreatedAt = dto.CreatedAt,
            ExpiresAt = dto.ExpiresAt,
            Captures = [.. (dto.Captures ?? []).Select(MapCapture)],
            Refunds = [.. (dto.Refunds ?? []).Select(MapRefund)],
        };
    }

    /// <summary>Amounts are minor units: a negative one, or one beyond 10^15 (sums would overflow), is no answer to act on.</summary>
    private static void CheckAmount(string name, long amount)
    {
        if (amount is < 0 or > MaxPlausibleAmount)
        {
            throw Implausible(name, amount.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static KlarnaApiException Implausible(string field, string value) =>
        new(HttpStatusCode.OK, null, [$"Klarna's answer has an implausible {field} ({value})."], null);

    private static KlarnaCapture MapCapture(CaptureDto dto)
    {
        CheckAmount("captured_amount", dto.CapturedAmount);
        CheckAmount("refunded_amount", dto.RefundedAmount);
        return MapCheckedCapture(dto);
    }

    private static KlarnaCapture MapCheckedCapture(CaptureDto dto) => new()
    {
        CaptureId = dto.CaptureId ?? string.Empty,
        KlarnaReference = dto.KlarnaReference,
        CapturedAmount = dto.CapturedAmount,
        RefundedAmount = dto.RefundedAmount,
        CapturedAt = dto.CapturedAt,
        Reference = dto.Reference,
        Description = dto.Description,
    };

    private static KlarnaRefund MapRefund(RefundDto dto)
    {
        CheckAmount("refunded_amount", dto.RefundedAmount);
        return MapCheckedRefund(dto);
    }

    private static KlarnaRefund MapCheckedRefund(RefundDto dto) => new()
    {
        RefundId = dto.RefundId ?? string.Empty,
        RefundedAmount = dto.RefundedAmount,
        RefundedAt = dto.RefundedAt,
        Reference = dto.Reference,
        Description = dto.Description,
    };
}
