using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Specter.Klarna.Invoicing.DependencyInjection.Internal;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Settlements.Internal;

namespace Specter.Klarna.Invoicing;

/// <summary>Registers payment marking from Klarna payouts (<see cref="IKlarnaPaymentMarking"/>), its store and the optional scheduled import.</summary>
public static class KlarnaPaymentMarkingBuilderExtensions
{
    /// <summary>Adds <see cref="IKlarnaPaymentMarking"/> and the Klarna Settlements client (same merchant profiles, authentication, resilience and rate limit as Order Management).</summary>
    /// <remarks>The marking store comes with the ledger: <c>UseSqlitePaymentMarking</c>/<c>UsePostgreSqlPaymentMarking</c>, the
    /// testing package's <c>UseInMemoryLedger</c>, or the host's own through <see cref="AddPaymentMarkingStore"/>.</remarks>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures <see cref="KlarnaPaymentMarkingOptions"/>, or <see langword="null"/>.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder AddPaymentMarking(this IKlarnaInvoicingBuilder builder, Action<KlarnaPaymentMarkingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<KlarnaPaymentMarkingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddKlarnaSettlementsClient();
        builder.Services.TryAddSingleton<IKlarnaPaymentMarkingStore>(static _ =>
            throw new InvalidOperationException("No IKlarnaPaymentMarkingStore is registered: call AddPaymentMarkingStore (or the SQLite/PostgreSQL store extension) beside the ledger."));
        builder.Services.TryAddTransient<IKlarnaPaymentMarking, KlarnaPaymentMarkingService>();
        return builder;
    }

    /// <summary>Registers the host's payment-marking store, built by a factory (singleton).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the store.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder AddPaymentMarkingStore(this IKlarnaInvoicingBuilder builder, Func<IServiceProvider, IKlarnaPaymentMarkingStore> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        return builder;
    }

    /// <summary>Imports the payouts of the last <see cref="KlarnaPaymentMarkingOptions.ImportLookback"/> on a schedule in a hosted service (driven by <see cref="TimeProvider"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="interval">Time between runs.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder AddPayoutImportService(this IKlarnaInvoicingBuilder builder, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        builder.AddPaymentMarking();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KlarnaPayoutImportService>(
            sp => ActivatorUtilities.CreateInstance<KlarnaPayoutImportService>(sp, interval)));
        return builder;
    }
}
