using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>
/// The Klarna client's single resilience pipeline: total timeout → retry → attempt timeout. No hedging, no circuit breaker.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Retries only requests the client marked retryable: GETs, and POST/PATCH carrying <c>Klarna-Idempotency-Key</c>
/// (every POST/PATCH must carry one). Only on 408, 429, 5xx, <see cref="HttpRequestException"/> and (GETs only) attempt
/// timeouts; never on another 4xx, and never a write whose attempt timed out (Klarna may still be working on it).
/// <c>Retry-After</c> is honoured up to <see cref="MaxRetryAfter"/>.</item>
/// <item>GET: attempt timeout 10 s, up to 2 retries. POST/PATCH: attempt timeout 30 s (shorter than Klarna's 30–59 s
/// server timeouts would make slow successes ambiguous), at most 1 retry; longer retries with the same key belong to
/// the durable orchestration (Klarna's policy: 5 s, 5 min, 5 h within 24 h).</item>
/// <item>Total timeout 65 s; backoff exponential with jitter from 1 s, capped at 20 s.</item>
/// </list>
/// Hosts can replace the pipeline through the returned <c>IHttpClientBuilder</c>.
/// </remarks>
internal static class KlarnaResilience
{
    public const string PipelineName = "klarna-om";

    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);
    public const int MaxReadRetries = 2;
    public const int MaxWriteRetries = 1;

    /// <summary>Set by the client: the request may be retried (a GET, or a keyed POST/PATCH).</summary>
    public static readonly ResiliencePropertyKey<bool> Retryable = new("Specter.Klarna.Invoicing.Retryable");

    /// <summary>Set by the pipeline when it retried the request: the final answer is to a repeat.</summary>
    public static readonly ResiliencePropertyKey<bool> Retried = new("Specter.Klarna.Invoicing.Retried");

    /// <summary>The longest <c>Retry-After</c> honoured in-process; a longer wait belongs to the durable recovery.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(20);

    /// <summary>Set by the client: the request is a write (POST/PATCH), with the longer attempt timeout and fewer retries.</summary>
    public static readonly ResiliencePropertyKey<bool> IsWrite = new("Specter.Klarna.Invoicing.IsWrite");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder) => Configure(builder, new KlarnaTimeoutOptions());

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, KlarnaTimeoutOptions timeouts)
    {
        TimeSpan read = timeouts.ReadAttemptTimeout, write = timeouts.WriteAttemptTimeout;
        builder
            .AddTimeout(new TimeoutStrategyOptions { Name = "klarna-total-timeout", Timeout = timeouts.TotalRequestTimeout })
            .AddRetry(new HttpRetryStrategyOptions
            {
                Name = "klarna-retry",
                MaxRetryAttempts = MaxReadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = MaxDelay,
                ShouldRetryAfterHeader = false,
                DelayGenerator = static args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args)),
                OnRetry = static args =>
                {
                    args.Context.Properties.Set(Retried, true);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                Name = "klarna-attempt-timeout",
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(IsWrite, false) ? write : read),
            });
    }

    /// <summary>Klarna's <c>Retry-After</c> in delta seconds, capped at <see cref="MaxRetryAfter"/>; <see langword="null"/> (absent, or a date) uses the backoff.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response?.Headers.RetryAfter?.Delta is not { } wait ? null
        : wait <= TimeSpan.Zero ? TimeSpan.Zero
        : wait > MaxRetryAfter ? MaxRetryAfter
        : wait;

    internal static bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (!args.Context.Properties.GetValue(Retryable, false))
        {
            return false;
        }

        bool isWrite = args.Context.Properties.GetValue(IsWrite, false);
        if (isWrite && args.AttemptNumber >= MaxWriteRetries)
        {
            return false;
        }

        if (isWrite && args.Outcome.Exception is TimeoutRejectedException)
        {
            // Klarna may still be working on a write whose attempt timed out: a repeat now would race it. Recovery settles it.
            return false;
        }

        return HttpClientResiliencePredicates.IsTransient(args.Outcome);
    }
}
