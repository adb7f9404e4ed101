using System.Net;
using Polly.Timeout;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>How the orchestration must treat a failed Klarna call.</summary>
internal enum KlarnaFailureKind
{
    /// <summary>Klarna refused the request with its error body (4xx other than 408, 409, 429): nothing was executed; do not retry blindly.</summary>
    Definitive = 0,

    /// <summary>The request may or may not have been executed (409, 408, 429 after retries, 5xx, an unparseable answer, no answer): reconcile before a new key.</summary>
    Ambiguous = 1,
}

/// <summary>Classifies failures for the orchestration.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>401 is definitive even without a body: Klarna authenticates before it executes anything.</item>
/// <item>Other 4xx are definitive only with Klarna's error JSON; an unparseable 4xx may come from a proxy and is ambiguous.</item>
/// <item>409 CONFLICT is ambiguous (a concurrent duplicate under the same key), as are 408, 429 and every 5xx.</item>
/// <item>An <see cref="ArgumentException"/> (for example a POST without idempotency key) is definitive: nothing was sent.</item>
/// <item>Transport failures (<see cref="HttpRequestException"/>, <see cref="TimeoutRejectedException"/>, <see cref="OperationCanceledException"/>) are ambiguous.</item>
/// </list>
/// </remarks>
internal static class KlarnaFailureKinds
{
    public static KlarnaFailureKind Classify(HttpStatusCode statusCode, bool hasKlarnaErrorBody)
    {
        var code = (int)statusCode;
        if (code == 401)
        {
            return KlarnaFailureKind.Definitive;
        }

        if (code is >= 400 and < 500 and not 408 and not 409 and not 429 && hasKlarnaErrorBody)
        {
            return KlarnaFailureKind.Definitive;
        }

        return KlarnaFailureKind.Ambiguous;
    }

    /// <summary>Classifies any exception a client call can throw.</summary>
    public static KlarnaFailureKind Classify(Exception exception) => exception switch
    {
        KlarnaApiException api => api.FailureKind,
        ArgumentException => KlarnaFailureKind.Definitive,
        _ => KlarnaFailureKind.Ambiguous,
    };
}
