using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Specter.Klarna.Invoicing.DependencyInjection.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing;

/// <summary>Registers the host's ledger and the optional recovery service.</summary>
public static class KlarnaInvoicingBuilderExtensions
{
    /// <summary>Registers the host's ledger implementation (scoped, so it may use a scoped database context).</summary>
    /// <typeparam name="TLedger">The ledger type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder AddLedger<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TLedger>(this IKlarnaInvoicingBuilder builder)
        where TLedger : class, IKlarnaInvoiceLedger
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Scoped<IKlarnaInvoiceLedger, TLedger>());
        return builder;
    }

    /// <summary>Registers a ledger built by a factory (singleton).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the ledger.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder AddLedger(this IKlarnaInvoicingBuilder builder, Func<IServiceProvider, IKlarnaInvoiceLedger> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        return builder;
    }

    /// <summary>Runs <see cref="IKlarnaInvoicing.RecoverAsync"/> on a schedule in a hosted service.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="interval">Time between runs.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder AddRecoveryService(this IKlarnaInvoicingBuilder builder, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KlarnaRecoveryService>(
            sp => ActivatorUtilities.CreateInstance<KlarnaRecoveryService>(sp, interval)));
        return builder;
    }
}
