namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Names and keys shared by the client and its handlers.</summary>
internal static class KlarnaHttp
{
    /// <summary>The name of the typed <see cref="HttpClient"/>.</summary>
    public const string ClientName = "Specter.Klarna.Invoicing.OrderManagement";

    public const string IdempotencyKeyHeader = "Klarna-Idempotency-Key";

    public const string CorrelationIdHeader = "Klarna-Correlation-Id";

    /// <summary>The merchant profile name a request is sent for; the authentication handler and rate limiter read it.</summary>
    public static readonly HttpRequestOptionsKey<string> Merchant = new("Specter.Klarna.Invoicing.Merchant");

    public static bool IsWrite(HttpMethod method) => method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options;
}
