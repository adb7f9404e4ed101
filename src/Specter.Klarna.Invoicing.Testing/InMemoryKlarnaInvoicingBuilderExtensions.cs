using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing;

/// <summary>Registers the in-memory ledger of the testing package.</summary>
public static class InMemoryKlarnaInvoicingBuilderExtensions
{
    /// <summary>Uses a process-local <see cref="InMemoryKlarnaInvoiceLedger"/> (singleton; tests, demos, benchmarks; lost on restart).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder UseInMemoryLedger(this IKlarnaInvoicingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddLedger(_ => new InMemoryKlarnaInvoiceLedger());
    }
}
