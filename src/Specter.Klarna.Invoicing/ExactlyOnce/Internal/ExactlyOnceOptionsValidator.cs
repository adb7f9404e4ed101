using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>
/// Refuses, at start-up, option combinations under which the engine could send twice: they span the invoicing options,
/// the Klarna client's timeouts and the <see cref="HttpClient"/>'s own timeout, so each message names both values.
/// </summary>
internal sealed class ExactlyOnceOptionsValidator(IOptionsMonitor<KlarnaTimeoutOptions> timeouts, IOptionsMonitor<HttpClientFactoryOptions> httpClients) : IValidateOptions<KlarnaInvoicingOptions>
{
    public ValidateOptionsResult Validate(string? name, KlarnaInvoicingOptions options)
    {
        var t = timeouts.Get(KlarnaHttp.ClientName);
        var builder = new ValidateOptionsResultBuilder();
        var bound = ExactlyOnceLimits.BoundFor(t);
        if (options.IdempotencyKeyLifetime + bound > ExactlyOnceLimits.KlarnaKeyWindow)
        {
            builder.AddError(
                $"IdempotencyKeyLifetime ({options.IdempotencyKeyLifetime}) plus the longest a request can stay in flight (TotalRequestTimeout {t.TotalRequestTimeout} + {ExactlyOnceLimits.InFlightMargin.TotalSeconds:0} s margin) must end within Klarna's 24-hour idempotency window: a re-send after it could capture twice.",
                nameof(options.IdempotencyKeyLifetime));
        }

        if (options.RecoveryGracePeriod < t.TotalRequestTimeout)
        {
            builder.AddError(
                $"RecoveryGracePeriod ({options.RecoveryGracePeriod}) must be at least the Klarna client's TotalRequestTimeout ({t.TotalRequestTimeout}): recovery must not re-send a capture whose first send is still in flight.",
                nameof(options.RecoveryGracePeriod));
        }

        var httpTimeout = HttpClientTimeout();
        if (httpTimeout != Timeout.InfiniteTimeSpan && (t.WriteAttemptTimeout > httpTimeout || t.TotalRequestTimeout > httpTimeout))
        {
            builder.AddError(
                $"The Klarna HttpClient's Timeout ({httpTimeout}) must be at least the TotalRequestTimeout ({t.TotalRequestTimeout}) and every attempt timeout (write {t.WriteAttemptTimeout}): it would cut a capture off without the library knowing.",
                nameof(KlarnaTimeoutOptions));
        }

        return builder.Build();
    }

    // Applies the host's HttpClient configuration to a bare client (no handlers are built) to read the timeout it sets.
    private TimeSpan HttpClientTimeout()
    {
        using var probe = new HttpClient();
        foreach (var configure in httpClients.Get(KlarnaHttp.ClientName).HttpClientActions)
        {
            configure(probe);
        }

        return probe.Timeout;
    }
}
