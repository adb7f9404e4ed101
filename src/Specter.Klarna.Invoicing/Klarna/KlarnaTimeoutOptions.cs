namespace Specter.Klarna.Invoicing;

/// <summary>Timeouts of the Klarna Order Management HTTP client; change them with <c>ConfigureKlarnaTimeouts</c> on the builder's <c>HttpClient</c>.</summary>
/// <remarks>
/// Retries stay the library's own (GETs and keyed POST/PATCH only, on 408/429/5xx/transport errors); only the timeouts are the host's to tune.
/// A write attempt that times out leaves the invoice <see cref="ActivationState.Unknown"/>, so keep it above Klarna's own server-side timeout.
/// </remarks>
public sealed class KlarnaTimeoutOptions
{
    /// <summary>Gets or sets the timeout of one GET attempt.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan ReadAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the timeout of one POST/PATCH attempt (captures, refunds, releases).</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan WriteAttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the timeout of a whole call, retries included.</summary>
    /// <value>The default value is 65 seconds.</value>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(65);
}
