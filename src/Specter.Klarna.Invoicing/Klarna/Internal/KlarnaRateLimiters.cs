using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Polly.RateLimiting;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>
/// One token bucket per merchant profile (Klarna counts its limit per merchant id), refilled every 100 ms with a tenth of
/// the per-second rate, so at most the configured rate is sent in any second. Requests over the rate wait in a FIFO
/// queue (up to <see cref="QueueLimit"/>) instead of meeting Klarna's 429s. Advisory only: other integrations of the
/// same merchant share Klarna's quota.
/// </summary>
internal sealed class KlarnaRateLimiters : IDisposable
{
    public const int QueueLimit = 100_000;

    private readonly ConcurrentDictionary<(string Merchant, int RequestsPerSecond), RateLimiter> _limiters = new();

    public RateLimiter For(string merchant, int requestsPerSecond) =>
        _limiters.GetOrAdd((merchant.ToUpperInvariant(), requestsPerSecond), static key => Create(key.RequestsPerSecond));

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }

        _limiters.Clear();
    }

    internal static TokenBucketRateLimiter Create(int requestsPerSecond)
    {
        var tenth = requestsPerSecond >= 10;
        var perPeriod = tenth ? requestsPerSecond / 10 : requestsPerSecond;
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perPeriod,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = tenth ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1),
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}

/// <summary>Innermost handler: takes a token from the merchant's bucket before every attempt (retries included).</summary>
internal sealed class KlarnaRateLimitHandler(KlarnaRateLimiters limiters, KlarnaMerchantResolver merchants) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(KlarnaHttp.Merchant, out var name))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var merchant = merchants.Resolve(name);
        var limiter = limiters.For(merchant.Name, merchant.Options.EffectiveRequestsPerSecond);
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new RateLimiterRejectedException($"The client-side Klarna rate limiter of merchant '{merchant.Name}' is full ({KlarnaRateLimiters.QueueLimit} queued requests).");
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
