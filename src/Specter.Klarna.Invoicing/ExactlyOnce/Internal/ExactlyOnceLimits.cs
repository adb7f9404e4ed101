using Microsoft.Extensions.Options;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>The engine's clock rules, derived from the invoicing options and the Klarna client's timeouts.</summary>
/// <remarks>
/// Klarna honours an idempotency key for 24 hours. A send may be in flight for the client's whole request timeout, and
/// Klarna may still finish a request its caller gave up on: <see cref="InFlightBound"/> adds <see cref="InFlightMargin"/>
/// for that. Recovery re-sends per Klarna's retry policy: about 5 s, then 5 min, then every 5 h, with the same key.
/// </remarks>
internal sealed class ExactlyOnceLimits(IOptionsMonitor<KlarnaInvoicingOptions> invoicing, IOptionsMonitor<KlarnaTimeoutOptions> timeouts)
{
    /// <summary>Klarna's idempotency window.</summary>
    public static readonly TimeSpan KlarnaKeyWindow = TimeSpan.FromHours(24);

    /// <summary>How long Klarna may still work on a request after the client stopped waiting (its own server timeouts are 30-59 s).</summary>
    public static readonly TimeSpan InFlightMargin = TimeSpan.FromSeconds(90);

    /// <summary>Klarna's retry policy for writes whose outcome is not known, by re-send number.</summary>
    public static readonly TimeSpan[] RetrySchedule = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromHours(5)];

    /// <summary>Gets how long a record's key may be re-sent, counted from its first send.</summary>
    public TimeSpan KeyLifetime => invoicing.CurrentValue.IdempotencyKeyLifetime;

    /// <summary>Gets how old a pending record must be before recovery touches it.</summary>
    public TimeSpan GracePeriod => invoicing.CurrentValue.RecoveryGracePeriod;

    /// <summary>Gets the longest time a send can be in flight, from its start until Klarna can no longer act on it.</summary>
    public TimeSpan InFlightBound => BoundFor(timeouts.Get(KlarnaHttp.ClientName));

    /// <summary>The in-flight bound for the given timeouts.</summary>
    public static TimeSpan BoundFor(KlarnaTimeoutOptions timeouts) => timeouts.TotalRequestTimeout + InFlightMargin;

    /// <summary>How long after a send recovery waits before sending again, by how many re-sends were made.</summary>
    public static TimeSpan Backoff(int resends) => RetrySchedule[Math.Clamp(resends, 0, RetrySchedule.Length - 1)];
}
