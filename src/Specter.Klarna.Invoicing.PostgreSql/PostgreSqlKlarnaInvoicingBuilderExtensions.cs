using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Specter.Klarna.Invoicing.PostgreSql;

namespace Specter.Klarna.Invoicing;

/// <summary>Registers the PostgreSQL ledger.</summary>
public static class PostgreSqlKlarnaInvoicingBuilderExtensions
{
    /// <summary>Uses a <see cref="PostgreSqlKlarnaInvoiceLedger"/> with its own data source on <paramref name="connectionString"/> (singleton; also resolvable as <see cref="PostgreSqlKlarnaInvoiceLedger"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder UsePostgreSqlLedger(this IKlarnaInvoicingBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UsePostgreSqlLedger(_ => new PostgreSqlKlarnaInvoiceLedger(connectionString));
    }

    /// <summary>Uses a <see cref="PostgreSqlKlarnaInvoiceLedger"/> over the host's <see cref="NpgsqlDataSource"/>, resolved from the container.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder UsePostgreSqlDataSourceLedger(this IKlarnaInvoicingBuilder builder) =>
        builder.UsePostgreSqlLedger(sp => new PostgreSqlKlarnaInvoiceLedger(sp.GetRequiredService<NpgsqlDataSource>()));

    private static IKlarnaInvoicingBuilder UsePostgreSqlLedger(this IKlarnaInvoicingBuilder builder, Func<IServiceProvider, PostgreSqlKlarnaInvoiceLedger> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        return builder.AddLedger(sp => sp.GetRequiredService<PostgreSqlKlarnaInvoiceLedger>());
    }
}
