using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly.RateLimiting;
using Specter.Klarna.Invoicing.DependencyInjection.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Tests.Klarna;

public sealed class KlarnaClientRegistrationTests
{
    private static List<HttpMessageHandler> Chain(IServiceProvider services)
    {
        var handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(KlarnaHttp.ClientName);
        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(current);
        }

        return chain;
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.Configure<KlarnaInvoicingOptions>(o => o.Merchants["se"] = new KlarnaMerchantOptions { Username = "u", Password = "p" });
        KlarnaClientOptionsView.Register(services);
        configure(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Registration_ResolvesClient_WithOneResilienceHandler_AndNoRedirects()
    {
        using var provider = Build(s => s.AddKlarnaOrderManagementClient());

        provider.GetRequiredService<IKlarnaOrderManagementClient>().Should().BeOfType<KlarnaOrderManagementClient>();
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
        var chain = Chain(provider);
        chain.OfType<ResilienceHandler>().Should().ContainSingle();
        chain.Select(h => h.GetType().Name).Should().ContainInOrder(nameof(KlarnaAuthenticationHandler), nameof(ResilienceHandler), nameof(KlarnaRateLimitHandler));
        chain[^1].Should().BeOfType<SocketsHttpHandler>().Which.AllowAutoRedirect.Should().BeFalse();
    }

    [Fact]
    public void Registration_Twice_AddsNothingTwice()
    {
        using var once = Build(s => s.AddKlarnaOrderManagementClient());
        var services = new ServiceCollection();
        services.AddKlarnaOrderManagementClient();
        var count = services.Count;
        var second = services.AddKlarnaOrderManagementClient();
        services.Count.Should().Be(count);
        second.Name.Should().Be(KlarnaHttp.ClientName);
        services.Configure<KlarnaInvoicingOptions>(o => o.Merchants["se"] = new KlarnaMerchantOptions { Username = "u", Password = "p" });
        KlarnaClientOptionsView.Register(services);
        using var twice = services.BuildServiceProvider();

        Chain(twice).Select(h => h.GetType()).Should().Equal(Chain(once).Select(h => h.GetType()));
        twice.GetServices<IValidateOptions<KlarnaClientOptions>>().OfType<KlarnaClientOptionsValidator>().Should().ContainSingle();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void HostWideStandardResilience_DoesNotStackOnOurClient(bool hostDefaultsFirst)
    {
        using var provider = Build(s =>
        {
            if (hostDefaultsFirst)
            {
                s.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
            }

            s.AddKlarnaOrderManagementClient();
            if (!hostDefaultsFirst)
            {
                s.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
            }
        });

        Chain(provider).OfType<ResilienceHandler>().Should().ContainSingle("our own pipeline is the only retry layer");
        var other = new List<HttpMessageHandler>();
        for (HttpMessageHandler? h = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("someone-else"); h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            other.Add(h);
        }

        other.OfType<ResilienceHandler>().Should().ContainSingle("the host's default still applies to other clients");
    }

    [Fact]
    public async Task HostWideStandardResilience_503_IsTriedOnlyOurNumberOfTimes()
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        using var host = new KlarnaTestHost(stub, services: s => s.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler()));

        var act = () => host.DriveAsync(host.Client.CreateCaptureAsync(null, KlarnaTestHost.OrderId, KlarnaTestHost.CaptureBody(), "k", CancellationToken.None));

        await act.Should().ThrowAsync<KlarnaApiException>();
        stub.Attempts.Should().Be(1 + KlarnaResilience.MaxWriteRetries);
    }

    [Fact]
    public void RateLimiters_ArePerMerchant_AndPaced()
    {
        using var limiters = new KlarnaRateLimiters();

        var se = limiters.For("se", 10);
        limiters.For("SE", 10).Should().BeSameAs(se);
        limiters.For("no", 10).Should().NotBeSameAs(se);
        using var first = se.AttemptAcquire();
        using var second = se.AttemptAcquire();
        first.IsAcquired.Should().BeTrue();
        second.IsAcquired.Should().BeFalse("10 requests per second means 1 per 100 ms");
        using var other = limiters.For("no", 10).AttemptAcquire();
        other.IsAcquired.Should().BeTrue("Norway's bucket is independent");
    }

    [Theory]
    [InlineData(150, 15)]
    [InlineData(40, 4)]
    [InlineData(5, 5)]
    public void RateLimiter_BurstIsAtMostATenthOfTheRate(int rps, int burst)
    {
        using var limiter = KlarnaRateLimiters.Create(rps);

        limiter.GetStatistics()!.CurrentAvailablePermits.Should().Be(burst);
    }

    [Fact]
    public async Task RateLimitHandler_QueuesRequestsOverTheRate()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.NoContent), o => o.Merchants["se"].RequestsPerSecond = 1);

        await host.Client.CancelOrderAsync(null, KlarnaTestHost.OrderId, "k1", CancellationToken.None);
        // The bucket refills on a real one-second tick: start right after a tick, so a slow machine cannot race it.
        var limiter = host.Services.GetRequiredService<KlarnaRateLimiters>().For("se", 1);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (limiter.GetStatistics()!.CurrentAvailablePermits == 0 && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(5);
        }

        await host.Client.CancelOrderAsync(null, KlarnaTestHost.OrderId, "k2", CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var queued = host.Client.CancelOrderAsync(null, KlarnaTestHost.OrderId, "k3", cts.Token);
        // A positive signal, not a sleep: the third request is seen waiting in the limiter's queue.
        var queuedFor = System.Diagnostics.Stopwatch.StartNew();
        while (limiter.GetStatistics()!.CurrentQueuedCount == 0 && !queued.IsCompleted && queuedFor.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Yield();
        }

        limiter.GetStatistics()!.CurrentQueuedCount.Should().Be(1, "the bucket is empty until the next second");
        queued.IsCompleted.Should().BeFalse();
        host.Stub.Attempts.Should().Be(2);
        await cts.CancelAsync();
        await FluentActions.Awaiting(() => queued).Should().ThrowAsync<OperationCanceledException>();
        host.Stub.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task Logs_HaveStableEventIds_AndNeverSecretsOrBodies()
    {
        var stub = new StubHandler((request, attempt, _) => Task.FromResult(attempt switch
        {
            1 => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(KlarnaTestHost.Fixture("dotnet-OrderManagementGetOrderResponse.json")) },
            _ => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(KlarnaTestHost.Fixture("issue-krokedil-585-capture-not-allowed-error.json")) },
        }));
        using var host = new KlarnaTestHost(stub);

        await host.Client.GetOrderAsync(null, KlarnaTestHost.OrderId, CancellationToken.None);
        var capture = () => host.Client.CreateCaptureAsync(null, KlarnaTestHost.OrderId, KlarnaTestHost.CaptureBody(), "idem-key-secret-ish", CancellationToken.None);
        var exception = (await capture.Should().ThrowAsync<KlarnaApiException>()).Which;

        var records = host.Logs.GetSnapshot();
        records.Should().Contain(r => r.Id.Id == 3100 && r.Id.Name == "KlarnaRequestSucceeded");
        records.Should().Contain(r => r.Id.Id == 3101 && r.Id.Name == "KlarnaRequestFailed" && r.Message.Contains("CAPTURE_NOT_ALLOWED") && r.Message.Contains("XXX"));
        var everything = string.Join("\n", records.Select(r => r.Message + " " + string.Join(";", r.StructuredState?.Select(s => s.Key + "=" + s.Value) ?? [])))
            + exception.ToString();
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(KlarnaTestHost.Username + ":" + KlarnaTestHost.Password));
        everything.Should().NotContain(KlarnaTestHost.Password).And.NotContain(basic).And.NotContain("Basic ")
            .And.NotContain("Klara").And.NotContain("klara.joyce@klarna.com").And.NotContain("Tomatoes").And.NotContain("idem-key-secret-ish");
    }

    [Fact]
    public async Task Telemetry_EmitsSpanAndMetrics()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Specter.Klarna.Invoicing",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var instruments = new List<string>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Specter.Klarna.Invoicing")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((i, _, tags, _) => { lock (instruments) { instruments.Add(i.Name + ":" + TagValue(tags, "klarna.error_code")); } });
        meterListener.SetMeasurementEventCallback<double>((i, _, _, _) => { lock (instruments) { instruments.Add(i.Name); } });
        meterListener.Start();
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.Forbidden, KlarnaTestHost.Fixture("docs-cancel-error-cancel-not-allowed.json")));

        var act = () => host.Client.CancelOrderAsync(null, "telemetry-order", "k", CancellationToken.None);
        await act.Should().ThrowAsync<KlarnaApiException>();

        lock (activities)
        {
            activities.Should().Contain(a => a.OperationName == "Klarna CancelOrder" && (string?)a.GetTagItem("klarna.order_id") == "telemetry-order" && a.Status == ActivityStatusCode.Error);
        }

        lock (instruments)
        {
            instruments.Should().Contain("klarna.om.requests:").And.Contain("klarna.om.request.duration").And.Contain("klarna.om.errors:CANCEL_NOT_ALLOWED");
        }
    }

    private static string? TagValue(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
