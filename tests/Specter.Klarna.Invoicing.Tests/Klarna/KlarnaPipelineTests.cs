using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Tests.Klarna;

public sealed class KlarnaPipelineTests
{
    [Fact]
    public void Pipeline_IsTotalTimeoutRetryAttemptTimeout_NoHedgingNoBreaker()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        KlarnaResilience.Configure(builder);

        var descriptor = builder.Build().GetPipelineDescriptor();

        descriptor.Strategies.Select(s => s.Options?.GetType()).Should().Equal(typeof(TimeoutStrategyOptions), typeof(HttpRetryStrategyOptions), typeof(TimeoutStrategyOptions));
        ((TimeoutStrategyOptions)descriptor.Strategies[0].Options!).Timeout.Should().Be(TimeSpan.FromSeconds(65));
        var retry = (HttpRetryStrategyOptions)descriptor.Strategies[1].Options!;
        retry.MaxRetryAttempts.Should().Be(2);
        retry.ShouldRetryAfterHeader.Should().BeFalse("Retry-After is read by the library's own capped delay generator");
        retry.DelayGenerator.Should().NotBeNull();
        retry.UseJitter.Should().BeTrue();
        retry.BackoffType.Should().Be(DelayBackoffType.Exponential);
        retry.Delay.Should().Be(TimeSpan.FromSeconds(1));
        retry.MaxDelay.Should().Be(TimeSpan.FromSeconds(20));
        var defaults = new KlarnaTimeoutOptions();
        defaults.ReadAttemptTimeout.Should().Be(TimeSpan.FromSeconds(10));
        defaults.WriteAttemptTimeout.Should().Be(TimeSpan.FromSeconds(30));
        defaults.TotalRequestTimeout.Should().Be(TimeSpan.FromSeconds(65));
        KlarnaResilience.MaxWriteRetries.Should().Be(1);
    }

    [Theory]
    [InlineData(true, false, 503, 0, true)]
    [InlineData(true, true, 503, 0, true)]
    [InlineData(true, true, 503, 1, false)]
    [InlineData(true, false, 503, 1, true)]
    [InlineData(false, false, 503, 0, false)]
    [InlineData(true, false, 403, 0, false)]
    [InlineData(true, false, 400, 0, false)]
    [InlineData(true, false, 408, 0, true)]
    [InlineData(true, false, 429, 0, true)]
    [InlineData(true, false, 500, 0, true)]
    public void ShouldRetry_OnlyRetryableRequestsOnTransientOutcomes(bool retryable, bool write, int status, int attempt, bool expected)
    {
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(KlarnaResilience.Retryable, retryable);
        context.Properties.Set(KlarnaResilience.IsWrite, write);
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        var args = new RetryPredicateArguments<HttpResponseMessage>(context, Outcome.FromResult(response), attempt);

        KlarnaResilience.ShouldRetry(args).Should().Be(expected);
        ResilienceContextPool.Shared.Return(context);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void ShouldRetry_AWriteWhoseAttemptTimedOut_IsNeverRepeated_AReadIs(bool write, bool expected)
    {
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(KlarnaResilience.Retryable, true);
        context.Properties.Set(KlarnaResilience.IsWrite, write);

        var args = new RetryPredicateArguments<HttpResponseMessage>(context, Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), 0);

        KlarnaResilience.ShouldRetry(args).Should().Be(expected);
        ResilienceContextPool.Shared.Return(context);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(2, 2)]
    [InlineData(20, 20)]
    [InlineData(3600, 20)]
    public void RetryAfter_IsHonouredUpToTwentySeconds(int? retryAfterSeconds, int? expectedSeconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        KlarnaResilience.RetryAfter(response).Should().Be(expectedSeconds is { } e ? TimeSpan.FromSeconds(e) : null);
    }
}
