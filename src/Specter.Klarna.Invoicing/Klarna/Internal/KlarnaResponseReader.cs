using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.Timeout;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Reads Klarna's success answers: bounded, time-limited body reads, JSON bodies and the id headers of a 201.</summary>
internal static class KlarnaResponseReader
{
    /// <summary>The largest success body read (an order with 1000 lines and its captures is a few MiB); beyond it the answer is refused, not buffered.</summary>
    internal const int MaxResponseBodyBytes = 16 * 1024 * 1024;

    /// <summary>The largest announced Content-Length a body buffer is sized to before any byte arrives.</summary>
    private const int PresizeLimitBytes = 1024 * 1024;

    /// <summary>Reads a success body as <typeparamref name="TDto"/>; a body too large or not the expected JSON is an ambiguous <see cref="KlarnaApiException"/>.</summary>
    internal static async Task<TDto> ReadJsonAsync<TDto>(HttpResponseMessage response, JsonTypeInfo<TDto> typeInfo, TimeSpan readTimeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var bytes = await ReadBodyAsync(response.Content, MaxResponseBodyBytes + 1, readTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
        if (bytes.Length > MaxResponseBodyBytes)
        {
            throw new KlarnaApiException(response.StatusCode, null, [$"Klarna's {(int)response.StatusCode} answer is larger than {MaxResponseBodyBytes} bytes; it was not read further."], KlarnaErrorParser.Header(response, KlarnaHttp.CorrelationIdHeader));
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo) ?? throw new JsonException("The body is JSON null.");
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            // Truncated, mistyped, duplicated or not UTF-8: the answer is unusable, and a 200/201 cannot be treated as a refusal.
            throw new KlarnaApiException(response.StatusCode, null, [$"Klarna's {(int)response.StatusCode} answer is not the expected JSON ({exception.Message.Split('.')[0]})."], KlarnaErrorParser.Header(response, KlarnaHttp.CorrelationIdHeader), exception);
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of a body within <paramref name="timeout"/> (a body that drips or stalls cannot hold the call forever).</summary>
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

    /// <summary>The id of what a 201 created, from <paramref name="idHeader"/>; a missing, malformed or repeated id is an ambiguous failure.</summary>
    internal static KlarnaCreated Created(HttpResponseMessage response, string idHeader)
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
            throw new KlarnaApiException(response.StatusCode, null, [$"The {idHeader} header of Klarna's {(int)response.StatusCode} answer {problem}."], KlarnaErrorParser.Header(response, KlarnaHttp.CorrelationIdHeader));
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
}
