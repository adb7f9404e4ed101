using Polly.Timeout;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>What a failed send tells the user and support: Klarna's own words when Klarna answered, plainly what happened otherwise.</summary>
internal static class WriteFailures
{
    public static ActivationFailure From(KlarnaApiException exception) =>
        new((int)exception.StatusCode, exception.ErrorCode, exception.ErrorMessages, exception.CorrelationId);

    public static ActivationFailure From(Exception exception) => exception is KlarnaApiException api ? From(api) : Library(Describe(exception));

    public static ActivationFailure NotSent(ArgumentException exception) => Library("not sent: " + exception.Message);

    public static ActivationFailure Library(string message) => new(null, null, [message], null);

    private static string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException => "timeout waiting for Klarna",
        OperationCanceledException => "cancelled while waiting for Klarna",
        HttpRequestException http when http.HttpRequestError != HttpRequestError.Unknown => "transport error: " + http.HttpRequestError,
        HttpRequestException or IOException => "transport error: " + exception.GetType().Name,
        _ => "unexpected error: " + exception.GetType().Name + ": " + exception.Message,
    };
}
