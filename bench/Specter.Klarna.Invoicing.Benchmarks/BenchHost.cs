using System.Collections.Concurrent;
using System.Reflection;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>The library wired exactly as a host wires it (<c>AddKlarnaInvoicing</c>), over <see cref="StubKlarnaHandler"/>.</summary>
internal static class BenchHost
{
    public const string Merchant = "SE";
    public const string KlarnaOrderId = "f3392f8b-6116-4073-ab96-e330819e2c07";
    public const string IdempotencyKey = "0d7c4b8e-2a8f-5e51-9a35-6c1b6d0c9e11";
    public static readonly Uri BaseAddress = new("http://127.0.0.1:5999/");

    /// <summary>The highest client-side rate the options validator accepts.</summary>
    private const int RequestsPerSecond = 10_000;

    public static ServiceProvider Build(StubKlarnaHandler stub, IKlarnaInvoiceLedger ledger) => Build(ledger, BaseAddress, stub);

    /// <summary>The library over <paramref name="primaryHandler"/>, or over real sockets to <paramref name="baseAddress"/> when it is <see langword="null"/>.</summary>
    public static ServiceProvider Build(IKlarnaInvoiceLedger ledger, Uri baseAddress, HttpMessageHandler? primaryHandler) =>
        Build(ledger, baseAddress, primaryHandler, requestsPerSecond: null);

    /// <summary>
    /// As above; with <paramref name="requestsPerSecond"/> the merchant's real limiter runs at that rate (the rate-limited
    /// batch), without it the limit is lifted (<see cref="LiftRateLimit"/>).
    /// </summary>
    public static ServiceProvider Build(IKlarnaInvoiceLedger ledger, Uri baseAddress, HttpMessageHandler? primaryHandler, int? requestsPerSecond)
    {
        var services = new ServiceCollection();
        services.AddLogging(); // no providers: logging cost without sinks, as in the budget
        var builder = services
            .AddKlarnaInvoicing(o =>
            {
                o.IdempotencyNamespace = Guid.Parse("6f1c2a57-93a4-4f0e-8d3b-2a9f3c1d7e55");
                o.Merchants[Merchant] = new KlarnaMerchantOptions
                {
                    BaseAddress = baseAddress,
                    Username = "PK_SE_user",
                    Password = "se-secret-password",
                    RequestsPerSecond = requestsPerSecond ?? RequestsPerSecond,
                };
            })
            .AddLedger(_ => ledger);
        if (primaryHandler is not null)
        {
            builder.HttpClient.ConfigurePrimaryHttpMessageHandler(() => primaryHandler);
        }

        var provider = services.BuildServiceProvider(validateScopes: true);
        if (requestsPerSecond is null)
        {
            LiftRateLimit(provider.GetRequiredService<KlarnaRateLimiters>());
        }

        return provider;
    }

    /// <summary>
    /// A benchmark sends far more than 10 000 requests a second, so the real per-merchant token bucket would make every
    /// call wait for a token and we would measure the rate, not the overhead. Pre-seed the merchant's bucket with the
    /// same limiter type (<see cref="KlarnaRateLimiters.Create"/>) at a rate the benchmark never reaches: the acquire
    /// path stays in the measurement, the waiting does not.
    /// </summary>
    private static void LiftRateLimit(KlarnaRateLimiters limiters)
    {
        var field = typeof(KlarnaRateLimiters).GetField("_limiters", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("KlarnaRateLimiters._limiters not found: update BenchHost.LiftRateLimit.");
        var map = (ConcurrentDictionary<(string Merchant, int RequestsPerSecond), RateLimiter>)field.GetValue(limiters)!;
        if (!map.TryAdd((Merchant.ToUpperInvariant(), RequestsPerSecond), KlarnaRateLimiters.Create(100_000_000)))
        {
            throw new InvalidOperationException("The merchant's limiter already existed.");
        }
    }
}
