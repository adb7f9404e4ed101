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
    /// <summary>Registers the host's ledger implementation, scoped: one instance per scope, so it may use a scoped database context.</summary>
    /// <remarks>
    /// The factory overload registers a singleton instead, on purpose: a factory usually hands back one ledger built once
    /// (the SQLite, PostgreSQL and in-memory ledgers open a connection per call and are safe to share); as a scoped
    /// registration the container would dispose that shared instance at the end of every scope.
    /// </remarks>
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

    /// <summary>Registers a ledger built by a factory, as a singleton: the factory runs once and its ledger serves every scope.</summary>
    /// <remarks>
    /// Not scoped like <see cref="AddLedger{TLedger}(IKlarnaInvoicingBuilder)"/>, on purpose: a factory usually returns one shared
    /// ledger (the SQLite, PostgreSQL and in-memory ledgers are safe for concurrent use), which a scoped registration would
    /// dispose at the end of every scope. The ledger must therefore be safe for concurrent use; a ledger over a scoped
    /// database context belongs in <see cref="AddLedger{TLedger}(IKlarnaInvoicingBuilder)"/>.
    /// </remarks>
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
