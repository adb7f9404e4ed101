using Specter.Klarna.Invoicing.PostgreSql;

namespace Specter.Klarna.Invoicing;

/// <summary>Registers payment marking with its PostgreSQL store.</summary>
public static class PostgreSqlPaymentMarkingBuilderExtensions
{
    /// <summary>Adds payment marking (<c>AddPaymentMarking</c>) with a <see cref="PostgreSqlKlarnaPaymentMarkingStore"/> with its own data source on the ledger's database.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The Npgsql connection string of the ledger's database.</param>
    /// <param name="configure">Configures <see cref="KlarnaPaymentMarkingOptions"/>, or <see langword="null"/>.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder UsePostgreSqlPaymentMarking(this IKlarnaInvoicingBuilder builder, string connectionString, Action<KlarnaPaymentMarkingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.AddPaymentMarking(configure).AddPaymentMarkingStore(_ => new PostgreSqlKlarnaPaymentMarkingStore(connectionString));
    }
}
