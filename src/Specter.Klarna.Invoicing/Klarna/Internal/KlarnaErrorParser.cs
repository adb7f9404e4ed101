using System.Text;
using System.Text.Json;
using Polly.Timeout;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Turns a Klarna non-success answer into <see cref="KlarnaApiException"/> (shared by the Order Management and Settlements clients).</summary>
internal static class KlarnaErrorParser
{
    /// <summary>The most of an error body read: Klarna's error JSON is small; anything beyond is not read.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>Klarna's refusal as <see cref="KlarnaApiException"/>, reading at most 64 KiB of the error body within <paramref name="readTimeout"/>.</summary>
    internal static async Task<KlarnaApiException> CreateExceptionAsync(HttpResponseMessage response, string? correlationId, TimeSpan readTimeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await KlarnaResponseReader.ReadBodyAsync(response.Content, MaxErrorBodyBytes, readTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The first value of a response header, as an excerpt (Klarna's correlation id, an id header).</summary>
    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() is { } value ? Excerpt(value) : null : null;

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
}
