using Polly.Timeout;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>
/// Turns a failed capture call into the invoice's next state: a definite refusal (Failed: a new attempt is safe) or
/// ambiguous (Unknown: Klarna may have captured, so only the same key or reading the order may settle it).
/// The client's <see cref="KlarnaFailureKinds"/> decides which is which.
/// </summary>
internal static class ActivationOutcomeClassifier
{
    public static bool IsDefinitiveRefusal(KlarnaApiException exception) => exception.FailureKind == KlarnaFailureKind.Definitive;

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
