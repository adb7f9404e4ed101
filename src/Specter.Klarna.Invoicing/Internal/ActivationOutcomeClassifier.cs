using System.Net;
using Polly.Timeout;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>
/// Decides whether a failed capture call is a definite refusal (Failed: a new attempt is safe) or ambiguous
/// (Unknown: Klarna may have captured, so only the same key or reading the order may settle it).
/// </summary>
internal static class ActivationOutcomeClassifier
{
    public static bool IsDefinitiveRefusal(KlarnaApiException exception) =>
        exception.ErrorCode is not null
        && (int)exception.StatusCode is >= 400 and < 500
        && exception.StatusCode is not (HttpStatusCode.Conflict or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    public static bool IsTransport(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException or IOException;

    public static ActivationFailure ToFailure(KlarnaApiException exception) =>
        new((int)exception.StatusCode, exception.ErrorCode, exception.ErrorMessages, exception.CorrelationId);

    public static ActivationFailure ToFailure(Exception transport) =>
        new(null, null, [Describe(transport)], null);

    private static string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException => "timeout waiting for Klarna",
        OperationCanceledException => "cancelled while waiting for Klarna",
        HttpRequestException http when http.HttpRequestError != HttpRequestError.Unknown => "transport error: " + http.HttpRequestError,
        _ => "transport error: " + exception.GetType().Name,
    };
}
