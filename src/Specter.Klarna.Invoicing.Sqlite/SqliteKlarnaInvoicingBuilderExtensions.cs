using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Specter.Klarna.Invoicing.Sqlite;

namespace Specter.Klarna.Invoicing;

/// <summary>Registers the embedded SQLite ledger.</summary>
public static class SqliteKlarnaInvoicingBuilderExtensions
{
    /// <summary>Uses a <see cref="SqliteKlarnaInvoiceLedger"/> on <paramref name="databasePath"/> as the ledger (singleton; also resolvable as <see cref="SqliteKlarnaInvoiceLedger"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="databasePath">The database file; created with its schema on first use if missing.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder UseSqliteLedger(this IKlarnaInvoicingBuilder builder, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        builder.Services.Replace(ServiceDescriptor.Singleton(_ => new SqliteKlarnaInvoiceLedger(databasePath)));
        return builder.AddLedger(sp => sp.GetRequiredService<SqliteKlarnaInvoiceLedger>());
    }
}
