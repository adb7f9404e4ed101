using Specter.Klarna.Invoicing.Sqlite;

namespace Specter.Klarna.Invoicing;

/// <summary>Registers payment marking with its SQLite store.</summary>
public static class SqlitePaymentMarkingBuilderExtensions
{
    /// <summary>Adds payment marking (<c>AddPaymentMarking</c>) with a <see cref="SqliteKlarnaPaymentMarkingStore"/> in the ledger's database file.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="databasePath">The ledger's database file (the one given to <c>UseSqliteLedger</c>).</param>
    /// <param name="configure">Configures <see cref="KlarnaPaymentMarkingOptions"/>, or <see langword="null"/>.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder UseSqlitePaymentMarking(this IKlarnaInvoicingBuilder builder, string databasePath, Action<KlarnaPaymentMarkingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return builder.AddPaymentMarking(configure).AddPaymentMarkingStore(_ => new SqliteKlarnaPaymentMarkingStore(databasePath));
    }
}
