using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using Polly;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Sending one Order Management call: checks before anything leaves the process, the request, the resilience context and the answer's outcome.</summary>
internal sealed partial class KlarnaOrderManagementClient
{
    private const string OrdersPath = "ordermanagement/v1/orders/";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private TimeSpan ReadAttemptTimeout => timeouts.Get(KlarnaHttp.ClientName).ReadAttemptTimeout;

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

        using var call = new KlarnaCallTelemetry(telemetry, timeProvider, logger, operation, orderId, resolved.Name, method);
        HttpResponseMessage response;
        bool retried = false;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            call.NoAnswer(exception);
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
            var correlationId = KlarnaErrorParser.Header(response, KlarnaHttp.CorrelationIdHeader);
            var status = (int)response.StatusCode;
            call.Answered(status);
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
                failure = await KlarnaErrorParser.CreateExceptionAsync(response, correlationId, ReadAttemptTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            if (failure is not null && retried)
            {
                // The answer is to a repeat of the request: a refusal of a repeat does not prove the first attempt did nothing.
                failure.AnswersRepeat = true;
            }

            if (failure is null)
            {
                call.Succeeded(status, correlationId);
                return result;
            }

            call.Failed(status, failure);
            throw failure;
        }
    }

    private static string Segment(string value, string parameterName) =>
        KlarnaOrderIdRules.ThrowIfInvalid(value, parameterName);

    /// <summary>Reads a success body within the read attempt timeout.</summary>
    private Task<TDto> ReadAsync<TDto>(HttpResponseMessage response, JsonTypeInfo<TDto> typeInfo, CancellationToken cancellationToken) =>
        KlarnaResponseReader.ReadJsonAsync(response, typeInfo, ReadAttemptTimeout, timeProvider, cancellationToken);
}
