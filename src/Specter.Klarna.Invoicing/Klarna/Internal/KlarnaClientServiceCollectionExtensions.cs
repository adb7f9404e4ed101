using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Registers the Klarna Order Management client; the public <c>AddKlarnaInvoicing</c> calls this.</summary>
internal static class KlarnaClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IKlarnaOrderManagementClient"/> over a typed <see cref="HttpClient"/> named <see cref="KlarnaHttp.ClientName"/>,
    /// options validation on start, <see cref="TimeProvider.System"/> (unless registered), and the handler chain
    /// authentication → one resilience handler (<see cref="KlarnaResilience"/>) → per-merchant rate limiter → primary
    /// handler with redirects off. Idempotent: a second call adds nothing and returns a builder for the same client.
    /// </summary>
    /// <remarks>
    /// Resilience handlers a host adds to every client (<c>ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler())</c>)
    /// are removed from this client, so retries never stack. Hosts tune the pipeline through the returned builder.
    /// </remarks>
    internal static IHttpClientBuilder AddKlarnaOrderManagementClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(KlarnaClientMarker)))
        {
            return new KlarnaHttpClientBuilder(services, KlarnaHttp.ClientName);
        }

        services.AddSingleton<KlarnaClientMarker>();
        services.AddOptions<KlarnaClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KlarnaClientOptions>, KlarnaClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KlarnaMerchantResolver>();
        services.TryAddSingleton<KlarnaRateLimiters>();
        services.AddMetrics();
        services.TryAddSingleton<KlarnaTelemetry>();
        services.TryAddTransient<KlarnaAuthenticationHandler>();
        services.TryAddTransient<KlarnaRateLimitHandler>();

        var builder = services
            .AddHttpClient<IKlarnaOrderManagementClient, KlarnaOrderManagementClient>(KlarnaHttp.ClientName)
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) =>
            {
                // An OM API has no legitimate redirect; following one could forward credentials.
                switch (handler)
                {
                    case SocketsHttpHandler sockets:
                        sockets.AllowAutoRedirect = false;
                        sockets.AutomaticDecompression = DecompressionMethods.All;
                        break;
                    case HttpClientHandler client:
                        client.AllowAutoRedirect = false;
                        break;
                }
            })
            .ConfigureAdditionalHttpMessageHandlers(static (handlers, _) =>
            {
                for (var i = handlers.Count - 1; i >= 0; i--)
                {
                    if (handlers[i] is ResilienceHandler)
                    {
                        handlers.RemoveAt(i);
                    }
                }
            })
            .AddHttpMessageHandler<KlarnaAuthenticationHandler>();
        services.AddOptions<KlarnaTimeoutOptions>(KlarnaHttp.ClientName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KlarnaTimeoutOptions>, KlarnaTimeoutOptionsValidator>());
        builder.AddResilienceHandler(KlarnaResilience.PipelineName, static (pipeline, context) =>
            KlarnaResilience.Configure(pipeline, context.GetOptions<KlarnaTimeoutOptions>(KlarnaHttp.ClientName)));
        builder.AddHttpMessageHandler<KlarnaRateLimitHandler>();
        // The factory's default request loggers redact header values in the message text but expose the raw values
        // (Authorization included) in the structured log state; our own Log events replace them.
        builder.RemoveAllLoggers();
        builder.RedactLoggedHeaders([KlarnaHttp.IdempotencyKeyHeader, "Authorization"]);
        return builder;
    }

    private sealed class KlarnaClientMarker;

    private sealed class KlarnaHttpClientBuilder(IServiceCollection services, string name) : IHttpClientBuilder
    {
        public string Name { get; } = name;

        public IServiceCollection Services { get; } = services;
    }
}
