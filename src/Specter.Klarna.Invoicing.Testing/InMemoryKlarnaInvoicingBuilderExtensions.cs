using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing;

/// <summary>Registers the in-memory ledger of the testing package.</summary>
public static class InMemoryKlarnaInvoicingBuilderExtensions
{
    /// <summary>Uses a process-local <see cref="InMemoryKlarnaInvoiceLedger"/> (singleton; tests, demos, benchmarks; lost on restart), and an <see cref="InMemoryKlarnaPaymentMarkingStore"/> beside it.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    public static IKlarnaInvoicingBuilder UseInMemoryLedger(this IKlarnaInvoicingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddLedger(_ => new InMemoryKlarnaInvoiceLedger())
            .AddPaymentMarkingStore(static sp => sp.GetRequiredService<Persistence.IKlarnaInvoiceLedger>() is InMemoryKlarnaInvoiceLedger ledger
                ? new InMemoryKlarnaPaymentMarkingStore(ledger)
                : throw new InvalidOperationException("The in-memory payment-marking store needs the in-memory ledger; register the store that goes with your ledger."));
    }
}
