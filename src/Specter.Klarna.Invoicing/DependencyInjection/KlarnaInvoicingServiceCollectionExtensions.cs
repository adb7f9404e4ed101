using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Specter.Klarna.Invoicing.ExactlyOnce.Internal;
using Specter.Klarna.Invoicing;
using Specter.Klarna.Invoicing.DependencyInjection.Internal;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Specter.Klarna.Invoicing in an <see cref="IServiceCollection"/>.</summary>
public static class KlarnaInvoicingServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IKlarnaInvoicing"/> and its Klarna Order Management HTTP client. Calling it again only adds configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="KlarnaInvoicingOptions"/> (merchant profiles, credentials, idempotency namespace).</param>
    /// <returns>A builder to register the ledger and tune the HTTP client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IKlarnaInvoicingBuilder AddKlarnaInvoicing(this IServiceCollection services, Action<KlarnaInvoicingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddCore(services);
    }

    /// <summary>Adds <see cref="IKlarnaInvoicing"/> bound to a configuration section (for example <c>Klarna</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding <see cref="KlarnaInvoicingOptions"/>.</param>
    /// <returns>A builder to register the ledger and tune the HTTP client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="section"/> is <see langword="null"/>.</exception>
    public static IKlarnaInvoicingBuilder AddKlarnaInvoicing(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<KlarnaInvoicingOptions>().Bind(section);
        return AddCore(services);
    }

    private static KlarnaInvoicingBuilder AddCore(IServiceCollection services)
    {
        KlarnaClientOptionsView.Register(services);
        var httpClient = services.AddKlarnaOrderManagementClient();
        services.AddOptions<KlarnaInvoicingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KlarnaInvoicingOptions>, InvoicingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<InvoicingTelemetry>();
        services.TryAddSingleton<ExactlyOnceMetrics>();
        services.TryAddSingleton<ExactlyOnceLimits>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KlarnaInvoicingOptions>, ExactlyOnceOptionsValidator>());
        // Transient like the service: the ledger they write through may be scoped.
        services.TryAddTransient<ExactlyOnceEngine>();
        services.TryAddTransient<CaptureWrite>();
        services.TryAddTransient<IKlarnaInvoicing, KlarnaInvoicingService>();
        return new KlarnaInvoicingBuilder(services, httpClient);
    }
}
